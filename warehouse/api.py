"""The warehouse from Python: `Warehouse(path).figures() / .series() / .tasks() / .findings() / .documents()
/ .query()`, each a pandas DataFrame with typed columns. Every call opens the DuckDB file read-only, runs one
query and closes it, so a notebook never keeps an ingest or a check from writing between two calls.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from extract import catalog
from extract.settings import Settings
from warehouse.load import VIEWS, WarehouseBusy, connect

__all__ = ["Warehouse", "WarehouseBusy", "period_bounds", "period_name"]

QUERIES = Path(__file__).with_name("queries")

# category lists of the contract (../shared/contract.md); a value outside them is kept as an extra category
ROLES = ("actual", "target", "change", "share_of_target", "share", "norm", "other")
STATUSES = ("done", "in_progress", "overdue", "extension_requested", "not_started", "unknown")
SEVERITIES = ("error", "warning", "info")
CATEGORIES = {"role": ROLES, "status": STATUSES, "severity": SEVERITIES}
ORDERED = {"severity"}  # errors sort before warnings before info

_INTEGER_TYPES = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER"}
_PERIOD = re.compile(r"^(\d{4})(?:-(?:Q([1-4])|H([12])|(\d{1,2})M|(\d{2})))?$")


@cache
def labels() -> dict[str, dict]:
    """rules/labels.yaml: 'columns' (name -> label) and 'values' (role/status/severity -> id -> label)."""
    return validate_labels(catalog.load("labels"))


def validate_labels(data: dict) -> dict[str, dict]:
    """Known keys only, a label for every value of each categorical column and for nothing else."""
    if not isinstance(data, dict) or set(data) != {"columns", "values"}:
        raise catalog.RuleError(f"labels.yaml: expected keys columns and values, found {sorted(data or {})}")
    for column, label in data["columns"].items():
        if not isinstance(label, str) or not label.strip():
            raise catalog.RuleError(f"labels.yaml: column {column!r} has no label")
    for column, names in data["values"].items():
        if column not in CATEGORIES:
            raise catalog.RuleError(f"labels.yaml: values for {column!r}, which is not a categorical column")
        unknown = set(names) - set(CATEGORIES[column])
        missing = set(CATEGORIES[column]) - set(names)
        if unknown or missing:
            raise catalog.RuleError(
                f"labels.yaml: {column} values unknown {sorted(unknown)}, missing {sorted(missing)}"
            )
    return data


class Warehouse:
    """Read-only access to one warehouse file; `Warehouse()` is the CLI's default `warehouse/baocao.duckdb`."""

    def __init__(self, path: str | Path | None = None, busy_wait_s: float | None = None):
        settings = Settings()
        self.path = Path(settings.db if path is None else path)
        self.busy_wait_s = settings.busy_wait_s if busy_wait_s is None else busy_wait_s
        self._views_seen: tuple | None = None

    def __repr__(self) -> str:
        return f"Warehouse({str(self.path)!r})"

    # --- labels ---------------------------------------------------------------------------------------

    class _Labels:
        """Column name -> Vietnamese label, on the class and on instances (`df.rename(columns=Warehouse.labels)`)."""

        def __get__(self, obj, owner) -> dict[str, str]:
            return dict(labels()["columns"])

    labels = _Labels()

    @staticmethod
    def vi(df: pd.DataFrame, values: bool = True) -> pd.DataFrame:
        """A copy for display: Vietnamese column labels and, with `values`, Vietnamese role/status/severity."""
        data = labels()
        out = df.copy()
        if values:
            for column, names in data["values"].items():
                if column in out.columns and isinstance(out[column].dtype, pd.CategoricalDtype):
                    out[column] = out[column].cat.rename_categories(
                        {c: names.get(c, c) for c in out[column].cat.categories}
                    )
        return out.rename(columns=data["columns"])

    # --- the six calls ---------------------------------------------------------------------------------

    def query(self, sql: str, **params) -> pd.DataFrame:
        """Any read-only SQL; `$name` placeholders take the keyword arguments (`query(sql, ind='grdp_growth')`)."""
        with self._connection() as con:
            return _frame(con.execute(sql, params or None))

    def figures(
        self,
        indicator: str | Iterable[str] | None = None,
        subject: str | None = None,
        role: str | Iterable[str] | None = None,
        period=None,
        document: int | str | Iterable[int | str] | None = None,
    ) -> pd.DataFrame:
        """Figures with their document's path and title; every filter given must hold.

        indicator, role: one id or several. subject: text the subject contains, case-insensitive.
        period: the figure's period lies within it (see `period_bounds`). document: doc_id, path or file name.
        """
        where, params = [], {}
        if indicator is not None:
            where.append("f.indicator in $indicator")
            params["indicator"] = _names(indicator)
        if role is not None:
            where.append("f.role in $role")
            params["role"] = _names(role)
        if subject is not None:
            where.append("contains(lower(f.subject), lower($subject))")
            params["subject"] = subject
        if period is not None:
            params["p_start"], params["p_end"] = period_bounds(period)
            where.append("f.period_start >= $p_start and f.period_end <= $p_end")
        if document is not None:
            where.append("f.doc_id in $doc_ids")
        sql = f"""
            select f.*, d.path, d.title
            from figures f join documents d on d.doc_id = f.doc_id
            {"where " + " and ".join(where) if where else ""}
            order by f.doc_id, f.figure_id
        """
        with self._connection() as con:
            if document is not None:
                # resolved first, so the figures are filtered by doc_id alone (an OR over the join scanned them all)
                params["doc_ids"] = _doc_ids(con, document) or [-1]
            df = _frame(con.execute(sql, params or None))
        return _with_period(df, after="period_end")

    def series(self, key: str | None = None) -> pd.DataFrame:
        """One row per period: actual, target, share_of_target and change side by side, and the documents.

        `key` is a catalog indicator id (the `indicator_series` view), or else a subject: figures whose
        subject_key (or, on a warehouse without that column, the subject with case and spacing folded)
        equals it. No key: every indicator's series.
        """
        with self._connection() as con:
            if key is None or key in _indicator_ids(con):
                sql = "select * from indicator_series"
                if key is not None:
                    sql += " where indicator = $key"
                cur = con.execute(
                    sql + " order by indicator, period_end, period_start", {"key": key} if key else None
                )
            else:
                cur = con.execute(*_subject_series(con, key))
            df = _frame(cur)
            paths = dict(con.execute("select doc_id, path from documents").fetchall())
        df["paths"] = pd.Series(
            [[paths[i] for i in ids] for ids in df["documents"]], index=df.index, dtype=object
        )
        return _with_period(df, after="period_end")

    def tasks(self, status=None, owner: str | None = None, as_of=None, history: bool = False) -> pd.DataFrame:
        """Each task (task_key) in its latest document, like the report's task board; `history` lists every
        document's row instead.

        overdue: stated overdue, or its deadline is before `as_of` (default today) and it is not done.
        status: one status or several; 'overdue' selects the overdue column, the others the stated status.
        owner: text the owner contains, case-insensitive. slipped: its deadline was moved later at some point.
        """
        as_of = _day(as_of) if as_of is not None else date.today()
        params: dict = {"as_of": as_of}
        where = []
        if status is not None:
            wanted = _names(status)
            unknown = set(wanted) - set(STATUSES)
            if unknown:
                raise ValueError(f"unknown task status {sorted(unknown)}; one of {', '.join(STATUSES)}")
            stated = [s for s in wanted if s != "overdue"]
            parts = ["overdue"] if "overdue" in wanted else []
            if stated:
                parts.append("coalesce(status, 'unknown') in $status")
                params["status"] = stated
            where.append("(" + " or ".join(parts) + ")")
        if owner is not None:
            where.append("contains(lower(owner), lower($owner))")
            params["owner"] = owner
        sql = (QUERIES / ("task_history.sql" if history else "task_board.sql")).read_text(encoding="utf-8")
        sql = (
            f"select * from ({sql}) {'where ' + ' and '.join(where) if where else ''} order by task_key, seq"
        )
        with self._connection() as con:
            return _frame(con.execute(sql, params))

    def findings(self, severity: str | Iterable[str] | None = None) -> pd.DataFrame:
        """The findings of the last `baocao check` (view open_findings), errors first."""
        sql, params = "select * from open_findings", None
        if severity is not None:
            sql, params = sql + " where severity in $severity", {"severity": _names(severity)}
        with self._connection() as con:
            return _frame(
                con.execute(sql + " order by severity_rank, doc_id nulls last, check_id, finding_id", params)
            )

    def documents(self) -> pd.DataFrame:
        """Every document with its figure, task and finding counts."""
        sql = """
            select d.*, coalesce(f.n, 0) as n_figures, coalesce(t.n, 0) as n_tasks, coalesce(x.n, 0) as n_findings
            from documents d
            left join (select doc_id, count(*) as n from figures group by doc_id) f on f.doc_id = d.doc_id
            left join (select doc_id, count(*) as n from tasks group by doc_id) t on t.doc_id = d.doc_id
            left join (select doc_id, count(*) as n from findings group by doc_id) x on x.doc_id = d.doc_id
            order by d.doc_id
        """
        with self._connection() as con:
            return _frame(con.execute(sql))

    # --- connection -----------------------------------------------------------------------------------

    def _connection(self) -> duckdb.DuckDBPyConnection:
        """A read-only connection for one call (closed by `with`).

        While a writer (ingest, check) holds the file, DuckDB refuses readers from other processes; the call
        retries for `busy_wait_s` (setting busy_wait_s, 3 s: a check or a small ingest), then raises the
        CLI's busy message.
        """
        con = connect(self.path, read_only=True, wait_s=self.busy_wait_s, add_views=False)
        # listing the views costs ~30 ms a call on a large warehouse: skipped while the file is unchanged
        # since they were last found all present (temporary views of an older warehouse are made every time)
        stamp = _stamp(self.path)
        if stamp != self._views_seen:
            try:
                if _add_missing_views(con):
                    self._views_seen = stamp
            except BaseException:
                con.close()
                raise
        return con


