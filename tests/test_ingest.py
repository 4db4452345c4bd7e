"""Batch ingest through the CLI: dedup by sha256, one failing file does not stop the batch, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import duckdb
from support import SAMPLES


def baocao(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "baocao.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


def counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("documents", "figures", "tasks", "blocks")}
    finally:
        con.close()


def test_ingest_twice_changes_nothing(tmp_path):
    db = tmp_path / "w.duckdb"
    first = baocao("ingest", str(SAMPLES), "--db", str(db), "--workers", "2", "-q")
    assert first.returncode == 0, first.stderr
    c1 = counts(db)
    assert c1["documents"] == 8 and c1["figures"] > 300 and c1["tasks"] >= 64
    second = baocao("ingest", str(SAMPLES), "--db", str(db), "-q")
    assert second.returncode == 0, second.stderr
    assert "skipped unchanged 8" in second.stderr
    assert counts(db) == c1


def test_bad_file_fails_alone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "000_ea23f6f2735d3a0f.docx", folder)
    shutil.copy(SAMPLES / "002_44a35151dedbb7b7.pdf", folder)
    data = (SAMPLES / "003_ef6b9c13ae5fbfa8.docx").read_bytes()
    (folder / "cut.docx").write_bytes(data[: len(data) // 3])
    db = tmp_path / "w.duckdb"
    res = baocao("ingest", str(folder), "--db", str(db), "-q", "--workers", "1")
    assert res.returncode == 1
    lines = [ln for ln in res.stderr.splitlines() if "cut.docx" in ln]
    assert len(lines) == 1 and lines[0].endswith("cut.docx: truncated or damaged file")
    con = duckdb.connect(str(db), read_only=True)
    paths = sorted(r[0].rsplit("/", 1)[-1] for r in con.execute("select path from documents").fetchall())
    assert paths == ["000_ea23f6f2735d3a0f.docx", "002_44a35151dedbb7b7.pdf"]
    assert con.execute("select count(*) from failures where path like '%cut.docx'").fetchone()[0] == 1
    # nothing of the bad file anywhere
    assert con.execute("select count(*) from figures where doc_id not in (select doc_id from documents)").fetchone()[0] == 0


def test_changed_file_is_a_new_document(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    target = folder / "a.pdf"
    shutil.copy(SAMPLES / "002_44a35151dedbb7b7.pdf", target)
    db = tmp_path / "w.duckdb"
    assert baocao("ingest", str(folder), "--db", str(db), "-q").returncode == 0
    with target.open("ab") as fh:
        fh.write(b"\n% appended comment\n")
    assert baocao("ingest", str(folder), "--db", str(db), "-q").returncode == 0
    assert counts(db)["documents"] == 2


def test_usage_errors_and_query_formats(tmp_path):
    db = tmp_path / "w.duckdb"
    assert baocao("ingest", str(tmp_path / "nope"), "--db", str(db)).returncode == 2
    assert baocao("ingest", "--db", str(db)).returncode == 2
    assert baocao("ingest", str(SAMPLES / "002_44a35151dedbb7b7.docx"), "--db", str(db), "-q").returncode == 0
    res = baocao("query", "select doc_type, is_draft from documents", "--db", str(db), "--format", "json")
    assert res.returncode == 0
    assert json.loads(res.stdout) == [{"doc_type": "gợi ý thảo luận", "is_draft": False}]
    res = baocao("query", "select count(*) as n from documents", "--db", str(db), "--format", "csv")
    assert res.stdout.splitlines() == ["n", "1"]
    bad = baocao("query", "select * from nowhere", "--db", str(db))
    assert bad.returncode == 1 and "nowhere" in bad.stderr
    write = baocao("query", "delete from documents", "--db", str(db))
    assert write.returncode == 1  # read-only
