"""Warehouse loading: the DuckDB schema, documents loaded whole or not at all (several may share one
transaction), sha256 dedup, failures table.

Only this module (and warehouse/stage.py's bulk loader) writes to the warehouse; extraction never touches
the database, so a document is either fully loaded or absent.
"""

from __future__ import annotations

import contextlib
import math
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from extract.model import Extraction
from extract.settings import Settings

SCHEMA = Path(__file__).with_name("schema.sql")
VIEWS = Path(__file__).with_name("views")
WAIT_STEP_S = 0.25  # between attempts of `baocao check` to open a locked warehouse (--wait)

_FIGURE_COLS = (
    "figure_id doc_id raw value unit base_value base_unit qualifier indicator subject role basis "
    "period_start period_end quote location page char_start char_end decimals half_ulp label ocr kind "
    "row_header col_header subject_key point_in_time check_name"
).split()
_TASK_COLS = (
    "task_id doc_id table_no row_no stt content owner deadline_text deadline status_text status "
    "task_key location page co_owners product source"
).split()
_DOCUMENT_COLS = (
    "doc_id path sha256 format title doc_type issuer doc_number issued_date is_draft draft_no period_start "
    "period_end period_label pages ingested_at n_blocks ocr_pages warnings report_date"
).split()
_BLOCK_COLS = "doc_id seq kind location page level text".split()
_RELATION_COLS = (
    "relation_id doc_id kind part_id whole_id share_id level_id abs_id pct_id member_ids exhaustive label"
).split()


class WarehouseError(RuntimeError):
    """The warehouse file cannot be opened; str() is one line naming the file and the reason."""

    detail: str = ""  # DuckDB's own words, when DuckDB refused the file


class WarehouseMissing(WarehouseError, FileNotFoundError):
    """No warehouse at that path (read commands never create one)."""


class WarehouseBusy(WarehouseError):
    """Another process holds the file's lock (an ingest writing, or a session that keeps it open)."""


class WarehouseInvalid(WarehouseError):
    """The file exists but is not a DuckDB warehouse this DuckDB can open (a text file, a corrupt file)."""


def missing_warehouse_message(db: str | Path) -> str:
    """The one line shown when the warehouse file does not exist (CLI and Python API alike)."""
    return f"{db}: no warehouse here (looked for {Path(db).resolve()}); make one with `baocao ingest PATH --db {db}`"


def _open_error(db: Path, exc: duckdb.Error, read_only: bool) -> WarehouseError:
    """Sort DuckDB's error into busy / invalid, keeping DuckDB's own words after ours."""
    words = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "lock" in words.lower():
        what = "another process is writing it" if read_only else "another process has it open"
        err: WarehouseError = WarehouseBusy(
            f"{db}: the warehouse is busy, {what} ({words}); try again, or pass --wait SECONDS"
        )
    else:
        err = WarehouseInvalid(f"{db}: not a baocao warehouse ({words})")
    err.detail = words
    return err


