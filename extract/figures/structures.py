"""Structure counts (rules/structures.yaml): the number of parts a document, plan or policy is divided into ("chia
thành 3 trụ cột chính", "bao gồm 02 nội dung chính") describes its layout, not a quantity of the period."""

from __future__ import annotations

from functools import cache

import regex

from extract.catalog import load, with_keys
from extract.figures.sentence import Sentence
from extract.language.numbers import Mention
from extract.language.subjects import WHOLE_WORD, word_alternation


@cache
def structure_words() -> tuple[regex.Pattern, regex.Pattern]:
    """(a dividing verb ending right before a count, a part noun opening the count's unit)."""
    data = with_keys("structures", load("structures"), {"dividers", "parts"})
    divider = WHOLE_WORD % word_alternation(data["dividers"], "structures.yaml dividers") + r"\s*:?\s*$"
    part = WHOLE_WORD % word_alternation(data["parts"], "structures.yaml parts")
    return regex.compile(divider, regex.IGNORECASE), regex.compile(part, regex.IGNORECASE)


def is_structure_count(sent: Sentence, m: Mention) -> bool:
    """Whether `m` counts the parts something is divided into: a plain count right after a dividing verb whose
    noun is a part noun ("phân loại thành 8 nhóm", not "gồm 47 nhiệm vụ" nor "gồm 12%")."""
    if m.kind != "number" or not m.unit or m.base_unit == "%":
        return False
    divider, part = structure_words()
    before = sent.text[max(0, m.start - 40): m.start]
    return divider.search(before) is not None and part.match(m.unit) is not None
