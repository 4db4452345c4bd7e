"""Document families: the files that are one document (DOCX and PDF of one text, a signed PDF of a Word
draft) and the versions of one document (dự thảo lần 1, lần 2, bản ký), with their order and locality.

Recomputed over the whole warehouse after every ingest, removal and check, from what is stored (blocks,
metadata, file names), so the result does not depend on the order files were loaded in: family_id is named
after the family's smallest sha256, ranks are ordered by version cues, dates, format and file name.
"""

from __future__ import annotations

import heapq
import importlib.util
import re
import sqlite3
import zlib
from collections import Counter, defaultdict
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

import regex

from extract import catalog
from extract.language.text import nfc
from extract.settings import Settings

if TYPE_CHECKING:  # the workers import this module for `document_sketch` without DuckDB
    import duckdb

    from extract.model import Block

SKETCH_SIZE = 128  # hashes kept per document (bottom-k sketch): the Jaccard estimate's error is ~1/sqrt(k)
SHINGLE_WORDS = 5  # words per shingle: long enough that boilerplate phrases alone do not make two texts alike
MAX_POSTING = 200  # a sketch hash shared by more documents than this is boilerplate and pairs nobody

_WORD = regex.compile(r"[\p{L}\p{N}]+")
# The standard library's `re` finds the same words ~3x faster (a sketch: ~20 % less) on text whose characters all
# lie where Python's Unicode tables and regex's newer ones agree on letters and digits: Latin, Vietnamese,
# Greek, Cyrillic, punctuation, symbols, private-use bullets (tests/test_families.py checks every code point of
# this class); any other text keeps `regex`, so each sketch is what `_WORD` gives.
_WORD_STDLIB = re.compile(r"[^\W_]+")
_OUTSIDE_AGREED = re.compile(
    "[^\x00-\u0557\u1e00-\u207f\u20a0-\u2fff\ue000-\uf8ff\ufb00-\ufb4f\ufe00-\ufe6f\uff00-\uffff]"
)


@dataclass
class _Doc:
    doc_id: int
    path: str
    sha256: str
    format: str
    title: str | None
    doc_number: str | None
    issued_date: date | None
    is_draft: bool | None
    draft_no: int | None
    period: tuple | None
    head: str
    sketch: list[int]
    issuer: str | None = None
    ingested_at: object = None
    stage: int = 1  # 0 draft, 1 unknown, 2 final/signed
    draft_rank: int = 0


@cache
def _rules():
    data = catalog.load("families")
    v = data["versions"]
    loc = data["locality"]
    return {
        "draft_name": regex.compile(v["draft_name"]),
        "final_name": regex.compile(v["final_name"]),
        "draft_no_name": regex.compile(v["draft_no_name"]),
        "draft_head": regex.compile(v["draft_head"]),
        "head_blocks": int(v["head_blocks"]),
        "province_prefixes": loc["province_prefixes"],
        "commune_prefixes": loc["commune_prefixes"],
    }


# ---------------------------------------------------------------- administrative units


@cache
def _units() -> tuple[regex.Pattern, dict[str, str], dict[str, set[str]], regex.Pattern]:
    """Province names before and after the 2025 merger, with their communes, from vietnamadminunits' dataset.

    The dataset (an SQLite file in the package: 34 provinces and 3,321 communes from 2025, the 63 provinces
    and 10,040 communes before) is read directly: importing the package loads shapely and geopy (0.7 s) for
    geocoding, which is not needed to recognise a name.
    """
    provinces: dict[str, str] = {}
    communes: dict[str, set[str]] = defaultdict(set)
    # find_spec locates the package without running its __init__ (which imports shapely and geopy)
    spec = importlib.util.find_spec("vietnamadminunits")
    path = Path(spec.submodule_search_locations[0]) / "data" / "dataset.db"
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        for table in ("admin_units", "admin_units_legacy"):
            rows = con.execute(
                f"select distinct provinceShort, wardShort from {table} where wardShort is not null"
            )
            for province, ward in rows:
                provinces.setdefault(province.lower(), province)
                communes[province].add(ward.lower())
    r = _rules()
    names = sorted(provinces, key=len, reverse=True)
    prefix = "|".join(regex.escape(p) for p in r["province_prefixes"])
    province_rx = regex.compile(
        rf"(?:^|[^\p{{L}}])(?:{prefix})\s*({'|'.join(regex.escape(n) for n in names)})(?![\p{{L}}])", regex.I
    )
    cprefix = "|".join(regex.escape(p) for p in r["commune_prefixes"])
    commune_rx = regex.compile(
        rf"(?:^|[^\p{{L}}])({cprefix})\s+(\p{{Lu}}[\p{{L}}\d]*(?:\s+\p{{Lu}}[\p{{L}}\d]*){{0,3}})", regex.I
    )
    return province_rx, provinces, communes, commune_rx


