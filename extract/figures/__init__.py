"""Figures: every quantity of a document with its indicator, role, basis, period and exact source offsets.

The stage walks the blocks with the section stack (sections), reads running text sentence by sentence (prose:
sentence -> attribution -> mentions) and table cells (table_cells), then records the relations the text states
between them (relations).
"""

from __future__ import annotations

from dataclasses import replace

import regex

from extract.figures import cell_topics, label_lines, sentence, table_cells, topics
from extract.figures.label_lines import label_subjects
from extract.figures.measures import named_parts, weighted_items
from extract.figures.mentions import with_subject_key
from extract.figures.prose import sentence_figures
from extract.figures.relations import find_relations
from extract.figures.rules import rules
from extract.figures.section_context import heading_counts, section_subjects
from extract.figures.sections import Sections, is_article_title, is_caps_title
from extract.figures.subjects import forget as forget_subject_phrases  # `subjects` here is language's
from extract.figures.table_cells import table_figures
from extract.figures.text_cells import text_cell_figures
from extract.figures.topics import plans_named
from extract.language import nlp, numbers, periods, subjects, text
from extract.language.headings import heading_level
from extract.language.subjects import subject_key
from extract.model import Document, Figure, Metadata, Relation

_WORD = regex.compile(r"\p{L}")


def extract_figures(doc: Document, meta: Metadata) -> tuple[list[Figure], list[Relation]]:
    numbers.forget()
    nlp.forget()
    periods.forget()
    sentence.forget()
    text.forget()
    subjects.forget()
    label_lines.forget()
    table_cells.forget()
    cell_topics.forget()
    forget_subject_phrases()
    topics.forget()
    sec = Sections(meta)
    figures: list[Figure] = []
    totals: list[tuple[Figure, list[Figure]]] = []
    prev_text: str | None = None
    tables: dict = {}  # what a table hands to the next (table_figures: a continued table's outline)
    for block in doc.blocks:
        if block.kind == "heading":
            sec.enter(block)
        elif rules().appendix.match(block.text):
            sec.enter(replace(block, kind="heading", level=1))  # an appendix starts a part of its own
        elif sec.is_dated_title(block):
            sec.enter(replace(block, kind="heading", level=heading_level(block.text)))
        elif is_article_title(block):
            sec.enter(replace(block, kind="heading", level=2))  # "Điều 1. Đánh giá ...": an article opens a part
        elif is_caps_title(block) and not sec.is_caption(block):
            # an upper-case line without a heading style ("PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV") still opens a part
            sec.enter(replace(block, kind="heading", level=heading_level(block.text) or 2))
        if block.kind == "table":
            cells, block_totals = table_figures(block, sec, sec.year, prev_text, tables)
            figures.extend(cells)
            figures.extend(text_cell_figures(block, sec, sec.year))  # sentences in cells (evidence, comments)
            totals.extend(block_totals)
            continue
        prev_text = block.text
        coded = tables.get("coded")
        tables.clear()  # text between two tables: the second does not continue the first
        if coded:  # ... unless it repeats the first's column-number row alone (table_cells.continued_header)
            tables["coded"] = coded
        # a block of bare numbers with no word at all (a chart's axis ticks and data labels a PDF reader gives
        # as lines of their own, "0", "10", "8,17") says nothing a figure could measure
        if _WORD.search(block.text):
            figures.extend(sentence_figures(block.text, block, sec, sec.year))
        sec.read(block.text)
        sec.remember(plans_named(block.text))
    figures = [f for f in figures if f.quote[f.char_start : f.char_end] == f.raw]
    index = {id(f): i for i, f in enumerate(figures)}
    total_relations = [
        # checked by the warehouse: the parts should add up to the total
        Relation("total", {"total": index[id(total)], "parts": [index[id(p)] for p in parts]})
        for total, parts in totals
        if id(total) in index and all(id(p) in index for p in parts)
    ]
    figures = label_subjects(doc.blocks, figures)
    figures = section_subjects(doc.blocks, figures)
    figures = heading_counts(doc.blocks, figures)  # "5. ... 19 nhiệm vụ trọng tâm" named in full under it
    figures = weighted_items(doc.blocks, figures)
    figures = named_parts(doc.blocks, figures)
    figures = [with_subject_key(f, subject_key(f.subject)) if f.subject else f for f in figures]
    return figures, find_relations(figures) + total_relations
