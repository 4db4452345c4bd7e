"""The findings report: highlighting, period names, chart scales, and the rendered page (HTML and Chromium)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest
from support import ROOT, SAMPLES
from typer.testing import CliRunner

from baocao.cli import app
from extract.settings import Settings
from warehouse.batch import run_ingest
from warehouse.report import (
    Finding,
    connect_for_reading,
    display_scale,
    group_findings,
    highlight,
    nice_ticks,
    period_parts,
    render_report,
    write_report,
)

AS_OF = date(2026, 9, 1)


def insert_findings(con) -> list[tuple]:
    """Findings as `baocao check` would write them, on real figures: one sentence with two numbers, a pair
    across two documents, and one with no figure. Returns the inserted rows."""
    q1 = con.execute(
        """
        select a.figure_id, t.figure_id, a.doc_id from figures a
        join figures t on t.doc_id = a.doc_id and t.location = a.location and t.role = 'target'
                       and t.indicator = a.indicator and t.period_start = a.period_start
        where a.indicator = 'grdp_growth' and a.role = 'actual' and a.period_end = date '2026-03-31'
        order by a.doc_id, a.figure_id limit 1
        """
    ).fetchone()
    pair = con.execute(
        """
        select a.figure_id, b.figure_id, a.doc_id, b.doc_id from figures a
        join figures b on b.indicator = a.indicator and b.role = a.role and b.doc_id > a.doc_id + 1
        where a.indicator = 'tourist_arrivals' and a.role = 'actual' and a.base_value <> b.base_value
        order by a.figure_id, b.figure_id limit 1
        """
    ).fetchone()
    assert q1 and pair, "the samples no longer carry the figures these findings are built on"
    rows = [
        (1, "status_mismatch", "error", q1[2], None, [q1[0], q1[1]], "Tăng trưởng 7,47% thấp hơn KH 9,77%"),
        (2, "cross_doc_value", "warning", pair[2], pair[3], [pair[0], pair[1]], "Hai văn bản ghi khác nhau"),
        (3, "placeholder_text", "info", 7, None, [], "Còn chỗ để trống <…> chưa điền"),
    ]
    con.executemany(
        "insert into findings (finding_id, check_id, severity, doc_id, other_doc_id, figure_ids, message) "
        "values (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return rows


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("report") / "samples.duckdb"
    code = run_ingest([str(SAMPLES)], Settings(db=str(db), workers=2), progress=False)
    assert code == 0
    return db


@pytest.fixture(scope="module")
def with_findings(warehouse, tmp_path_factory) -> tuple[Path, list[tuple]]:
    db = tmp_path_factory.mktemp("findings") / "findings.duckdb"
    shutil.copy(warehouse, db)
    con = duckdb.connect(str(db))
    rows = insert_findings(con)
    con.close()
    return db, rows


class _Text(HTMLParser):
    """Visible text of a page, and the text inside each <mark>."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.marks: list[str] = []
        self._mark: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self._mark = []
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "mark" and self._mark is not None:
            self.marks.append("".join(self._mark))
            self._mark = None
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data):
        if self._skip:
            return
        self.parts.append(data)
        if self._mark is not None:
            self._mark.append(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def parse(html: str) -> _Text:
    p = _Text()
    p.feed(html)
    return p


def test_highlight_merges_overlaps_and_clamps():
    pieces = highlight("tăng 7,47% (KH: 9,77%)", [(16, 21), (5, 10), (7, 9), (18, 99)])
    assert pieces == [("tăng ", False), ("7,47%", True), (" (KH: ", False), ("9,77%)", True)]
    assert highlight("abc", []) == [("abc", False)]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 1, 1), date(2026, 3, 31), {"kind": "quarter", "year": 2026, "n": 1}),
        (date(2026, 4, 1), date(2026, 6, 30), {"kind": "quarter", "year": 2026, "n": 2}),
        (date(2026, 7, 1), date(2026, 12, 31), {"kind": "half", "year": 2026, "n": 2}),
        (date(2026, 1, 1), date(2026, 9, 30), {"kind": "months", "year": 2026, "n": 9}),
        (date(2025, 1, 1), date(2025, 12, 31), {"kind": "year", "year": 2025}),
        (
            date(2026, 2, 1),
            date(2026, 2, 28),
            {"kind": "range", "start": date(2026, 2, 1), "end": date(2026, 2, 28)},
        ),
    ],
)
def test_period_parts(start, end, expected):
    assert period_parts(start, end) == expected


def test_display_scale_uses_scale_words():
    assert display_scale("đồng", 1.86e13) == (1e9, "tỷ đồng")
    assert display_scale("USD", 7.83e8) == (1e6, "triệu USD")
    assert display_scale("%", 9.77) == (1.0, "%")
    assert display_scale("vụ", 193) == (1.0, "vụ")


