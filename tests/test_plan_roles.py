"""Roles and periods in plans and in the plan parts of reports (session 10): what a plan starts from is a fact,
a report's "NHIỆM VỤ" / "KẾ HOẠCH" part states targets, and the whole of a score is the criterion's maximum.
Sentences invented for these tests."""

from __future__ import annotations

from datetime import date

from extract.figures import extract_figures
from extract.model import Block, Document, Metadata, Period


def _figures(*blocks, doc_type=None, period=(date(2026, 1, 1), date(2026, 12, 31)), issued=None):
    made = tuple(
        Block("heading", b[1], f"p{i}", level=b[0]) if isinstance(b, tuple) else Block("paragraph", b, f"p{i}")
        for i, b in enumerate(blocks, 1)
    )
    doc = Document(path="t", format="docx", sha256="", blocks=made)
    meta = Metadata(doc_type=doc_type, period=Period(period[0], period[1], "kỳ"), issued_date=issued,
                    report_date=issued)
    return {f.raw.split()[0].rstrip("/"): f for f in extract_figures(doc, meta)[0]}


def _span(f):
    return f.role, f.period_start, f.period_end, f.point_in_time


def test_results_part_of_a_plan_states_facts():
    figs = _figures((2, "I. KẾT QUẢ THỰC HIỆN NĂM 2025"), "Toàn tỉnh tổ chức 14 hội nghị đối thoại với doanh nghiệp.",
                    (2, "II. NHIỆM VỤ NĂM 2026"), "Tổ chức 16 hội nghị đối thoại với doanh nghiệp.",
                    doc_type="kế hoạch", issued=date(2026, 1, 12))
    assert _span(figs["14"]) == ("actual", date(2025, 1, 1), date(2025, 12, 31), False)
    assert _span(figs["16"]) == ("target", date(2026, 1, 1), date(2026, 12, 31), False)


def test_plan_sentence_naming_an_earlier_time_is_a_fact():
    figs = _figures("Năm 2025, các xã mở 9 lớp tin học cho người dân.",
                    "Tính đến ngày 31/12/2025, toàn tỉnh có 210 điểm hỗ trợ dịch vụ công.",
                    "Mở 12 lớp tin học cho người dân.",
                    doc_type="kế hoạch", issued=date(2026, 1, 12))
    assert _span(figs["9"]) == ("actual", date(2025, 1, 1), date(2025, 12, 31), False)
    assert _span(figs["210"])[0] == "actual" and figs["210"].point_in_time
    assert figs["210"].period_end == date(2025, 12, 31)
    assert _span(figs["12"]) == ("target", date(2026, 1, 1), date(2026, 12, 31), False)


def test_comparison_base_is_no_earlier_time():
    figs = _figures("So với năm 2025, mở thêm 6 lớp bồi dưỡng kỹ năng số.", doc_type="kế hoạch",
                    issued=date(2026, 1, 12))
    assert figs["6"].role == "target"


def test_report_task_and_plan_parts_state_targets():
    figs = _figures((2, "I. KẾT QUẢ"), "Trong tháng, đã cấp 2.400 tài khoản định danh điện tử.",
                    (2, "II. NHIỆM VỤ THÁNG 12/2025"), "Cấp 3.000 tài khoản định danh điện tử cho người dân.",
                    doc_type="báo cáo", period=(date(2025, 11, 1), date(2025, 11, 30)), issued=date(2025, 11, 27))
    assert _span(figs["2.400"]) == ("actual", date(2025, 11, 1), date(2025, 11, 30), False)
    assert _span(figs["3.000"]) == ("target", date(2025, 12, 1), date(2025, 12, 31), False)


def test_stock_before_a_plan_part_is_its_start_point():
    figs = _figures((2, "III. KẾ HOẠCH NĂM 2026"),
                    "Tính đến ngày 30/11/2025, tỷ lệ hồ sơ nộp trực tuyến của tỉnh đạt 72%.",
                    "Mở 05 lớp bồi dưỡng nghiệp vụ một cửa.",
                    doc_type="báo cáo", period=(date(2025, 1, 1), date(2025, 12, 31)), issued=date(2025, 12, 5))
    assert figs["72%"].role == "actual" and figs["72%"].point_in_time
    assert figs["72%"].period_end == date(2025, 11, 30)
    assert _span(figs["05"]) == ("target", date(2026, 1, 1), date(2026, 12, 31), False)


def test_whole_of_a_score_is_its_maximum():
    figs = _figures("Sở Xây dựng được 17,5/20 điểm.", "Huyện có 15/40 điểm trường đạt chuẩn quốc gia.",
                    doc_type="báo cáo", period=(date(2025, 1, 1), date(2025, 12, 31)), issued=date(2025, 11, 6))
    assert figs["20"].role == "norm"
    assert figs["40"].role != "norm"


def test_subject_headed_by_a_plan_noun_gives_the_plan():
    figs = _figures("Tổng kế hoạch vốn năm 2025 của tỉnh (không kể nguồn bổ sung) là 9.870 tỷ đồng; đã giải ngân "
                    "6.540 tỷ đồng.", "Dự toán chi thường xuyên năm 2025: 2.310 tỷ đồng.",
                    "Tổng số hồ sơ tiếp nhận là 1.480 hồ sơ.",
                    doc_type="báo cáo", period=(date(2025, 1, 1), date(2025, 12, 31)), issued=date(2025, 12, 20))
    assert [figs[k].role for k in ("9.870", "6.540", "2.310", "1.480")] == ["target", "actual", "target", "actual"]