def connect(
    db: str | Path,
    read_only: bool = False,
    wait_s: float | None = None,
    create: bool = True,
    add_views: bool = True,
) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse file; a writer's makes the schema and views first.

    Only a writer with `create` makes a missing file (and its folder); a reader or a writer without it gets
    WarehouseMissing, a file that is not a warehouse WarehouseInvalid. DuckDB lets one process write or
    several read. While another process holds the file, the open is retried for `wait_s` seconds: by default
    `busy_wait_s` for a writer, so an ingest or a check that starts while a query or a Python API call reads
    waits those milliseconds instead of failing, and none for a reader (`baocao query` answers or says busy at
    once unless `--wait`; warehouse.api passes its own wait). A reader gets the views an older warehouse lacks
    as temporary views unless `add_views` is false (warehouse.api adds them itself).
    """
    db = Path(db)
    if not db.exists() and (read_only or not create):
        raise WarehouseMissing(missing_warehouse_message(db))
    if db.exists() and not db.is_file():
        raise WarehouseInvalid(f"{db}: not a baocao warehouse (a folder, not a DuckDB file)")
    if not read_only:
        db.parent.mkdir(parents=True, exist_ok=True)
    if wait_s is None:
        wait_s = 0.0 if read_only else Settings().busy_wait_s
    deadline = time.monotonic() + max(wait_s, 0.0)
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(db), read_only=read_only)
            break
        except duckdb.Error as exc:
            err = _open_error(db, exc, read_only)
            left = deadline - time.monotonic()
            if not isinstance(err, WarehouseBusy) or left <= 0:
                raise err from exc
            time.sleep(min(delay, left))
            delay = min(2 * delay, 0.5)
    try:
        if read_only or not create:
            _check_tables(con, db)
        if read_only and add_views:
            add_missing_views(con)
        elif not read_only:
            ensure_schema(con)
    except duckdb.Error as exc:
        con.close()
        raise WarehouseInvalid(f"{db}: not a baocao warehouse ({str(exc).splitlines()[0]})") from exc
    except WarehouseError:
        con.close()
        raise
    return con


def _check_tables(con: duckdb.DuckDBPyConnection, db: Path) -> None:
    present = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
    if "documents" not in present:
        raise WarehouseInvalid(f"{db}: not a baocao warehouse (a DuckDB file without the documents table)")


def add_missing_views(con: duckdb.DuckDBPyConnection) -> None:
    """Views missing from an older warehouse, added as temporary views (a read-only file takes no others)."""
    add_missing_rule_tables(con)
    present = {
        r[0] for r in con.execute("select view_name from duckdb_views() where not internal").fetchall()
    }
    for path in sorted(VIEWS.glob("*.sql")):
        if path.stem not in present:
            sql = path.read_text(encoding="utf-8").replace(
                "create or replace view", "create or replace temp view"
            )
            con.execute(sql)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """The tables, rule tables and views, in one transaction: whole or not at all, and one commit where each of
    the ~40 statements alone committed (and synced the file: ~0.15 s of a new warehouse's start)."""
    con.execute("begin transaction")
    try:
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        load_indicators(con)
        load_measured_units(con)
        for view in sorted(VIEWS.glob("*.sql")):
            con.execute(view.read_text(encoding="utf-8"))
        con.execute("commit")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("rollback")
        raise


def _measured_units() -> list[str]:
    from extract import catalog

    return sorted(catalog.load("checks")["shares"]["measured_units"])


def load_measured_units(con: duckdb.DuckDBPyConnection) -> None:
    """rules/checks.yaml shares.measured_units as a table, for view share_arithmetic."""
    units = _measured_units()
    if [r[0] for r in con.execute("select unit from measured_units order by unit").fetchall()] != units:
        con.execute("delete from measured_units")
        con.execute("insert into measured_units select unnest(?::varchar[])", [units])


def add_missing_rule_tables(con: duckdb.DuckDBPyConnection) -> None:
    """A read-only warehouse made before table measured_units gets it as a temporary table (its views need it)."""
    present = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
    if "measured_units" not in present:
        con.execute(
            "create temp table measured_units as select unnest(?::varchar[]) as unit", [_measured_units()]
        )


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
        if (
            rows
        ):  # one statement for the catalogue: executemany ran one INSERT an indicator (~25 ms of CPU for 49)
            con.execute(
                "insert into indicators select unnest(?::varchar[]), unnest(?::varchar[]), unnest(?::varchar[]), "
                "unnest(?::boolean[]), unnest(?::boolean[]), unnest(?::boolean[])",
                [list(column) for column in zip(*rows, strict=True)],
            )


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


@dataclass
class Loaded:
    """What became of a document handed to `Loader.add`: its doc_id, or the reason it was not loaded."""

    tag: object  # whatever the caller passed with it (the batch passes the file's path)
    extraction: Extraction
    doc_id: int | None = None  # None with no error: a document with that sha256 is already loaded
    error: str | None = None


class Loader:
    """The warehouse's writer for a batch: each document whole or not at all, sha256 dedup.

    `load` commits one document; `add` groups documents and commits them together every `group_docs`
    documents or `group_s` seconds (`flush` commits the rest): DuckDB's fixed cost per transaction (an
    appender flush per table, the commit) then falls on the group, not on each document.

    The loaded hashes and the next ids are read once, when the loader is made, and kept up to date as
    documents commit: DuckDB lets one process at a time open the file for writing, so nothing else can
    change them meanwhile. Two queries less per document, and no max() over a figures table that grows
    with the warehouse (bench/speed.py measured 7 ms a document for them in the writer).
    """

    def __init__(
        self, con: duckdb.DuckDBPyConnection, group_docs: int = 1, group_s: float = 0.0, replace: bool = False
    ):
        self.con = con
        self.group_docs = max(1, group_docs)
        self.group_s = group_s
        self._pending: list[tuple[object, Extraction]] = []
        self._pending_since = 0.0
        # `ingest --replace`: a changed file at a loaded path takes the old version's place (same transaction)
        self.replace = replace
        self.dropped = 0  # documents replaced or dropped as stale in this batch
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

    def _same_path(self, path: str) -> dict[int, str]:
        """doc_id -> sha256 of the loaded documents at this path (compared resolved)."""
        wanted = str(Path(path).resolve())
        rows = self.con.execute(
            "select doc_id, path, sha256 from documents where path like ?", ["%" + Path(path).name]
        ).fetchall()
        return {d: sha for d, p, sha in rows if str(Path(p).resolve()) == wanted}

    def drop_stale(self, path: str, sha256: str) -> int:
        """Remove the other versions loaded at this path (one transaction); returns how many went."""
        from warehouse.remove import delete_rows

        stale = {d: sha for d, sha in self._same_path(path).items() if sha != sha256}
        if stale:
            self.con.execute("begin transaction")
            try:
                delete_rows(self.con, list(stale))
                self.con.execute("commit")
            except BaseException:
                self.con.execute("rollback")
                raise
            self._loaded.difference_update(stale.values())
            self.dropped += len(stale)
        return len(stale)

    def is_loaded(self, sha256: str) -> bool:
        return sha256 in self._loaded

    def load(self, ex: Extraction) -> int | None:
        """Insert one document with its figures, tasks, relations and blocks in one transaction.

        Returns the new doc_id, or None when a document with the same sha256 is already loaded.
        """
        if ex.document.sha256 in self._loaded:
            return None
        doc_id = self._ids[0]
        self.con.execute("begin transaction")
        try:
            replaced = self._same_path(ex.document.path) if self.replace else {}
            if replaced:
                from warehouse.remove import delete_rows

                delete_rows(self.con, list(replaced))
            _insert_document(ex, self._ids, self._append)
            self.con.execute("commit")
        except BaseException:
            for appender in self._appenders.values():
                appender.clear()  # rows of a failed append_rows still buffered
            self.con.execute("rollback")
            raise
        self._loaded.add(ex.document.sha256)
        self._loaded.difference_update(replaced.values())
        self.dropped += len(replaced)
        self._ids = _advance(self._ids, ex)
        return doc_id

    def add(self, ex: Extraction, tag: object = None) -> list[Loaded]:
        """Queue a document for the group; returns the documents settled by the flush this may trigger."""
        if not self._pending:
            self._pending_since = time.monotonic()
        self._pending.append((tag, ex))
        if len(self._pending) >= self.group_docs or time.monotonic() - self._pending_since >= self.group_s:
            return self.flush()
        return []

    def flush(self) -> list[Loaded]:
        """Commit the queued documents in one transaction. When that fails, each is loaded alone, so the
        document at fault fails with its reason and the others load whole."""
        group, self._pending = self._pending, []
        if not group:
            return []
        out: list[Loaded] = []
        todo: list[tuple[object, Extraction]] = []
        seen: set[str] = set()
        for tag, ex in group:
            sha = ex.document.sha256
            if sha in self._loaded or sha in seen:
                out.append(Loaded(tag, ex))
            else:
                seen.add(sha)
                todo.append((tag, ex))
        # with --replace each document also removes the version it replaces: those go one by one
        if len(todo) > 1 and not self.replace:
            ids = self._ids
            self.con.execute("begin transaction")
            try:
                doc_ids = []
                # rows are gathered per table and appended once: the per-flush cost is what grouping saves
                rows: dict[str, tuple[list[str] | None, list]] = {}

                def gather(table, cols, table_rows):
                    rows.setdefault(table, (cols, []))[1].extend(table_rows)

                for _, ex in todo:
                    doc_ids.append(ids[0])
                    _insert_document(ex, ids, gather)
                    ids = _advance(ids, ex)
                for table, (cols, table_rows) in rows.items():
                    self._append(table, cols, table_rows)
                self.con.execute("commit")
            except BaseException as exc:
                for appender in self._appenders.values():
                    appender.clear()
                self.con.execute("rollback")
                if not isinstance(exc, Exception):
                    raise
            else:
                self._ids = ids
                for (tag, ex), doc_id in zip(todo, doc_ids, strict=True):
                    self._loaded.add(ex.document.sha256)
                    out.append(Loaded(tag, ex, doc_id))
                return out
        for tag, ex in todo:
            try:
                out.append(Loaded(tag, ex, self.load(ex)))
            except Exception as exc:  # this document alone is rolled back
                out.append(Loaded(tag, ex, error=f"could not be loaded ({exc})"))
        return out


def _advance(ids: tuple[int, int, int, int], ex: Extraction) -> tuple[int, int, int, int]:
    doc_id, fig0, task0, rel0 = ids
    return doc_id + 1, fig0 + len(ex.figures), task0 + len(ex.tasks), rel0 + len(ex.relations)


def load_extraction(con: duckdb.DuckDBPyConnection, ex: Extraction, replace: bool = False) -> int | None:
    """One document in its own transaction (see Loader, which a batch keeps for all its documents)."""
    return Loader(con, replace=replace).load(ex)


def _insert_document(ex: Extraction, ids: tuple[int, int, int, int], append) -> None:
    """The document's rows, handed table by table to `append(table, columns, rows)`."""
    doc, meta = ex.document, ex.metadata
    doc_id, fig0, task0, rel0 = ids
    period = meta.period
    append(
        "documents",
        _DOCUMENT_COLS,  # named: later columns (family, version) are filled after loading
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
                doc.ocr_pages,
                list(doc.warnings),
                meta.report_date,
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
            f.row_header,
            f.col_header,
            f.subject_key,
            f.point_in_time,
            f.check_name,
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
            "; ".join(t.co_owners) or None,
            t.product,
            t.source,
        ]
        for i, t in enumerate(ex.tasks)
    ]
    append("tasks", _TASK_COLS, task_rows)
    rel_rows = []
    for i, rel in enumerate(ex.relations):
        m = rel.members

        def fid(key, m=m):
            return fig0 + m[key] if m.get(key) is not None else None

        # a 'total' relation (a table's totals row or column) keeps its total as whole_id, its parts as member_ids
        members = [fig0 + j for j in (m.get("members") or m.get("parts") or [])]
        rel_rows.append(
            [
                rel0 + i,
                doc_id,
                rel.kind,
                fid("part"),
                fid("whole") if m.get("whole") is not None else fid("total"),
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
