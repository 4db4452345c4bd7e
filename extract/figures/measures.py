"""Measures: what a relative figure measures when its own noun is not it (a multiple, a change, a rank, a rate
broken down in a list, a share of a noun, a ratio counted in a group or a quota).

- a multiple measures what the quantity it multiplies measures: "..., chiếm 35%, gấp 5 lần so với ..." the figure
  before, "sản phẩm nhựa tăng 2,2 lần" the noun phrase before its verb;
- a change counted in the noun of the figure before ("cấp 740 tài khoản cho cơ sở lưu trú (tăng 25 cơ sở)")
  changes that figure's quantity;
- a rank ranks the quantity of the figure before in its sentence ("đạt 88,7 điểm và đứng thứ 15/34 tỉnh") or the
  agent of its clause: "thứ hạng" + that;
- a rate item of a breakdown ("tỷ lệ người nhận tiền qua tài khoản đạt 85%, cụ thể: chi lương hưu đạt 75%")
  is the rate of its part: the total's head ("tỷ lệ") and qualifiers ("qua tài khoản") around its own noun;
- both numbers of a ratio counted after a group and "có" ("các sở, ban quản lý có 11/15 đơn vị xếp loại Tốt")
  count within that group: the group is the whole's population and qualifies the part;
- the whole of a ratio alone in parentheses ("số lượng biên chế (410/432 biên chế) ... được giao") is the quota of
  the noun phrase before it;
- a rate after a verb and before a noun ("xây dựng 20% thôn và 15% phường không ma túy") is a share of that noun;
- the items of a scale's breakdown ("gồm 03 tiêu chí:" then "- Chất lượng: 40/100 điểm", ... whose parts add up to
  the scale) are each item's maximum on that scale: "điểm tối đa tiêu chí Chất lượng" (weighted_items).
Words as data: rules/measures.yaml.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from functools import cache

import regex

from extract.catalog import RuleError, load, with_keys
from extract.figures.label_lines import parse_line
from extract.figures.sentence import Sentence
from extract.figures.subjects import (
    HARD,
    activity_plan,
    bound_after,
    is_counted,
    masked,
    past_bound,
    past_suffix,
    unmark,
    without_openers,
)
from extract.language.literals import may_hold
from extract.language.numbers import Mention, find_numbers, is_graded
from extract.language.periods import find_periods
from extract.language.subjects import (
    WHOLE_WORD,
    content_words,
    context_words,
    phrase_words,
    word_alternation,
    word_pattern,
)
from extract.language.text import fold
from extract.model import Block, Figure

_CLAUSE = ";:,("  # characters that open a clause (a closing parenthesis is counted apart)
_MAX_CLOSING = 4  # words of a predicate closing a clause that a quota in parentheses takes
_MAX_VERB = 3  # words before a share kept whole as its verb ("sinh viên đóng"); of more, the last 2
_MAX_SHARE = 16  # words of the noun phrase a share is of
_MAX_GROUP = 20  # words of a group named before "có" that a ratio counts in
_MAX_AGENT = 12  # words of the agent a rank or multiple takes from its clause
_MAX_OBLIQUE = 20  # words of the verb phrase (with its object) a share of an oblique takes ("cấp ... cho 100% X")
_DIGITS = regex.compile(r"\d")
_LIST_PART = 2  # words of a comma part after a base that still go on its noun list ("công chức, viên chức")
_KEYS = {"rank_head", "weight_head", "comparison", "multiple_verbs", "breakdown", "qualifier_prepositions", "existential",
         "adverbial_openers", "phrase_ends", "item_measures", "object_measures", "area_units", "area_head",
         "base_openers", "base_times", "site_nouns", "site_openers", "excess_verbs", "excess_norms", "limit_words"}


@dataclass(frozen=True)
class MeasureWords:
    """rules/measures.yaml, compiled: see the comments there."""

    rank_head: str
    weight_head: str
    comparison: regex.Pattern  # matched at the start of a text
    breakdown: regex.Pattern  # searched: an opener followed by ":" or ","
    qualifiers: regex.Pattern  # searched: the first preposition of a rate's qualifiers
    existential: regex.Pattern  # searched at the end of a text
    multiple_verb: regex.Pattern  # searched at the end of a text
    adverbial: regex.Pattern  # matched at the start of a text
    phrase_end: regex.Pattern  # searched: where the noun phrase after a share ends
    item_measure: regex.Pattern  # matched at the start of a sentence (its list mark and "Tổng" skipped)
    any_item_measure: regex.Pattern  # searched
    object_measure: regex.Pattern  # matched at the start of a text (its list mark and "Tổng" skipped)
    any_object_measure: regex.Pattern  # searched
    area_units: frozenset
    area_head: str
    base_opener: regex.Pattern  # searched at the end of a text: a comparison word and up to 3 words of a measure noun
    base_time: regex.Pattern  # searched: a time a base is of
    site_nouns: frozenset  # casefolded
    site_opener: regex.Pattern  # searched at the end of a text: the word a count of sites follows
    excess: regex.Pattern  # searched: an excess verb and the norm's name after it ("n")
    limit: regex.Pattern  # searched at the end of a text: a limit's words right before its value ("l")


@cache
def measure_words() -> MeasureWords:
    data = with_keys("measures", load("measures"), _KEYS)
    for key in ("rank_head", "weight_head", "area_head"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise RuleError(f"measures.yaml {key}: expected a word")
    alt = {k: word_alternation(data[k], f"measures.yaml {k}") for k in _KEYS - {"rank_head", "weight_head", "area_head"}}
    flags = regex.IGNORECASE
    # at the start of a sentence or text, its list mark and "Tổng" skipped
    opening = r"^[\s\-–+*•]*(?:" + regex.escape(phrase_words().total) + r"\s+)?" + WHOLE_WORD
    return MeasureWords(
        rank_head=" ".join(data["rank_head"].split()),
        weight_head=" ".join(data["weight_head"].split()),
        comparison=regex.compile(r"^[\s,]*" + WHOLE_WORD % alt["comparison"], flags),
        breakdown=regex.compile(WHOLE_WORD % alt["breakdown"] + r"\s*[:,]", flags),
        qualifiers=regex.compile(WHOLE_WORD % alt["qualifier_prepositions"], flags),
        existential=regex.compile(r"(?<=\w)\s+" + WHOLE_WORD % alt["existential"] + r"\s*$", flags),
        phrase_end=regex.compile(WHOLE_WORD % alt["phrase_ends"], flags),
        adverbial=regex.compile(r"^\s*" + WHOLE_WORD % alt["adverbial_openers"], flags),
        multiple_verb=regex.compile(r"(?:\s*" + WHOLE_WORD % alt["multiple_verbs"] + r")+\s*$", flags),
        item_measure=regex.compile(opening % alt["item_measures"], flags),
        any_item_measure=regex.compile(WHOLE_WORD % alt["item_measures"], flags),
        object_measure=regex.compile(opening % alt["object_measures"], flags),
        any_object_measure=regex.compile(WHOLE_WORD % alt["object_measures"], flags),
        area_units=frozenset(u.casefold() for u in data["area_units"]),
        area_head=" ".join(data["area_head"].split()),
        base_opener=regex.compile(WHOLE_WORD % alt["base_openers"] + r"(?P<n>(?:\s+[^\W\d_]+){0,3})\s*$", flags),
        base_time=regex.compile(WHOLE_WORD % alt["base_times"], flags),
        site_nouns=frozenset(" ".join(u.split()).casefold() for u in data["site_nouns"]),
        site_opener=regex.compile(WHOLE_WORD % alt["site_openers"] + r"\s*$", flags),
        excess=regex.compile(r"\s*" + WHOLE_WORD % alt["excess_verbs"] + r"\s+(?P<n>" + WHOLE_WORD % alt["excess_norms"] + ")",
                             flags),
        limit=regex.compile(r"(?P<l>" + WHOLE_WORD % alt["limit_words"] + r")\s*$", flags),
    )


def measured_subject(sent: Sentence, m: Mention, own: str | None, done: list) -> str | None:
    """The subject of `m` when it is a relative figure whose own phrase is not what it measures, else None;
    `own` is the subject its own clause gave, `done` the (mention, subject) of the figures before it."""
    for rule in (_multiple, _change, _rank, _breakdown_rate, _group_ratio, _quota, _share_of, _comparison_base):
        found = rule(sent, m, own, done)
        if found:
            return " ".join(found.split()).strip(" .,;:-–")
    return None


def item_measure(sent: Sentence, m: Mention, subject: str | None) -> str | None:
    """`subject` of a change or multiple with the measure its sentence opens with when it names only an item
    ("Kim ngạch xuất khẩu hàng may mặc ... là mặt hàng chiếm tỷ trọng lớn nhất; sản phẩm nhựa tăng 2,2 lần" ->
    "kim ngạch xuất khẩu sản phẩm nhựa", `measures.yaml` item_measures); else `subject` unchanged. A subject
    sharing a word with it ("nhập khẩu tăng 5%") or naming another such measure names its own."""
    if not subject or not (m.kind == "multiple" or m.sign_word):
        return subject
    mw = measure_words()
    opening = mw.item_measure.match(sent.text)
    if opening is None or opening.end() > m.start or mw.any_item_measure.search(subject):
        return subject
    head = " ".join(sent.text[opening.start() : opening.end()].split()).lstrip("-–+*• ")
    if set(content_words(subject)) & set(content_words(head)):
        return subject
    return f"{head[:1].lower()}{head[1:]} {subject}"


def opening_object(sent: Sentence, m: Mention, subject: str | None) -> str | None:
    """`subject` with the object its sentence's opening measure names when it names only another measure of it
    ("Tổng diện tích gieo trồng lúa vụ Đông Xuân đạt ... ha; năng suất bình quân ước đạt 7,12 tấn/ha" -> "năng suất
    bình quân lúa vụ Đông Xuân", `measures.yaml` object_measures); else `subject` unchanged."""
    mw = measure_words()
    own = mw.object_measure.match(subject or "")
    if own is None or content_words(subject[own.end() :]) and not phrase_words().averages.fullmatch(
            subject[own.end() :]):
        return subject
    opening = mw.object_measure.match(sent.text)
    if opening is None or opening.end() > m.start or fold(opening.group()).casefold().strip(" -–+*•") \
            == fold(own.group()).casefold().strip(" -–+*•"):
        return subject
    first = min((o.start for o in sent.mentions), default=len(sent.text))
    obj = _agent(sent, opening.end(), first)
    if not obj or sent.text.find(",", opening.end(), first) >= 0:
        return subject
    return f"{subject} {obj}"


def area_of(m: Mention, subject: str | None) -> str | None:
    """`subject` of an area ("Gieo trồng vụ Hè Thu 175.000 ha") that names no measure, with the area's head before
    it ("diện tích Gieo trồng vụ Hè Thu"); else `subject` unchanged."""
    mw = measure_words()
    if not subject or (m.base_unit or "").casefold() not in mw.area_units or mw.any_object_measure.search(subject):
        return subject
    rest = " ".join(w for w in subject.split() if w.casefold() not in mw.area_units)
    return f"{mw.area_head} {rest}".strip()


_MAX_PARAMETER = 10  # words of a parameter's name before the sites it is measured at
_MEASURED = ("range_low", "range_high", "multiple")  # kinds of a value measured over sites


def parameter_at_sites(sent: Sentence, m: Mention, subject: str | None) -> str | None:
    """`subject` of a range or a multiple measured over a count of sites that a site opener puts right after a
    parameter's name ("Độ ồn trung bình tại 18 điểm giao thông dao động từ 64,5 đến 73,8 dBA", "Bụi PM10 có 06 điểm
    vượt quy chuẩn từ 1,1 đến 1,6 lần"): the parameter, not the sites, with the excess and the norm's name when the
    value is an excess over it ("Bụi PM10 vượt quy chuẩn"); `subject` unchanged otherwise (measures.yaml
    site_nouns, site_openers, excess_verbs, excess_norms)."""
    mw = measure_words()
    if subject and (m.base_unit or "").casefold() in mw.site_nouns:
        return _sites_of(sent, m, subject)
    if not subject or m.kind not in _MEASURED:
        return subject
    s = sent.text
    sites = [o for o in sent.mentions if o.end <= m.opening and (o.base_unit or "").casefold() in mw.site_nouns]
    if not sites:
        return subject
    site = sites[-1]
    between = s[site.end : m.opening]
    if regex.search(r"[,;]", between) or any(
            site.end <= o.start and o.end <= m.opening and o.kind != "range_low" for o in sent.mentions):
        return subject  # another clause or another figure between the sites and the value
    name = _parameter_before(sent, site.opening)
    if name is None or len(name.split()) > _MAX_PARAMETER:
        return subject  # no name, or a clause of its own ("đoàn đã kiểm tra tại 05 điểm ...")
    excess = mw.excess.search(between)
    return " ".join(f"{name} {excess.group() if excess else ''}".split())


def _sites_of(sent: Sentence, m: Mention, subject: str) -> str:
    """`subject` of a count of sites a place preposition puts right after a parameter's name ("Hàm lượng chất rắn lơ
    lửng (TSS) tại 05 vị trí hạ lưu các khu công nghiệp"): the sites it was measured at, the parameter's name
    dropped (what is measured there is the value's subject, parameter_at_sites)."""
    if measure_words().existential.search(sent.text[_clause_lo(sent, m.opening) : m.opening]):
        return subject  # "Bụi PM10 có 06 điểm vượt ...": the parameter's sites (sites_over_norm)
    name = _parameter_before(sent, m.opening)
    name = " ".join(name.split()) if name is not None else None
    if name is None or not subject.startswith(name):
        return subject
    return subject[len(name) :].strip() or subject


def _parameter_before(sent: Sentence, opening: int) -> str | None:
    """The parameter's name a site opener puts right before a count of sites starting at `opening` ("Độ ồn trung bình
    tại 18 điểm", "Bụi PM10 có 06 điểm"), from its clause's start; None when no opener stands there, or the words
    before it name nothing or make a clause of their own ("đoàn đã kiểm tra tại 05 điểm")."""
    before = sent.text[_clause_lo(sent, opening) : opening]
    opener = measure_words().site_opener.search(before)
    if opener is None:
        return None
    name = _clean(before[: opener.start()])
    return name if content_words(name) and not phrase_words().predicates.search(name) else None


def _measured_in(done: list, unit: str | None) -> str | None:
    """The subject of the last figure before in `unit` (`done`: (mention, subject) of the sentence's figures so
    far): the parameter a limit or an excess in that unit is of."""
    return next((sub for o, sub in reversed(done) if sub and o.base_unit == unit), None)


def sites_over_norm(sent: Sentence, m: Mention, subject: str | None, done: list) -> str | None:
    """`subject` of a count of sites or things an excess over a norm follows ("có 12/45 điểm vượt giới hạn cho phép 50
    µg/m3", "Bụi PM10 có 06 điểm vượt quy chuẩn"): those over the norm, named by the counted noun, the excess and the
    parameter exceeded: the one measured in the limit's unit before it in the sentence, or the one named before
    "có" ("điểm vượt quy chuẩn Bụi PM10"); `subject` unchanged otherwise (measures.yaml excess_verbs,
    excess_norms). The whole of a ratio counts them all, over the norm or not."""
    mw = measure_words()
    if not subject or not m.unit or not is_counted(m) or m.kind == "ratio_whole":
        return subject
    s = sent.text
    excess = mw.excess.match(s, m.end)
    if excess is None or set(content_words(excess.group())) <= set(content_words(subject)):
        return subject
    end = excess.end()
    limit = next((o for o in sent.mentions if o.start >= end), None)
    measured = None
    if limit is not None and not s[end : limit.start].strip():
        measured = _measured_in(done, limit.base_unit)
        measured = _parameter_name(measured) if measured else None
    if measured is None:
        measured = _parameter_before(sent, m.opening) or ""
    return " ".join(f"{m.unit} {s[excess.start() : end]} {measured}".split())


def _parameter_name(measured: str) -> str:
    """A parameter's subject up to its average word ("Nồng độ bụi PM2.5 trung bình 24 giờ" -> "Nồng độ bụi PM2.5"):
    how the report averaged it is no part of the parameter a norm limits."""
    average = phrase_words().averages.search(measured)
    return measured[: average.start()] if average is not None and content_words(measured[: average.start()]) \
        else measured


def limit_of(sent: Sentence, m: Mention, subject: str | None, done: list) -> str | None:
    """`subject` of a value a limit's words stand right before ("Nồng độ bụi PM2.5 trung bình 24 giờ dao động từ 18,6
    đến 62,4 µg/m3; có 12/45 điểm vượt giới hạn cho phép 50 µg/m3"): the limit of the parameter the figure before it
    in that unit measures, named by the limit's words and the parameter's name up to its average word ("giới hạn cho
    phép Nồng độ bụi PM2.5"); `subject` unchanged when no figure before it is in that unit (measures.yaml
    limit_words)."""
    if not m.base_unit or not done:
        return subject
    limit = measure_words().limit.search(sent.text[max(0, m.opening - 40) : m.opening])
    if limit is None:
        return subject
    measured = _measured_in(done, m.base_unit)
    if measured is None or measure_words().limit.search(measured + " "):
        return subject
    return " ".join(f"{limit.group('l')} {_parameter_name(measured)}".split())


def graded_level(sent: Sentence, m: Mention, subject: str | None, done: list) -> str | None:
    """`subject` of a difference against a graded level written right after a level in its unit ("mực nước sông A
    tại trạm B đạt đỉnh 5,12 m, trên báo động 3 là 0,62 m"): that level's subject, the same quantity measured
    against the grade; `subject` unchanged otherwise (numbers.yaml comparatives.graded)."""
    if not done or not is_graded(m.sign_word):
        return subject
    prev, level = done[-1]
    if not level or prev.base_unit != m.base_unit or prev.sign_word:
        return subject
    between = sent.text[prev.end : m.opening]
    at = between.casefold().find(m.sign_word.casefold())
    return level if at >= 0 and not between[:at].strip(" ,") else subject


def _clean(text: str) -> str:
    return without_openers(unmark(text)).strip(" ,")


def _agent(sent: Sentence, lo: int, hi: int) -> str:
    """The noun phrase a clause opens with, before its first predicate or aspect marker: what its verb says of."""
    pw = phrase_words()
    text = _clean(_masked(sent, lo, hi))
    stops = [x.start() for x in (pw.predicates.search(text), pw.aspect.search(text)) if x]
    text = text[: min(stops)] if stops else text
    words = text.split()
    return " ".join(words[-_MAX_AGENT:]).strip(" ,") if content_words(text) else ""


def _masked(sent: Sentence, lo: int, hi: int) -> str:
    """Text of [lo, hi) with numbers and times blanked out (their prepositions kept)."""
    return masked(sent, lo, hi, None, time_lead=False)


def _clause_lo(sent: Sentence, pos: int) -> int:
    """After the last comma, colon, semicolon, open parenthesis or number before `pos`; a parenthesis closed
    before `pos` is part of the phrase ("sản phẩm plastic (nhựa) tăng 2,2 lần")."""
    s = sent.text
    prev = max((o.end for o in sent.mentions if o.end <= pos), default=0)
    depth = 0
    for i in range(pos - 1, prev - 1, -1):
        c = s[i]
        if c == ")":
            depth += 1
        elif c == "(" and depth:
            depth -= 1
        elif not depth and c in _CLAUSE:
            return i + 1
    return prev


def _multiple(sent: Sentence, m: Mention, own: str | None, done: list) -> str | None:
    """A multiple ("gấp 5 lần", "tăng 2,2 lần") measures the quantity it multiplies: the figure before it when a
    comparison follows ("chiếm 35%, gấp 5 lần so với ..."), else the noun phrase before its verb in its clause
    ("sản phẩm nhựa tăng 2,2 lần"), or before the parenthesis it stands alone in."""
    if m.kind != "multiple":
        return None
    if measure_words().comparison.match(sent.text[m.end :]) and done and done[-1][1]:
        prev, subj = done[-1]
        if not HARD.search(sent.text, prev.end, m.opening):
            return subj
    lo = _clause_lo(sent, m.opening)
    before = _masked(sent, lo, m.opening)
    before = measure_words().multiple_verb.sub(" ", before)  # "gấp", "tăng": the verb, not its subject
    if content_words(before):
        # "Mặt hàng có tốc độ tăng cao là sản phẩm nhựa tăng 2,2 lần": the noun phrase right before the verb
        pw = phrase_words()
        last = [x.end() for x in (*pw.predicates.finditer(before), *pw.aspect.finditer(before))]
        agent = _clean(before[max(last, default=0) :])
        agent = " ".join(agent.split()[-_MAX_AGENT:]) if content_words(agent) else ""
    elif lo > 0 and sent.text[lo - 1] == "(":
        agent = _agent(sent, _clause_lo(sent, lo - 1), lo - 1)  # "(tăng 4,45 lần)": what its clause says of
    else:
        agent = ""
    return agent or None


def _comparison_base(sent: Sentence, m: Mention, own: str | None, done: list) -> str | None:
    """The figure named after a comparison word ("giảm 40% so với 533 ca cùng kỳ năm trước", "cao hơn tỷ lệ 2,1% của
    năm học trước") is the base the last figure of its unit before it is compared with: the same quantity at another
    time, that figure's subject; named with words of its own after it ("so với tỷ lệ 0,8% bỏ học của học sinh thành
    thị") it is the measure noun before it with those words (measures.yaml base_openers, base_times)."""
    mw = measure_words()
    if not may_hold(mw.base_opener, sent.text):  # most sentences name no comparison ("so với", "cao hơn")
        return None
    lo = max((o.end for o, _s in done if o.end <= m.opening), default=0)
    opener = mw.base_opener.search(sent.text[lo : m.opening])
    if opener is None or HARD.search(sent.text, lo, m.opening) or phrase_words().predicates.search(opener.group("n")):
        return None  # "so với cùng kỳ giảm 356 vụ": a change after its comparison, no base
    compared = next((s for o, s in reversed(done) if s and o.base_unit == m.base_unit and o.kind == m.kind), None)
    if compared is None:
        return None
    after = _own_words(sent, m)
    if not after:
        return compared
    noun = " ".join(opener.group("n").split())
    if not noun and not is_counted(m):
        return None
    return " ".join(p for p in (noun, m.unit if is_counted(m) else "", after) if p)


def _own_words(sent: Sentence, m: Mention) -> str:
    """The words after a base up to a hard stop, a comma, a predicate or the next number, with the times it is of
    (dates, periods, measures.yaml base_times) and their prepositions dropped: "" when nothing else is named."""
    s = sent.text
    nxt = min((o.start for o in sent.mentions if o.start >= m.end), default=len(s))
    rest = _masked(sent, m.end, nxt)
    pw = phrase_words()
    stops = [x.start() for x in (HARD.search(rest), pw.predicates.search(rest)) if x]
    rest = rest[: min(stops)] if stops else rest
    parts = rest.split(",")  # "của nhóm công chức, viên chức": a short part after a comma goes on a noun list
    rest = parts[0] + "".join("," + p for p in itertools.takewhile(lambda p: len(p.split()) <= _LIST_PART, parts[1:]))
    for pm in sorted(find_periods(rest), key=lambda p: p.start, reverse=True):
        rest = rest[: pm.start] + " " + rest[pm.end :]
    rest = measure_words().base_time.sub(" ", rest)
    return " ".join(rest.split()) if content_words(rest) else ""


@cache
def rank_unit() -> str:
    """The unit numbers.py gives the part of a rank (rules/numbers.yaml rank_unit)."""
    return " ".join(str(load("numbers")["rank_unit"]).split()).casefold()


def _change(sent: Sentence, m: Mention, own: str | None, done: list) -> str | None:
    """A change counted in parentheses right after a figure ("cấp 740 tài khoản cho cơ sở lưu trú (tăng 25 cơ
    sở so với tháng trước)") changes that figure's quantity when its noun is named in that figure's subject."""
    if not m.sign_word or not done or not m.unit or m.kind == "multiple":
        return None
    prev, subj = done[-1]
    if not subj or (prev.unit or "").casefold() == m.unit.casefold():
        return None  # the same noun: subjects.py's restatement
    text = sent.text
    paren = text.rfind("(", prev.end, m.opening)
    inside = word_pattern(m.sign_word).sub(" ", text[paren + 1 : m.opening])
    if paren < 0 or inside.strip() or HARD.search(text, prev.end, paren):
        return None
    if not word_pattern(m.unit).search(subj):
        return None
    return subj


def _rank(sent: Sentence, m: Mention, own: str | None, done: list) -> str | None:
    """The part of a rank ("đứng thứ 15/34 tỉnh", "xếp hạng 11/34") ranks the quantity of the figure before it in
    its sentence ("Tỉnh A đạt 88,7 điểm, đứng thứ 15/34"), else the agent of its clause: "thứ hạng" + that."""
    if (m.unit or "").casefold() != rank_unit() or m.kind == "ratio_whole":
        return None
    head = measure_words().rank_head
    if done and done[-1][1] and not HARD.search(sent.text, done[-1][0].end, m.opening):
        prev, subj = done[-1]
        if prev.unit and prev.kind != "ratio_whole":
            subj = word_pattern(prev.unit).sub(" ", subj, count=1)
        return f"{head} {subj}" if content_words(subj) else None
    agent = _agent(sent, _clause_lo(sent, m.opening), m.opening)
    verb = context_words().rank.search(agent)
    agent = agent[: verb.start()].strip(" ,") if verb else agent  # "xếp hạng": the verb, not what it ranks
    return f"{head} {agent}" if content_words(agent) else None


def _breakdown_rate(sent: Sentence, m: Mention, own: str | None, done: list) -> str | None:
    """A rate after a breakdown opener that follows a rate named "tỷ lệ ..." ("Tỷ lệ người nhận tiền qua tài
    khoản đạt 85%, cụ thể: chi lương hưu đạt 75%; chi trợ cấp đạt 98%") is the rate of the part it names:
    "tỷ lệ chi lương hưu qua tài khoản"."""
    if m.base_unit != "%" or not own or not content_words(own):
        return None
    mw = measure_words()
    share = phrase_words().share
    if fold(own).casefold().startswith(fold(share).casefold()):
        return None  # the item names its own rate
    opened = [b for b in mw.breakdown.finditer(sent.text, 0, m.opening)]
    if not opened:
        return None
    at = opened[-1].start()
    totals = [(o, s) for o, s in done if o.end <= at and o.base_unit == "%" and s]
    if not totals:
        return None
    total = totals[-1][1]
    if not fold(total).casefold().startswith(fold(share).casefold() + " "):
        return None
    rest = total[len(share) :]
    q = mw.qualifiers.search(rest)
    tail = rest[q.start() :] if q else ""
    if tail and fold(tail).casefold() in fold(own).casefold():
        tail = ""
    return f"{share} {own} {tail}"


def _group_ratio(sent: Sentence, m: Mention, own: str | None, done: list) -> str | None:
    """Both numbers of a ratio counted after a group and "có" ("Các sở, ban quản lý có 11/15 đơn vị xếp loại Tốt,
    03/15 đơn vị xếp loại Khá") count within that group: the whole is the group, the part its own noun phrase
    and the group."""
    if m.kind not in ("ratio_part", "ratio_whole") or not m.unit:
        return None
    part = m
    if m.kind == "ratio_whole":
        parts = [o for o, _s in done if o.kind == "ratio_part"]
        if not parts or parts[-1] is not done[-1][0]:
            return None
        part = parts[-1]
    group = _group(sent, part)
    if not group:
        return None
    if m.kind == "ratio_whole":
        return f"{m.unit} {group}"
    rest = own or m.unit
    for piece in group.split(","):
        piece = " ".join(piece.split())
        if piece and piece.casefold() in rest.casefold():
            at = rest.casefold().index(piece.casefold())
            rest = rest[:at] + rest[at + len(piece) :]
    rest = " ".join(rest.split())
    if rest.casefold().startswith(m.unit.casefold()):
        return f"{m.unit} {group} {rest[len(m.unit):]}"  # "đơn vị cấp xã xếp loại Tốt": the group names the noun
    return f"{rest} {group}"


def _group(sent: Sentence, part: Mention) -> str | None:
    """The group before "có" that the ratio `part` (or the first ratio of the same noun coordinated before it)
    counts in; None when its clause has none."""
    s = sent.text
    hard = max((c.end() for c in HARD.finditer(s, 0, part.opening)), default=0)
    mw = measure_words()
    pw = phrase_words()
    ratios = [o for o in sent.mentions if hard <= o.start < part.start and o.kind == "ratio_part"]
    first = ratios[0] if ratios else part
    if any(o.kind == "ratio_part" and (o.unit or "").casefold() != (part.unit or "").casefold() for o in ratios):
        return None
    if any(hard <= o.start < first.opening for o in sent.mentions):
        return None  # another number before the group: not a group of its own
    lead = s[hard : first.opening]
    ex = mw.existential.search(lead)
    if not ex:
        return None
    group = _clean(lead[: ex.start()])
    words = group.split()
    if not content_words(group) or len(words) > _MAX_GROUP or find_periods(group):
        return None
    if (pw.predicates.search(group) or pw.aspect.search(group) or pw.lead_openers.match(group)
            or mw.adverbial.match(group)):
        return None  # a clause, not a noun phrase: "qua kiểm tra, rà soát có 29/35 đơn vị"
    return group


def _share_of(sent: Sentence, m: Mention, own: str | None, done: list) -> str | None:
    """A rate right before a noun phrase, after a verb that is no predicate of rates ("xây dựng 20% thôn và 15%
    phường không ma túy", "thực hiện mục tiêu 30% xã đạt chuẩn"), is a share of that noun phrase: it measures the
    noun phrase, which rates coordinated with it share the qualifiers of ("thôn không ma túy")."""
    if m.base_unit != "%":
        return None
    if (plan := activity_plan(sent, m)) is not None:
        return plan  # "Công tác kiểm tra ... đã hoàn thành 100% kế hoạch đề ra": of the activity's plan
    pw = phrase_words()
    lo = _clause_lo(sent, m.opening)
    before = " ".join(_masked(sent, lo, m.opening).split())
    if not before or pw.predicates.search(" ".join(before.split()[-2:])) or pw.restate.fullmatch(before):
        return None  # "đạt 82% kế hoạch", "chiếm 15% tổng số": the whole a rate is taken of, not what it measures
    after = _noun_after(sent, m)
    if not after:
        return None
    shared = _shared_qualifiers(sent, m, after)
    cut = [x.end() for x in (*pw.aspect.finditer(before), *pw.coordinator.finditer(before))]
    verb = _clean(before[max(cut, default=0) :])  # what the agent did: "hỗ trợ 70% học phí"; not "thôn và"
    verb = verb[x.end() :] if (x := measure_words().adverbial.match(verb)) else verb
    if measure_words().qualifiers.search(verb.split()[-1] if verb.split() else ""):
        verb = ""  # "cấp tài khoản cho 100% công dân": the share is of an oblique, the verb lies further back
        if (whole := _oblique_share(own, after)) is not None:
            return f"{whole} {shared}".strip()  # that verb phrase, as the clause named it before the rate
        if verb_phrase := _oblique_verb(sent, m):
            return f"{verb_phrase} {after} {shared}".strip()  # "cấp thẻ căn cước, tài khoản ... cho 100% công dân"
    verb = verb.split() if content_words(verb) else []
    verb = verb if len(verb) <= _MAX_VERB else verb[-_MAX_VERB + 1 :]
    return f"{' '.join(verb)} {after} {shared}".strip()


def _noun_after(sent: Sentence, m: Mention) -> str:
    """The noun phrase right after `m`, up to a hard stop, a comma, the next number, a predicate or a word that
    ends a noun phrase ("vào", "trong"); "" when it opens with no noun (a predicate, a restatement, "so với")."""
    s = sent.text
    pw = phrase_words()
    nxt = min((o.start for o in sent.mentions if o.start >= m.end), default=len(s))
    rest = past_suffix(m, _masked(sent, m.end, nxt))
    if (bound := bound_after(sent, m)) is not None:
        nxt, rest = past_bound(sent, m, bound)  # "100% công dân từ đủ 14 tuổi trở lên": the age bounds the noun
    both = [x for x in pw.coordinator.finditer(rest) if not rest[x.end() :].strip()]  # "20% thôn và 15% ..."
    stops = [x.start() for x in (HARD.search(rest), pw.predicates.search(rest), measure_words().phrase_end.search(rest),
                                 *both[:1]) if x]
    rest = rest[: min(stops)] if stops else rest
    words = rest.split()
    if not words or not words[0][0].isalpha() or not content_words(words[0]) or pw.restate.fullmatch(rest):
        return ""
    if len(words) > _MAX_SHARE:
        return ""
    return " ".join(words).strip(" ,")


def _shared_qualifiers(sent: Sentence, m: Mention, after: str) -> str:
    """The qualifiers a share coordinated with the next one shares with it: "20% thôn và 15% phường không ma túy"
    -> "không ma túy" for the first; "" when no share of a noun as short as `after` follows after "và" or ","."""
    s = sent.text
    nxt = next((o for o in sent.mentions if o.start >= m.end), None)
    if nxt is None or nxt.base_unit != "%":
        return ""
    gap = " ".join(s[m.end : nxt.opening].split())
    if not gap.casefold().startswith(after.casefold()) or not phrase_words().coordination.fullmatch(gap[len(after) :]):
        return ""
    other = _noun_after(sent, nxt)
    # the two heads are counted nouns of one length ("thôn", "phường"): what follows the second head is what
    # they share; heads the unit grammar does not read whole ("trường" of "trường học") share nothing
    mine, theirs = _head(after), _head(other)
    if mine is None or theirs is None or mine.casefold() != after.casefold() or len(mine.split()) != len(theirs.split()):
        return ""
    return " ".join(other.split()[len(theirs.split()) :])


def _head(phrase: str) -> str | None:
    """The counted noun a noun phrase opens with, as the unit grammar reads it ("phường" of "phường không ma
    túy"); None when it reads none."""
    found = find_numbers("1 " + phrase)
    return found[0].unit if found and found[0].start == 0 and found[0].unit else None


def _quota(sent: Sentence, m: Mention, own: str | None, done: list) -> str | None:
    """The whole of a ratio alone in parentheses after the noun phrase it counts ("sử dụng không vượt quá số
    lượng biên chế (9.548/9.976 biên chế) và số lượng người làm việc (60.253/60.674 người) được giao") is the
    quota: that noun phrase from its counted noun on, with the short predicate closing the clause ("được
    giao"), not the part's verb ("sử dụng")."""
    if m.kind != "ratio_whole" or not m.unit or not done or done[-1][0].kind != "ratio_part" or not done[-1][1]:
        return None
    part, subj = done[-1]
    s = sent.text
    if not s[: part.opening].rstrip().endswith("(") or not s[m.end :].lstrip().startswith(")"):
        return None
    at = word_pattern(m.unit).search(subj)
    if at is None:
        return None
    end = min((x.start() for x in regex.finditer(r"[;.](?:\s|$)", s) if x.start() >= m.end), default=len(s))
    close = s.rfind(")", m.end, end)
    tail = " ".join(s[close + 1 : end].split()).strip(" ,")
    if regex.search(r"[\d(),]", tail) or len(tail.split()) > _MAX_CLOSING or not content_words(tail):
        tail = ""
    return f"{subj[at.start() :]} {tail}"


# a score out of a scale as written in a label line's value: "18/100 điểm"; the scale a small whole number (a
# thousands separator never appears in one)
_ON_SCALE = regex.compile(r"^\s*(?P<part>\d+(?:[.,]\d+)?)\s*/\s*(?P<scale>\d{1,4})\b")
_TOLERANCE = 1e-6
_LINES = ("paragraph", "list_item")  # blocks a breakdown's lead-in and items can be


def weighted_items(blocks: list[Block], figures: list[Figure]) -> list[Figure]:
    """`figures` with the subjects of a scale's breakdown: consecutive label lines ("- Chất lượng: 40/100 điểm")
    each with one score on the same scale, whose scores add up to that scale, give each item's weight, its maximum
    on the scale: unit + weight head + the kind the lead-in counts ("gồm 03 tiêu chí:") + the item's label. Scores
    that do not add up to the scale are results, not weights, and keep their subjects."""
    by_loc: dict[str, list[int]] = {}
    for i, f in enumerate(figures):
        by_loc.setdefault(f.location, []).append(i)
    out = list(figures)
    run: list[tuple[int, str, float, float]] = []  # (figure index, item label, score, scale)
    lead: Block | None = None
    prev: Block | None = None
    named: list[tuple[int, str, str]] = []  # (index of the item's figure, kind, label) of the weighted items
    for block in [*blocks, None]:
        item = _scale_item(block, by_loc, out) if block is not None and block.kind in _LINES else None
        if run and (item is None or item[3] != run[0][3] or out[item[0]].unit != out[run[0][0]].unit):
            named.extend(_weigh(run, lead, by_loc, out))
            run = []
        if item is not None:
            if not run:
                lead = prev
            run.append(item)
        prev = block
    for last, kind, label in named:
        # a later subject that names a weighted item by its label alone ("Điểm đạt Tiến độ, kết quả giải quyết
        # của Sở A" under the caption "c) Tiến độ, kết quả giải quyết") names it as the kind it is
        pattern = regex.compile(r"(?<!\w)(?<!" + regex.escape(kind) + r"\s)" + regex.escape(label) + r"(?!\w)",
                                regex.IGNORECASE)
        for i in range(last + 1, len(out)):
            subj = out[i].subject
            if subj and (m := pattern.search(subj)):
                out[i] = replace(out[i], subject=f"{subj[: m.start()]}{kind} {subj[m.start() :]}")
    return out


def _scale_item(block: Block, by_loc: dict[str, list[int]], out: list[Figure]) -> tuple | None:
    """(index, label, score, scale) of a label line whose one figure is a score on a scale, else None."""
    idx = by_loc.get(block.location, [])
    line = parse_line(block.text)
    if line is None or len(idx) != 1:
        return None
    m = _ON_SCALE.match(out[idx[0]].raw)
    if m is None or not out[idx[0]].unit:
        return None
    return idx[0], line.label, float(m["part"].replace(",", ".")), float(m["scale"])


def _weigh(run: list[tuple], lead: Block | None, by_loc: dict[str, list[int]], out: list[Figure]) -> list[tuple]:
    """Names the weights of a run of scale items that add up to the scale; returns (last index, kind, label) of
    each item when the lead-in names their kind."""
    scale = run[0][3]
    if len(run) < 2 or abs(sum(r[2] for r in run) - scale) > _TOLERANCE:
        return []
    kind = ""
    if lead is not None and lead.kind in _LINES and lead.text.rstrip().endswith(":"):
        # the lead-in counts the items: "Điểm bao gồm 05 tiêu chí:" names their kind
        kind = next((out[i].unit for i in by_loc.get(lead.location, [])
                     if out[i].unit and abs(out[i].value - len(run)) < _TOLERANCE), None) or ""
    head = measure_words().weight_head
    for i, label, _score, _scale in run:
        out[i] = replace(out[i], subject=" ".join(p for p in (out[i].unit, head, kind, label) if p))
    return [(run[-1][0], kind, label) for _i, label, _s, _w in run] if kind else []


_NAME_WORDS = 2  # words before a numbered name that say what it is ("nguyên tắc", "mô hình")
_NAME_NUMBERS = 3  # numbers a name has at least: "2-3" alone is a range ("2-3 ngày"), not a name
_NAME_STOP = regex.compile(r"[,;:.()]")
_QUOTES = "\"'“”‘’«»"


def named_parts(blocks: list[Block], figures: list[Figure]) -> list[Figure]:
    """`figures` with the subjects of a footnote's parts of a numbered name: a footnote whose whole-number counts,
    in order, are the numbers of a hyphenated name in the paragraph before it ("nguyên tắc 5-4-3-2-1", "mô hình
    3-2-1") details that name; each count names a part "của" it. Other figures unchanged."""
    by_loc: dict[str, list[int]] = {}
    for i, f in enumerate(figures):
        by_loc.setdefault(f.location, []).append(i)
    out = list(figures)
    calling: Block | None = None
    for block in blocks:
        if block.kind != "footnote":
            calling = block if block.kind != "table" else None
            continue
        idx = by_loc.get(block.location, [])
        if calling is None or len(idx) < _NAME_NUMBERS or any(out[i].value != int(out[i].value) for i in idx):
            continue
        numbers = r"\s*[-–]\s*".join(str(int(out[i].value)) for i in idx)
        m = regex.search(r"(?<![\d/.,-])" + numbers + r"(?![\d/.,-])", calling.text)
        if m is None:
            continue
        before = _NAME_STOP.split(calling.text[: m.start()].rstrip(" " + _QUOTES))[-1].split()[-_NAME_WORDS:]
        if not content_words(" ".join(before)):
            continue
        name = " ".join([*before, m[0]])
        for i in idx:
            if out[i].subject and name.casefold() not in out[i].subject.casefold():
                out[i] = replace(out[i], subject=f"{out[i].subject} {phrase_words().possessive} {name}")
    return out


def _oblique_verb(sent: Sentence, m: Mention) -> str:
    """The verb phrase a rate after a preposition is the oblique of, through the commas of its object's noun list
    ("Tiếp tục thu nhận hồ sơ cấp thẻ căn cước, tài khoản định danh điện tử cho 100% công dân"): the words from
    the clause's hard start (or its last aspect marker) to the rate, openers and list mark dropped, with the
    preposition; "" when they hold a predicate or another number, or run past _MAX_OBLIQUE words."""
    s, start = sent.text, m.opening
    pw = phrase_words()
    prev = max((o.end for o in sent.mentions if o.end <= start), default=0)
    lo = max([prev, *(c.end() for c in HARD.finditer(s, 0, start))])
    text = _clean(_masked(sent, lo, start))
    asp = list(pw.aspect.finditer(text))
    text = text[asp[-1].end() :] if asp else text
    words = text.split()
    if not content_words(text) or len(words) > _MAX_OBLIQUE or pw.predicates.search(text) or _DIGITS.search(text):
        return ""
    return " ".join(words)


def _oblique_share(own: str | None, after: str) -> str | None:
    """The clause's own phrase of a rate whose noun phrase is an oblique of the verb further back ("đã hoàn
    thiện quy định chức năng, nhiệm vụ và cơ cấu tổ chức của 100% cơ quan": subjects.py's verb phrase from the
    aspect marker + the noun phrase), when that phrase ends with the noun phrase and names a verb before it;
    None otherwise (the share then names the noun phrase alone)."""
    if not own or not after:
        return None
    mine, tail = content_words(own), content_words(after)
    if not tail or len(mine) <= len(tail) or mine[-len(tail) :] != tail:
        return None
    return own
