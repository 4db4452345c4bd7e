"""Where a one-worker ingest's CPU goes per document, part by part, outside and inside the figure stage.

    .venv/bin/python bench/breakdown.py [--files 60] [--rounds 3]

Runs the parts of `baocao ingest` one after the other in one process on copies of the samples (the corpus of
bench/speed.py, `build_corpus`), in the order a batch runs them, and prints the CPU milliseconds each takes
per DOCX document and per PDF document (the least of `--rounds` passes; the warehouse is new each pass).
Worker side: read, metadata, figures, tasks, the Extraction and its family sketch, pickling the result for
the pipe. Writer side: sha256 (triage), unpickling, the group-commit load (`Loader.add`/`flush`), and the
batch's serial end (task keys, families) divided by the documents. Process start and warm-up are the fixed
cost (`bench/speed.py`'s fixed-cost run), not counted here. `--whole` also runs `baocao ingest` with one
worker on the same files and prints its process tree's CPU beside the sum of the parts.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from collections import defaultdict
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from speed import build_corpus, ingest  # noqa: E402 — bench/ is on sys.path only from here

from extract.model import Extraction  # noqa: E402
from extract.pipeline import read_document, sha256_of  # noqa: E402
from extract.settings import Settings  # noqa: E402

PARTS = (
    "writer: sha256",
    "worker: read",
    "worker: metadata",
    "worker: figures",
    "worker: tasks",
    "worker: sketch",
    "worker: pickle",
    "writer: unpickle",
    "writer: load (group commits)",
    "writer: batch end (task keys, families)",
)


def one_pass(files: list[Path], db: Path) -> dict[tuple[str, str], float]:
    """CPU seconds per (format, part) over `files`, run as a one-worker batch runs them."""
    from extract.figures import extract_figures
    from extract.metadata import read_metadata
    from extract.tasks import extract_tasks
    from warehouse.families import assign_families, document_sketch
    from warehouse.load import Loader, connect
    from warehouse.task_keys import assign_task_keys

    settings = Settings()
    con = connect(str(db))
    con.execute("set threads = 1")
    loader = Loader(con, settings.load_group_docs, settings.load_group_s)
    spent: dict[tuple[str, str], float] = defaultdict(float)
    sketches = {}
    clock = time.process_time
    for f in files:
        fmt = f.suffix[1:]
        t0 = clock()
        digest = sha256_of(f)
        t1 = clock()
        doc = read_document(f, settings)
        t2 = clock()
        meta = read_metadata(doc)
        t3 = clock()
        figures, relations = extract_figures(doc, meta)
        t4 = clock()
        tasks = extract_tasks(doc, meta)
        t5 = clock()
        ex = Extraction(doc, meta, tuple(figures), tuple(tasks), tuple(relations))
        sk = document_sketch(ex.document.blocks)
        t6 = clock()
        data = bytes(ForkingPickler.dumps(("ok", ex, sk)))
        t7 = clock()
        _, ex, sk = pickle.loads(data)
        sketches[digest] = sk
        t8 = clock()
        loader.add(ex, tag=f)
        t9 = clock()
        marks = (t0, t1, t2, t3, t4, t5, t6, t7, t8, t9)
        for part, start, end in zip(PARTS[:9], marks[:-1], marks[1:], strict=True):
            spent[fmt, part] += end - start
    t = clock()
    loader.flush()
    con.execute("reset threads")
    flush = clock() - t
    t = clock()
    assign_task_keys(con)
    assign_families(con, sketches)
    end = clock() - t
    con.close()
    n = {fmt: sum(1 for f in files if f.suffix[1:] == fmt) for fmt in ("docx", "pdf")}
    for fmt in n:  # the last flush and the batch's end shared out by document
        spent[fmt, "writer: load (group commits)"] += flush * n[fmt] / len(files)
        spent[fmt, "writer: batch end (task keys, families)"] += end * n[fmt] / len(files)
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=60, help="corpus size (half PDF, half DOCX)")
    ap.add_argument("--rounds", type=int, default=3, help="passes (the least of each part is shown)")
    ap.add_argument(
        "--whole", action="store_true", help="also time `baocao ingest` of the same files, 1 worker"
    )
    args = ap.parse_args()
    from extract.pipeline import extract_document
    from warehouse.batch import _warm

    _warm()
    extract_document  # noqa: B018 — imported for the warm-up's modules
    with tempfile.TemporaryDirectory(prefix="baocao-breakdown-") as tmp:
        work = Path(tmp)
        files = build_corpus(work / "corpus", args.files)
        one_pass(files[:8], work / "warm.duckdb")  # first-use set-up of readers and loader
        best: dict[tuple[str, str], float] = {}
        for r in range(args.rounds):
            for key, secs in one_pass(files, work / f"pass{r}.duckdb").items():
                best[key] = min(best.get(key, secs), secs)
        n = {fmt: sum(1 for f in files if f.suffix[1:] == fmt) for fmt in ("docx", "pdf")}
        pages = {"docx": 0, "pdf": 0}
        for f in files:
            if f.suffix == ".pdf":
                pages["pdf"] += read_document(f, Settings()).pages or 0
        print(f"CPU ms per document, least of {args.rounds} passes over {len(files)} files (one process)")
        print(f"{'part':<42} {'DOCX':>8} {'PDF':>8} {'PDF/page':>9}")
        totals = {"docx": 0.0, "pdf": 0.0}
        for part in PARTS:
            d = 1000 * best.get(("docx", part), 0) / max(n["docx"], 1)
            p = 1000 * best.get(("pdf", part), 0) / max(n["pdf"], 1)
            totals["docx"] += d
            totals["pdf"] += p
            print(f"{part:<42} {d:8.2f} {p:8.2f} {p * n['pdf'] / max(pages['pdf'], 1):9.2f}")
        print(f"{'sum of the parts':<42} {totals['docx']:8.2f} {totals['pdf']:8.2f}")
        if args.whole:
            for fmt in ("docx", "pdf"):
                subset = [f for f in files if f.suffix[1:] == fmt]
                run = ingest(subset, work, 1, f"whole-{fmt}")
                print(
                    f"baocao ingest, {len(subset)} {fmt.upper()}, 1 worker: wall {run.wall:.2f} s, "
                    f"CPU {run.cpu:.2f} s = {1000 * run.cpu / len(subset):.1f} ms a document"
                )


if __name__ == "__main__":
    main()
