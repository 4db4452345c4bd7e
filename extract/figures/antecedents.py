"""Antecedents: the population a count of members ("06 người", "18/70 trường hợp") is of, named by a count before it
in its block ("Trong số 34 ứng viên tham gia, ... 06 người đang giữ chức vụ"; "có 70 ứng viên tham gia ... 18/70
trường hợp bỏ việc"), and the whole of a ratio that repeats such a count. Words as data: rules/antecedents.yaml.
"""

from __future__ import annotations

from functools import cache

import regex

from extract import catalog
from extract.figures.rules import rules
from extract.figures.subjects import is_counted
from extract.language.numbers import Mention
from extract.language.periods import find_periods
from extract.language.subjects import WHOLE_WORD, context_words, phrase_words, word_alternation, word_pattern

# the keys of rules/antecedents.yaml (the lead-in keys are read by lead_ins.py)
_KEYS = {"member_nouns", "partition_openers", "partition_pronouns", "lead_in_openers", "lead_in_ends", "cost_nouns",
         "lead_in_measure", "programme_nouns", "cost_objects", "attribute_nouns", "topic_verbs"}
_TITLE_WORDS = 8  # words of a programme's title in a heading, at most
_TOPIC_WORDS = 8  # words of a sentence's topic an attribute takes as its owner ("tỉnh Lâm Đồng (mới)")
_NUMBERING = regex.compile(r"^\s*(?:[\p{Lu}]|[IVXLC]+|\d+(?:\.\d+)*)[.)]\s*")  # "A. ", "II. ", "3.2. "


@cache
def antecedent_rules() -> dict:
    """rules/antecedents.yaml, its keys checked: read here and by lead_ins.py."""
    return catalog.with_keys("antecedents", catalog.load("antecedents"), _KEYS)


