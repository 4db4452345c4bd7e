"""A number mention made into a Figure with its raw text and offsets: one constructor for sentences and
table cells."""

from __future__ import annotations

import dataclasses
from functools import cache

from extract.language.numbers import Mention
from extract.model import Block, Figure, Period


def mention_figure(
    m: Mention, quote: str, location: str, block: Block, period: Period | None, **attrs
) -> Figure:
    """A Figure for a number found in `quote`; each end of a ratio "171/280" gets its own raw and offsets."""
    if m.kind == "ratio_part":
        start, end = m.num_start, m.num_end
    elif m.kind == "ratio_whole":
        start, end = m.num_start, m.end
    else:
        start, end = m.start, m.end
    scale = attrs.pop("scale", 1.0)
    fields = dict(
        raw=quote[start:end],
        value=float(m.value),
        unit=m.unit,
        base_value=float(m.base_value) * scale,
        base_unit=m.base_unit,
        quote=quote,
        location=location,
        char_start=start,
        char_end=end,
        qualifier=m.qualifier,
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        page=block.page,
        decimals=m.decimals,
        ocr=block.ocr,
        kind=m.kind,
    )
    fields.update(attrs)
    return _figure(fields)


def _figure(fields: dict) -> Figure:
    """`Figure(**fields)` without the frozen dataclass's __init__ (one object.__setattr__ a field, ~3% of the
    figure stage): its defaults, then the fields, copied in field order, when every field given is Figure's and
    every field without a default is given; else Figure(**fields) itself (which then raises as it does)."""
    defaults, names, required = _figure_fields()
    if defaults is None or not fields.keys() <= names or not required <= fields.keys():
        return Figure(**fields)
    new = object.__new__(Figure)
    new.__dict__.update(defaults, **fields)
    return new


@cache
def _figure_fields() -> tuple[dict | None, frozenset[str], frozenset[str]]:
    """(field -> default in field order, every field name, the names without a default) of Figure; defaults None
    when a copy of the fields would not be the figure __init__ makes (a default factory, __post_init__, slots)."""
    fields = dataclasses.fields(Figure)
    names = frozenset(f.name for f in fields)
    required = frozenset(f.name for f in fields if f.default is dataclasses.MISSING)
    plain = not hasattr(Figure, "__post_init__") and not hasattr(Figure, "__slots__")
    if not plain or any(f.default_factory is not dataclasses.MISSING or not f.init for f in fields):
        return None, names, required
    # the fields without a default come first (dataclass rule): None stands in until the caller's value
    return {f.name: None if f.default is dataclasses.MISSING else f.default for f in fields}, names, required


def with_subject_key(f: Figure, key: str | None) -> Figure:
    """`dataclasses.replace(f, subject_key=key)` without re-running the 26-field __init__ (a third of the cost
    of the figure stage's last pass): Figure is a frozen dataclass without __post_init__ or slots, so a copy of
    its fields is the same figure (tests/test_figures.py compares both)."""
    new = object.__new__(Figure)
    new.__dict__.update(f.__dict__, subject_key=key)
    return new
