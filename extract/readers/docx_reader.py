"""DOCX reader: a Word file into the document model, body in document order, footnotes beside their reference.

python-docx parses the package; the body's paragraphs and tables are read in order from its lxml tree (the
elements `iter_inner_content` yields, without a proxy for each); merged cells are read from the XML
(`gridSpan`, `vMerge`) so a spanned cell is emitted once; `word/footnotes.xml`, which python-docx does
not read, is parsed here with entities and network off. Headers and footers are never part of the body.
Runs in legacy Vietnamese fonts (.VnTime, VNI-Times) are converted to Unicode (extract/readers/legacy_fonts.py).
"""

from __future__ import annotations

import functools
import hashlib
import io
import zipfile
import zlib
from datetime import date
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn as _qn
from docx.styles.style import StyleFactory
from lxml import etree

from extract.language.headings import heading_level
from extract.language.text import fold
from extract.model import Block, Cell, Document, Table
from extract.readers.legacy_fonts import LegacyFont, legacy_font, to_unicode
from extract.settings import Settings

# python-docx's qn() splits and formats its argument on every call (~77 k calls for 4 small documents, a
# sixth of reading time); the same names, remembered
qn = functools.cache(_qn)
# python-docx's Paragraph, Run and Table proxies re-run xpath for every run's text and every property; the
# reader walks python-docx's own lxml tree instead, with these tags (same elements, same document order)
_W_P, _W_TBL, _W_R, _W_T, _W_PPR = qn("w:p"), qn("w:tbl"), qn("w:r"), qn("w:t"), qn("w:pPr")
_W_TAB, _W_BR, _W_CR, _W_SOFT_HYPHEN = qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:softHyphen")
_W_RPR, _W_B, _W_PSTYLE = qn("w:rPr"), qn("w:b"), qn("w:pStyle")
_W_NO_BREAK_HYPHEN, _W_RFONTS = qn("w:noBreakHyphen"), qn("w:rFonts")
_W_HANSI, _W_ASCII = qn("w:hAnsi"), qn("w:ascii")
_W_TR, _W_TRPR, _W_TC, _W_TCPR = qn("w:tr"), qn("w:trPr"), qn("w:tc"), qn("w:tcPr")
_W_GRID_SPAN, _W_VMERGE = qn("w:gridSpan"), qn("w:vMerge")
_W_RSTYLE, _W_VAL = qn("w:rStyle"), qn("w:val")
_W_STYLE, _W_STYLE_ID, _W_TYPE, _W_DEFAULT = qn("w:style"), qn("w:styleId"), qn("w:type"), qn("w:default")
_STYLE_TYPES = ("paragraph", "character", "table", "numbering")  # python-docx's WD_STYLE_TYPE values
_ON_OFF = (None, "1", "0", "true", "false", "on", "off")  # python-docx's ST_OnOff values, or none

_FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
# Word never writes a DTD; one in a part can only be an entity trick (external entities, billion laughs).
# Searched for in UTF-8 and both UTF-16 byte orders, the encodings an XML part may use.
_DOCTYPE = tuple("<!DOCTYPE".encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_CHUNK = 1 << 16
# Word tables have at most 63 columns; a larger span or skip is hostile and would blow up grid arrays.
_MAX_GRID_COLS = 63


class ReadError(ValueError):
    """A file that cannot be read; the message is the plain-words reason shown to the analyst."""


def read_docx(path: str | Path, settings: Settings | None = None) -> Document:
    settings = settings or Settings()
    path = Path(path)
    data = path.read_bytes()
    _check_package(data, settings)
    try:
        # the bytes just checked, not the path again: the file may change between check and parse
        wdoc = docx.Document(io.BytesIO(data))
    except KeyError as exc:  # a zip without word/document.xml
        raise ReadError("not a Word file (no word/document.xml)") from exc
    except Exception as exc:  # python-docx raises several types for damaged packages
        raise ReadError(f"truncated or damaged file ({type(exc).__name__})") from exc
    try:
        blocks = _read_blocks(wdoc, settings)
    except etree.XMLSyntaxError as exc:  # parts python-docx parses on first use (styles, footnotes ...)
        raise ReadError("truncated or damaged file (XMLSyntaxError)") from exc
    return Document(
        path=str(path),
        format="docx",
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=blocks,
        pages=None,
        file_date=_file_date(wdoc),
    )


def _file_date(wdoc) -> date | None:
    """The day Word last saved the file (else created it), from its core properties; None when absent or bad."""
    try:
        props = wdoc.core_properties
        stamp = props.modified or props.created
    except Exception:  # python-docx parses docProps/core.xml lazily; a damaged part only loses the date
        return None
    return stamp.date() if stamp else None


def _read_blocks(wdoc, settings: Settings) -> tuple[Block, ...]:
    fonts = _Fonts(wdoc)
    footnotes = _read_footnotes(wdoc, fonts)
    body = wdoc.element.body
    builder = _Builder(footnotes, settings, fonts if fonts.possible_in(body) else None, _StyleFacts(wdoc))
    # the body's paragraphs and tables in document order: what python-docx's `iter_inner_content` yields
    # (its xpath "./w:p | ./w:tbl"), without a proxy object for each
    for el in body.iterchildren(_W_P, _W_TBL):
        if el.tag == _W_P:
            builder.paragraph(el)
        else:
            builder.table(el, parent=None, depth=0)
    builder.flush_footnotes()
    return tuple(builder.blocks)


def _check_package(data: bytes, settings: Settings) -> None:
    """Refuse what is not a Word package, zip bombs and DTDs, before python-docx inflates anything.

    Every part is inflated here as a stream and counted as it comes: the sizes a zip declares can lie, so
    the limits hold on the bytes actually produced, and inflation stops at the first byte over a limit.
    """
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
    max_part = getattr(settings, "max_part_bytes", Settings.max_part_bytes)
    max_total = getattr(settings, "max_package_bytes", Settings.max_package_bytes)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if "word/document.xml" not in {i.filename for i in infos}:
                raise ReadError("not a Word file (no word/document.xml)")
            total = 0
            for info in infos:
                if info.flag_bits & 0x1:
                    raise ReadError("encrypted zip, not a Word file")
                if info.file_size > max_part:
                    raise ReadError(f"{info.filename} over the {max_part // 2**20} MB limit")
                total += _inflate(zf, info, max_part, total, max_total)
    except ReadError:
        raise
    except zipfile.BadZipFile as exc:
        raise ReadError("truncated or damaged file") from exc
    except (NotImplementedError, EOFError, OSError, ValueError, zlib.error) as exc:
        raise ReadError(f"truncated or damaged file ({type(exc).__name__})") from exc


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo, max_part: int, before: int, max_total: int) -> int:
    """Bytes one part inflates to, read in chunks against the limits; refuses a DTD in an XML part.

    Media keep theirs (an SVG image may carry one); python-docx parses XML parts with entities unresolved
    anyway, so a DTD smuggled into an oddly named part can drop text but not leak a file.
    """
    xml = info.filename.endswith((".xml", ".rels"))
    size = 0
    tail = b""
    # zipfile checks the part's CRC when the stream ends, so a damaged part raises BadZipFile here
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            size += len(chunk)
            if size > max_part:
                raise ReadError(f"{info.filename} over the {max_part // 2**20} MB limit")
            if before + size > max_total:
                raise ReadError(f"package over the {max_total // 2**20} MB limit when unpacked")
            # every form of the mark holds the byte "!", which Word's XML hardly ever does: a chunk without
            # one (a memchr-fast test), after a tail without one, cannot hold a mark (the full search is
            # slow on XML, where "<" opens every tag: it was most of the check's time)
            if xml and (b"!" in chunk or b"!" in tail):
                window = tail + chunk
                if any(mark in window for mark in _DOCTYPE):
                    raise ReadError(f"{info.filename} declares a DTD (<!DOCTYPE>), which Word never writes")
            if xml:
                tail = chunk[-32:] if len(chunk) >= 32 else (tail + chunk)[-32:]
    return size


def _looks_like_text(data: bytes) -> bool:
    head = data[:4096]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head


def _read_footnotes(wdoc, fonts: _Fonts | None) -> dict[str, str]:
    part = None
    for rel in wdoc.part.rels.values():
        if rel.reltype == _FOOTNOTES_REL and not rel.is_external:
            part = rel.target_part
            break
    if part is None:
        return {}
    root = etree.fromstring(part.blob, _SAFE_XML)
    if fonts is not None and not fonts.possible_in(root):
        fonts = None
    notes: dict[str, str] = {}
    for fn in root.iter(qn("w:footnote")):
        if fn.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paras = [_paragraph_text(p, fonts) for p in fn.iter(qn("w:p"))]
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


