"""Document metadata: title, type, issuer, number, date, draft status and reporting period.

Read from the document's head (the borderless header table and the title lines, as Vietnamese
administrative documents lay them out), falling back to headings and body phrases (rules/documents.yaml).
"""

from __future__ import annotations

from datetime import date
from functools import cache

import regex

from extract import catalog
from extract.language.periods import find_periods, first_period, period_label, whole_year
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
        "title_line_words": int(data["title_line"]["max_words"]),
        "title_line_body": regex.compile(data["title_line"]["body_line"]),
        "cited_date": regex.compile(data["cited_date"], regex.I),
        "examined": regex.compile(data["examined_period"]),
        "title_as_of": regex.compile(data["title_as_of"]),
        "reviewed_years": regex.compile(data["reviewed_years"]),
        "event_title": regex.compile(data["event_title"]),
        "stated_days": regex.compile(data["stated_days"], regex.I),
        "event_day": regex.compile(data["event_day"]),
        "signing_year_types": set(data["signing_year_types"]),
        "refinements": [
            (x["doc_type"], regex.compile(x["next_line"]), x["becomes"]) for x in data["refinements"]
        ],
        "issuer_start": regex.compile(
            r"\b(?:" + "|".join(regex.escape(k) for k in data["issuer"]["starts"]) + r")\b"
        ),
        "issuer_stop": regex.compile("|".join(data["issuer"]["stops"])),
        "motto": regex.compile("|".join(data["issuer"]["motto"])),
        "issuer_line": regex.compile(
            r"^(?:" + "|".join(regex.escape(k) for k in data["issuer"]["starts"]) + r")\b", regex.I
        ),
        "under_title_max_words": int(data["issuer"]["under_title_max_words"]),
        "subject": regex.compile(data["subject_line"]["regex"]),
        "subject_type": data["subject_line"]["doc_type"],
        "numbered": regex.compile(data["numbered_item"]),
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

    doc_type, title, after_title = _title(doc, r, head_lines)
    as_of = _title_as_of(doc, title, after_title, r)
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
    issuer = _issuer(head, r) or _issuer_under_title(doc, after_title, r)
    issued = None
    m = r["date"].search(flat_head)
    if m:
        try:
            issued = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            issued = None
    header_year = _header_year(flat_head, r)
    return Metadata(
        title=title,
        doc_type=doc_type,
        issuer=issuer,
        doc_number=number["no"].rstrip("-/") if number else None,
        issued_date=issued,
        is_draft=is_draft,
        draft_no=draft_no,
        period=_period(doc, title, issued, header_year, as_of, doc_type),
        report_date=issued or _report_date(doc, flat_head, r),
        # the title counts to a day and names no period of its own: the document's period is a stock's
        as_of=as_of is not None and _title_period(title, issued, header_year) is None,
    )


def _title(doc: Document, r, head_lines: list[str]) -> tuple[str | None, str | None, int | None]:
    """(doc_type, title, index in doc.blocks of the block after the title) from the type keyword's line and
    the lines under it; a công văn's subject line (V/v ...); else a body cue with the first unnumbered heading."""
    blocks = [(i, b) for i, b in enumerate(doc.blocks[: _HEAD_BLOCKS + 6]) if b.kind != "table"]
    for k, (i, b) in enumerate(blocks):
        upper = b.text.upper()
        for keyword, doc_type in r["types"]:
            if upper.startswith(keyword) and (b.text[: len(keyword)].isupper()):
                parts = [b.text]
                end = i + 1
                for j, nxt in blocks[k + 1 : k + 4]:
                    if _ends_title(nxt, r) and not (j == blocks[k + 1][0] and _subject_line(nxt, r)):
                        break
                    parts.append(nxt.text)
                    end = j + 1
                if len(parts) > 1:
                    for base, rx, becomes in r["refinements"]:
                        if doc_type == base and rx.match(parts[1]):
                            doc_type = becomes
                return doc_type, " ".join(parts), end
    subject = next((line for line in _split(head_lines) if r["subject"].match(line)), None)
    if subject:
        return r["subject_type"], subject, None
    headings = (b.text for b in doc.blocks if b.kind == "heading" and not r["numbered"].match(b.text))
    first_heading = next(headings, None)
    text = " ".join(b.text for b in doc.blocks if b.kind != "table")
    for rx, doc_type in r["cues"]:
        if rx.search(text):
            return doc_type, first_heading, None
    return None, first_heading, None


