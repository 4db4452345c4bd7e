"""Findings: runs every consistency check in warehouse/checks/*.sql and rewrites the `findings` table.

A check is one SELECT returning the findings columns, named after its check_id (dbt-style): analysts can
read and add them. Rule data the SQL needs (indicator flags, placeholder patterns) is loaded beside it.
"""

from __future__ import annotations

import hashlib
import json
import re
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
    key: str = ""  # stable across runs (family and message without locations): what a suppression can name
    suppressed: bool = False  # set aside in <db>.suppressions.yaml
    reason: str | None = None  # the suppression's reason

    def row(self) -> tuple:
        """The finding as a row of the findings table, in FINDING_ROW's column order."""
        return (
            self.finding_id,
            self.check_id,
            self.severity,
            self.doc_id,
            self.other_doc_id,
            self.figure_ids,
            self.message,
            self.key,
            self.suppressed,
            self.reason,
        )


# the findings table's columns in the order of Finding.row()
FINDING_ROW = (
    "finding_id",
    "check_id",
    "severity",
    "doc_id",
    "other_doc_id",
    "figure_ids",
    "message",
    "finding_key",
    "suppressed",
    "suppressed_reason",
)


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# the quoted context of a placeholder: from a word start, up to five words before the slot and four after it
_PLACEHOLDER_CONTEXT = r"(?:^|\s)((?:\S+\s+){{0,5}}\S*(?:{})(?:\s*\S+){{0,4}})"


def _load_rule_tables(con) -> None:
    """Rule data and settings for the checks, as macros holding constants.

    A regex DuckDB reads from a table or a column is compiled again for every row it is matched against (the
    placeholder patterns and the annex heading cost 17 s at 5,000 documents); a macro's constant is compiled
    once. `check_settings` keeps the same values as a table for analysts who read or extend the checks.
    """
    from extract import catalog

    rules = catalog.load("checks")
    scope, dup = rules["placeholder_scope"], rules["duplicates"]
    fillers = rules["value_conflict"]["fillers"]
    con.execute(
        """create or replace temp table check_settings as
           select ?::integer as min_words, ?::integer as min_block_words, ?::varchar as duplicate_skip,
                  ?::integer as head_blocks, ?::integer as tail_blocks, ?::varchar as annex,
                  ?::varchar as placeholder_skip, ?::varchar[] as conflict_fillers""",
        [
            dup["min_words"],
            dup["min_block_words"],
            dup["skip"],
            scope["head_blocks"],
            scope["tail_blocks"],
            scope["annex"],
            scope["skip"],
            fillers,
        ],
    )
    constants = {
        "duplicate_min_words": str(int(dup["min_words"])),
        "duplicate_min_block_words": str(int(dup["min_block_words"])),
        "duplicate_skip": _sql_text(dup["skip"]),
        "placeholder_head_blocks": str(int(scope["head_blocks"])),
        "placeholder_tail_blocks": str(int(scope["tail_blocks"])),
        "placeholder_annex": _sql_text(scope["annex"]),
        "placeholder_skip": _sql_text(scope["skip"]),
        "conflict_fillers": "[" + ", ".join(_sql_text(w) for w in fillers) + "]::varchar[]",
        "conflict_part_opener": _sql_text(rules["value_conflict"]["part_opener"]),
    }
    for name, value in constants.items():
        con.execute(f"create or replace temp macro {name}() as {value}")
    # each placeholder pattern's hits in a text, as {what, hit} structs: one regexp_extract_all per pattern,
    # each a constant (a join with a table of patterns compiled them once per block)
    hits = " || ".join(
        f"list_transform(regexp_extract_all(t, {_sql_text(_PLACEHOLDER_CONTEXT.format(p['regex']))}, 1), "
        f"lambda h, i: {{'what': {_sql_text(p['what'])}, 'hit': h, 'pattern': {n}, 'n': i}})"
        for n, p in enumerate(rules["placeholders"])
    )
    con.execute(f"create or replace temp macro placeholder_hits(t) as {hits}")
    # where a block is, in the words an analyst reads: "trang 5" (PDF), "đoạn 374" (DOCX), "bảng 2, dòng 5"
    con.execute(
        r"""create or replace temp macro place(loc, pg) as
            case when regexp_matches(loc, '^t\d+') then
                     regexp_replace(regexp_replace(loc, '^t(\d+)r(\d+)c(\d+)$', 'bảng \1, dòng \2, cột \3'),
                                    '^t(\d+)$', 'bảng \1')
                     || coalesce(' (trang ' || pg || ')', '')
                 when pg is not null then 'trang ' || pg
                 when regexp_matches(loc, '^p\d+$') then 'đoạn ' || substr(loc, 2)
                 when regexp_matches(loc, '^f\d+$') then 'chú thích ' || substr(loc, 2)
                 else loc end"""
    )


# where a finding points inside its document; masked so the same finding in the DOCX and the PDF (or in two
# versions) compares equal
_LOCATION = re.compile(r"\b(?:đoạn|trang|bảng|dòng|cột|chú thích)\s+\d+\w*|\b[ptf]\d+(?:r\d+c\d+)?\b")
_NOT_WORD = re.compile(r"[\W_]+")


def finding_key(check_id: str, message: str) -> str:
    """The finding's identity across the files of one family: its check and message without locations,
    case, spacing and punctuation (a PDF breaks lines where the DOCX did not)."""
    return check_id + ":" + _NOT_WORD.sub("", _LOCATION.sub("", message.lower()))


