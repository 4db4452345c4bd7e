"""Test support: where the seeds and samples are, the seed lines, and the text a reader produced."""

from __future__ import annotations

import os
import re
from pathlib import Path

from extract.language.text import fold

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("BAOCAO_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
REALDOCS = SHARED / "realdocs"
SEED_STEMS = ["000_ea23f6f2735d3a0f", "001_8ae5b9da1ecb2557", "002_44a35151dedbb7b7", "003_ef6b9c13ae5fbfa8"]

_FOOTNOTE = re.compile(r"\[(\d+):\s*(.*?)\]\s*(?=\[\d+:|$)")


def seed_lines(stem: str) -> tuple[list[str], list[str]]:
    """Non-empty seed lines (markers stripped, folded) and the footnote texts cut out of them."""
    lines, notes = [], []
    for line in (SEEDS / f"{stem}.txt").read_text(encoding="utf-8").splitlines():
        line = re.sub(r"\[footnoteRef:\d+\]|\[bookmark: [^\]]*\]", "", line)
        for m in _FOOTNOTE.finditer(line):
            notes.append(fold(m.group(2)))
        line = fold(_FOOTNOTE.sub("", line))
        if line:
            lines.append(line)
    return lines, notes


def model_text(doc) -> str:
    parts = []
    for b in doc.blocks:
        if b.kind == "table":
            parts.extend(fold(c.text) for row in b.table.rows for c in row)
        elif b.kind != "footnote":
            parts.append(b.text)
    return " ".join(parts)


def missing_in_order(lines: list[str], text: str) -> list[str]:
    """Lines not found in `text` in order (empty when every line appears after the previous one)."""
    pos, missing = 0, []
    for line in lines:
        i = text.find(line, pos)
        if i < 0:
            missing.append(line)
        else:
            pos = i + len(line)
    return missing


def pdf_from_objects(objs: list[bytes], trailer: bytes = b"") -> bytes:
    """A minimal PDF whose numbered objects are `objs` (object 1 the catalog); `trailer` adds trailer keys."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, trailer, xref)
    return bytes(out)


def font_run(paragraph, text: str, font: str | None):
    """A python-docx run of `text` in `paragraph`, in `font` when one is named (the legacy-font tests)."""
    run = paragraph.add_run(text)
    if font:
        run.font.name = font
    return run


def subjects_of(*blocks: str | tuple[int, str], year: int = 2025, title: str | None = None) -> dict[str, str | None]:
    """raw number -> subject of each figure of the blocks, extracted as one document of `year` (titled `title`): a
    text is a paragraph, a (level, text) pair a heading."""
    from datetime import date

    from extract.figures import extract_figures
    from extract.model import Block, Document, Metadata, Period

    made = tuple(
        Block("heading", b[1], f"p{i}", level=b[0]) if isinstance(b, tuple) else Block("paragraph", b, f"p{i}")
        for i, b in enumerate(blocks, 1)
    )
    doc = Document(path="t", format="docx", sha256="", blocks=made)
    meta = Metadata(period=Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}"), title=title)
    return {f.raw.split()[0].rstrip("/"): f.subject for f in extract_figures(doc, meta)[0]}


def words(text: str | None) -> set[str]:
    """The content syllables of a subject, as a set."""
    from extract.language.subjects import content_words

    return set(content_words(text))


def names(subject: str | None, phrase: str, extra: int = 4) -> bool:
    """The phrase's content words all in the subject, which adds at most `extra` of its own (the gold scorer's
    rule)."""
    want, got = words(phrase), words(subject)
    return want <= got and len(got - want) <= extra


WRITTEN = ROOT / "tests" / "gold" / "written"  # set T (tuned on) and set H (held out): baocao.evaluate


def unjudged(found: list[tuple], expected: list[tuple]) -> dict[str, list[tuple]]:
    """Findings (document, check, severity, message) against the ones judged true by reading (document, check,
    severity, words of the message): each judged one takes one finding; what is left over was judged by nobody (a false
    alarm, or a new finding to judge), what finds no finding is missing."""
    left = list(found)
    missing = []
    for doc, check_id, severity, words in expected:
        hit = next((f for f in left if f[:3] == (doc, check_id, severity) and words in f[3]), None)
        if hit is None:
            missing.append((doc, check_id, severity, words))
        else:
            left.remove(hit)
    return {"unexpected": left, "missing": missing}
