"""Text normalisation shared by every reader: NFC, whitespace folding, PDF line-break artefacts."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import regex

from extract import catalog

_SPACE = regex.compile(r"[\s\u00a0\u200b\u2009\u202f\ufeff]+")
# where str.split() and _SPACE disagree: zero-width space and BOM are no str whitespace, U+001C-U+001F no
# regex whitespace; a text without them is folded by str.split(), which gives the same text 3x faster
_SPLIT_DIFFERS = "\u200b\ufeff\x1c\x1d\x1e\x1f"  # tested by substring: 4x faster than a regex class scan


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """NFC and collapse every run of whitespace (including NBSP, zero-width) into one space (remembered: the
    figure stage folds one table cell or phrase ~3 times; emptied per document by `forget`)."""
    text = nfc(text)
    if any(map(text.__contains__, _SPLIT_DIFFERS)):
        return _SPACE.sub(" ", text).strip()
    return " ".join(text.split())


def forget() -> None:
    """Empty fold's memory: called per document, so each document pays for its own text (as numbers.forget)."""
    fold.cache_clear()
    caseless_once.cache_clear()


# `regex` ignores case by Unicode case folding, and also takes I and ı, İ and i for one letter
_CASELESS_FIX = str.maketrans({"ı": "i", "\u0307": None})


def caseless(text: str) -> str:
    """`text` case-folded, ı as i and without the combining dot above (İ folds to i + U+0307): when a pattern
    with IGNORECASE matches a literal word in a text, `caseless(word)` is a substring of `caseless(text)`, so a
    caller can skip the pattern when it is not (checked over every cased character, tests/test_text.py)."""
    out = text.casefold()
    return out.translate(_CASELESS_FIX) if "ı" in out or "\u0307" in out else out


# a sentence's case fold costs ~10 µs (str.casefold of non-ASCII text); the guards of literals.may_hold ask it of
# the same sentence once per figure (emptied per document by `forget`)
@lru_cache(maxsize=1024)
def caseless_once(text: str) -> str:
    """`caseless(text)`, remembered."""
    return caseless(text)


def clean_pdf_text(text: str) -> str:
    return nfc(text.replace("\ufffe", "").replace("\r", ""))  # str.translate with a table is slower


# OCR splits a year at a narrow "1": "giai đoạn 201 1-2015" is "2011-2015" (the dash and a second year after
# the lone digit make it a range of years, never two numbers)
_SPLIT_YEAR = regex.compile(r"(?<![\p{N}.,/])((?:19|20)[0-9]) ([0-9])(?=[^\S\n]*[-–][^\S\n]*(?:19|20)[0-9]{2}(?![\p{N}]))")


def repair_ocr_digits(text: str) -> str:
    """OCR text with the digit groups tesseract splits joined again (a year of a range: "201 1-2015")."""
    return _SPLIT_YEAR.sub(r"\1\2", text)


@cache
def _ocr_fixes() -> tuple[tuple[regex.Pattern, str], ...]:
    out = []
    for i, e in enumerate(catalog.load("ocr")["fixes"]):
        if set(e) != {"wrong", "right"}:
            raise catalog.RuleError(f"ocr.yaml fixes[{i}]: keys must be wrong, right")
        out.append((regex.compile(rf"(?<!\p{{L}}){e['wrong']}(?!\p{{L}})"), e["right"]))
    return tuple(out)


def repair_ocr_text(text: str) -> str:
    """OCR text with its split years joined and the syllables OCR misreads put right (rules/ocr.yaml)."""
    text = repair_ocr_digits(text)
    for rx, right in _ocr_fixes():
        text = rx.sub(right, text)
    return text


# the Combining Diacritical Marks block (all of category Mn): the marks of Vietnamese text once decomposed
_COMBINING = re.compile("[\u0300-\u036f]+")


class _Marks(dict):
    """str.translate table: a combining mark (Unicode category Mn) -> None (dropped), any other character ->
    itself, each character's category looked up once, when first met."""

    def __missing__(self, code: int) -> int | None:
        out = self[code] = None if unicodedata.category(chr(code)) == "Mn" else code
        return out


_MARKS = _Marks()


def strip_accents(text: str) -> str:
    """Lower-case ASCII skeleton of Vietnamese text (đ -> d), for tolerant header matching."""
    # the marks of the diacritics block go in one pass (a loop over the characters cost ~2% of the extraction:
    # task tables' header keys, table cells' column kinds); what is left outside ASCII is looked at by category
    out = _COMBINING.sub("", unicodedata.normalize("NFD", text.lower().replace("đ", "d")))
    return out if out.isascii() else out.translate(_MARKS)
