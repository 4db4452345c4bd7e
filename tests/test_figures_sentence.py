"""extract/figures/sentence.py: the indicator aliases found through their first words are the pattern's own matches."""

from __future__ import annotations

from support import SAMPLES

from extract.figures.rules import rules
from extract.figures.sentence import _aliases, analyse
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
