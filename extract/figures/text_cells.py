"""Figures of the running text inside table cells: a sentence in an evidence or note column ("(Cấp xã có
467.565/468.463 hồ sơ giải quyết đúng hạn, đạt tỷ lệ 99,81%)") is read as prose, each of the cell's paragraphs
as a block of its own, located at the cell. Value cells stay with table_cells.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from extract.figures.prose import sentence_figures
from extract.figures.table_cells import is_layout_table
from extract.model import Block, Figure

_WORD = regex.compile(r"\p{L}+")
_DIGIT = regex.compile(r"[0-9]")
# a cell is running text when one of its paragraphs has at least this many words: a value cell has at most 3
# besides its numbers ("15 văn bản"), a row label names a measure in a few words ("Tỷ lệ hồ sơ trực tuyến"),
# a sentence says who did what ("Tỉnh đã kiểm tra 42/139 đơn vị")
_SENTENCE_WORDS_MIN = 6


def _is_sentence(line: str) -> bool:
    return bool(_DIGIT.search(line)) and len(_WORD.findall(line)) >= _SENTENCE_WORDS_MIN


def text_cell_figures(block: Block, sec, year: int | None) -> list[Figure]:
    """The figures of the sentences in `block`'s table cells (the header row and layout tables left out)."""
    table = block.table
    if table is None or table.n_rows < 2 or is_layout_table(block):
        return []
    out: list[Figure] = []
    for row in table.rows[1:]:
        for cell in row:
            lines = [ln for ln in cell.text.split("\n") if ln.strip()]
            if not any(_is_sentence(ln) for ln in lines):
                continue
            where = replace(block, kind="paragraph", text=cell.text, location=cell.location(block.location),
                            table=None, page=cell.page or block.page)
            for line in lines:
                if _DIGIT.search(line):
                    out.extend(sentence_figures(line, replace(where, text=line), sec, year))
    return out
