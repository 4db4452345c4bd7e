"""Real-genre attribution from the spaCy layer's cue spans: rules and parameters (`norm`), parts of a whole
(`share`), plans, orders and forecasts (`target`), excesses over plan (`change`), and stocks as of a date
(`point_in_time`). Applied after the seed rules of attribution.py, which stay as they were measured.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import regex

from extract.catalog import RuleError, load
from extract.figures.attribution import (
    in_rate_name,
    kpi_in_brackets,
    opens,
    own_period,
    present_state,
    section_period,
    sentence_lead,
)
from extract.figures.rules import rules
from extract.figures.sections import Sections
from extract.figures.sentence import Resolved, Sentence, clause_start
from extract.figures.subjects import class_threshold, without_openers
from extract.language.nlp import cue_phrases, cue_spans, may_match
from extract.language.numbers import Mention, is_decrease
from extract.language.periods import (
    as_of_not_after,
    base_period,
    date_at,
    find_periods,
    lead_words,
    period_label,
    year_of,
)
from extract.language.subjects import WHOLE_WORD, context_words, word_alternation
from extract.model import Period

_COUNT_BEFORE = regex.compile(r"[0-9][^\S\n]*\Z")
_LIST_MARKS = regex.compile(r"[\s\-–+*•]*(?:[a-zđ0-9]{1,2}[.)][^\S\n]+)?")
_LABEL = regex.compile(r"[^\W\d][\w ,]{0,40}?:[^\S\n]*")  # "Giải pháp khắc phục: "
_PUNCT = regex.compile(r"[,;:()]")
_DATES = regex.compile(r"\b[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:19|20)[0-9]{2}\b|\b(?:19|20)[0-9]{2}\b")
_DIGIT_WORD = regex.compile(r"[0-9]")


@cache
def _period_cues() -> dict[str, regex.Pattern]:
    """cues.yaml `period_cues`, compiled (since, until, score_next, coordinated_gap: case-insensitive)."""
    data = load("cues")["period_cues"]
    keys = ("since", "until", "score_next", "coordinated_gap", "state_breaks", "year_to_date", "moment", "year_start",
            "year_start_through", "as_of_date", "flow_after_stock", "now_of_dated")
    if set(data) != set(keys):
        raise RuleError(f"cues.yaml period_cues: expected the keys {', '.join(keys)}")
    return {k: regex.compile(data[k], regex.IGNORECASE if k != "state_breaks" else 0) for k in keys}


def sentence_cues(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the cue spans of one sentence (identifiers and indicator names left out), with "đến"
    before a whole day as an as-of cue (`_dated_as_of`)."""
    spans = cue_spans(text)  # the rule spans of the cue labels alone
    extra = _dated_as_of(text, spans)
    return sorted(spans + extra) if extra else spans


def _dated_as_of(text: str, spans: list) -> list[tuple[int, int, str]]:
    """cues.yaml `as_of_date`: "đến" right before a whole day ("Tổng dư nợ đến 31/12/2026 đạt ...") is an as-of cue as
    "đến ngày" is, where no as-of phrase of the cue spans already holds it ("tính đến 30/9/2026")."""
    held = [(c0, c1) for c0, c1, label in spans if label == "POINT_IN_TIME"]
    return [(m.start(), m.end(), "POINT_IN_TIME") for m in _period_cues()["as_of_date"].finditer(text)
            if not any(c0 <= m.start() < c1 for c0, c1 in held)]


def may_hold_as_of(text: str) -> bool:
    """False when `sentence_cues` can find no as-of cue in `text` (a check before the tokenizer)."""
    return may_match(text, "POINT_IN_TIME") or _period_cues()["as_of_date"].search(text) is not None


def _scope_start(sent: Sentence, pos: int) -> int:
    """Start of the stretch that governs a number: after the last top-level ';' or the enclosing '('."""
    s, group = sent.text, sent.group(pos)
    lo = group + 1 if group >= 0 else 0
    semi = s.rfind(";", lo, pos)
    return semi + 1 if semi >= 0 else lo


def is_plan_document(doc_type: str | None) -> bool:
    """A kế hoạch / chương trình / đề án: its undated statements are plans."""
    return bool(doc_type) and doc_type.lower() in cue_phrases("PLAN_DOCUMENT")


def _stretch_start(sent: Sentence, pos: int) -> int:
    """Start of the whole statement holding `pos`, through its parentheses: after the last top-level ';'."""
    s, g = sent.text, sent.group(pos)
    while g >= 0:
        pos, g = g, sent.group(g)
    return s.rfind(";", 0, pos) + 1


def _inert(s: str, cue: tuple) -> bool:
    """A norm cue that states no rule: a counted noun after a number ("06 trường hợp"), a result after "đạt"
    ("đạt tối đa 18 điểm") or what a breach broke ("chi sai chế độ, định mức", "vượt định mức"; not a technical
    norm's limit, whose value follows its word: "vượt giới hạn cho phép 50 µg/m3")."""
    c0, _c1, label = cue
    if label not in ("ROLE_NORM", "NORM_TOPIC"):
        return False
    r = rules()
    if r.breach_before.search(s, 0, c0) and not r.limit_norm.match(s, c0):
        return True
    return label == "ROLE_NORM" and bool(_COUNT_BEFORE.search(s, 0, c0) or r.achieved_before.search(s, 0, c0))


def _between(cues: list, label: str, lo: int, hi: int) -> list:
    return [c for c in cues if c[2] == label and lo <= c[0] and c[1] <= hi]


def _is_rate(s: str, m: Mention) -> bool:
    """A percentage, or money per unit ("1.400.000 đồng/01 tháng", "50 triệu đồng/người")."""
    if m.base_unit == "%":
        return True
    return _is_money(m) and ("/" in (m.unit or "") or s[m.end : m.end + 2].lstrip().startswith("/"))


def _is_money(m: Mention) -> bool:
    """Money, or money per a unit ("đồng/tháng", "lần mức lương cơ sở/người")."""
    return (m.base_unit or "").split("/")[0] in rules().money_units


