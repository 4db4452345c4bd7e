"""Tables and tasks: the generic table reading, task tables of every shape, prose assignments, and the
real-document gold (tests/gold/real) at the levels reached."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from support import REALDOCS

from baocao.evaluate_tables import run_table_eval, score_tables, score_tasks
from extract.figures import extract_figures
from extract.figures import table_cells as tc
from extract.figures.sections import Sections
from extract.figures.table_cells import table_figures
from extract.language.numbers import figure_reach
from extract.model import Block, Cell, Document, Metadata, Period, Table
from extract.pipeline import extract_file
from extract.tasks import extract_tasks, parse_deadline, split_owners

GOLD = Path(__file__).parent / "gold" / "real"


def _table(rows: list[list[str]], location: str = "t1", page: int | None = None) -> Block:
    cells = tuple(tuple(Cell(r + 1, c + 1, t) for c, t in enumerate(row)) for r, row in enumerate(rows))
    text = " / ".join(" | ".join(row) for row in rows)
    return Block("table", text, location, page=page, table=Table(cells))


def _meta(year: int = 2026) -> Metadata:
    return Metadata(period=Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}"))


# ---------------------------------------------------------------------------------------------- table cells


def test_year_by_column_table_gives_every_cell_with_header_paths_and_totals():
    block = _table([
        ["Năm", "BS Đa khoa", "BS RHM", "Tổng"],
        ["2019", "34", "", "34"],
        ["2020", "25", "3", "28"],
        ["Tổng số", "59", "3", "62"],
    ])
    doc = Document("x.docx", "docx", "0", (block,))
    figures, relations = extract_figures(doc, _meta())
    assert [f.raw for f in figures] == ["34", "34", "25", "3", "28", "59", "3", "62"]
    first = figures[0]
    assert (first.row_header, first.col_header) == ("2019", "BS Đa khoa")
    assert (first.period_start, first.period_end) == (date(2019, 1, 1), date(2019, 12, 31))
    total_row = figures[5]
    assert (total_row.period_start, total_row.period_end) == (date(2019, 1, 1), date(2020, 12, 31))
    totals = [r.members for r in relations if r.kind == "total"]
    # the Tổng số row over the years, and the Tổng column over the specialties
    assert {"total": 5, "parts": [0, 2]} in totals
    assert {"total": 4, "parts": [2, 3]} in totals


def test_multi_row_header_unit_column_and_dot_decimal_scores():
    block = _table([
        ["STT", "Chỉ tiêu", "Kết quả thống kê", "Kết quả thống kê"],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"],
        ["1", "Tổng số VBQPPL", "Văn bản", "2.310"],
    ])
    figs, _ = table_figures(block, Sections(_meta()), 2026)
    assert len(figs) == 1 and figs[0].value == 2310 and figs[0].unit == "văn bản"
    assert figs[0].col_header == "Kết quả thống kê › Số liệu"
    scores = _table([["TT", "Tiêu chí", "Điểm chuẩn", "Điểm tự đánh giá"], ["1", "Công tác chỉ đạo", "8.00", "7.50"]])
    figs, _ = table_figures(scores, Sections(_meta()), 2026)
    assert [(f.value, f.role) for f in figs] == [(8.0, "norm"), (7.5, "actual")]


def test_layout_and_task_tables_give_no_figures():
    letterhead = _table([["ỦY BAN NHÂN DÂN TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["Số: 12/KH-UBND", "ngày 5 tháng 3 năm 2026"]])
    signature = _table([["Nơi nhận: - Như trên; - Lưu: VT, 2 bản.", "KT. CHỦ TỊCH"]])
    task = _table([["STT", "Nhiệm vụ", "Chủ trì", "Thời gian hoàn thành"], ["1", "Đạt 100% hồ sơ", "Sở Nội vụ", "Năm 2026"]])
    for block in (letterhead, signature, task):
        assert table_figures(block, Sections(_meta()), 2026) == ([], [])


def test_layout_check_skips_only_texts_no_layout_pattern_can_match():
    from extract.figures.table_cells import _rules, is_layout_table

    # invented tables: the layout words in other cases and spacing, and data tables that hold some of the words
    tables = [
        _table([["CỘNG  HOÀ XÃ HỘI CHỦ NGHĨA", "độc lập - tự do - hạnh phúc"]]),
        _table([["Nơi nhận:", "- Như trên;"], ["- LƯU: VT", "TM. ỦY BAN"]]),
        _table([["STT", "Ban chỉ đạo", "Số cuộc họp"], ["1", "Ban dân vận", "12"]]),
        _table([["STT", "Chỉ tiêu", "Kết quả"], ["1", "Hồ sơ tiếp nhận", "1.250"]]),
    ]
    got = [is_layout_table(t) for t in tables for _ in (1, 2)]  # asked twice in turn, as the figure stage does
    assert got == [bool(_rules()[2].search(t.text)) for t in tables for _ in (1, 2)]
    assert got[0] and not got[-1]


def test_text_cells_of_a_data_table_give_no_figures():
    block = _table([["TT", "Tiêu chí", "Điểm chuẩn", "Tài liệu kiểm chứng"],
                    ["1", "Kiểm tra", "1.00", "Báo cáo số 06/BC-UBND ngày 06/01/2026 nêu 30% số cơ quan được kiểm tra"]])
    figs, _ = table_figures(block, Sections(_meta()), 2026)
    assert [f.location for f in figs] == ["t1r2c3"]


# ---------------------------------------------------------------------------------------------- tasks


def test_deadline_ignores_document_dates_recurrence_and_starts():
    assert parse_deadline("Theo các mốc thời gian tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025", 2026) is None
    assert parse_deadline("Hằng năm", 2026) is None
    assert parse_deadline("Ban hành kế hoạch trong tháng 01 hằng năm", 2026) is None
    assert parse_deadline("Bắt đầu thực hiện từ năm 2026", 2026) is None
    assert parse_deadline("Ban hành kế hoạch chậm nhất là ngày 15/4/2026 và tổ chức thực hiện", 2026) == date(2026, 4, 15)
    assert parse_deadline("Trong quý I năm 2026", 2026) == date(2026, 3, 31)
    assert parse_deadline("Năm 2026", 2026) == date(2026, 12, 31)


def test_owner_cells_split_on_bulleted_lines_only():
    assert split_owners("- Đ/c Vinh - PCT,\n- Đ/c Thắng - PCT\n- Đ/c Vinh - PCT") == ["Đ/c Vinh - PCT", "Đ/c Thắng - PCT"]
    assert split_owners("Lãnh đạo\nSở Tư pháp") == ["Lãnh đạo Sở Tư pháp"]


def test_task_table_with_co_owner_and_product_columns_and_a_second_row_per_task():
    rows = [
        ["STT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện", "Phối hợp thực hiện"],
        ["1", "Tham mưu ban hành Kế hoạch kiểm tra", "Kế hoạch của tỉnh", "Năm 2026", "Sở Nội vụ", "Sở Tư pháp; Văn phòng UBND tỉnh"],
    ]
    block = _table(rows)
    cells = list(block.table.rows)
    # a second product of the same task on the next row: STT and Nhiệm vụ merged down
    cells[1] = tuple(
        Cell(c.row, c.col, c.text, rowspan=2 if c.col in (1, 2) else 1) for c in cells[1]
    )
    cells.append((Cell(3, 3, "Kế hoạch tự kiểm tra"), Cell(3, 4, "Hằng năm"), Cell(3, 5, "Các cơ quan, đơn vị"), Cell(3, 6, "")))
    block = Block("table", block.text, "t1", table=Table(tuple(cells)))
    tasks = extract_tasks(Document("x.docx", "docx", "0", (block,)), _meta())
    assert [(t.owner, t.co_owners, t.product, t.deadline) for t in tasks] == [
        ("Sở Nội vụ", ("Sở Tư pháp", "Văn phòng UBND tỉnh"), "Kế hoạch của tỉnh", date(2026, 12, 31)),
        ("Các cơ quan, đơn vị", (), "Kế hoạch tự kiểm tra", None),
    ]
    assert tasks[1].content == tasks[0].content and {t.source for t in tasks} == {"table"}


def test_schedule_rows_are_tasks_dated_in_the_schedules_month():
    title = Block("paragraph", "CHƯƠNG TRÌNH CÔNG TÁC THÁNG10NĂM 2017", "p1")
    block = _table([["Ngày", "Nội dung công việc", "Cơ quan chuẩn bị", "Lãnh đạo chủ trì"],
                    ["12", "Sáng: - Đối thoại doanh nghiệp", "- Sở KH và ĐT", "- Chủ tịch, các PCT"]], "t1")
    tasks = extract_tasks(Document("x.docx", "docx", "0", (title, block)), _meta(2017))
    assert [(t.owner, t.deadline) for t in tasks] == [("Chủ tịch, các PCT", date(2017, 10, 12))]


def test_assignment_section_gives_each_item_to_the_owner_line_above():
    blocks = (
        Block("heading", "IV. TỔ CHỨC THỰC HIỆN", "p1", level=2),
        Block("heading", "1. Sở Nội vụ:", "p2", level=3),
        Block("paragraph", "a) Theo dõi, kiểm tra, đôn đốc quá trình tổ chức thực hiện.", "p3"),
        Block("paragraph", "2. Sở Tư pháp: Lồng ghép tuyên truyền công tác CCHC.", "p4"),
        Block("paragraph", "Báo và Phát thanh, Truyền hình tỉnh chủ trì, phối hợp với các sở xây dựng nội dung.", "p5"),
    )
    tasks = extract_tasks(Document("x.docx", "docx", "0", blocks), _meta())
    assert [(t.owner, t.source) for t in tasks] == [
        ("Sở Nội vụ", "prose"), ("Sở Tư pháp", "prose"), ("Báo và Phát thanh, Truyền hình tỉnh", "prose")
    ]
    assert tasks[0].content.startswith("Theo dõi, kiểm tra")


# ---------------------------------------------------------------------------------------------- real documents

needs_realdocs = pytest.mark.skipif(not REALDOCS.is_dir(), reason=f"real documents not found at {REALDOCS}")


@needs_realdocs
def test_table_running_across_pages_puts_each_figure_on_its_printed_page():
    ex = extract_file(REALDOCS / "01_VL_BC-SNV_tong_ket_dao_tao_2021-2025.pdf")
    cells = [f for f in ex.figures if f.row_header in {"2019", "2020", "2021", "Tổng số"}]
    pages = {(f.row_header, f.page) for f in cells}
    assert pages == {("2019", 16), ("2020", 16), ("2021", 17), ("Tổng số", 17)}


@needs_realdocs
def test_real_gold_table_figures_and_tasks_at_the_levels_reached():
    tables, tasks = run_table_eval(REALDOCS, GOLD)
    text = [s for s in tables if not s.doc.startswith("50_")]  # the scanned table is not read yet
    gold = sum(s.gold for s in text)
    matched = sum(s.matched for s in text)
    extracted = sum(s.extracted for s in text)
    assert matched / gold >= 0.95 and matched / extracted >= 0.97
    assert all(s.layout == 0 for s in tables)
    assert all(s.page_ok == s.matched for s in tables)
    # subjects of the matched cells, the scan's too when it is read (round 5: 0.507 of 136 before; 175/188 after,
    # 46's agency tables included). Round 6 added 299 fresh cells (37's and 39's score and rank tables, 33's rows
    # 3 to 4.3.3, 46's tables d and đ): 0.659 of the 487 before its table rules, 0.856 after; what is left is
    # mostly the unnamed whole of a rank ("/63": tỉnh thành được xếp hạng). The documents without round-6
    # tables stay at their level. With s6-subj-score (a criterion named by its label alone takes its kind,
    # "tiêu chí ...") 0.883.
    # Session 8 (s8-gold-T) added 176 fresh cells to 06 (a comment table: sentences in cells) and 50 (the scan's
    # annex pp. 7-8): they are held apart below, and the cells of before are held without 50's 30 (0.875 of 457)
    fresh = {s.doc[:2]: s for s in tables if s.doc.startswith(("06_", "50_"))}
    kept = [s for s in tables if s.doc[:2] not in fresh]
    # Session 10 (s10-D) added 132 fresh cells to 37 and 46 (held apart too, test_session_10_fresh_...) and table
    # rules (own-criterion columns, the provinces a rank is among, an index's scale, roman index parts): 0.871 of
    # the 457 before -> 0.997 of the 589 (37 and 39: 0.684 of 187 -> 0.991 of 231)
    named = sum(s.subject_gold for s in kept)
    assert named >= 580 and sum(s.subject_ok for s in kept) / named >= 0.99
    older = [s for s in kept if not s.doc.startswith(("37_", "39_"))]
    assert sum(s.subject_ok for s in older) / sum(s.subject_gold for s in older) >= 0.99
    # role and period of the matched cells (round 6: 0.776 before the ratio-cell and lead-in rules, 0.994 after)
    assert sum(s.attributed for s in kept) / sum(s.matched for s in kept) >= 0.98
    # session 8's fresh cells: 06 found 0 of 16 before (text cells gave no figure), 16 after, role+period 10, subject 3
    # (5 with s9-cells-C: a comment's row names who comments; "Thời gian hỗ trợ" measures the support named before);
    # 50 (190 cells, 160 fresh): role+period 0.647 -> 0.890 (a continued table under its column-number row),
    # subject 0.601 -> 0.763 (OCR'd table rules in row labels); what is left is OCR damage of digits and words
    if "06" in fresh:
        s06 = fresh["06"]
        assert s06.matched == s06.gold == 16 and s06.extracted == 16 and s06.attributed >= 9 and s06.subject_ok >= 5
    if "50" in fresh:
        s50 = fresh["50"]
        assert s50.matched / s50.gold >= 0.89 and s50.attributed / s50.matched >= 0.87
        assert s50.subject_ok / s50.subject_gold >= 0.82  # 0.763 -> 0.821 (s10-D: a label OCR moved right)
    found = sum(s.found for s in tasks)
    assert found / sum(s.gold for s in tasks) >= 0.95
    assert sum(s.owner_ok for s in tasks) / found >= 0.95
    assert sum(s.deadline_ok for s in tasks) / found >= 0.95


def test_gold_files_are_well_formed():
    files = sorted(p for p in GOLD.glob("*.json") if p.name.endswith((".tables.json", ".tasks.json")))
    assert len({p.name.split(".")[0] for p in files}) >= 8
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        if path.name.endswith(".tables.json"):
            for f in data["figures"]:
                assert f["num"] in f["anchor"] and f["col_header"] and f["row_header"]
                assert isinstance(f["subject"], str) and f["subject"].strip(), (path.name, f["anchor"])
        else:
            for t in data["tasks"]:
                assert t["content"] and t["source"] in ("table", "prose")


def test_scores_count_misses_and_out_of_scope_figures():
    block = _table([["Năm", "Tổng"], ["2019", "34"], ["2020", "35"]])
    doc = Document("x.docx", "docx", "0", (block,))
    figs, _ = extract_figures(doc, _meta())

    class Ex:
        document = doc
        figures = figs
        tasks = ()

    gold = {"doc": "x", "scope": [{"first_row": "2019", "last_row": "2020"}],
            "figures": [{"anchor": "34", "num": "34", "base_value": 34, "row_header": ["2019"], "col_header": ["Tổng"],
                         "subject": "tổng số học viên"},
                        {"anchor": "99", "num": "99", "base_value": 99, "row_header": ["2021"], "col_header": ["Tổng"]}]}
    s = score_tables(Ex, gold)
    assert (s.gold, s.extracted, s.matched, s.headers_ok) == (2, 2, 1, 1)
    # the cell's subject ("Tổng") lacks the gold's "học viên": one subject judged, none named
    assert (s.subject_gold, s.subject_ok, s.subject) == (1, 0, 0.0)
    assert any("subject 'Tổng'" in w for w in s.wrong)
    assert (score_tables(Ex, {**gold, "figures": [{**gold["figures"][0], "subject": "tổng"}]}).subject_ok) == 1
    t = score_tasks(Ex, {"doc": "x", "tasks": [{"content": "Làm gì đó", "owner": "Sở A", "deadline": None}]})
    assert (t.found, t.misses) == (0, ["Làm gì đó [Sở A]"])


# ---------------------------------------------------------------------------------------------- scanned tables

FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


def _scanned_table_pdf(path: Path, sideways: bool) -> None:
    """A ruled table drawn as a picture (a scan), upright or printed sideways on a portrait page."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 46)
    rows = [["Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"],
            ["Doanh thu du lịch", "Tỷ.đ", "1.234,5", "987,6"],
            ["Lượt khách", "Nghìn", "560,0", "432,1"]]
    xs, ys = [60, 560, 760, 1060, 1360], [80, 190, 300, 410]
    img = Image.new("L", (1420, 490), 255)
    draw = ImageDraw.Draw(img)
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill=0, width=3)
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            draw.text((xs[c] + 15, ys[r] + 25), text, fill=0, font=font)
    page = Image.new("L", (2480, 3508), 255)
    if sideways:
        img = img.rotate(90, expand=True)
    page.paste(img, (200, 300))
    page.convert("RGB").save(path, "PDF", resolution=300)


