"""Figures of the running text written inside table cells (a comment and its answer, a note, an explanation).

A comment table ("STT | Cơ quan góp ý | Nội dung góp ý | Ý kiến tiếp thu") holds its quantities in sentences,
not in value cells: table_cells.py gives text cells no figure, so in a table with no value cell (no bare number
but its STT column) each cell that is a sentence is read here as a paragraph is, its figures located at the cell
with the row's label and the column's header.
A data table's text cells stay notes (an evidence column beside the scores), and layout and task tables give
none (their numbers are STT, dates and deadlines).
"""

from __future__ import annotations

from dataclasses import replace

import regex

from extract.figures.prose import sentence_figures
from extract.figures.sections import Sections
from extract.figures.table_cells import _LEAD_IN_WORDS_MAX, _column_kind, _is_bare, is_layout_table
from extract.model import Block, Figure

_WORD = regex.compile(r"\p{L}+")
_TASK_COLUMNS = ("owner", "deadline")  # a column of these kinds makes a task table (table_figures' test)


def _is_task_table(block: Block) -> bool:
    first = block.table.rows[0] if block.table.rows else []
    return any(_column_kind(c.text) in _TASK_COLUMNS for c in first)


def _has_value_cells(block: Block) -> bool:
    """A bare number in any column but the first (the STT): a data table, whose text cells are notes."""
    return any(c.col > 1 and _is_bare(c.text) for row in block.table.rows for c in row)


def text_cell_figures(block: Block, sec: Sections, year: int | None) -> list[Figure]:
    """Figures of the cells of `block`'s table whose text is a sentence (more words than a label or lead-in
    may have), read as running text; each figure is located at its cell and printed on the cell's page."""
    table = block.table
    if table is None or table.n_rows < 2 or is_layout_table(block) or _is_task_table(block):
        return []
    if _has_value_cells(block):
        return []
    out: list[Figure] = []
    heads = {c.col: " ".join(c.text.split()) for c in table.rows[0]}
    # the row's label: the first column but an STT one, carried down rows whose label cell is merged above
    label_col = 2 if _column_kind(heads.get(1, "")) == "stt" else 1
    label = ""
    for row in table.rows[1:]:
        label = next((" ".join(c.text.split()) for c in row if c.col == label_col and c.text.strip()), label)
        for cell in row:
            if len(_WORD.findall(cell.text)) <= _LEAD_IN_WORDS_MAX:
                continue
            # a PDF cell's lines are where the print wrapped, not paragraph ends: the cell is one paragraph
            text = " ".join(cell.text.split())
            para = replace(block, kind="paragraph", text=text, location=cell.location(block.location),
                           page=cell.page or block.page, table=None)
            out.extend(replace(f, row_header=label or None, col_header=heads.get(cell.col) or None)
                       for f in sentence_figures(text, para, sec, year))
    return out
