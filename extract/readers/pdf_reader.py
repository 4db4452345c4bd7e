"""PDF reader: a text PDF into a `Document` of headings, paragraphs, tables and footnotes in reading order.

Running text and geometry come from pypdfium2 (fast, right on Vietnamese); pdfplumber's table finder turns
the rules pdfium lists into ruled tables, on pages whose drawing has visible horizontal and vertical rules.
Scanned pages and garbled text layers are read by OCR (extract/readers/ocr.py); their blocks carry ocr=True.
"""

from __future__ import annotations

import ctypes
import hashlib
import re
import statistics
import threading
from bisect import bisect_left, bisect_right
from collections import deque
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pypdfium2_raw.bindings as pdfium_bindings  # the library pypdfium2.raw wraps (same wheel)

from extract.language.headings import heading_level, is_page_number, starts_item
from extract.language.syllables import vietnamese_share
from extract.language.text import clean_pdf_text, fold, repair_ocr_text, strip_accents
from extract.model import Block, Cell, Document, Table
from extract.readers.ocr import OcrLine, OcrPool, OcrUnavailable, setting
from extract.readers.ocr_tables import ocr_tables

_TERMINAL = ".:;!?…"
_OPENERS = "\"“'‘(["
_SUPERSCRIPT_MARKS = set("0123456789,*")
_VOWEL = re.compile("[aeiouy]")  # on strip_accents() text: every syllable has one


