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
from extract.language.literals import key_words
from extract.language.periods import month_end
from extract.language.text import caseless, fold, strip_accents
from extract.model import Block, Cell, Document, Metadata, Table, Task

ROLES = ("stt", "content", "owner", "co_owner", "product", "deadline", "status")
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
    reference: regex.Pattern
    recurring: regex.Pattern
    start: regex.Pattern
    owner_none: regex.Pattern
    weekday_only: regex.Pattern
    owner_stop: regex.Pattern
    schedule_month: regex.Pattern
    owner_first: regex.Pattern
    assign_section: regex.Pattern
    owner_line: regex.Pattern
    owner_item: regex.Pattern
    owner_start: regex.Pattern
    co_owners: regex.Pattern
    co_owner_split: regex.Pattern


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
        reference=regex.compile(data["deadline"]["reference"], flags),
        recurring=regex.compile(data["deadline"]["recurring"], flags),
        start=regex.compile(data["deadline"]["start"], flags),
        owner_none=regex.compile(prose["owner_none"], flags),
        weekday_only=regex.compile(prose["weekday_only"], flags),
        owner_stop=regex.compile(rf"\s+(?:{stops})\b", flags),
        schedule_month=regex.compile(data["deadline"]["schedule_month"], flags),
        owner_first=regex.compile(
            rf"^\W*(?P<owner>(?:{starts})\b[^:;.()]{{0,150}}?)\s*,?\s+(?i:(?:{'|'.join(prose['owner_first'])}))\b",
            regex.V1,
        ),
        assign_section=regex.compile(prose["assign_section"], flags),
        owner_line=regex.compile(prose["owner_line"], regex.V1),
        owner_item=regex.compile(prose["owner_item"], regex.V1),
        owner_start=regex.compile(rf"^(?:{starts})\b", regex.V1),
        co_owners=regex.compile(prose["co_owners"]),
        co_owner_split=regex.compile(prose["co_owner_split"]),
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
    folded = r.reference.sub(" ", fold(text))
    if r.start.search(folded) or (r.recurring.search(folded) and not regex.search(r"(?:19|20)\d\d", folded)):
        return None
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
    co_owner: str = ""
    product: str = ""


def _cell_text(grid_row: dict[int, tuple[Cell, bool]], col: int | None, own_only: bool = False) -> str:
    if col is None or col not in grid_row:
        return ""
    cell, starts_here = grid_row[col]
    if own_only and not starts_here:
        return ""
    return _SPACE_BEFORE_PUNCT.sub("", fold(cell.text))


_BULLET_LINE = regex.compile(r"^\s*[-–—+•]\s*")


def split_owners(text: str) -> list[str]:
    """A Chủ trì / Lãnh đạo cell as names: one per bulleted line ("- Đ/c Vinh - PCT"), else the whole cell;
    a Phối hợp cell splits on ";" too."""
    lines = [ln for ln in (text or "").split("\n") if ln.strip()]
    if len(lines) > 1 and all(_BULLET_LINE.match(ln) for ln in lines):
        names = [fold(_BULLET_LINE.sub("", ln)).strip(" ,;") for ln in lines]
    else:
        names = [fold(_BULLET_LINE.sub("", text or "")).strip(" ,;")]
    out: list[str] = []
    for n in names:
        if n and n not in out:
            out.append(_SPACE_BEFORE_PUNCT.sub("", n))
    return out


def _raw_cell(grid_row, col, own_only=False) -> str:
    if col is None or col not in grid_row:
        return ""
    cell, starts_here = grid_row[col]
    return "" if own_only and not starts_here else cell.text


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
        owner_here = bool(_raw_cell(g, cols.get("owner"), own_only=True).strip())
        if not content and owner_here and rows and not content_cell[1]:
            # a task spanning rows (merged STT and Nhiệm vụ) with a second product and owner on this row
            content = _cell_text(g, cols["content"])
        if not content or _rules().weekday_only.match(content):
            continue
        if all(_COLUMN_NUMBER.match(v) for v in vals.values() if v):
            continue  # "(1) | (2) | (3)" column-number row
        first = min(g)
        loc = g[first][0].location(block.location)
        stt = vals.get("stt", "")
        raw_deadline = _cell_text(g, cols.get("deadline"), own_only=True)
        if "stt" in cols and not stt and not raw_deadline and rows and content_cell[1]:
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
                owner=_raw_cell(g, cols.get("owner")),
                deadline=vals.get("deadline", ""),
                status=vals.get("status", ""),
                location=loc,
                co_owner=_raw_cell(g, cols.get("co_owner")),
                product=vals.get("product", ""),
            )
        )
    return rows


def _schedule_month(doc: Document) -> tuple[int, int] | None:
    """(year, month) of a schedule ("CHƯƠNG TRÌNH CÔNG TÁC THÁNG 10 NĂM 2017"), from the first blocks."""
    rx = _rules().schedule_month
    text = " ".join(b.text for b in doc.blocks[:8] if b.kind != "table")
    m = rx.search(text)
    return (int(m["y"]), int(m["m"])) if m else None


