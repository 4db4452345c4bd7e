"""Accuracy against the hand-checked gold files: detection P/R/F1 and attribution, per document and format.

A gold entry locates its figure by an anchor (a phrase of the source) and the digits inside it; an
extracted figure matches when its quote contains the anchor and its raw starts where those digits sit.
Attribution is right when indicator, role and period all equal the gold's.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import regex

from extract.language.text import fold


class Detection:
    """Precision and recall of figure detection, for score rows with `gold`, `extracted` and `matched` counts."""

    gold: int
    extracted: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


@dataclass
class DocScore(Detection):
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


def seed_rows(scores: list[DocScore]) -> list[DocScore]:
    return scores + [totals(scores, "docx"), totals(scores, "pdf")]


def seed_dict(s: DocScore, verbose: bool = False) -> dict:
    d = {k: v for k, v in asdict(s).items() if k not in ("misses", "false_alarms", "wrong")}
    d.update(precision=s.precision, recall=s.recall, f1=s.f1, attribution=s.attribution)
    if verbose:
        d.update(misses=s.misses, false_alarms=s.false_alarms, wrong=s.wrong)
    return d


def print_report(scores: list[DocScore], fmt: str = "table", verbose: bool = False) -> None:
    rows = seed_rows(scores)
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
        print(json.dumps([seed_dict(s, verbose) for s in rows], ensure_ascii=False, indent=1))
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


# --- real-document gold (tests/gold/real/) and holdout gold (tests/gold/holdout/) -------------------------
#
# A real gold file covers chosen regions of one document (in DOCX and/or PDF): every quantity in the
# running text of those regions, and the non-quantities there that must not come out. Table cells are out
# of its scope (issue 15 scores tables). Fields are judged only on the figures both sides found.
# The holdout gold has the same format and is scored by the same code, on documents nobody tuned on.

REAL_FIELDS = ("value_unit", "qualifier", "role", "period", "point_in_time", "subject")
REAL_FORMATS = ("docx", "pdf", "doc")  # .doc is read through LibreOffice (extract/readers/office.py)
_CELL = regex.compile(r"t\d+r\d+c\d+")


@dataclass
class RealScore(Detection):
    doc: str
    format: str
    genre: str
    gold: int = 0
    extracted: int = 0  # extracted figures in the gold's regions, table cells left out
    matched: int = 0
    listed: int = 0  # non-quantities the gold lists
    listed_kept: int = 0  # ... that came out as figures
    right: dict = field(default_factory=lambda: dict.fromkeys(REAL_FIELDS, 0))
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)
    wrong: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def nonquantities_kept(self) -> float:
        """Share of the figures in the regions that are no quantity of the gold (1 - precision)."""
        return (self.extracted - self.matched) / self.extracted if self.extracted else 0.0

    def rate(self, name: str) -> float:
        return self.right[name] / self.matched if self.matched else 0.0

    def add(self, other: RealScore) -> None:
        for k in ("gold", "extracted", "matched", "listed", "listed_kept"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        for k in REAL_FIELDS:
            self.right[k] += other.right[k]


def _region_locations(blocks, regions: list[dict], problems: list) -> set[str]:
    texts = [fold(b.text) for b in blocks]
    out: set[str] = set()
    for reg in regions:
        if "column" in reg:  # a run of text cells: _column_cells
            continue
        a, z = fold(reg["from"]), fold(reg["to"])
        i = next((n for n, t in enumerate(texts) if a in t), None)
        if i is None:
            problems.append(f"region {reg.get('label')!r}: start {reg['from']!r} not found")
            continue
        j = next((n for n in range(i, len(texts)) if z in texts[n]), None)
        if j is None:
            problems.append(f"region {reg.get('label')!r}: end {reg['to']!r} not found")
            j = i
        out.update(b.location for b in blocks[i : j + 1] if b.kind != "table")
    return out


def _column_cells(blocks, regions: list[dict], problems: list) -> set[str]:
    """Cell locations of the regions that name a `column` (running text in a table's cells, e.g. an evidence
    column): from the first cell of that column containing `from` to the first later one containing `to`."""
    out: set[str] = set()
    for reg in regions:
        if "column" not in reg:
            continue
        key, cells = fold(reg["column"]), []
        for b in blocks:
            if b.kind != "table" or b.table is None or not b.table.rows:
                continue
            heads = [(h.col, h.col + h.colspan) for h in b.table.rows[0] if key in fold(h.text)]
            cells += [(c.location(b.location), fold(c.text)) for row in b.table.rows[1:] for c in row
                      if any(lo <= c.col < hi for lo, hi in heads)]
        a, z = fold(reg["from"]), fold(reg["to"])
        i = next((n for n, (_, t) in enumerate(cells) if a in t), None)
        j = next((n for n in range(i, len(cells)) if z in cells[n][1]), None) if i is not None else None
        if i is None or j is None:
            problems.append(f"region {reg.get('label')!r}: cells of {reg['column']!r} not found")
            continue
        out.update(loc for loc, _ in cells[i : j + 1])
    return out


def _anchor_hits(figures, used: set[int], anchor: str, num: str) -> int | None:
    """Index of the first unused figure whose number starts where `num` sits in `anchor` in its quote."""
    anchor = fold(anchor)
    m = regex.search(rf"(?<![0-9]){regex.escape(num)}(?![0-9])", anchor)
    k = m.start() if m else anchor.find(num)
    for idx, f in enumerate(figures):
        if idx in used:
            continue
        quote = fold(f.quote)
        at = len(fold(f.quote[: f.char_start] + "x")) - 1  # the start of raw in the folded quote
        if at - k >= 0 and quote.startswith(anchor, at - k):
            return idx
    return None


def _unit_key(u) -> str | None:
    return " ".join(u.casefold().split()) if u else None


def subject_named(extracted: str | None, gold: str | None, extra: int) -> bool:
    """The gold subject's content words all in the extracted one, which adds at most `extra` of its own."""
    from extract.language.subjects import content_words

    want, got = set(content_words(gold)), set(content_words(extracted))
    if not want:
        return not got
    return want <= got and len(got - want) <= extra


