"""Make the issue-6 draft pair from sample 001: v1 is the sample marked "DỰ THẢO LẦN 1", v2 its second round.

v2 changes three reached figures, one target, one task deadline and one task status, moves a paragraph and
adds one sentence; `EDITS` lists them and tests/test_diff.py expects exactly these from `baocao diff`.

    .venv/bin/python tests/samples/make_issue6_drafts.py
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent / "samples" / "001_8ae5b9da1ecb2557.docx"
V1 = HERE / "issue-6-draft-v1.docx"
V2 = HERE / "issue-6-draft-v2.docx"
ZIP_TIME = (2026, 6, 22, 8, 0, 0)  # as in samples/make_samples.py: reruns give the same bytes

# (paragraph that contains it, old text, new text): figures whose sentence is otherwise unchanged
FIGURE_EDITS = [
    ("Thu ngân sách nhà nước đạt kết quả", "18.600 tỷ đồng", "18.750 tỷ đồng"),
    ("Thu ngân sách nhà nước đạt kết quả", "11,99 triệu lượt khách", "12,05 triệu lượt khách"),
    ("Tốc độ tăng trưởng GRDP đạt", "7,97%", "8,02%"),
    ("Tổng thu ngân sách nhà nước: Đạt kế hoạch", "34.435 tỷ đồng", "35.100 tỷ đồng"),  # a target
]
# (task table, STT, column header, new cell text)
TASK_EDITS = [
    (1, "3", "Thời hạn", "8/2026"),
    (1, "2", "Tình hình thực hiện", "Đã hoàn thành"),
]
MOVED = "- Kim ngạch xuất khẩu giảm 2,66%"  # moved below the next two paragraphs of its section
MOVED_AFTER = "- Tiến độ cập nhật dữ liệu đảng viên trên phần mềm 4.0"
ADDED_TO = "- Về công tác xây dựng Đảng và Chuyển đổi số"
ADDED = "Toàn Đảng bộ đã số hóa 12.500 hồ sơ đảng viên."
EDITS = {
    "figures": [(old, new) for _, old, new in FIGURE_EDITS],
    "added": ["12.500 hồ sơ"],
    "tasks": [(stt, header) for _, stt, header, _ in TASK_EDITS],
}


def paragraph(doc, starts: str):
    found = [p for p in doc.paragraphs if starts in p.text]
    assert len(found) == 1, f"{starts!r} found {len(found)} times"
    return found[0]


def replace(par, old: str, new: str) -> None:
    runs = [r for r in par.runs if old in r.text]
    assert len(runs) == 1, f"{old!r} is not inside one run of {par.text[:40]!r}"
    runs[0].text = runs[0].text.replace(old, new, 1)


def mark_round(doc, n: int) -> None:
    header = doc.tables[0].rows[0].cells[0]
    (p,) = [p for p in header.paragraphs if p.text.strip() == "DỰ THẢO"]
    replace(p, "DỰ THẢO", f"DỰ THẢO LẦN {n}")


def task_cell(doc, table_no: int, stt: str, header: str):
    tables = [t for t in doc.tables if t.rows[0].cells[0].text.strip() == "STT"]
    table = tables[table_no - 1]
    col = [c.text.strip() for c in table.rows[0].cells].index(header)
    (row,) = [r for r in table.rows if r.cells[0].text.strip() == stt]
    return row.cells[col]


def save(doc, out: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    src = zipfile.ZipFile(buf)
    dst_buf = io.BytesIO()
    with zipfile.ZipFile(dst_buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    out.write_bytes(dst_buf.getvalue())


def make_v1():
    doc = Document(str(SOURCE))
    mark_round(doc, 1)
    return doc


def make_v2():
    doc = Document(str(SOURCE))
    mark_round(doc, 2)
    for starts, old, new in FIGURE_EDITS:
        replace(paragraph(doc, starts), old, new)
    for table_no, stt, header, text in TASK_EDITS:
        (p,) = task_cell(doc, table_no, stt, header).paragraphs
        (run,) = p.runs
        run.text = text
    moved = paragraph(doc, MOVED)
    paragraph(doc, MOVED_AFTER)._p.addnext(moved._p)  # lxml moves the element, it is not copied
    (last,) = paragraph(doc, ADDED_TO).runs[-1:]
    last.text = last.text.rstrip() + " " + ADDED
    return doc


def main() -> None:
    save(make_v1(), V1)
    save(make_v2(), V2)
    print(f"wrote {V1.name}, {V2.name}")


if __name__ == "__main__":
    main()
