"""Task tables and prose assignments (extract/tasks.py) and task identity across tables (warehouse/task_keys.py).

Expected rows are read from the seed text itself, so every owner, deadline and status is checked exactly.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from extract.language.text import fold
from extract.metadata import read_metadata
from extract.model import Block, Cell, Document, Extraction, Metadata, Table
from extract.readers.docx_reader import read_docx
from extract.tasks import extract_tasks, header_roles, parse_deadline, parse_status

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SEED = REPO.parent / "shared" / "seeds" / "001_8ae5b9da1ecb2557.txt"
REALDOC_10 = REPO.parent / "shared" / "realdocs" / "10_LD_TBKL_PCI_thu_hut_dau_tu.docx"
STEM = "001_8ae5b9da1ecb2557"


def _seed_annex(text: str) -> list[list[str]]:
    """Rows of one annex in the seed dump: tab-led lines are cells, untabbed lines continue the cell above."""
    rows, row = [], []
    for line in text.splitlines():
        if not line.strip():
            if row:
                rows.append(row)
            row = []
        elif line.startswith("\t"):
            row.append(line.strip())
        elif row:
            row[-1] += "\n" + line.strip()
    if row:
        rows.append(row)
    return rows[1:]  # the header


@cache
def seed_annexes() -> tuple[list[list[str]], list[list[str]]]:
    text = SEED.read_text(encoding="utf-8")
    one = text.split("Phụ lục 1.", 1)[1].split("Phụ lục 2:", 1)[0]
    two = text.split("Phụ lục 2:", 1)[1]
    return _seed_annex(one.split("\n", 1)[1]), _seed_annex(two.split("\n", 1)[1])


@cache
def _read(fmt: str) -> Document:
    path = SAMPLES / f"{STEM}.{fmt}"
    if fmt == "docx":
        return read_docx(path)
    from extract.readers.pdf_reader import read_pdf

    return read_pdf(path)


@cache
def _tasks(fmt: str):
    doc = _read(fmt)
    return doc, read_metadata(doc), extract_tasks(doc, read_metadata(doc))


def _by_table(tasks):
    tables: dict[int, list] = {}
    for t in tasks:
        if t.table_no is not None:
            tables.setdefault(t.table_no, []).append(t)
    return [tables[k] for k in sorted(tables)]


STATUS_OF = {
    "Đang thực hiện (trễ hạn)": "overdue",
    "Đang thực hiện (xin gia hạn trong quý II/2026)": "extension_requested",
    "Đang thực hiện (trong hạn)": "in_progress",
}


# ---------------------------------------------------------------------------------------------- seed 001


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_seed_001_annexes_exact(fmt):
    _, _, tasks = _tasks(fmt)
    annex1, annex2 = _by_table(tasks)
    want1, want2 = seed_annexes()
    assert len(want1) == 11 and len(want2) == 21
    assert len(annex1) == 11 and len(annex2) == 21
    for got, (stt, content, owner, deadline, status) in zip(annex1, want1, strict=True):
        assert (got.stt, got.content, got.owner, got.deadline_text) == (stt, fold(content), owner, deadline)
        m, y = deadline.split("/")
        assert got.deadline == parse_deadline(f"tháng {m}/{y}")
        assert got.status_text == fold(status)
        assert got.status == STATUS_OF[status.split("\n")[0].rstrip(".")]
    for i, (got, (stt, content, owner, deadline)) in enumerate(zip(annex2, want2, strict=True), start=1):
        assert got.row_no == i
        assert (got.stt, got.content, got.owner, got.deadline_text) == (stt, fold(content), owner, deadline)
        assert got.status in (None, "unknown") and got.status_text is None


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_seed_001_details(fmt):
    doc, _, tasks = _tasks(fmt)
    annex1, annex2 = _by_table(tasks)
    row5, row8, row11 = annex1[4], annex1[7], annex1[10]
    assert row5.row_no == 5 and row5.status == "overdue"
    assert row5.status_text.startswith("Đang thực hiện (trễ hạn).")
    assert row5.status_text.endswith("giải trí trên địa bàn tỉnh Lâm Đồng.")
    assert annex1[5].status_text == "Đang thực hiện (trễ hạn)"  # row 5's note did not leak into row 6
    assert row8.status == "extension_requested"
    assert row8.deadline == date(2026, 6, 30)
    assert row11.owner == "Sở Dân tộc và Tôn giáo, Sở Tài chính"
    assert annex1[0].deadline == date(2026, 4, 30) and annex2[0].deadline == date(2026, 7, 31)
    assert annex2[-1].deadline == date(2026, 10, 31)
    tables = {b.location: b for b in doc.tables()}
    for t in annex1 + annex2:
        assert t.location == f"t{t.table_no}r{t.row_no + 1}c1"
        assert f"t{t.table_no}" in tables
        if fmt == "pdf":
            assert t.page is not None
    # the resolution names no task in prose with an owner of its own
    assert [t for t in tasks if t.table_no is None] == []


# ---------------------------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "text, year, expected",
    [
        ("7/2026", None, date(2026, 7, 31)),
        ("4/2026", None, date(2026, 4, 30)),
        ("02/2028", None, date(2028, 2, 29)),
        ("Quý IV/2026", None, date(2026, 12, 31)),
        ("Quý II năm 2026", None, date(2026, 6, 30)),
        ("quý 3", 2026, date(2026, 9, 30)),
        ("30/11/2026", None, date(2026, 11, 30)),
        ("Trước ngày 15/8/2026", None, date(2026, 8, 15)),
        ("ngày 20 tháng 9 năm 2026", None, date(2026, 9, 20)),
        ("trong tháng 5/2026", None, date(2026, 5, 31)),
        ("trong tháng 5 năm 2026", None, date(2026, 5, 31)),
        ("Tháng 12", 2026, date(2026, 12, 31)),
        ("6 tháng đầu năm 2026", None, date(2026, 6, 30)),
        ("Năm 2026", None, date(2026, 12, 31)),
        ("2027", None, date(2027, 12, 31)),
        ("Thường xuyên", 2026, None),
        ("", 2026, None),
        ("Tháng 12", None, None),
        ("31/2/2026", None, None),
    ],
)
def test_parse_deadline(text, year, expected):
    assert parse_deadline(text, year) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hoàn thành", "done"),
        ("Đã hoàn thành", "done"),
        ("Hoàn thành (Quyết định số 12/QĐ-UBND)", "done"),
        ("Đang thực hiện (trong hạn)", "in_progress"),
        ("Đang thực hiện", "in_progress"),
        ("Đang thực hiện (trễ hạn)", "overdue"),
        ("Đang thực hiện (trễ hạn).\nSở đã có hướng dẫn quy trình", "overdue"),
        ("Chậm tiến độ", "overdue"),
        ("Quá hạn", "overdue"),
        ("Đang thực hiện (xin gia hạn trong quý II/2026)", "extension_requested"),
        ("Đề nghị gia hạn đến 30/9/2026", "extension_requested"),
        ("Chưa thực hiện", "not_started"),
        ("Chưa triển khai", "not_started"),
        ("Đang thực hiện, chưa hoàn thành", "in_progress"),
        ("Ghi nhận", "unknown"),
        ("", "unknown"),
    ],
)
def test_parse_status(text, expected):
    assert parse_status(text) == expected


def test_rules_load_and_validate():
    from extract import catalog
    from extract.tasks import STATUSES, _rules

    rules = _rules()
    assert {s for s, _ in rules.status} <= set(STATUSES)
    assert catalog.load("tasks")["match"]["threshold"] >= 80


# ---------------------------------------------------------------------------------------------- header recognition


def _table_doc(rows: list[list[str]], title: str | None = None, loc: str = "t1") -> Document:
    cells = []
    r0 = 1
    if title is not None:
        cells.append((Cell(1, 1, title, colspan=len(rows[0])),))
        r0 = 2
    for i, row in enumerate(rows):
        cells.append(tuple(Cell(r0 + i, j + 1, text) for j, text in enumerate(row)))
    table = Table(rows=tuple(cells))
    block = Block("table", " / ".join(" | ".join(r) for r in rows), loc, table=table)
    return Document(path="x.docx", format="docx", sha256="0", blocks=(block,))


def _extract(doc: Document):
    return extract_tasks(doc, Metadata(issued_date=date(2026, 6, 1)))


def test_header_roles_tolerate_split_and_synonyms():
    roles = header_roles(
        ["ST T", "Nội dung công việc", "Cơ quan chủ trì", "Thời hạn hoàn thành", "Kết quả thực hiện"]
    )
    assert roles == {"stt": 0, "content": 1, "owner": 2, "deadline": 3, "status": 4}
    roles = header_roles(["S\nT\nT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "Thời hạn", "Ghi chú"])
    assert roles == {"stt": 0, "content": 1, "owner": 2, "deadline": 3, "status": 4}


def test_merged_title_row_and_multiline_cells():
    doc = _table_doc(
        [
            ["ST T", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình hình thực hiện"],
            ["1", "Đề án A\nvề chuyển đổi số", "Sở Khoa học\nvà Công nghệ", "Quý IV/2026", "Hoàn thành"],
            ["2", "Kế hoạch B", "Sở Tài chính", "30/11/2026", "Chưa thực hiện"],
        ],
        title="PHỤ LỤC: DANH MỤC NHIỆM VỤ",
    )
    tasks = _extract(doc)
    assert [(t.stt, t.content, t.owner, t.deadline, t.status) for t in tasks] == [
        ("1", "Đề án A về chuyển đổi số", "Sở Khoa học và Công nghệ", date(2026, 12, 31), "done"),
        ("2", "Kế hoạch B", "Sở Tài chính", date(2026, 11, 30), "not_started"),
    ]
    assert tasks[0].location == "t1r3c1" and tasks[0].row_no == 1


def test_table_without_status_column_and_group_rows():
    doc = _table_doc(
        [
            ["STT", "Nội dung", "Đơn vị thực hiện", "Thời gian hoàn thành"],
            ["(1)", "(2)", "(3)", "(4)"],
            ["I", "Lĩnh vực kinh tế", "", ""],
            ["1", "Đề án C", "Sở Xây dựng", "trong tháng 5/2026"],
            ["", "(tiếp theo) giai đoạn 2026 - 2030", "", ""],
            ["2", "Đề án D", "Sở Nội vụ", "Tháng 9"],
        ]
    )
    tasks = _extract(doc)
    assert [(t.row_no, t.stt, t.content, t.deadline, t.status, t.status_text) for t in tasks] == [
        (1, "1", "Đề án C (tiếp theo) giai đoạn 2026 - 2030", date(2026, 5, 31), None, None),
        (2, "2", "Đề án D", date(2026, 9, 30), None, None),
    ]


@pytest.mark.parametrize(
    "rows",
    [
        [["ĐẢNG ỦY UBND TỈNH\n*\nSố -NQ/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM"]],
        [["Nơi nhận:\n- Như trên;", "TM. BAN THƯỜNG VỤ"]],
        [
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"],
            ["1", "Thu ngân sách", "tỷ đồng", "34.435", "18.600", "54,2"],
        ],
        [
            ["TT", "Nội dung", "ĐVT", "Kế hoạch năm 2026", "Ước thực hiện 6 tháng"],
            ["1", "Tổng vốn đầu tư", "tỷ đồng", "135.000", "51.200"],
        ],
    ],
)
def test_non_task_tables_yield_nothing(rows):
    assert _extract(_table_doc(rows)) == []


def test_headerless_continuation_table_joins_previous():
    header = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"]
    first = _table_doc([header, ["1", "Đề án E", "Sở Y tế", "6/2026"]]).blocks[0]
    second = _table_doc([["2", "Đề án F", "Sở Công Thương", "8/2026"]], loc="t2").blocks[0]
    page_no = Block("paragraph", "7", "p1")
    doc = Document(path="x.pdf", format="pdf", sha256="0", blocks=(first, page_no, second))
    tasks = _extract(doc)
    assert [(t.table_no, t.row_no, t.content, t.location) for t in tasks] == [
        (1, 1, "Đề án E", "t1r2c1"),
        (1, 2, "Đề án F", "t2r1c1"),
    ]


# ---------------------------------------------------------------------------------------------- prose


def test_prose_assignments_realdocs_10():
    doc = read_docx(REALDOC_10)
    tasks = [t for t in extract_tasks(doc, read_metadata(doc)) if t.table_no is None]
    by_loc = {t.location: t for t in tasks}
    centre = "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"
    # "Giao Trung tâm ...:" then a bullet with "trong tháng 5/2026"
    p6 = by_loc["p6"]
    assert p6.owner == "Trung tâm Xúc đầu tư, Thương mại và Du lịch"
    assert p6.deadline_text == "trong tháng 5/2026" and p6.deadline == date(2026, 5, 31)
    assert p6.content.startswith("Nghiên cứu về nội dung, tên gọi Hội nghị")
    # "a) Giao Trung tâm ..." then "- Chủ trì, phối hợp ... báo cáo UBND tỉnh trong tháng 5 năm 2026."
    p10 = by_loc["p10"]
    assert p10.owner == centre
    assert p10.deadline_text == "trong tháng 5 năm 2026" and p10.deadline == date(2026, 5, 31)
    # "b) Giao Sở Tài chính" then an unbulleted paragraph
    p13 = by_loc["p13"]
    assert p13.owner == "Sở Tài chính" and p13.content.startswith("Chủ trì, phối hợp với Sở Xây dựng")
    assert p13.deadline is None
    # inline "giao Trung tâm chủ trì": the short name resolves to the agency named above
    assert by_loc["p18"].owner == centre and by_loc["p19"].owner == centre
    assert by_loc["p15"].deadline is None  # "11 hoạt động dự kiến thực hiện trong năm 2026" is no deadline
    assert all(t.status is None and t.row_no is None for t in tasks)
    # the meeting summary, the headings and the closing line are not tasks
    assert not {"p3", "p4", "p5", "p8", "p9", "p12", "p14", "p20"} & set(by_loc)


def test_inline_assignment_sentence():
    blocks = (
        Block(
            "paragraph",
            "Thống nhất chủ trương. Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan xây dựng "
            "phương án, báo cáo UBND tỉnh trước ngày 30/6/2026.",
            "p1",
        ),
        Block("paragraph", "Đề nghị Công an tỉnh khẩn trương hoàn thành hồ sơ trong quý III/2026.", "p2"),
        Block("paragraph", "Kế hoạch Thủ tướng giao và dự toán HĐND tỉnh giao.", "p3"),
    )
    doc = Document(path="x.docx", format="docx", sha256="0", blocks=blocks)
    tasks = _extract(doc)
    assert [(t.location, t.owner, t.deadline_text, t.deadline) for t in tasks] == [
        ("p1", "Sở Tài chính", "trước ngày 30/6/2026", date(2026, 6, 30)),
        ("p2", "Công an tỉnh", "trong quý III/2026", date(2026, 9, 30)),
    ]
    assert tasks[0].content.startswith("Giao Sở Tài chính chủ trì")


def test_prose_tasks_are_the_same_with_and_without_the_word_prefilter(monkeypatch):
    """Blocks without the words an opener, inline or owner-first match needs are passed over unsearched: the
    same tasks as searching every block, on paragraphs that do and do not assign work."""
    import extract.tasks as tasks_module

    blocks = (
        Block("paragraph", "Tình hình kinh tế quý I ổn định; thu ngân sách đạt 25% dự toán.", "p1"),
        Block("paragraph", "YÊU CẦU Ban Quản lý dự án: hoàn thiện hồ sơ.", "p2"),
        Block("list_item", "- Rà soát danh mục đầu tư công trước ngày 15/7/2026;", "p3"),
        Block(
            "paragraph", "Trung tâm Phục vụ hành chính công có trách nhiệm cập nhật số liệu hằng tuần.", "p4"
        ),
        Block(
            "paragraph",
            "Hội nghị kết thúc lúc 11 giờ. Phòng Kinh tế chủ trì tổng hợp, báo cáo trong tháng 8.",
            "p5",
        ),
        Block("paragraph", "Phân công Văn phòng UBND theo dõi, đôn đốc thực hiện.", "p6"),
        Block("heading", "III. TỔ CHỨC THỰC HIỆN", "p7", level=1),
        Block("paragraph", "1. Sở Xây dựng: kiểm tra chất lượng công trình.", "p8"),
    )
    doc = Document(path="x.docx", format="docx", sha256="0", blocks=blocks)
    filtered = _extract(doc)
    assert {t.location for t in filtered} >= {"p4", "p5", "p8"}
    monkeypatch.setattr(tasks_module, "_prose_words", lambda: ((), ()))
    assert _extract(doc) == filtered


# ---------------------------------------------------------------------------------------------- task_history


def test_task_history_follows_annex_1_into_annex_2(tmp_path):
    from warehouse.load import connect, load_extraction
    from warehouse.task_keys import assign_task_keys

    doc, meta, tasks = _tasks("docx")
    con = connect(tmp_path / "w.duckdb")
    load_extraction(con, Extraction(document=doc, metadata=meta, tasks=tuple(tasks)))
    assert assign_task_keys(con) == 32
    assert assign_task_keys(con) == 0  # idempotent
    pairs = con.execute(
        """select a.row_no, b.row_no, b.deadline, a.owner = b.owner
           from tasks a join tasks b on a.task_key = b.task_key and a.task_id < b.task_id
           order by a.row_no"""
    ).fetchall()
    assert [(a, b) for a, b, _, _ in pairs] == [(i, i) for i in range(1, 12)]
    assert all(d == date(2026, 7, 31) and same_owner for _, _, d, same_owner in pairs)
    assert con.execute("select count(distinct task_key) from tasks").fetchone()[0] == 21
    hist = con.execute(
        """select seq, table_no, deadline_text, deadline, status, previous_deadline, slipped
           from task_history where content like 'Chương trình xúc tiến đầu tư%' order by seq"""
    ).fetchall()
    assert hist == [
        (1, 3, "4/2026", date(2026, 4, 30), "overdue", None, False),
        (2, 4, "7/2026", date(2026, 7, 31), None, date(2026, 4, 30), True),
    ]
    slipped = con.execute("select count(*) from task_history where slipped and table_no = 4").fetchone()[0]
    assert slipped == 11
    con.close()


def test_task_keys_across_documents(tmp_path):
    """A later document's task reuses the key; a same-table lookalike and an unrelated task do not."""
    from warehouse.load import connect, load_extraction
    from warehouse.task_keys import assign_task_keys

    def ex(sha, issued, rows):
        doc = _table_doc([["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"], *rows])
        doc = Document(path=f"{sha}.docx", format="docx", sha256=sha, blocks=doc.blocks)
        meta = Metadata(issued_date=issued)
        return Extraction(document=doc, metadata=meta, tasks=tuple(extract_tasks(doc, meta)))

    con = connect(tmp_path / "w.duckdb")
    load_extraction(
        con,
        ex(
            "a",
            date(2026, 3, 1),
            [
                ["1", "Đề án xây dựng đô thị thông minh", "Sở Xây dựng", "6/2026"],
                ["2", "Đề án xây dựng đô thị thông minh giai đoạn 2", "Sở Xây dựng", "9/2026"],
            ],
        ),
    )
    assign_task_keys(con)
    load_extraction(
        con,
        ex(
            "b",
            date(2026, 6, 1),
            [
                ["1", "Đề án  xây dựng đô thị  thông minh.", "Sở Xây dựng", "8/2026"],
                ["2", "Kế hoạch phát triển kinh tế tập thể", "Sở Tài chính", "7/2026"],
            ],
        ),
    )
    assign_task_keys(con)
    rows = con.execute("select doc_id, row_no, task_key from tasks order by doc_id, row_no").fetchall()
    keys = {(d, r): k for d, r, k in rows}
    assert keys[(2, 1)] == keys[(1, 1)]
    assert len({keys[(1, 1)], keys[(1, 2)], keys[(2, 2)]}) == 3
    assert re.fullmatch(r"\d+", str(keys[(2, 2)]))
    con.close()


