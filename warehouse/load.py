"""Warehouse loading: the DuckDB schema, one transaction per document, sha256 dedup, failures table.

Only this module writes to the warehouse; extraction never touches the database, so a document is either
fully loaded or absent.
"""

from __future__ import annotations

import math
import time
from datetime import datetime
from pathlib import Path

import duckdb

from extract.model import Extraction
from extract.settings import Settings

SCHEMA = Path(__file__).with_name("schema.sql")
VIEWS = Path(__file__).with_name("views")

_FIGURE_COLS = (
    "figure_id doc_id raw value unit base_value base_unit qualifier indicator subject role basis "
    "period_start period_end quote location page char_start char_end decimals half_ulp label ocr kind "
    "subject_key point_in_time"
).split()
_TASK_COLS = (
    "task_id doc_id table_no row_no stt content owner deadline_text deadline status_text status "
    "task_key location page"
).split()
_BLOCK_COLS = "doc_id seq kind location page level text".split()
_RELATION_COLS = (
    "relation_id doc_id kind part_id whole_id share_id level_id abs_id pct_id member_ids exhaustive label"
).split()


class WarehouseBusy(RuntimeError):
    pass


def missing_warehouse_message(db: str | Path) -> str:
    """The one line shown when the warehouse file does not exist (CLI and Python API alike)."""
    return f"{db}: no warehouse here yet (run `baocao ingest` first)"


