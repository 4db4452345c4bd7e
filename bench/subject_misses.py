"""Where the real gold's subject misses need their words from: each miss is classed by where the farthest of the
gold subject's missing content words is first found (nearest first), and listed with both subjects.

    .venv/bin/python bench/subject_misses.py [--json OUT] [STEM_PREFIX ...]

Development gold only (tests/gold/real): the holdout's misses are never listed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from baocao.evaluate import _CELL, _anchor_hits, _column_cells, _region_locations, subject_named  # noqa: E402
from extract.language.subjects import content_words  # noqa: E402
from extract.pipeline import extract_file  # noqa: E402
from extract.settings import Settings  # noqa: E402
from tests.support import REALDOCS  # noqa: E402

CLASSES = ["sentence before", "sentence after", "earlier sentence of block", "previous paragraph (1-3 back)",
           "list lead-in", "heading", "earlier paragraph (4-60 back)", "document title", "later paragraph",
           "nowhere", "only extra words"]


def _classify(f, gold_subject: str, blocks, index: int) -> str:
    """Where the gold subject's missing content words are found, nearest first (the farthest place needed)."""
    missing = set(content_words(gold_subject)) - set(content_words(f.subject))
    if not missing:
        return "only extra words"
    block = blocks[index]
    text = block.text
    own = f.quote
    at = max(text.find(own), 0)
    before = set(content_words(own[: f.char_start]))
    after = set(content_words(own[f.char_start :]))
    earlier = set(content_words(text[:at]))
    places: list[tuple[str, set]] = [("sentence before", before), ("sentence after", after),
                                     ("earlier sentence of block", earlier)]
    prev, heads, lead_in = set(), set(), set()
    far = set()
    level_seen = 99
    for back in range(1, 61):
        j = index - back
        if j < 0:
            break
        b = blocks[j]
        if b.kind == "table":
            continue
        words = set(content_words(b.text))
        if b.kind == "heading":
            lvl = b.level or 9
            if lvl < level_seen:
                heads |= words
                level_seen = lvl
            continue
        if back <= 3:
            if b.text.rstrip().endswith(":"):
                lead_in |= words
            else:
                prev |= words
        else:
            if b.text.rstrip().endswith(":"):
                lead_in |= words
            far |= words
    places += [("previous paragraph (1-3 back)", prev), ("list lead-in", lead_in), ("heading", heads),
               ("earlier paragraph (4-60 back)", far)]
    title = set()
    for b in blocks[:8]:
        title |= set(content_words(b.text))
    places.append(("document title", title))
    later = set()
    for b in blocks[index + 1 : index + 4]:
        later |= set(content_words(b.text))
    places.append(("later paragraph", later))
    seen: set = set()
    for name, words in places:
        seen |= words
        if missing <= seen:
            return name
    return "nowhere"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("prefixes", nargs="*")
    ap.add_argument("--json")
    args = ap.parse_args()
    extra = Settings().eval_subject_extra_words
    counts: Counter = Counter()
    rows = []
    total = right = 0
    for gold_file in sorted((ROOT / "tests/gold/real").glob("*.json")):
        if gold_file.name.endswith((".tables.json", ".tasks.json")):
            continue
        if args.prefixes and not any(gold_file.name.startswith(p) for p in args.prefixes):
            continue
        data = json.loads(gold_file.read_text(encoding="utf-8"))
        for name in data["files"]:
            path = REALDOCS / name
            if not path.exists() or path.suffix.lower() not in (".docx", ".pdf"):
                continue
            ex = extract_file(path)
            blocks = list(ex.document.blocks)
            scope = _region_locations(blocks, data.get("regions", []), [])
            cells = _column_cells(blocks, data.get("regions", []), [])  # running text in a table's column (33)
            figs = [f for f in ex.figures
                    if (f.location in scope and not _CELL.fullmatch(f.location)) or f.location in cells]
            where = {b.location: i for i, b in enumerate(blocks)}
            used: set[int] = set()
            for g in data["figures"]:
                hit = _anchor_hits(figs, used, g["anchor"], g["num"])
                if hit is None:
                    continue
                used.add(hit)
                f = figs[hit]
                total += 1
                if subject_named(f.subject, g.get("subject"), extra):
                    right += 1
                    continue
                cls = _classify(f, g.get("subject") or "", blocks, where.get(f.location, 0))
                counts[cls] += 1
                rows.append(dict(doc=path.stem[:2], fmt=path.suffix[1:], cls=cls, anchor=g["anchor"],
                                 num=g["num"], got=f.subject, gold=g.get("subject"),
                                 missing=sorted(set(content_words(g.get("subject")))
                                                - set(content_words(f.subject)))))
    print(f"subject {right}/{total} = {right / max(total, 1):.3f}")
    for c in CLASSES:
        print(f"{counts[c]:4}  {c}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
