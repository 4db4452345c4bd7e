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


REAL_DOC = "61_BinhDuong_UBND_CT09-2009_KHCN_coso_oldword.doc"


def test_doc_without_libreoffice_fails_with_the_fix(tmp_path, shared_available, capsys):
    from support import REALDOCS

    from extract.settings import Settings
    from warehouse.batch import run_ingest

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(REALDOCS / REAL_DOC, folder)
    (folder / "phu_luc.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    (folder / "anh.png").write_bytes(b"\x89PNG")
    db = tmp_path / "w.duckdb"
    # LibreOffice absent: a command that is on no PATH stands for it
    settings = Settings(db=str(db), workers=1, office_command="no-such-soffice-here")
    assert run_ingest([str(folder)], settings, progress=False) == 1
    err = capsys.readouterr().err
    line = next(ln for ln in err.splitlines() if REAL_DOC in ln)
    assert "LibreOffice" in line and "not installed" in line and "setup.sh --with-office" in line
    assert "phu_luc.xls: unsupported file type .xls (spreadsheet)" in err
    assert "left out 1 file that is not documents (.png)" in err
    assert "loaded 0, skipped unchanged 0, failed 2" in err
    con = duckdb.connect(str(db), read_only=True)
    reasons = dict(con.execute("select regexp_extract(path, '[^/]+$'), reason from failures").fetchall())
    con.close()
    assert set(reasons) == {REAL_DOC, "phu_luc.xls"} and "libreoffice-writer-nogui" in reasons[REAL_DOC]


def test_doc_is_converted_when_libreoffice_is_installed(tmp_path, shared_available):
    from support import REALDOCS

    if shutil.which("soffice") is None:
        import pytest

        pytest.skip("LibreOffice (soffice) not installed: sh scripts/setup.sh --with-office")
    db = tmp_path / "w.duckdb"
    res = baocao("ingest", str(REALDOCS / REAL_DOC), "--db", str(db), "-q")
    assert res.returncode == 0, res.stderr
    con = duckdb.connect(str(db), read_only=True)
    fmt, title, doc_type, path = con.execute("select format, title, doc_type, path from documents").fetchone()
    text = " ".join(r[0] for r in con.execute("select text from blocks").fetchall())
    con.close()
    assert (fmt, doc_type) == ("doc", "chỉ thị") and path.endswith(REAL_DOC)
    assert title == "CHỈ THỊ Về việc đẩy mạnh hoạt động khoa học và công nghệ cấp cơ sở"
    assert "khoa học và công nghệ" in text


def test_same_bytes_twice_in_one_batch_names_the_first(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "002_44a35151dedbb7b7.docx", folder / "a.docx")
    shutil.copy(SAMPLES / "002_44a35151dedbb7b7.docx", folder / "b.docx")
    data = (SAMPLES / "003_ef6b9c13ae5fbfa8.docx").read_bytes()[:5000]
    (folder / "c_cut.docx").write_bytes(data)
    (folder / "d_cut.docx").write_bytes(data)
    db = tmp_path / "w.duckdb"
    res = baocao("ingest", str(folder), "--db", str(db), "-q", "--workers", "1")
    assert res.returncode == 1
    assert f"{folder / 'b.docx'}: duplicate of {folder / 'a.docx'} (same bytes), not loaded again" in res.stderr
    # the copy of a file that failed is not "skipped unchanged": it fails too, naming the first
    line = next(ln for ln in res.stderr.splitlines() if ln.startswith(str(folder / "d_cut.docx")))
    assert f"duplicate of {folder / 'c_cut.docx'} (same bytes), which failed: truncated or damaged file" in line
    assert "loaded 1, skipped unchanged 0, duplicates 1, failed 2" in res.stderr
    assert counts(db)["documents"] == 1


def test_a_stuck_conversion_fails_at_its_time_limit_and_leaves_no_process(tmp_path):
    import os
    import time

    from extract.pipeline import ExtractError, extract_file
    from extract.settings import Settings

    # a stand-in for LibreOffice that hangs, and writes its pid so the test can see it was killed
    fake = tmp_path / "soffice"
    pidfile = tmp_path / "pid"
    fake.write_text(f"#!/bin/sh\necho $$ > {pidfile}\nexec sleep 60\n")
    fake.chmod(0o755)
    doc = tmp_path / "cu.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 1000)
    started = time.monotonic()
    try:
        extract_file(doc, Settings(office_command=str(fake), office_timeout_s=1.0))
        raise AssertionError("a hanging conversion must fail")
    except ExtractError as exc:
        assert "LibreOffice took longer than the 1 s limit" in str(exc)
    assert time.monotonic() - started < 20
    pid = int(pidfile.read_text())
    try:
        os.kill(pid, 0)
        alive = True
    except ProcessLookupError:
        alive = False
    assert not alive