def prepare() -> None:
    """Read the rules and the administrative units now (~40 ms): an ingest calls it in a thread while its
    workers extract, so grouping the batch's families at its end does not wait for them."""
    _rules()
    _units()


def find_locality(issuer: str | None, head: str, title: str | None) -> str | None:
    """ "Lâm Đồng", or "Lâm Đồng › xã Phú Mỹ" when a commune issues the document; None when no unit is named."""
    province_rx, provinces, communes, commune_rx = _units()
    province = None
    for text in (issuer, head, title):
        m = province_rx.search(text or "")
        if m:
            province = provinces[m.group(1).lower()]
            break
    if province is None:
        return None
    for text in (issuer, head[:300]):
        for m in commune_rx.finditer(text or ""):
            words = m.group(2).split()
            # the name runs as long as its words are capitalised; try the longest known name first
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n])
                if name.lower() in communes.get(province, ()):
                    return f"{province} › {m.group(1).lower()} {name.title() if name.isupper() else name}"
    return province


# ---------------------------------------------------------------- similarity


def sketch(text: str) -> list[int]:
    """The SKETCH_SIZE smallest hashes of the text's word shingles (lower-cased, punctuation dropped)."""
    # NFC alone, not fold(): folding only collapses whitespace, which never lies inside a word; shingles are
    # joined as UTF-8 bytes (the same bytes as the joined text encoded) so each word is encoded once
    words = [w.encode() for w in _words(nfc(text).lower())]
    if len(words) < SHINGLE_WORDS:
        shingles = [b" ".join(words)] if words else []
    else:
        starts = len(words) - SHINGLE_WORDS + 1
        shingles = map(b" ".join, zip(*(words[i : i + starts] for i in range(SHINGLE_WORDS)), strict=True))
    # the hashes of the distinct shingles: one set of integers rather than a set of shingles, then of hashes
    return heapq.nsmallest(SKETCH_SIZE, set(map(zlib.crc32, shingles)))


def _words(text: str) -> list[str]:
    """`_WORD.findall(text)`, through the standard library where it finds the same words."""
    return (_WORD if _OUTSIDE_AGREED.search(text) else _WORD_STDLIB).findall(text)


def document_sketch(blocks: tuple[Block, ...]) -> list[int]:
    """The sketch of a document's text as the warehouse stores it (its blocks' text joined by newlines, as
    `_read` joins them): computed by the extraction workers, so the batch's end does not sketch every file."""
    return sketch("\n".join(b.text for b in blocks if b.text is not None))


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two shingle sets from their bottom-k sketches."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    union = heapq.nsmallest(SKETCH_SIZE, sa | sb)
    return sum(1 for h in union if h in sa and h in sb) / len(union)


# ---------------------------------------------------------------- families


def _read(
    con: duckdb.DuckDBPyConnection, sketches: dict[str, list[int]] | None = None
) -> tuple[list[_Doc], dict[int, tuple]]:
    """The documents with their head blocks (sketching those that have none yet, unless `sketches` has it by
    sha256), and what each has stored as (family_id, version_rank, is_latest, locality)."""
    r = _rules()
    docs = con.execute(
        """select doc_id, path, sha256, format, title, doc_number, issued_date, is_draft, draft_no,
                  period_start, period_end, content_sketch, issuer, ingested_at,
                  family_id, version_rank, is_latest, locality
           from documents"""
    ).fetchall()
    missing = [d[0] for d in docs if d[11] is None]
    sketches = sketches or {}
    new_sketches = {d[0]: sketches[d[2]] for d in docs if d[11] is None and d[2] in sketches}
    heads: dict[int, list[str]] = defaultdict(list)
    for doc_id, text in con.execute(
        "select doc_id, text from blocks where seq < ? order by doc_id, seq", [r["head_blocks"]]
    ).fetchall():
        heads[doc_id].append(text)
    unsketched = [i for i in missing if i not in new_sketches]
    if unsketched:
        # the whole text of each new document, joined in DuckDB: a semi join on the new ids, not a list
        # searched for every block of the warehouse
        for doc_id, text in con.execute(
            """select doc_id, string_agg(text, '\n' order by seq) from blocks
               where doc_id in (select unnest(?::integer[])) group by doc_id""",
            [unsketched],
        ).fetchall():
            new_sketches[doc_id] = sketch(text)
    if missing:
        # one UPDATE for all of them (executemany ran one statement per document)
        con.execute(
            """update documents set content_sketch = n.sketch
               from (select unnest(?::integer[]) as doc_id, unnest(?::ubigint[][]) as sketch) n
               where n.doc_id = documents.doc_id""",
            [missing, [new_sketches.get(i, []) for i in missing]],
        )
    out = []
    stored = {}
    for d in docs:
        sk = d[11] if d[11] is not None else new_sketches.get(d[0], [])
        stored[d[0]] = tuple(d[14:18])
        out.append(
            _Doc(
                doc_id=d[0],
                path=d[1],
                sha256=d[2],
                format=d[3],
                title=d[4],
                doc_number=d[5],
                issued_date=d[6],
                is_draft=d[7],
                draft_no=d[8],
                period=(d[9], d[10]) if d[9] and d[10] else None,
                head=" \n ".join(heads.get(d[0], [])),
                sketch=list(sk),
                issuer=d[12],
                ingested_at=d[13],
            )
        )
    return out, stored


