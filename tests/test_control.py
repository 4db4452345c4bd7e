"""Analyst control: `baocao rm` removes a document with all its rows; `ingest --replace` swaps a changed file;
`check --fail-on` sets the exit code; suppressions in <db>.suppressions.yaml hold across runs."""

from __future__ import annotations

import shutil

from support import SAMPLES
from typer.testing import CliRunner

from baocao.cli import app
from warehouse.load import connect

SEED = SAMPLES / "001_8ae5b9da1ecb2557"  # seed with known defects: text_table_mismatch (error), duplicate_text ...
CLEAN = SAMPLES / "000_ea23f6f2735d3a0f"

TABLES = ("documents", "figures", "tasks", "relations", "blocks")


def _run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _counts(db):
    con = connect(db)
    out = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in (*TABLES, "findings")}
    con.close()
    return out


def test_rm_removes_a_document_and_all_its_rows(tmp_path):
    db = tmp_path / "w.duckdb"
    assert _run("ingest", f"{SEED}.docx", f"{CLEAN}.docx", "--db", db, "-q", "--workers", "1").exit_code == 0
    assert _run("check", "--db", db).exit_code == 0
    before = _counts(db)
    con = connect(db)
    seed_id = con.execute("select doc_id from documents where path like '%001_%'").fetchone()[0]
    own = {t: con.execute(f"select count(*) from {t} where doc_id = ?", [seed_id]).fetchone()[0] for t in TABLES}
    con.close()
    assert all(own.values()) and before["findings"] > 0
    result = _run("rm", f"{SEED}.docx", "--db", db)
    assert result.exit_code == 0, result.output
    after = _counts(db)
    assert {t: before[t] - after[t] for t in TABLES} == own
    con = connect(db)
    assert con.execute("select count(*) from findings where doc_id = ? or other_doc_id = ?", [seed_id, seed_id]).fetchone()[0] == 0
    con.close()
    missing = _run("rm", "999", "--db", db)
    assert missing.exit_code == 1 and "999: no such document" in missing.output


def test_replace_swaps_a_changed_file_at_the_same_path(tmp_path):
    db = tmp_path / "w.duckdb"
    path = tmp_path / "baocao.docx"
    shutil.copy(f"{SEED}.docx", path)
    assert _run("ingest", path, "--db", db, "-q", "--workers", "1").exit_code == 0
    shutil.copy(f"{CLEAN}.docx", path)  # the file edited in place
    assert _run("ingest", path, "--db", db, "-q", "--workers", "1").exit_code == 0
    con = connect(db)
    assert con.execute("select count(*) from documents").fetchone()[0] == 2  # kept as a new version
    con.close()
    shutil.copy(f"{SEED}.docx", path)
    assert _run("ingest", path, "--db", db, "-q", "--workers", "1", "--replace").exit_code == 0
    con = connect(db)
    rows = con.execute("select path from documents").fetchall()
    orphans = con.execute("select count(*) from figures where doc_id not in (select doc_id from documents)").fetchone()[0]
    con.close()
    assert len(rows) == 1 and orphans == 0
    shutil.copy(SAMPLES / "003_ef6b9c13ae5fbfa8.docx", path)  # new content, replacing
    assert _run("ingest", path, "--db", db, "-q", "--workers", "1", "--replace").exit_code == 0
    con = connect(db)
    shas = con.execute("select sha256 from documents").fetchall()
    orphans = con.execute("select count(*) from blocks where doc_id not in (select doc_id from documents)").fetchone()[0]
    con.close()
    assert len(shas) == 1 and orphans == 0


def test_fail_on_and_suppressions(tmp_path):
    db = tmp_path / "w.duckdb"
    assert _run("ingest", f"{SEED}.docx", "--db", db, "-q", "--workers", "1").exit_code == 0
    assert _run("check", "--db", db, "--fail-on", "error").exit_code == 1  # text_table_mismatch
    assert _run("check", "--db", db, "--fail-on", "info").exit_code == 2
    (tmp_path / "w.suppressions.yaml").write_text(
        "- check_id: text_table_mismatch\n"
        "  document: 001_8ae5b9da1ecb2557.docx\n"
        "  reason: the annex was cut after the text was written\n",
        encoding="utf-8",
    )
    for _ in range(2):  # and again: the suppression is kept across runs
        result = _run("check", "--db", db, "--fail-on", "error")
        assert result.exit_code == 0, result.output
        assert "text_table_mismatch" not in result.stdout
    # warnings remain (duplicate_text)
    assert _run("check", "--db", db, "--fail-on", "warning").exit_code == 1
    con = connect(db)
    marked = con.execute(
        "select count(*), min(suppressed_reason) from findings where suppressed and check_id = 'text_table_mismatch'"
    ).fetchone()
    shown = con.execute("select count(*) from open_findings where check_id = 'text_table_mismatch'").fetchone()[0]
    con.close()
    assert marked[0] == 2 and marked[1].startswith("the annex") and shown == 0
    (tmp_path / "w.suppressions.yaml").write_text("- check_id: x\n", encoding="utf-8")
    bad = _run("check", "--db", db)
    assert bad.exit_code == 2 and "needs a check_id and a reason" in bad.output