class _StyleFacts:
    """Outline level and list-ness per paragraph style id, computed once per document.

    python-docx's `paragraph.style` scans the whole style list on every call (it was 80% of reading time);
    the style id in w:pPr/w:pStyle is looked up here in a dict instead.
    """

    def __init__(self, wdoc):
        self.styles = {}  # style id -> w:style element of a paragraph style
        self.default = None
        try:
            if not self._read_plain(wdoc.styles.element):
                for st in wdoc.styles:
                    if st.type == WD_STYLE_TYPE.PARAGRAPH:
                        self.styles[st.style_id] = st.element
                default = wdoc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
                self.default = default.element if default is not None else None
        except (KeyError, AttributeError, ValueError):
            pass
        self.cache: dict[str | None, tuple[int | None, bool]] = {}

    def _read_plain(self, root) -> bool:
        """The paragraph styles and the default one straight from the styles part, as python-docx's style
        list and `default()` give them (the last paragraph style marked default), without a proxy and an
        enumeration lookup for each of the ~170 styles of a Word file. False, having read nothing, when a
        style's type or default flag is one python-docx refuses: its own reading then stops where it did.
        """
        styles, default = {}, None
        for st in root.iterchildren(_W_STYLE):
            kind = st.get(_W_TYPE)
            if kind not in _STYLE_TYPES:
                return False
            if kind == "paragraph":
                styles[st.get(_W_STYLE_ID)] = st
                flag = st.get(_W_DEFAULT)
                if flag not in _ON_OFF:
                    return False
                if flag in ("1", "true", "on"):
                    default = st
        self.styles, self.default = styles, default
        return True

    def of(self, p_el) -> tuple[int | None, bool]:
        sid = _style_id(p_el)
        if sid not in self.cache:
            element = self.styles.get(sid, self.default) if sid else self.default
            style = StyleFactory(element) if element is not None else None
            try:
                level = _style_outline_level(style) if style is not None else None
                is_list = style is not None and (style.name or "").lower().startswith("list")
            except (KeyError, AttributeError):
                level, is_list = None, False
            self.cache[sid] = (level, is_list)
        return self.cache[sid]


def _style_id(p_el) -> str | None:
    """The paragraph's style id (w:pPr/w:pStyle/@w:val), as python-docx's `CT_P.style` reads it."""
    ppr = p_el.find(_W_PPR)
    pstyle = ppr.find(_W_PSTYLE) if ppr is not None else None
    if pstyle is None:
        return None
    val = pstyle.get(qn("w:val"))
    return pstyle.val if val is None else val  # without a value python-docx raises its InvalidXmlError


def _paragraph_level(p_el, styles: _StyleFacts) -> int | None:
    ppr = p_el.find(_W_PPR)
    if ppr is not None:
        lvl = ppr.find(qn("w:outlineLvl"))
        if lvl is not None and (lvl.get(qn("w:val")) or "").isdigit() and int(lvl.get(qn("w:val"))) < 9:
            return int(lvl.get(qn("w:val"))) + 1
    return styles.of(p_el)[0]


def _is_list(p_el, styles: _StyleFacts) -> bool:
    ppr = p_el.find(_W_PPR)
    if ppr is not None and ppr.find(qn("w:numPr")) is not None:
        return True
    return styles.of(p_el)[1]


def _all_bold(p_el) -> bool:
    """Whether every run of the paragraph (its w:r children, python-docx's `runs`) that shows text is bold.

    A run's text is that of its w:t, w:noBreakHyphen ("-"), tabs and breaks (blank); python-docx's `bold` is
    the run's own w:rPr/w:b, whose value python-docx converts.
    """
    shown = False
    for r in p_el.iterchildren(_W_R):
        if r.find(_W_NO_BREAK_HYPHEN) is None and not any(
            (t.text or "").strip() for t in r.iterchildren(_W_T)
        ):
            continue
        shown = True
        rpr = r.find(_W_RPR)
        b = rpr.find(_W_B) if rpr is not None else None
        if b is None or not b.val:
            return False
    return shown


