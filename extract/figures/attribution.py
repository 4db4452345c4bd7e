"""Attribution of one number in its sentence: indicator and subject (catalog aliases scoped by parentheses and
"trong đó"/";" breaks), role and basis (rules/cues.yaml), status label, and period (clause, then section
heading, then document)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache, lru_cache

import regex

from extract.figures.rules import rules
from extract.figures.sections import Sections
from extract.figures.sentence import Resolved, Sentence, clause_start
from extract.language.literals import key_words
from extract.language.numbers import Mention, is_comparison
from extract.language.periods import (
    breakdown,
    carry_over_before,
    event_lead,
    find_periods,
    labels_next,
    lead_words,
    period_joiner,
    plan_time_before,
    programme_span,
    publication_before,
    round_before,
    schedule_head,
    whole_year,
    year_of,
)
from extract.language.text import caseless, fold
from extract.model import Period

_ANY_DIGIT = regex.compile(r"\d")
_PUNCT_OR_DIGIT = regex.compile(r"[(),;:]|\d")
_CLAUSE_MARK = regex.compile(r"[,;:()]")
_LEAD_MARKS = regex.compile(r"^[\s\-–+*•,.:;)]+")
_OPEN_PAREN_TAIL = regex.compile(r"\([^)]*$")
_ADVERBIAL_END = regex.compile(r"\s*(?:\([^()]*\))?\s*[,:]")  # "Trong 6 tháng cuối năm (sau sáp nhập), ..."


def _compatible(ind_id: str, mention: Mention) -> bool:
    """A growth-rate or percentage indicator takes percentages; a counted one takes its own nouns."""
    ind = rules().indicators[ind_id]
    unit = mention.base_unit
    if mention.kind == "multiple":
        return not ind.growth_rate
    if ind.base_unit == "%" or ind.growth_rate:
        return unit in ("%", None)
    if unit in (None, "%"):
        return True
    money = rules().money_units
    if ind.base_unit in money:
        return unit in money
    nouns = (ind.base_unit, *ind.unit_aliases)
    return unit in nouns or unit.split()[0] in {n.split()[0] for n in nouns}


def _usable_aliases(sent: Sentence, m: Mention) -> list:
    """Aliases that are not part of another number's unit ("524,5 ngàn lượt khách" is not a subject)."""
    others = [(o.start, o.end) for o in sent.mentions if o.num_start != m.num_start and o.start != m.start]
    return [a for a in sent.aliases if not any(a[0] < o1 and a[1] > o0 for o0, o1 in others)]


def _forward_alias(sent: Sentence, aliases: list, m: Mention):
    s = sent.text
    for a0, _a1, ind, txt in aliases:
        if (
            m.num_end <= a0
            and a0 - m.end <= 3
            and sent.group(a0) == sent.group(m.start)
            and _compatible(ind, m)
        ):
            if not _PUNCT_OR_DIGIT.search(s[m.end : max(a0, m.end)]):
                return ind, txt
    return None


def _phrase_after(sent: Sentence, m: Mention) -> str | None:
    """The noun phrase right after a number that opens its clause ("; 100% dữ liệu đảng viên được ...")."""
    r = rules()
    rest = sent.text[m.end :]
    if not rest[:1].isspace() or r.share_after.search(rest) or r.change_after.search(rest):
        return None
    rest = rest.lstrip()
    if not rest[:1].isalpha():
        return None
    return _lead_text(_CLAUSE_MARK.split(rest, maxsplit=1)[0])


