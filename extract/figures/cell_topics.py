"""Subjects of the figures in a table's sentence cells that need words from outside their own phrase: the row's
criterion label ("Thực hiện chế độ báo cáo CCHC định kỳ" | "(04/04 báo cáo đáp ứng ...)"), a rate label the
sentence opens with ("Tỷ lệ hồ sơ thanh toán trực tuyến: 552.693/594.694 hồ sơ"), and the name a parenthesised count follows ("Phát triển Kinh tế số (05 mục tiêu)"), the things a count with a demonstrative points back at
("bãi bỏ 02 văn bản trên" under "Xử lý văn bản trái pháp luật ...") and what a rate criterion's ratio is taken over
("Tỷ lệ hồ sơ TTHC do cấp xã tiếp nhận được giải quyết đúng hạn" | "/468 hồ sơ"). Words in rules/cell_topics.yaml;
used by text_cells.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, lru_cache

import regex

from extract import catalog
from extract.figures.table_cells import row_core
from extract.language.subjects import WHOLE_WORD, content_words, phrase_words, word_alternation, word_pattern
from extract.model import Figure

_KEYS = {"label_openers", "who_headers", "predicate_openers", "group_openers", "generic_nouns",
         "measure_heads", "object_ends", "object_words_max", "plural_markers", "phrase_ends", "rate_labels", "rate_label_ends", "whole_ends",
         "bare_words_max", "name_words_max", "referring_words", "referring_places",
         "act_words_max"}
_LETTER = regex.compile(r"\p{L}")
_WORD = regex.compile(r"\S+")
_MARK = r"(?:[-–+•*]|\(?\d{1,2}[.)]|[a-zđ]\))"  # a list item's marker: "-", "(1)", "a)"
_MARKER = regex.compile(rf"^\s*{_MARK}\s*")


@dataclass(frozen=True)
class _Words:
    opener: regex.Pattern  # a criterion label's opening verb or nominaliser, and a plural marker after it
    ends: regex.Pattern  # a word that ends the label's noun phrase
    rate: regex.Pattern  # a sentence opening with a rate label and a colon: "Tỷ lệ <X>:"
    rate_end: regex.Pattern  # the manner closing a rate label's X ("theo quy định")
    whole_end: regex.Pattern  # the result a ratio's whole leaves out ("đã hoàn thành ...")
    who: regex.Pattern  # a label column's header naming who speaks or is scored
    predicate: regex.Pattern  # a predicate opening right after the counted noun
    group: regex.Pattern  # a sentence opening with the group its generic nouns stand for: "Đối với <G> ("
    generic: regex.Pattern  # a generic noun ("đơn vị")
    plural: regex.Pattern  # a plural marker opening a noun phrase
    measure: regex.Pattern  # a subject that is a measure of a verb: "Thời gian hỗ trợ"
    object_end: regex.Pattern  # a word or mark that ends the verb's object
    rate_opened: regex.Pattern  # a label opening with a rate word: "Tỷ lệ (các) <X>"
    predicate_at: regex.Pattern  # a predicate opener anywhere in a text
    referring: regex.Pattern  # a demonstrative after a counted noun ("trên" before a mark, the end or a predicate)
    bare_max: int
    name_max: int
    object_max: int
    act_max: int


@cache
def cell_words() -> _Words:
    """rules/cell_topics.yaml compiled."""
    data = catalog.with_keys("cell_topics", catalog.load("cell_topics"), _KEYS)
    if not all(isinstance(data[k], int) for k in ("bare_words_max", "name_words_max", "object_words_max",
                                                  "act_words_max")):
        raise catalog.RuleError("cell_topics.yaml: bare_words_max, name_words_max, object_words_max, act_words_max:"
                                " integers")

    def alt(key: str) -> str:
        return word_alternation(data[key], f"cell_topics.yaml {key}")

    plural = rf"(?:{alt('plural_markers')}\s+)?"
    flags = regex.IGNORECASE
    return _Words(
        opener=regex.compile(rf"^\s*{alt('label_openers')}\s+{plural}", flags),
        ends=regex.compile(r"(?:\s|,)+" + WHOLE_WORD % alt("phrase_ends"), flags),
        rate=regex.compile(rf"^\s*(?:{_MARK}\s*)?(?P<rate>{alt('rate_labels')})\s+{plural}(?P<x>[^:;()]+?)\s*:", flags),
        rate_end=regex.compile(rf"\s+{alt('rate_label_ends')}\s*$", flags),
        whole_end=regex.compile(r"(?:\s|,)+" + WHOLE_WORD % alt("whole_ends"), flags),
        who=regex.compile(rf"^\s*{alt('who_headers')}(?![\p{{L}}\p{{N}}_])", flags),
        predicate=regex.compile(rf"^[\s,]*{alt('predicate_openers')}(?![\p{{L}}\p{{N}}_])", flags),
        group=regex.compile(rf"^\s*(?:{_MARK}\s*)?{alt('group_openers')}\s+(?P<g>[^():;]+?)\s*[(:]", flags),
        generic=regex.compile(WHOLE_WORD % alt("generic_nouns"), flags),
        plural=regex.compile(rf"^{alt('plural_markers')}\s+", flags),
        measure=regex.compile(rf"^\s*{alt('measure_heads')}\s+(?P<verb>\p{{L}}+(?:\s+\p{{L}}+)?)", flags),
        object_end=regex.compile(r"[0-9.;:()!?]|(?:\s|,)+" + WHOLE_WORD % alt("object_ends"), flags),
        rate_opened=regex.compile(rf"^\s*{alt('rate_labels')}\s+{plural}(?P<x>.+)$", flags),
        predicate_at=regex.compile(r"(?:\s|,)+" + WHOLE_WORD % alt("predicate_openers"), flags),
        referring=regex.compile(rf"^\s*(?:{alt('referring_words')}(?![\p{{L}}\p{{N}}_])|{alt('referring_places')}"
                                rf"(?=\s*(?:[,.;:)]|$)|\s+{alt('predicate_openers')}(?![\p{{L}}\p{{N}}_])))", flags),
        bare_max=data["bare_words_max"],
        name_max=data["name_words_max"],
        object_max=data["object_words_max"],
        act_max=data["act_words_max"],
    )


def forget() -> None:
    """Empty label_topic's memory: called per document, as numbers.forget."""
    label_topic.cache_clear()


