"""Removal: a document and every row that hangs on it (figures, tasks, relations, blocks, findings, failures)
leave the warehouse in one transaction; the families are then recomputed without it."""

from __future__ import annotations

from pathlib import Path

import duckdb

# tables whose rows belong to one document through doc_id
_DOC_TABLES = ("figures", "tasks", "relations", "blocks")


class NoSuchDocument(LookupError):
    """A reference that names no loaded document; str() says which."""


def resolve_documents(con: duckdb.DuckDBPyConnection, ref: str) -> list[int]:
    """doc_ids named by `ref`: a doc_id, or a path as loaded (or the same file by its resolved path)."""
    if ref.isdigit():
        hit = con.execute("select doc_id from documents where doc_id = ?", [int(ref)]).fetchall()
    else:
        hit = con.execute("select doc_id from documents where path = ? order by doc_id", [ref]).fetchall()
        if not hit:
            wanted = str(Path(ref).resolve())
            rows = con.execute("select doc_id, path from documents order by doc_id").fetchall()
            hit = [(d,) for d, p in rows if str(Path(p).resolve()) == wanted]
    if not hit:
        raise NoSuchDocument(f"{ref}: no such document in the warehouse (a doc_id or a loaded path)")
    return [d for (d,) in hit]


def delete_rows(con: duckdb.DuckDBPyConnection, doc_ids: list[int]) -> None:
    """The documents' rows, inside the caller's transaction."""
    if not doc_ids:
        return
    paths = [p for (p,) in con.execute("select path from documents where list_contains(?, doc_id)", [doc_ids]).fetchall()]
    for table in _DOC_TABLES:
        con.execute(f"delete from {table} where list_contains(?, doc_id)", [doc_ids])
    con.execute(
        "delete from findings where list_contains(?, doc_id) or list_contains(?, other_doc_id)", [doc_ids, doc_ids]
    )
    con.execute("delete from failures where list_contains(?, path)", [paths])
    con.execute("delete from documents where list_contains(?, doc_id)", [doc_ids])


def remove_documents(con: duckdb.DuckDBPyConnection, doc_ids: list[int]) -> int:
    """Remove the documents and all their rows in one transaction; returns how many documents went."""
    from warehouse.families import assign_families

    con.execute("begin transaction")
    try:
        delete_rows(con, doc_ids)
        assign_families(con)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return len(doc_ids)
