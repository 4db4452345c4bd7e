"""Command line: `baocao ingest | extract | load | query | check | diff | report | export | summary | eval |
schema` — parses arguments, calls the library.

Imports stay lazy so `baocao query` starts without loading pdfplumber, pypdfium2 or the readers.
Machine-readable output goes to stdout; progress and messages go to stderr. Every option with a fixed set of
values is a Literal, so the CLI library refuses any other value with exit 2.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

import typer

from baocao.launch import start_early
from baocao.launch import starts_workers as _starts_workers  # noqa: F401  (tests import it from here)
from extract.settings import Settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Vietnamese reports -> DuckDB warehouse.",
    context_settings={"help_option_names": ["-h", "--help"]},
)

DbOpt = Annotated[str, typer.Option("--db", help="warehouse file")]
WaitOpt = Annotated[
    float,
    typer.Option(
        "--wait", min=0, metavar="SECONDS", help="wait this long while another process holds the file"
    ),
]
RowsFormat = Literal["table", "csv", "json"]
FormatOpt = Annotated[RowsFormat, typer.Option("--format", help="table | csv | json")]


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"baocao {version('baocao')}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="print the version and exit")
    ] = False,
) -> None:
    """Vietnamese reports -> DuckDB warehouse."""


def _err(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _open(db: str, wait: float = 0.0):
    """A read-only warehouse connection, or exit 1 with one line when it is missing, invalid or busy."""
    from warehouse.load import WarehouseError, connect

    try:
        return connect(db, read_only=True, wait_s=wait)
    except WarehouseError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc


Engine = Literal["local", "ray"]
EngineOpt = Annotated[Engine, typer.Option("--engine", help="local (worker processes) | ray (a Ray cluster)")]
AddressOpt = Annotated[
    str | None, typer.Option("--address", help="ray: cluster to join (auto, ray://HOST:10001); default local")
]
BatchOpt = Annotated[int | None, typer.Option("--batch", min=1, help="ray: documents per task")]


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help=".docx/.pdf/.doc files or folders (recursive)")],
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
    wait: WaitOpt = 0.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
    engine: EngineOpt = "local",
    address: AddressOpt = None,
    batch: BatchOpt = None,
    stage: Annotated[
        str | None,
        typer.Option("--stage", help="ray: stage folder (shared by the nodes), kept after the load"),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="a changed file at a loaded path replaces the old version (default: kept as a version)",
        ),
    ] = False,
) -> None:
    """Read every .docx/.pdf (and .doc, through LibreOffice) under PATHS, extract, and load each document whole
    (a group per transaction); the only command that creates the warehouse."""
    settings = Settings().resolve(
        db=db,
        workers=workers,
        doc_timeout_s=timeout,
        max_pages=max_pages,
        max_file_bytes=None if max_file_mb is None else int(max_file_mb * 2**20),
        stage_batch=batch,
        db_wait_s=wait,
    )
    if engine == "local" and stage is None:
        from warehouse.batch import run_ingest

        raise typer.Exit(run_ingest(paths, settings, progress=not quiet, replace=replace))
    if replace:
        _err("--replace works with the local engine only (without --stage)")
        raise typer.Exit(2)
    from warehouse.ray_engine import run_ingest_engine

    raise typer.Exit(run_ingest_engine(paths, settings, engine, address, stage, progress=not quiet))


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help=".docx/.pdf files or folders (recursive)")],
    out: Annotated[str, typer.Option("--out", help="stage folder (on a cluster: one every node sees)")],
    engine: EngineOpt = "ray",
    address: AddressOpt = None,
    batch: BatchOpt = None,
    db: Annotated[
        str | None, typer.Option("--db", help="warehouse whose documents are skipped (read only)")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="extraction processes, or CPUs of a local Ray cluster"),
    ] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", min=0.001, help="seconds per document")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Extract every .docx/.pdf under PATHS into Parquet shards in a stage folder, for `baocao load`."""
    from warehouse.ray_engine import run_extract

    settings = Settings().resolve(workers=workers, doc_timeout_s=timeout, stage_batch=batch)
    raise typer.Exit(run_extract(paths, out, settings, engine, address, db, progress=not quiet))


