"""The extraction chain for one file: read (DOCX/PDF) -> metadata -> figures, tasks, relations.

Pure with respect to the warehouse: it returns an `Extraction` and never writes, so a worker process can
run it and a single writer can load the result in one transaction.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.model import Extraction
from extract.settings import Settings

SUFFIXES = {".docx": "docx", ".pdf": "pdf", ".doc": "office", ".rtf": "office", ".odt": "office"}
# document files baocao cannot read: they fail with this reason instead of being passed over
UNREADABLE = {
    ".xls": "spreadsheet",
    ".xlsx": "spreadsheet",
    ".ods": "spreadsheet",
    ".ppt": "presentation",
    ".pptx": "presentation",
    ".odp": "presentation",
    ".hwp": "word processor file",
    ".wpd": "word processor file",
}


class ExtractError(ValueError):
    """A file that cannot be extracted; str() is the plain-words reason."""


def size_problem(path: Path, settings: Settings) -> str | None:
    """The reason a file is refused unread for its size, or None."""
    size = path.stat().st_size
    if size > settings.max_file_bytes:
        return f"file over the {settings.max_file_bytes / 2**20:.3g} MB limit ({size / 2**20:.3g} MB)"
    return None


def read_document(path: Path, settings: Settings):
    too_big = size_problem(path, settings)
    if too_big:
        raise ExtractError(too_big)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind == "docx":
        from extract.readers.docx_reader import read_docx

        return read_docx(path, settings)
    if kind == "pdf":
        from extract.readers.pdf_reader import read_pdf

        return read_pdf(path, settings)
    if kind == "office":
        from extract.readers.office import read_converted

        return read_converted(path, settings)
    what = UNREADABLE.get(path.suffix.lower(), "file")
    raise ExtractError(
        f"unsupported file type {path.suffix or '(none)'} ({what}): baocao reads .docx and .pdf, "
        ".doc/.rtf/.odt through LibreOffice; save it as .docx or PDF"
    )


def extract_file(path: str | Path, settings: Settings | None = None) -> Extraction:
    settings = settings or Settings()
    path = Path(path)
    try:
        doc = read_document(path, settings)
    except ExtractError:
        raise
    except (ValueError, OSError) as exc:
        raise ExtractError(str(exc) or type(exc).__name__) from exc
    return extract_document(doc)


def extract_document(doc) -> Extraction:
    from extract.figures import extract_figures
    from extract.metadata import read_metadata
    from extract.tasks import extract_tasks

    meta = read_metadata(doc)
    figures, relations = extract_figures(doc, meta)
    tasks = extract_tasks(doc, meta)
    return Extraction(
        document=doc, metadata=meta, figures=tuple(figures), tasks=tuple(tasks), relations=tuple(relations)
    )


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def discover(paths: list[str]) -> tuple[list[Path], list[str], list[Path]]:
    """Every file to ingest under the given files and folders (recursively), sorted; missing paths; and the
    files of folders left out as not documents (images, text ...), so the caller can say so.

    Files given by name are always taken (an unreadable one then fails with its reason); in folders, the
    readable suffixes and the document types baocao cannot read (UNREADABLE: they fail, not vanish).
    Office lock files (~$name.docx) are left out.
    """
    found: list[Path] = []
    missing: list[str] = []
    ignored: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if not f.is_file():
                    continue
                if f.suffix.lower() in SUFFIXES or f.suffix.lower() in UNREADABLE:
                    (ignored if f.name.startswith("~$") else found).append(f)
                else:
                    ignored.append(f)
        elif path.is_file():
            found.append(path)
        else:
            missing.append(p)
    seen: set[Path] = set()
    unique = []
    for f in found:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, missing, ignored
