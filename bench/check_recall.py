"""Do the checks catch a wrong number in text they were not written from? Mutations of the written texts.

    .venv/bin/python bench/check_recall.py [--set T] [-v]

tests/test_checks_written.py holds the checks' precision on the hand-written texts (exactly the findings judged true).
This measures their recall there: for every relation the extraction records in a text (a ratio "a/b (x%)", a change
"giảm 23 vụ (giảm 10,65%)", a share "đạt x% kế hoạch", an excess "vượt x% kế hoạch", a parts list "trong đó ..."), the
text is copied with ONE number made wrong (the stated percent moved by 7 points; a parts list's total made smaller
than its first part), extracted and checked alone, and the mutation counts as caught when a finding of the relation's
check names the changed number. Prints per check: relations, mutations caught, and (-v) the ones missed. Relations
the extraction never records are not counted (the checks cannot see them), nor are shares and excesses of a plan the
text never states (counted apart: nothing to check them against): this is the checks' recall given the relations,
next to the precision the test holds. A relation whose check already names its number in the unchanged text (a
false alarm, or a defect the text has) is counted apart too.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from baocao.evaluate import written_docx  # noqa: E402
from extract.pipeline import extract_file  # noqa: E402
from warehouse.findings import run_checks  # noqa: E402
from warehouse.load import connect, load_extraction  # noqa: E402

WRITTEN = ROOT / "tests" / "gold" / "written"
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")  # the digits of a figure's text, without sign, unit or %
# relation kind -> (the check that must catch it, the member whose number is made wrong)
MUTATED = {
    "ratio": ("ratio_mismatch", "share"),
    "share of a whole": ("share_mismatch", "share"),  # "chiếm 42,9% tổng thu": the whole stated in the paragraph
    "share of a plan": ("ratio_mismatch", "share"),  # "đạt 78,5% kế hoạch năm": the plan stated elsewhere, if at all
    "change": ("change_mismatch", "pct"),
    "exceed": ("exceed_mismatch", "pct"),
    "parts": ("parts_exceed_total", "whole"),
}


def _kind(rel) -> str:
    if rel.kind == "share":
        return "share of a whole" if ("whole" in rel.members or "members" in rel.members) else "share of a plan"
    return rel.kind


def _plan_stated(rel, figures) -> bool:
    """Whether the check has a plan to compare with: the relation's own, or a target of the level's indicator and
    unit for a period covering the level's in the document (the known plan). A share of a plan the text never states
    (nor one of another year: "đạt 103,3% kế hoạch" of 2026 beside the plan for 2027) cannot be checked."""
    if _kind(rel) not in ("share of a plan", "exceed") or "whole" in rel.members:
        return True
    level = figures[rel.members["level"]]
    return any(
        f.role == "target" and f.indicator == level.indicator and f.base_unit == level.base_unit
        and f.indicator is not None and _covers(f, level)
        for f in figures
    )


def _covers(plan, level) -> bool:
    """Whether the plan's period covers the level's (as the check's known plan must)."""
    if None in (plan.period_start, plan.period_end, level.period_start, level.period_end):
        return False
    return plan.period_start <= level.period_start and plan.period_end >= level.period_end


def _viet(value: float, decimals: int) -> str:
    """A number as the texts write it: '.' groups thousands, ',' is the decimal mark."""
    text = f"{abs(value):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def _wrong(figure, kind: str, members: dict, figures) -> str:
    """The changed number's text: a percent 7 points higher, a total below its first part."""
    if kind == "parts":
        first = figures[members["members"][0]]
        return _viet(max(first.value / 2, 1), figure.decimals)
    return _viet(abs(figure.value) + 7, figure.decimals)


def _findings(ex, db: Path):
    con = connect(db)
    load_extraction(con, ex)
    found = run_checks(con)
    con.close()
    return found


def mutations(text_file: Path, tmp: Path):
    """(kind, check, the text with one number changed, the changed number's text, the original sentence, whether the
    check has a plan to compare with, whether the check already names the number in the unchanged text)."""
    text = text_file.read_text(encoding="utf-8")
    ex = extract_file(written_docx(text_file, tmp / f"{text_file.stem}.docx"))
    before = _findings(ex, tmp / f"{text_file.stem}.duckdb")
    for rel in ex.relations:
        kind = _kind(rel)
        if kind not in MUTATED:
            continue
        check, member = MUTATED[kind]
        if not isinstance(rel.members.get(member), int):
            continue
        f = ex.figures[rel.members[member]]
        at = text.find(f.quote)
        number = _NUMBER.search(f.raw)
        if number is None:
            continue
        digits = number.group()
        if at < 0 or f.location.startswith("t") or text.count(f.quote) != 1:
            continue  # a table cell, or a sentence the .txt does not hold once as extracted
        start = text.find(digits, at + f.char_start)
        if start < 0 or start > at + f.char_end:
            continue
        wrong = _wrong(f, rel.kind, rel.members, ex.figures)
        flagged = any(x.check_id == check and f.raw in x.message for x in before)
        yield (kind, check, text[:start] + wrong + text[start + len(digits) :], wrong, f.quote,
               _plan_stated(rel, ex.figures), flagged)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="T", choices=["T", "H"])
    ap.add_argument("-v", action="store_true", help="list the mutations missed")
    args = ap.parse_args()
    seen, caught, unplanned, already, missed = Counter(), Counter(), Counter(), Counter(), []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for text_file in sorted((WRITTEN / args.set).glob("*.txt")):
            for n, (kind, check, mutated, wrong, quote, checkable, flagged) in enumerate(mutations(text_file, tmp)):
                if flagged:  # the unchanged text is flagged already: a false alarm, or a defect of the text itself
                    already[kind] += 1
                    continue
                if not checkable:
                    unplanned[kind] += 1
                    continue
                path = tmp / f"m{n}.txt"
                path.write_text(mutated, encoding="utf-8")
                ex = extract_file(written_docx(path, tmp / f"m{n}.docx"))
                found = [f for f in _findings(ex, tmp / f"m{n}.duckdb") if f.check_id == check and wrong in f.message]
                seen[kind] += 1
                if found:
                    caught[kind] += 1
                else:
                    missed.append((text_file.stem, kind, wrong, quote))
    print(f"set {args.set}: one number made wrong in each relation the extraction records; caught = a finding of its "
          "check names the changed number")
    print(f"{'relation':17} {'check':19} {'flagged unchanged':>17} {'no plan stated':>14} {'checkable':>9} "
          f"{'caught':>7} {'recall':>7}")
    for kind, (check, _) in MUTATED.items():
        if seen[kind] or unplanned[kind] or already[kind]:
            rate = f"{caught[kind] / seen[kind]:7.3f}" if seen[kind] else "      -"
            print(f"{kind:17} {check:19} {already[kind]:17} {unplanned[kind]:14} {seen[kind]:9} {caught[kind]:7} {rate}")
    total, hit = sum(seen.values()), sum(caught.values())
    print(f"{'all':17} {'':19} {sum(already.values()):17} {sum(unplanned.values()):14} {total:9} {hit:7} "
          f"{hit / max(total, 1):7.3f}")
    if args.v:
        for stem, kind, wrong, quote in missed:
            print(f"  missed {kind} ({wrong}) in {stem}: {quote[:160]}")


if __name__ == "__main__":
    main()
