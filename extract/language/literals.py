"""Required words of a rule pattern: literal text any match needs somewhere in the searched text.

A rule pattern is tried by `regex` at every position of a text; when the text lacks a word every match of
the pattern needs (compared caseless, `text.caseless`), the search can be skipped. `required` reads a
pattern's source and returns such words, erring only towards fewer: a part that may match nothing adds none.
Hand-written because no kept library exposes this: the standard library's parser (`re._parser`) rejects the
`regex` syntax the rules use (`\\p{L}`, V1 set operations), and `regex`'s own parser is private and unversioned.
"""

from __future__ import annotations

from functools import lru_cache

from extract.language.text import caseless, caseless_once
from extract.pattern_cache import memo

_QUANTIFIER = "?*+{"

# A requirement is a list of clauses; a clause is a set of words at least one of which the text must hold.
Clauses = list[frozenset[str]]


class _Unknown(Exception):
    """A construct the reader does not follow (verbose mode, conditionals, fuzzy matching): no requirement."""


class _Reader:
    __slots__ = ("text", "pos")

    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0

    def peek(self, n: int = 1) -> str:
        return self.text[self.pos : self.pos + n]

    def take(self, n: int = 1) -> str:
        out = self.text[self.pos : self.pos + n]
        if len(out) < n:
            raise _Unknown("pattern ends early")
        self.pos += n
        return out


def required(pattern: str) -> Clauses | None:
    """Clauses of caseless words, each a set one word of which is in every text (caseless) the pattern can
    match in; [] when nothing is required, None when the pattern uses a construct this reader does not follow
    (verbose mode, conditionals, named lists, fuzzy matching, nested classes)."""
    if "(?x" in pattern or "(?(" in pattern or "\\L<" in pattern or "\\Q" in pattern:
        return None
    r = _Reader(pattern)
    try:
        clauses = _alternation(r)
    except _Unknown:
        return None
    return clauses if r.pos == len(pattern) else None


# pattern -> its key words, kept in the pattern cache file (extract/pattern_cache.py) between runs: a worker
# start reads ~80 rule patterns for them (~0.01 s of CPU), the same words each time for the same code and rules
_KEY_WORDS = memo("key_words")


def key_words(pattern: str) -> tuple[str, ...]:
    """The words of the pattern's most telling clause (its longest shortest word), one of which every text it
    matches in holds (caseless); () when the pattern requires no word: test `any(map(folded.__contains__,
    words))` on `caseless(text)` (a generator per clause cost more than the search it saves)."""
    words = _KEY_WORDS.get(pattern)
    if not (isinstance(words, tuple) and all(isinstance(w, str) for w in words)):
        words = _KEY_WORDS[pattern] = _key_words(pattern)
    return words


def may_hold(rx, text: str) -> bool:
    """False when `text` lacks every key word of the compiled pattern `rx` (caseless), so `rx` can match nowhere
    in it (nor in any stretch of it) and the caller skips the search: worth it for a word alternation tried at
    every position of a sentence (~50 µs), asked again of the same text (its case fold is remembered)."""
    words = _pattern_words(rx)
    return not words or any(map(caseless_once(text).__contains__, words))


# compiled pattern -> key_words of its text: a few rule patterns, asked per figure (the text's hash each time cost
# ~4 µs a call)
@lru_cache(maxsize=256)
def _pattern_words(rx) -> tuple[str, ...]:
    return key_words(rx.pattern)


def _key_words(pattern: str) -> tuple[str, ...]:
    clauses = required(pattern)
    if not clauses:
        return ()
    return tuple(sorted(max(clauses, key=lambda c: min(map(len, c)))))


def _alternation(r: _Reader) -> Clauses:
    """Branches up to a closing parenthesis or the end: a clause only when every branch requires a word."""
    branches = [_sequence(r)]
    while r.peek() == "|":
        r.take()
        branches.append(_sequence(r))
    if len(branches) == 1:
        return branches[0]
    if not all(branches):
        return []
    # a match takes one branch: one clause of each (its most telling: longest shortest word), merged
    picked = [max(b, key=lambda c: min(map(len, c))) for b in branches]
    return [frozenset().union(*picked)]


