"""Figures of running text: each sentence of a block split, analysed, and each number attributed."""

from __future__ import annotations

import regex

from extract.figures.attribution import basis_of, is_share_of_total, label_of, period_of, role_of, subject_of
from extract.figures.cues import as_of, refine_role, sentence_cues
from extract.figures.mentions import mention_figure
from extract.figures.rules import rules
from extract.figures.sections import Sections
from extract.figures.sentence import Resolved, analyse
from extract.figures.subjects import is_weak, list_total, noun_phrase
from extract.language.sentences import sentences
from extract.model import Block, Figure

_DIGIT = regex.compile("[0-9]")


def sentence_figures(text: str, block: Block, sec: Sections, year) -> list[Figure]:
    out = []
    # a figure needs an ASCII digit (numbers.py's cluster): text without one is not split or analysed
    if not _DIGIT.search(text):
        return out
    carried: str | None = None  # the last named subject of the block: "Ước thực hiện 10 tháng đạt 46,3 tỷ đồng"
    for _off, sentence in sentences(text):
        if not _DIGIT.search(sentence):
            continue
        sent = analyse(sentence)
        cues = sentence_cues(sentence)
        prev: Resolved | None = None
        done: list = []  # (mention, subject) of the figures before, for "trong đó" lists
        for i, m in enumerate(sent.mentions):
            next_start = sent.mentions[i + 1].start if i + 1 < len(sent.mentions) else len(sentence)
            indicator, subject = subject_of(sent, m, prev)
            role = refine_role(sent, m, role_of(sent, m, prev, indicator, sec), cues, sec, prev, indicator)
            ind = rules().indicators.get(indicator) if indicator else None
            if (
                role in ("other", "share")
                and m.base_unit == "%"
                and ind
                and ind.base_unit != "%"
                and is_share_of_total(sent, m)
            ):
                indicator = None  # "chiếm 10% diện tích" is a share of area, not the area indicator
            subject = noun_phrase(sent, m, subject, indicator, list_total(sent, m, done))
            if is_weak(subject) and not indicator:
                subject = carried or subject
            elif subject:
                carried = subject
            done.append((m, subject))
            res = Resolved(m, indicator, subject, role)
            period, point_in_time = as_of(sent, m, cues, period_of(sent, m, role, sec, year, next_start), sec)
            if role == "norm" and m.kind != "ratio_whole":
                # a rule holds whenever it applies; the cap of a ratio (9.548/9.976 biên chế) is the period's own
                period, point_in_time = None, False
            basis = basis_of(sent, m, prev.mention.end if prev else 0, next_start)
            out.append(
                mention_figure(
                    m,
                    sentence,
                    block.location,
                    block,
                    period,
                    indicator=res.indicator,
                    subject=res.subject,
                    role=res.role,
                    basis=basis,
                    label=label_of(sent, m, next_start),
                    point_in_time=point_in_time,
                )
            )
            prev = res
    return out
