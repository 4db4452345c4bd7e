"""Export to Excel (numeric cells, Vietnamese display formats), Parquet and CSV, read back to the same rows."""

from __future__ import annotations

import csv
import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from support import SAMPLES
from typer.testing import CliRunner

from baocao.cli import app
from extract.settings import Settings
from warehouse import export as export_mod
from warehouse.batch import run_ingest
from warehouse.export import TABLES, ExportError, export, number_format


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("export") / "samples.duckdb"
    assert run_ingest([str(SAMPLES)], Settings(db=str(db), workers=2), progress=False) == 0
    con = duckdb.connect(str(db))
    ids = [r[0] for r in con.execute("select figure_id from figures order by figure_id limit 2").fetchall()]
    con.execute(
        "insert into findings (finding_id, check_id, severity, doc_id, other_doc_id, figure_ids, message) "
        "values (1, 'status_mismatch', 'error', 1, null, ?, 'Số liệu không khớp')",
        [ids],
    )
    con.close()
    return db


@pytest.fixture()
def con(warehouse):
    c = duckdb.connect(str(warehouse), read_only=True)
    yield c
    c.close()


def counts(con) -> dict[str, int]:
    """Rows of each exported table (after an export, which makes the indicator list's temporary table)."""
    return {t: con.execute(f"select count(*) from ({q})").fetchone()[0] for t, q in export_mod.QUERIES.items()}


def columns(con, table: str) -> list[str]:
    return [d[0] for d in con.execute(f"select * from ({export_mod.QUERIES[table]}) limit 0").description]


def test_number_format_keeps_written_decimals():
    assert number_format(0) == "[$-042A]#,##0"
    assert number_format(None) == "[$-042A]#,##0"
    assert number_format(2) == "[$-042A]#,##0.00"


def test_xlsx_has_one_sheet_per_table_with_numeric_cells(con, tmp_path):
    path = export(con, "xlsx", tmp_path / "baocao.xlsx")["figures"]
    wb = load_workbook(path)
    assert wb.sheetnames == list(TABLES)
    n = counts(con)
    for table in TABLES:
        assert wb[table].max_row == n[table] + 1
    ws = wb["figures"]
    header = [c.value for c in ws[1]]
    col = {name: i for i, name in enumerate(header)}
    expected = {
        r[0]: r[1:]
        for r in con.execute(
            "select figure_id, value, base_value, decimals, period_end from figures"
        ).fetchall()
    }
    checked = 0
    for row in ws.iter_rows(min_row=2):
        fid = row[col["figure_id"]].value
        value, base_value, decimals, period_end = expected[fid]
        cell = row[col["value"]]
        if value is None:
            continue
        assert isinstance(cell.value, int | float) and cell.value == pytest.approx(value)
        assert cell.number_format == number_format(decimals)
        base = row[col["base_value"]]
        assert isinstance(base.value, int | float) and base.value == pytest.approx(base_value)
        assert base.number_format.startswith("[$-042A]#,##0")
        if period_end is not None:
            end = row[col["period_end"]]
            assert isinstance(end.value, datetime) and end.value.date() == period_end
            assert end.number_format == "dd/mm/yyyy"
        checked += 1
    assert checked > 600
    findings = wb["findings"]
    ids_col = [c.value for c in findings[1]].index("figure_ids")
    assert findings.cell(row=2, column=ids_col + 1).value == "1, 2"


def test_parquet_reads_back_with_the_same_rows_and_types(con, tmp_path):
    written = export(con, "parquet", tmp_path / "pq")
    n = counts(con)
    reader = duckdb.connect()
    for table, path in written.items():
        assert path == tmp_path / "pq" / f"{table}.parquet"
        assert reader.execute(f"select count(*) from '{path}'").fetchone()[0] == n[table]
    kinds = {r[0]: r[1] for r in reader.execute(f"describe select * from '{written['figures']}'").fetchall()}
    assert kinds["value"] == "DOUBLE" and kinds["period_end"] == "DATE"
    total = reader.execute(f"select sum(base_value) from '{written['figures']}'").fetchone()[0]
    assert total == pytest.approx(con.execute("select sum(base_value) from figures").fetchone()[0])
    reader.close()