def _norm(sent: Sentence, m: Mention, role: str, cues: list, top: int, q0: int, prev: Resolved | None,
          goals: bool = False) -> bool:
    """A rule or parameter: a norm cue in the number's clause (its own qualifier counts, unless a plan set the
    number: "phấn đấu tăng thu ít nhất 10%") with no "đã" between, a support rate ("hỗ trợ 70% học phí"), a
    duration counted from an event or named a time limit ("trong 30 ngày kể từ ngày ...", "thời hạn 15 ngày"), a
    rule's consequence after it, or an item of a list of norms."""
    r, s = rules(), sent.text
    if m.qualifier not in (None, "~") and m.base_unit in r.bound_units:
        return True  # "công dân dưới 14 tuổi": an age bound says whom a rule covers
    if class_threshold(s, m) or m.qualifier in (">=", "<=") and r.class_measure_before.search(s, max(0, m.start - 60), m.start):
        return True  # "số vụ ngộ độc có từ 30 người mắc trở lên", "vị trí có WQI từ 76 trở lên": a class's threshold
    if m.qualifier not in (None, "~") and m.base_unit == "%" \
            and r.damage_class_before.search(s, max(0, m.opening - 20), m.opening):
        return True  # "(thiệt hại trên 70%)": the bound of a class of damage
    if m.qualifier not in (None, "~") and not m.sign_word \
            and r.class_named_before.search(s, max(0, m.opening - 40), m.opening):
        return True  # "cháy rừng trên diện rộng (trên 10 ha)": where a class a size names begins
    if m.qualifier not in (None, "~") and (role != "target" or m.qualifier == ">") and m.base_unit in r.duration_units:
        # "số tiền chậm đóng từ 03 tháng trở lên", "ít nhất 03 năm": a bounded duration bounds a class; a duration
        # over a bound does so in a plan too, which sets no time to exceed ("đề án chậm trình quá 30 ngày")
        return True
    if m.qualifier == "<=" and (m.base_unit or "").split("/")[0] in r.duration_units and not r.plan_aim.search(s, 0, q0):
        return True  # "thẩm định mỗi hồ sơ không quá 15 ngày làm việc" among orders: a time limit
    if m.qualifier == "<=" and "/" in (m.unit or "") and not r.plan_aim.search(s, 0, q0):
        return True  # "mỗi phòng thi không quá 24 thí sinh" in a plan: a ceiling per unit is a rule, no target
    if _rule_level(s, m, q0):
        return True  # "chi trả ... với mức 250.000 đồng/người/ngày theo Nghị quyết số ...": the level it sets
    if r.limit_bracket_before.search(s, max(0, m.num_start - 60), m.num_start) and s[m.end :].lstrip().startswith(")"):
        return True  # "thấp hơn ngưỡng gây hại cho lúa (4‰)": the limit, alone in its brackets
    if m.base_unit == "%" and r.index_weight_before.search(s, max(0, m.num_start - 20), m.num_start):
        return True  # "Nhóm giáo dục (quyền số 5,94%) tăng 1,12%": the group's weight in the index
    if m.base_unit == "%" and m.qualifier in (">", ">=") and s[m.closing :].lstrip().startswith(")") \
            and r.pace_bracket_before.search(s, max(0, m.opening - 40), m.opening):
        return True  # "khoản thu đạt tiến độ dự toán (trên 75%)": the pace that sorts the items counted
    if _level_statement(sent, m, cues, q0):
        return True  # "Mức hỗ trợ tối đa đối với hộ nghèo, hộ cận nghèo là 40 triệu đồng/hộ": the level it sets
    clause = clause_start(s, q0, top)
    if m.base_unit in r.duration_units and (r.time_limit_after.match(s, m.end) or r.time_limit_before.search(s, 0, m.num_start)):
        return True  # "xử lý trong 30 ngày kể từ ngày ...", "trong thời hạn 15 ngày": a time limit
    norms = [c1 for _c0, c1, _ in _between(cues, "ROLE_NORM", clause, m.num_start)
             if not r.mean_before.search(s, c1, q0)]  # "mức hưởng bình quân 4,6 triệu đồng": a measured mean
    if role == "target" and (goals or not _between(cues, "FREQUENCY", clause, q0)):
        # "phấn đấu tăng thu ít nhất 10%" is a plan's minimum; "hằng quý có ít nhất 01 tin" a standing rule, unless
        # the part lists the plan's objectives (`goals`: "Mục tiêu ...: mỗi năm lấy ít nhất 1.200 mẫu")
        norms = [c1 for c1 in norms if c1 <= q0]
        # "khởi công ít nhất 04 dự án ... với khoảng 3.600 căn": a bound written right before another number of the
        # plan is that number's minimum, no rule over the numbers after it
        norms = [c1 for c1 in norms if not any(o is not m and 0 <= o.num_start - c1 <= 2 for o in sent.mentions)]
    if norms and not r.actual_marker.search(s[max(norms) : q0]):
        if not _beneficiaries(s, max(norms), q0, m):
            return True
    past = r.actual_marker.search(s[top:q0])
    if past:
        return False
    if _provision(sent, m, q0) or _support_time(s, m, cues, clause, q0) or _under_norm_label(sent, m, cues):
        return True
    # "hạ mức hỗ trợ ..., cụ thể: 50.000.000 đồng đối với Thạc sĩ": an amount under a rule's name
    topics = [c1 for _c0, c1, _ in _between(cues, "NORM_TOPIC", _stretch_start(sent, m.start), q0)]
    if topics and m.base_unit in r.money_units and not r.coordination_breakers.search(s[max(topics) : q0]):
        return True
    rates = [c1 for c0, c1, _ in _between(cues, "NORM_RATE", clause, q0)
             if not r.arrears_before.search(s, 0, c0) and not r.mean_before.search(s, c1, q0)]
    if rates and _is_rate(s, m) and not m.sign_word:
        gap = s[max(rates) : q0]
        if len(gap.split()) <= 4 and not r.coordination_breakers.search(gap):
            return True
    end = sent.close_of(sent.group(m.start)) if sent.group(m.start) >= 0 else len(s)
    if _between(cues, "NORM_AFTER", m.end, end):
        return True
    # "Mức hỗ trợ: Thạc sĩ 100 triệu đồng, Tiến sĩ 200 triệu đồng": the next item of the same rule
    # (not after a maximum the result before it is scored against: "(tối đa 7 điểm) thấp nhất, bình quân 4,86
    # điểm", "đạt 30,15/35 điểm, thấp hơn năm trước 0,42 điểm")
    if (prev is not None and prev.role == "norm" and top <= prev.mention.start and not _class_bound(prev.mention, m)
            and not _counted_class(sent, prev.mention)
            and not _scored_maximum(s, prev.mention, q0)):
        gap = s[prev.mention.end : q0]
        return len(gap.split()) <= 12 and not r.coordination_breakers.search(gap) and not _beneficiaries(
            s, prev.mention.end, q0, m)
    return False


def _rule_level(s: str, m: Mention, q0: int) -> bool:
    """A money rate after "mức" that cites the legal text setting it right after its unit ("với mức 250.000
    đồng/người/ngày theo Nghị quyết số 08/2024/NQ-HĐND"), or after "theo mức" whatever follows ("theo mức 1.815.000
    đồng/ha/vụ đối với ..."): the level the text sets, a norm (cues.yaml rule_level_before, rule_level_after)."""
    r = rules()
    level = r.rule_level_before.search(s, max(0, q0 - 15), q0)
    return _is_rate(s, m) and m.base_unit != "%" and bool(
        level and (level.group("by") or r.rule_level_after.match(s, m.end)))


def _level_statement(sent: Sentence, m: Mention, cues: list, q0: int) -> bool:
    """A rate after a copula in a statement a level's name opens ("Mức cho vay tối đa đối với hộ nghèo, hộ cận nghèo
    là 100 triệu đồng/hộ"): the level the rule sets, across the commas of the list of whom it covers (spans.yaml
    NORM_TOPIC at the statement's head, cues.yaml `level_copula`), unless a result is stated ("đã", "đạt")."""
    s, r = sent.text, rules()
    start = _stretch_start(sent, m.start)
    heads = [c1 for c0, c1, _ in _between(cues, "NORM_TOPIC", start, q0) if not s[start:c0].strip(" -–•+*")]
    return bool(heads) and _is_rate(s, m) and bool(r.level_copula.search(s, heads[0], q0)) \
        and not r.actual_marker.search(s, heads[0], q0) and not r.mean_before.search(s, heads[0], q0)


def _beneficiaries(s: str, lo: int, q0: int, m: Mention) -> bool:
    """Whether `m` counts whom a support or payment named before it reached ("hỗ trợ 70% mức đóng bảo hiểm y tế cho
    84.260 người"): a count after "cho" (cues.yaml `beneficiary_before`), no level of the rule."""
    return bool(rules().beneficiary_before.search(s, lo, q0)) and not _is_rate_or_money(m)


_NORM_LABEL_WORDS = 4  # words of a norm's label before its colon: "Định mức chi:", "Mức hỗ trợ cụ thể:"


def _scored_maximum(s: str, norm: Mention, q0: int) -> bool:
    """Whether the norm before a number is a maximum a result is scored against, no item of a list of rules: the
    whole of a score ("30,15/35 điểm") or a bound closed in parentheses before the number ("(tối đa 7 điểm) ...")."""
    return norm.kind == "ratio_whole" or ")" in s[norm.end : q0]


def _under_norm_label(sent: Sentence, m: Mention, cues: list) -> bool:
    """ "c) Định mức chi: hỗ trợ lấy mẫu ... tối đa 1.500.000 đồng/mẫu; bồi dưỡng ... 150.000 đồng/người/ngày": an
    amount of money or a rate after a short label that names a norm and opens the sentence with a colon is one of
    the levels it lists, past the ';' between them."""
    s = sent.text
    head = _LIST_MARKS.match(s).end()
    colon = s.find(":", head, m.start)
    if colon < 0 or len(s[head:colon].split()) > _NORM_LABEL_WORDS or not _is_rate_or_money(m):
        return False
    return bool(_between(cues, "ROLE_NORM", head, colon))


def _is_rate_or_money(m: Mention) -> bool:
    return m.base_unit == "%" or _is_money(m)  # (a rate of money is money)


def _class_bound(bound: Mention, m: Mention) -> bool:
    """A bounded duration that names a class ("chậm đóng từ 03 tháng trở lên 212 tỷ đồng") before an amount: the
    amount measures the class, it is no next item of a list of rules ("ít nhất 03 năm và có 03 năm học" is)."""
    return bound.qualifier not in (None, "~") and bound.base_unit in rules().duration_units and _is_money(m)