def _is_noun(unit: str | None) -> bool:
    return bool(unit and _LETTER.search(unit))


def _find(phrase: str, text: str):
    """`phrase` as whole words in `text`, any case and spacing (None when absent)."""
    pattern = r"\s+".join(regex.escape(w) for w in phrase.split())
    return regex.search(WHOLE_WORD % pattern, text, regex.IGNORECASE)


def _is_bare(subject: str, noun: str) -> bool:
    """Nothing qualifies the noun in the subject: its content words end with the noun's, or a predicate opens
    right after it ("báo cáo đáp ứng đầy đủ ...")."""
    have, own = content_words(subject), content_words(noun)
    if own and have[-len(own):] == own:
        return True
    at = _find(noun, subject)
    return at is not None and bool(cell_words().predicate.match(subject[at.end():]))


# asked for the same row label by each figure of the row (referred_count, the ratio's topic): remembered per
# document (emptied by `forget`); the result depends on the label and the rules alone
@lru_cache(maxsize=1024)
def label_topic(label: str | None) -> str:
    """What a criterion label is about: its row core without the opening verb ("Thực hiện kế hoạch CCHC" -> "kế
    hoạch CCHC"; "Mức độ thực hiện các chỉ tiêu, nhiệm vụ đào tạo" -> "chỉ tiêu, nhiệm vụ đào tạo")."""
    if not label:
        return ""
    core = row_core(label)
    return cell_words().opener.sub("", core, count=1).strip(" ,;:.")


def _taken_over(x: str) -> str:
    """What a rate "Tỷ lệ X <predicate>" is taken over: X up to its last predicate opener, the condition the part
    meets ("hồ sơ ... được giải quyết đúng hạn" -> "hồ sơ ...", "nhiệm vụ được giao hoàn thành" -> "nhiệm vụ được
    giao": a participle before another predicate still names which)."""
    ends = [e.start() for e in cell_words().predicate_at.finditer(x)]
    return (x[: ends[-1]] if ends else x).strip(" ,;:.")


