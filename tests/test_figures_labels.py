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


def test_a_numbered_item_name_opening_a_line_is_no_label_of_its_values():
    # session 15, helper s15-K: "Chỉ tiêu 3:" numbers the item; the label is what follows it
    line = parse_line("- Chỉ tiêu 4: Số hợp tác xã ứng dụng công nghệ cao: 40 hợp tác xã")
    assert line is not None and line.label == "Số hợp tác xã ứng dụng công nghệ cao"
    assert parse_line("Tiêu chí 2.1: 18 điểm").label == "Tiêu chí 2.1"  # no label after it: the item's name is


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


def test_a_bare_count_right_after_a_sibling_count_counts_the_sibling_noun():
    blocks = tuple(Block("paragraph", t, f"p{i + 1}") for i, t in enumerate((
        "* Tổng số học viên được cấp chứng chỉ trong năm: 245.",
        "* Số bỏ học giữa chừng (kể cả số chuyển trường): 6.",  # no noun of its own: the sibling's
        "Kết quả khác: 12.",  # no marker: no sibling
    )))
    figures, _ = extract_figures(Document("x.docx", "docx", "0", blocks), _meta())
    units = {f.raw: f.unit for f in figures}
    assert units == {"245": "học viên", "6": "học viên", "12": None}


# ------------------------------------------------------------------------------ numbered statistics tables


def _blocks(*parts) -> Document:
    """A document of paragraphs (str) and tables (lists of rows), numbered p1.. and t1.. in order."""
    blocks, n_t, n_p = [], 0, 0
    for part in parts:
        if isinstance(part, str):
            n_p += 1
            blocks.append(Block("paragraph", part, f"p{n_p}"))
        else:
            n_t += 1
            cells = tuple(tuple(Cell(r + 1, c + 1, t) for c, t in enumerate(row)) for r, row in enumerate(part))
            blocks.append(Block("table", " / ".join(" | ".join(row) for row in part), f"t{n_t}", table=Table(cells)))
    return Document("x.docx", "docx", "0", tuple(blocks))


def _cell_subjects(doc: Document) -> dict[str, str | None]:
    figures, _ = extract_figures(doc, _meta())
    return {f.row_header.split(" › ")[-1]: f.subject for f in figures if f.row_header}


_HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"]


def test_sub_rows_of_a_rate_share_its_qualifier_and_parts_of_a_count_name_their_own():
    subj = _cell_subjects(_blocks([
        _HEAD,
        ["1", "Tổng số hộ nghèo trên địa bàn", "Hộ", "1.200"],
        ["1.1", "Số hộ nghèo ở khu vực nông thôn", "Hộ", "900"],
        ["2", "Tỷ lệ hồ sơ đất đai do cấp huyện tiếp nhận được trả đúng hẹn", "%", "97,5"],
        ["2.1", "Tổng số hồ sơ đất đai đã trả kết quả", "Hồ sơ", "4.000"],
        ["2.2", "Số hồ sơ đất đai trả đúng hẹn", "Hồ sơ", "3.900"],
    ]))
    # count words go, as in running text; a part of a count keeps its own qualifier only
    assert subj["Tổng số hộ nghèo trên địa bàn"] == "hộ nghèo trên địa bàn"
    assert subj["Số hộ nghèo ở khu vực nông thôn"] == "hộ nghèo ở khu vực nông thôn"
    # numerator and denominator of a rate: its qualifier up to its predicate ("được trả đúng hẹn")
    assert subj["Tổng số hồ sơ đất đai đã trả kết quả"] == "hồ sơ đất đai do cấp huyện tiếp nhận đã trả kết quả"
    assert subj["Số hồ sơ đất đai trả đúng hẹn"] == "hồ sơ đất đai do cấp huyện tiếp nhận trả đúng hẹn"
    # STT numbers never take part
    assert not any(s and any(ch.isdigit() for ch in s) for s in subj.values())


