"""Vietnamese words live in rules/*.yaml, not in extract/'s code (STYLE.md: "no Vietnamese words inside extract/
code"). A word written in a string literal of extract/ fails; STILL_IN_CODE can list a module's words while they
wait to be moved (empty since session 13), and a listed word no longer there fails too (take it off the list)."""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
# a vowel with a Vietnamese tone or shape mark: what makes a run of letters a Vietnamese word ("đ" alone, as in
# the list marks "[a-zđ]", is a letter, not a word)
_MARKED = regex.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", regex.I)
_ESCAPE = regex.compile(r"\\[A-Za-z]")  # \b, \s ... of a pattern: not letters of a word
_CASE_CLASS = regex.compile(r"\[(\p{L})\p{L}{0,3}\]")  # "[Tt]ổng" is "Tổng"

# words still in code, per module, to be moved to rules/*.yaml (none left)
STILL_IN_CODE: dict[str, set[str]] = {}


def words_in_literals(path: Path) -> set[str]:
    """The Vietnamese words of a module's string literals, docstrings left out."""
    words = set()
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type != tokenize.STRING or tok.string.lstrip("rbfuRBFU").startswith(('"""', "'''")):
            continue
        text = _CASE_CLASS.sub(r"\1", _ESCAPE.sub(" ", tok.string))
        words |= {w.casefold() for w in regex.findall(r"\p{L}+", text) if len(w) > 1 and _MARKED.search(w)}
    return words


def test_words_in_literals_finds_words_not_pattern_syntax(tmp_path):
    src = tmp_path / "m.py"
    src.write_text('"""Docstring: năm."""\nA = r"\\btừ\\s+(?:[Tt]ổng)"\nB = "[a-zđ]"\nC = f"{x} của {y}"\n', encoding="utf-8")
    assert words_in_literals(src) == {"từ", "tổng", "của"}


def test_no_new_vietnamese_words_in_extract_code():
    found = {
        str(p.relative_to(ROOT)): words
        for p in sorted((ROOT / "extract").rglob("*.py"))
        if (words := words_in_literals(p))
    }
    new = {m: sorted(w - STILL_IN_CODE.get(m, set())) for m, w in found.items() if w - STILL_IN_CODE.get(m, set())}
    assert not new, f"Vietnamese words written in code (put them in rules/*.yaml): {new}"
    gone = {m: sorted(w - found.get(m, set())) for m, w in STILL_IN_CODE.items() if w - found.get(m, set())}
    assert not gone, f"moved to the rules: take them off STILL_IN_CODE: {gone}"