def _ends_title(b: Block, r) -> bool:
    """A block that is not part of the title above it: the body's first words, a numbered item or section,
    a long paragraph, a dash item, or a short line naming a body (the presenter of a tham luận)."""
    return bool(
        r["numbered"].match(b.text)
        or b.text.startswith("-")
        or len(b.text.split()) > 60
        or r["body_start"].match(b.text)
        or (r["issuer_line"].match(b.text) and len(b.text.split()) <= r["under_title_max_words"])
    )


def _subject_line(b: Block, r) -> bool:
    """The line right under the type word that opens like a body ("Thực hiện Chương trình ... giai đoạn
    2026-2030") but is the title's subject line: short, no numbered item or dash, and not ending as the body's
    first sentence does (":", ";") nor an annex's note in parentheses."""
    text = b.text.strip()
    return bool(
        r["body_start"].match(text)
        and len(text.split()) <= r["title_line_words"]
        and not r["title_line_body"].search(text)
    )


def _split(lines: list[str]) -> list[str]:
    """Header cells hold several lines joined by newlines; one string per line."""
    return [part.strip() for line in lines for part in line.split("\n") if part.strip()]


def _issuer(head: list[Block], r) -> str | None:
    """Last independent org name before the first stop ("*", "Số", a place and date) in the head text, the
    national motto cut out first."""
    text = r["motto"].sub("  ", " ".join(_lines(head)))
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
    # the name runs while its words are upper case or numbers ("ĐẢNG ỦY UBND TỈNH", "ĐỀ ÁN 06"), at least two
    words = []
    for w in region[chosen:].split():
        if not (w.isupper() or w.isdigit()):
            break
        words.append(w)
    return " ".join(words) if len(words) >= 2 else None


def _issuer_under_title(doc: Document, after_title: int | None, r) -> str | None:
    """A paper without a header names its body on a short line right under the title ("UBND Thành phố Hà Nội")."""
    if after_title is None or after_title >= len(doc.blocks):
        return None
    line = doc.blocks[after_title].text
    if r["issuer_line"].match(line) and len(line.split()) <= r["under_title_max_words"]:
        return line
    return None


def _header_year(flat_head: str, r) -> int | None:
    m = r["year"].search(flat_head)
    return int(m["y"]) if m else None


def _report_date(doc: Document, flat_head: str, r) -> date | None:
    """A signing date with its day left blank: the file's own date, when it falls in the header's month."""
    m = r["year"].search(flat_head)
    fd = getattr(doc, "file_date", None)
    if not m or not m["m"] or fd is None:
        return None
    return fd if (fd.year, fd.month) == (int(m["y"]), int(m["m"])) else None


def _title_as_of(doc: Document, title: str | None, after_title: int | None, r) -> date | None:
    """The day a progress report counts to, as its title names it ("... (tính đến ngày 15/11/2026)"), or the line
    in parentheses right under the title."""
    texts = [title or ""]
    if after_title is not None and after_title < len(doc.blocks):
        under = doc.blocks[after_title].text.strip()
        if under.startswith("("):
            texts.append(under)
    for text in texts:
        m = r["title_as_of"].search(text)
        if m:
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                return None
    return None


def _title_period(title: str | None, issued: date | None, header_year: int | None) -> Period | None:
    """The period the title names, read in the signing year (else the header's)."""
    return first_period(title, issued.year if issued else header_year) if title else None


def _period(doc: Document, title: str | None, issued: date | None, header_year: int | None = None,
            as_of: date | None = None, doc_type: str | None = None) -> Period | None:
    year = issued.year if issued else header_year or _first_year(doc)
    examined = _examined_period(doc, year)
    if examined:
        return examined
    if title:
        p = first_period(title, year) or _event_period(doc, title, issued)
        if p:
            return _stated_days(doc, title, p, year) or _reached(_reviewed(title, p), as_of)
    if doc_type in _rules()["signing_year_types"] and (issued or header_year):
        return whole_year(year)  # a meeting's conclusions: the year it was held
    if as_of is not None:  # "(tính đến ngày 15/11/2026)": the year to that day, a stock's
        return Period(date(as_of.year, 1, 1), as_of, period_label("as_of", end=as_of))
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
    # an undated document is written after every document it cites: a period read from its opening lines that
    # ends before the latest such year ("Kết quả: trong năm 2024 ..." in a paper citing a decision of 8/2025) is
    # a past result it recalls, and the document speaks of the later year
    cited = None if issued or header_year else _latest_cited_year(doc)
    for b in doc.blocks[:_HEAD_BLOCKS + 10]:
        if b.kind in ("paragraph", "list_item") and not _rules()["body_start"].match(b.text):
            for pm in find_periods(b.text, year):
                if pm.period:
                    return whole_year(cited) if cited and pm.period.end.year < cited else pm.period
    return whole_year(year) if year else None


