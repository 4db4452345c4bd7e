"""Figures of running text: each sentence of a block split, analysed, and each number attributed."""

from __future__ import annotations

from dataclasses import replace

import regex

from extract.figures.antecedents import attribute_owner, member_population, programme_cost, repeated_whole
from extract.figures.attribution import basis_of, is_share_of_total, label_of, role_of, subject_of
from extract.figures.cues import (
    compared_whole,
    excess_over_plan,
    figure_period,
    lead_in_as_of,
    lead_of,
    may_hold_as_of,
    planned_excess,
    refine_role,
    sentence_cues,
)
from extract.figures.label_lines import is_breakdown, names_role, opens_count_list, parse_line
from extract.figures.measures import (
    area_of,
    graded_level,
    item_measure,
    limit_of,
    measured_subject,
    opening_object,
    parameter_at_sites,
    rank_unit,
    sites_over_norm,
)
from extract.figures.mentions import mention_figure
from extract.figures.quotas import given_quota, quota_role
from extract.figures.rules import rules
from extract.figures.sections import Sections, with_field
from extract.figures.sentence import Resolved, analyse
from extract.figures.share_roles import count_share_role, restated_role
from extract.figures.structures import criterion_maximum, grade_band, is_structure_count
from extract.figures.subjects import (
    act_on_carried,
    act_part,
    allocated_money,
    averaged_carried,
    bracket_attribute,
    check_name,
    classified_noun,
    compared_again,
    counted_state,
    defined_acronym,
    disbursed_capital,
    duration_named,
    echoed_count,
    event_attendants,
    is_counted,
    is_raised_total,
    is_weak,
    level_label,
    level_of_act,
    list_total,
    means_of_act,
    measure_of_count,
    money_of_act,
    noun_phrase,
    parallel_place,
    paren_total,
    part_in_parens,
    part_of_carried,
    per_head_group,
    raised_total,
    running_total,
    structure_share,
    sum_of_count,
    sum_part,
    support_level,
    total_before,
    with_beneficiary,
    with_measure_noun,
    with_topic_noun,
    without_writer,
)
from extract.figures.topics import (
    criterion_share,
    in_force,
    index_mean,
    name_criterion,
    name_index,
    rank_change,
    ranked_whole,
    whole_of_ratio,
)
from extract.language.numbers import find_numbers, percent_per_time
from extract.language.periods import breakdown, find_periods
from extract.language.sentences import sentences
from extract.model import Block, Figure, Period

_DIGIT = regex.compile("[0-9]")
_VALUE_LIST = regex.compile(r"\s*(?:\p{L}+\s+){0,2}[0-9]")  # "- Trạm bơm: 27 trạm, 3 hồ chứa": values after a label
_LEAD_MARKS = regex.compile(r"^[\s\-–+*•.,:;]+")
_LIST_ITEM = regex.compile(r"^\s*(?:[-+•*–]|[a-zđ]\)|\(?\d{1,2}[.)](?!\d))")



def _narrows(measured: Period | None, period: Period | None, default: Period | None) -> bool:
    """Whether a result's period lies inside, and is shorter than, the part's own period a share of a plan after it
    would otherwise take."""
    return (measured is not None and period is not None and period == default and period.start <= measured.start
            and measured.end <= period.end and measured != period)


def _rank_before(sent, m, done: list) -> str | None:
    """The subject of the rank part ("xếp thứ 42/135") stated in `m`'s statement (after its last ';') right before it,
    with nothing but its whole between; None otherwise."""
    top = sent.text.rfind(";", 0, m.start) + 1
    for o, subject in reversed(done):
        if o.start < top:
            return None
        if o.kind == "ratio_part":
            return subject if (o.unit or "").casefold() == rank_unit() else None
        if o.kind != "ratio_whole":
            return None
    return None


