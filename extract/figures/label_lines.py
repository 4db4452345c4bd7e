"""Label lines: "+ Đơn vị sự nghiệp thuộc UBND tỉnh: 12 đơn vị" — the label before the colon names what the
numbers right after it count. Items of a list under a labelled line ("- Tiến hành khởi tố mới: 734 vụ ... Trong
đó:" then "+ Tàng trữ trái phép chất ma túy: 395 vụ") carry that line's label too; a breakdown label ("- Khu vực
kinh tế Nhà nước: Dự tính GTSX CN tháng 10 đạt 111,4 tỷ đồng") qualifies the measure its line's clause names;
another block label names the short subjects of its line's first sentence, and a later sentence of a block
can be a label line of its own. The one owner of labels: running text (subjects.py) names no label.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, lru_cache

import regex

from extract import catalog
from extract.figures.lead_ins import lead_in_activity, lead_in_measure, with_lead_in
from extract.figures.rules import rules
from extract.figures.section_context import is_balance
from extract.language.periods import find_periods
from extract.language.sentences import sentences
from extract.language.subjects import (
    content_words,
    cut_phrase,
    measure_phrase,
    measure_units,
    openers,
    phrase_words,
    tidy_subject,
)
from extract.model import Block, Figure

_FLAGS = regex.IGNORECASE | regex.V1
# the colon of a label: never one between digits (14:30) or in a URL
_COLON = regex.compile(r"(?:(?<!\d):|:(?!\d))(?!//)")
_LABEL_WORDS_MAX = 30  # a longer text before a colon is a sentence, not a label
_PARENT_WORDS_MAX = 8  # a list label (or its action) this short is carried to its items ("Tiến hành khởi tố mới")
_QUALIFIER_GAP = regex.compile(r"^\s*(?:\p{L}+\s+){0,2}$")  # "khoảng", "gần", "hơn": a qualified first value
_HEADING_WORDS_MAX = 10  # a block label this short names the short subjects of its line's first sentence
_SHORT_SUBJECT = 6  # content words of a subject short enough to take its line's label
_ACTIVITY_WORDS_MAX = 20  # words of an activity a block label names that still follows its line's short subjects


@cache
def _rules():
    keys = {"breakdown", "not_subject", "scope", "restatement", "topic_openers", "topic_scopes", "topic_fields",
            "conjunctions", "list_openers", "activity_openers", "activity_labels", "numbered_items",
            # read by section_context.py
            "balance_labels", "holder_nouns", "assigned", "body_headings", "sanction_labels", "sanctioned",
            "sanctioned_nouns"}
    data = catalog.with_keys("label_lines", catalog.load("label_lines"), keys)
    try:
        breakdown = regex.compile(r"^(?:" + "|".join(data["breakdown"]) + ")", _FLAGS)
        not_subject = regex.compile("|".join(data["not_subject"]), _FLAGS)
        scope = regex.compile("|".join(data["scope"]), _FLAGS)
        restate = regex.compile(r"^\s*\(\s*(?:" + "|".join(data["restatement"]) + r")\s*$", _FLAGS)
        topic = regex.compile("|".join(data["topic_openers"]), _FLAGS)
        fields = regex.compile(r"^(?:" + "|".join(data["topic_fields"]) + ")", _FLAGS)
        scopes = regex.compile("|".join(data["topic_scopes"]), _FLAGS)
        activity = regex.compile(r"^\s*(?:" + "|".join(data["activity_openers"]) + r")\s*", _FLAGS)
    except regex.error as exc:
        raise catalog.RuleError(f"label_lines.yaml: {exc}") from exc
    return breakdown, not_subject, scope, restate, topic, fields, scopes, activity


@cache
def _activity_labels() -> regex.Pattern:
    """The openers of a block label that names the activity its line counts the results of (label_lines.yaml)."""
    _rules()  # validates the file
    try:
        return regex.compile(r"^\s*(?:" + "|".join(catalog.load("label_lines")["activity_labels"]) + r")\s*", _FLAGS)
    except regex.error as exc:
        raise catalog.RuleError(f"label_lines.yaml activity_labels: {exc}") from exc


@cache
def _numbered_item() -> regex.Pattern:
    """A numbered item's name opening a line, before the line's own label (label_lines.yaml numbered_items)."""
    _rules()  # validates the file
    try:
        return regex.compile(r"(?:" + "|".join(catalog.load("label_lines")["numbered_items"]) + ")", _FLAGS)
    except regex.error as exc:
        raise catalog.RuleError(f"label_lines.yaml numbered_items: {exc}") from exc


@cache
def _list_patterns() -> dict[str, regex.Pattern]:
    """The list-shape patterns, built from the rule file's conjunctions and list openers."""
    _rules()  # validates the file
    data = catalog.load("label_lines")
    try:
        conj = "|".join(data["conjunctions"])
        # "- ", "+ ", "a) ", "1. ", "1.2. ", "* ": the list marker before a label (after "và", "hoặc")
        marker = regex.compile(
            rf"^\s*(?:(?:{conj})\s+)?(?P<m>[-–+*•]|[a-zđ]\)|\(\d{{1,2}}\)|\d{{1,2}}(?:\.\d{{1,2}})*[.)])?\s*")
        # what may stand between two numbers of one value list: "05 vụ, 04 đối tượng", "18/100 điểm", "12 và 14"
        gap = regex.compile(rf"^\s*(?:[,;/]|{conj})?\s*$", _FLAGS)
        # where an inline list's next item starts: after a ";", or before its number marker (", và (3) Thủy sản:")
        item_cut = regex.compile(rf";|\s(?=(?:(?:{conj})\s+)?\(\d{{1,2}}\)\s*\p{{L}})")
        # a line opening a list: it ends with a colon, after "trong đó", "cụ thể", "gồm" or anything else
        openers_ = "|".join(rf"\b{w}" for w in data["list_openers"])
        # ("Trong đó;" with a semicolon for its colon still opens the list)
        end = regex.compile(rf"(?:(?:{openers_})\s*[:;]|:)\s*$", _FLAGS)
        # a clause with a count before "trong đó:", "gồm:" ("nhận 900 đơn thư (...), trong đó: 850 đơn thư ...")
        count_list = regex.compile(rf"\d.*(?:{openers_})\W*$", _FLAGS)
    except regex.error as exc:
        raise catalog.RuleError(f"label_lines.yaml: {exc}") from exc
    return {"marker": marker, "gap": gap, "item_cut": item_cut, "end": end, "count_list": count_list}


