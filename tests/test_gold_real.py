"""The real-document figure gold (tests/gold/real/*.json) and the holdout gold (tests/gold/holdout/*.json,
same format, documents nobody tuned on) are well formed and anchored in their documents.

Checks the gold itself, not the extractor: schema, the contract's role and qualifier vocabulary, ISO periods,
each anchor holding its number exactly once, and (text documents only) each anchor and region bound being
present in the reader's text of every file the gold names, a figure's anchor once per entry.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from support import REALDOCS

from extract.catalog import indicators

GOLD = Path(__file__).parent / "gold" / "real"
HOLDOUT = Path(__file__).parent / "gold" / "holdout"


def figure_gold(folder: Path) -> list[Path]:
    # tables and tasks gold (<stem>.tables.json, <stem>.tasks.json) is another family, see test_tables_tasks
    return sorted(p for p in folder.glob("*.json") if not p.name.endswith((".tables.json", ".tasks.json")))


FILES = figure_gold(GOLD)
HOLDOUT_FILES = figure_gold(HOLDOUT)
ALL_FILES = FILES + HOLDOUT_FILES


def case_id(x) -> str:
    return f"{x.parent.name}/{x.stem}" if isinstance(x, Path) else x


GENRES = {
    "report",
    "plan",
    "monthly_report",
    "score_kpi",
    "decision_notice",
    "scan",
    "conference_paper",
    "comments_summary",
}
ROLES = {"actual", "target", "change", "share_of_target", "share", "norm", "other"}
QUALIFIERS = {None, ">", ">=", "<", "<=", "~", "range_low", "range_high"}
FIGURE_KEYS = {
    "anchor",
    "num",
    "value",
    "unit",
    "base_value",
    "base_unit",
    "qualifier",
    "role",
    "period",
    "point_in_time",
    "subject",
    "indicator",
}


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def holds_once(anchor: str, num: str) -> bool:
    """`num` stands once in `anchor` as a number of its own (not inside a longer digit string), as the eval
    locates it: "dưới 70% thì tiêu chí này đạt 0 điểm" holds "0" once."""
    return len(re.findall(rf"(?<![0-9]){re.escape(num)}(?![0-9])", anchor)) == 1


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def check_period(period, where: str) -> None:
    assert isinstance(period, list) and len(period) == 2, f"{where}: period must be [start, end]"
    if period == [None, None]:
        return
    start, end = (dt.date.fromisoformat(p) for p in period)  # both ISO dates, or both null
    assert start <= end, f"{where}: period starts after it ends"


def test_gold_real_has_ten_documents_of_six_genres():
    golds = [load(p) for p in FILES]
    assert len(golds) >= 10
    assert len({g["genre"] for g in golds}) >= 6
    kinds = {Path(f).suffix.lower() for g in golds for f in g["files"]}
    assert {".docx", ".pdf"} <= kinds


def test_gold_holdout_is_apart_from_the_development_gold():
    """The holdout names documents of several genres that no development gold names (no accuracy floor here:
    a floor would invite tuning on it)."""
    golds = [load(p) for p in HOLDOUT_FILES]
    assert len(golds) >= 5
    assert len({g["genre"] for g in golds}) >= 4
    held = {f for g in golds for f in g["files"]}
    developed = {f for p in FILES for f in load(p)["files"]}
    assert not held & developed, f"in both golds: {sorted(held & developed)}"


@pytest.mark.parametrize("path", ALL_FILES, ids=case_id)
def test_gold_real_schema(path: Path):
    gold = load(path)
    assert gold["genre"] in GENRES
    assert gold["files"] and all(isinstance(f, str) for f in gold["files"])
    assert path.stem == Path(gold["files"][0]).stem, "the gold file is named after its first document"
    check_period(gold["doc_period"], "doc_period")
    assert gold["doc_period"] != [None, None]
    assert 1 <= len(gold["regions"]) <= 12
    for region in gold["regions"]:
        assert region["label"] and region["from"] and region["to"]
    ids = {i.id for i in indicators()}
    for i, fig in enumerate(gold["figures"]):
        where = f"{path.name} figure {i} ({fig.get('anchor')!r})"
        assert FIGURE_KEYS <= set(fig), f"{where}: missing {FIGURE_KEYS - set(fig)}"
        anchor = fold(fig["anchor"])
        assert holds_once(anchor, fig["num"]), f"{where}: anchor must hold num exactly once"
        assert fig["role"] in ROLES, where
        assert fig["qualifier"] in QUALIFIERS, where
        assert isinstance(fig["value"], (int, float)) and isinstance(fig["base_value"], (int, float)), where
        assert fig["unit"] is None or fig["unit"].strip() == fig["unit"], where
        assert isinstance(fig["point_in_time"], bool), where
        check_period(fig["period"], where)
        if fig["point_in_time"]:
            assert None not in fig["period"], f"{where}: a stock as of a date needs both period ends"
        assert isinstance(fig["subject"], str) and fig["subject"].strip(), where
        assert fig["indicator"] is None or fig["indicator"] in ids, f"{where}: unknown indicator"
    for i, nf in enumerate(gold["not_figures"]):
        where = f"{path.name} not_figure {i} ({nf.get('anchor')!r})"
        assert nf["why"], where
        assert holds_once(fold(nf["anchor"]), nf["num"]), f"{where}: anchor must hold num exactly once"


def document_text(name: str, cells: bool = False) -> str:
    """The running text of a document as the reader gives it, one folded block a line (tables left out); with
    `cells`, also one line per table cell (a gold region over a column of text cells, session 8)."""
    from extract.pipeline import read_document
    from extract.settings import Settings

    doc = read_document(REALDOCS / name, Settings())
    lines = []
    for b in doc.blocks:
        if b.kind != "table":
            lines.append(fold(b.text))
        elif cells and b.table is not None:  # tables: issue 15's gold, unless a region names a column
            lines.extend(fold(c.text) for row in b.table.rows for c in row)
    return "\n".join(lines)


TEXT_DOCS = [(p, name) for p in ALL_FILES if not load(p).get("ocr") for name in load(p)["files"]]


@pytest.mark.parametrize(("path", "name"), TEXT_DOCS, ids=case_id)
def test_gold_real_anchors_are_in_the_document(shared_available, path: Path, name: str):
    gold = load(path)
    text = document_text(name, cells=any("column" in r for r in gold["regions"]))
    missing = [e["anchor"] for e in gold["figures"] + gold["not_figures"] if fold(e["anchor"]) not in text]
    assert not missing, f"{name}: anchors not in the reader's text: {missing[:5]}"
    entries = Counter((fold(e["anchor"]), e["num"]) for e in gold["figures"])
    ambiguous = [a for (a, _num), n in entries.items() if text.count(a) != n]
    assert not ambiguous, f"{name}: one figure entry per occurrence of its anchor: {ambiguous[:5]}"
    blocks = text.split("\n")
    for region in gold["regions"]:
        start = next((k for k, b in enumerate(blocks) if fold(region["from"]) in b), None)
        assert start is not None, f"{name}: region {region['label']!r} start not found"
        assert any(fold(region["to"]) in b for b in blocks[start:]), f"{name}: region {region['label']!r} end"