@pytest.mark.skipif(not FONT.exists(), reason="Liberation fonts not installed")
@pytest.mark.parametrize("sideways", [False, True])
def test_ruled_table_on_a_scanned_page_gives_cells_and_figures(tmp_path, sideways):
    from extract.readers.ocr import unavailable_reason

    if unavailable_reason("tesseract", "vie+osd") is not None:
        pytest.skip("tesseract with Vietnamese and orientation data not installed")
    pdf = tmp_path / "scan.pdf"
    _scanned_table_pdf(pdf, sideways)
    ex = extract_file(pdf)
    tables = [b for b in ex.document.blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].ocr and tables[0].table.n_rows == 3
    # synthetic glyphs read worse than real scans: the test holds the grid, the numbers and the pages
    cells = {f.location: f for f in ex.figures if f.location.startswith("t1")}
    assert {loc: (f.value, f.page) for loc, f in cells.items() if loc != "t1r3c3"} == {
        "t1r2c3": (1234.5, 1), "t1r2c4": (987.6, 1), "t1r3c4": (432.1, 1)
    }
    assert all(f.row_header and f.col_header and f.ocr for f in cells.values())
    assert cells["t1r2c3"].row_header.startswith("Doanh thu")


def test_cell_headers_task_columns_and_totals_reach_the_warehouse(tmp_path):
    from extract.model import Extraction, Task
    from warehouse.load import Loader, connect

    block = _table([["Năm", "BS Đa khoa", "BS RHM", "Tổng"], ["2019", "34", "2", "36"], ["2020", "25", "3", "28"]])
    doc = Document("x.docx", "docx", "abc", (block,))
    figs, rels = extract_figures(doc, _meta())
    task = Task("Rà soát", "Sở Nội vụ", "Năm 2026", date(2026, 12, 31), None, None, "t2r2c1",
                co_owners=("Sở Tư pháp", "Sở Tài chính"), product="Báo cáo", source="table")
    con = connect(str(tmp_path / "w.duckdb"))
    Loader(con).load(Extraction(doc, _meta(), tuple(figs), (task,), tuple(rels)))
    headers = con.execute("select row_header, col_header from figures where raw = '36'").fetchone()
    assert headers == ("2019", "Tổng")
    assert con.execute("select co_owners, product, source from tasks").fetchone() == (
        "Sở Tư pháp; Sở Tài chính", "Báo cáo", "table")
    totals = con.execute(
        "select w.base_value, (select sum(f.base_value) from figures f where list_contains(r.member_ids, f.figure_id))"
        " from relations r join figures w on w.figure_id = r.whole_id where r.kind = 'total' order by 1"
    ).fetchall()
    assert totals == [(28.0, 28.0), (36.0, 36.0)]


