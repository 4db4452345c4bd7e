"""The Ray engine on a 2-CPU local Ray cluster (one per test session): the same warehouse as the local engine,
a worker killed mid-task still loads every document once, a reader hung in C code fails its document alone."""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'baocao[ray]' or '.[dev]')")

from support import ROOT, SAMPLES  # noqa: E402
from test_batch import warehouse_rows  # noqa: E402
from test_stage import relations  # noqa: E402

from extract.pipeline import extract_file  # noqa: E402
from extract.settings import Settings  # noqa: E402
from warehouse.batch import run_ingest  # noqa: E402
from warehouse.ray_engine import run_ingest_engine  # noqa: E402

TESTS = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def ray_cluster():
    """One local cluster for every Ray test (module scope: only this module needs it, and it is stopped
    before the rest of the suite runs); ~5 s to start."""
    # the hooks below run in Ray's workers, which find this folder through PYTHONPATH (inherited from this
    # process, which starts the local cluster); Ray's socket paths must stay short, hence /tmp
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(TESTS), saved]))
    temp = tempfile.mkdtemp(prefix="rt", dir="/tmp")
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        logging_level="ERROR",
        object_store_memory=128 * 2**20,
        _temp_dir=temp,
    )
    yield
    ray.shutdown()
    shutil.rmtree(temp, ignore_errors=True)
    if saved is None:
        os.environ.pop("PYTHONPATH", None)
    else:
        os.environ["PYTHONPATH"] = saved


def corpus(folder: Path, copies: int = 8) -> list[Path]:
    """The samples, the regression samples, `copies` byte-distinct copies of the samples and a broken file."""
    folder.mkdir()
    sources = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".docx", ".pdf"))
    sources += sorted((TESTS / "samples").glob("*.docx"))
    out = []
    for src in sources:
        out.append(folder / src.name)
        shutil.copy(src, out[-1])
    for k in range(copies):
        src = sources[k % 8]
        if src.suffix == ".pdf":
            data = src.read_bytes() + f"\n% copy {k}\n".encode()
        else:
            data = src.read_bytes() + b"\0" * (k + 1)  # trailing bytes after the zip: still readable
        out.append(folder / f"copy{k}_{src.name}")
        out[-1].write_bytes(data)
    out.append(folder / "broken.pdf")
    out[-1].write_bytes(b"%PDF-1.4 not really")
    return out


def ingest_ray(paths, db: Path, extractor=extract_file, **settings) -> int:
    s = Settings(**{"db": str(db), "workers": 2, "stage_batch": 4, **settings})
    return run_ingest_engine([str(p) for p in paths], s, "ray", progress=False, extractor=extractor)


def test_ray_loads_the_same_warehouse_as_the_local_engine(ray_cluster, tmp_path, capsys):
    files = corpus(tmp_path / "in")
    assert len(files) == 19
    local, remote = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    assert run_ingest([str(tmp_path / "in")], Settings(db=str(local), workers=2), progress=False) == 1
    assert ingest_ray([tmp_path / "in"], remote) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'in' / 'broken.pdf'}: " in err
    assert "loaded 18, skipped unchanged 0, failed 1" in err.splitlines()[-1]
    rows_local, rows_ray = warehouse_rows(local), warehouse_rows(remote)
    assert len(rows_ray["documents"]) == 18 and len(rows_ray["figures"]) > 1000
    for table in rows_local:
        assert rows_ray[table] == rows_local[table], table
    assert relations(remote) == relations(local)
    query = "select path, sha256, reason from failures"
    failures = [duckdb.connect(str(db), read_only=True).execute(query).fetchall() for db in (local, remote)]
    assert failures[0] == failures[1] and len(failures[0]) == 1
    # unchanged files are skipped by their sha256, hashed in the tasks
    assert ingest_ray([tmp_path / "in"], remote) == 1
    assert "loaded 0, skipped unchanged 18, failed 1" in capsys.readouterr().err


# the hooks run in the extraction process a task starts (a child of the forkserver the Ray worker starts)


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def killing_extractor(path: str, settings: Settings):
    """The first time a `kill*` file is read, SIGKILL the Ray worker running its task."""
    marker = Path(path).with_suffix(".killed")
    if Path(path).name.startswith("kill") and not marker.exists():
        marker.write_text(str(_parent(os.getppid())))
        os.kill(_parent(os.getppid()), signal.SIGKILL)
        os._exit(1)
    return extract_file(path, settings)


def always_killing_extractor(path: str, settings: Settings):
    """Every time a `kill*` file is read, SIGKILL the Ray worker running its task."""
    if Path(path).name.startswith("kill"):
        os.kill(_parent(os.getppid()), signal.SIGKILL)
        os._exit(1)
    return extract_file(path, settings)