def test_target_with_a_later_deadline_runs_to_it():
    figs = _figures("Phấn đấu đến năm 2029, 75% thôn có nhà văn hóa đạt chuẩn.", "Toàn tỉnh có 41% thôn như vậy.",
                    doc_type="báo cáo", period=(date(2025, 1, 1), date(2025, 12, 31)), issued=date(2025, 12, 20))
    assert _span(figs["75%"]) == ("target", date(2025, 1, 1), date(2029, 12, 31), False)
    assert (figs["41%"].period_start, figs["41%"].period_end) == (date(2025, 1, 1), date(2025, 12, 31))


def test_scoring_rule_and_weight_are_norms():
    figs = _figures("Tỷ lệ phản ánh được xử lý đúng hạn từ 97% trở lên thì được 6 điểm; dưới 80% thì được 2 điểm.",
                    "Trọng số của chỉ số thành phần là 15 điểm.",
                    "Sở Công Thương đạt 92% và được 5,5 điểm.",
                    doc_type="quyết định", issued=date(2026, 2, 2))
    for raw in ("97%", "6", "80%", "2", "15"):
        assert (figs[raw].role, figs[raw].period_start, figs[raw].period_end) == ("norm", None, None), raw
    assert figs["92%"].role == "actual" and figs["5,5"].role == "actual"


def test_a_weight_in_a_price_index_is_a_norm_and_the_change_after_it_is_the_periods():
    # session 21 (s21-A, cues.yaml index_weight_before): a construction price index written by a Sở Xây dựng
    figs = _figures("Chỉ số giá xây dựng quý III: chi phí vật liệu (quyền số 58,2%) tăng 2,1% so với quý trước.",
                    "Chỉ số chuyển đổi số: trụ cột chính quyền số đạt 72,5%.",
                    period=(date(2026, 7, 1), date(2026, 9, 30)))
    assert _span(figs["58,2%"])[:3] == ("norm", None, None)
    assert _span(figs["2,1%"])[:3] == ("change", date(2026, 7, 1), date(2026, 9, 30))
    assert figs["72,5%"].role != "norm"  # "chính quyền số" (digital government) is no weight


_Q1_REPORT = {"period": (date(2026, 1, 1), date(2026, 3, 31)), "issued": date(2026, 3, 20)}  # a report on quý I


def test_a_plan_verb_opening_a_deadline_clause_governs_the_clause_after_the_comma():
    figs = _figures("Phấn đấu đến hết năm 2026, 95% hộ gia đình được cấp nước sạch.",
                    "Quyết tâm trong năm 2026, xây dựng 12 trường chuẩn quốc gia.",
                    "Đến hết năm 2026, đã có 80% xã đạt chuẩn.",
                    **_Q1_REPORT)
    assert _span(figs["95%"]) == ("target", date(2026, 1, 1), date(2026, 12, 31), False)
    assert _span(figs["12"]) == ("target", date(2026, 1, 1), date(2026, 12, 31), False)
    assert figs["80%"].role != "target"


def test_a_period_after_the_report_names_a_plan():
    figs = _figures("Trong quý II/2026, tập trung tổ chức 05 lớp bồi dưỡng kỹ năng số.",
                    "Trong quý I/2026, tổ chức 04 lớp bồi dưỡng kỹ năng số.",
                    "Số lớp quý I tăng 2 lớp so với quý IV/2025.",
                    **_Q1_REPORT)
    assert _span(figs["05"]) == ("target", date(2026, 4, 1), date(2026, 6, 30), False)
    assert figs["04"].role == "actual" and figs["2"].role == "change"


def test_a_document_that_sets_rules_states_norms_and_its_expected_cost_is_a_target():
    made = (
        Block("heading", "Điều 2. Đối tượng và mức hỗ trợ", "p1", level=2),
        Block("paragraph", "Hộ gia đình có thu nhập bình quân dưới 1.500.000 đồng/người/tháng được hỗ trợ.", "p2"),
        Block("paragraph", "Học viên khuyết tật được hỗ trợ gấp 2 lần mức chung; ngân sách tỉnh bảo đảm 70% kinh phí.",
              "p3"),
        Block("paragraph", "Dự kiến tổng kinh phí là 80 tỷ đồng, trong đó ngân sách tỉnh 56 tỷ đồng.", "p4"),
    )
    doc = Document(path="t", format="docx", sha256="", blocks=made)
    title = "NGHỊ QUYẾT Quy định chính sách hỗ trợ học nghề giai đoạn 2026-2030"
    meta = Metadata(title=title, doc_type="nghị quyết", period=Period(date(2026, 1, 1), date(2030, 12, 31), "gđ"),
                    issued_date=date(2026, 5, 4), report_date=date(2026, 5, 4))
    figs = {f.raw.split()[0]: f for f in extract_figures(doc, meta)[0]}
    assert [figs[k].role for k in ("1.500.000", "2", "70%")] == ["norm"] * 3
    assert figs["70%"].period_start is None
    assert [figs[k].role for k in ("80", "56")] == ["target", "target"]
    report = Metadata(title="BÁO CÁO Kết quả hỗ trợ học nghề", doc_type="báo cáo",
                      period=Period(date(2026, 1, 1), date(2026, 12, 31), "năm"), issued_date=date(2026, 12, 4))
    assert {f.raw.split()[0]: f for f in extract_figures(doc, report)[0]}["70%"].role != "norm"