def _paragraph_text(p_el, fonts: _Fonts | None = None) -> str:
    """Text of a w:p element: runs, tabs and breaks, hyperlinks and fields included, text boxes not.

    A run in a legacy font (.VnTime, VNI-Times) is converted to Unicode, consecutive runs of one font
    together (VNI writes a toned vowel as two characters that a run boundary may split).
    """
    elements = p_el.iter(_W_T, _W_TAB, _W_BR, _W_CR, _W_SOFT_HYPHEN)
    if fonts is None:  # no legacy font: the text as it is, a soft hyphen dropped
        return "".join(
            [
                (el.text or "") if el.tag == _W_T else "" if el.tag == _W_SOFT_HYPHEN else " "
                for el in elements
            ]
        )
    parts: list[tuple[str, LegacyFont | None]] = []
    last_run, font = None, None
    for el in elements:
        tag = el.tag
        if tag != _W_T and tag != _W_SOFT_HYPHEN:
            parts.append((" ", None))
            continue
        run_el = el.getparent()
        if run_el is not last_run:  # the text pieces of one run share its font
            last_run, font = run_el, fonts.run_font(run_el, p_el)
        if tag == _W_T:
            parts.append((el.text or "", font))
        else:
            # Word turns TCVN3's 0xAD (the letter ư) into a soft-hyphen element when it opens a .doc
            parts.append(("\xad" if font is not None and font.encoding == "tcvn3" else "", font))
    out: list[str] = []
    run: list[str] = []
    current: LegacyFont | None = None
    for text, font in parts + [("", None)]:
        if font != current and run:
            out.append(to_unicode("".join(run), current) if current else "".join(run))
            run = []
        current = font
        run.append(text)
    out.extend(run)
    return "".join(out)