# --------------------------------------------------------------------------- ratio cells, lead-in days, outline
# invented tables shaped like the score and ranking tables of provincial index reports


def test_rank_and_score_ratio_cells_take_the_role_of_each_number():
    block = _table([
        ["STT", "Nội dung", "Điểm số", "Thứ hạng", "Kết quả"],
        ["1", "Minh bạch thông tin", "8,5/\n10", "7/45", "15/20"],
        ["", "Tổng điểm", "71,2/\n100", "9/45", ""],
    ])
    figs, _ = table_figures(block, Sections(_meta()), 2026)
    got = [(f.raw, f.role, f.unit) for f in figs]
    assert got == [("8,5", "actual", None), ("10", "norm", None),  # the criterion's maximum: a point weight
                   ("7", "actual", "hạng"), ("45", "other", None),  # a rank out of 45 ranked units
                   ("15", "actual", None), ("20", "other", None),  # the whole of a result
                   ("71,2", "actual", None),  # the 100 of the total is its scale: no figure
                   ("9", "actual", "hạng"), ("45", "other", None)]
    assert figs[0].quote == "8,5/10"  # the ratio written over two lines is read as one


def test_a_lead_in_counted_to_a_day_dates_the_cells_as_a_stock():
    block = _table([["STT", "Nội dung", "Tỷ lệ"], ["1", "Hồ sơ giải quyết đúng hạn", "95,5%"]])
    sec = Sections(_meta(2025))
    figs, _ = table_figures(block, sec, 2025, "Kết quả của huyện tính đến ngày 15/10/2025 như sau:")
    assert (figs[0].period_start, figs[0].period_end, figs[0].point_in_time) == (
        date(2025, 1, 1), date(2025, 10, 15), True)
    plain, _ = table_figures(block, sec, 2025, "Kết quả cụ thể như sau:")
    assert (plain[0].period_end, plain[0].point_in_time) == (date(2025, 12, 31), False)


