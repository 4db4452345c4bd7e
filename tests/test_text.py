"""Text normalisation (extract/language/text.py): fold's fast path gives what the whitespace pattern gives."""

from __future__ import annotations

import sys

import pytest
import regex

from extract.language.text import _SPACE, caseless, clean_pdf_text, fold, nfc


def _reference(text: str) -> str:
    """fold as it was written before its str.split() fast path: the whitespace pattern, then strip()."""
    return _SPACE.sub(" ", nfc(text)).strip()


# every character either str.split() or the whitespace pattern takes as a separator, and a few that neither does
_SEPARATORS = [ch for ch in map(chr, range(sys.maxunicode + 1)) if ch.isspace() or _SPACE.fullmatch(ch)] + [
    "\u00ad",
    "\u2060",
    "x",
]


@pytest.mark.parametrize("ch", _SEPARATORS, ids=lambda ch: f"U+{ord(ch):04X}")
def test_fold_cuts_where_the_whitespace_pattern_cuts(ch):
    for text in (
        f"Báo{ch}cáo",
        f"{ch}Số liệu{ch}{ch} năm 2025{ch}",
        f"{ch}",
        f"a {ch} b",
        f"{ch}{ch}\u00a0đạt",
    ):
        assert fold(text) == _reference(text)


def test_fold_collapses_runs_and_composes():
    assert fold("  Tỷ lệ\u00a0\u00a0đạt\u200b 95,5%\t\n") == "Tỷ lệ đạt 95,5%"
    assert fold("ke\u0302\u0301 hoa\u0323ch") == "kế hoạch"
    assert fold("\x1cmục\x1ctiêu\x1c") == "mục\x1ctiêu"  # a separator control is no whitespace inside a text


def test_clean_pdf_text_drops_pdfium_break_marks():
    assert clean_pdf_text("giai đoạn 2021-\r\n2025\ufffe") == "giai đoạn 2021-\n2025"


def test_caseless_holds_every_caseless_match_of_a_letter():
    # Latin, Vietnamese, Greek and letter-like symbols (Kelvin K, Ångström Å): for each cased letter, every
    # letter `regex` matches to it ignoring case must give the same caseless text
    letters = [
        chr(i)
        for lo, hi in ((0x41, 0x24F), (0x370, 0x3FF), (0x1E00, 0x1EFF), (0x2100, 0x214F))
        for i in range(lo, hi + 1)
        if chr(i).lower() != chr(i) or chr(i).upper() != chr(i) or chr(i).casefold() != chr(i)
    ]
    pool = "".join(letters)
    for c in letters:
        for m in regex.finditer(regex.escape(c), pool, regex.IGNORECASE | regex.V1, overlapped=True):
            assert caseless(c) == caseless(m.group()), (c, m.group())


def test_caseless_finds_a_word_whatever_its_case():
    text = "KẾT QUẢ THỰC HIỆN ĐỀ ÁN; İstanbul, ISTANBUL, KELVIN \u212a"
    for word in ("kết quả thực hiện", "đề án", "istanbul", "ıstanbul", "kelvin k"):
        assert regex.search(regex.escape(word), text, regex.IGNORECASE)
        assert caseless(word) in caseless(text)
    assert caseless("số liệu") not in caseless("SỐ LIỆT")


def test_fold_remembered_per_document():
    from extract.language import text

    text.forget()
    assert text.fold("  Tổng  số\u00a0hộ \n nghèo ") == "Tổng số hộ nghèo"
    assert text.fold("  Tổng  số\u00a0hộ \n nghèo ") == "Tổng số hộ nghèo"
    assert text.fold.cache_info().hits == 1
    text.forget()
    assert text.fold.cache_info().currsize == 0


def test_strip_accents_drops_every_combining_mark_and_nothing_else():
    import unicodedata

    from extract.language.text import strip_accents

    assert strip_accents("Thời hạn hoàn thành: Đầu Quý III") == "thoi han hoan thanh: dau quy iii"
    assert strip_accents("“Nội dung” – ghi chú") == "“noi dung” – ghi chu"  # other marks of punctuation stay
    # the definition, character by character: NFD, then no character of category Mn (marks outside the
    # diacritics block too: U+1AB0, U+20D0)
    text = "".join(map(chr, range(0x20, 0x2500))) + "a\u1ab0b\u20d0c"
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    assert strip_accents(text) == "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
