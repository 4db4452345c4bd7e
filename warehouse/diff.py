"""Draft comparison: align two documents' figures and tasks and say what changed, was added or removed.

Alignment is pure (lists of warehouse rows in, `Change`s out); the helpers at the end read the rows from
DuckDB, resolve paths or doc_ids (ingesting a path first when needed) and print the result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import regex
from rapidfuzz import fuzz, process

from extract.language.text import fold

FIGURE_COLUMNS = (
    "figure_id raw value unit base_value base_unit qualifier indicator subject role basis period_start "
    "period_end quote location page char_start char_end"
).split()
TASK_COLUMNS = (
    "task_id table_no row_no stt content owner deadline_text deadline status_text status task_key location page"
).split()

# a written number with its group and decimal marks ("18.600", "13,18", "06/6/2026" gives three)
_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")
_NOT_WORD = regex.compile(r"[\W_]+")
# Two scores tie in one sentence only through these small bonuses, so similarity always comes first.
_BONUS_ORDINAL = 2.0  # same position among the numbers of the sentence
_BONUS_RAW = 2.0  # same number as written: an unchanged figure beats a changed one in the same sentence
_BONUS_KEY = 1.0  # same indicator, role, period and basis
_BONUS_LOCATION = 0.5  # same paragraph or cell: breaks the tie between identical sentences
# a reworded figure away from its cell: its number and a sentence half alike ("điểm số chỉ số chung PCI – Lâm Đồng"
# and "điểm số Lâm Đồng – PCI" score 60; two sentences that only share "124 xã" score ~41)
_MIN_SIMILARITY_SAME_NUMBER = 50.0


@dataclass(frozen=True)
class Change:
    """One aligned (or unaligned) figure or task; `old`/`new` are warehouse rows as dicts, None when absent."""

    change: str  # 'changed' | 'added' | 'removed' | 'unchanged'
    kind: str  # 'figure' | 'task'
    old: dict | None
    new: dict | None
    # what differs in a 'changed' pair: value, unit, qualifier (figures); deadline, status, owner (tasks)
    fields: tuple[str, ...] = ()

    def to_json(self) -> dict:
        item: dict = {"change": self.change, "kind": self.kind, "fields": list(self.fields)}
        both = self.new or self.old or {}
        if self.kind == "figure":
            shared = ("indicator", "role", "basis", "period_start", "period_end", "subject")
            own = ("figure_id", "raw", "base_value", "base_unit", "qualifier", "quote", "location", "page")
        else:
            shared = ("task_key", "content")
            own = "task_id stt owner deadline_text deadline status_text status location".split()
        item.update({k: _jsonable(both.get(k)) for k in shared})
        for side, row in (("old", self.old), ("new", self.new)):
            item.update({f"{side}_{k}": _jsonable((row or {}).get(k)) for k in own})
        return item


@dataclass(frozen=True)
class Diff:
    old_doc: int | None
    new_doc: int | None
    changes: tuple[Change, ...] = field(default_factory=tuple)

    def items(self, unchanged: bool = False) -> list[Change]:
        return [c for c in self.changes if unchanged or c.change != "unchanged"]

    def counts(self, kind: str) -> dict[str, int]:
        out = dict.fromkeys(("unchanged", "changed", "added", "removed"), 0)
        for c in self.changes:
            if c.kind == kind:
                out[c.change] += 1
        return out


def _jsonable(v):
    if v is None or isinstance(v, int | str | bool):
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    return str(v)


def _loose(text) -> str:
    """Text with case, whitespace and punctuation dropped: what survives DOCX vs PDF rendering."""
    return _NOT_WORD.sub("", fold(str(text or "")).lower())


# ---------------------------------------------------------------------------------------------- figures


def figure_context(row: dict, short_quote: int = 24) -> str:
    """The figure's sentence, lower-cased and folded, its own number as '@' and every other number as '#'.

    Masking makes a sentence whose number changed look identical to its old self; marking the figure's
    own place keeps two figures of one sentence apart. A short quote (a table cell) says little, so the
    figure's subject (its row label) is put in front of it.
    """
    quote, start, end = row.get("quote") or "", row.get("char_start") or 0, row.get("char_end") or 0
    parts, pos, own = [], 0, False
    for m in _NUMBER.finditer(quote):
        parts.append(quote[pos : m.start()])
        mine = not own and m.start() < end and m.end() > start
        own = own or mine
        parts.append("@" if mine else "#")
        pos = m.end()
    parts.append(quote[pos:])
    text = fold("".join(parts)).lower()
    if len(text) < short_quote and row.get("subject"):
        text = f"{fold(row['subject']).lower()} | {text}"
    return text


def figure_ordinal(row: dict) -> int:
    """How many numbers of the sentence come before this figure."""
    start = row.get("char_start") or 0
    return sum(1 for m in _NUMBER.finditer(row.get("quote") or "") if m.end() <= start)


def _figure_key(row: dict) -> tuple:
    return tuple(row.get(k) for k in ("indicator", "role", "period_start", "period_end", "basis"))


def figure_fields(old: dict, new: dict) -> tuple[str, ...]:
    """What a reviewer would call a different figure: its value, unit or qualifier, not its wording."""
    out = []
    a, b = old.get("base_value"), new.get("base_value")
    if a is None or b is None:
        if a != b or _loose(old.get("raw")) != _loose(new.get("raw")):
            out.append("value")
    elif not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12):
        out.append("value")
    if _loose(old.get("base_unit")) != _loose(new.get("base_unit")):
        out.append("unit")
    if (old.get("qualifier") or None) != (new.get("qualifier") or None):
        out.append("qualifier")
    return tuple(out)


def align_figures(
    old: list[dict], new: list[dict], min_similarity: float = 80.0, min_key_similarity: float = 40.0
) -> list[tuple[int | None, int | None]]:
    """Index pairs (old, new) aligning two figure lists; (i, None) is removed, (None, j) added.

    First by sentence similarity with the numbers masked (`figure_context`, rapidfuzz ratio >=
    `min_similarity`), best pairs first; then the figures left over whose (indicator, role, period,
    basis) is unique on both sides and whose sentences are still somewhat alike (>= `min_key_similarity`):
    a rewritten sentence about the same indicator; then the same number as written and unit in a sentence
    still somewhat alike, in the same table cell, or a distinctive number in a sentence half alike: a reworded
    figure.
    """
    if not old or not new:
        return [(i, None) for i in range(len(old))] + [(None, j) for j in range(len(new))]
    ctx_old = [figure_context(r) for r in old]
    ctx_new = [figure_context(r) for r in new]
    sims = process.cdist(ctx_old, ctx_new, scorer=fuzz.ratio, score_cutoff=min_key_similarity, workers=1)
    ord_old, ord_new = [figure_ordinal(r) for r in old], [figure_ordinal(r) for r in new]
    raw_old, raw_new = [_loose(r.get("raw")) for r in old], [_loose(r.get("raw")) for r in new]
    key_old, key_new = [_figure_key(r) for r in old], [_figure_key(r) for r in new]
    candidates = []
    for i, j in zip(*(sims >= min_similarity).nonzero(), strict=True):
        i, j = int(i), int(j)
        score = float(sims[i, j])
        score += _BONUS_ORDINAL * (ord_old[i] == ord_new[j]) + _BONUS_RAW * (raw_old[i] == raw_new[j])
        score += _BONUS_KEY * (key_old[i] == key_new[j])
        score += _BONUS_LOCATION * (old[i].get("location") == new[j].get("location"))
        candidates.append((-score, i, j))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in sorted(candidates):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    unit_old, unit_new = [_loose(r.get("base_unit")) for r in old], [_loose(r.get("base_unit")) for r in new]
    left_old = [i for i in range(len(old)) if i not in pairs and old[i].get("indicator")]
    left_new = [j for j in range(len(new)) if j not in taken and new[j].get("indicator")]
    by_key_old = _unique_by(left_old, key_old)
    by_key_new = _unique_by(left_new, key_new)
    for key, i in by_key_old.items():
        j = by_key_new.get(key)
        if j is not None and sims[i, j] >= min_key_similarity and unit_old[i] == unit_new[j]:
            pairs[i] = j
            taken.add(j)
    # last, a figure whose wording around it changed more (a row label made longer, a clause added) but whose
    # number stayed: the same number as written and unit, in a sentence still somewhat alike, and either in the
    # same table cell or a number hard to meet by chance (`_distinctive`: "125.712", "41,02"; not "100%" or
    # "57") in a sentence half alike. Without this pass the reworded figure shows as one removed and one added
    # with the same value.
    new_by_number: dict[tuple[str, str], list[int]] = {}
    for j in range(len(new)):
        if j not in taken:
            new_by_number.setdefault((raw_new[j], unit_new[j]), []).append(j)
    candidates = []
    for i in (i for i in range(len(old)) if i not in pairs):
        for j in new_by_number.get((raw_old[i], unit_old[i]), ()):
            if sims[i, j] < min_key_similarity:
                continue
            same_cell = old[i].get("location") == new[j].get("location") and _in_table(old[i])
            if same_cell or (_distinctive(raw_old[i]) and sims[i, j] >= _MIN_SIMILARITY_SAME_NUMBER):
                candidates.append((-float(sims[i, j]) - _BONUS_LOCATION * same_cell, i, j))
    for _, i, j in sorted(candidates):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return _with_unpaired(pairs, taken, len(old), len(new))


_TABLE_CELL = regex.compile(r"t\d+r\d+c\d+")  # a table cell's location (extract/model.py), "t2r5c4"


def _in_table(row: dict) -> bool:
    """Whether the figure is a table cell's, a place that survives editing better than a paragraph's running number."""
    return bool(_TABLE_CELL.fullmatch(row.get("location") or ""))


def _distinctive(raw: str) -> bool:
    """A number unlikely to recur by chance: three significant digits or more once trailing zeros are dropped."""
    return len("".join(ch for ch in raw if ch.isdigit()).rstrip("0")) >= 3


def _with_unpaired(pairs: dict[int, int], taken: set[int], n_old: int, n_new: int):
    """The pairs, then every old item left alone (removed) and every new one (added)."""
    out: list[tuple[int | None, int | None]] = list(pairs.items())
    out += [(i, None) for i in range(n_old) if i not in pairs]
    out += [(None, j) for j in range(n_new) if j not in taken]
    return out


def _unique_by(indexes: list[int], keys: list[tuple]) -> dict[tuple, int]:
    seen: dict[tuple, list[int]] = {}
    for i in indexes:
        seen.setdefault(keys[i], []).append(i)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def diff_figures(old: list[dict], new: list[dict], **options) -> list[Change]:
    """Every figure of both documents as a Change, in the new document's order (removed ones where they were)."""
    pairs = align_figures(old, new, **options)
    return _in_reading_order(
        pairs,
        lambda i, j: _figure_change(old[i] if i is not None else None, new[j] if j is not None else None),
    )


