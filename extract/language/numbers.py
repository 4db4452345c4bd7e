"""Number grammar: finds the figure-numbers of Vietnamese report text with their unit, scale, sign and qualifier.

Words and exclusion patterns live in rules/numbers.yaml and rules/units.yaml; this module only applies them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

import regex

from extract.catalog import RuleError
from extract.catalog import load as _load_yaml
from extract.language.literals import key_words
from extract.language.nlp import identifier_spans
from extract.language.text import caseless

KINDS = ("number", "ratio_part", "ratio_whole", "range_low", "range_high", "multiple")
QUALIFIERS = (">", ">=", "<", "<=", "~", "range_low", "range_high")


@dataclass(frozen=True)
class Mention:
    """One figure-number in a text: its span, the number as written, its unit, scale folded in, and cues."""

    start: int  # span of `raw` in the input text
    end: int
    raw: str  # number + unit as written: "6.018,3 ngàn lượt khách", "13,95%", "171/280"
    num_start: int  # span of the digits only
    num_end: int
    value: Decimal  # as written; negative for a written minus or a decrease sign word
    decimals: int  # digits after the decimal comma as written (the rounding the text implies)
    unit: str | None  # normalised spelling: "nghìn lượt khách", "tỷ đồng", "%", "bác sĩ/vạn dân"
    base_value: Decimal  # scale folded in
    base_unit: str | None  # "lượt khách", "đồng", "USD", "%", "ha"; None for a bare number or bare scale
    qualifier: str | None  # None | '>' | '>=' | '<' | '<=' | '~' | 'range_low' | 'range_high'
    kind: str  # one of KINDS
    sign_word: str | None  # increase/decrease word governing the number ("tăng", "giảm", "sụt giảm")
    qualifier_span: tuple[int, int] | None  # where the qualifier word (or range start word) sits

    @property
    def opening(self) -> int:
        """Where the figure's words begin: its qualifier's start ("gần", "trên"), else its own (a qualifier written
        after the number, "từ 95% trở lên", begins nothing)."""
        return min(self.qualifier_span[0], self.start) if self.qualifier_span else self.start

    @property
    def closing(self) -> int:
        """Where the figure's words end: past a qualifier written after the number and its unit ("từ 95% trở
        lên"), else its own end."""
        return max(self.qualifier_span[1], self.end) if self.qualifier_span else self.end


# ---------------------------------------------------------------------------------------------- rule data


def _check_keys(where: str, got: dict, allowed: set[str], required: set[str] = frozenset()) -> None:
    unknown = set(got) - allowed
    if unknown:
        raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
    missing = set(required) - set(got)
    if missing:
        raise RuleError(f"{where}: missing keys {sorted(missing)}")


def _words(where: str, items) -> list[str]:
    """A validated word list: strings, no duplicates (case-insensitive), whitespace folded."""
    if not isinstance(items, list) or not all(isinstance(w, str) and w.strip() for w in items):
        raise RuleError(f"{where}: expected a list of non-empty strings")
    out = [" ".join(w.split()) for w in items]
    seen: set[str] = set()
    for w in out:
        if w.casefold() in seen:
            raise RuleError(f"{where}: duplicate word {w!r}")
        seen.add(w.casefold())
    return out


_NUMBERS_KEYS = {
    "scales",
    "scale_blockers",
    "grade_classes",
    "qualifiers",
    "qualifier_suffixes",
    "sign_words",
    "multiple_words",
    "multiple_units",
    "date_joiners",
    "range_starts",
    "range_joiners",
    "sign_shared_joiners",
    "sign_shared_base",
    "date_cues",
    "stop_words",
    "classifiers",
    "value_words",
    "per_units",
    "elevation_words",
    "exclusions",
    "coordinated_nouns",
    "score_units",
    "rate_words",
    "per_one_values",
    "per_one_words",
    "percent_per_units",
    "rate_kinds",
    "glued_units",
    "rank_words",
    "rank_unit",
    "count_words",
    "money_words",
    "money_unit",
    "money_min",
    "identifier_compounds",
    "identifier_list_ends",
    "acronym_noun",
    "rate_lead_words",
    "count_copula",
    "index_names",
    "indefinite_words",
    "list_coordinators",
    "number_word",
    "total_word",
    "year_word",
    "spelled_ratio",
    "money_scales",
    "duration_qualifiers",
    "comparatives",
}


@dataclass(frozen=True)
class _Unit:
    unit: str
    base_unit: str
    scale: Decimal


@dataclass(frozen=True)
class _Rules:
    scales: dict  # casefolded spelling -> (normalised word, factor)
    scale_blockers: tuple[str, ...]
    qualifiers: dict  # casefolded phrase -> code
    qualifier_suffixes: dict
    increase: frozenset
    decrease: frozenset
    multiple_words: tuple[str, ...]
    multiple_units: frozenset
    date_joiners: tuple[str, ...]
    range_starts: tuple[str, ...]
    range_joiners: tuple[str, ...]
    sign_shared_joiners: tuple[str, ...]
    sign_shared_base: tuple[str, ...]
    date_cues: tuple[str, ...]
    stop_words: frozenset
    classifiers: frozenset
    name_breakers: frozenset
    grade_classes: frozenset  # a capitalised word right after one is a grade ("hạng Nhì"), no name's opening
    per_units: tuple[str, ...]
    elevation_words: tuple[str, ...]  # "cao trình +31,42 m": a plus after one marks a height, not an increase
    units: dict  # casefolded spelling -> _Unit
    coordinated: tuple[str, ...]
    score_units: frozenset
    exclusions: tuple[tuple[str, object, tuple[str, ...]], ...]  # (rule id, compiled pattern, needs)
    rate_words: tuple[str, ...]
    per_one_values: tuple[str, ...]
    per_one_words: tuple[str, ...]
    percent_per_units: tuple[str, ...]
    rate_kinds: tuple[str, ...]
    glued_units: tuple[str, ...]
    rank_words: tuple[str, ...]
    rank_unit: str
    count_words: tuple[str, ...]
    money_words: tuple[str, ...]
    money_unit: str
    money_min: Decimal
    identifier_compounds: tuple[str, ...]
    identifier_list_ends: tuple[str, ...]
    acronym_noun: str  # pattern of an abbreviation counted after a number ("03 CTMTQG")
    rate_lead_words: tuple[str, ...]
    count_copula: tuple[str, ...]
    index_names: tuple[str, ...]
    indefinite_words: tuple[str, ...]
    list_coordinators: tuple[str, ...]
    number_word: str
    total_word: str
    year_word: str
    spelled_ratio: tuple[str, ...]
    money_scales: tuple[str, ...]
    duration_qualifiers: dict  # casefolded word -> code, before a duration only ("sau 15 ngày")
    duration_measures: tuple[str, ...]  # nouns of such a phrase that name the measure ("thời hạn")
    duration_units: frozenset
    counted_back: tuple  # (casefolded words, the pattern after the duration, code): a duration counted back ("trước")
    comparatives: dict  # casefolded comparative ("thấp hơn") -> "increase" | "decrease"
    comparative_bases: tuple[str, ...]
    comparative_after: tuple[str, ...]
    comparative_copulas: tuple[str, ...]
    graded: dict  # casefolded "trên báo động" -> "increase" | "decrease" (numbers.yaml comparatives.graded)
    graded_grade: str  # the regex of a level's grade ("3" of "báo động 3")


