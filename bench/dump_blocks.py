"""Dump the document model the readers give for the samples and the realdocs, to compare two versions.

    .venv/bin/python bench/dump_blocks.py OUT_DIR                 # one <file name>.txt per DOCX and PDF
    .venv/bin/python bench/dump_blocks.py OUT_DIR --against OLD_DIR   # and exit 1 unless every file matches

Each block is written with its kind, location, page, level, OCR flag and text, tables cell by cell (row,
column, spans, page, text) with their parent, then the document's page count, OCR pages, file date, sha256
and warnings: a change to a reader's speed must leave every line as it was. Scanned PDFs are left out (OCR
output is Tesseract's, not the reader's); `--ocr-need` writes instead, for every PDF page, whether it would
go to OCR and why (the text-layer check that decides it), without running Tesseract.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.readers.docx_reader import read_docx  # noqa: E402
from extract.readers.pdf_reader import read_pdf  # noqa: E402

REALDOCS = Path(os.environ.get("BAOCAO_SHARED", ROOT.parent / "shared")) / "realdocs"
SCANNED = ("07_", "12_", "50_", "52_")


def files() -> list[Path]:
    real = [
        p
        for p in sorted(REALDOCS.iterdir())
        if p.suffix in (".pdf", ".docx") and not (p.suffix == ".pdf" and p.name.startswith(SCANNED))
    ]
    return sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".pdf", ".docx")) + real


def dump(path: Path) -> str:
    doc = read_pdf(path) if path.suffix == ".pdf" else read_docx(path)
    out = []
    for b in doc.blocks:
        out.append(f"[{b.location} {b.kind} page={b.page} level={b.level} ocr={b.ocr}] {b.text}")
        if b.table is not None:
            out.append(f"    parent={b.table.parent}")
            for row in b.table.rows:
                for c in row:
                    out.append(f"    r{c.row}c{c.col} span={c.rowspan}x{c.colspan} page={c.page}: {c.text!r}")
    out.append(
        f"format={doc.format} pages={doc.pages} ocr_pages={doc.ocr_pages} file_date={doc.file_date} "
        f"sha256={doc.sha256} warnings={list(doc.warnings)}"
    )
    return "\n".join(out) + "\n"


def ocr_need(path: Path) -> str:
    """Per page: the OCR decision the PDF reader takes from the text layer."""
    from extract.readers import pdf_reader as pr

    pdf = pr._open(path.read_bytes())
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            chars = pr._page_chars(page)
            out.append(f"page {i + 1}: {pr._ocr_need(page, chars, None)} chars={len(chars)}")
        return "\n".join(out) + "\n"
    finally:
        pdf.close()


def write_and_compare(out: Path, against: Path | None, texts: list[tuple[str, str]]) -> None:
    """Write each (file name, dump) as OUT/<name>.txt; with `against`, say whether every dump matches the one
    there and exit 1 unless all do (also used by bench/dump_figures.py)."""
    out.mkdir(parents=True, exist_ok=True)
    differ = []
    for name, text in texts:
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
        old = against / f"{name}.txt" if against is not None else None
        if old is not None and (not old.exists() or old.read_text(encoding="utf-8") != text):
            differ.append(name)
    print(f"{len(texts)} files dumped to {out}")
    if against is not None:
        print("identical" if not differ else f"DIFFERENT: {', '.join(differ)}")
        sys.exit(1 if differ else 0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--against", type=Path, help="a folder dumped before: compare with it")
    ap.add_argument("--ocr-need", action="store_true", help="the OCR decision per page of every PDF instead")
    args = ap.parse_args()
    if args.ocr_need:
        paths = sorted((ROOT / "samples").glob("*.pdf")) + sorted(REALDOCS.glob("*.pdf"))
    else:
        paths = files()
    texts = [(p.name, ocr_need(p) if args.ocr_need else dump(p)) for p in paths]
    write_and_compare(args.out, args.against, texts)


if __name__ == "__main__":
    main()
