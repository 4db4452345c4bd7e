"""Stage folder: extracted documents as zstd Parquet shards (one file per table per task), and the bulk loader
that appends a stage to the warehouse in one transaction.

A shard's ids are its own (documents numbered in the task, figures, tasks and relations within their
document); the loader renumbers them after the warehouse's. Writing a shard needs no warehouse connection.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from extract.model import Extraction
from warehouse.load import SCHEMA, _insert_document, _next_ids

TABLES = ("documents", "figures", "tasks", "relations", "blocks", "failures")
_MANIFEST = "stage.json"
_SHARDS = "shards"
_TMP = ".tmp"


class StageError(ValueError):
    """A folder that is no stage, or a stage that cannot be read; str() says which and why."""


@cache
def _schemas() -> dict[str, pa.Schema]:
    """Arrow schema of each warehouse table, from schema.sql run in a throwaway in-memory database."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        return {t: con.sql(f"select * from {t} limit 0").to_arrow_table().schema for t in TABLES}
    finally:
        con.close()


def open_stage(folder: str | Path, create: bool = False) -> tuple[Path, str]:
    """(folder, stage_id) of a stage; `create` makes the folder and its manifest when missing."""
    folder = Path(folder)
    manifest = folder / _MANIFEST
    if not manifest.exists():
        if not create:
            raise StageError(f"{folder}: not a stage folder (no {_MANIFEST}; made by `baocao extract --out`)")
        (folder / _SHARDS).mkdir(parents=True, exist_ok=True)
        tmp = folder / f"{_MANIFEST}.{uuid.uuid4().hex}"
        tmp.write_text(json.dumps({"stage_id": uuid.uuid4().hex, "created": datetime.now().isoformat()}))
        # written aside and renamed: two extracts starting on one stage agree on the first manifest
        if manifest.exists():
            tmp.unlink()
        else:
            tmp.rename(manifest)
    try:
        return folder, json.loads(manifest.read_text(encoding="utf-8"))["stage_id"]
    except (OSError, ValueError, KeyError) as exc:
        raise StageError(f"{manifest}: unreadable stage manifest ({exc})") from exc


def shard_dirs(folder: Path) -> list[Path]:
    """The complete shards of a stage (a task's shard appears whole, by one rename), in task order."""
    root = folder / _SHARDS
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.exists() else []


def staged_hashes(folder: Path) -> set[str]:
    """sha256 of every document already in the stage's shards (a resumed extract skips them)."""
    if not shard_dirs(folder):
        return set()
    con = duckdb.connect(":memory:")
    try:
        files = _glob(folder, "documents")
        return {
            sha for (sha,) in con.execute(f"select distinct sha256 from read_parquet({files})").fetchall()
        }
    finally:
        con.close()


def _glob(folder: Path, table: str) -> str:
    pattern = str(folder.resolve() / _SHARDS / "*" / f"{table}.parquet")
    return "'" + pattern.replace("'", "''") + "'"


class ShardWriter:
    """Rows of one task's documents and failures, written as one zstd Parquet file per table.

    Each document's rows are converted to Arrow when added, so a document whose values do not fit the
    schema fails alone (ValueError) and leaves nothing behind.
    """

    def __init__(self) -> None:
        self._parts: dict[str, list[pa.Table]] = {t: [] for t in TABLES}
        self._seen: set[str] = set()
        self.documents = 0
        self.failures = 0

    def add(self, ex: Extraction, path: str | None = None) -> bool:
        """Stage one document (its path shown as `path`); False when its sha256 is already in this shard."""
        if ex.document.sha256 in self._seen:
            return False
        if path is not None:
            ex = replace(ex, document=replace(ex.document, path=path))
        rows: dict[str, pa.Table] = {}

        def collect(table: str, cols: list[str] | None, table_rows: list) -> None:
            if table_rows:
                rows[table] = _to_arrow(table, cols, table_rows)

        try:
            _insert_document(ex, (self.documents, 0, 0, 0), collect)
        except (pa.ArrowException, TypeError, OverflowError) as exc:
            raise ValueError(f"could not be staged ({exc})") from exc
        for table, part in rows.items():
            self._parts[table].append(part)
        self._seen.add(ex.document.sha256)
        self.documents += 1
        return True

    def add_failure(self, path: str, sha256: str | None, reason: str) -> None:
        self._parts["failures"].append(_to_arrow("failures", None, [[path, sha256, reason, datetime.now()]]))
        self.failures += 1

    def write(self, folder: Path, task: str) -> Path:
        """Write every table into a fresh folder, then rename it into the stage's shards in one step, so a
        task killed while writing leaves no partial shard (a re-run task writes a second, whole one)."""
        name = f"{task}-{uuid.uuid4().hex[:12]}"
        tmp = folder / _TMP / name
        tmp.mkdir(parents=True)
        schemas = _schemas()
        for table in TABLES:
            parts = self._parts[table]
            data = pa.concat_tables(parts) if parts else schemas[table].empty_table()
            pq.write_table(data, tmp / f"{table}.parquet", compression="zstd")
        final = folder / _SHARDS / name
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp.rename(final)
        return final


