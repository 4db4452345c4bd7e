"""The PDF reader's characters as arrays (`_Chars`) against reading them one character at a time.

The reader asks pdfium for the boxes in bulk and cuts lines and table cells on whole arrays; the references
below are the per-character loops it replaced, so any page (random ones from hypothesis, the sample PDFs)
must give the same lines and cell texts both ways.
"""

from __future__ import annotations

import ctypes
import statistics

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import REALDOCS, SAMPLES

from extract.language.text import fold
from extract.readers import pdf_reader as pr

# ---------------------------------------------------------------- the per-character references


def reference_lines(chars: list[tuple], page_no: int, exclude: list[tuple]) -> list[pr.Line]:
    lines: list[pr.Line] = []
    current: list[tuple] = []
    last = None
    areas = [(a[0] - 1.0, a[1] - 1.0, a[2] + 1.0, a[3] + 1.0) for a in exclude]
    for c in chars:
        box = c[1]
        if box is None:
            if c[0] == "\n":
                reference_emit(current, page_no, lines)
                current, last = [], None
            else:
                current.append(c)
            continue
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        if any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in areas):
            continue
        if last is not None and box[0] < last[0] - 1 and not last[1] <= cy <= last[3]:
            reference_emit(current, page_no, lines)
            current = []
        last = box
        current.append(c)
    reference_emit(current, page_no, lines)
    return lines


def reference_emit(chars: list[tuple], page_no: int, out: list[pr.Line]) -> None:
    boxed = [c for c in chars if c[1] is not None]
    if not boxed:
        return
    sizes = [round(c[2] * 2) / 2 for c in boxed]
    if sizes.count(sizes[0]) == len(sizes):
        size = sizes[0]
        baseline = statistics.median([c[1][3] for c in boxed])
    else:
        size = statistics.mode(sizes)
        baseline = statistics.median([c[1][3] for c, s in zip(boxed, sizes, strict=True) if s == size])
    small, raised = 0.8 * size, baseline - 0.2 * size
    kept, lead, started = [], [], False
    for c in chars:
        box = c[1]
        if box is not None and c[0] in pr._SUPERSCRIPT_MARKS and c[2] < small and box[3] < raised:
            if not started:
                lead.append(c[0])
            continue
        kept.append(c)
        started = started or box is not None
    text = fold("".join(c[0] for c in kept).replace("\ufffe", "-"))
    if not text:
        return
    boxes = [c[1] for c in kept if c[1] is not None]
    out.append(
        pr.Line(
            text,
            page_no,
            min(b[0] for b in boxes),
            max(b[2] for b in boxes),
            min(b[1] for b in boxes),
            max(b[3] for b in boxes),
            size,
            baseline,
            "".join(lead),
        )
    )


def reference_cells(chars: list[tuple], cells: list[pr._Cell]) -> list[str]:
    areas = [(c.bbox[0] - 0.5, c.bbox[1] - 0.5, c.bbox[2] + 0.5, c.bbox[3] + 0.5) for c in cells]
    found: list[list[tuple]] = [[] for _ in cells]
    owner = -1
    for ch, box, _size in chars:
        if box is None:
            if owner >= 0 and ch != "\n":
                found[owner].append((" ", None))
            continue
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2

        def holds(k: int, cx: float = cx, cy: float = cy) -> bool:
            return areas[k][0] <= cx <= areas[k][2] and areas[k][1] <= cy <= areas[k][3]

        if owner < 0 or not holds(owner):
            owner = next((k for k in range(len(cells)) if holds(k)), -1)
        if owner >= 0:
            found[owner].append((ch, box))
    return [reference_cell_text(got, c.bbox) for c, got in zip(cells, found, strict=True)]


def reference_cell_text(chars: list[tuple], bbox: tuple) -> str:
    lines: list[list[tuple]] = []
    last = None
    for ch, box in chars:
        if box is not None:
            if last is None or (box[1] + box[3]) / 2 > last[3] + 2:
                lines.append([])
            last = box
        if lines:
            lines[-1].append((ch, box))
    out = ""
    prev_text, prev_boxes = "", []
    for line in lines:
        text = "".join(ch for ch, _ in line).strip()
        boxes = [b for _, b in line if b is not None]
        if not out:
            out = text
        else:
            width = max(b[2] for b in prev_boxes) - min(b[0] for b in prev_boxes)
            room = bbox[2] - bbox[0] - 2 * 5.4
            halves = (prev_text, text.split(" ", 1)[0])
            forced = (
                " " not in prev_text
                and boxes
                and width + (boxes[0][2] - boxes[0][0]) > room
                and any(not pr._VOWEL.search(pr.strip_accents(h)) for h in halves)
            )
            out = f"{out}{'' if forced else ' '}{text}"
        prev_text, prev_boxes = text, boxes or prev_boxes
    return fold(pr.clean_pdf_text(out.replace("\ufffe", "-")))