def _counted_class(sent: Sentence, bound: Mention) -> bool:
    """A bounded percentage right after a count and a verb ("có 15 dự án giải ngân dưới 30% kế hoạch vốn"), or a
    bounded count after "có" right after a count ("04 lễ hội tôn giáo có trên 10.000 người"): it says which things
    are counted (a class's threshold, norm), and the amounts after it measure that class ("với tổng
    kế hoạch vốn 642,7 tỷ đồng"), no next items of a list of rules."""
    if bound.qualifier not in ("<", ">") or bound.base_unit is None:
        return False
    ms = sent.mentions
    i = next((k for k, o in enumerate(ms) if o is bound), 0)
    if bound.base_unit == "%":  # "một số đơn vị có tỷ lệ giải ngân dưới 30%": a class a plural word names
        lo = ms[i - 1].end if i else 0
        if rules().class_plural_rate.search(sent.text, lo, bound.opening):
            return True
    if i == 0 or ms[i - 1].base_unit in (None, "%"):
        return False
    gap = sent.text[ms[i - 1].end : bound.opening]
    if bound.base_unit != "%":  # "04 lễ hội tôn giáo có trên 10.000 người tham dự": a bounded count after "có"
        return bool(rules().class_have_gap.match(gap))
    return bool(rules().class_count_gap.match(gap))


def _provision(sent: Sentence, m: Mention, q0: int) -> bool:
    """A money amount, multiple or duration a cited article states ("Tại khoản 3 Điều 5 có nội dung: “Đại học:
    50.000.000.000 đồng”", also past a ";" inside the quotation) or that a comment proposes for it ("đề nghị chỉnh lại
    thành: 50.000.000 đồng"), with no "đã" in its statement: a rule."""
    r, s = rules(), sent.text
    unit = (m.base_unit or "").split("/")[0]
    if unit not in r.money_units and m.base_unit not in r.duration_units and m.kind != "multiple":
        return False
    if not r.provision_cited.search(s, 0, q0) or r.actual_marker.search(s, _stretch_start(sent, m.start), q0):
        return False
    return bool(r.provision_quote.search(s, 0, q0) or r.provision_amended.search(s, 0, q0))


def _support_time(s: str, m: Mention, cues: list, clause: int, q0: int) -> bool:
    """ "Việc hỗ trợ về nhà ở trong thời gian 03 năm": how long a support or payment (NORM_RATE) in the clause lasts,
    a rule's duration, unless the time is past ("trong thời gian 03 năm qua")."""
    r = rules()
    if m.base_unit not in r.duration_units or not r.support_time_before.search(s, clause, q0):
        return False
    return bool(_between(cues, "NORM_RATE", clause, q0)) and not r.support_time_past.match(s, m.end)


def band_of_class(sent: Sentence, m: Mention) -> bool:
    """Whether a range's end belongs to the band of a class: its upper end written "dưới" ("từ 05 lần đến dưới 10
    lần", "từ 65 điểm đến dưới 80 điểm"), or the range in brackets right after a grade level ("ở mức trung bình (từ
    51 đến 100)")."""
    if m.kind not in ("range_low", "range_high"):
        return False
    ms = sent.mentions
    i = next((k for k, o in enumerate(ms) if o is m), None)
    if i is None:
        return False  # a mention read apart from its sentence's (no neighbour to pair with)
    j = i + 1 if m.kind == "range_low" else i - 1
    if not 0 <= j < len(ms) or ms[j].kind not in ("range_low", "range_high") or ms[j].kind == m.kind:
        return False
    low, high = (m, ms[j]) if m.kind == "range_low" else (ms[j], m)
    r, s = rules(), sent.text
    return bool(r.class_band_joiner.search(s, low.end, high.num_start)
                or r.grade_band_before.search(s, max(0, low.num_start - 40), low.num_start))


def _ratio_whole_role(sent: Sentence, m: Mention, role: str, cues: list, stretch: int) -> str:
    """The whole of "A/B": this period's base when it restates a change ("giảm 356 vụ (766/1122)"), a cap
    when a norm cue governs it ("không vượt quá ... (9.548/9.976 biên chế)"), the assigned plan when it
    counts tasks ("15/21 nhiệm vụ")."""
    r, s = rules(), sent.text
    g = sent.group(m.start)
    if g >= 0:
        before = [o for o in sent.mentions if o.end <= g]
        if before and before[-1].sign_word and len(s[before[-1].end : g].split()) <= 3:
            return "actual"
    norms = [c1 for _c0, c1, _ in _between(cues, "ROLE_NORM", stretch, m.start)]
    if norms and not r.actual_marker.search(s[max(norms) : m.start]):
        return "norm"
    if _score_maximum(s, m):
        return "norm"
    # "mới tổ chức 02/03 cuộc ... (tiêu chí ... phải có 03 cuộc)": the whole is the rule stated after it
    for o in sent.mentions:
        if o.start > m.end and o.value == m.value and o.base_unit == m.base_unit:
            if any(c[2] == "ROLE_NORM" and 0 <= o.start - c[1] <= 2 for c in cues):
                return "norm"
    if role == "other" and r.ratio_target_nouns.match(s, m.num_end):
        return "target"
    return role


_BOUNDS = (">=", "<=", ">", "<", "range_low", "range_high")


def _scoring_rule(sent: Sentence, m: Mention) -> bool:
    """A statement of a scoring rule: a bounded level that earns points ("Đạt từ 95% trở lên được 10 điểm; từ 90% đến
    dưới 95% được 8 điểm"): the bound and the points are both the rule's (norm). A reported result ("Sở A đạt 97%
    được 19,4 điểm") bounds nothing."""
    if m.kind not in ("number", "range_low", "range_high") or m.sign_word:
        return False
    s = sent.text
    lo = s.rfind(";", 0, m.start) + 1
    hi = s.find(";", m.end)
    hi = len(s) if hi < 0 else hi
    if not rules().score_award.search(s, lo, hi):
        return False
    points = rules().score_maximum_units  # a bound in points is the award, not the level that earns it
    return any(o.qualifier in _BOUNDS and lo <= o.start < hi and o.base_unit not in points for o in sent.mentions)


def _score_maximum(s: str, m: Mention) -> bool:
    """The whole of a score "đạt 19,5/20 điểm": the most the criterion gives (a point weight, norm), when the
    score unit ends the phrase ("20 điểm." — not "15/20 điểm trường", sites counted)."""
    if m.unit not in rules().score_maximum_units:
        return False
    rest = s[m.end :].lstrip()
    return not rest or rest[0] in ",.;:()" or bool(_period_cues()["score_next"].match(rest))


def _future_year(s: str, lo: int, hi: int, sec: Sections) -> bool:
    """ "theo lộ trình đến năm 2030, 50% xã ...": a deadline after the document's year names a plan."""
    year = sec.meta.issued_date.year if sec.meta.issued_date else sec.year
    if year is None:
        return False
    return any(int(fm[1]) > year for fm in rules().future_year.finditer(s, lo, hi))


def _future_period(s: str, lo: int, hi: int, sec: Sections) -> bool:
    """ "Trong quý II/2026, tập trung hoàn thành 20 nhiệm vụ còn lại" in a report on quý I: a period named before
    the number in its statement that begins after the document's period and its day is a plan's (a comparison's
    base, "so với", is none)."""
    own, meta = sec.meta.period, sec.meta
    if own is None:
        return False
    last = max(d for d in (own.end, meta.issued_date, meta.report_date) if d is not None)
    basis = _past_words()[1]
    return any(pm.period is not None and pm.period.start > last and not basis.search(s, 0, lo + pm.start)
               for pm in find_periods(s[lo:hi], sec.year))


def _directive(s: str, cues: list) -> bool:
    """A sentence that opens with an order ("Giao Sở ...", "Yêu cầu 100% cơ sở ..."), after list marks and a
    short label ("Giải pháp khắc phục: Giao ...")."""
    head = _LIST_MARKS.match(s).end()
    label = _LABEL.match(s, head)
    starts = {head, label.end()} if label else {head}
    r = rules()
    return any(c[2] == "DIRECTIVE" and c[0] in starts and not r.not_directive_after.match(s, c[1]) for c in cues)


