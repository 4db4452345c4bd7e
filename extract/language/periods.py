"""Reporting periods: find "Quý I năm 2026", "6 tháng cuối năm", "9 tháng", "năm 2025" and turn them into dates.

Patterns live in rules/periods.yaml; a period without a year takes the year of its context (the document's).
"cùng kỳ" is a comparison base, not a period, and is never matched here.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

import regex

from extract import catalog
from extract.language.literals import key_words
from extract.language.text import caseless
from extract.model import Period


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    kind: str
    period: Period | None  # None when no year is known yet


_FLAGS = regex.IGNORECASE | regex.V1


@cache
def _patterns():
    data = catalog.load("periods")
    roman = {k.upper(): v for k, v in data["roman"].items()}
    compiled = [(p["kind"], regex.compile(p["regex"], _FLAGS)) for p in data["patterns"]]
    return compiled, roman


@cache
def _needs() -> tuple[list[tuple[str, ...]], tuple[str, ...]]:
    """The words one of which each period pattern needs in a text (extract/language/literals.py), in pattern
    order, and the words one of which any match needs (() when a pattern needs none: every text is searched)."""
    needs = [key_words(rx.pattern) for _kind, rx in _patterns()[0]]
    return needs, (() if not all(needs) else tuple(sorted({w for n in needs for w in n})))


@cache
def _extras():
    data = catalog.load("periods")
    dates = [(p["kind"], regex.compile(p["regex"], _FLAGS)) for p in data["as_of_dates"]]
    return regex.compile(data["comparison_before"], _FLAGS), dates, regex.compile(data["as_of_not_after"], _FLAGS)


_LABELS = ("quarter", "quarter_span", "first_months", "last_months", "first_half", "second_half", "month",
           "month_range", "year", "year_range", "school_year", "dry_season", "working_year", "crop_season",
           "date_range", "as_of")


@cache
def _labels() -> dict[str, str]:
    labels = catalog.load("periods")["labels"]
    if set(labels) != set(_LABELS):
        raise catalog.RuleError(f"periods.yaml labels: expected the kinds {', '.join(_LABELS)}")
    return labels


def period_label(kind: str, **fields) -> str:
    """The label of a period of this kind (periods.yaml `labels`): period_label("year", y=2025) -> "năm 2025"."""
    return _labels()[kind].format(**fields)


def labels_kind(label: str, kind: str) -> bool:
    """Whether `label` could be a label of this kind: it opens with the kind's fixed words (periods.yaml `labels`,
    what the template has before its first field)."""
    return label.startswith(_labels()[kind].split("{", 1)[0])


@cache
def _programme():
    data = catalog.load("periods")
    return regex.compile(data["programme_span"], _FLAGS), regex.compile(data["programme_headings"], _FLAGS)


def programme_span(text: str) -> Period | None:
    """The span a programme is said to run over ("Đề án ... được thực hiện từ năm 2006 ... kết thúc vào năm
    2020" -> 2006-2020); None when the text states none."""
    rx = _programme()[0]
    words = _programme_words()
    if words and not any(map(caseless(text).__contains__, words)):
        return None  # asked of every block: most lack the pattern's words
    m = rx.search(text)
    if not m or int(m["y1"]) > int(m["y"]):
        return None
    y1, y = int(m["y1"]), int(m["y"])
    return Period(date(y1, 1, 1), date(y, 12, 31), period_label("year_range", y1=y1, y=y))


@cache
def _programme_words() -> tuple[str, ...]:
    return key_words(_programme()[0].pattern)


def names_programme(heading: str) -> bool:
    """A heading about a programme (Đề án, Chương trình, Dự án, Chính sách): its part may take the programme's span."""
    return bool(_programme()[1].search(heading))


def _pattern(key: str) -> regex.Pattern:
    """periods.yaml `key`, compiled case-insensitively: the body of each cached pattern getter below."""
    return regex.compile(catalog.load("periods")[key], _FLAGS)


@cache
def breakdown() -> regex.Pattern:
    """The words that open the parts of a figure named before ("trong đó", "cụ thể", "gồm")."""
    return _pattern("breakdown")


@cache
def plan_time_before() -> regex.Pattern:
    """The words that, right before a period after a plan's number, make it the plan's time ("ngay trong quý II"),
    not the year of a noun ("kế hoạch vốn năm 2025")."""
    return _pattern("plan_time_before")


@cache
def round_before() -> regex.Pattern:
    """What stands right before a year that names a round ("đợt quan trắc thứ 4 năm 2026"), not a period."""
    return _pattern("round_before")


@cache
def carry_over_before() -> regex.Pattern:
    """What stands right before a year that a carry-over of budget funds comes from or goes to ("chi chuyển nguồn sang
    năm 2026", "thu kết dư ngân sách năm 2024"), not a period."""
    return _pattern("carry_over_before")


@cache
def period_joiner() -> regex.Pattern:
    """The words joining two periods that together time one number ("năm 2025 và 11 tháng năm 2026")."""
    return _pattern("period_joiner")


@cache
def publication_before() -> regex.Pattern:
    """What stands right before a period that dates a publication ("Bộ Nội vụ công bố tháng 8/2026"), not a figure."""
    return _pattern("publication_before")


@cache
def labels_next() -> regex.Pattern:
    """What stands between a period and the next number when the period labels that number ("KH Quý I: 86%")."""
    return _pattern("labels_next")


@cache
def schedule_head() -> regex.Pattern:
    """A schedule named at a sentence's head, before the days it is set for (periods.yaml `schedule_head`)."""
    return _pattern("schedule_head")


@cache
def event_lead() -> regex.Pattern:
    """A head of a sentence naming a contest or exam, before the period that ends it (periods.yaml `event_lead`)."""
    return _pattern("event_lead")


def lead_words() -> int:
    """How many words may stand before a period or as-of cue that opens a sentence ("Theo đó, từ ngày ...")."""
    return int(catalog.load("periods")["lead_max_words"])


def as_of_not_after() -> regex.Pattern:
    """The syllables that, right before an as-of cue, make its first syllable part of another word."""
    return _extras()[2]


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _build(kind: str, groups: dict, year: int | None, roman: dict) -> Period | None:
    y = int(groups["y"]) if groups.get("y") else year
    if y is None:
        return None
    if kind == "quarter":
        q = groups["q"].upper()
        qn = roman.get(q) or int(q)
        start, end = date(y, 3 * qn - 2, 1), month_end(y, 3 * qn)
        return Period(start, end, period_label("quarter", q=['I', 'II', 'III', 'IV'][qn - 1], y=y))
    if kind in ("quarter_span", "half", "month_range"):
        return _span(kind, groups, y, roman)
    if kind == "first_months":
        n = int(groups["months"])
        return Period(date(y, 1, 1), month_end(y, n), period_label("first_months", n=n, y=y))
    if kind == "last_months":
        n = int(groups["months"])
        return Period(date(y, 13 - n, 1), date(y, 12, 31), period_label("last_months", n=n, y=y))
    if kind == "month":
        m = int(groups["m"])
        return Period(date(y, m, 1), month_end(y, m), period_label("month", m=m, y=y))
    if kind == "year":
        return Period(date(y, 1, 1), date(y, 12, 31), period_label("year", y=y))
    if kind == "since_year":
        y1 = int(groups["y1"])
        if y1 > y:
            return None
        label = period_label("year_range", y1=y1, y=y) if y1 < y else period_label("year", y=y)
        return Period(date(y1, 1, 1), date(y, 12, 31), label)
    if kind == "year_range":
        y1 = int(groups["y1"])
        return Period(date(y1, 1, 1), date(y, 12, 31), period_label("year_range", y1=y1, y=y)) if y1 < y else None
    if kind in ("school_year", "dry_season"):
        return _season(kind, int(groups["y1"]), y)
    if kind == "working_year":
        return _season(kind, y - 1, y)  # "năm công tác y": from y-1 into y, named by y alone
    if kind == "crop_season":
        season = _crop_season(groups["s"], int(groups["y1"]) if groups.get("y1") else None, y)
        return _written_months(season, groups) if season is not None and groups.get("sm1") else season
    if kind == "date_range":
        m = int(groups["m"])
        m1 = int(groups["m1"]) if groups.get("m1") else m
        y1 = int(groups["y1"]) if groups.get("y1") else y
        try:
            start, end = date(y1, m1, int(groups["d1"])), date(y, m, int(groups["d"]))
        except ValueError:
            return None
        return Period(start, end, period_label("date_range", start=start, end=end)) if start <= end else None
    raise ValueError(f"unknown period kind {kind}")


def _season(kind: str, y1: int, y: int) -> Period | None:
    """The days of a season across two years: "năm học y1-y" (periods.yaml `school_year`: September of y1 to May of
    y), "mùa khô y1-y" (`dry_season`: November of y1 to May of y), "năm công tác y" (`working_year`: October of y1 to
    September of y); None unless y follows y1."""
    if y != y1 + 1:
        return None
    days = catalog.load("periods")[kind]
    (m1, d1), (m, d) = days["start"], days["end"]
    return Period(date(y1, m1, d1), date(y, m, d), period_label(kind, y1=y1, y=y))


def _crop_season(name: str, y1: int | None, y: int) -> Period | None:
    """The days of a crop season (periods.yaml `crop_seasons`): one whose months cross the year ends in y and starts in
    y1 = y-1 ("vụ Đông Xuân 2025-2026", "vụ Đông Xuân 2026"), the others lie in y; None for two years that do not
    fit the season."""
    name = " ".join(name.casefold().split())
    days = catalog.load("periods")["crop_seasons"][name]
    (m1, d1), (m, d) = days["start"], days["end"]
    crosses = (m1, d1) > (m, d)
    start_year = y - 1 if crosses else y
    if y1 is not None and y1 != start_year:
        return None
    years = f"{start_year}-{y}" if crosses else str(y)
    return Period(date(start_year, m1, d1), date(y, m, d), period_label("crop_season", s=name.title(), years=years))


def _written_months(season: Period, groups: dict) -> Period:
    """A crop season with its months written after it ("vụ Đông Xuân 2026-2027 (từ tháng 12/2026 đến tháng 4/2027)"):
    those months, named as the season; the calendar's days when the months written are out of order."""
    try:
        start = date(int(groups["sy1"]), int(groups["sm1"]), 1)
        end = month_end(int(groups["sy"]), int(groups["sm"]))
    except ValueError:
        return season
    return Period(start, end, season.label) if start <= end else season


def _span(kind: str, groups: dict, y: int, roman: dict) -> Period | None:
    """The months of "quý I và quý II" (first to last quarter named), of "từ tháng 7 đến tháng 9" (first to last
    month named) or of "nửa đầu/cuối năm" (a half-year)."""
    if kind == "half":
        first = groups["h"].casefold() == catalog.load("periods")["first_half_word"]
        start, end = (date(y, 1, 1), date(y, 6, 30)) if first else (date(y, 7, 1), date(y, 12, 31))
        return Period(start, end, period_label("first_half" if first else "second_half", y=y))
    if kind == "month_range":
        y1, m1, m = int(groups["y1"]) if groups.get("y1") else y, int(groups["m1"]), int(groups["m"])
        if (y1, m1) >= (y, m):
            return None
        return Period(date(y1, m1, 1), month_end(y, m), period_label("month_range", m1=m1, y1=y1, m=m, y=y))
    q1, q = (roman.get(g.upper()) or int(g) for g in (groups["q1"], groups["q"]))
    if q1 >= q:
        return None
    return Period(date(y, 3 * q1 - 2, 1), month_end(y, 3 * q), period_label("quarter_span", q1=q1, q=q, y=y))


def find_periods(text: str, year: int | None = None) -> list[PeriodMention]:
    """Every period named in `text`, longest match first where two overlap, in text order."""
    return list(_periods(text, year))


@lru_cache(maxsize=4096)
def _periods(text: str, year: int | None) -> tuple[PeriodMention, ...]:
    """find_periods, remembered: the figure stage asks again for the same sentence, once per number in it."""
    roman = _patterns()[1]
    return tuple(PeriodMention(s, e, kind, _build(kind, groups, year, roman)) for s, e, kind, groups in _matches(text))


@lru_cache(maxsize=4096)
def _matches(text: str) -> tuple[tuple[int, int, str, dict], ...]:
    """(start, end, kind, groups) of the period phrases of `text`, longest first where two overlap and without
    comparison bases: what find_periods reads, whatever the year (a text is asked with more than one year)."""
    compiled, (needs, any_need) = _patterns()[0], _needs()
    folded = caseless(text)
    if any_need and not any(map(folded.__contains__, any_need)):
        return ()  # no pattern's words: most texts asked are short phrases
    comparison = _extras()[0]
    found = []
    for (kind, rx), words in zip(compiled, needs, strict=True):
        if words and not any(map(folded.__contains__, words)):
            continue  # the text lacks every word of a kind each match of the pattern needs
        for m in rx.finditer(text):
            found.append((m.start(), m.end(), kind, m.groupdict()))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, str, dict]] = []
    for f in found:
        if out and f[0] < out[-1][1]:
            continue
        out.append(f)
    # "so với cùng kỳ năm 2024": a comparison base, not the period of what is measured
    return tuple(f for f in out if not comparison.search(text[max(0, f[0] - 30) : f[0]]))