def score_real(figures, gold: dict, doc: str, fmt: str, blocks, extra: int) -> RealScore:
    score = RealScore(doc=doc, format=fmt, genre=gold.get("genre", "?"))
    scope = _region_locations(blocks, gold.get("regions", []), score.problems)
    cells = _column_cells(blocks, gold.get("regions", []), score.problems)
    figs = [f for f in figures if (f.location in scope and not _CELL.fullmatch(f.location)) or f.location in cells]
    score.gold, score.extracted = len(gold["figures"]), len(figs)
    used: set[int] = set()
    for g in gold["figures"]:
        hit = _anchor_hits(figs, used, g["anchor"], g["num"])
        if hit is None:
            score.misses.append(f"{g['anchor']} [{g['num']}]")
            continue
        used.add(hit)
        score.matched += 1
        f = figs[hit]
        period = [f.period_start.isoformat() if f.period_start else None,
                  f.period_end.isoformat() if f.period_end else None]
        checks = {
            "value_unit": g.get("value") is not None
            and abs(f.value - g["value"]) <= 1e-9 * max(1.0, abs(g["value"]))
            and _unit_key(f.unit) == _unit_key(g.get("unit")),
            "qualifier": (f.qualifier or None) == (g.get("qualifier") or None),
            "role": f.role == g.get("role"),
            "period": period == list(g.get("period") or [None, None]),
            "point_in_time": bool(getattr(f, "point_in_time", False)) == bool(g.get("point_in_time")),
            "subject": subject_named(f.subject, g.get("subject"), extra),
        }
        for name, ok in checks.items():
            if ok:
                score.right[name] += 1
        bad = [n for n, ok in checks.items() if not ok]
        if bad:
            got = dict(value_unit=(f.value, f.unit), qualifier=f.qualifier, role=f.role, period=period,
                       point_in_time=getattr(f, "point_in_time", False), subject=f.subject)
            want = dict(value_unit=(g.get("value"), g.get("unit")), qualifier=g.get("qualifier"),
                        role=g.get("role"), period=g.get("period"), point_in_time=g.get("point_in_time"),
                        subject=g.get("subject"))
            diffs = "; ".join(f"{n}: got {got[n]!r}, gold {want[n]!r}" for n in bad)
            score.wrong.append(f"{g['anchor']} [{g['num']}]: {diffs}")
    nf = gold.get("not_figures", [])
    score.listed = len(nf)
    probe = set(used)
    for n in nf:
        hit = _anchor_hits(figs, probe, n["anchor"], n["num"])
        if hit is not None:
            probe.add(hit)
            score.listed_kept += 1
    for idx, f in enumerate(figs):
        if idx not in used:
            score.false_alarms.append(f"{f.raw!r} in: {f.quote[max(0, f.char_start - 40): f.char_end + 20]}")
    return score