def _opens_share(sent: Sentence, m: Mention, clause: int, q0: int, prev: Resolved | None, cues: list) -> bool:
    """ "100% cơ sở khám bệnh ... thực hiện liên thông", "gần 50% số quyết định ...": a percentage opening its
    statement before the noun it counts is a part of that whole (after "và" or a comma only in a list of
    shares: "đạt 90,02% tại đô thị và 82,59% tại nông thôn" are rates; after the comma of an opening as-of or
    period: "Tính đến ngày 15/11/2025, 100% trường học ...", also after a source: "Theo kết quả đánh giá ..., tính đến
    ngày 27/11/2025, 100% cơ quan ...")."""
    s, r = sent.text, rules()
    if clause > 0 and s[clause - 1] not in "(;:" and not (prev is not None and prev.role == "share"):
        comma = s[clause - 1] == ","
        if not (comma and (_time_lead(s, clause - 1, cues) or _time_part(s, clause - 1, cues)
                           or not without_openers(s[: clause - 1]))):
            return False  # "Theo đó, 100% TTHC ...": a connective opens the statement as a time does
    colon = s.rfind(":", clause, q0)
    lead = context_words().existential_alone.sub("", s[max(clause, colon + 1) : q0])  # "Có 100% văn bản ...": no verb of its own
    rest = s[m.end :]
    if lead.strip(" -–+*•\t") or not rest[:1].isspace():
        return False
    rest = rest.lstrip()
    if not rest[:1].isalpha() or r.share_after.search(" " + rest) or r.change_after.search(" " + rest):
        return False
    return not r.stops.match(rest)


def _time_part(s: str, end: int, cues: list) -> bool:
    """Whether the comma part of `s` ending at `end` is only an as-of cue or a period ("..., tính đến ngày
    27/11/2025"), after some other opening part ("Theo kết quả đánh giá ...")."""
    lo = s.rfind(",", 0, end) + 1
    part = s[lo:end]
    if lo == 0 or ";" in part or len(part.split()) > lead_words() + 4 or _DIGIT_WORD.search(_DATES.sub("", part)):
        return False
    head = lo + len(part) - len(part.lstrip())
    starts = [c0 for c0, c1, label in cues if label == "POINT_IN_TIME" and c1 <= end]
    starts += [lo + pm.start for pm in find_periods(part)]
    return head in starts


def _time_lead(s: str, end: int, cues: list) -> bool:
    """Whether `s[:end]` is only an opening as-of cue or period ("Tính đến ngày 15/11/2025", "Năm 2025")."""
    head = s[:end]
    if len(head.split()) > lead_words() + 4 or _DIGIT_WORD.search(_DATES.sub("", head)):
        return False
    starts = [c0 for c0, c1, label in cues if label == "POINT_IN_TIME" and c1 <= end]
    starts += [pm.start for pm in find_periods(head)]
    return any(opens(s, p) for p in starts)


def refine_role(
    sent: Sentence,
    m: Mention,
    role: str,
    cues: list,
    sec: Sections,
    prev: Resolved | None = None,
    indicator: str | None = None,
) -> str:
    """The seed rules' `role` refined for real genres (_refined_role); in a document that sets rules ("NGHỊ QUYẾT
    Quy định chính sách ..."), what would be a stated fact is a rule the document sets ("có diện tích nhà ở bình
    quân dưới 8 m2/người", "Ngân sách tỉnh bảo đảm 60% kinh phí"): norm, unless written as done ("đã")."""
    refined = _refined_role(sent, m, role, cues, sec, prev, indicator)
    if refined == "actual" and sec.rules_document and m.kind != "ratio_part":
        if not rules().actual_marker.search(sent.text[_scope_start(sent, m.start) : m.opening]):
            return "norm"
    return refined


def _refined_role(
    sent: Sentence,
    m: Mention,
    role: str,
    cues: list,
    sec: Sections,
    prev: Resolved | None,
    indicator: str | None,
) -> str:
    """The seed rules' `role` refined for real genres: excess over plan, norm (rule cues, support rates, methods
    of scoring, lists of rules), worked examples, wholes and shares, and plans (ROLE_TARGET cues, deadlines
    after the document's year, orders, plan items, plan sections and documents)."""
    r = rules()
    s = sent.text
    q0 = m.opening
    top = _scope_start(sent, m.start)
    stretch = _stretch_start(sent, m.start)
    clause = clause_start(s, q0, top)
    past = bool(r.actual_marker.search(s[top:q0]))
    is_pct = m.base_unit == "%"
    cues = [c for c in cues if not _inert(s, c)]
    if _counted_class(sent, m):
        return "norm"  # "có 15 dự án giải ngân dưới 30% kế hoạch vốn": the bound of the class counted
    if role != "target" and band_of_class(sent, m):
        return "norm"  # "từ 05 lần đến dưới 10 lần", "ở mức kém (từ 101 đến 150)": the band of a class or grade
    if m.base_unit in r.multiple_units and m.kind != "ratio_whole" and r.norm_exceeded_before.search(s, clause, q0):
        return "other"  # "vượt QCVN 08:2023/BTNMT từ 1,2 đến 2,3 lần": the level as a multiple of the norm's limit
    if is_pct and role in ("actual", "target") and not m.sign_word and r.plan_share_paren.search(s, 0, q0):
        return "share_of_target"  # "chưa đạt theo Kế hoạch (chỉ 70%)": the share of the plan reached
    if role == "share_of_target":
        # "vượt 2,1% kế hoạch", "tăng 0,6% so với kế hoạch năm": an excess over plan, not a share of it
        if _excess_word(m, cues) or (m.sign_word and not is_decrease(m.sign_word)):
            # "Phấn đấu cả năm đạt trên ..., vượt 4,5% dự toán": an excess to reach ("Dự kiến cả năm ... tăng 3,7% so với
            # kế hoạch năm" compares a forecast with the plan: a change)
            return "target" if _excess_word(m, cues) and planned_excess(sent, m, cues, sec) else "change"
        # "Đến ngày 30/6/2027, giải ngân đạt trên 60% kế hoạch vốn" in a programme the province adopts: the share to
        # reach, outside its account of what was done
        if sec.plan_approval and not past and not _done_before_plan(sent, cues, sec, stretch, q0):
            return "target"
        return role
    if m.kind == "multiple":
        # "cam kết công tác ít nhất gấp 03 lần thời gian học": a bounded multiple that a rule sets; in a document
        # that sets rules, "được hỗ trợ gấp 1,5 lần mức quy định" is a level the rule gives, not a change
        if sec.rules_document and not past:
            return "norm"
        return "norm" if m.qualifier in ("<=", ">=") and _norm(sent, m, role, cues, top, q0, prev) else role
    if m.kind == "ratio_whole":
        return _ratio_whole_role(sent, m, role, cues, stretch)
    # a resolution or decision adopting a plan ("NGHỊ QUYẾT Về kế hoạch phát triển kinh tế - xã hội năm 2027"), outside
    # its assessment of what was done: its changes are planned and its bounds the targets' minima
    adopted = sec.plan_approval and not past and not _done_before_plan(sent, cues, sec, stretch, q0)
    if role == "change":
        # "10 vụ, 22 đối tượng so với cùng kỳ năm 2024 giảm 22 vụ": the change is the number after the base
        if not m.sign_word and r.base_then_change.match(s, m.end):
            return "actual"
        # "(5) Tổng vốn đầu tư toàn xã hội tăng tối thiểu 12% so với ước thực hiện năm 2026": a planned growth; in a
        # kế hoạch too ("Tổng chỉ tiêu tuyển sinh ... là 15.480 học sinh, tăng 150 học sinh so với năm 2026")
        planned = is_plan_document(sec.meta.doc_type) and not past and not _done_before_plan(sent, cues, sec, stretch, q0)
        return "target" if adopted or planned else role
    if _between(cues, "ROLE_EXAMPLE", 0, q0):
        return "other"  # "Ví dụ: ... Sở A đạt 75% của tiêu chí ...": a worked example
    if is_pct and not m.sign_word and r.maximum_share_after.match(s, m.end):
        return "share"  # "bằng 74,6% điểm tối đa": the share of the scale's most that a score reached
    if is_pct and not m.sign_word and m.qualifier is None and s[m.closing :].lstrip().startswith(")") \
            and r.rise_bracket_before.search(s, max(0, q0 - 60), q0):
        return "change"  # "thấp hơn mức tăng CPI bình quân chung (3,12%)": the rise itself
    # "(4) Tổng thu ngân sách ... không thấp hơn 22.800 tỷ đồng" among the plan's main targets: the target's minimum
    planned_bound = adopted and (sec.year_targets or sec.in_goals())
    if m.qualifier not in (None, "~") and not past and r.plan_verb.search(s, top, q0):
        # "phấn đấu hoàn thành 100% đề án ..., số đề án trình chậm không quá 5%": the plan's bound
        role = "target"
    if _norm(sent, m, "target" if planned_bound else role, cues, top, q0, prev, sec.in_goals()) or _scoring_rule(sent, m):
        return "norm"
    if sec.method and not past and m.kind != "ratio_part":
        return "norm"  # "Từ 90 đến dưới 100 điểm xếp loại: Xuất sắc" in "Cách tính điểm và xếp loại"
    wholes = _between(cues, "WHOLE_BEFORE", top, q0)
    slashed = r.whole_slash.search(s, top, q0) and r.whole_named.match(s, m.num_end)
    if not is_pct and (any(0 <= q0 - c1 <= 2 for _c0, c1, _ in wholes) or r.whole_before.search(s, top, q0) or slashed):
        return "other"  # "Trong số 34 ứng viên ..., có 04 ...", "trên tổng số 13.633 hồ sơ": a whole
    if is_pct and role == "actual" and r.level_before.search(s, top, q0):
        if m.value <= 100 and r.total_share_after.match(s, m.end):
            return "share"  # "bằng 2% tổng chi ngân sách địa phương": a part of that total (no part exceeds it)
        return "other"  # "(bằng 50% mức hỗ trợ tại dự thảo)": a level relative to another value
    g = sent.group(m.start)
    if is_pct and prev is not None and g >= 0 and prev.role in ("target", "norm"):
        if _between(cues, "RESTATE", g, q0) and prev.mention.end <= g:
            return prev.role  # "giao chỉ tiêu cho 29 xã (tương ứng 23% xã)": the same plan in percent
    if is_pct and role in ("actual", "other"):
        # "... của tỉnh đạt 100%": a word of a rate's name ("Tỷ lệ hoàn thành nhiệm vụ của tỉnh") is no share cue
        if any(label == "ROLE_SHARE" and top <= c0 and 0 <= q0 - c1 <= 10 and not in_rate_name(sent, (c0, c1), m)
               for c0, c1, label in cues):
            return "share"
        # "đạt 34,3% trên tổng số chi phí" is a share; "đạt tỷ lệ 86,02% trên tổng số hồ sơ" names a rate
        if any(label == "SHARE_AFTER" and m.end <= c0 <= m.end + 2 for c0, _c1, label in cues):
            if not r.rate_before.search(s, top, q0):
                return "share"
        # "đã tổ chức cho 100% các xã, phường": a part of the set the plural names (a plan's stays a target)
        plural = any(label == "SHARE_PLURAL" and c0 == _next_word(s, m.end) for c0, _c1, label in cues)
        if plural and indicator is None and (past or not _planned(sent, m, cues, sec, stretch, q0)):
            return "share"
    if role == "target" and _fact_in_plan_part(sent, cues, sec, stretch, q0):
        role = "actual"  # "Tính đến ngày 31/12/2025, tỷ lệ ... đạt 65%" under "KẾ HOẠCH NĂM 2026": the start point
    if role != "actual" or past:
        return role
    if _plan_named_subject(sent, m, stretch, q0):
        return "target"  # "Tổng kế hoạch vốn năm 2025 (không bao gồm ...) là 17.715 tỷ đồng": the plan's amount
    if _planned(sent, m, cues, sec, stretch, q0):
        return "target"
    if is_pct and indicator is None and _opens_share(sent, m, clause, q0, prev, cues):
        return "share"
    return role