def test_nice_ticks_cover_the_range():
    ticks = nice_ticks(0, 9.77)
    assert ticks[0] == 0 and ticks[-1] >= 9.77 and len(ticks) <= 7
    steps = {round(b - a, 6) for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1
    negative = nice_ticks(-23, 193)
    assert negative[0] <= -23 and negative[-1] >= 193 and 0 in negative


def test_findings_grouped_by_document_then_severity():
    def f(fid, sev, doc):
        return Finding(fid, sev, "c", doc, None, "m", [])

    groups = group_findings(
        [f(1, "info", 7), f(2, "error", None), f(3, "warning", 3), f(4, "error", 7), f(5, "info", 3)]
    )
    assert [g["doc_id"] for g in groups] == [3, 7, None]
    assert [[s["severity"] for s in g["severities"]] for g in groups] == [
        ["warning", "info"],
        ["error", "info"],
        ["error"],
    ]
    assert [g["count"] for g in groups] == [2, 2, 1]


def test_report_quotes_every_finding_with_its_numbers_marked(with_findings):
    db, rows = with_findings
    con = connect_for_reading(db)
    html = render_report(con, AS_OF)
    page = parse(html)
    for _fid, check_id, _sev, _doc, _other, figure_ids, message in rows:
        assert message in page.text
        assert check_id in page.text
        for quote, start, end in con.execute(
            "select quote, char_start, char_end from figures where list_contains(?, figure_id)", [figure_ids]
        ).fetchall():
            assert quote in page.text
            assert quote[start:end] in page.marks
    con.close()
    # the message's angle brackets are escaped, not markup
    assert "&lt;…&gt;" in html


def test_report_is_self_contained(with_findings):
    db, _ = with_findings
    con = connect_for_reading(db)
    html = render_report(con, AS_OF)
    con.close()
    assert "<script" not in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html and "url(" not in html


def test_report_without_findings_still_has_charts_tasks_and_documents(warehouse):
    con = connect_for_reading(warehouse)
    html = render_report(con, AS_OF)
    indicators = con.execute(
        "select count(distinct indicator) from indicator_series where actual is not null or target is not null"
    ).fetchone()[0]
    paths = [r[0] for r in con.execute("select path from documents").fetchall()]
    slipped = con.execute(
        "select count(distinct (task_key, previous_deadline, deadline)) from task_history where slipped"
    ).fetchone()[0]
    con.close()
    page = parse(html)
    assert "Chưa có phát hiện nào" in page.text
    assert indicators > 5 and html.count('<figure class="chart"') == indicators
    assert html.count('class="bar-actual"') > 0 and html.count('class="bar-target"') > 0
    assert f"Thời hạn bị lùi — {slipped}" in page.text and slipped > 0
    assert len(paths) == 8 and all(p in page.text for p in paths)


def test_overdue_follows_as_of(warehouse):
    con = connect_for_reading(warehouse)
    early = parse(render_report(con, date(2026, 1, 1))).text
    late = parse(render_report(con, date(2027, 1, 1))).text
    total = con.execute("select count(distinct task_key) from task_history").fetchone()[0]
    con.close()
    n_early = int(re.search(r"Nhiệm vụ quá hạn \(tính đến 01/01/2026\) — (\d+)", early).group(1))
    n_late = int(re.search(r"Nhiệm vụ quá hạn \(tính đến 01/01/2027\) — (\d+)", late).group(1))
    # early on only tasks the text itself calls overdue; a year later every task not done
    assert n_early < n_late == total


def test_report_reads_a_warehouse_made_before_the_views(warehouse, tmp_path):
    db = tmp_path / "old.duckdb"
    shutil.copy(warehouse, db)
    con = duckdb.connect(str(db))
    con.execute("drop view indicator_series")
    con.execute("drop view open_findings")
    con.close()
    out = write_report(db, tmp_path / "r.html", AS_OF)
    assert out.read_text(encoding="utf-8").count('<figure class="chart"') > 5


def test_cli_report(warehouse, tmp_path):
    out = tmp_path / "out" / "report.html"
    result = CliRunner().invoke(
        app, ["report", "--db", str(warehouse), "--out", str(out), "--as-of", "2026-09-01"]
    )
    assert result.exit_code == 0, result.output
    assert "Danh sách văn bản" in out.read_text(encoding="utf-8")
    bad = CliRunner().invoke(app, ["report", "--db", str(warehouse), "--out", str(out), "--as-of", "hôm qua"])
    assert bad.exit_code == 2
    missing = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "none.duckdb"), "--out", str(out)])
    assert missing.exit_code == 1


def _chromium() -> str:
    found = shutil.which("chromium")
    if found:
        return found
    setup = ROOT / "scripts" / "setup-browser.sh"
    done = subprocess.run(["bash", str(setup)], capture_output=True, text=True, check=False)
    found = shutil.which("chromium")
    if not found:
        pytest.skip(f"chromium could not be installed: {done.stderr.strip()[-300:]}")
    return found