def _to_arrow(table: str, cols: list[str] | None, rows: list[list]) -> pa.Table:
    schema = _schemas()[table]
    names = cols or schema.names
    columns = {
        name: pa.array([r[i] for r in rows], type=schema.field(name).type) for i, name in enumerate(names)
    }
    return pa.table([columns.get(f.name, pa.nulls(len(rows), f.type)) for f in schema], schema=schema)


# ---------------------------------------------------------------- the bulk loader


@dataclass
class StageLoad:
    """What one load of a stage did."""

    shards: int = 0  # shards loaded now (shards loaded before are not read again)
    loaded: int = 0  # documents added
    duplicates: int = 0  # staged documents not added: already in the warehouse, or staged twice
    failures: int = 0
    figures: int = 0
    tasks: int = 0
    pages: int = 0
    rows: int = 0  # rows appended over every table
    seconds: float = 0.0
    failed: list[tuple[str, str]] = field(default_factory=list)


def load_stage(con: duckdb.DuckDBPyConnection, folder: str | Path) -> StageLoad:
    """Append the stage's new shards to the warehouse in one transaction, and record them as loaded.

    Loading a stage again adds nothing; a document staged twice (a task re-run after its worker died, or
    the same file in two tasks) or already in the warehouse is added once. Task keys are not assigned here.
    """
    folder, stage_id = open_stage(folder)
    started = time.perf_counter()
    out = StageLoad()
    shards = [p.name for p in shard_dirs(folder)]
    done = {
        s for (s,) in con.execute("select shard from loaded_stages where stage_id = ?", [stage_id]).fetchall()
    }
    new = [s for s in shards if s not in done]
    if not new:
        out.seconds = time.perf_counter() - started
        return out
    doc0, fig0, task0, rel0 = _next_ids(con)
    con.execute("begin transaction")
    try:
        con.execute("create or replace temp table _new_shards (shard varchar primary key)")
        con.executemany("insert into _new_shards values (?)", [[s] for s in new])
        for table in TABLES:
            # shard = the folder the file is in; files of shards loaded before are left out
            con.execute(
                f"""create or replace temp table _s_{table} as
                    select * exclude (filename), regexp_extract(filename, '([^/\\\\]+)[/\\\\][^/\\\\]+$', 1) as _shard
                    from read_parquet({_glob(folder, table)}, filename = true)
                    where _shard in (select shard from _new_shards)"""
            )
        # one shard per sha256 (the first in task order), none already in the warehouse; new ids follow
        # the warehouse's, documents in shard order, each one's figures, tasks and relations after the last's
        con.execute(
            f"""create or replace temp table _map as
            with kept as (
                select _shard, doc_id as local_id,
                       row_number() over (partition by sha256 order by _shard, doc_id) as copy_no
                from _s_documents
                where sha256 not in (select sha256 from documents)
            ), nf as (select _shard, doc_id as local_id, count(*) as n from _s_figures group by all
            ), nt as (select _shard, doc_id as local_id, count(*) as n from _s_tasks group by all
            ), nr as (select _shard, doc_id as local_id, count(*) as n from _s_relations group by all
            ), counts as (
                select k._shard, k.local_id, coalesce(nf.n, 0) as nf, coalesce(nt.n, 0) as nt,
                       coalesce(nr.n, 0) as nr
                from kept k
                left join nf using (_shard, local_id)
                left join nt using (_shard, local_id)
                left join nr using (_shard, local_id)
                where copy_no = 1
            )
            select _shard, local_id,
                   {doc0} - 1 + row_number() over w as doc_id,
                   {fig0} + coalesce(sum(nf) over p, 0) as fig0,
                   {task0} + coalesce(sum(nt) over p, 0) as task0,
                   {rel0} + coalesce(sum(nr) over p, 0) as rel0
            from counts
            window w as (order by _shard, local_id),
                   p as (order by _shard, local_id rows between unbounded preceding and 1 preceding)"""
        )
        join = "join _map m on m._shard = s._shard and m.local_id = s.doc_id"
        added = {}
        added["documents"] = con.execute(
            f"""insert into documents by name
                select s.* exclude (_shard) replace (m.doc_id as doc_id) from _s_documents s {join}"""
        ).fetchone()[0]
        added["figures"] = con.execute(
            f"""insert into figures by name
                select s.* exclude (_shard) replace (m.fig0 + s.figure_id as figure_id, m.doc_id as doc_id)
                from _s_figures s {join}"""
        ).fetchone()[0]
        added["tasks"] = con.execute(
            f"""insert into tasks by name
                select s.* exclude (_shard) replace (m.task0 + s.task_id as task_id, m.doc_id as doc_id)
                from _s_tasks s {join}"""
        ).fetchone()[0]
        added["relations"] = con.execute(
            f"""insert into relations by name
                select s.* exclude (_shard) replace (
                    m.rel0 + s.relation_id as relation_id, m.doc_id as doc_id,
                    m.fig0 + s.part_id as part_id, m.fig0 + s.whole_id as whole_id,
                    m.fig0 + s.share_id as share_id, m.fig0 + s.level_id as level_id,
                    m.fig0 + s.abs_id as abs_id, m.fig0 + s.pct_id as pct_id,
                    [m.fig0 + x for x in s.member_ids] as member_ids)
                from _s_relations s {join}"""
        ).fetchone()[0]
        added["blocks"] = con.execute(
            f"""insert into blocks by name
                select s.* exclude (_shard) replace (m.doc_id as doc_id) from _s_blocks s {join}"""
        ).fetchone()[0]
        # a failure staged twice is one failure; a document that failed in one attempt and loaded in another
        # (a re-run task) is loaded, not failed
        failed = con.execute(
            """select path, sha256, reason, failed_at from (
                   select *, row_number() over (partition by coalesce(sha256, path) order by _shard) as n
                   from _s_failures
                   where sha256 is null or sha256 not in (select sha256 from documents))
               where n = 1 order by _shard, path"""
        ).fetchall()
        if failed:
            con.executemany("insert into failures values (?, ?, ?, ?)", failed)
        out.loaded = added["documents"]
        out.duplicates = con.execute("select count(*) from _s_documents").fetchone()[0] - out.loaded
        out.pages = con.execute(
            "select coalesce(sum(s.pages), 0) from _s_documents s join _map m on m._shard = s._shard "
            "and m.local_id = s.doc_id"
        ).fetchone()[0]
        out.figures, out.tasks = added["figures"], added["tasks"]
        out.failures = len(failed)
        out.failed = [(r[0], r[2]) for r in failed]
        out.rows = sum(added.values()) + len(failed)
        out.shards = len(new)
        con.executemany(
            "insert into loaded_stages values (?, ?, ?, ?)",
            [[stage_id, s, str(folder.resolve()), datetime.now()] for s in new],
        )
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    finally:
        for table in TABLES:
            con.execute(f"drop table if exists _s_{table}")
        con.execute("drop table if exists _map")
        con.execute("drop table if exists _new_shards")
    out.seconds = time.perf_counter() - started
    return out
