"""Subjects of table cells and of "label: value" lines, on invented tables and lines (issue 14, item 4)."""

from __future__ import annotations

from datetime import date

from extract.figures import extract_figures
from extract.figures.label_lines import parse_line
from extract.figures.sections import Sections
from extract.figures.table_cells import cell_subject, table_figures
from extract.language.subjects import content_words
from extract.model import Block, Cell, Document, Metadata, Period, Table


def _table(rows: list[list[str]]) -> Block:
    cells = tuple(tuple(Cell(r + 1, c + 1, t) for c, t in enumerate(row)) for r, row in enumerate(rows))
    return Block("table", " / ".join(" | ".join(row) for row in rows), "t1", table=Table(cells))


def _meta(year: int = 2026) -> Metadata:
    return Metadata(period=Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}"))


def _subjects(*texts: str) -> dict[str, str | None]:
    blocks = tuple(Block("paragraph", t, f"p{i + 1}") for i, t in enumerate(texts))
    figures, _ = extract_figures(Document("x.docx", "docx", "0", blocks), _meta())
    return {f.raw: f.subject for f in figures}


# ------------------------------------------------------------------------------------------------ table cells


def test_a_sub_row_is_named_under_its_parent_row_and_a_measuring_column_qualifies_the_row():
    block = _table([
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Số lượng học viên"],
        ["1", "Lớp bồi dưỡng kỹ năng số", "lớp", "12", "480"],
        ["", "- Cấp tỉnh", "lớp", "4", "160"],
        ["", "+ Trong đó: lớp trực tuyến", "lớp", "2", "90"],
        ["2", "Số cán bộ được cử đi học tập", "người", "30", "30"],
    ])
    figs, _ = table_figures(block, Sections(_meta()), 2026)
    subj = {(f.row_header.split(" › ")[-1], f.col_header): f.subject for f in figs}
    # a plan column names no measure: the row label alone
    assert subj[("Lớp bồi dưỡng kỹ năng số", "Kế hoạch năm 2026")] == "Lớp bồi dưỡng kỹ năng số"
    # a sub-item row that does not name the whole takes its parent's label; its marker is dropped
    assert subj[("- Cấp tỉnh", "Kế hoạch năm 2026")] == "Lớp bồi dưỡng kỹ năng số Cấp tỉnh"
    # "Trong đó: lớp trực tuyến" names the whole's noun itself: no parent repeated
    assert subj[("+ Trong đó: lớp trực tuyến", "Kế hoạch năm 2026")] == "lớp trực tuyến"
    # a column that says what it measures qualifies the row
    assert subj[("Lớp bồi dưỡng kỹ năng số", "Số lượng học viên")] == "Số lượng học viên Lớp bồi dưỡng kỹ năng số"


def test_rows_labelled_by_years_are_named_by_their_column():
    block = _table([["Năm", "Kỹ sư nông nghiệp", "Tổng"], ["2021", "7", "7"], ["2022", "5", "5"]])
    figs, _ = table_figures(block, Sections(_meta()), 2026)
    assert [f.subject for f in figs] == ["Kỹ sư nông nghiệp", "Tổng", "Kỹ sư nông nghiệp", "Tổng"]


def test_a_breakdown_row_and_a_group_row_under_the_column_number_row():
    block = _table([
        ["TT", "Chỉ tiêu", "Thực hiện tháng 5", "Lũy kế 5 tháng"],
        ["A", "B", "1", "2"],
        ["I", "Doanh thu dịch vụ lưu trú", "", ""],
        ["", "Phân theo loại hình", "40,5", "200,1"],
        ["", "- Khách sạn", "30,0", "150,0"],
    ])
    figs, _ = table_figures(block, Sections(_meta()), 2026)
    assert [f.subject for f in figs] == ["Doanh thu dịch vụ lưu trú"] * 2 + ["Doanh thu dịch vụ lưu trú Khách sạn"] * 2
    assert figs[0].role == "actual" and figs[1].period_end == date(2026, 5, 31)