def _version_cues(d: _Doc) -> None:
    r = _rules()
    name = PurePath(d.path).stem
    head_draft = r["draft_head"].search(d.head)
    if d.is_draft or head_draft or r["draft_name"].search(name):
        d.stage = 0
    elif r["final_name"].search(name):
        d.stage = 2
    no = d.draft_no
    if no is None and head_draft and head_draft.group(1):
        no = int(head_draft.group(1))
    if no is None:
        m = r["draft_no_name"].search(name)
        no = int(m.group(1)) if m else 0
    d.draft_rank = no


def _compatible(a: _Doc, b: _Doc) -> bool:
    """Two files can be one document only if nothing they state about themselves differs."""
    if a.period and b.period and a.period != b.period:
        return False
    if a.doc_number and b.doc_number and a.doc_number != b.doc_number:
        return False
    if a.stage and b.stage and a.issued_date and b.issued_date and a.issued_date != b.issued_date:
        return False  # two issued (not draft) texts of different dates are two documents
    return True


def _candidate_pairs(docs: list[_Doc]) -> set[tuple[int, int]]:
    """Pairs sharing a sketch hash (a MinHash-style index: linear in documents, not quadratic)."""
    postings: dict[int, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        for h in d.sketch:
            postings[h].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if 1 < len(members) <= MAX_POSTING:
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    pairs.add((members[x], members[y]))
    return pairs


def group_families(docs: list[_Doc], min_similarity: float | None = None) -> list[list[_Doc]]:
    if min_similarity is None:
        min_similarity = Settings().family_min_similarity
    for d in docs:
        _version_cues(d)
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(_candidate_pairs(docs)):
        root_i, root_j = find(i), find(j)
        if root_i == root_j:
            continue  # already one family: the pair cannot change the groups, so it is not compared
        a, b = docs[i], docs[j]
        if _compatible(a, b) and similarity(a.sketch, b.sketch) >= min_similarity:
            parent[root_i] = root_j
    groups: dict[int, list[_Doc]] = defaultdict(list)
    for i, d in enumerate(docs):
        groups[find(i)].append(d)
    return list(groups.values())


def version_key(d: _Doc, same_name: set[str] | frozenset = frozenset()) -> tuple:
    """Older versions first: drafts, then unmarked, then final/signed files; draft number; date; the Word
    file before the PDF made from it; then the file name and hash, so ties never depend on load order (a file
    edited in place and loaded again keeps its name: there the later load is the later version)."""
    return (
        d.stage,
        d.draft_rank,
        d.issued_date or date.min,
        0 if d.format == "docx" else 1,
        PurePath(d.path).name,
        d.ingested_at if PurePath(d.path).name in same_name else 0,
        d.sha256,
    )


def assign_families(con: duckdb.DuckDBPyConnection, sketches: dict[str, list[int]] | None = None) -> int:
    """Recompute family_id, version_rank, is_latest and locality of every document; returns the families.
    `sketches` (sha256 -> `document_sketch`) spares sketching the documents a batch's workers sketched.

    Only the documents whose values changed are written, in one UPDATE (after an ingest that grouped them
    already, a check writes nothing)."""
    docs, stored = _read(con, sketches)
    counts = Counter(PurePath(d.path).name for d in docs)
    same_name = {
        n for n, k in counts.items() if k > 1
    }  # loaded more than once: edited, kept as a new version
    rows = []
    families = group_families(docs)
    for members in families:
        members.sort(key=lambda d: version_key(d, same_name))
        family_id = "F" + min(d.sha256 for d in members)[:12]
        for rank, d in enumerate(members, start=1):
            row = (family_id, rank, rank == len(members), find_locality(d.issuer, d.head, d.title))
            if row != stored.get(d.doc_id):
                rows.append((*row, d.doc_id))
    if rows:
        con.execute(
            """update documents set family_id = r.family_id, version_rank = r.version_rank,
                      is_latest = r.is_latest, locality = r.locality
               from (select unnest(?::varchar[]) as family_id, unnest(?::integer[]) as version_rank,
                            unnest(?::boolean[]) as is_latest, unnest(?::varchar[]) as locality,
                            unnest(?::integer[]) as doc_id) r
               where r.doc_id = documents.doc_id""",
            [list(c) for c in zip(*rows, strict=True)],
        )
    return len(families)
