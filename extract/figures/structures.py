"""Structure counts (rules/structures.yaml): the number of parts a document, plan or policy is divided into ("chia
thành 3 trụ cột chính", "bao gồm 02 nội dung chính"), the number of principles a doctrine states ("quán triệt 3
quan điểm chỉ đạo") and the counts of a list defining a principle by its parts ("05 nhóm: pháp lý, hạ tầng, ...;
04 cấp: Trung ương - tỉnh - xã; ...") describe its layout, not a quantity of the period. The bounds written after
the grades of a scale ("nhóm Tốt (đạt từ 85 điểm trở lên)") are the grades' bands of its measure (grade_band); a
score in parentheses after a criterion's number ("Tiêu chí 2.3 (tối đa 5 điểm) về ...") is that criterion's maximum
(criterion_maximum)."""

from __future__ import annotations

from functools import cache

import regex

from extract.catalog import load, with_keys
from extract.figures.rules import rules
from extract.figures.sentence import Sentence
from extract.figures.subjects import masked
from extract.language.numbers import Mention
from extract.language.subjects import WHOLE_WORD, content_words, context_words, phrase_words, word_alternation

_MARKS = regex.compile(r"[\s\-–+*•]*")
_CLAUSE_END = regex.compile(r"[;:()]|[.,](?:\s|$)")  # where a criterion's topic ends at the latest
_NAMED_PARTS = regex.compile(r"[^\S\n]*(?:[^\W\d]+[^\S\n]*){0,5}:[^0-9]+\Z")  # "nhóm: Pháp lý, hạ tầng"


