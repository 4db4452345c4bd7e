"""Sections: the heading stack while walking a document — which period and which kind of part (plan,
year targets, method of scoring or counting) a block belongs to, and whether a paragraph introduced a list of
rules ("... quy định mức hỗ trợ như sau:")."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache

import regex

from extract import catalog
from extract.figures.rules import rules
from extract.figures.subjects import is_counted
from extract.language.headings import heading_level
from extract.language.nlp import may_match, rule_spans
from extract.language.numbers import Mention
from extract.language.periods import (
    date_at,
    find_periods,
    labels_kind,
    names_programme,
    period_label,
    programme_span,
)
from extract.language.subjects import WHOLE_WORD, content_words, word_alternation
from extract.model import Block, Metadata, Period

_DATES = regex.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d\b|\b(?:19|20)\d\d\b")
_DIGIT = regex.compile(r"\d")
_TITLE_WORDS = 25  # a heading's length at most: longer numbered paragraphs are items with content
_RECENT = 2  # paragraphs of a section kept as topics in force
_PLANS = 4  # plans named in full kept in memory (of the document's opening, and of the current part)
_MAX_FIELD = 4  # content words of the field a heading names ("ma túy", "cải cách hành chính")
_MAX_FIELD_SUBJECT = 6  # content words of a count's subject short enough to take its part's field
_BARE_COUNT = regex.compile(r"\s*(?:[,.;:()\[\]]|$)")  # after a count whose noun nothing names: "45 vụ, 60 bị can"
_FIELD_STOP = regex.compile(r"[.;:()\[\]“”\"!?…]|\s[-–]\s")


@dataclass(frozen=True)
class Section:
    level: int
    text: str
    period: Period | None
    plan: bool
    year_targets: bool
    method: bool = False
    as_of: bool = False  # the period is a stock's: "2. Kết quả thực hiện: đến thời điểm báo cáo ngày 06/11/2025"
    goals: bool = False  # the part lists a plan's objectives: "2. Mục tiêu đến năm 2030", "3. Chỉ tiêu hằng năm"
    profile: bool = False  # the part profiles what the report is about: "I. THÔNG TIN CHUNG"


class Sections:
    """The heading stack while walking the document: which period and which kind of section we are in."""

    def __init__(self, meta: Metadata):
        self.meta = meta
        self.year = meta.period.end.year if meta.period else None
        self.stack: list[Section] = []
        self.rule_list = False  # a paragraph of this section announced rules: "... mức hỗ trợ như sau:"
        # the period (and point-in-time flag) a lead-in ending in ":" gives the list items under it
        self.lead_in: tuple[Period, bool] | None = None
        # the period of the last paragraph, for the footnotes called from it
        self.noted: tuple[Period, bool] | None = None
        # the period (and point-in-time flag) the sentence being read opens with or its paragraph carries to it
        # ("Mùa khô năm 2025-2026 (...), ... xảy ra 23 vụ ...; trong đó có 04 vụ ... . Nguyên nhân ... (15 vụ, ...)")
        self.opening: tuple[Period, bool] | None = None
        self.recent: list[str] = []  # the section's last paragraphs, nearest first (topics in force)
        # the plans, programmes and schemes named in full, nearest first: those of the document's opening (before
        # any heading) hold for all of it, those of a part until its outermost heading closes (topics in force)
        self.plans_of_document: list[str] = []
        self.plans_of_part: list[str] = []
        # the subjects of the rates per a unit of time or of a thing ("mỗi tháng 02 chuyên mục") named past their
        # bare noun, by value and unit: a later restatement by the bare noun is of the same thing (rate_restated)
        self.rates: dict[tuple, str] = {}
        # a document that sets rules (its title "NGHỊ QUYẾT Quy định ..."): its stated levels are norms
        self.rules_document = bool(meta.title and rules().rule_document_titles.match(meta.title))
        # a document that approves a plan ("QUYẾT ĐỊNH Phê duyệt Chương trình ..."): its undated statements are plans
        self.plan_approval = bool(meta.title and rules().plan_approval_titles.match(meta.title))
        # a directive's orders have begun ("..., Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:"): what follows is to be done
        self.ordered = False

    def enter(self, block: Block) -> None:
        r = rules()
        level = block.level or 9
        self.lead_in = None
        self.recent = []
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        if not self.stack:
            self.plans_of_part = []  # a new outermost part: the plans its predecessor was about are done
        self.rule_list = False
        # only part and section headings set a reporting period; a numbered item's "trong năm 2026" is a clause,
        # but a short third-level heading is a title ("2. Tình hình thực hiện năm 2025 và kết quả bước đầu")
        period = None
        if level <= 2 or (level == 3 and len(block.text.split()) <= 12):
            period = next((pm.period for pm in find_periods(block.text, self.year) if pm.period), None)
        as_of = self._as_of(block.text)
        self.stack.append(
            Section(
                level=level,
                text=block.text,
                period=as_of or period,
                plan=bool(r.plan_sections.match(r.numbering.sub("", block.text, count=1)))
                or bool(r.plan_section_words.search(block.text)),
                year_targets=bool(r.year_target_sections.search(block.text)),
                method=bool(r.method_sections.search(block.text))
                and not r.method_section_breakers.search(block.text),
                as_of=as_of is not None,
                goals=bool(r.goal_sections.match(r.numbering.sub("", block.text, count=1))),
                profile=bool(r.profile_sections.search(block.text)),
            )
        )

    def adopt(self, period: Period) -> None:
        """The period a paragraph opening its part names for all of it (a lead-in ending in ':'), when the part's
        heading names none: "III. PHƯƠNG HƯỚNG ..." then "Trong tháng 11/2025, tập trung thực hiện ... sau đây:"."""
        if self.stack and self.stack[-1].period is None:
            self.stack[-1] = replace(self.stack[-1], period=period)

    def _as_of(self, text: str) -> Period | None:
        """The stock period a heading names with an as-of cue ("Kết quả thực hiện: đến thời điểm báo cáo ngày
        06/11/2025"): from the start of the enclosing period to the day written, else the document's day."""
        if not may_match(text, "POINT_IN_TIME"):
            return None  # no as-of phrase can be among its spans: no tokenizer
        cues = [(c0, c1) for c0, c1, label, _ in rule_spans(text) if label == "POINT_IN_TIME"]
        if not cues:
            return None
        context = self.period
        end = date_at(text, cues[-1][1]) or self.report_day(context)
        if end is None:
            return None
        start = context.start if context is not None and context.start <= end else date(end.year, 1, 1)
        return Period(start, end, period_label("as_of", end=end))

    def is_dated_title(self, block: Block) -> bool:
        """A numbered paragraph that is a heading in all but style and names the period of what follows ("2. Kết quả
        thực hiện: đến thời điểm báo cáo ngày 06/11/2025"): short, with no number but its dates."""
        text = block.text
        if block.kind != "paragraph" or heading_level(text) is None or len(text.split()) > _TITLE_WORDS:
            return False
        bare = _DATES.sub("", rules().numbering.sub("", text, count=1))
        if _DIGIT.search(bare) or not may_match(text, "POINT_IN_TIME"):
            return False
        return any(label == "POINT_IN_TIME" for _c0, _c1, label, _ in rule_spans(text))

    def stock(self) -> bool:
        """Whether the period fact_period() gives is a stock's (a heading "đến thời điểm báo cáo ngày ...", else a
        title "(tính đến ngày ...)"); never in a part profiling what the report is about ("I. THÔNG TIN CHUNG")."""
        if any(s.profile for s in self.stack):
            return False  # "Dự án có chiều dài tuyến 55,8 km": the make-up of the project, no count to a day
        day = self.meta.issued_date or self.meta.report_date
        for s in reversed(self.stack):
            if s.period and not (day and s.period.start > day):
                return s.as_of
        return self.meta.as_of  # a progress report "(tính đến ngày ...)": its results count to that day

    def in_goals(self) -> bool:
        """Whether a heading in force lists a plan's objectives ("2. Mục tiêu đến năm 2030")."""
        return any(s.goals for s in self.stack)

    @property
    def period(self) -> Period | None:
        for s in reversed(self.stack):
            if s.period:
                return s.period
        return self.meta.period

    def fact_period(self) -> Period | None:
        """The period of what has happened: a heading's period that starts after the document's date (the remedies
        "trong tháng 12/2025" of a report dated 28/11/2025) names a plan, so the enclosing period stands; a
        policy's span of years that runs past the report's period ("CHÍNH SÁCH ... GIAI ĐOẠN 2022-2026" in a
        report on 2021-2025) has happened only up to the end of the report's period."""
        day = self.meta.issued_date or self.meta.report_date
        for s in reversed(self.stack):
            if s.period and not (day and s.period.start > day):
                return self._clipped(s.period)
        return self.meta.period

    def _clipped(self, period: Period) -> Period:
        own = self.meta.period
        if own is None or not (period.start <= own.end < period.end) or (period.end - period.start).days <= 366:
            return period
        return Period(period.start, own.end, f"{period.start:%Y}-{own.end:%Y}")

    def is_caption(self, block: Block) -> bool:
        """An upper-case line inside a numbered subsection ("KẾT QUẢ CHỈ SỐ PAR INDEX NĂM 2024" over a chart) is
        the title of a chart or table there, not a part of the document, unless it opens a plan part."""
        if not self.stack or self.stack[-1].level < 3:
            return False
        return not rules().plan_sections.search(rules().numbering.sub("", block.text, count=1))

    def report_day(self, context: Period | None) -> date | None:
        """The day "đến nay" speaks of: the day a title counts to ("(tính đến ngày ...)"); the signing date; else the file's own date (a blank signing day) when the
        number's context is a year or longer that has not ended by then (a year's report written in November);
        else the end of the context (a quarter's report counts to the quarter's end)."""
        if self.meta.as_of and self.meta.period is not None:
            return self.meta.period.end  # "(tính đến ngày 15/11/2026)": the report speaks as of that day
        if self.meta.issued_date:
            return self.meta.issued_date
        day = self.meta.report_date
        if day and context and context.start <= day < context.end and (context.end - context.start).days >= 364:
            return day
        return context.end if context else day

    @property
    def plan(self) -> bool:
        return any(s.plan for s in self.stack)

    @property
    def year_targets(self) -> bool:
        return any(s.year_targets for s in self.stack)

    @property
    def method(self) -> bool:
        """A part that explains how something is scored or counted: its numbers are rules (norm)."""
        return any(s.method for s in self.stack) or self.rule_list

    def field(self) -> str:
        """The field of work the innermost open heading that names one is about (field_of): "" when none does."""
        return next((f for f in (field_of(s.text) for s in reversed(self.stack)) if f), "")

    def in_force(self) -> list[str]:
        """The texts a figure's subject may take its topic from (extract/figures/topics.py), nearest first: the
        section's last paragraphs, then the open headings from the innermost out."""
        return [*self.recent, *(s.text for s in reversed(self.stack)), *self.plans_of_part, *self.plans_of_document]

    def remember(self, plans: list[str]) -> None:
        """Keep the plans a block names in full (topics.plans_named) as topics in force, nearest first."""
        if not plans:
            return
        if self.stack:
            self.plans_of_part = [*reversed(plans), *self.plans_of_part][:_PLANS]
        else:
            self.plans_of_document = [*reversed(plans), *self.plans_of_document][:_PLANS]

    def rate_restated(self, m: Mention, subject: str | None) -> str | None:
        """The subject of a count per a unit ("chuyên mục/tháng") the document restates by its bare noun ("định kỳ
        phát sóng (mỗi tháng 02 chuyên mục)" after "Định kỳ phát sóng mỗi tháng 02 chuyên mục chương trình ..."):
        what the same value and unit were named with first; a subject that names more is remembered for later."""
        if not subject or not m.unit or "/" not in m.unit or not is_counted(m):
            return subject
        key = (m.value, m.unit.casefold())
        if set(content_words(subject)) <= set(content_words(m.unit.replace("/", " "))):
            return self.rates.get(key, subject)
        self.rates.setdefault(key, subject)
        return subject

    def read(self, text: str) -> None:
        """After a paragraph: one that ends with ':' and names rules opens a list of them, one that ends with "chỉ thị:"
        a directive's orders; one that states the span
        of the programme its part is about ("Đề án ... thực hiện từ năm 2006 ... kết thúc vào năm 2020") gives
        that part the span as its period when its heading names none; the last paragraphs are kept as topics in
        force."""
        self.recent = [text, *self.recent][:_RECENT]
        if text.rstrip().endswith(":") and rules().rule_intro.search(text):
            self.rule_list = True
        if rules().orders_intro.search(text.rstrip()):
            self.ordered = True
        self._refine_season(text)
        span = programme_span(text)
        if span is None:
            return
        for i in range(len(self.stack) - 1, -1, -1):
            s = self.stack[i]
            if s.period is not None:
                return  # the part, or one around it, already has its period
            if names_programme(s.text):
                self.stack[i] = replace(s, period=span)
                return


    def _refine_season(self, text: str) -> None:
        """A paragraph that names the season its part's heading names with other days (its months written after it:
        "Vụ Đông Xuân 2026-2027 (từ tháng 12/2026 đến tháng 4/2027), ..." under "II. KẾ HOẠCH CẤP NƯỚC ... VỤ ĐÔNG
        XUÂN 2026-2027") gives that part those days (periods.yaml crop_season). Only a part whose period is a season
        can change, so the paragraph is read for periods only under one."""
        if not any(s.period is not None and labels_kind(s.period.label, "crop_season") for s in self.stack):
            return
        for pm in find_periods(text, self.year):
            if pm.kind != "crop_season" or pm.period is None:
                continue
            for i, s in enumerate(self.stack):
                if s.period is not None and s.period.label == pm.period.label and s.period != pm.period:
                    self.stack[i] = replace(s, period=pm.period)


def is_article_title(block: Block) -> bool:
    """The title line of an article ("Điều 1. Đánh giá tình hình thực hiện nhiệm vụ năm 2026"): short, no sentence
    closed by a full stop after it (cues.yaml sections `article`); its clauses follow as paragraphs."""
    text = block.text.strip()
    return (block.kind == "paragraph" and len(text.split()) <= _TITLE_WORDS and not text.endswith(".")
            and rules().article.match(text) is not None)


def is_caps_title(block: Block) -> bool:
    if block.kind != "paragraph" or len(block.text.split()) > 25:
        return False
    letters = [ch for ch in block.text if ch.isalpha()]
    return len(letters) >= 12 and all(ch.isupper() for ch in letters)


@cache
def _field_marker() -> regex.Pattern:
    words = catalog.load("cues")["field_markers"]
    return regex.compile(WHOLE_WORD % word_alternation(words, "cues.yaml field_markers"), regex.IGNORECASE)


@lru_cache(maxsize=1024)
def field_of(heading: str) -> str:
    """The field of work a heading names after its last marker word, up to a stop mark or its time: "II. KẾT QUẢ
    CÔNG TÁC PHÒNG, CHỐNG MA TÚY" -> "ma túy", "3.2. Đấu tranh trấn áp tội phạm về ma túy năm 2025" -> "ma túy".
    "" when it names none, or a phrase too long to be a field ("Về công tác thông tin, tuyên truyền, ..."), or
    things rather than a field ("Về các hoạt động chỉ đạo"), or a name in quotes ("Đối thoại về cải cách ...");
    a numbered paragraph longer than a title is no heading."""
    if len(heading.split()) > _TITLE_WORDS:
        return ""
    hits = [h for h in _field_marker().finditer(heading) if not _quoted(heading, h.start())]
    if not hits:
        return ""
    rest = heading[hits[-1].end() :]
    stop = _FIELD_STOP.search(rest)
    rest = rest[: stop.start()] if stop else rest
    times = find_periods(rest)
    rest = rest[: min(pm.start for pm in times)] if times else rest
    words = content_words(rest)
    if not words or words[0] != rest.split()[0].casefold() or len(words) > _MAX_FIELD or regex.search(r"\d", rest):
        return ""
    rest = " ".join(rest.split())
    return rest.lower() if rest.isupper() else rest  # an upper-case heading's words in running-text case


def _quoted(text: str, pos: int) -> bool:
    """Whether `pos` is inside quotation marks opened before it (a name: “Đối thoại về cải cách hành chính”)."""
    return text.count("“", 0, pos) > text.count("”", 0, pos) or text.count('"', 0, pos) % 2 == 1


def with_field(subject: str | None, m: Mention, field: str, sentence: str) -> str | None:
    """A short count's subject with the field of work its part is about when it names no word of it: under "3.
    Công tác đấu tranh phòng, chống ma túy", "khởi tố mới 45 vụ, 60 bị can" counts cases of drugs ("vụ khởi tố mới
    ma túy"). Rates, money, long subjects and a counted noun the sentence names right after ("2 kg Heroin", "03
    đối tượng cho PC04") name their own field."""
    if not subject or not field or not is_counted(m) or not _BARE_COUNT.match(sentence, m.end):
        return subject
    own = content_words(subject)
    if len(own) > _MAX_FIELD_SUBJECT or set(own) & set(content_words(field)):
        return subject
    return f"{subject} {field}"
