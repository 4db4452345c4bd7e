"""OCR throughput: baocao ingest of the scanned real documents against tesseract alone on the same pages.

    .venv/bin/python bench/ocr.py [--workers 2] [--long-pages 29]

The corpus is every realdoc that baocao reads by OCR (../shared/realdocs: the scans 07, 50, 52 and the
broken-font 12) plus one long scan of `--long-pages` pages assembled from the real scans' pages (the case of
a long scanned decree). The baseline renders the same pages as baocao does (extract/readers/ocr.py
render_page, untimed) and runs one single-threaded tesseract per core on them: all the machine's cores
doing nothing but OCR. Both are timed in one run; the goal is baocao within 1.3x of the baseline.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.readers.ocr import render_page  # noqa: E402
from extract.settings import Settings  # noqa: E402

REALDOCS = Path(os.environ.get("BAOCAO_SHARED", ROOT.parent / "shared")) / "realdocs"
SCANS = ["07_", "12_", "50_", "52_"]  # the realdocs read by OCR (12: a text layer in a broken font)
LONG_FROM = ["50_", "52_", "07_"]


def corpus(dest: Path, long_pages: int) -> list[Path]:
    files = []
    for prefix in SCANS:
        src = next(REALDOCS.glob(f"{prefix}*.pdf"))
        shutil.copyfile(src, dest / src.name)
        files.append(dest / src.name)
    long = pdfium.PdfDocument.new()
    sources = [pdfium.PdfDocument(next(REALDOCS.glob(f"{p}*.pdf"))) for p in LONG_FROM]
    while len(long) < long_pages:
        for src in sources:
            take = min(len(src), long_pages - len(long))
            if take > 0:
                long.import_pages(src, list(range(take)))
    path = dest / f"long_scan_{long_pages}p.pdf"
    long.save(path)
    files.append(path)
    return files


def tesseract_alone(files: list[Path], cores: int, settings: Settings) -> tuple[float, int]:
    pngs = []
    for f in files:
        pdf = pdfium.PdfDocument(f)
        for i in range(len(pdf)):  # every page of these files is read by OCR
            pngs.append(render_page(pdf[i], settings)[0])
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cmd = [shutil.which("tesseract"), "stdin", "stdout", "-l", "vie", "--psm", "3", "tsv"]

    def one(png: bytes) -> None:
        subprocess.run(cmd, input=png, capture_output=True, env=env, check=True)

    t = time.perf_counter()
    with ThreadPoolExecutor(cores) as pool:
        list(pool.map(one, pngs))
    return time.perf_counter() - t, len(pngs)


def baocao(files: list[Path], workdir: Path, workers: int) -> tuple[float, str]:
    db = workdir / "ocr.duckdb"
    db.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "baocao.cli", "ingest", *map(str, files), "--db", str(db)]
    t = time.perf_counter()
    done = subprocess.run([*cmd, "--workers", str(workers), "-q"], capture_output=True, text=True, cwd=ROOT)
    secs = time.perf_counter() - t
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "baocao.cli",
            "query",
            "select sum(ocr_pages) from documents",
            "--db",
            str(db),
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return secs, done.stderr.strip().splitlines()[-1] + " | ocr_pages: " + out.stdout.split()[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--long-pages", type=int, default=29)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="baocao-ocr-bench-"))
    try:
        print(
            subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        )
        print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}")
        files = corpus(work, args.long_pages)
        alone, pages = tesseract_alone(files, os.cpu_count() or 1, Settings())
        print(f"tesseract alone, {os.cpu_count()} processes at once: {pages} pages in {alone:.1f} s")
        secs, summary = baocao(files, work, args.workers)
        print(f"baocao ingest, {args.workers} workers: {secs:.1f} s — {summary}")
        ratio = secs / alone
        print(
            f"ratio baocao / tesseract alone: {ratio:.2f}   goal <= 1.3 {'met' if ratio <= 1.3 else 'MISSED'}"
        )
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