@app.command()
def load(
    stage: Annotated[str, typer.Argument(help="stage folder written by `baocao extract --out`")],
    db: DbOpt = Settings.db,
) -> None:
    """Append a stage's shards to the warehouse in one transaction; shards loaded before are skipped."""
    from warehouse.ray_engine import run_load

    raise typer.Exit(run_load(stage, Settings().resolve(db=db)))


@app.command()
def query(
    sql: Annotated[str | None, typer.Argument(help="SQL text, or - to read it from stdin")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", dir_okay=False, help="read the SQL from this .sql file")
    ] = None,
    db: DbOpt = Settings.db,
    format: FormatOpt = "table",
    max_rows: Annotated[
        int | None,
        typer.Option(
            "--max-rows", min=0, help="rows printed at most (0 = all); default: 100 for table, all otherwise"
        ),
    ] = None,
    wait: WaitOpt = 0.0,
) -> None:
    """Read-only SQL against the warehouse (text, `-f FILE.sql` or `-` for stdin)."""
    import duckdb

    text = _sql_text(sql, file)
    con = _open(db, wait)
    try:
        cur = con.execute(text)
        cols = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall() if cols else []
    except duckdb.Error as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    finally:
        con.close()
    limit = max_rows if max_rows is not None else (TABLE_ROWS if format == "table" else 0)
    if limit and len(rows) > limit:
        _err(f"showing {limit} of {len(rows)} rows (--max-rows N to change, 0 for all)")
        rows = rows[:limit]
    _print_rows(cols, rows, format)


TABLE_ROWS = 100  # rows a table prints by default; csv/json print every row unless --max-rows is given


def _sql_text(sql: str | None, file: Path | None) -> str:
    if (sql is None) == (file is None):
        _err("give the SQL as an argument, as - for stdin, or with -f FILE.sql (one of them)")
        raise typer.Exit(2)
    if file is not None:
        try:
            return file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            _err(f"{file}: cannot read the SQL ({getattr(exc, 'strerror', None) or exc})")
            raise typer.Exit(2) from exc
    if sql == "-":
        return sys.stdin.read()
    return sql


def _print_rows(cols: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "json":
        import json

        print(json.dumps([dict(zip(cols, r, strict=True)) for r in rows], ensure_ascii=False, default=str))
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        # overflow "fold" wraps long words inside their cell instead of cutting them with an ellipsis;
        # NULL is printed as a dim NULL, so it never looks like empty text
        t = Table(show_lines=False)
        for c in cols:
            t.add_column(c, overflow="fold")
        null = Text("NULL", style="dim italic")
        for r in rows:
            t.add_row(*(null if v is None else Text(str(v)) for v in r))
        console = Console()
        if not console.is_terminal:
            console = Console(width=200)
        console.print(t)


@app.command()
def check(
    db: DbOpt = Settings.db,
    format: FormatOpt = "table",
    wait: WaitOpt = 0.0,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="exit 1 if unsuppressed findings of this severity (error|warning) or worse exist",
        ),
    ] = None,
) -> None:
    """Run every consistency check (warehouse/checks/*.sql), rewrite `findings`, print them.

    Findings listed in <db>.suppressions.yaml (beside the warehouse) are marked suppressed and not printed.
    """
    from warehouse.findings import check_warehouse, failing, print_findings
    from warehouse.load import WarehouseError
    from warehouse.suppressions import SuppressionError, read_suppressions, suppressions_path

    if fail_on not in (None, "error", "warning"):
        _err(f"unknown --fail-on {fail_on!r} (error or warning)")
        raise typer.Exit(2)
    try:
        entries = read_suppressions(suppressions_path(db))
    except SuppressionError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    try:
        run = check_warehouse(db, wait, suppressions=entries)
    except WarehouseError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    if run.not_stored:
        _err(run.not_stored)
    print_findings(run.findings, format, run.paths)
    if failing(run.findings, fail_on):
        raise typer.Exit(1)


@app.command()
def rm(
    docs: Annotated[list[str], typer.Argument(help="doc_id or loaded path of each document to remove")],
    db: DbOpt = Settings.db,
    wait: WaitOpt = 0.0,
) -> None:
    """Remove documents with all their rows (figures, tasks, relations, findings, failures) in one transaction."""
    from warehouse.load import WarehouseError, connect
    from warehouse.remove import NoSuchDocument, remove_documents, resolve_documents

    try:
        con = connect(db, wait_s=wait, create=False)
    except WarehouseError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    try:
        ids: list[int] = []
        for ref in docs:
            ids += [d for d in resolve_documents(con, ref) if d not in ids]
        gone = con.execute(
            "select doc_id, path from documents where list_contains(?, doc_id) order by doc_id", [ids]
        ).fetchall()
        remove_documents(con, ids)
    except NoSuchDocument as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    finally:
        con.close()
    for doc_id, path in gone:
        _err(f"removed {doc_id}: {path}")