def _list(name: str) -> regex.Pattern:
    return _list_patterns()[name]


def _action(label: str) -> str:
    """What a list label says was done to its items: all of a short label, the words after the place
    adverbial of a long one ("... trên toàn tỉnh phát hiện, bắt giữ" -> "phát hiện, bắt giữ"), else nothing."""
    if len(label.split()) <= _PARENT_WORDS_MAX:
        return label
    places = list(_rules()[2].finditer(label))
    tail = label[places[-1].end() :].strip(" ,") if places else ""
    tail = _NAME_HEAD.sub("", tail)  # "trên địa bàn tỉnh Hòa Bình đã cấp": the place's name goes with it
    return tail if 0 < len(tail.split()) <= _PARENT_WORDS_MAX else ""


_SEMI = regex.compile(";")
_NAME_HEAD = regex.compile(r"^(?:\p{Lu}[\p{L}]*\s+)+(?=\p{Ll})")  # capitalised words opening a text, then lower case


@dataclass(frozen=True)
class Line:
    marker: str  # the list marker ("-", "+", "a)", "") of the line
    label: str  # the label, cleaned: no marker, no opener, no period
    colon: int  # offset in the block text just after the label's colon
    raw: str = ""  # the label as written


def _clean(text: str) -> str:
    """The label without time adverbials and periods ("quý 3/2025"), clause openers and outer punctuation."""
    for pm in sorted(find_periods(text), key=lambda pm: -pm.start):
        text = text[: pm.start] + " " + text[pm.end :]
    for rx in openers():
        text = rx.sub(" ", text)
    text = _rules()[4].sub("", text.strip())
    return " ".join(text.split()).strip(" ,;.-–")


_NOT_LABEL = regex.compile(r"[;!?]|\.\s")  # a sentence, not a label, stands before the colon


@lru_cache(maxsize=4096)
def parse_line(text: str) -> Line | None:
    """The label of a "label: ..." line, or None when the text before its first colon is no label (remembered:
    the prose and the label passes read each sentence; emptied per document by `forget`)."""
    mm = _list("marker").match(text)
    item = _numbered_item().match(text, mm.end())
    if item is not None:  # "- Chỉ tiêu 3: Số xã có ...: 135 xã": the label after the item's number, when there is one
        own = _label_from(text, item.end(), mm["m"] or "")
        if own is not None:
            return own
    return _label_from(text, mm.end(), mm["m"] or "")


def _label_from(text: str, start: int, marker: str) -> Line | None:
    """The label from `start` to the next colon, or None when that text is no label."""
    cm = _COLON.search(text, start)
    if cm is None:
        return None
    raw = text[start : cm.start()]
    if not raw.strip() or len(raw.split()) > _LABEL_WORDS_MAX or _NOT_LABEL.search(raw) or _in_parenthesis(raw):
        return None
    label = _clean(raw)
    if not content_words(label) or _rules()[1].match(label):
        return None
    return Line(marker, label, cm.end(), raw)


