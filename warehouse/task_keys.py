"""Task identity across documents: give each newly loaded task the `task_key` of the same task seen before.

A new task is compared with the latest wording of each task key (and with the tasks of its own batch), not
with every wording ever loaded; candidates are blocked by shared rare words (prefix filtering) and by owner
with deadline, so each task meets a handful of wordings and a batch costs the same in any warehouse.
Content is compared with rapidfuzz (token_set_ratio on lower-cased, whitespace-folded text), the owner
breaks ties; threshold and length guard come from rules/tasks.yaml (`match`).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import duckdb
from rapidfuzz import fuzz

from extract import catalog
from extract.language.text import fold

_ORDER = "d.issued_date nulls last, t.doc_id, t.table_no nulls last, t.row_no nulls last, t.task_id"
_LATEST_FIRST = (
    "d.issued_date desc nulls first, t.doc_id desc, t.table_no desc nulls first, t.row_no desc nulls first, "
    "t.task_id desc"
)
# token_set_ratio >= 90 between two typo-free wordings needs the shared words to make up about 80% of one of
# them; blocking asks for half of its words, a wide margin. Owner and deadline together catch reworded typos.
_MIN_SHARED = 0.5


def _norm(text: str | None) -> str:
    return fold(text or "").lower()


class _Blocks:
    """Candidate wordings for a new task: prefix filtering for set overlap (Chaudhuri et al. 2006).

    Words are ranked rarest first over every wording of the batch. A wording whose words are at least half
    inside another shares a word with that other among its first |w| - ceil(|w|/2) + 1 rarest ones, so it
    is indexed under those (`prefix`) and found by any word of the task; the task's own prefix is looked up
    among all words (`words`) for the other direction.
    """

    def __init__(self, texts: list[str]):
        df = Counter(w for text in set(texts) for w in set(text.split()))
        self.rank = {w: (n, w) for w, n in df.items()}
        self.prefix: dict[str, list[int]] = {}
        self.words: dict[str, list[int]] = {}
        self.pairs: dict[tuple, list[int]] = {}

    def _prefix(self, text: str) -> list[str]:
        words = sorted(set(text.split()), key=lambda w: self.rank.get(w, (0, w)))
        keep = len(words) - int(len(words) * _MIN_SHARED + 0.999999) + 1
        return words[:keep]

    def add(self, u: int, text: str, owner: str, deadline) -> None:
        for w in self._prefix(text):
            self.prefix.setdefault(w, []).append(u)
        for w in set(text.split()):
            self.words.setdefault(w, []).append(u)
        if owner and deadline is not None:
            self.pairs.setdefault((owner, deadline), []).append(u)

    def candidates(self, text: str, owner: str, deadline) -> set[int]:
        found: set[int] = set()
        for w in set(text.split()):
            found.update(self.prefix.get(w, ()))
        for w in self._prefix(text):
            found.update(self.words.get(w, ()))
        if owner and deadline is not None:
            found.update(self.pairs.get((owner, deadline), ()))
        return found


def assign_task_keys(con: duckdb.DuckDBPyConnection) -> int:
    """Fill every NULL task_key, in document order; returns how many tasks got a key."""
    rules = catalog.load("tasks")["match"]
    threshold = float(rules["threshold"])
    min_len = float(rules["min_length_ratio"])
    todo = con.execute(
        f"""select t.task_id, t.doc_id, t.table_no, t.content, t.owner, t.deadline, d.issued_date, t.row_no
            from tasks t join documents d using (doc_id) where t.task_key is null order by {_ORDER}"""
    ).fetchall()
    if not todo:
        return 0
    # the latest wording of each key: a chain of rewordings follows its most recent text
    keyed = con.execute(
        f"""select t.task_key, t.doc_id, t.table_no, t.content, t.owner, t.deadline, d.issued_date, t.row_no,
                   t.task_id
            from tasks t join documents d using (doc_id) where t.task_key is not null
            qualify row_number() over (partition by t.task_key order by {_LATEST_FIRST}) = 1
            order by {_ORDER}"""
    ).fetchall()
    next_key = (con.execute("select max(task_key) from tasks").fetchone()[0] or 0) + 1
    blocks = _Blocks([_norm(r[3]) for r in keyed] + [_norm(r[3]) for r in todo])
    # wordings grouped by identical text: a batch of many reports repeats the same rows, and fuzzy matching
    # against each distinct wording once (not each copy) keeps the batch linear
    texts: list[str] = []  # distinct normalised contents
    members: list[list[int]] = []  # per distinct content: indexes into owners/groups/keys, in document order
    index_of: dict[str, int] = {}
    owners: list[str] = []
    groups: list[tuple] = []
    keys: list[int] = []
    used: dict[tuple, set[int]] = {}  # (doc, table) -> keys already present in it: one row per task per table
    # each key is matched through its latest wording only: the member holding it, and per distinct text
    # how many keys it is the latest wording of (texts no key points to any more are skipped unscored)
    latest: dict[int, tuple[tuple, int]] = {}  # key -> (document order, member index)
    live = Counter()

    def remember(text: str, own: str, deadline, group: tuple, key: int, order: tuple) -> None:
        if text not in index_of:
            index_of[text] = len(texts)
            blocks.add(len(texts), text, own, deadline)
            texts.append(text)
            members.append([])
        i = len(keys)
        members[index_of[text]].append(i)
        owners.append(own)
        groups.append(group)
        keys.append(key)
        used.setdefault(group, set()).add(key)
        if key not in latest or latest[key][0] < order:
            if key in latest:
                live[member_text[latest[key][1]]] -= 1
            latest[key] = (order, i)
            live[index_of[text]] += 1
        member_text.append(index_of[text])

    member_text: list[int] = []  # member index -> its distinct text

    def order_of(issued, doc_id, table_no, row_no, task_id) -> tuple:
        # the document order of _ORDER as a Python key (NULLs last)
        return (
            issued is None,
            issued or date.min,
            doc_id,
            table_no is None,
            table_no or 0,
            row_no is None,
            row_no or 0,
            task_id,
        )

    for key, doc_id, table_no, content, owner, deadline, issued, row_no, task_id in keyed:
        order = order_of(issued, doc_id, table_no, row_no, task_id)
        remember(_norm(content), _norm(owner), deadline, (doc_id, table_no), key, order)
    updates: list[tuple[int, int]] = []
    for task_id, doc_id, table_no, content, owner, deadline, issued, row_no in todo:
        text, own, group = _norm(content), _norm(owner), (doc_id, table_no)
        order = order_of(issued, doc_id, table_no, row_no, task_id)
        taken = used.setdefault(group, set())
        best: tuple | None = None
        for u in sorted(blocks.candidates(text, own, deadline)):
            if not live[u]:
                continue
            score = fuzz.token_set_ratio(text, texts[u], score_cutoff=threshold)
            if not score:
                continue
            shorter, longer = sorted((len(text), len(texts[u])))
            if not longer or shorter / longer < min_len:
                continue
            # later documents win ties so a chain follows the most recent wording; the owner breaks ties
            for i in reversed(members[u]):
                if latest[keys[i]][1] != i or groups[i] == group or keys[i] in taken:
                    continue  # an older wording, or the same task twice in one table
                rank = (score, own == owners[i] and bool(own), i)
                if best is None or rank > best[0]:
                    best = (rank, keys[i])
                if rank[1]:
                    break  # the latest same-owner copy of this wording cannot be beaten by an earlier one
        if best is None:
            key, next_key = next_key, next_key + 1
        else:
            key = best[1]
        remember(text, own, deadline, group, key, order)
        updates.append((key, task_id))
    # one set-based update: executemany would be one statement per task
    con.execute(
        """update tasks set task_key = k.task_key
           from (select unnest(?::integer[]) as task_key, unnest(?::integer[]) as task_id) k
           where tasks.task_id = k.task_id""",
        [[k for k, _ in updates], [t for _, t in updates]],
    )
    return len(updates)
