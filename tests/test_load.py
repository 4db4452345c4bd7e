"""The batch writer (warehouse/load.py Loader): one transaction per document, ids that never collide, a
failed document leaves nothing behind and does not disturb the next one."""

from __future__ import annotations

import dataclasses

import pytest
from support import SAMPLES

from extract.pipeline import extract_file
from warehouse.load import Loader, connect


@pytest.fixture(scope="module")
def extraction():
    return extract_file(SAMPLES / "001_8ae5b9da1ecb2557.docx")  # figures, tasks and relations


def copy(ex, tag: str, **figure_changes):
    doc = dataclasses.replace(ex.document, sha256=f"{ex.document.sha256}-{tag}", path=f"{tag}.docx")
    figures = ex.figures
    if figure_changes:
        # the last figure: the rows before it are buffered in the appender when it fails
        figures = (*figures[:-1], dataclasses.replace(figures[-1], **figure_changes))
    return dataclasses.replace(ex, document=doc, figures=figures)


def rows(con):
    return {
        t: con.execute(f"select count(*) from {t}").fetchone()[0]
        for t in ("documents", "figures", "tasks", "relations", "blocks")
    }


def test_a_failed_document_leaves_nothing_and_the_next_loads_whole(tmp_path, extraction):
    con = connect(tmp_path / "w.duckdb")
    loader = Loader(con)
    first = loader.load(copy(extraction, "a"))
    after_first = rows(con)
    assert after_first["figures"] == len(extraction.figures) > 0
    # a page number that is no integer fails inside the figures append, after the document row went in
    with pytest.raises(Exception, match="(?i)conver"):
        loader.load(copy(extraction, "bad", page="not a page"))
    assert rows(con) == after_first
    assert not loader.is_loaded(f"{extraction.document.sha256}-bad")
    second = loader.load(copy(extraction, "b"))
    assert second == first + 1
    assert rows(con)["figures"] == 2 * len(extraction.figures)
    assert rows(con)["tasks"] == 2 * len(extraction.tasks) > 0
    ids = [r[0] for r in con.execute("select figure_id from figures order by figure_id").fetchall()]
    assert ids == list(range(ids[0], ids[0] + len(ids)))  # no gap left by the failed one, no duplicate
    per_doc = dict(con.execute("select doc_id, count(*) from blocks group by doc_id").fetchall())
    assert per_doc == {first: len(extraction.document.blocks), second: len(extraction.document.blocks)}


def test_a_new_batch_continues_the_ids_and_skips_what_is_loaded(tmp_path, extraction):
    db = tmp_path / "w.duckdb"
    con = connect(db)
    Loader(con).load(copy(extraction, "a"))
    con.close()
    con = connect(db)
    loader = Loader(con)
    assert loader.is_loaded(f"{extraction.document.sha256}-a")
    assert loader.load(copy(extraction, "a")) is None
    doc_id = loader.load(copy(extraction, "b"))
    assert doc_id == 2
    # relations point at the figures of their own document
    assert rows(con)["relations"] == 2 * len(extraction.relations) > 0
    bad = con.execute(
        """select count(*) from relations r join figures f on f.figure_id = coalesce(r.part_id, r.share_id,
           r.abs_id, r.level_id) where f.doc_id <> r.doc_id"""
    ).fetchone()[0]
    assert bad == 0
    assert rows(con)["documents"] == 2