def subject_of(sent: Sentence, m: Mention, prev: Resolved | None) -> tuple[str | None, str | None]:
    """(indicator, subject text) for a number: nearest alias back in its clause, through parentheses."""
    s = sent.text
    # a percentage in parentheses right after a count restates that count's change: "giảm 23 vụ (giảm 10,65%)"
    if prev is not None and m.base_unit == "%" and prev.mention.base_unit not in (None, "%"):
        if rules().restated_change.fullmatch(s[prev.mention.end : m.start]):
            return prev.indicator, prev.subject
    aliases = _usable_aliases(sent, m)
    pos, group, first = m.start, sent.group(m.start), True
    fallback = None
    while True:
        lo = group + 1 if group >= 0 else 0
        seg_breaks = [b for b in sent.breaks if lo <= b[0] < pos and sent.group(b[0]) == group]
        seg_start = seg_breaks[-1][1] if seg_breaks else lo
        cands = [
            a
            for a in aliases
            if seg_start <= a[0] and a[1] <= pos and _alias_in_scope(sent, a, group) and _compatible(a[2], m)
        ]
        if cands:
            best = max(cands, key=lambda a: (a[1], a[1] - a[0]))
            return best[2], best[3]
        if first:
            fwd = _forward_alias(sent, aliases, m)
            if fwd:
                return fwd
        prev_ends = [
            o.end for o in sent.mentions if seg_start <= o.end <= pos and sent.group(o.start) == group
        ]
        lead = _lead_text(s[max([seg_start, *prev_ends]) : pos])
        if lead is None and prev_ends:
            firsts = [o.start for o in sent.mentions if seg_start <= o.start and sent.group(o.start) == group]
            lead = _lead_text(s[seg_start : min(firsts)])
        if seg_breaks and lead:
            return None, lead
        if first and seg_breaks:
            after = _phrase_after(sent, m)
            if after:
                return None, after
        first = False
        if fallback is None and lead:
            fallback = lead
        if seg_breaks:
            pos = seg_breaks[-1][0]  # an empty clause ("; đạt 3,65%") continues the previous subject
            continue
        if group >= 0:
            pos, group = group, sent.group(group)
            continue
        return None, fallback


def _alias_in_scope(sent: Sentence, a: tuple, group: int) -> bool:
    """An alias at the number's own level, or the whole content of a gloss in parentheses: "(IIP)"."""
    g = sent.group(a[0])
    if g == group:
        return True
    return g >= 0 and sent.group(g) == group and sent.text[g + 1 : sent.close_of(g)].strip() == a[3]


def _lead_text(chunk: str) -> str | None:
    """The subject words of a clause: what precedes its first verb or cue word, without list marks."""
    r = rules()
    chunk = _LEAD_MARKS.sub("", chunk)
    stop = r.stops.search(chunk)
    text = chunk[: stop.start()] if stop else chunk
    text = _OPEN_PAREN_TAIL.sub("", text)  # an unclosed parenthesis belongs to the number
    text = fold(text).strip(" ,:-–(")
    words = text.split()
    if not words or not any(w[0].isalpha() for w in words):
        return None
    return " ".join(words[:14])


_SERIES_WORDS = 4  # the verbs a past marker opens before a comma: "đã bốc thăm, giao 268 lô"


def _done_series(s: str, top: int) -> bool:
    """Whether the clause at `top` continues a series of verbs that a past marker opens before its comma ("đã bốc
    thăm, giao 268 lô cho các hộ", "đã kiểm tra, xử lý 12 vụ"): a short clause of verbs only (no number) right
    before, opening with "đã"."""
    if top <= 0 or s[top - 1] != ",":
        return False
    head = s[clause_start(s, top - 1, 0) : top - 1].strip()
    return (0 < len(head.split()) <= _SERIES_WORDS and not any(c.isdigit() for c in head)
            and bool(rules().actual_marker.match(_LEAD_MARKS.sub("", head, count=1))))