def _excess_word(m: Mention, cues: list) -> bool:
    """The number's qualifier word is "vượt" (spans.yaml EXCESS)."""
    return bool(m.qualifier_span) and any(label == "EXCESS" and c0 <= m.qualifier_span[0] < c1 for c0, c1, label in cues)


def planned_excess(sent: Sentence, m: Mention, cues: list, sec: Sections) -> bool:
    """An excess over the plan that is itself to be reached: "Phấn đấu ... cả năm 2026 đạt trên 37.950 tỷ đồng, vượt 4,5%
    dự toán" among a report's tasks (a plan part, a plan cue, a plan document), not one reached."""
    s = sent.text
    q0 = m.opening
    if rules().actual_marker.search(s[_scope_start(sent, m.start) : q0]):
        return False
    return _planned(sent, m, cues, sec, _stretch_start(sent, m.start), q0)


def excess_over_plan(m: Mention, role: str, cues: list, basis: str | None) -> bool:
    """ "vượt 2,5 triệu đồng so với chỉ tiêu Nghị quyết", "vượt 3,6% kế hoạch": the size of an excess over the plan, a
    change whose "vượt" is no bound (the number is how much, not "more than")."""
    return _excess_word(m, cues) and (role == "change" or basis == "plan")


def _next_word(s: str, pos: int) -> int:
    """Where the word after `pos` starts (past spaces only)."""
    while pos < len(s) and s[pos] in " \t\u00a0":
        pos += 1
    return pos


def _planned(sent: Sentence, m: Mention, cues: list, sec: Sections, stretch: int, q0: int) -> bool:
    """A plan: a plan cue before the number in its statement with no "đã" after it, a plan word right after its
    noun, a deadline after the document's year, an order opening the sentence, or a plan part or document."""
    r, s = rules(), sent.text
    if _plan_opening(sent, q0, cues):
        return True
    clause = clause_start(s, q0, _scope_start(sent, m.start))
    for c0, c1, label in cues:
        if label == "ROLE_TARGET" and stretch <= c0 and c1 <= q0 and not r.actual_marker.search(s[c1:q0]):
            if not in_rate_name(sent, (c0, c1), m):  # "Tỷ lệ hoàn thành ... theo kế hoạch đạt 100%": the rate's name
                return True
        # "nhằm xử lý dứt điểm 140/365 dự án", "để 100% tổ chức đảng ứng dụng ...": the aim of an action in the
        # number's clause ("triệt để", "không để" are no aim)
        if label == "PURPOSE" and clause <= c0 and c1 <= q0 and not r.purpose_breakers.search(s[c1:q0]):
            if not r.not_purpose_before.search(s, 0, c0) and not r.not_purpose_after.match(s, c1):
                return True
    for c0, _c1, label in cues:
        if label in ("TARGET_AFTER", "PLAN_ITEMS") and m.end <= c0 <= m.end + 20:
            words = s[m.end : c0]
            if len(words.split()) <= (2 if label == "TARGET_AFTER" else 0) and not _PUNCT.search(words):
                if label == "TARGET_AFTER" or m.kind != "ratio_part":
                    return True
        if label == "PLAN_ITEMS" and m.num_end <= c0 <= m.end and m.kind != "ratio_part":
            # the plan-item noun is the number's own unit: "19 nhiệm vụ trọng tâm" (not "đạt 12 mục tiêu")
            if not r.achieved_before.search(s, 0, q0):
                return True
    if present_state(sent, m):
        return False
    if _future_year(s, stretch, q0, sec) or _future_period(s, stretch, q0, sec) or _directive(s, cues):
        return True
    if sec.plan:
        return not _named_before(sent, cues, sec, stretch, q0, _plan_part_start(sec))
    plan_document = is_plan_document(sec.meta.doc_type) or sec.plan_approval or sec.ordered
    return plan_document and not _done_before_plan(sent, cues, sec, stretch, q0)


def _plan_opening(sent: Sentence, q0: int, cues: list) -> bool:
    """ "Phấn đấu đến hết năm 2026, 100% hồ sơ được số hóa": a plan verb opening the sentence whose first clause
    holds only a time (a deadline or a period) governs the clause after the comma, up to the first ';' or a
    "đã"."""
    s, r = sent.text, rules()
    head = r.target_head.match(s, _LIST_MARKS.match(s).end())
    if head is None:
        return False
    comma = s.find(",", head.end(), q0)
    if comma < 0 or ";" in s[head.end() : q0] or r.actual_marker.search(s, comma, q0):
        return False
    times = [pm for pm in find_periods(s[head.end() : comma]) if pm.period]
    if not times:
        return False
    # the time is all the first clause says: a cue word or two before it ("đến hết", "trong"), nothing after it
    lead = s[head.end() : head.end() + times[0].start]
    return len(lead.split()) <= 2 and not s[head.end() + times[-1].end : comma].strip()


@cache
def _past_words() -> tuple[regex.Pattern, regex.Pattern]:
    """rules/cues.yaml past_sections (headings of what has been done) and period_basis_before (a period that is
    a comparison's base, "so với năm 2025")."""
    data = load("cues")
    return (regex.compile(WHOLE_WORD % word_alternation(data["past_sections"], "cues.yaml past_sections"), regex.I),
            regex.compile(WHOLE_WORD % word_alternation(data["period_basis_before"], "cues.yaml period_basis_before")
                          + r"[^\S\n]*\Z", regex.I))


