"""Dump every figure, relation and task extracted from the samples and realdocs, to compare two versions; and
time the extraction stages (metadata, figures, tasks) per document in one process.

    .venv/bin/python bench/dump_figures.py OUT_DIR                    # one <file name>.txt per document
    .venv/bin/python bench/dump_figures.py OUT_DIR --against OLD_DIR  # and exit 1 unless every file matches
    .venv/bin/python bench/dump_figures.py --time [--rounds 3]        # CPU ms per document / page, no dump
    .venv/bin/python bench/dump_figures.py --profile [--top 30]       # cProfile of the stages, own time

Every field of every figure, relation and task is written (repr), so a change to the figure stage's speed
must leave every line as it was. The documents are read once, before anything is timed; scanned PDFs and the
holdout documents are left out. `--time` gives the CPU time (time.process_time) of metadata + figures + tasks,
the lower of paired passes, summed per format: ms per DOCX document and per PDF page.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import os
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.dump_blocks import write_and_compare  # noqa: E402
from extract.figures import extract_figures  # noqa: E402
from extract.metadata import read_metadata  # noqa: E402
from extract.pipeline import read_document  # noqa: E402
from extract.settings import Settings  # noqa: E402
from extract.tasks import extract_tasks  # noqa: E402

REALDOCS = Path(os.environ.get("BAOCAO_SHARED", ROOT.parent / "shared")) / "realdocs"
SCANNED = ("07_", "12_", "50_", "52_")
HOLDOUT = ("20_", "26_", "41_", "42_", "52_", "55_", "61_", "62_")  # never tuned on: not profiled either


def files() -> list[Path]:
    real = [
        p
        for p in sorted(REALDOCS.iterdir())
        if p.suffix in (".pdf", ".docx")
        and not p.name.startswith(HOLDOUT)
        and not (p.suffix == ".pdf" and p.name.startswith(SCANNED))
    ]
    return sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".pdf", ".docx")) + real


def extract(doc):
    meta = read_metadata(doc)
    figures, relations = extract_figures(doc, meta)
    return meta, figures, relations, extract_tasks(doc, meta)


def dump(doc) -> str:
    meta, figures, relations, tasks = extract(doc)
    out = [repr(meta)]
    out += [f"F{i} {dataclasses.astuple(f)!r}" for i, f in enumerate(figures)]
    out += [f"R {r.kind} {r.members!r}" for r in relations]
    out += [f"T {dataclasses.astuple(t)!r}" for t in tasks]
    return "\n".join(out) + "\n"


def timed(docs, rounds: int) -> None:
    """CPU ms of the extraction stages per DOCX document and per PDF page: the lower of paired passes."""
    for _, doc in docs:
        extract(doc)  # imports, compiled patterns, spaCy pipeline
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, doc in docs:
            t0 = time.process_time()
            extract(doc)
            secs = time.process_time() - t0
            best[name] = min(best.get(name, secs), secs)
    per: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for name, doc in docs:
        group = ("sample " if "samples" in name else "real ") + doc.format
        per[group][0] += best[name]
        per[group][1] += doc.pages if doc.format == "pdf" else 1
    for group, (secs, n) in sorted(per.items()):
        unit = "page" if group.endswith("pdf") else "document"
        print(f"{group:<12} {1000 * secs / n:8.2f} ms per {unit} ({n} {unit}s)")


def profiled(docs, rounds: int, top: int) -> None:
    for _, doc in docs:
        extract(doc)
    prof = cProfile.Profile()
    stages: dict[str, float] = defaultdict(float)
    prof.enable()
    for _ in range(rounds):
        for _, doc in docs:
            t0 = time.process_time()
            meta = read_metadata(doc)
            t1 = time.process_time()
            extract_figures(doc, meta)
            t2 = time.process_time()
            extract_tasks(doc, meta)
            t3 = time.process_time()
            stages["metadata"] += t1 - t0
            stages["figures"] += t2 - t1
            stages["tasks"] += t3 - t2
    prof.disable()
    print("stage CPU s (cProfile on):", {k: round(v, 2) for k, v in stages.items()})
    stats = pstats.Stats(prof)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--against", type=Path, help="a folder dumped before: compare with it")
    ap.add_argument("--time", action="store_true", help="CPU ms per document and page instead of a dump")
    ap.add_argument("--profile", action="store_true", help="cProfile of the stages instead of a dump")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--only", help="only files whose name contains this")
    args = ap.parse_args()
    settings = Settings()
    paths = [p for p in files() if not args.only or args.only in p.name]
    docs = [(str(p), read_document(p, settings)) for p in paths]
    if args.time:
        timed(docs, args.rounds)
        return
    if args.profile:
        profiled(docs, args.rounds, args.top)
        return
    if args.out is None:
        ap.error("OUT_DIR is needed for a dump")
    write_and_compare(args.out, args.against, [(p.name, dump(doc)) for p, (_, doc) in zip(paths, docs, strict=True)])


if __name__ == "__main__":
    main()
