"""The stage folder without any engine: the shard writer, the bulk loader (same rows as the batch writer,
each document once, a stage loaded twice is a no-op), and `baocao extract --engine local` + `baocao load`."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from support import ROOT, SAMPLES
from test_batch import warehouse_rows

from extract.pipeline import extract_file
from warehouse.load import Loader, connect
from warehouse.stage import ShardWriter, StageError, load_stage, open_stage, shard_dirs, staged_hashes

FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".docx", ".pdf"))


@pytest.fixture(scope="module")
def extractions():
    return [extract_file(f) for f in FILES]


def relations(db: Path) -> list:
    """Relations with figure ids replaced by (raw, location): ids differ between the writers."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        name = dict(con.execute("select figure_id, raw || '@' || location from figures").fetchall())
        rows = con.execute(
            """select d.path, r.kind, r.exhaustive, r.label, r.part_id, r.whole_id, r.share_id, r.level_id,
                      r.abs_id, r.pct_id, r.member_ids
               from relations r join documents d using (doc_id)"""
        ).fetchall()
    finally:
        con.close()
    return sorted(
        (
            (*r[:4], *(name[x] if x is not None else None for x in r[4:10]), [name[x] for x in r[10]])
            for r in rows
        ),
        key=repr,
    )


def stage_of(folder: Path, parts: list[list], failures=()) -> Path:
    stage, _ = open_stage(folder, create=True)
    for i, part in enumerate(parts):
        writer = ShardWriter()
        for ex in part:
            writer.add(ex)
        for failure in failures if i == 0 else ():
            writer.add_failure(*failure)
        writer.write(stage, f"{i:06d}")
    return stage


def test_a_loaded_stage_has_the_rows_the_batch_writer_loads(tmp_path, extractions):
    direct = tmp_path / "direct.duckdb"
    con = connect(direct)
    loader = Loader(con)
    for ex in extractions:
        loader.load(ex)
    con.close()
    stage = stage_of(tmp_path / "stage", [extractions[:3], extractions[3:]])
    assert len(shard_dirs(stage)) == 2
    assert all((d / "figures.parquet").stat().st_size > 0 for d in shard_dirs(stage))
    staged = tmp_path / "staged.duckdb"
    con = connect(staged)
    result = load_stage(con, stage)
    assert (result.shards, result.loaded, result.duplicates) == (2, len(FILES), 0)
    assert result.figures == sum(len(ex.figures) for ex in extractions)
    assert result.rows == sum(
        1 + len(ex.figures) + len(ex.tasks) + len(ex.relations) + len(ex.document.blocks)
        for ex in extractions
    )
    ids = [r[0] for r in con.execute("select figure_id from figures order by 1").fetchall()]
    assert ids == list(range(1, len(ids) + 1))
    con.close()
    rows_direct, rows_staged = warehouse_rows(direct), warehouse_rows(staged)
    for table in ("documents", "figures", "tasks", "blocks"):
        assert rows_staged[table] == rows_direct[table], table
    assert relations(staged) == relations(direct)
    assert len(relations(staged)) == sum(len(ex.relations) for ex in extractions) > 0


def test_loading_twice_adds_nothing_and_a_rerun_tasks_shard_loads_once(tmp_path, extractions):
    stage = stage_of(tmp_path / "stage", [extractions[:2]], failures=[("bad.pdf", None, "not a PDF")])
    # a task re-run after its worker died writes a second, whole shard of the same documents
    (first,) = shard_dirs(stage)
    shutil.copytree(first, first.with_name("000000-rerun"))
    db = tmp_path / "w.duckdb"
    con = connect(db)
    result = load_stage(con, stage)
    assert (result.shards, result.loaded, result.duplicates, result.failures) == (2, 2, 2, 1)
    again = load_stage(con, stage)
    assert (again.shards, again.loaded, again.failures) == (0, 0, 0)
    # a later extract into the same stage adds a shard: the next load takes only that one, and skips the
    # document it repeats from the warehouse
    writer = ShardWriter()
    writer.add(extractions[1])
    writer.add(extractions[2])
    writer.write(stage, "000001")
    third = load_stage(con, stage)
    assert (third.shards, third.loaded, third.duplicates) == (1, 1, 1)
    counts = con.execute(
        "select count(*), count(distinct sha256) from documents union all select count(*), 0 from failures"
    ).fetchall()
    assert counts == [(3, 3), (1, 0)]
    assert con.execute("select count(*) from loaded_stages").fetchone()[0] == 3
    assert staged_hashes(stage) == {ex.document.sha256 for ex in extractions[:3]}


def test_a_document_that_does_not_fit_fails_alone_and_a_half_written_shard_is_ignored(tmp_path, extractions):
    ex = extractions[1]
    bad = dataclasses.replace(
        ex,
        document=dataclasses.replace(ex.document, sha256="bad"),
        figures=(*ex.figures[:-1], dataclasses.replace(ex.figures[-1], page="not a page")),
    )
    writer = ShardWriter()
    with pytest.raises(ValueError, match="could not be staged"):
        writer.add(bad)
    assert writer.add(ex) and not writer.add(ex)  # the same sha256 twice in one task: once
    stage, _ = open_stage(tmp_path / "stage", create=True)
    writer.write(stage, "000000")
    # a task killed while writing leaves its files outside shards/: never read
    (stage / ".tmp" / "000001-dead").mkdir(parents=True)
    shutil.copy(
        shard_dirs(stage)[0] / "documents.parquet", stage / ".tmp" / "000001-dead" / "documents.parquet"
    )
    con = connect(tmp_path / "w.duckdb")
    result = load_stage(con, stage)
    assert (result.loaded, result.figures) == (1, len(ex.figures))
    assert con.execute("select sha256 from documents").fetchall() == [(ex.document.sha256,)]
    with pytest.raises(StageError, match="not a stage folder"):
        load_stage(con, tmp_path)


def test_extract_then_load_on_the_command_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in FILES[:3]:
        shutil.copy(f, folder / f.name)
    (folder / "broken.pdf").write_bytes(b"not a pdf")
    stage, db = tmp_path / "stage", tmp_path / "w.duckdb"

    def baocao(*args):
        return subprocess.run(
            [sys.executable, "-m", "baocao.cli", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=600,
        )

    res = baocao("extract", str(folder), "--engine", "local", "--out", str(stage), "--batch", "2", "-q")
    assert res.returncode == 1
    assert any(line.startswith(f"{folder / 'broken.pdf'}: ") for line in res.stderr.splitlines()), res.stderr
    assert "staged 3, skipped unchanged 0, failed 1" in res.stderr
    assert len(shard_dirs(stage)) == 2
    # extracting again into the same stage skips what it holds
    res = baocao("extract", str(folder), "--engine", "local", "--out", str(stage), "-q")
    assert "staged 0, skipped unchanged 3, failed 1" in res.stderr
    res = baocao("load", str(stage), "--db", str(db))
    assert res.returncode == 1 and "loaded 3, skipped unchanged 0, failed 1" in res.stderr, res.stderr
    assert "rows/s" in res.stderr
    res = baocao("load", str(stage), "--db", str(db))
    assert res.returncode == 0 and "nothing new to load" in res.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert sorted(Path(p).name for (p,) in con.execute("select path from documents").fetchall()) == sorted(
        f.name for f in FILES[:3]
    )
    assert con.execute("select count(*) from tasks where task_key is null").fetchone()[0] == 0
    (reason,) = con.execute("select reason from failures").fetchone()
    assert reason
    con.close()
    res = baocao("load", str(tmp_path / "in"), "--db", str(db))
    assert res.returncode == 1 and "not a stage folder" in res.stderr