@cache
def _words() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(member noun in full, a partition opener before a count, a partition opener with a demonstrative)."""
    data = antecedent_rules()
    alt = {k: word_alternation(data[k], f"antecedents.yaml {k}")
           for k in ("member_nouns", "partition_openers", "partition_pronouns")}
    flags = regex.IGNORECASE
    return (
        regex.compile(alt["member_nouns"], flags),
        regex.compile(WHOLE_WORD % alt["partition_openers"] + r"\s+(?=\d)", flags),
        regex.compile(WHOLE_WORD % alt["partition_openers"] + r"\s+" + WHOLE_WORD % alt["partition_pronouns"], flags),
    )


def _is_member(m: Mention) -> bool:
    return bool(m.unit) and _words()[0].fullmatch(" ".join(m.unit.split())) is not None


def _named(o: Mention) -> bool:
    """A count of a noun that names a kind of thing (no member noun): a population."""
    return o.kind == "number" and is_counted(o) and not _is_member(o)


def _whole_after(m: Mention, mentions: list[Mention]) -> Mention | None:
    """The whole of the ratio whose part is `m` (both mentions span the ratio as written: "18/70 trường hợp")."""
    return next((o for o in mentions if o.kind == "ratio_whole" and o.start == m.start), None)


def _population(m: Mention, text: str, mentions: list[Mention], told: list) -> Mention | None:
    """The count that names the population `m` counts members of: the count a ratio's whole repeats ("70 ứng viên"
    for "18/70 trường hợp"), the count after a partition opener before `m` in its sentence ("Trong số 34 ứng viên,
    ..."), or, after "Trong số đó", the last count of the sentences before."""
    whole = _whole_after(m, mentions) if m.kind == "ratio_part" else None
    if whole is not None:
        return next((o for o, _s in reversed(told) if _named(o) and o.value == whole.value), None)
    _member, opener, pronoun = _words()
    openers = [h for h in opener.finditer(text, 0, m.start)]
    if openers:
        return next((o for o in mentions if o.start == openers[-1].end() and _named(o)), None)
    if pronoun.search(text, 0, m.start):
        return next((o for o, _s in reversed(told) if _named(o)), None)
    return None


_COUNT_START = regex.compile(r"\d[\d.,]*\s+")  # the number of the count a partition opener is followed by


def partitioned(noun: str, before: str) -> bool:
    """Whether `before` (a sentence up to a count of `noun`) opens a partition of a population counted in that
    same noun ("Trong số 34 ứng viên tham gia Đề án, có 04 ứng viên đã giữ chức vụ ..."): the count counts members
    of that population, the last place its noun was named; what the noun was named with further back is not it."""
    opener = _words()[1]
    for hit in opener.finditer(before):
        number = _COUNT_START.match(before, hit.end())
        if number and word_pattern(noun).match(before, number.end()):
            return True
    return False


def member_population(subject: str | None, m: Mention, text: str, mentions: list[Mention], told: list) -> str | None:
    """`subject` of a count of members with the noun of the population it counts inserted after its member noun:
    "trường hợp bỏ việc" -> "trường hợp ứng viên bỏ việc". `text` is the figure's sentence, `mentions` its
    numbers, `told` the (mention, subject) of the block's figures before it."""
    if not subject or not _is_member(m) or m.kind == "ratio_whole":
        return subject
    population = _population(m, text, mentions, told)
    noun = population.unit if population is not None else None
    if not noun or word_pattern(noun).search(subject):
        return subject
    hit = word_pattern(m.unit).search(subject)
    if hit is None:
        return subject
    return f"{subject[: hit.end()]} {noun}{subject[hit.end():]}"


def repeated_whole(subject: str | None, m: Mention, told: list) -> str | None:
    """The whole of a ratio of members that repeats a count of the sentences before ("có 70 ứng viên tham gia Đề án
    ... có 18/70 trường hợp bỏ việc"): all of that count, its subject; `subject` otherwise."""
    if m.kind != "ratio_whole" or not _is_member(m):
        return subject
    return next((s for o, s in reversed(told) if s and _named(o) and o.value == m.value), subject)


@cache
def _cost_words() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(a cost noun, a programme noun opening a name, a word naming what a cost is of)."""
    data = antecedent_rules()
    alt = {k: word_alternation(data[k], f"antecedents.yaml {k}") for k in ("cost_nouns", "programme_nouns",
                                                                           "cost_objects")}
    flags = regex.IGNORECASE
    return (regex.compile(WHOLE_WORD % alt["cost_nouns"], flags), regex.compile(r"^" + alt["programme_nouns"] + r"\s",
            flags), regex.compile(WHOLE_WORD % alt["cost_objects"], flags))


def programme_cost(subject: str | None, m: Mention, plans: list[str], headings: list[str]) -> str | None:
    """An amount whose subject is a cost that names nothing it is the cost of ("Tổng kinh phí chi giai đoạn") is the
    cost of the programme or policy its part is about: the nearest programme of `plans`, those the part named in
    full (Sections.plans_of_part), else the title of the innermost of the open `headings` that opens with one
    ("A. CHÍNH SÁCH ĐÀO TẠO CỬ TUYỂN", its time cut: "GIAI ĐOẠN 2021-2025" dates it, names nothing)."""
    if not subject or m.base_unit not in rules().money_units:
        return subject
    cost, programme, objects = _cost_words()
    if not cost.search(subject) or objects.search(subject):
        return subject
    name = next((p for p in plans if programme.match(p)), None) or next(
        (t for t in map(_programme_title, headings) if t), None)
    return f"{subject} {name}" if name else subject


def _programme_title(heading: str) -> str:
    """The title of a heading that names a programme or a policy ("I. CHÍNH SÁCH ĐÀO TẠO CỬ TUYỂN GIAI ĐOẠN
    2021-2025" -> "CHÍNH SÁCH ĐÀO TẠO CỬ TUYỂN"): its numbering, time and brackets cut; "" for other headings or
    one too long to be a title."""
    title = _NUMBERING.sub("", heading)
    if not _cost_words()[1].match(title + " "):
        return ""
    times = find_periods(title)
    title = title[: min(pm.start for pm in times)] if times else title
    title = regex.split(r"[(:;,]", title)[0].strip(" .-–")
    if len(title.split()) > _TITLE_WORDS:
        return ""
    return title.lower() if title.isupper() else title  # a title in capitals reads as the words it names


@cache
def _attribute_words() -> tuple[regex.Pattern, regex.Pattern]:
    """(an attribute noun, a topic verb)."""
    data = antecedent_rules()
    flags = regex.IGNORECASE
    return (regex.compile(word_alternation(data["attribute_nouns"], "antecedents.yaml attribute_nouns"), flags),
            regex.compile(r"\s" + WHOLE_WORD % word_alternation(data["topic_verbs"], "antecedents.yaml topic_verbs")
                          + r"\s", flags))


def _without_lead_in(text: str) -> str:
    """`text` without the lead-in words it ends with ("dân số khoảng" -> "dân số")."""
    lead_in = phrase_words().lead_in
    while (found := lead_in.search(text)) is not None and found.start() > 0:
        text = text[: found.start()]
    return " ".join(text.split())


def attribute_owner(subject: str | None, m: Mention, before: str) -> str | None:
    """`subject` of a figure whose comma part is an attribute noun and the number ("..., dân số khoảng 3,87 triệu
    người") with the sentence's topic after it: the noun phrase its first comma part holding a topic verb opens with
    ("Huyện A là huyện biên giới, diện tích 3.679 km2" -> "diện tích km2 Huyện A"); `before` is the sentence up to
    the number. A topic with a number, over _TOPIC_WORDS words, or itself a count ("Số bệnh nhân điều trị nội trú là
    98.450 lượt, công suất ... đạt 92,6%": subjects.yaml context.count_topics) is no owner."""
    if not subject:
        return subject
    attribute, verb = _attribute_words()
    parts = before.split(",")
    if len(parts) < 2 or attribute.fullmatch(_without_lead_in(parts[-1])) is None or regex.search(r"[;:]", before):
        return subject
    for part in parts[:-1]:
        found = verb.search(part)
        if found is None:
            continue
        topic = " ".join(part[: found.start()].split())
        if not topic or regex.search(r"\d", topic) or len(topic.split()) > _TOPIC_WORDS \
                or context_words().count_topic.match(topic) or word_pattern(topic).search(subject):
            return subject
        return f"{subject} {topic}"
    return subject