def _change(kind: str, a: dict | None, b: dict | None, fields_of) -> Change:
    """A pair of aligned rows (either may be missing) as an added, removed, changed or unchanged item."""
    if a is None:
        return Change("added", kind, None, b)
    if b is None:
        return Change("removed", kind, a, None)
    fields = fields_of(a, b)
    return Change("changed" if fields else "unchanged", kind, a, b, fields)


def _figure_change(a: dict | None, b: dict | None) -> Change:
    return _change("figure", a, b, figure_fields)


def _in_reading_order(pairs, make) -> list[Change]:
    """Order by position in the new document; a removed item follows the new position of its old predecessor."""
    new_of_old = {i: j for i, j in pairs if i is not None and j is not None}
    anchor, last = {}, -1  # old index -> latest new position among the old items up to it
    for i in range(max((i for i, _ in pairs if i is not None), default=-1) + 1):
        last = max(last, new_of_old.get(i, -1))
        anchor[i] = last
    keyed = []
    for i, j in pairs:
        if j is not None:
            keyed.append(((j, 0, i if i is not None else -1), i, j))
        else:
            keyed.append(((anchor[i], 1, i), i, j))
    return [make(i, j) for _, i, j in sorted(keyed, key=lambda t: t[0])]


# ------------------------------------------------------------------------------------------------ tasks


