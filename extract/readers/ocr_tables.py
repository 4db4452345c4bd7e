"""Ruled tables on scanned pages: the cell grid from the page image's long dark rules, each cell read by OCR.

A scanned page is rendered in grey, its horizontal and vertical rules are found as long runs of dark pixels
(numpy; no vision library is needed for straight lines), and rows and columns are the bands between them; a
missing stretch of a vertical rule inside a row band merges the cells on its two sides (spanning headers).
Pages printed sideways (landscape annexes on portrait paper) are turned upright first, as Tesseract's
orientation detection says. Each row is read by one Tesseract call on the row's cells laid side by side with
white gaps between them (one call per cell read best but cost ~0.5 s a cell): text cells with the Vietnamese
model, number cells again with a digits-only character set, whose decimal marks are then put right.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import numpy as np

from extract.readers.ocr import OcrUnavailable, run_tesseract, setting, unavailable_reason

_DARK = 140  # grey level under which a pixel is ink
_GAP = 120  # white pixels between two cells laid side by side for one OCR call
_NUMERIC = re.compile(r"^[\s\d.,\-%|'\"]*\d[\s\d.,\-%|'\"]*$")
_NUMBER_CHARS = "0123456789.,-%"


@dataclass
class OcrCell:
    row: int
    col: int
    text: str
    colspan: int = 1


@dataclass
class OcrTable:
    page: int
    bbox: tuple[float, float, float, float]  # in PDF points, top-down, on the page as stored
    cols: list[float]  # left edge of each column, points (in the upright image)
    cells: list[OcrCell]
    n_rows: int


def _long_runs(mask: np.ndarray, length: int) -> np.ndarray:
    """True where `length` consecutive True pixels along axis 1 start."""
    c = np.cumsum(np.pad(mask, ((0, 0), (1, 0))), axis=1, dtype=np.int32)
    return (c[:, length:] - c[:, :-length]) == length


def _positions(hits: np.ndarray, merge: int = 4) -> list[tuple[int, int]]:
    """Clusters of consecutive indexes: (first, last)."""
    out: list[list[int]] = []
    for i in np.flatnonzero(hits):
        if out and i - out[-1][1] <= merge:
            out[-1][1] = int(i)
        else:
            out.append([int(i), int(i)])
    return [(a, b) for a, b in out]


def _rules(ink: np.ndarray, length: int) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """Horizontal rules as (y, x0, x1) and vertical rules as (x, y0, y1), in pixels."""
    out = []
    for m in (ink, ink.T):
        thick = m.copy()
        thick[1:] |= m[:-1]  # one pixel of slack across the rule for a slightly skewed scan
        thick[:-1] |= m[1:]
        runs = _long_runs(thick, length)
        lines = []
        for a, b in _positions(runs.any(axis=1)):
            xs = np.flatnonzero(runs[a : b + 1].any(axis=0))
            lines.append(((a + b) // 2, int(xs.min()), int(xs.max()) + length))
        out.append(lines)
    return out[0], out[1]


def _grid(ink: np.ndarray, dpi: float):
    """(row bounds, column bounds, vertical rules) of the largest ruled table, or None."""
    length = int(dpi * 0.3)  # a rule is at least 0.3 inch long
    hs, vs = _rules(ink, length)
    if len(vs) < 3 or len(hs) < 3:
        return None
    x0, x1 = min(v[0] for v in vs), max(v[0] for v in vs)
    width = x1 - x0
    cols = sorted(v[0] for v in vs if v[2] - v[1] > 0.2 * (max(h[0] for h in hs) - min(h[0] for h in hs)))
    cols = [c for i, c in enumerate(cols) if i == 0 or c - cols[i - 1] > dpi * 0.1]
    if len(cols) < 3:
        return None
    # a row rule crosses at least two columns (text underlines stay inside one)
    col_w = min(b - a for a, b in zip(cols, cols[1:], strict=False))
    rows = sorted(h[0] for h in hs if h[2] - h[1] >= min(width * 0.3, 1.5 * col_w) and h[1] < x1 and h[2] > x0)
    rows = [r for i, r in enumerate(rows) if i == 0 or r - rows[i - 1] > dpi * 0.12]
    if len(rows) < 3:
        return None
    return rows, cols, vs


def _boundary(ink: np.ndarray, x: int, y0: int, y1: int) -> bool:
    """Whether the vertical rule at x runs through the band y0..y1 (else the cells beside it are one)."""
    band = ink[y0 + 3 : y1 - 2, max(0, x - 12) : x + 13]  # a scan's rules lean a little
    return band.size > 0 and band.any(axis=1).mean() > 0.5


def _canvas(grey: np.ndarray, rows: list[list[tuple[int, int, int, int]]]):
    """Every cell's image on one white canvas: a row's cells side by side and the rows one under another,
    with white gaps between, so one OCR call reads the whole table; with each cell's box on the canvas."""
    widths = [sum(b[2] - b[0] + _GAP for b in row) for row in rows]
    heights = [max((b[3] - b[1] for b in row), default=0) + _GAP // 2 for row in rows]
    canvas = np.full((max(1, sum(heights)), max(1, max(widths, default=1))), 255, np.uint8)
    placed: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    y = 0
    for ri, row in enumerate(rows):
        x = 0
        for k, (x0, y0, x1, y1) in enumerate(row):
            piece = grey[y0:y1, x0:x1]
            canvas[y : y + piece.shape[0], x : x + piece.shape[1]] = piece
            placed[(ri, k)] = (x, y, x + piece.shape[1], y + piece.shape[0])
            x += piece.shape[1] + _GAP
        y += heights[ri]
    return canvas, placed


def _read_cells(grey, rows, settings, psm: int, chars: str | None) -> dict[tuple[int, int], str]:
    """(row, cell) -> the text OCR reads in that cell, for every cell of `rows` (boxes), in one call."""
    from PIL import Image

    canvas, placed = _canvas(grey, rows)
    png = io.BytesIO()
    Image.fromarray(canvas).save(png, format="PNG", compress_level=1)
    words = run_tesseract(png.getvalue(), settings, psm=psm, chars=chars)
    found: dict[tuple[int, int], list] = {key: [] for key in placed}
    for word in words:
        cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        for key, (x0, y0, x1, y1) in placed.items():
            if x0 - _GAP / 2 <= cx <= x1 + _GAP / 2 and y0 - _GAP / 4 <= cy <= y1 + _GAP / 4:
                found[key].append(word)
                break
    out = {}
    for key, ws in found.items():
        ws.sort(key=lambda w: (w.line, w.x0))
        out[key] = " ".join(w.text for w in ws)
    return out


def repair_number(text: str) -> str:
    """Decimal marks of an OCR'd number put right: a last group of one or two digits is the decimals
    ("646.6" -> "646,6", "4,529,5" -> "4.529,5"), groups of three before it are thousands."""
    t = text.strip().strip("|'\"").strip()
    m = re.fullmatch(r"(-?)(\d{1,3}(?:[.,]\d{3})*|\d+)(?:[.,](\d{1,2}))?(%?)", t)
    if not m:
        return t
    sign, whole, dec, pct = m.groups()
    whole = re.sub(r"[.,]", ".", whole)
    return f"{sign}{whole}{',' + dec if dec else ''}{pct}"


_VALID = re.compile(r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d{1,2})?%?")


def best_number(digits: str, text: str) -> str:
    """The digits-only reading with its decimal marks put right, unless only the text reading is a
    well-formed number."""
    a, b = repair_number(digits), repair_number(text)
    if _VALID.fullmatch(a) or not _VALID.fullmatch(b):
        return a if any(ch.isdigit() for ch in a) else b
    return b


def _orientation(grey: np.ndarray, settings) -> int:
    """Degrees to turn the page image counter-clockwise so its text stands upright (0, 90, 180, 270)."""
    from PIL import Image

    png = io.BytesIO()
    Image.fromarray(grey).save(png, format="PNG", compress_level=1)
    try:
        out = run_tesseract(png.getvalue(), settings, psm=0, raw=True)
    except ValueError:
        return 0
    m = re.search(r"Rotate:\s*(\d+)", out)
    return (360 - int(m.group(1))) % 360 if m else 0


def ocr_tables(page, page_no: int, settings=None) -> list[OcrTable]:
    """The ruled tables of a scanned pypdfium2 page, each cell read by OCR. Raises OcrUnavailable."""
    reason = unavailable_reason(setting(settings, "ocr_command"), setting(settings, "ocr_lang"))
    if reason:
        raise OcrUnavailable(reason)
    dpi = float(setting(settings, "ocr_table_dpi"))
    width, height = page.get_size()
    max_pixels = setting(settings, "ocr_max_pixels")
    if width * height * (dpi / 72) ** 2 > max_pixels:
        dpi = 72 * (max_pixels / max(width * height, 1.0)) ** 0.5
    grey = np.asarray(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
    if _grid(grey < _DARK, dpi) is None:
        return []
    turn = _orientation(grey, settings)
    if turn:
        grey = np.ascontiguousarray(np.rot90(grey, k=turn // 90))
    ink = grey < _DARK
    found = _grid(ink, dpi)
    if found is None:
        return []
    rows, cols, _ = found
    out = []
    for seg_rows, seg_cols in _segments(ink, rows, cols):
        table = _read_table(grey, ink, seg_rows, seg_cols, dpi, settings, page_no, turn)
        if table is not None:
            out.append(table)
    return out


def _segments(ink, rows, cols):
    """The separate tables of the grid: runs of row bands crossed by the outer rules (a heading between two
    tables has none), each with the vertical rules that cross a good part of its bands."""
    inside = [
        _boundary(ink, cols[0], a, b) or _boundary(ink, cols[-1], a, b) for a, b in zip(rows, rows[1:], strict=False)
    ]
    out, run = [], []
    for i, ok in enumerate(inside + [False]):
        if ok:
            run.append(i)
            continue
        if len(run) >= 2:
            seg_rows = rows[run[0] : run[-1] + 2]
            bands = list(zip(seg_rows, seg_rows[1:], strict=False))
            seg_cols = [c for c in cols if sum(_boundary(ink, c, a, b) for a, b in bands) >= 0.3 * len(bands)]
            if len(seg_cols) >= 3:
                out.append((seg_rows, seg_cols))
        run = []
    return out


def _read_table(grey, ink, rows, cols, dpi, settings, page_no, turn) -> OcrTable | None:
    """One table's cells read by OCR, and its box on the page as stored."""
    pad = int(dpi * 0.03)
    spans_by_row: list[list[tuple[int, int]]] = []
    boxes_by_row: list[list[tuple[int, int, int, int]]] = []
    for y0, y1 in zip(rows, rows[1:], strict=False):
        # the row's cells: columns merge where the rule between them stops short of the band
        spans: list[tuple[int, int]] = []
        start = 0
        for ci in range(1, len(cols)):
            if ci == len(cols) - 1 or _boundary(ink, cols[ci], y0, y1):
                spans.append((start, ci))
                start = ci
        spans_by_row.append(spans)
        boxes_by_row.append([(cols[a] + pad, y0 + pad, cols[b] - pad, y1 - pad) for a, b in spans])
    texts = _read_cells(grey, boxes_by_row, settings, psm=6, chars=None)
    numeric = {key for key, t in texts.items() if _NUMERIC.match(t)}
    if numeric:
        only = [[b if (ri, k) in numeric else (b[0], b[1], b[0] + 1, b[1] + 1) for k, b in enumerate(row)]
                for ri, row in enumerate(boxes_by_row)]
        digits = _read_cells(grey, only, settings, psm=6, chars=_NUMBER_CHARS)
        for key in numeric:
            texts[key] = best_number(digits.get(key, ""), texts[key])
    # header rows (above the first row with two numbers) hold several lines a cell: read them cell by cell
    first_data = next(
        (ri for ri in range(len(boxes_by_row)) if sum((ri, k) in numeric for k in range(len(boxes_by_row[ri]))) >= 2),
        0,
    )
    for ri in range(first_data):
        for k, box in enumerate(boxes_by_row[ri]):
            texts[(ri, k)] = _read_cells(grey, [[box]], settings, psm=6, chars=None)[(0, 0)]
    cells: list[OcrCell] = []
    for ri, spans in enumerate(spans_by_row):
        for k, (a, b) in enumerate(spans):
            cells.append(OcrCell(ri + 1, a + 1, " ".join(texts[(ri, k)].split()), b - a))
    if not any(c.text for c in cells):
        return None
    scale = 72 / dpi
    h_img, w_img = grey.shape
    x0, x1, y0, y1 = cols[0], cols[-1], rows[0], rows[-1]
    # the table's box on the page as stored (the image may have been turned upright)
    corners = [(x0, y0), (x1, y1)]
    if turn == 90:  # upright (x', y') came from stored (w - 1 - y', x') … turned back:
        corners = [(h_img - 1 - y, x) for x, y in corners]
    elif turn == 180:
        corners = [(w_img - 1 - x, h_img - 1 - y) for x, y in corners]
    elif turn == 270:
        corners = [(y, w_img - 1 - x) for x, y in corners]
    xs, ys = [c[0] * scale for c in corners], [c[1] * scale for c in corners]
    return OcrTable(page_no, (min(xs), min(ys), max(xs), max(ys)), [c * scale for c in cols], cells, len(rows) - 1)