def test_a_decision_approving_a_programme_states_its_plan():
    # "QUYẾT ĐỊNH Phê duyệt Chương trình ...": its budget and undated items are the programme's targets, what it
    # cites from before the programme stays a fact
    made = (
        Block("heading", "1. Thực trạng", "p1", level=2),
        Block("paragraph", "Năm 2025, toàn tỉnh đã hỗ trợ 210 hợp tác xã.", "p2"),
        Block("heading", "2. Kinh phí", "p3", level=2),
        Block("paragraph", "Tổng kinh phí thực hiện Chương trình là 9.600 triệu đồng, trong đó ngân sách tỉnh 6.000 triệu"
              " đồng.", "p4"),
    )
    doc = Document(path="t", format="docx", sha256="", blocks=made)
    title = "QUYẾT ĐỊNH Phê duyệt Chương trình hỗ trợ hợp tác xã giai đoạn 2026-2030"
    meta = Metadata(title=title, doc_type="quyết định", period=Period(date(2026, 1, 1), date(2030, 12, 31), "gđ"),
                    issued_date=date(2025, 11, 4), report_date=date(2025, 11, 4))
    figs = {f.raw.split()[0]: f for f in extract_figures(doc, meta)[0]}
    assert figs["210"].role == "actual"
    assert [figs[k].role for k in ("9.600", "6.000")] == ["target", "target"]
    other = Metadata(title="QUYẾT ĐỊNH Về việc khen thưởng", doc_type="quyết định",
                     period=Period(date(2026, 1, 1), date(2030, 12, 31), "gđ"), issued_date=date(2025, 11, 4))
    assert {f.raw.split()[0]: f for f in extract_figures(doc, other)[0]}["9.600"].role == "actual"


def test_the_items_after_a_norms_label_are_norms_past_semicolons():
    figs = _figures("c) Mức chi: bồi dưỡng người tham gia đoàn giám sát 120.000 đồng/người/ngày; thuê xe 2.500.000 đồng.",
                    (2, "II. KẾT QUẢ"), "b) Kết quả: toàn tỉnh chi 2.500 triệu đồng cho đoàn giám sát.")
    assert [figs[k].role for k in ("120.000", "2.500.000")] == ["norm", "norm"]
    assert figs["2.500"].role == "actual"


def test_a_minimum_per_year_among_a_plans_objectives_is_a_target():
    # under an objectives heading the plan sets the yearly minimum; among assignments it is a standing rule
    figs = _figures((2, "2. Mục tiêu đến năm 2030"), "Mỗi năm tổ chức ít nhất 04 lớp tập huấn cho cán bộ thú y.",
                    (2, "3. Tổ chức thực hiện"), "Các xã hằng quý gửi ít nhất 02 báo cáo về Sở.",
                    doc_type="kế hoạch", period=(date(2026, 1, 1), date(2030, 12, 31)), issued=date(2026, 1, 12))
    assert (figs["04"].role, figs["04"].qualifier) == ("target", ">=")
    assert figs["02"].role == "norm"


# sentences written for the rules of written set T's PAR index report (session 17, helper s17-K)
def test_a_heading_on_how_an_index_is_determined_states_its_rules():
    figs = _figures((2, "I. CÁCH THỨC XÁC ĐỊNH CHỈ SỐ"), "Phân loại: từ 85 điểm trở lên: Tốt; dưới 65 điểm: Yếu.",
                    (2, "II. KẾT QUẢ"), "Trường Tiểu học Ea Tul đạt 88 điểm.",
                    doc_type="báo cáo", issued=date(2027, 1, 15))
    for raw in ("85", "65"):
        assert (figs[raw].role, figs[raw].period_start) == ("norm", None), raw
    assert figs["88"].role == "actual"


def test_a_second_count_joined_to_a_division_is_a_structure_too():
    figs = _figures("Bộ tiêu chí gồm 05 lĩnh vực với 27 tiêu chí thành phần.", doc_type="báo cáo",
                    issued=date(2027, 1, 15))
    assert (figs["27"].role, figs["27"].period_start) == ("other", None)


def test_the_representative_items_of_a_price_index_and_their_groups_are_its_make_up():
    # session 21 (s21-A, structures.yaml principles "mặt hàng đại diện", joiners "thuộc"): a construction price index
    figs = _figures("Chỉ số giá vật liệu xây dựng được tính từ giá của 126 mặt hàng đại diện thuộc 9 nhóm vật liệu.",
                    "Xuất khẩu 15 mặt hàng chủ lực tăng 8%.")
    assert [_span(figs[k])[:3] for k in ("126", "9")] == [("other", None, None)] * 2
    assert figs["15"].role == "actual"  # goods counted in trade are a quantity


def test_a_percentage_of_the_maximum_points_is_a_share():
    figs = _figures("Điểm bình quân của nhóm chỉ số đạt 21,3/30 điểm, bằng 71% điểm tối đa.", doc_type="báo cáo",
                    issued=date(2027, 1, 15))
    assert (figs["71%"].role, figs["71%"].period_start) == ("share", date(2026, 1, 1))


def test_results_after_a_maximum_are_no_items_of_a_rule():
    figs = _figures("Nhóm chỉ số văn hóa (tối đa 10 điểm) đạt thấp, bình quân 6,2 điểm.",
                    "Điểm khảo sát bình quân đạt 17,4/20 điểm, thấp hơn năm 2025 là 0,8 điểm.",
                    doc_type="báo cáo", issued=date(2027, 1, 15))
    assert (figs["10"].role, figs["6,2"].role) == ("norm", "actual")
    f = figs["0,8"]
    assert (f.value, f.role, f.period_start, f.period_end) == (-0.8, "change", date(2026, 1, 1), date(2026, 12, 31))


def _titled(title, *blocks, period=(date(2027, 1, 1), date(2027, 12, 31))):
    made = tuple(
        Block("heading", b[1], f"p{i}", level=b[0]) if isinstance(b, tuple) else Block("paragraph", b, f"p{i}")
        for i, b in enumerate(blocks, 1)
    )
    doc = Document(path="t", format="docx", sha256="", blocks=made)
    meta = Metadata(title=title, doc_type="nghị quyết", period=Period(period[0], period[1], "kỳ"))
    return {f.raw.split()[0].rstrip("/"): f for f in extract_figures(doc, meta)[0]}


