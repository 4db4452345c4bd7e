"""Rebuild the sample Word documents (and their LibreOffice PDF renderings) from the seed text dumps.

Each seed `NNN_xxx.txt` becomes `samples/NNN_xxx.docx` and `samples/NNN_xxx.pdf`, laid out the way a
provincial office types such documents in Word: header table, centred title, built-in heading styles,
ruled task tables with a repeating header row, real footnotes.

    .venv/bin/python samples/make_samples.py [--seeds DIR] [--out DIR] [--no-pdf]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

REPO = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------------------------------
# Heading decisions, in the order they are tried (first match wins). `shape` says what the rest of the
# line must look like for it to be a heading rather than a numbered body paragraph:
#   any         always a heading
#   title       one phrase: no sentence break ("... . Tổ chức ...") after the number
#   short_title a title of at most SHORT_TITLE_MAX characters that does not end with "."; numbered
#               target items ("3. Tổng vốn đầu tư toàn xã hội: Phấn đấu đạt trên 135.000 tỷ đồng.")
#               and multi-sentence numbered paragraphs stay Normal
# --------------------------------------------------------------------------------------------------
HEADING_RULES: list[tuple[int, str, str]] = [
    (1, r"^PHẦN THỨ \w+\s*:", "any"),  # PHẦN THỨ NHẤT: ...
    (2, r"^[IVX]+\.\s", "title"),  # I. ..., II. ..., III. ...  (before the letter rule: "I." is Roman)
    (1, r"^[A-H]\.\s", "title"),  # A. KẾT QUẢ ..., B. PHƯƠNG HƯỚNG ...
    (3, r"^Chủ đề \d+\s*:", "any"),  # 000: "Chủ đề 1: ..." sub-topics under a Roman group
    (4, r"^\d+\.\d+\.\s", "title"),  # 2.1. ..., 1.10. ...
    (3, r"^\d+\.\s", "short_title"),  # 1. ..., 2. ...
    (4, r"^[a-zđ]\)\s", "title"),  # a) ..., b) ...
]
SHORT_TITLE_MAX = 250
SENTENCE_BREAK = re.compile(r"[.!?]\s+\S")

# Lines that open a new paragraph when rebuilding paragraphs of a PDF dump with hard line breaks.
NEW_ITEM = re.compile(r"^(?:- |\d+\.\s|[IVX]+\.\s|[A-H]\.\s|[a-zđ]\)\s|\* )")
# Seeds whose originals were PDFs: one visual line per dump line, so paragraphs must be rebuilt.
PDF_SEEDS = {"002"}

DATE_LINE = re.compile(r"^\S.*,\s*ngày\b.*\bnăm \d{4}\s*$")
RULE_LINE = re.compile(r"^-{3,}\s*$")
CELL_LINE = re.compile(r"^ *\t")
BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
FOOTNOTE_BODY = re.compile(r"\[(\d+):\s*(.*?)\]\s*")
FOOTNOTE_REF = re.compile(r"\[footnoteRef:(\d+)\]")
ANNEX_TITLE = re.compile(r"^PHỤ LỤC\b")
ANNEX_CAPTION = re.compile(r"^Phụ lục \d+\s*[.:]")

FONT = "Times New Roman"
FIXED_TIME = dt.datetime(2026, 6, 22, 8, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2026, 6, 22, 8, 0, 0)
AUTHOR = "baocao samples"
LO_PROFILE = "file:///tmp/lo_profile_baocao"


# ------------------------------------------------------------------------------------------ parsing
@dataclass
class Para:
    text: str
    kind: str = "body"  # body | heading | title | subtitle | rule | date | caption | annex | annex_sub | note
    level: int = 0


@dataclass
class Table:
    rows: list[list[list[str]]]  # row -> cell -> paragraphs
    kind: str = "plain"  # plain (borderless) | grid (ruled task table) | header (document header)


@dataclass
class Seed:
    stem: str
    blocks: list[Para | Table] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)


def clean(line: str) -> str:
    """A dump line without markers and indentation-only whitespace."""
    return BOOKMARK.sub("", line).strip()


def heading_level(text: str) -> int:
    for level, pattern, shape in HEADING_RULES:
        m = re.match(pattern, text)
        if not m:
            continue
        rest = text[m.end() :].rstrip()
        if shape == "any":
            return level
        if SENTENCE_BREAK.search(rest.rstrip(".:")):
            return 0
        if shape == "short_title" and (len(text) > SHORT_TITLE_MAX or rest.endswith(".")):
            return 0
        return level
    return 0


def is_cell(line: str) -> bool:
    # A lone tab-indented heading (003: "\tII. Về công tác xây dựng Đảng") is a stray indent, not a table.
    return bool(CELL_LINE.match(line)) and not heading_level(clean(line))


def parse_table(lines: list[str], i: int) -> tuple[Table, int]:
    rows: list[list[list[str]]] = []
    row: list[list[str]] = []
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            if row:
                rows.append(row)
                row = []
            if i + 1 < len(lines) and is_cell(lines[i + 1]):
                i += 1
                continue
            break
        if CELL_LINE.match(line):
            row.append([clean(line)])
        elif row:
            row[-1].append(clean(line))
        i += 1
    if row:
        rows.append(row)
    kind = "grid" if rows and rows[0][0][0].upper() == "STT" else "plain"
    return Table(rows, kind), i


def parse_header(lines: list[str]) -> Table:
    """The document header: left cell (issuing body, '*', number), right cell (party/state motto)."""
    right_at = max(i for i, ln in enumerate(lines) if CELL_LINE.match(ln))
    left = [clean(ln) for ln in lines[:right_at] if clean(ln)]
    right = [clean(ln) for ln in lines[right_at:] if clean(ln)]
    return Table([[left, right]], "header")


def body_para(text: str) -> Para:
    level = heading_level(text)
    if level:
        return Para(text, "heading", level)
    if ANNEX_CAPTION.match(text):
        return Para(text, "caption")
    if text.startswith("* "):
        return Para(text, "note")
    return Para(text)


def parse_seed(path: Path) -> Seed:
    seed = Seed(path.stem)
    raw = path.read_text(encoding="utf-8").replace("\r", "").split("\n")
    # Footnote bodies sit at the end of the line that references them; lift them out first.
    lines = []
    for line in raw:

        def grab(m: re.Match[str]) -> str:
            seed.footnotes[int(m.group(1))] = m.group(2).strip()
            return ""

        lines.append(FOOTNOTE_BODY.sub(grab, line).rstrip() if "[footnoteRef:" in line else line)

    i = 0
    date_at = next((k for k, ln in enumerate(lines[:20]) if DATE_LINE.match(clean(ln))), None)
    if date_at is not None:
        seed.blocks.append(parse_header(lines[:date_at]))
        seed.blocks.append(Para(clean(lines[date_at]), "date"))
        i = date_at + 1
        rule_at = next((k for k in range(i, min(i + 10, len(lines))) if RULE_LINE.match(lines[k])), None)
        if rule_at is not None:
            titles = [clean(ln) for ln in lines[i:rule_at] if clean(ln)]
            for n, t in enumerate(titles):
                seed.blocks.append(Para(t, "title" if n == 0 else "subtitle"))
            seed.blocks.append(Para(clean(lines[rule_at]), "rule"))
            i = rule_at + 1

    reflow = path.stem[:3] in PDF_SEEDS
    in_annex_sub = False
    while i < len(lines):
        line = lines[i]
        text = clean(line)
        if not text:
            i += 1
            continue
        if is_cell(line):
            table, i = parse_table(lines, i)
            seed.blocks.append(table)
            continue
        if ANNEX_TITLE.match(text):
            seed.blocks.append(Para(text, "annex"))
            in_annex_sub = True
            i += 1
            continue
        if in_annex_sub and text.startswith("(") or (in_annex_sub and seed.blocks[-1].kind == "annex_sub"):
            seed.blocks.append(Para(text, "annex_sub"))
            in_annex_sub = not text.endswith(")")
            i += 1
            continue
        in_annex_sub = False
        if reflow:
            # One visual PDF line per dump line: join until a line that opens a new item or heading.
            parts = [text]
            j = i + 1
            while j < len(lines):
                nxt = clean(lines[j])
                if not nxt:
                    j += 1
                    continue
                if NEW_ITEM.match(nxt) or is_cell(lines[j]):
                    break
                parts.append(nxt)
                j += 1
            seed.blocks.append(body_para(" ".join(parts)))
            i = j
            continue
        seed.blocks.append(body_para(text))
        i += 1
    return seed


# ----------------------------------------------------------------------------------------- styling
def set_fonts(rpr_parent, size_pt: float | None = None, color_black: bool = True) -> None:
    """Explicit Times New Roman on a style or docDefaults rPr, replacing theme font/colour links."""
    rpr = rpr_parent.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        rpr_parent.append(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)
    if color_black:
        color = rpr.find(qn("w:color"))
        if color is not None:
            rpr.remove(color)
        rpr.append(parse_xml(f'<w:color {nsdecls("w")} w:val="000000"/>'))
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            old = rpr.find(qn(tag))
            if old is not None:
                rpr.remove(old)
            rpr.append(parse_xml(f'<{tag} {nsdecls("w")} w:val="{int(size_pt * 2)}"/>'))


def setup_styles(doc) -> None:
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    set_fonts(defaults.find(qn("w:rPrDefault")), 13)
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "vi-VN")

    normal = styles["Normal"]
    set_fonts(normal.element, 13)
    pf = normal.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.first_line_indent = Cm(1)
    pf.space_before = Pt(0)
    pf.space_after = Pt(6)
    pf.line_spacing = 1.15

    for level in (1, 2, 3, 4):
        for name in (f"Heading {level}", f"Heading {level} Char"):
            style = styles[name]
            set_fonts(style.element, 13)
            style.font.bold = True
            style.font.italic = level == 4
            style.font.color.rgb = RGBColor(0, 0, 0)
        hpf = styles[f"Heading {level}"].paragraph_format
        hpf.space_before = Pt(6)
        hpf.space_after = Pt(6)
        hpf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        hpf.first_line_indent = Cm(0 if level == 1 else 1)
        hpf.keep_with_next = True

    # Word's own definitions of the footnote styles (python-docx's template has none).
    styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText">'
            '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:link w:val="FootnoteTextChar"/>'
            '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/></w:pPr>'
            '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
        )
    )
    styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="character" w:customStyle="1" w:styleId="FootnoteTextChar">'
            '<w:name w:val="Footnote Text Char"/><w:basedOn w:val="DefaultParagraphFont"/>'
            '<w:link w:val="FootnoteText"/><w:uiPriority w:val="99"/>'
            '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
            '<w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
        )
    )
    styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="character" w:styleId="FootnoteReference">'
            '<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
            '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        )
    )


def setup_page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.header_distance = section.footer_distance = Cm(1.25)


def set_core(doc) -> None:
    cp = doc.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME
    cp.revision = 1
    cp.comments = ""
    cp.title = ""
    cp.subject = ""
    cp.keywords = ""
    cp.category = ""
    cp.language = "vi-VN"


# -------------------------------------------------------------------------------------------- writing
def fmt(paragraph, *, align=None, indent: float | None = None, before=None, after=None, keep=False):
    pf = paragraph.paragraph_format
    if align is not None:
        pf.alignment = align
    if indent is not None:
        pf.first_line_indent = Cm(indent)
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if keep:
        pf.keep_with_next = True


def add_runs(paragraph, text: str, *, bold=None, italic=None, size=None, underline=None) -> None:
    """Text with `[footnoteRef:N]` turned into real footnote reference runs."""
    pieces = FOOTNOTE_REF.split(text)
    for k, piece in enumerate(pieces):
        if k % 2:
            run = paragraph.add_run()
            run._r.insert(
                0, parse_xml(f'<w:rPr {nsdecls("w")}><w:rStyle w:val="FootnoteReference"/></w:rPr>')
            )
            run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{int(piece)}"/>'))
            continue
        if not piece:
            continue
        run = paragraph.add_run(piece)
        run.bold = bold
        run.italic = italic
        run.underline = underline
        if size:
            run.font.size = Pt(size)


def no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = parse_xml(
        f"<w:tblBorders {nsdecls('w')}>"
        + "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"
    )
    tbl_pr.append(borders)


def set_widths(table, widths_cm: list[float]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(w)
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=False):
        col.set(qn("w:w"), str(int(Cm(w).twips)))


def fill_cell(cell, paras: list[str], **run_kw) -> list:
    align = run_kw.pop("align", WD_ALIGN_PARAGRAPH.LEFT)
    out = []
    for n, text in enumerate(paras):
        p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        fmt(p, align=align, indent=0, before=0, after=0)
        p.paragraph_format.line_spacing = 1.0
        add_runs(p, text, **run_kw)
        out.append(p)
    return out


def write_header(doc, table: Table) -> None:
    left, right = table.rows[0]
    t = doc.add_table(rows=1, cols=2)
    no_borders(t)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(t, [7.5, 8.5])
    lc, rc = t.rows[0].cells
    for n, text in enumerate(left):
        p = lc.paragraphs[0] if n == 0 else lc.add_paragraph()
        fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, before=0, after=0)
        p.paragraph_format.line_spacing = 1.0
        if text.startswith("Số"):
            add_runs(p, text, size=13)
        elif text == "DỰ THẢO":
            fmt(p, before=6)
            add_runs(p, text, bold=True, size=12)
        else:
            add_runs(p, text, bold=n > 0 or len(left) <= 2, size=12 if len(text) > 24 else 13)
    for n, text in enumerate(right):
        p = rc.paragraphs[0] if n == 0 else rc.add_paragraph()
        fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, before=0, after=0)
        add_runs(p, text, bold=True, underline=n == len(right) - 1, size=13)


def write_grid(doc, table: Table) -> None:
    ncols = max(len(r) for r in table.rows)
    t = doc.add_table(rows=len(table.rows), cols=ncols)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(t, [1.1, 5.6, 3.3, 1.8, 4.2] if ncols == 5 else [1.1, 8.7, 4.2, 2.0])
    for r, row in enumerate(table.rows):
        cells = t.rows[r].cells
        for c, paras in enumerate(row):
            centred = r == 0 or c == 0 or (c == 3)
            fill_cell(
                cells[c],
                paras,
                bold=True if r == 0 else None,
                size=12,
                align=WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT,
            )
    # Repeat the header row on every page, as Word authors tick "Repeat as header row".
    tr_pr = t.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    for row in t.rows:
        row._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))


def write_plain(doc, table: Table) -> None:
    """Borderless layout table, e.g. 'Nơi nhận:' on the left and the signature side on the right."""
    ncols = max(len(r) for r in table.rows)
    t = doc.add_table(rows=len(table.rows), cols=ncols)
    no_borders(t)
    set_widths(t, [8.0, 8.0] if ncols == 2 else [16.0 / ncols] * ncols)
    for r, row in enumerate(table.rows):
        cells = t.rows[r].cells
        for c, paras in enumerate(row):
            cell = cells[c]
            for n, text in enumerate(paras):
                p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                p.paragraph_format.line_spacing = 1.0
                if text.startswith("Nơi nhận"):
                    fmt(p, align=WD_ALIGN_PARAGRAPH.LEFT, indent=0, before=0, after=0)
                    add_runs(p, text, bold=True, italic=True, size=12)
                elif c == 0:
                    fmt(p, align=WD_ALIGN_PARAGRAPH.LEFT, indent=0, before=0, after=0)
                    add_runs(p, text, size=11)
                else:
                    fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, before=0, after=0)
                    add_runs(p, text, bold=True, size=13)


def write_para(doc, para: Para) -> None:
    kind = para.kind
    if kind == "heading":
        p = doc.add_paragraph(style=f"Heading {para.level}")
        add_runs(p, para.text)
        return
    p = doc.add_paragraph()
    if kind == "date":
        fmt(p, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=0, before=6, after=12)
        add_runs(p, para.text, italic=True, size=14)
    elif kind == "title":
        fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, before=12, after=0, keep=True)
        add_runs(p, para.text, bold=True, size=14)
    elif kind == "subtitle":
        fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, before=0, after=0, keep=True)
        add_runs(p, para.text, bold=True, size=14)
    elif kind == "rule":
        fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, before=0, after=12)
        add_runs(p, para.text)
    elif kind == "annex":
        p.add_run().add_break(WD_BREAK.PAGE)
        fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, before=0, after=0, keep=True)
        add_runs(p, para.text, bold=True, size=14)
    elif kind == "annex_sub":
        fmt(p, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, before=0, after=0, keep=True)
        add_runs(p, para.text, italic=True)
    elif kind == "caption":
        fmt(p, before=12, after=6, keep=True)
        add_runs(p, para.text, bold=True)
    elif kind == "note":
        add_runs(p, para.text, bold=True, italic=True)
    else:
        add_runs(p, para.text)


def add_footnotes(doc, footnotes: dict[int, str]) -> None:
    """word/footnotes.xml with Word's separator footnotes (-1, 0) and one note per reference."""
    sep = (
        '<w:footnote w:type="{t}" w:id="{i}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:{t}/></w:r></w:p></w:footnote>'
    )
    notes = [sep.format(t="separator", i=-1), sep.format(t="continuationSeparator", i=0)]
    for n in sorted(footnotes):
        text = footnotes[n].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        notes.append(
            f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/><w:jc w:val="both"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:footnotes {nsdecls('w', 'r')}>" + "".join(notes) + "</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    settings = doc.settings.element
    pr = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(pr)
    else:
        settings.append(pr)


def build_docx(seed: Seed, out: Path) -> None:
    doc = Document()
    setup_page(doc)
    setup_styles(doc)
    set_core(doc)
    body = doc.element.body
    # python-docx's template starts with an empty paragraph only in older versions; make sure of it.
    for p in list(body.findall(qn("w:p"))):
        body.remove(p)
    for block in seed.blocks:
        if isinstance(block, Table):
            {"header": write_header, "grid": write_grid, "plain": write_plain}[block.kind](doc, block)
        else:
            write_para(doc, block)
    if seed.footnotes:
        add_footnotes(doc, seed.footnotes)
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(normalise_zip(buf.getvalue()))


def normalise_zip(blob: bytes) -> bytes:
    """Same bytes on every run: fixed member timestamps, no generator-specific ids."""
    src = zipfile.ZipFile(io.BytesIO(blob))
    dst_buf = io.BytesIO()
    with zipfile.ZipFile(dst_buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, data)
    return dst_buf.getvalue()


def convert_pdf(docx_paths: list[Path], out_dir: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: install LibreOffice or rerun with --no-pdf")
    cmd = [
        soffice,
        f"-env:UserInstallation={LO_PROFILE}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        *map(str, docx_paths),
    ]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, timeout=600)
    for p in docx_paths:
        if not p.with_suffix(".pdf").exists():
            sys.exit(f"{p.name}: LibreOffice produced no PDF")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    ap.add_argument("--out", type=Path, default=REPO / "samples")
    ap.add_argument("--no-pdf", action="store_true", help="write the .docx files only")
    ap.add_argument("--dump", action="store_true", help="print the parsed blocks instead of writing")
    args = ap.parse_args(argv)
    seeds = sorted(args.seeds.glob("[0-9][0-9][0-9]_*.txt"))
    if not seeds:
        sys.exit(f"no seeds NNN_*.txt under {args.seeds}")
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in seeds:
        seed = parse_seed(path)
        if args.dump:
            for b in seed.blocks:
                if isinstance(b, Table):
                    print(f"[{seed.stem[:3]}] TABLE {b.kind} rows={len(b.rows)} first={b.rows[0]}")
                else:
                    print(f"[{seed.stem[:3]}] {b.kind}{b.level or ''}: {b.text[:110]}")
            print(f"[{seed.stem[:3]}] footnotes: {seed.footnotes}")
            continue
        out = args.out / f"{seed.stem}.docx"
        build_docx(seed, out)
        written.append(out)
        print(f"wrote {out}", file=sys.stderr)
    if written and not args.no_pdf:
        convert_pdf(written, args.out)
        print(f"converted {len(written)} PDF(s) into {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
