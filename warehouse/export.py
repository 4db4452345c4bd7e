"""Export of what analysts work with — the tables (documents, figures, tasks, findings, each row with its
document's path and title), the views and the indicator list — to Excel, Parquet or CSV: one sheet per table
in a workbook, or one file per table in a folder.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path

# name -> query; figures, tasks and findings carry the path and title of their document right after doc_id
# (`* exclude` keeps the columns other issues add to the tables)
QUERIES = {
    "documents": "select * from documents order by doc_id",
    "figures": """select f.figure_id, f.doc_id, d.path, d.title, f.* exclude (figure_id, doc_id)
                  from figures f left join documents d on d.doc_id = f.doc_id order by f.figure_id""",
    "tasks": """select t.task_id, t.doc_id, d.path, d.title, t.* exclude (task_id, doc_id)
                from tasks t left join documents d on d.doc_id = t.doc_id order by t.task_id""",
    "findings": """select x.finding_id, x.doc_id, d.path, d.title, x.* exclude (finding_id, doc_id),
                          o.path as other_path, o.title as other_title
                   from findings x left join documents d on d.doc_id = x.doc_id
                   left join documents o on o.doc_id = x.other_doc_id order by x.finding_id""",
    "indicator_series": "select * from indicator_series order by indicator, period_end, period_start",
    "latest_figures": "select * from latest_figures order by indicator, role, period_end, period_start",
    "open_findings": "select * from open_findings order by severity_rank, finding_id",
    "task_history": "select * from task_history order by task_key, seq",
    "indicators": "select * from export_indicators order by id",
}
TABLES = tuple(QUERIES)
FORMATS = ("xlsx", "parquet", "csv")

# Excel's own limit on rows per sheet (header included); beyond it the workbook would be silently cut
EXCEL_MAX_ROWS = 1_048_576
# [$-042A] is Excel's locale tag for Vietnamese: the number shows with the reader's Vietnamese grouping
# while the cell keeps a real float an analyst can sum and chart.
VN_LOCALE = "[$-042A]"
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
# columns holding a figure as written: shown with the decimals the text used (figures.decimals)
WRITTEN_NUMBER_COLUMNS = {"value"}
PLAIN_INT_COLUMNS = {
    "row_no",
    "table_no",
    "seq",
    "stt",
    "page",
    "pages",
    "char_start",
    "char_end",
    "draft_no",
}
FETCH_ROWS = 10_000
MIN_WIDTH, MAX_WIDTH = 6, 60  # column widths in characters; longer text wraps in the cell when opened


class ExportError(ValueError):
    """An export that cannot be written; str() is the plain-words reason."""


def check_out(fmt: str, out: str | Path) -> None:
    """Refuse an --out that cannot be what the format writes (a usage error, before anything is read)."""
    out = Path(out)
    if fmt == "xlsx":
        if out.suffix.lower() != ".xlsx":
            raise ExportError(f"{out}: --format xlsx writes one workbook; give a file name ending in .xlsx")
        if out.is_dir():
            raise ExportError(f"{out}: is a folder; --format xlsx writes one workbook file")
        return
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (xlsx, parquet or csv)")
    if out.suffix.lower() in (".xlsx", ".xls", ".csv", ".parquet") or out.is_file():
        raise ExportError(
            f"{out}: --format {fmt} writes one file per table into a folder; give a folder "
            f"(e.g. --out {out.with_suffix('')})"
        )


def export(con, fmt: str, out: str | Path, bom: bool = True) -> dict[str, Path]:
    """Write every table in TABLES; returns table -> file written. CSV starts with a BOM unless `bom` is false."""
    out = Path(out)
    check_out(fmt, out)
    _indicator_table(con)
    try:
        if fmt == "xlsx":
            path = write_xlsx(con, out)
            return {table: path for table in TABLES}
        if fmt == "csv":
            return write_csv(con, out, bom)
        return write_parquet(con, out)
    except OSError as exc:
        raise ExportError(f"{exc.filename or out}: cannot write ({exc.strerror or exc})") from exc


def _indicator_table(con) -> None:
    """The catalog (rules/indicators.yaml) with every Vietnamese name, as a temporary table to export."""
    from extract.catalog import indicators

    con.execute(
        """create or replace temp table export_indicators (id varchar, name varchar, other_names varchar,
           base_unit varchar, growth_rate boolean, lower_is_better boolean, one_time boolean)"""
    )
    con.executemany(
        "insert into export_indicators values (?, ?, ?, ?, ?, ?, ?)",
        [
            [
                i.id,
                i.names[0],
                "; ".join(i.names[1:]),
                i.base_unit,
                i.growth_rate,
                i.lower_is_better,
                i.one_time,
            ]
            for i in indicators()
        ],
    )


def write_parquet(con, folder: Path) -> dict[str, Path]:
    """One <table>.parquet per table in `folder`, by DuckDB's COPY (types kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for table, query in QUERIES.items():
        path = folder / f"{table}.parquet"
        # the path is ours (folder / fixed name); quotes in it are doubled as SQL requires
        target = str(path).replace("'", "''")
        con.execute(f"copy ({query}) to '{target}' (format parquet)")
        written[table] = path
    return written


