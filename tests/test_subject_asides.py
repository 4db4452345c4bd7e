"""An aside in parentheses between a noun phrase and the copula before its number (a source, a gloss) does not
break the clause: the noun phrase before it stays the subject."""

from support import names, subjects_of


def test_source_aside_before_copula_keeps_the_noun_phrase():
    got = subjects_of("Số xe được đăng ký mới (theo báo cáo của Sở Xây dựng) là 1.250 xe.")
    assert names(got["1.250"], "xe được đăng ký mới")


def test_cited_document_aside_with_identifier_and_date():
    got = subjects_of("Tổng số giáo viên được tuyển dụng (tại Quyết định số 45/QĐ-UBND ngày 12/4/2025 của UBND "
                      "huyện) là 312 người.")
    assert names(got["312"], "giáo viên được tuyển dụng")


def test_gloss_aside_before_copula():
    got = subjects_of("Số hộ có đất sản xuất (hộ nông nghiệp) là 820 hộ.")
    assert names(got["820"], "hộ có đất sản xuất")


def test_aside_with_its_own_figure_is_no_aside():
    from extract.figures.sentence import analyse
    from extract.figures.subjects import _aside_before_copula

    own = analyse("Số trường đạt chuẩn (tăng 5 trường) là 40 trường.")
    assert _aside_before_copula(own, own.text.index("40")) is None
    cited = analyse("Số trường đạt chuẩn (theo báo cáo của Sở) là 40 trường.")
    assert _aside_before_copula(cited, cited.text.index("40")) == (cited.text.index("("), cited.text.index(")") + 1)