def hanging_extractor(path: str, settings: Settings):
    """A `poison*` file hangs in C code, deaf to the time limit's alarm."""
    if Path(path).name.startswith("poison"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        ctypes.CDLL(None).sleep(600)
    return extract_file(path, settings)


def documents(db: Path) -> list[tuple[str, int]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "select path, (select count(*) from figures f where f.doc_id = d.doc_id) from documents d order by path"
        ).fetchall()
    finally:
        con.close()


def test_a_worker_killed_mid_task_still_loads_every_document_once(ray_cluster, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    sources = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".docx", ".pdf"))[:6]
    for i, src in enumerate(sources):
        shutil.copy(src, folder / (f"kill_{src.name}" if i == 2 else src.name))
    db = tmp_path / "w.duckdb"
    assert ingest_ray([folder], db, killing_extractor) == 0, capsys.readouterr().err
    killed = int((folder / f"kill_{sources[2].stem}.killed").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(killed, 0)  # that worker is gone
    loaded = documents(db)
    assert sorted(Path(p).name.removeprefix("kill_") for p, _ in loaded) == sorted(s.name for s in sources)
    assert [n for _, n in loaded] == [len(extract_file(folder / Path(p).name).figures) for p, _ in loaded]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from failures").fetchone()[0] == 0
    con.close()


def test_a_task_whose_worker_dies_every_time_fails_its_documents_alone(ray_cluster, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    sources = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".docx", ".pdf"))[:3]
    for src in sources:
        shutil.copy(src, folder / src.name)
    shutil.copy(SAMPLES / "003_ef6b9c13ae5fbfa8.docx", folder / "kill.docx")
    db = tmp_path / "w.duckdb"
    # tasks of 2: the two files after the first three share a task with the killing one
    code = ingest_ray([folder], db, always_killing_extractor, stage_batch=2, stage_task_retries=1)
    assert code == 1
    err = capsys.readouterr().err.splitlines()
    lost = [line for line in err if "its task failed" in line]
    assert sorted(line.split(": ", 1)[0] for line in lost) == sorted(
        str(folder / n) for n in (sources[2].name, "kill.docx")
    )
    assert [Path(p).name for p, _ in documents(db)] == [s.name for s in sources[:2]]
    con = duckdb.connect(str(db), read_only=True)
    assert (
        con.execute("select count(*) from failures where reason like 'its task failed%'").fetchone()[0] == 2
    )
    con.close()


def test_a_reader_hung_in_c_code_is_killed_and_recorded_as_a_failure(ray_cluster, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    docx, pdf = SAMPLES / "000_ea23f6f2735d3a0f.docx", SAMPLES / "002_44a35151dedbb7b7.pdf"
    shutil.copy(docx, folder / "a.docx")
    shutil.copy(pdf, folder / "b.pdf")
    (folder / "poison.pdf").write_bytes(pdf.read_bytes() + b"\n% poison\n")
    shutil.copy(SAMPLES / "001_8ae5b9da1ecb2557.docx", folder / "c.docx")
    db = tmp_path / "w.duckdb"
    started = time.monotonic()
    code = ingest_ray([folder], db, hanging_extractor, doc_timeout_s=3.0, doc_kill_grace_s=0.5)
    assert time.monotonic() - started < 120
    assert code == 1
    assert f"{folder / 'poison.pdf'}: took longer than the 3 s limit" in capsys.readouterr().err.splitlines()
    assert [Path(p).name for p, _ in documents(db)] == ["a.docx", "b.pdf", "c.docx"]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select path, reason from failures").fetchall() == [
        (str(folder / "poison.pdf"), "took longer than the 3 s limit")
    ]
    con.close()


_WITHOUT_RAY = """
import sys
sys.modules["ray"] = None  # import ray fails, as where the extra is not installed
from baocao.cli import main
sys.argv[0] = "baocao"
main()
"""


def test_the_engines_on_the_command_line_and_without_ray(tmp_path):
    def baocao(*args, script=None):
        cmd = [sys.executable, *(["-c", script] if script else ["-m", "baocao.cli"]), *args]
        return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)

    doc, db = str(SAMPLES / "000_ea23f6f2735d3a0f.docx"), str(tmp_path / "w.duckdb")
    res = baocao("ingest", doc, "--db", db, "--engine", "spark")
    assert res.returncode == 2 and "'--engine'" in res.stderr and "'spark' is not one of" in res.stderr
    res = baocao("ingest", doc, "--db", db, "--engine", "ray", "-q", script=_WITHOUT_RAY)
    assert res.returncode == 1
    assert res.stderr.strip().splitlines()[-1] == "the Ray engine needs Ray: pip install 'baocao[ray]'"
    # the local engine never imports Ray
    res = baocao("ingest", doc, "--db", db, "-q", script=_WITHOUT_RAY)
    assert res.returncode == 0 and "loaded 1," in res.stderr, res.stderr