def test_a_roman_part_ends_the_group_row_before_it():
    block = _table([
        ["STT", "Nội dung", "Điểm"],
        ["III", "Dịch vụ trực tuyến", ""],
        ["1", "Tỷ lệ hồ sơ nộp trực tuyến", "4,5"],
        ["IV", "Số hóa hồ sơ", "9,1"],
        ["1", "Tỷ lệ hồ sơ được số hóa", "3,2"],
    ])
    figs, _ = table_figures(block, Sections(_meta()), 2026)
    assert "trực tuyến" in figs[0].subject
    assert "trực tuyến" not in figs[-1].subject and "số hóa" in figs[-1].subject


def test_an_outer_column_header_that_names_who_or_what_qualifies_the_cells():
    block = _table([
        ["STT", "Nội dung", "Huyện Đông Sơn", "Huyện Đông Sơn", "Năm 2025"],
        ["STT", "Nội dung", "Điểm số", "Thứ hạng", "Kế hoạch"],
        ["1", "Tiếp cận đất đai", "6,2", "4/9", "7"],
    ])
    figs, _ = table_figures(block, Sections(_meta()), 2026)
    assert "Đông Sơn" in figs[0].subject and "Đông Sơn" in figs[1].subject
    assert "2025" not in figs[-1].subject  # a period and a role name no measure
    acronyms = _table([["Tỉnh", "PCI", "PCI"], ["Tỉnh", "Điểm số", "Thứ hạng"], ["Tỉnh A", "65,1", "12/63"]])
    figs, _ = table_figures(acronyms, Sections(_meta()), 2026)
    assert "PCI" in figs[0].subject