def _cut(text: str, end: regex.Pattern) -> str:
    stop = end.search(text)
    return (text[: stop.start()] if stop else text).strip(" ,;:.")


def counted_noun(fig: Figure, before: list[Figure]) -> str | None:
    """The noun a figure counts: its unit, or for a percentage the unit of the ratio it restates (the last
    figure with a noun unit before it in the same sentence)."""
    if _is_noun(fig.unit) and fig.base_unit != "%":
        return fig.unit
    if fig.base_unit != "%":
        return None
    for other in reversed(before):
        if other.quote == fig.quote and other.char_start < fig.char_start and other.kind.startswith("ratio"):
            return other.unit if _is_noun(other.unit) and other.base_unit != "%" else None
    return None


def with_row_topic(fig: Figure, noun: str | None, label: str | None) -> Figure:
    """A cell sentence's figure whose subject lacks what the row's criterion is about takes it from the label:
    the label's words after the counted noun when the label names it ("Thực hiện chế độ báo cáo CCHC định kỳ" |
    "04/04 báo cáo đáp ứng ..." -> "báo cáo CCHC định kỳ đáp ứng ..."), else the label's topic after a bare
    subject, the counted noun and its verb ("Công tác tuyên truyền CCHC" | "phát sóng 03 phóng sự" -> "phát
    sóng phóng sự tuyên truyền CCHC")."""
    topic = label_topic(label)
    if not fig.subject or not noun or not topic or not _is_bare(fig.subject, noun):
        return fig  # a noun the sentence qualifies itself ("văn bản đi", "người có mặt") is its own
    words = cell_words()
    have = set(content_words(fig.subject))
    named = _find(noun, topic)
    if named is not None:
        phrase = (topic[named.start(): named.end()] + " " + _cut(topic[named.end():], words.ends)).strip()
        if not [w for w in content_words(phrase) if w not in have]:
            return fig
        at = _find(noun, fig.subject)
        subject = (fig.subject[: at.start()] + phrase + fig.subject[at.end():]) if at else f"{fig.subject} {phrase}"
        if fig.kind == "ratio_whole":  # "04/04 báo cáo đáp ứng ...": the whole is every report, met or not
            subject = _cut(subject, words.whole_end) or subject
        return replace(fig, subject=subject)
    if len(have - set(content_words(noun))) > words.bare_max:
        return fig
    head = _cut(topic, words.ends) or topic
    if have & set(content_words(head)):
        return fig
    return replace(fig, subject=f"{fig.subject} {head}")


def with_rate_label(fig: Figure) -> Figure:
    """A sentence opening with a rate label and a colon ("Tỷ lệ <X>: 15/15 (đạt 100%)", "Tỷ lệ hoàn thành <X>:
    Hoàn thành 8/8 nhiệm vụ") names what its ratio counts: a subject that only repeats (a cut of) the label
    becomes X (the percentage keeps the rate word, the whole leaves out the result "đã hoàn thành ..."); a
    subject of its own takes X's missing words."""
    words = cell_words()
    opened = words.rate.match(fig.quote)
    if opened is None or opened.end() > fig.char_start or not fig.subject:
        return fig
    x = words.rate_end.sub("", opened["x"]).strip(" ,")
    if fig.kind == "ratio_whole":
        x = _cut(x, words.whole_end) or x
        named = _find(fig.unit, x) if fig.unit else None
        if named is not None and named.start() == 0:  # "Tỷ lệ TTHC được triển khai ...": every TTHC, deployed or not
            x = _taken_over(x) or x
    want = f"{opened['rate']} {x}" if fig.base_unit == "%" and not fig.kind.startswith("ratio") else x
    have = set(content_words(fig.subject))
    if have <= set(content_words(opened.group(0))):
        return replace(fig, subject=want)
    missing = [w for w in _WORD.findall(x) if content_words(w) and content_words(w)[0] not in have]
    return replace(fig, subject=f"{fig.subject} {x}") if missing else fig


