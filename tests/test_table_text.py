"""Tables whose quantities are in sentences (comment tables) and tables continued on the next page under their
column-number row alone: invented tables shaped like a draft's comment summary and a monthly report's annex."""

from __future__ import annotations

from datetime import date

from extract.figures import extract_figures
from extract.figures.sections import Sections
from extract.figures.text_cells import text_cell_figures
from extract.model import Block, Cell, Document, Metadata, Period, Table


def _table(rows: list[list[str]], location: str = "t1", page: int | None = None) -> Block:
    cells = tuple(tuple(Cell(r + 1, c + 1, t, page=page) for c, t in enumerate(row)) for r, row in enumerate(rows))
    text = " / ".join(" | ".join(row) for row in rows)
    return Block("table", text, location, page=page, table=Table(cells))


def _meta(year: int = 2026) -> Metadata:
    return Metadata(period=Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}"))


COMMENTS = [
    ["STT", "Đơn vị góp ý", "Nội dung góp ý", "Ý kiến giải trình"],
    ["1", "Sở Tư pháp",
     "Tại khoản 2 Điều 7 của dự thảo, mức hỗ trợ đối với người có bằng thạc sĩ là 80.000.000 đồng, đề nghị giảm\n"
     "cho phù hợp với khả năng cân đối ngân sách của tỉnh",
     "Tiếp thu, điều chỉnh"],
    ["2", "Sở Y tế", "Thống nhất với dự thảo", "Không"],
]


def test_a_sentence_in_a_comment_cell_gives_its_quantities_at_the_cell():
    figs = text_cell_figures(_table(COMMENTS, page=3), Sections(_meta()), 2026)
    assert [(f.location, f.value, f.unit, f.page) for f in figs] == [("t1r2c3", 80_000_000, "đồng", 3)]
    assert (figs[0].row_header, figs[0].col_header) == ("Sở Tư pháp", "Nội dung góp ý")
    # the clause reference (khoản 2 Điều 7) and the STT cells are no quantity; the PDF line break is a space
    assert "bằng thạc sĩ là 80.000.000 đồng, đề nghị giảm cho phù hợp" in figs[0].quote