def test_a_resolution_adopting_next_years_plan_states_targets():
    # "NGHỊ QUYẾT Về nhiệm vụ ... năm 2027": its main targets, bounds and planned changes are the plan's; what it
    # assesses of 2026 stays a fact
    blocks = ((2, "1. Đánh giá tình hình thực hiện nhiệm vụ năm 2026"),
              "Năm 2026, số học sinh bỏ học ước còn 412 em, giảm 9% so với năm 2025.",
              (2, "2. Các chỉ tiêu chủ yếu năm 2027"),
              "(1) Tỷ lệ trường đạt chuẩn quốc gia đạt 76%.",
              "(2) Tổng chi cho giáo dục không thấp hơn 4.150 tỷ đồng.",
              "(3) Số học sinh bỏ học giảm ít nhất 15% so với ước thực hiện năm 2026.")
    figs = _titled("NGHỊ QUYẾT Về nhiệm vụ phát triển giáo dục năm 2027", *blocks)
    assert [figs[k].role for k in ("412", "9%")] == ["actual", "change"]
    assert [figs[k].role for k in ("76%", "4.150", "15%")] == ["target", "target", "target"]
    assert (figs["15%"].value, figs["15%"].period_start) == (-15, date(2027, 1, 1))
    other = _titled("NGHỊ QUYẾT Về việc đặt tên đường", *blocks)
    assert other["76%"].role == "actual" and other["4.150"].role == "norm"


def test_an_opener_before_a_plan_noun_keeps_the_plan():
    figs = _figures("Bên cạnh đó, dự toán chi sự nghiệp y tế được bổ sung là 86,4 tỷ đồng.",
                    doc_type="báo cáo", period=(date(2025, 1, 1), date(2025, 12, 31)), issued=date(2025, 10, 8))
    assert figs["86,4"].role == "target"


def test_a_part_on_the_capital_a_plan_allocates_states_the_plan():
    figs = _figures((2, "I. KẾ HOẠCH VỐN CHƯƠNG TRÌNH NÔNG THÔN MỚI NĂM 2025"),
                    "Phân theo nguồn: ngân sách trung ương 312 tỷ đồng; ngân sách tỉnh 145 tỷ đồng.",
                    (2, "II. KẾT QUẢ GIẢI NGÂN"), "Đến nay đã giải ngân 201 tỷ đồng.",
                    doc_type="báo cáo", period=(date(2025, 1, 1), date(2025, 12, 31)), issued=date(2025, 10, 8))
    assert [figs[k].role for k in ("312", "145", "201")] == ["target", "target", "actual"]


def test_a_bound_after_a_count_and_its_verb_names_the_class_counted():
    # "có 12 trường tuyển sinh dưới 60% chỉ tiêu": which schools are counted (norm, no period); the amount after it
    # measures them
    figs = _figures("Toàn tỉnh có 12 trường tuyển sinh dưới 60% chỉ tiêu với tổng kinh phí 48 tỷ đồng.",
                    doc_type="báo cáo", period=(date(2025, 1, 1), date(2025, 12, 31)), issued=date(2025, 10, 8))
    assert (figs["60%"].role, figs["60%"].qualifier, figs["60%"].period_start) == ("norm", "<", None)
    assert figs["12"].role == "actual" and figs["48"].role != "norm"


def test_a_plan_amount_in_a_report_to_a_day_is_the_years_plan():
    # a report on 01/01-30/9: "kế hoạch vốn 120 tỷ đồng" of a project is its plan for the year, what it reached is to 30/9
    figs = _figures("Đến ngày 30/9/2025, dự án trường chuyên có kế hoạch vốn 120 tỷ đồng, đã giải ngân 64 tỷ đồng.",
                    doc_type="báo cáo", period=(date(2025, 1, 1), date(2025, 9, 30)), issued=date(2025, 10, 6))
    assert (figs["120"].role, figs["120"].period_start, figs["120"].period_end) == (
        "target", date(2025, 1, 1), date(2025, 12, 31))
    assert (figs["64"].role, figs["64"].period_end) == ("actual", date(2025, 9, 30))



def test_a_directives_orders_are_targets_and_its_account_before_them_facts():
    # a chairman's directive (CHỈ THỊ): after "... Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:" its tasks are targets;
    # the situation it opens with stays facts
    blocks = ("Năm 2026, toàn tỉnh bị xâm nhập mặn làm thiệt hại 1.240 ha lúa.",
              "Để chủ động ứng phó với hạn hán, xâm nhập mặn, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:",
              "Các xã nạo vét 45 km kênh mương nội đồng.")
    figs = _figures(*blocks, doc_type="chỉ thị", period=(date(2027, 1, 1), date(2027, 6, 30)), issued=date(2026, 12, 10))
    assert figs["1.240"].role == "actual"
    assert (figs["45"].role, figs["45"].period_start) == ("target", date(2027, 1, 1))
    unordered = _figures(blocks[0], blocks[2], doc_type="chỉ thị", period=(date(2027, 1, 1), date(2027, 6, 30)),
                         issued=date(2026, 12, 10))
    assert unordered["45"].role == "actual"


