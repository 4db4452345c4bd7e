"""extract/figures/sentence.py: the indicator aliases found through their first words are the pattern's own matches;
the parenthesis groups read from the parentheses alone are those of a walk over every character."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import SAMPLES

from extract.figures.rules import rules
from extract.figures.sentence import Sentence, _aliases, _paren_groups, analyse, clause_start, first_alias
from extract.pipeline import read_document
from extract.settings import Settings

# made-up sentences: aliases in capitals, touching punctuation, inside longer words, after a word that starts
# like one, and a text whose case folding is longer than itself (ß)
_TEXTS = [
    "TỔNG THU NGÂN SÁCH NHÀ NƯỚC đạt 1.000 tỷ đồng; tổng thu ngân sách năm sau dự kiến tăng.",
    "(tổng thu ngân sách) 12 tỷ, tổngthu ngân sách, xtổng thu ngân sách",
    "Kim ngạch xuất khẩu, kim ngạch nhập khẩu và GRDP tăng; Straße tổng thu ngân sách 5 tỷ đồng",
    "",
]


def test_aliases_found_through_first_words_equal_the_pattern():
    texts = list(_TEXTS)
    for path in sorted(SAMPLES.glob("*.docx")) + sorted(SAMPLES.glob("*.pdf")):
        texts += [b.text for b in read_document(path, Settings()).blocks]
    pattern = rules().alias
    found = 0
    for text in texts:
        expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
        assert [(m.start(), m.end()) for m in _aliases(text)] == expected, text
        found += len(expected)
    assert found > 20  # the texts do hold aliases
    first = analyse(_TEXTS[0]).aliases
    assert [a[2] for a in first] == ["budget_revenue", "budget_revenue"]


def test_clause_start_remembered_per_document_gives_the_same_answers():
    from extract.figures import sentence

    s = "Xã A có 12 hộ, xã B có 30 hộ và xã C có 7 hộ"
    sentence.forget()
    first = [sentence.clause_start(s, s.index(n), floor) for n in ("12", "30", "7") for floor in (0, 20)]
    # the clause after the comma, after "và"; a floor past the boundary wins over it
    assert first[2] == s.index(",") + 1 and first[4] == s.index(" và ") + len(" và")
    assert first[1] == 20 and first[0] == 0
    again = [sentence.clause_start(s, s.index(n), floor) for n in ("12", "30", "7") for floor in (0, 20)]
    sentence.forget()
    fresh = [sentence.clause_start(s, s.index(n), floor) for n in ("12", "30", "7") for floor in (0, 20)]
    assert first == again == fresh


def _groups_char_by_char(s: str) -> list[int]:
    out, stack = [], []
    for i, ch in enumerate(s):
        if ch == "(":
            out.append(stack[-1] if stack else -1)
            stack.append(i)
            continue
        if ch == ")" and stack:
            stack.pop()
        out.append(stack[-1] if stack else -1)
    return out


def _close_char_by_char(s: str, group: int) -> int:
    depth = 0
    for i in range(group, len(s)):
        if s[i] == "(":
            depth += 1
        elif s[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return len(s)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab (),", max_size=40))
def test_parenthesis_groups_and_closes_match_a_walk_over_every_character(text):
    sent = Sentence(text, _paren_groups(text), [], [], [])
    assert sent.groups == _groups_char_by_char(text)
    for group in range(-1 if text else 0, len(text) + 1):
        assert sent.close_of(group) == _close_char_by_char(text, group)


def test_aliases_tried_by_first_word_equal_the_pattern():
    # invented texts: an alias's first word glued to more letters, upper case, a dotless ı, punctuation after
    texts = [
        "TỔNG THU NGÂN SÁCH đạt 12 tỷ; tổng thu ngân sáchx; tổngthu ngân sách; (tổng thu ngân sách).",
        "Tỷ lệ hộ nghèo giảm, tỷ lệ hộ nghèo đa chiều, tỷ lệ, tỷ lệx hộ nghèo",
        "tổng thu ngân sách nhà nước trên địa bàn và tổng thu ngân sáchı tổng thu ngân sách",
        "Kim ngạch xuất khẩu-kim ngạch nhập khẩu/GRDP;GRDP",
    ]
    names = sorted(rules().alias_ids)
    texts += [", ".join(names[i : i + 7]).upper() for i in range(0, len(names), 7)]
    found = 0
    for text in texts:
        expected = [m.span() for m in rules().alias.finditer(text)]
        assert [m.span() for m in _aliases(text)] == expected, text
        found += len(expected)
    assert found >= len(names)  # every alias is found in the texts listing them


def test_first_alias_is_the_patterns_first_match():
    for text in _TEXTS:
        m, want = first_alias(text), rules().alias.search(text)
        assert (m.span() if m else None) == (want.span() if want else None)


@pytest.mark.parametrize("text", [
    "Năm 2025 (quý I; quý II) đạt 12 tỷ đồng; năm 2026 (dự kiến; chưa duyệt) đạt 15 tỷ đồng; còn lại 3 tỷ đồng",
    "Không có dấu chấm phẩy nào ở đây (kể cả trong ngoặc) với 4 hộ",
    ";;(;(;);) 5 ; 6 (;) ;",
])
def test_semicolon_search_matches_a_scan_of_every_character(text):
    # attribution.py finds the ';' of a parenthesis group by str.find; a scan of every character is the reference
    from extract.figures.attribution import _semicolon_after, _semicolon_before
    from extract.figures.sentence import analyse

    sent = analyse(text, attribution=False)
    for pos in range(len(text) + 1):
        for group in {-1, *sent.groups}:
            before = [i for i in range(pos) if text[i] == ";" and sent.group(i) == group]
            assert _semicolon_before(sent, pos, group) == (before[-1] if before else -1)
            after = [i for i in range(pos, len(text)) if text[i] == ";" and sent.group(i) == group]
            assert _semicolon_after(sent, pos, len(text), group) == (after[0] if after else -1)


def test_bases_tried_are_all_that_can_match():
    # basis_of tries only the basis rules whose words a text holds: none that matches is left out
    from extract.figures.attribution import _bases_in

    texts = ["theo kế hoạch năm", "so với dự toán Trung ương giao", "so với cùng kỳ năm trước", "đạt 5 tỷ đồng",
             "Thủ tướng Chính phủ giao", "theo Nghị quyết HĐND tỉnh", "chỉ tiêu KH"]
    for text in texts:
        tried = _bases_in(text)
        matching = [(bid, rx) for bid, rx in rules().basis if rx.search(text)]
        assert [b for b in tried if b in matching] == matching, text
        assert len(tried) < len(rules().basis), text


def test_clause_start_is_after_the_last_boundary_before_the_point():
    s = "Huyện A, huyện B (mới) và Vào cuối năm đạt 5 xã"
    assert clause_start(s, s.index("5"), 0) == s.index(" Vào")  # "và" is the last boundary; "Vào" is no "và"
    assert clause_start(s, s.index("huyện B"), 0) == s.index(" huyện B")
    assert clause_start(s, s.index("Huyện"), 0) == 0
    assert clause_start(s, s.index("5"), s.index("đạt")) == s.index("đạt")  # none after the floor


def test_remembered_works_a_result_out_once_per_mention_of_the_sentence():
    sent = analyse("Cấp 1.250 mã định danh và 310 tài khoản cho hộ kinh doanh.")
    first, second = sent.mentions
    calls = []

    def work(s, m):
        calls.append(m)
        return s.text[m.start : m.start + 3]

    assert sent.remembered("opening", first, work) == "1.2"
    assert sent.remembered("opening", first, work) == "1.2"  # not worked out again
    assert sent.remembered("opening", second, work) == "310"
    assert calls == [first, second]
    # another sentence object of the same text keeps its own memory
    assert analyse(sent.text).remembered("opening", first, work) == "1.2" and len(calls) == 3
