"""The readers alone (file -> Document) against the bare libraries, CPU time per document and per page.

    .venv/bin/python bench/readers.py [--rounds 5] [--profile pdf|docx]
    .venv/bin/python bench/readers.py --against ../other-checkout     # that version's readers against these

One process, CPU time (`time.process_time`, so other processes on a shared machine weigh less than in wall
time), each file read `--rounds` times with the reader and the library's raw text interleaved (paired runs);
the least of each is kept. PDF: `read_pdf` against pypdfium2's raw text of every page (the floor of
bench/speed.py); DOCX: `read_docx` against python-docx's paragraphs and table cells. Scanned PDFs are left
out (their cost is Tesseract's). `--profile` prints cProfile's top functions of that reader instead.
`--against DIR` loads DIR's extract/readers/pdf_reader.py and docx_reader.py beside this checkout's and times
the two readers and the library in turn on every file (paired, so a loaded machine slows all three alike).
`--parts` gives the PDF reader's CPU a page part by part: pdfium's own work (page and text-page loading, the
text, closing: what the library floor pays too) and the reader's parts (`PDF_PARTS`), each timed where it is
called (nested parts are inside their caller's time; the first pass, imports included, is not counted).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.dump_blocks import files  # noqa: E402
from bench.speed import pypdfium2_text, python_docx_walk  # noqa: E402
from extract.readers.docx_reader import read_docx  # noqa: E402
from extract.readers.pdf_reader import read_pdf  # noqa: E402


def pdfium_text(path: Path) -> int:
    """pypdfium2's raw text of every page: bench/speed.py's floor, for one file."""
    return pypdfium2_text([path])


def docx_walk(path: Path) -> int:
    """python-docx's paragraphs and table cells: bench/speed.py's baseline, for one file."""
    return python_docx_walk([path])


def cpu(fn, path: Path) -> float:
    t = time.process_time()
    fn(path)
    return time.process_time() - t


def other_reader(checkout: Path, name: str):
    """`read_pdf` or `read_docx` of another checkout's reader module `name` (its own module; the rest of
    `extract` is this one's)."""
    spec = importlib.util.spec_from_file_location(
        f"other_{name}", checkout / "extract" / "readers" / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.read_pdf if name == "pdf_reader" else module.read_docx


def against(checkout: Path, paths: list[Path], rounds: int) -> None:
    print(f"load average at the start: {os.getloadavg()[0]:.2f}; CPU ms, least of {rounds} paired rounds")
    print(
        f"{'file':<58} {'pages':>5} {'other':>8} {'this':>8} {'library':>8}  (a page for PDF, a file for DOCX)"
    )
    for ext, module, this, library in (
        (".pdf", "pdf_reader", read_pdf, pdfium_text),
        (".docx", "docx_reader", read_docx, docx_walk),
    ):
        chosen = [p for p in paths if p.suffix == ext]
        if not chosen:
            continue
        other = other_reader(checkout, module)
        other(chosen[0])
        total = {"other": 0.0, "this": 0.0, "library": 0.0}
        units = 0
        for p in chosen:
            runs: dict[str, list[float]] = {k: [] for k in total}
            for _ in range(rounds):
                for key, fn in (("other", other), ("this", this), ("library", library)):
                    runs[key].append(cpu(fn, p))
            n = read_pdf(p).pages if ext == ".pdf" else 1
            units += n
            best = {k: min(v) * 1000 for k, v in runs.items()}
            for k in total:
                total[k] += best[k]
            print(f"{p.name[:58]:<58} {n:>5} " + " ".join(f"{best[k] / n:8.2f}" for k in total))
        other_ms, this_ms, floor_ms = (total[k] / units for k in total)
        unit = "page" if ext == ".pdf" else "file"
        print(
            f"{ext[1:]}: {units} {unit}s, other {other_ms:.2f} ms a {unit} ({other_ms / floor_ms:.2f}x the library), "
            f"this {this_ms:.2f} ms a {unit} ({this_ms / floor_ms:.2f}x), library {floor_ms:.2f} ms a {unit}"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


# `--parts`: (owner, attribute, label) of the functions timed; pdfium's first, then the reader's in call order
PDF_PARTS = (
    ("pdfium", "PdfDocument.get_page", "pdfium: load a page (FPDF_LoadPage)"),
    ("pdfium", "PdfPage.get_textpage", "pdfium: text page (FPDFText_LoadPage)"),
    ("pdfium", "PdfTextPage.get_text_range", "pdfium: the page's text"),
    ("reader", "_rule_edges", "rules: the page's paths walked, visible rules"),
    ("reader", "_find_tables", "ruled tables (pdfplumber's finder on the rules)"),
    ("reader", "_Chars.__init__", "characters: boxes asked of pdfium, as arrays"),
    ("reader", "_char_boxes", "  of which: FPDFText_GetCharBox calls"),
    ("reader", "_ocr_need", "OCR decision (text-layer check)"),
    ("reader", "_fill_cells", "cell texts"),
    ("reader", "_page_lines", "text lines"),
    ("reader", "_Chars.sizes", "  of which: font sizes asked of pdfium"),
    ("reader", "_Chars.close", "closing the text page"),
    ("reader", "_drop_furniture", "running headers and page numbers"),
    ("reader", "_paragraphs", "paragraphs"),
    ("reader", "_merge", "tables across pages"),
)


def parts(paths: list[Path], rounds: int) -> None:
    """Print the PDF reader's CPU a page part by part (`PDF_PARTS`), least of `rounds` passes per part."""
    import pypdfium2 as pdfium

    from extract.readers import pdf_reader

    chosen = [p for p in paths if p.suffix == ".pdf"]  # (`files()` leaves scans out)
    spent: dict[str, float] = {}
    for owner, name, label in PDF_PARTS:
        base = pdfium if owner == "pdfium" else pdf_reader
        *outer, attr = name.split(".")
        holder = getattr(base, outer[0]) if outer else base
        fn = getattr(holder, attr)

        def timed(*a, _fn=fn, _label=label, **k):
            t = time.process_time()
            try:
                return _fn(*a, **k)
            finally:
                spent[_label] = spent.get(_label, 0.0) + time.process_time() - t

        setattr(holder, attr, timed)
    best: dict[str, float] = {}
    whole = float("inf")
    pages = sum(read_pdf(p).pages for p in chosen)  # also the untimed first pass
    for _ in range(rounds):
        spent.clear()
        t = time.process_time()
        for p in chosen:
            pdf_reader.read_pdf(p)
        whole = min(whole, time.process_time() - t)
        for k, v in spent.items():
            best[k] = min(best.get(k, v), v)
    floor = sum(min(cpu(pdfium_text, p) for _ in range(rounds)) for p in chosen)
    print(
        f"load average {os.getloadavg()[0]:.2f}; {len(chosen)} PDFs, {pages} pages; CPU ms a page, least of {rounds}"
    )
    print(f"{'read_pdf, whole':<52} {whole * 1000 / pages:7.2f}")
    for _, _, label in PDF_PARTS:
        print(f"{label:<52} {best.get(label, 0.0) * 1000 / pages:7.2f}")
    print(f"{'library floor (bench/speed.py pypdfium2_text)':<52} {floor * 1000 / pages:7.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--profile", choices=("pdf", "docx"))
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--against", type=Path, help="another checkout: its readers against these")
    ap.add_argument("--only", default="", help="files whose path contains this (e.g. samples)")
    ap.add_argument("--parts", action="store_true", help="the PDF reader's CPU a page, part by part")
    args = ap.parse_args()
    paths = [p for p in files() if args.only in str(p)]
    for p in paths[:2]:  # imports and first-use set-up are not what is compared
        (read_pdf if p.suffix == ".pdf" else read_docx)(p)
        (pdfium_text if p.suffix == ".pdf" else docx_walk)(p)
    if args.against is not None:
        against(args.against, paths, args.rounds)
        return
    if args.parts:
        parts(paths, args.rounds)
        return
    if args.profile:
        chosen = [p for p in paths if p.suffix == f".{args.profile}"]
        reader = read_pdf if args.profile == "pdf" else read_docx
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(args.rounds):
            for p in chosen:
                reader(p)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.top)
        return
    print(
        f"load average at the start: {os.getloadavg()[0]:.2f}; CPU ms, least of {args.rounds} paired rounds"
    )
    print(f"{'file':<58} {'pages':>5} {'reader':>8} {'library':>8} {'ratio':>6} {'reader/page':>11}")
    totals = {".pdf": [0, 0.0, 0.0], ".docx": [0, 0.0, 0.0]}
    for p in paths:
        reader, library = (read_pdf, pdfium_text) if p.suffix == ".pdf" else (read_docx, docx_walk)
        r, b = [], []
        for _ in range(args.rounds):
            r.append(cpu(reader, p))
            b.append(cpu(library, p))
        pages = read_pdf(p).pages if p.suffix == ".pdf" else 1
        rm, bm = min(r) * 1000, min(b) * 1000
        t = totals[p.suffix]
        t[0] += pages
        t[1] += rm
        t[2] += bm
        print(f"{p.name[:58]:<58} {pages:>5} {rm:8.1f} {bm:8.1f} {rm / bm:6.1f} {rm / pages:11.2f}")
    for ext, (pages, rm, bm) in totals.items():
        unit = "page" if ext == ".pdf" else "document"
        count = pages if ext == ".pdf" else sum(1 for p in paths if p.suffix == ext)
        print(
            f"{ext[1:]}: {count} {unit}s, reader {rm:.0f} ms, library {bm:.0f} ms, ratio {rm / bm:.2f}, "
            f"reader {rm / count:.2f} ms a {unit}, library {bm / count:.2f} ms a {unit}"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