def role_of(sent: Sentence, m: Mention, prev: Resolved | None, indicator: str | None, sec: Sections) -> str:
    r = rules()
    s = sent.text
    prev_end = prev.mention.end if prev else 0
    after = s[m.end : m.end + 80]
    q0 = m.opening
    lo = clause_start(s, q0, prev_end)
    if lo > 0 and s[lo - 1] == "(" and not s[lo:q0].strip():
        # "chưa đạt kịch bản đề ra (9,32%)": the words before the parenthesis speak of it
        lo = clause_start(s, lo - 1, prev_end)
    before = " ".join(s[lo:q0].split()[-r.window :])
    ind = r.indicators.get(indicator) if indicator else None
    is_pct = m.base_unit == "%"
    group = sent.group(m.start)
    if m.kind == "multiple":
        return "change"
    if m.kind == "ratio_whole":
        # the plan word stands in the ratio's own clause: "Chỉ tiêu ... đạt 171/280 (61,1%)", "11/49 nhiệm vụ đề ra"
        parts = [o.start for o in sent.mentions if o.kind == "ratio_part" and o.end <= m.start]
        lo = clause_start(s, parts[-1] if parts else m.start, 0)
        end = r.boundary.search(s, m.end)
        stop = end.start() if end else len(s)
        reached = r.ratio_reached_after.search(s, m.end, stop)  # "12/16 khoản thu đạt tiến độ dự toán": what the set
        # reached names no whole
        return "target" if r.ratio_target.search(s[lo : reached.start() if reached else stop]) else "other"
    if is_pct and prev is not None and prev.mention.kind == "ratio_whole":
        if r.ratio_share.fullmatch(s[prev.mention.end : m.start]):
            return "share_of_target"
    clause = clause_start(s, q0, 0)  # the number's own clause, whatever came before it
    top = clause if group < 0 else group + 1
    past = bool(r.actual_marker.search(s[top:q0])) or _done_series(s, top)
    if prev is not None and prev.role == "target" and not past:
        between = s[prev.mention.end : q0]
        # "mục tiêu tăng trưởng 10% và giải ngân 100% ...": a coordinated item shares the plan word
        if r.coordination.fullmatch(between) and len(between.split()) <= 6:
            if not r.coordination_breakers.search(between):
                return "target"
    if group >= 0 and r.target_before.match(s[group + 1 : group + 14].lstrip()) and not past:
        # "(KH: 10,63%; trong đó, công nghiệp 10,95%, ...)": the whole parenthesis is a plan, unless a result is
        # stated in it ("(chỉ tiêu tối thiểu 98%, hiện đạt 97,4%)")
        if not r.coordination_breakers.search(s[group + 1 : q0]):
            return "target"
    if (group >= 0 and prev is not None and prev.role == "target" and not past and m.sign_word is None
            and m.base_unit == prev.mention.base_unit and not s[prev.mention.end : group].strip()
            and not r.coordination_breakers.search(s[group + 1 : q0])):
        return "target"  # "được giao 684,5 tỷ đồng (vốn đầu tư phát triển 412,3 tỷ đồng, ...)": a plan amount's split
    if is_comparison(m.sign_word) and not sec.plan:
        return "change"  # "thấp hơn chỉ tiêu 3,7 điểm phần trăm": the plan word is the difference's base
    kpi = r.kpi_label.match(s, s.rfind(";", 0, q0) + 1)
    if kpi is not None and group < 0 and not r.kpi_result.search(s, kpi.end(), q0):
        return "target"  # "Chỉ tiêu 1: Tỷ lệ hồ sơ ... ≥ 80%; kết quả: 86,2%": the KPI the line states
    if kpi_in_brackets(sent, m):
        return "target"  # "so với chỉ tiêu Nghị quyết của Tỉnh ủy (95,2%)": the KPI cited in brackets
    clause_head = " ".join(_LEAD_MARKS.sub("", s[clause:q0]).split()[:3])
    if (r.target_before.search(before) or r.target_head.match(clause_head)) and not past:
        named = [pm.span() for pm in r.target_before.finditer(s, lo, q0)]
        if not (named and all(in_rate_name(sent, span, m) for span in named)):
            return "target"
    if is_pct and r.share_after.search(after):
        return "target" if sec.plan and not past else "share_of_target"
    if r.share_total_before.search(before):
        return "other"
    if is_pct and not m.sign_word and r.change_after.search(after):
        return "other"  # "bằng 121% so cùng kỳ": a level relative to last year, not a change
    if m.sign_word or r.change_after.search(after):
        if sec.plan and not past:
            return "target"
        if ind and ind.growth_rate:
            return "actual"
        if ind is None and is_pct and not r.change_after.search(after) and _growth_sentence(sent):
            return "actual"  # "GRDP tăng 7,47%; trong đó công nghiệp tăng 8,24%": a component's growth rate
        return "change"
    return "target" if sec.plan and not past and not present_state(sent, m) else "actual"


