"""A duration bounded by "trong vòng" (within) is a quantity with the bound "<=", and the support duration a
policy sets is a rule (norm); "vòng 2" without "trong" still names a round; a multiple of the base salary is
money ("0,7 lần mức lương cơ sở/người/tháng"). Invented sentences."""

from __future__ import annotations

from datetime import date

from extract.figures import extract_figures
from extract.language.nlp import identifier_spans
from extract.model import Block, Document, Metadata, Period


def _figures(text: str):
    doc = Document(path="t", format="docx", sha256="", blocks=(Block("paragraph", text, "p1"),))
    meta = Metadata(period=Period(date(2025, 1, 1), date(2025, 12, 31), "năm 2025"))
    return extract_figures(doc, meta)[0]


def test_within_a_duration_is_a_bounded_quantity_not_a_round():
    text = "Hồ sơ đủ điều kiện được giải quyết trong vòng 05 ngày làm việc kể từ ngày tiếp nhận."
    assert identifier_spans(text) == []
    (f,) = _figures(text)
    assert (f.value, f.unit, f.qualifier) == (5, "ngày làm việc", "<=")


def test_a_round_keeps_its_number_out():
    text = "Các đội thi vào vòng 2 của hội thi được cộng 10 điểm."
    assert [rid for _s, _e, rid in identifier_spans(text)] == ["version_counter"]
    assert [f.raw for f in _figures(text)] == ["10 điểm"]


def test_the_support_duration_a_policy_sets_is_a_norm_without_period():
    (f,) = _figures("Người được thu hút về công tác tại tỉnh có thời gian hỗ trợ trong vòng 04 năm.")
    assert (f.value, f.unit, f.qualifier, f.role) == (4, "năm", "<=", "norm")
    assert f.period_start is None and f.period_end is None


def test_a_multiple_of_the_base_salary_is_a_money_rate_a_support_policy_sets():
    (f,) = _figures("Cán bộ được điều động về xã được hỗ trợ hằng tháng bằng 0,7 lần mức lương cơ sở/người/tháng.")
    assert (f.value, f.unit, f.role) == (0.7, "lần mức lương cơ sở/người/tháng", "norm")
    (g,) = _figures("Học viên có hoàn cảnh khó khăn được hỗ trợ 1.200.000 đồng/tháng trong thời gian học.")
    assert (g.unit, g.role) == ("đồng/tháng", "norm")
    (h,) = _figures("Năm 2025, tỉnh đã chi trả 850.000 đồng/tháng cho mỗi học viên.")
    assert h.role == "actual"  # paid: a result, no rule


def test_a_bound_before_gap_bounds_the_multiple_and_a_rule_sets_it():
    (f,) = _figures("Người được cử đi học phải cam kết làm việc tại tỉnh ít nhất gấp 02 lần thời gian đào tạo.")
    assert (f.value, f.unit, f.qualifier, f.role) == (2, "lần", ">=", "norm")
    (g,) = _figures("Năm 2025, sản lượng đã đạt ít nhất gấp 3 lần năm 2020.")
    assert (g.qualifier, g.role) == (">=", "change")  # reached: a result, no rule
    (h,) = _figures("Số hộ nghèo giảm hơn gấp 2 lần so với đầu kỳ.")
    assert (h.qualifier, h.role) == (">", "change")


def test_a_bounded_number_of_months_is_a_duration_not_a_reporting_period():
    text = "Hỗ trợ học nghề dưới 03 tháng; thời gian hoàn thành không quá 06 tháng kể từ ngày nhận kinh phí."
    assert [(f.value, f.unit, f.qualifier) for f in _figures(text)] == [(3, "tháng", "<"), (6, "tháng", "<=")]
    assert [f.raw for f in _figures("Định kỳ 06 tháng, các xã báo cáo kết quả cho 12 hộ.")] == ["12 hộ"]


def test_after_a_duration_is_above_it():
    (f,) = _figures("Hồ sơ được trả lại sau 10 ngày làm việc nếu người nộp không bổ sung giấy tờ.")
    assert (f.value, f.unit, f.qualifier) == (10, "ngày làm việc", ">")
    (g,) = _figures("Đội đứng sau 2 đơn vị dẫn đầu.")
    assert g.qualifier is None


def test_within_a_time_limit_is_at_most_it_and_a_norm():
    (f,) = _figures("Cơ quan tiếp nhận phải trả lời bằng văn bản trong thời hạn 07 ngày làm việc.")
    assert (f.value, f.unit, f.qualifier, f.role) == (7, "ngày làm việc", "<=", "norm")


def test_a_minimum_after_co_tu_bounds_a_class_a_rule_names():
    # "có từ N ... trở lên" after a noun says which ones a rule covers, a word of the noun between number and suffix
    (f,) = _figures("Hộ gia đình có từ 03 con nhỏ trở lên được ưu tiên vay vốn.")
    assert (f.value, f.unit, f.qualifier, f.role) == (3, "con", ">=", "norm")
    assert f.period_start is None


# session 20 (s20-Q): a latest day counted back from an event, or forward from one
def test_a_latest_day_counted_back_from_an_event_is_at_least_that_long_before_it():
    (f,) = _figures("Hồ sơ dự thầu phải nộp cho Sở Xây dựng chậm nhất 05 ngày làm việc trước ngày mở thầu.")
    assert (f.value, f.unit, f.qualifier, f.role) == (5, "ngày làm việc", ">=", "norm")
    (g,) = _figures("Sở Tư pháp trả lời chậm nhất 05 ngày làm việc kể từ ngày nhận đơn.")
    assert (g.value, g.qualifier, g.role) == (5, "<=", "norm")


def test_a_deadline_counted_back_in_a_plan_is_a_norm_without_a_period():
    doc = Document(path="t", format="docx", sha256="", blocks=(
        Block("heading", "KẾ HOẠCH Tổ chức kỳ thi năm 2027", "p0", level=1),
        Block("paragraph", "Danh sách thí sinh được niêm yết chậm nhất 10 ngày trước ngày thi.", "p1")))
    meta = Metadata(doc_type="kế hoạch", period=Period(date(2027, 1, 1), date(2027, 12, 31), "năm 2027"))
    (f,) = extract_figures(doc, meta)[0]
    assert (f.value, f.qualifier, f.role, f.period_start) == (10, ">=", "norm", None)

def test_a_lead_time_before_an_event_is_at_least_it_and_a_norm():
    # "chậm nhất 03 ngày làm việc trước ngày tiêm chủng": no later than three working days before, so at least that lead
    # time, a rule (session 20, from an official letter's "chậm nhất 05 ngày làm việc trước ngày tổ chức Hội nghị");
    # "chậm nhất 30 ngày kể từ ..." is a time limit counted forward, at most it (s20-Q's rule, kept at the merge)
    (f,) = _figures("Trạm y tế xã gửi danh sách trẻ chậm nhất 03 ngày làm việc trước ngày tiêm chủng.")
    assert (f.value, f.unit, f.qualifier, f.role, f.period_start) == (3, "ngày làm việc", ">=", "norm", None)
    (f,) = _figures("Chậm nhất 30 ngày kể từ ngày nhận đủ hồ sơ, Trung tâm Y tế phải trả lời bằng văn bản.")
    assert f.qualifier == "<="
