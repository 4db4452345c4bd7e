"""Where extraction time goes: cProfile over the samples, per stage and per function, one process.

    .venv/bin/python bench/hotspots.py [--rounds 5] [--top 25]

Stages are timed directly (read, metadata, figures, tasks, load into DuckDB); the function table is
cProfile's, restricted to the project's own modules, sorted by time spent inside each function.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.figures import extract_figures  # noqa: E402 — the repository root is on sys.path only from here
from extract.metadata import read_metadata  # noqa: E402
from extract.model import Extraction  # noqa: E402
from extract.pipeline import read_document  # noqa: E402
from extract.settings import Settings  # noqa: E402
from extract.tasks import extract_tasks  # noqa: E402
from warehouse.load import connect, load_extraction  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5, help="passes over the samples")
    ap.add_argument("--top", type=int, default=25, help="functions listed")
    args = ap.parse_args()
    files = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".pdf", ".docx"))
    settings = Settings()
    stages: dict[tuple[str, str], float] = defaultdict(float)

    def one_pass(con, round_no: int) -> None:
        for f in files:
            fmt = f.suffix[1:]
            t0 = time.perf_counter()
            doc = read_document(f, settings)
            t1 = time.perf_counter()
            meta = read_metadata(doc)
            t2 = time.perf_counter()
            figures, relations = extract_figures(doc, meta)
            t3 = time.perf_counter()
            tasks = extract_tasks(doc, meta)
            t4 = time.perf_counter()
            doc = dataclasses.replace(doc, sha256=f"{doc.sha256}-{round_no}")
            load_extraction(con, Extraction(doc, meta, tuple(figures), tuple(tasks), tuple(relations)))
            t5 = time.perf_counter()
            for name, secs in (
                ("read", t1 - t0),
                ("metadata", t2 - t1),
                ("figures", t3 - t2),
                ("tasks", t4 - t3),
                ("load", t5 - t4),
            ):
                stages[(fmt, name)] += secs

    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "p.duckdb")
        one_pass(con, -1)  # caches and imports
        stages.clear()
        prof = cProfile.Profile()
        prof.enable()
        for r in range(args.rounds):
            one_pass(con, r)
        prof.disable()
        con.close()

    n = args.rounds * len(files) / 2  # documents of each format
    print(
        f"per document, mean over {args.rounds} passes of {len(files)} samples (ms; cProfile on, so inflated):"
    )
    names = ["read", "metadata", "figures", "tasks", "load"]
    print(f"{'format':<7}" + "".join(f"{s:>10}" for s in names) + f"{'total':>10}")
    for fmt in ("pdf", "docx"):
        row = [stages[(fmt, s)] / n * 1000 for s in names]
        print(f"{fmt:<7}" + "".join(f"{v:>10.1f}" for v in row) + f"{sum(row):>10.1f}")

    stats = pstats.Stats(prof)
    own = []
    for (filename, line, func), (_, ncalls, tottime, cumtime, _) in stats.stats.items():
        if str(ROOT) in filename and "/.venv/" not in filename:
            own.append((tottime, cumtime, ncalls, f"{Path(filename).relative_to(ROOT)}:{line}({func})"))
    total = sum(t for t, *_ in own) or 1.0
    print(f"\nproject functions by own time (top {args.top}); ms per document:")
    print(f"{'own ms':>8} {'cum ms':>8} {'calls':>9}  function")
    for tottime, cumtime, ncalls, name in sorted(own, reverse=True)[: args.top]:
        print(f"{tottime / n / 2 * 1000:8.2f} {cumtime / n / 2 * 1000:8.2f} {ncalls:9d}  {name}")
    by_module: dict[str, float] = defaultdict(float)
    for tottime, _, _, name in own:
        by_module[name.split(":")[0]] += tottime
    print("\nown time by module (share of the project's own time):")
    for mod, secs in sorted(by_module.items(), key=lambda kv: -kv[1]):
        print(f"  {mod:<28} {100 * secs / total:5.1f} %")


if __name__ == "__main__":
    main()