def _share_near(img, rgb: tuple[int, int, int], tolerance: int = 24) -> float:
    w, h = img.size
    colours = img.getcolors(maxcolors=w * h)
    near = sum(n for n, c in colours if all(abs(c[i] - rgb[i]) <= tolerance for i in range(3)))
    return near / (w * h)


def test_report_renders_in_headless_chromium(with_findings, tmp_path):
    from PIL import Image

    browser = _chromium()
    db, _ = with_findings
    page = write_report(db, tmp_path / "report.html", AS_OF)
    shot = tmp_path / "report.png"
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        run = subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--enable-logging=stderr",
                "--v=0",
                f"--screenshot={shot}",
                "--window-size=1280,3000",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
            env={**os.environ, "LANG": "C.UTF-8"},
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert shot.exists(), run.stderr[-2000:]
    assert "Uncaught" not in run.stderr
    img = Image.open(shot).convert("RGB")
    assert img.size == (1280, 3000)
    white = _share_near(img, (255, 255, 255), tolerance=8)
    assert 1 - white > 0.08, f"page looks blank: {1 - white:.1%} non-white"
    # the highlighted numbers of the findings (mark #ffe066) and the bars of the charts (#1f6fb2, #f0b429)
    assert _share_near(img, (0xFF, 0xE0, 0x66)) > 0.0005
    assert _share_near(img, (0x1F, 0x6F, 0xB2)) > 0.002
    assert _share_near(img, (0xF0, 0xB4, 0x29)) > 0.002


def test_task_board_counts_agree_with_the_overdue_list(warehouse):
    con = connect_for_reading(warehouse)
    for day in (date(2026, 1, 1), date(2026, 9, 1), date(2027, 1, 1)):
        html = render_report(con, day)
        table = re.search(r'<table class="task-counts">(.*?)</table>', html, re.S).group(1)
        names = re.findall(r"<th>(.*?)</th>", table)
        values = [int(v) for v in re.findall(r'<td class="num">(\d+)</td>', table)]
        counts = dict(zip(names, values, strict=True))
        listed = int(re.search(r"Nhiệm vụ quá hạn \(tính đến [\d/]+\) — (\d+)", parse(html).text).group(1))
        assert counts["Quá hạn"] == listed, day
        assert sum(v for k, v in counts.items() if k != "Tổng") == counts["Tổng"]
        card = int(re.search(r"<b>(\d+)</b>nhiệm vụ quá hạn", html).group(1))
        assert card == listed
    con.close()
    assert listed > 0


BAR_COLOURS = [(0x1F, 0x6F, 0xB2), (0xF0, 0xB4, 0x29)]


def _is_bar(rect) -> bool:
    colour = rect.get("non_stroking_color")
    if not isinstance(colour, tuple | list) or len(colour) != 3:
        return False
    return any(all(abs(colour[i] * 255 - c[i]) < 3 for i in range(3)) for c in BAR_COLOURS)


def test_printed_report_keeps_each_chart_with_its_title(warehouse, tmp_path):
    """Print to PDF in headless Chromium; every chart's title and all of its bars land on one page."""
    import pdfplumber

    browser = _chromium()
    con = connect_for_reading(warehouse)
    charts = [
        len(c.bars) for c in __import__("warehouse.report", fromlist=["gather_charts"]).gather_charts(con)
    ]
    con.close()
    page = write_report(warehouse, tmp_path / "report.html", AS_OF)
    pdf = tmp_path / "report.pdf"
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        run = subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
            env={**os.environ, "LANG": "C.UTF-8"},
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert pdf.exists(), run.stderr[-2000:]
    found: dict[int, int] = {}
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) > 2
        for p in doc.pages:
            bars = [r for r in p.rects if _is_bar(r)]
            for m in p.search(r"Biểu đồ (\d+)\.", regex=True):
                n = int(m["groups"][0])
                # the chart's bars sit under its title, in its column, before the next title below it
                below = [
                    r
                    for r in bars
                    if m["bottom"] < r["top"] < m["bottom"] + 0.5 * p.height
                    and m["x0"] - 20 <= r["x0"] <= m["x0"] + p.width * 0.95
                ]
                nxt = [o["top"] for o in p.search(r"Biểu đồ \d+\.", regex=True) if o["top"] > m["bottom"] + 1]
                if nxt:
                    below = [r for r in below if r["top"] < min(nxt)]
                found[n] = len(below)
    assert sorted(found) == list(range(1, len(charts) + 1)), "a chart title is missing from the PDF"
    split = {n: (found[n], charts[n - 1]) for n in found if found[n] != charts[n - 1]}
    assert not split, f"charts whose bars are not all on their title's page (found, drawn): {split}"
