"""How cost grows with the warehouse: load, task matching and families per batch, check and report, 200 → 5,000 docs.

    .venv/bin/python bench/growth.py [--sizes 200 1000 5000] [--batch 200]

The samples are extracted once; each synthetic document is one of them with its amounts scaled by its own
factor (so values differ between documents, as the reports of different communes or periods do, while each
document stays consistent with itself), its own sha256, path and issue date, and its tasks reworded (a
word of its own appended: the case where every report rewords its task table). Documents are loaded in
batches through the real loader (warehouse/load.py), task matcher (warehouse/task_keys.py) and family grouping
(warehouse/families.py), as the end of an ingest batch runs them; at each size
`baocao check` (all checks, and all but value_conflict; DuckDB's memory capped by --memory-limit) and
`baocao report` are timed as whole processes, with their peak RSS.
Extraction itself costs the same per document whatever the warehouse holds (bench/speed.py measures it).
Prints the growth exponent of each measure: log(t2 / t1) / log(n2 / n1), 1 = linear.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.pipeline import extract_file  # noqa: E402
from warehouse.families import assign_families  # noqa: E402
from warehouse.load import Loader, connect  # noqa: E402
from warehouse.task_keys import assign_task_keys  # noqa: E402

SAMPLES = ROOT / "samples"
FIRST = "check, all, first after the batch"
SLOW_CHECK = "value_conflict"  # rewritten in issue 16; timed apart; every process stops at --check-limit


def templates() -> list:
    return [extract_file(p) for p in sorted(SAMPLES.iterdir()) if p.suffix in (".pdf", ".docx")]


def synthetic(base, i: int, distinct_text: bool = False):
    """Document i: amounts scaled by 1 + i/10^4 (percentages kept), its own identity, its tasks reworded; with
    `distinct_text` every paragraph also ends with the document's number, so no two documents share a block's
    text (DuckDB evaluates a function once per distinct argument: shared texts make text checks look cheap)."""
    factor = 1 + (i + 1) / 10_000

    def scale(f):
        # the raw text changes too: checks that tell a DOCX from its PDF twin compare what is written
        if f.base_unit == "%":
            return replace(f, raw=f"{f.raw} #{i}")
        return replace(f, raw=f"{f.raw} #{i}", value=f.value * factor, base_value=f.base_value * factor)

    doc = base.document
    blocks = doc.blocks
    if distinct_text:
        blocks = tuple(b if b.kind == "table" else replace(b, text=f"{b.text} (#{i})") for b in blocks)
    doc = replace(
        doc,
        blocks=blocks,
        path=f"synthetic/{i:05d}_{Path(doc.path).name}",
        sha256=hashlib.sha256(f"{doc.sha256}:{i}".encode()).hexdigest(),
    )
    meta = replace(base.metadata, issued_date=date(2020, 1, 1) + timedelta(days=i // 4))
    tasks = tuple(replace(t, content=f"{t.content} đợt {i}") for t in base.tasks)
    return replace(
        base, document=doc, metadata=meta, figures=tuple(scale(f) for f in base.figures), tasks=tasks
    )


# `baocao check` with the named checks left out (none: every check)
_CHECK = """
import atexit, sys, time
import warehouse.load as load
from warehouse import findings
opened = load.connect
def connect(*args, **kwargs):
    con = opened(*args, **kwargs)
    # a check that joins every pair of documents must not take the shared machine's memory or disk
    con.execute(f"set memory_limit = '{sys.argv[2]}'; set max_temp_directory_size = '8GB'")
    return con
load.connect = connect
skip = set(sys.argv[3:])
every = findings.check_files
findings.check_files = lambda: [p for p in every() if p.stem not in skip]
run = findings.run_checks
spent = []
def timed(con, *args, **kwargs):
    t = time.perf_counter()
    try:
        return run(con, *args, **kwargs)
    finally:
        spent.append(time.perf_counter() - t)
