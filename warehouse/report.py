"""Findings report: one self-contained HTML page rendered from the warehouse with Jinja2 — findings with their
source sentences, charts of actual against target per indicator, the task board and the document list.
All words shown to people live in warehouse/templates/report.html.j2; this module only gathers and shapes data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import groupby
from pathlib import Path

from babel.numbers import format_decimal

TEMPLATES = Path(__file__).with_name("templates")
SEVERITIES = ("error", "warning", "info")
STATUSES = ("overdue", "extension_requested", "in_progress", "not_started", "done", "unknown")

# Chart geometry in SVG user units; the page scales the SVG to its column width.
CHART_W, CHART_H = 560, 230
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM = 64, 10, 28, 50
CHART_TICKS = 5


def connect_for_reading(db: str | Path, wait: float = 0.0):
    """A read-only connection; views missing from an older warehouse are added as temporary views."""
    from warehouse.load import connect

    return connect(db, read_only=True, wait_s=wait)


# --- numbers -------------------------------------------------------------------------------------------


def format_number(x: float | None, decimals: int = 2) -> str:
    """Vietnamese digit grouping (18.600,5) by the CLDR data in Babel."""
    if x is None:
        return ""
    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "")
    return format_decimal(x, format=pattern, locale="vi")


def display_scale(base_unit: str | None, magnitude: float) -> tuple[float, str | None]:
    """The largest scale word (rules/numbers.yaml) not above `magnitude`, so 1,86e13 đồng reads 18.600 tỷ đồng."""
    from extract.catalog import load

    if base_unit == "%" or not magnitude:
        return 1.0, base_unit
    best = (1.0, base_unit)
    for scale in load("numbers")["scales"]:
        factor = float(scale["factor"])
        if magnitude >= factor > best[0]:
            best = (factor, f"{scale['word']} {base_unit}" if base_unit else scale["word"])
    return best


def period_parts(start: date | None, end: date | None) -> dict:
    """What kind of period this is, for the template to name it (quý, 6 tháng đầu năm, năm ...)."""
    if start is None or end is None:
        return {"kind": "none"}
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    whole = start.day == 1 and (end + timedelta(days=1)).day == 1
    if not whole or start.year != end.year:
        return {"kind": "range", "start": start, "end": end}
    if months == 12:
        return {"kind": "year", "year": end.year}
    if months == 3 and start.month in (1, 4, 7, 10):
        return {"kind": "quarter", "year": end.year, "n": (start.month - 1) // 3 + 1}
    if months == 6 and start.month in (1, 7):
        return {"kind": "half", "year": end.year, "n": 1 if start.month == 1 else 2}
    if start.month == 1:
        return {"kind": "months", "year": end.year, "n": months}
    return {"kind": "range", "start": start, "end": end}


# --- source sentences ----------------------------------------------------------------------------------


def highlight(quote: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """The quote cut into (text, marked) pieces; overlapping or out-of-range spans are merged and clamped."""
    merged: list[list[int]] = []
    for a, b in sorted((max(0, a), min(len(quote), b)) for a, b in spans):
        if a >= b:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    pieces, pos = [], 0
    for a, b in merged:
        if a > pos:
            pieces.append((quote[pos:a], False))
        pieces.append((quote[a:b], True))
        pos = b
    if pos < len(quote):
        pieces.append((quote[pos:], False))
    return pieces


@dataclass
class Source:
    doc_id: int
    location: str
    page: int | None
    quote: str
    pieces: list[tuple[str, bool]] = field(default_factory=list)


@dataclass
class Finding:
    finding_id: int
    severity: str
    check_id: str
    doc_id: int | None
    other_doc_id: int | None
    message: str
    sources: list[Source]


def _sources(figures: dict[int, tuple], figure_ids: list[int]) -> list[Source]:
    """One Source per distinct sentence or cell among the figures, every figure of it marked."""
    sources: dict[tuple, Source] = {}
    spans: dict[tuple, list[tuple[int, int]]] = {}
    for fid in figure_ids:
        if fid not in figures:  # a finding may outlive a re-ingested document's figures
            continue
        doc_id, location, page, quote, start, end = figures[fid]
        key = (doc_id, location, quote)
        sources.setdefault(key, Source(doc_id, location, page, quote))
        spans.setdefault(key, []).append((start, end))
    for key, src in sources.items():
        src.pieces = highlight(src.quote, spans[key])
    return list(sources.values())


def gather_findings(con) -> list[Finding]:
    rows = con.execute(
        "select finding_id, severity, check_id, doc_id, other_doc_id, figure_ids, message from open_findings"
    ).fetchall()
    # one query for the figures of every finding rather than one per finding
    figures = {
        r[0]: r[1:]
        for r in con.execute(
            """
            select figure_id, doc_id, location, page, quote, char_start, char_end from figures
            where figure_id in (select unnest(figure_ids) from findings)
            """
        ).fetchall()
    }
    return [
        Finding(fid, sev, check, doc, other, msg, _sources(figures, list(ids or [])))
        for fid, sev, check, doc, other, ids, msg in rows
    ]


def group_findings(findings: list[Finding]) -> list[dict]:
    """Findings by document (documents in id order, then those tied to none), then by severity."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    ordered = sorted(
        findings,
        key=lambda f: (f.doc_id is None, f.doc_id or 0, rank.get(f.severity, len(rank)), f.finding_id),
    )
    groups = []
    for doc_id, items in groupby(ordered, key=lambda f: f.doc_id):
        items = list(items)
        by_severity = [
            {"severity": sev, "findings": list(fs)} for sev, fs in groupby(items, key=lambda f: f.severity)
        ]
        groups.append({"doc_id": doc_id, "count": len(items), "severities": by_severity})
    return groups


