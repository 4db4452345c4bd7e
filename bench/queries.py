"""Analyst query speed on a synthetic warehouse of a million figures or more, built from the real samples.

    .venv/bin/python bench/queries.py [--figures 1000000] [--repeat 15] [--keep FILE]

Ingests samples/, then replicates its documents with DuckDB SQL (INSERT ... SELECT over range(), no Python
loops) into 60 provinces x N report rounds: periods and issue dates shifted by a quarter per round, one
figure in ten perturbed by 1 % (so value conflicts exist), task keys kept within a province (so task
histories span rounds). Runs every bench/queries/*.sql and prints median and 90th-percentile times, then
the same for typical calls of the Python API (warehouse.api.Warehouse: open, query, DataFrame, close).
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from warehouse.load import connect  # noqa: E402 — the repository root is on sys.path only from here

# Python API calls an analyst makes in a notebook; each opens the file, runs one query, types the frame, closes
API_CALLS = {
    "api figures(indicator)": lambda wh: wh.figures(indicator="grdp_growth"),
    "api figures(document)": lambda wh: wh.figures(document=1),
    "api series(indicator)": lambda wh: wh.series("grdp_growth"),
    "api series(subject)": lambda wh: wh.series("dư nợ tín dụng"),
    "api tasks(as_of)": lambda wh: wh.tasks(status="overdue", as_of="2026-08-15"),
    "api findings()": lambda wh: wh.findings(),
    "api documents()": lambda wh: wh.documents(),
    "api figures() (every row)": lambda wh: wh.figures(),
}

QUERIES = Path(__file__).with_name("queries")
PROVINCES = 60
GOAL_MS = 100.0

# r = replica number; p = province (r % 60), k = round (r // 60): a quarter later per round
SYNTHETIC = """
insert into documents by name
select * exclude (r) replace (
    r * {nd} + doc_id as doc_id,
    path || '#' || lpad((r % {np})::varchar, 2, '0') || '-' || lpad((r // {np})::varchar, 3, '0') as path,
    sha256 || '-' || r as sha256,
    'UBND tỉnh ' || lpad((r % {np})::varchar, 2, '0') as issuer,
    issued_date + to_months(3 * (r // {np})) as issued_date,
    period_start + to_months(3 * (r // {np})) as period_start,
    period_end + to_months(3 * (r // {np})) as period_end)
from base.documents, range({k}) t(r);

insert into figures by name
select * exclude (r) replace (
    r * {nf} + figure_id as figure_id,
    r * {nd} + doc_id as doc_id,
    case when hash(r, figure_id) % 10 = 0 then value * 1.01 else value end as value,
    case when hash(r, figure_id) % 10 = 0 then base_value * 1.01 else base_value end as base_value,
    period_start + to_months(3 * (r // {np})) as period_start,
    period_end + to_months(3 * (r // {np})) as period_end)
from base.figures, range({k}) t(r);

insert into tasks by name
select * exclude (r) replace (
    r * {nt} + task_id as task_id,
    r * {nd} + doc_id as doc_id,
    deadline + to_months(3 * (r // {np})) as deadline,
    task_key + 1000 * (r % {np}) as task_key)
from base.tasks, range({k}) t(r);
"""


def build(db: Path, figures: int) -> None:
    base = db.with_suffix(".base.duckdb")
    base.unlink(missing_ok=True)
    res = subprocess.run(
        [sys.executable, "-m", "baocao.cli", "ingest", str(ROOT / "samples"), "--db", str(base), "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        sys.exit(f"ingest of the samples failed:\n{res.stderr}")
    con = connect(db)
    con.execute(f"attach '{base}' as base (read_only)")
    nd, nf, nt = con.execute(
        "select (select max(doc_id) from base.documents), (select max(figure_id) from base.figures),"
        " (select max(task_id) from base.tasks)"
    ).fetchone()
    n_base = con.execute("select count(*) from base.figures").fetchone()[0]
    k = max(PROVINCES, math.ceil(figures / n_base))
    t = time.perf_counter()
    for stmt in SYNTHETIC.format(nd=nd, nf=nf, nt=nt, k=k, np=PROVINCES).split(";"):
        if stmt.strip():
            con.execute(stmt)
    con.execute("checkpoint")
    counts = con.execute(
        "select (select count(*) from documents), (select count(*) from figures), (select count(*) from tasks)"
    ).fetchone()
    con.close()
    base.unlink(missing_ok=True)
    print(
        f"synthetic warehouse: {counts[0]:,} documents, {counts[1]:,} figures, {counts[2]:,} tasks "
        f"({k} replicas of {n_base} figures) built in {time.perf_counter() - t:.1f} s; "
        f"{db.stat().st_size / 2**20:.0f} MB on disk"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--figures", type=int, default=1_000_000, help="at least this many figures")
    ap.add_argument("--repeat", type=int, default=15, help="timed runs per query (after one warm-up)")
    ap.add_argument("--keep", help="build the warehouse in this file and keep it")
    args = ap.parse_args()

    tmp = None if args.keep else tempfile.TemporaryDirectory(prefix="baocao-queries-")
    db = Path(args.keep) if args.keep else Path(tmp.name) / "synthetic.duckdb"
    db.unlink(missing_ok=True)
    build(db, args.figures)
    con = duckdb.connect(str(db), read_only=True)  # as `baocao query` opens it
    print(
        f"duckdb {duckdb.__version__}, threads {con.execute('select current_setting(' + repr('threads') + ')').fetchone()[0]}"
    )
    print(f"{'query':<32} {'rows':>7} {'median ms':>10} {'p90 ms':>8}  goal < {GOAL_MS:g} ms")
    for path in sorted(QUERIES.glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        rows = len(con.execute(sql).fetchall())  # warm-up: first touch of the columns
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            con.execute(sql).fetchall()
            times.append((time.perf_counter() - t) * 1000)
        med = statistics.median(times)
        p90 = statistics.quantiles(times, n=10)[-1] if len(times) > 1 else med
        print(f"{path.stem:<32} {rows:>7} {med:>10.1f} {p90:>8.1f}  {'met' if med < GOAL_MS else 'MISSED'}")
    con.close()
    bench_api(db, args.repeat)
    if tmp:
        tmp.cleanup()


def bench_api(db: Path, repeat: int) -> None:
    from warehouse.api import Warehouse

    wh = Warehouse(db)
    for name, call in API_CALLS.items():
        rows = len(call(wh))  # warm-up, and imports
        times = []
        for _ in range(repeat if "every row" not in name else 3):
            t = time.perf_counter()
            call(wh)
            times.append((time.perf_counter() - t) * 1000)
        med = statistics.median(times)
        p90 = statistics.quantiles(times, n=10)[-1] if len(times) > 1 else med
        print(f"{name:<32} {rows:>7} {med:>10.1f} {p90:>8.1f}")


if __name__ == "__main__":
    main()