@app.command()
def summary(db: DbOpt = Settings.db, format: FormatOpt = "table", wait: WaitOpt = 0.0) -> None:
    """Documents in the warehouse with their figure and task counts."""
    con = _open(db, wait)
    cur = con.execute(
        """
        select d.doc_id, d.path, d.format, d.doc_type, d.period_label, d.is_draft,
               (select count(*) from figures f where f.doc_id = d.doc_id) as figures,
               (select count(*) from tasks t where t.doc_id = d.doc_id) as tasks
        from documents d order by d.doc_id
        """
    )
    cols = [d[0] for d in cur.description]
    rows = cur.fetchall()
    con.close()
    _print_rows(cols, rows, format)


@app.command(name="eval")
def eval_(
    samples: Annotated[str, typer.Option(help="folder of sample .docx/.pdf")] = "samples",
    gold: Annotated[str, typer.Option(help="folder of gold *.figures.json")] = "tests/gold",
    real_gold: Annotated[str, typer.Option(help="folder of real-document gold *.json")] = "tests/gold/real",
    holdout_gold: Annotated[
        str, typer.Option(help="folder of holdout gold *.json (documents not used in development)")
    ] = "tests/gold/holdout",
    written_gold: Annotated[
        str, typer.Option(help="folder of the written gold: T/ (tuned on) and H/ (held out), text beside gold")
    ] = "tests/gold/written",
    realdocs: Annotated[str, typer.Option(help="folder of the real documents")] = "../shared/realdocs",
    format: FormatOpt = "table",
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="list misses and wrong attributions")
    ] = False,
    real_only: Annotated[
        bool, typer.Option("--real-only", help="only the table-cell figure and task scores (JSON: their object)")
    ] = False,
) -> None:
    """Figure detection and attribution against the seed gold, then per field against the real-document gold,
    the holdout gold (documents not used in development; its misses are never listed) and the written gold
    (excerpts written by hand for sectors the corpus lacks: set T, and set H held out), then table-cell figures
    and tasks of the real documents (found, owner, deadline, status) per document."""
    from baocao.evaluate import (
        EvalError,
        print_real_report,
        print_report,
        real_dict,
        real_rows,
        run_eval,
        run_real_eval,
        run_written_eval,
        seed_dict,
        seed_rows,
    )
    from baocao.evaluate_tables import (
        print_table_cells,
        print_table_report,
        run_table_eval,
        run_written_table_eval,
        table_dict,
    )

    if not real_only:
        try:
            seed = run_eval(Path(samples), Path(gold))
            real = run_real_eval(Path(realdocs), Path(real_gold)) if Path(real_gold).is_dir() else []
            holdout = run_real_eval(Path(realdocs), Path(holdout_gold)) if Path(holdout_gold).is_dir() else []
            written = {name: run_written_eval(Path(written_gold) / name) for name in ("T", "H")
                       if (Path(written_gold) / name).is_dir()}
            written_tables = {name: run_written_table_eval(Path(written_gold) / name) for name in written}
        except EvalError as exc:
            _err(str(exc))
            raise typer.Exit(1) from exc
        if format == "json":
            import json

            out = {"seed": [seed_dict(s, verbose) for s in seed_rows(seed)],
                   "real": [real_dict(s, verbose) for s in real_rows(real)],
                   "holdout": [real_dict(s) for s in real_rows(holdout)],  # scores only: nobody tunes on it
                   "written": {name: [real_dict(s, verbose and name == "T") for s in real_rows(scores)]
                               for name, scores in written.items()},
                   "written_tables": {name: table_dict(scores, [], verbose and name == "T")["table_figures"]
                                      for name, scores in written_tables.items()}}
            if Path(real_gold).is_dir() and Path(realdocs).is_dir():
                out.update(table_dict(*run_table_eval(Path(realdocs), Path(real_gold)), verbose))
            print(json.dumps(out, ensure_ascii=False, indent=1))
            return  # one machine-readable document per run: figure, table-cell and task scores
        if format == "csv":
            print_report(seed, format, verbose)  # the seed table; the real gold's is printed by the table format
            return
        print("seed gold")
        print_report(seed, format, verbose)
        if real:
            print("\nreal-document gold")
            print_real_report(real, format, verbose)
        if holdout:
            print("\nholdout gold (documents not used in development)")
            print_real_report(holdout, format, verbose=False, label="holdout document")  # no misses listed
        for name, scores in written.items():
            held = name == "H"
            print(f"\nwritten gold, set {name}" + (" (held out)" if held else " (tuned on)"))
            print_real_report(scores, format, verbose=verbose and not held, label=f"written {name}")
    real_dir = Path(real_gold)
    if real_dir.is_dir() and Path(realdocs).is_dir():
        tables, tasks = run_table_eval(Path(realdocs), real_dir)
        print_table_report(tables, tasks, format, verbose)
    elif real_dir.is_dir():
        print(f"{realdocs}: not found, table and task scores skipped", file=sys.stderr)
    if not real_only:
        for name, scores in written_tables.items():  # set H: numbers only, its misses are never listed
            held = " (held out)" if name == "H" else " (tuned on)"
            print_table_cells(scores, f"written {name} table cells{held}", verbose=verbose and name == "T")


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="earlier version: .docx/.pdf path or doc_id")],
    new: Annotated[str, typer.Argument(help="later version: .docx/.pdf path or doc_id")],
    db: DbOpt = Settings.db,
    format: Annotated[Literal["table", "json"], typer.Option("--format", help="table | json")] = "table",
    unchanged: Annotated[bool, typer.Option("--unchanged", help="also list what stayed the same")] = False,
    wait: WaitOpt = 0.0,
) -> None:
    """Figure-level comparison of two documents: changed, added and removed figures; task deadline/status changes."""
    from warehouse.diff import RefError, diff_docs, print_diff, resolve_refs, summary_line

    settings = Settings().resolve(db=db, workers=1, db_wait_s=wait)
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
        datetime | None,
        typer.Option("--as-of", formats=["%Y-%m-%d"], help="date tasks are overdue at, default today"),
    ] = None,
    wait: WaitOpt = 0.0,
) -> None:
    """Findings report as one self-contained HTML page: findings with their sentences, charts, task board."""
    from warehouse.load import WarehouseError
    from warehouse.report import write_report

    day = as_of.date() if as_of else None
    try:
        path = write_report(db, out, day, wait)
    except WarehouseError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    except OSError as exc:
        _err(f"{out}: cannot write the report ({exc.strerror or exc})")
        raise typer.Exit(1) from exc
    _err(f"wrote {path}")