def _stamp(path: Path) -> tuple:
    st = path.stat()
    return st.st_mtime_ns, st.st_size, st.st_ino


def _add_missing_views(con) -> bool:
    """Views an older warehouse lacks, as temporary views (a read-only database accepts only those); True
    when none was missing."""
    from warehouse.load import add_missing_rule_tables

    present = {
        r[0] for r in con.execute("select view_name from duckdb_views() where not internal").fetchall()
    }
    missing = [path for path in sorted(VIEWS.glob("*.sql")) if path.stem not in present]
    if missing:
        add_missing_rule_tables(con)
    for path in missing:
        sql = path.read_text(encoding="utf-8")
        con.execute(sql.replace("create or replace view", "create or replace temp view"))
    return not missing


def _indicator_ids(con) -> set[str]:
    return {r[0] for r in con.execute("select id from indicators").fetchall()} | {
        i.id for i in catalog.indicators()
    }


def _subject_series(con, key: str) -> tuple[str, dict]:
    """The subject_series query and its parameters: on figures.subject_key when the warehouse has it, else on
    the subject folded like the key, after a LIKE on the key's words (folding every subject of a million
    figures with a regex took seconds; the LIKE keeps only the few that can match)."""
    sql = (QUERIES / "subject_series.sql").read_text(encoding="utf-8")
    columns = con.execute(
        "select list(column_name) from duckdb_columns() where table_name = 'figures'"
    ).fetchone()[0]
    if "subject_key" in columns:
        # the key folded the way the figure stage folds subjects (case, spacing, function words; accents kept)
        from extract.language.subjects import subject_key

        return sql.format(key="f.subject_key", param="$key", prefilter="true"), {"key": subject_key(key) or key}
    words = [re.sub(r"([\\%_])", r"\\\1", w) for w in key.split()]
    like = "%" + "%".join(words) + "%"
    prefilter = "lower(f.subject) like lower($like) escape '\\'"
    return sql.format(key=_fold("f.subject"), param=_fold("$key"), prefilter=prefilter), {
        "key": key,
        "like": like,
    }


