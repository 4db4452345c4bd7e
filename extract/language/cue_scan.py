"""Rule patterns that ask their text for their cue words before they scan it.

A rule pattern built from the words of rules/*.yaml (an alternation of phrases) matches only in a text that
holds one of its key words (`literals.key_words`, compared caseless). Most texts a rule is tried on hold none:
its regex then walks the whole text to find nothing (~70 ns a character a pattern, tried at every position).
`cue_pattern` wraps such a compiled pattern so that every search, match, finditer, findall and sub first looks
for those words in the text's case fold: the fold is worked out once per text and shared by every rule that asks
(`text.caseless_once`, emptied per document), and a word test is a substring search (~50 ns), so a text without
the words costs a few look-ups instead of a scan. The answers are the pattern's own: a text without the words
is one the pattern cannot match in, anywhere in it (tests/test_cue_scan.py).

A combined scan of each text for every rule's words was measured and not taken: one alternation of the ~1,250
key words of the stage's patterns (overlapped, so that no word hides another) costs ~950 µs a sentence and a
substring test of each ~130 µs, against ~1 µs for the few words of the one rule that asks.
"""

from __future__ import annotations

import regex

from extract.language.literals import key_words
from extract.language.text import caseless_once


class CuePattern:
    """A compiled `regex` pattern whose calls are skipped on a text without any of its key words: the same
    results as the pattern's own (None, no match, the text unchanged). Other attributes are the pattern's."""

    __slots__ = ("rx", "words")

    def __init__(self, rx, words: tuple[str, ...]) -> None:
        self.rx, self.words = rx, words

    def __getattr__(self, name: str):
        return getattr(self.rx, name)  # pattern, flags, groupindex, ... and the calls not gated

    def __repr__(self) -> str:
        return f"CuePattern({self.rx!r}, {self.words!r})"

    def search(self, string: str, *args, **kwargs):
        if not any(map(caseless_once(string).__contains__, self.words)):
            return None
        return self.rx.search(string, *args, **kwargs)

    def match(self, string: str, *args, **kwargs):
        if not any(map(caseless_once(string).__contains__, self.words)):
            return None
        return self.rx.match(string, *args, **kwargs)

    def fullmatch(self, string: str, *args, **kwargs):
        if not any(map(caseless_once(string).__contains__, self.words)):
            return None
        return self.rx.fullmatch(string, *args, **kwargs)

    def finditer(self, string: str, *args, **kwargs):
        if not any(map(caseless_once(string).__contains__, self.words)):
            return iter(())
        return self.rx.finditer(string, *args, **kwargs)

    def findall(self, string: str, *args, **kwargs):
        if not any(map(caseless_once(string).__contains__, self.words)):
            return []
        return self.rx.findall(string, *args, **kwargs)

    def sub(self, repl, string: str, *args, **kwargs):
        if not any(map(caseless_once(string).__contains__, self.words)):
            return string
        return self.rx.sub(repl, string, *args, **kwargs)


def cue_pattern(rx):
    """`rx` as a CuePattern when its text requires a word (a rule's phrases), else `rx` itself (a pattern of
    character classes alone, "[0-9]+", has nothing to look for)."""
    words = key_words(rx.pattern)
    return CuePattern(rx, words) if words else rx



def cue_fields(values: dict) -> dict:
    """`values` with each compiled pattern made a `cue_pattern`: the fields of a rule file's word set (a dataclass
    of patterns) before it is built."""
    return {k: cue_pattern(v) if isinstance(v, regex.Pattern) else v for k, v in values.items()}