def counted_name(fig: Figure) -> Figure:
    """A count in parentheses after a name counts the name's members ("(1) Phát triển Kinh tế số (05 mục tiêu)"
    -> "mục tiêu Phát triển Kinh tế số") when its own subject is only the counted noun."""
    if not _is_noun(fig.unit) or fig.base_unit == "%" or not fig.subject:
        return fig
    before = fig.quote[: fig.char_start].rstrip()
    after = fig.quote[fig.char_end:].lstrip()
    if after.casefold().startswith(fig.unit.casefold()):  # the raw text may end before its unit or after it
        after = after[len(fig.unit):].lstrip()
    if not before.endswith("(") or not after.startswith(")"):
        return fig
    if set(content_words(fig.subject)) - set(content_words(fig.unit)):
        return fig
    name = _MARKER.sub("", before[:-1]).strip(" ,;:")
    if "(" in name or ")" in name or not name or len(name.split()) > cell_words().name_max:
        return fig
    return replace(fig, subject=f"{fig.unit} {name}")


def group_member(fig: Figure) -> Figure:
    """A generic noun counted in a sentence that opens with the group it stands for names the group ("Đối với
    các sở, ngành (100% đơn vị xếp loại Tốt), gồm: 11/13 đơn vị" -> "sở, ngành xếp loại Tốt", "sở, ngành")."""
    words = cell_words()
    opened = words.group.match(fig.quote)
    if opened is None or opened.end() > fig.char_start or not fig.subject:
        return fig
    # the noun counted: the unit, or after a percentage the noun it is of ("100% đơn vị xếp loại Tốt")
    if not (fig.base_unit == "%" or (fig.unit and words.generic.fullmatch(fig.unit.strip()))):
        return fig
    at = words.generic.search(fig.subject)
    if at is None:
        return fig
    group = words.plural.sub("", opened["g"].strip(" ,"))
    return replace(fig, subject=fig.subject[: at.start()] + group + fig.subject[at.end():])


def measured_object(fig: Figure, before: str) -> Figure:
    """A measure of a verb with no object of its own ("Thời gian hỗ trợ trong vòng 03 năm") measures the object
    the verb last took before it in the cell (`before`: the cell's text up to the figure): "Hỗ trợ tiền thuê nhà
    bằng 2,0 lần ... Thời gian hỗ trợ ..." -> "Thời gian hỗ trợ tiền thuê nhà"."""
    words = cell_words()
    opened = words.measure.match(fig.subject or "")
    if opened is None:
        return fig
    unit = _find(fig.unit, fig.subject[opened.end():]) if _is_noun(fig.unit) else None
    between = fig.subject[opened.end(): opened.end() + unit.start()] if unit else fig.subject[opened.end():]
    if content_words(between):
        return fig  # "thời gian hỗ trợ đào tạo": the measure names its own object
    verb = opened["verb"]
    own = _find(fig.subject[: opened.end()], before)  # the measure's own words in the cell: look before them
    text = before[: own.start()] if own is not None else before
    found = list(word_pattern(verb).finditer(text))
    for m in reversed(found):
        obj = _cut(words.object_end.split(text[m.end():], maxsplit=1)[0], words.object_end)
        if obj and content_words(obj) and len(obj.split()) <= words.object_max:
            return replace(fig, subject=f"{fig.subject[: opened.end()]} {obj}{fig.subject[opened.end():]}")
    return fig


_ACT_BOUND = regex.compile(r"(?:\S*\d\S*|[,;:()])\s*")  # a number, a date or a mark before the act


def _past_word(text: str, word: str) -> str | None:
    """`text` past `word` when the word opens it (after spaces; caseless; a whole word), else None."""
    rest = text.lstrip()
    end = rest[len(word): len(word) + 1]
    if rest[: len(word)].lower() != word.lower() or end.isalnum() or end == "_":
        return None
    return rest[len(word):]


