"""Subjects: the normalised key that groups one subject across documents and periods, and its content words.

A key keeps the accents (của ≠ cua) but folds case and spacing and drops the function words of
rules/subjects.yaml, so "Tỷ lệ hồ sơ được giải quyết đúng hạn" and "tỷ lệ hồ sơ giải quyết đúng hạn" share one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extract.catalog import RuleError, load
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
    stop = function_words()
    return [w for w in (m.group().casefold() for m in _WORD.finditer(nfc(text))) if w not in stop]


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


@dataclass(frozen=True)
class PhraseWords:
    """The word lists of rules/subjects.yaml `phrase`, compiled: see the comments there."""

    predicates: regex.Pattern  # searched
    aspect: regex.Pattern  # searched
    copula: regex.Pattern  # matched at the end of a text
    lead_in: regex.Pattern  # matched at the end of a text (repeatedly)
    restate: regex.Pattern  # full match of a text
    lead_openers: regex.Pattern  # matched at the start of a text
    topic: regex.Pattern  # matched at the start of a sentence; group "t" is the topic
    share: str


_PHRASE_KEYS = {"predicates", "compounds", "aspect", "copula", "lead_in", "restate", "share", "lead_openers", "topic"}


def _alternation(words, key: str) -> str:
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise RuleError(f"subjects.yaml phrase.{key}: expected a list of words")
    alts = sorted({" ".join(w.split()) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(regex.escape(p) for p in a.split()) for a in alts) + ")"


@cache
def phrase_words() -> PhraseWords:
    function_words()
    data = load("subjects")["phrase"]
    if not isinstance(data, dict) or set(data) != _PHRASE_KEYS:
        raise RuleError(f"subjects.yaml phrase: expected the keys {', '.join(sorted(_PHRASE_KEYS))}")
    if not isinstance(data["share"], str) or not data["share"].strip():
        raise RuleError("subjects.yaml phrase.share: expected a word")
    alt = {k: _alternation(data[k], k) for k in _PHRASE_KEYS - {"share"}}
    not_compound = "(?!" + alt["compounds"] + r"(?![\p{L}\p{N}_]))"
    flags = regex.IGNORECASE
    word = r"(?<![\p{L}\p{N}_])%s(?![\p{L}\p{N}_])"
    return PhraseWords(
        predicates=regex.compile(not_compound + word % alt["predicates"], flags),
        aspect=regex.compile(word % alt["aspect"], flags),
        copula=regex.compile(word % alt["copula"] + r"[\s:]*$", flags),
        lead_in=regex.compile(word % alt["lead_in"] + r"[\s:]*$", flags),
        # numbers of a comparison base ("so với cùng kỳ năm 2024") may stand between the words
        restate=regex.compile(
            r"[\s(),:;–-]*(?:(?:" + word % alt["restate"] + r"|\d[\d/.,]*)[\s(),:;–-]*)*", flags
        ),
        lead_openers=regex.compile(r"^\s*" + word % alt["lead_openers"] + r"[\s,:]*", flags),
        topic=regex.compile(r"^\s*" + word % alt["topic"] + r"\s+(?P<t>[^,:;()]{2,60}?)\s*[,:]", flags),
        share=" ".join(data["share"].split()),
    )


@dataclass(frozen=True)
class ContextWords:
    """The word lists of rules/subjects.yaml `context`, compiled: see the comments there."""

    anaphor: regex.Pattern  # searched: "tiêu chí này"; group "n" is the noun
    clause_link: regex.Pattern  # searched: "thì"
    clause_opener: regex.Pattern  # matched at the start of a text
    existential: regex.Pattern  # searched at the end of a text: "cấp tỉnh có"
    existential_at: regex.Pattern  # searched anywhere
    part_predicate: regex.Pattern  # searched: "đã", "xếp loại" after the noun of a ratio


_CONTEXT_KEYS = {"anaphor_nouns", "demonstratives", "clause_links", "clause_openers", "existential",
                 "part_predicates"}


@cache
def context_words() -> ContextWords:
    function_words()
    data = load("subjects")["context"]
    if not isinstance(data, dict) or set(data) != _CONTEXT_KEYS:
        raise RuleError(f"subjects.yaml context: expected the keys {', '.join(sorted(_CONTEXT_KEYS))}")
    alt = {k: _alternation(data[k], k) for k in _CONTEXT_KEYS}
    word = r"(?<![\p{L}\p{N}_])%s(?![\p{L}\p{N}_])"
    flags = regex.IGNORECASE
    return ContextWords(
        anaphor=regex.compile(
            r"(?<![\p{L}\p{N}_])(?P<n>" + alt["anaphor_nouns"][3:-1] + r")\s+" + alt["demonstratives"]
            + r"(?![\p{L}\p{N}_])", flags),
        clause_link=regex.compile(word % alt["clause_links"], flags),
        clause_opener=regex.compile(r"^[\s,]*(?:" + word % alt["clause_openers"] + r"|$)", flags),
        existential=regex.compile(r"\w\s+" + word % alt["existential"] + r"\s*$", flags),
        existential_at=regex.compile(r"\w\s+" + word % alt["existential"] + r"\s+(?=\d)", flags),
        part_predicate=regex.compile(word % alt["part_predicates"], flags),
    )
