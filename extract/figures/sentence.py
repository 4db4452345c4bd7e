"""One sentence analysed for the figure stage: parenthesis groups, indicator aliases, subject breaks, the
numbers it holds and clause boundaries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from extract.figures.rules import rules
from extract.language.literals import may_hold
from extract.language.numbers import Mention, find_numbers

_PAREN = regex.compile(r"[()]")


def _paren_groups(s: str) -> list[int]:
    """For each character, the position of the innermost open parenthesis enclosing it (-1 at top level); an
    opening parenthesis belongs to the group around it, a closing one to the group it returns to."""
    out: list[int] = []
    stack: list[int] = []
    top, done = -1, 0
    for m in _PAREN.finditer(s):  # the characters between two parentheses share one group: filled at once
        i = m.start()
        out.extend([top] * (i - done))
        if s[i] == "(":
            out.append(top)
            stack.append(i)
        else:
            if stack:
                stack.pop()
            out.append(stack[-1] if stack else -1)
        top, done = (stack[-1] if stack else -1), i + 1
    out.extend([top] * (len(s) - done))
    return out


@dataclass
class Sentence:
    text: str
    groups: list[int]
    aliases: list  # (start, end, indicator_id, text)
    breaks: list  # (start, end) of hard subject breaks
    mentions: list
    # what the rules work out once per number of this sentence and read again (key -> (mention, result)): the
    # sentence's own, so nothing is kept across sentences or documents
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def remembered(self, key: str, m: Mention, work):
        """`work(self, m)`, worked out once per (key, mention) of this sentence: the mention object is kept with
        the result, so a mention made after another is gone is never taken for it."""
        hit = self.memo.get((key, id(m)))
        if hit is not None and hit[0] is m:
            return hit[1]
        out = work(self, m)
        self.memo[(key, id(m))] = (m, out)
        return out

    def group(self, pos: int) -> int:
        return self.groups[pos] if 0 <= pos < len(self.groups) else -1

    def close_of(self, group: int) -> int:
        """Index of the parenthesis closing `group` (or the sentence end)."""
        depth = 0
        if group >= 0:  # only the parentheses count: found by the pattern instead of a loop over every character
            for m in _PAREN.finditer(self.text, group):
                if m.group() == "(":
                    depth += 1
                else:
                    depth -= 1
                    if depth == 0:
                        return m.start()
            return len(self.text)
        for i in range(group, len(self.text)):
            if self.text[i] == "(":
                depth += 1
            elif self.text[i] == ")":
                depth -= 1
                if depth == 0:
                    return i
        return len(self.text)


@dataclass(frozen=True)
class Resolved:
    mention: Mention
    indicator: str | None
    subject: str | None
    role: str


@cache
def _alias_starts() -> re.Pattern | None:
    """The first words of the indicator aliases (case-folded), where a match of `rules().alias` can start.

    The alias pattern is one alternation of ~200 names tried at every position of every sentence (~7 ms a
    document); looking for the ~70 first words with the standard library's literal search and trying the
    pattern only where one starts finds the same matches in a third of the time (tests/test_figures_sentence.py).
    """
    word = regex.compile(r"\w+")
    firsts = set()
    for name in rules().alias_ids:
        m = word.match(name)
        if m is None:  # an alias opening with punctuation: no first word to look for
            return None
        firsts.add(m.group().casefold())
    # longest first, then in alphabetical order: the same pattern text in every process (the hash seed orders a
    # set), so the compiled pattern is found in the pattern cache (extract/pattern_cache.py)
    return re.compile("|".join(re.escape(w) for w in sorted(firsts, key=lambda w: (-len(w), w))))


def _aliases(text: str) -> list:
    """`rules().alias.finditer(text)`, trying the pattern only where an alias's first word occurs.

    An alias match starts a word and its first word is all word characters, so a first-word occurrence that
    is no match covers no other match's start; text whose case folding changes its length (ß, ﬁ) is left to
    the pattern alone, so positions in the folded text are positions in the text.
    """
    alias, starts = rules().alias, _alias_starts()
    low = text.casefold()
    if starts is None or len(low) != len(text):
        return list(alias.finditer(text))
    # where "ı" is, the pattern's caseless match (ı = i) and case folding disagree: every alias is tried there
    by_first = _aliases_by_first() if "ı" not in low else {}
    out, pos = [], 0
    for c in starts.finditer(low):
        if c.start() < pos:
            continue
        if by_first:
            group = by_first.get(_WORD.match(low, c.start()).group())
            m = group.match(text, c.start()) if group is not None else None
        else:
            m = alias.match(text, c.start())
        if m:
            out.append(m)
            pos = m.end()
    return out


_WORD = regex.compile(r"\w+")


@cache
def _aliases_by_first() -> dict[str, regex.Pattern]:
    """First word of an alias (case-folded) -> `rules().alias` of the aliases opening with it, in its order.

    An alias match ends its first word where the text's word ends (the next character of the alias is no word
    character, or the pattern's closing (?!\\w)), so at a position only the aliases whose first word is the
    text's whole word there can match, and the first of them in the pattern's order is the pattern's match:
    trying those few instead of all ~200 names finds the same match (tests/test_figures_sentence.py)."""
    alias = rules().alias
    names = alias.pattern[len("(?<!\\w)(?:") : -len(")(?!\\w)")].split("|")
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(_WORD.match(regex.sub(r"\\(.)", r"\1", name)).group().casefold(), []).append(name)
    return {w: regex.compile(r"(?<!\w)(?:" + "|".join(g) + r")(?!\w)", alias.flags) for w, g in groups.items()}


def warm() -> None:
    """Compile the alias groups of `_aliases` now: a worker's warm-up calls this, so the ~70 patterns (~37 ms of
    compiling) are among the start-up patterns the pattern cache keeps on disk (extract/pattern_cache.py)."""
    if _alias_starts() is not None:
        _aliases_by_first()


def first_alias(text: str):
    """`rules().alias.search(text)`: the first match `_aliases` finds (None for none)."""
    found = _aliases(text)
    return found[0] if found else None


def analyse(text: str, attribution: bool = True) -> Sentence:
    """The sentence's parentheses and numbers; with `attribution`, also its indicator aliases and subject breaks."""
    if not attribution:
        return Sentence(text, _paren_groups(text) if "(" in text else [], [], [], find_numbers(text))
    r = rules()
    found = _aliases(text)
    blocked = [(b.start(), b.end()) for b in r.blockers.finditer(text)] if found else []  # read only with aliases
    aliases = [
        (m.start(), m.end(), r.alias_ids[m.group().lower()], m.group())
        for m in found
        if not any(m.start() < b1 and b0 < m.end() for b0, b1 in blocked)
    ]
    breaks = [(m.start(), m.end()) for m in r.breaks.finditer(text)] if may_hold(r.breaks, text) else []
    return Sentence(text, _paren_groups(text) if "(" in text else [], aliases, breaks, find_numbers(text))


def clause_start(s: str, pos: int, floor: int) -> int:
    """Start of the clause holding `pos` (after a comma, semicolon, parenthesis or "và"), not before `floor`."""
    return _clause_start(s, pos, floor)


@lru_cache(maxsize=4096)
def _clause_start(s: str, pos: int, floor: int) -> int:
    """clause_start, remembered: the attribution rules ask it ~3 times for each number (emptied per document)."""
    floor = max(floor, 0)
    last = rules().boundary_last.search(s, floor, pos)  # read backwards from `pos`, not every boundary from `floor`
    return last.end() if last else floor


def forget() -> None:
    """Empty clause_start's memory (called per document, as numbers.forget)."""
    _clause_start.cache_clear()
