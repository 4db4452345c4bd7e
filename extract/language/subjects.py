"""Subjects: the normalised key that groups one subject across documents and periods, and its content words.

A key keeps the accents (của ≠ cua) but folds case and spacing and drops the function words of
rules/subjects.yaml, so "Tỷ lệ hồ sơ được giải quyết đúng hạn" and "tỷ lệ hồ sơ giải quyết đúng hạn" share one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from extract.catalog import RuleError, load, with_keys
from extract.language.nlp import make_doc, tokens, vocab
from extract.language.text import nfc

_WORD = regex.compile(r"[\p{L}\p{N}_]+(?:[./-][\p{L}\p{N}_]+)*")


@cache
def function_words() -> frozenset[str]:
    data = load("subjects")
    if not isinstance(data, dict) or set(data) != {"openers", "function_words", "phrase", "context"}:
        raise RuleError("subjects.yaml: expected the keys openers, function_words, phrase, context")
    words = data["function_words"]
    if not isinstance(words, list) or not all(isinstance(w, str) and len(w.split()) == 1 for w in words):
        raise RuleError("subjects.yaml function_words: expected a list of single syllables")
    folded = [w.casefold() for w in words]
    if len(set(folded)) != len(folded):
        raise RuleError("subjects.yaml function_words: a word is listed twice")
    return frozenset(folded)


def content_words(text: str | None) -> list[str]:
    """The syllables of `text` that are not function words, case-folded, accents kept, in order."""
    if not text:
        return []
    return list(_content_words(text))


@lru_cache(maxsize=8192)
def _content_words(text: str) -> tuple[str, ...]:
    """content_words, remembered: the figure stage asks ~3 times for each phrase (emptied per document)."""
    stop = function_words()
    return tuple(w for w in map(str.casefold, _WORD.findall(nfc(text))) if w not in stop)


def forget() -> None:
    """Empty content_words', tidy_subject's and without_openers' memory: called per document, as numbers.forget."""
    _content_words.cache_clear()
    tidy_subject.cache_clear()  # remembered too: half its calls repeat a subject of the same document
    without_openers.cache_clear()


def subject_key(text: str | None) -> str | None:
    """'Tỷ lệ  hồ sơ được giải quyết' -> 'tỷ lệ hồ sơ giải quyết'; None when nothing is left."""
    words = content_words(text)
    return " ".join(words) if words else None


@cache
def openers() -> tuple[regex.Pattern, ...]:
    """Clause openers and time adverbials never part of a subject (rules/subjects.yaml)."""
    function_words()
    try:
        return tuple(regex.compile(p, regex.IGNORECASE) for p in load("subjects")["openers"])
    except regex.error as exc:
        raise RuleError(f"subjects.yaml openers: {exc}") from exc


