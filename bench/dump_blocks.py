"""Dump the blocks the PDF reader gives for the samples and the realdocs' text PDFs, to compare two versions.

    .venv/bin/python bench/dump_blocks.py OUT_DIR                 # one <stem>.txt per PDF
    .venv/bin/python bench/dump_blocks.py OUT_DIR --against OLD_DIR   # and exit 1 unless every file matches

Each block is written with its kind, location, page, level, OCR flag and text, tables cell by cell, then the
document's page count and warnings: a change to the reader's speed must leave every line as it was.
Scanned PDFs are left out (OCR output is Tesseract's, not the reader's).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.readers.pdf_reader import read_pdf  # noqa: E402

REALDOCS = Path(os.environ.get("BAOCAO_SHARED", ROOT.parent / "shared")) / "realdocs"
SCANNED = ("07_", "12_", "50_", "52_")


def pdfs() -> list[Path]:
    real = [p for p in sorted(REALDOCS.glob("*.pdf")) if not p.name.startswith(SCANNED)]
    return sorted((ROOT / "samples").glob("*.pdf")) + real


def dump(path: Path) -> str:
    doc = read_pdf(path)
    out = []
    for b in doc.blocks:
        out.append(f"[{b.location} {b.kind} page={b.page} level={b.level} ocr={b.ocr}] {b.text}")
        if b.table is not None:
            for row in b.table.rows:
                for c in row:
                    out.append(f"    r{c.row}c{c.col} span={c.rowspan}x{c.colspan}: {c.text}")
    out.append(f"pages={doc.pages} ocr_pages={doc.ocr_pages} warnings={list(doc.warnings)}")
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--against", type=Path, help="a folder dumped before: compare with it")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    differ = []
    for path in pdfs():
        text = dump(path)
        (args.out / f"{path.stem}.txt").write_text(text, encoding="utf-8")
        if args.against is not None:
            old = (args.against / f"{path.stem}.txt").read_text(encoding="utf-8")
            if old != text:
                differ.append(path.name)
    print(f"{len(pdfs())} PDFs dumped to {args.out}")
    if args.against is not None:
        print("identical" if not differ else f"DIFFERENT: {', '.join(differ)}")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
