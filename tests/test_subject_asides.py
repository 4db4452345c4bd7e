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


def test_colon_in_a_parenthesis_is_no_line_label():
    from extract.figures.label_lines import parse_line

    assert parse_line("Số xe đăng ký là 5.120 (ô tô: 1.020, xe máy: 4.100).") is None
    assert parse_line("Số xe đăng ký (theo Sở Xây dựng): 5.120 xe.").label.startswith("Số xe đăng ký")


def test_parts_in_parentheses_take_the_total_and_their_label():
    got = subjects_of("Số học viên tốt nghiệp là 640 (hệ chính quy: 410, hệ vừa làm vừa học: 230).")
    assert names(got["410"], "học viên tốt nghiệp hệ chính quy")
    assert names(got["230"], "học viên tốt nghiệp hệ vừa làm vừa học")


def test_parts_after_a_semicolon_and_a_unit():
    got = subjects_of("Tổng số xe được kiểm định là 5.120 xe (ô tô: 1.020 xe; xe tải: 4.100 xe).")
    assert names(got["1.020"], "xe được kiểm định ô tô")
    assert names(got["4.100"], "xe được kiểm định xe tải")


def test_a_lead_in_in_the_parenthesis_is_no_part_label():
    got = subjects_of("Đoàn đã kiểm tra 12 cơ quan, đơn vị (gồm: 05 trường học và 07 trạm y tế).")
    assert names(got["05"], "trường học")
    assert "gồm" not in (got["05"] or "")


def test_topic_set_off_by_an_aside_names_the_group_whole():
    got = subjects_of("Đối với các trường mầm non, tiểu học (100% trường đạt chuẩn), gồm: 12/15 đơn vị xếp loại Tốt, "
                      "03/15 đơn vị xếp loại Khá.")
    assert names(got["12"], "trường mầm non, tiểu học xếp loại Tốt")
    assert names(got["03"], "trường mầm non, tiểu học xếp loại Khá")
