"""Real-genre attribution from the spaCy layer's cue spans: rules and parameters (`norm`), parts of a whole
(`share`), plans of plan documents (`target`), excesses over plan (`change`), and stocks as of a date
(`point_in_time`). Applied after the seed rules of attribution.py, which stay as they were measured.
"""

from __future__ import annotations

from datetime import date

import regex

from extract.figures.rules import rules
from extract.figures.sections import Sections
from extract.figures.sentence import Sentence, clause_start
from extract.language.nlp import cue_phrases, rule_spans
from extract.language.numbers import Mention, is_decrease
from extract.model import Period

_DATE_AFTER = regex.compile(r"[^\S\n]*(?:ngày[^\S\n]+)?([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]((?:19|20)[0-9]{2})")
_SINCE = regex.compile(r"\btừ[^\S\n]+(?:ngày[^\S\n]+)?([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]((?:19|20)[0-9]{2})"
                       r"|\btừ[^\S\n]+(?:năm[^\S\n]+)?((?:19|20)[0-9]{2})", regex.IGNORECASE)


def sentence_cues(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the cue spans of one sentence (identifiers and indicator names left out)."""
    return [(s, e, label) for s, e, label, _ in rule_spans(text) if label not in ("IDENTIFIER", "IDENTIFIER_CUE",
                                                                                   "INDICATOR")]


def _scope_start(sent: Sentence, pos: int) -> int:
    """Start of the stretch that governs a number: after the last top-level ';' or the enclosing '('."""
    s, group = sent.text, sent.group(pos)
    lo = group + 1 if group >= 0 else 0
    semi = s.rfind(";", lo, pos)
    return semi + 1 if semi >= 0 else lo


def is_plan_document(doc_type: str | None) -> bool:
    """A kế hoạch / chương trình / đề án: its undated statements are plans."""
    return bool(doc_type) and doc_type.lower() in cue_phrases("PLAN_DOCUMENT")


def refine_role(sent: Sentence, m: Mention, role: str, cues: list, sec: Sections) -> str:
    """The seed rules' `role` refined for real genres: excess over plan, norm, the whole of a share, share,
    and the plans of plan documents and forecasts (ROLE_TARGET cues)."""
    s = sent.text
    q0 = m.qualifier_span[0] if m.qualifier_span else m.start
    top = _scope_start(sent, m.start)
    past = bool(rules().actual_marker.search(s[top:q0]))
    is_pct = m.base_unit == "%"
    if role == "share_of_target":
        # "vượt 2,1% kế hoạch", "tăng 0,6% so với kế hoạch năm": an excess over plan, not a share of it
        excess = m.qualifier_span and any(
            label == "EXCESS" and c0 <= m.qualifier_span[0] < c1 for c0, c1, label in cues
        )
        return "change" if excess or (m.sign_word and not is_decrease(m.sign_word)) else role
    if role == "change" or m.kind in ("ratio_whole", "multiple"):
        return role
    # a rule: a norm cue before the number (its own qualifier counts: "ít nhất 03 năm", unless a plan word set it
    # already), with no "đã" between the cue and the number
    norms = [c1 for c0, c1, label in cues if label == "ROLE_NORM" and top <= c0 and c1 <= m.num_start]
    if norms and not rules().actual_marker.search(s[max(norms) : q0]):
        if role != "target" or any(c1 <= q0 for c1 in norms):
            return "norm"
    if not is_pct and any(label == "SHARE_AFTER" and 0 <= q0 - c1 <= 2 for _c0, c1, label in cues):
        return "other"  # "trên tổng số 13.633 hồ sơ": the whole a share is taken of
    if is_pct and role in ("actual", "other"):
        if any(label == "ROLE_SHARE" and top <= c0 and 0 <= q0 - c1 <= 10 for c0, c1, label in cues) or any(
            label == "SHARE_AFTER" and m.end <= c0 <= m.end + 2 for c0, _c1, label in cues
        ):
            return "share"
    if role != "actual" or past:
        return role
    clause = clause_start(s, q0, top)
    if any(label == "ROLE_TARGET" and clause <= c0 and c1 <= q0 for c0, c1, label in cues):
        return "target"
    if sec.plan or is_plan_document(sec.meta.doc_type):
        return "target"
    return role


def as_of(sent: Sentence, m: Mention, cues: list, period: Period | None, sec: Sections) -> tuple[Period | None, bool]:
    """The period of a stock "tính đến ngày 05/11/2025", "đến nay" (point in time), or of a flow since a date."""
    s = sent.text
    pits = [c for c in cues if c[2] == "POINT_IN_TIME" and c[1] <= m.start]
    if not pits:
        return period, False
    c0, c1, _ = pits[-1]
    since = None
    for sm in _SINCE.finditer(s, 0, c0 + 1):
        since = sm
    start = None
    if since is not None:
        try:
            start = (date(int(since[3]), int(since[2]), int(since[1])) if since[1]
                     else date(int(since[4]), 1, 1))
        except ValueError:
            start = None
    dm = _DATE_AFTER.match(s, c1)
    end = None
    if dm:
        try:
            end = date(int(dm[3]), int(dm[2]), int(dm[1]))
        except ValueError:
            end = None
    if end is None:
        end = sec.meta.issued_date or (period.end if period else None)
    if end is None:
        return period, False
    if start is not None and start <= end:
        return Period(start, end, f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"), False  # a flow since a date
    start = date(end.year, 1, 1)
    if period is not None and period.start.year == end.year and period.start <= end:
        start = period.start
    return Period(start, end, f"đến {end:%d/%m/%Y}"), True
