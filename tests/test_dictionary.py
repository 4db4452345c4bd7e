"""The data dictionary (warehouse/dictionary.yaml): every live column described, nothing stale, the README's
"Columns and values" section generated from it, and the coded columns holding only the listed values."""

from __future__ import annotations

import pytest
from support import ROOT, SAMPLES
from typer.testing import CliRunner

from baocao.cli import app
from extract.settings import Settings
from warehouse import dictionary
from warehouse.batch import run_ingest
from warehouse.load import connect


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """Columns of every table and view of a warehouse made by `connect` (schema.sql and views/)."""
    con = connect(tmp_path_factory.mktemp("dict") / "w.duckdb")
    cols = con.execute(
        """select table_name, column_name from duckdb_columns()
           where database_name = current_database() and schema_name = 'main'
           order by table_name, column_index"""
    ).fetchall()
    views = {r[0] for r in con.execute("select view_name from duckdb_views() where not internal").fetchall()}
    con.close()
    out: dict[str, list[str]] = {}
    for table, col in cols:
        out.setdefault(table, []).append(col)
    return out, views


def test_every_live_column_has_a_meaning_and_none_is_stale(live):
    columns, views = live
    relations, _ = dictionary.load()
    described = {r.name: [c for c, _ in r.columns] for r in relations}
    undescribed = [f"{t}.{c}" for t, cols in columns.items() for c in cols if c not in described.get(t, [])]
    assert not undescribed, f"add a line to warehouse/dictionary.yaml for: {undescribed}"
    stale = [f"{t}.{c}" for t, cols in described.items() for c in cols if c not in columns.get(t, [])]
    assert not stale, f"warehouse/dictionary.yaml describes columns that do not exist: {stale}"
    # in the warehouse's own column order, and views listed as views
    assert {t: described[t] for t in columns} == columns
    assert {r.name for r in relations if r.kind == "view"} == views


def test_readme_section_is_generated_from_the_dictionary():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = dictionary.readme_section(readme)
    assert section, "README.md has no Columns and values section: run python scripts/readme_schema.py"
    assert section == dictionary.render("markdown"), "README differs: run python scripts/readme_schema.py"
    assert dictionary.readme_section(dictionary.write_readme(readme)) == section


def test_schema_command_prints_tables_values_and_indicator_names():
    text = CliRunner().invoke(app, ["schema"]).stdout
    assert "table figures" in text and "view indicator_series" in text
    assert "share_of_target" in text and "extension_requested" in text and "range_high" in text
    assert "budget_revenue" in text and "thu ngân sách nhà nước" in text
    md = CliRunner().invoke(app, ["schema", "--format", "markdown"]).stdout
    assert md == dictionary.render("markdown")


def test_coded_columns_hold_only_the_listed_values(tmp_path):
    db = tmp_path / "w.duckdb"
    assert run_ingest([str(SAMPLES)], Settings(db=str(db), workers=2), progress=False) == 0
    assert CliRunner().invoke(app, ["check", "--db", str(db)]).exit_code == 0
    con = connect(db, read_only=True)
    checked = 0
    for v in dictionary.load()[1]:
        for column in v.columns:
            table, col = column.split(".")
            found = {
                r[0]
                for r in con.execute(f"select distinct {col} from {table} where {col} is not null").fetchall()
            }
            unlisted = found - {k for k, _ in v.values}
            assert not unlisted, f"{column} holds {unlisted}, not in warehouse/dictionary.yaml"
            checked += len(found)
    con.close()
    assert checked > 15
    assert dictionary.allowed("tasks.status") == (
        "done",
        "in_progress",
        "overdue",
        "extension_requested",
        "not_started",
        "unknown",
    )
