"""`baocao diff`: figure and task alignment between two versions of a document (issue 6)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from support import ROOT, SAMPLES, SEED_STEMS

from extract.settings import Settings
from warehouse.batch import run_ingest
from warehouse.diff import (
    align_figures,
    diff_docs,
    diff_figures,
    diff_rows,
    diff_tasks,
    figure_context,
    print_diff,
)
from warehouse.load import connect

DRAFTS = ROOT / "tests" / "samples"
V1, V2 = DRAFTS / "issue-6-draft-v1.docx", DRAFTS / "issue-6-draft-v2.docx"
sys.path.insert(0, str(DRAFTS))
import make_issue6_drafts as drafts  # noqa: E402


def baocao(*args):
    return subprocess.run(
        [sys.executable, "-m", "baocao.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=600
    )


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """The eight samples and the draft pair in one warehouse; doc_id by file name."""
    settings = Settings().resolve(db=str(tmp_path_factory.mktemp("diff") / "w.duckdb"), workers=2)
    assert run_ingest([str(SAMPLES), str(V1), str(V2)], settings, progress=False) == 0
    con = duckdb.connect(settings.db, read_only=True)
    ids = {p.rsplit("/", 1)[-1]: d for d, p in con.execute("select doc_id, path from documents").fetchall()}
    con.close()
    return settings, ids


def fig(quote: str, raw: str, base_value: float, **kw) -> dict:
    start = quote.index(raw)
    row = {
        "raw": raw,
        "base_value": base_value,
        "base_unit": kw.pop("base_unit", "%"),
        "quote": quote,
        "char_start": start,
        "char_end": start + len(raw),
        "location": kw.pop("location", "p1"),
    }
    return {**row, **kw}


def task(content: str, key, deadline=None, status=None, **kw) -> dict:
    return {
        "content": content,
        "task_key": key,
        "deadline": deadline,
        "status": status,
        "owner": "Sở Tài chính",
        **kw,
    }


# ------------------------------------------------------------------------------ the draft pair from seed 001


def empty_warehouse(tmp_path) -> Path:
    """A warehouse with no document yet: diff, like every read command, never makes one."""
    db = tmp_path / "w.duckdb"
    connect(db).close()
    return db


def test_draft_pair_reports_exactly_the_edits(tmp_path):
    """Paths not yet in the warehouse are ingested; only the scripted edits come out, not the move."""
    db = empty_warehouse(tmp_path)
    res = baocao("diff", str(V1), str(V2), "--db", str(db), "--format", "json")
    assert res.returncode == 0, res.stderr
    items = json.loads(res.stdout)
    figures = [i for i in items if i["kind"] == "figure"]
    changed = {(i["old_raw"], i["new_raw"]) for i in figures if i["change"] == "changed"}
    assert changed == set(drafts.EDITS["figures"])
    assert [i["new_raw"] for i in figures if i["change"] == "added"] == drafts.EDITS["added"]
    assert [i for i in figures if i["change"] == "removed"] == []
    assert len(figures) == len(changed) + 1
    target = next(i for i in figures if i["old_raw"] == "34.435 tỷ đồng")
    assert (target["role"], target["indicator"]) == ("target", "budget_revenue")
    assert target["old_quote"].replace("34.435", "35.100") == target["new_quote"]

    tasks = {(i["new_stt"], tuple(i["fields"])): i for i in items if i["kind"] == "task"}
    assert set(tasks) == {("3", ("deadline",)), ("2", ("status",))}
    assert (tasks["3", ("deadline",)]["old_deadline"], tasks["3", ("deadline",)]["new_deadline"]) == (
        "2026-04-30",
        "2026-08-31",
    )
    assert (tasks["2", ("status",)]["old_status"], tasks["2", ("status",)]["new_status"]) == (
        "overdue",
        "done",
    )

    con = duckdb.connect(str(db), read_only=True)
    drafts_no = con.execute("select draft_no from documents order by doc_id").fetchall()
    moved = con.execute("select location from figures where raw = '2,66%' order by doc_id").fetchall()
    con.close()
    assert drafts_no == [(1,), (2,)]
    assert moved[0] != moved[1]  # the paragraph did move, and was not reported


def test_same_pair_by_doc_id_gives_the_same_counts(warehouse):
    settings, ids = warehouse
    result = diff_docs(settings, ids[V1.name], ids[V2.name])
    assert result.counts("figure") == {"unchanged": 43, "changed": 4, "added": 1, "removed": 0}
    assert result.counts("task") == {"unchanged": 30, "changed": 2, "added": 0, "removed": 0}
    back = diff_docs(settings, ids[V2.name], ids[V1.name])
    assert back.counts("figure") == {"unchanged": 43, "changed": 4, "added": 0, "removed": 1}


def test_committed_drafts_are_what_the_script_makes(tmp_path):
    for make, committed in ((drafts.make_v1, V1), (drafts.make_v2, V2)):
        out = tmp_path / committed.name
        drafts.save(make(), out)
        assert out.read_bytes() == committed.read_bytes(), f"rerun tests/samples/{drafts.Path(__file__).name}"


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_docx_and_pdf_of_one_seed_diff_to_nothing(warehouse, stem):
    settings, ids = warehouse
    result = diff_docs(settings, ids[f"{stem}.docx"], ids[f"{stem}.pdf"])
    assert result.items() == []
    assert result.counts("figure")["unchanged"] > 0


def test_table_shows_old_and_new_number_in_the_sentence(warehouse, capsys):
    settings, ids = warehouse
    print_diff(diff_docs(settings, ids[V1.name], ids[V2.name]), "table", width=400)
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if "GRDP đạt" in ln)
    assert "GRDP đạt 7,97% → 8,02%, chưa đạt kịch bản" in line


def test_unknown_reference_is_a_usage_error(tmp_path):
    res = baocao("diff", "nope.docx", "12", "--db", str(tmp_path / "w.duckdb"))
    assert res.returncode == 2 and "nope.docx" in res.stderr
    db = empty_warehouse(tmp_path)
    assert baocao("diff", str(V1), "999", "--db", str(db)).returncode == 2


def test_paths_are_not_ingested_into_a_missing_warehouse(tmp_path):
    res = baocao("diff", str(V1), str(V2), "--db", str(tmp_path / "new" / "w.duckdb"))
    assert res.returncode == 1 and "no warehouse here" in res.stderr and "baocao ingest" in res.stderr
    assert not (tmp_path / "new").exists()


def test_a_file_that_cannot_be_ingested_fails_with_its_reason(tmp_path):
    cut = tmp_path / "cut.docx"
    cut.write_bytes(V1.read_bytes()[:5000])
    res = baocao("diff", str(V1), str(cut), "--db", str(empty_warehouse(tmp_path)), "--format", "json")
    assert res.returncode == 1 and res.stdout == ""
    assert f"{cut}: truncated or damaged file" in res.stderr


# ------------------------------------------------------------------------------------- alignment, pure


def test_context_masks_numbers_and_marks_the_figure():
    row = fig("Khu vực II: Đạt từ 13,18% - 14,29%.", "14,29%", 14.29)
    assert figure_context(row) == "khu vực ii: đạt từ #% - @%."


def test_only_the_edited_number_of_a_sentence_changes():
    q_old = "Tổng vốn đạt 51,2 nghìn tỷ đồng (tăng 12,7% so với cùng kỳ)."
    q_new = "Tổng vốn đạt 51,2 nghìn tỷ đồng (tăng 13,1% so với cùng kỳ)."
    old = [fig(q_old, "51,2 nghìn tỷ đồng", 5.12e13, base_unit="đồng"), fig(q_old, "12,7%", 12.7)]
    new = [fig(q_new, "51,2 nghìn tỷ đồng", 5.12e13, base_unit="đồng"), fig(q_new, "13,1%", 13.1)]
    changes = diff_figures(old, new)
    assert [(c.change, c.fields) for c in changes] == [("unchanged", ()), ("changed", ("value",))]


def test_pdf_whitespace_and_moved_sentences_are_not_changes():
    a = fig("Kim ngạch xuất khẩu giảm 2,66%, trong đó thủy sản giảm sâu.", "2,66%", -2.66, location="p12")
    b = fig("Tỷ lệ cử tri đi bầu đạt 99,82%.", "99,82%", 99.82, location="p13")
    a_pdf = fig(
        "Kim ngạch  xuất khẩu giảm 2,66% , trong đó thủy\u00a0sản giảm sâu.", "2,66%", -2.66, location="p15"
    )
    b_pdf = fig("Tỷ lệ cử tri đi bầu đạt 99,82%.", "99,82%", 99.82, location="p2")
    result = diff_rows([a, b], [b_pdf, a_pdf])
    assert result.items() == [] and result.counts("figure")["unchanged"] == 2


def test_a_rewritten_sentence_about_the_same_indicator_is_a_change():
    key = {
        "indicator": "grdp_growth",
        "role": "actual",
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 6, 30),
        "basis": None,
    }
    old = [fig("Tốc độ tăng trưởng GRDP đạt 7,97%.", "7,97%", 7.97, **key)]
    new = [fig("Tăng trưởng kinh tế (GRDP) 6 tháng ước đạt 8,1%, thấp hơn kịch bản.", "8,1%", 8.1, **key)]
    assert [c.change for c in diff_figures(old, new)] == ["changed"]
    # without the shared indicator the same two sentences are one removal and one addition
    bare = [{**r, "indicator": None} for r in old], [{**r, "indicator": None} for r in new]
    assert sorted(c.change for c in diff_figures(*bare)) == ["added", "removed"]


def test_identical_sentences_pair_by_location_and_new_sentences_are_added():
    s = "Hoàn thành 100% chương trình kiểm tra, giám sát năm 2026."
    old = [fig(s, "100%", 100, location="p5"), fig(s, "100%", 100, location="p9")]
    new = [
        fig(s, "100%", 100, location="p9"),
        fig("Kết nạp 109 đảng viên mới.", "109 đảng viên", 109, base_unit="đảng viên", location="p10"),
        fig(s, "100%", 100, location="p5"),
    ]
    assert sorted(align_figures(old, new), key=str) == sorted([(0, 2), (1, 0), (None, 1)], key=str)


def test_a_removed_figure_is_listed_where_it_stood():
    s1, s2, s3 = "Thu ngân sách đạt 18.600 tỷ đồng.", "Xuất khẩu giảm 2,66%.", "Cử tri đi bầu đạt 99,82%."
    old = [
        fig(s1, "18.600 tỷ đồng", 1.86e13, base_unit="đồng"),
        fig(s2, "2,66%", -2.66),
        fig(s3, "99,82%", 99.82),
    ]
    changes = diff_figures(old, [old[0], old[2]])
    assert [(c.change, (c.old or c.new)["raw"]) for c in changes] == [
        ("unchanged", "18.600 tỷ đồng"),
        ("removed", "2,66%"),
        ("unchanged", "99,82%"),
    ]


def test_a_qualifier_change_is_a_change_a_respelling_is_not():
    old = fig(
        "Tổng vốn đầu tư toàn xã hội: Phấn đấu đạt trên 135.000 tỷ đồng.",
        "135.000 tỷ đồng",
        1.35e14,
        base_unit="đồng",
        qualifier=">",
    )
    same = fig(
        "Tổng vốn đầu tư toàn xã hội: Phấn đấu đạt trên 135 nghìn tỷ đồng.",
        "135 nghìn tỷ đồng",
        1.35e14,
        base_unit="đồng",
        qualifier=">",
    )
    assert [c.change for c in diff_figures([old], [same])] == ["unchanged"]
    assert [c.fields for c in diff_figures([old], [{**old, "qualifier": None}])] == [("qualifier",)]


def test_tasks_align_by_key_and_report_deadline_and_status():
    old = [
        task("Đề án xây dựng đô thị thông minh", 7, date(2026, 6, 30), "overdue"),
        task("Kế hoạch đầu tư tạo quỹ đất sạch", 8, date(2026, 6, 30), "extension_requested"),
    ]
    new = [
        task(
            "Kế hoạch đầu tư tạo quỹ đất sạch trên địa bàn tỉnh", 8, date(2026, 9, 30), "extension_requested"
        ),
        task("Đề án xây dựng đô thị thông minh", 7, date(2026, 6, 30), "done"),
    ]
    changes = {c.new["task_key"]: c for c in diff_tasks(old, new)}
    assert (changes[7].change, changes[7].fields) == ("changed", ("status",))
    assert (changes[8].change, changes[8].fields) == ("changed", ("deadline",))


def test_tasks_without_a_key_fall_back_to_content_and_keyed_tasks_do_not():
    old = [task("Chương trình phát triển đô thị; chương trình phát triển nhà ở", None, date(2026, 4, 30))]
    new = [task("Chương trình phát triển đô thị, chương trình phát triển nhà ở", 3, date(2026, 8, 31))]
    assert [(c.change, c.fields) for c in diff_tasks(old, new)] == [("changed", ("deadline",))]
    # assign_task_keys gave them different keys: two different tasks, whatever the wording
    keyed = [{**old[0], "task_key": 4}]
    assert sorted(c.change for c in diff_tasks(keyed, new)) == ["added", "removed"]


def test_a_figure_whose_row_label_was_reworded_is_unchanged_not_removed_and_added():
    """A table cell keeps its number while its row label grows ("ca bệnh đã điều trị khỏi" -> "... sốt xuất huyết
    ..."), and a distinctive number moves to a table stated the other way round: the same figures, not new ones."""
    old = [
        fig("4.215", "4.215", 4215, base_unit="ca", subject="ca bệnh đã điều trị khỏi", location="t3r7c4"),
        fig("0", "0", 0, base_unit="ca", subject="ca tử vong", location="t3r8c4"),
        fig("52,37/80", "52,37", 52.37, base_unit="điểm", subject="Điểm số chỉ số chung PAPI – Sơn La",
            location="t5r11c3"),
    ]
    new = [
        fig("4.215", "4.215", 4215, base_unit="ca", subject="ca bệnh sốt xuất huyết đã được điều trị khỏi",
            location="t3r7c4"),
        fig("0", "0", 0, base_unit="ca", subject="ca tử vong do sốt xuất huyết", location="t3r8c4"),
        fig("52,37/80", "52,37", 52.37, base_unit="điểm", subject="Điểm số Sơn La – PAPI", location="t1r3c6"),
    ]
    assert [figure_context(r) for r in old] != [figure_context(r) for r in new]
    assert sorted(align_figures(old, new), key=str) == [(0, 0), (1, 1), (2, 2)]
    assert [c.change for c in diff_figures(old, new)] == ["unchanged"] * 3


def test_a_common_number_in_another_sentence_is_not_taken_for_the_same_figure():
    """'100%' and '57' recur by chance: in sentences that are not alike they stay one removed and one added, even at
    the same paragraph number."""
    old = [
        fig("Đạt 100% trường học có tủ thuốc đạt chuẩn.", "100%", 100, location="p40"),
        fig("Đã khám sàng lọc cho học sinh của 57/124 trường.", "57", 57, base_unit="trường", location="p41"),
    ]
    new = [
        fig("Tiếp tục duy trì tiêm chủng đầy đủ cho 100% trẻ em dưới 1 tuổi.", "100%", 100, location="p40"),
        fig("Triển khai mô hình bếp ăn an toàn tại 57 trường mầm non.", "57", 57, base_unit="trường",
            location="p41"),
    ]
    assert sorted(align_figures(old, new), key=str) == sorted([(0, None), (1, None), (None, 0), (None, 1)], key=str)