# --- charts --------------------------------------------------------------------------------------------


def nice_ticks(low: float, high: float, count: int = CHART_TICKS) -> list[float]:
    """Round axis ticks covering [low, high] (steps of 1, 2, 2.5 or 5 times a power of ten)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks = []
    t = first
    while t < high + step * 0.999:
        ticks.append(round(t, 10))
        t += step
    return ticks


@dataclass
class Bar:
    role: str  # actual | target
    x: float
    y: float
    width: float
    height: float
    value: float  # in the chart's display unit
    label_y: float


@dataclass
class Chart:
    indicator: str
    name: str
    unit: str | None
    periods: list[dict]  # {parts, x (centre), share_of_target, change}
    bars: list[Bar]
    ticks: list[tuple[float, float]]  # (value in display unit, y)
    zero_y: float
    width: int = CHART_W
    height: int = CHART_H
    plot_left: int = PLOT_LEFT
    plot_right: int = CHART_W - PLOT_RIGHT


def build_chart(indicator: str, rows: list[dict]) -> Chart | None:
    """Grouped bars (actual, target) per period, periods ordered by their end; None when nothing to draw."""
    from extract.catalog import indicator as catalog_indicator

    rows = [r for r in rows if r["actual"] is not None or r["target"] is not None]
    if not rows:
        return None
    rows.sort(key=lambda r: (r["period_end"], r["period_start"]))
    values = [v for r in rows for v in (r["actual"], r["target"]) if v is not None]
    unit = next((r["unit"] for r in rows if r["unit"]), None)
    factor, unit_label = display_scale(unit, max(abs(v) for v in values))
    scaled = [v / factor for v in values]
    ticks = nice_ticks(min(0.0, *scaled), max(0.0, *scaled))
    lo, hi = ticks[0], ticks[-1]
    plot_h = CHART_H - PLOT_TOP - PLOT_BOTTOM
    plot_w = CHART_W - PLOT_LEFT - PLOT_RIGHT

    def y_of(v: float) -> float:
        return PLOT_TOP + plot_h * (hi - v) / (hi - lo)

    slot = plot_w / len(rows)
    bar_w = min(slot * 0.34, 46.0)
    periods, bars = [], []
    for i, r in enumerate(rows):
        centre = PLOT_LEFT + slot * (i + 0.5)
        periods.append(
            {
                "parts": period_parts(r["period_start"], r["period_end"]),
                "x": round(centre, 1),
                "share_of_target": r["share_of_target"],
                "change": r["change"],
            }
        )
        for offset, role in ((-1, "actual"), (0, "target")):
            if r[role] is None:
                continue
            v = r[role] / factor
            top, bottom = sorted((y_of(v), y_of(0.0)))
            bars.append(
                Bar(
                    role=role,
                    x=round(centre + offset * bar_w, 1),
                    y=round(top, 1),
                    width=round(bar_w, 1),
                    height=round(max(bottom - top, 1.0), 1),
                    value=v,
                    label_y=round(top - 4 if v >= 0 else bottom + 11, 1),
                )
            )
    entry = catalog_indicator(indicator)
    name = entry.names[0] if entry else indicator
    return Chart(
        indicator=indicator,
        name=name[:1].upper() + name[1:],
        unit=unit_label,
        periods=periods,
        bars=bars,
        ticks=[(t, round(y_of(t), 1)) for t in ticks],
        zero_y=round(y_of(0.0), 1),
    )


def gather_charts(con) -> list[Chart]:
    cur = con.execute(
        "select indicator, period_start, period_end, actual, target, share_of_target, change, unit "
        "from indicator_series order by indicator, period_end, period_start"
    )
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    charts = []
    for ind, items in groupby(rows, key=lambda r: r["indicator"]):
        chart = build_chart(ind, list(items))
        if chart is not None:
            charts.append(chart)
    return charts


# --- tasks and documents -------------------------------------------------------------------------------


def gather_tasks(con, as_of: date) -> dict:
    """Latest state of each task (task_history), the overdue ones, and every deadline that slipped."""
    cur = con.execute(
        """
        select task_key, seq, doc_id, content, owner, deadline_text, deadline, status_text, status,
               previous_deadline, slipped
        from task_history order by task_key, seq
        """
    )
    cols = [d[0] for d in cur.description]
    history = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    latest = {}
    for row in history:
        latest[row["task_key"]] = row
    overdue = [
        t
        for t in latest.values()
        if t["status"] == "overdue" or (t["deadline"] and t["deadline"] < as_of and t["status"] != "done")
    ]
    slipped, seen = [], set()
    for row in history:
        key = (row["task_key"], row["previous_deadline"], row["deadline"])
        # the DOCX and PDF of one report list the same move; show it once
        if row["slipped"] and key not in seen:
            seen.add(key)
            slipped.append(row)
    # the board counts each task once, by its state at `as_of`: a task past its deadline and not done is
    # overdue there as in the list below it, whatever status its last document wrote
    counts = {s: 0 for s in STATUSES}
    overdue_keys = {t["task_key"] for t in overdue}
    for t in latest.values():
        state = "overdue" if t["task_key"] in overdue_keys else t["status"]
        counts[state if state in counts else "unknown"] += 1
    return {"total": len(latest), "counts": counts, "overdue": overdue, "slipped": slipped}


def gather_documents(con) -> list[dict]:
    cur = con.execute(
        """
        select d.doc_id, d.path, d.format, d.title, d.doc_type, d.issuer, d.doc_number, d.issued_date,
               d.is_draft, d.draft_no, d.period_start, d.period_end, d.period_label, d.pages,
               (select count(*) from figures f where f.doc_id = d.doc_id) as n_figures,
               (select count(*) from tasks t where t.doc_id = d.doc_id) as n_tasks,
               (select count(*) from findings x where x.doc_id = d.doc_id) as n_findings
        from documents d order by d.doc_id
        """
    )
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


# --- rendering -----------------------------------------------------------------------------------------


def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["vn"] = format_number
    env.filters["vndate"] = lambda d: d.strftime("%d/%m/%Y") if d else ""
    return env


def render_report(con, as_of: date | None = None) -> str:
    as_of = as_of or date.today()
    documents = gather_documents(con)
    findings = gather_findings(con)
    context = {
        "generated": datetime.now(),
        "as_of": as_of,
        "documents": documents,
        "doc_by_id": {d["doc_id"]: d for d in documents},
        "n_findings": len(findings),
        "severity_counts": {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES},
        "finding_groups": group_findings(findings),
        "charts": gather_charts(con),
        "tasks": gather_tasks(con, as_of),
    }
    return environment().get_template("report.html.j2").render(**context)


def write_report(db: str | Path, out: str | Path, as_of: date | None = None, wait: float = 0.0) -> Path:
    con = connect_for_reading(db, wait)
    try:
        html = render_report(con, as_of)
    finally:
        con.close()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out
