"""Subjects for real genres: the noun phrase that names what a number measures.

A count's subject is its counted noun with the words that qualify it (after the number) and the verb phrase
of its clause (before it): "đã tổ chức kiểm tra 42/139 cơ quan, đơn vị" -> "tổ chức kiểm tra cơ quan, đơn
vị"; the agent before an aspect marker ("Sở Nội vụ đã ...") is dropped and a copula takes the noun phrase
before it ("Tổng số hồ sơ đã giải quyết là 125.712 hồ sơ"). A rate takes the noun phrase before its verb
("Tỷ lệ hồ sơ đúng hạn toàn tỉnh đạt 97%") or, when it opens its clause, the one after it ("100% thủ tục
hành chính được công khai"). A figure that only restates the one before ("(tỷ lệ 95,53%)", "(chỉ tiêu đề ra là
100%)") takes its subject; items of a label list ("Về ngành nghề: (1) Kinh tế: 11 ứng viên") take the label and
the list's lead-in; items of a "trong đó" list carry the total's subject. Time adverbials, clause openers and
other numbers are never part of it. Words as data: rules/subjects.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extract.figures.rules import rules
from extract.figures.sentence import Sentence
from extract.language.numbers import Mention
from extract.language.periods import find_periods
from extract.language.subjects import content_words, openers, phrase_words
from extract.language.text import fold

_HARD = regex.compile(r"[;()]|:(?!\d)")
_COMMA = regex.compile(r",")
_DIGIT = regex.compile(r"\d")
_TRAILING_AND = regex.compile(r"(?:\s+(?:và|hoặc))+\s*$", regex.IGNORECASE)
_AFTER_HARD = regex.compile(r"[;()]|:(?!\d)|\.(?:\s|$)")
_AND = regex.compile(r"(?<!\w)(?:và|hoặc)(?!\w)", regex.IGNORECASE)
_ITEM = r"(?:\(?\d{1,2}[.)]|[a-zđ]\)|[-–+*•])"  # a list item's marker: "(1)", "1.", "a)", "- ", "+ "
_ITEM_MARK = regex.compile(rf"^\s*{_ITEM}\s*")
_BLOCK_LABEL = regex.compile(
    rf"^\s*(?:{_ITEM}\s*(?P<label>[^:;()]{{2,80}})|(?P<label>\p{{Lu}}[^:;().]{{1,80}})):\s*(?=[^\s\d])"
)
_MARK = regex.compile(rf"^\s*{_ITEM}")
_LABEL_ITEM = regex.compile(rf"^\s*{_ITEM}\s*[^:;]{{2,120}}:\s*\d")
_WITH = regex.compile(r"(?<!\w)với(?!\w)", regex.IGNORECASE)
_RANGE_GAP = regex.compile(r"\s*(?:đến|tới|-|–)\s*", regex.IGNORECASE)
_SHORT_TAIL = regex.compile(r"\s*(?:[\p{L}]+\s*){1,3}[.;]?\s*")
_COORD = regex.compile(r"\s*(?:,|và)?\s*", regex.IGNORECASE)
_ALIAS_GAP = regex.compile(r"[;()]|:(?!\d)|\.(?:\s|$)")
_MAX_AFTER = 16  # words of qualifiers after a counted noun
_MAX_BEFORE = 10  # words of the verb phrase before a number
_MAX_NP = 24  # words of a noun phrase before a copula or a rate's verb
_MAX_PART = 6
_MAX_CHECKED = 8  # words of a catalogued indicator's subject (warehouse/checks/value_conflict.sql)
_MAX_TOPIC = 4  # words of a topic ("Đối với cấp sở, ...") that still qualifies the sentence's figures
_MAX_SHORT = 6  # content words of a subject short enough to take its block's label  # words of a comma part that still belongs to a noun list ("các sở, ngành")


def _unmark(text: str) -> str:
    """Text without the list mark that opens it ("(1)", "a)", "-", "+")."""
    return _ITEM_MARK.sub(" ", text)


def _checkable(own: str | None, sent: Sentence) -> bool:
    """A subject the cross-checks can use for a catalogued indicator: words of the sentence as written (the
    within-document check reads from the subject to the number) and short (value_conflict.sql compares across
    documents only subjects of at most eight words, longer ones naming a narrower quantity)."""
    if not own or len(own.split()) > _MAX_CHECKED:
        return False
    return fold(own).casefold() in fold(sent.text).casefold()


def _clean(text: str) -> str:
    for rx in openers():
        text = rx.sub(" ", text)
    return " ".join(text.split())


def _mask(sent: Sentence, lo: int, hi: int, m: Mention | None) -> str:
    """Text of [lo, hi) with other numbers and period mentions blanked out."""
    chars = list(sent.text[lo:hi])
    for o in sent.mentions:
        if o is not m:
            for i in range(max(o.start, lo), min(o.end, hi)):
                chars[i - lo] = " "
    for pm in find_periods(sent.text[lo:hi]):
        for i in range(pm.start, pm.end):
            chars[i] = " "
    return "".join(chars)


def _is_list_part(text: str) -> bool:
    """A comma part that continues a noun list ("Tổng số hồ sơ các sở" before ", ngành ..."): short, no
    predicate, no aspect marker, not an opener or a time adverbial."""
    pw = phrase_words()
    words = text.split()
    if not words or len(words) > _MAX_PART or not any(w[0].isalpha() for w in words):
        return False
    if pw.predicates.search(text) or pw.aspect.search(text) or pw.lead_openers.match(text):
        return False
    return _clean(text) == " ".join(words) and not find_periods(text)


def _clause_lo(sent: Sentence, pos: int) -> int:
    """Start of the clause a number at `pos` sits in: after a semicolon, colon, parenthesis or the number
    before, and after a comma unless the part before that comma continues a noun list."""
    s = sent.text
    hard = max((c.end() for c in _HARD.finditer(s, 0, pos)), default=0)
    prev = max((o.end for o in sent.mentions if o.end <= pos), default=-1)
    lo = max(hard, prev)
    commas = [c.end() for c in _COMMA.finditer(s, lo, pos)]
    start = commas[-1] if commas else lo
    for i in range(len(commas) - 1, -1, -1):
        part_lo = commas[i - 1] if i > 0 else lo
        if part_lo == prev or _DIGIT.search(s[part_lo : commas[i]]):
            break  # the words right after a number qualify that number: "07 đơn vị xếp loại Tốt, 05 ..."
        if not _is_list_part(_mask(sent, part_lo, commas[i] - 1, None)):
            break
        start = part_lo
    return start


def _strip_lead_in(text: str) -> str:
    """`text` without the lead-in words and aspect markers it ends with ("đã có", "với", "gồm")."""
    pw = phrase_words()
    while m := pw.lead_in.search(text) or _end_aspect(text):
        text = text[: m.start()].rstrip(" ,")
    return text


def _end_aspect(text: str):
    found = list(phrase_words().aspect.finditer(text))
    return found[-1] if found and not text[found[-1].end() :].strip() else None


def _before(sent: Sentence, m: Mention) -> tuple[str, bool]:
    """(the words of the number's clause before it, whether they end in a copula): the verb phrase
    ("tổ chức kiểm tra") or the noun phrase of a copula, openers, agent and lead-in words dropped."""
    pw = phrase_words()
    start = m.qualifier_span[0] if m.qualifier_span else m.start
    lo = _clause_lo(sent, start)
    text = _clean(_unmark(_mask(sent, lo, start, m)))
    cop = pw.copula.search(text)
    if cop:
        np_text = text[: cop.start()]
        return " ".join(np_text.split()[-_MAX_NP:]), True
    text = _strip_lead_in(text)
    both = list(_AND.finditer(text))
    if both:
        text = text[both[-1].end() :]  # "50 ý kiến thống nhất và 12 ý kiến góp ý": a coordinated count
    asp = list(pw.aspect.finditer(text))
    if asp and text[asp[-1].end() :].strip():
        text = text[asp[-1].end() :]  # "Sở Nội vụ đã tổ chức": the agent is not what is counted
    return " ".join(text.split()[-_MAX_BEFORE:]), False


def _after(sent: Sentence, m: Mention) -> str:
    """The counted noun's qualifiers after the number: up to a semicolon, parenthesis, predicate or the next
    number, through commas that continue a noun list ("cán bộ, công chức, viên chức tham gia ...")."""
    s = sent.text
    pw = phrase_words()
    nxt = min((o.start for o in sent.mentions if o.start >= m.end), default=len(s))
    rest = _mask(sent, m.end, nxt, m)
    cut = _AFTER_HARD.search(rest)
    if cut and cut.group() == ":" and _SHORT_TAIL.fullmatch(rest[cut.end() :]):
        rest = rest[: cut.start()] + " " + rest[cut.end() :]  # "điểm xếp loại: Xuất sắc"
    elif cut:
        rest = rest[: cut.start()]
    elif nxt < len(s) and (both := list(_AND.finditer(rest))) and len(rest[both[-1].end() :].split()) <= 6:
        rest = rest[: both[-1].start()]  # "cho 385 cơ sở và qua ứng dụng ASM cho 119 cơ sở"
    parts = rest.split(",")
    keep = [parts[0]]
    for i, p in enumerate(parts[1:], 1):
        if not _strip_lead_in(p).strip() or pw.predicates.match(p.strip()) or pw.lead_openers.match(p):
            break  # "05 vụ, 04 đối tượng", "hồ sơ, đạt tỷ lệ", "đơn vị, trong đó"
        if i == len(parts) - 1 and nxt < len(s) and not cut:
            break  # ", bồi dưỡng quản lý nhà nước 5.542 người": the next number's own clause
        if find_periods(p) or pw.aspect.search(p):
            break  # ", UBND tỉnh đã ban hành ...": a clause of its own
        keep.append(p)
        if pw.predicates.search(p):
            break  # cut at the predicate below
    rest = ",".join(keep)
    # "7 ứng viên là sinh viên": a copula after the counted noun opens its qualifier, not a predicate
    stop = next((p for p in pw.predicates.finditer(rest) if not pw.copula.match(p.group() + " ")), None)
    rest = rest[: stop.start()] if stop else rest
    rest = " ".join(rest.split()[:_MAX_AFTER]).strip(" ,")
    return _TRAILING_AND.sub("", rest)


def _phrase_after(sent: Sentence, m: Mention) -> str:
    """The noun phrase after a rate that opens its clause ("100% thủ tục hành chính được công khai, ...")."""
    s = sent.text
    nxt = min((o.start for o in sent.mentions if o.start >= m.end), default=len(s))
    rest = s[m.end : nxt]
    cut = _AFTER_HARD.search(rest)
    rest = rest[: cut.start()] if cut else rest
    stop = phrase_words().predicates.search(rest)
    rest = rest[: stop.start()] if stop else rest
    rest = " ".join(rest.split()[:_MAX_NP]).strip(" ,")
    return _TRAILING_AND.sub("", rest)


def _object_after(sent: Sentence, m: Mention, after: str) -> bool:
    """A rate followed by the noun phrase it is a share of, the object of a verb that is not a predicate
    of rates ("hoàn thành 100% kế hoạch", not "đạt 82% kế hoạch" or "đạt 34% trên tổng số")."""
    words = after.split()
    pw = phrase_words()
    if not words or not content_words(words[0]) or pw.predicates.match(after) or pw.restate.fullmatch(after):
        return False  # "hoàn thành 100% kế hoạch đề ra": a share of the plan, not of a noun phrase
    start = m.qualifier_span[0] if m.qualifier_span else m.start
    before = _clean(_mask(sent, _clause_lo(sent, start), start, m))
    return not pw.predicates.search(" ".join(before.split()[-2:]))


def _aspect_cut(text: str) -> str:
    """`text` up to its first aspect marker: "xã, phường đã tổ chức" -> "xã, phường"."""
    asp = phrase_words().aspect.search(text)
    return text[: asp.start()].strip(" ,") if asp else text


def _is_count(m: Mention) -> bool:
    """A count or a bare number ("là 120.088 (tỷ lệ 95,53%)"), not a rate or an amount of money."""
    return m.base_unit != "%" and m.base_unit not in rules().money_units


def _counted(m: Mention) -> bool:
    return bool(m.base_unit) and m.base_unit != "%" and m.base_unit not in rules().money_units


_CUT = regex.compile(r"[,(]")


def _restated(sent: Sentence, m: Mention, done: list) -> str | None:
    """The subject of the figure just before when `m` only restates it: "(tỷ lệ 95,53%)", ", đạt tỷ lệ
    87,2%", "(chỉ tiêu đề ra là 100%)", "(tăng 2.592 cơ sở)"; a share of a count takes "tỷ lệ" before the
    count's subject (the part's, not the whole's, of "61.660/62.089 hồ sơ")."""
    if not done:
        return None
    prev, subj = done[-1]
    if m.kind == "ratio_whole" and prev.kind == "ratio_part" and subj:
        return _aspect_cut(subj)  # "07/13 cơ quan cấp tỉnh đã ...": the whole is the part's noun phrase
    if _counted(m) and m.sign_word:
        same = [d for d in done if (d[0].unit or "").casefold() == (m.unit or "").casefold() and d[1]]
        start = m.qualifier_span[0] if m.qualifier_span else m.start
        clause = _mask(sent, _clause_lo(sent, start), start, m)
        if same and same[-1][0] is not prev and phrase_words().restate.fullmatch(clause):
            return same[-1][1]  # "766 vụ, 1.385 đối tượng, so với cùng kỳ giảm 356 vụ": the change of the 766
    if _counted(m) and ((prev.unit or "").casefold() != (m.unit or "").casefold() or not m.sign_word):
        return None  # a count restates the one before only as its change: "(tăng 2.592 cơ sở)"
    if prev.kind == "ratio_whole" and len(done) > 1 and done[-2][0].kind == "ratio_part":
        subj = done[-2][1]
    if not subj:
        return None
    between = _mask(sent, prev.end, m.start, m)
    pw = phrase_words()
    if ";" in between:
        return None
    if not pw.restate.fullmatch(between):
        # "7.785.689 lượt tra cứu thành công, đạt tỷ lệ 87,2%": past the count's own qualifiers
        cut = _CUT.search(between)
        if cut is None or pw.predicates.search(between[: cut.start()]):
            return None
        if not pw.restate.fullmatch(between[cut.start() :]):
            return None
    if m.base_unit == "%" and _is_count(prev) and pw.share.casefold() not in subj.casefold():
        return f"{pw.share} {subj}"
    return subj


def _coordinated(sent: Sentence, m: Mention, done: list) -> str | None:
    """A count coordinated with the count before it shares that count's qualifiers with its own noun:
    "Tàng trữ trái phép chất ma túy: 422 vụ, 536 đối tượng" -> "đối tượng Tàng trữ trái phép chất ma túy"."""
    if not done or not _counted(m):
        return None
    prev, subj = done[-1]
    if not subj or not _counted(prev) or (prev.unit or "").casefold() == (m.unit or "").casefold():
        return None
    start = m.qualifier_span[0] if m.qualifier_span else m.start
    between = _strip_lead_in(sent.text[prev.end : start])
    comma = between.find(",")
    if comma >= 0 and not phrase_words().predicates.search(between[:comma]):
        between = between[comma:]  # "3.000 vụ ma túy, gần 5.000 đối tượng": past the first count's qualifiers
    if not _COORD.fullmatch(between):
        return None
    if content_words(_after(sent, m)):
        return None  # "36.518 giấy hẹn khám lại đã hiển thị ...": the count names itself
    rest = regex.sub(rf"(?<!\w){regex.escape(prev.unit or '')}(?!\w)", " ", subj, count=1, flags=regex.IGNORECASE)
    return fold(" ".join(p for p in (m.unit or "", " ".join(rest.split())) if p)).strip(" .,;:-–")


def _named_before_paren(sent: Sentence, m: Mention) -> str | None:
    """A count that opens a parenthesis restates the noun phrase before it when that phrase holds its noun:
    "sử dụng số lượng biên chế hành chính (9.548/9.976 biên chế)" -> the phrase before the parenthesis."""
    s = sent.text
    start = m.qualifier_span[0] if m.qualifier_span else m.start
    head = s[:start].rstrip()
    if not head.endswith("(") or not m.unit:
        return None
    paren = len(head) - 1
    lo = _clause_lo(sent, paren)
    text = _strip_lead_in(_clean(_unmark(_mask(sent, lo, paren, m))))
    if not regex.search(rf"(?<!\w){regex.escape(m.unit)}(?!\w)", text, regex.IGNORECASE):
        return None
    asp = list(phrase_words().aspect.finditer(text))
    if asp and text[asp[-1].end() :].strip():
        text = text[asp[-1].end() :]
    return " ".join(text.split()[-_MAX_NP:]) or None


_CLAUSE_MARKS = regex.compile(r"[;:()]")


def _label(sent: Sentence, m: Mention) -> tuple[str, str] | None:
    """(label, lead-in) of a label-list item "Label: 11 ứng viên": the label before the colon right before the
    number, and the lead-in before the sentence's first colon when it is another one."""
    s = sent.text
    start = m.qualifier_span[0] if m.qualifier_span else m.start
    head = s[:start].rstrip()
    if not head.endswith(":") or head.endswith("::"):
        return None
    colon = len(head) - 1
    lo = max((c.end() for c in _CLAUSE_MARKS.finditer(s[:colon])), default=0)
    label = _clean(_unmark(_mask(sent, lo, colon, m))).strip(" ,")
    if not label or not any(c.isalpha() for c in label):
        return None
    first = s.find(":")
    lead = ""
    if 0 <= first < colon:
        lead = phrase_words().lead_openers.sub("", _clean(_unmark(s[:first])))
    return label, " ".join(lead.split()[-_MAX_BEFORE:])


def _rate_np(sent: Sentence, m: Mention, alias: str | None = None) -> str:
    """The noun phrase a rate or amount measures: its clause before the number (from the indicator's name
    when it is in the same clause), openers, agent and lead-in words dropped, cut before the clause's
    predicate ("Tỷ lệ hồ sơ đúng hẹn toàn tỉnh đạt 97%")."""
    pw = phrase_words()
    start = m.qualifier_span[0] if m.qualifier_span else m.start
    lo = _clause_lo(sent, start)
    if alias:
        at = [a[0] for a in sent.aliases if a[3] == alias and a[0] < lo and a[1] <= start]
        if at and not _ALIAS_GAP.search(sent.text, at[-1], start) and not any(
            at[-1] <= o.start < start for o in sent.mentions if o is not m
        ):
            lo = at[-1]  # "Tỷ lệ TTHC thực hiện việc tiếp nhận, trả kết quả ... đạt 100%"
    text = _clean(_unmark(_mask(sent, lo, start, m)))
    text = _strip_lead_in(text)
    pred = pw.predicates.search(text)
    if pred and text[: pred.start()].strip():
        text = text[: pred.start()]
    if pw.restate.fullmatch(text):
        return ""  # "đạt tỷ lệ": no noun of its own
    both = list(_WITH.finditer(text))
    if both and text[both[-1].end() :].strip():
        text = text[both[-1].end() :]  # "... y bác sĩ, với tổng kinh phí thực hiện 7 tỷ đồng"
    return " ".join(_clean(text).split()[:_MAX_NP]).strip(" ,")


def noun_phrase(sent: Sentence, m: Mention, subject: str | None, indicator: str | None,
                total: tuple[Mention, str] | None, done: list | None = None,
                context: ListContext | None = None) -> str | None:
    """The subject of `m`; `subject` is the seed rules' (kept for catalogued indicators), `total` the
    (mention, subject) a "trong đó" list hangs from, `done` the (mention, subject) before it in the sentence,
    `context` the labels and lead-in of the list the sentence belongs to."""
    own = _own_phrase(sent, m, subject, indicator, total, done or [], context)
    if indicator and subject and not _counted(m) and not _checkable(own, sent):
        return fold(subject).strip(" .,;:-–") or None  # the catalogue's name, for warehouse/checks
    topic = phrase_words().topic.match(sent.text)
    if own and topic and len(topic.group("t").split()) <= _MAX_TOPIC and not _DIGIT.search(topic.group("t")):
        t = " ".join(topic.group("t").split())
        if t.casefold() not in own.casefold() and len(content_words(own)) <= _MAX_SHORT:
            own = f"{own} {t}"  # "Đối với cấp sở, có 07 đơn vị xếp loại Xuất sắc"
    heading = context.heading if context else None
    if own and heading and heading.casefold() not in own.casefold() and len(content_words(own)) <= _MAX_SHORT:
        own = f"{own} {context.heading}"  # "- Khu vực kinh tế Nhà nước: Dự tính GTSX CN đạt 111,4 tỷ đồng"
    return own


def _own_phrase(sent: Sentence, m: Mention, subject: str | None, indicator: str | None,
                total: tuple[Mention, str] | None, done: list, context: ListContext | None) -> str | None:
    high = next((o for o in sent.mentions if o.start >= m.end), None)
    if high is not None and (
        (m.kind == "range_low" and high.kind == "range_high")
        or (not m.unit and high.unit and _RANGE_GAP.fullmatch(
            sent.text[m.end : high.qualifier_span[0] if high.qualifier_span else high.start]))
    ):
        m = high  # "Từ 90 đến dưới 100 điểm": the range's subject is its upper end's
    again = _restated(sent, m, done)
    if again:
        return again
    counted = _counted(m)
    shared = _coordinated(sent, m, done)
    if shared:
        return shared
    if indicator and not counted:
        np_text = _rate_np(sent, m, subject)
        own = np_text if subject and fold(subject).casefold() in fold(np_text).casefold() else subject
        if total is None:
            return fold(own).strip(" .,;:-–") or None if own else subject
    elif counted:
        label = _label(sent, m)
        if m.kind == "ratio_whole":
            after = _after(sent, m)
            asp = _aspect_cut(after)
            own = " ".join(p for p in (m.unit or "", asp) if p)  # "42/139 cơ quan": the whole is the noun
        elif label:
            lead = label[1] or (context.lead if context else "") or ""
            own = " ".join(p for p in (m.unit or "", _after(sent, m), label[0], lead) if p)
        elif (named := _named_before_paren(sent, m)) is not None:
            own = named  # "số lượng biên chế hành chính (9.548/9.976 biên chế)"
        else:
            before, copula = _before(sent, m)
            unit = "" if copula and m.unit and m.unit.casefold() in before.casefold() else m.unit or ""
            own = " ".join(p for p in (before, unit, _after(sent, m)) if p)
    else:
        np_text = _rate_np(sent, m)
        after = _phrase_after(sent, m) if m.base_unit == "%" else ""
        if not content_words(np_text) and content_words(after):
            own = after
        elif _object_after(sent, m, after):
            before, _copula = _before(sent, m)  # "hoàn thành 100% kế hoạch đào tạo": the plan is measured
            own = f"{before} {after}".strip()
        else:
            own = np_text or _clean(subject or "") or None
    t_unit = (total[0].unit or "").casefold() if total else ""
    if total is not None and counted and (t_unit == (m.unit or "").casefold() and _after(sent, m) or t_unit == "%"):
        total = None  # "30 đơn vị (gồm 28 Ban ..., 01 đơn vị thuộc Vườn Quốc gia)": the item names itself
    if total is not None and own is not None:
        _t, t_subject = total
        unit = m.unit or ""
        item = own.replace(unit, " ") if unit and _counted(m) else own
        own = f"{t_subject} {' '.join(item.split())}".strip()
    return fold(own).strip(" .,;:-–") or None if own else subject


_SENTENCE_GAP = regex.compile(r"(?<=[.;])\s+")


@dataclass
class ListContext:
    """What a block's figures take from around them: `heading`, the label that opens the block ("- Khu vực
    kinh tế Nhà nước: Dự tính ..."), and `lead`, the lead-in of the list the block is an item of (set by a
    block ending "Tiến hành khởi tố mới: 734 vụ ... Trong đó:", kept while "+ Label: 01 vụ" items follow)."""

    heading: str | None = None
    lead: str | None = None
    lead_mark: str | None = None  # the list mark of the block that set `lead` ("-" before "+" items)

    def enter(self, text: str) -> None:
        """Read a block's text before its figures: its heading label; the list lead-in ends at a non-item."""
        head = _BLOCK_LABEL.match(text)
        self.heading = None
        if (
            head
            and not _DIGIT.search(head.group("label"))
            and len(head.group("label").split()) <= _MAX_PART + 4
            and not phrase_words().lead_openers.match(head.group("label"))
        ):
            label = _clean(head.group("label")).strip(" ,")
            self.heading = label or None
        mark = _MARK.match(text)
        if not _LABEL_ITEM.match(text) or text.rstrip().endswith(":") or (mark and mark.group() == self.lead_mark):
            self.lead = None  # the list ended, or a new lead-in or a sibling of the lead-in block starts

    def leave(self, text: str) -> None:
        """After a block: one that ends in a colon ("... Trong đó:") leads the label items that follow."""
        text = text.strip()
        if not text.endswith(":"):
            return
        pw = phrase_words()
        last = _SENTENCE_GAP.split(text[:-1])[-1]
        lead = pw.lead_openers.sub("", _clean(_unmark(last))).strip(" ,")
        if not content_words(lead) or _DIGIT.search(lead):
            first = text.find(":")
            lead = pw.lead_openers.sub("", _clean(_unmark(text[:first]))).strip(" ,") if first > 0 else ""
        words = lead.split()
        self.lead = " ".join(words[-_MAX_BEFORE:]) if content_words(lead) and not _DIGIT.search(lead) else None
        mark = _MARK.match(text)
        self.lead_mark = mark.group() if mark else None


def is_weak(subject: str | None) -> bool:
    """A subject that names nothing: no content word but one ("so", "Từ", "tăng", "Đối")."""
    return len(content_words(subject)) <= 1


def list_total(sent: Sentence, m: Mention, done: list) -> tuple[Mention, str] | None:
    """The figure a "trong đó"/"gồm" list holding `m` hangs from: the last one before the list's opener."""
    opens = [b for b in sent.breaks if b[1] <= m.start and sent.text[b[0]] != ";"]
    if not opens:
        return None
    b0 = opens[-1][0]
    heads = [(o, subj) for o, subj in done if o.end <= b0 and subj]
    return heads[-1] if heads else None