def _row_deadline(text: str, year: int | None, month: tuple[int, int] | None) -> date | None:
    """A schedule's bare day number ("12") is that day of the schedule's month; else the deadline wording."""
    t = fold(text)
    if month and regex.fullmatch(r"[0-3]?\d", t):
        try:
            return date(month[0], month[1], int(t))
        except ValueError:
            return None
    return parse_deadline(t, year)


def _owner_and_co(row: _Row) -> tuple[str | None, tuple[str, ...]]:
    r = _rules()
    names = split_owners(row.owner)
    owner = names[0] if names else None
    if owner and r.owner_none.match(owner):
        owner = None
    co = names[1:]
    co_text = fold(row.co_owner)
    if co_text and fold(row.co_owner) != fold(row.owner) and not r.owner_none.match(co_text):
        for part in row.co_owner.split(";"):
            for n in split_owners(part):
                if n and n not in co and n != owner:
                    co.append(n)
    return owner, tuple(co)


def _table_tasks(doc: Document, year: int | None) -> list[Task]:
    tasks: list[Task] = []
    month = _schedule_month(doc)
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
            owner, co_owners = _owner_and_co(row)
            tasks.append(
                Task(
                    content=row.content,
                    owner=owner,
                    co_owners=co_owners,
                    product=row.product or None,
                    source="table",
                    deadline_text=row.deadline or None,
                    deadline=_row_deadline(row.deadline, year, month),
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
        co_owners=_co_owners(text),
        source="prose",
    )


def _co_owners(text: str) -> tuple[str, ...]:
    r = _rules()
    m = r.co_owners.search(text)
    if not m:
        return ()
    parts = r.co_owner_split.split(fold(m["co"]))
    return tuple(p for p in parts if p)


def _assign_owner(text: str) -> tuple[str, str] | None:
    """("Sở Nội vụ", task text after the colon or "") for "1. Sở Nội vụ:" lines of an assignment section."""
    r = _rules()
    m = r.owner_line.match(text)
    if not m or not r.owner_start.match(m["owner"].strip()):
        return None
    return fold(m["owner"]).rstrip(" :"), fold(m["rest"] or "")


@cache
def _prose_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words one of which every opener match needs, and those one of which every inline or owner-first match
    needs (caseless, read from the patterns by extract/language/literals.py; () when a pattern needs none)."""
    r = _rules()
    inline, first = key_words(r.inline.pattern), key_words(r.owner_first.pattern)
    return key_words(r.opener.pattern), (inline + first) if inline and first else ()


def _may_hold(folded: str, words: tuple[str, ...]) -> bool:
    """Whether a text (caseless) may match a pattern needing one of `words`: when not, its search is skipped."""
    return not words or any(map(folded.__contains__, words))


def _prose_tasks(doc: Document, year: int | None) -> list[Task]:
    r = _rules()
    opener_words, sentence_words = _prose_words()
    tasks: list[Task] = []
    context: str | None = None  # owner named by the last opener
    mode: str | None = None  # 'bullet' once a bulleted item followed the opener, 'plain' for one paragraph
    opener_kind: str | None = None
    assign_level: int | None = None  # level of the "Tổ chức thực hiện" heading we are under
    assign_owner: str | None = None
    for block in doc.blocks:
        if block.kind == "table" or block.kind == "footnote":
            continue
        text = block.text
        if r.assign_section.match(text) and len(text) < 80:
            assign_level, assign_owner = block.level or 2, None
            continue
        if assign_level is not None:
            if block.kind == "heading" and (block.level or 9) <= assign_level:
                assign_level = assign_owner = None
            else:
                named = _assign_owner(text)
                if named:
                    assign_owner = named[0]
                    if named[1]:
                        tasks.append(_prose_task(named[1], assign_owner, block, year))
                    continue
                if assign_owner and r.owner_item.match(text):
                    body = r.owner_item.sub("", text, count=1)
                    tasks.append(_prose_task(body, assign_owner, block, year))
                    continue
        folded = caseless(text)
        op = None
        for m in r.opener.finditer(text) if _may_hold(folded, opener_words) else ():
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
        if not _may_hold(folded, sentence_words):  # no sentence of the body can name an owner
            continue
        for sentence in _SENTENCE_SPLIT.split(body):
            m = r.inline.search(sentence)
            if m:
                tasks.append(_prose_task(sentence, _resolve_owner(m.group("owner"), None), block, year))
                continue
            m = r.owner_first.match(sentence)
            if m:
                owner = r.owner_stop.split(m.group("owner"), maxsplit=1)[0]
                tasks.append(_prose_task(sentence, _resolve_owner(owner, None), block, year))
    return tasks


def extract_tasks(doc: Document, meta: Metadata) -> list[Task]:
    """Every task of the document's task tables, in table order, then every task assigned in prose."""
    year = _doc_year(meta)
    return _table_tasks(doc, year) + _prose_tasks(doc, year)
