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


def test_a_group_commit_loads_each_document_whole_and_a_bad_one_fails_alone(tmp_path, extraction):
    con = connect(tmp_path / "w.duckdb")
    loader = Loader(con, group_docs=4, group_s=3600)
    # nothing is written until the group is full
    assert loader.add(copy(extraction, "a"), tag="a") == []
    assert loader.add(copy(extraction, "bad", page="not a page"), tag="bad") == []
    assert loader.add(copy(extraction, "a"), tag="a again") == []  # same sha256 in one group: loaded once
    assert rows(con)["documents"] == 0
    done = loader.add(copy(extraction, "b"), tag="b")
    outcome = {d.tag: (d.doc_id, d.error) for d in done}
    assert set(outcome) == {"a", "bad", "a again", "b"}
    assert outcome["a again"] == (None, None)
    assert outcome["bad"][0] is None and "conver" in outcome["bad"][1].lower()
    assert outcome["b"][0] == outcome["a"][0] + 1
    assert rows(con)["documents"] == 2
    assert rows(con)["figures"] == 2 * len(extraction.figures)
    ids = [r[0] for r in con.execute("select figure_id from figures order by figure_id").fetchall()]
    assert ids == list(range(ids[0], ids[0] + len(ids)))
    # a clean group goes in as one transaction, and flush() commits a group that is not full
    assert loader.add(copy(extraction, "c"), tag="c") == []
    (c,) = loader.flush()
    assert c.doc_id == outcome["b"][0] + 1 and c.error is None
    assert loader.flush() == []
    assert rows(con)["tasks"] == 3 * len(extraction.tasks)


def test_a_group_is_committed_once_its_first_document_waited_long_enough(tmp_path, extraction):
    con = connect(tmp_path / "w.duckdb")
    loader = Loader(con, group_docs=1000, group_s=0.0)
    (a,) = loader.add(copy(extraction, "a"))
    assert a.doc_id == 1 and rows(con)["documents"] == 1


def test_a_warehouse_made_by_the_first_release_gains_the_new_columns_and_loads(tmp_path, extraction):
    import duckdb

    # tests/samples/issue-14-schema-before.sql is warehouse/schema.sql as released before issues 14-16
    db = tmp_path / "old.duckdb"
    old = duckdb.connect(str(db))
    old.execute((SAMPLES.parent / "tests/samples/issue-14-schema-before.sql").read_text(encoding="utf-8"))
    old.close()
    con = connect(db)
    cols = {
        r[0]
        for r in con.execute(
            "select column_name from information_schema.columns where table_name='figures'"
        ).fetchall()
    }
    assert {"row_header", "col_header", "subject_key", "point_in_time"} <= cols
    task_cols = {
        r[0]
        for r in con.execute(
            "select column_name from information_schema.columns where table_name='tasks'"
        ).fetchall()
    }
    assert {"co_owners", "product", "source"} <= task_cols
    loader = Loader(con)
    assert loader.load(copy(extraction, "old")) is not None
    n, keyed = con.execute("select count(*), count(subject_key) from figures").fetchone()
    assert n == len(extraction.figures) and keyed == sum(1 for f in extraction.figures if f.subject_key)
    n_tasks, sourced = con.execute("select count(*), count(source) from tasks").fetchone()
    assert n_tasks == len(extraction.tasks) and sourced == n_tasks


def test_a_new_warehouse_holds_the_indicator_catalogue_row_for_row(tmp_path):
    """The catalogue goes in as one statement: every indicator, in catalogue order, its flags true, false or
    unknown as the rules say; a warehouse opened again keeps the same rows."""
    from extract import catalog

    want = [
        (i.id, i.names[0], i.base_unit, i.growth_rate, i.lower_is_better, i.one_time)
        for i in catalog.indicators()
    ]
    assert len(want) > 10
    for _ in range(2):
        con = connect(tmp_path / "w.duckdb")
        got = con.execute("select * from indicators").fetchall()
        con.close()
        assert got == want
    assert {type(v) for row in got for v in row[3:]} <= {bool, type(None)}