@dataclass(frozen=True)
class Line:
    """One text line of a page in top-down coordinates (y grows downwards, like pdfplumber)."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # dominant font size of the line
    base: float  # baseline: the usual bottom of the line's glyphs (boxes of "ạ", "g" reach lower)
    lead: str = ""  # superscript marks dropped from the line start (a footnote's number)
    ocr: bool = False  # read by OCR, not from the text layer


@dataclass
class _Cell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    bbox: tuple | None = None
    page: int | None = None  # the page the cell is printed on (a table may run across pages)


@dataclass
class _Table:
    page: int
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    cols: list[float]  # left x of each grid column
    n_rows: int
    cells: list[_Cell] = field(default_factory=list)
    last_page: int = 0  # the page its last part is on, once parts on later pages are appended

    def __post_init__(self) -> None:
        self.last_page = self.last_page or self.page

    def row_texts(self, row: int) -> list[str]:
        return [c.text for c in sorted(self.cells, key=lambda c: c.col) if c.row == row]


# ---------------------------------------------------------------- opening


def _open(data: bytes) -> pdfium.PdfDocument:
    if not data:
        raise ValueError("empty file")
    # the header may follow some junk, but within the first kilobyte (PDF 1.7, annex H.3)
    if b"%PDF-" not in data[:1024]:
        if data[:4] == b"PK\x03\x04":
            raise ValueError("not a PDF (a Word or zip file)")
        try:
            data[:4096].decode("utf-8")
            text = b"\x00" not in data[:4096]
        except UnicodeDecodeError as exc:  # a character cut by the 4 KB window still counts as text
            text = exc.start >= min(len(data), 4096) - 3 and b"\x00" not in data[:4096]
        raise ValueError("not a PDF (plain text)" if text else "not a PDF")
    # pdfium rebuilds a cut-off file's cross-reference table and reads what is left without complaint
    if b"%%EOF" not in data[-2048:]:
        raise ValueError("truncated or damaged file (no end-of-file marker)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(exc).lower():
            raise ValueError("encrypted PDF, no password") from exc
        raise ValueError(f"truncated or damaged file ({exc})") from exc


# ---------------------------------------------------------------- ruled-table detection (pdfium, cheap)


def _rule_edges(page: pdfium.PdfPage) -> list[dict]:
    """Visible rules of the page as pdfplumber edges (top-down coordinates); [] unless there are at least two
    in each direction, the only pages worth pdfplumber's table finder.

    pypdfium2 already lists the path objects, so pdfplumber is handed these edges explicitly instead of
    having pdfminer parse every object of the page to find them again (that parse was a third of PDF time).
    The paint of every path (draw mode, colours) and the bounds of the visible ones are asked in runs of
    calls (`_painted_paths`); `_painted_each` asks them object by object, for a page where a call fails.
    """
    objs = list(_objects(page, pdfium_c.FPDF_PAGEOBJ_PATH))
    painted = _painted_paths(objs)
    if painted is None:
        painted = _painted_each(objs)
    return _edges_of(painted, page.get_height())


def _edges_of(painted: list[tuple[float, float, float, float, bool]], height: float) -> list[dict]:
    """Edges of the visible paths (left, bottom, right, top, stroked): thin boxes are rules, other boxes their
    four sides; [] unless at least two in each direction."""
    edges: list[dict] = []
    horizontal = vertical = 0
    for left, bottom, right, top, stroked in painted:
        w, h = right - left, top - bottom
        y0, y1 = height - top, height - bottom
        if h <= 3 and w >= 8:
            horizontal += 1
            edges.append(_edge(left, right, (y0 + y1) / 2, (y0 + y1) / 2, "h"))
        elif w <= 3 and h >= 8:
            vertical += 1
            edges.append(_edge((left + right) / 2, (left + right) / 2, y0, y1, "v"))
        elif w > 3 and h > 3:
            if stroked:
                horizontal += 2
                vertical += 2
            edges += [
                _edge(left, right, y0, y0, "h"),
                _edge(left, right, y1, y1, "h"),
                _edge(left, left, y0, y1, "v"),
                _edge(right, right, y0, y1, "v"),
            ]
    return edges if horizontal >= 2 and vertical >= 2 else []


_PATH_CHUNK = 512  # path objects whose paint is asked in one run of calls (the buffers below hold them)
_path_buffers = threading.local()


def _path_buffer_pointers():
    """Per thread: buffers for the draw modes, colours and bounds of a chunk of paths, and an out-pointer
    to each slot (made once: a pointer made per call cost as much as the call)."""
    held = getattr(_path_buffers, "held", None)
    if held is None:
        n = _PATH_CHUNK
        modes = (ctypes.c_int * (2 * n))()  # fill mode, stroke of each path
        colours = (ctypes.c_uint * (8 * n))()  # stroke r, g, b, a, fill r, g, b, a
        bounds = (ctypes.c_float * (4 * n))()  # left, bottom, right, top
        pointers = (
            [[ctypes.byref(modes, 4 * (2 * i + k)) for i in range(n)] for k in range(2)],
            [[ctypes.byref(colours, 4 * (8 * i + k)) for i in range(n)] for k in range(8)],
            [[ctypes.byref(bounds, 4 * (4 * i + k)) for i in range(n)] for k in range(4)],
        )
        held = _path_buffers.held = (modes, colours, bounds, pointers)
    return held


def _painted_paths(objs: list) -> list[tuple] | None:
    """(left, bottom, right, top, stroked) of the visible paths among `objs`, in their order; None when
    pdfium fails to give a draw mode or a colour that is needed (the caller then asks object by object).

    A path is visible when its stroke or fill is drawn in a colour that is not transparent and not
    near-white: Word paints paragraph shading as white boxes with white borders, not rules. Each kind of
    call runs in `map` over the chunk's objects into one buffer, and the colours are tested on arrays.
    """
    modes, colours, bounds, (p_mode, p_colour, p_bound) = _path_buffer_pointers()
    out: list[tuple] = []
    for start in range(0, len(objs), _PATH_CHUNK):
        part = objs[start : start + _PATH_CHUNK]
        n = len(part)
        if not all(map(_PATH_DRAW_MODE, part, p_mode[0], p_mode[1])):
            return None
        drawn = np.frombuffer(modes, dtype=np.int32, count=2 * n).reshape(n, 2) != 0
        fill, stroke = drawn[:, 0], drawn[:, 1]
        # the stroke colour of the stroked paths; the fill colour of every path (nearly all are filled)
        stroked = np.flatnonzero(stroke).tolist()
        asked = [part[i] for i in stroked]
        ok = list(map(_STROKE_COLOUR, asked, *([p[i] for i in stroked] for p in p_colour[:4])))
        if not all(ok):
            return None
        ok = np.fromiter(map(_FILL_COLOUR, part, *p_colour[4:]), dtype=bool, count=n)
        if not (ok | ~fill).all():
            return None
        rgba = np.frombuffer(colours, dtype=np.uint32, count=8 * n).reshape(n, 8)
        shown = np.zeros(n, dtype=bool)
        for on, at in ((stroke, 0), (fill, 4)):
            shown |= on & (rgba[:, at + 3] > 0) & (rgba[:, at : at + 3].min(axis=1) < 200)
        visible = np.flatnonzero(shown).tolist()
        m = len(visible)
        asked = [part[i] for i in visible]
        if not all(map(_GET_BOUNDS, asked, *(p[:m] for p in p_bound))):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        # float32 from pdfium as Python floats (the arithmetic after is in double, as `_bounds` gives them)
        box = np.frombuffer(bounds, dtype=np.float32, count=4 * m).reshape(m, 4).tolist()
        out += [(*b, s) for b, s in zip(box, stroke[visible].tolist(), strict=True)]
    return out


def _painted_each(objs: list) -> list[tuple[float, float, float, float, bool]]:
    """`_painted_paths` with each path's paint and bounds asked one object at a time (a call that fails
    leaves the values of the call before, as it did when this was the only way)."""
    out = []
    rgba = (ctypes.c_uint * 4)()
    r_rgba = [ctypes.byref(rgba, 4 * k) for k in range(4)]
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    r_fill, r_stroke = ctypes.byref(fill_mode), ctypes.byref(stroke)
    for obj in objs:
        _PATH_DRAW_MODE(obj, r_fill, r_stroke)
        colours = []
        if stroke.value:
            _STROKE_COLOUR(obj, *r_rgba)
            colours.append(tuple(rgba))
        if fill_mode.value:
            _FILL_COLOUR(obj, *r_rgba)
            colours.append(tuple(rgba))
        # Word paints paragraph shading as white boxes with white borders: not rules
        if not any(a > 0 and min(r, g, b) < 200 for r, g, b, a in colours):
            continue
        out.append((*_bounds(obj), bool(stroke.value)))
    return out


def _edge(x0: float, x1: float, top: float, bottom: float, orientation: str) -> dict:
    return {
        "object_type": "rule_edge",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
    }


# ---------------------------------------------------------------- tables (pdfplumber)


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(bounds: list[float], value: float, tol: float = 2.0) -> int:
    """0-based index of the boundary `value` falls on (the last boundary at or left of it; `bounds` ascend)."""
    return max(bisect_right(bounds, value + tol) - 1, 0)


def _grid(page_no: int, table) -> _Table | None:
    """pdfplumber table -> grid with spans; a cell covering several grid rows is read once."""
    boxes = [tuple(b) for b in table.cells]
    if not boxes:
        return None
    cols = _cluster([b[0] for b in boxes])
    rows = _cluster([b[1] for b in boxes])
    cells = []
    for x0, top, x1, bottom in boxes:
        r, c = _index(rows, top), _index(cols, x0)
        # the boundaries in [top - 2, bottom - 2) and [x0 - 2, x1 - 2), counted by bisection (they ascend)
        rowspan = max(1, bisect_left(rows, bottom - 2) - bisect_left(rows, top - 2))
        colspan = max(1, bisect_left(cols, x1 - 2) - bisect_left(cols, x0 - 2))
        cells.append(_Cell(r + 1, c + 1, "", rowspan, colspan, (x0, top, x1, bottom), page_no))
    return _Table(page_no, tuple(table.bbox), cols, len(rows), cells)


def _page_tables(page_no: int, edges: list[dict]) -> list[_Table]:
    # only documents with ruled tables import pdfplumber
    from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables, edges_to_intersections

    h = [e for e in edges if e["orientation"] == "h"]
    v = [e for e in edges if e["orientation"] == "v"]
    settings = TableSettings.resolve(
        {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": v,
            "explicit_horizontal_lines": h,
        }
    )
    # pdfplumber's table finder (what `Page.find_tables` runs) on the rules pdfium found: with explicit edges
    # given as edge dicts it never reads its page, so no pdfminer page is made for it (opening the file in
    # pdfminer and walking its page tree was half of the table time, and a second parse of the document).
    # Its steps as `TableFinder.__init__` runs them, the cells found by `_intersections_to_cells`.
    finder = TableFinder.__new__(TableFinder)
    finder.page, finder.settings = None, settings
    corners = edges_to_intersections(
        finder.get_edges(), settings.intersection_x_tolerance, settings.intersection_y_tolerance
    )
    found = [Table(None, group) for group in cells_to_tables(_intersections_to_cells(corners))]
    grids = [g for g in (_grid(page_no, t) for t in found) if g is not None]
    # drop tables nested in another one (shading boxes inside a cell) and single boxed paragraphs
    kept = []
    for g in grids:
        inside = any(o is not g and _contains(o.bbox, g.bbox) for o in grids)
        if not inside and (len(g.cols) > 1 or g.n_rows > 1):
            kept.append(g)
    return kept


def _intersections_to_cells(corners: dict) -> list[tuple]:
    """pdfplumber's `intersections_to_cells`, the same search in the same order, with each corner's sets of
    edges made once and the corners below and right of each one looked up instead of scanned for.

    Hand-written because pdfplumber's rebuilds both corners' edge sets on every test of two corners (and
    evaluates its inner functions' type hints on each call), and scans every later corner for each one: it
    was most of the table time on pages with large grids. tests/test_pdf_tables.py checks that it gives
    pdfplumber's cells.
    """
    from pdfplumber.utils.geometry import obj_to_bbox

    points = sorted(corners)  # (pdfplumber drops a rule at NaN before: every corner equals itself)
    vertical = {p: set(map(obj_to_bbox, corners[p]["v"])) for p in points}
    horizontal = {p: set(map(obj_to_bbox, corners[p]["h"])) for p in points}

    def connects(p1: tuple, p2: tuple) -> bool:
        if p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2]):
            return True
        return p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2])

    # the later corners of one x (below, by y) and of one y (right, by x), in the sorted order
    columns: dict[float, list[tuple]] = {}
    rows: dict[float, list[tuple]] = {}
    for p in points:
        columns.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    seen_x: dict[float, int] = {}
    seen_y: dict[float, int] = {}
    cells = []
    for pt in points:
        seen_x[pt[0]] = at_x = seen_x.get(pt[0], -1) + 1
        seen_y[pt[1]] = at_y = seen_y.get(pt[1], -1) + 1
        right = rows[pt[1]][at_y + 1 :]
        found = None
        for below_pt in columns[pt[0]][at_x + 1 :]:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                bottom_right = (right_pt[0], below_pt[1])
                if (
                    bottom_right in corners
                    and connects(bottom_right, right_pt)
                    and connects(bottom_right, below_pt)
                ):
                    found = (pt[0], pt[1], bottom_right[0], bottom_right[1])
                    break
            if found is not None:
                break
        if found is not None:
            cells.append(found)
    return cells


def _contains(outer, inner, tol: float = 2.0) -> bool:
    return (
        outer[0] - tol <= inner[0]
        and outer[1] - tol <= inner[1]
        and inner[2] <= outer[2] + tol
        and inner[3] <= outer[3] + tol
        and outer != inner
    )


# ---------------------------------------------------------------- pages without a usable text layer


def _ocr_need(page: pdfium.PdfPage, chars: _Chars, settings) -> str | None:
    """'scanned' or 'garbled' when the page must be read by OCR, else None."""
    share, judged = vietnamese_share(chars.text)
    if judged >= setting(settings, "garbled_min_words") and share < setting(settings, "garbled_max_share"):
        return "garbled"
    if int(chars.boxed.sum()) >= setting(settings, "ocr_scan_max_chars"):
        return None
    width, height = page.get_size()
    covered = 0.0
    for obj in _objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE):
        left, bottom, right, top = _bounds(obj)
        covered += max(0.0, min(right, width) - max(left, 0.0)) * max(
            0.0, min(top, height) - max(bottom, 0.0)
        )
    return "scanned" if covered >= setting(settings, "ocr_scan_min_image_share") * width * height else None


def _ocr_lines(found: list[OcrLine], page_no: int) -> list[Line]:
    if not found:
        return []
    # Word boxes vary with ascenders and stacked diacritics: lines near the page's usual height get that
    # one size, so the paragraph joiner sees body text as one size and headings as another.
    usual = statistics.median(ln.height for ln in found)
    lines = []
    for ln in found:
        size = usual if abs(ln.height - usual) <= 0.2 * usual else ln.height
        text = repair_ocr_text(fold(clean_pdf_text(ln.text)))
        if text:
            lines.append(
                Line(text, page_no, ln.x0, ln.x1, ln.top, ln.bottom, round(size * 2) / 2, ln.base, ocr=True)
            )
    return lines


def _scanned_tables(page: pdfium.PdfPage, page_no: int, settings) -> list[_Table]:
    """Ruled tables of a scanned page, read cell by cell (readers.ocr_tables), as the reader's tables."""
    out = []
    for t in ocr_tables(page, page_no, settings):
        cells = [_Cell(c.row, c.col, repair_ocr_text(c.text), 1, c.colspan, None, page_no) for c in t.cells]
        out.append(_Table(page_no, t.bbox, t.cols, t.n_rows, cells))
    return out


def _in_tables(line: Line, tables: list[_Table]) -> bool:
    """Whether the line's centre lies in one of the tables (its text is read from the cells instead)."""
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return any(t.bbox[0] <= cx <= t.bbox[2] and t.bbox[1] <= cy <= t.bbox[3] for t in tables)


# ---------------------------------------------------------------- text lines (pdfium)


# pypdfium2.raw declares argtypes on every function, and checking them costs more than pdfium's own work for
# the per-character calls below (measured 1.3 µs against 0.5 µs a character). These are the same functions
# of the same loaded library, declared without argtypes: the handle goes as a void pointer, the index as a
# C int, the four doubles by reference.
_LIB = ctypes.CDLL(pdfium_bindings._libs["pdfium"]._name)
_CHAR_BOX = _LIB.FPDFText_GetCharBox
_CHAR_BOX.restype = ctypes.c_int
_FONT_SIZE = _LIB.FPDFText_GetFontSize
_FONT_SIZE.restype = ctypes.c_double
_COUNT_RECTS = _LIB.FPDFText_CountRects  # (text page, first index, count) -> rectangles; returns a C int
# the page objects the same way: pypdfium2's `get_objects` makes a Python object (and a weak reference)
# for every object of the page, and the rule and image tests read thousands of them
_COUNT_OBJECTS, _GET_OBJECT = _LIB.FPDFPage_CountObjects, _LIB.FPDFPage_GetObject
_FORM_COUNT_OBJECTS, _FORM_GET_OBJECT = _LIB.FPDFFormObj_CountObjects, _LIB.FPDFFormObj_GetObject
_GET_OBJECT.restype = _FORM_GET_OBJECT.restype = ctypes.c_void_p
_OBJECT_TYPE_OF = _LIB.FPDFPageObj_GetType
_OBJECT_TYPE_OF.argtypes = [ctypes.c_void_p]  # this CDLL's own function object: handles go as plain ints
_PATH_DRAW_MODE = _LIB.FPDFPath_GetDrawMode
_STROKE_COLOUR, _FILL_COLOUR = _LIB.FPDFPageObj_GetStrokeColor, _LIB.FPDFPageObj_GetFillColor
_GET_BOUNDS = _LIB.FPDFPageObj_GetBounds


def _objects(page: pdfium.PdfPage, kind: int, max_depth: int = 3):
    """Handles of the page's objects of one type, in the order and to the form depth of pypdfium2's
    `page.get_objects(filter=[kind], max_depth=max_depth)`."""
    page_handle = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)

    def walk(parent, count, get, level):
        n = count(parent)
        if n < 0:
            raise pdfium.PdfiumError("Failed to get number of pageobjects.")
        # every object's handle and type asked in `map` (no Python loop around the calls); only the
        # objects of the kind asked and the forms are looked at in Python
        raws = list(map(get, repeat(parent, n), range(n)))
        if not all(raws):
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kinds = list(map(_OBJECT_TYPE_OF, raws))
        form = pdfium_c.FPDF_PAGEOBJ_FORM
        deeper = level < max_depth - 1
        for i in _positions(kinds, kind, deeper):
            obj = ctypes.c_void_p(raws[i])
            if kinds[i] == kind:
                yield obj
            if kinds[i] == form and deeper:
                yield from walk(obj, _FORM_COUNT_OBJECTS, _FORM_GET_OBJECT, level + 1)

    return walk(page_handle, _COUNT_OBJECTS, _GET_OBJECT, 0)


