"""Sentence ends: a figure is quoted with its own sentence, whole, and never with a piece of the next one."""

from __future__ import annotations

import pytest

from extract.language.sentences import sentences


def texts(text: str) -> list[str]:
    out = sentences(text)
    for offset, sentence in out:  # offsets point at the sentence itself
        assert text[offset : offset + len(sentence)] == sentence
    return [s for _, s in out]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tăng 5,2%. Giảm 3 vụ.", ["Tăng 5,2%.", "Giảm 3 vụ."]),
        ("Có 171/280 xã đạt! Còn 109 xã? Chưa rõ", ["Có 171/280 xã đạt!", "Còn 109 xã?", "Chưa rõ"]),
        # a parenthesis or quotation closing the sentence stays with it; the next one opens the next
        ("Đạt 99,82% (vượt kế hoạch.) Tiếp theo", ["Đạt 99,82% (vượt kế hoạch.)", "Tiếp theo"]),
        ("Gọi là “tốt.” Năm 2026 tăng", ["Gọi là “tốt.”", "Năm 2026 tăng"]),
        ("Thu 18.600 tỷ đồng. (2) Chi 12.000 tỷ đồng.", ["Thu 18.600 tỷ đồng.", "(2) Chi 12.000 tỷ đồng."]),
        # number marks are no sentence end: thousands dots, decimal commas, a dot with no space after it
        ("Đạt 3.060,1960 ha, tăng 1.234 ha", ["Đạt 3.060,1960 ha, tăng 1.234 ha"]),
        ("Năm 2025.Tiếp theo 5", ["Năm 2025.Tiếp theo 5"]),
        # an ellipsis carries on before a lower-case word, a number or after a digit ...
        ("Các xã... tiếp 5 xã", ["Các xã... tiếp 5 xã"]),
        ("Các xã… 5 xã", ["Các xã… 5 xã"]),
        ("Gồm mục 1, 2, 3… Mục 7 có 4 hộ", ["Gồm mục 1, 2, 3… Mục 7 có 4 hộ"]),
        # ... and ends one before a capitalised word (with closers, or an opening quote, between them)
        ("Các xã... Tiếp 5 xã", ["Các xã...", "Tiếp 5 xã"]),
        ("Đăng tin về lễ hội… Số lượt xem 900 lượt", ["Đăng tin về lễ hội…", "Số lượt xem 900 lượt"]),
        ("Gọi là (tốt…) “Kho” có 8 tấn", ["Gọi là (tốt…)", "“Kho” có 8 tấn"]),
        # abbreviations and one-letter list markers (rules/sentences.yaml)
        ("TP. Đà Lạt có 12 phường, v.v. còn 3 xã", ["TP. Đà Lạt có 12 phường, v.v. còn 3 xã"]),
        ("a. Kết quả 5 xã. b. Tồn tại 2 xã", ["a. Kết quả 5 xã.", "b. Tồn tại 2 xã"]),
        ("Mục I. Kết quả 7 xã", ["Mục I. Kết quả 7 xã"]),
        # a section number ending a sentence is an end like any number
        ("Giảm 23 vụ so với năm 2025. Tăng 4 vụ", ["Giảm 23 vụ so với năm 2025.", "Tăng 4 vụ"]),
        ("", []),
        ("Một câu.", ["Một câu."]),
    ],
)
def test_sentence_ends(text, expected):
    assert texts(text) == expected


def test_sentences_cover_the_text_but_the_spaces_between_them():
    text = "Thu 5 tỷ đồng.  Chi 3 tỷ đồng! Còn 2 tỷ đồng (ước.) Hết"
    parts = sentences(text)
    assert len(parts) == 4
    rebuilt = "".join(text[o : o + len(s)] for o, s in parts)
    assert "".join(rebuilt.split()) == "".join(text.split())