def test_short_cells_task_tables_and_layout_tables_give_no_sentence_figures():
    labels = _table([["STT", "Chỉ tiêu", "Số liệu"], ["1", "Số hồ sơ tiếp nhận trong 6 tháng", "120"]])
    tasks = _table([["STT", "Nhiệm vụ", "Chủ trì", "Thời gian hoàn thành"],
                    ["1", "Hoàn thành việc số hóa 100% hồ sơ còn tồn đọng của các năm trước tại bộ phận một cửa"
                          " cấp xã và cập nhật lên hệ thống", "Sở Nội vụ", "Quý II/2026"]])
    letterhead = _table([["ỦY BAN NHÂN DÂN TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                         ["Số: 12/KH-UBND", "ngày 5 tháng 3 năm 2026 về việc triển khai kế hoạch năm của các sở"]])
    for block in (labels, tasks, letterhead):
        assert text_cell_figures(block, Sections(_meta()), 2026) == []


def test_the_whole_document_keeps_a_comment_cells_figure_once():
    doc = Document("x.pdf", "pdf", "0" * 64, (_table(COMMENTS, page=3),))
    figs, _ = extract_figures(doc, _meta())
    assert [(f.location, f.raw) for f in figs] == [("t1r2c3", "80.000.000 đồng")]


ANNEX_P1 = [
    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện tháng 5", "So sánh (%)"],
    ["A", "B", "C", "1", "2", "3=2/1"],
    ["1", "Sản lượng điện", "Triệu kWh", "1.200,0", "95,0", "7,9"],
]
ANNEX_P2 = [  # the next page repeats only the column-number row
    ["A", "B", "C", "1", "2", "3=2/1"],
    ["2", "Sản lượng nước sạch", "Triệu m3", "60,0", "4,8", "8,0"],
]


def _annex_doc(between: tuple[Block, ...] = ()) -> list:
    blocks = (_table(ANNEX_P1, "t1", 1), *between, _table(ANNEX_P2, "t2", 2))
    doc = Document("x.pdf", "pdf", "0" * 64, blocks)
    figs, _ = extract_figures(doc, _meta())
    return [f for f in figs if f.location.startswith("t2")]


def test_a_table_continued_under_its_column_number_row_takes_the_headers_of_the_first():
    for between in ((), (Block("paragraph", "PHỤ LỤC: SỐ LIỆU THỰC HIỆN", "p1", page=2),)):
        figs = {f.raw: f for f in _annex_doc(between)}
        plan, month, ratio = figs["60,0"], figs["4,8"], figs["8,0"]
        assert plan.role == "target" and (plan.period_start, plan.period_end) == (date(2026, 1, 1), date(2026, 12, 31))
        assert month.role == "actual" and (month.period_start, month.period_end) == (date(2026, 5, 1), date(2026, 5, 31))
        assert ratio.unit == "%" and "Kế hoạch năm 2026" in plan.col_header


def test_a_table_with_a_worded_header_of_its_own_keeps_it():
    own = [["STT", "Chỉ tiêu", "ĐVT", "Dự toán năm 2026", "Thực hiện quý I", "Tỷ lệ (%)"],
           ["A", "B", "C", "1", "2", "3=2/1"],
           ["1", "Thu ngân sách", "Tỷ đồng", "900,0", "250,0", "27,8"]]
    blocks = (_table(ANNEX_P1, "t1", 1), _table(own, "t2", 2))
    figs, _ = extract_figures(Document("x.pdf", "pdf", "0" * 64, blocks), _meta())
    quarter = next(f for f in figs if f.raw.startswith("250"))
    assert "Thực hiện quý I" in quarter.col_header and quarter.period_end == date(2026, 3, 31)


def test_a_scanned_tables_row_labels_lose_the_rules_ocr_reads_as_bars():
    from extract.figures.table_cells import ocr_label

    assert ocr_label("| 3 |Giá trị nhập khẩu") == "Giá trị nhập khẩu"
    assert ocr_label("| _ |- Doanh nghiệp trong nước") == "- Doanh nghiệp trong nước"
    assert ocr_label("IV | Sản phẩm chủ yếu") == "Sản phẩm chủ yếu"
    assert ocr_label("Giá trị sản xuất") == "Giá trị sản xuất"
    rows = [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện tháng 5"],
            ["1", "| 1 |Giá trị xuất khẩu", "Triệu USD", "900,0", "80,0"],
            ["", "| _ |- Doanh nghiệp có vốn nước ngoài", "Triệu USD", "600,0", "55,0"]]
    block = Block("table", "", "t1", page=1, table=_table(rows, page=1).table, ocr=True)
    doc = Document("x.pdf", "pdf", "0" * 64, (block,))
    figs = {f.raw: f for f in extract_figures(doc, _meta())[0]}
    assert figs["55,0"].row_header.endswith("- Doanh nghiệp có vốn nước ngoài")
    assert {"xuất", "khẩu", "doanh", "nghiệp"} <= set(figs["55,0"].subject.lower().split())


def test_a_data_tables_evidence_sentences_give_figures_but_not_its_value_cells():
    # the evidence column of a score table holds what was done: its sentences are read as prose (the scores
    # themselves are value cells, left to table_cells)
    rows = [["STT", "Tiêu chí", "Điểm chuẩn", "Điểm tự chấm", "Tài liệu kiểm chứng"],
            ["1", "Kiểm tra CCHC", "1.00", "1.00", "Năm 2025 tỉnh đã kiểm tra 45 cơ quan, đơn vị, đạt 32% số cơ quan"
                                                   " chuyên môn và địa phương theo kế hoạch kiểm tra được phê duyệt"]]
    figs = text_cell_figures(_table(rows), Sections(_meta()), 2026)
    assert [f.value for f in figs] == [45.0, 32.0]
    assert {(f.location, f.row_header, f.col_header) for f in figs} == {
        ("t1r2c5", "Kiểm tra CCHC", "Tài liệu kiểm chứng")}


def test_a_comment_row_under_a_merged_label_takes_the_label_above():
    rows = COMMENTS[:2] + [["", "", "Đề nghị quy định thời gian cam kết công tác tối thiểu 05 năm đối với người được"
                                    " cử đi đào tạo trình độ tiến sĩ ở nước ngoài", "Tiếp thu"]]
    figs = text_cell_figures(_table(rows), Sections(_meta()), 2026)
    assert [(f.location, f.row_header) for f in figs] == [("t1r2c3", "Sở Tư pháp"), ("t1r3c3", "Sở Tư pháp")]