def _positions(kinds: list[int], kind: int, forms: bool) -> list[int]:
    """Positions of the objects of `kind` and, with `forms`, of the form objects, in order."""
    if not forms:
        return [i for i, k in enumerate(kinds) if k == kind]
    form = pdfium_c.FPDF_PAGEOBJ_FORM
    return [i for i, k in enumerate(kinds) if k == kind or k == form]


def _bounds(obj) -> tuple[float, float, float, float]:
    """Left, bottom, right, top of a page object in PDF coordinates (pypdfium2's `get_bounds`)."""
    held = getattr(_bounds_buffer, "held", None)
    if held is None:  # the out-pointers made once per thread: making them was most of a call's cost
        box = (ctypes.c_float * 4)()
        held = _bounds_buffer.held = (box, tuple(ctypes.byref(box, 4 * k) for k in range(4)))
    box, pointers = held
    if not _GET_BOUNDS(obj, *pointers):
        raise pdfium.PdfiumError("Failed to locate pageobject.")
    return tuple(box)


_bounds_buffer = threading.local()


class _Chars:
    """The characters of one page in pdfium's order ("\\r" left out) with their boxes, as arrays.

    pdfium has no call returning many character boxes at once, so each box is still one call, but the calls
    run in `map` (no Python loop around them) into one buffer, and everything after them works on whole
    arrays; font sizes are asked only for the characters that become text lines (not those in table cells,
    not those of a page going to OCR). Boxes are in top-down coordinates; a character has none (`boxed`
    False) when it is whitespace or pdfium generated it (an empty box: FPDFText_IsGenerated is not asked).
    """

    def __init__(self, textpage: pdfium.PdfTextPage, text: str, height: float) -> None:
        self._textpage = textpage
        self._handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        kept = codes != 13
        self.text = text.replace("\r", "")
        self.codes = codes[kept]
        self.index = np.flatnonzero(kept)  # pdfium's index of each character
        m = len(self.text)
        # str.isspace() asked once per distinct character of the page, not once per character
        space = np.zeros(m, dtype=bool)
        for ch in set(self.text):
            if ch.isspace():
                space |= self.codes == ord(ch)
        self.newline = self.codes == 10
        asked = np.flatnonzero(~space)
        raw = _char_boxes(self._handle, self.index[asked])  # left, right, bottom, top in PDF coordinates
        left, right, bottom, top = raw[:, 0], raw[:, 1], raw[:, 2], raw[:, 3]
        self.boxed = np.zeros(m, dtype=bool)
        self.boxed[asked] = ~((left == right) & (bottom == top))
        self.x0, self.top, self.x1, self.bottom = (np.zeros(m) for _ in range(4))
        self.x0[asked], self.x1[asked] = left, right
        self.top[asked], self.bottom[asked] = height - top, height - bottom

    def __len__(self) -> int:
        return len(self.text)

    def sizes(self, positions: np.ndarray, lines: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
        """pdfium's font size of the characters at these positions (ascending).

        With `lines` (start in `positions` and length of each printed line), a line whose characters
        pdfium counts as one text object is asked once: a font size is its text object's
        (CPDF_TextPage::GetCharFontSize), and FPDFText_CountRects starts a new rectangle wherever the text
        object changes. Characters narrower or lower than half a point are asked one by one (pdfium leaves
        boxes under 0.01 pt out of its rectangles, so their object is not known from them).
        """
        index = self.index[positions]
        out = np.empty(len(positions))
        alone = np.ones(len(positions), dtype=bool)
        if lines is not None and len(lines[0]):
            starts, counts = lines
            firsts = index[starts]
            spans = (index[starts + counts - 1] - firsts + 1).tolist()
            firsts = firsts.tolist()
            rects = np.array(list(map(_COUNT_RECTS, repeat(self._handle, len(spans)), firsts, spans)))
            line = np.repeat(np.arange(len(starts)), counts)
            wide = (self.x1[positions] - self.x0[positions] >= 0.5) & (
                self.bottom[positions] - self.top[positions] >= 0.5
            )
            shared = np.flatnonzero(wide & (rects == 1)[line])
            if len(shared):
                owner = line[shared]
                first = shared[np.concatenate(([True], owner[1:] != owner[:-1]))]  # one asked a line
                per_line = np.zeros(len(starts))
                per_line[line[first]] = list(
                    map(_FONT_SIZE, repeat(self._handle, len(first)), index[first].tolist())
                )
                out[shared] = per_line[owner]
                alone[shared] = False
        ask = np.flatnonzero(alone)
        out[ask] = list(map(_FONT_SIZE, repeat(self._handle, len(ask)), index[ask].tolist()))
        return out

    def close(self) -> None:
        self._textpage.close()


_BOX_CHUNK = 4096  # characters whose boxes are asked in one run of calls (the buffer below holds them)
_box_buffers = threading.local()


def _char_boxes(handle: ctypes.c_void_p, indices: np.ndarray) -> np.ndarray:
    """FPDFText_GetCharBox of each index as rows of (left, right, bottom, top).

    The four out-pointers of every call are made once per thread, into one buffer (a pointer object made
    per character cost as much as the call), and the calls are made by `map`.
    """
    held = getattr(_box_buffers, "held", None)
    if held is None:
        buffer = (ctypes.c_double * (4 * _BOX_CHUNK))()
        pointers = [[ctypes.byref(buffer, 8 * (4 * i + k)) for i in range(_BOX_CHUNK)] for k in range(4)]
        held = _box_buffers.held = (buffer, pointers)
    buffer, (p_left, p_right, p_bottom, p_top) = held
    out = np.empty((len(indices), 4))
    todo = indices.tolist()
    for start in range(0, len(todo), _BOX_CHUNK):
        part = todo[start : start + _BOX_CHUNK]
        n = len(part)
        # a failed call (an index out of range: not asked here) would leave the slot as it was
        deque(map(_CHAR_BOX, repeat(handle, n), part, p_left, p_right, p_bottom, p_top), maxlen=0)
        out[start : start + n] = np.frombuffer(buffer, dtype=np.float64, count=4 * n).reshape(n, 4)
    return out


def _page_chars(page: pdfium.PdfPage) -> _Chars:
    """The page's characters; the caller closes them (their text page) once read."""
    height = page.get_height()
    textpage = page.get_textpage()
    n = textpage.count_chars()
    text = textpage.get_text_range(0, n) if n else ""
    if len(text) != n:  # characters outside the BMP shift the offsets: read one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(n))
    return _Chars(textpage, text, height)


# the character of a `_LineChars.tuples()` entry, for map()
_CHAR = itemgetter(0)


def _centres(chars: _Chars) -> tuple[np.ndarray, np.ndarray]:
    return (chars.x0 + chars.x1) / 2, (chars.top + chars.bottom) / 2


def _page_lines(chars: _Chars, page_no: int, exclude: list[tuple]) -> list[Line]:
    """The page's text lines, without characters inside `exclude` boxes (tables).

    A line ends at pdfium's line break; pdfium sometimes runs two printed lines together, so a character
    that jumps back to the left of the previous one and below it also starts a new line.
    """
    if not len(chars):
        return []
    boxed, x0, top, bottom, newline = chars.boxed, chars.x0, chars.top, chars.bottom, chars.newline
    cx, cy = _centres(chars)
    # a character whose centre lies in a table (its 1 pt margin included) is read from the cells instead
    dropped = np.zeros(len(chars), dtype=bool)
    for a0, a1, a2, a3 in exclude:
        dropped |= (a0 - 1.0 <= cx) & (cx <= a2 + 1.0) & (a1 - 1.0 <= cy) & (cy <= a3 + 1.0)
    dropped &= boxed
    shown = np.flatnonzero(boxed & ~dropped)
    # each shown character against the shown character before it, unless a line break stands between them
    breaks = newline.copy()
    if len(shown) > 1:
        prev, cur = shown[:-1], shown[1:]
        after_break = np.cumsum(newline)
        mid = cy[cur]
        jump = (
            (after_break[prev] == after_break[cur])
            & (x0[cur] < x0[prev] - 1)
            & ~((top[prev] <= mid) & (mid <= bottom[prev]))
        )
        breaks[cur[jump]] = True
    line_of = np.cumsum(breaks)
    kept = np.flatnonzero(~dropped & ~newline)
    if not len(kept):
        return []
    text = chars.codes[kept].tobytes().decode("utf-32-le", "surrogatepass")
    ids = line_of[kept]
    starts = np.flatnonzero(np.diff(ids)) + 1
    bounds_at = np.concatenate(([0], starts, [len(kept)]))
    boxed_at = np.flatnonzero(boxed[kept])  # positions in `kept` of the characters with a box
    where = kept[boxed_at]
    first_boxed = np.searchsorted(boxed_at, bounds_at)
    filled = np.flatnonzero(np.diff(first_boxed))  # lines with a character with a box (the others: no line)
    if not len(filled):
        return []
    b0 = first_boxed[filled]
    count = first_boxed[filled + 1] - b0
    size = chars.sizes(where, (b0, count))
    x0s, tops, x1s, bottoms = x0[where], top[where], chars.x1[where], bottom[where]
    # what `_emit` takes from a line's boxes and sizes, for every line at once: the extremes, and the
    # median of the boxes' bottoms (the baseline of a line whose characters share one size)
    extremes = [
        np.minimum.reduceat(x0s, b0).tolist(),
        np.maximum.reduceat(x1s, b0).tolist(),
        np.minimum.reduceat(tops, b0).tolist(),
        np.maximum.reduceat(bottoms, b0).tolist(),
        np.minimum.reduceat(size, b0).tolist(),
        np.maximum.reduceat(size, b0).tolist(),
    ]
    by_bottom = bottoms[np.lexsort((bottoms, np.repeat(np.arange(len(b0)), count)))]
    mid = b0 + count // 2
    median = np.where(count % 2 == 1, by_bottom[mid], (by_bottom[mid - 1] + by_bottom[mid]) / 2).tolist()
    bounds = bounds_at.tolist()
    listed = None
    lines: list[Line] = []
    for line_no, first, n, left, right, high, low, smallest, largest, base in zip(
        filled.tolist(), b0.tolist(), count.tolist(), *extremes, median, strict=True
    ):
        s, e = bounds[line_no], bounds[line_no + 1]
        # the usual line: one size, no smaller (superscript) character; else `_emit` reads it char by char
        if smallest == largest and not smallest < 0.8 * (half := round(smallest * 2) / 2):
            line = _line(text[s:e], page_no, left, right, high, low, half, base, "")
            if line is not None:
                lines.append(line)
            continue
        if listed is None:
            listed = [v.tolist() for v in (x0s, tops, x1s, bottoms, size)]
        lx0, ltop, lx1, lbottom, lsize = (v[first : first + n] for v in listed)
        _emit(
            _LineChars(text[s:e], lx0, ltop, lx1, lbottom, lsize, boxed_at[first : first + n], s),
            page_no,
            lines,
        )
    return lines


class _LineChars(NamedTuple):
    """The characters of one line: all of them as text, and the box and size of those that have a box."""

    text: str
    x0: list[float]
    top: list[float]
    x1: list[float]
    bottom: list[float]
    size: list[float]
    at: np.ndarray  # position in `text` of each character with a box, plus `start`
    start: int

    def tuples(self) -> list[tuple]:
        """(char, box or None, size) of every character, in order."""
        out: list[tuple] = [(ch, None, 0.0) for ch in self.text]
        for k, i in enumerate((self.at - self.start).tolist()):
            out[i] = (self.text[i], (self.x0[k], self.top[k], self.x1[k], self.bottom[k]), self.size[k])
        return out


def _fill_cells(chars: _Chars, tables: list[_Table]) -> None:
    """Cell texts from pdfium's characters: each character goes to the cell its centre lies in (the cell
    of the character before when that one holds it too: cells' edges overlap by their tolerance); a space
    or generated character goes to the cell of the character with a box before it."""
    cells = [c for t in tables for c in t.cells if c.bbox]
    if not cells or not len(chars):
        return
    # each cell's box widened by the 0.5 pt tolerance
    areas = np.array([(c.bbox[0] - 0.5, c.bbox[1] - 0.5, c.bbox[2] + 0.5, c.bbox[3] + 0.5) for c in cells])
    where = np.flatnonzero(chars.boxed)
    cx, cy = (v[where] for v in _centres(chars))
    # the first cell (in the cells' order) holding each centre, and how many hold it: each cell meets the
    # characters of its height, found by bisection of the centres sorted by height, all cells at once
    order = np.argsort(cy, kind="stable")
    by_height = cy[order]
    lows = np.searchsorted(by_height, areas[:, 1], side="left")
    highs = np.searchsorted(by_height, areas[:, 3], side="right")
    spans = np.maximum(highs - lows, 0)
    cell = np.repeat(np.arange(len(cells)), spans)  # (cell, character) pairs, cell by cell
    char = order[np.arange(len(cell)) - np.repeat(np.cumsum(spans) - spans - lows, spans)]
    x = cx[char]
    inside = (areas[cell, 0] <= x) & (x <= areas[cell, 2])
    char, cell = char[inside], cell[inside]
    holders = np.bincount(char, minlength=len(where))
    first = np.full(len(where), len(cells))
    np.minimum.at(first, char, cell)
    first[first == len(cells)] = -1
    owner = first
    # a centre on two cells' common margin stays in the cell of the character before, if that one holds it
    for j in np.flatnonzero(holders > 1).tolist():
        k = owner[j - 1] if j else -1
        if k >= 0:
            x0, y0, x1, y1 = areas[k].tolist()
            if x0 <= cx[j] <= x1 and y0 <= cy[j] <= y1:
                owner[j] = k
    # every character (box or not) with the owner of the last character with a box at or before it
    last = np.maximum.accumulate(np.where(chars.boxed, np.arange(len(chars)), -1))
    owner_at = np.full(len(chars), -1)
    owner_at[where] = owner
    owner_of = np.where(last >= 0, owner_at[np.maximum(last, 0)], -1)
    taken = np.flatnonzero((owner_of >= 0) & (chars.boxed | ~chars.newline))
    texts = [""] * len(cells)
    if len(taken):
        by_cell = taken[np.argsort(owner_of[taken], kind="stable")]
        for k, text in _cell_texts(chars, by_cell, owner_of[by_cell], cells):
            texts[k] = text
    for c, text in zip(cells, texts, strict=True):
        c.text = text


def _cell_texts(chars: _Chars, by_cell: np.ndarray, cell_of: np.ndarray, cells: list[_Cell]):
    """(cell index, text) of each cell holding characters: `by_cell` are the positions of its characters,
    cell by cell in page order, `cell_of` their cell.

    A character with a box opens a line of its cell when it is the cell's first with a box, or its centre
    lies more than 2 pt below the bottom of the cell's character with a box before it; a line runs to the
    next one's start (characters before a cell's first box are left out). The lines are cut on whole arrays
    (once a Python loop over every character, most of the table time); only the joining of a cell's lines
    is a loop, over lines.
    """
    boxed = chars.boxed[by_cell]
    codes = chars.codes[by_cell]
    codes = np.where(boxed, codes, np.uint32(32))  # a character without a box counts as a space in the cell
    seq = codes.tobytes().decode("utf-32-le", "surrogatepass")
    at = np.flatnonzero(boxed)  # positions in `seq` of the characters with a box
    where = by_cell[at]
    x0, x1, bottom = chars.x0[where], chars.x1[where], chars.bottom[where]
    mid = (chars.top[where] + bottom) / 2
    cell = cell_of[at]
    opens = np.ones(len(at), dtype=bool)
    opens[1:] = (cell[1:] != cell[:-1]) | (mid[1:] > bottom[:-1] + 2)
    heads = np.flatnonzero(opens)
    starts = at[heads]
    cell_ends = np.append(np.flatnonzero(np.diff(cell_of)) + 1, len(by_cell))
    ends = np.minimum(
        np.append(starts[1:], len(by_cell)), cell_ends[np.searchsorted(cell_ends, starts, side="right")]
    )
    widths = (np.maximum.reduceat(x1, heads) - np.minimum.reduceat(x0, heads)).tolist()
    firsts = (x1[heads] - x0[heads]).tolist()  # width of each line's first character
    owners = cell[heads].tolist()
    current, out, prev_text, prev_width = -1, "", "", 0.0
    for s, e, k, width, first in zip(starts.tolist(), ends.tolist(), owners, widths, firsts, strict=True):
        if k != current:
            if current >= 0:
                yield current, fold(clean_pdf_text(out.replace("\ufffe", "-")))
            current, out = k, ""
            bbox = cells[k].bbox
            room = bbox[2] - bbox[0] - 2 * 5.4
        text = seq[s:e].strip()
        if not out:
            out = text
        else:
            # a word too long for a narrow column is broken without a space ("ST" / "T"): not even the
            # next line's first letter fits beside it (cell padding taken as Word's 0.19 cm at most), and
            # one half has no vowel, so it is no syllable of its own ("ngành" / "hiếm" is two words)
            forced = (
                " " not in prev_text
                and prev_width + first > room
                and any(not _VOWEL.search(strip_accents(h)) for h in (prev_text, text.split(" ", 1)[0]))
            )
            out = f"{out}{'' if forced else ' '}{text}"
        prev_text, prev_width = text, width
    if current >= 0:
        yield current, fold(clean_pdf_text(out.replace("\ufffe", "-")))


def _emit(line: _LineChars, page_no: int, out: list[Line]) -> None:
    raw = line.size
    # one size, the usual line: no mode to count (and no rounding of every character when all are equal)
    sizes = [] if raw.count(raw[0]) == len(raw) else [round(x * 2) / 2 for x in raw]
    if not sizes or sizes.count(sizes[0]) == len(sizes):
        size = round(raw[0] * 2) / 2
        baseline = statistics.median(line.bottom)
    else:
        size = statistics.mode(sizes)
        baseline = statistics.median([b for b, s in zip(line.bottom, sizes, strict=True) if s == size])
    small, raised = 0.8 * size, baseline - 0.2 * size
    lead = []
    if min(raw) < small:  # most lines have no smaller character: nothing to drop
        kept = []
        text_started = False
        for c in line.tuples():
            box = c[1]
            # footnote reference marks: small raised digits; dropped so "năm 2026¹." reads "năm 2026."
            if box is not None and c[0] in _SUPERSCRIPT_MARKS and c[2] < small and box[3] < raised:
                if not text_started:
                    lead.append(c[0])
                continue
            kept.append(c)
            text_started = text_started or box is not None
        text = "".join(map(_CHAR, kept))
    else:
        text, kept = line.text, None
    if kept is None:
        x0s, tops, x1s, bottoms = line.x0, line.top, line.x1, line.bottom
    elif not fold(text.replace("\ufffe", "-")):
        return
    else:
        x0s, tops, x1s, bottoms = zip(*(c[1] for c in kept if c[1] is not None), strict=True)
    made = _line(text, page_no, min(x0s), max(x1s), min(tops), max(bottoms), size, baseline, "".join(lead))
    if made is not None:
        out.append(made)


def _line(
    text: str,
    page_no: int,
    x0: float,
    x1: float,
    top: float,
    bottom: float,
    size: float,
    base: float,
    lead: str,
) -> Line | None:
    # pypdfium2 writes U+FFFE for a hyphen it takes as a soft line-break hyphen; Vietnamese is never
    # hyphenated inside a word, so it is a real dash ("2021-\n2025")
    text = fold(text.replace("\ufffe", "-"))  # (no "\r" to clean: _Chars leaves it out)
    if not text:
        return None
    return Line(text, page_no, x0, x1, top, bottom, size, base, lead)


def _is_mark(ln: Line) -> bool:
    return all(ch in _SUPERSCRIPT_MARKS for ch in ln.text.replace(" ", ""))


def _merge_pieces(lines: list[Line]) -> list[Line]:
    """Rejoin pieces pdfium split off one printed line (LibreOffice starts a new text object after a
    footnote reference), and hang a footnote's own small raised number on the footnote text."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        follows = prev is not None and ln.x0 >= prev.x1 - 1
        if follows and _is_mark(prev) and prev.size < 0.8 * ln.size and abs(prev.top - ln.top) < ln.size:
            out[-1] = replace(ln, x0=prev.x0, lead=prev.text.replace(" ", ""))
            continue
        if follows and _is_mark(ln) and ln.size < 0.8 * prev.size and ln.base < prev.base - 1:
            continue  # a reference mark printed as its own piece
        if follows and abs(ln.base - prev.base) <= 1.5 and abs(ln.size - prev.size) <= 1:
            tight = ln.text[0] in ",.;:)]…" or ln.x0 - prev.x1 < 0.15 * ln.size
            text = f"{prev.text}{'' if tight else ' '}{ln.text}"
            out[-1] = replace(
                prev, text=text, x1=ln.x1, top=min(prev.top, ln.top), bottom=max(prev.bottom, ln.bottom)
            )
            continue
        out.append(ln)
    return out


# ---------------------------------------------------------------- page furniture


def _drop_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Remove page numbers and running headers/footers (same text at the page edge on most pages)."""

    def edge_lines(lines: list[Line], height: float) -> list[Line]:
        by_y = sorted(lines, key=lambda ln: ln.top)
        cands = by_y[:2] + by_y[-2:]
        return [ln for ln in cands if ln.bottom < 0.15 * height or ln.top > 0.85 * height]

    def key(ln: Line) -> str:
        return ln.text.lower().translate(_DIGIT_MARKS)

    counts: dict[str, int] = {}
    for lines, h in zip(pages, heights, strict=True):
        for k in {key(ln) for ln in edge_lines(lines, h)}:
            counts[k] = counts.get(k, 0) + 1
    repeated = {k for k, c in counts.items() if len(pages) >= 3 and c >= max(3, len(pages) / 2)}
    out = []
    for lines, h in zip(pages, heights, strict=True):
        edges = {id(ln) for ln in edge_lines(lines, h)}
        out.append(
            [ln for ln in lines if not (id(ln) in edges and (is_page_number(ln.text) or key(ln) in repeated))]
        )
    return out


class _DigitMarks(dict):
    """A `str.translate` table writing every digit (`str.isdigit`) as "#": each character is judged the first
    time it is met (a table of every Unicode digit would be built at import)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = out = "#" if ch.isdigit() else ch
        return out


_DIGIT_MARKS = _DigitMarks()


def _split_footnotes(
    lines: list[Line], body_size: float, height: float
) -> tuple[list[Line], list[Line], list[Line]]:
    """Trailing small-font lines at the page bottom that open with a number are the page's footnotes; the
    small-font lines above the first of them (returned apart, still in the body) may continue the last
    footnote of the page before ("... (16) xã" / "Quảng Trực; (17) xã ...")."""
    by_y = sorted(lines, key=lambda ln: ln.top)
    start = len(by_y)
    while start > 0 and by_y[start - 1].size <= 0.85 * body_size and by_y[start - 1].top > 0.5 * height:
        start -= 1
    small = start
    while start < len(by_y) and not _footnote_start(by_y[start]):
        start += 1
    notes = by_y[start:]
    if not notes:
        return lines, [], []
    ids = {id(ln) for ln in notes}
    return [ln for ln in lines if id(ln) not in ids], notes, by_y[small:start]


def _footnote_start(line: Line) -> bool:
    return bool(line.lead) or (line.text[:1].isdigit() and " " in line.text[:4]) or line.text[:1] == "*"


def _footnote_blocks(notes: list[Line]) -> list[str]:
    texts: list[str] = []
    # with raised note numbers, a continuation line that happens to open with a number stays put
    by_lead = any(ln.lead for ln in notes)
    for ln in notes:
        if (ln.lead if by_lead else _footnote_start(ln)) or not texts:
            body = ln.text
            if not ln.lead and body[:1].isdigit():
                body = body.split(" ", 1)[1] if " " in body else body
            texts.append(body)
        else:
            texts[-1] = f"{texts[-1]} {ln.text}"
    return [fold(t) for t in texts if fold(t)]


# ---------------------------------------------------------------- paragraphs


@dataclass(frozen=True)
class _Layout:
    left: float
    right: float
    pitch: float  # usual distance between the baselines of two lines of one paragraph
    body_size: float


def _layout(lines: list[Line]) -> _Layout:
    if not lines:
        return _Layout(0, 0, 0, 0)
    weights: dict[float, int] = {}
    for ln in lines:
        weights[ln.size] = weights.get(ln.size, 0) + len(ln.text)
    body = max(weights, key=weights.get)
    body_lines = [ln for ln in lines if ln.size == body] or lines
    xs0 = sorted(ln.x0 for ln in body_lines)
    xs1 = sorted(ln.x1 for ln in body_lines)
    pitches = [
        b.base - a.base
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.size == b.size == body and 0 < b.base - a.base < 3 * body
    ]
    return _Layout(
        left=xs0[len(xs0) // 10],
        right=xs1[int(len(xs1) * 0.9)],
        pitch=statistics.median(pitches) if pitches else 1.2 * body,
        body_size=body,
    )


def _centred_pair(a: Line, b: Line, lay: _Layout) -> bool:
    """Two short lines on one axis (a title). The axis may sit right of the page's, by a first-line indent."""
    short = all(ln.x0 > lay.left + 20 and ln.x1 < lay.right - 20 for ln in (a, b))
    return short and abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2 < 20 and a.text.isupper() == b.text.isupper()


def _continues(prev: Line, line: Line, lay: _Layout) -> bool:
    """Does `line` carry on the paragraph whose last line is `prev`?"""
    if abs(prev.size - line.size) > 1:
        return False
    centred = _centred_pair(prev, line, lay)
    # titles are often set with more leading than body text
    if prev.page == line.page and line.base - prev.base > (1.5 if centred else 1.25) * lay.pitch + 1:
        return False
    unfinished = prev.text[-1] not in _TERMINAL
    if starts_item(line.text, unfinished):
        return False
    if centred:
        return True
    first = line.text[0]
    capital = first.isupper() or first.isdigit() or first in _OPENERS
    # the line's first word would have fitted on the previous line: the author broke the line there
    word = line.text.split(" ", 1)[0]
    word_w = (line.x1 - line.x0) / max(len(line.text), 1) * (len(word) + 1)
    if prev.x1 + word_w < lay.right - 2:
        return False
    indented = line.x0 > lay.left + 8
    return not (not unfinished and capital and indented)


def _paragraphs(lines: list[Line], lay: _Layout) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for ln in lines:
        if groups and _continues(groups[-1][-1], ln, lay):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


def _join(lines: list[Line]) -> str:
    out = lines[0].text
    for ln in lines[1:]:
        # a dash closing the previous line joins tight ("2021-" + "2025"); pdfium's soft-hyphen mark too
        out = f"{out}{ln.text}" if out.endswith("-") and out[-2:-1] != " " else f"{out} {ln.text}"
    return fold(out)


# ---------------------------------------------------------------- table assembly across pages


def _compatible(a: _Table, b: _Table) -> bool:
    if abs(a.bbox[0] - b.bbox[0]) > 4 or abs(a.bbox[2] - b.bbox[2]) > 4:
        return False
    near = sum(1 for x in b.cols if any(abs(x - y) <= 4 for y in a.cols))
    return near >= max(len(a.cols), len(b.cols)) - 1


def _merge(a: _Table, b: _Table) -> None:
    """Append `b` (the next page's part, or a body table under its header table) to `a`."""

    def col_of(x: float) -> int:
        return min(range(len(a.cols)), key=lambda i: abs(a.cols[i] - x)) + 1

    def remap(c: _Cell) -> tuple[int, int]:
        left = b.cols[c.col - 1]
        right_idx = c.col - 1 + c.colspan
        right = b.cols[right_idx] if right_idx < len(b.cols) else b.bbox[2]
        start = col_of(left)
        end = col_of(right) if right_idx < len(b.cols) else len(a.cols) + 1
        return start, max(1, end - start)

    first = 1
    if b.row_texts(1) == a.row_texts(1) and any(b.row_texts(1)):
        first = 2  # the header row repeated at the top of the next page
    last = max((c.row + c.rowspan - 1 for c in a.cells), default=0)
    head = [c for c in b.cells if c.row == first]
    lead = next((c for c in head if c.col == 1), None)
    continued = last > 0 and (lead is None or not lead.text)
    offset = last - first if continued else last - first + 1
    # rows under a cut row whose first cells stay empty still belong to the group above (STT spans)
    absorbing = continued

    def covering(row: int, col: int) -> _Cell | None:
        return next(
            (t for t in a.cells if t.row <= row < t.row + t.rowspan and t.col <= col < t.col + t.colspan),
            None,
        )

    for c in sorted(b.cells, key=lambda c: (c.row, c.col)):
        if c.row < first:
            continue
        if c.row > first and c.col == 1 and c.text:
            absorbing = False
        col, colspan = remap(c)
        row = c.row + offset
        if continued and c.row == first:
            target = covering(last, col)
            if target is not None:
                # a row cut by the page break: its halves are one cell
                target.text = fold(f"{target.text} {c.text}")
                target.rowspan += c.rowspan - 1
                continue
        elif absorbing and not c.text:
            target = covering(row - 1, col)
            if target is not None:
                target.rowspan += c.rowspan
                continue
        a.cells.append(_Cell(row, col, c.text, c.rowspan, colspan, page=b.page))
    a.n_rows = max(c.row + c.rowspan - 1 for c in a.cells)
    a.last_page = b.page


def _freeze(t: _Table, max_rows: int) -> Table:
    rows: dict[int, list[Cell]] = {}
    for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
        if c.row > max_rows:
            continue
        rows.setdefault(c.row, []).append(
            Cell(c.row, c.col, c.text, min(c.rowspan, max_rows - c.row + 1), c.colspan, c.page or t.page)
        )
    return Table(rows=tuple(tuple(rows[r]) for r in sorted(rows)))


def _table_text(table: Table) -> str:
    """Cells joined with " | ", rows with " / " (Block.text must be one folded line)."""
    return fold(" / ".join(" | ".join(c.text for c in row) for row in table.rows))


# ---------------------------------------------------------------- the reader


def read_pdf(path: str | Path, settings=None) -> Document:
    path = Path(path)
    data = path.read_bytes()
    max_pages = getattr(settings, "max_pages", 500)
    max_rows = getattr(settings, "max_table_rows", 5000)
    pdf = _open(data)
    warnings: list[str] = []
    try:
        n_pages = len(pdf)
        file_date = _file_date(pdf)
        if n_pages > max_pages:
            raise ValueError(f"{n_pages} pages, more than the limit of {max_pages}")
        pages = [pdf[i] for i in range(n_pages)]
        ruled = {i: e for i, p in enumerate(pages) if (e := _rule_edges(p))}
        tables: dict[int, list[_Table]] = {i: [] for i in range(n_pages)}
        if ruled:
            tables.update(_find_tables(ruled, warnings))
        heights = [p.get_height() for p in pages]
        page_lines: list[list[Line]] = []
        ocr_pages: set[int] = set()  # 1-based
        unread: dict[int, str] = {}  # page -> why OCR was needed, when it could not run
        with OcrPool(settings) as pool:
            reading = {}  # page index -> its OCR, running in the background while later pages are read
            for i, p in enumerate(pages):
                chars = _page_chars(p)
                try:
                    need = _ocr_need(p, chars, settings)
                    if need:
                        tables[i] = []
                        try:
                            reading[i] = pool.submit(p)
                            page_lines.append([])
                        except OcrUnavailable as exc:
                            unread[i + 1] = f"{_OCR_NEEDS[need]}: {exc}"
                            warnings.append(f"page {i + 1}: {unread[i + 1]}")
                            if need == "garbled":
                                page_lines.append([])
                                continue
                        else:
                            # ruled tables of the scan, read cell by cell here (pdfium pages stay in this thread)
                            # while tesseract reads the whole page in the background
                            try:
                                tables[i] = _scanned_tables(p, i + 1, settings)
                            except OcrUnavailable as exc:
                                warnings.append(f"page {i + 1}: tables not read ({exc})")
                            continue
                    if not chars.boxed.any():
                        warnings.append(f"page {i + 1}: no text layer")
                    _fill_cells(chars, tables[i])
                    page_lines.append(_merge_pieces(_page_lines(chars, i + 1, [t.bbox for t in tables[i]])))
                finally:
                    chars.close()  # its text page, no longer needed
            for i, future in reading.items():
                lines = _ocr_lines(future.result(), i + 1)
                page_lines[i] = [ln for ln in lines if not _in_tables(ln, tables[i])]
                ocr_pages.add(i + 1)
    except pdfium.PdfiumError as exc:
        raise ValueError(f"truncated or damaged file ({exc})") from exc
    finally:
        pdf.close()
    # without OCR a document read from no page at all is a failure with its reason, not an empty document
    if unread and not any(len(lines) > 0 for i, lines in enumerate(page_lines) if i + 1 not in unread):
        raise ValueError(next(iter(unread.values())))

    page_lines = _drop_furniture(page_lines, heights)
    lay = _layout([ln for lines in page_lines for ln in lines])
    notes_by_page: dict[int, list[str]] = {}
    for i, lines in enumerate(page_lines):
        page_lines[i], notes, carried = _split_footnotes(lines, lay.body_size, heights[i])
        before = notes_by_page.get(i)
        if carried and before:
            # a footnote running over the page break: its rest is no paragraph of this page
            before[-1] = fold(f"{before[-1]} {' '.join(ln.text for ln in carried)}")
            ids = {id(ln) for ln in carried}
            page_lines[i] = [ln for ln in page_lines[i] if id(ln) not in ids]
        notes_by_page[i + 1] = _footnote_blocks(notes)

    # one stream of lines and tables in reading order; tables go before the first line below their top
    stream: list[Line | _Table] = []
    for i, lines in enumerate(page_lines):
        pending = sorted(tables[i], key=lambda t: t.bbox[1])
        for ln in lines:
            while pending and pending[0].bbox[1] <= ln.top:
                stream.append(pending.pop(0))
            stream.append(ln)
        stream.extend(pending)

    merged: list[Line | _Table] = []
    for item in stream:
        prev = merged[-1] if merged else None
        if (
            isinstance(item, _Table)
            and isinstance(prev, _Table)
            and item.page in (prev.last_page, prev.last_page + 1)
            and _compatible(prev, item)
        ):
            _merge(prev, item)
            continue
        merged.append(item)

    blocks: list[Block] = []
    counters = {"p": 0, "t": 0, "f": 0}
    notes_done: set[int] = set()

    def add(kind: str, text: str, page: int, level=None, table=None, ocr=False) -> None:
        prefix = {"table": "t", "footnote": "f"}.get(kind, "p")
        counters[prefix] += 1
        blocks.append(
            Block(
                kind,
                text,
                f"{prefix}{counters[prefix]}",
                level=level,
                page=page,
                table=table,
                ocr=ocr or page in ocr_pages,
            )
        )

    def flush_notes(up_to_page: int) -> None:
        for p in sorted(notes_by_page):
            if p <= up_to_page and p not in notes_done:
                notes_done.add(p)
                for note in notes_by_page[p]:
                    add("footnote", note, p)

    run: list[Line] = []

    def flush_run() -> None:
        for group in _paragraphs(run, lay):
            flush_notes(group[0].page - 1)
            text = _join(group)
            level = heading_level(text)
            add(
                "heading" if level else "paragraph",
                text,
                group[0].page,
                level=level,
                ocr=any(ln.ocr for ln in group),
            )
            flush_notes(group[-1].page - 1)
        run.clear()

    for item in merged:
        if isinstance(item, _Table):
            flush_run()
            flush_notes(item.page - 1)
            table = _freeze(item, max_rows)
            if item.n_rows > max_rows:
                warnings.append(f"table on page {item.page}: rows after {max_rows} not read")
            add("table", _table_text(table), item.page, table=table)
        else:
            run.append(item)
    flush_run()
    flush_notes(n_pages)

    return Document(
        path=str(path),
        format="pdf",
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=tuple(blocks),
        pages=n_pages,
        warnings=tuple(warnings),
        ocr_pages=len(ocr_pages),
        file_date=file_date,
    )


_PDF_DATE = re.compile(r"D:((?:19|20)\d\d)(\d\d)(\d\d)")


def _file_date(pdf: pdfium.PdfDocument) -> date | None:
    """The day the PDF says it was last modified (else created): "D:20251106143139+07'00'" is 2025-11-06."""
    try:
        meta = pdf.get_metadata_dict()
    except pdfium.PdfiumError:
        return None
    for key in ("ModDate", "CreationDate"):
        m = _PDF_DATE.match(meta.get(key) or "")
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
    return None


_OCR_NEEDS = {"scanned": "scanned PDF", "garbled": "unreadable text layer (broken font)"}


def _find_tables(ruled: dict[int, list[dict]], warnings: list[str]) -> dict[int, list[_Table]]:
    """Ruled tables by page index; a page whose rules the table finder cannot use keeps its text as running
    text, with a warning, rather than the whole document failing."""
    out: dict[int, list[_Table]] = {}
    for i in sorted(ruled):
        try:
            out[i] = _page_tables(i + 1, ruled[i])
        except Exception as exc:  # a finder fault on odd geometry loses that page's tables only
            warnings.append(f"page {i + 1}: tables not read ({type(exc).__name__})")
    return out
