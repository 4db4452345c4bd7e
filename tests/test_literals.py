"""Required words of a pattern (extract/language/literals.py): necessary for a match, never more."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.language import numbers, periods
from extract.language.literals import key_words, may_hold, required
from extract.language.text import caseless


def _words(pattern: str) -> list[set[str]]:
    return [set(c) for c in required(pattern)]


def test_words_in_lookbehinds_and_lookaheads_are_required():
    assert _words(r"[0-9]{1,3}(?<=(?<!\p{L})Điều[^\S\n]+[0-9]{1,3})(?=\s*khoản)") == [{"điều"}, {"khoản"}]


def test_an_alternation_requires_one_word_of_each_branch():
    assert _words(r"\b(?:thực\s+hiện|lũy\s+kế)\s+[0-9]+") == [{"thực", "lũy"}]
    assert _words(r"(?:quý|[0-9]+)\s+tháng") == [{"tháng"}]  # a branch without a word: no clause from the group


def test_what_may_match_nothing_requires_nothing():
    assert required(r"(?:ngày\s+)?[0-9]+(?!\s*giờ)(?<!lúc\s)") == []
    assert required(r"tháng?") == [frozenset({"thán"})]
    assert required(r"năm*\s+tháng+") == [frozenset({"nă"}), frozenset({"thán"}), frozenset({"g"})]
    assert required(r"(?:đợt){0,2}\s*(?:kỳ){1,}") == [frozenset({"kỳ"})]


def test_plain_classes_and_escaped_marks_are_characters():
    assert _words(r"[0-9]+(?=\s*[*×])") == [{"*", "×"}]
    assert _words(r"\([0-9]{1,2}\)") == [{"("}, {")"}]
    assert _words(r"\[x\]?[^ab][a-c][\d,]") == [{"[x"}]  # negated, ranged and escaped classes say nothing


def test_constructs_not_followed_give_no_requirement():
    for pattern in (r"(?x) năm \s+ [0-9]+", r"(?:năm){e<=1}", r"(a)?(?(1)năm|tháng)", r"[[a-z]--[aeiou]]năm",
                    r"\L<words>", r"(?P=name)năm"):
        assert required(pattern) is None, pattern
        assert key_words(pattern) == ()


def test_named_groups_flags_and_escapes_are_read():
    assert _words(r"(?i)(?P<y>Năm)\s+(?<m>\d+)(?-i:Quý)\x41\u0042\p{Lu}\N{DIGIT ONE}") == [{"năm"}, {"quý"}]
    assert key_words(r"(?:phụ lục|biểu|mẫu)(?:\s+số)?\s+[0-9]+") == ("biểu", "mẫu", "phụ lục")


_SENTENCES = [
    "Quý II năm 2025 thu ngân sách đạt 1.234 tỷ đồng, lũy kế 6 tháng đạt 51,2%",
    "Từ ngày 01/7/2025 đến 30/9/2025 giải quyết 95/100 hồ sơ theo Điều 5 khoản 2",
    "GIAI ĐOẠN 2021-2025 CẢ NĂM CÓ 12 CUỘC THANH TRA LÚC 8 GIỜ 30 PHÚT",
    "Chương trình số 3, 24/7, kỷ niệm 80 năm thành lập; 9 tháng qua ước 3 con số",
    "Nhiệm kỳ 2020 - 2025, khóa 15, Chiến dịch 100 ngày đêm, thứ 3 trong tuần",
]
_PATTERNS = [p.pattern for _rid, p, _needs in numbers._rules().exclusions] + [
    p.pattern for _kind, p in periods._patterns()[0]
]


def _check(text: str) -> None:
    folded = caseless(text)
    for pattern in _PATTERNS:
        for rx in (regex.compile(pattern, regex.IGNORECASE | regex.V0), regex.compile(pattern, regex.IGNORECASE | regex.V1)):
            if rx.search(text):
                words = key_words(pattern)
                assert not words or any(w in folded for w in words), (pattern, text)


@pytest.mark.parametrize("text", _SENTENCES)
def test_rule_patterns_that_match_find_their_words(text):
    _check(text)
    _check(text.upper())


_PIECES = ["quý", "Quý", "THÁNG", "năm", "Năm", "giai đoạn", "từ", "đến", "ngày", "lúc", "giờ", "số", "điều", "khoản",
           "điểm", "cấp", "chính quyền", "kỷ niệm", "thứ", "I", "IV", "ı", "İ", " ", " ", ", ", "/", "-", ":", "h", "%",
           "“", '"', "(", ")", "*", "×", "."]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.integers(0, 2100).map(str)), min_size=1, max_size=14))
def test_rule_patterns_never_match_where_their_words_are_missing(parts):
    _check("".join(parts))


def test_may_hold_is_false_only_where_the_pattern_cannot_match():
    rx = regex.compile(r"(?<![\p{L}\p{N}_])(?:kế\s+hoạch|đề\s+án)(?![\p{L}\p{N}_])", regex.IGNORECASE)
    assert not may_hold(rx, "Tổng số hồ sơ tiếp nhận là 120 hồ sơ.")
    assert may_hold(rx, "Thực hiện KẾ HOẠCH số 12 của tỉnh") and rx.search("Thực hiện KẾ HOẠCH số 12 của tỉnh")
    assert may_hold(rx, "đề nghị bổ sung 3 biên chế")  # a key word inside another word: searched, no match
    assert may_hold(regex.compile(r"[0-9]+"), "no words required")  # no key word: always searched