def _coordinated_period(sent: Sentence, m: Mention, role: str, year: int | None) -> Period | None:
    """The period named after the last of a run of numbers coordinated with `m` ("xây dựng 20% thôn và 15% phường
    không ma túy vào chỉ tiêu công tác năm 2024"): a noun of at most three words and "và" or a comma between each
    pair, the next item's verb of at most two words after it ("mục tiêu tăng trưởng 10% và giải ngân 100% vốn ...
    trong năm 2026")."""
    ms = sent.mentions
    i = next((k for k, o in enumerate(ms) if o is m), None)
    if i is None:
        return None
    j = i
    while j + 1 < len(ms) and _period_cues()["coordinated_gap"].match(sent.text, ms[j].end, ms[j + 1].opening):
        j += 1
    if j == i:
        return None
    return own_period(sent, ms[j], role, year, ms[j + 1].start if j + 1 < len(ms) else len(sent.text))


@cache
def _execution_words() -> tuple[regex.Pattern, regex.Pattern]:
    """rules/cues.yaml execution_time, opening a clause (after ';' or ',' and spaces); and opening a clause or a
    sentence of the text after the number's sentence."""
    words = WHOLE_WORD % word_alternation(load("cues")["execution_time"], "cues.yaml execution_time")
    return regex.compile(r"[;,][^\S\n]*" + words, regex.I), regex.compile(r"(?:\A|[;,.])[^\S\n]*" + words, regex.I)


def _execution_period(sent: Sentence, m: Mention, year: int | None, after: str = "") -> Period | None:
    """The period a later clause of a target's sentence gives as the time the plan is carried out ("... kiểm tra
    tại 29 cơ quan (gồm: 04 ...); thời gian thực hiện kiểm tra từ tháng 3 đến tháng 9 năm 2026"): the first period
    within a few words after the first such clause after the number; else the one a later sentence of its item
    (`after`) gives before any other number ("- Hỗ trợ 1.200 hộ .... Cơ quan chủ trì: Sở Y tế; thời gian thực hiện:
    năm 2026-2028.")."""
    s = sent.text
    cue = _execution_words()[0].search(s, m.end)
    if cue is None:
        s, cue = after, _execution_words()[1].search(after)
        if cue is None or _DIGIT_WORD.search(after, 0, cue.start()):
            return None
    for pm in find_periods(s[cue.end() :], year):
        if pm.period and len(s[cue.end() : cue.end() + pm.start].split()) <= 3:
            return pm.period
        break
    return None


def _plan_part_start(sec: Sections) -> date | None:
    """When the plan part the number is in begins: its heading's period ("PHƯƠNG HƯỚNG ... QUÝ II/2026"), else
    the document's day (what is planned comes after it)."""
    for part in reversed(sec.stack):
        if part.plan and part.period is not None:
            return part.period.start
    return sec.meta.issued_date or sec.meta.report_date


_ASIDE = regex.compile(r"\([^()]*\)")


def _plan_named_subject(sent: Sentence, m: Mention, stretch: int, q0: int) -> bool:
    """A number that a copula ("là", ":") gives to a subject headed by a plan noun ("Tổng kế hoạch vốn năm 2025
    ngân sách tỉnh (không bao gồm ...) là 17.715.000 triệu đồng", "Dự toán chi năm 2026: 1.200 tỷ đồng"): the
    plan's value. The subject runs from the statement's start, or its last colon but the copula's, asides in
    parentheses left out."""
    if sent.group(m.start) >= 0 or m.kind not in ("number",):
        return False
    s, (heads, copula) = sent.text, _plan_subject_words()
    lead = s[stretch:q0]
    bare = _ASIDE.sub(" ", lead)
    tail = copula.search(bare)
    if tail is None:
        return False
    head = bare[: tail.start()]
    colon = head.rfind(":")
    # an opener before the subject ("Ngoài ra, kế hoạch vốn năm 2025 được kéo dài ... là 287,45 tỷ đồng") is none of it
    return bool(heads.match(without_openers(_LIST_MARKS.sub("", head[colon + 1 :], count=1))))


@cache
def _plan_subject_words() -> tuple[regex.Pattern, regex.Pattern]:
    """rules/cues.yaml plan_subject_heads (matched at the subject's start) and plan_subject_copula (ending it)."""
    data = load("cues")
    heads = r"\s*" + WHOLE_WORD % word_alternation(data["plan_subject_heads"], "cues.yaml plan_subject_heads")
    copula = WHOLE_WORD % word_alternation(data["plan_subject_copula"], "cues.yaml plan_subject_copula")
    return regex.compile(heads, regex.I), regex.compile(r"(?:" + copula + r"|:)[^\S\n]*\Z", regex.I)


def _fact_in_plan_part(sent: Sentence, cues: list, sec: Sections, stretch: int, q0: int) -> bool:
    """A number that is a target only because its part is a plan (no plan word in its statement) while its
    statement names a time before the plan part begins (_named_before): a fact the plan starts from."""
    if not sec.plan:
        return False
    s = sent.text
    if rules().target_before.search(s, stretch, q0) or _between(cues, "ROLE_TARGET", stretch, q0):
        return False
    return _named_before(sent, cues, sec, stretch, q0, _plan_part_start(sec))


def _done_before_plan(sent: Sentence, cues: list, sec: Sections, stretch: int, q0: int) -> bool:
    """In a plan document, a statement of what has been done, not planned: under a heading naming results or
    the state of things ("I. KẾT QUẢ THỰC HIỆN NĂM 2025", "Thực trạng") or a period that ended before the
    plan's own, or naming before its number a time that ended before the plan starts (_named_before), or in a
    paragraph that opens with such a time, which dates its every clause and sentence after it (a directive's account
    of last season: "Mùa khô năm 2025-2026 (...), trên địa bàn tỉnh xảy ra 23 vụ ...; trong đó có 04 vụ ...",
    "Tính đến ngày 31/12/2025, ... . Toàn tỉnh có 186.400 ha rừng ...")."""
    own = sec.meta.period
    start = own.start if own is not None else None
    heads = _past_words()[0]
    for part in sec.stack:
        if heads.search(part.text) or (start and part.period and part.period.end < start):
            return True
    if start and sec.opening is not None and sec.opening[0].end < start:
        return True
    return _named_before(sent, cues, sec, stretch, q0, start)


def _named_before(sent: Sentence, cues: list, sec: Sections, stretch: int, q0: int, start: date | None) -> bool:
    """Whether the number's statement names before it a period or an as-of day that ended before `start` (the
    plan's): "Năm 2025, toàn tỉnh tổ chức 12 hội nghị", "Tính đến ngày 31/12/2025, ... đạt 65%" are facts that
    a plan starts from; a comparison's base ("so với năm 2025") is no such period."""
    if start is None:
        return False
    s, basis = sent.text, _past_words()[1]
    for pm in find_periods(s[stretch:q0], sec.year):
        if pm.period and pm.period.end < start and not basis.search(s, 0, stretch + pm.start):
            return True
    for c0, c1, label in cues:
        if label == "POINT_IN_TIME" and stretch <= c0 and c1 <= q0:
            day = date_at(s, _next_word(s, c1))
            if day is not None and day < start:
                return True
    return False


def first_day_of_year(start_words: str, context: Period | None) -> date | None:
    """The first day of the year "đầu năm" names: the year written after it, else the year of `context` (the figure's
    period); None without either."""
    written = regex.search(r"[0-9]{4}", start_words)
    if written:
        return date(int(written.group()), 1, 1)
    return date(context.start.year, 1, 1) if context is not None else None