@app.command()
def export(
    out: Annotated[str, typer.Option("--out", help="workbook file .xlsx, or folder (parquet, csv)")],
    format: Annotated[
        Literal["xlsx", "parquet", "csv"], typer.Option("--format", help="xlsx | parquet | csv")
    ] = "xlsx",
    bom: Annotated[
        bool,
        typer.Option("--bom/--no-bom", help="CSV starts with a UTF-8 byte order mark (Excel reads accents)"),
    ] = True,
    db: DbOpt = Settings.db,
    wait: WaitOpt = 0.0,
) -> None:
    """Export documents, figures, tasks, findings, the views and the indicator list: Excel sheets, or one
    Parquet/CSV file per table."""
    from warehouse.export import ExportError, check_out
    from warehouse.export import export as run_export

    try:
        check_out(format, out)
    except ExportError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    con = _open(db, wait)
    try:
        written = run_export(con, format, out, bom=bom)
    except ExportError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    finally:
        con.close()
    for table, path in written.items():
        _err(f"{table}: {path}")


@app.command()
def schema(
    format: Annotated[
        Literal["text", "markdown", "json"], typer.Option("--format", help="text | markdown | json")
    ] = "text",
) -> None:
    """The data dictionary: tables, views and columns with their meaning, allowed values, indicators."""
    from warehouse.dictionary import render

    print(render(format), end="")


def main() -> None:
    """`python -m baocao.cli`: the `baocao` command (baocao/__main__.py), with typer imported before the first
    worker of an ingest starts (the command starts it sooner)."""
    start_early(sys.argv[1:])
    app()


if __name__ == "__main__":
    main()
