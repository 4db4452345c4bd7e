"""The command line as an analyst meets it: no false all-clear on a wrong --db, distinct messages for a missing,
invalid or locked warehouse, --wait, strict options, query input and table output, eval on nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from support import ROOT, SAMPLES
from typer.testing import CliRunner

from baocao.cli import _starts_workers, app
from extract.settings import Settings
from warehouse.batch import run_ingest

READ_COMMANDS = [
    ["query", "select 1"],
    ["check"],
    ["summary"],
    ["report", "--out", "r.html"],
    ["export", "--out", "e.xlsx"],
    ["diff", "1", "2"],
]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "w.duckdb"
    assert (
        run_ingest([str(SAMPLES / "003_ef6b9c13ae5fbfa8.docx")], Settings(db=str(db), workers=1), False) == 0
    )
    return db


def run(*args, cwd=None):
    return CliRunner().invoke(app, list(args), catch_exceptions=False) if cwd is None else _in(cwd, args)


def _in(cwd: Path, args):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def one_line(result) -> str:
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_read_commands_refuse_a_missing_warehouse_and_create_nothing(command, tmp_path):
    # the default --db relative to a folder with no warehouse, and a typo'd --db in a missing folder
    default = run(*command, cwd=tmp_path)
    assert default.exit_code == 1
    line = one_line(default)
    assert "warehouse/baocao.duckdb: no warehouse here" in line
    assert str(tmp_path / "warehouse" / "baocao.duckdb") in line and "baocao ingest PATH --db" in line
    typo = run(*command, "--db", str(tmp_path / "typo" / "w.duckdb"), cwd=tmp_path)
    assert typo.exit_code == 1 and "no warehouse here" in one_line(typo)
    assert list(tmp_path.iterdir()) == []  # no file, no folder


def test_ingest_is_the_one_command_that_creates_a_warehouse(tmp_path):
    db = tmp_path / "new" / "w.duckdb"
    assert run("ingest", str(SAMPLES / "003_ef6b9c13ae5fbfa8.docx"), "--db", str(db), "-q").exit_code == 0
    assert db.is_file()
    assert run("check", "--db", str(db)).exit_code == 0


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_text_file_and_a_corrupt_file_are_not_warehouses(command, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("không phải kho dữ liệu\n" * 50, encoding="utf-8")
    result = run(*command, "--db", str(text), cwd=tmp_path)
    assert result.exit_code == 1
    line = one_line(result)
    # our words, then DuckDB's own; never "busy"
    assert (
        "not a baocao warehouse" in line and "not a valid DuckDB database file" in line and "busy" not in line
    )
    corrupt = tmp_path / "w.duckdb"
    corrupt.write_bytes(os.urandom(8192))
    line = one_line(run(*command, "--db", str(corrupt), cwd=tmp_path))
    assert "not a baocao warehouse" in line and "busy" not in line
    empty_duckdb = tmp_path / "other.duckdb"
    duckdb.connect(str(empty_duckdb)).close()
    assert "without the documents table" in one_line(run(*command, "--db", str(empty_duckdb), cwd=tmp_path))


def _hold(db: Path, read_only: bool, seconds: float) -> subprocess.Popen:
    """Another process holding the warehouse open (an ingest writing, or a notebook reading)."""
    code = (
        "import duckdb, sys, time\n"
        f"c = duckdb.connect({str(db)!r}, read_only={read_only})\n"
        "print('open', flush=True)\n"
        f"time.sleep({seconds})\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_a_locked_warehouse_is_busy_not_invalid_and_wait_retries(warehouse, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(warehouse, db)
    writer = _hold(db, read_only=False, seconds=4)
    try:
        busy = run("query", "select count(*) from documents", "--db", str(db))
        assert busy.exit_code == 1
        line = one_line(busy)
        assert "is busy" in line and "Could not set lock" in line and "--wait" in line
        assert "not a baocao warehouse" not in line
        started = time.monotonic()
        waited = run(
            "query", "select count(*) as n from documents", "--db", str(db), "--format", "csv", "--wait", "60"
        )
        assert waited.exit_code == 0, waited.output
        assert waited.output.splitlines()[-1] == "1" and time.monotonic() - started > 0.5
    finally:
        writer.kill()
        writer.wait()


def test_check_beside_a_read_only_session_prints_its_findings_and_says_they_are_not_stored(
    warehouse, tmp_path
):
    db = tmp_path / "w.duckdb"
    shutil.copy(warehouse, db)
    stored = run("check", "--db", str(db), "--format", "json")
    assert stored.exit_code == 0
    expected = json.loads(stored.stdout)
    con = duckdb.connect(str(db))
    con.execute("delete from findings")
    con.close()
    reader = _hold(db, read_only=True, seconds=30)
    try:
        result = CliRunner().invoke(app, ["check", "--db", str(db), "--format", "json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == expected
        assert "not stored in table findings" in result.stderr and "Could not set lock" in result.stderr
        # an ingest truly needs to write: it fails, naming the lock
        ingest = run("ingest", str(SAMPLES / "002_44a35151dedbb7b7.docx"), "--db", str(db), "-q")
        assert ingest.exit_code == 1 and "is busy" in ingest.output
    finally:
        reader.kill()
        reader.wait()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from findings").fetchone()[0] == 0  # left as it was
    con.close()


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "yaml"],
        ["check", "--format", "xml"],
        ["query", "select 1", "--format", "xlsx"],
        ["summary", "--format", "html"],
        ["eval", "--format", "yaml"],
        ["diff", "1", "2", "--format", "csv"],
        ["export", "--format", "ods", "--out", "x"],
        ["schema", "--format", "yaml"],
        ["query", "select 1", "--max-rows", "-1"],
        ["query", "select 1", "--wait", "-5"],
        ["ingest", "x.docx", "--workers", "0"],
        ["report", "--as-of", "hôm qua"],
    ],
    ids=lambda a: " ".join(a[:1] + a[-2:]),
)
def test_invalid_options_are_refused_by_the_cli_library(args, warehouse):
    result = CliRunner().invoke(
        app, [*args, "--db", str(warehouse)] if args[0] != "schema" and args[0] != "eval" else args
    )
    assert result.exit_code == 2, result.output
    assert "Invalid value" in result.output


def test_every_offered_format_is_honoured(warehouse):
    for command in (["check"], ["summary"], ["query", "select doc_id, path from documents"]):
        csv_out = run(*command, "--db", str(warehouse), "--format", "csv")
        assert csv_out.exit_code == 0
        header = csv_out.stdout.splitlines()[0]
        assert "," in header and "│" not in csv_out.stdout and not header.startswith("[")
        js = run(*command, "--db", str(warehouse), "--format", "json")
        assert isinstance(json.loads(js.stdout), list)


def test_version_and_short_help():
    from importlib.metadata import version

    v = run("--version")
    assert v.exit_code == 0 and v.stdout.strip() == f"baocao {version('baocao')}"
    for args in (["-h"], ["query", "-h"], ["export", "-h"]):
        short, long_ = run(*args), run(*args[:-1], "--help")
        assert short.exit_code == 0 and short.stdout == long_.stdout and "Usage" in short.stdout


def test_eval_fails_on_nothing_to_score(tmp_path):
    no_samples = CliRunner().invoke(app, ["eval", "--samples", str(tmp_path / "nonexist")])
    assert no_samples.exit_code == 1
    assert "no sample" in one_line(no_samples) and "--samples" in no_samples.output
    no_gold = CliRunner().invoke(app, ["eval", "--gold", str(tmp_path)])
    assert no_gold.exit_code == 1 and "no gold files" in one_line(no_gold)
    outside = run("eval", cwd=tmp_path)  # defaults relative to a folder that is not the repository
    assert outside.exit_code == 1 and "F1" not in outside.output


def test_query_reads_a_file_and_stdin_and_caps_rows(warehouse, tmp_path):
    sql = tmp_path / "q.sql"
    sql.write_text("-- số văn bản\nselect count(*) as n from figures;\n", encoding="utf-8")
    n = duckdb.connect(str(warehouse), read_only=True).execute("select count(*) from figures").fetchone()[0]
    from_file = run("query", "-f", str(sql), "--db", str(warehouse), "--format", "csv")
    assert from_file.exit_code == 0 and from_file.stdout.splitlines() == ["n", str(n)]
    piped = CliRunner().invoke(
        app, ["query", "-", "--db", str(warehouse), "--format", "json"], input=sql.read_text()
    )
    assert json.loads(piped.stdout) == [{"n": n}]
    both = run("query", "select 1", "-f", str(sql), "--db", str(warehouse))
    assert both.exit_code == 2
    capped = CliRunner().invoke(
        app,
        [
            "query",
            "select figure_id from figures",
            "--db",
            str(warehouse),
            "--format",
            "csv",
            "--max-rows",
            "3",
        ],
    )
    assert capped.stdout.splitlines() == ["figure_id", "1", "2", "3"]
    assert f"showing 3 of {n} rows" in capped.stderr


def test_table_output_shows_null_apart_from_empty_text_and_never_cuts(warehouse):
    long = "nhiệm vụ " * 60 + "KẾTTHÚC"
    result = run("query", f"select null as a, '' as b, '{long}' as c, 'x' as d", "--db", str(warehouse))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    row = next(ln for ln in lines if "NULL" in ln)
    cells = [c.strip() for c in row.split("│")[1:-1]]
    assert cells[0] == "NULL" and cells[1] == ""
    text = "".join(c.split("│")[3].strip() for c in lines if c.count("│") == 5)
    assert "KẾTTHÚC" in text and "…" not in result.stdout
    assert text.replace(" ", "") == long.replace(" ", "")


def test_query_starts_from_the_installed_script_outside_the_repository(tmp_path):
    script = Path(sys.executable).with_name("baocao")
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    res = subprocess.run([str(script), "check"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert res.returncode == 1 and "no warehouse here" in res.stderr and not any(tmp_path.iterdir())
    assert ROOT.exists()


def test_ingest_refuses_a_file_that_is_not_a_warehouse(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("ghi chú\n" * 50, encoding="utf-8")
    result = run("ingest", str(SAMPLES / "003_ef6b9c13ae5fbfa8.docx"), "--db", str(text), "-q")
    assert result.exit_code == 1
    assert (
        "not a baocao warehouse" in one_line(result) and text.read_text(encoding="utf-8") == "ghi chú\n" * 50
    )


def test_ingest_waits_out_a_short_query(warehouse, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(warehouse, db)
    reader = _hold(db, read_only=True, seconds=1.5)  # a query that finishes a moment later
    try:
        result = run("ingest", str(SAMPLES / "002_44a35151dedbb7b7.docx"), "--db", str(db), "-q")
    finally:
        reader.wait()
    assert result.exit_code == 0, result.output
    assert duckdb.connect(str(db), read_only=True).execute("select count(*) from documents").fetchone()[0] == 2


def test_the_fork_server_starts_early_only_for_a_local_ingest():
    assert _starts_workers(["ingest", "a.docx", "--db", "w.duckdb"])
    assert _starts_workers(["ingest", "a.docx", "--engine", "local"])
    assert not _starts_workers(["ingest", "a.docx", "--engine", "ray"])
    assert not _starts_workers(["ingest", "a.docx", "--engine=ray"])
    assert not _starts_workers(["ingest", "a.docx", "--stage", "s"])
    assert not _starts_workers(["ingest", "--help"])
    assert not _starts_workers(["query", "select 1"])
    assert not _starts_workers([])


def test_the_command_forks_its_first_worker_before_typer_is_imported(tmp_path):
    code = (
        "import sys\n"
        "import warehouse.batch as batch\n"
        "start = batch.start_early_worker\n"
        "def noted():\n"
        "    print('typer' in sys.modules, 'baocao.cli' in sys.modules, file=sys.stderr)\n"
        "    start()\n"
        "batch.start_early_worker = noted\n"
        "from baocao.__main__ import main\n"
        f"sys.argv = ['baocao', 'ingest', {str(SAMPLES / '002_44a35151dedbb7b7.docx')!r}, '--db', "
        f"{str(tmp_path / 'w.duckdb')!r}, '-q']\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == "False False"
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone()[0] == 1


def test_python_dash_m_baocao_is_the_command(tmp_path):
    db = tmp_path / "w.duckdb"
    args = ["ingest", str(SAMPLES / "003_ef6b9c13ae5fbfa8.docx"), "--db", str(db), "-q"]
    done = subprocess.run([sys.executable, "-m", "baocao", *args], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from figures").fetchone()[0] > 0
    shown = subprocess.run([sys.executable, "-m", "baocao", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert shown.returncode == 0 and "ingest" in shown.stdout


def test_an_ingest_ends_with_its_status_its_output_and_the_exit_functions_run(tmp_path):
    """`baocao ingest` ends by os._exit (baocao/launch.py `leave`): the status is still the command's (0 loaded,
    1 a file failed, 2 nothing found), its summary reaches stderr, and the exit functions still run."""
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    marker = tmp_path / "atexit-ran"
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(marker)!r}, 'w').write('yes'))\n"
        "from baocao.__main__ import main\n"
        "sys.argv = ['baocao', *sys.argv[1:]]\n"
        "main()\n"
    )
    runs = {
        "good": [str(SAMPLES / "002_44a35151dedbb7b7.docx")],
        "bad": [str(bad)],
        "none": [str(tmp_path / "missing-folder")],
    }
    statuses = {}
    for name, paths in runs.items():
        marker.unlink(missing_ok=True)
        db = tmp_path / f"{name}.duckdb"
        done = subprocess.run(
            [sys.executable, "-c", code, "ingest", *paths, "--db", str(db), "-q"],
            capture_output=True, text=True, cwd=ROOT, timeout=600,
        )
        statuses[name] = done.returncode
        assert marker.read_text() == "yes", name
        if name != "none":
            assert "loaded" in done.stderr, done.stderr  # the summary line, flushed before the exit
    assert statuses == {"good": 0, "bad": 1, "none": 2}
    with duckdb.connect(str(tmp_path / "good.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from figures").fetchone()[0] > 0


def test_leave_waits_for_a_running_thread_and_gives_a_message_status_1(tmp_path):
    marker = tmp_path / "thread-done"
    code = (
        "import threading, time\n"
        "from baocao.launch import leave\n"
        "def late():\n"
        "    time.sleep(0.3)\n"
        f"    open({str(marker)!r}, 'w').write('done')\n"
        "threading.Thread(target=late).start()\n"
        "leave(3)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 3 and marker.read_text() == "done"  # the usual exit, which waits for the thread
    said = subprocess.run(
        [sys.executable, "-c", "from baocao.launch import leave\nprint('out')\nleave('no warehouse here')"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert (said.returncode, said.stdout, said.stderr) == (1, "out\n", "no warehouse here\n")