@cache
def _comparison_base() -> regex.Pattern:
    return _pattern("comparison_base")


def base_period(text: str, pos: int, period: Period) -> Period | None:
    """The period of the base a comparison in `text` names (the one nearest `pos`), for a figure of `period`: "so
    với cùng kỳ năm 2024" moves a figure of 2025 to 2024, "so với cùng kỳ", "so với năm trước" one year back; None
    when the text compares with no earlier year."""
    found = list(_comparison_base().finditer(text))
    if not found:
        return None
    near = min(found, key=lambda c: min(abs(c.start() - pos), abs(c.end() - pos)))
    back = period.end.year - int(near["y"]) if near["y"] else 1
    if back <= 0:
        return None
    start, end = _years_back(period.start, back), _years_back(period.end, back)
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return whole_year(start.year)
    return Period(start, end, period_label("date_range", start=start, end=end))


def _years_back(day: date, n: int) -> date:
    y = day.year - n
    return date(y, day.month, min(day.day, calendar.monthrange(y, day.month)[1]))


def forget() -> None:
    """Empty find_periods' memory: called per document, so each document pays for its own text (a batch of
    copies of one file would otherwise time the memory, not the rules)."""
    _periods.cache_clear()
    _matches.cache_clear()


def first_period(text: str, year: int | None = None) -> Period | None:
    for pm in find_periods(text, year):
        if pm.period is not None:
            return pm.period
    return None


def whole_year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), period_label("year", y=year))


def year_of(p: Period) -> Period:
    """The year a period belongs to, as a KPI of the year is set for it: the period itself when it is a span of twelve
    months (a working year, 01/10/2025-30/9/2026), else the calendar year it ends in."""
    if p.start.day == 1 and p.end == p.start.replace(year=p.start.year + 1) - timedelta(days=1):
        return p
    return whole_year(p.end.year)


def date_at(text: str, pos: int) -> date | None:
    """The day a phrase starting at `pos` names, as the end of a count: "ngày 05/11/2025", "cuối năm 2023" (31/12),
    "hết tháng 9/2025" (30/9), "quý I năm 2026" (31/3); None when no such phrase starts there."""
    roman = _patterns()[1]
    for kind, rx in _extras()[1]:
        m = rx.match(text, pos)
        if not m:
            continue
        y = int(m["y"])
        try:
            if kind == "day":
                return date(y, int(m["m"]), int(m["d"]))
            if kind == "month":
                return month_end(y, int(m["m"]))
            if kind == "quarter":
                q = m["q"].upper()
                return month_end(y, 3 * (roman.get(q) or int(q)))
            return date(y, 12, 31)
        except (ValueError, calendar.IllegalMonthError):
            return None
    return None