def align_tasks(old: list[dict], new: list[dict], min_similarity: float | None = None):
    """Index pairs aligning two task lists: same task_key first (in table order), then, for tasks without a
    key, the most similar content (rapidfuzz token_set_ratio >= the task-key threshold of rules/tasks.yaml).
    """
    if min_similarity is None:
        from extract import catalog

        min_similarity = float(catalog.load("tasks")["match"]["threshold"])
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    new_by_key: dict[int, list[int]] = {}
    for j, r in enumerate(new):
        if r.get("task_key") is not None:
            new_by_key.setdefault(r["task_key"], []).append(j)
    for i, r in enumerate(old):
        queue = new_by_key.get(r.get("task_key")) if r.get("task_key") is not None else None
        if queue:
            j = queue.pop(0)
            pairs[i] = j
            taken.add(j)
    # a key decided by assign_task_keys is trusted; only a task that has none is matched on content
    left_old = [i for i in range(len(old)) if i not in pairs]
    left_new = [j for j in range(len(new)) if j not in taken]
    if left_old and left_new:
        texts_old = [_loose_words(old[i].get("content")) for i in left_old]
        texts_new = [_loose_words(new[j].get("content")) for j in left_new]
        sims = process.cdist(
            texts_old, texts_new, scorer=fuzz.token_set_ratio, score_cutoff=min_similarity, workers=1
        )
        candidates = []
        for a, b in zip(*(sims > 0).nonzero(), strict=True):
            i, j = left_old[int(a)], left_new[int(b)]
            if old[i].get("task_key") is not None and new[j].get("task_key") is not None:
                continue
            same_owner = _loose(old[i].get("owner")) == _loose(new[j].get("owner"))
            candidates.append((-float(sims[a, b]), not same_owner, i, j))
        for _, _, i, j in sorted(candidates):
            if i not in pairs and j not in taken:
                pairs[i] = j
                taken.add(j)
    return _with_unpaired(pairs, taken, len(old), len(new))


