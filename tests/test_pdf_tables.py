"""The PDF reader's cell search (`_intersections_to_cells`) against pdfplumber's `intersections_to_cells`,
which it replaces: the same cells in the same order on random rulings and on every ruled page of the samples
and realdocs."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw  # noqa: F401  (pdfium.raw below)
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.table import TableFinder, TableSettings, edges_to_intersections, intersections_to_cells
from support import REALDOCS, SAMPLES

from extract.readers import pdf_reader as pr


def corners_of(edges: list[dict]) -> dict:
    """The corners pdfplumber's table finder makes of these rules (its edges merged, then crossed)."""
    table_settings = TableSettings.resolve(
        {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": [e for e in edges if e["orientation"] == "v"],
            "explicit_horizontal_lines": [e for e in edges if e["orientation"] == "h"],
        }
    )
    finder = TableFinder.__new__(TableFinder)
    finder.page, finder.settings = None, table_settings
    return edges_to_intersections(
        finder.get_edges(), table_settings.intersection_x_tolerance, table_settings.intersection_y_tolerance
    )


COORD = st.sampled_from([10.0, 40.0, 41.5, 80.0, 120.0, 121.0, 200.0, 260.0])


@st.composite
def rulings(draw):
    """Horizontal and vertical rules over a few shared coordinates: full grids, rules cut short, rules
    that stop before a crossing, near-duplicates within the snapping tolerance."""
    edges = []
    for _ in range(draw(st.integers(2, 9))):
        y, a, b = draw(COORD), draw(COORD), draw(COORD)
        if a != b:
            edges.append(pr._edge(min(a, b), max(a, b), y, y, "h"))
    for _ in range(draw(st.integers(2, 9))):
        x, a, b = draw(COORD), draw(COORD), draw(COORD)
        if a != b:
            edges.append(pr._edge(x, x, min(a, b), max(a, b), "v"))
    return edges


@settings(max_examples=300, deadline=None)
@given(rulings())
def test_cells_are_pdfplumbers_on_random_rulings(edges):
    if sum(e["orientation"] == "h" for e in edges) < 2 or sum(e["orientation"] == "v" for e in edges) < 2:
        return  # pdfplumber refuses fewer than two explicit rules of a direction
    corners = corners_of(edges)
    assert pr._intersections_to_cells(corners) == intersections_to_cells(corners)


def test_a_grid_with_a_merged_cell():
    # a 2x2 grid whose two top cells are one (no rule between them above y=50)
    edges = [pr._edge(0.0, 200.0, y, y, "h") for y in (0.0, 50.0, 100.0)]
    edges += [pr._edge(x, x, 0.0, 100.0, "v") for x in (0.0, 200.0)] + [
        pr._edge(100.0, 100.0, 50.0, 100.0, "v")
    ]
    cells = pr._intersections_to_cells(corners_of(edges))
    assert cells == [(0.0, 0.0, 200.0, 50.0), (0.0, 50.0, 100.0, 100.0), (100.0, 50.0, 200.0, 100.0)]


def ruled_pages() -> list[tuple[str, int, list[dict]]]:
    out = []
    paths = sorted(SAMPLES.glob("*.pdf")) + (sorted(REALDOCS.glob("*.pdf")) if REALDOCS.is_dir() else [])
    for path in paths:
        pdf = pdfium.PdfDocument(path)
        try:
            for i in range(len(pdf)):
                edges = pr._rule_edges(pdf[i])
                if edges:
                    out.append((path.name, i + 1, edges))
        finally:
            pdf.close()
    return out


def test_cells_are_pdfplumbers_on_every_ruled_page():
    pages = ruled_pages()
    assert pages, "no ruled page among the sample PDFs"
    for name, page_no, edges in pages:
        corners = corners_of(edges)
        assert pr._intersections_to_cells(corners) == intersections_to_cells(corners), (name, page_no)


def reference_index(bounds: list[float], value: float, tol: float = 2.0) -> int:
    idx = 0
    for i, b in enumerate(bounds):
        if b <= value + tol:
            idx = i
    return idx


VALUES = st.lists(st.sampled_from([0.0, 1.5, 2.0, 3.0, 10.0, 11.9, 12.0, 14.0, 50.0]), min_size=1, max_size=8)


class Found:
    """A table as pdfplumber's finder gives it: its cells' boxes."""

    def __init__(self, cells: list[tuple]) -> None:
        self.cells = cells
        self.bbox = (0.0, 0.0, 100.0, 100.0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(VALUES, VALUES), min_size=1, max_size=6))
def test_grid_positions_and_spans_as_the_loops_counted_them(pairs):
    # boxes from coordinates near each other (within and beyond the 2 pt tolerance), some of them spanning
    boxes = [(min(xs), min(ys), max(xs) + 0.5, max(ys) + 0.5) for xs, ys in pairs]
    grid = pr._grid(1, Found(boxes))
    cols = pr._cluster([b[0] for b in boxes])
    rows = pr._cluster([b[1] for b in boxes])
    expected = [
        (
            reference_index(rows, top) + 1,
            reference_index(cols, x0) + 1,
            max(1, sum(1 for y in rows if top - 2 <= y < bottom - 2)),
            max(1, sum(1 for x in cols if x0 - 2 <= x < x1 - 2)),
        )
        for x0, top, x1, bottom in boxes
    ]
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in grid.cells] == expected


def ruled_pdfs() -> list:
    real = sorted(REALDOCS.glob("38_*.pdf")) if REALDOCS.is_dir() else []  # many ruled pages
    return sorted(SAMPLES.glob("001_*.pdf")) + real  # the sample with ruled tables


def edges_each(page) -> list[dict]:
    painted = pr._painted_each(list(pr._objects(page, pdfium.raw.FPDF_PAGEOBJ_PATH)))
    return pr._edges_of(painted, page.get_height())


@pytest.mark.parametrize("chunk", [pr._PATH_CHUNK, 5])
@pytest.mark.parametrize("path", ruled_pdfs(), ids=lambda p: p.name[:12])
def test_rules_asked_in_runs_are_the_rules_asked_one_by_one(monkeypatch, chunk, path):
    monkeypatch.setattr(pr, "_PATH_CHUNK", chunk)
    monkeypatch.setattr(pr, "_path_buffers", type(pr._path_buffers)())  # buffers of the chunk's size
    pdf = pdfium.PdfDocument(path)
    try:
        found = [pr._rule_edges(pdf[i]) for i in range(len(pdf))]
        assert found == [edges_each(pdf[i]) for i in range(len(pdf))]
        assert any(found), "no ruled page in this file"
    finally:
        pdf.close()


def test_a_failed_paint_call_reads_the_page_one_object_at_a_time(monkeypatch):
    path = ruled_pdfs()[-1]
    pdf = pdfium.PdfDocument(path)
    try:
        page = next(pdf[i] for i in range(len(pdf)) if pr._rule_edges(pdf[i]))
        expected = pr._rule_edges(page)
        real = pr._FILL_COLOUR
        calls = []

        def failing(obj, *out):  # pdfium fills the colour but says it failed, once
            calls.append(obj)
            return real(obj, *out) if len(calls) > 1 else 0

        monkeypatch.setattr(pr, "_FILL_COLOUR", failing)
        assert pr._painted_paths(list(pr._objects(page, pdfium.raw.FPDF_PAGEOBJ_PATH))) is None
        calls.clear()
        assert pr._rule_edges(page) == expected
    finally:
        pdf.close()
