"""The figure stage as a public spaCy component: `nlp.add_pipe("baocao_figures")` puts every quantity of a
text in `doc.spans["figures"]`, labelled with its role, its attributes as Span extensions (`span._.value`).

Registered through the `spacy_factories` entry point, so a fresh pipeline finds it without importing baocao.
The figures are the ones `extract_figures` gives for the text as one document (each line a paragraph).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.model import Block, Document, Metadata, Period

SPANS_KEY = "figures"
ATTRS = (
    "value", "unit", "base_value", "base_unit", "qualifier", "role", "basis", "indicator", "subject",
    "subject_key", "period_start", "period_end", "point_in_time", "label", "kind",
)


def _register_extensions() -> None:
    for name in ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


class FiguresComponent:
    """Finds the figures of `doc.text` and stores them as spans; `year` dates periods written without one."""

    def __init__(self, nlp: Language, name: str, year: int | None):
        _register_extensions()
        self.name = name
        self.year = year

    def __call__(self, doc: Doc) -> Doc:
        from extract.figures import extract_figures
        from extract.language.periods import period_label
        from extract.language.subjects import subject_key

        blocks, starts = [], []
        pos = 0
        for n, line in enumerate(doc.text.split("\n")):
            if line.strip():
                blocks.append(Block("paragraph", line, f"p{n + 1}"))
                starts.append(pos)
            pos += len(line) + 1
        offset = {b.location: s for b, s in zip(blocks, starts, strict=True)}
        text_of = {b.location: b.text for b in blocks}
        period = Period(_date(self.year, 1, 1), _date(self.year, 12, 31), period_label("year", y=self.year)) if self.year else None
        figures, _ = extract_figures(
            Document(path="<spacy>", format="text", sha256="", blocks=tuple(blocks)), Metadata(period=period)
        )
        spans = []
        cursor: dict[str, int] = {}
        for f in figures:
            block_text = text_of[f.location]
            at = block_text.find(f.quote, cursor.get(f.location, 0))
            if at < 0:
                at = block_text.find(f.quote)
            cursor[f.location] = max(at, 0)
            start = offset[f.location] + at + f.char_start
            span = doc.char_span(start, start + len(f.raw), label=f.role, alignment_mode="expand")
            if span is None:
                continue
            for name in ATTRS:
                if name != "subject_key":
                    span._.set(name, getattr(f, name, None))
            span._.subject_key = getattr(f, "subject_key", None) or subject_key(f.subject)
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


def _date(y: int, m: int, d: int):
    from datetime import date

    return date(y, m, d)


@Language.factory("baocao_figures", default_config={"year": None})
def make_figures(nlp: Language, name: str, year: int | None) -> FiguresComponent:
    return FiguresComponent(nlp, name, year)