def _in_parenthesis(raw: str) -> bool:
    """Whether the colon after `raw` stands inside a parenthesis `raw` opens: "Số người có mặt là 8.429 (cấp tỉnh:
    2.821, ...)" labels a part of the figure before it, not the line."""
    return raw.count("(") > raw.count(")")


def forget() -> None:
    """Empty parse_line's memory: called per document, as numbers.forget."""
    parse_line.cache_clear()


def names_role(label: str) -> bool:
    """Whether `label` names a role or a period, not what is counted (label_lines.yaml not_subject: "KH", "Cùng
    kỳ"): no label of a line, nor a part of the figure before a parenthesis it opens ("(KH: 9.950 tỷ đồng)")."""
    return bool(_rules()[1].match(_clean(label)))


def is_breakdown(line: Line) -> bool:
    """Whether the label names one part of a breakdown ("Khu vực Trà Vinh", "Cấp xã"): it qualifies what the
    clause after it names, which keeps its own subject (and the topics in force that complete it)."""
    return bool(_rules()[0].match(line.label))


def opens_count_list(line: Line) -> bool:
    """Whether the "label" is a clause with a count that opens a list of its parts ("nhận 900 đơn thư (...), trong
    đó: 850 đơn thư ..."): its items are parts of that count (subjects.list_total), not values of a label."""
    return bool(_list("count_list").search(line.raw))


@cache
def _item_of_count() -> regex.Pattern:
    """A count, then a list opener and the words of one item ("hiện còn 30 sinh viên ..., trong đó, Trường A")."""
    _rules()  # validates the file
    openers_ = "|".join(rf"\b{w}" for w in catalog.load("label_lines")["list_openers"])
    return regex.compile(rf"\d.*(?:{openers_})[\s,]+\p{{L}}", _FLAGS)


def names_item_of_count(line: Line) -> bool:
    """Whether the "label" runs from a clause with a count through its list opener into one item ("hiện còn 30
    sinh viên đang theo học, trong đó, Trường A: 13 sinh viên"): the value after the colon is a part of that count
    (subjects.list_total names it from the count's subject), which the item's words qualify."""
    return bool(_item_of_count().search(line.raw))


def _count_items(block: Block, off: int, line: Line, idx: list[int], out: list[Figure]) -> None:
    """The values after the colon of a count's list item (names_item_of_count) keep their subject, the count's,
    and take the item's words: "..., trong đó, Trường A: 13 sinh viên" -> "<the count's subject> Trường A"."""
    found = list(_item_of_count().finditer(line.raw, overlapped=True))
    last = max((m.end() - 1 for m in found), default=-1)
    item = _clean(line.raw[last:]) if last >= 0 else ""
    if not item or not idx:
        return
    placed = _offsets(block, [out[i] for i in idx])
    values = {id(f) for f in _value_list(block.text, off + line.colon, placed)}
    for i in idx:
        if id(out[i]) in values:
            out[i] = replace(out[i], subject=_join(out[i].subject or "", item))


def _offsets(block: Block, figures: list[Figure]) -> list[tuple[int, int, Figure]]:
    """(start, end, figure) of the block's figures in the block's own text, in text order."""
    out, seen = [], {}
    for f in figures:
        at = block.text.find(f.quote, seen.get(f.quote, 0))
        if at < 0:
            at = block.text.find(f.quote)
        if at < 0:
            continue
        out.append((at + f.char_start, at + f.char_end, f))
    return sorted(out, key=lambda x: x[0])


def _value_list(text: str, colon: int, placed) -> list[Figure]:
    """The figures of the value list right after the colon: "12 đơn vị", "05 vụ, 04 đối tượng"."""
    out: list[Figure] = []
    end = colon
    for start, stop, f in placed:
        if start < colon:
            continue
        gap = text[end:start]
        ok = (_list("gap").match(gap) or (not out and f.qualifier and _QUALIFIER_GAP.match(gap))
              or (out and _names_last(gap, out[-1])))
        if not ok:
            if out and f.unit == "%" and _rules()[3].match(gap):
                out.append(f)  # "11 ứng viên (chiếm 32,36% ...)": the share of the value just listed
            break
        out.append(f)
        end = stop
    return out


_ITEM_END = regex.compile(r"^(?P<words>[^\d;:.()]*?)\s*[,;]\s*$")


def _names_last(gap: str, last: Figure) -> bool:
    """Whether `gap` is the rest of the last listed value's own noun phrase and a separator: "23kg ma túy tổng hợp;
    78 viên thuốc lắc" lists on past "ma túy tổng hợp;", which that value's subject holds."""
    m = _ITEM_END.match(gap)
    words = set(content_words(m["words"])) if m else set()
    return bool(words) and words <= set(content_words(last.subject))