def test_a_group_row_narrows_its_sub_rows_and_a_rate_without_a_noun_takes_the_group_noun():
    subj = _cell_subjects(_blocks([
        _HEAD,
        ["1", "Tổng số trường mầm non", "Trường", "45"],  # the first row with a number ends the header
        ["3", "Số liệu về giáo viên mầm non", "", ""],
        ["3.1", "Tổng số giáo viên có mặt tại thời điểm báo cáo", "Người", "350"],
        ["3.2", "Tỷ lệ % đã nghỉ hưu trong kỳ báo cáo", "%", "2,1"],
        ["3.3", "Số hóa hồ sơ giáo viên", "Hồ sơ", "120"],
    ]))
    assert subj["Tổng số giáo viên có mặt tại thời điểm báo cáo"] == "giáo viên mầm non có mặt"
    assert subj["Tỷ lệ % đã nghỉ hưu trong kỳ báo cáo"] == "Tỷ lệ giáo viên mầm non đã nghỉ hưu"
    assert subj["Số hóa hồ sơ giáo viên"] == "Số hóa hồ sơ giáo viên"  # "số hóa" is a noun, not a count word


def test_a_score_row_does_not_hand_its_words_to_its_sub_rows():
    subj = _cell_subjects(_blocks([
        ["TT", "Tiêu chí", "Điểm tối đa"],
        ["1", "Công tác thông tin", "5"],
        ["1.1", "Tỷ lệ tin bài được đăng đúng hạn", "2"],
    ]))
    assert subj["Tỷ lệ tin bài được đăng đúng hạn"] == "Điểm tối đa Tỷ lệ tin bài được đăng đúng hạn"


def test_a_table_continued_right_after_keeps_its_outline_but_not_across_text():
    rate = [_HEAD, ["2", "Tỷ lệ hồ sơ đất đai do cấp huyện tiếp nhận được trả đúng hẹn", "%", "97,5"]]
    part = [_HEAD, ["2.1", "Tổng số hồ sơ đất đai đã trả kết quả", "Hồ sơ", "4.000"]]
    assert _cell_subjects(_blocks(rate, part))["Tổng số hồ sơ đất đai đã trả kết quả"] == (
        "hồ sơ đất đai do cấp huyện tiếp nhận đã trả kết quả"
    )
    apart = _cell_subjects(_blocks(rate, "Biểu mẫu 2. Đất đai", part))
    assert apart["Tổng số hồ sơ đất đai đã trả kết quả"] == "hồ sơ đất đai đã trả kết quả"


def test_a_period_by_category_table_takes_what_its_lead_in_counts():
    table = [["Năm", "May công nghiệp", "KTV", "Tổng"], ["2023", "40", "25", "65"]]
    doc = _blocks("Số học viên được tuyển sinh học nghề (hệ sơ cấp) cụ thể như sau:", table)
    figures, _ = extract_figures(doc, _meta())
    assert [f.subject for f in figures] == [
        "học viên được tuyển sinh học nghề May công nghiệp",
        "học viên được tuyển sinh học nghề KTV",  # an upper-case column is a category too
        "học viên được tuyển sinh học nghề",  # the total column names no category
    ]
    plain = _blocks("Kết quả cụ thể như sau:", table)  # a lead-in that names nothing adds nothing
    assert [f.subject for f in extract_figures(plain, _meta())[0]] == ["May công nghiệp", "KTV", "Tổng"]


def test_a_label_opening_with_v_x_or_i_keeps_its_first_letter():
    # a Roman numeral glued to a label ("IGiá trị") is a marker; "Vốn", "Xuất khẩu", "VBQPPL" are words
    subj = _cell_subjects(_blocks([
        ["STT", "Chỉ tiêu", "Số liệu"],
        ["1", "Vốn đầu tư thực hiện", "12"],
        ["2", "Xuất khẩu hàng hóa", "7"],
        ["3", "Số VBQPPL ban hành", "3"],
        ["", "IDoanh thu dịch vụ", "5"],
    ]))
    assert list(subj.values()) == ["Vốn đầu tư thực hiện", "Xuất khẩu hàng hóa", "VBQPPL ban hành", "Doanh thu dịch vụ"]


