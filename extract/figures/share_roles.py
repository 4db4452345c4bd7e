"""Percentages that name a part of a whole (rules/share_roles.yaml): one restating the ratio its sentence has just
given ("có 165/165 kiến nghị đã được trả lời (đạt 100%)": the share the part is of the whole, or the rate the
sentence names), and one of a counted set ("đạt trên 30% số cơ quan chuyên môn")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extract.catalog import load, with_keys
from extract.figures.sentence import Resolved, Sentence
from extract.language.numbers import Mention
from extract.language.subjects import WHOLE_WORD, word_alternation

_KEYS = {"rate_names", "plan_after", "count_words", "count_words_not", "work_words"}
_ROLES = ("actual", "share_of_target", "other")  # a target, norm or share ("chiếm 35%") stays what it is
_TOLERANCE = 0.5  # a percentage printed rounded to whole numbers ("4.609/4.642 ... (đạt 99%)": 99,29)


@dataclass(frozen=True)
class ShareWords:
    rate_named: regex.Pattern  # searched in the sentence before the percentage
    plan_after: regex.Pattern  # matched right after the percentage
    count_after: regex.Pattern  # matched right after the percentage: "số" and a noun
    work_after: regex.Pattern  # matched right after the percentage: "khối lượng", "giá trị"


@cache
def share_words() -> ShareWords:
    data = with_keys("share_roles", load("share_roles"), _KEYS)
    alt = {k: word_alternation(data[k], f"share_roles.yaml {k}") for k in _KEYS}
    count = WHOLE_WORD % alt["count_words"] + r"(?=\s+\p{L})"  # ends after the count word: the noun follows
    return ShareWords(
        rate_named=regex.compile(WHOLE_WORD % alt["rate_names"], regex.IGNORECASE),
        plan_after=regex.compile(r"\s*" + WHOLE_WORD % alt["plan_after"], regex.IGNORECASE),
        count_after=regex.compile(r"\s*(?!" + WHOLE_WORD % alt["count_words_not"] + ")" + count, regex.IGNORECASE),
        work_after=regex.compile(r"\s*" + WHOLE_WORD % alt["work_words"], regex.IGNORECASE),
    )


def _restated_whole(sent: Sentence, m: Mention, prev: Resolved | None, role: str = "other") -> Mention | None:
    """Whether the two numbers right before `m` in its sentence are a part and its whole of which `m` is the
    percentage (42/139 -> 30,2%; "31 trong tổng số 54" -> 57,4%), the whole being no plan ("kết nạp 109/178 đảng
    viên (61,1%)" of a plan is a share of target); for a reached percentage ("đạt"), also a whole then its part of
    the same unit ("phát ra 1.520 phiếu, thu về 1.487 phiếu, đạt 97,8%"), also with another measure of the whole
    between them ("ban hành 24.617 quyết định ... với tổng số tiền phạt 187,4 tỷ đồng; đã thi hành 22.980 quyết định,
    đạt 93,4%"). The whole when it does, else None."""
    if prev is not None and prev.role in ("target", "norm"):
        return None
    before = [x for x in sent.mentions if x.end <= m.start]
    if len(before) < 2:
        return None
    part, whole = before[-2], before[-1]
    if role == "actual" and part.value > whole.value and part.base_unit and part.base_unit == whole.base_unit:
        part, whole = whole, part
    if _ratio_fits(part, whole, m):
        return whole
    if role == "actual" and before[-1].base_unit:
        # the part last, its whole the nearest count of its unit before it
        part = before[-1]
        whole = next((x for x in reversed(before[:-1]) if x.base_unit == part.base_unit), None)
        if whole is not None and _ratio_fits(part, whole, m):
            return whole
    return None


def _ratio_fits(part: Mention, whole: Mention, m: Mention) -> bool:
    """Whether `m` is the percentage `part` makes of `whole` (both counts, no percentage, the part no larger)."""
    if part.base_unit == "%" or whole.base_unit == "%" or not whole.value or part.value > whole.value:
        return False
    return abs(float(part.value) / float(whole.value) * 100 - float(m.value)) <= _TOLERANCE


def restated_role(sent: Sentence, m: Mention, role: str, prev: Resolved | None = None,
                  planned: frozenset[int] = frozenset()) -> str | None:
    """`share`, or `actual` when its sentence names the rate, for a percentage restating the ratio just before it;
    `share_of_target` when the ratio's whole is a plan (`planned`: the starts of the sentence's figures read as
    targets: "kế hoạch vốn 186,5 tỷ đồng, giải ngân 40,8 tỷ đồng, đạt 21,9%"); None when the rule does not apply."""
    whole = None
    if m.base_unit == "%" and not m.sign_word and role in _ROLES:
        whole = _restated_whole(sent, m, prev, role)
    if whole is None:
        return None
    w = share_words()
    if w.plan_after.match(sent.text, m.end):
        return None  # "hoàn thành 45/45 nhiệm vụ, đạt 100% kế hoạch": a share of the plan
    if whole.start in planned:
        return "share_of_target"
    return "actual" if w.rate_named.search(sent.text, 0, m.start) else "share"


def count_share_role(sent: Sentence, m: Mention, role: str) -> str | None:
    """`share` for a reported percentage of a counted set ("đạt trên 30% số cơ quan", "100% số vấn đề ... đã được
    xử lý"), or of the work or amount named right after it ("đạt khoảng 65% khối lượng", "đạt 85,9% giá trị đã phê
    duyệt"); None otherwise (a plan's "phấn đấu 50% số xã" stays a target)."""
    if m.base_unit != "%" or m.sign_word or role != "actual":
        return None
    w = share_words()
    return "share" if w.count_after.match(sent.text, m.end) or w.work_after.match(sent.text, m.end) else None