def kpi_in_brackets(sent: Sentence, m: Mention) -> bool:
    """Whether `m` stands alone (or after its sign word) at the head of brackets right after a KPI's name ("chưa đạt
    chỉ tiêu kế hoạch năm (95%)", "so với chỉ tiêu Nghị quyết của Tỉnh ủy (95,2%)", "so với chỉ tiêu tại Nghị quyết
    số 24/NQ-HĐND (giảm từ 2,5 điểm phần trăm trở lên)"): the KPI itself, a target of the year."""
    s, group = sent.text, sent.group(m.start)
    if group < 0:
        return False
    head = " ".join(s[group + 1 : m.opening].split()).lower()
    if head and head != m.sign_word:  # "(giảm từ 2,5 điểm phần trăm trở lên)": the KPI stated as a cut
        return False
    return bool(rules().kpi_before.search(s, clause_start(s, group, 0), group + 1))


def in_rate_name(sent: Sentence, span: tuple[int, int], m: Mention) -> bool:
    """Whether the plan word at `span` is part of the name of a rate that `m` gives the first value of ("Tỷ lệ hoàn
    thành các nhiệm vụ đề ra theo kế hoạch của tỉnh đạt 100%"): "tỷ lệ" before it in its statement, the rate's first
    verb or colon after it, no number from "tỷ lệ" to it nor between that verb and `m`, and no plan verb from "tỷ lệ"
    to `m`."""
    r, s = rules(), sent.text
    q0, (pos, end) = m.opening, span
    lo = s.rfind(";", 0, pos) + 1
    names = list(r.rate_name.finditer(s, lo, pos))
    if not names:
        return False
    start = names[-1].end()
    value = r.rate_value.search(s, start, q0)
    if value is None or value.start() < end or r.rate_plan_verbs.search(s, start, q0):
        return False
    # the name holds no number ("đạt tỷ lệ 30% (..., chỉ tiêu đề ra là tối thiểu 20%)" gave the rate its value)
    return not any(start <= o.start < pos or value.end() <= o.start < m.start for o in sent.mentions)


def present_state(sent: Sentence, m: Mention, whole: bool = False) -> bool:
    """A count that states how things stand now, even inside a plan: one the action refers to whose noun goes on
    with "chưa" ("đối với 57/124 xã chưa hoàn thành"; not "hoàn thành 11 nhiệm vụ ... chưa hoàn thành", the
    plan's object), or one after a "now" word in its clause ("hiện còn 12 xã"); `whole`: the whole of such a
    ratio too (it is counted at the same day)."""
    if m.base_unit == "%" or (m.kind == "ratio_whole" and not whole):
        return False
    r, s = rules(), sent.text
    q0 = m.opening
    if r.unfinished_after.match(s, m.end) and r.reference_before.search(s, max(0, q0 - 20), q0):
        return True
    return bool(r.now_before.search(s, clause_start(s, q0, 0), q0))


def is_share_of_total(sent: Sentence, m: Mention) -> bool:
    s = sent.text
    return bool(rules().share_total_before.search(s[clause_start(s, m.start, 0) : m.start]))


def _growth_sentence(sent: Sentence) -> bool:
    inds = rules().indicators
    return any(inds[a[2]].growth_rate for a in sent.aliases)


@cache
def _basis_words() -> tuple[tuple[str, ...], ...]:
    """Words one of which each basis pattern needs in a text (extract/language/literals.py)."""
    return tuple(key_words(rx.pattern) for _bid, rx in rules().basis)


def _bases_in(text: str) -> tuple:
    """(id, pattern) of the basis rules, in order, that may match in `text`: those whose words it holds."""
    vocabulary = _basis_vocabulary()
    return _bases_for(frozenset(filter(caseless(text).__contains__, vocabulary)))


@cache
def _basis_vocabulary() -> tuple[str, ...]:
    return tuple(sorted({w for words in _basis_words() for w in words}))