def _loose_words(text) -> str:
    return _NOT_WORD.sub(" ", fold(str(text or "")).lower()).strip()


def task_fields(old: dict, new: dict) -> tuple[str, ...]:
    """Deadline and status compare as normalised (date, status id), their wording only when neither parsed."""
    out = []
    for name in ("deadline", "status"):
        a, b = old.get(name), new.get(name)
        if a is None and b is None:
            a, b = _loose(old.get(f"{name}_text")), _loose(new.get(f"{name}_text"))
        if a != b:
            out.append(name)
    if _loose(old.get("owner")) != _loose(new.get("owner")):
        out.append("owner")
    return tuple(out)


def diff_tasks(old: list[dict], new: list[dict], **options) -> list[Change]:
    pairs = align_tasks(old, new, **options)

    def make(i, j):
        return _change(
            "task", old[i] if i is not None else None, new[j] if j is not None else None, task_fields
        )

    return _in_reading_order(pairs, make)


def diff_rows(
    old_figures, new_figures, old_tasks=(), new_tasks=(), old_doc=None, new_doc=None, **options
) -> Diff:
    changes = diff_figures(list(old_figures), list(new_figures), **options) + diff_tasks(
        list(old_tasks), list(new_tasks)
    )
    return Diff(old_doc, new_doc, tuple(changes))


# ------------------------------------------------------------------------------------- warehouse and CLI


def read_rows(con, doc_id: int) -> tuple[list[dict], list[dict]]:
    """One document's figures and tasks, in document order, as dicts."""
    figs = con.execute(
        f"select {', '.join(FIGURE_COLUMNS)} from figures where doc_id = ? order by figure_id", [doc_id]
    )
    fig_cols = [d[0] for d in figs.description]
    fig_rows = [dict(zip(fig_cols, r, strict=True)) for r in figs.fetchall()]
    tasks = con.execute(
        f"select {', '.join(TASK_COLUMNS)} from tasks where doc_id = ? order by task_id", [doc_id]
    )
    task_cols = [d[0] for d in tasks.description]
    return fig_rows, [dict(zip(task_cols, r, strict=True)) for r in tasks.fetchall()]


class RefError(ValueError):
    """A diff argument that is neither a readable .docx/.pdf nor a doc_id in the warehouse."""

    exit_code = 2


class NotAvailable(RefError):
    """A path that could not be ingested (its reason is printed as `path: reason`), or no usable warehouse."""

    exit_code = 1


def resolve_refs(refs: list[str], settings) -> list[int]:
    """doc_ids for paths or doc_ids; a path not yet in the warehouse is ingested first (by sha256)."""
    from pathlib import Path

    from extract.pipeline import sha256_of
    from warehouse.batch import run_ingest

    shas: dict[str, str] = {}
    for ref in refs:
        path = Path(ref)
        if path.is_file():
            shas[ref] = sha256_of(path)
        elif not ref.isdigit():
            raise RefError(f"{ref}: no such file, and not a doc_id")
    if shas:
        # a missing warehouse is refused like every read command's (only `baocao ingest` makes one)
        con = _connect(settings.db, settings.db_wait_s)
        try:
            missing = [r for r, s in shas.items() if not _doc_by_sha(con, s)]
        finally:
            con.close()
        if missing and run_ingest(missing, settings, progress=False) != 0:
            raise NotAvailable(f"{', '.join(missing)}: could not be ingested")
    con = _connect(settings.db, settings.db_wait_s)
    try:
        out = []
        for ref in refs:
            doc_id = _doc_by_sha(con, shas[ref]) if ref in shas else int(ref)
            if con.execute("select 1 from documents where doc_id = ?", [doc_id]).fetchone() is None:
                raise RefError(f"{ref}: no document with this doc_id in {settings.db}")
            out.append(doc_id)
        return out
    finally:
        con.close()