def test_an_official_letters_requests_are_targets_and_its_account_before_them_facts():
    # an official letter (công văn) urging a programme: after "... Giám đốc Sở yêu cầu:" (or "đề nghị:") what it asks
    # is to be done; the progress it reports before stays facts (session 20)
    blocks = ("Đến ngày 30/11/2026, toàn tỉnh mới tuyển dụng 132 giáo viên mầm non.",
              "Để bảo đảm đủ giáo viên cho năm học mới, Giám đốc Sở Giáo dục và Đào tạo yêu cầu:",
              "Các xã hoàn thành tuyển dụng 58 giáo viên mầm non trước ngày 25/12/2026.")
    figs = _figures(*blocks, doc_type="công văn", issued=date(2026, 12, 3))
    assert figs["132"].role == "actual"
    assert figs["58"].role == "target"
    unordered = _figures(blocks[0], blocks[2], doc_type="công văn", issued=date(2026, 12, 3))
    assert unordered["58"].role == "actual"


def test_a_plan_paragraph_opening_with_an_earlier_time_states_facts_throughout():
    # in a plan document, a paragraph that opens with a time before the plan's dates every clause and sentence after it
    figs = _figures("Năm 2025, toàn tỉnh xây dựng 46 nhà văn hóa thôn; trong đó có 12 nhà văn hóa đạt chuẩn. Kinh phí "
                    "xây dựng do nhân dân đóng góp là chủ yếu (3.150 triệu đồng).",
                    "Xây dựng mới 50 nhà văn hóa thôn.",
                    doc_type="kế hoạch", period=(date(2026, 1, 1), date(2030, 12, 31)), issued=date(2025, 12, 20))
    assert [figs[k].role for k in ("46", "12", "3.150")] == ["actual", "actual", "actual"]
    assert figs["50"].role == "target"


def test_a_period_after_the_words_listing_a_counts_members_is_theirs():
    # "06 nghị quyết, gồm Nghị quyết về giá dịch vụ năm 2028 ...": the year names a member, not the count's time
    figs = _figures("Trong quý III, trình Hội đồng nhân dân tỉnh 06 nghị quyết, gồm Nghị quyết về giá dịch vụ năm 2028 "
                    "và Nghị quyết về học phí năm học 2027-2028.",
                    doc_type="kế hoạch", period=(date(2027, 1, 1), date(2027, 12, 31)), issued=date(2026, 12, 20))
    assert (figs["06"].role, figs["06"].period_start, figs["06"].period_end) == (
        "target", date(2027, 7, 1), date(2027, 9, 30))


def test_a_share_of_the_plan_to_reach_in_an_adopted_programme_is_a_target():
    figs = _titled("QUYẾT ĐỊNH Ban hành Chương trình công tác năm 2027 của Ủy ban nhân dân tỉnh",
                   "Năm 2026, giải ngân vốn đầu tư công đạt 91% kế hoạch.",
                   "Đến hết quý III/2027, giải ngân vốn đầu tư công đạt 75% kế hoạch.")
    assert figs["91%"].role == "share_of_target"
    assert figs["75%"].role == "target"


def test_a_duration_over_a_bound_names_a_class_in_a_plan_too():
    # a plan sets no time to exceed: "hồ sơ trả kết quả chậm quá 05 ngày làm việc" says which files (norm, no period)
    figs = _figures((2, "III. TỔ CHỨC THỰC HIỆN"),
                    "Hồ sơ trả kết quả chậm quá 05 ngày làm việc phải được báo cáo Chủ tịch Ủy ban nhân dân tỉnh.",
                    doc_type="kế hoạch", period=(date(2027, 1, 1), date(2027, 12, 31)), issued=date(2026, 12, 20))
    assert (figs["05"].role, figs["05"].qualifier, figs["05"].period_start) == ("norm", ">", None)


def test_the_dimensions_of_a_multidimensional_standard_are_its_layout():
    # session 19, helper s19-C: "chiều" a division's part, and the second count joined after the rest of its noun
    figs = _figures("Bộ chỉ số trẻ em gồm 05 chiều thiếu hụt với 15 chỉ số đo lường.", doc_type="báo cáo",
                    issued=date(2026, 11, 2))
    assert [(figs[k].role, figs[k].period_start, figs[k].unit) for k in ("05", "15")] == [
        ("other", None, "chiều"), ("other", None, "chỉ số")]


def test_a_plans_bound_before_one_number_sets_no_rule_for_the_next():
    # session 19, helper s19-C: "ít nhất" is the minimum of the count it stands before; the amount after is planned
    figs = _figures((2, "II. NHIỆM VỤ NĂM 2027"), "Khởi công ít nhất 06 trạm y tế với khoảng 48 tỷ đồng.",
                    doc_type="kế hoạch", period=(date(2027, 1, 1), date(2027, 12, 31)), issued=date(2026, 12, 2))
    assert (figs["06"].role, figs["06"].qualifier) == ("target", ">=")
    assert (figs["48"].role, figs["48"].period_start) == ("target", date(2027, 1, 1))


def test_the_split_of_a_plan_amount_in_brackets_is_planned_too():
    # session 19, helper s19-C: "(vốn ... X tỷ đồng, vốn ... Y tỷ đồng)" right after an amount assigned
    figs = _figures("Kế hoạch vốn chương trình năm 2026 được giao 96,5 tỷ đồng (vốn đầu tư 60 tỷ đồng, vốn sự nghiệp "
                    "36,5 tỷ đồng); đến ngày 31/10/2026 đã giải ngân 51,2 tỷ đồng.", doc_type="báo cáo",
                    issued=date(2026, 11, 5))
    assert [figs[k].role for k in ("96,5", "60", "36,5", "51,2")] == ["target", "target", "target", "actual"]


def test_a_kpi_in_brackets_after_a_resolution_cited_by_number_may_be_written_as_a_cut():
    # session 19, helper s19-C: "so với chỉ tiêu tại Nghị quyết số 15/NQ-HĐND (giảm từ 1 điểm phần trăm trở lên)"
    figs = _figures("Tỷ lệ hộ cận nghèo giảm 1,2 điểm phần trăm, so với chỉ tiêu tại Nghị quyết số 15/NQ-HĐND (giảm "
                    "từ 1 điểm phần trăm trở lên) đạt kế hoạch.", doc_type="báo cáo", issued=date(2026, 12, 10))
    assert (figs["1"].role, figs["1"].value, figs["1"].period_start) == ("target", -1, date(2026, 1, 1))