def run_real_eval(realdocs: Path, gold_dir: Path, formats=REAL_FORMATS) -> list[RealScore]:
    """Scores of every real (or holdout) gold file against each of its documents found in `realdocs`; a
    document that cannot be extracted is reported on stderr and scored as nothing found (never aborts)."""
    import sys

    from extract.pipeline import ExtractError, extract_file
    from extract.settings import Settings

    extra = Settings().eval_subject_extra_words
    scores = []
    # <stem>.json is figure gold; <stem>.tables.json / <stem>.tasks.json are scored by baocao/evaluate_tables.py
    figure_gold = [p for p in gold_dir.glob("*.json") if not p.name.endswith((".tables.json", ".tasks.json"))]
    for gold_file in sorted(figure_gold):
        data = json.loads(gold_file.read_text(encoding="utf-8"))
        for name in data["files"]:
            path = realdocs / name
            fmt = path.suffix.lower().lstrip(".")
            if fmt not in formats or not path.exists():
                continue
            try:
                ex = extract_file(path)
            except ExtractError as exc:
                print(f"{path}: {exc}; scored as nothing found", file=sys.stderr)
                scores.append(score_real([], data, path.stem, fmt, [], extra))
                continue
            scores.append(score_real(list(ex.figures), data, path.stem, fmt, ex.document.blocks, extra))
    return scores


# --- written gold (tests/gold/written/): report excerpts written by hand for sectors the corpus lacks ---------
# Set T was tuned on; set H is held out like the holdout gold. Each text is one paragraph a line, a `# ` line a
# heading typed as a bold paragraph; it is built into a .docx and read by the real path, then scored as real gold.


def written_docx(text_file: Path, out: Path) -> Path:
    """The .docx of a written text: one paragraph a line, a `# ` line a bold paragraph, a run of `|` lines a table
    (see `_written_table`)."""
    import docx

    d = docx.Document()
    rows: list[str] = []
    for line in [*text_file.read_text(encoding="utf-8").splitlines(), ""]:
        if line.lstrip().startswith("|"):
            rows.append(line.strip())
            continue
        if rows:
            _written_table(d, rows)
            rows = []
        if not line.strip():
            continue
        if line.startswith("# "):
            d.add_paragraph().add_run(line[2:]).bold = True
        else:
            d.add_paragraph(line)
    d.save(out)
    return out


_RULE_ROW = regex.compile(r"^\|(\s*:?-{3,}:?\s*\|)+$")


def _written_table(d, lines: list[str]) -> None:
    """A Word table of `| a | b |` lines, one a row. The rows above a `|---|---|` line are the header (the first row
    when there is none); in the header, a cell repeated in the next column is one merged cell, and a cell repeated
    in the next header row of the same column is one cell spanning both rows."""
    split = [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines]
    rule = next((i for i, line in enumerate(lines) if _RULE_ROW.match(line.replace(" ", ""))), None)
    header = rule if rule is not None else 1
    rows = [r for i, r in enumerate(split) if i != rule]
    ncols = max(len(r) for r in rows)
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    table = d.add_table(rows=len(rows), cols=ncols)
    table.style = "Table Grid"
    for i, r in enumerate(rows):
        for j, text in enumerate(r):
            table.cell(i, j).text = text
    spans = []  # (row, first col, last col) of each horizontal merge in the header
    for i in range(header):
        j = 0
        while j < ncols:
            k = j
            while k + 1 < ncols and rows[i][k + 1] == rows[i][j] and rows[i][j]:
                k += 1
            if k > j:
                spans.append((i, j, k))
            j = k + 1
    merged = {(i, j) for i, a, b in spans for j in range(a, b + 1)}
    for i, a, b in spans:
        table.cell(i, a).merge(table.cell(i, b)).text = rows[i][a]
    for j in range(ncols):
        i = 0
        while i < header:
            k = i
            while (k + 1 < header and rows[k + 1][j] == rows[i][j] and rows[i][j]
                   and (k + 1, j) not in merged and (i, j) not in merged):
                k += 1
            if k > i:
                table.cell(i, j).merge(table.cell(k, j)).text = rows[i][j]
            i = k + 1


