"""Batch ingest at scale: worker count does not change the warehouse, limits fail one file alone, lazy imports."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from support import ROOT, SAMPLES

import warehouse.batch as batch
from extract.pipeline import extract_file, sha256_of
from extract.settings import Settings
from warehouse.batch import WorkerPool, run_ingest, start_early_worker
from warehouse.families import sketch
from warehouse.load import connect

DOCX = SAMPLES / "000_ea23f6f2735d3a0f.docx"
PDF = SAMPLES / "002_44a35151dedbb7b7.pdf"
LONG_PDF = SAMPLES / "003_ef6b9c13ae5fbfa8.pdf"  # 15 pages, 128 KB


def baocao(*args):
    return subprocess.run(
        [sys.executable, "-m", "baocao.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=600
    )


def loaded_names(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(Path(r[0]).name for r in con.execute("select path from documents").fetchall())
    finally:
        con.close()


def warehouse_rows(db: Path) -> dict[str, list]:
    """Every row with ids replaced by the document's file name: load order differs between worker counts."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        q = {
            "documents": "select * exclude (doc_id, ingested_at) from documents",
            "figures": "select d.path, f.* exclude (figure_id, doc_id) from figures f join documents d using (doc_id)",
            "tasks": "select d.path, t.* exclude (task_id, doc_id, task_key) from tasks t join documents d using (doc_id)",
            "blocks": "select d.path, b.* exclude (doc_id) from blocks b join documents d using (doc_id)",
            # task identity across documents: which rows share a key, whatever the key's number
            "task_keys": """select list(d.path || ':' || t.table_no || ':' || t.row_no order by d.path, t.table_no,
                                   t.row_no) from tasks t join documents d using (doc_id) group by t.task_key""",
        }
        return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in q.items()}
    finally:
        con.close()


