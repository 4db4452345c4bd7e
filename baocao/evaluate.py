"""Accuracy against the hand-checked gold files: detection P/R/F1 and attribution, per document and format.

A gold entry locates its figure by an anchor (a phrase of the source) and the digits inside it; an
extracted figure matches when its quote contains the anchor and its raw starts where those digits sit.
Attribution is right when indicator, role and period all equal the gold's.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from extract.language.text import fold


@dataclass
class DocScore:
    doc: str
    format: str
    gold: int = 0
    extracted: int = 0
    matched: int = 0
    attributed: int = 0
    value_ok: int = 0
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)
    wrong: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def attribution(self) -> float:
        return self.attributed / self.matched if self.matched else 0.0


def _positions(text: str, sub: str) -> list[int]:
    out, i = [], text.find(sub)
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


def score_document(figures, gold: list[dict], doc: str, fmt: str) -> DocScore:
    score = DocScore(doc=doc, format=fmt, gold=len(gold), extracted=len(figures))
    used: set[int] = set()
    quotes = [fold(f.quote) for f in figures]
    # figures whose quote was folded differently keep their offsets only if the quote was already folded
    for g in gold:
        anchor, num = fold(g["anchor"]), g["num"]
        k = anchor.find(num)
        hit = None
        for idx, f in enumerate(figures):
            if idx in used:
                continue
            for j in _positions(quotes[idx], anchor):
                if f.char_start == j + k and quotes[idx] == f.quote:
                    hit = idx
                    break
            if hit is not None:
                break
        if hit is None:
            score.misses.append(f"{g['anchor']} [{num}]")
            continue
        used.add(hit)
        score.matched += 1
        f = figures[hit]
        period = [f.period_start.isoformat() if f.period_start else None,
                  f.period_end.isoformat() if f.period_end else None]
        got = (f.indicator, f.role, period)
        want = (g.get("indicator"), g.get("role"), list(g.get("period") or [None, None]))
        if got == want:
            score.attributed += 1
        else:
            score.wrong.append(f"{g['anchor']} [{num}]: got {got}, gold {want}")
        bv = g.get("base_value")
        if bv is not None and f.base_value is not None and abs(f.base_value - bv) <= 1e-9 * max(1.0, abs(bv)):
            if (f.qualifier or None) == (g.get("qualifier") or None):
                score.value_ok += 1
    for idx, f in enumerate(figures):
        if idx not in used:
            score.false_alarms.append(f"{f.raw!r} in: {f.quote[max(0, f.char_start - 40): f.char_end + 20]}")
    return score


class EvalError(ValueError):
    """Nothing to score (no gold files, no sample matching them); str() says what was looked for."""


def run_eval(samples: Path, gold_dir: Path) -> list[DocScore]:
    """Scores of every sample that has a gold file; EvalError when there is none (never a perfect score on nothing)."""
    from extract.pipeline import extract_file

    gold_files = sorted(gold_dir.glob("*.figures.json"))
    if not gold_files:
        raise EvalError(f"{gold_dir}: no gold files (*.figures.json) here; pass --gold DIR")
    scores = []
    for gold_file in gold_files:
        data = json.loads(gold_file.read_text(encoding="utf-8"))
        stem = data["seed"]
        for fmt in ("docx", "pdf"):
            path = samples / f"{stem}.{fmt}"
            if not path.exists():
                continue
            ex = extract_file(path)
            scores.append(score_document(list(ex.figures), data["figures"], stem, fmt))
    if not scores:
        raise EvalError(
            f"{samples}: no sample for the {len(gold_files)} gold files of {gold_dir} "
            "(looked for <seed>.docx and <seed>.pdf); pass --samples DIR"
        )
    return scores


def totals(scores: list[DocScore], fmt: str) -> DocScore:
    t = DocScore(doc="ALL", format=fmt)
    for s in scores:
        if s.format == fmt:
            t.gold += s.gold
            t.extracted += s.extracted
            t.matched += s.matched
            t.attributed += s.attributed
            t.value_ok += s.value_ok
    return t


def print_report(scores: list[DocScore], fmt: str = "table", verbose: bool = False) -> None:
    rows = scores + [totals(scores, "docx"), totals(scores, "pdf")]
    if fmt == "csv":
        import csv
        import sys

        w = csv.writer(sys.stdout)
        w.writerow(["document", "format", "gold", "extracted", "matched", "precision", "recall", "f1",
                    "attribution", "value"])
        for s in rows:
            value = s.value_ok / s.matched if s.matched else 0.0
            w.writerow([s.doc, s.format, s.gold, s.extracted, s.matched, f"{s.precision:.4f}",
                        f"{s.recall:.4f}", f"{s.f1:.4f}", f"{s.attribution:.4f}", f"{value:.4f}"])
        return
    if fmt == "json":
        out = []
        for s in rows:
            d = {k: v for k, v in asdict(s).items() if k not in ("misses", "false_alarms", "wrong")}
            d.update(precision=s.precision, recall=s.recall, f1=s.f1, attribution=s.attribution)
            if verbose:
                d.update(misses=s.misses, false_alarms=s.false_alarms, wrong=s.wrong)
            out.append(d)
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return
    print(f"{'document':24} {'fmt':4} {'gold':>5} {'found':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} "
          f"{'attrib':>7} {'value':>6}")
    for s in rows:
        value = s.value_ok / s.matched if s.matched else 0.0
        print(f"{s.doc:24} {s.format:4} {s.gold:5d} {s.extracted:5d} {s.matched:5d} {s.precision:6.3f} "
              f"{s.recall:6.3f} {s.f1:6.3f} {s.attribution:7.3f} {value:6.3f}")
    if verbose:
        for s in scores:
            for label, items in (("MISS", s.misses), ("FALSE", s.false_alarms), ("WRONG", s.wrong)):
                for item in items:
                    print(f"{s.doc[:3]} {s.format} {label}: {item}")