def _sequence(r: _Reader) -> Clauses:
    clauses: Clauses = []
    run: list[str] = []

    def flush() -> None:
        word = caseless("".join(run)).strip()
        if word:
            clauses.append(frozenset([word]))
        run.clear()

    def literal(ch: str) -> None:
        if r.peek() and r.peek() in _QUANTIFIER:
            flush()  # the run before the character stands; the character itself may repeat or be absent
            if not _optional(r):
                run.append(ch)
                flush()
        else:
            run.append(ch)

    while r.pos < len(r.text) and r.peek() not in "|)":
        ch = r.peek()
        if ch == "(":
            flush()
            inner = _group(r)
            if not _optional(r):
                clauses.extend(inner)
        elif ch == "[":
            flush()
            chars = _class(r)
            if not _optional(r) and chars:
                clauses.append(chars)  # a class of plain characters: one of them ("[*×]", "[“‘«]")
        elif ch == "\\" and r.peek(2)[1:] and not r.peek(2)[1].isalnum():
            r.take()  # an escaped punctuation mark ("\\(", "\\."): the character itself
            ch = r.take()
            literal(ch)
        elif ch in "\\^$.":
            flush()
            if ch == "\\":
                _skip_escape(r)
            else:
                r.take()
            _optional(r)
        elif ch in _QUANTIFIER:
            raise _Unknown(f"quantifier without an item at {r.pos}")
        else:
            r.take()
            literal(ch)
    flush()
    return clauses


def _group(r: _Reader) -> Clauses:
    """A parenthesised group's clauses: none for a negative lookaround or a flag setting."""
    r.take()  # (
    negative = False
    if r.peek() == "?":
        r.take()
        kind = r.peek()
        if kind and kind in ":>|=":
            r.take()
        elif kind == "!":
            r.take()
            negative = True
        elif r.peek(2) in ("<=", "<!"):
            negative = r.take(2) == "<!"
        elif kind in ("P", "<", "'"):
            if kind == "P":
                r.take()
                if r.peek() != "<":
                    raise _Unknown("named reference or call")
            close = ">" if r.peek() == "<" else "'"
            end = r.text.find(close, r.pos + 1)
            if end < 0:
                raise _Unknown("unclosed group name")
            r.pos = end + 1
        else:
            # inline flags: "(?i)", "(?m)", "(?-i:...)"; a scoped group reads on, a global setting ends here
            j = r.pos
            while j < len(r.text) and (r.text[j].isalpha() or r.text[j] == "-"):
                j += 1
            flags = r.text[r.pos : j]
            if not flags or "x" in flags or j >= len(r.text) or r.text[j] not in ":)":
                raise _Unknown(f"group kind at {r.pos}")
            r.pos = j + 1
            if r.text[j] == ")":
                return []
    inner = _alternation(r)
    if r.take() != ")":
        raise _Unknown("unclosed group")
    return [] if negative else inner


def _optional(r: _Reader) -> bool:
    """Read the quantifier after an item, if any: True when it lets the item match nothing."""
    ch = r.peek()
    if not ch or ch not in _QUANTIFIER:
        return False
    if ch == "{":
        end = r.text.find("}", r.pos)
        body = r.text[r.pos + 1 : end] if end > 0 else ""
        lo, _, hi = body.partition(",")
        if not body or not (lo.isdigit() or not lo) or not (hi.isdigit() or not hi):
            raise _Unknown(f"brace at {r.pos}")  # fuzzy matching "{e<=1}" and the like
        r.pos = end + 1
        may_skip = lo in ("", "0") or (lo.isdigit() and int(lo) == 0)
    else:
        r.take()
        may_skip = ch in "?*"
    if r.peek() and r.peek() in "?+":
        r.take()  # lazy or possessive
    return may_skip


def _skip_escape(r: _Reader) -> None:
    r.take()  # backslash
    ch = r.take()
    if ch in "pPNx" and r.peek() == "{":
        end = r.text.find("}", r.pos)
        if end < 0:
            raise _Unknown("unclosed escape")
        r.pos = end + 1
    elif ch in "pP":
        r.take()
    elif ch == "x":
        r.take(2)
    elif ch in "uU":
        r.take(4 if ch == "u" else 8)
    elif ch == "g":
        raise _Unknown("group reference")
    elif ch.isdigit():
        while r.peek().isdigit():
            r.take()


def _class(r: _Reader) -> frozenset[str] | None:
    """Read a character class; its characters (caseless) when it lists plain characters only, else None
    (a negated class, ranges, escapes)."""
    start = r.take()  # [
    plain = True
    if r.peek() == "^":
        r.take()
        plain = False
    if r.peek() == "]":
        r.take()
    while True:
        ch = r.take()
        if ch == "\\":
            r.pos -= 1
            _skip_escape(r)
            plain = False
        elif ch == "[":
            raise _Unknown("nested class or set operation")
        elif ch == "]":
            break
        elif ch == "-":
            plain = False
    body = r.text[r.text.rindex(start, 0, r.pos - 1) + 1 : r.pos - 1]
    if not plain or not body:
        return None
    return frozenset(caseless(c) for c in body)
