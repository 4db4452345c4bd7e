"""Command line: `baocao ingest | query | check | diff | report | export | summary | eval` — parses arguments,
calls the library.

Imports stay lazy so `baocao query` starts without loading pdfplumber, pypdfium2 or the readers.
Machine-readable output goes to stdout; progress and messages go to stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from extract.settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Vietnamese reports -> DuckDB warehouse.")

DbOpt = Annotated[str, typer.Option("--db", help="warehouse file")]
FormatOpt = Annotated[str, typer.Option("--format", help="table | csv | json")]


def _err(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _open(db: str, read_only: bool = True):
    """The warehouse connection, or exit 1 with one line when it is missing or busy."""
    from warehouse.load import WarehouseBusy, connect

    try:
        return connect(db, read_only=read_only)
    except (FileNotFoundError, WarehouseBusy) as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help=".docx/.pdf files or folders (recursive)")],
    db: DbOpt = Settings.db,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="extraction processes")] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", min=0.001, help="seconds per document")
    ] = None,
    max_file_mb: Annotated[
        float | None, typer.Option("--max-file-mb", min=0, help="larger files are refused unread")
    ] = None,
    max_pages: Annotated[
        int | None, typer.Option("--max-pages", min=1, help="longer PDFs are refused")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Read every .docx/.pdf under PATHS, extract, and load one transaction per document."""
    from warehouse.batch import run_ingest

    settings = Settings().resolve(
        db=db,
        workers=workers,
        doc_timeout_s=timeout,
        max_pages=max_pages,
        max_file_bytes=None if max_file_mb is None else int(max_file_mb * 2**20),
    )
    code = run_ingest(paths, settings, progress=not quiet)
    raise typer.Exit(code)


@app.command()
def query(sql: str, db: DbOpt = Settings.db, format: FormatOpt = "table") -> None:
    """Read-only SQL against the warehouse."""
    import duckdb

    con = _open(db)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall() if cols else []
    except duckdb.Error as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    _print_rows(cols, rows, format)


def _print_rows(cols: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "json":
        import json

        print(json.dumps([dict(zip(cols, r, strict=True)) for r in rows], ensure_ascii=False, default=str))
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    elif fmt == "table":
        from rich.console import Console
        from rich.table import Table

        t = Table(*cols, show_lines=False)
        for r in rows:
            t.add_row(*("" if v is None else str(v) for v in r))
        Console(width=200).print(t)
    else:
        _err(f"unknown --format {fmt!r} (table, csv or json)")
        raise typer.Exit(2)


@app.command()
def check(db: DbOpt = Settings.db, format: FormatOpt = "table") -> None:
    """Run every consistency check (warehouse/checks/*.sql), rewrite `findings`, print them."""
    from warehouse.findings import print_findings, run_checks

    con = _open(db, read_only=False)
    findings = run_checks(con)
    paths = dict(con.execute("select doc_id, path from documents").fetchall())
    con.close()
    print_findings(findings, format, paths)


@app.command()
def summary(db: DbOpt = Settings.db, format: FormatOpt = "table") -> None:
    """Documents in the warehouse with their figure and task counts."""
    con = _open(db)
    cur = con.execute(
        """
        select d.doc_id, d.path, d.format, d.doc_type, d.period_label, d.is_draft,
               (select count(*) from figures f where f.doc_id = d.doc_id) as figures,
               (select count(*) from tasks t where t.doc_id = d.doc_id) as tasks
        from documents d order by d.doc_id
        """
    )
    cols = [d[0] for d in cur.description]
    _print_rows(cols, cur.fetchall(), format)


@app.command(name="eval")
def eval_(
    samples: Annotated[str, typer.Option(help="folder of sample .docx/.pdf")] = "samples",
    gold: Annotated[str, typer.Option(help="folder of gold *.figures.json")] = "tests/gold",
    real_gold: Annotated[str, typer.Option(help="folder of real-document gold *.json")] = "tests/gold/real",
    realdocs: Annotated[str, typer.Option(help="folder of the real documents")] = "../shared/realdocs",
    format: FormatOpt = "table",
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="list misses and wrong attributions")
    ] = False,
) -> None:
    """Figure detection and attribution against the seed gold, then per field against the real-document gold."""
    from baocao.evaluate import (
        print_real_report,
        print_report,
        real_dict,
        real_rows,
        run_eval,
        run_real_eval,
        seed_dict,
        seed_rows,
    )

    seed = run_eval(Path(samples), Path(gold))
    real = run_real_eval(Path(realdocs), Path(real_gold)) if Path(real_gold).is_dir() else []
    if format == "json":
        import json

        out = {"seed": [seed_dict(s, verbose) for s in seed_rows(seed)],
               "real": [real_dict(s, verbose) for s in real_rows(real)]}
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return
    print("seed gold")
    print_report(seed, format, verbose)
    if real:
        print("\nreal-document gold")
        print_real_report(real, format, verbose)


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="earlier version: .docx/.pdf path or doc_id")],
    new: Annotated[str, typer.Argument(help="later version: .docx/.pdf path or doc_id")],
    db: DbOpt = Settings.db,
    format: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    unchanged: Annotated[bool, typer.Option("--unchanged", help="also list what stayed the same")] = False,
) -> None:
    """Figure-level comparison of two documents: changed, added and removed figures; task deadline/status changes."""
    from warehouse.diff import RefError, diff_docs, print_diff, resolve_refs, summary_line

    if format not in ("table", "json"):
        _err(f"unknown --format {format!r} (table or json)")
        raise typer.Exit(2)
    settings = Settings().resolve(db=db, workers=1)
    try:
        old_id, new_id = resolve_refs([old, new], settings)
        result = diff_docs(settings, old_id, new_id)
    except RefError as exc:
        _err(str(exc))
        raise typer.Exit(exc.exit_code) from exc
    _err(summary_line(result))
    print_diff(result, format, unchanged)


@app.command()
def report(
    out: Annotated[str, typer.Option("--out", help="HTML file to write")] = "report.html",
    db: DbOpt = Settings.db,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="date tasks are overdue at (YYYY-MM-DD), default today")
    ] = None,
) -> None:
    """Findings report as one self-contained HTML page: findings with their sentences, charts, task board."""
    from datetime import date

    from warehouse.load import WarehouseBusy
    from warehouse.report import write_report

    try:
        day = date.fromisoformat(as_of) if as_of else None
    except ValueError as exc:
        _err(f"--as-of {as_of!r}: not a date (YYYY-MM-DD)")
        raise typer.Exit(2) from exc
    try:
        path = write_report(db, out, day)
    except (FileNotFoundError, WarehouseBusy) as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    _err(f"wrote {path}")


@app.command()
def export(
    out: Annotated[str, typer.Option("--out", help="workbook file (xlsx) or folder (parquet, csv)")],
    format: Annotated[str, typer.Option("--format", help="xlsx | parquet | csv")] = "xlsx",
    db: DbOpt = Settings.db,
) -> None:
    """Export documents, figures, tasks and findings: Excel sheets, or one Parquet/CSV file per table."""
    from warehouse.export import FORMATS, ExportError
    from warehouse.export import export as run_export

    if format not in FORMATS:
        _err(f"unknown --format {format!r} (xlsx, parquet or csv)")
        raise typer.Exit(2)
    con = _open(db)
    try:
        written = run_export(con, format, out)
    except ExportError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    finally:
        con.close()
    for table, path in written.items():
        _err(f"{table}: {path}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
