"""Heading levels from numbering ("PHẦN THỨ NHẤT", "A.", "I.", "1.", "1.1.", "a)"), per rules/headings.yaml.

Shared by the PDF reader (every paragraph) and the DOCX reader (Normal-style paragraphs numbered by hand).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extract.catalog import RuleError, load
from extract.language.text import fold

_TOP_KEYS = {"headings", "guards", "item_starts", "dash_continuation", "page_number"}
_HEADING_KEYS = {"id", "level", "pattern"}
_GUARD_KEYS = {"max_chars", "reject_final_period", "sentence_break"}


@dataclass(frozen=True)
class HeadingRules:
    headings: tuple[tuple[str, int, regex.Pattern], ...]
    max_chars: int
    reject_final_period: bool
    sentence_break: regex.Pattern
    item_starts: tuple[regex.Pattern, ...]
    dash_continuation: regex.Pattern
    page_number: regex.Pattern


@cache
def rules() -> HeadingRules:
    data = load("headings")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise RuleError(f"headings.yaml: unknown keys {sorted(unknown)}")
    seen: set[str] = set()
    heads = []
    for h in data["headings"]:
        if set(h) - _HEADING_KEYS or not {"id", "level", "pattern"} <= set(h):
            raise RuleError(f"headings.yaml: heading entry needs exactly id, level, pattern: {h}")
        if h["id"] in seen:
            raise RuleError(f"headings.yaml: duplicate id {h['id']}")
        seen.add(h["id"])
        heads.append((h["id"], int(h["level"]), regex.compile(h["pattern"])))
    guards = data["guards"]
    if set(guards) - _GUARD_KEYS:
        raise RuleError(f"headings.yaml: unknown guard keys {sorted(set(guards) - _GUARD_KEYS)}")
    return HeadingRules(
        headings=tuple(heads),
        max_chars=int(guards["max_chars"]),
        reject_final_period=bool(guards["reject_final_period"]),
        sentence_break=regex.compile(guards["sentence_break"]),
        item_starts=tuple(regex.compile(p) for p in data["item_starts"]),
        dash_continuation=regex.compile(data["dash_continuation"]),
        page_number=regex.compile(data["page_number"]),
    )


def numbering_level(text: str) -> int | None:
    """Level implied by the numbering at the start of `text`, without the title-likeness guards."""
    found = _numbering(text)
    return found[0] if found else None


def _numbering(text: str) -> tuple[int, int] | None:
    """(level, end of the numbering) of the first heading pattern that matches at the start of `text`."""
    for _id, level, pattern in rules().headings:
        m = pattern.match(text)
        if m:
            return level, m.end()
    return None


_FIRST_WORD = regex.compile(r"^\S+\s+")
_MARK = regex.compile(r"^\s*[.:]?\s*")


def heading_level(text: str) -> int | None:
    """1 = part (PHẦN THỨ ..., A.), 2 = Roman I., 3 = 1., 4 = 1.1. / a); None for ordinary paragraphs."""
    text = fold(text)
    found = _numbering(text)
    if found is None:
        return None
    level, end = found
    r = rules()
    if len(text) > r.max_chars:
        return None
    if r.reject_final_period and text.endswith(".") and not text.endswith(".."):
        return None
    # The numbering itself ("1.1.", "A.") ends in a period followed by a capital: look past it.
    body = _FIRST_WORD.sub("", text, count=1)
    if end > len(text) - len(body):
        # a numbering of words ("Phần thứ hai. PHƯƠNG HƯỚNG ...", "Chương II. ..."): look past all of it and its mark
        body = _MARK.sub("", text[end:], count=1)
    if r.sentence_break.search(body):
        return None
    return level


def starts_item(line: str, previous_unfinished: bool) -> bool:
    """Does this PDF line open a new block (a heading number, a bullet) rather than continue a paragraph?"""
    r = rules()
    if previous_unfinished and r.dash_continuation.match(line):
        return False
    if numbering_level(line) is not None:
        return True
    return any(p.match(line) for p in r.item_starts)


def is_page_number(line: str) -> bool:
    return rules().page_number.fullmatch(fold(line)) is not None
