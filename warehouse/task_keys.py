"""Task identity across documents: give each newly loaded task the `task_key` of the same task seen before.

Content is compared with rapidfuzz (token_set_ratio on lower-cased, whitespace-folded text), the owner
breaks ties; threshold and length guard come from rules/tasks.yaml (`match`).
"""

from __future__ import annotations

import duckdb
from rapidfuzz import fuzz, process

from extract import catalog
from extract.language.text import fold

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
    # tasks seen so far, grouped by identical wording: a batch of many reports repeats the same rows, and
    # fuzzy matching against each distinct wording once (not each copy) keeps this linear in practice
    texts: list[str] = []  # distinct normalised contents
    members: list[list[int]] = []  # per distinct content: indexes into owners/groups/keys, in document order
    index_of: dict[str, int] = {}
    owners: list[str] = []
    groups: list[tuple] = []
    keys: list[int] = []
    used: dict[tuple, set[int]] = {}  # (doc, table) -> keys already present in it: one row per task per table

    def remember(text: str, own: str, group: tuple, key: int) -> None:
        if text not in index_of:
            index_of[text] = len(texts)
            texts.append(text)
            members.append([])
        members[index_of[text]].append(len(keys))
        owners.append(own)
        groups.append(group)
        keys.append(key)
        used.setdefault(group, set()).add(key)

    for r in keyed:
        remember(_norm(r[3]), _norm(r[4]), (r[1], r[2]), r[5])
    updates: list[tuple[int, int]] = []
    for task_id, doc_id, table_no, content, owner, _ in todo:
        text, own, group = _norm(content), _norm(owner), (doc_id, table_no)
        taken = used.setdefault(group, set())
        best: tuple | None = None
        for _, score, u in process.extract(
            text, texts, scorer=fuzz.token_set_ratio, score_cutoff=threshold, limit=None
        ):
            shorter, longer = sorted((len(text), len(texts[u])))
            if not longer or shorter / longer < min_len:
                continue
            # later documents win ties so a chain follows the most recent wording; the owner breaks ties
            for i in reversed(members[u]):
                if groups[i] == group or keys[i] in taken:
                    continue  # never the same task twice in one table
                rank = (score, own == owners[i] and bool(own), i)
                if best is None or rank > best[0]:
                    best = (rank, keys[i])
                if rank[1]:
                    break  # the latest same-owner copy of this wording cannot be beaten by an earlier one
        if best is None:
            key, next_key = next_key, next_key + 1
        else:
            key = best[1]
        remember(text, own, group, key)
        updates.append((key, task_id))
    if updates:
        # one set-based update: executemany would be one statement per task
        con.execute(
            """update tasks set task_key = k.task_key
               from (select unnest(?::integer[]) as task_key, unnest(?::integer[]) as task_id) k
               where tasks.task_id = k.task_id""",
            [[k for k, _ in updates], [t for _, t in updates]],
        )
    return len(updates)