def test_csv_has_a_bom_a_header_and_every_row(con, tmp_path):
    written = export(con, "csv", tmp_path / "csv")
    n = counts(con)
    for table, path in written.items():
        assert path.read_bytes()[:3] == b"\xef\xbb\xbf", table  # Excel on Windows reads UTF-8 only with it
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == columns(con, table)
        assert len(rows) - 1 == n[table]
    quotes = {r[0] for r in con.execute("select quote from figures").fetchall()}
    with written["figures"].open(encoding="utf-8-sig", newline="") as fh:
        assert {r["quote"] for r in csv.DictReader(fh)} == quotes
    plain = export(con, "csv", tmp_path / "plain", bom=False)
    head = plain["figures"].read_bytes()[:9]
    assert head == b"figure_id"


def test_xlsx_sheets_have_filter_frozen_header_widths_and_document_names(con, tmp_path):
    path = export(con, "xlsx", tmp_path / "b.xlsx")["figures"]
    wb = load_workbook(path)
    n = counts(con)
    assert {"indicator_series", "latest_figures", "open_findings", "task_history", "indicators"} <= set(
        wb.sheetnames
    )
    for table in TABLES:
        ws = wb[table]
        cols = columns(con, table)
        last = get_column_letter(len(cols))
        assert ws.auto_filter.ref == f"A1:{last}{n[table] + 1}", table
        assert ws.freeze_panes == "A2", table
        assert all(c.font.bold for c in ws[1]), table
    figures = wb["figures"]
    header = [c.value for c in figures[1]]
    assert header[:4] == ["figure_id", "doc_id", "path", "title"]
    # widths: the longest base_value, shown with its grouping marks, fits its column (no ###)
    largest = con.execute("select max(abs(base_value)) from figures").fetchone()[0]
    shown = f"{largest:,.0f}"
    width = figures.column_dimensions[get_column_letter(header.index("base_value") + 1)].width
    assert width >= len(shown) + 1
    # a text column is as wide as its longest value, within the cap
    longest_path = con.execute("select max(length(path)) from documents").fetchone()[0]
    assert figures.column_dimensions["C"].width >= min(longest_path, export_mod.MAX_WIDTH)
    paths = dict(con.execute("select doc_id, path from documents").fetchall())
    for row in figures.iter_rows(min_row=2, max_row=40, values_only=True):
        assert row[2] == paths[row[1]] and row[3]
    for table in ("tasks", "findings"):
        assert [c.value for c in wb[table][1]][2:4] == ["path", "title"], table
    names = {r[0]: r[1] for r in wb["indicators"].iter_rows(min_row=2, values_only=True)}
    assert names["budget_revenue"] == "thu ngân sách nhà nước"
    assert len(names) == con.execute("select count(*) from indicators").fetchone()[0]


def test_cli_export_refuses_a_wrong_out_in_one_line(warehouse, tmp_path):
    runner = CliRunner()
    for args, code in (
        (["--format", "csv", "--out", str(tmp_path / "exp" / "all.xlsx")], 2),
        (["--format", "xlsx", "--out", str(tmp_path / "folder")], 2),
        (["--format", "xlsx", "--out", "/proc/no/such/place.xlsx"], 1),
        (["--format", "csv", "--out", "/proc/no/such/place"], 1),
    ):
        result = runner.invoke(app, ["export", "--db", str(warehouse), *args])
        assert result.exit_code == code, (args, result.output)
        assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert not (tmp_path / "exp").exists()


def test_xlsx_refuses_a_table_larger_than_a_sheet(con, tmp_path, monkeypatch):
    monkeypatch.setattr(export_mod, "EXCEL_MAX_ROWS", 10)
    with pytest.raises(ExportError, match="figures has 704 rows|more than an Excel sheet"):
        export(con, "xlsx", tmp_path / "big.xlsx")
    assert not (tmp_path / "big.xlsx").exists()


def test_cli_export(warehouse, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(
        app, ["export", "--db", str(warehouse), "--format", "parquet", "--out", str(tmp_path / "p")]
    )
    assert ok.exit_code == 0, ok.output
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    xlsx = runner.invoke(app, ["export", "--db", str(warehouse), "--out", str(tmp_path / "b.xlsx")])
    assert xlsx.exit_code == 0 and load_workbook(tmp_path / "b.xlsx").sheetnames == list(TABLES)
    bad = runner.invoke(
        app, ["export", "--db", str(warehouse), "--format", "ods", "--out", str(tmp_path / "x")]
    )
    assert bad.exit_code == 2
    missing = runner.invoke(
        app, ["export", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "y.xlsx")]
    )
    assert missing.exit_code == 1


def test_export_works_on_a_path_with_a_quote(con, tmp_path):
    folder = tmp_path / "báo cáo 'quý I'"
    written = export(con, "csv", folder)
    assert all(p.exists() for p in written.values())
    shutil.rmtree(folder)