def _reviewed(title: str, p: Period) -> Period:
    """The years a review reviews (documents.yaml `reviewed_years`: "Sơ kết 3 năm thực hiện Nghị quyết ... giai đoạn
    2024-2030" speaks of 2024-2026): the title's span cut to its first years, when it is longer."""
    m = _rules()["reviewed_years"].search(title)
    if m is None or not 0 < int(m["n"]) < p.end.year - p.start.year + 1:
        return p
    end = date(p.start.year + int(m["n"]) - 1, 12, 31)
    return Period(p.start, end, period_label("year_range", y1=p.start.year, y=end.year))


def _reached(p: Period, as_of: date | None) -> Period:
    """The title's period up to the day the title says its figures reach (`_title_as_of`: "... năm 2026 (tính đến
    ngày 31/10/2026)": the report speaks of 01/01 to 31/10/2026), when that day falls inside it."""
    if as_of is not None and p.start <= as_of < p.end:
        return Period(p.start, as_of, p.label)
    return p


def _stated_days(doc: Document, title: str, p: Period, year: int | None) -> Period | None:
    """The days of the title's period as the title or the opening writes them in brackets right after it (documents.yaml
    `stated_days`: "... năm 2026 (từ ngày 01/10/2025 đến ngày 30/9/2026)"), when they overlap it; else None."""
    r = _rules()
    for text in [title] + [b.text for b in doc.blocks[:_HEAD_BLOCKS + 10] if b.kind != "table"]:
        for pm in find_periods(text, year):
            if pm.period is None or (pm.period.start, pm.period.end) != (p.start, p.end):
                continue
            m = r["stated_days"].match(text, pm.end)
            days = first_period(m.group(0), year) if m else None
            if days and days.start <= p.end and p.start <= days.end:
                return days
    return _closing_days(title, p, year)


def _closing_days(title: str, p: Period, year: int | None) -> Period | None:
    """The days a bracket closing the title states for all its figures, after the title's last period (the line in
    brackets under it: "... năm 2026 và phương hướng, nhiệm vụ năm 2027 (Số liệu tính từ ngày 01/01/2026 đến ngày
    30/11/2026)"), when they overlap the title's first period; else None."""
    end = len(title.rstrip())
    m = next((m for m in _rules()["stated_days"].finditer(title) if m.end() == end), None)
    days = first_period(m.group(0), year) if m else None
    return days if days and days.start <= p.end and p.start <= days.end else None


def _examined_period(doc: Document, year: int | None) -> Period | None:
    """The period an inspection or audit examined, as its opening states it ("Thời kỳ thanh tra từ ... đến ...")."""
    for b in doc.blocks[:_HEAD_BLOCKS + 10]:
        m = _rules()["examined"].search(b.text)
        if m:
            p = first_period(b.text[m.end():], year)
            if p:
                return p
    return None


def _event_period(doc: Document, title: str, issued: date | None) -> Period | None:
    """The days a report on a disaster or incident covers (documents.yaml `event_title`): from the first day its
    account names (not the title's, a cited document's or the opening grounds') to the last day its title names, else
    its signing day; None for another title, or when no such day comes before the end."""
    r = _rules()
    if not r["event_title"].search(title):
        return None
    days = [_day(m, None) for m in r["event_day"].finditer(title)]
    end = days[-1] if days and days[-1] else issued
    if end is None:
        return None
    titled = [i for i, b in enumerate(doc.blocks[:_HEAD_BLOCKS]) if b.text.strip() and b.text.strip() in title]
    for b in doc.blocks[titled[-1] + 1 if titled else 0:]:
        text = b.text.strip()
        if b.kind == "table" or r["body_start"].match(text):
            continue
        for m in r["event_day"].finditer(text):
            start = _day(m, end.year)
            if start is not None:
                if start > end:
                    return None
                return Period(start, end, period_label("date_range", start=start, end=end))
    return None


def _day(m, year: int | None) -> date | None:
    try:
        return date(int(m["y"]) if m["y"] else year, int(m["m"]), int(m["d"]))
    except (TypeError, ValueError):
        return None


def _latest_cited_year(doc: Document) -> int | None:
    years = [int(m["y"]) for b in doc.blocks for m in _rules()["cited_date"].finditer(b.text)]
    return max(years, default=None)


def _first_year(doc: Document) -> int | None:
    for b in doc.blocks:
        m = _YEAR.search(b.text)
        if m:
            return int(m.group())
    return None
