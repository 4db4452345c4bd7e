"""Staffing quotas given (rules/quotas.yaml): the first number after "biên chế được giao" and the parts bracketed
right after it are norms, even when a bracketed source stands between ("Tổng số biên chế được giao (tại Quyết
định số ...) là 9.818 (cấp tỉnh: 3.585; cấp xã: 6.233)"), and so is a count of quota units right after a giving
verb ("được giao 9.800 biên chế công chức")."""

from __future__ import annotations

from functools import cache

import regex

from extract.catalog import RuleError, load
from extract.figures.rules import rules
from extract.figures.sentence import Sentence
from extract.language.literals import may_hold
from extract.language.numbers import Mention
from extract.language.subjects import WHOLE_WORD, until_boundary, word_alternation


@cache
def quota_phrase() -> regex.Pattern:
    data = _data()
    return regex.compile(WHOLE_WORD % word_alternation(data["quota_given"], "quotas.yaml quota_given"), regex.I)


@cache
def _data() -> dict:
    data = load("quotas")
    if not isinstance(data, dict) or set(data) != {"quota_given", "giving_verbs", "quota_units", "given_label"}:
        raise RuleError("quotas.yaml: expected the keys given_label, giving_verbs, quota_given, quota_units")
    return data


@cache
def _giving() -> tuple[regex.Pattern, regex.Pattern]:
    """(a giving verb ending right before the number, a quota unit opening the number's unit)."""
    data = _data()
    verb = WHOLE_WORD % word_alternation(data["giving_verbs"], "quotas.yaml giving_verbs") + r"[^\S\n]*\Z"
    unit = WHOLE_WORD % word_alternation(data["quota_units"], "quotas.yaml quota_units")
    return regex.compile(verb, regex.I), regex.compile(unit, regex.I)


def _given_count(sent: Sentence, m: Mention) -> bool:
    """ "tỉnh được giao 9.800 biên chế công chức": a count of a quota unit right after a giving verb."""
    verb, unit = _giving()
    return bool(m.unit and unit.match(m.unit) and verb.search(sent.text, max(0, m.opening - 30), m.opening))


_KIND_END = regex.compile(r"[,;:.()\[\]]")


def given_quota(sent: Sentence, m: Mention, subject: str | None) -> str | None:
    """`subject` of a count of a quota unit right after a giving verb ("Ủy ban nhân dân tỉnh giao 2.315 biên chế công
    chức trong các cơ quan ...", "toàn hệ thống được giao 131 biên chế"): the quota's noun and its kind up to the first
    phrase boundary, then the given label ("biên chế công chức được giao"); `subject` unchanged otherwise."""
    if not _given_count(sent, m):
        return subject
    rest = sent.text[m.end :]
    end = _KIND_END.search(rest)
    kind, _cut = until_boundary(rest[: end.start()] if end else rest)
    nxt = min((o.start - m.end for o in sent.mentions if o.start >= m.end), default=len(rest))
    kind = kind if len(kind) <= nxt else ""
    return " ".join(f"{m.unit} {kind} {_data()['given_label']}".split())


def _after_quota(sent: Sentence, pos: int) -> bool:
    """Whether the number at `pos` is the first after a quota phrase, with no "đã" between."""
    s, quota = sent.text, quota_phrase()
    found = [q.end() for q in quota.finditer(s, 0, pos) if not _share_whole(sent, q.start())] if may_hold(quota, s) else []
    if not found:
        return False
    after = found[-1]
    return not any(after <= x.start < pos for x in sent.mentions) and not rules().actual_marker.search(s[after:pos])


def _share_whole(sent: Sentence, start: int) -> bool:
    """Whether the quota phrase at `start` follows a percentage right away ("có mặt 2.198 công chức, bằng 94,9% biên
    chế được giao"): it names the whole of that share, and the number after it is no quota."""
    return any(x.base_unit == "%" and x.end <= start and not sent.text[x.end : start].strip() for x in sent.mentions)


def quota_role(sent: Sentence, m: Mention, role: str) -> str | None:
    """`norm` for a quota given or a part bracketed right after one ("là 9.818 (cấp tỉnh: 3.585; cấp xã:
    6.233)"), None when the rule does not apply."""
    if role not in ("actual", "target", "norm") or m.base_unit == "%" or m.sign_word or m.kind == "ratio_part":
        return None
    if _after_quota(sent, m.start) or _given_count(sent, m):
        return "norm"
    g = sent.group(m.start)
    if g < 0:
        return None
    quota = [x for x in sent.mentions if x.end <= g]
    if quota and not sent.text[quota[-1].end : g].split() and _after_quota(sent, quota[-1].start):
        return "norm"
    return None
