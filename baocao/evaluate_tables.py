"""Accuracy of table-cell figures and of tasks against the real-document gold (tests/gold/real/).

`<stem>.tables.json` lists every numeric cell of a stated scope (rows, columns) of some tables, with the subject a
reader names it by; precision is counted over the extracted cell figures inside that scope. `<stem>.tasks.json` lists every task of the
document; a task is found when an extracted task's content contains the gold's opening words.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from extract.language.text import fold

_CELL_LOC = re.compile(r"^t(\d+)r(\d+)c(\d+)$")
_LEADER = re.compile(r"[.…_]{5,}")
_PUNCT = re.compile(r"[\s,.;:()\-–—/+*]+")


def _norm(text: str | None) -> str:
    return _PUNCT.sub(" ", fold(text or "").casefold()).strip()


@dataclass
class TableScore:
    doc: str
    gold: int = 0
    extracted: int = 0  # extracted cell figures inside the gold's scope
    matched: int = 0
    value_ok: int = 0
    headers_ok: int = 0
    page_ok: int = 0
    attributed: int = 0  # role and period as the gold's
    subject_gold: int = 0  # matched cells whose gold names a subject
    subject_ok: int = 0  # ... and whose extracted subject names it (baocao.evaluate.subject_named)
    layout: int = 0  # figures from layout tables (letterheads, signatures) or dotted leader lines
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)
    wrong: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return min(self.matched, self.extracted) / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def subject(self) -> float:
        return self.subject_ok / self.subject_gold if self.subject_gold else 1.0


@dataclass
class TaskScore:
    doc: str
    gold: int = 0
    extracted: int = 0
    found: int = 0
    owner_ok: int = 0
    deadline_ok: int = 0
    status_ok: int = 0
    misses: list = field(default_factory=list)
    wrong: list = field(default_factory=list)

    def rate(self, n: int) -> float:
        return n / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


# --------------------------------------------------------------------------------------------------
# table-cell figures


def _rows_in_order(doc) -> list[tuple[int, int, str, int | None]]:
    """(table number, grid row, row text, page) for every row of every table, in document order."""
    out = []
    for block in doc.tables():
        if block.table is None or not block.location[1:].isdigit():
            continue
        tno = int(block.location[1:])
        for row in block.table.rows:
            if row:
                out.append((tno, row[0].row, fold(" ".join(c.text for c in row)), block.page))
    return out


def _scope_rows(doc, scope: dict) -> set[tuple[int, int]]:
    rows = _rows_in_order(doc)
    first, last = _norm(scope["first_row"]), _norm(scope["last_row"])
    start = next(
        (i for i, (_, _, text, page) in enumerate(rows)
         if first in _norm(text) and (scope.get("page") in (None, page))),
        None,
    )
    if start is None:
        return set()
    end = next((i for i in range(start, len(rows)) if last in _norm(rows[i][2])), start)
    return {(t, r) for t, r, _, _ in rows[start : end + 1]}


def _header_columns(doc, key: str, header_rows: int = 3) -> set[tuple[int, int]]:
    """(table, grid column) pairs whose header cells (first rows of the table) contain `key`."""
    out = set()
    for block in doc.tables():
        if block.table is None or not block.location[1:].isdigit():
            continue
        for row in block.table.rows[:header_rows]:
            for c in row:
                if key in _norm(c.text):
                    out.update((int(block.location[1:]), c.col + k) for k in range(c.colspan))
    return out


def _layout_tables(doc, markers: list[str]) -> set[int]:
    keys = [_norm(m) for m in markers]
    out = set()
    for block in doc.tables():
        if block.location[1:].isdigit() and any(k in _norm(block.text) for k in keys):
            out.add(int(block.location[1:]))
    return out


def _header_ok(gold: list[str] | None, got: str | None) -> bool:
    if not gold:
        return True
    return _norm(gold[-1]).lstrip("+ -") in _norm(got)


def score_tables(extraction, gold: dict, extra: int | None = None) -> TableScore:
    """Detection, values, headers, pages, role and period, and subjects of the cells in the gold's scope;
    `extra`: the content syllables an extracted subject may add (default: the eval setting)."""
    from baocao.evaluate import subject_named

    if extra is None:
        from extract.settings import Settings

        extra = Settings().eval_subject_extra_words
    doc = extraction.document
    score = TableScore(doc=gold["doc"], gold=len(gold["figures"]))
    figures = list(extraction.figures)
    cells = []
    for idx, f in enumerate(figures):
        m = _CELL_LOC.match(f.location)
        if m:
            cells.append((idx, int(m[1]), int(m[2])))
    in_scope: set[int] = set()
    for scope in gold.get("scope", []):
        rows = _scope_rows(doc, scope)
        col = scope.get("col_header")
        cols = _header_columns(doc, _norm(col)) if col else None
        for idx, t, r in cells:
            c = int(_CELL_LOC.match(figures[idx].location)[3])
            if (t, r) in rows and (cols is None or (t, c) in cols):
                in_scope.add(idx)
    layout = _layout_tables(doc, gold.get("layout_tables", []))
    score.layout = sum(
        1 for idx, t, _ in cells if t in layout
    ) + sum(1 for f in figures if _LEADER.search(f.quote[max(0, f.char_start - 3) : f.char_end + 3]))
    score.extracted = len(in_scope)
    used: set[int] = set()
    for g in gold["figures"]:
        anchor, num = fold(g["anchor"]), g["num"]
        k = anchor.find(num)
        cands = [
            idx for idx, _, _ in cells
            if idx not in used and k >= 0
            and any(figures[idx].char_start == j + k for j in _positions(fold(figures[idx].quote), anchor))
        ]
        # a gold cell is in its scope and its number is the whole number ("89" is not the start of "89,01"):
        # such cells pair first
        cands.sort(key=lambda i: (i not in in_scope, _longer(figures[i].raw, num)))
        agree = [
            i for i in cands
            if _header_ok(g.get("row_header"), figures[i].row_header)
            and _header_ok(g.get("col_header"), figures[i].col_header)
        ]
        pick = (agree or cands or [None])[0]
        if pick is None:
            score.misses.append(f"{g['anchor']} [{num}] row={g.get('row_header')} col={g.get('col_header')}")
            continue
        used.add(pick)
        score.matched += 1
        f = figures[pick]
        if pick in agree:
            score.headers_ok += 1
        if g.get("page") is None or f.page == g["page"]:
            score.page_ok += 1
        period = [f.period_start.isoformat() if f.period_start else None,
                  f.period_end.isoformat() if f.period_end else None]
        if f.role == g.get("role") and period == list(g.get("period") or [None, None]):
            score.attributed += 1
        else:
            score.wrong.append(f"{g['anchor']} {g.get('col_header')}: got {f.role} {period}, gold {g.get('role')} {g.get('period')}")
        if g.get("subject"):
            score.subject_gold += 1
            if subject_named(f.subject, g["subject"], extra):
                score.subject_ok += 1
            else:
                score.wrong.append(f"{g['anchor']} {g.get('row_header')} {g.get('col_header')}: subject "
                                   f"{f.subject!r}, gold {g['subject']!r}")
        bv = g.get("base_value")
        if bv is not None and abs(f.base_value - bv) <= 1e-9 * max(1.0, abs(bv)):
            score.value_ok += 1
    for idx in sorted(in_scope - used):
        f = figures[idx]
        score.false_alarms.append(f"{f.raw!r} at {f.location}: {f.quote[:60]}")
    score.extracted = max(score.extracted, len(in_scope & used))
    return score


def _longer(raw: str, num: str) -> bool:
    """Whether the number `raw` goes on past `num` ("89,01" past "89")."""
    rest = raw[len(num):len(num) + 2] if raw.startswith(num) else ""
    return bool(re.match(r"[.,]?\d", rest))


def _positions(text: str, sub: str) -> list[int]:
    out, i = [], text.find(sub)
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


# --------------------------------------------------------------------------------------------------
# tasks


def owner_matches(gold: str | None, got: str | None) -> bool:
    """Equal after folding case, spacing and punctuation; or one names the other in full plus a tail
    ("Trung tâm Xúc tiến ... tỉnh" for "Trung tâm Xúc tiến ..."), the shorter having at least three words."""
    a, b = _norm(gold), _norm(got)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= 3 and long_.startswith(short)


def score_tasks(extraction, gold: dict) -> TaskScore:
    tasks = list(extraction.tasks)
    score = TaskScore(doc=gold["doc"], gold=len(gold["tasks"]), extracted=len(tasks))
    contents = [_norm(t.content) for t in tasks]
    used: set[int] = set()
    for g in gold["tasks"]:
        key = _norm(g["content"])
        cands = [i for i, c in enumerate(contents) if i not in used and key in c]
        starts = [i for i in cands if contents[i].startswith(key)]
        src = [i for i in (starts or cands) if getattr(tasks[i], "source", None) in (None, g.get("source"))]
        pick = (src or starts or cands or [None])[0]
        if pick is None:
            score.misses.append(f"{g['content']} [{g.get('owner')}]")
            continue
        used.add(pick)
        score.found += 1
        t = tasks[pick]
        iso = t.deadline.isoformat() if t.deadline else None
        ok_owner = owner_matches(g.get("owner"), t.owner)
        ok_deadline = iso == g.get("deadline")
        score.owner_ok += ok_owner
        score.deadline_ok += ok_deadline
        score.status_ok += (t.status or None) == (g.get("status") or None)
        if not (ok_owner and ok_deadline):
            score.wrong.append(
                f"{g['content']}: owner {t.owner!r} (gold {g.get('owner')!r}), deadline {iso} (gold {g.get('deadline')})"
            )
    return score


# --------------------------------------------------------------------------------------------------


def run_table_eval(realdocs: Path, gold_dir: Path) -> tuple[list[TableScore], list[TaskScore]]:
    """Extract each realdoc that has a tables or tasks gold file, and score it."""
    from extract.pipeline import extract_file

    stems = sorted({p.name.split(".")[0] for p in gold_dir.glob("*.tables.json")}
                   | {p.name.split(".")[0] for p in gold_dir.glob("*.tasks.json")})
    tables, tasks = [], []
    for stem in stems:
        gt = gold_dir / f"{stem}.tables.json"
        gk = gold_dir / f"{stem}.tasks.json"
        name = json.loads((gt if gt.exists() else gk).read_text(encoding="utf-8"))["file"]
        path = realdocs / name
        if not path.exists():
            print(f"{path}: not found, skipped", file=sys.stderr)
            continue
        ex = extract_file(path)
        if gt.exists():
            tables.append(score_tables(ex, json.loads(gt.read_text(encoding="utf-8"))))
        if gk.exists():
            tasks.append(score_tasks(ex, json.loads(gk.read_text(encoding="utf-8"))))
    return tables, tasks


def run_written_table_eval(set_dir: Path) -> list[TableScore]:
    """Cell scores of every written text with a table gold (`<stem>.tables.json` beside `<stem>.txt`,
    tests/gold/written), each read by the real path (`baocao.evaluate.written_extractions`)."""
    from baocao.evaluate import written_extractions

    return [score_tables(ex, json.loads(gold_file.read_text(encoding="utf-8")))
            for gold_file, ex in written_extractions(set_dir, ".tables.json")]


def table_totals(scores: list[TableScore]) -> TableScore:
    t = TableScore(doc="ALL")
    for s in scores:
        for k in ("gold", "extracted", "matched", "value_ok", "headers_ok", "page_ok", "attributed", "layout",
                  "subject_gold", "subject_ok"):
            setattr(t, k, getattr(t, k) + getattr(s, k))
    return t


def task_totals(scores: list[TaskScore]) -> TaskScore:
    t = TaskScore(doc="ALL")
    for s in scores:
        for k in ("gold", "extracted", "found", "owner_ok", "deadline_ok", "status_ok"):
            setattr(t, k, getattr(t, k) + getattr(s, k))
    return t


def table_dict(tables, tasks, verbose: bool = False) -> dict:
    """The table-cell and task scores, per document and in total, as `baocao eval --format json` prints them."""
    skip = ("misses", "false_alarms", "wrong")
    return {
        "table_figures": [
            {**{k: v for k, v in asdict(s).items() if verbose or k not in skip},
             "precision": s.precision, "recall": s.recall, "subject": s.subject}
            for s in tables + [table_totals(tables)]
        ],
        "tasks": [
            {**{k: v for k, v in asdict(s).items() if verbose or k not in skip}, "recall": s.recall,
             "owner": s.rate(s.owner_ok), "deadline": s.rate(s.deadline_ok), "status": s.rate(s.status_ok)}
            for s in tasks + [task_totals(tasks)]
        ],
    }


def print_table_cells(tables: list[TableScore], title: str = "table-cell figures", verbose: bool = False) -> None:
    """The table-cell scores per document and in total; with `verbose` every miss, false alarm and wrong field."""
    print(f"\n{title}\n{'document':48} {'gold':>5} {'scope':>5} {'match':>5} {'P':>6} {'R':>6} "
          f"{'value':>6} {'header':>6} {'page':>6} {'attrib':>6} {'subj':>6} {'layout':>6}")
    for s in tables + [table_totals(tables)]:
        m = s.matched or 1
        print(f"{s.doc[:48]:48} {s.gold:5d} {s.extracted:5d} {s.matched:5d} {s.precision:6.3f} {s.recall:6.3f} "
              f"{s.value_ok / m:6.3f} {s.headers_ok / m:6.3f} {s.page_ok / m:6.3f} {s.attributed / m:6.3f} "
              f"{s.subject:6.3f} {s.layout:6d}")
    if verbose:
        _print_cell_items(tables)


def _print_cell_items(tables: list[TableScore]) -> None:
    """Every miss, false alarm and wrong field of the cell scores."""
    for s in tables:
        for label, items in (("MISS", s.misses), ("FALSE", s.false_alarms), ("WRONG", s.wrong)):
            for item in items:
                print(f"{s.doc[:3]} cell {label}: {item}")


def print_table_report(tables, tasks, fmt: str = "table", verbose: bool = False) -> None:
    krows = tasks + [task_totals(tasks)]
    if fmt == "json":
        print(json.dumps(table_dict(tables, tasks, verbose), ensure_ascii=False, indent=1))
        return
    print_table_cells(tables)
    print(f"\ntasks\n{'document':48} {'gold':>5} {'got':>5} {'found':>5} {'R':>6} {'owner':>6} {'dline':>6} "
          f"{'status':>6}")
    for s in krows:
        print(f"{s.doc[:48]:48} {s.gold:5d} {s.extracted:5d} {s.found:5d} {s.recall:6.3f} "
              f"{s.rate(s.owner_ok):6.3f} {s.rate(s.deadline_ok):6.3f} {s.rate(s.status_ok):6.3f}")
    if verbose:
        _print_cell_items(tables)
        for s in tasks:
            for label, items in (("MISS", s.misses), ("WRONG", s.wrong)):
                for item in items:
                    print(f"{s.doc[:3]} task {label}: {item}")