@cache
def structure_words() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(a dividing verb ending right before a count, a part noun opening the count's unit, a principle noun)."""
    data = with_keys("structures", load("structures"), {"dividers", "parts", "principles", "grades", "joiners"})
    divider = WHOLE_WORD % word_alternation(data["dividers"], "structures.yaml dividers") + r"\s*:?\s*$"
    part = WHOLE_WORD % word_alternation(data["parts"], "structures.yaml parts")
    principle = WHOLE_WORD % word_alternation(data["principles"], "structures.yaml principles")
    return (regex.compile(divider, regex.IGNORECASE), regex.compile(part, regex.IGNORECASE),
            regex.compile(principle, regex.IGNORECASE))


def is_structure_count(sent: Sentence, m: Mention) -> bool:
    """Whether `m` counts the parts something is divided into: a plain count right after a dividing verb whose
    noun is a part noun ("phân loại thành 8 nhóm", not "gồm 47 nhiệm vụ" nor "gồm 12%"), a count of principles
    ("3 quan điểm chỉ đạo"), or a count of a list that defines a principle part by part (_defining_list)."""
    if m.kind != "number" or not m.unit or m.base_unit == "%":
        return False
    divider, part, principle = structure_words()
    before = sent.text[max(0, m.start - 40): m.start]
    if divider.search(before) is not None and part.match(m.unit) is not None:
        return True
    # the principle's noun may run past the unit ("752 mặt hàng đại diện": the unit is "mặt hàng")
    named = principle.match(m.unit) or principle.match(sent.text[m.num_end :].lstrip())
    return named is not None or _defining_list(sent, m) or _joined_count(sent, m)


@cache
def _joiner() -> regex.Pattern:
    words = word_alternation(load("structures")["joiners"], "structures.yaml joiners")
    # the rest of the first count's noun may stand before it ("06 chiều thiếu hụt với 12 chỉ số"): a few words
    return regex.compile(r"^\s*(?:\p{L}+\s+){0,3}?,?\s*" + WHOLE_WORD % words + r"\s*$", regex.IGNORECASE)


def _joined_count(sent: Sentence, m: Mention) -> bool:
    """Whether `m` is a second count of parts joined to a division's count right before it ("gồm 08 lĩnh vực với 32
    tiêu chí", "gồm 06 chiều thiếu hụt với 12 chỉ số"): the layout again, whatever the noun."""
    before = [o for o in sent.mentions if o.end <= m.start]
    if not before:
        return False
    prev = before[-1]
    return _joiner().match(sent.text[prev.end: m.start]) is not None and is_structure_count(sent, prev)


def _defining_list(sent: Sentence, m: Mention) -> bool:
    """Whether `m` opens a clause of a sentence made only of ';'-separated clauses that each open with a count, at
    least two of them naming their members after a colon with no number among them ("05 nhóm: Pháp lý, hạ tầng,
    ...; 04 cấp: Trung ương - Tỉnh - xã; 01 trách nhiệm của Người đứng đầu"): the parts of a principle, counted."""
    s = sent.text
    starts = {o.start for o in sent.mentions if o.kind == "number"}
    named, opens_m, lo = 0, False, 0
    for piece in s.split(";"):
        head = lo + _MARKS.match(piece).end()
        if head not in starts:
            return False
        count = next(o for o in sent.mentions if o.start == head)
        named += bool(_NAMED_PARTS.match(s, count.end, lo + len(piece)))
        opens_m = opens_m or count is m
        lo += len(piece) + 1
    return opens_m and named >= 2


_GRADE_WORDS = 3  # words of a grade's name after its grade noun ("nhóm Trung bình", "loại A")


@cache
def _grade_name() -> regex.Pattern:
    """A grade's name right before a parenthesis: a grade noun and a few words ("nhóm Khá (", "loại A (")."""
    grades = word_alternation(load("structures")["grades"], "structures.yaml grades")
    return regex.compile(rf"(?P<g>{WHOLE_WORD % grades}(?:\s+[^\W\d][\w-]*){{1,{_GRADE_WORDS}}})\s*\($",
                         regex.IGNORECASE)


def _bound_alone(sent: Sentence, m: Mention) -> tuple[int, int] | None:
    """(open, close) of the parenthesis `m` stands in with nothing but numbers, their bound words and the verb a
    score reaches ("(đạt từ 85 điểm trở lên)", "(tối đa 5 điểm)"); None otherwise."""
    s = sent.text
    paren = s.rfind("(", 0, m.opening)
    close = s.find(")", m.end)
    if paren < 0 or close < 0 or ")" in s[paren : m.opening] or "(" in s[m.end : close]:
        return None
    inside = list(s[paren + 1 : close])
    for o in sent.mentions:
        a, b = max(o.opening, paren + 1), min(o.closing, close)
        if a < b:
            inside[a - paren - 1 : b - paren - 1] = " " * (b - a)  # the numbers with their bound words
    inside = " ".join("".join(inside).split())
    verb = phrase_words().predicates.match(inside)
    return None if content_words(inside[verb.end() if verb else 0 :]) else (paren, close)


def grade_band(sent: Sentence, m: Mention) -> str | None:
    """The subject of a bound in parentheses right after a grade's name, with nothing but the bound in them ("các xã
    được xếp thành 04 nhóm: nhóm Tốt (đạt từ 85 điểm trở lên), nhóm Khá (từ 70 điểm đến dưới 85 điểm)"): the measure
    the grades are made by, for that grade ("tổng điểm nhóm Tốt"): the unit, with the word before it where the
    sentence names the measure before the grades ("Căn cứ tổng điểm, ..."); None otherwise."""
    unit = m.unit or ""
    if not content_words(unit) or "/" in unit or m.base_unit in rules().money_units:
        return None  # a score or a count in a unit of words, not a rate or money
    s = sent.text
    alone = _bound_alone(sent, m)
    if alone is None:
        return _colon_band(sent, m, unit)  # "(đạt từ 85 điểm trở lên)": the bound alone, with the verb a score reaches
    paren = alone[0]
    name = _grade_name().search(s, 0, paren + 1)
    lead = s[: name.start("g")].rstrip() if name else ""
    if name is None or lead and lead[-1] not in ",:;" and not phrase_words().trailing_coordinators.search(lead):
        return None  # one of a list of grades: after a comma, a colon, a semicolon or a coordinator ("và nhóm Yếu (")
    before = masked(sent, 0, name.start("g"), None)
    head = list(regex.finditer(rf"(?P<w>[^\W\d]+)\s+{regex.escape(unit)}(?![\w])", before, regex.IGNORECASE))
    measure = f"{head[-1]['w']} {unit}" if head and content_words(head[-1]["w"]) else unit
    return f"{measure} {' '.join(name['g'].split())}"


_COLON_GRADE_WORDS = 3  # words of a grade's name after a band's colon ("Xuất sắc", "Hoàn thành tốt")


@cache
def _grade_head() -> regex.Pattern:
    """A sentence opened by a grade noun and a colon ("Xếp loại: ...", "Phân nhóm: ..."), after list marks."""
    grades = word_alternation(load("structures")["grades"], "structures.yaml grades")
    return regex.compile(rf"[\s\-–+*•]*(?:\p{{L}}+\s+)??(?P<g>{WHOLE_WORD % grades})\s*:", regex.IGNORECASE)


def _colon_band(sent: Sentence, m: Mention, unit: str) -> str | None:
    """The subject of a band written before its grade's name and a colon in a sentence that a grade noun opens
    ("Xếp loại: từ 90 điểm trở lên: Xuất sắc; từ 80 điểm đến dưới 90 điểm: Tốt"): the unit, the grade noun and the
    name ("điểm xếp loại Xuất sắc"); None otherwise."""
    s = sent.text
    head = _grade_head().match(s)
    if head is None or m.start < head.end():
        return None
    lo = max(s.rfind(";", 0, m.start), head.end() - 1) + 1
    hi = s.find(";", m.end)
    clause = s[lo : len(s) if hi < 0 else hi]
    colon = clause.rfind(":")
    if colon < 0 or lo + colon < m.closing:
        return None
    name = clause[colon + 1 :].strip().rstrip(".").strip()
    if not name or not name[0].isupper() or len(name.split()) > _COLON_GRADE_WORDS:
        return None
    return f"{unit} {head['g'].lower()} {name}"


def criterion_maximum(sent: Sentence, m: Mention) -> str | None:
    """The subject of a score alone in parentheses between a criterion's noun and number and its topic ("riêng Tiêu
    chí 2.3 (tối đa 5 điểm) về thanh toán không dùng tiền mặt của hộ kinh doanh chỉ đạt ..."): the score of that
    criterion, named by its topic up to the clause's predicate ("điểm tiêu chí thanh toán không dùng tiền mặt của
    hộ kinh doanh"); None otherwise."""
    cw = context_words()
    alone = _bound_alone(sent, m) if cw.score_unit.fullmatch(m.unit or "") else None
    if alone is None:
        return None
    hit = next((h for h in cw.criterion_topic.finditer(sent.text) if h.start() < alone[0] and alone[1] < h.end()), None)
    if hit is None:
        return None
    rest = _CLAUSE_END.split(sent.text[hit.end() :])[0]
    pw = phrase_words()
    stops = [x.start() for x in (pw.predicates.search(rest), pw.aspect.search(rest)) if x]
    topic = rest[: min(stops, default=len(rest))]
    while (lead := pw.lead_in.search(topic)) is not None and lead.start() > 0:
        topic = topic[: lead.start()]  # "... của hộ kinh doanh chỉ" before "đạt": the predicate's own adverb
    topic = " ".join(topic.split())
    return f"{m.unit} {hit.group('n').lower()} {topic}" if content_words(topic) else None