findings.run_checks = timed
atexit.register(lambda: print(f"run_checks {sum(spent):.3f}", file=sys.stderr))
sys.argv = ["baocao", "check", "--db", sys.argv[1], "--format", "json"]
from baocao.cli import main
main()
"""


def run_process(cmd: list[str], limit_s: float) -> tuple[float | None, float | None, int, str]:
    """(wall seconds and CPU seconds, or None when stopped at the limit; peak RSS; stderr's last line)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(proc.pid)
    peak = 0
    while True:
        # wait4 reaps the process with its own CPU time: on a shared machine CPU seconds track cost better
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            break
        try:
            peak = max(peak, sum(p.memory_info().rss for p in [watched, *watched.children(recursive=True)]))
        except psutil.Error:
            pass
        if time.perf_counter() - t > limit_s:
            proc.kill()
            proc.wait()
            return None, None, peak, f"stopped after {limit_s:g} s"
        time.sleep(0.02)
    secs = time.perf_counter() - t
    err = proc.stderr.read().strip().splitlines()
    if proc.returncode != 0:
        sys.exit(f"{cmd[:4]} failed: {err[-5:]}")
    return secs, usage.ru_utime + usage.ru_stime, peak, err[-1] if err else ""


def exponent(n1: int, t1: float | None, n2: int, t2: float | None) -> str:
    if not t1 or not t2:
        return "  —"
    return f"{math.log(t2 / t1) / math.log(n2 / n1):5.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    ap.add_argument("--batch", type=int, default=200, help="documents per ingest batch")
    ap.add_argument("--check-limit", type=float, default=120.0, help="seconds before a check run is stopped")
    ap.add_argument("--memory-limit", default="3GB", help="DuckDB memory_limit of the check processes")
    ap.add_argument("--keep", help="build the warehouse here and keep it")
    ap.add_argument(
        "--distinct-text", action="store_true", help="every paragraph ends with its document's number"
    )
    args = ap.parse_args()
    sizes = sorted(args.sizes)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="baocao-growth-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}", flush=True)
    if args.distinct_text:
        print("every paragraph ends with its document's number (--distinct-text)", flush=True)
    try:
        t = time.perf_counter()
        bases = templates()
        print(f"{len(bases)} samples extracted once in {time.perf_counter() - t:.1f} s", flush=True)
        db = work / "growth.duckdb"
        db.unlink(missing_ok=True)
        con = connect(db)
        loader = Loader(con)
        rows: dict[str, dict[int, tuple]] = {}  # measure -> size -> (wall s, CPU s, peak RSS)
        loaded = 0
        unfinished = 0

        def record(name: str, size: int, wall, cpu, rss=None) -> None:
            rows.setdefault(name, {})[size] = (wall, cpu, rss)

        for size in sizes:
            while loaded < size:
                n = min(args.batch, size - loaded)
                t, c = time.perf_counter(), time.process_time()
                for i in range(loaded, loaded + n):
                    loader.load(synthetic(bases[i % len(bases)], i, args.distinct_text))
                # the last batch's times: the batch that brought the warehouse to `size`
                record("load per batch", size, time.perf_counter() - t, time.process_time() - c)
                t, c = time.perf_counter(), time.process_time()
                assign_task_keys(con)
                record("task matching per batch", size, time.perf_counter() - t, time.process_time() - c)
                # the end of an ingest batch (warehouse/batch.py) also groups the documents into families
                t, c = time.perf_counter(), time.process_time()
                assign_families(con)
                record("family grouping per batch", size, time.perf_counter() - t, time.process_time() - c)
                loaded += n
            figures = con.execute("select count(*) from figures").fetchone()[0]
            keys = con.execute("select count(distinct task_key), count(*) from tasks").fetchone()
            print(
                f"{size} documents ({figures} figures, {keys[1]} tasks under {keys[0]} keys): last batch of "
                f"{args.batch}: load {rows['load per batch'][size][0]:.2f} s, "
                f"task matching {rows['task matching per batch'][size][0]:.2f} s, "
                f"family grouping {rows['family grouping per batch'][size][0]:.2f} s",
                flush=True,
            )
            con.close()  # one writer at a time: the checks below run as their own processes
            check = [sys.executable, "-c", _CHECK, str(db), args.memory_limit]
            # every check regroups the families (warehouse/families.py); the batches grouped the new documents
            # already, as an ingest does, so the first check after a batch finds nothing new to write
            runs = {}
            for name, cmd in (
                (FIRST, check),
                ("check, all", check),
                (f"check without {SLOW_CHECK}", [*check, SLOW_CHECK]),
            ):
                if unfinished and SLOW_CHECK not in cmd:  # stopped on fewer documents: not run on more
                    runs[name] = (None, None, 0, f"not run: stopped at {unfinished} documents")
                    continue
                runs[name] = run_process(cmd, args.check_limit)
                if runs[name][0] is None and SLOW_CHECK not in cmd:
                    unfinished = size
            out = str(work / "r.html")
            runs["report"] = run_process(
                [sys.executable, "-m", "baocao.cli", "report", "--db", str(db), "--out", out],
                args.check_limit,
            )
            for name, (wall, cpu, rss, last) in runs.items():
                print(f"  {name}: {wall} s wall, {cpu} s CPU, peak {rss >> 20} MB ({last})", flush=True)
                record(name, size, wall, cpu, rss)
                if name.startswith("check") and wall is not None:
                    record(f"  of it in run_checks ({name})", size, float(last.split()[-1]), None)
            con = connect(db)
            loader = Loader(con)
        con.close()

        def cell(v) -> str:
            return f"{v:10.2f}" if v is not None else f"{'—':>10}"

        none = (None, None, None)
        for what, k in (("wall seconds", 0), ("CPU seconds", 1)):
            print(f"\n{what:<52}" + "".join(f"{s:>10}" for s in sizes) + "   exponent between sizes")
            for name, by_size in rows.items():
                by_size = {s: by_size.get(s, none) for s in sizes}
                if all(by_size[s][k] is None for s in sizes):
                    continue
                exps = "  ".join(
                    f"{a}→{b}: {exponent(a, by_size[a][k], b, by_size[b][k])}"
                    for a, b in zip(sizes, sizes[1:], strict=False)
                )
                print(f"{name:<52}" + "".join(cell(by_size[s][k]) for s in sizes) + f"   {exps}")
        print(f"\n{'peak RSS (MB)':<52}" + "".join(f"{s:>10}" for s in sizes))
        for name in (FIRST, "check, all", f"check without {SLOW_CHECK}", "report"):
            print(f"{name:<52}" + "".join(f"{rows[name][s][2] / 2**20:10.0f}" for s in sizes))
        top = sizes[-1]
        print(f"\ngoals at {top} documents:")
        for name in (FIRST, "check, all", f"check without {SLOW_CHECK}"):
            wall, _, rss = rows[name][top]
            ok = wall is not None and wall < 15 and rss < 600 * 2**20
            print(f"  {name}: < 15 s and < 600 MB: {'met' if ok else 'MISSED'}")
        if len(sizes) >= 2:
            a, b = sizes[-2], sizes[-1]
            for name in (
                "task matching per batch",
                "family grouping per batch",
                FIRST,
                "check, all",
                f"check without {SLOW_CHECK}",
            ):
                for what, k in (("wall", 0), ("CPU", 1)):
                    e = exponent(a, rows[name][a][k], b, rows[name][b][k]).strip()
                    ok = e != "—" and float(e) <= 1.1
                    print(f"  exponent of {name} ({what}) {a}→{b} ≤ 1.1: {e} {'met' if ok else 'MISSED'}")
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