def test_the_total_row_of_an_index_table_names_the_index_of_its_heading():
    sec = Sections(_meta())
    sec.enter(Block("heading", "II. CHỈ SỐ HÀI LÒNG VỀ DỊCH VỤ Y TẾ (SHLYT)", "p1", level=2))
    sec.enter(Block("heading", "1. Kết quả năm 2025", "p2", level=3))
    block = _table([["STT", "Nội dung", "Điểm số"], ["1", "Khám bệnh", "7,5"], ["", "CHỈ SỐ CHUNG", "71,4"]])
    figs, _ = table_figures(block, sec, 2026)
    assert "SHLYT" in figs[-1].subject and "SHLYT" not in figs[0].subject
    plain, _ = table_figures(block, Sections(_meta()), 2026)
    assert "SHLYT" not in plain[-1].subject


def test_a_who_table_column_that_names_its_own_criterion_takes_no_caption_topic():
    block = _table([
        ["STT", "Đơn vị", "Kết quả chung", "Chỉ số thành phần", "Chỉ số thành phần"],
        ["STT", "Đơn vị", "Điểm đạt", "Tỷ lệ hồ sơ trả kết quả qua bưu chính", "Tỷ lệ thực hiện"],
        ["1", "Sở Tài nguyên nước", "7,25", "64,10", "88,5"],
    ])
    figs, _ = table_figures(block, Sections(_meta()), 2026, "c) Kết quả đánh giá tiêu chí chuyển phát kết quả")
    general, own, generic = (f.subject for f in figs)
    # a header of measure words only is what the caption measures, "của" the row
    assert "chuyển phát kết quả" in general and general.endswith("của Sở Tài nguyên nước")
    assert "chuyển phát" in generic
    # a header that names its object is a criterion of its own: the caption's words are not pasted on
    assert "bưu chính" in own and "chuyển phát" not in own and own.endswith("của Sở Tài nguyên nước")