def test_a_state_after_an_as_of_day_and_a_reviews_result_are_stocks_at_their_day():
    # session 19, helper s19-C: "đang ..." after "Tính đến ngày ..." is at that day, not the document's; "theo kết quả
    # rà soát cuối năm" counts the state at the year's end
    figs = _figures("Tính đến ngày 30/9/2026, tỉnh có 14 trạm bơm đang thi công với tổng công suất 3.600 m3/giờ.",
                    "Theo kết quả rà soát cuối năm 2026, toàn tỉnh có 2.145 hộ thiếu nước sạch.",
                    doc_type="báo cáo", issued=date(2026, 12, 8))
    assert _span(figs["3.600"])[2:] == (date(2026, 9, 30), True)
    assert _span(figs["2.145"])[2:] == (date(2026, 12, 31), True)


def test_a_ceiling_per_head_bounds_a_class_and_a_level_reached_does_not():
    # session 19, helper s19-C: "hộ có thu nhập bình quân đầu người/tháng từ N trở xuống" defines a class (norm);
    # "tỷ lệ ... có việc làm đạt từ N% trở lên" in a plan is the level to reach (target)
    figs = _figures("Hộ cận nghèo khu vực thành thị là hộ có thu nhập bình quân đầu người/tháng từ 3,1 triệu đồng trở "
                    "xuống.", (2, "II. MỤC TIÊU NĂM 2027"), "Tỷ lệ thanh niên có việc làm đạt từ 70% trở lên.",
                    doc_type="kế hoạch", period=(date(2027, 1, 1), date(2027, 12, 31)), issued=date(2026, 12, 2))
    assert (figs["3,1"].role, figs["3,1"].qualifier, figs["3,1"].period_start) == ("norm", "<=", None)
    assert (figs["70%"].role, figs["70%"].period_start) == ("target", date(2027, 1, 1))


def test_the_people_a_support_reached_are_counted_not_ruled():
    # session 19, helper s19-C: "hỗ trợ 50% mức đóng ... cho 2.310 người" - the 50% is the rule, the people got it
    figs = _figures("Năm 2026, ngân sách tỉnh hỗ trợ 50% mức đóng bảo hiểm xã hội tự nguyện cho 2.310 người.",
                    doc_type="báo cáo", issued=date(2026, 12, 10))
    assert (figs["50%"].role, figs["2.310"].role, figs["2.310"].period_start) == ("norm", "actual", date(2026, 1, 1))


def test_a_decision_approving_a_list_of_projects_states_its_plan():
    # "QUYẾT ĐỊNH Phê duyệt Danh mục dự án ...": the projects it lists and their capital are what the province plans
    # to attract; what the old list reached before it stays a fact
    made = (
        Block("paragraph", "Danh mục gồm 09 dự án, tổng vốn đầu tư dự kiến 7.250 tỷ đồng; lĩnh vực công nghiệp chế biến"
              ": 04 dự án với tổng diện tích khoảng 210 ha.", "p1"),
        Block("paragraph", "Năm 2025, có 03 dự án của Danh mục cũ đã được chấp thuận chủ trương đầu tư.", "p2"),
    )
    doc = Document(path="t", format="docx", sha256="", blocks=made)
    meta = Metadata(title="QUYẾT ĐỊNH Phê duyệt Danh mục dự án thu hút đầu tư tỉnh Cao Bằng giai đoạn 2027-2030",
                    doc_type="quyết định", period=Period(date(2027, 1, 1), date(2030, 12, 31), "gđ"),
                    issued_date=date(2026, 12, 2), report_date=date(2026, 12, 2))
    figs = {f.raw.split()[0]: f for f in extract_figures(doc, meta)[0]}
    assert [figs[k].role for k in ("09", "7.250", "04", "210")] == ["target"] * 4
    assert figs["03"].role == "actual"


def test_a_percentage_restating_an_amount_over_its_plan_is_the_share_of_the_plan():
    # "dự toán 48,0 tỷ đồng, đã chi 12,6 tỷ đồng, đạt 26,3%": the percentage is the part over a plan (session 20,
    # from an official letter's list of units behind); over a whole that is no plan it stays a share
    figs = _figures("Trung tâm Y tế khu vực Hải Hà: dự toán chi thường xuyên 48,0 tỷ đồng, đã chi 12,6 tỷ đồng, "
                    "đạt 26,3%.", issued=date(2026, 12, 4))
    assert (figs["48,0"].role, figs["12,6"].role, figs["26,3%"].role) == ("target", "actual", "share_of_target")
    figs = _figures("Trường Trung học phổ thông Tiên Yên phát ra 1.520 phiếu khảo sát, thu về 1.487 phiếu, đạt 97,8%.",
                    issued=date(2026, 12, 4))
    assert figs["97,8%"].role == "share"


def test_a_reached_percentage_of_a_part_over_its_whole_with_an_amount_between_them_is_a_share():
    # "ban hành 24.617 quyết định ... với tổng số tiền phạt 187,4 tỷ đồng; đã thi hành 22.980 quyết định, đạt 93,4%"
    # (s21-C, from a justice report): the whole is the count of the part's unit, past the amount the sentence adds
    figs = _figures("Chi cục Thuế đã ban hành 3.250 thông báo nợ thuế với tổng số tiền 412,5 tỷ đồng; người nộp thuế "
                    "đã thực hiện 2.860 thông báo, đạt 88,0%.", issued=date(2026, 12, 4))
    assert figs["88,0%"].role == "share"