class _Fonts:
    """The font of a run as Word resolves it: the run's w:rFonts, its character style, the paragraph
    style chain, the default paragraph style, then the document defaults. Only legacy fonts matter here."""

    def __init__(self, wdoc):
        self._styles: dict[str, tuple[str | None, str | None]] = {}  # styleId -> (own font, basedOn)
        self._default_para: str | None = None
        self._doc_default: str | None = None
        self._root = None
        try:
            self._root = wdoc.styles.element
        except (KeyError, AttributeError, ValueError):
            pass
        self._legacy_styles = self._root is not None and _names_legacy(self._root)
        self._indexed = False
        self._para, self._para_font = None, None  # the last paragraph resolved and its font

    def possible_in(self, root) -> bool:
        """Whether some run under `root` may resolve to a legacy font. Its font is its own w:rFonts, that of
        the style chain of its character or paragraph style (or of the default paragraph style), or the
        document default: when none of those can name a legacy font, every run is Unicode and no run's font
        need be resolved. With one, the styles' fonts are indexed for `run_font`."""
        if not self._legacy_styles:  # no style, nor the defaults, names one: only the runs' own fonts can
            return _names_legacy(root)
        self._ensure_index()
        names, style_ids = set(), {self._default_para}
        for el in root.iter(_W_RFONTS, _W_PSTYLE, _W_RSTYLE):
            if el.tag == _W_RFONTS:
                names.add(el.get(_W_HANSI))
                names.add(el.get(_W_ASCII))
            else:
                style_ids.add(el.get(_W_VAL))
        names.update(self._style_font(sid) for sid in style_ids)
        names.add(self._doc_default)
        return any(legacy_font(name) for name in names)

    def _ensure_index(self) -> None:
        """Index the styles' fonts on first need: a document whose styles name no legacy font and whose runs
        name none either (most) never needs them (indexing ~170 styles was a sixth of reading a small file)."""
        if not self._indexed:
            self._indexed = True
            if self._root is not None:
                self._index(self._root)

    def _index(self, root) -> None:
        for st in root.iterchildren(qn("w:style")):
            sid = st.get(qn("w:styleId"))
            based = st.find(qn("w:basedOn"))
            self._styles[sid] = (
                _rfonts(st.find(qn("w:rPr"))),
                based.get(qn("w:val")) if based is not None else None,
            )
            if st.get(qn("w:type")) == "paragraph" and st.get(qn("w:default")) in ("1", "true", "on"):
                self._default_para = sid
        defaults = root.find(qn("w:docDefaults"))
        if defaults is not None:
            self._doc_default = _rfonts(defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"))

    def _style_font(self, sid: str | None) -> str | None:
        for _ in range(20):  # basedOn chains are short; a cycle must not loop
            if sid is None or sid not in self._styles:
                return None
            own, based = self._styles[sid]
            if own:
                return own
            sid = based
        return None

    def run_font(self, r_el, p_el) -> LegacyFont | None:
        self._ensure_index()
        return legacy_font(self._resolve(r_el, p_el))

    def _resolve(self, r_el, p_el) -> str | None:
        rpr = r_el.find(_W_RPR) if r_el is not None and r_el.tag == _W_R else None
        own = _rfonts(rpr)
        if own:
            return own
        if rpr is not None:
            rstyle = rpr.find(qn("w:rStyle"))
            if rstyle is not None and (font := self._style_font(rstyle.get(qn("w:val")))):
                return font
        if p_el is not self._para:  # the paragraph's own font, once for all its runs
            ppr = p_el.find(qn("w:pPr"))
            pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
            sid = pstyle.get(qn("w:val")) if pstyle is not None else self._default_para
            self._para, self._para_font = p_el, self._style_font(sid) or self._doc_default
        return self._para_font


def _names_legacy(root) -> bool:
    """Whether a w:rFonts under `root` names a legacy font (in either slot `_rfonts` reads)."""
    names = set()
    for rf in root.iter(_W_RFONTS):  # (faster than an XPath union, which sorts its nodes)
        names.add(rf.get(_W_HANSI))
        names.add(rf.get(_W_ASCII))
    return any(legacy_font(name) for name in names)


def _rfonts(rpr) -> str | None:
    """The font of an rPr's w:rFonts: hAnsi first, the slot Word uses for the 0x80-0xFF legacy codes."""
    if rpr is None:
        return None
    rf = rpr.find(_W_RFONTS)
    if rf is None:
        return None
    return rf.get(_W_HANSI) or rf.get(_W_ASCII)


class _Builder:
    def __init__(
        self, footnotes: dict[str, str], settings: Settings, fonts: _Fonts | None = None, styles=None
    ):
        self.fonts = fonts
        self.blocks: list[Block] = []
        self.footnotes = footnotes
        self.emitted_notes: set[str] = set()
        self.n_par = 0
        self.n_tab = 0
        self.settings = settings
        self.styles = styles

    def _add_notes(self, el) -> None:
        for ref in el.iter(qn("w:footnoteReference")):
            fid = ref.get(qn("w:id"))
            if fid in self.footnotes and fid not in self.emitted_notes:
                self.emitted_notes.add(fid)
                self.blocks.append(Block("footnote", self.footnotes[fid], f"f{fid}"))

    def paragraph(self, p) -> None:
        text = fold(_paragraph_text(p, self.fonts))
        if not text:
            return
        level = _paragraph_level(p, self.styles)
        kind = "heading" if level else ("list_item" if _is_list(p, self.styles) else "paragraph")
        if kind == "paragraph" and _all_bold(p):
            # Many authors bold a numbered line instead of using a heading style.
            level = heading_level(text)
            if level:
                kind = "heading"
        self.n_par += 1
        self.blocks.append(Block(kind, text, f"p{self.n_par}", level=level if kind == "heading" else None))
        self._add_notes(p)

    def table(self, tbl, parent: str | None, depth: int) -> None:
        if depth > self.settings.max_table_nesting:
            return
        self.n_tab += 1
        loc = f"t{self.n_tab}"
        rows: list[list[Cell]] = []
        open_vmerge: dict[
            int, int
        ] = {}  # grid column -> index into `flat` of the cell that started the merge
        flat: list[list] = []  # [row, col, text, rowspan, colspan]
        nested: list = []
        for r_idx, tr in enumerate(tbl.iterchildren(_W_TR), start=1):
            if r_idx > self.settings.max_table_rows:
                break
            col = 1
            trpr = tr.find(_W_TRPR)
            if trpr is not None:
                gb = trpr.find(qn("w:gridBefore"))
                if gb is not None and (gb.get(qn("w:val")) or "").isdigit():
                    col += min(int(gb.get(qn("w:val"))), _MAX_GRID_COLS)
            row_cells: list[list] = []
            for tc in tr.iterchildren(_W_TC):
                # w:tcPr/w:gridSpan and w:vMerge as python-docx's `grid_span` and `vMerge` read them (their
                # values converted by python-docx), without its property chain for every cell
                tcpr = tc.find(_W_TCPR)
                grid_span = tcpr.find(_W_GRID_SPAN) if tcpr is not None else None
                span = max(1, min((1 if grid_span is None else grid_span.val) or 1, _MAX_GRID_COLS))
                v_merge = tcpr.find(_W_VMERGE) if tcpr is not None else None
                vmerge = None if v_merge is None else v_merge.val
                cell_paras = list(tc.iterchildren(_W_P))
                # paragraphs of a cell stay on their own lines: header cells stack the issuer, "*", "Số ..."
                paras = (fold(_paragraph_text(p, self.fonts)) for p in cell_paras)
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
                for inner in tc.iterchildren(_W_TBL):
                    nested.append((inner, f"{loc}r{r_idx}c{col}"))
                for p in cell_paras:
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
