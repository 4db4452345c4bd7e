"""Task identity across documents: give each newly loaded task the `task_key` of the same task seen before.

Content is compared with rapidfuzz (token_set_ratio on lower-cased, whitespace-folded text), the owner
breaks ties; threshold and length guard come from rules/tasks.yaml (`match`).
"""

from __future__ import annotations

import duckdb
from rapidfuzz import fuzz, process

from extract import catalog
from extract.text import fold

_ORDER = "d.issued_date nulls last, t.doc_id, t.table_no nulls last, t.row_no nulls last, t.task_id"


def _norm(text: str | None) -> str:
    return fold(text or "").lower()


def assign_task_keys(con: duckdb.DuckDBPyConnection) -> int:
    """Fill every NULL task_key, in document order; returns how many tasks got a key."""
    rules = catalog.load("tasks")["match"]
    threshold = float(rules["threshold"])
    min_len = float(rules["min_length_ratio"])
    rows = con.execute(
        f"""select t.task_id, t.doc_id, t.table_no, t.content, t.owner, t.task_key
            from tasks t join documents d using (doc_id) order by {_ORDER}"""
    ).fetchall()
    keyed = [r for r in rows if r[5] is not None]
    todo = [r for r in rows if r[5] is None]
    if not todo:
        return 0
    next_key = max((r[5] for r in keyed), default=0) + 1
    # every keyed task seen so far: content, owner, its (doc, table) group and key
    contents = [_norm(r[3]) for r in keyed]
    owners = [_norm(r[4]) for r in keyed]
    groups = [(r[1], r[2]) for r in keyed]
    keys = [r[5] for r in keyed]
    used: dict[tuple, set[int]] = {}  # (doc, table) -> keys already present in it: one row per task per table
    for g, k in zip(groups, keys, strict=True):
        used.setdefault(g, set()).add(k)
    updates: list[tuple[int, int]] = []
    for task_id, doc_id, table_no, content, owner, _ in todo:
        text, own, group = _norm(content), _norm(owner), (doc_id, table_no)
        taken = used.setdefault(group, set())
        best: tuple | None = None
        for _, score, i in process.extract(
            text, contents, scorer=fuzz.token_set_ratio, score_cutoff=threshold, limit=None
        ):
            if groups[i] == group or keys[i] in taken:
                continue  # never the same task twice in one table
            shorter, longer = sorted((len(text), len(contents[i])))
            if not longer or shorter / longer < min_len:
                continue
            # later documents win ties so a chain follows the most recent wording
            rank = (score, own == owners[i] and bool(own), i)
            if best is None or rank > best[0]:
                best = (rank, keys[i])
        if best is None:
            key, next_key = next_key, next_key + 1
        else:
            key = best[1]
        taken.add(key)
        contents.append(text)
        owners.append(own)
        groups.append(group)
        keys.append(key)
        updates.append((key, task_id))
    con.executemany("update tasks set task_key = ? where task_id = ?", updates)
    return len(updates)
