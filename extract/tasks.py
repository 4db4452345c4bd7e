"""Assigned tasks: rows of task tables (recognised by what their header says) and assignments made in prose.

Header synonyms, status cues, deadline wording and the prose assignment cues live in rules/tasks.yaml;
this module only applies them. Deadlines become the last day of the month/quarter/year named.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

import regex

from extract import catalog
from extract.language.periods import month_end
from extract.language.text import fold, strip_accents
from extract.model import Block, Cell, Document, Metadata, Table, Task

ROLES = ("stt", "content", "owner", "deadline", "status")
STATUSES = (
    "done",
    "in_progress",
    "overdue",
    "extension_requested",
    "not_started",
    "unknown",
)  # the contract's
DEADLINE_KINDS = ("date", "month", "quarter", "half", "year")
_NON_ALNUM = regex.compile(r"[^a-z0-9]+")
_COLUMN_NUMBER = regex.compile(r"^\(?\d{1,2}\)?$")
_NUMBERISH = regex.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
_SENTENCE_SPLIT = regex.compile(r"(?<=[.;])\s+(?=\p{Lu})")
# PDF text layers often put a word gap before a comma or inside brackets ("lại , nâng"); never meaningful
_SPACE_BEFORE_PUNCT = regex.compile(r"\s+(?=[,;:.)\]])|(?<=[(\[])\s+")
_PAGE_NOISE_CHARS = 12  # a block this short between two table parts is a page number or running header


# --------------------------------------------------------------------------------------------------
# rule data


@dataclass(frozen=True)
class _Rules:
    exact: dict[str, str]  # header key -> role
    contains: tuple[tuple[str, str], ...]  # (synonym key, role), longest first
    needs_one_of: tuple[str, ...]
    reject: tuple[str, ...]
    search_rows: int
    status: tuple[tuple[str, regex.Pattern], ...]
    deadline: tuple[tuple[str, regex.Pattern], ...]
    roman: dict[str, int]
    opener: regex.Pattern
    inline: regex.Pattern
    bullet: regex.Pattern
    list_break: regex.Pattern
    deadline_phrase: regex.Pattern


def _key(text: str) -> str:
    """ASCII skeleton without spaces or punctuation: "ST T" and "S T T" both read "stt"."""
    return _NON_ALNUM.sub("", strip_accents(text))


@cache
def _rules() -> _Rules:
    data = catalog.load("tasks")
    unknown = set(data) - {
        "header",
        "header_needs_one_of",
        "header_reject",
        "header_search_rows",
        "status",
        "deadline",
        "prose",
        "match",
    }
    if unknown:
        raise catalog.RuleError(f"tasks.yaml: unknown keys {sorted(unknown)}")
    exact: dict[str, str] = {}
    contains: list[tuple[str, str]] = []
    for role, syn in data["header"].items():
        if role not in ROLES:
            raise catalog.RuleError(f"tasks.yaml: unknown header role {role!r}")
        for word in syn.get("exact", []):
            k = _key(word)
            if k in exact:
                raise catalog.RuleError(f"tasks.yaml: header synonym {word!r} listed twice")
            exact[k] = role
        for word in syn.get("contains", []):
            k = _key(word)
            if any(k == c for c, _ in contains):
                raise catalog.RuleError(f"tasks.yaml: header synonym {word!r} listed twice")
            contains.append((k, role))
    contains.sort(key=lambda kr: -len(kr[0]))
    bad_status = {s["status"] for s in data["status"]} - set(STATUSES)
    bad_kinds = {p["kind"] for p in data["deadline"]["patterns"]} - set(DEADLINE_KINDS)
    if bad_status or bad_kinds:
        raise catalog.RuleError(
            f"tasks.yaml: unknown status {sorted(bad_status)} or kind {sorted(bad_kinds)}"
        )
    flags = regex.IGNORECASE | regex.V1
    status = tuple((s["status"], regex.compile(s["regex"], flags)) for s in data["status"])
    deadline = tuple((p["kind"], regex.compile(p["regex"], flags)) for p in data["deadline"]["patterns"])
    prose = data["prose"]
    verbs = "|".join(prose["verbs"])
    starts = "|".join(prose["owner_starts"])
    stops = "|".join(prose["owner_stops"])
    # the verb is case-insensitive ("Giao", "giao"); the owner must start with a capitalised agency word
    owner = rf"(?P<owner>(?:{starts})\b[^:;.()]{{0,150}}?)"
    opener = regex.compile(rf"(?i:\b(?:{verbs}))\s+{owner}{prose['opener_tail']}", regex.V1)
    inline = regex.compile(rf"(?i:\b(?:{verbs}))\s+{owner}(?=\s*,?\s+(?i:(?:{stops}))\b)", regex.V1)
    return _Rules(
        exact=exact,
        contains=tuple(contains),
        needs_one_of=tuple(data["header_needs_one_of"]),
        reject=tuple(_key(w) for w in data.get("header_reject", [])),
        search_rows=int(data["header_search_rows"]),
        status=status,
        deadline=deadline,
        roman={k.upper(): int(v) for k, v in data["deadline"]["roman"].items()},
        opener=opener,
        inline=inline,
        bullet=regex.compile(prose["bullet"], regex.V1),
        list_break=regex.compile(prose["list_break"], regex.V1),
        deadline_phrase=regex.compile("|".join(f"(?:{p})" for p in prose["deadline_phrases"]), flags),
    )


# --------------------------------------------------------------------------------------------------
# normalisation helpers


def parse_status(text: str | None) -> str:
    """'done' | 'in_progress' | 'overdue' | 'extension_requested' | 'not_started' | 'unknown'."""
    if not text or not text.strip():
        return "unknown"
    folded = fold(text)
    for status, rx in _rules().status:
        if rx.search(folded):
            return status
    return "unknown"


def parse_deadline(text: str | None, year: int | None = None) -> date | None:
    """The last day of the month/quarter/half/year the text names, or its exact date; None if none."""
    if not text:
        return None
    r = _rules()
    folded = fold(text)
    for kind, rx in r.deadline:
        for m in rx.finditer(folded):
            d = _deadline_date(kind, m.groupdict(), year, r.roman)
            if d is not None:
                return d
    return None


def _deadline_date(kind: str, g: dict, year: int | None, roman: dict[str, int]) -> date | None:
    y = int(g["y"]) if g.get("y") else year
    if y is None:
        return None
    try:
        if kind == "date":
            return date(y, int(g["m"]), int(g["d"]))
        if kind == "month":
            m = int(g["m"])
            return month_end(y, m) if 1 <= m <= 12 else None
        if kind == "quarter":
            q = g["q"].upper()
            qn = roman.get(q) or int(q)
            return month_end(y, 3 * qn)
        if kind == "half":
            return month_end(y, 6) if strip_accents(g["h"]) == "dau" else date(y, 12, 31)
        if kind == "year":
            return date(y, 12, 31)
    except ValueError:  # 31/2/2026 and the like: not a date
        return None
    raise catalog.RuleError(f"tasks.yaml: unknown deadline kind {kind!r}")


def _doc_year(meta: Metadata) -> int | None:
    if meta.issued_date:
        return meta.issued_date.year
    if meta.period:
        return meta.period.end.year
    return None


# --------------------------------------------------------------------------------------------------
# task tables


def header_roles(cells: list[str]) -> dict[str, int]:
    """Role -> index of the cell carrying it, for one candidate header row (first cell wins per role)."""
    r = _rules()
    roles: dict[str, int] = {}
    for i, text in enumerate(cells):
        k = _key(text)
        if not k:
            continue
        role = r.exact.get(k)
        if role is None:
            role = next((rl for syn, rl in r.contains if syn in k), None)
        if role is not None and role not in roles:
            roles[role] = i
    return roles


def _is_task_header(cells: list[str]) -> dict[str, int] | None:
    r = _rules()
    keys = [_key(t) for t in cells]
    if any(rej in k for k in keys for rej in r.reject):
        return None
    roles = header_roles(cells)
    if "content" in roles and any(x in roles for x in r.needs_one_of):
        return roles
    return None


def _grid(table: Table) -> list[dict[int, tuple[Cell, bool]]]:
    """Per row, grid column -> (cell covering it, whether the cell starts in this row)."""
    out: list[dict[int, tuple[Cell, bool]]] = [{} for _ in range(table.n_rows)]
    for row in table.rows:
        for c in row:
            for dr in range(c.rowspan):
                ri = c.row - 1 + dr
                if 0 <= ri < len(out):
                    for dc in range(c.colspan):
                        out[ri].setdefault(c.col + dc, (c, dr == 0))
    return out


def _header(table: Table) -> tuple[int, dict[str, int]] | None:
    """(row index of the header, role -> grid column) for a task table, else None."""
    grid = _grid(table)
    for ri in range(min(_rules().search_rows, len(grid))):
        cols = sorted(grid[ri])
        # a merged title row spans every column with one cell: no header there
        cells = [grid[ri][c][0] for c in cols]
        texts = [c.text for c in cells]
        roles = _is_task_header(texts)
        if roles:
            return ri, {role: cells[i].col for role, i in roles.items()}
    return None


@dataclass
class _Row:
    stt: str
    content: str
    owner: str
    deadline: str
    status: str
    location: str


def _cell_text(grid_row: dict[int, tuple[Cell, bool]], col: int | None, own_only: bool = False) -> str:
    if col is None or col not in grid_row:
        return ""
    cell, starts_here = grid_row[col]
    if own_only and not starts_here:
        return ""
    return _SPACE_BEFORE_PUNCT.sub("", fold(cell.text))


def _table_rows(block: Block, header_ri: int, cols: dict[str, int]) -> list[_Row]:
    table = block.table
    grid = _grid(table)
    rows: list[_Row] = []
    header_texts = (
        {role: _key(_cell_text(grid[header_ri], c)) for role, c in cols.items()} if header_ri >= 0 else {}
    )
    for ri in range(header_ri + 1, len(grid)):
        g = grid[ri]
        if not g:
            continue
        content_cell = g.get(cols["content"])
        if content_cell is None:
            continue
        # a section row ("I. Lĩnh vực kinh tế") spans content and owner/deadline with one merged cell
        if any(
            role in cols and g.get(cols[role], (None,))[0] is content_cell[0]
            for role in ("owner", "deadline")
        ):
            continue
        vals = {role: _cell_text(g, c, own_only=(role in ("stt", "content"))) for role, c in cols.items()}
        if header_texts and all(_key(vals.get(role, "")) == header_texts.get(role, "") for role in cols):
            continue  # the header repeated on a new page
        content = vals.get("content", "")
        if not content:
            continue
        if all(_COLUMN_NUMBER.match(v) for v in vals.values() if v):
            continue  # "(1) | (2) | (3)" column-number row
        first = min(g)
        loc = g[first][0].location(block.location)
        stt = vals.get("stt", "")
        raw_deadline = _cell_text(g, cols.get("deadline"), own_only=True)
        if "stt" in cols and not stt and not raw_deadline and rows:
            # a row broken across a page: its text belongs to the row above
            prev = rows[-1]
            prev.content = fold(f"{prev.content} {content}")
            for role in ("owner", "status"):
                extra = _cell_text(g, cols.get(role), own_only=True)
                if extra:
                    setattr(prev, role, fold(f"{getattr(prev, role)} {extra}"))
            continue
        if stt and not _NUMBERISH.match(stt) and not vals.get("owner") and not vals.get("deadline"):
            continue  # a group row: "A", "I", "II" with a heading as content and nothing else
        rows.append(
            _Row(
                stt=stt,
                content=content,
                owner=vals.get("owner", ""),
                deadline=vals.get("deadline", ""),
                status=vals.get("status", ""),
                location=loc,
            )
        )
    return rows


def _table_tasks(doc: Document, year: int | None) -> list[Task]:
    tasks: list[Task] = []
    prev: tuple[Block, int, dict[str, int]] | None = None  # last task table, for tables split over pages
    gap_ok = True
    for block in doc.blocks:
        if block.kind != "table" or block.table is None or block.table.parent is not None:
            if block.kind != "table" and len(block.text) > _PAGE_NOISE_CHARS:
                gap_ok = False
            continue
        found = _header(block.table)
        table_no = int(block.location[1:])
        if found:
            header_ri, cols = found
        elif prev is not None and gap_ok and block.table.n_cols == prev[0].table.n_cols:
            # a headerless table right after a task table of the same width: its continuation on the next page
            header_ri, cols = -1, prev[2]
            table_no = prev[1]
        else:
            prev = None
            continue
        rows = _table_rows(block, header_ri, cols)
        start = sum(1 for t in tasks if t.table_no == table_no)
        for i, row in enumerate(rows, start=start + 1):
            has_status = "status" in cols
            tasks.append(
                Task(
                    content=row.content,
                    owner=row.owner or None,
                    deadline_text=row.deadline or None,
                    deadline=parse_deadline(row.deadline, year),
                    status_text=(row.status or None) if has_status else None,
                    status=parse_status(row.status) if has_status and row.status else None,
                    location=row.location,
                    table_no=table_no,
                    row_no=i,
                    stt=row.stt or None,
                    page=block.page,
                )
            )
        prev = (block, table_no, cols) if rows or found else None
        gap_ok = True
    return tasks


# --------------------------------------------------------------------------------------------------
# prose assignments


def _resolve_owner(owner: str, context: str | None) -> str:
    """'Trung tâm' after 'Trung tâm Xúc tiến Đầu tư ...' is the same agency, named short."""
    owner = fold(owner).rstrip(" ,")
    if context and context != owner and context.lower().startswith(owner.lower()):
        return context
    return owner


def _prose_task(text: str, owner: str, block: Block, year: int | None) -> Task:
    r = _rules()
    m = r.deadline_phrase.search(text)
    deadline_text = fold(m.group(0)) if m else None
    return Task(
        content=text,
        owner=owner,
        deadline_text=deadline_text,
        deadline=parse_deadline(deadline_text, year) if deadline_text else None,
        status_text=None,
        status=None,
        location=block.location,
        page=block.page,
    )


def _prose_tasks(doc: Document, year: int | None) -> list[Task]:
    r = _rules()
    tasks: list[Task] = []
    context: str | None = None  # owner named by the last opener
    mode: str | None = None  # 'bullet' once a bulleted item followed the opener, 'plain' for one paragraph
    opener_kind: str | None = None
    for block in doc.blocks:
        if block.kind == "table" or block.kind == "footnote":
            continue
        text = block.text
        op = None
        for m in r.opener.finditer(text):
            op = m
        if op is not None and not r.inline.search(text[op.start() :]):
            context, mode, opener_kind = _resolve_owner(op.group("owner"), context), None, block.kind
            continue
        is_bullet = bool(r.bullet.match(text))
        body = r.bullet.sub("", text, count=1) if is_bullet else text
        in_context = False
        if context is not None and block.kind != "heading" and not r.list_break.match(text):
            as_item = is_bullet or (block.kind == "list_item" and opener_kind != "list_item")
            if mode is None:
                mode = "bullet" if as_item else "plain"
                in_context = True
            elif mode == "bullet" and as_item:
                in_context = True
        if in_context:
            m = r.inline.search(body)
            owner = _resolve_owner(m.group("owner"), context) if m else context
            tasks.append(_prose_task(body, owner, block, year))
            if mode == "plain":
                context = None  # a plain paragraph after "Giao X" is that one task; what follows is not X's
            continue
        context = None
        for sentence in _SENTENCE_SPLIT.split(body):
            m = r.inline.search(sentence)
            if m:
                tasks.append(_prose_task(sentence, _resolve_owner(m.group("owner"), None), block, year))
    return tasks


def extract_tasks(doc: Document, meta: Metadata) -> list[Task]:
    """Every task of the document's task tables, in table order, then every task assigned in prose."""
    year = _doc_year(meta)
    return _table_tasks(doc, year) + _prose_tasks(doc, year)
