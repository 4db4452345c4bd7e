"""Figures of the running text written inside table cells: an evidence or note column beside the scores
("(Cấp xã có 467.565/468.463 hồ sơ giải quyết đúng hạn, đạt tỷ lệ 99,81%)"), a comment table's comment and its
answer ("STT | Cơ quan góp ý | Nội dung góp ý | Ý kiến tiếp thu"). A cell that holds a sentence is read as prose,
its figures located at the cell with the row's label and the column's header; value cells stay with
table_cells, and layout and task tables give none (their numbers are STT, dates and deadlines).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import regex

from extract import catalog
from extract.figures.cell_topics import cell_subjects
from extract.figures.label_lines import parse_line
from extract.figures.prose import sentence_figures
from extract.figures.sections import Sections
from extract.figures.table_cells import _column_kind, is_layout_table
from extract.language.subjects import WHOLE_WORD, word_alternation
from extract.model import Block, Cell, Figure

_WORD = regex.compile(r"\p{L}+")
_DIGIT = regex.compile(r"[0-9]")
_PART_BEFORE = regex.compile(r"[0-9][0-9.,]*\s*/\s*$")  # a ratio's part and slash, before its whole
_TASK_COLUMNS = ("owner", "deadline")  # a column of these kinds makes a task table (table_figures' test)
# a cell is running text when one of its paragraphs has at least this many words: a value cell has at most 3
# besides its numbers ("15 văn bản"), a row label names a measure in a few words ("Tỷ lệ hồ sơ trực tuyến"),
# a sentence says who did what ("Tỉnh đã kiểm tra 42/139 đơn vị")
_SENTENCE_WORDS_MIN = 6


def _is_sentence(line: str) -> bool:
    return bool(_DIGIT.search(line)) and len(_WORD.findall(line)) >= _SENTENCE_WORDS_MIN


def _is_task_table(block: Block) -> bool:
    first = block.table.rows[0] if block.table.rows else []
    return any(_column_kind(c.text) in _TASK_COLUMNS for c in first)


def _paragraphs(cell: Cell, pdf: bool) -> list[str]:
    """A Word cell's lines are its paragraphs; a PDF cell's lines are where the print wrapped, so the cell is
    one paragraph."""
    if pdf:
        text = " ".join(cell.text.split())
        return [text] if text else []
    return [ln for ln in cell.text.split("\n") if ln.strip()]


@cache
def _label_words() -> tuple[regex.Pattern, regex.Pattern, int]:
    """(a rate label ending with the plural marker, a word that ends the counted noun, its most words)."""
    keys = {"rate_labels", "plural_markers", "noun_ends", "max_words"}
    data = catalog.with_keys("label_units", catalog.load("label_units"), keys)
    if not isinstance(data["max_words"], int):
        raise catalog.RuleError(f"label_units.yaml: expected the keys {', '.join(sorted(keys))}")
    stops = [*catalog.load("numbers")["stop_words"], *data["noun_ends"]]
    label = (WHOLE_WORD % word_alternation(data["rate_labels"], "label_units.yaml rate_labels") + r"\s+(?:"
             + WHOLE_WORD % word_alternation(data["plural_markers"], "label_units.yaml plural_markers") + r"\s+)?")
    end = WHOLE_WORD % word_alternation(stops, "label_units.yaml noun_ends")
    return regex.compile(label, regex.IGNORECASE), regex.compile(end, regex.IGNORECASE), data["max_words"]


def label_unit(fig: Figure) -> Figure:
    """A ratio printed bare after a rate label and its colon ("Tỷ lệ các sở, ngành đã hoàn thành ...: 15/15")
    counts the label's noun: the words after "Tỷ lệ (các)" up to a function word or verb ("sở, ngành")."""
    if fig.unit or fig.kind not in ("ratio_part", "ratio_whole"):
        return fig
    before = fig.quote[: fig.char_start]
    if fig.kind == "ratio_whole":  # the whole is located after its part: "15/" before it
        before = _PART_BEFORE.sub("", before)
    colon = before.rstrip()
    if not colon.endswith(":"):
        return fig
    label, end, most = _label_words()
    opened = next(iter(label.finditer(colon)), None)
    if opened is None or ":" in colon[opened.end():-1]:
        return fig
    rest = colon[opened.end():-1]
    stop = end.search(rest)
    noun = rest[: stop.start() if stop else len(rest)].strip(" ,")
    words = _WORD.findall(noun)
    if not words or len(words) > most:
        return fig
    return replace(fig, unit=noun)