@lru_cache(maxsize=256)
def _bases_for(held: frozenset[str]) -> tuple:
    """The basis rules a text holding exactly these words of `_basis_vocabulary` tries (one look-up a text
    instead of a word test per rule)."""
    return tuple(
        (bid, rx)
        for (bid, rx), words in zip(rules().basis, _basis_words(), strict=True)
        if not words or not held.isdisjoint(words)
    )


def basis_of(sent: Sentence, m: Mention, prev_end: int, next_start: int) -> str | None:
    s = sent.text
    after = s[m.end : next_start]
    i = after.find("(")
    while i >= 0:
        # a parenthesis that holds another number speaks of that number
        if _ANY_DIGIT.search(s[m.end + i : sent.close_of(m.end + i)]):
            after = after[:i]
            break
        i = after.find("(", i + 1)
    after = after.split(";")[0]
    # rules/cues.yaml lists the specific bases (Thủ tướng giao, dự toán Trung ương ...) before the generic plan
    for bid, rx in _bases_in(after):
        if rx.search(after):
            return bid
    best = None
    before = s[clause_start(s, m.start, prev_end) : m.start]
    for bid, rx in _bases_in(before):
        hits = list(rx.finditer(before))
        if hits and (best is None or hits[-1].end() > best[0]):
            best = (hits[-1].end(), bid)
    return best[1] if best else None


def label_of(sent: Sentence, m: Mention, next_start: int) -> str | None:
    after = sent.text[m.end : min(next_start, m.end + 40)]
    after = after.split(";", 1)[0]
    for lab, rx in rules().labels:
        if rx.search(after):
            return lab
    return None


def period_of(
    sent: Sentence, m: Mention, role: str, sec: Sections, year: int | None, next_start: int
) -> Period | None:
    """The period a number's own clause names, else its section's."""
    return own_period(sent, m, role, year, next_start) or section_period(sent, m, role, sec)


_CLAUSE_MARK = regex.compile(r"[,;]")