def test_the_whole_of_a_rank_among_the_provinces_names_them_and_a_total_rows_maximum_is_its_scale():
    block = _table([
        ["STT", "Nội dung", "Điểm số", "Thứ hạng"],
        ["1", "Chất lượng quy hoạch", "3,10/\n5", "12/63"],
        ["", "CHỈ SỐ CHUNG", "36,4/\n60", "21/34"],
        ["2", "Vệ sinh đô thị", "2,2/\n5", "4/9"],
    ])
    figs, _ = table_figures(block, Sections(_meta()), 2026)
    got = [(f.raw, f.role) for f in figs]
    # "60" of the total row is the index's scale (not only a 100): no figure; a criterion's "5" is its weight
    assert got == [("3,10", "actual"), ("5", "norm"), ("12", "actual"), ("63", "other"),
                   ("36,4", "actual"), ("21", "actual"), ("34", "other"),
                   ("2,2", "actual"), ("5", "norm"), ("4", "actual"), ("9", "other")]
    wholes = [f.subject for f in figs if f.role == "other"]
    # 63 and 34 are the country's provinces (before and after 2025): the ranked; a rank of 9 keeps its row
    assert wholes[0] == wholes[1] == "tỉnh, thành phố được xếp hạng"
    assert "Vệ sinh đô thị" in wholes[2]


