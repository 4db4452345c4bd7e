"""Document metadata: title, type, issuer, number, date, draft status and reporting period.

Read from the document's head (the borderless header table and the title lines, as Vietnamese
administrative documents lay them out), falling back to headings and body phrases (rules/documents.yaml).
"""

from __future__ import annotations

from datetime import date
from functools import cache

import regex

from extract import catalog
from extract.language.periods import find_periods, first_period, whole_year
from extract.model import Block, Document, Metadata, Period

_HEAD_BLOCKS = 14  # the header and title of a document sit in its first blocks
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")


@cache
def _rules():
    data = catalog.load("documents")
    types = sorted(data["doc_types"].items(), key=lambda kv: -len(kv[0]))
    cues = [(regex.compile(c["regex"], regex.I), c["doc_type"]) for c in data["body_cues"]]
    return {
        "types": types,
        "cues": cues,
        "draft": regex.compile(data["draft"]["regex"]),
        "draft_types": data["draft"]["draft_types"],
        "number": regex.compile(data["doc_number"]["regex"]),
        "date": regex.compile(data["issued_date"]["regex"]),
        "year": regex.compile(data["issued_year"]["regex"]),
        "body_start": regex.compile(data["body_starts"]),
        "refinements": [(x["doc_type"], regex.compile(x["next_line"]), x["becomes"]) for x in data["refinements"]],
        "issuer_start": regex.compile(
            r"\b(?:" + "|".join(regex.escape(k) for k in data["issuer"]["starts"]) + r")\b"
        ),
        "issuer_stop": regex.compile("|".join(data["issuer"]["stops"])),
    }


def _lines(blocks: list[Block]) -> list[str]:
    """Head text as lines: each cell of a header table and each paragraph."""
    out = []
    for b in blocks:
        if b.kind == "table" and b.table is not None:
            out.extend(c.text for row in b.table.rows for c in row)
        else:
            out.append(b.text)
    return [line for line in out if line]


def read_metadata(doc: Document) -> Metadata:
    r = _rules()
    head = list(doc.blocks[:_HEAD_BLOCKS])
    head_lines = _lines(head)
    # the header table puts several lines in one cell; split them back on the upper-case line starts
    flat_head = " \n ".join(head_lines)

    doc_type, title = _title(doc, r)
    draft = r["draft"].search("\n".join(head_lines))
    is_draft = draft is not None
    draft_no = None
    if draft and draft.group("n") and draft.group("n").isdigit():
        draft_no = int(draft.group("n"))
    elif is_draft:
        draft_no = 1
    if is_draft and doc_type in r["draft_types"]:
        doc_type = r["draft_types"][doc_type]

    number = r["number"].search(flat_head)
    issued = None
    m = r["date"].search(flat_head)
    if m:
        try:
            issued = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            issued = None
    return Metadata(
        title=title,
        doc_type=doc_type,
        issuer=_issuer(head, r),
        doc_number=number["no"] if number else None,
        issued_date=issued,
        is_draft=is_draft,
        draft_no=draft_no,
        period=_period(doc, title, issued, _header_year(flat_head, r)),
    )


def _title(doc: Document, r) -> tuple[str | None, str | None]:
    blocks = [b for b in doc.blocks[: _HEAD_BLOCKS + 6] if b.kind != "table"]
    for i, b in enumerate(blocks):
        upper = b.text.upper()
        for keyword, doc_type in r["types"]:
            if upper.startswith(keyword) and (b.text[: len(keyword)].isupper()):
                parts = [b.text]
                for nxt in blocks[i + 1 : i + 4]:
                    if (nxt.kind == "heading" or nxt.text.startswith("-") or len(nxt.text.split()) > 60
                            or r["body_start"].match(nxt.text)):
                        break
                    parts.append(nxt.text)
                if len(parts) > 1:
                    for base, rx, becomes in r["refinements"]:
                        if doc_type == base and rx.match(parts[1]):
                            doc_type = becomes
                return doc_type, " ".join(parts)
    text = " ".join(b.text for b in doc.blocks if b.kind != "table")
    for rx, doc_type in r["cues"]:
        if rx.search(text):
            first_heading = next((b.text for b in doc.blocks if b.kind == "heading"), None)
            return doc_type, first_heading
    return None, next((b.text for b in doc.blocks if b.kind == "heading"), None)


def _issuer(head: list[Block], r) -> str | None:
    """Last independent org name before the first stop ("*", "Số", the motto) in the head text."""
    text = " ".join(_lines(head))
    stop = r["issuer_stop"].search(text)
    region = text[: stop.start()] if stop else text[:200]
    starts = [m for m in r["issuer_start"].finditer(region)]
    chosen = None
    prev_end = -2
    for m in starts:
        if m.start() > prev_end + 1:  # a keyword right after another continues the same name
            chosen = m.start()
        prev_end = m.end()
    if chosen is None:
        return None
    # the name runs while its words are upper case ("ĐẢNG ỦY UBND TỈNH"), and has at least two words
    words = []
    for w in region[chosen:].split():
        if not w.isupper():
            break
        words.append(w)
    return " ".join(words) if len(words) >= 2 else None


def _header_year(flat_head: str, r) -> int | None:
    m = r["year"].search(flat_head)
    return int(m["y"]) if m else None


def _period(doc: Document, title: str | None, issued: date | None, header_year: int | None = None) -> Period | None:
    year = issued.year if issued else header_year or _first_year(doc)
    if title:
        p = first_period(title, year)
        if p:
            return p
    headed = [p for b in doc.blocks if b.kind == "heading" and (p := first_period(b.text, year))]
    if headed:
        # a report signed in 2025 whose first heading recalls "Kết quả năm 2024" speaks of 2025 when a heading
        # of that year follows
        first = headed[0]
        if (issued or header_year) and first.start.year == first.end.year < year:
            same = [p for p in headed if p.end.year == year]
            if same:
                return same[0]
        return headed[0]
    for b in doc.blocks[:_HEAD_BLOCKS + 10]:
        if b.kind in ("paragraph", "list_item") and not _rules()["body_start"].match(b.text):
            for pm in find_periods(b.text, year):
                if pm.period:
                    return pm.period
    return whole_year(year) if year else None


def _first_year(doc: Document) -> int | None:
    for b in doc.blocks:
        m = _YEAR.search(b.text)
        if m:
            return int(m.group())
    return None
