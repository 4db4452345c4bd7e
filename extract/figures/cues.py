"""Real-genre attribution from the spaCy layer's cue spans: rules and parameters (`norm`), parts of a whole
(`share`), plans of plan documents (`target`), excesses over plan (`change`), and stocks as of a date
(`point_in_time`). Applied after the seed rules of attribution.py, which stay as they were measured.
"""

from __future__ import annotations

from datetime import date

import regex

from extract.figures.attribution import opens, own_period, section_period, sentence_lead
from extract.figures.rules import rules
from extract.figures.sections import Sections
from extract.figures.sentence import Sentence, clause_start
from extract.language.nlp import cue_phrases, rule_spans
from extract.language.numbers import Mention, is_decrease
from extract.language.periods import as_of_not_after, date_at, find_periods
from extract.model import Period

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


def figure_period(
    sent: Sentence, m: Mention, role: str, cues: list, sec: Sections, year: int | None, next_start: int,
    lead: tuple[Period, bool] | None,
) -> tuple[Period | None, bool]:
    """(period, point in time) of a number: an as-of cue before it in its sentence, else the period its own clause
    names, else the lead of its sentence or of the sentences before it in the block (`lead`: "Tính đến ngày
    05/11/2025, ... . Tiến độ ... đạt 75,2%"), else its section's. A plan's target is never a stock as of a day."""
    own = own_period(sent, m, role, year, next_start)
    usable = lead if lead is not None and not (lead[1] and role == "target") else None
    # the context of a stock is what encloses the sentence: a year in it is the cue's own ("tính đến cuối năm
    # 2023", "từ năm 2010 đến nay")
    context = (usable[0] if usable and not usable[1] else None) or section_period(sent, m, role, sec)
    if role != "target":
        hit = as_of_at(sent.text, m.start, cues, context, sec)
        if hit is not None:
            return hit
    if own is not None:
        return own, False
    if usable is not None:
        return usable
    return context, bool(context is not None and role != "target" and sec.stock())


def lead_of(sent: Sentence, cues: list, sec: Sections, year: int | None, carried: tuple[Period, bool] | None
            ) -> tuple[Period, bool] | None:
    """What opens a sentence before its first number: an as-of cue ("Đến nay, ...") or a period ("Trong 6 tháng
    cuối năm, ..."); None when it opens with neither."""
    if not sent.mentions:
        return None
    context = (carried[0] if carried and not carried[1] else None) or sec.period
    f0 = sent.mentions[0].start
    if any(label == "POINT_IN_TIME" and c1 <= f0 and opens(sent.text, c0) for c0, c1, label in cues):
        hit = as_of_at(sent.text, f0, cues, context, sec)
        if hit is not None:
            return hit
    period = sentence_lead(sent, year)
    return (period, False) if period is not None else None


def as_of(sent: Sentence, m: Mention, cues: list, period: Period | None, sec: Sections) -> tuple[Period | None, bool]:
    """The period of a stock "tính đến ngày 05/11/2025", "đến nay" (point in time), or of a flow since a date,
    when a cue stands before the number in its sentence; else `period` (the number's context) as it is."""
    found = as_of_at(sent.text, m.start, cues, period, sec)
    return found if found is not None else (period, False)


def as_of_at(s: str, pos: int, cues: list, context: Period | None, sec: Sections) -> tuple[Period, bool] | None:
    """(period, point in time) of the last as-of cue before `pos` in `s`: the day written after the cue, else the
    document's (Sections.report_day); a "từ ..." before the cue makes it a flow since then. None without a cue."""
    pits = [c for c in cues if c[2] == "POINT_IN_TIME" and c[1] <= pos and not _inside_word(s, c[0])]
    if not pits:
        return None
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
    end = date_at(s, c1)
    if end is None:
        named = [pm for pm in find_periods(s[c1 : c1 + 40], context.end.year if context else None) if pm.period]
        if named and not s[c1 : c1 + named[0].start].strip():
            if named[0].kind == "first_months":
                return named[0].period, False  # "lũy kế 9 tháng": a running total over the months named
            end = named[0].period.end  # "tính đến quý III", "lũy kế đến tháng 10"
    if end is None:
        # "đến nay", "hiện tại" with no day written: the document's now, counted over the document's period (a
        # part on 2009–2015 of a report on 2021–2025 still says "now" of 2025)
        context = sec.meta.period or context
        end = sec.report_day(context)
    if end is None:
        return None
    if start is not None and start <= end:
        return Period(start, end, f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"), False  # a flow since a date
    # a stock counts from the start of its context ("Tính đến cuối năm 2023" in a part on 2009–2015: since 2009)
    start = context.start if context is not None and context.start <= end else date(end.year, 1, 1)
    return Period(start, end, f"đến {end:%d/%m/%Y}"), True


def _inside_word(s: str, c0: int) -> bool:
    """A cue whose first syllable ends a longer word: "thực hiện đạt" is not "hiện đạt" (rules/periods.yaml)."""
    return bool(as_of_not_after().search(s[max(0, c0 - 12) : c0]))