def test_the_roman_parts_of_an_index_table_name_the_index_of_its_heading():
    sec = Sections(_meta())
    sec.enter(Block("heading", "III. BỘ CHỈ SỐ PHỤC VỤ CÔNG DÂN (CHỈ SỐ PVCD)", "p1", level=2))
    block = _table([
        ["STT", "Nội dung", "Tỷ lệ", "Điểm số"],
        ["I", "Minh bạch thông tin", "", "12,5"],
        ["1", "Tỷ lệ hồ sơ công khai đúng hạn", "91,2%", "4,1"],
        ["II.1", "Trả kết quả đúng hẹn", "", "7,7"],
    ])
    figs, _ = table_figures(block, sec, 2026)
    by_raw = {f.raw: f.subject for f in figs}
    # a roman part (I, II.1) is a component of the index: it names it, as the total row does
    assert "PVCD" in by_raw["12,5"] and "PVCD" in by_raw["7,7"]
    # an arabic criterion row names its own rate
    assert "PVCD" not in by_raw["91,2%"] and "công khai đúng hạn" in by_raw["91,2%"]
    plain, _ = table_figures(block, Sections(_meta()), 2026)
    assert not any("PVCD" in (f.subject or "") for f in plain)


@pytest.mark.parametrize("stem", ["37_LamDong_BC184-SNV_chiso_PAR_PAPI_PCI_06-11-2025",
                                  "46_LamDong_VPUB_BC_Bochiso766_chamdiem"])
def test_session_10_fresh_table_cells_at_the_levels_reached(stem):
    # session 10 (s10-D) wrote 84 cells at first sight (37's PAPI table, 46's table e) and 48 at second sight (46's
    # component columns of d and đ, written after the session's table rules): first sight scored every field but
    # subject (65/84; one false alarm, the 80 of PAPI's "41,02/80"), second sight every field, 48/48 (30/48 without
    # the own-criterion rule). Held here apart from the older cells, at the levels reached
    gold = json.loads((GOLD / f"{stem}.tables.json").read_text(encoding="utf-8"))
    fresh = dict(gold, figures=[f for f in gold["figures"] if f.get("fresh")],
                 scope=[s for s in gold["scope"] if "session 10" in s.get("label", "")])
    assert fresh["figures"] and fresh["scope"]
    s = score_tables(extract_file(REALDOCS / gold["file"]), fresh)
    assert s.matched == s.gold == s.extracted == s.headers_ok == s.value_ok == s.attributed
    assert s.subject_ok == s.subject_gold == s.matched


