"""Scores of the hand-written report excerpts of tests/gold/written (sectors the real corpus lacks): detection
precision and recall, non-quantities kept, and per-field accuracy for set T (tune) and set H (held out).

    .venv/bin/python bench/written_eval.py [--set T|H|all] [-v]

`-v` lists set T's misses, false alarms and wrong fields; set H's are never listed (it is held out).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from baocao.evaluate import REAL_FIELDS, print_real_report, real_totals, run_written_eval  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("T", "H", "all"), default="all")
    ap.add_argument("-v", action="store_true", help="list set T's misses, false alarms and wrong fields")
    args = ap.parse_args()
    sets = ("T", "H") if args.set == "all" else (args.set,)
    totals = {}
    for name in sets:
        scores = run_written_eval(ROOT / "tests" / "gold" / "written" / name)
        if name == "T" or not args.v:
            print_real_report(scores, verbose=args.v and name == "T", label=f"set {name}")
        totals[name] = real_totals(scores)
        print()
    print(f"{'set':4} {'gold':>4} {'found':>5} {'match':>5} {'P':>5} {'R':>5} {'nonq listed kept':>16} "
          + " ".join(f"{n[:8]:>8}" for n in REAL_FIELDS))
    for name, t in totals.items():
        print(f"{name:4} {t.gold:4d} {t.extracted:5d} {t.matched:5d} {t.precision:5.3f} {t.recall:5.3f} "
              f"{t.listed_kept:>7d}/{t.listed:<8d} " + " ".join(f"{t.rate(n):8.3f}" for n in REAL_FIELDS))


if __name__ == "__main__":
    main()
