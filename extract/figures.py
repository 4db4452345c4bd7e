"""Figures: every quantity of a document with its indicator, role, basis, period and exact source offsets.

Stages, each a function over one sentence: numbers (extract.numbers) -> subject/indicator (catalog aliases,
scoped by parentheses and "trong đó"/";" breaks) -> role and basis (rules/cues.yaml) -> period (clause,
then section heading, then document). Sentences come from spaCy's rule-based sentencizer (no model).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import regex

from . import catalog
from .headings import heading_level
from .model import Block, Document, Figure, Metadata, Period, Relation
from .numbers import Mention, find_numbers
from .periods import find_periods, whole_year
from .sentences import sentences
from .text import fold

_FLAGS = regex.IGNORECASE | regex.V1
_DIGIT = regex.compile("[0-9]")
_ANY_DIGIT = regex.compile(r"\d")
_PUNCT_OR_DIGIT = regex.compile(r"[(),;:]|\d")
_CLAUSE_MARK = regex.compile(r"[,;:()]")
_LEAD_MARKS = regex.compile(r"^[\s\-–+*•,.:;)]+")
_OPEN_PAREN_TAIL = regex.compile(r"\([^)]*$")


def _any(patterns) -> regex.Pattern:
    return regex.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


@dataclass(frozen=True)
class _Rules:
    alias: regex.Pattern
    alias_ids: dict
    indicators: dict
    target_before: regex.Pattern
    window: int
    share_after: regex.Pattern
    change_after: regex.Pattern
    level_before: regex.Pattern
    share_total_before: regex.Pattern
    basis: tuple
    labels: tuple
    plan_sections: regex.Pattern
    year_target_sections: regex.Pattern
    incremental: regex.Pattern
    breaks: regex.Pattern
    stops: regex.Pattern
    ratio_target: regex.Pattern
    actual_marker: regex.Pattern
    blockers: regex.Pattern
    target_head: regex.Pattern
    money_units: tuple
    numbering: regex.Pattern
    appendix: regex.Pattern
    restated_change: regex.Pattern
    ratio_share: regex.Pattern
    coordination: regex.Pattern
    coordination_breakers: regex.Pattern
    boundary: regex.Pattern


@cache
def _rules() -> _Rules:
    cues = catalog.load("cues")
    inds = catalog.indicators()
    alias_ids = {}
    for ind in inds:
        for name in ind.names:
            alias_ids[name.lower()] = ind.id
    names = sorted(alias_ids, key=len, reverse=True)
    alias = regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(n) for n in names) + r")(?!\w)", _FLAGS)
    roles = cues["roles"]
    stops = sorted(cues["subject_stops"], key=len, reverse=True)
    return _Rules(
        alias=alias,
        alias_ids=alias_ids,
        indicators={i.id: i for i in inds},
        target_before=_any(roles["target_before"]),
        window=int(roles["window"]),
        share_after=_any(roles["share_after"]),
        change_after=_any(roles["change_after"]),
        level_before=_any(roles["level_ratio_before"]),
        share_total_before=_any(roles["share_of_total_before"]),
        basis=tuple((b["id"], regex.compile(b["regex"], _FLAGS)) for b in cues["basis"]),
        labels=tuple((lab["label"], regex.compile(lab["regex"], _FLAGS)) for lab in cues["labels"]),
        plan_sections=_any(regex.escape(s) for s in cues["plan_sections"]),
        year_target_sections=_any(regex.escape(s) for s in cues["year_target_sections"]),
        incremental=_any(cues["incremental"]),
        breaks=_any(cues["subject_breaks"]),
        stops=regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(s) for s in stops) + r")(?!\w)", _FLAGS),
        ratio_target=_any(cues["ratio_target"]),
        money_units=tuple(cues["money_units"]),
        numbering=regex.compile(cues["sections"]["numbering"], _FLAGS),
        appendix=regex.compile(cues["sections"]["appendix"]),
        restated_change=regex.compile(cues["gaps"]["restated_change"], _FLAGS),
        ratio_share=regex.compile(cues["gaps"]["ratio_share"], _FLAGS),
        coordination=regex.compile(cues["gaps"]["coordination"], _FLAGS),
        coordination_breakers=regex.compile(cues["gaps"]["coordination_breakers"], _FLAGS),
        boundary=regex.compile(
            r"[,;()]|" + "|".join(rf"\b{regex.escape(w)}\b" for w in cues["clause_words"]), _FLAGS
        ),
        actual_marker=_any(roles["actual_marker"]),
        blockers=_any(regex.escape(b) for b in cues["alias_blockers"]),
        target_head=_any(roles["target_head"]),
    )


# --- sections -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Section:
    level: int
    text: str
    period: Period | None
    plan: bool
    year_targets: bool


class _Sections:
    """The heading stack while walking the document: which period and which kind of section we are in."""

    def __init__(self, meta: Metadata):
        self.meta = meta
        self.year = meta.period.end.year if meta.period else None
        self.stack: list[_Section] = []

    def enter(self, block: Block) -> None:
        r = _rules()
        level = block.level or 9
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        # only part and section headings set a reporting period; a numbered item's "trong năm 2026" is a clause
        period = None
        if level <= 2:
            period = next((pm.period for pm in find_periods(block.text, self.year) if pm.period), None)
        self.stack.append(
            _Section(
                level=level,
                text=block.text,
                period=period,
                plan=bool(r.plan_sections.match(r.numbering.sub("", block.text, count=1))),
                year_targets=bool(r.year_target_sections.search(block.text)),
            )
        )

    @property
    def period(self) -> Period | None:
        for s in reversed(self.stack):
            if s.period:
                return s.period
        return self.meta.period

    @property
    def plan(self) -> bool:
        return any(s.plan for s in self.stack)

    @property
    def year_targets(self) -> bool:
        return any(s.year_targets for s in self.stack)


# --- sentence analysis ----------------------------------------------------------------------------


def _paren_groups(s: str) -> list[int]:
    """For each character, the position of the innermost open parenthesis enclosing it (-1 at top level)."""
    out = []
    stack: list[int] = []
    for i, ch in enumerate(s):
        if ch == "(":
            out.append(stack[-1] if stack else -1)
            stack.append(i)
            continue
        if ch == ")" and stack:
            stack.pop()
        out.append(stack[-1] if stack else -1)
    return out


@dataclass
class _Sentence:
    text: str
    groups: list[int]
    aliases: list  # (start, end, indicator_id, text)
    breaks: list  # (start, end) of hard subject breaks
    mentions: list

    def group(self, pos: int) -> int:
        return self.groups[pos] if 0 <= pos < len(self.groups) else -1

    def close_of(self, group: int) -> int:
        """Index of the parenthesis closing `group` (or the sentence end)."""
        depth = 0
        for i in range(group, len(self.text)):
            if self.text[i] == "(":
                depth += 1
            elif self.text[i] == ")":
                depth -= 1
                if depth == 0:
                    return i
        return len(self.text)


@dataclass(frozen=True)
class _Resolved:
    mention: Mention
    indicator: str | None
    subject: str | None
    role: str


def _analyse(text: str) -> _Sentence:
    r = _rules()
    blocked = [(b.start(), b.end()) for b in r.blockers.finditer(text)]
    aliases = [
        (m.start(), m.end(), r.alias_ids[m.group().lower()], m.group())
        for m in r.alias.finditer(text)
        if not any(m.start() < b1 and b0 < m.end() for b0, b1 in blocked)
    ]
    breaks = [(m.start(), m.end()) for m in r.breaks.finditer(text)]
    return _Sentence(text, _paren_groups(text) if "(" in text else [], aliases, breaks, find_numbers(text))


def _compatible(ind_id: str, mention: Mention) -> bool:
    """A growth-rate or percentage indicator takes percentages; a counted one takes its own nouns."""
    ind = _rules().indicators[ind_id]
    unit = mention.base_unit
    if mention.kind == "multiple":
        return not ind.growth_rate
    if ind.base_unit == "%" or ind.growth_rate:
        return unit in ("%", None)
    if unit in (None, "%"):
        return True
    money = _rules().money_units
    if ind.base_unit in money:
        return unit in money
    nouns = (ind.base_unit, *ind.unit_aliases)
    return unit in nouns or unit.split()[0] in {n.split()[0] for n in nouns}


def _usable_aliases(sent: _Sentence, m: Mention) -> list:
    """Aliases that are not part of another number's unit ("524,5 ngàn lượt khách" is not a subject)."""
    others = [(o.start, o.end) for o in sent.mentions if o.num_start != m.num_start and o.start != m.start]
    return [a for a in sent.aliases if not any(a[0] < o1 and a[1] > o0 for o0, o1 in others)]