def once_per_family(con, rows: list[dict]) -> list[dict]:
    """Keep each finding once per family: the rows of the latest version of the document that states it.

    A finding repeated inside one document (3/70 written 4,28% twice) stays repeated. Each kept row gets its
    `key`: a short hash of the family, the finding's location-free message and its repetition.
    """
    family = {
        doc_id: (fam if fam is not None else f"d{doc_id}", rank or 0)
        for doc_id, fam, rank in con.execute(
            "select doc_id, family_id, version_rank from documents"
        ).fetchall()
    }
    per_doc: dict[tuple, list[dict]] = {}
    for r in rows:
        fam, _ = family.get(r["doc_id"], (f"d{r['doc_id']}", 0))
        # a check may name what makes a finding the same in every file of a family (column family_key: the
        # placeholder's slot, whose quoted context differs between the DOCX and its PDF); else the message
        text = finding_key(r["check_id"], r.get("family_key") or r["message"])
        per_doc.setdefault((fam, text, r["doc_id"]), []).append(r)
    best: dict[tuple, tuple[int, list[dict]]] = {}
    for (fam, text, doc_id), group in per_doc.items():
        rank = family.get(doc_id, (None, 0))[1]
        if (fam, text) not in best or rank > best[(fam, text)][0]:
            best[(fam, text)] = (rank, group)
    out = []
    for (fam, text), (_, group) in best.items():
        for i, r in enumerate(group):
            r["key"] = hashlib.sha1(f"{fam}|{text}|{i}".encode()).hexdigest()[:10]
            out.append(r)
    return out


def _suppress(con, rows: list[dict], entries) -> None:
    from warehouse.suppressions import suppression_for

    if not entries:
        return
    files: dict[str | None, list[tuple[str, str | None]]] = {}
    family_of: dict[int, str | None] = {}
    for doc_id, path, fam in con.execute("select doc_id, path, family_id from documents").fetchall():
        family_of[doc_id] = fam
        files.setdefault(fam if fam is not None else f"d{doc_id}", []).append((path, fam))
    for r in rows:
        fam = family_of.get(r["doc_id"])
        docs = files.get(fam if fam is not None else f"d{r['doc_id']}", [])
        hit = suppression_for(entries, r["check_id"], r["message"], r["key"], docs)
        if hit is not None:
            r["suppressed"], r["reason"] = True, hit.reason


def check_files() -> list[Path]:
    return sorted(CHECKS.glob("*.sql"))


def run_checks(con, store: bool = True, suppressions=None) -> list[Finding]:
    """Run every check, replace the findings table with their rows (one transaction), return them.

    `suppressions` (warehouse.suppressions entries) mark the findings they cover as suppressed.

    `con` comes from warehouse.load.connect, which has already refreshed the `indicators` table the checks join.
    With `store` false (a read-only connection) the findings are only returned.
    """
    from warehouse.families import assign_families

    if store:  # a read-only connection checks the families as they were last grouped
        assign_families(con)
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
    rows = once_per_family(con, rows)
    _suppress(con, rows, suppressions)
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
            r["key"],
            r.get("suppressed", False),
            r.get("reason"),
        )
        for i, r in enumerate(rows)
    ]
    if not store:
        return findings
    con.execute("begin transaction")
    try:
        con.execute("delete from findings")
        if findings:
            write_findings(con, findings)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return findings


def write_findings(con, findings: list[Finding]) -> None:
    """Insert the findings in one statement, each column passed as one list: executemany ran one INSERT
    per row (0.6 ms each, 4.6 s for 7,500 findings), and an Arrow table would cost pyarrow's import."""
    columns = list(zip(*(f.row() for f in findings), strict=True))
    con.execute(
        f"""insert into findings ({", ".join(FINDING_ROW)})
           select unnest(?::integer[]), unnest(?::varchar[]), unnest(?::varchar[]), unnest(?::integer[]),
                  unnest(?::integer[]), unnest(?::integer[][]), unnest(?::varchar[]), unnest(?::varchar[]),
                  unnest(?::boolean[]), unnest(?::varchar[])""",
        [list(c) for c in columns],
    )


def failing(findings: list[Finding], fail_on: str | None) -> bool:
    """`check --fail-on error|warning`: an unsuppressed finding at that severity or a worse one exists."""
    if fail_on is None:
        return False
    return any(not f.suppressed and SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[fail_on] for f in findings)


@dataclass
class CheckRun:
    findings: list[Finding]
    paths: dict  # doc_id -> path
    not_stored: str | None = None  # why the findings table was left as it was, or None when rewritten


def check_warehouse(db, wait: float = 0.0, suppressions=None) -> CheckRun:
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
        findings = run_checks(con, store=store, suppressions=suppressions)
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
    """Unsuppressed findings grouped by document and severity (csv: one row each; JSON: all of them, each with
    `suppressed`)."""
    if fmt == "json":
        print(json.dumps([asdict(f) for f in findings], ensure_ascii=False))
        return
    hidden = sum(1 for f in findings if f.suppressed)
    findings = [f for f in findings if not f.suppressed]
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
        console.print(f"  [{f.check_id} {f.key}]{other} {f.message}", markup=False)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_ORDER}
    print(
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
        + (f"; {hidden} suppressed" if hidden else ""),
        file=sys.stderr,
    )
