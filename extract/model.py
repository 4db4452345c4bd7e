"""The document model every rule reads: ordered blocks with stable locations, plus what rules produce.

Readers turn a file into a `Document`; rules turn a `Document` into `Figure`s, `Task`s and `Relation`s.
All dataclasses are frozen so a stage can never change what an earlier stage produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

BLOCK_KINDS = ("heading", "paragraph", "list_item", "table", "footnote")


@dataclass(frozen=True)
class Cell:
    """One table cell, read once even when it spans several grid columns or rows."""

    row: int  # 1-based row index in the table grid
    col: int  # 1-based column index in the table grid
    text: str  # NFC; the cell's paragraphs (or PDF lines) joined by "\n", each whitespace-folded
    rowspan: int = 1
    colspan: int = 1
    page: int | None = None  # PDF: the page the cell is printed on (tables may run across pages)

    def location(self, table_location: str) -> str:
        return f"{table_location}r{self.row}c{self.col}"


@dataclass(frozen=True)
class Table:
    """A table as a grid of cells; `rows` holds each row's cells left to right."""

    rows: tuple[tuple[Cell, ...], ...]
    parent: str | None = None  # location of the enclosing cell for a nested table

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((c.col + c.colspan - 1 for row in self.rows for c in row), default=0)

    def cell_texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.rows]


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item, table or footnote, in document order."""

    kind: str
    text: str  # NFC, whitespace-folded; for a table, its cells joined row by row
    location: str  # p14 for paragraphs/headings/list items, t2 for tables, f1 for footnotes
    level: int | None = None  # heading level (1 = top)
    page: int | None = None  # 1-based page for PDF input
    table: Table | None = None
    ocr: bool = False  # text came from OCR rather than a text layer

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")


@dataclass(frozen=True)
class Document:
    """One input file read into blocks, with the facts the warehouse keeps about it."""

    path: str
    format: str  # 'docx' | 'pdf'
    sha256: str
    blocks: tuple[Block, ...]
    pages: int | None = None
    warnings: tuple[str, ...] = ()
    ocr_pages: int = 0  # pages read by OCR (scans, garbled text layers)
    file_date: date | None = None  # the date the file records of itself (Word's last save, the PDF's ModDate)

    def text_blocks(self):
        return (b for b in self.blocks if b.kind != "table")

    def tables(self):
        return (b for b in self.blocks if b.kind == "table")


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    issued_date: date | None = None
    is_draft: bool = False
    draft_no: int | None = None
    period: Period | None = None
    # the day the text speaks as of ("đến nay"): the signing date, else the file's own date when the header's
    # blank signing day ("ngày   tháng 11 năm 2025") leaves its month and year to agree with
    report_date: date | None = None
    # the document's period is a stock's: its title counts to a day ("... (tính đến ngày 15/11/2026)") and names no
    # period of its own
    as_of: bool = False


@dataclass(frozen=True)
class Figure:
    """One quantity stated in the text or a table cell, traceable to its source."""

    raw: str
    value: float
    unit: str | None
    base_value: float
    base_unit: str | None
    quote: str
    location: str
    char_start: int
    char_end: int
    qualifier: str | None = None
    indicator: str | None = None
    subject: str | None = None
    role: str = "other"
    basis: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    page: int | None = None
    decimals: int = 0  # digits after the decimal mark as written: the rounding the text implies
    ocr: bool = False
    label: str | None = None  # status word attached to the figure (đạt, không đạt, vượt ...)
    kind: str = "number"  # number | ratio_part | ratio_whole | range_low | range_high | multiple
    row_header: str | None = None  # table cells: the row header path, joined with " › "
    col_header: str | None = None  # table cells: the column header path, joined with " › "
    subject_key: str | None = None  # the subject folded for grouping (extract.language.subjects.subject_key)
    point_in_time: bool = False  # a stock as of period_end ("tính đến 31/12/2023", "lũy kế đến nay")
    check_name: str | None = None  # a catalogued figure's name for value_conflict when its subject is a long phrase


@dataclass(frozen=True)
class Relation:
    """A relation the text states between figures (indexes into the document's figure list)."""

    kind: str  # 'ratio' | 'change' | 'parts' | 'status' ...
    members: dict = field(default_factory=dict)  # role name -> figure index (or list of indexes)


@dataclass(frozen=True)
class Task:
    """One assigned task: a row of a task table, or an assignment made in prose (table_no None)."""

    content: str
    owner: str | None
    deadline_text: str | None
    deadline: date | None
    status_text: str | None
    status: str | None
    location: str
    table_no: int | None = None
    row_no: int | None = None
    stt: str | None = None
    page: int | None = None
    co_owners: tuple[str, ...] = ()
    product: str | None = None  # sản phẩm đầu ra
    source: str = "table"  # 'table' | 'prose'


@dataclass(frozen=True)
class Extraction:
    """Everything the rules produced from one document; loaded in one transaction."""

    document: Document
    metadata: Metadata
    figures: tuple[Figure, ...] = ()
    tasks: tuple[Task, ...] = ()
    relations: tuple[Relation, ...] = ()