def test_cell_subject_keeps_a_row_that_already_names_the_column_measure():
    assert cell_subject("Điểm tự đánh giá tiêu chí 1", "", ["Điểm tự đánh giá"], False) == "Điểm tự đánh giá tiêu chí 1"
    assert cell_subject("Tiêu chí 1", "", ["Điểm tối đa (điểm)"], False) == "Điểm tối đa Tiêu chí 1"
    assert cell_subject("Tiêu chí 1", "", ["So sánh", "ƯTH tháng 5 so với cùng kỳ"], False) == "Tiêu chí 1"


# ------------------------------------------------------------------------------------------------ label lines


def test_parse_line_reads_a_label_and_refuses_times_roles_and_sentences():
    line = parse_line("+ Trường mầm non thuộc UBND cấp xã quý 2/2026: 45 trường.")
    assert line is not None and (line.marker, line.label) == ("+", "Trường mầm non thuộc UBND cấp xã")
    assert parse_line("Cuộc họp bắt đầu lúc 14:30 tại hội trường") is None
    assert parse_line("KH: 12,5%") is None  # a role, not what is counted
    assert parse_line("Năm nay tình hình có nhiều biến động. Kết quả như sau: 12 hồ sơ") is None


def test_a_value_line_is_named_by_its_label():
    got = _subjects("- Trạm bơm do cấp huyện quản lý: 27 trạm, 3 hồ chứa.")
    assert got["27 trạm"] == "Trạm bơm do cấp huyện quản lý"  # the label already names the counted noun
    assert got["3 hồ chứa"] == "hồ chứa Trạm bơm do cấp huyện quản lý"


def test_items_of_a_labelled_list_carry_the_list_label():
    got = _subjects(
        "- Kiểm tra đột xuất: 36 cơ sở, giảm 4 cơ sở so với năm trước. Trong đó:",
        "+ Cơ sở kinh doanh thực phẩm: 20 cơ sở.",
        "+ Cơ sở sản xuất nước đá: 16 cơ sở.",
        "- Cơ sở bị xử phạt: 9 cơ sở.",
    )
    assert got["20 cơ sở"] == "Cơ sở kinh doanh thực phẩm Kiểm tra đột xuất"
    assert got["16 cơ sở"] == "Cơ sở sản xuất nước đá Kiểm tra đột xuất"
    assert got["9 cơ sở"] == "Cơ sở bị xử phạt"  # a sibling of the list's line ends the list


def test_a_breakdown_label_qualifies_the_measure_of_its_line():
    got = _subjects(
        "Doanh thu du lịch tháng 5 ước đạt 80 tỷ đồng.",
        "- Khu vực thành thị: Doanh thu du lịch tháng 5 đạt 50 tỷ đồng, tăng 3% so với tháng trước.",
        "- Khu vực nông thôn: ước đạt 30 tỷ đồng.",
    )
    assert got["50 tỷ đồng"] == got["3%"] == "Doanh thu du lịch Khu vực thành thị"
    assert got["30 tỷ đồng"] == "Doanh thu du lịch Khu vực nông thôn"  # the measure of the line above
    # a topic label ("Kết quả ...") is no breakdown: the sentence keeps its own subject
    assert "Kết quả" not in (_subjects("- Kết quả tuyên truyền: Đã đăng 12 tin bài.")["12 tin bài"] or "")


def test_items_of_a_long_list_label_carry_only_its_action_after_the_place():
    got = _subjects(
        "- Trong đợt cao điểm, lực lượng quản lý thị trường trên địa bàn tỉnh kiểm tra, xử lý: 52 vụ. Trong đó:",
        "+ Hàng giả, hàng nhái: 18 vụ.",
    )
    assert got["18 vụ"] == "vụ Hàng giả, hàng nhái kiểm tra, xử lý"


def test_an_inline_list_names_each_item_and_its_restated_share():
    got = _subjects(
        "Về lĩnh vực được hỗ trợ: (1) Trồng trọt: 14 hộ (chiếm 56% tổng số hộ); (2) Chăn nuôi: 8 hộ (chiếm 32%) "
        "và (3) Thủy sản: 3 hộ (chiếm 12%)."
    )
    assert got["14 hộ"] == got["56%"] == "hộ Trồng trọt lĩnh vực được hỗ trợ"
    assert got["3 hộ"] == got["12%"] == "hộ Thủy sản lĩnh vực được hỗ trợ"
    # one labelled value is no inline list: the line's own rule names it
    assert _subjects("- Hộ nghèo: 25 hộ (chiếm 2,1%).")["2,1%"] == "Hộ nghèo"