def _forward_alias(sent: _Sentence, aliases: list, m: Mention):
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


def _phrase_after(sent: _Sentence, m: Mention) -> str | None:
    """The noun phrase right after a number that opens its clause ("; 100% dữ liệu đảng viên được ...")."""
    r = _rules()
    rest = sent.text[m.end :]
    if not rest[:1].isspace() or r.share_after.search(rest) or r.change_after.search(rest):
        return None
    rest = rest.lstrip()
    if not rest[:1].isalpha():
        return None
    return _lead_text(_CLAUSE_MARK.split(rest, maxsplit=1)[0])


def _subject(sent: _Sentence, m: Mention, prev: _Resolved | None) -> tuple[str | None, str | None]:
    """(indicator, subject text) for a number: nearest alias back in its clause, through parentheses."""
    s = sent.text
    # a percentage in parentheses right after a count restates that count's change: "giảm 23 vụ (giảm 10,65%)"
    if prev is not None and m.base_unit == "%" and prev.mention.base_unit not in (None, "%"):
        if _rules().restated_change.fullmatch(s[prev.mention.end : m.start]):
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


def _alias_in_scope(sent: _Sentence, a: tuple, group: int) -> bool:
    """An alias at the number's own level, or the whole content of a gloss in parentheses: "(IIP)"."""
    g = sent.group(a[0])
    if g == group:
        return True
    return g >= 0 and sent.group(g) == group and sent.text[g + 1 : sent.close_of(g)].strip() == a[3]