def test_a_first_column_headed_don_vi_names_the_agencies_of_the_rows_not_a_unit():
    figs, _ = table_figures(_table([
        ["STT", "Đơn vị", "Tỷ lệ (%)", "Điểm đạt"],
        ["1", "Sở Giao thông vận tải", "92,5", "18,5"],
        ["2", "Ủy ban nhân dân xã Hòa Bình", "88", "17,6"],
    ]), Sections(_meta()), 2026)
    assert [(f.row_header, f.value, f.unit) for f in figs] == [
        ("Sở Giao thông vận tải", 92.5, "%"), ("Sở Giao thông vận tải", 18.5, None),
        ("Ủy ban nhân dân xã Hòa Bình", 88.0, "%"), ("Ủy ban nhân dân xã Hòa Bình", 17.6, None),
    ]


def test_rows_that_name_agencies_take_what_the_column_and_caption_measure():
    rows = [["TT", "Đơn vị", "Tỷ lệ đạt %", "Điểm đạt (tối đa 10 điểm)"], ["1", "Sở Giao thông vận tải", "92,5", "9,25"]]
    doc = _blocks("a) Kết quả chấm điểm tiêu chí số hóa hồ sơ (Tỷ lệ hồ sơ được số hóa khi tiếp nhận)", rows)
    assert [f.subject for f in extract_figures(doc, _meta())[0]] == [
        "Tỷ lệ hồ sơ được số hóa khi tiếp nhận của Sở Giao thông vận tải",  # the caption restates the rate
        "Điểm đạt tiêu chí số hóa hồ sơ của Sở Giao thông vận tải",
    ]
    plain = _blocks("Bảng tổng hợp như sau:", rows)  # a caption that names nothing: the columns alone
    assert [f.subject for f in extract_figures(plain, _meta())[0]] == [
        "Tỷ lệ đạt % của Sở Giao thông vận tải", "Điểm đạt của Sở Giao thông vận tải",
    ]


def test_agency_rows_under_a_merged_header_take_its_measure_and_no_unit_line_as_caption():
    # session 20, helper s20-B: an allocation annex (a training budget here) whose header merges "Kinh phí đào tạo"
    # over "Tổng số" and "Đào tạo trong nước": the outer header names the measure of a total column and qualifies the
    # other; the "Đơn vị tính" line above the table states the unit, no measure
    header = (Cell(1, 1, "TT", rowspan=2), Cell(1, 2, "Tên đơn vị", rowspan=2),
              Cell(1, 3, "Kinh phí đào tạo", colspan=2), Cell(2, 3, "Tổng số"), Cell(2, 4, "Đào tạo trong nước"))
    body = (Cell(3, 1, "1"), Cell(3, 2, "Sở Công Thương"), Cell(3, 3, "850"), Cell(3, 4, "620"))
    table = Block("table", "annex", "t1", table=Table((header[:3], header[3:], body)))
    doc = Document("x.docx", "docx", "0", (Block("paragraph", "Đơn vị tính: triệu đồng", "p1"), table))
    figures, _ = extract_figures(doc, _meta())
    assert [(f.subject, f.unit) for f in figures] == [
        ("Kinh phí đào tạo của Sở Công Thương", "triệu đồng"),
        ("Kinh phí đào tạo Đào tạo trong nước của Sở Công Thương", "triệu đồng"),
    ]


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


def test_the_activity_a_list_lead_in_names_follows_the_short_subjects_of_its_items():
    s = _subjects(
        "- Công tác cứu hộ cứu nạn:",
        "+ Đầu kỳ tiếp nhận 14 tin báo.",
        "+ Đang xác minh 3/9 vụ việc cứu hộ.",
        "- Trong năm, cấp mới 25 giấy phép.",
    )
    assert {"cứu", "hộ", "nạn", "tin", "báo"} <= set(content_words(s["14 tin báo"]))
    assert "nạn" not in set(content_words(s["3"]))  # it names a word of the activity already
    assert not {"cứu", "nạn"} & set(content_words(s["25 giấy phép"]))  # a sibling of the lead-in ends its list