def written_extractions(set_dir: Path, gold_suffix: str):
    """(gold file, extraction of its text) for every `<stem><gold_suffix>` of one written set, the text `<stem>.txt`
    built as a .docx in a temporary folder (`written_docx`) and extracted by the real path."""
    import tempfile

    from extract.pipeline import extract_file

    with tempfile.TemporaryDirectory() as tmp:
        for gold_file in sorted(set_dir.glob(f"*{gold_suffix}")):
            stem = gold_file.name.removesuffix(gold_suffix)
            if "." in stem:  # "<stem>.tables.json" is a table gold, not a figure gold
                continue
            yield gold_file, extract_file(written_docx(set_dir / f"{stem}.txt", Path(tmp) / f"{stem}.docx"))


def run_written_eval(set_dir: Path) -> list[RealScore]:
    """Scores of every text of one written set (`<stem>.txt` beside its gold `<stem>.json`)."""
    from extract.settings import Settings

    extra = Settings().eval_subject_extra_words
    return [
        score_real(list(ex.figures), json.loads(gold_file.read_text(encoding="utf-8")), gold_file.stem, "docx",
                   ex.document.blocks, extra)
        for gold_file, ex in written_extractions(set_dir, ".json")
    ]


def real_totals(scores: list[RealScore], fmt: str | None = None, genre: str | None = None) -> RealScore:
    t = RealScore(doc="ALL", format=fmt or "all", genre=genre or "all")
    for s in scores:
        if (fmt is None or s.format == fmt) and (genre is None or s.genre == genre):
            t.add(s)
    return t


def real_rows(scores: list[RealScore]) -> list[RealScore]:
    """Per document, then per format and genre, then per format, then per genre over formats, then all."""
    rows = list(scores)
    for fmt in REAL_FORMATS:
        for genre in sorted({s.genre for s in scores if s.format == fmt}):
            rows.append(real_totals(scores, fmt, genre))
        if any(s.format == fmt for s in scores):
            rows.append(real_totals(scores, fmt))
    for genre in sorted({s.genre for s in scores}):
        rows.append(real_totals(scores, genre=genre))
    rows.append(real_totals(scores))
    return rows


def real_dict(s: RealScore, verbose: bool = False) -> dict:
    d = dict(doc=s.doc, format=s.format, genre=s.genre, gold=s.gold, extracted=s.extracted, matched=s.matched,
             precision=s.precision, recall=s.recall, nonquantities_kept=s.nonquantities_kept,
             listed_nonquantities=s.listed, listed_nonquantities_kept=s.listed_kept,
             **{n: s.rate(n) for n in REAL_FIELDS})
    if verbose:
        d.update(misses=s.misses, false_alarms=s.false_alarms, wrong=s.wrong, problems=s.problems)
    return d


def print_real_report(scores: list[RealScore], fmt: str = "table", verbose: bool = False,
                      label: str = "real document") -> None:
    """The per-field table of a real or holdout gold; `verbose` adds misses, false alarms and wrong fields."""
    rows = real_rows(scores)
    if fmt == "json":
        print(json.dumps([real_dict(s, verbose) for s in rows], ensure_ascii=False, indent=1))
        return
    print(f"{label[:28]:28} {'fmt':4} {'genre':9} {'gold':>4} {'found':>5} {'match':>5} {'P':>5} {'R':>5} "
          f"{'nonq':>5} {'val+u':>5} {'qual':>5} {'role':>5} {'period':>6} {'pit':>5} {'subj':>5}")
    for s in rows:
        print(f"{s.doc[:28]:28} {s.format:4} {s.genre[:9]:9} {s.gold:4d} {s.extracted:5d} {s.matched:5d} "
              f"{s.precision:5.3f} {s.recall:5.3f} {s.nonquantities_kept:5.3f} {s.rate('value_unit'):5.3f} "
              f"{s.rate('qualifier'):5.3f} {s.rate('role'):5.3f} {s.rate('period'):6.3f} "
              f"{s.rate('point_in_time'):5.3f} {s.rate('subject'):5.3f}")
    if verbose:
        for s in scores:
            for label, items in (("PROBLEM", s.problems), ("MISS", s.misses), ("FALSE", s.false_alarms),
                                 ("WRONG", s.wrong)):
                for item in items:
                    print(f"{s.doc[:3]} {s.format} {label}: {item}")