def write_csv(con, folder: Path, bom: bool = True) -> dict[str, Path]:
    """One <table>.csv per table: UTF-8 (with a byte order mark by default, so Excel on Windows reads the
    accents), a header row, lists joined with ", ", NULL as an empty field. DuckDB's COPY writes no BOM."""
    import csv

    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for table, query in QUERIES.items():
        path = folder / f"{table}.csv"
        cur = con.execute(query)
        with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([d[0] for d in cur.description])
            while rows := cur.fetchmany(FETCH_ROWS):
                w.writerows([[_plain(v) for v in row] for row in rows])
        written[table] = path
    return written


def _plain(value):
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return value


def number_format(decimals: int | None) -> str:
    places = max(int(decimals or 0), 0)
    return VN_LOCALE + "#,##0" + ("." + "0" * places if places else "")


def column_widths(con, query: str) -> list[int]:
    """Width of each column in characters: its header or its longest value (numbers as displayed, with
    grouping marks and up to 6 decimals), within MIN_WIDTH..MAX_WIDTH. One pass over the rows in SQL."""
    cur = con.execute(f"select * from ({query}) limit 0")
    cols = [(d[0], str(d[1]).upper()) for d in cur.description]
    exprs = []
    for i, (_name, typ) in enumerate(cols):
        ref = f'q."{i}"'
        if _numeric(typ):
            exprs.append(f"max(abs({ref}))::double")
        elif typ in ("DATE", "TIMESTAMP"):
            exprs.append("16")
        else:
            exprs.append(f"max(length({ref}::varchar))")
    aliased = ", ".join(f'"{i}"' for i in range(len(cols)))
    row = con.execute(f"select {', '.join(exprs)} from ({query}) q({aliased})").fetchone()
    widths = []
    for (name, typ), v in zip(cols, row, strict=True):
        if v is None:
            w = 0
        elif _numeric(typ):
            digits = len(str(int(abs(v)))) if math.isfinite(v) else 3
            w = digits + (digits - 1) // 3 + (0 if typ in _INTEGERS else 7) + 1
        else:
            w = int(v)
        widths.append(max(MIN_WIDTH, min(MAX_WIDTH, max(w, len(name)) + 2)))
    return widths


_INTEGERS = {
    "TINYINT",
    "SMALLINT",
    "INTEGER",
    "BIGINT",
    "HUGEINT",
    "UTINYINT",
    "USMALLINT",
    "UINTEGER",
    "UBIGINT",
}


def _numeric(typ: str) -> bool:
    return typ in _INTEGERS or typ in ("DOUBLE", "FLOAT", "REAL") or typ.startswith("DECIMAL")


def write_xlsx(con, path: Path) -> Path:
    """One sheet per table: header row bold and frozen, an autofilter over every column, column widths fitted
    to the data; numbers stay numeric cells with Vietnamese display formats, dates real dates."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    counts = {}
    for table, query in QUERIES.items():
        n = con.execute(f"select count(*) from ({query})").fetchone()[0]
        if n + 1 > EXCEL_MAX_ROWS:
            raise ExportError(
                f"{table} has {n} rows, more than an Excel sheet holds; export to parquet or csv"
            )
        counts[table] = n
    # fail on an unwritable path before any sheet exists (a half-built write-only workbook cannot be dropped
    # quietly: its sheet streams complain when collected)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.open("wb").close()
    # write-only mode streams rows to disk, so a large warehouse does not sit in memory as cell objects;
    # widths, freeze and filter must be set before the first row is appended
    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for table, query in QUERIES.items():
        ws = wb.create_sheet(table)
        widths = column_widths(con, query)
        cur = con.execute(query)
        cols = [d[0] for d in cur.description]
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{counts[table] + 1}"
        decimals_at = cols.index("decimals") if "decimals" in cols else None
        header = []
        for name in cols:
            cell = WriteOnlyCell(ws, value=name)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        while rows := cur.fetchmany(FETCH_ROWS):
            for row in rows:
                decimals = row[decimals_at] if decimals_at is not None else None
                ws.append(
                    [_cell(ws, WriteOnlyCell, name, v, decimals) for name, v in zip(cols, row, strict=True)]
                )
    wb.save(path)
    return path


def _cell(ws, cell_type, column: str, value, decimals):
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    cell = cell_type(ws, value=value)
    if isinstance(value, bool):
        return cell
    if isinstance(value, float):
        if column in WRITTEN_NUMBER_COLUMNS:
            cell.number_format = number_format(decimals)
        else:
            # a whole number with "#,##0.##" would show a dangling decimal comma (18.600,)
            cell.number_format = VN_LOCALE + ("#,##0" if value.is_integer() else "#,##0.######")
    elif isinstance(value, int) and not column.endswith(("_id", "_key")) and column not in PLAIN_INT_COLUMNS:
        cell.number_format = VN_LOCALE + "#,##0"
    elif isinstance(value, datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    return cell