@lru_cache(maxsize=8192)
def without_openers(text: str) -> str:
    """`text` without its clause openers and time adverbials, spaces collapsed; remembered (emptied per document):
    half the figure stage's calls repeat a phrase, as running_total and is_weak test the same subject in turn."""
    for rx in openers():
        text = rx.sub(" ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class PhraseWords:
    """The word lists of rules/subjects.yaml `phrase`, compiled: see the comments there."""

    predicates: regex.Pattern  # searched
    aspect: regex.Pattern  # searched
    copula: regex.Pattern  # matched at the end of a text
    lead_in: regex.Pattern  # matched at the end of a text (repeatedly)
    averages: regex.Pattern  # full match of a lead-in
    restate: regex.Pattern  # full match of a text
    share_against: regex.Pattern  # matched at the start of the text after a percentage
    compared_base: regex.Pattern  # searched: a clause ending in the base of a comparison ("không đạt chỉ tiêu Nghị quyết")
    lead_openers: regex.Pattern  # matched at the start of a text
    topic: regex.Pattern  # matched at the start of a sentence; group "t" is the topic
    topic_label: regex.Pattern  # the same, the topic set off by a colon or "thì" (commas and all)
    contrast: regex.Pattern  # matched at the start of a sentence: the word singling out its topic's group ("Riêng")
    coordinator: regex.Pattern  # searched: "và", "hoặc" between two coordinated phrases or counts
    trailing_coordinators: regex.Pattern  # searched: coordinators a cut phrase is left ending with
    coordination: regex.Pattern  # full match: what may stand between two coordinated counts (",", "và")
    accompaniment: regex.Pattern  # searched: "với" opening an amount's own phrase
    range_gap: regex.Pattern  # full match: what stands between the two ends of a range ("đến", "-")
    basis: regex.Pattern  # searched at the end of a text: "theo thẩm quyền" between a verb and its count
    place: regex.Pattern  # searched at the end of a text: "trên sóng truyền hình" between a verb and its count
    place_owner: regex.Pattern  # searched in such a place: "của Báo ..." naming whose the place is
    other_noun: regex.Pattern  # searched: a coordinator opening another plural noun phrase ("và các đồ vật")
    determiner: regex.Pattern  # matched at the start of a text: a plural determiner opening a noun phrase ("các xã")
    time_lead: regex.Pattern  # searched at the end of a text: the preposition of the time that follows
    consequence: regex.Pattern  # searched: the word opening a condition's main clause ("thì")
    generic: regex.Pattern  # full match: a unit that counts any noun again ("người", "lượt")
    citation_date: regex.Pattern  # searched: "ngày 05/01/2026" after a document number; group "doc" is the number
    scope: regex.Pattern  # searched: "trên địa bàn tỉnh Lâm Đồng", the report's own territory
    exclusion: regex.Pattern  # matched at the start of an aside: "không bao gồm", what a total leaves out
    whole_quantifier: regex.Pattern  # matched at the start of a comma part: "hầu hết", a clause about a whole
    clause_lead: regex.Pattern  # matched at the start of a subject: coordinators and aspect markers, clause words
    clause_tail: regex.Pattern  # searched at the end of a subject: those and negations, copulas a clause goes on from
    linking: regex.Pattern  # fullmatched on a word: a preposition or coordinator linking a name to the phrase before
    share: str
    possessive: str
    total: str
    total_open: regex.Pattern  # matched at the start of a phrase: the total word ("tổng kinh phí")
    total_before: regex.Pattern  # searched at the end of a text: the total word right before a measure noun
    list_gap: regex.Pattern  # matched: what stands between the items of a list of counts (commas, a coordinator)


_PHRASE_KEYS = {"predicates", "compounds", "predicate_compounds", "aspect", "negations", "present", "present_compounds", "comparison", "copula",
                "lead_in", "lead_in_compounds", "averages", "restate", "share", "share_against", "possessive", "total",
                "lead_openers", "topic", "contrast", "basis_prepositions", "basis_kinds", "place_prepositions", "place_owners", "plural_determiners",
                "coordinators", "accompaniment", "range_words", "boundaries", "light_verbs",
                "time_prepositions", "consequence", "generic_units", "manner", "citation_date", "scope",
                "compound_prepositions", "equivalents", "exclusions", "whole_quantifiers", "name_heads"}


def word_alternation(words, where: str) -> str:
    """One regex alternation of a rule file's list of words and phrases (longest first, ties in file order; any
    run of spaces between words); `where` names the list in the error ("subjects.yaml phrase.predicates")."""
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise RuleError(f"{where}: expected a list of words")
    alts = sorted(dict.fromkeys(" ".join(w.split()) for w in words), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(regex.escape(p) for p in a.split()) for a in alts) + ")"


_MAX_LIST_ITEM = 3  # words of an item of a noun list a length cut does not split ("xã, phường, đặc khu")
_LIST_SLACK = 4  # words a phrase may run over its length limit to keep such a list whole
_MAX_LIGHT_HEAD = 2  # words of a noun right before a light verb that ends a phrase ("thời gian thực hiện")
WHOLE_WORD = r"(?<![\p{L}\p{N}_])%s(?![\p{L}\p{N}_])"  # a word or phrase not inside a longer word


@lru_cache(maxsize=4096)
def word_pattern(word: str) -> regex.Pattern:
    """`word` (a unit, a label, a verb: text, not a pattern) as a whole word, caseless, compiled once: one pattern per
    word asked overflowed regex's own 500-pattern cache, so the same patterns were compiled again in every document
    (bench/dump_figures.py --profile)."""
    return regex.compile(WHOLE_WORD % regex.escape(word), regex.IGNORECASE)


def _section(name: str, keys: set[str]) -> dict:
    """A section of rules/subjects.yaml holding exactly `keys` (the file's top level checked first)."""
    function_words()
    data = load("subjects")[name]
    if not isinstance(data, dict) or set(data) != keys:
        raise RuleError(f"subjects.yaml {name}: expected the keys {', '.join(sorted(keys))}")
    return data


def _not_equivalents(alt: dict) -> str:
    """A lookahead refusing a predicate that names the equivalents of the noun before after a coordinator
    ("lãnh đạo cấp sở và tương đương": the heads and those of the same rank, no predicate)."""
    return (r"(?!(?<=(?<![\p{L}\p{N}_])" + alt["coordinators"] + r"\s+)" + alt["equivalents"]
            + r"(?![\p{L}\p{N}_]))")


def _not_title_equivalent(alt: dict) -> str:
    """A lookahead refusing a predicate that names the equivalent of a title or a name written with a capital
    ("giữ các chức vụ tương đương Trưởng phòng"): a qualifier of the noun before, no predicate of a number."""
    return "(?!" + alt["equivalents"] + r"\s+(?-i:\p{Lu}))"


def _not_compound_end(compounds: list[str], where: str) -> str:
    """A lookbehind refusing a word where it ends one of `compounds` ("với" of "đối với", "chỉ" of "chứng chỉ",
    "hiện" of "thực hiện"): the words before their last."""
    heads = [" ".join(w.split()[:-1]) for w in compounds if len(w.split()) > 1]
    return r"(?<!(?<![\p{L}\p{N}_])" + word_alternation(heads, where) + r"\s+)" if heads else ""


def _not_compound_tail(compounds: list[str]) -> str:
    """A lookahead refusing the last word of one of `compounds` right after the words before it ("chỉ" of "chứng
    chỉ"), and no other word after those ("công" of "công ước" before "với" of "thành công với" is no compound)."""
    tails = [r"(?<=(?<![\p{L}\p{N}_])" + r"\s+".join(map(regex.escape, w.split()[:-1])) + r"\s+)"
             + regex.escape(w.split()[-1]) + r"(?![\p{L}\p{N}_])" for w in compounds if len(w.split()) > 1]
    return "(?!" + "|".join(tails) + ")" if tails else ""


@cache
def phrase_words() -> PhraseWords:
    data = _section("phrase", _PHRASE_KEYS)
    for key in ("share", "possessive", "total"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise RuleError(f"subjects.yaml phrase.{key}: expected a word")
    alt = {k: word_alternation(data[k], f"subjects.yaml phrase.{k}") for k in _PHRASE_KEYS - {"share", "possessive", "total"}}
    not_compound = "(?!" + alt["compounds"] + r"(?![\p{L}\p{N}_]))"
    total = word_alternation([data["total"]], "subjects.yaml phrase.total")
    flags = regex.IGNORECASE
    return PhraseWords(
        predicates=regex.compile(not_compound + _not_compound_tail(data["predicate_compounds"]) + _not_equivalents(alt)
                                 + _not_title_equivalent(alt) + WHOLE_WORD % alt["predicates"], flags),
        aspect=regex.compile(WHOLE_WORD % ("(?:" + alt["aspect"] + "|" + alt["manner"] + ")"), flags),
        copula=regex.compile(WHOLE_WORD % alt["copula"] + r"[\s:]*$", flags),
        lead_in=regex.compile(_not_compound_tail(data["lead_in_compounds"]) + WHOLE_WORD % alt["lead_in"] + r"[\s:]*$",
                              flags),
        averages=regex.compile(r"\s*" + WHOLE_WORD % alt["averages"] + r"[\s:]*", flags),
        # numbers of a comparison base ("so với cùng kỳ năm 2024") may stand between the words
        restate=regex.compile(
            r"[\s(),:;–-]*(?:(?:" + WHOLE_WORD % alt["restate"] + r"|\d[\d/.,]*)[\s(),:;–-]*)*", flags
        ),
        share_against=regex.compile(r"^[\s,]*" + WHOLE_WORD % alt["share_against"], flags),
        compared_base=regex.compile(WHOLE_WORD % alt["share_against"] + r"[^,;:()]*$", flags),
        lead_openers=regex.compile(r"^\s*" + WHOLE_WORD % alt["lead_openers"] + r"[\s,:]*", flags),
        topic=regex.compile(r"^\s*" + WHOLE_WORD % alt["topic"] + r"\s+(?P<t>[^,:;()]{2,60}?)\s*[,:]", flags),
        # ... or by an aside in parentheses ("Đối với các sở, ngành (100% đơn vị xếp loại Tốt), gồm: ...")
        topic_label=regex.compile(r"^\s*" + WHOLE_WORD % alt["topic"] + r"\s+(?P<t>[^:;()]{2,120}?)\s*(?::(?!\d)|\(|\s"
                                  + WHOLE_WORD % alt["consequence"] + ")", flags),
        contrast=regex.compile(r"^\s*" + WHOLE_WORD % alt["contrast"], flags),
        coordinator=regex.compile(WHOLE_WORD % alt["coordinators"], flags),
        trailing_coordinators=regex.compile(r"(?:\s+" + WHOLE_WORD % alt["coordinators"] + r")+\s*$", flags),
        coordination=regex.compile(r"\s*(?:,|" + WHOLE_WORD % alt["coordinators"] + r")?\s*", flags),
        accompaniment=regex.compile(_not_compound_end(data["compound_prepositions"],
                                                      "subjects.yaml phrase.compound_prepositions")
                                    + WHOLE_WORD % alt["accompaniment"], flags),
        range_gap=regex.compile(r"\s*(?:" + WHOLE_WORD % alt["range_words"] + r"|-|–)\s*", flags),
        other_noun=regex.compile(r"\s" + WHOLE_WORD % alt["coordinators"] + r"\s+" + WHOLE_WORD % alt["plural_determiners"],
                                 flags),
        determiner=regex.compile(r"^\s*" + WHOLE_WORD % alt["plural_determiners"] + r"\s+", flags),
        basis=regex.compile(r"\s" + WHOLE_WORD % alt["basis_prepositions"] + r"\s+(?!" + WHOLE_WORD % alt["basis_kinds"]
                            + r")[^,;:()]{1,40}$", flags),
        place=regex.compile(r"\s" + WHOLE_WORD % alt["place_prepositions"] + r"\s+(?=[^;:()]*\p{L})[^;:()]{1,80}$", flags),
        place_owner=regex.compile(r"\s" + WHOLE_WORD % alt["place_owners"] + r"\s+(?-i:\p{Lu})", flags),
        time_lead=regex.compile(WHOLE_WORD % alt["time_prepositions"] + r"\s*$", flags),
        consequence=regex.compile(WHOLE_WORD % alt["consequence"], flags),
        generic=regex.compile(alt["generic_units"], flags),
        scope=regex.compile(r"\s*" + WHOLE_WORD % alt["scope"] + r"(?:\s+(?-i:\p{Lu})\w*)*", flags),
        exclusion=regex.compile(r"\s*" + WHOLE_WORD % alt["exclusions"], flags),
        whole_quantifier=regex.compile(r"\s*" + WHOLE_WORD % alt["whole_quantifiers"], flags),
        citation_date=regex.compile(r"(?P<doc>(?<![\p{L}\p{N}_])[\p{L}\p{N}]+(?:[/.-][\p{L}\p{N}]+)*/[\p{L}\p{N}/.-]*"
                                    r"\p{L}[\p{L}\p{N}/.-]*)\s+" + alt["citation_date"]
                                    + r"\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?![\p{N}/])", flags),
        clause_lead=_clause_lead(data),
        clause_tail=_clause_tail(data),
        linking=regex.compile("(?:" + alt["boundaries"] + "|" + alt["coordinators"] + ")", flags),
        share=" ".join(data["share"].split()),
        possessive=" ".join(data["possessive"].split()),
        total=" ".join(data["total"].split()),
        total_open=regex.compile(total + r"\b", regex.IGNORECASE),
        total_before=regex.compile(r"(?<![\p{L}\p{N}_])" + total + r"\s+$", regex.IGNORECASE),
        list_gap=regex.compile(r"[\s,]*(?:" + alt["coordinators"] + r"[\s,]*)?"),
    )


def _clause_lead(data: dict) -> regex.Pattern:
    """The grammatical words of a clause a subject never opens with: a coordinator ("và xử lý khác" is what the
    words after an earlier count's "và" leave), an aspect marker ("đã thu hồi nộp ngân sách") and a comparison's
    preposition ("so với chỉ tiêu ..."). Only the listed words made of function words alone: dropping them never
    drops a content word."""
    stop = function_words()
    listed = (*data["coordinators"], *data["aspect"], *data["comparison"])
    words = [w for w in listed if all(s.casefold() in stop for s in w.split())]
    alt = word_alternation(words, "subjects.yaml phrase.coordinators, aspect, comparison")
    return regex.compile(r"^(?:[\s,]*" + WHOLE_WORD % alt + r")+[\s,]*", regex.IGNORECASE)


def _clause_tail(data: dict) -> regex.Pattern:
    """The grammatical words of a clause a subject never ends with: a coordinator ("dự toán địa phương và" is what a
    phrase cut before the next count leaves), an aspect marker, a negation or a copula ("Tỷ lệ giải ngân chưa" before
    "đạt 100%"): each opens what is said of the noun phrase, not a word of it. Only the listed words made of
    function words alone: dropping them never drops a content word; and the adverb of the present ("... vốn ngân
    sách nhà nước hiện" before "chỉ đạt 32%"), not where it ends a compound ("thực hiện")."""
    stop = function_words()
    listed = (*data["coordinators"], *data["aspect"], *data["negations"], *data["copula"])
    words = [w for w in listed if all(s.casefold() in stop for s in w.split())]
    alt = word_alternation(words, "subjects.yaml phrase.coordinators, aspect, negations, copula")
    present = (_not_compound_end(data["present_compounds"], "subjects.yaml phrase.present_compounds")
               + WHOLE_WORD % word_alternation(data["present"], "subjects.yaml phrase.present"))
    return regex.compile(r"(?:[\s,]+(?:" + WHOLE_WORD % alt + "|" + present + r"))+[\s,]*$", regex.IGNORECASE)


@cache
def _phrase_matcher():
    """spaCy PhraseMatcher of the phrase boundaries (BOUNDARY) and light verbs (LIGHT) of rules/subjects.yaml."""
    from spacy.matcher import PhraseMatcher

    phrase_words()  # validates the file
    data = load("subjects")["phrase"]
    matcher = PhraseMatcher(vocab(), attr="LOWER")
    matcher.add("BOUNDARY", [make_doc(" ".join(w.split())) for w in data["boundaries"]])
    matcher.add("LIGHT", [make_doc(" ".join(w.split())) for w in data["light_verbs"]])
    matcher.add("NAME_HEAD", [make_doc(" ".join(w.split())) for w in data["name_heads"]])
    return matcher


@cache
def _light_firsts() -> tuple[str, ...]:
    """The first token of each light verb (lower case): a LIGHT match holds one, and a token's lower-case form is
    a piece of the text's (`str.lower` maps character by character), so a text without any has no match."""
    return tuple(sorted({make_doc(" ".join(w.split()))[0].lower_ for w in load("subjects")["phrase"]["light_verbs"]}))


def _doc(text: str):
    return tokens(" ".join(text.split()))


def _matches(doc, label: str) -> list[tuple[int, int]]:
    """(start, end) token spans of one label's phrases, overlapping ones merged ("triển khai thực hiện")."""
    key = doc.vocab.strings[label]
    out: list[tuple[int, int]] = []
    for a, b in sorted((a, b) for mid, a, b in _phrase_matcher()(doc) if mid == key):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _boundaries(doc) -> list[tuple[int, int]]:
    """The BOUNDARY spans of `doc` but those right after a name head ("Cơ sở dữ liệu quốc gia về dân cư": the
    preposition is inside the name)."""
    inside = {b for _a, b in _matches(doc, "NAME_HEAD")}
    return [(a, b) for a, b in _matches(doc, "BOUNDARY") if a not in inside]


def _words_in(span) -> int:
    return sum(1 for t in span if not t.is_punct)


def cut_phrase(text: str, limit: int, tail: bool = False) -> str:
    """At most `limit` words of a phrase, cut at a phrase boundary (a comma, a preposition, a relative word)
    so that no compound is split ("trên địa bàn", "nhà nước"): the first words, or with `tail` the last
    ones. Without a boundary that keeps half of `limit` or more, the words are cut at `limit`."""
    words = text.split()
    if len(words) <= limit:
        return " ".join(words)
    try:
        doc = _doc(text)
    except UnicodeEncodeError:  # a lone surrogate (broken input) has no UTF-8 form for spaCy's string store
        doc = None
    if doc is not None:
        spans = _boundaries(doc) + [(t.i, t.i + 1) for t in doc if t.text in ",;"]
        if tail:
            starts = [b for _a, b in spans if limit // 2 <= _words_in(doc[b:]) <= limit]
            if starts:
                return doc[min(starts):].text.strip(" ,;")
        else:
            ends = [a for a, _b in spans if limit // 2 <= _words_in(doc[:a]) <= limit]
            if ends:
                return doc[: _past_list_items(doc, spans, max(ends), limit)].text.strip(" ,;")
        if over := _boundary_over_limit(doc, spans, limit, tail):
            return over
    return " ".join(words[-limit:] if tail else words[:limit])


def _boundary_over_limit(doc, spans: list[tuple[int, int]], limit: int, tail: bool) -> str:
    """Without a boundary inside `limit`, the phrase up to the first boundary past it when that runs at most
    _LIST_SLACK words over: a cut at `limit` itself may split a compound ("đúng tiến | độ theo quy định"). The
    phrase's own start and end are boundaries too: a phrase that near its limit is kept whole rather than cut
    inside a word ("Hoàn | thiện hồ sơ trình ...", "phối | hợp các cơ sở ...", "... quốc gia về dân | cư")."""
    if tail:
        starts = [b for _a, b in [*spans, (0, 0)] if limit < _words_in(doc[b:]) <= limit + _LIST_SLACK]
        return doc[max(starts):].text.strip(" ,;") if starts else ""
    ends = [a for a, _b in [*spans, (len(doc), len(doc))] if limit < _words_in(doc[:a]) <= limit + _LIST_SLACK]
    return doc[: min(ends)].text.strip(" ,;") if ends else ""


def _past_list_items(doc, spans: list[tuple[int, int]], cut: int, limit: int) -> int:
    """A cut at a comma moved past the short items of a noun list it would split ("tại UBND các xã, phường, đặc
    khu trên địa bàn" -> after "đặc khu"): up to the next boundary while each item is at most _MAX_LIST_ITEM words
    and the phrase at most _LIST_SLACK words over `limit`."""
    while doc[cut].text == ",":
        nxt = min((a for a, _b in spans if a > cut), default=len(doc))
        if _words_in(doc[cut + 1 : nxt]) > _MAX_LIST_ITEM or _words_in(doc[:nxt]) > limit + _LIST_SLACK:
            break
        cut = nxt
        if cut >= len(doc):
            break
    return cut


def until_boundary(text: str) -> tuple[str, bool]:
    """The words of `text` before its first phrase boundary (a preposition or a word opening a relative clause:
    "sáng kiến tại cơ quan" -> "sáng kiến"), and whether there was one."""
    try:
        doc = _doc(text)
    except UnicodeEncodeError:
        return " ".join(text.split()), False
    found = _boundaries(doc)
    if not found or found[0][0] == 0:
        return doc.text, False
    return doc[: found[0][0]].text, True


def drop_light_verbs(text: str, governed: bool = True) -> str:
    """The verb phrase before a count from its main verb: a light verb ("tổ chức", "tiến hành", "triển khai
    thực hiện") opens the predicate, so what stands before it is the agent or an adjunct ("phối hợp với các
    ngành có liên quan tổ chức kiểm tra" -> "kiểm tra"); the light verbs go too when a verb follows them (two
    words or more, lower case); with `governed`, a verb moving others to the act stays before it (_with_governor)."""
    if not any(map(text.lower().__contains__, _light_firsts())):
        return text  # no light verb: the text is not tokenized (asked of every counted noun's verb phrase)
    try:
        doc = _doc(text)
    except UnicodeEncodeError:
        return text
    runs = _matches(doc, "LIGHT")
    if not runs:
        return text
    start, end = runs[-1]
    for a, b in reversed(runs[:-1]):
        if b == start:
            start = a
    rest = doc[end:]
    if _nominal_use(rest):
        return text  # "hoàn thiện ... cơ cấu tổ chức của 100% cơ quan": a noun of the object, no light verb
    if not _words_in(rest):
        # "đã thực hiện 5.014 lượt thông báo": the light verb adds nothing to the count's own noun; a short noun
        # before it is the head it qualifies ("thời gian thực hiện tối đa 01 tuần")
        head = doc[:start]
        return head.text if 0 < _words_in(head) <= _MAX_LIGHT_HEAD and head[0].text.islower() else ""
    if _words_in(rest) < 2 or not rest[0].text.islower():
        # "tổ chức lại", "thực hiện Quyết định số ...": a particle or a noun (a name is capitalised) after it,
        # so the verb is a full verb of its own and stays
        return doc[start:].text
    return _with_governor(doc[:start].text, rest.text) if governed else rest.text


def _with_governor(head: str, act: str) -> str:
    """`act` (the verb phrase after a light verb) with the verb that moves others to it when `head` (the words
    before the light verb) ends with one (`extents.yaml` governing_verbs): "tuyên truyền, khuyến khích thực hiện
    cấp căn cước đối với công dân dưới 14 tuổi" -> "khuyến khích cấp căn cước ...", who is moved to the act."""
    found = extent_words().governor.search(head)
    return f"{found.group().strip()} {act}" if found else act


def _nominal_use(rest) -> bool:
    """Whether the words after a light verb show it used as a noun (`extents.yaml` noun_markers: "cơ cấu tổ chức
    của ...", "kết quả thực hiện của ..."): a verb takes an object, never a possessor right after it."""
    return len(rest) > 0 and extent_words().noun_marker.fullmatch(rest[0].text) is not None


# a phrase of two to four words written twice in a row; one syllable twice is a word of its own (reduplication
# "người người", or two compounds meeting: "phân công công tác")
_REPEAT = regex.compile(r"(?<![\p{L}\p{N}_/])((?:[\p{L}\p{N}_]+\s+){1,3}[\p{L}\p{N}_]+)(?:\s+\1)+(?![\p{L}\p{N}_/])",
                        regex.IGNORECASE)


@lru_cache(maxsize=4096)
def tidy_subject(text: str) -> str:
    """A subject without what names nothing measured: a phrase of two to four words written twice in a row,
    as two joined parts of a sentence leave it ("bồi dưỡng bồi dưỡng quản lý" -> "bồi dưỡng quản lý"), and the
    date of a cited document ("Quyết định số 12/QĐ-UBND ngày 05/01/2026" -> "Quyết định số 12/QĐ-UBND"), the
    report's own territory ("hộ nghèo trên địa bàn tỉnh" -> "hộ nghèo") and the clause words it opens or ends with
    ("và dư nợ cho vay" -> "dư nợ cho vay", "tỷ lệ giải ngân chưa" -> "tỷ lệ giải ngân"), and a verb of emphasis
    opening it ("tập trung số hóa hồ sơ" -> "số hóa hồ sơ")."""
    pw = phrase_words()
    text = drop_time_adverbials(text)
    text = pw.clause_lead.sub("", text)  # "và dư nợ cho vay", "đã thu hồi ...": the clause's words, no noun's
    text = pw.clause_tail.sub("", text)  # "dự toán địa phương và", "tỷ lệ giải ngân chưa": the next clause's words
    text = pw.citation_date.sub(lambda m: m.group("doc"), text)
    if pw.scope.sub(" ", text).strip(" ,"):
        text = pw.scope.sub(" ", text)  # "... trên địa bàn tỉnh Lâm Đồng": the report's own territory
    text = without_emphasis_lead(text)
    text = without_deadline(text)
    text = without_count_from(text)
    text = without_article_basis(text)
    text = without_concert_adverbs(text)
    return " ".join(_without_repeats(text).split()).strip(" ,;")


@cache
def _concert_adverbs() -> regex.Pattern:
    words = word_alternation(extent_words_data()["concert_adverbs"], "extents.yaml concert_adverbs")
    return regex.compile(r"\s*" + WHOLE_WORD % words, regex.IGNORECASE)


def without_concert_adverbs(text: str) -> str:
    """A subject without the adverbs of how together or how urgently its act was done (`extents.yaml`
    concert_adverbs: "xã đã đồng loạt tổ chức lễ ra quân" -> "xã đã tổ chức lễ ra quân"): they say how, never which
    of the counted; `text` unchanged when nothing with content would be left."""
    rest = _concert_adverbs().sub("", text)
    return rest if rest != text and content_words(rest) else text


def without_deadline(text: str) -> str:
    """A subject without the deadline an order sets for its act at its end (`extents.yaml` deadline_leads: "xây dựng
    mới bảng tin, hoàn thành trước ngày 31/3/2027" -> "xây dựng mới bảng tin"): it says when the act is due, never
    which of the counted; `text` unchanged when nothing with content would be left."""
    rest = extent_words().deadline_tail.sub("", text)
    return rest if rest != text and content_words(rest) else text


def without_count_from(text: str) -> str:
    """A subject without the event its time limit counts from (`extents.yaml` count_from_leads after one of
    count_from_limits: "nộp trong thời hạn ngày kể từ ngày ký Kết luận này" -> "nộp trong thời hạn ngày"): it says
    when the limit starts, never which of the counted; `text` unchanged when nothing but a time noun would be left
    (amounts.yaml time_nouns: "thời hạn kể từ ngày ký" is named by its event)."""
    rest = extent_words().count_from.sub("", text)
    return rest if rest != text and content_words(amount_words().time_noun.sub(" ", rest)) else text


def without_article_basis(text: str) -> str:
    """A subject without the legal article its act goes by (`extents.yaml` article_basis_leads, article_words:
    "xả nước thải vượt quy chuẩn theo khoản 4 Điều 18 Nghị định số 45/2022/NĐ-CP" -> "xả nước thải vượt quy
    chuẩn"): the basis, never which of the counted; `text` unchanged when nothing with content would be left."""
    rest = extent_words().article_basis.sub("", text)
    return rest if rest != text and content_words(rest) else text


def without_emphasis_lead(text: str) -> str:
    """A subject without the verb of emphasis or the manner adverb it opens with (`extents.yaml` emphasis_leads:
    "tập trung số hóa hồ sơ" -> "số hóa hồ sơ", "kịp thời ban hành quyết định" -> "ban hành quyết định"): it directs
    effort onto the act after it, what is measured is that act or its noun; `text` unchanged when nothing with
    content would be left."""
    lead = extent_words().emphasis_lead.match(text)
    return text[lead.end() :] if lead and content_words(text[lead.end() :]) else text


@cache
def _time_adverbials() -> tuple[regex.Pattern, regex.Pattern]:
    """(a frequency adverbial at a subject's start, a distributive one anywhere), from rules/spans.yaml cues
    FREQUENCY ("định kỳ", "hằng quý", "mỗi tháng") and rules/extents.yaml distributives and per_times."""
    frequency = word_alternation(load("spans")["cues"]["FREQUENCY"], "spans.yaml cues.FREQUENCY")
    data = extent_words_data()
    per = word_alternation(data["per_times"], "extents.yaml per_times")
    distributive = word_alternation(data["distributives"], "extents.yaml distributives")
    flags = regex.IGNORECASE
    return (regex.compile(r"^(?:\s*(?:" + frequency + r")(?![\p{L}\p{N}_])[\s,]*)+", flags),
            regex.compile(WHOLE_WORD % (r"(?:" + distributive + r")\s+(?:" + per + r")"), flags))


@dataclass(frozen=True)
class ContainerWords:
    """rules/extents.yaml containers, container_nouns and listing_words, compiled: see the comments there."""

    verb: regex.Pattern  # searched at the end of a text: "..., gồm" before a count of the parts
    noun: regex.Pattern  # searched: a noun opening the whole the parts are of ("chương trình")
    light: regex.Pattern  # searched: a light verb (subjects.yaml phrase.light_verbs) before the whole
    scope: regex.Pattern  # searched: "đối với <group>" up to a colon, semicolon or full stop; group "g"
    listing: regex.Pattern  # searched: words ending the counted noun's phrase that announce a list ("sau")


@cache
def container_words() -> ContainerWords:
    data = extent_words_data()
    light = word_alternation(_section("phrase", _PHRASE_KEYS)["light_verbs"], "subjects.yaml phrase.light_verbs")
    flags = regex.IGNORECASE
    return ContainerWords(
        verb=regex.compile(r"[\s,]*" + WHOLE_WORD % word_alternation(data["containers"], "extents.yaml containers")
                           + r"[\s:]*$", flags),
        noun=regex.compile(WHOLE_WORD % word_alternation(data["container_nouns"], "extents.yaml container_nouns"), flags),
        light=regex.compile(WHOLE_WORD % light, flags),
        scope=regex.compile(WHOLE_WORD % word_alternation(data["scope_prepositions"], "extents.yaml scope_prepositions")
                            + r"\s+(?P<g>[^:;.()“”\d]{2,60}?)\s*(?::|;|\.|$)", flags),
        listing=regex.compile(r"(?:^|[\s,:]+)" + WHOLE_WORD % word_alternation(data["listing_words"],
                              "extents.yaml listing_words") + r"[\s,:.]*$", flags),
    )


@cache
def measure_units() -> frozenset[str]:
    """The units of physical measure (`extents.yaml` measure_units), casefolded: no counted noun."""
    return frozenset(w.casefold() for w in extent_words_data()["measure_units"])


@cache
def per_times() -> frozenset[str]:
    """The time units a rate may be per (`extents.yaml` per_times), casefolded."""
    return frozenset(w.casefold() for w in extent_words_data()["per_times"])


def drop_time_adverbials(text: str) -> str:
    """`text` without a time or frequency adverbial that names when, not what ("Định kỳ phát sóng mỗi tháng
    chuyên mục" -> "phát sóng chuyên mục"): one of spans.yaml FREQUENCY at its start, and a distributive "mỗi
    tháng" anywhere; one after a noun at its end ("báo cáo định kỳ hằng tháng") qualifies that noun and stays."""
    edge, distributive = _time_adverbials()
    rest = " ".join(distributive.sub(" ", edge.sub(" ", text)).split())
    return rest if rest.strip(" ,;") else text


_RUN = regex.compile(r"[\p{L}\p{N}_]+")


def _without_repeats(text: str) -> str:
    """`_REPEAT.sub`, skipped when no word of `text` is written twice: a repeated phrase's first word is a whole
    word both times (a space before the copy, a space after the word), and the back-reference compares caselessly
    what case folding makes equal. Most subjects repeat no word, and the pattern tries every word (~80% of
    tidy_subject's time)."""
    words = [w.casefold() for w in _RUN.findall(text)]
    if len(set(words)) == len(words):
        return text
    return _REPEAT.sub(r"\1", text)


@dataclass(frozen=True)
class ContextWords:
    """The word lists of rules/subjects.yaml `context`, compiled: see the comments there."""

    classified: tuple  # (classifier, its full noun) pairs: ("căn", "căn nhà")

    anaphor: regex.Pattern  # searched: "tiêu chí này"; group "n" is the noun
    clause_link: regex.Pattern  # searched: "thì"
    clause_opener: regex.Pattern  # matched at the start of a text
    spelled_count: regex.Pattern  # matched at the start of a text: "một" of "mỗi xã một sản phẩm"
    existential: regex.Pattern  # searched at the end of a text: "cấp tỉnh có"
    existential_at: regex.Pattern  # searched anywhere
    existential_alone: regex.Pattern  # the existential verb alone, after a list mark ("Có" before "100% văn bản ...")
    part_predicate: regex.Pattern  # searched: "đã", "xếp loại" after the noun of a ratio
    whole_head: regex.Pattern  # searched at the end of a text: "tổng số" before the noun of a ratio's whole
    nominalizer: regex.Pattern  # searched at the end of a text: "công tác", "về" (and a light verb) naming an activity
    compound_end: regex.Pattern  # searched at the end of a text: "thời điểm", a compound ending with a unit
    compound_start: regex.Pattern  # matched where a unit starts: "xã hội", a compound opening with a unit
    rank: regex.Pattern  # searched: "đứng thứ", the words before a rank's part
    ranked: str  # what the whole of a rank is: "được xếp hạng"
    plan: regex.Pattern  # searched: "kế hoạch", "đề án", a plan noun
    classifier: regex.Pattern  # matched at the start of a text: "là" before a word that is no number
    breakdown_opener: regex.Pattern  # full match of the words between "(" and a breakdown's first count
    plan_lead: regex.Pattern  # matched right after a plan noun: its citation ("số 12/KH-UBND ngày 05/01/2026 về")
    restrictor: regex.Pattern  # searched: "thuộc", "trên" opening an adjunct that restricts a named phrase
    index_name: regex.Pattern  # searched: "Bộ chỉ số 766", "Chỉ số PAR INDEX": an index and its proper name
    index_noun: regex.Pattern  # searched: "chỉ số", "tiêu chí": a subject that names what a score is of
    score_unit: regex.Pattern  # full match of a unit: "điểm"
    count_topic: regex.Pattern  # matched at the start of a clause: "Số", "Tổng số" and the noun it counts
    relative_passive: regex.Pattern  # full match of a part predicate: "được", "bị" (may open a relative clause)
    judging: regex.Pattern  # matched after such a marker: "công nhận", a verb taking a predicate complement
    criterion: regex.Pattern  # full match of an anaphor's noun: "tiêu chí", "chỉ tiêu", a part of an index
    rate_head: regex.Pattern  # matched at the start of a name: "tỷ lệ " before the words of what is rated
    criterion_topic: regex.Pattern  # searched: "Tiêu chí 2.3 (tối đa 5 điểm) về ", a criterion, its number and its
    # topic marker; group "n" is the noun
    criterion_share: regex.Pattern  # matched after a percentage: "của tiêu chí “X”", a criterion named in quotes (groups
    # "n", "name"); the verb of attaining before it is matched by `attain`
    attain: regex.Pattern  # searched at the end of a text: "đạt", a verb of attaining (group "v")
    ranking: regex.Pattern  # searched at the end of a subject: "thấp nhất", "dẫn đầu" after a named body
    rank_step: regex.Pattern  # full match of a unit: "bậc", the steps a rank changes by
    mean_before: regex.Pattern  # searched at the end of a text: "Giá trị trung bình", an average before an index


_CONTEXT_KEYS = {"anaphor_nouns", "demonstratives", "clause_links", "clause_openers", "spelled_counts", "existential",
                 "part_predicates", "whole_heads", "nominalizers", "compound_nouns", "compound_starts", "rank_words",
                 "ranked", "plan_nouns",
                 "plan_citations", "plan_topics", "classifier_copula",
                 "breakdown_openers", "restrictors", "index_nouns", "criterion_nouns", "score_units", "count_topics",
                 "relative_passives", "judging_verbs", "rate_heads",
                 "criterion_topics",
                 "criterion_share_verbs", "ranking_words", "rank_steps", "mean_heads",
                 "classified_nouns"}


@cache
def context_words() -> ContextWords:
    data = _section("context", _CONTEXT_KEYS)
    alt = {k: word_alternation(data[k], f"subjects.yaml context.{k}") for k in _CONTEXT_KEYS}
    flags = regex.IGNORECASE
    return ContextWords(
        classified=tuple((" ".join(n.split()[:1]), " ".join(n.split())) for n in data["classified_nouns"]
                         if len(n.split()) > 1),
        anaphor=regex.compile(
            r"(?<![\p{L}\p{N}_])(?P<n>" + alt["anaphor_nouns"][3:-1] + r")\s+" + alt["demonstratives"]
            + r"(?![\p{L}\p{N}_])", flags),
        clause_link=regex.compile(WHOLE_WORD % alt["clause_links"], flags),
        clause_opener=regex.compile(r"^[\s,]*(?:" + WHOLE_WORD % alt["clause_openers"] + r"|$)", flags),
        spelled_count=regex.compile(r"^\s*" + WHOLE_WORD % alt["spelled_counts"], flags),
        existential=regex.compile(r"\w\s+" + WHOLE_WORD % alt["existential"] + r"\s*$", flags),
        existential_at=regex.compile(r"\w\s+" + WHOLE_WORD % alt["existential"] + r"\s+(?=\d)", flags),
        existential_alone=regex.compile(r"^\s*(?:[-–+*•]\s*)?" + WHOLE_WORD % alt["existential"] + r"\s*$", flags),
        part_predicate=regex.compile(WHOLE_WORD % alt["part_predicates"], flags),
        whole_head=regex.compile(WHOLE_WORD % alt["whole_heads"] + r"\s*$", flags),
        # "công tác tổ chức kiểm tra ...": a light verb may stand between the nominalizer and the activity's verb
        nominalizer=regex.compile(WHOLE_WORD % alt["nominalizers"] + r"(?:\s+" + WHOLE_WORD % word_alternation(
            _section("phrase", _PHRASE_KEYS)["light_verbs"], "subjects.yaml phrase.light_verbs") + r")?\s*$", flags),
        compound_end=regex.compile(r"(?<![\p{L}\p{N}_])" + alt["compound_nouns"] + r"$", flags),
        compound_start=regex.compile(alt["compound_starts"] + r"(?![\p{L}\p{N}_])", flags),
        rank=regex.compile(WHOLE_WORD % alt["rank_words"], flags),
        ranked=" ".join(data["ranked"][0].split()),
        plan=regex.compile(WHOLE_WORD % alt["plan_nouns"], flags),
        breakdown_opener=regex.compile(r"\s*(?:" + alt["breakdown_openers"] + r")?\s*:?\s*", flags),
        classifier=regex.compile(r"^\s*" + WHOLE_WORD % alt["classifier_copula"] + r"\s+(?=\p{L})", flags),
        plan_lead=regex.compile(r"\s*(?:" + WHOLE_WORD % alt["plan_citations"] + r"\s+\S+\s*)*(?:"
                                + WHOLE_WORD % alt["plan_topics"] + r"\s*)?", flags),
        restrictor=regex.compile(r"\s" + WHOLE_WORD % alt["restrictors"], flags),
        # the name: words that open with a capital or a digit ("766", "PAR INDEX", "SIPAS"), case kept
        index_name=regex.compile(WHOLE_WORD % alt["index_nouns"] + r"(?:\s+(?-i:[\p{Lu}\p{N}])[\p{L}\p{N}_.-]*)+", flags),
        index_noun=regex.compile(WHOLE_WORD % ("(?:" + alt["index_nouns"] + "|" + alt["criterion_nouns"] + ")"), flags),
        score_unit=regex.compile(alt["score_units"], flags),
        count_topic=regex.compile(r"^\s*" + WHOLE_WORD % alt["count_topics"] + r"\s+(?=\p{L})", flags),
        relative_passive=regex.compile(alt["relative_passives"], flags),
        judging=regex.compile(r"\s*" + WHOLE_WORD % alt["judging_verbs"], flags),
        criterion=regex.compile(alt["criterion_nouns"], flags),
        rate_head=regex.compile(r"\s*" + WHOLE_WORD % alt["rate_heads"] + r"\s+(?=\p{L})", flags),
        criterion_topic=regex.compile(r"(?<![\p{L}\p{N}_])(?P<n>" + alt["criterion_nouns"]
                                      + r")(?:\s+[0-9IVX]+(?:\.[0-9]+)*\.?)?(?:\s*\([^()]*\))?\s+"
                                      + WHOLE_WORD % alt["criterion_topics"] + r"\s+(?=\p{L})", flags),
        criterion_share=regex.compile(r"^\s*(?:" + WHOLE_WORD % regex.escape(phrase_words().possessive)
                                      + r"\s+)?(?P<n>" + alt["criterion_nouns"] + r")\s+[“\"](?P<name>[^“”\"]{1,80})[”\"]",
                                      flags),
        attain=regex.compile(r"(?<![\p{L}\p{N}_])(?P<v>" + alt["criterion_share_verbs"] + r")\s*$", flags),
        ranking=regex.compile(r"[\s,]+" + WHOLE_WORD % alt["ranking_words"] + r"[\s,]*$", flags),
        rank_step=regex.compile(alt["rank_steps"], flags),
        mean_before=regex.compile(r"(?<![\p{L}\p{N}_])(?:" + alt["mean_heads"] + r"\s+)?" + word_alternation(
            _section("phrase", _PHRASE_KEYS)["averages"], "subjects.yaml phrase.averages") + r"\s*$", flags),
    )


@dataclass(frozen=True)
class ExtentWords:
    """rules/subjects.yaml `extent`, compiled: see the comments there."""

    manner: regex.Pattern  # searched: a manner, time or basis adjunct that ends a counted noun's phrase
    noun_marker: regex.Pattern  # full match of a word: after a light verb, it shows the verb used as a noun
    second_verb: regex.Pattern  # searched: a coordinator and a verb opening a second predicate of the clause
    adjunct: regex.Pattern  # matched at the start of a text: a preposition opening an adjunct of a verb
    manner_adverb: regex.Pattern  # searched: a manner adverb after a verb ("sâu sắc", "thành công")
    emphasis_lead: regex.Pattern  # matched at the start of a subject: a verb of emphasis before its act ("tập trung")
    # or of an order handing the act to an office ("tham mưu")
    deadline_tail: regex.Pattern  # searched at the end of a subject: a deadline set for its act ("trước ngày 31/3/2027")
    count_from: regex.Pattern  # searched: the event a time limit counts from, to its phrase's end ("kể từ ngày ký ...")
    article_basis: regex.Pattern  # searched: a legal article an act goes by, to its phrase's end ("theo Điều 28 ...")
    part_opener: regex.Pattern  # matched: the word opening the parts of a figure in its own semicolon part ("trong đó")
    modal: regex.Pattern  # matched at the start of a comma part: a modal or role verb opening a predicate ("phải", "đóng vai trò")
    raised: regex.Pattern  # searched: a verb of raising right before an index or rate ("nâng cao chỉ số"); group "h"
    agent_place: regex.Pattern  # searched: a place preposition whose body may be the agent of a relative clause
    recipient: regex.Pattern  # full match of a lead-in word: the preposition of who received an act ("cho")
    act_place: regex.Pattern  # searched at the end of a text: the preposition of where an act was done ("tại")
    recipient_end: regex.Pattern  # searched at the end of a text: the preposition of who received an act ("cho")
    partner: regex.Pattern  # matched at the start of a verb phrase: the verb of whom an act was done with ("phối hợp")
    purpose: regex.Pattern  # searched: a word opening the purpose of an act ("nhằm", "để")
    governor: regex.Pattern  # searched at the end of a text: a verb moving others to act ("khuyến khích")
    result_topic: regex.Pattern  # matched at the start of a text: a result noun opening a sentence's topic
    comma_compound: regex.Pattern  # searched: a compound written with a comma inside ("phòng, chống")
    body: regex.Pattern  # matched at the start of a clause: a named body (group "a") and the words after it ("v")
    structure_label: regex.Pattern  # searched: a structure's name as a label before a colon, group "s"
    structure_after: regex.Pattern  # searched: "trong" and a structure's name, group "s"
    share_verb: regex.Pattern  # searched: the verb of a part's share of a whole ("chiếm")
    raised_total: regex.Pattern  # searched at the end of a text: "nâng tổng số" [group "np"] "lên"
    state_noun: regex.Pattern  # matched at a count's unit: a noun of targets or tasks counted by their state
    state: regex.Pattern  # searched: the predicate of a counted state ("đạt và vượt", "chưa đạt")


def extent_words_data() -> dict:
    """rules/extents.yaml, its keys checked (uncached: the compiled forms are cached by their users)."""
    return with_keys("extents", load("extents"), {"manner_adjuncts", "noun_markers", "clause_verbs",
                                                  "adjunct_prepositions", "manner_adverbs", "emphasis_leads", "agent_places",
                                                  "instruction_leads", "deadline_leads", "part_openers",
                                                  "count_from_leads", "count_from_limits", "article_basis_leads", "article_words",
                                                  "recipient_prepositions", "comma_compounds", "distributives",
                                                  "containers", "container_nouns", "listing_words",
                                                  "per_times", "time_adjuncts", "scope_prepositions",
                                                  "agent_heads", "agent_levels", "agent_determiners", "act_places",
                                                  "attendance_verbs", "affected_verbs", "causatives", "attendance_nouns", "document_nouns",
                                                  "basis_adjuncts", "measure_units", "modal_verbs", "raising_verbs",
                                                  "raised_heads", "partner_verbs", "purpose_markers", "governing_verbs",
                                                  "result_topics", "remit_clauses", "concert_adverbs", "role_verbs",
                                                  "conformity_verbs", "standards", "relation_words",
                                                  "relation_partners", "structure_nouns", "share_verbs",
                                                  "structure_prepositions", "raised_totals", "raised_to",
                                                  "place_parts", "state_nouns", "state_predicates"})


@cache
def extent_words() -> ExtentWords:
    data = extent_words_data()
    alt = {k: word_alternation(data[k], f"extents.yaml {k}") for k in data}
    flags = regex.IGNORECASE
    return ExtentWords(
        manner=regex.compile(r"\s" + WHOLE_WORD % f"(?:{alt['manner_adjuncts']}|{alt['time_adjuncts']}|{alt['basis_adjuncts']})",
                             flags),
        noun_marker=regex.compile(alt["noun_markers"], flags),
        second_verb=regex.compile(r"\s" + WHOLE_WORD % word_alternation(
            _section("phrase", _PHRASE_KEYS)["coordinators"], "subjects.yaml phrase.coordinators") + r"\s+"
            + WHOLE_WORD % alt["clause_verbs"], flags),
        adjunct=regex.compile(r"\s*" + WHOLE_WORD % alt["adjunct_prepositions"], flags),
        manner_adverb=regex.compile(WHOLE_WORD % alt["manner_adverbs"], flags),
        emphasis_lead=regex.compile(r"^\s*" + WHOLE_WORD % f"(?:{alt['emphasis_leads']}|{alt['instruction_leads']})"
                                    + r"[\s,]+", flags),
        part_opener=regex.compile(WHOLE_WORD % alt["part_openers"], flags),
        deadline_tail=regex.compile(r"[\s,]*" + WHOLE_WORD % alt["deadline_leads"]
                                    + r"\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}[\s,.;]*$", flags),
        count_from=regex.compile(r"(?<=" + WHOLE_WORD % alt["count_from_limits"] + r"[^,;]*?)[\s,]*"
                                 + WHOLE_WORD % alt["count_from_leads"] + r"[^,;]*", flags),
        article_basis=regex.compile(r"[\s,]*" + WHOLE_WORD % alt["article_basis_leads"] + r"\s+(?:"
                                    + WHOLE_WORD % alt["article_words"]
                                    + r"\s+(?:\p{N}+\p{L}?|\p{L})(?![\p{L}\p{N}])\s*)+[^,;]*", flags),
        modal=regex.compile(r"\s*" + WHOLE_WORD % f"(?:{alt['modal_verbs']}|{alt['role_verbs']})", flags),
        raised=regex.compile(WHOLE_WORD % alt["raising_verbs"] + r"\s+(?P<h>" + WHOLE_WORD % alt["raised_heads"] + ")",
                             flags),
        agent_place=regex.compile(WHOLE_WORD % alt["agent_places"] + r"\s+", flags),
        recipient=regex.compile(alt["recipient_prepositions"], flags),
        act_place=regex.compile(WHOLE_WORD % alt["act_places"] + r"[\s,]*$", flags),
        recipient_end=regex.compile(WHOLE_WORD % alt["recipient_prepositions"] + r"[\s,]*$", flags),
        partner=regex.compile(r"\s*" + WHOLE_WORD % alt["partner_verbs"] + r"\s+", flags),
        purpose=regex.compile(r"\s" + WHOLE_WORD % alt["purpose_markers"] + r"\s", flags),
        governor=regex.compile(WHOLE_WORD % alt["governing_verbs"] + r"\s*$", flags),
        result_topic=regex.compile(r"^\s*" + WHOLE_WORD % alt["result_topics"] + r"\s+(?=\p{L})", flags),
        comma_compound=regex.compile(WHOLE_WORD % alt["comma_compounds"], flags),
        body=_body_pattern(alt["agent_heads"], alt["agent_levels"], alt["agent_determiners"]),
        structure_label=regex.compile(r"(?P<s>" + WHOLE_WORD % alt["structure_nouns"] + _STRUCTURE_WORDS + r")\s*:(?!\d)",
                                      flags),
        structure_after=regex.compile(WHOLE_WORD % alt["structure_prepositions"] + r"\s+(?P<s>"
                                      + WHOLE_WORD % alt["structure_nouns"] + _STRUCTURE_WORDS + ")", flags),
        share_verb=regex.compile(WHOLE_WORD % alt["share_verbs"], flags),
        raised_total=regex.compile(WHOLE_WORD % alt["raised_totals"] + r"(?P<np>(?:\s+[^\s,;:()\d]+)*?)\s+"
                                   + WHOLE_WORD % alt["raised_to"] + r"\s*$", flags),
        state_noun=regex.compile(r"(?:" + alt["state_nouns"] + r")(?![\p{L}\p{N}])", flags),
        state=regex.compile(WHOLE_WORD % alt["state_predicates"], flags),
    )


_STRUCTURE_WORDS = r"(?:\s+[^\s:;,.()\d]+){1,4}"  # the words naming what a structure divides ("kinh tế", "lao động")


def _body_pattern(heads: str, levels: str, determiners: str) -> regex.Pattern:
    """A named body opening a clause: a head noun ("lực lượng", "Công an") and name words (heads, levels,
    capitalised words, the lowercase rest of a name after a capitalised word: "Kiểm lâm", "Quản lý thị trường")
    that end in a level word, an acronym or two capitalised words ("Hà Nội"); group "a" the body, "v" the rest."""
    cap = r"(?-i:\p{Lu})[\p{L}\p{N}]*"
    acronym = r"(?-i:\p{Lu}{2,})(?![\p{L}\p{N}])"
    lower = r"(?-i:\p{Ll})\p{L}*"
    head, level = WHOLE_WORD % heads, WHOLE_WORD % levels
    part = rf"(?:{level}|{head}|{acronym}|(?-i:\p{{Lu}}\p{{Ll}}*)(?:\s+{lower}){{0,3}})"
    end = rf"(?:{level}|{acronym}|{cap}\s+{cap}(?![\p{{L}}\p{{N}}]))"
    return regex.compile(rf"^\s*(?:{determiners}\s+)?(?P<a>{head}(?:\s+{part})*\s+{end})(?P<v>(?:\s.*)?)$",
                         regex.IGNORECASE | regex.DOTALL)


@dataclass(frozen=True)
class AmountWords:
    """rules/amounts.yaml, compiled: see the comments there."""

    beneficiary: regex.Pattern  # matched right after an amount: group "g" is the group it applies to
    topic: regex.Pattern  # matched at the start of a sentence: group "t" is its topic, up to a comma or colon
    measure: regex.Pattern  # searched: a noun naming what an amount measures ("mức hỗ trợ", "kinh phí")
    measure_end: regex.Pattern  # searched after it: where its noun phrase ends (a comma, "theo", "như", "cụ thể")
    sum_opening: regex.Pattern  # searched between a count and an amount: a comma or "với", then group "s": the
    # total word and a sum noun ("tổng số tiền")
    money_noun: regex.Pattern  # matched at the start of the words after an amount: "vốn", "kinh phí"
    sum_noun: regex.Pattern  # matched at the start of a subject: a sum noun ("số tiền"), the total word before it
    duration_head: str  # the noun heading a duration's subject: "thời gian"
    disbursement_act: regex.Pattern  # searched: an act of disbursing capital ("giải ngân")
    disbursed_noun: str  # the noun naming what such an act disburses: "vốn"
    planned_head: regex.Pattern  # matched at the start of a subject: the plan words opening a planned amount ("tổng")
    money_act: regex.Pattern  # searched: an act that moves money ("xử phạt", "thu hồi", "thi hành")
    money_head: str  # the noun heading the money of such an act: "tiền"
    allocation_act: regex.Pattern  # searched: an act that sets money aside ("bố trí", "phân bổ")
    allocation_head: str  # the noun heading the money such an act sets aside: "kinh phí"
    time_noun: regex.Pattern  # searched: a noun naming a time already ("thời hạn", "tuổi thọ")
    level_noun: regex.Pattern  # full match of a subject: a bare level noun ("mức")
    level_label: regex.Pattern  # matched at the start of a sentence: a level label and its colon (group "l")


@cache
def amount_words() -> AmountWords:
    data = with_keys("amounts", load("amounts"), {"beneficiary", "topic_openers", "measure_nouns", "measure_ends",
                                                  "sum_nouns", "money_nouns", "duration_head", "time_nouns",
                                                  "level_nouns", "level_label_words", "disbursement_acts",
                                                  "disbursed_noun", "planned_money_heads", "money_acts", "money_head",
                                                  "allocation_acts", "allocation_head"})
    alt = word_alternation(data["beneficiary"], "amounts.yaml beneficiary")
    # the group runs to a hard break, a comma or a parenthesis ("đối với trình độ Thạc sĩ (bằng ..."); the caller
    # cuts it at a coordinator, a predicate or the next number
    group = r"(?P<g>[^,;:()]{2,80})"
    topic = word_alternation(data["topic_openers"], "amounts.yaml topic_openers")
    return AmountWords(
        beneficiary=regex.compile(r"\s*" + WHOLE_WORD % alt + r"\s+" + group, regex.IGNORECASE),
        topic=regex.compile(r"\s*" + WHOLE_WORD % topic + r"\s+(?P<t>[^,:;()]{2,100}?)\s*(?:,|:(?!\d))", regex.IGNORECASE),
        measure=regex.compile(WHOLE_WORD % word_alternation(data["measure_nouns"], "amounts.yaml measure_nouns"),
                              regex.IGNORECASE),
        measure_end=regex.compile(r"[,;:()]|\s" + WHOLE_WORD % word_alternation(data["measure_ends"],
                                                                                "amounts.yaml measure_ends"),
                                  regex.IGNORECASE),
        sum_opening=regex.compile(r"(?:,|(?<![\p{L}\p{N}_])" + word_alternation(
            _section("phrase", _PHRASE_KEYS)["accompaniment"], "subjects.yaml phrase.accompaniment") + r")\s*(?P<s>(?:"
            + word_alternation([_section("phrase", _PHRASE_KEYS)["total"]], "subjects.yaml phrase.total") + r"\s+)?"
            + WHOLE_WORD % word_alternation(data["sum_nouns"], "amounts.yaml sum_nouns") + ")", regex.IGNORECASE),
        money_noun=regex.compile(r"\s*" + WHOLE_WORD % word_alternation(data["money_nouns"], "amounts.yaml money_nouns"),
                                 regex.IGNORECASE),
        sum_noun=regex.compile(r"\s*(?:" + word_alternation([_section("phrase", _PHRASE_KEYS)["total"]],
                                                            "subjects.yaml phrase.total") + r"\s+)?(?P<s>"
                               + WHOLE_WORD % word_alternation(data["sum_nouns"], "amounts.yaml sum_nouns") + ")",
                               regex.IGNORECASE),
        duration_head=data["duration_head"],
        disbursement_act=regex.compile(WHOLE_WORD % word_alternation(data["disbursement_acts"],
                                                                     "amounts.yaml disbursement_acts"), regex.IGNORECASE),
        disbursed_noun=data["disbursed_noun"],
        planned_head=regex.compile(r"^\s*(?:" + WHOLE_WORD % word_alternation(
            data["planned_money_heads"], "amounts.yaml planned_money_heads") + r"\s*)+", regex.IGNORECASE),
        money_act=regex.compile(WHOLE_WORD % word_alternation(data["money_acts"], "amounts.yaml money_acts"),
                                regex.IGNORECASE),
        money_head=data["money_head"],
        allocation_act=regex.compile(WHOLE_WORD % word_alternation(data["allocation_acts"],
                                                                   "amounts.yaml allocation_acts"), regex.IGNORECASE),
        allocation_head=data["allocation_head"],
        time_noun=regex.compile(WHOLE_WORD % word_alternation(data["time_nouns"], "amounts.yaml time_nouns"),
                                regex.IGNORECASE),
        level_noun=regex.compile(r"\s*" + word_alternation(data["level_nouns"], "amounts.yaml level_nouns") + r"\s*",
                                 regex.IGNORECASE),
        level_label=regex.compile(
            r"^\s*(?:[a-zđ]\)|[0-9]{1,2}[.)]|[-–+*•])?\s*(?P<l>(?:" + word_alternation(
                [*data["level_nouns"], *data["measure_nouns"]], "amounts.yaml level_nouns, measure_nouns")
            + r")(?![\p{L}\p{N}_])(?:\s+[\p{L}\p{N}]+){0," + str(int(data["level_label_words"])) + r"})\s*:(?!\d)",
            regex.IGNORECASE),
    )


def measure_phrase(text: str) -> str | None:
    """The noun phrase `text` names an amount's measure with after an agent and its verbs ("Sở Nội vụ thống nhất hạ
    xuống mức hỗ trợ đào tạo sau đại học như theo góp ý của Sở Tài chính, cụ thể" -> "mức hỗ trợ đào tạo sau đại
    học"): from its last measure noun (amounts.yaml measure_nouns) up to a comma (not one inside a compound such as
    "phòng, chống") or a word of `measure_ends`; None
    when `text` names no measure noun or opens with one ("tổng kinh phí ..." names nothing before it)."""
    aw = amount_words()
    hits = list(aw.measure.finditer(text))
    pw = phrase_words()
    if not hits or not set(content_words(text[: hits[-1].start()])) - {pw.total}:
        return None  # "tổng kinh phí": the total of the measure, still its own noun phrase
    total = pw.total_before.search(text, 0, hits[-1].start())
    start = total.start() if total else hits[-1].start()
    rest = text[start:]  # "tổng kinh phí": the total keeps its word
    inside = {f.start() + f.group().index(",") for f in extent_words().comma_compound.finditer(rest)}
    end = next((e for e in aw.measure_end.finditer(rest, hits[-1].end() - start) if e.start() not in inside), None)
    return " ".join((rest[: end.start()] if end else rest).split()) or None  # "phòng, chống" is no comma break
