"""Where the fixed cost of one small ingest goes: a timeline of `baocao ingest` of one small file, both processes.

    .venv/bin/python bench/startup.py [--runs 7] [--file samples/002_44a35151dedbb7b7.docx]

bench/speed.py gives the fixed cost as one number (the whole process tree of `baocao ingest` of the smallest sample,
goal <= 0.4 s). This runs the same command `--runs` times with a tracer that marks, in wall seconds since the
command was started, when each step of the writer (the command's process) and of the early worker (forked by
baocao/launch.py before the command line is parsed) begins and ends: the worker's imports before spaCy, `import
spacy`, the rule warm-up, the document; the writer's warehouse opening, load, task keys, families and exit. It prints
the median of each mark over the runs and the two paths: the worker's (fork to result) and the writer's (what it
does before and after the result). The tracer wraps functions; it changes nothing they do (a few microseconds a
mark), but it imports the modules it wraps (warehouse.batch) a little earlier than the command itself would.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs as `python -c TRACER ingest ...`: wraps the steps, then runs the `baocao` command's main.
TRACER = r"""
import os, sys, time
T0 = float(os.environ["STARTUP_T0"])
def mark(what):
    os.write(2, f"@@ {time.time() - T0:.4f} {os.getpid()} {what}\n".encode())
mark("python up")
import warehouse.batch as batch
def wrap(owner, name, label=None):
    f = getattr(owner, name)
    def traced(*a, **k):
        mark((label or name) + " start")
        try:
            return f(*a, **k)
        finally:
            mark((label or name) + " end")
    setattr(owner, name, traced)
for name in ("start_early_worker", "_warm", "_extract_one"):
    wrap(batch, name)
import extract.language.nlp as nlp
wrap(nlp, "import_spacy")
ingest_files = batch.ingest_files
def traced_ingest(*a, **k):
    # DuckDB is imported only now: the early worker is forked from a process without it
    import warehouse.families as families, warehouse.load as load, warehouse.task_keys as task_keys
    wrap(load, "connect"); wrap(task_keys, "assign_task_keys"); wrap(families, "assign_families")
    wrap(load.Loader, "flush", "load flush")
    mark("ingest_files start")
    try:
        return ingest_files(*a, **k)
    finally:
        mark("ingest_files end")
batch.ingest_files = traced_ingest
import baocao.__main__ as command
leave = command.leave
def traced_leave(code):
    mark("leave")
    leave(code)
command.leave = traced_leave
sys.argv = ["baocao", *sys.argv[1:]]
command.main()
"""


def one_run(path: Path, workdir: Path, k: int) -> dict[str, dict[str, float]]:
    """{'writer'|'worker': {mark: seconds}} of one traced ingest, plus the writer's 'exit' seen from outside."""
    db = workdir / f"s{k}.duckdb"
    env = {**os.environ, "BAOCAO_CACHE": str(workdir / "pattern-cache"), "STARTUP_T0": repr(time.time())}
    t0 = float(env["STARTUP_T0"])
    done = subprocess.run(
        [sys.executable, "-c", TRACER, "ingest", str(path), "--db", str(db), "--workers", "1", "-q"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    end = time.time() - t0
    if done.returncode != 0:
        raise SystemExit(f"ingest failed: {done.stderr.strip()[-500:]}")
    writer = str(done.stderr.split("@@ ", 2)[1].split()[1]) if "@@ " in done.stderr else ""
    out: dict[str, dict[str, float]] = {"writer": {}, "worker": {}}
    for line in done.stderr.splitlines():
        if line.startswith("@@ "):
            _, t, pid, what = line.split(" ", 3)
            out["writer" if pid == writer else "worker"].setdefault(what, float(t))
    out["writer"]["process exit (seen by the bench)"] = end
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--file", type=Path, default=min((ROOT / "samples").glob("*.docx"), key=lambda p: p.stat().st_size))
    args = ap.parse_args()
    marks: dict[str, dict[str, list[float]]] = {"writer": defaultdict(list), "worker": defaultdict(list)}
    with tempfile.TemporaryDirectory(prefix="baocao-startup-") as tmp:
        one_run(args.file, Path(tmp), -1)  # untimed: byte-compiles and fills this bench's pattern cache
        for k in range(args.runs):
            for side, got in one_run(args.file, Path(tmp), k).items():
                for what, t in got.items():
                    marks[side][what].append(t)
    print(f"`baocao ingest {args.file.name} --workers 1`, {args.runs} runs, median wall seconds since the start; "
          f"load average {os.getloadavg()[0]:.1f}")
    med = {side: {w: statistics.median(ts) for w, ts in m.items()} for side, m in marks.items()}
    for side in ("writer", "worker"):
        print(side)
        for what, t in sorted(med[side].items(), key=lambda kv: kv[1]):
            print(f"  {t:7.3f}  {what}")
    w, r = med["worker"], med["writer"]
    if "_extract_one end" in w and "start_early_worker end" in r:
        fork = r["start_early_worker end"]
        print("paths")
        print(f"  before the fork (one process: Python, imports both need, rule patterns)  {fork:.3f}")
        print(f"  worker: imports before spaCy                                            "
              f"{w['import_spacy start'] - fork:.3f}")
        print(f"  worker: import spacy                                                    "
              f"{w['import_spacy end'] - w['import_spacy start']:.3f}")
        print(f"  worker: rest of the warm-up                                             "
              f"{w['_warm end'] - w['import_spacy end']:.3f}")
        print(f"  worker: the document (reader import, read, figures, sketch)             "
              f"{w['_extract_one end'] - w['_extract_one start']:.3f}")
        print(f"  writer: after the result (load, task keys, families, close, exit)       "
              f"{r['process exit (seen by the bench)'] - w['_extract_one end']:.3f}")
        idle = w["_extract_one end"] - r.get("ingest_files start", fork)
        print(f"  writer: from its batch's start to the result (imports, warehouse open, then waiting)  {idle:.3f}")


if __name__ == "__main__":
    main()