def test_a_scanned_row_whose_label_ocr_moved_one_column_right_keeps_its_label():
    from dataclasses import replace

    # a scan's rows read their STT and label as one cell over two grid columns ("| 1 |Sản lượng chè búp tươi"); in
    # one row OCR split them, leaving the label's grid column empty and its words one column further right
    rows = (
        (Cell(1, 1, "STT Chỉ tiêu", colspan=2), Cell(1, 3, "ĐVT"), Cell(1, 4, "Kế hoạch năm 2026"),
         Cell(1, 5, "Thực hiện tháng 3")),
        (Cell(2, 1, "| 1 |Sản lượng chè búp tươi", colspan=2), Cell(2, 3, "Tấn"), Cell(2, 4, "1.200,0"),
         Cell(2, 5, "95,0")),
        (Cell(3, 1, "| |- Hợp tác xã", colspan=2), Cell(3, 3, '"'), Cell(3, 4, "300,0"), Cell(3, 5, "21,5")),
        (Cell(4, 1, ""), Cell(4, 2, "| - Hộ gia đình"), Cell(4, 3, "n"), Cell(4, 4, "900,0"), Cell(4, 5, "73,5")),
    )
    block = Block("table", "", "t1", page=3, table=Table(rows), ocr=True)
    figs, _ = table_figures(block, Sections(_meta()), 2026)
    last = [f for f in figs if f.raw in ("900,0", "73,5")]
    assert len(last) == 2 and all("Hộ gia đình" in (f.row_header or "") for f in last)
    assert all("Hộ gia đình" in f.subject and "chè" in f.subject for f in last)
    # a text layer's table is read as written: the empty label cell stays the row's label
    plain, _ = table_figures(replace(block, ocr=False), Sections(_meta()), 2026)
    assert not any("Hộ gia đình" in (f.row_header or "") for f in plain if f.raw in ("900,0", "73,5"))


def test_the_maximum_of_a_whole_index_score_under_its_column_group_is_its_scale():
    block = _table([
        ["Huyện", "CSHL", "CSHL", "CSHL", "Giao thông nông thôn", "Giao thông nông thôn"],
        ["Huyện", "Điểm số", "Chỉ số", "Thứ hạng", "Điểm số", "Thứ hạng"],
        ["Huyện Mỹ Xuyên", "52,7/70", "75,3%", "4/11", "7,5/10", "2/11"],
    ])
    figs, _ = table_figures(block, Sections(_meta()), 2026)
    # the index named by its letters (CSHL) is scored on 70: a scale, no figure; a criterion's 10 is its weight
    assert [(f.raw, f.role) for f in figs] == [("52,7", "actual"), ("75,3%", "actual"), ("4", "actual"),
                                              ("11", "other"), ("7,5", "actual"), ("10", "norm"), ("2", "actual"),
                                              ("11", "other")]


@pytest.mark.parametrize(
    ("text", "wordy"),
    [
        ("Tỉnh đã kiểm tra 42/139 đơn vị", True),  # "đơn vị" is the ratio's noun: four words before it stay
        ("(1) Báo cáo kết quả năm 2025 tại Kế hoạch số 10/KH-UBND", True),  # codes and years do not help a cell
        ("15 văn bản", False),
        ("Ước đạt 22,45 %", False),
        ("tăng 1.204 giấy phép, 12 hồ sơ", False),  # the words all follow numbers: the grammar decides
        ("- Đã cấp 1.204 giấy phép, tăng 12% so với cùng kỳ", True),  # "Đã cấp", "tăng so với cùng kỳ" stay
    ],
)
def test_wordy_cells_are_no_value_cells(text, wordy):
    # words that no figure-number could span stay in _is_value_cell's count whatever numbers the grammar keeps:
    # more than it allows and the cell is no value cell, so table_figures does not ask the number grammar
    assert tc._too_wordy(text) is wordy
    if wordy:
        assert not tc._is_value_cell(text, tc._mentions(text))


def test_wordy_cell_is_known_by_its_first_words(monkeypatch):
    # the stretches a figure could span are read in text order only up to the word that decides: a long
    # sentence in a cell costs its first words, not a test of every word against every number
    read = []

    def reach(text):
        for stretch in figure_reach(text):
            read.append(stretch)
            yield stretch

    monkeypatch.setattr(tc, "figure_reach", reach)
    text = "Sở đã kiểm tra toàn bộ " + ", ".join(f"{i:02d} đơn vị" for i in range(1, 200))
    assert tc._too_wordy(text)
    assert len(read) == 1  # the first number's stretch, read ahead: the fourth word before it decides