def figure_period(
    sent: Sentence, m: Mention, role: str, cues: list, sec: Sections, year: int | None, next_start: int,
    lead: tuple[Period, bool] | None, after: str = "",
) -> tuple[Period | None, bool]:
    """(period, point in time) of a number: an as-of cue before it in its sentence, else the period its own clause
    names, else the lead of its sentence or of the sentences before it in the block (`lead`: "Tính đến ngày
    05/11/2025, ... . Tiến độ ... đạt 75,2%"), else its section's. A plan's target is never a stock as of a day.
    `after`: the sentences after the number's in its block (where a plan item may state its execution time)."""
    if role == "other" and _between(cues, "ROLE_EXAMPLE", 0, m.start):
        return None, False  # "Ví dụ: ... Sở A đạt 75% của tiêu chí ...": a worked example is of no time
    if role == "target" and kpi_in_brackets(sent, m):
        cited = section_period(sent, m, role, sec)  # the year's KPI, not the time the sentence opens with
        if cited is not None:
            return year_of(cited), False
    base = rules().base_level_before.search(sent.text, 0, m.opening) if role in ("actual", "other") else None
    if base is not None and base["start"]:
        # "tăng 712,3 tỷ đồng so với đầu năm (7.744,4 tỷ đồng)": the level on the first day of the figure's year
        first = first_day_of_year(base["start"], section_period(sent, m, role, sec))
        if first is not None:
            return Period(first, first, period_label("as_of", end=first)), True
    elif base is not None:
        # "tăng 14 lao động so với năm 2025 (172 lao động)": the level of the base, of the base's period
        level = next((pm.period for pm in find_periods(base["base"], year) if pm.period), None)
        if level is not None:
            return level, False
    own = own_period(sent, m, role, year, next_start)
    usable = lead if lead is not None and not (lead[1] and role == "target") else None
    # the context of a stock is what encloses the sentence: a year in it is the cue's own ("tính đến cuối năm
    # 2023", "từ năm 2010 đến nay")
    context = (usable[0] if usable and not usable[1] else None) or section_period(sent, m, role, sec)
    if role != "target":
        hit = as_of_at(sent.text, m.start, cues, context, sec)
        if hit is None and role in ("actual", "other") and sec.plan and present_state(sent, m, whole=True):
            hit = _now(sec, context)  # "đối với 57/124 xã chưa hoàn thành" in a plan part: a stock now
        if hit is not None and not (own is not None and _period_after_cue(sent, m, cues, year)):
            if _flow_after_cue(sent, m, cues):
                return context, False  # "Đến nay, ... có 198 di tích ...; trong năm có thêm 05 di tích": a flow
            return hit
    if own is None and role == "target":
        # "20% thôn và 15% phường ... vào chỉ tiêu năm 2024": the period named after the last of coordinated plans;
        # "...; thời gian thực hiện từ tháng 3 đến tháng 9 năm 2026": the plan's execution time
        own = _coordinated_period(sent, m, role, year) or _execution_period(sent, m, year, after)
    if own is not None:
        # "trên 95% kế hoạch vốn năm 2026 trước ngày 31/01/2027": a plan's year runs to a deadline past it
        late = _deadline_day(sent, m.end, m, own, own_only=True) if role == "target" else None
        return late or own, False
    due = _deadline_period(sent, m, role, sec, context) if usable is None else None
    if due is not None:
        return due, False
    if usable is not None:
        return usable
    return context, bool(context is not None and role != "target" and sec.stock())


def compared_whole(sent: Sentence, m: Mention, period: Period | None) -> Period | None:
    """ "giảm 356 vụ (766/1122) so với cùng kỳ năm 2024": a ratio in brackets right after a signed change, its whole
    apart from its part by that change, sets the period's count against the count of the base the sentence compares
    with; the whole is the base's (2024). None for other figures."""
    if m.kind != "ratio_whole" or period is None:
        return None
    i = next(i for i, o in enumerate(sent.mentions) if o is m)
    if i < 2:
        return None
    part, change = sent.mentions[i - 1], sent.mentions[i - 2]
    if part.kind != "ratio_part" or change.sign_word is None or sent.text[change.end : part.start].strip() != "(":
        return None
    if abs(m.base_value - part.base_value) != abs(change.base_value):
        return None
    return base_period(sent.text, part.start, period)


def _period_after_cue(sent: Sentence, m: Mention, cues: list, year: int | None) -> bool:
    """ "Lũy kế đến 30/9/2026, đã cấp 4.215 thẻ ...; riêng quý III cấp mới 96 thẻ": a period named before the number
    in its own statement, after a ';' that follows the sentence's as-of cue, dates a flow of that period."""
    s, top = sent.text, _scope_start(sent, m.start)
    pits = [c1 for _c0, c1, label in cues if label == "POINT_IN_TIME" and c1 <= m.start]
    if not pits or pits[-1] > top or ";" not in s[pits[-1] : top]:
        return False
    return any(pm.period for pm in find_periods(s[top : m.start], year))


def _flow_after_cue(sent: Sentence, m: Mention, cues: list) -> bool:
    """ "Đến nay, Thành phố có 198 di tích ...; trong năm có thêm 05 di tích": a statement after a ';' that follows the
    sentence's as-of cue, opened by the period's own flow words (cues.yaml `flow_after_stock`) before the number,
    counts in the period, not at the cue's day."""
    s, top = sent.text, _scope_start(sent, m.start)
    pits = [c1 for _c0, c1, label in cues if label == "POINT_IN_TIME" and c1 <= m.start]
    if not pits or pits[-1] > top or ";" not in s[pits[-1] : top]:
        return False
    return _period_cues()["flow_after_stock"].search(s, top, m.start) is not None


def _deadline_period(sent: Sentence, m: Mention, role: str, sec: Sections, context: Period | None) -> Period | None:
    """A target with a deadline year other than its context's last named before it in its statement ("đến năm 2030,
    50% xã, phường không ma túy" in a report on 2025; "Đến năm 2027 có ít nhất 60% số xã ..." in a plan for
    2026-2030, a milestone on the way): from the context's start to the end of that year."""
    if role != "target" or context is None:
        return None
    s, lo = sent.text, _stretch_start(sent, m.start)
    years = [int(fm[1]) for fm in rules().future_year.finditer(s, lo, m.opening)]
    if not years:
        return _deadline_day(sent, lo, m, context)
    if years[-1] == context.end.year or years[-1] < context.start.year:
        return None
    end = date(years[-1], 12, 31)
    return Period(context.start, end, f"{context.start:%Y}-{end:%Y}")


def _deadline_day(sent: Sentence, lo: int, m: Mention, context: Period, own_only: bool = False) -> Period | None:
    """A target due by a day after its context's end, named in its statement before or after it ("phấn đấu đến ngày
    15/9/2026 tiêu thoát nước cho 100% diện tích ...", "thông tuyến 100% các tuyến đường ... trước ngày 18/9/2026"):
    from the context's start to that day. A day inside the context keeps it (a deadline inside the quarter)."""
    s = sent.text
    hi = s.find(";", m.end)
    days = list(rules().deadline_day.finditer(s, lo, len(s) if hi < 0 else hi))
    # "đạt 80% ... đến ngày 31/12/2026 và trên 95% ... trước ngày 31/01/2027": the day right after a number (no other
    # number between) is its own; one before it may be the deadline of the number before
    own = [dm for dm in days if dm.start() >= m.end and not any(m.end <= o.start < dm.start() for o in sent.mentions)]
    for dm in own[:1] if own_only else own[:1] or days:
        try:
            end = date(int(dm[3]), int(dm[2]), int(dm[1]))
        except ValueError:
            continue
        if end > context.end:
            return Period(context.start, end, period_label("date_range", start=context.start, end=end))
        return None
    return None


def lead_of(sent: Sentence, cues: list, sec: Sections, year: int | None, carried: tuple[Period, bool] | None
            ) -> tuple[Period, bool] | None:
    """What opens a sentence before its first number: an as-of cue ("Đến nay, ...") or a period ("Trong 6 tháng
    cuối năm, ..."); None when it opens with neither."""
    if not sent.mentions:
        return None
    context = (carried[0] if carried and not carried[1] else None) or sec.period
    f0 = sent.mentions[0].start
    if any(label == "POINT_IN_TIME" and c1 <= f0 and opens(sent.text, c0) for c0, c1, label in cues):
        hit = as_of_at(sent.text, f0, cues, context, sec)
        if hit is not None:
            return hit
    since = _since_opening(sent.text, f0, sec, context)
    if since is not None:
        return since, False
    if sec.period is not None and rules().own_period_lead.match(sent.text):
        return sec.period, False  # "Trong kỳ, đã đưa 285 người ...": the reporting period, not a stock named before
    period = sentence_lead(sent, year)
    return (period, False) if period is not None else None


def lead_in_as_of(s: str, cues: list, sec: Sections) -> tuple[Period, bool] | None:
    """The stock a lead-in names anywhere before its colon ("Qua rà soát ... kết quả thực hiện trên địa bàn tỉnh đến
    nay, còn một số nội dung ..., cụ thể như sau:"): the items it opens count as of that day. None for a lead-in
    without an as-of cue, or one naming a flow since a date ("từ năm 2022 đến nay")."""
    if not s.rstrip().endswith(":"):
        return None
    pits = [c for c in cues if c[2] == "POINT_IN_TIME" and not _inside_word(s, c[0])]
    if not pits:
        return None
    hit = as_of_at(s, pits[-1][1], pits, sec.period, sec)
    return hit if hit is not None and hit[1] else None


