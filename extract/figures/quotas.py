"""Staffing quotas given (rules/quotas.yaml): the first number after "biên chế được giao" and the parts bracketed
right after it are norms, even when a bracketed source stands between ("Tổng số biên chế được giao (tại Quyết
định số ...) là 9.818 (cấp tỉnh: 3.585; cấp xã: 6.233)")."""

from __future__ import annotations

from functools import cache

import regex

from extract.catalog import RuleError, load
from extract.figures.rules import rules
from extract.figures.sentence import Sentence
from extract.language.numbers import Mention
from extract.language.subjects import WHOLE_WORD, word_alternation


@cache
def quota_phrase() -> regex.Pattern:
    data = load("quotas")
    if not isinstance(data, dict) or set(data) != {"quota_given"}:
        raise RuleError("quotas.yaml: expected the key quota_given")
    return regex.compile(WHOLE_WORD % word_alternation(data["quota_given"], "quotas.yaml quota_given"), regex.I)


def _after_quota(sent: Sentence, pos: int) -> bool:
    """Whether the number at `pos` is the first after a quota phrase, with no "đã" between."""
    s = sent.text
    found = [q.end() for q in quota_phrase().finditer(s, 0, pos)]
    if not found:
        return False
    after = found[-1]
    return not any(after <= x.start < pos for x in sent.mentions) and not rules().actual_marker.search(s[after:pos])


def quota_role(sent: Sentence, m: Mention, role: str) -> str | None:
    """`norm` for a quota given or a part bracketed right after one ("là 9.818 (cấp tỉnh: 3.585; cấp xã:
    6.233)"), None when the rule does not apply."""
    if role not in ("actual", "target", "norm") or m.base_unit == "%" or m.sign_word or m.kind == "ratio_part":
        return None
    if _after_quota(sent, m.start):
        return "norm"
    g = sent.group(m.start)
    if g < 0:
        return None
    quota = [x for x in sent.mentions if x.end <= g]
    if quota and not sent.text[quota[-1].end : g].split() and _after_quota(sent, quota[-1].start):
        return "norm"
    return None