@cache
def _count_opener() -> regex.Pattern:
    """A label opening with a count word (rules/numbers.yaml `count_words`): "Số hoàn thành cai nghiện ..."."""
    words = "|".join(regex.escape(w) for w in sorted(catalog.load("numbers")["count_words"], key=len, reverse=True))
    return regex.compile(rf"(?:{words})\s", _FLAGS)


def _counts_unnamed(label: str) -> bool:
    """Whether a label whose value has no unit counts without naming what ("Số hoàn thành cai nghiện ...": a
    listed noun after the count word would have given the value its unit, numbers.count_words)."""
    return _count_opener().match(label) is not None


def _counted(f: Figure) -> str:
    """The counted noun of `f` ("đơn vị" of "12 đơn vị"); none for %, money and bare numbers."""
    u = f.unit or ""
    if not u or u == "%" or f.base_unit in rules().money_units or "/" in u:
        return ""
    return u


def _own_noun(f: Figure) -> str:
    """A listed value's counted noun with the words that qualify it after the number, as running text named
    it ("23,2584kg ma túy tổng hợp" -> "kg ma túy tổng hợp"), else its counted noun alone; a unit of physical measure
    alone names nothing ("- Công nghiệp: 1.542,36 triệu kWh": what is measured is the label's, not "triệu kWh")."""
    unit = _counted(f)
    subj = " ".join((f.subject or "").split())
    measured = (f.base_unit or "").casefold() in measure_units()
    if unit and subj.casefold().startswith(unit.casefold()) and (not measured or content_words(subj[len(unit):])):
        return subj
    return "" if measured else unit


def _rate_noun(text: str, placed, f: Figure) -> str:
    """The noun phrase a rate opening its clause names right after it ("Về nước sạch: 96% hộ gia đình được sử
    dụng nước sạch"): its own subject when the text after the number begins with it, else none."""
    if f.unit != "%" or not f.subject:
        return ""
    end = next((e for _s, e, g in placed if g is f), -1)
    first = f.subject.split()[0].casefold()
    after = text[end:].split() if end >= 0 else []
    if after and after[0].casefold() == first:
        return f.subject
    return _clause_after(text, end, placed) if end >= 0 else ""


_AFTER_STOP = regex.compile(r"[;()]|:(?!\d)|\.(?:\s|$)")
_MAX_RATE_NOUN = 24  # words of the noun phrase a rate opening its clause names


def _clause_after(text: str, end: int, placed) -> str:
    """The noun phrase with its verb right after a rate that opens its clause, up to a stop, a predicate or the
    next number ("c) Việc thanh toán không dùng tiền mặt: 100% TTHC có yêu cầu nghĩa vụ tài chính được triển khai
    thanh toán trực tuyến; ..."); "" when no noun follows (a predicate, a restatement, a comparison)."""
    pw = phrase_words()
    nxt = min((s for s, _e, _f in placed if s >= end), default=len(text))
    rest = text[end:nxt]
    stops = [x.start() for x in (_AFTER_STOP.search(rest), pw.predicates.search(rest)) if x]
    rest = " ".join(rest[: min(stops)].split() if stops else rest.split()).strip(" ,")
    words = rest.split()
    if not words or not words[0][0].isalpha() or not content_words(words[0]) or pw.restate.fullmatch(rest):
        return ""
    return pw.trailing_coordinators.sub("", cut_phrase(rest, _MAX_RATE_NOUN)).strip(" ,")


_CLAUSE_END = regex.compile(r"[.;:]")


def _measure(text: str, colon: int, placed) -> str:
    """What the clause after a breakdown label measures: its words before the first stop verb, no period."""
    first = next((s for s, _e, _f in placed if s >= colon), len(text))
    clause = text[colon:first]
    stop = rules().stops.search(clause)
    clause = clause[: stop.start()] if stop else clause
    return _clean(_CLAUSE_END.split(clause)[0])


def _join(head: str, label: str, tail: str = "") -> str:
    """head + label + tail, leaving out a head or tail whose words the rest already says."""
    def says(part: str, *others: str) -> bool:
        return set(content_words(part)) <= set(content_words(" ".join(others)))

    head = "" if head and says(head, label, tail) else head
    tail = "" if tail and says(tail, head, label) else tail
    return " ".join(p for p in (head, label, tail) if p)