# ---------------------------------------------------------------- a page made of given characters


class GivenChars(pr._Chars):
    """`_Chars` of a list of (char, box or None, size), without pdfium."""

    def __init__(self, chars: list[tuple]) -> None:
        self.text = "".join(c[0] for c in chars)
        self.codes = np.array([ord(c[0]) for c in chars], dtype=np.uint32)
        self.newline = self.codes == 10
        self.boxed = np.array([c[1] is not None for c in chars], dtype=bool)
        boxes = [c[1] or (0.0, 0.0, 0.0, 0.0) for c in chars]
        self.x0, self.top, self.x1, self.bottom = (
            np.array([b[k] for b in boxes], dtype=float) for k in range(4)
        )
        self._sizes = [c[2] for c in chars]

    def sizes(self, positions: np.ndarray, lines=None) -> np.ndarray:
        return np.array([self._sizes[i] for i in positions.tolist()], dtype=float)


def written(text: str, x: float, base: float, size: float, rise: float = 0.0) -> list[tuple]:
    """Characters of `text` set left to right from `x` on the baseline `base` (spaces have no box)."""
    out = []
    for ch in text:
        if ch in " \n":
            out.append((ch, None, 0.0))
        else:
            top = base - rise - 0.8 * size
            out.append((ch, (x, top, x + 0.5 * size, base - rise + (0.2 * size if ch in "gạ" else 0)), size))
        x += 0.5 * size
    return out


WORDS = st.sampled_from(["năm", "2026", "Tổng", "gạo", "x", "ạ", "-", "\ufffe", "12,5", "(a)", "1", "*"])


@st.composite
def pages(draw):
    """A page of printed lines: sizes, superscript marks, lines run together (a jump back to the left)."""
    chars: list[tuple] = []
    base = 40.0
    for _ in range(draw(st.integers(1, 7))):
        size = draw(st.sampled_from([9.0, 10.0, 12.0, 12.2, 13.0]))
        x = draw(st.one_of(st.sampled_from([50.0, 70.0, 300.0]), st.floats(40, 320)))
        for _ in range(draw(st.integers(1, 5))):
            word = draw(WORDS)
            if draw(st.booleans()) and word[0].isdigit():  # a reference mark: small and raised
                part = written(word, x, base, 0.6 * size, rise=0.4 * size)
            else:
                part = written(word, x, base, draw(st.sampled_from([size, size, size + 0.2, 0.6 * size])))
            chars += part
            x += 0.5 * size * (len(word) + 1)
            if draw(st.booleans()):
                chars.append((" ", None, 0.0))
        base += draw(st.sampled_from([0.5, 14.0, 15.0, 30.0]))
        chars.append(("\n", None, 0.0) if draw(st.integers(0, 3)) else ("\u200b", None, 0.0))
    return chars


@settings(max_examples=300, deadline=None)
@given(pages(), st.lists(st.tuples(st.floats(0, 400), st.floats(0, 150)), max_size=2))
def test_lines_as_one_character_at_a_time(chars, corners):
    exclude = [(x, y, x + 120.0, y + 25.0) for x, y in corners]
    assert pr._page_lines(GivenChars(chars), 3, exclude) == reference_lines(chars, 3, exclude)


@settings(max_examples=300, deadline=None)
@given(pages(), st.integers(1, 4), st.integers(1, 4), st.sampled_from([0.0, 0.3, 6.0]))
def test_cells_as_one_character_at_a_time(chars, n_rows, n_cols, gap):
    # a grid over the page's text; cells share their edges (gap 0: the 0.5 pt margins overlap) or not
    cells = []
    for r in range(n_rows):
        for c in range(n_cols):
            box = (40.0 + 90 * c, 30.0 + 20 * r, 40.0 + 90 * (c + 1) - gap, 30.0 + 20 * (r + 1) - gap)
            cells.append(pr._Cell(r + 1, c + 1, "", bbox=box))
    table = pr._Table(1, (40.0, 30.0, 40.0 + 90 * n_cols, 30.0 + 20 * n_rows), [], n_rows, cells)
    expected = reference_cells(chars, cells)
    pr._fill_cells(GivenChars(chars), [table])
    assert [c.text for c in cells] == expected