def test_a_bounded_rate_of_a_class_a_plural_word_names_is_its_threshold():
    # "các trường có tỷ lệ học sinh bỏ học trên 1%": which schools are meant, not a rate measured (session 20, from an
    # official letter's "một số đơn vị có tỷ lệ giải ngân dưới 30%"); the province's own rate stays a figure
    figs = _figures("Tính đến ngày 30/11/2026, một số trường có tỷ lệ học sinh bỏ học trên 1%, cụ thể: Trường A 1,4%.",
                    "Toàn tỉnh có tỷ lệ học sinh bỏ học dưới 0,5%.", issued=date(2026, 12, 4))
    assert (figs["1%"].role, figs["1%"].period_start) == ("norm", None)
    assert figs["1,4%"].role == "actual"
    assert figs["0,5%"].role == "actual"


def test_a_share_of_an_objective_is_of_the_result_it_measures():
    # a mid-term review of 2021-2025 (session 20): "đạt 60% mục tiêu đến năm 2030" is the share of the resolution's
    # objective reached, of the year of the result it measures, not a target of the span
    figs = _figures("Năm 2025, doanh thu du lịch biển đảo ước đạt 4.200 tỷ đồng, đạt 60% mục tiêu đến năm 2030.",
                    "Tỷ lệ cơ sở lưu trú đạt chuẩn năm 2025 ước đạt 35%, bằng 70% mục tiêu Nghị quyết.",
                    period=(date(2021, 1, 1), date(2025, 12, 31)), issued=date(2025, 11, 12))
    assert _span(figs["60%"]) == ("share_of_target", date(2025, 1, 1), date(2025, 12, 31), False)
    assert _span(figs["70%"]) == ("share_of_target", date(2025, 1, 1), date(2025, 12, 31), False)


def test_a_total_plan_opening_its_clause_is_a_target_with_its_split():
    # "tổng kế hoạch vốn năm 2026 của Đề án là 412 tỷ đồng (...)": the plan noun opening the clause, as a total, governs
    # the amount and its split (session 20, from an official letter's account of a programme's capital)
    figs = _figures("Theo Báo cáo số 15/BC-SYT ngày 02/12/2026 của Sở Y tế, tổng kế hoạch vốn năm 2026 của Đề án là 412 "
                    "tỷ đồng (vốn đầu tư 300 tỷ đồng, vốn sự nghiệp 112 tỷ đồng).", issued=date(2026, 12, 4))
    assert [figs[k].role for k in ("412", "300", "112")] == ["target", "target", "target"]
    figs = _figures("Tổng vốn năm 2026 của Đề án đã giải ngân là 215 tỷ đồng.", issued=date(2026, 12, 4))
    assert figs["215"].role == "actual"

# sentences written for the rules of written set T's grade-10 enrolment plan (session 20, helper s20-D), in another
# sector: a civil-servant recruitment plan
def test_a_heading_on_how_candidates_are_admitted_states_the_exams_rules():
    figs = _figures((2, "I. CHỈ TIÊU TUYỂN DỤNG"), "Tuyển dụng 46 công chức cấp xã.",
                    (2, "II. PHƯƠNG THỨC TUYỂN DỤNG"),
                    "Vòng 2 thi viết môn nghiệp vụ chuyên ngành, thời gian làm bài 180 phút; người dự tuyển là "
                    "người dân tộc thiểu số được cộng 2,5 điểm vào kết quả vòng 2.",
                    doc_type="kế hoạch", issued=date(2026, 3, 2))
    assert _span(figs["46"]) == ("target", date(2026, 1, 1), date(2026, 12, 31), False)
    for raw in ("180", "2,5"):
        assert (figs[raw].role, figs[raw].period_start) == ("norm", None), raw


def test_a_change_a_plan_states_is_planned_and_its_results_part_keeps_changes():
    figs = _figures((2, "I. KẾT QUẢ THỰC HIỆN NĂM 2026"), "Khám sàng lọc cho 10.500 lượt người, tăng 900 lượt so với năm 2025.",
                    (2, "II. CHỈ TIÊU NĂM 2027"), "Khám sàng lọc cho 12.000 lượt người, tăng 1.500 lượt so với năm 2026.",
                    doc_type="kế hoạch", period=(date(2027, 1, 1), date(2027, 12, 31)), issued=date(2027, 1, 8))
    assert _span(figs["900"])[0] == "change"
    assert _span(figs["1.500"]) == ("target", date(2027, 1, 1), date(2027, 12, 31), False)


def test_units_organised_into_clusters_and_blocs_describe_a_layout():
    # session 20 (written for the emulation report of set T; a sentence of another sector)
    figs = _figures("Các hợp tác xã được tổ chức thành 04 cụm liên kết và 03 khối dịch vụ.",
                    "Năm 2026 thành lập mới 12 hợp tác xã.", doc_type="báo cáo", issued=date(2026, 12, 20))
    for raw in ("04", "03"):
        assert (figs[raw].role, figs[raw].period_start) == ("other", None), raw
    assert figs["12"].role == "actual"