def referred_count(fig: Figure, label: str | None) -> Figure:
    """A counted noun followed by a demonstrative ("bãi bỏ 02 văn bản trên", "đình chỉ 03 cơ sở này") counts things
    already named: when the row's criterion names the noun ("Xử lý văn bản trái pháp luật do ..."), the subject is
    the act right before the count with the criterion's noun phrase ("bãi bỏ văn bản trái pháp luật"); the means
    and agent of the clause ("ban hành Quyết định số ... ", "UBND tỉnh") name nothing counted."""
    if not _is_noun(fig.unit) or fig.base_unit == "%" or fig.kind == "ratio_part":
        return fig
    words = cell_words()
    after = fig.quote[fig.char_end:]
    lead = _find(fig.unit, after[: len(fig.unit) + 2])  # the raw text may end before its unit or after it
    after = after[lead.end():] if lead is not None and not after[: lead.start()].strip() else after
    topic = label_topic(label)
    named = _find(fig.unit, topic) if topic else None
    if named is None:
        return fig
    for word in topic[named.end():].split():  # "08 trường học nói trên" under "... trường học ...": the unit's rest
        rest = _past_word(after, word)
        if rest is None:
            break
        after = rest
    if not words.referring.match(after):
        return fig
    phrase = (topic[named.start(): named.end()] + " " + _cut(topic[named.end():], words.ends)).strip()
    if not [w for w in content_words(phrase) if w not in content_words(fig.unit)]:
        return fig
    before = fig.quote[: fig.char_start]
    bounds = [b.end() for b in _ACT_BOUND.finditer(before)] + [a.end() for a in phrase_words().aspect.finditer(before)]
    act = before[max(bounds):] if bounds else before  # past an aspect marker: its agent is no part of it
    act = " ".join(act.split()) if len(act.split()) <= words.act_max else ""
    return replace(fig, subject=f"{act} {phrase}".strip())


def rate_label_whole(fig: Figure, label: str | None) -> Figure:
    """The whole of a ratio in a row whose criterion is a rate ("Tỷ lệ hồ sơ TTHC do cấp xã tiếp nhận được giải quyết
    đúng hạn" | "Cấp xã có 96/98 hồ sơ giải quyết đúng hạn") counts what the rate is taken over: the label's noun
    phrase up to its last predicate opener, the condition the part meets ("hồ sơ TTHC do cấp xã tiếp nhận"); only
    when the whole's own subject says nothing the label does not."""
    if fig.kind != "ratio_whole" or not _is_noun(fig.unit) or not fig.subject or not label:
        return fig
    words = cell_words()
    opened = words.rate_opened.match(row_core(label))
    if opened is None:
        return fig
    x = _taken_over(opened["x"])
    named = _find(fig.unit, x)
    have, want = set(content_words(fig.subject)), set(content_words(x))
    if named is None or named.start() > 0 or not have <= want or want <= have:
        return fig
    return replace(fig, subject=x)


def cell_subjects(figs: list[Figure], label: str | None, label_header: str | None = None,
                  text: str = "") -> list[Figure]:
    """The figures of one cell paragraph with the subject words their row and sentence give from outside their
    phrase (no row topic under a label column of who: `label_header` "Cơ quan góp ý"), (`text`: the cell paragraph they come from), in order: counted_name, with_rate_label, group_member,
    measured_object, then referred_count and rate_label_whole (when either applies it stands instead of)
    with_row_topic (a ratio's whole only when its part took the topic)."""
    if label_header and cell_words().who.match(label_header):
        label = None  # "Cơ quan góp ý": the row names who comments, not what the comment measures
    out: list[Figure] = []
    widened = False  # the last ratio's part took the row's topic: its whole counts the same things
    for fig in figs:
        fig = group_member(with_rate_label(counted_name(fig)))
        at = text.find(fig.quote)
        fig = measured_object(fig, text[: at + fig.char_start] if at >= 0 else fig.quote[: fig.char_start])
        referred = rate_label_whole(referred_count(fig, label), label)
        if referred is not fig:
            out.append(referred)
            continue
        if fig.kind != "ratio_whole" or widened:
            topical = with_row_topic(fig, counted_noun(fig, out), label)
            widened = topical is not fig if fig.kind == "ratio_part" else widened
            fig = topical
        out.append(fig)
    return out