def _inline_items(text: str, line: Line, placed) -> list[tuple[Line, list[Figure]]]:
    """The items of a list run inline after its label: "Về ngành nghề: (1) Kinh tế: 11 ứng viên; (2) Nông
    nghiệp: 07 ứng viên" -> [(Kinh tế, [11]), (Nông nghiệp, [07])]; empty unless two items or more."""
    cuts = [line.colon]
    for m in _list("item_cut").finditer(text, line.colon):
        # parentheses opened minus closed before the cut, counted only where a cut is: not per character
        if text.count("(", 0, m.start()) - text.count(")", 0, m.start()) <= 0:
            cuts.append(m.end())
    items = []
    for a, b in zip(cuts, cuts[1:] + [len(text)], strict=True):
        item = parse_line(text[a:b])
        values = _value_list(text, a + item.colon, placed) if item else []
        if item and values:
            items.append((item, values))
    return items if len(items) >= 2 else []


def label_subjects(blocks: list[Block], figures: list[Figure]) -> list[Figure]:
    """`figures` with the subjects their label lines give (other figures unchanged, order kept)."""
    by_loc: dict[str, list[int]] = {}
    for i, f in enumerate(figures):
        by_loc.setdefault(f.location, []).append(i)
    out = list(figures)
    parent: Line | None = None
    total: tuple[Line, str] | None = None  # a line opening a list with a count of a noun: its items count it too
    sibling: tuple[str, str] | None = None  # (marker, counted noun) of the last label line's values
    last_measure = ""
    activity: tuple[str, str] | None = None  # (marker, activity) of a list's lead-in "- Công tác X:"
    lead_in = ""  # the activity of an unmarked lead-in ("Kết quả kiểm tra ... như sau:") its marked items take
    measured = ""  # the measure of an unmarked lead-in ("Dư nợ một số chương trình ...:") its label lines' values are of
    for block in blocks:
        if block.kind == "heading" or block.kind == "table":
            parent, last_measure, total, activity, lead_in, sibling, measured = None, "", None, None, "", None, ""
            continue
        lead_in = _unmarked_lead_in(block, by_loc.get(block.location, []), lead_in, out)
        measured = _measure_in_force(block, by_loc.get(block.location, []), measured)
        line = parse_line(block.text)
        idx = by_loc.get(block.location, [])
        if line is not None and names_item_of_count(line):
            _count_items(block, 0, line, idx, out)  # "Có 120 học viên, trong đó, Trường A: 70 học viên, ..."
            line = None
        activity = _activity_in_force(block, line, idx, activity, out)
        _sentence_labels(block, idx, out)
        if line is None:
            parent, total, sibling = None, None, None
            subj = next((out[i].subject for i in idx if out[i].subject), None)
            last_measure = subj or last_measure
            continue
        if parent is not None and line.marker == parent.marker:
            parent = None  # a sibling of the parent ends its list
        if total is not None and line.marker == total[0].marker:
            total = None
        placed = _offsets(block, [out[i] for i in idx])
        values = _value_list(block.text, line.colon, placed)
        if opens_count_list(line):
            values = []  # the items of a count's "trong đó:" list are parts of that count (subjects.list_total)
        before: dict[int, str | None] = {}  # index -> subject of each figure a label renames
        ids = {id(f) for f in values}
        inline = [] if values else _inline_items(block.text, line, placed)
        if inline:
            action = _action(line.label)
            for item, vals in inline:
                head = next((c for f in vals if (c := _counted(f))), "")  # a restated share: the value's noun
                for f in vals:
                    i = next(i for i in idx if out[i] is f)
                    before[i] = f.subject
                    out[i] = replace(f, subject=_join(head, item.label, action))
        elif values:
            above = _action(parent.label) if parent is not None else measured  # "Dư nợ ... :" over "- Cho vay hộ nghèo:"
            head = next((c for f in values if (c := _counted(f))), "")
            act = _action(line.label) or line.label  # "... trên toàn tỉnh phát hiện, bắt giữ: 766 vụ"
            label = tidy_subject(act) or act  # "trên địa bàn toàn tỉnh ... đã thu nhận:": the report's own territory
            for i in idx:
                # the act's aspect marker is read before tidy_subject, which drops one opening a subject ("đã thu nhận")
                if id(out[i]) in ids and (_whole_of_act(out[i], act) or _measured_in_label(out[i], label)):
                    before[i] = out[i].subject  # kept, and no restatement of the part it is the whole of
                elif id(out[i]) in ids:
                    if total is not None and out[i].unit is None:
                        # "* Tổng số người nghiện: 1974. Trong đó:" then "- Số đang ở ngoài xã hội: 83": a part
                        # of the total counts the total's noun
                        out[i] = replace(out[i], unit=total[1], base_unit=total[1])
                    elif sibling is not None and sibling[0] == line.marker and out[i].unit is None and (
                            _counts_unnamed(line.label)):
                        # "* Tổng số người bị quản lý sau cai: 933." then "* Số hoàn thành cai nghiện ...: 0.": a
                        # sibling count naming no noun counts the noun its siblings count
                        out[i] = replace(out[i], unit=sibling[1], base_unit=sibling[1])
                    own = _own_noun(out[i]) or _rate_noun(block.text, placed, out[i]) or (
                        head if out[i].unit == "%" else "")
                    before[i] = out[i].subject
                    out[i] = replace(out[i], subject=_join(own, label, above))
            if _list("end").search(block.text.rstrip(" .")):
                if _action(line.label):
                    parent = line
                if head:
                    total = (line, head)
            sibling = (line.marker, head) if head else None
        elif _rules()[0].match(line.label):
            measure = _measure(block.text, line.colon, placed) or last_measure
            last_measure = measure
            for i in idx:
                start = next((s for s, _e, f in placed if f is out[i]), -1)
                if start < line.colon:
                    continue
                own = out[i].subject or ""
                if _counted(out[i]) and set(content_words(own)) - set(content_words(_counted(out[i]))):
                    # "- Khu vực A: hiện còn 30 sinh viên đang theo học": the part qualifies the counted noun
                    out[i] = replace(out[i], subject=_join(own, line.label))
                else:
                    out[i] = replace(out[i], subject=_join(measure, line.label))
        elif _is_heading(line):
            for i, label in _part_labels(block.text, line, _first_sentence(block.text, line.colon, placed, idx, out),
                                         placed, out):
                if _is_short(out[i].subject, label) or _names_place(out[i].subject, label):
                    out[i] = replace(out[i], subject=f"{out[i].subject} {label}")
            _later_sentences(block.text, line, placed, idx, out)
        elif topic := _topic(line):
            at = {id(f): s for s, _e, f in placed}
            for i in idx:
                subj = out[i].subject
                if subj and at.get(id(out[i]), -1) >= line.colon and _names_none(subj, topic, out[i]):
                    out[i] = replace(out[i], subject=f"{subj} {topic}")
        elif activity_label := _inline_activity(line):
            _name_by_activity(block.text, line, activity_label, placed, idx, out)
        if values or inline:
            _restatements(before, out, idx)
    return out