def connect(
    db: str | Path, read_only: bool = False, wait_s: float | None = None
) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse file; a writer's makes the schema and views first.

    DuckDB lets one process write or several read. While another process holds the file, the open is retried
    for `wait_s` seconds: by default `busy_wait_s` for a writer, so an ingest or a check that starts while a
    query or a Python API call reads waits those milliseconds instead of failing, and none for a reader
    (`baocao query` answers or says busy at once; warehouse.api passes its own wait).
    """
    db = Path(db)
    if read_only and not db.exists():
        raise FileNotFoundError(missing_warehouse_message(db))
    if not read_only:
        db.parent.mkdir(parents=True, exist_ok=True)
    if wait_s is None:
        wait_s = 0.0 if read_only else Settings().busy_wait_s
    deadline = time.monotonic() + wait_s
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(db), read_only=read_only)
            break
        except duckdb.IOException as exc:
            left = deadline - time.monotonic()
            if left > 0 and "lock" in str(exc).lower():
                time.sleep(min(delay, left))
                delay = min(2 * delay, 0.5)
                continue
            if read_only:
                raise WarehouseBusy(f"{db}: the warehouse is busy (an ingest is writing); try again") from exc
            raise WarehouseBusy(f"{db}: the warehouse is busy (another process is writing)") from exc
    if not read_only:
        ensure_schema(con)
    return con


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    load_indicators(con)
    for view in sorted(VIEWS.glob("*.sql")):
        con.execute(view.read_text(encoding="utf-8"))


def load_indicators(con: duckdb.DuckDBPyConnection) -> None:
    """The indicator catalog (rules/indicators.yaml) as a table, so SQL can join names and flags."""
    from extract import catalog

    rows = [
        [i.id, i.names[0], i.base_unit, i.growth_rate, i.lower_is_better, i.one_time]
        for i in catalog.indicators()
    ]
    current = con.execute(
        "select id, name, base_unit, growth_rate, lower_is_better, one_time from indicators order by id"
    )
    if sorted(map(list, current.fetchall())) != sorted(rows):
        con.execute("delete from indicators")
        con.executemany("insert into indicators values (?, ?, ?, ?, ?, ?)", rows)


def _next_ids(con) -> tuple[int, int, int, int]:
    """Next doc, figure, task and relation ids, in one round trip (four separate queries cost 4x)."""
    return con.execute(
        """select (select coalesce(max(doc_id), 0) + 1 from documents),
                  (select coalesce(max(figure_id), 0) + 1 from figures),
                  (select coalesce(max(task_id), 0) + 1 from tasks),
                  (select coalesce(max(relation_id), 0) + 1 from relations)"""
    ).fetchone()


def _half_ulp(fig) -> float | None:
    """Half a unit in the last written place, scaled like base_value (an integer percent stands for ±0.5)."""
    if fig.value in (0, None) or fig.base_value is None:
        return 0.5 * 10 ** (-fig.decimals)
    scale = fig.base_value / fig.value if fig.value else 1.0
    return abs(0.5 * 10 ** (-fig.decimals) * scale)


class Loader:
    """The warehouse's writer for a batch: one transaction per document, sha256 dedup.

    The loaded hashes and the next ids are read once, when the loader is made, and kept up to date as
    documents commit: DuckDB lets one process at a time open the file for writing, so nothing else can
    change them meanwhile. Two queries less per document, and no max() over a figures table that grows
    with the warehouse (bench/speed.py measured 7 ms a document for them in the writer).
    """

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self._loaded = {sha for (sha,) in con.execute("select sha256 from documents").fetchall()}
        self._ids = _next_ids(con)
        # one appender per table for the whole batch: making one costs ~0.6 ms, a fifth of a small
        # document's load. Each flush writes inside the open transaction; a rollback discards what it wrote.
        self._appenders: dict[str, duckdb.Appender] = {}

    def _append(self, table: str, cols: list[str] | None, rows: list) -> None:
        # the appender writes the rows as one chunk; executemany ran one INSERT per row (0.6 s for 261 figures)
        if not rows:
            return
        appender = self._appenders.get(table)
        if appender is None:
            appender = self._appenders[table] = self.con.appender(table, columns=cols)
        appender.append_rows(rows)
        appender.flush()

    def is_loaded(self, sha256: str) -> bool:
        return sha256 in self._loaded

    def load(self, ex: Extraction) -> int | None:
        """Insert one document with its figures, tasks, relations and blocks in one transaction.

        Returns the new doc_id, or None when a document with the same sha256 is already loaded.
        """
        if ex.document.sha256 in self._loaded:
            return None
        doc_id, fig0, task0, rel0 = self._ids
        self.con.execute("begin transaction")
        try:
            _insert_document(ex, self._ids, self._append)
            self.con.execute("commit")
        except BaseException:
            for appender in self._appenders.values():
                appender.clear()  # rows of a failed append_rows still buffered
            self.con.execute("rollback")
            raise
        self._loaded.add(ex.document.sha256)
        self._ids = (doc_id + 1, fig0 + len(ex.figures), task0 + len(ex.tasks), rel0 + len(ex.relations))
        return doc_id


def load_extraction(con: duckdb.DuckDBPyConnection, ex: Extraction) -> int | None:
    """One document in its own transaction (see Loader, which a batch keeps for all its documents)."""
    return Loader(con).load(ex)


def _insert_document(ex: Extraction, ids: tuple[int, int, int, int], append) -> None:
    """The document's rows, handed table by table to `append(table, columns, rows)`."""
    doc, meta = ex.document, ex.metadata
    doc_id, fig0, task0, rel0 = ids
    period = meta.period
    append(
        "documents",
        None,  # every column, in schema order
        [
            [
                doc_id,
                doc.path,
                doc.sha256,
                doc.format,
                meta.title,
                meta.doc_type,
                meta.issuer,
                meta.doc_number,
                meta.issued_date,
                meta.is_draft,
                meta.draft_no,
                period.start if period else None,
                period.end if period else None,
                period.label if period else None,
                doc.pages,
                datetime.now(),
                len(doc.blocks),
                sum(1 for b in doc.blocks if b.ocr) or 0,
                list(doc.warnings),
            ]
        ],
    )
    fig_rows = [
        [
            fig0 + i,
            doc_id,
            f.raw,
            _finite(f.value),
            f.unit,
            _finite(f.base_value),
            f.base_unit,
            f.qualifier,
            f.indicator,
            f.subject,
            f.role,
            f.basis,
            f.period_start,
            f.period_end,
            f.quote,
            f.location,
            f.page,
            f.char_start,
            f.char_end,
            f.decimals,
            _half_ulp(f),
            f.label,
            f.ocr,
            f.kind,
            f.subject_key,
            f.point_in_time,
        ]
        for i, f in enumerate(ex.figures)
    ]
    append("figures", _FIGURE_COLS, fig_rows)
    task_rows = [
        [
            task0 + i,
            doc_id,
            t.table_no,
            t.row_no,
            t.stt,
            t.content,
            t.owner,
            t.deadline_text,
            t.deadline,
            t.status_text,
            t.status,
            None,
            t.location,
            t.page,
        ]
        for i, t in enumerate(ex.tasks)
    ]
    append("tasks", _TASK_COLS, task_rows)
    rel_rows = []
    for i, rel in enumerate(ex.relations):
        m = rel.members

        def fid(key, m=m):
            return fig0 + m[key] if m.get(key) is not None else None

        members = [fig0 + j for j in m.get("members", [])]
        rel_rows.append(
            [
                rel0 + i,
                doc_id,
                rel.kind,
                fid("part"),
                fid("whole"),
                fid("share"),
                fid("level"),
                fid("abs"),
                fid("pct"),
                members,
                m.get("exhaustive"),
                m.get("label"),
            ]
        )
    append("relations", _RELATION_COLS, rel_rows)
    block_rows = [[doc_id, i, b.kind, b.location, b.page, b.level, b.text] for i, b in enumerate(doc.blocks)]
    append("blocks", _BLOCK_COLS, block_rows)


def _finite(x):
    return x if x is None or math.isfinite(x) else None


def record_failure(con: duckdb.DuckDBPyConnection, path: str, sha256: str | None, reason: str) -> None:
    con.execute("insert into failures values (?, ?, ?, ?)", [path, sha256, reason, datetime.now()])