def own_period(sent: Sentence, m: Mention, role: str, year: int | None, next_start: int) -> Period | None:
    """The period named in the number's own stretch of its sentence (after a target, or before the number and
    after the last top-level ';'); None when it names none."""
    s = sent.text
    top_start = _semicolon_before(sent, m.start, -1) + 1
    group = sent.group(m.start)
    hi = sent.close_of(group) if group >= 0 else len(s)
    semi = _semicolon_after(sent, m.end, hi, group)
    hi = semi if semi >= 0 else hi
    hi = min(hi, next_start)  # a period after the next number speaks of that number
    mentions = _with_programme_end(s, [pm for pm in find_periods(s, year) if pm.period])
    # "đợt quan trắc thứ 4 năm 2026": the year of a round names the round
    # "chi chuyển nguồn sang năm 2026": the year a carry-over goes to or comes from is no time of the amount
    mentions = [pm for pm in mentions if not (pm.kind == "year" and round_before().search(s, 0, pm.start))
                and not carry_over_before().search(s, 0, pm.start)
                and not publication_before().search(s, 0, pm.start)]
    if role == "share_of_target":
        # "tỷ lệ giải ngân vốn năm 2026 ... đạt 3,89%": the year names the plan; the share is of the period so far,
        # unless the year opens the statement and dates the result the share measures ("cả năm 2026 ước đạt 53.400 tỷ
        # đồng, đạt 98,8% kế hoạch")
        mentions = [pm for pm in mentions if pm.kind != "year" or _dates_result(sent, m, pm, top_start)]
    if role == "target":
        # "21 đề án, gồm Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm, ...": a period after the words that list
        # what the count holds names one of its members, not the count's time
        members = breakdown().search(s, m.end, hi)
        after = [pm for pm in mentions if m.end <= pm.start and pm.end <= hi and not _labels_next(s, m, pm, hi, next_start)
                 and not _splits_count(sent, m, pm, mentions) and not (members and members.end() <= pm.start)]
        # "kế hoạch vốn năm 2025 kéo dài sang năm 2026 ngay trong quý II": the plan's time is the period named after a
        # time word, not the year of a noun before it
        timed = [pm for pm in after if plan_time_before().search(s, max(m.end, pm.start - 12), pm.start)]
        if timed or after:
            return (timed or after)[0].period
    before = [pm for pm in mentions if top_start <= pm.start and pm.end <= m.start]
    if group >= 0 and breakdown().match(s[group + 1 :].lstrip()):
        # "Năm 2022 có 02 sinh viên được cử đi năm 2015 tốt nghiệp (Trong đó có 01 ...)": the parts in brackets
        # take the period of the whole before the bracket, not a year that qualifies its noun
        whole = [o for o in sent.mentions if o.end <= group and sent.group(o.start) < 0]
        if whole:
            before = [pm for pm in before if not (whole[-1].end <= pm.start < group)]
    if before:
        last = before[-1].period
        first = before[-2].period if len(before) > 1 else None
        if first is not None and first.end < last.start and period_joiner().fullmatch(s, before[-2].end, before[-1].start):
            # "năm 2025 và 11 tháng năm 2026": one span, labelled as the text writes it
            return Period(first.start, last.end, " ".join(s[before[-2].start : before[-1].end].split()))
        return last
    # "Ước thực hiện 10 tháng đạt 9.806,9 tỷ đồng, trong đó ...; kinh tế ngoài nhà nước ước đạt 9.432,1 tỷ đồng":
    # the parts of a breakdown take the period of the whole they break down
    earlier = [pm for pm in mentions if pm.end <= top_start and sent.group(pm.start) < 0]
    if earlier:
        part = breakdown().search(s, earlier[-1].end, m.start)
        # the whole broken down is a number between the period and "trong đó" ("... năm 2024 - ..., trong đó cần
        # bám sát ...; áp dụng 03 nhóm giải pháp" breaks down no figure)
        if part and any(earlier[-1].end <= o.start and o.end <= part.start() for o in sent.mentions):
            return earlier[-1].period
        # "Một số ngành có chỉ số sản xuất 10 tháng tăng cao: ... tăng 11,4%; ... tăng 13,7%": the items of a list after
        # a colon take the period its lead-in names (a lead-in with no figure of its own, the period in its last clause)
        colon = s.rfind(":", earlier[-1].end, top_start)
        if colon >= 0 and sent.group(colon) < 0 and not any(earlier[-1].end <= o.start < colon for o in sent.mentions) \
                and not _CLAUSE_MARK.search(s, earlier[-1].end, colon):
            return earlier[-1].period
    return None


_OPENING_WORDS = 2  # words before a year that opens a statement: "cả năm 2026", "Trong năm 2025"


def _dates_result(sent: Sentence, m: Mention, pm, top_start: int) -> bool:
    """Whether a year opening the statement of a share of the plan `m` dates a number stated between them (the
    result the share measures)."""
    s = sent.text
    if top_start > pm.start or len(s[top_start : pm.start].split()) > _OPENING_WORDS:
        return False
    return any(o is not m and pm.end <= o.start and o.end <= m.start for o in sent.mentions)


def _splits_count(sent: Sentence, m: Mention, pm, mentions: list) -> bool:
    """Whether a period after a target sits in a parenthesis opened after it that names two or more periods: the
    times of its parts ("Mỗi năm tổ chức 02 đợt kiểm tra (đợt 1 trong quý II, đợt 2 trong quý IV)"), not its own."""
    g = sent.group(pm.start)
    if g < m.end or g == sent.group(m.start):
        return False
    return sum(1 for o in mentions if sent.group(o.start) == g) >= 2


def _with_programme_end(s: str, mentions: list) -> list:
    """ "Đề án ... được thực hiện từ năm 2006 và ... kết thúc vào năm 2020": a start year whose end the sentence
    states runs to that end, not to the document's year."""
    if not any(pm.kind == "since_year" for pm in mentions):
        return mentions
    span = programme_span(s)
    if span is None:
        return mentions
    return [replace(pm, period=span) if pm.kind == "since_year" and pm.period.start == span.start else pm
            for pm in mentions]


