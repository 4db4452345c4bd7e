"""Structure counts (rules/structures.yaml): the number of parts a document, plan or policy is divided into ("chia
thành 3 trụ cột chính", "bao gồm 02 nội dung chính"), the number of principles a doctrine states ("quán triệt 3
quan điểm chỉ đạo") and the counts of a list defining a principle by its parts ("05 nhóm: pháp lý, hạ tầng, ...;
04 cấp: Trung ương - tỉnh - xã; ...") describe its layout, not a quantity of the period."""

from __future__ import annotations

from functools import cache

import regex

from extract.catalog import load, with_keys
from extract.figures.sentence import Sentence
from extract.language.numbers import Mention
from extract.language.subjects import WHOLE_WORD, word_alternation

_MARKS = regex.compile(r"[\s\-–+*•]*")
_NAMED_PARTS = regex.compile(r"[^\S\n]*(?:[^\W\d]+[^\S\n]*){0,5}:[^0-9]+\Z")  # "nhóm: Pháp lý, hạ tầng"


@cache
def structure_words() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(a dividing verb ending right before a count, a part noun opening the count's unit, a principle noun)."""
    data = with_keys("structures", load("structures"), {"dividers", "parts", "principles"})
    divider = WHOLE_WORD % word_alternation(data["dividers"], "structures.yaml dividers") + r"\s*:?\s*$"
    part = WHOLE_WORD % word_alternation(data["parts"], "structures.yaml parts")
    principle = WHOLE_WORD % word_alternation(data["principles"], "structures.yaml principles")
    return (regex.compile(divider, regex.IGNORECASE), regex.compile(part, regex.IGNORECASE),
            regex.compile(principle, regex.IGNORECASE))


def is_structure_count(sent: Sentence, m: Mention) -> bool:
    """Whether `m` counts the parts something is divided into: a plain count right after a dividing verb whose
    noun is a part noun ("phân loại thành 8 nhóm", not "gồm 47 nhiệm vụ" nor "gồm 12%"), a count of principles
    ("3 quan điểm chỉ đạo"), or a count of a list that defines a principle part by part (_defining_list)."""
    if m.kind != "number" or not m.unit or m.base_unit == "%":
        return False
    divider, part, principle = structure_words()
    before = sent.text[max(0, m.start - 40): m.start]
    if divider.search(before) is not None and part.match(m.unit) is not None:
        return True
    return principle.match(m.unit) is not None or _defining_list(sent, m)


def _defining_list(sent: Sentence, m: Mention) -> bool:
    """Whether `m` opens a clause of a sentence made only of ';'-separated clauses that each open with a count, at
    least two of them naming their members after a colon with no number among them ("05 nhóm: Pháp lý, hạ tầng,
    ...; 04 cấp: Trung ương - Tỉnh - xã; 01 trách nhiệm của Người đứng đầu"): the parts of a principle, counted."""
    s = sent.text
    starts = {o.start for o in sent.mentions if o.kind == "number"}
    named, opens_m, lo = 0, False, 0
    for piece in s.split(";"):
        head = lo + _MARKS.match(piece).end()
        if head not in starts:
            return False
        count = next(o for o in sent.mentions if o.start == head)
        named += bool(_NAMED_PARTS.match(s, count.end, lo + len(piece)))
        opens_m = opens_m or count is m
        lo += len(piece) + 1
    return opens_m and named >= 2