def _since_opening(s: str, f0: int, sec: Sections, context: Period | None) -> Period | None:
    """ "Từ ngày 01/10/2025, Sở ... đã tiếp nhận 40.000 phiếu": a day opening the sentence with no end after it
    starts a flow that runs to the document's day (as "từ ngày ... đến nay")."""
    m = _period_cues()["since"].search(s, 0, f0)
    if m is None or not m[1] or not opens(s, m.start()) or _period_cues()["until"].match(s, m.end()):
        return None
    try:
        start = date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    end = sec.report_day(sec.meta.period or context)
    if end is None or end < start:
        return None
    return Period(start, end, period_label("date_range", start=start, end=end))


def as_of(sent: Sentence, m: Mention, cues: list, period: Period | None, sec: Sections) -> tuple[Period | None, bool]:
    """The period of a stock "tính đến ngày 05/11/2025", "đến nay" (point in time), or of a flow since a date,
    when a cue stands before the number in its sentence; else `period` (the number's context) as it is."""
    found = as_of_at(sent.text, m.start, cues, period, sec)
    return found if found is not None else (period, False)


def as_of_at(s: str, pos: int, cues: list, context: Period | None, sec: Sections) -> tuple[Period, bool] | None:
    """(period, point in time) of the last as-of cue before `pos` in `s`: the day written after the cue, else the
    document's (Sections.report_day); a "từ ..." before the cue makes it a flow since then. None without a cue."""
    pits = [c for c in cues if c[2] == "POINT_IN_TIME" and c[1] <= pos and not _inside_word(s, c[0])
            or c[2] == "STOCK_STATE" and _state_of(s, c[1], pos)]
    moment = _moment_before(s, pos, pits, context)
    if moment is not None:
        return moment
    if not pits:
        return None
    c0, c1, label = pits[-1]
    dated = [c for c in pits if c[2] == "POINT_IN_TIME"]
    if label == "STOCK_STATE" and dated:
        # "Tính đến ngày 31/10/2026, toàn tỉnh có 27 dự án đang triển khai với tổng quy mô 21.460 căn", "Đến ngày
        # 14/12/2026, còn 36 vụ việc đang giải quyết": a state after an as-of cue of its sentence is counted at that
        # cue's day, not the document's
        c0, c1, _ = dated[-1]
    elif label == "POINT_IN_TIME":
        c0, c1 = _dated_before_now(s, pits, c0, c1)
    since = None
    for sm in _period_cues()["since"].finditer(s, 0, c0 + 1):
        since = sm
    start = None
    if since is not None:
        try:
            start = (date(int(since[3]), int(since[2]), int(since[1])) if since[1]
                     else date(int(since[4]), 1, 1) if since[4] else _year_start(since, context, sec))
        except ValueError:
            start = None
    end = date_at(s, c1)
    ytd = _period_cues()["year_to_date"].match(s, c1) if end is None else None
    if ytd is not None and (sec.meta.period or context) is not None:
        # "lũy kế từ đầu năm 3.705.300 lượt": a running total from the year's first day to the period's end, a flow
        last = (sec.meta.period or context).end
        first = date(int(ytd[1]) if ytd[1] else last.year, 1, 1)
        if first <= last:
            return Period(first, last, period_label("date_range", start=first, end=last)), False
    if end is None:
        named = [pm for pm in find_periods(s[c1 : c1 + 40], context.end.year if context else None) if pm.period]
        if named and not s[c1 : c1 + named[0].start].strip():
            if named[0].kind == "first_months":
                return named[0].period, False  # "lũy kế 9 tháng": a running total over the months named
            end = named[0].period.end  # "tính đến quý III", "lũy kế đến tháng 10"
    if end is None:
        # "đến nay", "hiện tại" with no day written: the document's now, counted over the document's period (a
        # part on 2009–2015 of a report on 2021–2025 still says "now" of 2025)
        context = sec.meta.period or context
        end = sec.report_day(context)
    if end is None:
        return None
    if start is not None and start <= end:
        return Period(start, end, period_label("date_range", start=start, end=end)), False  # a flow since a date
    # a stock counts from the start of its context ("Tính đến cuối năm 2023" in a part on 2009–2015: since 2009)
    start = context.start if context is not None and context.start <= end else date(end.year, 1, 1)
    return Period(start, end, period_label("as_of", end=end)), True


def _dated_before_now(s: str, pits: list, c0: int, c1: int) -> tuple[int, int]:
    """The cue an undated "now" (cues.yaml `now_of_dated`) at `c0`-`c1` speaks for: the last as-of cue before it with a
    day written after it, in the same clause ("Tính đến 7h ngày 05/12/2026, tổng dung tích hiện tại ..."); else itself."""
    if not _period_cues()["now_of_dated"].match(s[c0:c1]) or date_at(s, c1) is not None:
        return c0, c1
    for d0, d1, label in reversed(pits):
        if d0 < c0 and label == "POINT_IN_TIME" and date_at(s, d1) is not None:
            return (d0, d1) if ";" not in s[d1:c0] else (c0, c1)
    return c0, c1


def _moment_before(s: str, pos: int, pits: list, context: Period | None) -> tuple[Period, bool] | None:
    """A clock time on a day before `pos` in `s`, with no as-of cue after it ("lúc 13h ngày 09/9/2026 mực nước ... đạt
    5,12 m"), or the year's start ("Đầu năm 2026, theo kết quả rà soát đầu kỳ, toàn tỉnh có 50.292 hộ nghèo"): a
    measure at that moment, a point in time counted from its context's start to that day."""
    cues = _period_cues()
    found = max((*cues["moment"].finditer(s, 0, pos), *cues["year_start"].finditer(s, 0, pos)),
                key=lambda m: m.start(), default=None)
    if found is None:
        return None
    year_start = found.re is cues["year_start"]
    if year_start and not _year_start_speaks_for(s, found, pos, pits):
        return None
    if not year_start and pits and pits[-1][0] > found.start():
        return None
    year = int(found["y"]) if found["y"] else context.end.year if context is not None else None
    try:
        day = (date(year, 1, 1) if year_start else date(year, int(found["m"]), int(found["d"]))) if year else None
    except ValueError:
        day = None
    if day is None:
        return None
    start = context.start if context is not None and context.start <= day else date(day.year, 1, 1)
    return Period(start, day, period_label("as_of", end=day)), True


def _year_start_speaks_for(s: str, found, pos: int, pits: list) -> bool:
    """Whether the year's start `found` before `pos` dates the stock there: no perfective "đã" or sentence end between
    (an act done early in the year is a flow), and every as-of cue after it a review's or a state's that names no day
    of its own ("theo kết quả rà soát đầu kỳ", "đang"; not "đến nay")."""
    cues = _period_cues()
    if cues["state_breaks"].search(s, found.end(), pos):
        return False
    return all(cues["year_start_through"].match(s[c0:c1]) and date_at(s, c1) is None
               for c0, c1, _ in pits if c0 > found.start())


def _year_start(since, context: Period | None, sec: Sections) -> date | None:
    """ "từ đầu năm (2025) đến nay": the first day of the year named, else of the year the document's now is in."""
    if since[6]:
        return date(int(since[6]), 1, 1)
    end = sec.report_day(sec.meta.period or context)
    return date(end.year, 1, 1) if end is not None else None


def _now(sec: Sections, context: Period | None) -> tuple[Period, bool] | None:
    """A stock as of the document's day, counted over the document's period (as "đến nay" with no day)."""
    context = sec.meta.period or context
    end = sec.report_day(context)
    if end is None:
        return None
    start = context.start if context is not None and context.start <= end else date(end.year, 1, 1)
    return Period(start, end, period_label("as_of", end=end)), True


def _state_of(s: str, c1: int, pos: int) -> bool:
    """Whether a progressive "đang" ending at `c1` speaks of the number at `pos`: in its clause (no ';' or '.'
    between, at most _STATE_REACH characters) and no perfective "đã" after it ("đang ..., đã tổ chức 32 buổi")."""
    between = s[c1:pos]
    return 0 <= pos - c1 <= _STATE_REACH and not _period_cues()["state_breaks"].search(between)


_STATE_REACH = 80


def _inside_word(s: str, c0: int) -> bool:
    """A cue whose first syllable ends a longer word: "thực hiện đạt" is not "hiện đạt" (rules/periods.yaml)."""
    return bool(as_of_not_after().search(s[max(0, c0 - 12) : c0]))