def _unmarked_lead_in(block: Block, idx: list[int], lead_in: str, out: list[Figure]) -> str:
    """The items (blocks with a list marker) under a paragraph with none that names an activity and ends with a colon
    take that activity (antecedents.with_lead_in); a block with no marker ends them. Returns the activity in force
    after `block`."""
    if lead_in and (_list("marker").match(block.text)["m"] or block.kind == "list_item"):
        for i in idx:
            out[i] = replace(out[i], subject=with_lead_in(out[i].subject, lead_in, out[i]))
        return lead_in
    return "" if idx or block.kind == "list_item" else lead_in_activity(block.text)


def _measure_in_force(block: Block, idx: list[int], measured: str) -> str:
    """The measure of an unmarked lead-in (lead_ins.lead_in_measure) in force after `block`: kept over the marked
    items under it, ended by a block with no marker."""
    if measured and (_list("marker").match(block.text)["m"] or block.kind == "list_item"):
        return measured
    return "" if idx or block.kind == "list_item" else lead_in_measure(block.text)


def _activity_in_force(block: Block, line: Line | None, idx: list[int], activity: tuple[str, str] | None,
                       out: list[Figure]) -> tuple[str, str] | None:
    """The activity a list's lead-in names ("- Công tác truy nã tội phạm:" -> "truy nã tội phạm") follows the
    short subjects of the items under it ("+ Kỳ trước chuyển qua 06 đối tượng."); a block with the lead-in's own
    marker (or none) ends the list. Returns the activity in force after `block`."""
    marker = _list("marker").match(block.text)["m"] or ""
    if activity is not None and (not marker or marker == activity[0]):
        activity = None
    if activity is not None:
        for i in idx:
            subj = out[i].subject
            # a ratio's whole counts all there are, not those the activity reached; a subject that names a word of
            # the activity chose its own; a balance ("Kỳ trước chuyển qua 06 đối tượng") is of the activity's
            # register however long its subject
            short = _is_short(subj, activity[1]) or (bool(subj) and is_balance(out[i]))
            if subj and out[i].kind != "ratio_whole" and short and not set(
                    content_words(activity[1])) & set(content_words(subj)):
                out[i] = replace(out[i], subject=f"{subj} {activity[1]}")
    opener = _rules()[7].match(line.raw) if line is not None and not idx else None
    if opener and block.text.rstrip().endswith(":") and marker:
        name = line.raw[opener.end() :].strip(" ,")
        if 0 < len(name.split()) <= _PARENT_WORDS_MAX:
            return marker, name
    return activity