def test_a_centre_on_two_cells_margin_stays_in_the_cell_before():
    # two cells sharing the edge x=100: "b" is centred at 100.2, inside both margins; it follows "a" of the
    # right cell, so it stays there, and a character read first at that place goes to the first cell
    left = pr._Cell(1, 1, "", bbox=(0.0, 0.0, 100.0, 20.0))
    right = pr._Cell(1, 2, "", bbox=(100.0, 0.0, 200.0, 20.0))
    table = pr._Table(1, (0.0, 0.0, 200.0, 20.0), [0.0, 100.0], 1, [left, right])
    chars = [("a", (120.0, 5.0, 125.0, 15.0), 10.0), ("b", (99.8, 5.0, 100.6, 15.0), 10.0)]
    pr._fill_cells(GivenChars(chars), [table])
    assert (left.text, right.text) == ("", "ab")
    pr._fill_cells(GivenChars(chars[1:]), [table])
    assert (left.text, right.text) == ("b", "")


# ---------------------------------------------------------------- pdfium's answers in bulk


def one_by_one(page) -> list[tuple]:
    """(char, box or None, size) asked of pdfium one character at a time, as the reader used to."""
    height = page.get_height()
    textpage = page.get_textpage()
    n = textpage.count_chars()
    text = textpage.get_text_range(0, n) if n else ""
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    v = [ctypes.c_double() for _ in range(4)]
    out = []
    for i, ch in enumerate(text):
        if ch == "\r":
            continue
        if ch.isspace():
            out.append((ch, None, 0.0))
            continue
        pr._CHAR_BOX(handle, i, *(ctypes.byref(x) for x in v))
        x0, x1, y0, y1 = (x.value for x in v)
        if x0 == x1 and y0 == y1:
            out.append((ch, None, 0.0))
        else:
            out.append((ch, (x0, height - y1, x1, height - y0), pr._FONT_SIZE(handle, i)))
    textpage.close()
    return out


def pdfs() -> list:
    real = sorted(REALDOCS.glob("38_*.pdf"))  # a page of many text objects a line (bold runs, tables)
    return sorted(SAMPLES.glob("*.pdf"))[:2] + real


@pytest.mark.parametrize("chunk", [pr._BOX_CHUNK, 7])
@pytest.mark.parametrize("path", pdfs(), ids=lambda p: p.name[:12])
def test_bulk_boxes_and_sizes_are_pdfiums_own(monkeypatch, chunk, path):
    monkeypatch.setattr(pr, "_BOX_CHUNK", chunk)
    monkeypatch.setattr(pr, "_box_buffers", type(pr._box_buffers)())  # buffers of the chunk's size
    pdf = pr._open(path.read_bytes())
    try:
        for i in range(len(pdf)):
            expected = one_by_one(pdf[i])
            chars = pr._page_chars(pdf[i])
            try:
                assert chars.text == "".join(c[0] for c in expected)
                assert chars.boxed.tolist() == [c[1] is not None for c in expected]
                where = np.flatnonzero(chars.boxed)
                boxes = list(
                    zip(
                        *(v[where].tolist() for v in (chars.x0, chars.top, chars.x1, chars.bottom)),
                        strict=True,
                    )
                )
                assert boxes == [c[1] for c in expected if c[1] is not None]
                sizes = [c[2] for c in expected if c[1] is not None]
                assert chars.sizes(where).tolist() == sizes
                # asked a line at a time (the lines between pdfium's line breaks)
                after_break = np.cumsum(chars.newline)[where]
                starts = np.flatnonzero(np.concatenate(([len(where) > 0], np.diff(after_break) > 0)))
                counts = np.diff(np.concatenate((starts, [len(where)])))
                assert chars.sizes(where, (starts, counts)).tolist() == sizes
                assert pr._page_lines(chars, i + 1, []) == reference_lines(expected, i + 1, [])
            finally:
                chars.close()
    finally:
        pdf.close()