def _fold(expr: str) -> str:
    return f"lower(trim(regexp_replace({expr}, '\\s+', ' ', 'g')))"


def _doc_ids(con, document) -> list[int]:
    """doc_ids of the documents named by doc_id, full path or file name, in any mix."""
    items = [document] if isinstance(document, int | str | Path) else list(document)
    ids = [int(x) for x in items if isinstance(x, int)]
    texts = [str(x) for x in items if not isinstance(x, int)] or [""]
    rows = con.execute(
        "select doc_id from documents where doc_id in $ids or path in $texts"
        " or regexp_extract(path, '[^/\\\\]+$') in $texts",
        {"ids": ids or [-1], "texts": texts},
    ).fetchall()
    return [r[0] for r in rows]


def _names(x) -> list[str]:
    return [x] if isinstance(x, str) else [str(v) for v in x]


def _day(x) -> date:
    if isinstance(x, datetime):
        return x.date()
    if isinstance(x, date):
        return x
    return pd.Timestamp(x).date()


def period_bounds(period) -> tuple[date, date]:
    """First and last day of a period: 2026 or '2026' (the year), '2026-Q1', '2026-H2', '2026-9M' (the first
    nine months), '2026-04' (a month), or a (start, end) pair of dates or ISO strings."""
    if isinstance(period, tuple | list):
        if len(period) != 2:
            raise ValueError(f"period {period!r}: a (start, end) pair has two dates")
        start, end = (_day(p) for p in period)
        if end < start:
            raise ValueError(f"period {period!r}: ends before it starts")
        return start, end
    m = _PERIOD.match(str(period).strip())
    if not m:
        raise ValueError(
            f"period {period!r}: expected 2026, '2026-Q1', '2026-H1', '2026-9M', '2026-04' or (start, end)"
        )
    year, quarter, half, months, month = m.groups()
    year = int(year)
    if quarter:
        first, last = 3 * int(quarter) - 2, 3 * int(quarter)
    elif half:
        first, last = 6 * int(half) - 5, 6 * int(half)
    elif months:
        first, last = 1, int(months)
    elif month:
        first = last = int(month)
    else:
        first, last = 1, 12
    if not 1 <= last <= 12:
        raise ValueError(f"period {period!r}: no such month")
    end = (pd.Timestamp(year, last, 1) + pd.offsets.MonthEnd(0)).date()
    return date(year, first, 1), end