def _inline_activity(line: Line) -> str:
    """The activity a block label names with an activity opener ("- Công tác cai nghiện tại cộng đồng: đã lập 05
    điểm ..."): the label without its opener, when short; "" for other labels."""
    opener = _activity_labels().match(line.raw)
    name = line.raw[opener.end() :].strip(" ,") if opener else ""
    return name if 0 < len(name.split()) <= _ACTIVITY_WORDS_MAX else ""


def _name_by_activity(text: str, line: Line, activity_label: str, placed, idx: list[int], out: list[Figure]) -> None:
    """The short subjects of the line's first sentence take what the activity of its label names beyond them:
    "- Công tác cai nghiện tại cộng đồng: Đã lập 05 điểm" -> "điểm cai nghiện tại cộng đồng"; a subject that
    names words of the activity takes only the words the label writes after the last of them."""
    label_words = [(w.group(), w.end()) for w in regex.finditer(r"[\p{L}\p{N}]+", activity_label)]
    for i in _first_sentence(text, line.colon, placed, idx, out):
        subj = out[i].subject
        if not subj or out[i].kind == "ratio_whole" or len(content_words(subj)) > _SHORT_SUBJECT:
            continue
        own = set(content_words(subj))
        shared = [end for w, end in label_words if w.casefold() in own]
        more = activity_label[shared[-1] :] if shared else activity_label
        if set(content_words(more)) - own:
            out[i] = replace(out[i], subject=" ".join(f"{subj} {more.strip(' ,')}".split()))


_LETTER = regex.compile(r"\p{L}")


def _sentence_labels(block: Block, idx: list[int], out: list[Figure]) -> None:
    """A later sentence of a block that is a label line of its own ("... giảm 312 vụ. Tang vật thu giữ:
    23,2584kg ma túy tổng hợp; 78 viên thuốc lắc"): its label names the values right after its colon."""
    if not idx:
        return
    placed = None
    for off, sent in sentences(block.text):
        if not _LETTER.search(block.text, 0, off):
            continue  # the block's first sentence, or the one after its list marker alone ("3. Dự kiến ...: 14.200 hộ")
        line = parse_line(sent)
        if line is not None and names_item_of_count(line):
            _count_items(block, off, line, idx, out)
            continue
        if line is None or opens_count_list(line):
            continue
        placed = placed if placed is not None else _offsets(block, [out[i] for i in idx])
        values = {id(f) for f in _value_list(block.text, off + line.colon, placed)}
        label = _action(line.label) or line.label
        for i in idx:
            if id(out[i]) in values and not _measured_in_label(out[i], label):
                out[i] = replace(out[i], subject=_join(_own_noun(out[i]), label))


def _part_labels(text: str, line: Line, ids: list[int], placed, out: list[Figure]) -> list[tuple[int, str]]:
    """(index, label) of the figures `ids` of a block label's sentence: a semicolon part that opens with a block
    label of its own ("Lâm Đồng (cũ): ... 22/51 xã; Bình Thuận (cũ): ... 45/45 xã") gives its figures its label."""
    at = {id(f): s for s, _e, f in placed}
    cuts = [(line.colon, line.label)]
    for semi in _SEMI.finditer(text, line.colon):
        part = parse_line(text[semi.end() :])
        if part is not None and _is_heading(part):
            cuts.append((semi.end() + part.colon, part.label))
    return [(i, next(lab for pos, lab in reversed(cuts) if pos <= at.get(id(out[i]), -1) or pos == line.colon))
            for i in ids]


def _later_sentences(text: str, line: Line, placed, idx: list[int], out: list[Figure]) -> None:
    """A block label that names a group or a policy ("(5) Chính sách thuê nhà: ... . Giai đoạn 2022-2025, ... với
    tổng kinh phí thực hiện 900 triệu đồng.") holds for the whole block, not its first sentence only: the short
    subjects of the later sentences that name none of its words take it."""
    first = set(_first_sentence(text, line.colon, placed, idx, out))
    at = {id(f): s for s, _e, f in placed}
    for i in idx:
        subj = out[i].subject
        if i in first or at.get(id(out[i]), -1) < line.colon or not _is_short(subj, line.label):
            continue
        if not set(content_words(subj)) & set(content_words(line.label)):
            out[i] = replace(out[i], subject=f"{subj} {line.label}")


def _names_place(subject: str | None, label: str) -> bool:
    """A block label that is a proper name ("Lâm Đồng (cũ)", "Huyện Bảo Lâm"): the place of every figure of its
    line, however long the subject; False when the subject names it already."""
    words = regex.sub(r"\([^()]*\)", " ", label).split()
    return bool(subject) and bool(words) and all(w[0].isupper() for w in words) and (
        label.casefold() not in subject.casefold())