def _labels_next(s: str, m: Mention, pm, hi: int, next_start: int) -> bool:
    """Whether a period after a plan's number labels the next number, after a clause mark ("Kế hoạch cả năm >95%,
    KH Quý I: 86%"), or stands right before it ("Số hóa tối thiểu 258.000 trang để hoàn thành chỉ tiêu cả năm
    1.000.000 trang": the year is the 1.000.000's)."""
    if hi != next_start:
        return False
    if not s[pm.end : hi].strip():
        return True
    return bool(labels_next().fullmatch(s, pm.end, hi)) and bool(_CLAUSE_MARK.search(s, m.end, pm.start))


def _semicolon_before(sent: Sentence, pos: int, group: int) -> int:
    """The last ';' before `pos` in `group` (-1: at top level), or -1: found by str.rfind, not a loop over every
    character."""
    i = sent.text.rfind(";", 0, pos)
    while i >= 0 and sent.group(i) != group:
        i = sent.text.rfind(";", 0, i)
    return i


def _semicolon_after(sent: Sentence, lo: int, hi: int, group: int) -> int:
    """The first ';' of `group` in [lo, hi), or -1."""
    i = sent.text.find(";", lo, hi)
    while i >= 0 and sent.group(i) != group:
        i = sent.text.find(";", i + 1, hi)
    return i


def section_period(sent: Sentence, m: Mention, role: str, sec: Sections) -> Period | None:
    """The section's period; a target of a part-year section listing the year's targets is of the whole year, and so
    is a KPI threshold the text cites as a chỉ tiêu ("chưa đạt chỉ tiêu đề ra (chỉ tiêu tối thiểu 98%)")."""
    r = rules()
    s = sent.text
    # a share in a plan part is a planned structure ("Cơ cấu giống: nhóm lúa thơm chiếm khoảng 45%" under "KẾ HOẠCH
    # SẢN XUẤT VỤ HÈ THU 2026"): of the plan's period, as its targets
    planned = role == "target" or (role == "share" and sec.plan)
    period = sec.period if planned else sec.fact_period()
    if role == "target" and period is not None and (period.start.month, period.end.month) != (1, 12):
        clause = clause_start(s, m.start, 0)
        lo = clause
        if s[:clause].rstrip().endswith("(") and not s[clause : m.opening].strip():
            lo = clause_start(s, s.rfind("(", 0, clause), 0)  # "chưa đạt chỉ tiêu kế hoạch năm (95%)"
        if r.kpi_before.search(s, lo, m.opening):
            return year_of(period)  # a working year (01/10-30/9) is the KPI's year itself
        if period.start.month == 1 and r.year_plan_before.search(s, lo, m.opening):
            return whole_year(period.end.year)  # "kế hoạch vốn 385 tỷ đồng" in a report to 31/10: the year's plan
        if sec.year_targets:
            added = m.base_unit != "%" and r.incremental.search(s[clause : m.start])
            if not added:
                return whole_year(period.end.year)
    return period


def sentence_lead(sent: Sentence, year: int | None) -> Period | None:
    """The period of an adverbial opening the sentence before its first number ("Trong 6 tháng cuối năm (sau khi
    sáp nhập), ...", "Đối với ...: Năm 2023, ..."); None when the sentence opens with none."""
    if not sent.mentions:
        return None
    s, f0 = sent.text, sent.mentions[0].start
    for pm in find_periods(s[:f0], year):
        if pm.period and sent.group(pm.start) < 0 and (opens(s, pm.start) or event_lead().match(s[: pm.start])) \
                and _ADVERBIAL_END.match(s, pm.end) and not schedule_head().match(s[: pm.start]):
            return pm.period  # not the days a schedule is set for: "Lịch xuống giống tập trung từ ngày 05/5 ..."
    return None


def opens(s: str, pos: int) -> bool:
    """Whether `pos` opens its sentence: at most a few words before it, after the last ':' (rules/periods.yaml)."""
    head = s[:pos]
    head = head[head.rfind(":") + 1 :]
    return ";" not in head and len(head.split()) <= lead_words()
