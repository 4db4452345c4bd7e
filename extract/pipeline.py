"""The extraction chain for one file: read (DOCX/PDF) -> metadata -> figures, tasks, relations.

Pure with respect to the warehouse: it returns an `Extraction` and never writes, so a worker process can
run it and a single writer can load the result in one transaction.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.model import Extraction
from extract.settings import Settings

SUFFIXES = {".docx": "docx", ".pdf": "pdf"}


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
    raise ExtractError(f"unsupported file type {path.suffix or '(none)'}")


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


def discover(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Every .docx/.pdf under the given files and folders (recursively), sorted; plus missing paths."""
    found: list[Path] = []
    missing: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found.extend(
                sorted(
                    f
                    for f in path.rglob("*")
                    if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("~$")
                )
            )
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
    return unique, missing