def test_a_condition_already_met_and_a_ceiling_per_unit_are_rules_in_a_plan():
    # session 20 (written for the enrolment plan of set T; sentences of other sectors): "khi đã ..." states what must
    # have happened for a rule to apply, no result; "mỗi lớp ... không quá 40 học viên" a ceiling per unit, no target
    figs = _figures((2, "II. PHƯƠNG THỨC TUYỂN DỤNG"),
                    "Người dự tuyển được xét tuyển khi đã dự đủ hai vòng và không có vòng nào đạt dưới 50 điểm.",
                    (2, "III. TỔ CHỨC THỰC HIỆN"),
                    "Mở 12 lớp tập huấn, mỗi lớp tập huấn không quá 40 học viên.",
                    doc_type="kế hoạch", issued=date(2026, 3, 2))
    assert (figs["50"].role, figs["50"].period_start) == ("norm", None)
    assert (figs["40"].unit, figs["40"].role, figs["40"].period_start) == ("học viên/lớp", "norm", None)
    assert figs["12"].role == "target"

def test_a_reports_production_plan_part_states_targets():
    # session 20, helper s20-B: "II. KẾ HOẠCH SẢN XUẤT ..." after a season's or year's results (cues.yaml
    # plan_sections) sets what is to be produced; the results before it stay facts (an industry report here)
    figs = _figures((2, "I. KẾT QUẢ SẢN XUẤT NĂM 2026"), "Sản lượng điện thương phẩm đạt 1.180 triệu kWh.",
                    (2, "II. KẾ HOẠCH SẢN XUẤT NĂM 2027"), "Sản lượng điện thương phẩm 1.260 triệu kWh.",
                    doc_type="báo cáo", issued=date(2026, 12, 20))
    assert _span(figs["1.180"]) == ("actual", date(2026, 1, 1), date(2026, 12, 31), False)
    assert _span(figs["1.260"]) == ("target", date(2027, 1, 1), date(2027, 12, 31), False)


def test_a_decision_giving_a_budget_estimate_states_its_plan():
    # session 20, helper s20-B: "QUYẾT ĐỊNH Về việc giao dự toán ..." (cues.yaml plan_approval_titles): the amounts it
    # estimates for the year are planned, not spent (a health budget here); a settlement's title is no estimate
    made = (Block("paragraph", "Dự toán chi sự nghiệp y tế năm 2027 là 1.245 tỷ đồng, chi mua thẻ bảo hiểm y tế 318 tỷ "
                  "đồng.", "p1"),)
    doc = Document(path="t", format="docx", sha256="", blocks=made)
    year = Period(date(2027, 1, 1), date(2027, 12, 31), "năm 2027")
    for title, role in (("QUYẾT ĐỊNH Về việc giao dự toán ngân sách nhà nước năm 2027", "target"),
                        ("NGHỊ QUYẾT Về phân bổ dự toán ngân sách địa phương năm 2027", "target"),
                        ("NGHỊ QUYẾT Về việc phê chuẩn quyết toán ngân sách địa phương năm 2027", "actual")):
        meta = Metadata(title=title, doc_type=title.split(" Về")[0].casefold(), period=year,
                        issued_date=date(2026, 12, 9), report_date=date(2026, 12, 9))
        figs = {f.raw.split()[0]: f for f in extract_figures(doc, meta)[0]}
        assert (title, figs["318"].role) == (title, role)


def test_a_share_in_a_plan_part_is_a_planned_structure_of_its_period():
    # session 20, helper s20-B (attribution.section_period): "chiếm 42%" under next year's directions is the planned
    # structure of that year (an economy's structure here), not a fact of the report's year
    figs = _figures((2, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027"),
                    "Cơ cấu kinh tế: công nghiệp - xây dựng chiếm 42%; dịch vụ chiếm 38%.",
                    doc_type="báo cáo", issued=date(2026, 12, 15))
    assert _span(figs["42%"]) == ("share", date(2027, 1, 1), date(2027, 12, 31), False)


def test_the_waves_a_schedule_is_divided_into_are_a_structure():
    # session 20, helper s20-B (structures.yaml parts: đợt): a vaccination plan here; the doses to give stay its target
    figs = _figures((2, "II. KẾ HOẠCH NĂM 2027"), "Chiến dịch tiêm vắc xin sởi được chia thành 03 đợt, tiêm 45.000 liều.",
                    doc_type="báo cáo", issued=date(2026, 12, 15))
    assert _span(figs["03"]) == ("other", None, None, False)
    assert _span(figs["45.000"]) == ("target", date(2027, 1, 1), date(2027, 12, 31), False)


def test_an_articles_title_line_opens_a_part_of_a_resolution_adopting_a_plan():
    # "Điều 1. Đánh giá tình hình thực hiện nhiệm vụ năm 2026" typed as a plain paragraph (s21-C, from a commune's
    # resolution): the assessment it heads states facts of 2026, the next article's targets are the plan's (a health
    # resolution here)
    title = "NGHỊ QUYẾT Về kế hoạch phát triển sự nghiệp y tế năm 2027"
    made = tuple(Block("paragraph", t, f"p{i}") for i, t in enumerate((
        "Điều 1. Đánh giá tình hình thực hiện kế hoạch năm 2026",
        "Toàn tỉnh có 5.420 giường bệnh, đạt 98,5% kế hoạch.",
        "Điều 2. Chỉ tiêu, nhiệm vụ năm 2027",
        "Số giường bệnh đạt 5.600 giường.",
        "Điều 3. Tổ chức thực hiện"), 1))
    meta = Metadata(title=title, doc_type="nghị quyết", period=Period(date(2027, 1, 1), date(2027, 12, 31), "năm 2027"),
                    issued_date=date(2026, 12, 10), report_date=date(2026, 12, 10))
    figs = {f.raw.split()[0]: f for f in extract_figures(Document(path="t", format="docx", sha256="", blocks=made),
                                                         meta)[0]}
    assert _span(figs["5.420"]) == ("actual", date(2026, 1, 1), date(2026, 12, 31), False)
    assert figs["98,5%"].role == "share_of_target"
    assert _span(figs["5.600"]) == ("target", date(2027, 1, 1), date(2027, 12, 31), False)