def sentence_figures(text: str, block: Block, sec: Sections, year) -> list[Figure]:
    """The figures of one block of running text."""
    out: list[Figure] = []
    # a figure needs an ASCII digit (numbers.py's cluster): text without one is not split or analysed
    if not _DIGIT.search(text):
        _as_of_lead_in(text, block, sec, year)  # "Kết quả thực hiện đến nay như sau:" dates the items under it
        return out
    carried: str | None = None  # the last named subject of the block: "Ước thực hiện 10 tháng đạt 46,3 tỷ đồng"
    # the period a sentence opens with carries to the next ones of the block; a list item starts with its lead-in's
    lead = sec.lead_in if _LIST_ITEM.match(text) or block.kind == "list_item" else None
    if block.kind == "footnote":
        lead = sec.noted  # a footnote details the paragraph it is called from, as of that paragraph's day
    last_as_of = None  # the last stock as of a day in the block
    last: tuple | None = None  # (period, point in time) of the last figure of the sentence before
    earlier: list[str] = []  # the block's sentences before, nearest first (topics in force)
    told: list = []  # (mention, subject) of the block's figures so far, for the population of a count of members
    said: list = []  # (mention, subject) of the last sentence with figures: the totals a "Trong đó: ..." breaks down
    closing = None  # the period the block's last sentence opens with when it has no figure ("Trong tháng 11/2025,
    # tập trung thực hiện những nhiệm vụ trọng tâm sau đây:")
    # the last sentence's opening period dates the part a lead-in opens (below): of no other sentence without
    # figures is it read, so it is found only there (analysing a sentence for it cost ~7% of the stage)
    lead_in_end = block.kind != "footnote" and text.rstrip().endswith(":")
    split = sentences(text)
    for i, (_off, sentence) in enumerate(split):
        closing = None
        if not _DIGIT.search(sentence):
            found = _text_lead(sentence, sec, year)
            closing = found or lead
            if not (found and found[1] and rules().completed_state.search(sentence)):
                lead = closing  # not "Đến nay, ... đã thu hoạch xong.": a stock of that completion alone
            earlier.insert(0, sentence)
            continue
        if not find_numbers(sentence):  # remembered for analyse: its aliases and breaks are read only with numbers
            if lead_in_end and i == len(split) - 1:
                closing = _text_lead(sentence, sec, year)  # dates only: it may open the part, not the next sentence
            earlier.insert(0, sentence)
            continue
        sent = analyse(sentence)
        after = " ".join(later for _o, later in split[i + 1 :])  # the block's sentences after this one (plan items)
        line = parse_line(sentence)
        if line is not None and (not _VALUE_LIST.match(sentence, line.colon) or opens_count_list(line)):
            line = None  # a block label before a sentence ("3. Về các dự án ...: tổng số dự án là 30") is a topic
        cues = sentence_cues(sentence)
        if last is not None and last[0] is not None and breakdown().match(_LEAD_MARKS.sub("", sentence)):
            lead = last  # "Trong đó khu vực ... (tăng 52,4%)": the parts of the figure just given
        lead = lead_of(sent, cues, sec, year, lead) or lead
        sec.opening = lead  # a plan document's paragraph that opens with a time before the plan states facts
        prev: Resolved | None = None
        measured = None  # (period, point in time) of the sentence's last result, for a share of a plan after it
        done: list = []  # (mention, subject) of the figures before, for "trong đó" lists
        named: list = []  # (mention, check_name or subject) of the figures before, for check_name
        planned: list[int] = []  # the starts of the figures before read as targets, for restated_role
        for j, m in enumerate(sent.mentions):  # j: `i` is the sentence's index in the block
            next_start = sent.mentions[j + 1].start if j + 1 < len(sent.mentions) else len(sentence)
            indicator, subject = subject_of(sent, m, prev)
            role = refine_role(sent, m, role_of(sent, m, prev, indicator, sec), cues, sec, prev, indicator)
            role = (restated_role(sent, m, role, prev, frozenset(planned))  # share_roles.py
                    or count_share_role(sent, m, role) or role)
            quota = quota_role(sent, m, role)  # "biên chế được giao ... là 9.818": a norm of the period
            role = quota or role
            structure = is_structure_count(sent, m)  # "chia thành 3 trụ cột": a layout, no quantity of the period
            role = "other" if structure else role
            basis = basis_of(sent, m, prev.mention.end if prev else 0, next_start)
            excess = excess_over_plan(m, role, cues, basis)  # "vượt 2,5 triệu đồng so với chỉ tiêu": a change
            if excess and not (role == "target" and planned_excess(sent, m, cues, sec)):
                role = "change"  # (among tasks, "cả năm đạt trên ..., vượt 4,5% dự toán" is one to reach: no bound either)
            ind = rules().indicators.get(indicator) if indicator else None
            if (
                role in ("other", "share")
                and m.base_unit == "%"
                and ind
                and ind.base_unit != "%"
                and is_share_of_total(sent, m)
            ):
                indicator = None  # "chiếm 10% diện tích" is a share of area, not the area indicator
            name = check_name(sent, m, subject, indicator, list_total(sent, m, named), named)
            # "... là 12.000 ha. Trong đó: diện tích lúa 8.000 ha": parts of the last figure of the sentence before
            total = list_total(sent, m, done) or total_before(sent, m, said) or paren_total(sent, m, done)
            subject = noun_phrase(sent, m, subject, indicator, total, done)
            subject = index_mean(subject, m, sent.text[: m.start])  # "Giá trị trung bình Chỉ số X ... đạt 84,37%"
            subject = without_writer(subject, sec.meta.issuer)  # "Sở Nội vụ đã tổng hợp 50 ý kiến" in its own report
            subject = measured_subject(sent, m, subject, done) or subject  # a relative figure's quantity
            subject = item_measure(sent, m, subject)  # "Kim ngạch xuất khẩu ...; sản phẩm nhựa tăng 2,2 lần"
            subject = opening_object(sent, m, subject)  # "Diện tích gieo trồng lúa ... ; năng suất đạt 7,12 tấn/ha"
            subject = area_of(m, subject)  # "Gieo trồng vụ Hè Thu 175.000 ha": the area sown
            subject = with_measure_noun(sent, m, subject)  # "... hạ xuống mức hỗ trợ ..., cụ thể: 50.000.000 đồng"
            subject = per_head_group(sent, m, subject, done)  # "mức hỗ trợ 10 triệu đồng/hộ có nhà bị sập đổ"
            subject = with_beneficiary(sent, m, subject, done)  # "... 50.000.000 đồng đối với trình độ Thạc sĩ"
            subject = with_topic_noun(sent, subject)  # "Về mức hỗ trợ đào tạo ..., ... mức hỗ trợ 50.000.000 đồng"
            subject = sum_of_count(sent, m, subject, done)  # "..., với tổng số tiền 30 triệu đồng": of the counted
            subject = measure_of_count(sent, m, subject, done)  # "82 hồ chứa với tổng dung tích 370,8 triệu m³"
            subject = structure_share(sent, m, subject)  # "Cơ cấu kinh tế: công nghiệp chiếm 46,8%": a part's share
            subject = sum_part(sent, m, subject, done)  # "..., tổng số tiền thu ... trong đó: phạt hành chính 254 ..."
            subject = act_part(m, subject, total)  # "... với số tiền 312 triệu đồng. Trong đó: chi tiếp khách ...": its act
            subject = raised_total(sent, m, subject, done)  # "có thêm 02 thôn ..., nâng tổng số lên 11 thôn"
            subject = counted_state(sent, m, subject)  # "13/17 chỉ tiêu chủ yếu đạt và vượt Nghị quyết"
            subject = compared_again(sent, m, done) or subject  # "bằng 95% dự toán A, 90% dự toán B": one figure
            subject = means_of_act(sent, m, subject)  # "khảo sát X ... với 1.100 phiếu khảo sát": the means of an act
            subject = bracket_attribute(sent, m, subject, done)  # "Nhóm giáo dục (quyền số 5,94%) tăng 1,12%"
            if name:  # the catalogue's name the checks compare by, through the same steps as the subject
                name = measured_subject(sent, m, name, named) or name
            # label_lines names a value list; a breakdown label only qualifies the subject its clause names
            if not indicator and (line is None or m.start < line.colon or is_breakdown(line)):
                subject = in_force(subject, m, sent.text[: m.start], [*earlier, *sec.in_force()], done, carried)
            elif not indicator:  # "+ Cấp xã: 120/124 địa phương xếp loại Xuất sắc": a label line's whole is all of them
                subject = whole_of_ratio(subject, m, sent.text[: m.start], done)
            if not indicator:  # "06 người", "18/70 trường hợp": members of a population counted before
                subject = repeated_whole(member_population(subject, m, sent.text, sent.mentions, [*told, *done]), m,
                                         [*told, *done])
                subject = programme_cost(subject, m, sec.plans_of_part,  # "Tổng kinh phí chi ..." in a part on a scheme
                                         [s.text for s in reversed(sec.stack)])
                subject = attribute_owner(subject, m, sent.text[: m.start])  # "Huyện A là ..., dân số 48.000 người"
            if not indicator:
                subject = with_field(subject, m, sec.field(), sent.text)  # "khởi tố 45 vụ" under a heading on drugs
            subject = echoed_count(sent, m, done) or subject  # "giảm 356 vụ (766/1122)": the count 766 repeated
            # "là 8.429 (cấp tỉnh: 2.821, cấp xã: 5.608)"; "(KH: 9.950 tỷ đồng)": a role's label names no part
            subject = part_in_parens(sent, m, done, names_role) or subject
            subject = grade_band(sent, m) or subject  # "nhóm Tốt (đạt từ 85 điểm trở lên)": the grade's band
            subject = criterion_maximum(sent, m) or subject  # "Tiêu chí 2.3 (tối đa 5 điểm) về X": X's score
            if subject:  # a score or rank of a named agent: of the index in force, catalogued or not
                subject = name_index(subject, m, [sent.text[: m.start], *earlier, *sec.in_force()])
                subject = name_criterion(subject, m, sent.text[: m.start])  # "Tiêu chí 2.3 (...) về X đạt 1,9 điểm"
            subject = criterion_share(subject, m, sent.text)  # "Trường A đạt 80% của tiêu chí “Cơ sở vật chất”"
            subject = running_total(subject, done) or subject  # "...; lũy kế 10 tháng đạt 13.800 tỷ đồng"
            subject = level_label(sent, m, role, subject)  # "Định mức chi: bồi dưỡng ... 150.000 đồng/người/ngày"
            subject = support_level(m, role, subject)  # "Hỗ trợ tiền ăn 50.000 đồng/người/ngày": the level paid
            subject = duration_named(m, role, subject)  # "đào tạo dưới 03 tháng": "thời gian đào tạo"
            subject = level_of_act(sent, m, subject)  # "chi hỗ trợ tiền ăn ... với mức 150.000 đồng/người/ngày"
            subject = disbursed_capital(m, subject, sec.meta.title, done)  # "toàn tỉnh giải ngân 2.187,6 tỷ đồng"
            subject = money_of_act(m, subject)  # "xử phạt vi phạm hành chính 85 triệu đồng": the money of the fines
            subject = allocated_money(sent, m, subject)  # "bố trí 6.850 triệu đồng từ ngân sách tỉnh cho ...": what it pays
            subject = given_quota(sent, m, subject)  # "giao 2.315 biên chế công chức ...": "biên chế công chức được giao"
            subject = classified_noun(m, subject, [sent.text[: m.start], *earlier])  # "1.327 căn xây mới": "căn nhà"
            subject = parallel_place(sent, m, subject, done)  # "... tại khu vực đô thị đạt 98%, khu vực nông thôn đạt 72%"
            subject = parameter_at_sites(sent, m, subject)  # "Độ ồn tại 18 điểm dao động từ 64,5 đến 73,8 dBA"
            subject = sites_over_norm(sent, m, subject, done)  # "có 12/45 điểm vượt giới hạn cho phép 50 µg/m3"
            subject = limit_of(sent, m, subject, done)  # "...; 04 điểm vượt giới hạn 70 dBA": the noise's limit
            subject = graded_level(sent, m, subject, done)  # "mực nước ... đạt 5,12 m, trên báo động 3 là 0,62 m"
            subject = event_attendants(sent, m, subject)  # "Kỳ thi X năm 2026, toàn tỉnh có 27.846 thí sinh dự thi"
            subject = sec.rate_restated(m, subject)  # "(mỗi tháng 02 chuyên mục)" restating a rate named before
            subject = averaged_carried(subject, carried)  # "từ 15 đến 18 triệu đồng/m², bình quân 16,4 triệu đồng/m²"
            if is_weak(subject, m.unit if m.sign_word else None, m.base_unit) and not indicator \
                    and not defined_acronym(subject, [sent.text[: m.start], *earlier]):  # "(CPI) ...; CPI tăng ..."
                # "553/553 TTHC được triển khai ...": a ratio's whole is all of its noun, named by the noun alone
                subject = subject if m.kind == "ratio_whole" and is_counted(m) and subject else (
                    act_on_carried(sent, m, subject, carried)  # "..., chi 3.164 tỷ đồng"
                    or part_of_carried(sent, m, subject, done) or carried or subject)  # "... với 52.340 buồng"
            elif subject:
                carried = subject
            subject = rank_change(subject, m, _rank_before(sent, m, done))  # "..., tụt 8 bậc": its rank's change
            subject = ranked_whole(subject, m, [sent.text[: m.start], *earlier, *sec.in_force()])  # "xếp thứ 1/19"
            done.append((m, subject))
            named.append((m, name or subject))
            res = Resolved(m, indicator, subject, role)
            if role == "target":
                planned.append(m.start)
            period, point_in_time = figure_period(sent, m, role, cues, sec, year, next_start, lead, after)
            if role in ("actual", "other") and period is not None and is_raised_total(sent, m):
                point_in_time = True  # "..., nâng tổng số lên 03/9 ấp": the total reached at the period's end
            period = compared_whole(sent, m, period) or period  # "giảm 356 vụ (766/1122) so với năm 2024"
            if role == "share_of_target" and measured is not None and _narrows(measured[0], period, sec.fact_period()):
                # "năm 2026 ước đạt 31,5%, ..., đạt 70% mục tiêu đến năm 2030" in a review of 2024-2026: the share is
                # of the result it measures, not of the whole span
                period, point_in_time = measured
            if role in ("actual", "change"):
                measured = (period, point_in_time)
            if point_in_time and period is not None:
                last_as_of = (period, True)
            if role != "target":
                last = (period, point_in_time)
            if role == "norm" and m.kind != "ratio_whole" and not quota:
                # a rule holds whenever it applies; the cap of a ratio (9.548/9.976 biên chế) is the period's own
                period, point_in_time = None, False
            elif structure:
                period, point_in_time = None, False
            elif role == "other" and any(lab == "NORM_TOPIC" and 0 <= c0 - m.end <= 2 for c0, _c1, lab in cues):
                # "(bằng 50% mức hỗ trợ tại dự thảo)": a level against a rule holds whenever the rule does
                period, point_in_time = None, False
            elif role == "norm" and point_in_time:
                # "Đến nay, ... (9.548/9.976 biên chế) được giao": the use is counted to a day, the quota given is
                # the whole period's
                period, point_in_time = sec.fact_period(), False
            low = sent.mentions[j - 1] if j and m.kind == "range_high" else None
            per_time = percent_per_time(sentence, m, low if low is not None and low.kind == "range_low" else None)
            shown = replace(m, unit=per_time, base_unit=per_time) if per_time else m  # "bình quân mỗi năm tăng 11,3%"
            out.append(
                mention_figure(
                    replace(shown, qualifier=None) if excess else shown,
                    sentence,
                    block.location,
                    block,
                    period,
                    indicator=res.indicator,
                    subject=res.subject,
                    check_name=name if name != res.subject else None,
                    role=res.role,
                    basis=basis,
                    label=label_of(sent, m, next_start),
                    point_in_time=point_in_time,
                )
            )
            prev = res
        told.extend(done)
        said = done
        earlier.insert(0, sentence)
    sec.opening = None  # the paragraph's opening dates none of the blocks after it
    if block.kind == "footnote":
        return out
    sec.noted = last_as_of or lead
    if text.rstrip().endswith(":"):
        # a lead-in "Tổng số đơn vị hiện có là 1.883 đơn vị; cụ thể:" gives its items its own as-of
        sec.lead_in = last_as_of or (closing if closing is not None and closing[1] else None) or lead
        if closing is not None and not closing[1]:
            sec.adopt(closing[0])  # "Trong tháng 11/2025, tập trung ... sau đây:" dates the whole part it opens
    elif not _LIST_ITEM.match(text):
        sec.lead_in = None
    return out