def _lead_text(chunk: str) -> str | None:
    """The subject words of a clause: what precedes its first verb or cue word, without list marks."""
    r = _rules()
    chunk = _LEAD_MARKS.sub("", chunk)
    stop = r.stops.search(chunk)
    text = chunk[: stop.start()] if stop else chunk
    text = _OPEN_PAREN_TAIL.sub("", text)  # an unclosed parenthesis belongs to the number
    text = fold(text).strip(" ,:-–(")
    words = text.split()
    if not words or not any(w[0].isalpha() for w in words):
        return None
    return " ".join(words[:14])


def _clause_start(s: str, pos: int, floor: int) -> int:
    """Start of the clause holding `pos` (after a comma, semicolon, parenthesis or "và"), not before `floor`."""
    floor = max(floor, 0)
    last = None
    for m in _rules().boundary.finditer(s, floor, pos):
        last = m
    return last.end() if last else floor


def _role(sent: _Sentence, m: Mention, prev: _Resolved | None, indicator: str | None, sec: _Sections) -> str:
    r = _rules()
    s = sent.text
    prev_end = prev.mention.end if prev else 0
    after = s[m.end : m.end + 80]
    q0 = m.qualifier_span[0] if m.qualifier_span else m.start
    lo = _clause_start(s, q0, prev_end)
    if lo > 0 and s[lo - 1] == "(" and not s[lo:q0].strip():
        # "chưa đạt kịch bản đề ra (9,32%)": the words before the parenthesis speak of it
        lo = _clause_start(s, lo - 1, prev_end)
    before = " ".join(s[lo:q0].split()[-r.window :])
    ind = r.indicators.get(indicator) if indicator else None
    is_pct = m.base_unit == "%"
    group = sent.group(m.start)
    if m.kind == "multiple":
        return "change"
    if m.kind == "ratio_whole":
        return "target" if r.ratio_target.search(s[max(0, m.start - 80) : m.end + 40]) else "other"
    if is_pct and prev is not None and prev.mention.kind == "ratio_whole":
        if r.ratio_share.fullmatch(s[prev.mention.end : m.start]):
            return "share_of_target"
    clause = _clause_start(s, q0, 0)  # the number's own clause, whatever came before it
    top = clause if group < 0 else group + 1
    past = bool(r.actual_marker.search(s[top:q0]))
    if prev is not None and prev.role == "target" and not past:
        between = s[prev.mention.end : q0]
        # "mục tiêu tăng trưởng 10% và giải ngân 100% ...": a coordinated item shares the plan word
        if r.coordination.fullmatch(between) and len(between.split()) <= 6:
            if not r.coordination_breakers.search(between):
                return "target"
    if group >= 0 and r.target_before.match(s[group + 1 : group + 14].lstrip()) and not past:
        return "target"  # "(KH: 10,63%; trong đó, công nghiệp 10,95%, ...)": the whole parenthesis is a plan
    clause_head = " ".join(s[clause:q0].split()[:3])
    if (r.target_before.search(before) or r.target_head.match(clause_head)) and not past:
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
    return "target" if sec.plan and not past else "actual"


def _is_share_of_total(sent: _Sentence, m: Mention) -> bool:
    s = sent.text
    return bool(_rules().share_total_before.search(s[_clause_start(s, m.start, 0) : m.start]))


def _growth_sentence(sent: _Sentence) -> bool:
    inds = _rules().indicators
    return any(inds[a[2]].growth_rate for a in sent.aliases)


def _basis(sent: _Sentence, m: Mention, prev_end: int, next_start: int) -> str | None:
    s = sent.text
    after = s[m.end : next_start]
    for i, ch in enumerate(after):
        # a parenthesis that holds another number speaks of that number
        if ch == "(" and _ANY_DIGIT.search(s[m.end + i : sent.close_of(m.end + i)]):
            after = after[:i]
            break
    after = after.split(";")[0]
    # rules/cues.yaml lists the specific bases (Thủ tướng giao, dự toán Trung ương ...) before the generic plan
    for bid, rx in _rules().basis:
        if rx.search(after):
            return bid
    best = None
    before = s[_clause_start(s, m.start, prev_end) : m.start]
    for bid, rx in _rules().basis:
        hits = list(rx.finditer(before))
        if hits and (best is None or hits[-1].end() > best[0]):
            best = (hits[-1].end(), bid)
    return best[1] if best else None


