"""Figures in the warehouse answer the analysts' questions; excluded kinds never become figures."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest
import regex
from support import REALDOCS, ROOT, SAMPLES

from baocao.evaluate import run_eval, totals
from extract.pipeline import extract_file


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    db = tmp_path_factory.mktemp("w") / "w.duckdb"
    res = subprocess.run(
        [sys.executable, "-m", "baocao.cli", "ingest", str(SAMPLES), "--db", str(db), "-q"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert res.returncode == 0, res.stderr
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_grdp_growth_actual_per_period(warehouse, fmt):
    rows = warehouse.execute(
        """select distinct f.period_start::varchar, f.period_end::varchar, f.base_value from figures f
           join documents d using (doc_id)
           where f.indicator = 'grdp_growth' and f.role = 'actual' and f.qualifier is null
             and year(f.period_start) = 2026 and d.format = ?
           order by 1, 2""",
        [fmt],
    ).fetchall()
    assert rows == [("2026-01-01", "2026-03-31", 7.47), ("2026-01-01", "2026-06-30", 7.97)]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_analysts_questions(warehouse, fmt):
    def values(sql):
        return sorted({r[0] for r in warehouse.execute(sql.replace("{fmt}", fmt)).fetchall()})

    base = "from figures f join documents d using (doc_id) where d.format = '{fmt}' and "
    q1 = "f.period_start = '2026-01-01' and f.period_end = '2026-03-31'"
    h1 = "f.period_start = '2026-01-01' and f.period_end = '2026-06-30'"
    assert values(f"select base_value {base} indicator = 'budget_revenue' and role = 'actual' and {q1}") == [
        1.0619e13
    ]
    shares = values(
        f"select base_value {base} indicator = 'public_investment_disbursement' "
        f"and role = 'share_of_target' and {h1}"
    )
    assert {13.95, 13.09} <= set(shares)
    assert values(f"select base_value {base} indicator = 'export_turnover' and role = 'change' and {h1}") == [
        -2.66
    ]
    assert values(
        f"select base_value {base} indicator = 'tourist_arrivals' and role = 'actual' and {q1}"
    ) == [6018300.0]
    sector2 = warehouse.execute(
        base.replace("{fmt}", fmt).replace("from figures", "select qualifier, base_value from figures")
        + "indicator = 'grdp_growth_sector2' and role = 'target' and f.period_start = '2026-01-01' "
        "and f.period_end = '2026-12-31' order by qualifier"
    ).fetchall()
    assert sector2 == [("range_high", 14.29), ("range_low", 13.18)]


def test_every_figure_traces_to_its_quote(warehouse):
    bad = warehouse.execute(
        "select count(*) from figures where substr(quote, char_start + 1, char_end - char_start) <> raw"
    ).fetchone()[0]
    assert bad == 0
    assert (
        warehouse.execute("select count(*) from figures where location is null or quote = ''").fetchone()[0]
        == 0
    )


# What must never be a figure: identifiers, dates, periods, names, section numbers (one pattern per kind).
EXCLUDED = {
    "document code": r"\d+\s*-\s*[\p{Lu}Đ]+/[\p{Lu}Đ]+|\d+/[\p{Lu}Đ]+-[\p{Lu}Đ]+",
    "date": r"\b\d{1,2}/\d{1,2}/\d{4}\b|\b(?:ngày|tháng)\s+\d{1,2}/\d{4}",
    "period": r"Quý\s+[IV]+/\d{4}|\b(?:2021|2025|2026)\s*-\s*20\d\d\b",
    "name": r"Ban Chỉ đạo \d+|Chủ đề \d|phần mềm 4\.0|lần thứ \d|khóa XVI|Sơn Mỹ \d|“6 rõ”",
}


@pytest.mark.parametrize(
    "stem", ["000_ea23f6f2735d3a0f", "001_8ae5b9da1ecb2557", "002_44a35151dedbb7b7", "003_ef6b9c13ae5fbfa8"]
)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_no_figure_from_an_excluded_kind(stem, fmt):
    ex = extract_file(SAMPLES / f"{stem}.{fmt}")
    hits = []
    for f in ex.figures:
        for kind, pattern in EXCLUDED.items():
            for m in regex.finditer(pattern, f.quote):
                if m.start() < f.char_end and f.char_start < m.end():
                    hits.append((kind, f.raw, m.group()))
    assert hits == []
    # headings' own numbering never becomes a figure
    assert not [
        f
        for f in ex.figures
        if regex.match(r"^(?:[IVX]+|\d+(?:\.\d+)*|[a-z])[.)]\s", f.quote) and f.char_start == 0
    ]


def test_accuracy_against_gold_meets_the_bar():
    scores = run_eval(SAMPLES, ROOT / "tests" / "gold")
    for fmt in ("docx", "pdf"):
        t = totals(scores, fmt)
        assert t.gold > 300
        assert t.f1 >= 0.97, (fmt, t.f1)
        assert t.attribution >= 0.90, (fmt, t.attribution)


def test_eval_command_prints_json(tmp_path):
    # one holdout file keeps the run short; -v lists the real gold's misses but never the holdout's
    holdout = ROOT / "tests" / "gold" / "holdout" / "26_LamDong_KH_CCHC_2026-2030_DUTHAO_17-3.json"
    (tmp_path / holdout.name).write_bytes(holdout.read_bytes())
    res = subprocess.run(
        [sys.executable, "-m", "baocao.cli", "eval", "--format", "json", "-v", "--holdout-gold", str(tmp_path),
         "--realdocs", str(REALDOCS)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    out = json.loads(res.stdout)
    rows = out["seed"]
    assert {r["format"] for r in rows} == {"docx", "pdf"}
    assert all({"precision", "recall", "f1", "attribution"} <= set(r) for r in rows)
    # the written gold: set T lists its misses under -v, set H (held out) never does
    written = out["written"]
    assert set(written) == {"T", "H"} and all(w[-1]["doc"] == "ALL" and w[-1]["gold"] >= 50 for w in written.values())
    assert any("misses" in r for r in written["T"]) and not any("misses" in r for r in written["H"])
    if REALDOCS.is_dir():
        held = out["holdout"]
        assert held[0]["doc"] == holdout.stem and held[-1]["doc"] == "ALL"
        assert all({"recall", "value_unit", "role", "period", "subject"} <= set(r) for r in held)
        assert not any("misses" in r for r in held)
        assert any("misses" in r for r in out["real"])


def test_with_subject_key_is_replace():
    # the figure stage sets subject_key by copying the fields: the same figure dataclasses.replace makes
    import dataclasses
    from datetime import date

    from extract.figures.mentions import with_subject_key
    from extract.model import Figure

    assert not hasattr(Figure, "__post_init__") and not hasattr(Figure, "__slots__")
    f = Figure(raw="12 hộ", value=12.0, unit="hộ", base_value=12.0, base_unit="hộ", quote="có 12 hộ", location="p1",
               char_start=3, char_end=8, subject="hộ nghèo", period_start=date(2025, 1, 1), role="actual")
    new = with_subject_key(f, "hộ nghèo")
    assert new == dataclasses.replace(f, subject_key="hộ nghèo") and new is not f and f.subject_key is None
    assert dataclasses.astuple(new) == dataclasses.astuple(dataclasses.replace(f, subject_key="hộ nghèo"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        new.subject_key = "x"


def test_mention_figure_copy_is_the_dataclass_init():
    # mention_figure fills a Figure's fields without its frozen __init__: the same figure, and the same errors
    import dataclasses
    import pickle
    from datetime import date

    from extract.figures.mentions import _figure
    from extract.model import Figure

    given = dict(raw="15 xã", value=15.0, unit="xã", base_value=15.0, base_unit="xã", quote="đạt 15 xã", location="p2",
                 char_start=4, char_end=9, role="actual", period_end=date(2025, 6, 30), check_name="xã đạt chuẩn")
    made, want = _figure(dict(given)), Figure(**given)
    assert made == want and dataclasses.astuple(made) == dataclasses.astuple(want) and repr(made) == repr(want)
    assert list(made.__dict__) == list(want.__dict__) and pickle.loads(pickle.dumps(made)) == want
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.role = "target"
    with pytest.raises(TypeError):
        _figure({**given, "colour": "red"})  # no such field
    with pytest.raises(TypeError):
        _figure({k: v for k, v in given.items() if k != "quote"})  # a field without a default missing