@cache
def _rules() -> _Rules:
    data = _load_yaml("numbers")
    _check_keys("numbers.yaml", data, _NUMBERS_KEYS, _NUMBERS_KEYS)

    scales: dict = {}
    for i, entry in enumerate(data["scales"]):
        _check_keys(f"numbers.yaml scales[{i}]", entry, {"word", "aliases", "factor"}, {"word", "factor"})
        factor = Decimal(str(entry["factor"]))
        for spelling in [entry["word"], *_words("scales.aliases", entry.get("aliases", []))]:
            if spelling.casefold() in scales:
                raise RuleError(f"numbers.yaml scales: duplicate {spelling!r}")
            scales[spelling.casefold()] = (entry["word"], factor)

    qualifiers: dict = {}
    for code, words in data["qualifiers"].items():
        if code not in QUALIFIERS:
            raise RuleError(f"numbers.yaml qualifiers: unknown code {code!r}")
        for w in _words(f"qualifiers[{code}]", words):
            if w.casefold() in qualifiers:
                raise RuleError(f"numbers.yaml qualifiers: {w!r} listed twice")
            qualifiers[w.casefold()] = code
    suffixes: dict = {}
    for code, words in data["qualifier_suffixes"].items():
        if code not in QUALIFIERS:
            raise RuleError(f"numbers.yaml qualifier_suffixes: unknown code {code!r}")
        for w in _words(f"qualifier_suffixes[{code}]", words):
            suffixes[w.casefold()] = code

    durations: dict = {}
    for code, words in data["duration_qualifiers"]["words"].items():
        if code not in QUALIFIERS:
            raise RuleError(f"numbers.yaml duration_qualifiers: unknown code {code!r}")
        for w in _words(f"duration_qualifiers[{code}]", words):
            durations[w.casefold()] = code

    _check_keys(
        "numbers.yaml sign_words", data["sign_words"], {"increase", "decrease"}, {"increase", "decrease"}
    )
    increase = _words("sign_words.increase", data["sign_words"]["increase"])
    decrease = _words("sign_words.decrease", data["sign_words"]["decrease"])
    if {w.casefold() for w in increase} & {w.casefold() for w in decrease}:
        raise RuleError("numbers.yaml sign_words: a word is both increase and decrease")

    units: dict = {}
    raw_units = _load_yaml("units")
    if not isinstance(raw_units, list):
        raise RuleError("units.yaml: expected a list of units")
    for i, entry in enumerate(raw_units):
        _check_keys(f"units.yaml[{i}]", entry, {"unit", "aliases", "base_unit", "scale"}, {"unit"})
        u = _Unit(
            unit=str(entry["unit"]),
            base_unit=str(entry.get("base_unit", entry["unit"])),
            scale=Decimal(str(entry.get("scale", 1))),
        )
        for spelling in [u.unit, *_words(f"units.yaml[{i}].aliases", entry.get("aliases", []))]:
            key = " ".join(spelling.split()).casefold()
            if key in units:
                raise RuleError(f"units.yaml: {spelling!r} listed twice")
            units[key] = u

    exclusions = []
    seen_ids: set[str] = set()
    for i, entry in enumerate(data["exclusions"]):
        _check_keys(
            f"numbers.yaml exclusions[{i}]",
            entry,
            {"id", "patterns", "note", "case_sensitive", "needs"},
            {"id", "patterns", "note"},
        )
        rid = entry["id"]
        if not regex.fullmatch(r"[a-z][a-z0-9_]*", rid) or rid in seen_ids:
            raise RuleError(f"numbers.yaml exclusions: bad or duplicate id {rid!r}")
        seen_ids.add(rid)
        flags = regex.V0 | (0 if entry.get("case_sensitive") else regex.IGNORECASE)
        if not isinstance(entry["patterns"], list) or not entry["patterns"]:
            raise RuleError(f"numbers.yaml exclusion {rid}: patterns must be a non-empty list")
        # `needs`: characters one of which a text must hold for the rule to be tried (a cheap prefilter)
        needs = tuple(entry.get("needs", ()))
        if not all(isinstance(c, str) and c for c in needs):
            raise RuleError(f"numbers.yaml exclusion {rid}: needs must be a list of strings")
        for pattern in entry["patterns"]:
            try:
                exclusions.append((rid, regex.compile(pattern, flags), needs))
            except regex.error as exc:
                raise RuleError(f"numbers.yaml exclusion {rid}: {exc}") from exc

    glued = _words("glued_units", data["glued_units"])
    for w in glued:
        if w != "%" and w.casefold() not in units:
            raise RuleError(f"numbers.yaml glued_units: {w!r} is not a unit of units.yaml")
    for key in ("rank_unit", "money_unit"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise RuleError(f"numbers.yaml {key}: expected a word")
    if data["money_unit"].casefold() not in units:
        raise RuleError("numbers.yaml money_unit: not a unit of units.yaml")
    try:
        money_min = Decimal(str(data["money_min"]))
    except InvalidOperation as exc:
        raise RuleError("numbers.yaml money_min: expected a number") from exc
    try:
        regex.compile(data["acronym_noun"], regex.V0)
    except (regex.error, TypeError) as exc:
        raise RuleError(f"numbers.yaml acronym_noun: {exc}") from exc
    stop = frozenset(w.casefold() for w in _words("stop_words", data["stop_words"]))
    classifiers = frozenset(w.casefold() for w in _words("classifiers", data["classifiers"]))
    breakers = set(stop) | {
        t.casefold() for w in _words("value_words", data["value_words"]) for t in w.split()
    }
    for phrase in [*qualifiers, *(w.casefold() for w in increase + decrease)]:
        breakers.update(phrase.split())
    return _Rules(
        scales=scales,
        scale_blockers=tuple(_words("scale_blockers", data["scale_blockers"])),
        qualifiers=qualifiers,
        qualifier_suffixes=suffixes,
        increase=frozenset(w.casefold() for w in increase),
        decrease=frozenset(w.casefold() for w in decrease),
        multiple_words=tuple(_words("multiple_words", data["multiple_words"])),
        multiple_units=frozenset(_words("multiple_units", data["multiple_units"])),
        date_joiners=tuple(_words("date_joiners", data["date_joiners"])),
        range_starts=tuple(_words("range_starts", data["range_starts"])),
        range_joiners=tuple(_words("range_joiners", data["range_joiners"])),
        sign_shared_joiners=tuple(_words("sign_shared_joiners", data["sign_shared_joiners"])),
        sign_shared_base=tuple(_words("sign_shared_base", data["sign_shared_base"])),
        date_cues=tuple(_words("date_cues", data["date_cues"])),
        stop_words=stop,
        classifiers=classifiers,
        name_breakers=frozenset(breakers),
        grade_classes=frozenset(w.casefold() for w in _words("grade_classes", data["grade_classes"])),
        per_units=tuple(_words("per_units", data["per_units"])),
        elevation_words=tuple(_words("elevation_words", data["elevation_words"])),
        units=units,
        coordinated=tuple(_words("coordinated_nouns", data["coordinated_nouns"])),
        score_units=frozenset(w.casefold() for w in _words("score_units", data["score_units"])),
        exclusions=tuple(exclusions),
        rate_words=tuple(_words("rate_words", data["rate_words"])),
        per_one_values=tuple(_words("per_one_values", data["per_one_values"])),
        per_one_words=tuple(_words("per_one_words", data["per_one_words"])),
        percent_per_units=tuple(_words("percent_per_units", data["percent_per_units"])),
        rate_kinds=tuple(_words("rate_kinds", data["rate_kinds"])),
        glued_units=tuple(glued),
        rank_words=tuple(_words("rank_words", data["rank_words"])),
        rank_unit=data["rank_unit"].strip(),
        count_words=tuple(_words("count_words", data["count_words"])),
        money_words=tuple(_words("money_words", data["money_words"])),
        money_unit=data["money_unit"].strip(),
        money_min=money_min,
        identifier_compounds=tuple(_words("identifier_compounds", data["identifier_compounds"])),
        identifier_list_ends=tuple(_words("identifier_list_ends", data["identifier_list_ends"])),
        acronym_noun=data["acronym_noun"],
        rate_lead_words=tuple(_words("rate_lead_words", data["rate_lead_words"])),
        count_copula=tuple(_words("count_copula", data["count_copula"])),
        index_names=tuple(_words("index_names", data["index_names"])),
        indefinite_words=tuple(_words("indefinite_words", data["indefinite_words"])),
        list_coordinators=tuple(_words("list_coordinators", data["list_coordinators"])),
        number_word=data["number_word"].strip(),
        total_word=data["total_word"].strip(),
        year_word=data["year_word"].strip(),
        spelled_ratio=tuple(_words("spelled_ratio", data["spelled_ratio"])),
        money_scales=tuple(w.casefold() for w in _words("money_scales", data["money_scales"])),
        duration_qualifiers=durations,
        duration_measures=tuple(w.casefold() for w in _words("duration_qualifiers.measure_words",
                                                             data["duration_qualifiers"]["measure_words"])),
        duration_units=frozenset(w.casefold() for w in _words("duration_qualifiers.units",
                                                              data["duration_qualifiers"]["units"])),
        counted_back=_counted_back(data["duration_qualifiers"]["counted_back"]),
        comparatives=_comparatives(data["comparatives"]),
        comparative_bases=tuple(_words("comparatives.bases", data["comparatives"]["bases"])),
        comparative_after=tuple(_words("comparatives.after", data["comparatives"]["after"])),
        comparative_copulas=tuple(_words("comparatives.copulas", data["comparatives"].get("copulas", []))),
        graded=_graded(data["comparatives"].get("graded")),
        graded_grade=(data["comparatives"].get("graded") or {}).get("grade", "(?!)"),
    )


def _comparatives(data: dict) -> dict:
    """numbers.yaml comparatives: each comparative word with the direction of the difference it states."""
    _check_keys("numbers.yaml comparatives", data, {"increase", "decrease", "bases", "after", "copulas", "graded"},
                {"increase", "decrease", "bases", "after"})
    return {w.casefold(): d for d in ("increase", "decrease") for w in _words(f"comparatives.{d}", data[d])}


def _graded(data: dict | None) -> dict:
    """numbers.yaml comparatives.graded: each comparative with a level ("trên báo động") and its direction."""
    if not data:
        return {}
    _check_keys("numbers.yaml comparatives.graded", data, {"increase", "decrease", "levels", "grade"},
                {"increase", "decrease", "levels", "grade"})
    levels = _words("comparatives.graded.levels", data["levels"])
    return {f"{w} {lv}".casefold(): d for d in ("increase", "decrease")
            for w in _words(f"comparatives.graded.{d}", data[d]) for lv in levels}


# ------------------------------------------------------------------------------------------ compiled regexes

_WS = r"[^\S\n]"  # spaces but not a line break: table cells and headings sit on their own lines
# a document's sign among the words naming a comparison's base ("chỉ tiêu đề ra tại Kế hoạch số 27/KH-UBND (35%)")
_DOC_SIGN = rf"{_WS}+[0-9]+(?:/[0-9]+)*/\p{{Lu}}[\p{{L}}\p{{N}}]*(?:[-/.]\p{{Lu}}[\p{{L}}\p{{N}}]*)*"
_I = regex.IGNORECASE | regex.V0
# Cues before a number are matched backwards from it: a REVERSE match anchors at the number and is ~6x
# faster than searching a window for a pattern ending in \Z.
_IR = _I | regex.REVERSE


def _first_either(word: str) -> str:
    """A word matched as written but for its first letter, either case ("[Ss]ố")."""
    w = word.strip()
    return f"[{regex.escape(w[0].upper())}{regex.escape(w[0].lower())}]{regex.escape(w[1:])}"


def _alt(words) -> str:
    """Alternation of phrases, longest first, with any run of spaces between words."""
    parts = sorted(dict.fromkeys(" ".join(w.split()) for w in words), key=len, reverse=True)  # ties in file order
    return "|".join(f"{_WS}+".join(regex.escape(t) for t in p.split(" ")) for p in parts)


def _counted_back(data: dict) -> tuple:
    """numbers.yaml duration_qualifiers.counted_back: (its words casefolded, its compiled `after`, its code)."""
    if data["code"] not in QUALIFIERS:
        raise RuleError(f"numbers.yaml duration_qualifiers.counted_back: unknown code {data['code']!r}")
    words = frozenset(w.casefold() for w in _words("duration_qualifiers.counted_back.words", data["words"]))
    return words, regex.compile(data["after"], _I), data["code"]


def _wordy(words) -> str:
    """Like _alt, but a phrase starting with a letter must start at a word boundary."""
    letters = [w for w in words if w[:1].isalpha()]
    symbols = [w for w in words if not w[:1].isalpha()]
    out = []
    if letters:
        out.append(rf"(?<![\p{{L}}\p{{N}}])(?:{_alt(letters)})")
    if symbols:
        out.append(f"(?:{_alt(symbols)})")
    return "|".join(out)


@dataclass(frozen=True)
class _Grammar:
    cluster: object
    scale: object
    unit: object
    noun: object
    noun_one: object
    acronym: object
    per: object
    qual_suffix: object
    qual_suffix_far: object
    range_before: object
    qualifier: object
    duration_qualifier: object
    multiple: object
    sign: object
    comparative: object
    comparative_after: object
    based_comparative: object
    graded_comparative: object
    range_start: object
    elevation: object
    dash_joiner: object
    word_joiner: object
    sign_joiner: object
    sign_base: object
    date_cue: object
    date_chain: object
    name_words: object
    coordinated: object
    glued: object
    year_after: object
    rate: object
    rate_lead: object
    per_one: object
    rate_kind: object
    rank: object
    count_noun: object
    label_noun: object
    money: object
    compound_before: object
    listed_after: object
    copula_before: object
    indefinite_before: object
    index_before: object
    named: object
    spelled_ratio: object


@cache
def _grammar() -> _Grammar:
    r = _rules()
    end = r"(?![\p{L}\p{N}])"
    # A cluster is digits with '.', ',' or '/' between digits (NBSP/thin space only before 3 digits, the
    # Vietnamese thousands gap); possessive so "28B" or "1,2,3" cannot shrink into a valid number.
    # a unit of glued_units may follow the digits with no space ("23,2584kg"); the cluster ends before it
    glued = rf"(?:{_alt(w for w in r.glued_units if w != '%')}){end}"
    cluster = regex.compile(
        r"(?<![\p{L}\p{N}.,])[0-9](?:[0-9]|[.,/](?=[0-9])|[\u00a0\u202f\u2009](?=[0-9]{3}(?![0-9])))*+"
        rf"(?:(?![\p{{L}}\p{{N}}])|(?={glued}))",
        regex.V0,
    )
    blockers = _alt(r.scale_blockers)
    scale = regex.compile(rf"{_WS}+(?P<w>{_alt(r.scales)}){end}(?!{_WS}+(?:{blockers}){end})", _I)
    # "đồng/người/tháng", "đồng/01 tháng", "người/ năm": a "01" or a space after the slash reads the same
    one = rf"{_WS}*(?:0?1{_WS}+)?"
    per = rf"(?:/{one}(?P<per>(?:{_alt(r.per_units)})(?:/{one}(?:{_alt(r.per_units)}))*){end})?"
    # a sign-unit of glued_units other than "%" ("1,8‰") may follow the digits with or without a space
    signs = [w for w in r.glued_units if w != "%" and not any(ch.isalnum() for ch in w)]
    lead = rf"(?:{_WS}*(?=(?:{_alt(signs)}){end})|{_WS}+)" if signs else rf"{_WS}+"
    unit = regex.compile(rf"{_WS}*(?P<pct>%)|{lead}(?P<u>{_alt(r.units)}){end}{per}", _I)
    # Vietnamese nouns are mostly one or two syllables ("vụ", "ứng viên", "cán bộ"): an unlisted noun takes
    # its second syllable too unless that one is a function word; syllables a hyphen joins are one ("20 ô-tô",
    # "nhập 15 máy vi-tính", not "máy vi")
    word = r"\p{Ll}\p{L}*(?:-\p{Ll}\p{L}*)*"
    noun = regex.compile(
        rf"{_WS}+(?P<u>{word}){end}(?:[ ](?P<u2>{word}){end}(?!/[0-9]))?{per}", regex.V0
    )
    sfx = _alt(r.qualifier_suffixes)
    return _Grammar(
        cluster=cluster,
        scale=scale,
        unit=unit,
        noun=noun,
        noun_one=regex.compile(rf"{_WS}+(?P<u>{word}){end}(?P<u2>){per}", regex.V0),
        # "03 CTMTQG", "15 VBQPPL": an abbreviation as written; not a Roman numeral ("Khu vực II"), not the start of
        # a code ("NQ/TW") or of a heading in capitals ("50 CÁN BỘ")
        acronym=regex.compile(
            rf"{_WS}+(?![IVXLCDM]+{end})(?P<u>{r.acronym_noun}){end}(?![/-]\p{{L}})(?P<u2>)"
            rf"(?!{_WS}+\p{{Lu}}{{2,}}(?!\p{{Ll}})){per}",
            regex.V0,
        ),
        per=regex.compile(per, _I),
        qual_suffix=regex.compile(rf"{_WS}+(?P<q>{sfx}){end}", _I),
        # "có từ 30 người mắc trở lên": a word or two of the counted noun between it and the suffix, when "từ"
        # opens the bound
        qual_suffix_far=regex.compile(rf"(?:{_WS}+\p{{Ll}}+){{1,2}}?{_WS}+(?P<q>{sfx}){end}", _I),
        range_before=regex.compile(rf"(?<!\p{{L}})(?:{_wordy(r.range_starts)}){_WS}+\Z", _IR),
        qualifier=regex.compile(rf"(?P<q>{_wordy(r.qualifiers)}){_WS}*", _IR),
        duration_qualifier=regex.compile(rf"(?P<q>{_wordy(r.duration_qualifiers)}){_WS}+", _IR),
        multiple=regex.compile(rf"(?P<m>{_wordy(r.multiple_words)}){_WS}+", _IR),
        sign=regex.compile(rf"(?P<s>{_wordy(sorted(r.increase | r.decrease))}){_WS}+", _IR),
        comparative=regex.compile(
            rf"(?P<s>{_wordy(sorted(r.comparatives))})(?:{_WS}+(?P<b>{_wordy(r.comparative_bases)}"
            rf"|{regex.escape(r.year_word)}{_WS}+(?:19|20)[0-9]{{2}})"
            + (rf"(?:{_WS}+(?:{_wordy(r.comparative_copulas)}))?" if r.comparative_copulas else "")
            + rf")?{_WS}+", _IR
        ),
        comparative_after=regex.compile(rf"{_WS}*(?:{_wordy(r.comparative_after)})(?!\w)", _I),
        # "thấp hơn chỉ tiêu Thanh tra Chính phủ giao (85%) là 3,4 điểm phần trăm": a comparative, its base with who set
        # it and its level in brackets, and a copula right before the number
        based_comparative=regex.compile(
            rf"(?P<s>{_wordy(sorted(r.comparatives))}){_WS}+(?P<b>{_wordy(r.comparative_bases)})(?:{_WS}+\p{{L}}+|{_DOC_SIGN}){{0,8}}"
            rf"{_WS}*\([^()\n]{{1,25}}\){_WS}+(?:{_wordy(r.comparative_copulas)}){_WS}+", _IR
        ) if r.comparative_copulas else None,
        # "trên báo động 3 là 0,62 m": a comparative, a level, its grade and a copula right before the number
        graded_comparative=regex.compile(
            rf"(?P<s>{_wordy(sorted(r.graded))})(?:{_WS}+{_alt([r.number_word])})?{_WS}+{r.graded_grade}"
            + (rf"(?:{_WS}+(?:{_wordy(r.comparative_copulas)}))?" if r.comparative_copulas else "") + rf"{_WS}+",
            _IR,
        ) if r.graded else None,
        range_start=regex.compile(rf"(?P<s>{_wordy(r.range_starts)}){_WS}+", _IR),
        elevation=regex.compile(rf"(?P<e>{_wordy(r.elevation_words)}){_WS}*\+\Z", _IR),
        dash_joiner=regex.compile(rf"{_WS}*[-–—]{_WS}*"),
        word_joiner=regex.compile(rf"{_WS}+(?:{_alt(r.range_joiners)}){_WS}+", _I),
        sign_joiner=regex.compile(rf"{_WS}*(?:{_alt(r.sign_shared_joiners)}){_WS}*", _I),
        sign_base=regex.compile(rf"{_WS}+(?:{_alt(r.sign_shared_base)}){_WS}+", _I),
        date_cue=regex.compile(rf"(?:{_wordy(r.date_cues)}){_WS}+", _IR),
        date_chain=regex.compile(rf"{_WS}*(?:[-–—,]|{_alt(r.date_joiners)}){_WS}*", _I),
        # "Ban Chỉ đạo 751", "Đề án Bến Tre - 50": a dash may stand between the name and its number
        coordinated=regex.compile(rf",{_WS}+(?P<c>{_alt(r.coordinated)}){end}(?!{_WS}*[0-9])", _I),
        name_words=regex.compile(rf"((?:\p{{L}}+{_WS}+){{1,4}})(?:[-–]{_WS}*)?", regex.V0 | regex.REVERSE),
        glued=regex.compile(rf"(?P<u>{glued}){per}", _I),
        year_after=regex.compile(rf"{_WS}+(?:19|20)[0-9]{{2}}(?![0-9])"),
        # "mỗi tháng 02 chuyên mục", "hằng quý có ít nhất 01 tin": read backwards from the number, no clause
        # boundary in between
        rate=regex.compile(
            rf"(?<![\p{{L}}])(?:{_alt(r.rate_words)}){_WS}+(?P<per>{_alt(r.per_units)}){end}[^,;:()\n0-9]{{0,30}}",
            _IR,
        ),
        rate_lead=regex.compile(
            rf"{_WS}*(?:[-–+•*]{_WS}*)?(?:(?:{_alt(r.rate_lead_words)}){_WS}+)?(?:{_alt(r.rate_words)}){_WS}+(?P<per>{_alt(r.per_units)})"
            rf"{end}{_WS}*,[^,;:()\n0-9]{{0,60}}",
            _I,
        ),
        # "giá trị sản xuất trên 01 ha đất ... đạt 180 triệu đồng": per one unit after a value, read backwards
        per_one=regex.compile(
            rf"(?<![\p{{L}}])(?:{_alt(r.per_one_values)})(?:{_WS}+\p{{L}}+){{0,4}}?{_WS}+(?:{_alt(r.per_one_words)}){_WS}+"
            rf"(?P<one>0?1){_WS}+(?P<per>{_alt(r.per_units)}){end}[^,;:()\n0-9]{{0,40}}",
            _IR,
        ),
        # "trợ cấp hằng tháng": the rate phrase names a kind of payment, read backwards from the rate word
        rate_kind=regex.compile(rf"(?<![\p{{L}}])(?:{_alt(r.rate_kinds)}){_WS}+", _IR),
        rank=regex.compile(rf"(?<![\p{{L}}])(?:{_alt(r.rank_words)}){_WS}+", _IR),
        count_noun=regex.compile(rf"(?<![\p{{L}}])(?:{_alt(r.count_words)}){_WS}+(?P<u>{_alt(r.units)}){end}", _I),
        label_noun=regex.compile(
            rf"(?:^|[,;:(\n]){_WS}*(?P<u>{_alt(r.units)}){end}(?P<rest>(?:{_WS}+\p{{L}}+){{0,4}}){_WS}*\Z", _I
        ),
        money=regex.compile(rf"(?<![\p{{L}}])(?:{_alt(r.money_words)}){end}", _I),
        compound_before=regex.compile(
            rf"(?<![\p{{L}}])(?:{_alt(r.identifier_compounds)}){_WS}+(?:{_alt([r.number_word])}{_WS}+)?", _IR
        ),
        listed_after=regex.compile(
            rf"{_WS}*(?:,|{_alt(r.list_coordinators)}){_WS}*(?P<n>[0-9]{{1,3}})(?![\p{{L}}\p{{N}}%]|[.,/][0-9])"
            rf"(?={_WS}*(?:$|[^\p{{L}}\s]|(?-i:\p{{Lu}})|(?:{_alt(r.identifier_list_ends)}){end}))",
            _I,
        ),
        # read backwards from a number: "... là 12", and from a count word: "một số"
        copula_before=regex.compile(rf"(?<![\p{{L}}])(?:{_alt(r.count_copula)}){_WS}+", _IR),
        indefinite_before=regex.compile(rf"(?<![\p{{L}}])(?:{_alt(r.indefinite_words)}){_WS}+", _IR),
        # "chỉ số chất lượng nước (WQI) đạt từ 52 đến 94": an index named since the count before
        index_before=regex.compile(rf"(?<![\p{{L}}])(?:{_alt(r.index_names)}){end}[^0-9;]*\Z", _I),
        # a capitalised name (one or two words) or the number word (not after the total word) right before a
        # number: it names something ("Dự án 4", "cơ sở số 2"); read backwards, case as written but the first letter
        named=regex.compile(
            rf"(?<![\p{{L}}])(?:\p{{Lu}}\p{{L}}*(?:{_WS}+\p{{Ll}}+)?|(?<!{_first_either(r.total_word)}{_WS}+)"
            rf"{_first_either(r.number_word)}){_WS}+",
            regex.V0 | regex.REVERSE,
        ),
        # "25 trên tổng số 30 đơn vị", "3 trong số 5 xã", "35 / 45 nhiệm vụ": a part written before its whole
        spelled_ratio=regex.compile(rf"{_WS}*(?:/|{_alt(r.spelled_ratio)}){_WS}*", _I),
    )


# ------------------------------------------------------------------------------------------ parse / format

_VN_NUMBER = regex.compile(r"([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?", regex.V0)
_SPACED = regex.compile(r"[0-9]{1,3}(?:[\u00a0\u202f\u2009][0-9]{3})+(?:,[0-9]+)?", regex.V0)


def parse_number(s: str) -> tuple[Decimal, int]:
    """Vietnamese number text to (value, decimals): "3.060,1960" -> (Decimal('3060.1960'), 4).

    '.' groups thousands in groups of exactly three, ',' is the decimal mark; a leading '-' or '−' negates.
    Raises ValueError for anything else ("4.0", "1,2,3", "1.5").
    """
    text = s.strip()
    sign = ""
    if text[:1] in "-−" and len(text) > 1:
        sign, text = "-", text[1:]
    if _SPACED.fullmatch(text):
        text = regex.sub(r"[\u00a0\u202f\u2009]", ".", text)
    m = _VN_NUMBER.fullmatch(text)
    if not m:
        raise ValueError(f"not a Vietnamese number: {s!r}")
    whole, frac = m.group(1).replace(".", ""), m.group(2) or ""
    try:
        value = Decimal(f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}")
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only digits
        raise ValueError(f"not a Vietnamese number: {s!r}") from exc
    return value, len(frac)


def format_number(d: Decimal, decimals: int) -> str:
    """Vietnamese spelling of d with `decimals` digits after ','; the inverse of parse_number."""
    q = Decimal(d).quantize(Decimal(1).scaleb(-decimals)) if decimals else Decimal(d).quantize(Decimal(1))
    sign = "-" if q < 0 else ""
    digits = f"{abs(q):f}"
    whole, _, frac = digits.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    return f"{sign}{out},{frac}" if decimals else f"{sign}{out}"


# ---------------------------------------------------------------------------------------------- finding


@dataclass
class _Item:
    """A number being assembled (mutable while the range and ratio passes run)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: Decimal
    decimals: int
    unit: str | None
    base_unit: str | None
    factor: Decimal
    qualifier: str | None
    kind: str
    sign_word: str | None
    qualifier_span: tuple[int, int] | None
    minus: bool = False
    range_start: tuple[int, int] | None = None


def _is_year(cluster: str) -> bool:
    # Vietnamese writes counts of a thousand or more with a dot ("1.437"), so 4 bare digits are a year.
    return len(cluster) == 4 and cluster.isdigit() and 1900 <= int(cluster) <= 2100


_PER_ONE = regex.compile(r"/ ?(?:0?1 )?")


def _opens_year(text: str, m) -> bool:
    """"03 năm 2025": the word năm after a number opens a year; the number stays bare."""
    unit = m.group("u")
    return unit is not None and unit.casefold() == _rules().year_word and bool(_grammar().year_after.match(text, m.end()))


def _suffix(text: str, pos: int) -> tuple[int, str | None, str | None, Decimal]:
    """Scale words and unit after a number: (end, unit as normalised, base unit, factor)."""
    r, g = _rules(), _grammar()
    factor = Decimal(1)
    scale_words: list[str] = []
    end = pos
    for _ in range(2):  # "51,2 nghìn tỷ đồng": at most two scale words
        m = g.scale.match(text, end)
        if not m:
            break
        word, f = r.scales[" ".join(m.group("w").split()).casefold()]
        scale_words.append(word)
        factor *= f
        end = m.end()
    unit = base = None
    m = g.unit.match(text, end) if end > pos or not text[pos : pos + 1].isalpha() else g.glued.match(text, end)
    if m and _opens_year(text, m):
        m = None
    if m and m.groupdict().get("pct") is not None:
        if not scale_words:
            return m.end(), "%", "%", factor
        m = None
    if m and m.group("u") is not None:
        u = r.units[" ".join(m.group("u").split()).casefold()]
        unit, base, factor = u.unit, u.base_unit, factor * u.scale
    else:
        m = g.noun.match(text, end)
        if m and (m.group("u").casefold() in r.stop_words or m.group("u").casefold() in r.scales):
            m = None
        if m and _opens_year(text, m):
            return pos, None, None, factor
        if m is None:
            m = g.acronym.match(text, end)
        if m:
            unit = base = m.group("u")
            u2 = m.group("u2")
            # a classifier, or a word of syllables a hyphen joins ("ô-tô"), is the whole noun on its own
            two = u2 and m.group("u").casefold() not in r.classifiers and "-" not in m.group("u")
            if two and u2.casefold() not in r.stop_words and u2.casefold() not in r.scales:
                unit = base = f"{unit} {u2}"
            elif u2:
                m = g.noun_one.match(text, end)
    if m:
        per = m.group("per")
        if not per and base and base != "%":
            per = _per_after_noun(text, m.end())
        if per:
            per = _per_spelled(_PER_ONE.sub("/", " ".join(per.split())))
            unit, base = f"{unit}/{per}", f"{base}/{per}"
        end = m.end()
        if base and base != "%":
            # "07 sở, ngành", "13 cơ quan, đơn vị, địa phương": nouns listed together are one counted noun
            while c := g.coordinated.match(text, end):
                word = " ".join(c.group("c").split())
                if _repeats_head(base, word):
                    break  # "15/21 nhiệm vụ, nhiệm vụ chưa hoàn thành ...": the same noun opens the next item
                unit, base, end = f"{unit}, {word}", f"{base}, {word}", c.end()
    if scale_words:
        unit = " ".join(scale_words + ([unit] if unit else []))
    return end, unit, base, factor


def _per_spelled(per: str) -> str:
    """A per-unit in the unit's normal spelling ("triệu đồng/m²" is "triệu đồng/m2", as "15 m²" is "15 m2"): each
    part written as an alias of rules/units.yaml takes that unit's spelling; other parts stay as written."""
    units = _rules().units
    return "/".join(units[k].unit if (k := part.casefold()) in units else part for part in per.split("/"))


@cache
def _noun_then_per() -> regex.Pattern:
    """ "500 tấn mía/ngày", "300 lượt khách du lịch/tháng": at most three lower-case words of the counted noun
    after its unit, then a slash and a per-unit (as right after the unit: "đồng/người/tháng")."""
    r = _rules()
    end = r"(?![\p{L}\p{N}])"
    pers = _alt(r.per_units)
    return regex.compile(
        rf"(?P<w>(?:{_WS}+\p{{Ll}}+{end}){{1,3}})/{_WS}*(?P<per>(?:{pers})(?:/{_WS}*(?:{pers}))*){end}", regex.V0
    )


def _per_after_noun(text: str, pos: int) -> str | None:
    """The per-unit of a rate written after the counted noun's words ("500 tấn mía/ngày" is tấn/ngày; the noun's
    words stay outside the figure, for its subject); none when a function word opens them ("12 người tại
    xã/phường"), or a number follows the slash (it would be read again, outside the figure)."""
    stop = _rules().stop_words
    m = _noun_then_per().match(text, pos)
    if m is None or m.group("w").split()[0].casefold() in stop:
        return None
    # "09 cuộc hội nghị/buổi đối thoại/gặp mặt": a slash between nouns of one list names alternatives, no rate
    if _LISTED_SLASH.match(text, m.end()):
        return None
    if (after := _NEXT_WORD.match(text, m.end())) and after.group(1).casefold() not in stop:
        return None  # "500 tấn mía/buổi sáng": the word after the slash opens a noun, no per-unit
    return m.group("per")


# another slash within a few words after a rate's per-unit: the slashes list nouns ("hội nghị/buổi đối thoại/gặp mặt")
_LISTED_SLASH = regex.compile(r"(?:[^\S\n]+\p{Ll}+(?![\p{L}\p{N}])){0,3}[^\S\n]*/", regex.V0)
_NEXT_WORD = regex.compile(r"[^\S\n]+(\p{Ll}+)(?![\p{L}\p{N}])", regex.V0)


def _repeats_head(base: str, word: str) -> bool:
    """Whether a noun after a comma is one the counted noun already holds: a list's next item, no coordination."""
    return word.casefold() in {part.strip().casefold() for part in base.replace("/", ",").split(",")}


# a plus sign glued to a number at a phrase's start ("(+9,3%)", "; +12 hộ"), not inside a code ("Km 45+300")
_PLUS = regex.compile(r"(?:(?<=^)|(?<=[\s(\[:;]))\+\Z", regex.V0)


def _prefix(text: str, item: _Item) -> None:
    """Qualifier, 'gấp' and sign word written right before the number (in that order, reading backwards)."""
    r, g = _rules(), _grammar()
    pos = item.start
    height = g.elevation.search(text, max(0, pos - 30), pos)
    if height:
        pos = height.start("e")  # "không thấp hơn cao trình +27,0 m": the bound stands before the height's word
    m = g.qualifier.match(text, max(0, pos - 40), pos)
    if m:
        item.qualifier = r.qualifiers[" ".join(m.group("q").split()).casefold()]
        item.qualifier_span = (m.start("q"), m.end("q"))
        pos = m.start("q")
    m = g.multiple.match(text, max(0, pos - 20), pos)
    if m:
        item.kind = "multiple"
        pos = m.start("m")
        _bound_before_multiple(text, item, pos)
    m = g.sign.match(text, max(0, pos - 30), pos)
    if m:
        item.sign_word = " ".join(m.group("s").split()).lower()
    elif not height and _PLUS.match(text, max(0, pos - 1), pos):
        item.sign_word = "+"  # "tăng 726,8 tỷ đồng (+9,3%)": a written plus states an increase, as "tăng" does
    m = g.range_start.match(text, max(0, item.start - 30), item.start)
    if m:
        item.range_start = (m.start("s"), m.end("s"))


def _duration_bound(text: str, item: _Item) -> None:
    """A word that bounds a duration only ("sau 15 ngày người dân không bổ sung", "sau 8 giờ làm việc"): the time
    past which a rule applies; before other units it bounds nothing ("sau 2 vụ")."""
    r = _rules()
    if item.qualifier is not None or (item.base_unit or "").casefold() not in r.duration_units:
        return
    m = _grammar().duration_qualifier.match(text, max(0, item.start - 20), item.start)
    if m:
        phrase = " ".join(m.group("q").split()).casefold()
        item.qualifier = r.duration_qualifiers[phrase]
        words, after, code = r.counted_back
        if phrase in words and after.match(text, item.end):
            item.qualifier = code  # "chậm nhất 05 ngày làm việc trước ngày họp": at least that long before it
        if not any(w in phrase for w in r.duration_measures):  # "trong thời hạn": "thời hạn" stays the measure
            item.qualifier_span = (m.start("q"), m.end("q"))


_COMPARATIVE_REACH = 60  # characters a comparative and its base may take before the number ("thấp hơn trung bình ...")


def _comparison(text: str, item: _Item) -> None:
    """A comparative right before a number that names its base ("thấp hơn chỉ tiêu 3,7 điểm phần trăm") or is followed
    by one ("cao hơn 2,4% so với cùng kỳ") states a difference: a signed change, not a bound ("thấp hơn 50%")."""
    if item.sign_word is not None:
        return
    g = _grammar()
    m = g.comparative.match(text, max(0, item.start - _COMPARATIVE_REACH), item.start)
    if m is None or not (m.group("b") or g.comparative_after.match(text, item.end)):
        # "trên báo động 3 là 0,62 m": the difference against a graded level
        m = g.graded_comparative.match(text, max(0, item.start - 60), item.start) if g.graded_comparative else None
        if m is None and g.based_comparative is not None:
            m = g.based_comparative.match(text, max(0, item.start - 90), item.start)
        if m is None:
            return
    item.sign_word = " ".join(m.group("s").split()).lower()
    if item.qualifier_span is not None and item.qualifier_span[0] >= m.start("s"):
        item.qualifier, item.qualifier_span = None, None


def _bound_before_multiple(text: str, item: _Item, pos: int) -> None:
    """A bound written before "gấp" bounds the multiple: "ít nhất gấp 03 lần", "tối đa gấp 2 lần"."""
    if item.qualifier is not None:
        return
    r, g = _rules(), _grammar()
    m = g.qualifier.match(text, max(0, pos - 40), pos)
    if m:
        item.qualifier = r.qualifiers[" ".join(m.group("q").split()).casefold()]
        item.qualifier_span = (m.start("q"), m.end("q"))


def _is_name_number(text: str, item: _Item, cluster: str) -> bool:
    """A bare small integer after a capitalised phrase is part of a name: Ban Chỉ đạo 751, Sơn Mỹ 1; so is one right
    after a capitalised syllable with a word no catalog counts after it ("TBA 110 kV Đức Trọng 2 công suất 63 MVA",
    "thủy điện Sông Bung 4 vận hành": the name goes on up to the number, the word after it is no counted noun)."""
    if not cluster.isdigit() or len(cluster) > 4 or _opens_range(text, item.num_end):
        return False
    m = _grammar().name_words.match(text, max(0, item.num_start - 60), item.num_start)
    if not m:
        return False
    words = m.group(1).split()
    if item.unit is not None and (not words[-1][:1].isupper() or _known_unit(item.unit)):
        return False
    breakers, grades = _rules().name_breakers, _rules().grade_classes
    # walk back from the number: every word must be a name word until a capitalised one opens the name, unless a
    # class word before it makes it a grade ("hạng Nhì 19", "giải Ba 7": a count of that grade)
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w.casefold() in breakers:
            return False
        if w[:1].isupper():
            return not (i > 0 and words[i - 1].casefold() in grades)
    return False


def _known_unit(unit: str) -> bool:
    """Whether a catalog names `unit` (or the first of the nouns it coordinates, "hộ, hộ kinh doanh") as a unit."""
    units = _rules().units
    return any(u.strip().casefold() in units for u in (unit, unit.split(",")[0]))


_PERCENT_NEXT = regex.compile(r"[^\S\n]*%")

# "Tổ chức 3 - 5 buổi", "Khoảng 40-50%": a number a dash joins to a counted number is the low end of a range
_RANGE_NEXT = regex.compile(r"[^\S\n]*[-–][^\S\n]*[0-9]+(?:[.,][0-9]+)*[^\S\n]*(?:%|\p{Ll})", regex.V0)


def _opens_range(text: str, num_end: int) -> bool:
    """Whether a dash and a number with a unit or noun follow the number: a range's low end, never a name."""
    return _RANGE_NEXT.match(text, num_end) is not None


def _identifiers(text: str) -> list[tuple[int, int, str]]:
    """The spaCy layer's identifier numbers, refined: none before "%" or after a compound word holding the
    phrase ("danh mục 72"); the numbers listed after one ("mức 1, 2") are identifiers too."""
    g = _grammar()
    out = []
    for s, e, rid in identifier_spans(text):
        if _PERCENT_NEXT.match(text, e) or g.compound_before.match(text, max(0, s - 30), s):
            continue
        out.append((s, e, rid))
        while m := g.listed_after.match(text, e):
            s, e = m.start("n"), m.end("n")
            out.append((s, e, rid))
    return out


@cache
def _exclusion_words() -> tuple[tuple[str, ...], ...]:
    """For each exclusion pattern (in order), words one of which any text it matches in holds (caseless; () for
    none): read from the pattern itself (extract/language/literals.py), so a text without them skips it."""
    return tuple(key_words(pat.pattern) for _rid, pat, _needs in _rules().exclusions)


@cache
def _exclusion_vocabulary() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every word of `_exclusion_words` and every character of the rules' `needs`, each once (sorted)."""
    words = {w for ws in _exclusion_words() for w in ws}
    chars = {c for _rid, _pat, needs in _rules().exclusions for c in needs}
    return tuple(sorted(words)), tuple(sorted(chars))


# ~1,100 word sets over the 26 documents of bench/dump_figures.py: a memory of 1024 evicted each before its reuse
@lru_cache(maxsize=4096)
def _exclusions_for(words: frozenset[str], chars: frozenset[str]) -> tuple[tuple[str, object], ...]:
    """(rule id, pattern) of the exclusions, in order, that a text holding exactly these words of the vocabulary
    (caseless) and these `needs` characters tries: the others cannot match in it. Texts share few such sets, so
    each text pays one look-up instead of a word test per exclusion."""
    return tuple(
        (rid, pat)
        for (rid, pat, needs), need_words in zip(_rules().exclusions, _exclusion_words(), strict=True)
        if (not needs or not chars.isdisjoint(needs)) and (not need_words or not words.isdisjoint(need_words))
    )


def _analyse(text: str, every_span: bool = True) -> tuple[list[Mention], list[tuple[int, int, str]]]:
    """(figure-numbers, excluded spans) of `text`. Without `every_span` only the numbers are wanted: the
    exclusion and identifier passes stop once every cluster is inside an excluded span (`_masked_all`)."""
    r, g = _rules(), _grammar()
    spans: list[tuple[int, int, str]] = []
    clusters = list(g.cluster.finditer(text))
    mask = bytearray(len(text))
    vocabulary, chars = _exclusion_vocabulary()
    held = frozenset(filter(caseless(text).__contains__, vocabulary))
    for rid, pat in _exclusions_for(held, frozenset(filter(text.__contains__, chars))):
        before = len(spans)
        for m in pat.finditer(text):
            if m.end() > m.start():
                spans.append((m.start(), m.end(), rid))
        if not every_span and len(spans) > before and _masked_all(mask, spans[before:], clusters):
            return [], spans
    # numbers announced as names by a phrase before them ("Đề án 06", "(trang 2)", "lần 1"): the spaCy layer
    spans.extend((s, e, f"identifier_{rid}") for s, e, rid in _identifiers(text))
    for s, e, _ in spans:
        mask[s:e] = b"\x01" * (e - s)

    items: list[_Item] = []
    last_date_end = -1
    for cm in clusters:
        cs, ce, cluster = cm.start(), cm.end(), cm.group()
        if mask.find(1, cs, ce) != -1:
            continue
        if items and cs < items[-1].end:  # the "01" of "đồng/01 tháng" belongs to the rate before it
            continue
        parts = cluster.split("/")
        if len(parts) > 2:
            spans.append((cs, ce, "slash_pair"))
            continue
        if len(parts) == 2:
            kind = _slash_kind(text, cs, parts, last_date_end)
            if kind != "ratio":
                spans.append((cs, ce, kind))
                if kind == "day_month":
                    last_date_end = ce
                continue
            try:
                (a, da), (b, db) = parse_number(parts[0]), parse_number(parts[1])
            except ValueError:
                spans.append((cs, ce, "malformed_number"))
                continue
            end, unit, base, factor = _suffix(text, ce)
            split = cs + len(parts[0]) + 1
            if g.rank.match(text, max(0, cs - 20), cs):
                # "đứng thứ 15/34 tỉnh", "xếp hạng 11/34": a rank (unit hạng) out of a whole of the counted noun
                rank = _Item(cs, end, cs, split - 1, a, da, r.rank_unit, r.rank_unit, Decimal(1), None, "ratio_part",
                             None, None)
                items.append(rank)
                items.append(_Item(cs, end, split, ce, b, db, unit, base, factor, None, "ratio_whole", None, None))
                continue
            if b in (10, 100) and base and base.casefold() in r.score_units:
                # "18/100 điểm", "90,09/100 điểm": a score on a scale; the scale is no figure
                items.append(_Item(cs, end, cs, split - 1, a, da, unit, base, factor, None, "number", None, None))
                spans.append((split, ce, "score_scale"))
                continue
            for num_s, num_e, val, dec, k in (
                (cs, split - 1, a, da, "ratio_part"),
                (split, ce, b, db, "ratio_whole"),
            ):
                items.append(_Item(cs, end, num_s, num_e, val, dec, unit, base, factor, None, k, None, None))
            continue
        try:
            value, decimals = parse_number(cluster)
        except ValueError:
            value = _dot_decimal(text, cluster, ce)
            if value is None:
                spans.append((cs, ce, "malformed_number"))
                continue
            decimals = len(cluster.partition(".")[2])
        if _is_year(cluster) and not _labelled_count(text, cs, ce):
            spans.append((cs, ce, "bare_year"))
            continue
        start = cs
        minus = False
        if cs > 0 and text[cs - 1] in "-−" and (cs == 1 or text[cs - 2] in " \t\n([:;"):
            start, minus = cs - 1, True
        end, unit, base, factor = _suffix(text, ce)
        item = _Item(
            start, end, cs, ce, value, decimals, unit, base, factor, None, "number", None, None, minus
        )
        if _is_name_number(text, item, cluster):
            spans.append((cs, ce, "proper_name_number"))
            continue
        _prefix(text, item)
        m = g.qual_suffix.match(text, end)
        if m is None and g.range_before.search(text, max(0, start - 12), start):
            m = g.qual_suffix_far.match(text, end)  # "từ 30 người mắc trở lên", "từ 03 con nhỏ trở lên"
        if m and item.qualifier is None:
            item.qualifier = r.qualifier_suffixes[" ".join(m.group("q").split()).casefold()]
            # "từ 85% trở lên": the bound's words open at the range word before the number
            item.qualifier_span = (item.range_start[0] if item.range_start else m.start("q"), m.end("q"))
            if item.range_start and item.sign_word is None:
                # "giảm từ 2,5 điểm phần trăm trở lên": the sign word governs the bounded number past the range word
                # (not "giảm từ 14,33% xuống 11,62%", whose "từ" starts the level left)
                sm = g.sign.match(text, max(0, item.range_start[0] - 30), item.range_start[0])
                if sm:
                    item.sign_word = " ".join(sm.group("s").split()).lower()
        elif m and item.qualifier_span and item.qualifier == r.qualifier_suffixes[" ".join(m.group("q").split()).casefold()]:
            item.qualifier_span = (item.qualifier_span[0], m.end("q"))  # "từ đủ 15 tuổi trở lên": one bound
        _duration_bound(text, item)
        _comparison(text, item)
        if item.kind == "multiple" or (unit in r.multiple_units and item.sign_word):
            item.kind = "multiple"
        items.append(item)

    _join_compound_amounts(text, items)
    _join_ranges(text, items)
    _share_sign(text, items)
    _add_rates(text, items)
    _join_spelled_ratios(text, items)
    _add_rates_after(text, items)
    _infer_units(text, items)
    _infer_scaled_units(text, items)
    spans.sort()
    return [_freeze(it, text) for it in items], spans


_DOT_DECIMAL = regex.compile(r"[0-9]{1,3}\.[0-9]{1,2}")


def _masked_all(mask: bytearray, new: list[tuple[int, int, str]], clusters: list) -> bool:
    """Marks the `new` excluded spans in `mask` and tells whether every cluster now has a character inside one:
    the number loop of `_analyse` skips such a cluster, so no figure-number is left to find, and the later
    exclusions and the identifier phrases (the spaCy tokenizer) could only mask more (about a third of the texts
    the figure stage asks: dates, document codes and section numbers alone)."""
    for s, e, _ in new:
        mask[s:e] = b"\x01" * (e - s)
    return all(mask.find(1, cm.start(), cm.end()) != -1 for cm in clusters)


def _dot_decimal(text: str, cluster: str, ce: int) -> Decimal | None:
    """"= 16.5 điểm", "1.5 triệu USD": a decimal point written English-style, taken only when a listed unit or a
    scale word follows (a dot before one or two digits cannot group thousands, which Vietnamese writes in threes;
    heading and clause numbers are excluded before this)."""
    if not _DOT_DECIMAL.fullmatch(cluster):
        return None
    g = _grammar()
    if not g.unit.match(text, ce) and not g.scale.match(text, ce):
        return None
    return Decimal(cluster)


_CLAUSE_CLOSE = regex.compile(r"[^\S\n]*(?:[),;(]|$)")
_VALUE_CLOSE = regex.compile(r"[^\S\n]*(?:[.,;)]|$)")


def _labelled_count(text: str, cs: int, ce: int) -> bool:
    """"người nghiện 1974 (ngoài xã hội 832)": a four-digit number right after a counted noun that opens its
    clause, and closing it, is a count written without a thousands dot, not a year; so is the value of a label
    line that counts a listed noun ("* Tổng số người nghiện ma túy: 1974.")."""
    if _CLAUSE_CLOSE.match(text[ce:]) and _label_unit(text, cs) is not None:
        return True
    return bool(_VALUE_CLOSE.match(text[ce:])) and _count_label(text, cs)


def _count_label(text: str, pos: int) -> bool:
    """Whether `pos` is the value right after the colon of a label that opens its line or sentence with a count
    word and a listed noun ("Tổng số người nghiện ma túy:", "- Số hộ nghèo:")."""
    m = _COUNT_LABEL_END.search(text, max(0, pos - 120), pos)
    if m is None:
        return False
    start = max(text.rfind(ch, 0, m.start()) for ch in ".;\n") + 1
    head = _LINE_MARKER.sub("", text[start : m.start()], count=1)
    return bool(_grammar().count_noun.match(head))


_COUNT_LABEL_END = regex.compile(r":[^\S\n]*$")
_LINE_MARKER = regex.compile(r"^[^\S\n]*(?:[-–+*•][^\S\n]*)?")


def _clause_from(text: str, pos: int) -> int:
    """Start of the clause of `pos` (after , ; : ( or a line break), at most 80 characters back."""
    lo = max(0, pos - 80)
    cut = max(text.rfind(ch, lo, pos) for ch in ",;:(\n")
    return cut + 1 if cut >= 0 else lo


def _label_unit(text: str, pos: int) -> str | None:
    """The listed counted noun opening the clause before `pos` when the words after it up to the number are no
    function or value words ("người sử dụng 3388", not "chỉ tiêu kết nạp đảng viên mới 6 tháng đạt 171")."""
    r = _rules()
    lo = _clause_from(text, pos)
    if lo == max(0, pos - 80) and lo > 0:
        return None
    head = text[lo:pos]
    m = _grammar().label_noun.search("," + head)
    if not m or m.start() != 0 and head[: m.start() - 1].strip():
        return None
    rest = m.group("rest").split()
    if not rest or any(w.casefold() in r.name_breakers for w in rest):
        return None  # "(Dự án 4)": a noun right before its number names it
    return " ".join(m.group("u").split())


def _add_rates(text: str, items: list[_Item]) -> None:
    """"mỗi tháng 02 chuyên mục": a count after a rate word and a per-unit in its clause is a rate; "giá trị sản xuất
    trên 01 ha ... đạt 180 triệu đồng" an amount per one unit, the one no figure."""
    g = _grammar()
    ones: set[int] = set()
    for it in items:
        if it.unit is None or it.unit == "%" or "/" in it.unit or it.kind not in ("number", "range_low", "range_high"):
            continue
        end = it.qualifier_span[0] if it.qualifier_span and it.qualifier_span[0] < it.start else it.start
        one = g.per_one.match(text, max(0, end - 120), end)
        if one:
            ones.add(one.start("one"))
            per = " ".join(one.group("per").split()).casefold()
            it.unit, it.base_unit = f"{it.unit}/{per}", f"{it.base_unit}/{per}"
            continue
        lo = max(0, (it.qualifier_span[0] if it.qualifier_span else it.start) - 60)
        end = it.qualifier_span[0] if it.qualifier_span and it.qualifier_span[0] < it.start else it.start
        m = g.rate.match(text, lo, end)
        if m and g.rate_kind.match(text, max(0, m.start() - 30), m.start()):
            m = None
        if m is None:
            # "Định kỳ hằng tháng, tổ chức 02 kỳ đối thoại": a rate phrase set off at the head of the sentence
            m = g.rate_lead.fullmatch(text, max(text.rfind(ch, 0, end) for ch in ".;:!?\n") + 1, end)
        if m:
            per = " ".join(m.group("per").split()).casefold()
            it.unit, it.base_unit = f"{it.unit}/{per}", f"{it.base_unit}/{per}"
    items[:] = [it for it in items if it.start not in ones]


@cache
def _percent_per() -> regex.Pattern:
    """ "/năm" written right after a percentage ("tăng bình quân 12,5%/năm")."""
    return regex.compile(rf"/{_WS}*(?P<per>{_alt(_rules().percent_per_units)})(?![\p{{L}}\p{{N}}])", _I)


def percent_per_time(text: str, m: Mention, low: Mention | None = None) -> str | None:
    """ "%/năm" for a percentage per a unit of time (numbers.yaml `percent_per_units`): written so ("12,5%/năm"), or a
    signed one after a rate word and the unit ("bình quân mỗi năm tăng 11,3%", also both ends of "tăng 10-12%", `low`
    the range's start); None otherwise ("Hằng năm, 100% cán bộ ..." is a share each year)."""
    if m.base_unit != "%" or m.kind not in ("number", "range_low", "range_high"):
        return None
    written = _percent_per().match(text, m.end)
    if written:
        return f"%/{written['per'].casefold()}"
    first = low if low is not None else m
    if first.sign_word is None:
        return None
    end = first.qualifier_span[0] if first.qualifier_span and first.qualifier_span[0] < first.start else first.start
    rate = _grammar().rate.match(text, max(0, end - 60), end)
    per = " ".join(rate["per"].split()).casefold() if rate else None
    return f"%/{per}" if per in {p.casefold() for p in _rules().percent_per_units} else None


@cache
def _rate_after() -> regex.Pattern:
    """ "50 hộ gia đình tại mỗi xã, phường": a rate word and a per-unit after the counted noun, at most three
    words and no punctuation between (the per-units listed together are one, as the coordinated nouns)."""
    r = _rules()
    end = r"(?![\p{L}\p{N}])"
    return regex.compile(
        rf"(?:{_WS}+\p{{Ll}}+){{0,3}}?{_WS}+(?:{_alt(r.rate_words)}){_WS}+"
        rf"(?P<per>(?:{_alt(r.per_units)}){end}(?:,{_WS}+(?:{_alt(r.coordinated)}){end})*)",
        _I,
    )


def _add_rates_after(text: str, items: list[_Item]) -> None:
    """A count with a rate word after its noun ("cử 01 công chức đầu mối tại mỗi cơ quan") is a rate per that
    unit (công chức/cơ quan), as "mỗi tháng 02 chuyên mục" before it (_add_rates)."""
    for it in items:
        if it.unit is None or it.unit == "%" or "/" in it.unit or it.kind not in ("number", "range_low", "range_high"):
            continue
        m = _rate_after().match(text, it.end)
        if m:
            per = " ".join(m.group("per").split()).casefold()
            it.unit, it.base_unit = f"{it.unit}/{per}", f"{it.base_unit}/{per}"


_CAPITAL_NEXT = regex.compile(r"[^\S\n]+\p{Lu}", regex.V0)


def _infer_units(text: str, items: list[_Item]) -> None:
    """A count written without its noun takes one from its sentence: the noun after a count word since the
    number before ("Tổng số nhiệm vụ được giao là 21"), the noun opening its clause ("người sử dụng 3388"),
    the noun of the count before it ("356 vụ (766/1122)", "50.000.000 đồng ... và 140.000.000"), or đồng for
    an amount after a money word ("mức hỗ trợ ... 140.000.000"); the value of an index named since the count before
    ("... 32 vị trí ... chỉ số chất lượng nước (WQI) đạt từ 52 đến 94") takes none."""
    r, g = _rules(), _grammar()
    prev_end = 0
    last: _Item | None = None
    last_change: _Item | None = None  # the last signed percentage ("tăng 2,9%") of the text
    before: _Item | None = None
    for it in items:
        if _guessed_noun(it) and g.copula_before.match(text, max(0, it.num_start - 10), it.num_start):
            # "Số vụ tai nạn giao thông là 12 làm chết 5 người", "Tổng số hồ sơ tiếp nhận là 1.250 giải quyết ...": the
            # noun a count word named before "là" is what the number counts, not the verb after it taken for a noun
            named = [m for m in g.count_noun.finditer(text, prev_end, it.num_start)
                     if not g.indefinite_before.match(text, 0, m.start()) and not _opens_year(text, m)]
            if named:
                unit = r.units[" ".join(named[-1].group("u").split()).casefold()]
                it.unit, it.base_unit, it.factor = unit.unit, unit.base_unit, unit.scale
                it.end = it.num_end
        if it.unit is None and it.kind != "multiple":
            unit = None
            for m in g.count_noun.finditer(text, prev_end, it.num_start):
                unit = r.units[" ".join(m.group("u").split()).casefold()]
            if unit is not None:
                it.unit, it.base_unit, it.factor = unit.unit, unit.base_unit, unit.scale
            elif g.named.match(text, max(0, it.num_start - 30), it.num_start):
                pass  # "(Dự án 4)", "Cơ sở cai nghiện số 2": a number naming something counts nothing
            elif _CAPITAL_NEXT.match(text, it.end):
                pass  # "124 Công an xã": a name after the number is what it counts, whatever came before
            elif (label := _label_unit(text, it.num_start)) is not None:
                u = r.units[label.casefold()]
                it.unit, it.base_unit, it.factor = u.unit, u.base_unit, u.scale
            elif g.index_before.search(text, prev_end, it.num_start) or (
                it.kind == "range_high" and before is not None and before.kind == "range_low" and before.unit is None
            ):
                pass  # "chỉ số chất lượng nước (WQI) đạt từ 52 đến 94": an index's value counts no noun
            elif it.kind == "ratio_whole" and before is not None and before.base_unit == r.rank_unit:
                pass  # "(42 HCV, 47 HCB, 57 HCĐ), xếp thứ 2/34 toàn quốc": the ranked field counts no noun before it
            elif last is not None and it.sign_word is None:  # "tăng 61,3 so với": a change, no count
                it.unit, it.base_unit, it.factor = last.unit, last.base_unit, last.factor
            elif it.sign_word is not None and last_change is not None and it.value != it.value.to_integral_value():
                # "tăng 2,9% so với tháng trước, tăng 61,3 so với cùng kỳ": a decimal change among changes in
                # percent that lost its "%" in print is one of them (a whole number may count the noun before)
                it.unit, it.base_unit, it.factor = last_change.unit, last_change.base_unit, last_change.factor
            elif abs(it.value) >= r.money_min and g.money.search(text, max(prev_end, it.num_start - 80), it.num_start):
                u = r.units[r.money_unit.casefold()]
                it.unit, it.base_unit, it.factor = u.unit, u.base_unit, u.scale
        if it.kind != "ratio_part":
            prev_end = it.end
        before = it
        if it.unit is not None and it.unit != "%" and it.base_unit != r.rank_unit:
            last = it
        if it.sign_word is not None and it.unit == "%":
            last_change = it


def _guessed_noun(it: _Item) -> bool:
    """Whether the unit of `it` is an unlisted lower-case word taken for its noun ("12 làm chết"): no scale, rate,
    list or abbreviation, which the grammar reads as written."""
    u = it.unit
    return (u is not None and u == it.base_unit and u[:1].islower() and "/" not in u and "," not in u
            and u.casefold() not in _rules().units and it.kind == "number")


def _join_spelled_ratios(text: str, items: list[_Item]) -> None:
    """A bare count joined to the count after it by "trên (tổng số)", "trong (tổng) số" or a spaced "/" is the
    part of a ratio whose whole that count is: it takes the whole's unit ("25 trên tổng số 30 đơn vị")."""
    for a, b in zip(items, items[1:], strict=False):
        if a.unit is not None or b.unit is None or a.kind != "number" or b.kind != "number" or b.qualifier:
            continue
        if not _grammar().spelled_ratio.fullmatch(text, a.end, b.start) or a.value > b.value:
            continue
        a.unit, a.base_unit, a.factor = b.unit, b.base_unit, b.factor
        a.kind, b.kind = "ratio_part", "ratio_whole"


_PER_AFTER_SCALE = regex.compile(r"/[^\S\n]?(?:0?1[^\S\n])?(?P<per>\p{L}+(?:[^\S\n]+\p{L}+)?)", regex.V0)


def _infer_scaled_units(text: str, items: list[_Item]) -> None:
    """A number with a scale word and no unit ("350 triệu", "12.345 tỷ", "500 nghìn/tháng") takes the noun after
    a count word before it ("Số người ... là 1,2 triệu" → triệu người), else đồng after a money word or for tỷ
    (a report writes "tỷ" alone for tỷ đồng); a rate after it ("/tháng") stays part of the unit."""
    r, g = _rules(), _grammar()
    prev_end = 0
    for it in items:
        words = it.unit.casefold().split() if it.unit and it.base_unit is None else []
        if words and all(w in r.scales for w in words):
            lo = max(prev_end, it.num_start - 80)
            noun = None
            for m in g.count_noun.finditer(text, lo, it.num_start):
                noun = r.units[" ".join(m.group("u").split()).casefold()]
            if noun is None and (any(w in r.money_scales for w in words) or g.money.search(text, lo, it.num_start)):
                noun = r.units[r.money_unit.casefold()]
            if noun is not None:
                it.unit, it.base_unit, it.factor = f"{it.unit} {noun.unit}", noun.base_unit, it.factor * noun.scale
                per = _PER_AFTER_SCALE.match(text, it.end)
                if per and " ".join(per.group("per").split()).casefold() in {p.casefold() for p in r.per_units}:
                    word = " ".join(per.group("per").split())
                    it.unit, it.base_unit, it.end = f"{it.unit}/{word}", f"{it.base_unit}/{word}", per.end()
        if it.kind != "ratio_part":
            prev_end = it.end


def _slash_kind(text: str, cs: int, parts: list[str], last_date_end: int) -> str:
    """'ratio', or the exclusion id of a d/m date or an impossible pair for an a/b cluster."""
    g = _grammar()
    if not (parts[0].isdigit() and parts[1].isdigit()):
        return "ratio"  # dotted or decimal parts: only a ratio can be written so (parse checks the rest)
    a, b = int(parts[0]), int(parts[1])
    day_month = len(parts[0]) <= 2 and len(parts[1]) <= 2 and 1 <= a <= 31 and 1 <= b <= 12
    if day_month:
        if a > b:  # a part never exceeds its whole, so 30/4 is a day
            return "day_month"
        if g.date_cue.match(text, max(0, cs - 20), cs):
            return "day_month"
        if last_date_end >= 0 and g.date_chain.fullmatch(text, last_date_end, cs):
            return "day_month"  # "30/4 - 1/5", "30/4, 1/5"
    if a > b:
        return "slash_pair"
    return "ratio"


def _join_ranges(text: str, items: list[_Item]) -> None:
    """'13,18% - 14,29%', '25-30 phiếu/ngày', 'từ 5 đến 7 ngày': two numbers that are the ends of a range."""
    g = _grammar()
    for a, b in zip(items, items[1:], strict=False):
        # "từ 90 đến dưới 100 điểm": an upper bound word after the joiner still closes the range
        b_from = b.start
        if b.qualifier in ("<", "<=") and b.qualifier_span and a.range_start is not None:
            b_from = b.qualifier_span[0]
        elif b.qualifier:
            continue
        if a.kind != "number" or b.kind != "number" or (a.qualifier and not _bounds_range(a, b)):
            continue
        if a.unit is not None and a.unit != b.unit and not _shares_scale(a, b):
            continue
        if b.minus:  # "13,18% -14,29%": the dash read as a minus is the joiner
            dashed = not text[a.end : b.start].strip()
        else:
            dashed = b_from == b.start and bool(g.dash_joiner.fullmatch(text, a.end, b.start))
        worded = a.range_start is not None and bool(g.word_joiner.fullmatch(text, a.end, b_from))
        if not (dashed or worded):
            continue
        if b.minus:
            b.minus, b.start = False, b.num_start
        if a.unit is None or _shares_scale(a, b):
            a.unit, a.base_unit, a.factor = b.unit, b.base_unit, b.factor
        a.kind = a.qualifier = "range_low"
        b.kind = b.qualifier = "range_high"
        a.qualifier_span = b.qualifier_span = a.range_start
        if a.sign_word and not b.sign_word:
            b.sign_word = a.sign_word


_SPACES = regex.compile(rf"{_WS}+")


def _share_sign(text: str, items: list[_Item]) -> None:
    """ "tăng 6 vụ và 34,2 ha so với cùng kỳ": a signed number joined to a bare number of another unit, the base of
    the comparison right after the second (numbers.yaml sign_shared_joiners, sign_shared_base): one change over two
    measures, the second carries the sign."""
    g = _grammar()
    for a, b in zip(items, items[1:], strict=False):
        if not a.sign_word or b.sign_word or b.qualifier or b.minus or a.kind != "number" or b.kind != "number":
            continue
        if a.unit is None or b.unit is None or a.unit == b.unit or b.start != b.num_start:
            continue
        if g.sign_joiner.fullmatch(text, a.end, b.start) and g.sign_base.match(text, b.end):
            b.sign_word = a.sign_word




def _join_compound_amounts(text: str, items: list[_Item]) -> None:
    """"1 tỷ 200 triệu đồng", "2 triệu 500 nghìn đồng/người/tháng": a whole number of one scale word followed by
    fewer than a unit of it in a smaller scale word is one amount, written in the larger scale (1,200 tỷ đồng)."""
    r = _rules()
    i = 0
    while i + 1 < len(items):
        a, b = items[i], items[i + 1]
        if _compound_tail(text, a, b):
            f_a, f_b = a.factor, r.scales[b.unit.split()[0].casefold()][1]
            a.value += b.value * f_b / f_a
            a.decimals = len(str(int(f_a / f_b))) - 1
            a.unit = a.unit + b.unit[len(b.unit.split()[0]) :]
            a.base_unit, a.factor = b.base_unit, f_a * b.factor / f_b
            a.end, a.num_end = b.end, b.num_end
            del items[i + 1]
        i += 1


def _compound_tail(text: str, a: _Item, b: _Item) -> bool:
    """Whether `b` continues the amount `a` in a smaller scale word: a whole count of scale words ("1 tỷ"),
    a space, then a whole number below the ratio of the two scales with its own scale word ("200 triệu ...")."""
    r = _rules()
    if a.kind != "number" or b.kind != "number" or a.base_unit is not None or a.unit is None:
        return False
    if any(w not in r.scales for w in a.unit.casefold().split()):
        return False  # "1 tỷ", "3 nghìn tỷ": scale words only
    if b.unit is None or b.unit.split()[0].casefold() not in r.scales:
        return False
    if b.qualifier or b.sign_word or b.minus or b.start != b.num_start or not _SPACES.fullmatch(text, a.end, b.start):
        return False
    f_b = r.scales[b.unit.split()[0].casefold()][1]
    whole = a.value == a.value.to_integral_value() and b.value == b.value.to_integral_value()
    return whole and f_b < a.factor and 0 < b.value < a.factor / f_b


def _shares_scale(a: _Item, b: _Item) -> bool:
    """ "từ 1 tỷ đến 2 tỷ đồng", "3 triệu - 5 triệu đồng/người": the low end wrote the scale word only, the high end
    the scale and its unit: the unit is written once for both."""
    return a.base_unit is None and a.unit is not None and b.unit is not None and b.unit.startswith(f"{a.unit} ")


def _bounds_range(a: _Item, b: _Item) -> bool:
    """ "khoảng 40-50%", "gần 3 - 5 ngày": an approximation before the low end speaks of the whole range."""
    return a.qualifier == "~" and b.qualifier is None


def _freeze(it: _Item, text: str) -> Mention:
    value = it.value
    negative = it.minus or is_decrease(it.sign_word)
    if negative and value > 0:
        value = -value
    return Mention(
        start=it.start,
        end=it.end,
        raw=text[it.start : it.end],
        num_start=it.num_start,
        num_end=it.num_end,
        value=value,
        decimals=it.decimals,
        unit=it.unit,
        base_value=value * it.factor,
        base_unit=it.base_unit,
        qualifier=it.qualifier,
        kind=it.kind,
        sign_word=it.sign_word,
        qualifier_span=it.qualifier_span,
    )


def find_numbers(text: str) -> list[Mention]:
    """Every figure-number in text, in order, with exclusions (dates, codes, names, list numbers) removed."""
    return list(_numbers(text))


@lru_cache(maxsize=4096)
def _numbers(text: str) -> tuple[Mention, ...]:
    """find_numbers, remembered: a table repeats its cell texts, and its cells are read by more than one pass."""
    if _grammar().cluster.search(text) is None:
        return ()  # every figure-number is a cluster: no exclusion or identifier pass can add one
    return tuple(_analyse(text, every_span=False)[0])


def forget() -> None:
    """Empty find_numbers' memory: called per document, so each document pays for its own text (a batch of
    copies of one file would otherwise time the memory, not the grammar)."""
    _numbers.cache_clear()


def figure_reach(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of `text` that hold every figure-number `find_numbers` finds in it: each digit cluster from the
    character before it (a minus sign may open the figure) to the end of its scale words and unit (`_suffix`,
    as `_analyse` reads them), whatever the exclusions and identifier phrases would drop. Found without those
    passes, for a caller that only needs to know which words no figure can cover; yielded in text order (by
    start), so a caller can stop reading once it knows enough. Stretches only spaces part are one: an amount
    in two scale words ("1 tỷ 200 triệu đồng", `_join_compound_amounts`) is one figure."""
    held: tuple[int, int] | None = None
    for cm in _grammar().cluster.finditer(text):
        start, end = max(cm.start() - 1, 0), _suffix(text, cm.end())[0]
        if held is not None and start >= held[1] and _SPACES.fullmatch(text, held[1], cm.start()):
            held = (held[0], end)
            continue
        if held is not None:
            yield held
        held = (start, end)
    if held is not None:
        yield held


def excluded_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans of text that are not figures, each with the id of the rule that excludes it (sorted)."""
    return _analyse(text)[1]


def is_decrease(sign_word: str | None) -> bool:
    """Whether a Mention.sign_word is a decrease word (giảm, sụt giảm ...)."""
    if sign_word is None:
        return False
    r = _rules()
    w = sign_word.casefold()
    return w in r.decrease or (r.comparatives.get(w) or r.graded.get(w)) == "decrease"


def is_comparison(sign_word: str | None) -> bool:
    """Whether a Mention.sign_word is a comparative stating a difference ("thấp hơn chỉ tiêu 3,7 điểm phần trăm")."""
    return sign_word is not None and (sign_word.casefold() in _rules().comparatives
                                      or sign_word.casefold() in _rules().graded)


def is_graded(sign_word: str | None) -> bool:
    """Whether a Mention.sign_word is a comparative against a graded level ("trên báo động 3 là 0,62 m")."""
    return sign_word is not None and sign_word.casefold() in _rules().graded


# load and compile at import: a malformed rule file fails here, and the first call pays nothing
_grammar()
_exclusion_words()
_exclusion_vocabulary()

__all__ = ["Mention", "find_numbers", "parse_number", "format_number", "excluded_spans", "is_decrease", "figure_reach"]
