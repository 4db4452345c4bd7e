"""warehouse.api.Warehouse: every method's filters, dtypes and empty results, the CLI's error for a missing
warehouse, and no lock kept between calls (an ingest runs between two of them)."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import duckdb
import pandas as pd
import pytest
from support import ROOT, SAMPLES

from extract import catalog
from warehouse.api import (
    ROLES,
    SEVERITIES,
    STATUSES,
    Warehouse,
    labels,
    period_bounds,
    period_name,
    validate_labels,
)
from warehouse.load import WarehouseBusy

BAOCAO = ROOT / ".venv" / "bin" / "baocao" if (ROOT / ".venv" / "bin" / "baocao").exists() else None
EXTRA_DOC = ROOT / "tests" / "samples" / "issue-6-draft-v1.docx"


def baocao(*args) -> subprocess.CompletedProcess:
    cmd = [str(BAOCAO)] if BAOCAO else [sys.executable, "-m", "baocao.cli"]
    return subprocess.run([*cmd, *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "samples.duckdb"
    assert baocao("ingest", SAMPLES, "--db", path, "-q").returncode == 0
    assert baocao("check", "--db", path).returncode == 0
    return path


@pytest.fixture(scope="module")
def wh(db):
    return Warehouse(db)


def sql(db, query, *params):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query, list(params)).fetchall()
    finally:
        con.close()


def assert_typed(df: pd.DataFrame, dates=(), ints=(), categories=None):
    for col in dates:
        assert pd.api.types.is_datetime64_dtype(df[col]), (col, df[col].dtype)
    for col in ints:
        assert df[col].dtype == "Int64", (col, df[col].dtype)
    for col, cats in (categories or {}).items():
        assert isinstance(df[col].dtype, pd.CategoricalDtype), (col, df[col].dtype)
        assert tuple(df[col].cat.categories[: len(cats)]) == cats


# --- documents -------------------------------------------------------------------------------------------


def test_documents_have_their_counts_and_types(wh, db):
    docs = wh.documents()
    assert list(docs["doc_id"]) == [r[0] for r in sql(db, "select doc_id from documents order by doc_id")]
    assert docs["n_figures"].sum() == sql(db, "select count(*) from figures")[0][0]
    assert docs["n_tasks"].sum() == sql(db, "select count(*) from tasks")[0][0]
    assert docs["n_findings"].sum() == sql(db, "select count(*) from findings where doc_id is not null")[0][0]
    assert_typed(
        docs,
        dates=["issued_date", "period_start", "period_end", "ingested_at"],
        ints=["doc_id", "draft_no", "pages", "n_figures"],
    )
    assert docs["is_draft"].dtype == "boolean"
    assert docs["path"].dtype == "str"


# --- figures ---------------------------------------------------------------------------------------------


def test_figures_unfiltered_are_every_figure_with_its_document(wh, db):
    figs = wh.figures()
    assert len(figs) == sql(db, "select count(*) from figures")[0][0]
    assert_typed(
        figs,
        dates=["period_start", "period_end"],
        ints=["figure_id", "doc_id", "page", "char_start"],
        categories={"role": ROLES},
    )
    assert figs["path"].notna().all() and figs["ocr"].dtype == "boolean"
    # every stated role survives the categorical (none silently turned into NaN)
    assert figs["role"].isna().sum() == sql(db, "select count(*) from figures where role is null")[0][0]
    # each figure's period is named from its own dates
    named = [period_name(s, e) for s, e in zip(figs["period_start"], figs["period_end"], strict=True)]
    assert figs["period"].tolist() == named and figs["period"].dtype == "str"


def test_figures_filters(wh, db):
    grdp = wh.figures(indicator="grdp_growth")
    assert len(grdp) == sql(db, "select count(*) from figures where indicator = 'grdp_growth'")[0][0] > 0
    two = wh.figures(indicator=["grdp_growth", "budget_revenue"])
    assert set(two["indicator"]) == {"grdp_growth", "budget_revenue"}
    targets = wh.figures(role="target")
    assert len(targets) == sql(db, "select count(*) from figures where role = 'target'")[0][0]
    assert set(targets["role"]) == {"target"}
    both = wh.figures(indicator="grdp_growth", role=["actual", "target"])
    assert set(both["role"]) == {"actual", "target"}
    assert len(both) == len(grdp[grdp["role"].isin(["actual", "target"])])
    subject = wh.figures(subject="DƯ NỢ tín dụng")
    assert len(subject) and subject["subject"].str.lower().str.contains("dư nợ tín dụng").all()


@pytest.mark.parametrize(
    "period, start, end",
    [
        (2026, date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
        (("2025-01-01", date(2025, 12, 31)), date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_figures_by_period_lie_within_it(wh, db, period, start, end):
    figs = wh.figures(period=period)
    n = sql(db, "select count(*) from figures where period_start >= ? and period_end <= ?", start, end)[0][0]
    assert len(figs) == n > 0
    assert (figs["period_start"] >= pd.Timestamp(start)).all() and (
        figs["period_end"] <= pd.Timestamp(end)
    ).all()


def test_figures_by_document_id_path_or_file_name(wh, db):
    doc_id, path = sql(db, "select doc_id, path from documents order by doc_id limit 1")[0]
    n = sql(db, "select count(*) from figures where doc_id = ?", doc_id)[0][0]
    for ref in (doc_id, path, path.rsplit("/", 1)[-1], [doc_id]):
        figs = wh.figures(document=ref)
        assert len(figs) == n and set(figs["doc_id"]) == {doc_id}, ref


def test_figures_empty_result_keeps_columns_and_types(wh):
    full = wh.figures(indicator="grdp_growth")
    empty = wh.figures(indicator="grdp_growth", period="2019")
    assert empty.empty and list(empty.columns) == list(full.columns)
    assert (empty.dtypes == full.dtypes).all()
    assert wh.figures(document="no-such-file.docx").empty


@pytest.mark.parametrize("bad", ["2026-Q5", "26", "Q1", ("2026-03-01", "2026-01-01"), (2026,)])
def test_a_malformed_period_is_refused(wh, bad):
    with pytest.raises(ValueError, match="period"):
        wh.figures(period=bad)


@pytest.mark.parametrize(
    "name, start, end",
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026-H2", date(2026, 7, 1), date(2026, 12, 31)),
        ("2026-9M", date(2026, 1, 1), date(2026, 9, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ],
)
def test_period_names_read_back(name, start, end):
    assert period_bounds(name) == (start, end)
    assert period_name(start, end) == name


def test_an_odd_period_is_named_as_an_interval():
    assert period_name(date(2026, 3, 15), date(2026, 4, 14)) == "2026-03-15/2026-04-14"
    assert period_name(None, None) is None


# --- series ----------------------------------------------------------------------------------------------


SERIES_COLUMNS = [
    "period_start",
    "period_end",
    "period",
    "actual",
    "target",
    "share_of_target",
    "change",
    "unit",
    "actual_figure_id",
    "target_figure_id",
    "documents",
    "paths",
]


def test_series_of_an_indicator_is_the_view_with_its_documents(wh, db):
    s = wh.series("grdp_growth")
    view = sql(
        db,
        "select period_start, period_end, actual, target, documents from indicator_series "
        "where indicator = 'grdp_growth' order by period_end, period_start",
    )
    assert len(s) == len(view) > 1
    assert s[["period_start", "period_end"]].drop_duplicates().shape[0] == len(s)  # one row per period
    assert list(s.columns) == ["indicator", *SERIES_COLUMNS]
    assert_typed(s, dates=["period_start", "period_end"], ints=["actual_figure_id", "target_figure_id"])
    for row, (start, end, actual, target, docs) in zip(s.itertuples(), view, strict=True):
        assert (row.period_start.date(), row.period_end.date()) == (start, end)
        assert pd.isna(row.actual) if actual is None else row.actual == actual
        assert pd.isna(row.target) if target is None else row.target == target
        assert list(row.documents) == docs
        assert row.paths == [sql(db, "select path from documents where doc_id = ?", d)[0][0] for d in docs]
    # the actual of each period is a figure of that indicator stated as actual
    ids = [int(i) for i in s["actual_figure_id"].dropna()]
    assert {
        r[0] for r in sql(db, "select distinct indicator || role from figures where figure_id in ?", ids)
    } == {"grdp_growthactual"}


def test_series_without_a_key_is_every_indicator(wh, db):
    s = wh.series()
    assert len(s) == sql(db, "select count(*) from indicator_series")[0][0]
    assert set(s["indicator"]) >= {"grdp_growth"}
    assert s[s["indicator"] == "grdp_growth"].reset_index(drop=True).equals(wh.series("grdp_growth"))


def test_series_of_a_subject_has_the_same_shape(wh, db):
    s = wh.series("dư nợ tín dụng")
    assert list(s.columns) == ["subject_key", *SERIES_COLUMNS]
    assert len(s) >= 1 and set(s["subject_key"]) == {"dư nợ tín dụng"}
    # case and spacing are folded
    assert wh.series("  Dư nợ   TÍN dụng ").equals(s)
    # like indicator_series, only the latest version of each family speaks (not a draft, not a PDF twin)
    docs = {d for ds in s["documents"] for d in ds}
    assert docs and all(sql(db, "select coalesce(is_latest, true) from documents where doc_id = ?", d)[0][0]
                        for d in map(int, docs))
    ids = [int(i) for i in pd.concat([s["actual_figure_id"], s["target_figure_id"]]).dropna()]
    assert ids and all(
        subject.lower() == "dư nợ tín dụng"
        for (subject,) in sql(db, "select subject from figures where figure_id in ?", ids)
    )


def test_series_of_an_unknown_key_is_empty_with_the_same_columns(wh):
    assert wh.series("%").empty and wh.series("dư_nợ tín dụng").empty  # LIKE wildcards are plain text
    s = wh.series("no such subject anywhere")
    assert s.empty and list(s.columns) == ["subject_key", *SERIES_COLUMNS]
    assert_typed(s, dates=["period_start", "period_end"], ints=["actual_figure_id"])


def test_an_older_warehouse_without_the_views_gets_them_for_the_call(db, tmp_path):
    old = tmp_path / "old.duckdb"
    old.write_bytes(db.read_bytes())
    con = duckdb.connect(str(old))
    con.execute("drop view indicator_series")
    con.execute("drop view open_findings")
    con.close()
    wh = Warehouse(old)
    assert wh.series("grdp_growth").equals(Warehouse(db).series("grdp_growth"))
    assert len(wh.findings()) == len(Warehouse(db).findings())
    assert not sql(old, "select * from duckdb_views() where view_name = 'indicator_series'")  # file untouched


# --- tasks -----------------------------------------------------------------------------------------------


def test_tasks_are_one_row_per_task_in_its_latest_document(wh, db):
    tasks = wh.tasks(as_of="2026-01-01")
    assert tasks["task_key"].is_unique
    assert len(tasks) == sql(db, "select count(distinct task_key) from tasks")[0][0]
    last = dict(sql(db, "select task_key, max(seq) from task_history group by task_key"))
    assert all(last[k] == s for k, s in zip(tasks["task_key"], tasks["seq"], strict=True))
    assert_typed(
        tasks,
        dates=["deadline", "first_deadline", "previous_deadline", "issued_date"],
        ints=["task_key", "doc_id", "n_documents"],
        categories={"status": STATUSES},
    )
    assert tasks["overdue"].dtype == "boolean" and tasks["slipped"].dtype == "boolean"
    assert tasks["slipped"].any()  # the samples move deadlines later
    history = wh.tasks(history=True)
    assert len(history) == sql(db, "select count(*) from task_history")[0][0] > len(tasks)


def test_overdue_is_computed_at_the_as_of_date(wh):
    early = wh.tasks(as_of=date(2026, 1, 1))
    late = wh.tasks(as_of="2027-01-01")

    def expect(t, day):
        stated = (t["status"] == "overdue").fillna(False)
        return stated | ((t["deadline"] < pd.Timestamp(day)) & (t["status"] != "done"))

    assert (early["overdue"] == expect(early, "2026-01-01")).all()
    assert (late["overdue"] == expect(late, "2027-01-01")).all()
    assert late["overdue"].sum() > early["overdue"].sum()
    assert set(wh.tasks(status="overdue", as_of="2027-01-01")["task_key"]) == set(
        late[late["overdue"]]["task_key"]
    )
    assert (
        wh.tasks(status="overdue", as_of="2026-01-01")["task_key"].tolist()
        == early[early["overdue"]]["task_key"].tolist()
    )


def test_tasks_by_stated_status_and_owner(wh, db):
    history = wh.tasks(history=True)
    stated = history[history["status"] == "in_progress"]
    assert len(stated) and (
        wh.tasks(status="in_progress", history=True)["task_id"].tolist() == stated["task_id"].tolist()
    )
    owner = history["owner"].dropna().iloc[0]
    mine = wh.tasks(owner=owner.upper(), history=True)
    assert len(mine) and mine["owner"].str.lower().str.contains(owner.lower(), regex=False).all()
    assert wh.tasks(owner="no such owner").empty
    with pytest.raises(ValueError, match="unknown task status"):
        wh.tasks(status="late")


# --- findings --------------------------------------------------------------------------------------------


def test_findings_errors_first_and_by_severity(wh, db):
    f = wh.findings()
    assert len(f) == sql(db, "select count(*) from findings")[0][0] > 0
    assert_typed(
        f, ints=["finding_id", "doc_id", "other_doc_id", "severity_rank"], categories={"severity": SEVERITIES}
    )
    assert f["severity"].cat.ordered and f["severity"].is_monotonic_increasing
    errors = wh.findings(severity="error")
    assert len(errors) == sql(db, "select count(*) from findings where severity = 'error'")[0][0]
    assert set(errors["severity"]) == {"error"}
    assert len(wh.findings(severity=["error", "warning"])) == len(f[f["severity"] != "info"])


def test_an_unchecked_warehouse_has_no_findings_but_typed_columns(tmp_path):
    db = tmp_path / "one.duckdb"
    assert baocao("ingest", EXTRA_DOC, "--db", db, "-q").returncode == 0
    f = Warehouse(db).findings()
    assert f.empty and "message" in f.columns
    assert_typed(f, ints=["finding_id"], categories={"severity": SEVERITIES})


# --- query -----------------------------------------------------------------------------------------------


def test_query_takes_named_parameters_and_types_the_result(wh, db):
    df = wh.query(
        "select figure_id, role, page, period_end from figures where indicator = $ind and role = $role",
        ind="grdp_growth",
        role="actual",
    )
    n = sql(db, "select count(*) from figures where indicator = 'grdp_growth' and role = 'actual'")[0][0]
    assert len(df) == n > 0
    assert_typed(df, dates=["period_end"], ints=["figure_id", "page"], categories={"role": ROLES})
    assert wh.query("select 1 as x where false").empty


def test_query_is_read_only_and_reports_sql_errors(wh):
    with pytest.raises(duckdb.Error):
        wh.query("delete from figures")
    with pytest.raises(duckdb.Error):
        wh.query("select nonsense from nowhere")


# --- labels ----------------------------------------------------------------------------------------------


def test_every_column_the_api_returns_has_a_vietnamese_label(wh):
    frames = [
        wh.documents(),
        wh.figures(),
        wh.series(),
        wh.series("dư nợ tín dụng"),
        wh.tasks(),
        wh.tasks(history=True),
        wh.findings(),
    ]
    missing = {c for df in frames for c in df.columns} - set(Warehouse.labels)
    assert wh.labels == Warehouse.labels
    assert not missing, f"rules/labels.yaml lacks {sorted(missing)}"


def test_vi_renames_columns_and_translates_categories(wh):
    f = wh.figures(indicator="grdp_growth", role="target")
    shown = wh.vi(f[["raw", "role"]])
    names = labels()
    assert list(shown.columns) == [names["columns"]["raw"], names["columns"]["role"]]
    assert set(shown.iloc[:, 1]) == {names["values"]["role"]["target"]}
    assert list(f.columns)[:3] == ["figure_id", "doc_id", "raw"]  # the original is untouched
    assert set(wh.vi(f, values=False)[names["columns"]["role"]]) == {"target"}


def test_malformed_labels_are_refused():
    good = catalog.load("labels")
    assert validate_labels(good) is good
    with pytest.raises(catalog.RuleError, match="missing"):
        validate_labels({**good, "values": {**good["values"], "status": {"done": "Hoàn thành"}}})
    with pytest.raises(catalog.RuleError, match="not a categorical"):
        validate_labels({**good, "values": {**good["values"], "format": {"pdf": "PDF"}}})
    with pytest.raises(catalog.RuleError, match="expected keys"):
        validate_labels({**good, "colours": {}})


# --- the file: missing, busy, never held ---------------------------------------------------------------


def test_a_missing_warehouse_gives_the_cli_message(tmp_path):
    missing = tmp_path / "nowhere" / "baocao.duckdb"
    cli = baocao("query", "select 1", "--db", missing)
    assert cli.returncode == 1
    with pytest.raises(FileNotFoundError) as exc:
        Warehouse(missing).figures()
    assert str(exc.value) == cli.stderr.strip()
    assert not missing.exists()  # reading never creates a warehouse


def test_no_lock_is_held_between_calls(tmp_path):
    db = tmp_path / "w.duckdb"
    assert baocao("ingest", SAMPLES / "000_ea23f6f2735d3a0f.docx", "--db", db, "-q").returncode == 0
    wh = Warehouse(db, busy_wait_s=0)
    before = wh.documents()
    # a writer in another process can open the file right after a call
    done = baocao("ingest", EXTRA_DOC, "--db", db, "-q")
    assert done.returncode == 0, done.stderr
    after = wh.documents()
    assert len(after) == len(before) + 1
    assert str(EXTRA_DOC) in set(after["path"]) or EXTRA_DOC.name in {
        p.rsplit("/", 1)[-1] for p in after["path"]
    }


HOLD_LOCK = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=sys.argv[3] == "read")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def hold_lock(db, seconds: float, mode: str = "write") -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db), str(seconds), mode], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_call_waits_briefly_for_a_writer_then_gives_the_cli_busy_message(tmp_path):
    db = tmp_path / "w.duckdb"
    assert baocao("ingest", EXTRA_DOC, "--db", db, "-q").returncode == 0
    writer = hold_lock(db, 1.0)
    try:
        assert len(Warehouse(db, busy_wait_s=30).documents()) == 1  # waited for the writer to finish
    finally:
        writer.wait(timeout=30)
    writer = hold_lock(db, 30)
    try:
        with pytest.raises(WarehouseBusy, match="busy") as exc:
            Warehouse(db, busy_wait_s=0.3).documents()
        cli = baocao("query", "select 1", "--db", db)
        assert cli.returncode == 1 and str(exc.value) == cli.stderr.strip()
    finally:
        writer.kill()
        writer.wait(timeout=30)


def test_pandas_is_imported_by_the_api_alone():
    importers = sorted(
        str(p.relative_to(ROOT))
        for folder in ("extract", "warehouse", "baocao")
        for p in (ROOT / folder).rglob("*.py")
        if re.search(r"^\s*(import pandas|from pandas)", p.read_text(encoding="utf-8"), flags=re.M)
    )
    assert importers == ["warehouse/api.py"]


def test_an_ingest_that_starts_during_a_read_waits_for_it(tmp_path):
    db = tmp_path / "w.duckdb"
    assert baocao("ingest", SAMPLES / "000_ea23f6f2735d3a0f.docx", "--db", db, "-q").returncode == 0
    reader = hold_lock(db, 1.0, mode="read")  # as a long Warehouse call would
    try:
        done = baocao("ingest", EXTRA_DOC, "--db", db, "-q")
    finally:
        reader.wait(timeout=30)
    assert done.returncode == 0, done.stderr
    assert len(Warehouse(db).documents()) == 2