# a "Label:" opening right after a value, with no separator before it: the next item of label lines run together
_NEXT_LABEL = regex.compile(r"\s+(?=\p{Lu}[^\d:;.,()]*:)")
_COLON = regex.compile(r"(?<!\d):(?!\d)")


def run_together_labels(figs: list[Figure], para: str) -> list[Figure]:
    """Label lines a cell runs together in one paragraph ("Kết quả: Tổng số tiền phải nộp: 1.000 đồng Tổng số
    tiền đã nộp: 900 đồng Tỷ lệ: 90%", the line breaks lost): each value right after a colon takes its own
    item's label, with the paragraph's opening label when the first item has one ("Kết quả"); other figures
    and paragraphs with fewer than two such items are left as they are."""
    at = {id(f): para.find(f.quote) for f in figs}
    items: list[tuple[int, int, Figure]] = []  # (item start, value start, figure)
    start = 0
    for f in sorted((f for f in figs if at[id(f)] >= 0), key=lambda f: at[id(f)] + f.char_start):
        pos, end = at[id(f)] + f.char_start, at[id(f)] + f.char_end
        if para[start:pos].rstrip().endswith(":") and not _DIGIT.search(para[start:pos]):
            items.append((start, pos, f))
        nxt = _NEXT_LABEL.match(para, end)
        start = nxt.end() if nxt else len(para)
    if len(items) < 2:
        return figs
    colons = [c.end() for c in _COLON.finditer(para, 0, items[0][1])]
    outer = parse_line(para[: colons[0]]) if len(colons) >= 2 else None
    named: dict[int, str] = {}
    for a, b, f in items:
        text = para[a:b].rstrip()
        inner = [c.end() for c in _COLON.finditer(text)]
        line = parse_line(text[inner[-2] if len(inner) >= 2 else 0 :])
        if line is not None:
            named[id(f)] = f"{line.label} {outer.label}" if outer is not None and outer.label != line.label else line.label
    return [replace(f, subject=named[id(f)]) if id(f) in named else f for f in figs]


def text_cell_figures(block: Block, sec: Sections, year: int | None) -> list[Figure]:
    """The figures of the sentences in `block`'s table cells (the header row, layout and task tables left out),
    each located at its cell, printed on the cell's page, with the row's label and the column's header."""
    table = block.table
    if table is None or table.n_rows < 2 or is_layout_table(block) or _is_task_table(block):
        return []
    pdf = block.page is not None
    heads = {c.col: " ".join(c.text.split()) for c in table.rows[0]}
    # the row's label: the first column but an STT one, carried down rows whose label cell is merged above
    label_col = 2 if _column_kind(heads.get(1, "")) == "stt" else 1
    label = ""
    out: list[Figure] = []
    for row in table.rows[1:]:
        label = next((" ".join(c.text.split()) for c in row if c.col == label_col and c.text.strip()), label)
        for cell in row:
            paras = _paragraphs(cell, pdf)
            if not any(_is_sentence(p) for p in paras):
                continue
            where = replace(block, kind="paragraph", text=cell.text, location=cell.location(block.location),
                            table=None, page=cell.page or block.page)
            for para in paras:
                if _DIGIT.search(para):
                    figs = [label_unit(f) for f in sentence_figures(para, replace(where, text=para), sec, year)]
                    figs = run_together_labels(figs, para)
                    out.extend(replace(f, row_header=label or None, col_header=heads.get(cell.col) or None)
                               for f in cell_subjects(figs, label, heads.get(label_col), para))  # cell_topics: words from the row and ratio
    return out