def test_a_later_sentence_that_is_a_label_line_names_its_values():
    s = _subjects("Đoàn kiểm tra liên ngành đã kiểm tra 40 cơ sở. Hàng hóa tạm giữ: 350kg thịt đông lạnh; 12 thùng nước ngọt.")
    assert set(content_words(s["350kg"])) >= {"thịt", "đông", "lạnh", "hàng", "hóa", "tạm", "giữ"}
    assert "kiểm" not in content_words(s["350kg"])


def test_a_restated_value_takes_the_subject_its_label_gave():
    s = _subjects("- Xử lý vi phạm hành chính: 64 vụ, 80 đối tượng, so với cùng kỳ tăng 9 vụ.")
    assert s["9 vụ"] == s["64 vụ"] and "phạm" in content_words(s["64 vụ"])


def test_bare_counts_of_a_list_under_a_total_count_the_total_noun():
    blocks = tuple(Block("paragraph", t, f"p{i + 1}") for i, t in enumerate((
        "* Tổng số hộ nghèo trên địa bàn các xã vùng sâu, vùng xa: 412. Trong đó;",  # ';' for the list's ':'
        "- Số đang được hỗ trợ vay vốn: 97.",
        "- Số chưa có việc làm ổn định: 58.",
        "* Số hoàn thành thoát nghèo: 31.",  # a sibling of the total: no list above it
    )))
    figures, _ = extract_figures(Document("x.docx", "docx", "0", blocks), _meta())
    units = {f.raw: f.unit for f in figures}
    assert units == {"412": "hộ", "97": "hộ", "58": "hộ", "31": None}


def _by_number(*texts: str) -> dict[str, str | None]:
    """raw number (its first token) -> subject."""
    return {raw.split()[0]: subj for raw, subj in _subjects(*texts).items()}


def test_a_topic_label_qualifies_what_its_line_counts():
    s = _by_number("- Đối với 05 dịch vụ công về đất đai của ngành Tài nguyên: tiếp nhận 6.120 hồ sơ trực tuyến trong quý.")
    assert {"dịch", "vụ", "đất", "đai", "tài", "nguyên", "hồ", "sơ"} <= set(content_words(s["6.120"]))


def test_a_topic_label_naming_a_field_of_work_qualifies_nothing():
    s = _by_number("- Đối với lĩnh vực cải cách tài chính công: đã thanh tra 14 đơn vị sử dụng ngân sách.")
    assert not set(content_words(s["14"])) & {"lĩnh", "vực", "cải", "cách"}


def test_a_topic_label_is_not_added_to_a_subject_that_names_part_of_it():
    s = _by_number("- Đối với dịch vụ liên thông khai sinh - khai tử: phát sinh 700 hồ sơ khai sinh trong tháng.")
    assert not set(content_words(s["700"])) & {"liên", "tử"}


def test_a_breakdown_label_qualifies_a_counted_noun_that_names_itself():
    s = _by_number("- Khu vực miền núi: hiện còn 45 học sinh đang theo học chương trình nội trú.")
    got = set(content_words(s["45"]))
    assert {"học", "sinh", "nội", "trú", "khu", "vực", "miền", "núi"} <= got


def test_a_label_names_every_value_of_a_list_whose_items_name_their_nouns():
    s = _by_number("- Hàng hóa tạm giữ: 120kg đường cát nhập lậu; 45 bao phân bón giả; 30 thùng bia.")
    for number in ("120kg", "45", "30"):
        assert {"tạm", "giữ"} <= set(content_words(s[number])), number
    assert {"phân", "bón", "giả"} <= set(content_words(s["45"]))


def test_a_sector_label_opened_by_ve_qualifies_nothing():
    s = _by_number("Về thương mại: tổng mức bán lẻ hàng hóa đạt 5.400 tỷ đồng (tăng 6%).")
    assert not set(content_words(s["5.400"])) & {"thương", "mại"}