def _is_heading(line: Line) -> bool:
    """A block label that names a group ("- Khu vực doanh nghiệp: Doanh thu tháng 5 đạt ..."): short, no
    number, not an activity or a topic ("Về ...", "Kết quả ...", "Công tác ...")."""
    return (
        len(line.label.split()) <= _HEADING_WORDS_MAX
        and not regex.search(r"\d", line.label)
        and not phrase_words().lead_openers.match(line.raw)
    )


_COUNT = regex.compile(r"^\s*[\d.,]+\s+")


def _topic(line: Line) -> str:
    """The thing a scope label ("- Đối với 11 dịch vụ công thiết yếu của ngành Công an:", "Riêng cấp xã:") says its
    line is about: its noun phrase without the opener or a count in front; it qualifies what the line's figures
    count ("tiếp nhận 600 hồ sơ" -> "hồ sơ ... dịch vụ công thiết yếu của ngành Công an"). "" for other labels."""
    if not _rules()[6].match(line.raw.strip()) or regex.search(r"\d", _COUNT.sub("", line.label)):
        return ""
    label = _COUNT.sub("", line.label)
    if _rules()[5].match(label):
        return ""  # "Đối với lĩnh vực cải cách thể chế:": a field of work, not an owner of what is counted
    return label if 0 < len(label.split()) <= _HEADING_WORDS_MAX else ""


def _names_none(subject: str, topic: str, f: Figure) -> bool:
    """Whether `subject` names none of `topic` besides the figure's counted noun: a subject that names a part of
    it already chose its own words ("hồ sơ đăng ký khai sinh" under "Đối với dịch vụ liên thông khai sinh")."""
    noun = set(content_words(_counted(f)))
    return not (set(content_words(subject)) & set(content_words(topic))) - noun or _misses_end(subject, topic)


def _misses_end(subject: str, topic: str) -> bool:
    """Whether `subject` holds the head word of `topic` but not its last word: a noun phrase's last words are its
    narrowest qualifiers ("dịch vụ công thiết yếu của các sở, ban, ngành"), so a subject that shares only its
    head ("hồ sơ trên cổng dịch vụ công") names another thing of that kind."""
    words, own = content_words(topic), set(content_words(subject))
    return len(words) > 1 and words[0] in own and words[-1] not in own


def _first_sentence(text: str, colon: int, placed, idx: list[int], out: list[Figure]) -> list[int]:
    """Indexes (into `out`) of the figures after the colon in the sentence that holds it."""
    end = next((off + len(sent) for off, sent in sentences(text) if off + len(sent) > colon), len(text))
    at = {id(f): s for s, _e, f in placed}
    return [i for i in idx if colon <= at.get(id(out[i]), -1) < end]


def _is_short(subject: str | None, label: str) -> bool:
    """A subject that names too little on its own and does not hold the label yet."""
    return bool(subject) and label.casefold() not in subject.casefold() and (
        len(content_words(subject)) <= _SHORT_SUBJECT)


def _restatements(before: dict[int, str | None], out: list[Figure], idx: list[int]) -> None:
    """Figures of the block that restated a labelled value ("734 vụ, ... giảm 312 vụ (734/1046)") had its
    subject before the label named it: they take the value's new subject."""
    renamed = {old: out[i].subject for i, old in before.items() if old and out[i].subject != old}
    renamed.update(_shares_renamed(renamed))
    for i in idx:
        if i not in before and out[i].subject in renamed:
            out[i] = replace(out[i], subject=renamed[out[i].subject])


def _shares_renamed(renamed: dict[str, str]) -> dict[str, str]:
    """The share of a renamed value ("tỷ lệ" + its old subject: ", đạt tỷ lệ 94,6%") takes "tỷ lệ" + the new one."""
    share = phrase_words().share
    return {f"{share} {old}": f"{share} {new}" for old, new in renamed.items()
            if new and not new.casefold().startswith(share.casefold() + " ")}


def _measured_in_label(f: Figure, label: str) -> bool:
    """An amount under a label that is a clause naming its measure after an agent and its verbs ("Sở Nội vụ thống
    nhất hạ xuống mức hỗ trợ đào tạo sau đại học ..., cụ thể: 50.000.000 đồng"): running text already named it by
    that measure (subjects.with_measure_noun) and keeps its subject; the clause names no part."""
    if _counted(f) or f.base_unit in (None, "%") or not f.subject:
        return False
    measure = measure_phrase(label)
    return measure is not None and set(content_words(measure)) <= set(content_words(f.subject))


def _whole_of_act(f: Figure, label: str) -> bool:
    """The whole of a ratio under a label that states an act ("đã thu nhận tài khoản: 2.775/2.935 công dân"): it
    counts all there are, not those the act reached, and keeps its own subject."""
    return f.kind == "ratio_whole" and phrase_words().aspect.search(label) is not None