def _connect(db, wait: float = 0.0):
    from warehouse.load import WarehouseError, connect

    try:
        return connect(db, read_only=True, wait_s=wait)
    except WarehouseError as exc:
        raise NotAvailable(str(exc)) from exc


def _doc_by_sha(con, sha: str) -> int | None:
    row = con.execute("select doc_id from documents where sha256 = ?", [sha]).fetchone()
    return row[0] if row else None


def diff_docs(settings, old_doc: int, new_doc: int) -> Diff:
    con = _connect(settings.db, settings.db_wait_s)
    try:
        old_f, old_t = read_rows(con, old_doc)
        new_f, new_t = read_rows(con, new_doc)
    finally:
        con.close()
    return diff_rows(
        old_f,
        new_f,
        old_t,
        new_t,
        old_doc,
        new_doc,
        min_similarity=settings.diff_min_similarity,
        min_key_similarity=settings.diff_min_key_similarity,
    )


def summary_line(diff: Diff) -> str:
    parts = []
    for kind in ("figure", "task"):
        c = diff.counts(kind)
        parts.append(
            f"{kind}s: {c['changed']} changed, {c['added']} added, {c['removed']} removed, "
            f"{c['unchanged']} unchanged"
        )
    return f"doc {diff.old_doc} -> doc {diff.new_doc}; " + "; ".join(parts)


def print_diff(diff: Diff, fmt: str, unchanged: bool = False, width: int = 200) -> None:
    """JSON list of items on stdout, or a rich table with each sentence and its number highlighted."""
    items = diff.items(unchanged)
    if fmt == "json":
        import json

        print(json.dumps([c.to_json() for c in items], ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("change", "what", "old", "new", "sentence", show_lines=True)
    style = {"changed": "yellow", "added": "green", "removed": "red", "unchanged": "dim"}
    for c in items:
        row = c.new or c.old
        if c.kind == "figure":
            what = row.get("indicator") or fold(row.get("subject") or "") or "—"
            old_v = (c.old or {}).get("raw") or ""
            new_v = (c.new or {}).get("raw") or ""
            sentence = _figure_sentence(c)
        else:
            what = fold(row.get("content") or "")[:80]
            old_v = _task_cell(c.old, c.fields)
            new_v = _task_cell(c.new, c.fields)
            sentence = f"STT {row.get('stt') or '?'} ({row.get('location') or ''})"
        table.add_row(f"[{style[c.change]}]{c.change}[/] {c.kind}", what, old_v, new_v, sentence)
    Console(width=width).print(table)


def _task_cell(row: dict | None, fields: tuple[str, ...]) -> str:
    if row is None:
        return ""
    names = [f for f in fields if f != "owner"] or ["deadline", "status"]
    parts = [fold(str(row.get(f"{n}_text") or row.get(n) or "")) for n in names]
    if "owner" in fields:
        parts.append(fold(row.get("owner") or ""))
    return " | ".join(parts)


def _figure_sentence(c: Change, window: int = 90):
    """The sentence with the number highlighted; a changed number shows old (struck) and new in one sentence
    when the rest of the sentence is the same, else both sentences."""
    from rich.text import Text

    def marked(row, style, extra: tuple[str, str] | None = None) -> Text:
        quote, s, e = row["quote"], row["char_start"], row["char_end"]
        lo, hi = max(0, s - window), min(len(quote), e + window)
        t = Text("…" if lo else "")
        t.append(quote[lo:s])
        if extra:
            t.append(extra[0], style=extra[1])
            t.append(" → ")  # readable without colour too
        t.append(quote[s:e], style=style)
        t.append(quote[e:hi])
        t.append("…" if hi < len(quote) else "")
        return t

    if c.old is None:
        return marked(c.new, "bold green")
    if c.new is None:
        return marked(c.old, "bold red")
    if c.change == "unchanged":
        return marked(c.new, "bold")
    if figure_context(c.old) == figure_context(c.new):
        old_num = c.old["quote"][c.old["char_start"] : c.old["char_end"]]
        return marked(c.new, "bold green", (old_num, "bold red strike"))
    t = Text("old: ")
    t.append_text(marked(c.old, "bold red"))
    t.append("\nnew: ")
    t.append_text(marked(c.new, "bold green"))
    return t
