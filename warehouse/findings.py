"""Findings: runs every consistency check in warehouse/checks/*.sql and rewrites the `findings` table.

A check is one SELECT returning the findings columns, named after its check_id (dbt-style): analysts can
read and add them. Rule data the SQL needs (indicator flags, placeholder patterns) is loaded beside it.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

CHECKS = Path(__file__).with_name("checks")
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    finding_id: int
    check_id: str
    severity: str
    doc_id: int | None
    other_doc_id: int | None
    figure_ids: list
    message: str


def _load_rule_tables(con) -> None:
    from extract import catalog

    rules = catalog.load("checks")
    con.execute("create or replace temp table placeholder_patterns (what varchar, regex varchar)")
    con.executemany(
        "insert into placeholder_patterns values (?, ?)",
        [[p["what"], p["regex"]] for p in rules["placeholders"]],
    )
    con.execute(
        "create or replace temp table check_settings as select ?::integer as min_words",
        [rules["duplicates"]["min_words"]],
    )


def check_files() -> list[Path]:
    return sorted(CHECKS.glob("*.sql"))


def run_checks(con, store: bool = True) -> list[Finding]:
    """Run every check, replace the findings table with their rows (one transaction), return them.

    `con` comes from warehouse.load.connect, which has already refreshed the `indicators` table the checks join.
    With `store` false (a read-only connection) the findings are only returned.
    """
    _load_rule_tables(con)
    rows = []
    for path in check_files():
        sql = path.read_text(encoding="utf-8")
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description]
        for r in cur.fetchall():
            rec = dict(zip(cols, r, strict=True))
            if rec["check_id"] != path.stem:
                raise ValueError(f"{path.name} returned check_id {rec['check_id']!r}")
            rows.append(rec)
    rows.sort(key=lambda r: (r["doc_id"] or 0, SEVERITY_ORDER[r["severity"]], r["check_id"], r["message"]))
    findings = [
        Finding(
            i + 1,
            r["check_id"],
            r["severity"],
            r["doc_id"],
            r["other_doc_id"],
            list(r["figure_ids"] or []),
            r["message"],
        )
        for i, r in enumerate(rows)
    ]
    if not store:
        return findings
    con.execute("begin transaction")
    try:
        con.execute("delete from findings")
        if findings:
            con.executemany(
                "insert into findings values (?, ?, ?, ?, ?, ?, ?)",
                [
                    [f.finding_id, f.check_id, f.severity, f.doc_id, f.other_doc_id, f.figure_ids, f.message]
                    for f in findings
                ],
            )
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return findings


@dataclass
class CheckRun:
    findings: list[Finding]
    paths: dict  # doc_id -> path
    not_stored: str | None = None  # why the findings table was left as it was, or None when rewritten


def check_warehouse(db, wait: float = 0.0) -> CheckRun:
    """Open the warehouse for writing and run the checks; when only other readers hold it, run them anyway.

    DuckDB lets many processes read a file or one write it. Sessions that only read (a notebook, the DuckDB
    command line, a BI tool) would otherwise make `check` fail although the checks themselves only read:
    then the findings are computed on a read-only connection and printed, and `not_stored` says why the
    table kept its old rows. A writer (an ingest) is waited for up to `wait` seconds.
    """
    import time

    from warehouse.load import WAIT_STEP_S, WarehouseBusy, connect

    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            con, store, busy = connect(db, create=False), True, None
            break
        except WarehouseBusy as exc:
            busy = exc
        try:
            con, store = connect(db, read_only=True), False
            break
        except WarehouseBusy:
            if time.monotonic() >= deadline:
                raise
            time.sleep(WAIT_STEP_S)
    try:
        findings = run_checks(con, store=store)
        paths = dict(con.execute("select doc_id, path from documents").fetchall())
    finally:
        con.close()
    not_stored = None
    if not store:
        not_stored = (
            f"{db}: findings printed but not stored in table findings, another process has the file open "
            f"({busy.detail}). Close the other session "
            "(notebook, DuckDB shell, BI tool) and run `baocao check` again to store them"
        )
    return CheckRun(findings, paths, not_stored)


FINDING_COLUMNS = [
    "finding_id",
    "check_id",
    "severity",
    "doc_id",
    "path",
    "other_doc_id",
    "figure_ids",
    "message",
]


def print_findings(findings: list[Finding], fmt: str = "table", paths: dict | None = None) -> None:
    if fmt == "json":
        print(json.dumps([asdict(f) for f in findings], ensure_ascii=False))
        return
    if fmt == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(FINDING_COLUMNS)
        for f in findings:
            w.writerow(
                [
                    f.finding_id,
                    f.check_id,
                    f.severity,
                    f.doc_id,
                    (paths or {}).get(f.doc_id, ""),
                    f.other_doc_id,
                    " ".join(map(str, f.figure_ids)),
                    f.message,
                ]
            )
        return
    from rich.console import Console

    console = Console(width=160, highlight=False)
    if not findings:
        console.print("no findings", style="green")
    current = None
    for f in findings:
        key = (f.doc_id, f.severity)
        if key != current:
            current = key
            doc = (paths or {}).get(f.doc_id, f"doc {f.doc_id}")
            console.print(f"\n[bold]{doc}[/bold] — {f.severity}")
        other = f" (so với doc {f.other_doc_id})" if f.other_doc_id else ""
        console.print(f"  [{f.check_id}]{other} {f.message}", markup=False)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_ORDER}
    print(f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info", file=sys.stderr)
