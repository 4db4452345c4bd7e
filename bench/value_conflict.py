"""value_conflict on a generated warehouse of a few thousand documents: the check by family and reference value
(warehouse/checks/value_conflict.sql) against the former pairwise self-join, and the family grouping itself.

    .venv/bin/python bench/value_conflict.py [--figures 300000] [--old-timeout 120]

Builds the synthetic warehouse of bench/queries.py (samples replicated into 60 provinces x report rounds, one
figure in ten perturbed by 1 %), gives each replica's DOCX and PDF one family (the PDF the latest version) and
its province as locality, then times each query once after a warm-up. The old query runs in a thread that is
interrupted after --old-timeout seconds.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))
from queries import build  # noqa: E402 — bench/ is on sys.path only from here

from warehouse.findings import _load_rule_tables  # noqa: E402
from warehouse.load import connect  # noqa: E402

FAMILIES = """
update documents set
    family_id = 'F' || regexp_replace(path, '\\.(docx|pdf)#', '#'),
    version_rank = case when format = 'pdf' then 2 else 1 end,
    is_latest = format = 'pdf',
    locality = issuer
"""
# every replica states its figures in its own words, so the former query's DOCX/PDF twin test (same figures
# as written) pairs only a replica's DOCX with its PDF, as with real documents
DISTINCT_RAWS = "update figures set raw = raw || ' ' || regexp_replace((select path from documents d where d.doc_id = figures.doc_id), '.*#', '')"


def timed(con, sql: str, timeout: float | None = None) -> tuple[float | None, int | None]:
    out: dict = {}

    def run():
        try:
            t = time.perf_counter()
            out["rows"] = len(con.execute(sql).fetchall())
            out["s"] = time.perf_counter() - t
        except Exception as exc:  # interrupted
            out["error"] = exc

    th = threading.Thread(target=run)
    th.start()
    th.join(timeout)
    if th.is_alive():
        con.interrupt()
        th.join()
        return None, None
    return out.get("s"), out.get("rows")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--figures", type=int, default=300_000, help="at least this many figures")
    ap.add_argument("--old-timeout", type=float, default=120.0, help="seconds allowed to the former query")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="baocao-vc-") as tmp:
        db = Path(tmp) / "synthetic.duckdb"
        build(db, args.figures)
        con = connect(db)
        con.execute(FAMILIES)
        con.execute(DISTINCT_RAWS)
        _load_rule_tables(con)
        n_docs = con.execute("select count(*) from documents").fetchone()[0]
        new_sql = (ROOT / "warehouse/checks/value_conflict.sql").read_text(encoding="utf-8")
        old_sql = subprocess.run(
            ["git", "show", "fa9469d:warehouse/checks/value_conflict.sql"], cwd=ROOT, capture_output=True, text=True
        ).stdout
        timed(con, new_sql)  # warm-up
        s, rows = timed(con, new_sql)
        print(f"{n_docs:,} documents; value_conflict by family: {s:.2f} s, {rows:,} findings")
        if old_sql:
            s, rows = timed(con, old_sql, args.old_timeout)
            if s is None:
                print(f"former pairwise value_conflict: stopped after {args.old_timeout:g} s")
            else:
                print(f"former pairwise value_conflict: {s:.2f} s, {rows:,} findings")
        con.close()


if __name__ == "__main__":
    main()