def test_an_activity_label_names_what_the_short_subjects_of_its_line_leave_out():
    s = _subjects("- Công tác hỗ trợ sinh kế tại vùng tái định cư: trong năm đã xây dựng 07 mô hình.")
    assert {"mô", "hình", "sinh", "kế", "tái", "định", "cư"} <= set(content_words(s["07 mô hình"]))
    s = _subjects("- Kết quả tiếp nhận, trả lời câu hỏi của doanh nghiệp về thủ tục thuế: đã trả lời 85 câu hỏi.")
    got = content_words(s["85 câu hỏi"])
    assert {"câu", "hỏi", "doanh", "nghiệp", "thủ", "tục", "thuế"} <= set(got)
    assert got.count("hỏi") == 1  # only the words after the ones the subject names already
    s = _subjects("- Kết quả giải quyết hồ sơ: đã giải quyết 1.200 hồ sơ.")
    assert content_words(s["1.200 hồ sơ"]) == ["giải", "quyết", "hồ", "sơ"]  # it names all of the activity itself


def test_parse_line_remembered_per_document():
    # the prose pass and the label pass read each sentence: the second reading is remembered, until forget
    from extract.figures import label_lines

    label_lines.forget()
    line = label_lines.parse_line("- Số hộ được vay vốn: 120 hộ")
    assert line is not None and line.label == "Số hộ được vay vốn"
    assert label_lines.parse_line("- Số hộ được vay vốn: 120 hộ") is line
    label_lines.forget()
    assert label_lines.parse_line.cache_info().currsize == 0


def test_a_label_naming_a_passage_s_part_in_the_argument_names_nothing_counted():
    assert parse_line("- Bối cảnh: Doanh thu du lịch quý I đạt 1.200 tỷ đồng.") is None
    assert parse_line("- Thực trạng: Tỷ lệ giải ngân đạt 40%.") is None
    got = _subjects("- Bối cảnh: Doanh thu du lịch quý I đạt 1.200 tỷ đồng, bằng 30% kế hoạch năm.")
    assert got["1.200 tỷ đồng"] == "Doanh thu du lịch"  # not "Doanh thu du lịch Bối cảnh"


def test_a_balance_under_a_list_lead_in_is_of_its_activity_however_long_its_subject():
    s = _subjects(
        "- Công tác phòng chống lao:",
        "+ Năm trước chuyển sang 48 bệnh nhân đang điều trị dài ngày tại các trạm y tế xã, phường vùng sâu.",
        "+ Phát hiện 12 bệnh nhân đang điều trị dài ngày tại các trạm y tế xã, phường vùng sâu.",
    )
    assert {"phòng", "chống", "lao"} <= set(content_words(s["48 bệnh nhân"]))
    assert "lao" not in set(content_words(s["12 bệnh nhân"]))  # a long subject of no balance keeps its own words


def test_a_comparison_with_the_plan_or_budget_estimate_is_a_share_of_it_and_names_no_measure():
    # session 15, helper s15-E (written table gold, set T): "so với dự toán" and "So sánh ... với kế hoạch" compare
    # with the plan (share_of_target, not target); a header of only plan words, "giao", "với" and the compared
    # "tỷ lệ" says nothing of what the row measures
    block = _table([
        ["STT", "Nội dung", "Dự toán được giao năm 2026", "Tỷ lệ thực hiện so với dự toán (%)",
         "So sánh lũy kế 6 tháng với kế hoạch năm (%)"],
        ["1", "Chi sự nghiệp y tế", "9.500", "51,2", "50,8"],
    ])
    figs, _ = table_figures(block, Sections(_meta()), 2026)
    assert [f.role for f in figs] == ["target", "share_of_target", "share_of_target"]
    assert [f.subject for f in figs] == ["Chi sự nghiệp y tế"] * 3
    assert cell_subject("Chi sự nghiệp y tế", "", ["Tỷ lệ (%)"], False) == "Tỷ lệ Chi sự nghiệp y tế"  # a rate alone


def test_arabic_rows_under_a_roman_row_with_values_are_its_parts():
    # session 15, helper s15-E (written table gold, set T): in a budget table "II | Chi thường xuyên | 41.200" totals
    # the rows "1 | Sự nghiệp y tế" under it: each is a part of that whole ("Chi thường xuyên Sự nghiệp y tế"), and
    # the next roman row is a whole of its own
    block = _table([
        ["STT", "Nội dung", "Dự toán năm 2026"],
        ["I", "Chi thường xuyên", "30.000"],
        ["1", "Sự nghiệp y tế", "12.000"],
        ["2", "Chi quản lý nhà nước", "18.000"],
        ["II", "Chi đầu tư phát triển", "5.000"],
    ])
    figs, _ = table_figures(block, Sections(_meta()), 2026)
    assert [f.subject for f in figs] == ["Chi thường xuyên", "Chi thường xuyên Sự nghiệp y tế",
                                         "Chi quản lý nhà nước", "Chi đầu tư phát triển"]


