"""DOCX reader: a Word file into the document model, body in document order, footnotes beside their reference.

python-docx gives paragraphs and tables in order (`iter_inner_content`); merged cells are read from the
XML (`gridSpan`, `vMerge`) so a spanned cell is emitted once; `word/footnotes.xml`, which python-docx does
not read, is parsed here with entities and network off. Headers and footers are never part of the body.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from lxml import etree

from .headings import heading_level
from .model import Block, Cell, Document, Table
from .settings import Settings
from .text import fold

_FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class ReadError(ValueError):
    """A file that cannot be read; the message is the plain-words reason shown to the analyst."""


def read_docx(path: str | Path, settings: Settings | None = None) -> Document:
    settings = settings or Settings()
    path = Path(path)
    data = path.read_bytes()
    _check_package(path, data, settings)
    try:
        wdoc = docx.Document(str(path))
    except KeyError as exc:  # a zip without word/document.xml
        raise ReadError("not a Word file (no word/document.xml)") from exc
    except Exception as exc:  # python-docx raises several types for damaged packages
        raise ReadError(f"truncated or damaged file ({type(exc).__name__})") from exc
    footnotes = _read_footnotes(wdoc)
    builder = _Builder(footnotes, settings)
    for item in wdoc.iter_inner_content():
        if isinstance(item, Paragraph):
            builder.paragraph(item)
        elif isinstance(item, DocxTable):
            builder.table(item._tbl, parent=None, depth=0)
    builder.flush_footnotes()
    return Document(
        path=str(path),
        format="docx",
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=tuple(builder.blocks),
        pages=None,
    )


def _check_package(path: Path, data: bytes, settings: Settings) -> None:
    """Refuse what is not a Word package, and zip bombs, before python-docx inflates anything."""
    if data[:4] != b"PK\x03\x04":
        if not data:
            raise ReadError("empty file")
        if data[:5] == b"%PDF-":
            raise ReadError("not a Word file (a PDF)")
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise ReadError("legacy .doc or encrypted Word file, not .docx")
        if _looks_like_text(data):
            raise ReadError("not a Word file (plain text)")
        raise ReadError("not a Word file")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise ReadError("not a Word file (no word/document.xml)")
            total = 0
            for info in infos:
                if info.file_size > settings.max_part_bytes:
                    raise ReadError(f"{info.filename} over the {settings.max_part_bytes // 2**20} MB limit")
                total += info.file_size
            if total > settings.max_package_bytes:
                raise ReadError(f"package over the {settings.max_package_bytes // 2**20} MB limit when unpacked")
            bad = zf.testzip()
            if bad is not None:
                raise ReadError(f"truncated or damaged file (bad CRC in {bad})")
    except zipfile.BadZipFile as exc:
        raise ReadError("truncated or damaged file") from exc


def _looks_like_text(data: bytes) -> bool:
    head = data[:4096]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head


def _read_footnotes(wdoc) -> dict[str, str]:
    part = None
    for rel in wdoc.part.rels.values():
        if rel.reltype == _FOOTNOTES_REL and not rel.is_external:
            part = rel.target_part
            break
    if part is None:
        return {}
    root = etree.fromstring(part.blob, _SAFE_XML)
    notes: dict[str, str] = {}
    for fn in root.iter(qn("w:footnote")):
        if fn.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paras = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in fn.iter(qn("w:p"))]
        text = fold(" ".join(paras))
        if text:
            notes[fn.get(qn("w:id"))] = text
    return notes


def _style_outline_level(style) -> int | None:
    """Outline level from the style chain (w:outlineLvl 0 = level 1), or a built-in Heading N name."""
    seen = 0
    while style is not None and seen < 10:
        name = (style.name or "").lower()
        if name.startswith("heading ") and name[8:].isdigit():
            return int(name[8:])
        ppr = style.element.pPr
        if ppr is not None:
            lvl = ppr.find(qn("w:outlineLvl"))
            if lvl is not None and lvl.get(qn("w:val")).isdigit() and int(lvl.get(qn("w:val"))) < 9:
                return int(lvl.get(qn("w:val"))) + 1
        style = style.base_style
        seen += 1
    return None


def _paragraph_level(p: Paragraph) -> int | None:
    ppr = p._p.pPr
    if ppr is not None:
        lvl = ppr.find(qn("w:outlineLvl"))
        if lvl is not None and (lvl.get(qn("w:val")) or "").isdigit() and int(lvl.get(qn("w:val"))) < 9:
            return int(lvl.get(qn("w:val"))) + 1
    try:
        return _style_outline_level(p.style)
    except (KeyError, AttributeError):
        return None


def _is_list(p: Paragraph) -> bool:
    ppr = p._p.pPr
    if ppr is not None and ppr.find(qn("w:numPr")) is not None:
        return True
    try:
        return (p.style.name or "").lower().startswith("list")
    except (KeyError, AttributeError):
        return False


def _all_bold(p: Paragraph) -> bool:
    runs = [r for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _paragraph_text(p_el) -> str:
    """Text of a w:p element: runs, tabs and breaks, hyperlinks and fields included, text boxes not."""
    parts = []
    for el in p_el.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if el.tag == qn("w:t"):
            parts.append(el.text or "")
        else:
            parts.append(" ")
    return "".join(parts)


class _Builder:
    def __init__(self, footnotes: dict[str, str], settings: Settings):
        self.blocks: list[Block] = []
        self.footnotes = footnotes
        self.emitted_notes: set[str] = set()
        self.n_par = 0
        self.n_tab = 0
        self.settings = settings

    def _add_notes(self, el) -> None:
        for ref in el.iter(qn("w:footnoteReference")):
            fid = ref.get(qn("w:id"))
            if fid in self.footnotes and fid not in self.emitted_notes:
                self.emitted_notes.add(fid)
                self.blocks.append(Block("footnote", self.footnotes[fid], f"f{fid}"))

    def paragraph(self, p: Paragraph) -> None:
        text = fold(_paragraph_text(p._p))
        if not text:
            return
        level = _paragraph_level(p)
        kind = "heading" if level else ("list_item" if _is_list(p) else "paragraph")
        if kind == "paragraph" and _all_bold(p):
            # Many authors bold a numbered line instead of using a heading style.
            level = heading_level(text)
            if level:
                kind = "heading"
        self.n_par += 1
        self.blocks.append(Block(kind, text, f"p{self.n_par}", level=level if kind == "heading" else None))
        self._add_notes(p._p)

    def table(self, tbl, parent: str | None, depth: int) -> None:
        if depth > self.settings.max_table_nesting:
            return
        self.n_tab += 1
        loc = f"t{self.n_tab}"
        rows: list[list[Cell]] = []
        open_vmerge: dict[int, int] = {}  # grid column -> index into `flat` of the cell that started the merge
        flat: list[list] = []  # [row, col, text, rowspan, colspan]
        nested: list = []
        for r_idx, tr in enumerate(tbl.tr_lst, start=1):
            if r_idx > self.settings.max_table_rows:
                break
            col = 1
            trpr = tr.trPr
            if trpr is not None:
                gb = trpr.find(qn("w:gridBefore"))
                if gb is not None and (gb.get(qn("w:val")) or "").isdigit():
                    col += int(gb.get(qn("w:val")))
            row_cells: list[list] = []
            for tc in tr.tc_lst:
                span = tc.grid_span or 1
                vmerge = tc.vMerge
                # paragraphs of a cell stay on their own lines: header cells stack the issuer, "*", "Số ..."
                paras = (fold(_paragraph_text(p)) for p in tc.iterchildren(qn("w:p")))
                text = "\n".join(t for t in paras if t)
                if vmerge == "continue" and col in open_vmerge:
                    flat[open_vmerge[col]][3] += 1
                else:
                    cell = [r_idx, col, text, 1, span]
                    flat.append(cell)
                    row_cells.append(cell)
                    if vmerge == "restart":
                        open_vmerge[col] = len(flat) - 1
                    else:
                        open_vmerge.pop(col, None)
                for inner in tc.iterchildren(qn("w:tbl")):
                    nested.append((inner, f"{loc}r{r_idx}c{col}"))
                for p in tc.iterchildren(qn("w:p")):
                    self._add_notes(p)
                col += span
            rows.append(row_cells)
        table = Table(
            rows=tuple(tuple(Cell(r, c, t, rs, cs) for r, c, t, rs, cs in row) for row in rows),
            parent=parent,
        )
        text = " / ".join(" | ".join(fold(c.text) for c in row) for row in table.rows)
        self.blocks.append(Block("table", text, loc, table=table))
        for inner, cell_loc in nested:
            self.table(inner, parent=cell_loc, depth=depth + 1)

    def flush_footnotes(self) -> None:
        for fid, text in self.footnotes.items():
            if fid not in self.emitted_notes:
                self.blocks.append(Block("footnote", text, f"f{fid}"))

