"""bench/startup.py's tracer still finds the steps of a small ingest it times (the function names it wraps are the
code's): one traced ingest marks every step in both processes, in the order the command runs them. No timing is
asserted (bench/ measures speed; the suite checks only that the measure reads the right steps)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location("startup_bench", ROOT / "bench" / "startup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_traced_ingest_marks_each_step_in_order(tmp_path):
    bench = _bench()
    small = min((ROOT / "samples").glob("*.docx"), key=lambda p: p.stat().st_size)
    got = bench.one_run(small, tmp_path, 0)
    writer, worker = got["writer"], got["worker"]
    steps = ["_warm start", "import_spacy start", "import_spacy end", "_warm end", "_extract_one start",
             "_extract_one end"]
    assert all(s in worker for s in steps), sorted(worker)
    assert [worker[s] for s in steps] == sorted(worker[s] for s in steps)
    assert writer["start_early_worker end"] <= worker["_warm start"]  # the worker is forked before the command line
    for s in ("connect start", "load flush end", "assign_families end", "leave"):
        assert s in writer, sorted(writer)
    assert worker["_extract_one end"] <= writer["load flush end"] <= writer["leave"]
    assert (tmp_path / "s0.duckdb").exists()  # the ingest loaded its warehouse
