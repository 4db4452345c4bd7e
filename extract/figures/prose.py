"""Figures of running text: each sentence of a block split, analysed, and each number attributed."""

from __future__ import annotations

import regex

from extract.figures.attribution import basis_of, is_share_of_total, label_of, role_of, subject_of
from extract.figures.cues import figure_period, lead_of, refine_role, sentence_cues
from extract.figures.mentions import mention_figure
from extract.figures.rules import rules
from extract.figures.sections import Sections
from extract.figures.sentence import Resolved, analyse
from extract.figures.subjects import ListContext, is_weak, list_total, noun_phrase
from extract.language.periods import breakdown
from extract.language.sentences import sentences
from extract.model import Block, Figure

_DIGIT = regex.compile("[0-9]")
_LEAD_MARKS = regex.compile(r"^[\s\-–+*•.,:;]+")
_LIST_ITEM = regex.compile(r"^\s*(?:[-+•*–]|[a-zđ]\)|\(?\d{1,2}[.)](?!\d))")


def sentence_figures(text: str, block: Block, sec: Sections, year, context: ListContext | None = None) -> list[Figure]:
    """The figures of one block of running text; `context` carries list labels and lead-ins across blocks."""
    out = []
    context = context if context is not None else ListContext()
    context.enter(text)
    try:
        return _block_figures(text, block, sec, year, context, out)
    finally:
        context.leave(text)


def _block_figures(text: str, block: Block, sec: Sections, year, context: ListContext, out: list) -> list[Figure]:
    # a figure needs an ASCII digit (numbers.py's cluster): text without one is not split or analysed
    if not _DIGIT.search(text):
        return out
    carried: str | None = None  # the last named subject of the block: "Ước thực hiện 10 tháng đạt 46,3 tỷ đồng"
    # the period a sentence opens with carries to the next ones of the block; a list item starts with its lead-in's
    lead = sec.lead_in if _LIST_ITEM.match(text) or block.kind == "list_item" else None
    if block.kind == "footnote":
        lead = sec.noted  # a footnote details the paragraph it is called from, as of that paragraph's day
    last_as_of = None  # the last stock as of a day in the block
    last: tuple | None = None  # (period, point in time) of the last figure of the sentence before
    closing = None  # the period the block's last sentence opens with when it has no figure ("Trong tháng 11/2025,
    # tập trung thực hiện những nhiệm vụ trọng tâm sau đây:")
    for _off, sentence in sentences(text):
        closing = None
        if not _DIGIT.search(sentence):
            lead = closing = _text_lead(sentence, sec, year) or lead
            continue
        sent = analyse(sentence)
        if not sent.mentions:
            closing = _text_lead(sentence, sec, year)  # dates only: it may open the part, not the next sentence
            continue
        cues = sentence_cues(sentence)
        if last is not None and last[0] is not None and breakdown().match(_LEAD_MARKS.sub("", sentence)):
            lead = last  # "Trong đó khu vực ... (tăng 52,4%)": the parts of the figure just given
        lead = lead_of(sent, cues, sec, year, lead) or lead
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
            subject = noun_phrase(sent, m, subject, indicator, list_total(sent, m, done), done, context)
            if is_weak(subject) and not indicator:
                subject = carried or subject
            elif subject:
                carried = subject
            done.append((m, subject))
            res = Resolved(m, indicator, subject, role)
            period, point_in_time = figure_period(sent, m, role, cues, sec, year, next_start, lead)
            if point_in_time and period is not None:
                last_as_of = (period, True)
            if role != "target":
                last = (period, point_in_time)
            if role == "norm" and m.kind != "ratio_whole":
                # a rule holds whenever it applies; the cap of a ratio (9.548/9.976 biên chế) is the period's own
                period, point_in_time = None, False
            elif role == "other" and any(lab == "NORM_TOPIC" and 0 <= c0 - m.end <= 2 for c0, _c1, lab in cues):
                # "(bằng 50% mức hỗ trợ tại dự thảo)": a level against a rule holds whenever the rule does
                period, point_in_time = None, False
            elif role == "norm" and point_in_time:
                # "Đến nay, ... (9.548/9.976 biên chế) được giao": the use is counted to a day, the quota given is
                # the whole period's
                period, point_in_time = sec.fact_period(), False
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
        context.heading = None  # the block's label names the figures of its first sentence; later ones carry it
    if block.kind == "footnote":
        return out
    sec.noted = last_as_of or lead
    if text.rstrip().endswith(":"):
        # a lead-in "Tổng số đơn vị hiện có là 1.883 đơn vị; cụ thể:" gives its items its own as-of
        sec.lead_in = last_as_of or lead
        if closing is not None and not closing[1]:
            sec.adopt(closing[0])  # "Trong tháng 11/2025, tập trung ... sau đây:" dates the whole part it opens
    elif not _LIST_ITEM.match(text):
        sec.lead_in = None
    return out


def _text_lead(sentence: str, sec: Sections, year) -> tuple | None:
    """The as-of cue or period a sentence without numbers opens with ("Kết quả thực hiện từ năm 2022 đến năm
    2025, như sau:")."""
    sent = analyse(sentence + " 0")  # a stand-in number at the end: everything before it is the opening
    return lead_of(sent, sentence_cues(sentence), sec, year, None)
