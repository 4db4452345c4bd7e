"""Figures from table cells: indicator tables (Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | So với KH (%) ...).

One figure per number in a value cell: indicator from the row label, unit from the ĐVT column when the cell
has none, role and period from the column header. Task tables yield no figures (their numbers are STT and
deadlines, which the number grammar and the STT column rule exclude).
"""

from __future__ import annotations

from functools import cache

import regex

from extract import catalog
from extract.figures.mentions import mention_figure
from extract.figures.rules import rules as fig_rules
from extract.language.numbers import find_numbers
from extract.language.periods import find_periods
from extract.language.text import fold, strip_accents
from extract.model import Block, Figure

_FLAGS = regex.IGNORECASE | regex.V1


@cache
def _rules():
    t = catalog.load("tables")
    comp = {k: regex.compile("|".join(v), _FLAGS) for k, v in t["columns"].items()}
    roles = [(r["role"], regex.compile(r["regex"], _FLAGS)) for r in t["header_roles"]]
    return comp, roles


@cache
def _year_header():
    return regex.compile(catalog.load("tables")["year_header"], _FLAGS)


def _column_kind(header: str) -> str | None:
    comp, _ = _rules()
    key = strip_accents(fold(header))
    for kind, rx in comp.items():
        if rx.search(key):
            return kind
    return None


def _header_role(header: str) -> str | None:
    _, roles = _rules()
    for role, rx in roles:
        if rx.search(header):
            return role
    return None


def _unit_of(dvt: str):
    """Unit, base unit and scale of an ĐVT cell, read by the number grammar itself ("1 tỷ đồng")."""
    found = find_numbers(f"1 {dvt}")
    if found and found[0].unit:
        m = found[0]
        return m.unit, m.base_unit, float(m.base_value)
    return dvt or None, dvt or None, 1.0


def table_figures(block: Block, sec, year: int | None) -> list[Figure]:
    table = block.table
    if table is None or table.n_rows < 2:
        return []
    header_row = table.rows[0]
    headers = {c.col: fold(c.text) for c in header_row}
    kinds = {col: _column_kind(h) for col, h in headers.items()}
    if "stt" not in kinds.values() and "label" not in kinds.values():
        return []
    if "content" in kinds.values() and "label" not in kinds.values():
        return []  # a task table
    label_col = next((c for c, k in kinds.items() if k == "label"), None)
    unit_col = next((c for c, k in kinds.items() if k == "unit"), None)
    alias = fig_rules().alias
    alias_ids = fig_rules().alias_ids
    out: list[Figure] = []
    for row in table.rows[1:]:
        cells = {c.col: c for c in row}
        label = fold(cells[label_col].text) if label_col in cells else ""
        am = alias.search(label)
        indicator = alias_ids[am.group().lower()] if am else None
        dvt = fold(cells[unit_col].text) if unit_col in cells else ""
        for cell in row:
            kind = kinds.get(cell.col)
            if kind in ("stt", "label", "unit", "content", "owner", "deadline", "status", "note"):
                continue
            header = headers.get(cell.col, "")
            role = _header_role(header) or ("target" if sec.plan else "actual")
            periods = [pm.period for pm in find_periods(header, year) if pm.period]
            ym = _year_header().fullmatch(header)
            if ym:
                from extract.language.periods import whole_year

                periods = [whole_year(int(ym.group(1)))]
            period = periods[0] if periods else sec.period
            quote = fold(cell.text)
            for m in find_numbers(quote):
                unit, base_unit, scale = m.unit, m.base_unit, 1.0
                if unit is None and "%" in header:
                    unit = base_unit = "%"  # "So với KH (%)": the column, not the row's ĐVT, gives the unit
                elif unit is None and dvt and "%" not in dvt:
                    unit, base_unit, scale = _unit_of(dvt)
                elif unit is None and "%" in dvt:
                    unit = base_unit = "%"
                out.append(
                    mention_figure(
                        m,
                        quote,
                        cell.location(block.location),
                        block,
                        period,
                        unit=unit,
                        base_unit=base_unit,
                        scale=scale,
                        indicator=indicator,
                        subject=label or None,
                        role=role,
                    )
                )
    return out