def _as_of_lead_in(text: str, block: Block, sec: Sections, year) -> None:
    """A lead-in without numbers whose last sentence names a stock's day ("Kết quả rà soát đến nay như sau:")
    gives that day to the list items under it, as a lead-in with numbers does."""
    if block.kind == "footnote" or not text.rstrip().endswith(":") or not may_hold_as_of(text):
        return
    split = sentences(text)
    found = _text_lead(split[-1][1], sec, year) if split else None
    if found is not None and found[1]:
        sec.lead_in = found


def _text_lead(sentence: str, sec: Sections, year) -> tuple | None:
    """The as-of cue or period a sentence without numbers opens with ("Kết quả thực hiện từ năm 2022 đến năm
    2025, như sau:")."""
    # lead_of finds an as-of cue or a period before the stand-in number (find_periods of sentence_lead's text):
    # without either there is no lead, and the sentence is not analysed
    as_of = may_hold_as_of(sentence)
    if not as_of and not any(pm.period for pm in find_periods(sentence + " ", year)):
        return None
    # a stand-in number at the end: everything before it is the opening (aliases and breaks are not read)
    sent = analyse(sentence + " 0", attribution=False)
    if not sent.mentions:
        return None
    # lead_of reads the as-of cues only: the spaCy layer runs on the sentences that may hold one
    cues = sentence_cues(sentence) if as_of else []
    return lead_of(sent, cues, sec, year, None) or lead_in_as_of(sentence, cues, sec)
