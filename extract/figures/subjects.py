"""Subjects for real genres: the noun phrase that names what a number measures.

A count's subject is its counted noun with the words that qualify it (after the number) and the verb phrase
of its clause (before it): "đã tổ chức kiểm tra 42/139 cơ quan, đơn vị" -> "tổ chức kiểm tra cơ quan, đơn
vị". Items of a "trong đó" list carry the total's subject ("5.664 cán bộ, ..., trong đó: đào tạo sau đại học
3.300 người"). Time adverbials, clause openers and other numbers are never part of it.
"""

from __future__ import annotations

import regex

from extract.figures.rules import rules
from extract.figures.sentence import Sentence
from extract.language.numbers import Mention
from extract.language.periods import find_periods
from extract.language.subjects import content_words, openers
from extract.language.text import fold

_CLAUSE = regex.compile(r"[;(),:]")
_AFTER_BREAK = regex.compile(r"[;()]|,")
_MAX_AFTER = 10
_MAX_BEFORE = 8


def _clean(text: str) -> str:
    for rx in openers():
        text = rx.sub(" ", text)
    return " ".join(text.split())


def _mask(sent: Sentence, lo: int, hi: int, m: Mention) -> str:
    """Text of [lo, hi) with other numbers and period mentions blanked out."""
    chars = list(sent.text[lo:hi])
    for o in sent.mentions:
        if o is not m:
            for i in range(max(o.start, lo), min(o.end, hi)):
                chars[i - lo] = " "
    for pm in find_periods(sent.text[lo:hi]):
        for i in range(pm.start, pm.end):
            chars[i] = " "
    return "".join(chars)


def _after(sent: Sentence, m: Mention) -> str:
    """The counted noun's qualifiers after the number, up to the clause end, a cue word or the next number."""
    s = sent.text
    nxt = min((o.start for o in sent.mentions if o.start >= m.end), default=len(s))
    rest = s[m.end : nxt]
    cut = _AFTER_BREAK.search(rest)
    rest = rest[: cut.start()] if cut else rest
    stop = rules().stops.search(rest)
    rest = rest[: stop.start()] if stop else rest
    return " ".join(rest.split()[:_MAX_AFTER])


def _before(sent: Sentence, m: Mention) -> str:
    """The verb phrase of the number's clause before it ("đã tổ chức kiểm tra"), openers dropped."""
    s = sent.text
    start = m.qualifier_span[0] if m.qualifier_span else m.start
    lo = max((c.end() for c in _CLAUSE.finditer(s, 0, start)), default=0)
    prev_end = max((o.end for o in sent.mentions if o.end <= start), default=0)
    lo = max(lo, prev_end)
    words = _clean(_mask(sent, lo, start, m)).split()
    return " ".join(words[-_MAX_BEFORE:])


def _counted(m: Mention) -> bool:
    return bool(m.base_unit) and m.base_unit != "%" and m.base_unit not in rules().money_units


def noun_phrase(sent: Sentence, m: Mention, subject: str | None, indicator: str | None,
                total: tuple[Mention, str] | None) -> str | None:
    """The subject of `m`; `subject` is the seed rules' (kept for catalogued indicators), `total` the
    (mention, subject) a "trong đó" list hangs from."""
    counted = _counted(m)
    if indicator and not counted and total is None:
        return subject  # a catalogued rate or amount: its alias names it
    if indicator and not counted:
        own = subject
    elif counted:
        own = " ".join(p for p in (_before(sent, m), m.unit or "", _after(sent, m)) if p)
    else:
        own = _clean(subject or "") or _before(sent, m) or None
    if total is not None and own is not None:
        _t, t_subject = total
        unit = m.unit or ""
        item = own.replace(unit, " ") if unit and _counted(m) else own
        own = f"{t_subject} {' '.join(item.split())}".strip()
    return fold(own).strip(" .,;:-–") or None if own else subject


def is_weak(subject: str | None) -> bool:
    """A subject that names nothing: no content word but one ("so", "Từ", "tăng", "Đối")."""
    return len(content_words(subject)) <= 1


def list_total(sent: Sentence, m: Mention, done: list) -> tuple[Mention, str] | None:
    """The figure a "trong đó"/"gồm" list holding `m` hangs from: the last one before the list's opener."""
    opens = [b for b in sent.breaks if b[1] <= m.start and sent.text[b[0]] != ";"]
    if not opens:
        return None
    b0 = opens[-1][0]
    heads = [(o, subj) for o, subj in done if o.end <= b0 and subj]
    return heads[-1] if heads else None