def test_two_workers_load_the_same_rows_as_one(tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    r1 = baocao("ingest", str(SAMPLES), "--db", str(one), "--workers", "1", "-q")
    r2 = baocao("ingest", str(SAMPLES), "--db", str(two), "--workers", "2", "-q")
    assert r1.returncode == 0 and r2.returncode == 0, r1.stderr + r2.stderr
    rows1, rows2 = warehouse_rows(one), warehouse_rows(two)
    assert len(rows1["documents"]) == 8 and len(rows1["figures"]) > 300 and len(rows1["tasks"]) >= 64
    for table in rows1:
        assert rows1[table] == rows2[table], table


# extractors run inside the worker processes, so they live at module level (imported there by name)


def slow_extractor(path: str, settings: Settings):
    name = Path(path).name
    if name.startswith("slow"):
        time.sleep(600)  # Python code: the worker's own alarm interrupts it
    if name.startswith("stuck"):
        # deaf to the alarm, like a reader stuck inside C code: only the watchdog's kill ends it
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    if name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    return extract_file(path, settings)


def test_overrunning_documents_fail_alone(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, src in [
        ("a.docx", DOCX),
        ("b.pdf", PDF),
        ("slow.docx", DOCX),
        ("stuck.pdf", PDF),
        ("c.pdf", LONG_PDF),
    ]:
        data = src.read_bytes()
        # distinct bytes so no file is skipped as a copy of another
        (folder / name).write_bytes(data + f"\n% {name}\n".encode() if src.suffix == ".pdf" else data)
    (folder / "slow.docx").write_bytes(
        DOCX.read_bytes() + b"\0"
    )  # trailing bytes after the zip: still readable
    db = tmp_path / "w.duckdb"
    settings = Settings(db=str(db), workers=2, doc_timeout_s=8.0, doc_kill_grace_s=0.5)
    code = run_ingest([str(folder)], settings, progress=False, extractor=slow_extractor)
    err = capsys.readouterr().err
    assert code == 1
    assert f"{folder / 'slow.docx'}: took longer than the 8 s limit" in err.splitlines()
    assert f"{folder / 'stuck.pdf'}: took longer than the 8 s limit" in err.splitlines()
    assert loaded_names(db) == ["a.docx", "b.pdf", "c.pdf"]
    con = duckdb.connect(str(db), read_only=True)
    reasons = sorted(con.execute("select reason from failures").fetchall())
    assert reasons == [("took longer than the 8 s limit",)] * 2


def test_a_crashing_reader_fails_its_document_and_workers_are_replaced(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DOCX, folder / "a.docx")
    shutil.copy(PDF, folder / "crash.pdf")
    shutil.copy(LONG_PDF, folder / "z.pdf")
    db = tmp_path / "w.duckdb"
    # one worker replaced after every document: each file meets a fresh process
    settings = Settings(db=str(db), workers=1, worker_max_tasks=1)
    code = run_ingest([str(folder)], settings, progress=False, extractor=slow_extractor)
    err = capsys.readouterr().err
    assert code == 1
    assert f"{folder / 'crash.pdf'}: the reader crashed (worker killed by SIGSEGV)" in err.splitlines()
    assert loaded_names(db) == ["a.docx", "z.pdf"]


def test_workers_sketch_each_document_as_the_warehouse_stores_its_text(tmp_path):
    db = tmp_path / "w.duckdb"
    assert run_ingest([str(DOCX), str(PDF)], Settings(db=str(db), workers=1), progress=False) == 0
    with WorkerPool(Settings(workers=1), sketch=True) as pool:
        outcomes = [status for _, status, _ in pool.run([(p, sha256_of(p)) for p in (DOCX, PDF)])]
    assert outcomes == ["ok", "ok"]
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        """select d.sha256, d.content_sketch, string_agg(b.text, '\n' order by b.seq)
           from documents d join blocks b using (doc_id) group by all"""
    ).fetchall()
    assert len(rows) == 2
    for sha, stored, text in rows:
        assert len(stored) > 50
        assert pool.sketches[sha] == stored == sketch(text)


def _early_worker():
    start_early_worker()
    pool, starter = batch._early
    # this test process has DuckDB loaded: the worker comes from the fork server, started in a thread
    assert starter is not None
    starter.join()
    assert len(pool.slots) == 1
    return pool.slots[0].proc


_FORKED_HERE = """
import sys
import warehouse.batch as batch
from extract.pipeline import extract_file
from extract.settings import Settings
from multiprocessing import process
batch.start_early_worker()
pool, starter = batch._early
slot = pool.slots[0]
print(starter is None, type(slot.proc).__name__, process.active_children() == [slot.proc])
pool = batch._adopt_early(Settings(workers=1), extract_file)
with pool:
    (job, status, extraction), *rest = pool.run([(sys.argv[1], "sha")])
print(status, len(extraction.figures) > 0, rest == [], "duckdb" in sys.modules)
"""


def test_an_early_worker_is_forked_directly_before_duckdb_is_loaded():
    # a process with neither DuckDB nor a second thread forks its first worker itself (no fork server)
    run = subprocess.run(
        [sys.executable, "-c", _FORKED_HERE, str(DOCX)], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["True", "ForkProcess", "True", "ok", "True", "True", "False"]


# `baocao ingest` as the command runs it, its worker noting at its end which of these modules it imported
_WORKER_MODULES = """
import sys
import warehouse.batch as batch

noted = sys.argv.pop()
work = batch._worker


def noting(*args, **kwargs):
    try:
        work(*args, **kwargs)
    finally:
        names = ("spacy", "spacy.cli", "spacy.cli.info", "weasel", "requests", "typer", "duckdb")
        with open(noted, "w") as out:
            out.write(" ".join(n for n in names if n in sys.modules))


batch._worker = noting
from baocao.__main__ import main

sys.argv[0] = "baocao"
main()
"""


def test_the_worker_of_an_ingest_imports_spacy_without_its_command_line(tmp_path):
    # the early worker (forked before typer and DuckDB) reads the document with spaCy, never loading spaCy's
    # command line (extract/language/nlp.py import_spacy); the command itself gives the usual result
    noted = tmp_path / "modules.txt"
    args = ["ingest", str(DOCX), "--db", str(tmp_path / "w.duckdb"), "--workers", "1", "-q", str(noted)]
    run = subprocess.run(
        [sys.executable, "-c", _WORKER_MODULES, *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert run.returncode == 0, run.stderr
    assert "loaded 1," in run.stderr
    assert noted.read_text() == "spacy"


def test_an_early_worker_serves_the_batch_with_its_settings():
    proc = _early_worker()
    # started with the defaults (120 s a document); the batch's 1 ms limit reaches it before the job
    settings = Settings(workers=1, doc_timeout_s=0.001)
    pool = batch._adopt_early(settings, extract_file)
    assert pool is not None and batch._early is None
    assert pool.slots[0].proc is proc
    with pool:
        (job, status, reason), *rest = pool.run([(LONG_PDF, sha256_of(LONG_PDF))])
    assert (status, reason, rest) == ("error", "took longer than the 0.001 s limit", [])
    assert not proc.is_alive()


def test_an_early_worker_started_with_other_limits_is_not_used():
    proc = _early_worker()
    assert batch._adopt_early(Settings(workers=1, worker_memory_mb=1024), extract_file) is None
    assert batch._early is None
    proc.join(timeout=5)
    assert not proc.is_alive()


def test_size_and_page_limits_fail_with_a_reason(tmp_path):
    db = tmp_path / "w.duckdb"
    res = baocao("ingest", str(DOCX), str(LONG_PDF), "--db", str(db), "-q", "--max-file-mb", "0.1")
    assert res.returncode == 1
    assert f"{LONG_PDF}: file over the 0.1 MB limit (0.123 MB)" in res.stderr.splitlines()
    assert loaded_names(db) == [DOCX.name]
    res = baocao("ingest", str(LONG_PDF), "--db", str(db), "-q", "--max-pages", "10")
    assert res.returncode == 1
    assert f"{LONG_PDF}: 15 pages, more than the limit of 10" in res.stderr.splitlines()


def test_query_starts_without_the_readers(tmp_path):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    res = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "baocao.cli",
            "query",
            "select count(*) from documents",
            "--db",
            str(db),
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == ["count_star()", "0"]
    # -X importtime lines: "import time: self | cumulative | package.module"
    imported = {
        ln.rsplit("|", 1)[1].strip() for ln in res.stderr.splitlines() if ln.startswith("import time:")
    }
    top = {name.split(".")[0] for name in imported}
    assert "duckdb" in top  # the check sees real imports
    # pandas is for the Python API (warehouse/api.py) only; the CLI prints rows without it
    assert not top & {"spacy", "pdfplumber", "pdfminer", "pypdfium2", "docx", "thinc", "pandas"}


class _SlowFinalizer:
    def __del__(self):
        time.sleep(0.3)  # the document's alarm fires in here, where Python prints and drops the exception


def _finalizer_then_busy(path: str, settings: Settings):
    _SlowFinalizer()  # collected at once: its finalizer runs now, past the limit
    end = time.monotonic() + 3
    while time.monotonic() < end:  # ordinary Python code: a repeated alarm lands here
        pass
    return "never"


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the dropped first alarm, on purpose
def test_a_time_limit_that_fires_inside_a_finalizer_still_ends_the_document():
    previous = signal.signal(signal.SIGALRM, batch._on_alarm)
    try:
        started = time.monotonic()
        outcome = batch._extract_one("x.docx", Settings(doc_timeout_s=0.1), _finalizer_then_busy)
        assert outcome == ("error", "took longer than the 0.1 s limit")
        assert time.monotonic() - started < 2
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # nothing left armed after the document
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_released_workers_exit_on_their_own_and_are_waited_for_later():
    with WorkerPool(Settings(workers=1)) as pool:
        outcomes = [status for _, status, _ in pool.run([(DOCX, sha256_of(DOCX))])]
        procs = [slot.proc for slot in pool.slots]
        pool.release()
        assert pool.slots == [] and [slot.proc for slot in pool.released] == procs
        procs[0].join(timeout=60)  # it stops by itself: nobody joins or kills it
        assert procs[0].exitcode == 0
    pool.join_released()
    assert outcomes == ["ok"] and pool.released == []


def test_a_killed_batchs_ocr_folder_is_removed_by_the_next_batch(tmp_path, monkeypatch):
    monkeypatch.setattr(batch.tempfile, "tempdir", str(tmp_path))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = tmp_path / f"baocao-ocr-{int(gone.stdout)}-abc"  # its process exited (as one killed with -9)
    live = tmp_path / f"baocao-ocr-{os.getppid()}-def"  # a batch still running in another process
    other = tmp_path / "baocao-ocr-bench-ghi"  # not a batch's
    for folder in (dead, live, other):
        folder.mkdir()
        (folder / "core0.lock").touch()
    with WorkerPool(Settings(workers=1)) as pool:
        own = Path(pool.ocr_folder)
        assert own.parent == tmp_path and own.name.startswith(f"baocao-ocr-{os.getpid()}-")
    assert not own.exists() and not dead.exists()
    assert live.exists() and other.exists()
