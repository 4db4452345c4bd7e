"""Relations the text states between figures, recorded at extraction time for the SQL checks.

`171/280 (61,1%)` is a ratio (part, whole, share); `193 vụ ... giảm 23 vụ (giảm 10,65%)` is a change
(level, absolute, percent); a total followed by "trong đó"/"gồm" parts is a parts relation.
"""

from __future__ import annotations

from .model import Figure, Relation


def find_relations(figures: list[Figure]) -> list[Relation]:
    return []