def _label(sent: _Sentence, m: Mention, next_start: int) -> str | None:
    after = sent.text[m.end : min(next_start, m.end + 40)]
    after = after.split(";", 1)[0]
    for lab, rx in _rules().labels:
        if rx.search(after):
            return lab
    return None


def _period(
    sent: _Sentence, m: Mention, role: str, sec: _Sections, year: int | None, next_start: int
) -> Period | None:
    r = _rules()
    s = sent.text
    semis = [i for i in range(0, m.start) if s[i] == ";" and sent.group(i) < 0]
    top_start = semis[-1] + 1 if semis else 0
    group = sent.group(m.start)
    hi = sent.close_of(group) if group >= 0 else len(s)
    for i in range(m.end, hi):
        if s[i] == ";" and sent.group(i) == group:
            hi = i
            break
    hi = min(hi, next_start)  # a period after the next number speaks of that number
    mentions = [pm for pm in find_periods(s, year) if pm.period]
    if role == "share_of_target":
        # "tỷ lệ giải ngân vốn năm 2026 ... đạt 3,89%": the year names the plan; the share is of the period so far
        mentions = [pm for pm in mentions if pm.kind != "year"]
    if role == "target":
        after = [pm for pm in mentions if m.end <= pm.start and pm.end <= hi]
        if after:
            return after[0].period
    before = [pm for pm in mentions if top_start <= pm.start and pm.end <= m.start]
    if before:
        return before[-1].period
    period = sec.period
    if (
        role == "target"
        and sec.year_targets
        and period is not None
        and (period.start.month, period.end.month) != (1, 12)
    ):
        added = m.base_unit != "%" and r.incremental.search(s[_clause_start(s, m.start, 0) : m.start])
        if not added:
            return whole_year(period.end.year)
    return period


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
    return Figure(**fields)


def _sentence_figures(text: str, block: Block, sec: _Sections, year) -> list[Figure]:
    out = []
    # a figure needs an ASCII digit (numbers.py's cluster): text without one is not split or analysed
    if not _DIGIT.search(text):
        return out
    for _off, sentence in sentences(text):
        if not _DIGIT.search(sentence):
            continue
        sent = _analyse(sentence)
        prev: _Resolved | None = None
        for i, m in enumerate(sent.mentions):
            next_start = sent.mentions[i + 1].start if i + 1 < len(sent.mentions) else len(sentence)
            indicator, subject = _subject(sent, m, prev)
            role = _role(sent, m, prev, indicator, sec)
            ind = _rules().indicators.get(indicator) if indicator else None
            if (
                role == "other"
                and m.base_unit == "%"
                and ind
                and ind.base_unit != "%"
                and _is_share_of_total(sent, m)
            ):
                indicator = None  # "chiếm 10% diện tích" is a share of area, not the area indicator
            res = _Resolved(m, indicator, subject, role)
            period = _period(sent, m, role, sec, year, next_start)
            basis = _basis(sent, m, prev.mention.end if prev else 0, next_start)
            out.append(
                mention_figure(
                    m,
                    sentence,
                    block.location,
                    block,
                    period,
                    indicator=res.indicator,
                    subject=res.subject,
                    role=res.role,
                    basis=basis,
                    label=_label(sent, m, next_start),
                )
            )
            prev = res
    return out


def extract_figures(doc: Document, meta: Metadata) -> tuple[list[Figure], list[Relation]]:
    sec = _Sections(meta)
    figures: list[Figure] = []
    for block in doc.blocks:
        if block.kind == "heading":
            sec.enter(block)
        elif _rules().appendix.match(block.text):
            sec.enter(replace(block, kind="heading", level=1))  # an appendix starts a part of its own
        elif _is_caps_title(block):
            # an upper-case line without a heading style ("PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV") still opens a part
            sec.enter(replace(block, kind="heading", level=heading_level(block.text) or 2))
        if block.kind == "table":
            from .table_figures import table_figures

            figures.extend(table_figures(block, sec, sec.year))
            continue
        figures.extend(_sentence_figures(block.text, block, sec, sec.year))
    figures = [f for f in figures if f.quote[f.char_start : f.char_end] == f.raw]
    from .relations import find_relations

    return figures, find_relations(figures)


def _is_caps_title(block: Block) -> bool:
    if block.kind != "paragraph" or len(block.text.split()) > 25:
        return False
    letters = [ch for ch in block.text if ch.isalpha()]
    return len(letters) >= 12 and all(ch.isupper() for ch in letters)