def test_a_numbered_label_line_gives_its_label_once():
    # "3." alone is no sentence of its own: the label of the line is joined once, not again as a later sentence's
    from support import subjects_of

    s = subjects_of("3. Số đối tượng thụ hưởng: 14.200 hộ được hỗ trợ nhà ở.")
    assert s["14.200"].count("thụ hưởng") == 1


def test_a_list_decision_table_holds_the_plan_with_its_units_in_the_headers():
    # "QUYẾT ĐỊNH Phê duyệt Danh mục công trình ...": a column naming no role holds what the list plans, the unit in
    # brackets closing a header ("(triệu đồng)", "(km)") is its cells'; a result cited from before the plan stays one
    doc = _blocks([["STT", "Tên công trình", "Chiều dài (km)", "Kinh phí dự kiến (triệu đồng)", "Năm 2024"],
                   ["1", "Đường liên thôn Khe Sanh", "4,5", "12.600", "3"],
                   ["2", "Kênh tưới nội đồng Đồng Vĩnh", "2,1", "5.400", "1"]])
    meta = Metadata(title="QUYẾT ĐỊNH Phê duyệt Danh mục công trình giao thông nông thôn giai đoạn 2027-2030",
                    doc_type="quyết định", period=Period(date(2027, 1, 1), date(2030, 12, 31), "gđ"))
    figs = {f.raw: f for f in extract_figures(doc, meta)[0]}
    assert (figs["4,5"].unit, figs["4,5"].role) == ("km", "target")
    assert (figs["12.600"].unit, figs["12.600"].base_value, figs["12.600"].role) == ("triệu đồng", 12_600_000_000, "target")
    assert figs["3"].role == "actual"  # the column of 2024, before the list's period
    plain = {f.raw: f for f in extract_figures(doc, Metadata(title="BÁO CÁO Kết quả năm 2026", period=_meta().period))[0]}
    assert plain["12.600"].role == "actual" and plain["12.600"].unit == "triệu đồng"


def test_a_bracket_in_a_header_that_is_no_unit_gives_none():
    from extract.figures.table_cells import _header_unit

    assert _header_unit("Chỉ số (PAR INDEX)") is None and _header_unit("Ghi chú (1)") is None
    assert _header_unit("Diện tích (ha)")[0] == "ha" and _header_unit("Kinh phí (tỷ đồng)") == ("tỷ đồng", "đồng", 1e9)


def test_a_plans_annex_column_naming_no_role_holds_the_plan():
    # "KẾ HOẠCH Tuyển sinh ...": a column of a kế hoạch's annex naming no role ("Số lớp" beside "Chỉ tiêu") holds the
    # plan's figures, as in a document approving a list; a column of a year before the plan's stays a result
    # (session 20, written for the enrolment plan of set T; sentences of another sector)
    doc = _blocks([["STT", "Cơ sở đào tạo", "Số lớp", "Chỉ tiêu đào tạo (học viên)", "Năm 2025"],
                   ["1", "Trường Cao đẳng Kỹ thuật Công nghiệp", "18", "540", "12"],
                   ["2", "Trung tâm Giáo dục nghề nghiệp huyện", "6", "175", "4"]])
    meta = Metadata(title="KẾ HOẠCH Đào tạo nghề cho lao động nông thôn năm 2027", doc_type="kế hoạch",
                    period=Period(date(2027, 1, 1), date(2027, 12, 31), "năm"))
    figs = {f.raw: f for f in extract_figures(doc, meta)[0]}
    assert (figs["18"].role, figs["540"].role) == ("target", "target")
    assert figs["12"].role == "actual"  # the column of 2025, before the plan's year
    plain = {f.raw: f for f in extract_figures(doc, Metadata(title="BÁO CÁO Kết quả năm 2026", period=_meta().period))[0]}
    assert plain["18"].role == "actual"
