"""Sentence boundaries for quoting figures: where a sentence of a paragraph or cell ends.

Hand-written on purpose. spaCy's rule-based sentencizer did this job first, but it cost ~65 MB and ~0.7 s of
start-up in every worker, and ~7 ms a document, for one rule: a sentence ends after a terminal mark at the
end of a word (bench/speed.py; issue 7). It also cut a following "(" into the previous sentence and split
after "TP." and "v.v.". The rule here is that one rule with its words in rules/sentences.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extract.catalog import RuleError, load

_KEYS = {"terminals", "closers", "abbreviations", "ellipses"}


@dataclass(frozen=True)
class _Rules:
    end: regex.Pattern  # a terminal mark (and closers) at the end of a word, before the next word
    abbreviations: frozenset[str]
    ellipsis: regex.Pattern  # an ellipsis (and closers) at the end of a word, before a capitalised word


@cache
def _rules() -> _Rules:
    data = load("sentences")
    if set(data) != _KEYS:
        raise RuleError(f"sentences.yaml: keys must be {sorted(_KEYS)}, found {sorted(data)}")
    for key in _KEYS:
        if not data[key] or not all(isinstance(x, str) and x for x in data[key]):
            raise RuleError(f"sentences.yaml: {key} must be a list of non-empty texts")
    if not all(len(x) == 1 for x in data["terminals"] + data["closers"]):
        raise RuleError("sentences.yaml: terminals and closers are single characters")
    terminals = regex.escape("".join(data["terminals"]))
    closers = regex.escape("".join(data["closers"]))
    # one terminal mark, not an ellipsis ("..." or "…" carries on), then closers, then space and a word
    end = regex.compile(rf"(?<=[^\s.])[{terminals}](?!\.)[{closers}]*(?=\s+\S)")
    return _Rules(end=end, abbreviations=frozenset(a.casefold() for a in data["abbreviations"]),
                  ellipsis=_ellipsis(data["ellipses"], closers))


def _ellipsis(marks: list[str], closers: str) -> regex.Pattern:
    """An ellipsis right after a word (not a digit) and a capital letter after the space: a sentence ends there
    ("... của tỉnh… Số liệu ..."); the terminal rule never ends one at an ellipsis."""
    alt = "|".join(regex.escape(m) for m in sorted(marks, key=len, reverse=True))
    return regex.compile(rf"(?<=\p{{L}})(?:{alt})(?!\.)[{closers}]*(?=\s+[\p{{Pi}}\p{{Ps}}\"']?\p{{Lu}})")


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs covering `text` in order; each sentence without its surrounding space."""
    r = _rules()
    out: list[tuple[int, str]] = []
    start = 0
    for m in sorted([*r.end.finditer(text), *r.ellipsis.finditer(text)], key=lambda m: m.start()):
        word_start = text.rfind(" ", start, m.start()) + 1 or start
        word = text[max(word_start, start) : m.start() + 1]
        bare = word.lstrip("([\"“‘'")
        if bare.casefold() in r.abbreviations or (len(bare) == 2 and bare[0].isalpha()):
            continue
        out.append((start, text[start : m.end()]))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        out.append((start, text[start:].rstrip()))
    return out