def period_name(start, end) -> str | None:
    """The short name `period_bounds` reads back: '2026', '2026-Q1', '2026-H1', '2026-9M', '2026-04', else
    'start/end' (ISO 8601 interval)."""
    if pd.isna(start) or pd.isna(end):
        return None
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    month_end = end == end + pd.offsets.MonthEnd(0)
    if start.day == 1 and month_end and start.year == end.year:
        first, last, y = start.month, end.month, start.year
        if (first, last) == (1, 12):
            return f"{y}"
        if last - first == 2 and first % 3 == 1:
            return f"{y}-Q{last // 3}"
        if last - first == 5 and first in (1, 7):
            return f"{y}-H{last // 6}"
        if first == last:
            return f"{y}-{first:02d}"
        if first == 1:
            return f"{y}-{last}M"
    return f"{start.date().isoformat()}/{end.date().isoformat()}"


def _with_period(df: pd.DataFrame, after: str) -> pd.DataFrame:
    """Adds the `period` name column after column `after` (named once per distinct period, not per row)."""
    groups = df.groupby(["period_start", "period_end"], dropna=False, sort=False)
    names = [period_name(start, end) for start, end in groups.size().index]
    codes = groups.ngroup().to_numpy()
    column = pd.Series(pd.Index(names, dtype=object).take(codes), index=df.index, dtype="str")
    df.insert(df.columns.get_loc(after) + 1, "period", column)
    return df


def _frame(cur) -> pd.DataFrame:
    """The result as a DataFrame typed from DuckDB's column types: integers Int64, booleans boolean, dates and
    timestamps datetime64, text str, and role/status/severity categorical with the contract's categories."""
    types = [(d[0], str(d[1])) for d in cur.description]
    df = cur.df()
    for i, (name, kind) in enumerate(types):
        col = df.iloc[:, i]
        if name in CATEGORIES and kind == "VARCHAR":
            known = CATEGORIES[name]
            extra = sorted(set(col.dropna()) - set(known))
            col = pd.Categorical(col, categories=[*known, *extra], ordered=name in ORDERED)
        elif kind in _INTEGER_TYPES:
            col = col.astype("Int64")
        elif kind == "BOOLEAN":
            col = col.astype("boolean")
        elif kind == "DATE" or kind.startswith("TIMESTAMP"):
            col = pd.to_datetime(col)
        elif kind == "VARCHAR":
            col = col.astype("str")
        df.isetitem(i, col)
    return df