def test_candidate_blocking_finds_the_keys_scoring_every_wording_finds(tmp_path, monkeypatch):
    """Blocking only skips wordings that cannot reach the threshold: scoring every latest wording instead
    gives the same keys (seed 001's task tables, reworded four ways in later reports, in two batches)."""
    from dataclasses import replace

    from warehouse import task_keys
    from warehouse.load import connect, load_extraction

    doc, meta, tasks = _tasks("docx")

    def reword(k: int, content: str) -> str:
        words = content.split()
        return " ".join([words, words[:-1], [*words, "năm", "2026"], words[1:] + words[:1], words[::-1]][k])

    def keys(db, brute: bool) -> list:
        if brute:
            monkeypatch.setattr(
                task_keys._Blocks, "candidates", lambda self, *a: set().union(*self.words.values())
            )
        con = connect(db)
        for batch in ((0, 1), (2, 3, 4)):
            for k in batch:
                ex = Extraction(
                    document=replace(doc, sha256=f"v{k}", path=f"v{k}.docx"),
                    metadata=replace(meta, issued_date=date(2026, 1 + k, 1)),
                    tasks=tuple(replace(t, content=reword(k, t.content)) for t in tasks),
                )
                load_extraction(con, ex)
            task_keys.assign_task_keys(con)
        out = con.execute("select doc_id, table_no, row_no, task_key from tasks order by all").fetchall()
        con.close()
        return out

    blocked = keys(tmp_path / "a.duckdb", brute=False)
    brute = keys(tmp_path / "b.duckdb", brute=True)
    assert blocked == brute, len({k for *_, k in blocked})
    assert len(blocked) == 5 * 32 and len({k for *_, k in blocked}) == 21  # every rewording kept its key
