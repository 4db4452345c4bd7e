"""Export of the warehouse tables analysts work with (documents, figures, tasks, findings) to Excel, Parquet
or CSV: one sheet per table in a workbook, or one file per table in a folder.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

TABLES = ("documents", "figures", "tasks", "findings")
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
FETCH_ROWS = 10_000


class ExportError(ValueError):
    """An export that cannot be written; str() is the plain-words reason."""


def export(con, fmt: str, out: str | Path) -> dict[str, Path]:
    """Write every table in TABLES; returns table -> file written."""
    out = Path(out)
    if fmt == "xlsx":
        path = write_xlsx(con, out)
        return {table: path for table in TABLES}
    if fmt in ("parquet", "csv"):
        return write_files(con, fmt, out)
    raise ExportError(f"unknown format {fmt!r} (xlsx, parquet or csv)")


def write_files(con, fmt: str, folder: Path) -> dict[str, Path]:
    """One <table>.<fmt> per table in `folder`, by DuckDB's COPY (types kept in Parquet, UTF-8 CSV)."""
    folder.mkdir(parents=True, exist_ok=True)
    options = "format parquet" if fmt == "parquet" else "format csv, header true"
    written = {}
    for table in TABLES:
        path = folder / f"{table}.{fmt}"
        # the path is ours (folder / fixed name); quotes in it are doubled as SQL requires
        target = str(path).replace("'", "''")
        con.execute(f"copy (select * from {table} order by 1) to '{target}' ({options})")
        written[table] = path
    return written


def number_format(decimals: int | None) -> str:
    places = max(int(decimals or 0), 0)
    return VN_LOCALE + "#,##0" + ("." + "0" * places if places else "")


def write_xlsx(con, path: Path) -> Path:
    """One sheet per table; numbers stay numeric cells with Vietnamese display formats, dates real dates."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    for table in TABLES:
        n = con.execute(f"select count(*) from {table}").fetchone()[0]
        if n + 1 > EXCEL_MAX_ROWS:
            raise ExportError(
                f"{table} has {n} rows, more than an Excel sheet holds; export to parquet or csv"
            )
    # write-only mode streams rows to disk, so a large warehouse does not sit in memory as cell objects
    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for table in TABLES:
        ws = wb.create_sheet(table)
        cur = con.execute(f"select * from {table} order by 1")
        cols = [d[0] for d in cur.description]
        ws.freeze_panes = "A2"
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
    path.parent.mkdir(parents=True, exist_ok=True)
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
    elif isinstance(value, int) and not column.endswith("_id") and column not in ("row_no", "table_no"):
        cell.number_format = VN_LOCALE + "#,##0"
    elif isinstance(value, datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    return cell
