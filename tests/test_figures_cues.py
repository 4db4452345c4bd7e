"""Real-genre attribution: identifiers dropped, norm/share/target/change roles, as-of periods, subjects."""

from __future__ import annotations

from datetime import date

import pytest

from extract.figures import extract_figures
from extract.model import Block, Document, Metadata, Period


def figures_of(text: str, year: int = 2025, doc_type: str | None = None):
    doc = Document(path="t", format="docx", sha256="", blocks=(Block("paragraph", text, "p1"),))
    meta = Metadata(doc_type=doc_type, period=Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}"))
    return extract_figures(doc, meta)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Luật Cán bộ, công chức số 82/2025/QH15 và Tờ trình 617/TTr-UBND.",
        "Các nhiệm vụ của Đề án 06 chậm muộn (trang 2), tổng hợp ý kiến (lần 1).",
        "Trường xếp trong nhóm 10 trường, chấm theo thang điểm 100, họp lúc 14:42:19.",
        "Tài khoản định danh điện tử mức 2; Quốc khánh 2/9; Ước thực hiện 10 tháng đạt.",
    ],
)
def test_identifiers_are_not_figures(text):
    assert figures_of(text) == []


def test_norm_has_no_period():
    (f,) = figures_of("Mức hỗ trợ tối đa 50 triệu đồng/người/tháng.")
    assert (f.role, f.unit, f.period_start, f.period_end) == ("norm", "triệu đồng/người/tháng", None, None)


def test_stock_as_of_a_date():
    (f,) = figures_of("Tính đến ngày 05/11/2025, toàn tỉnh có 120 hồ sơ tồn đọng.")
    assert f.point_in_time and (f.period_start, f.period_end) == (date(2025, 1, 1), date(2025, 11, 5))


def test_an_undated_now_after_a_dated_as_of_cue_of_its_clause_speaks_of_that_day():
    # "Tính đến 7h ngày 05/12/2026, tổng dung tích hiện tại của các hồ chứa là 312,6 triệu m³" (s21-B): the beds
    # current on 30/9, not on the document's day
    (f,) = figures_of("Tính đến ngày 30/9/2025, số giường bệnh hiện tại của các bệnh viện công lập là 4.250 giường.")
    assert f.point_in_time and f.period_end == date(2025, 9, 30)
    # after a ';' the "now" is the document's own
    first, second = figures_of("Tính đến ngày 30/9/2025, toàn tỉnh có 120 trạm y tế; hiện nay có 125 trạm y tế.")
    assert first.period_end == date(2025, 9, 30) and second.period_end != date(2025, 9, 30)


@pytest.mark.parametrize(
    "text,stock,end",
    [
        # "đến" right before a whole day is "đến ngày" (s20-A): a balance at that day, in a sentence or opening it
        ("Số người tham gia bảo hiểm thất nghiệp đến 30/9/2025 đạt 214.560 người.", True, date(2025, 9, 30)),
        ("Đến 31/10/2025, toàn tỉnh có 1.245 hợp tác xã đang hoạt động.", True, date(2025, 10, 31)),
        # the end of a range of days stays a flow's end
        ("Từ ngày 01/7/2025 đến 30/9/2025, đã cấp 3.120 giấy phép lái xe.", False, date(2025, 9, 30)),
        ("Đoàn tham gia hội chợ từ ngày 03 đến 07/10/2025 với 06 gian hàng.", False, date(2025, 10, 7)),
    ],
)
def test_den_before_a_whole_day_counts_a_stock_to_it(text, stock, end):
    (f,) = figures_of(text)
    assert (f.point_in_time, f.period_end) == (stock, end)


@pytest.mark.parametrize(
    "text,role",
    [
        # a level's name opens the statement and a copula states its value, past the commas of whom it covers (s20-A)
        ("Mức hỗ trợ tối đa đối với người cao tuổi, người khuyết tật là 2 triệu đồng/người.", "norm"),
        ("Mức cho vay đối với hộ sản xuất, kinh doanh tại vùng khó khăn là 100 triệu đồng/hộ.", "norm"),
        # a result stated ("đã") or a measured mean is no level set
        ("Mức chi cho người cao tuổi, người khuyết tật đã đạt 2 triệu đồng/người.", "actual"),
    ],
)
def test_a_level_stated_after_a_copula_is_a_norm_across_a_list(text, role):
    (f,) = figures_of(text)
    assert f.role == role and (f.period_start is None) == (role == "norm")


def test_trong_ky_opens_a_flow_of_the_reporting_period_after_a_stock():
    doc = Document(path="t", format="docx", sha256="", blocks=(Block(
        "paragraph", "Đến ngày 30/9/2025, toàn tỉnh có 1.245 hợp tác xã. Trong kỳ, đã thành lập mới 85 hợp tác xã.",
        "p1"),))
    meta = Metadata(doc_type=None, period=Period(date(2025, 1, 1), date(2025, 12, 31), "năm 2025"))
    stock, flow = extract_figures(doc, meta)[0]
    assert (stock.point_in_time, stock.period_end) == (True, date(2025, 9, 30))
    assert (flow.point_in_time, flow.period_start, flow.period_end) == (False, date(2025, 1, 1), date(2025, 12, 31))


def test_trong_nam_opens_a_flow_of_the_reporting_year_after_a_stock_and_the_sentences_after_it_stay_flows():
    # "Đến ngày 30/11/2026, ... có 236 tổ chức ... . Trong năm, Sở đã trình bổ nhiệm 11 công chứng viên ... . Các tổ
    # chức ... đã công chứng ..." (s21-C, from a justice report): a year's flows after the paragraph's stock
    doc = Document(path="t", format="docx", sha256="", blocks=(Block(
        "paragraph", "Đến ngày 30/11/2026, toàn tỉnh có 312 cơ sở karaoke. Trong năm, Sở đã cấp mới 41 giấy phép kinh "
        "doanh. Các đoàn kiểm tra đã xử phạt 27 cơ sở vi phạm.", "p1"),))
    meta = Metadata(doc_type=None, period=Period(date(2026, 1, 1), date(2026, 12, 31), "năm 2026"))
    stock, licences, fined = extract_figures(doc, meta)[0]
    assert (stock.point_in_time, stock.period_end) == (True, date(2026, 11, 30))
    assert [(f.point_in_time, f.period_end) for f in (licences, fined)] == [(False, date(2026, 12, 31))] * 2


def test_a_total_the_figure_before_raised_is_a_stock_at_the_periods_end():
    # "Có 01 ấp được công nhận ..., nâng tổng số lên 03/9 ấp" (s21-C, from a commune's resolution): the count reached,
    # with the whole of its ratio; what the year added stays a flow (schools here)
    doc = Document(path="t", format="docx", sha256="", blocks=(Block(
        "paragraph", "Trong năm, công nhận mới 05 trường đạt chuẩn quốc gia, nâng tổng số trường đạt chuẩn lên 212/260 "
        "trường.", "p1"),))
    meta = Metadata(doc_type=None, period=Period(date(2026, 1, 1), date(2026, 12, 31), "năm 2026"))
    added, reached, whole = extract_figures(doc, meta)[0]
    assert [f.point_in_time for f in (added, reached, whole)] == [False, True, True]
    assert (reached.period_start, reached.period_end) == (date(2026, 1, 1), date(2026, 12, 31))


def test_the_statutory_time_in_brackets_after_the_provision_that_sets_it_is_a_limit():
    # "ngắn hơn thời hạn quy định tại Điều 48 Luật Lý lịch tư pháp số 28/2009/QH12 (10 ngày làm việc)" (s21-C): the
    # provision cited between the limit's name and its bracket
    figs = {f.raw.split()[0]: f for f in figures_of(
        "Thời gian cấp giấy phép lái xe bình quân là 4 ngày làm việc, sớm hơn thời hạn quy định tại khoản 2 Điều 37 "
        "Thông tư số 35/2024/TT-BGTVT (10 ngày làm việc).")}
    assert figs["4"].role == "actual" and (figs["10"].role, figs["10"].period_start) == ("norm", None)


def test_the_level_in_brackets_after_so_voi_dau_nam_is_a_stock_on_the_years_first_day():
    # "tăng 85.000 thuê bao so với đầu năm (1.165.000 thuê bao)": the base's level on 1 January (s20-A)
    *_, base = figures_of("Số thuê bao internet đạt 1.250.000 thuê bao, tăng 85.000 thuê bao so với đầu năm "
                          "(1.165.000 thuê bao).")
    assert (base.value, base.point_in_time, base.period_start, base.period_end) == (
        1165000, True, date(2025, 1, 1), date(2025, 1, 1))


def test_a_bounded_rate_after_a_counted_ratio_and_its_alternatives_bounds_the_class():
    # "45/60 trạm y tế không có ca tử vong hoặc có tỷ lệ tử vong dưới 0,5%": which stations are counted (s20-A)
    *_, bound = figures_of("Toàn tỉnh có 45/60 trạm y tế không có ca tử vong hoặc có tỷ lệ tử vong dưới 0,5%.")
    assert (bound.role, bound.qualifier, bound.period_start) == ("norm", "<", None)


def test_flow_since_a_date_is_no_stock():
    (f,) = figures_of("Từ ngày 01/7/2025 đến nay, đã tổ chức 08 cuộc đối thoại.", 2025)
    assert not f.point_in_time and f.period_start == date(2025, 7, 1)


@pytest.mark.parametrize(
    "text,role",
    [
        ("Có 11 ứng viên (chiếm 32,36% tổng số ứng viên).", "share"),
        ("Giá trị sản xuất vượt 2,1% so với kế hoạch năm.", "change"),
        ("Doanh thu dự kiến đạt 500 tỷ đồng.", "target"),
        ("Trường hợp dưới 70% thì tiêu chí này đạt 0 điểm.", "norm"),
        ("Kim ngạch xuất khẩu tăng 85 triệu USD (+7,3%) so với cùng kỳ.", "change"),  # a written plus (s20-A)
    ],
)
def test_roles_for_real_genres(text, role):
    assert figures_of(text)[-1].role == role


def test_plan_document_states_targets():
    (f,) = figures_of("Tối thiểu 95% văn bản được ký số.", 2026, doc_type="kế hoạch")
    assert f.role == "target"


def test_trong_do_list_carries_the_total_subject():
    figs = figures_of(
        "Tỉnh đã cử đi đào tạo 5.664 cán bộ, công chức, viên chức, trong đó: đào tạo sau đại học 3.300 người."
    )
    total, part = figs
    assert total.unit == "cán bộ, công chức, viên chức" and "cử đi đào tạo" in total.subject
    assert "cán bộ, công chức, viên chức" in part.subject and "sau đại học" in part.subject
    assert part.subject_key and "của" not in part.subject_key.split()


def figures_in(*blocks: tuple[str, str, int | None], year: int = 2025, doc_type: str | None = None):
    """Figures of a document of (kind, text, heading level) blocks."""
    doc = Document(
        path="t",
        format="docx",
        sha256="",
        blocks=tuple(Block(kind, text, f"p{i}", level=level) for i, (kind, text, level) in enumerate(blocks)),
    )
    meta = Metadata(doc_type=doc_type, period=Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}"))
    return extract_figures(doc, meta)[0]


# invented sentences, one per rule of figures/cues.py (none copied from the real documents)
@pytest.mark.parametrize(
    "text,num,role",
    [
        # norm: a support rate, a rule's consequence, an age of eligibility, a later item of the same rule
        ("Quỹ khuyến học chi trả 60% học phí cho học viên cao học.", "60", "norm"),
        ("Các đơn thư nhận sau 10 ngày làm việc đều bị tính quá hạn.", "10", "norm"),
        ("Cấp thẻ cho người dân từ đủ 16 tuổi.", "16", "norm"),
        # a duration counted from an event is a time limit, even in a reported result; the result stays actual
        ("Sở đã trả lời 12 kiến nghị, đạt 100% (giải quyết trong 20 ngày kể từ ngày nhận đơn).", "20", "norm"),
        ("Sở đã trả lời 12 kiến nghị, đạt 100% (giải quyết trong 20 ngày kể từ ngày nhận đơn).", "100", "actual"),
        ("Đơn vị nộp báo cáo trong thời hạn 10 ngày làm việc.", "10", "norm"),
        ("Có 4 hồ sơ quá thời hạn 3 ngày.", "3", "actual"),
        ("Mức chi hỗ trợ đối với lớp ngắn hạn tối đa 3 triệu đồng, lớp dài hạn 8 triệu đồng.", "8", "norm"),
        # ... but a count after a support verb, a result after "đạt", or a count of cases is no rule
        ("Người lao động được hưởng trợ cấp thất nghiệp bình quân 1.200 người/năm.", "1.200", "actual"),
        ("Đã có 9 xã đạt tối đa 20 điểm.", "20", "actual"),
        ("Còn 05 trường hợp chưa nộp hồ sơ, với tổng số tiền khoảng 2 tỷ đồng.", "2", "actual"),
        # a worked example and a level relative to another value are `other`
        ("Ví dụ: huyện B đạt 80% của chỉ tiêu thì được 16 điểm.", "80", "other"),
        ("Sở đề xuất mức 30 triệu đồng (bằng 60% mức trong dự thảo).", "60", "other"),
        # wholes: "trong số", "trên tổng số", "/ tổng số"
        ("Trong số 40 học viên tốt nghiệp, có 12 người về công tác tại xã.", "40", "other"),
        ("Đã cấp 1.020 giấy phép trên tổng số 1.300 hồ sơ nhận.", "1.300", "other"),
        ("Đã cập nhật 8.100 hộ/ tổng số 9.000 hộ.", "9.000", "other"),
        # shares: a percentage opening its statement before the noun it counts; "tỷ lệ" names a rate
        ("Kết quả: 100% trạm y tế xã được kết nối phần mềm.", "100", "share"),
        ("Đã giải quyết 900 hồ sơ (đạt tỷ lệ 90% trên tổng số hồ sơ nhận).", "90", "actual"),
        (
            "Chăn nuôi phát triển, tỷ lệ tiêm phòng đạt 92% tại thành thị và 85% tại nông thôn.",
            "85",
            "actual",
        ),
        # plans: a plan cue earlier in the statement, the aim of an action, an order, a deadline after the
        # document's year, a plan word after the noun, the size of a set of planned items
        ("Theo lộ trình, Sở Y tế sẽ chủ trì, phối hợp khám sàng lọc tại 15 trạm y tế.", "15", "target"),
        ("Tổ công tác họp bàn nhằm giải quyết dứt điểm 30 hồ sơ tồn đọng.", "30", "target"),
        ("Giao Sở Công Thương chủ trì tổ chức 02 hội chợ trong quý IV.", "02", "target"),
        ("Tiếp tục xây dựng nông thôn mới, đến năm 2030, 80% xã đạt chuẩn nâng cao.", "80", "target"),
        ("Rà soát 14 dự án dự kiến khởi công trong năm tới.", "14", "target"),
        ("Triển khai 12 nhiệm vụ trọng tâm về chuyển đổi số.", "12", "target"),
        # ... and none of those where the text states a result
        ("Giao ban định kỳ được duy trì với 12 cuộc.", "12", "actual"),
        ("Dịch bệnh được xử lý triệt để tại 04 xã, không để lây lan.", "04", "actual"),
        ("Giai đoạn vừa qua, để nâng cao chất lượng, đã tập huấn 300 lượt cán bộ.", "300", "actual"),
        # a change stated after its base: the number before the base is a level
        ("Bắt giữ 12 vụ, 30 đối tượng so với cùng kỳ năm 2024 giảm 5 vụ.", "30", "actual"),
        # "theo mức" names the level a cost is counted by (s21-B: "theo mức 1.815.000 đồng/ha/vụ đối với ..."): health
        # insurance for pupils
        ("Kinh phí mua thẻ bảo hiểm y tế dự kiến 12,4 tỷ đồng, theo mức 1.263.600 đồng/người/năm đối với học sinh.",
         "1.263.600", "norm"),
    ],
)
def test_roles_of_invented_sentences(text, num, role):
    figs = figures_of(text)
    (f,) = [f for f in figs if f.raw.split()[0].rstrip("%") == num]
    assert f.role == role, [(f.raw, f.role) for f in figs]


@pytest.mark.parametrize(
    "text,roles",
    [
        # the whole of a ratio: the base of a change it restates, a cap a norm sets, the assigned tasks
        ("Xử lý 40 vụ, giảm 8 vụ (40/48).", {"48": "actual"}),
        ("Bảo đảm không vượt quá số biên chế được giao (1.210/1.250 biên chế).", {"1.250": "norm"}),
        ("Các sở đã hoàn thành 9/12 nhiệm vụ.", {"9": "actual", "12": "target"}),
        ("Đã kiểm tra 20/85 cơ quan, đơn vị.", {"20": "actual", "85": "other"}),
        # a result stated inside a plan parenthesis: "(chỉ tiêu ..., hiện đạt ...)"
        ("Tỷ lệ hồ sơ đúng hẹn chưa đạt (chỉ tiêu 99%, hiện đạt 96,5%).", {"99": "target", "96,5": "actual"}),
        # a percentage restating a planned count in parentheses
        ("Giao chỉ tiêu cho 12 xã xây dựng xã an toàn (tương ứng 30% số xã).", {"30": "target"}),
        # the whole restated by the rule after it; a whole named a total after a slash ("03 hộ/03 xã" is none)
        ("Mới họp 01/02 phiên (quy chế quy định phải có 02 phiên).", {"01": "actual", "02": "norm"}),
        ("Tiếp nhận 450 hồ sơ trực tuyến/500 tổng hồ sơ, đạt 90%.", {"500": "other"}),
        # a whole then its part of the same unit, and the part's share reached (session 17, helper s17-K)
        ("Đã gửi 800 phiếu hỏi ý kiến, nhận lại 760 phiếu, đạt 95%.", {"95": "share"}),
        ("Đã gửi 800 phiếu hỏi ý kiến, nhận lại 760 phiếu, bằng 95%.", {"95": "other"}),
        # an amount under a rule's name earlier in the statement
        ("Thống nhất hạ mức thưởng, cụ thể: 5.000.000 đồng đối với giải Nhất.", {"5.000.000": "norm"}),
        # a standing minimum in a plan ("hằng tháng ... ít nhất") is a rule
        ("Phấn đấu hằng tháng đăng ít nhất 02 bài viết.", {"02": "norm"}),
        # a plan's minimum stays a target ("phấn đấu ... ít nhất")
        ("Phấn đấu tăng thu ít nhất 12% so với dự toán.", {"12": "target"}),
        # plan words inside a rate's name say which items it counts: the value its verb or colon gives is measured
        ("Tỷ lệ giải quyết các kiến nghị được giao theo kế hoạch của huyện đạt 97,5%.", {"97,5": "actual"}),
        ("Tỷ lệ hoàn thành nhiệm vụ đề ra trong kế hoạch: hoàn thành 14/15 nhiệm vụ.", {"14": "actual"}),
        # ... but not a plan verb in the name, a plan named after the rate's value, nor a plan's own copula
        ("Tỷ lệ giải ngân theo kế hoạch phấn đấu đạt 95%.", {"95": "target"}),
        ("Tỷ lệ che phủ rừng đạt 54%, kế hoạch giao là 55%.", {"54": "actual", "55": "target"}),
        ("Tỷ lệ xã được kiểm tra đạt 25% (chỉ tiêu đề ra là tối thiểu 20%).", {"25": "actual", "20": "target"}),
        # a money amount or duration quoted from a cited article, or proposed as its new wording, is a rule
        (
            "Tại điểm b khoản 2 Điều 7 dự thảo có nội dung: “Thạc sĩ: 30.000.000 đồng”, đề nghị sửa lại thành:"
            " 40.000.000 đồng.",
            {"30.000.000": "norm", "40.000.000": "norm"},
        ),
        # ... not money the text reports spent under an article
        ("Thực hiện khoản 1 Điều 3 Nghị quyết, năm 2025 tỉnh chi 900.000.000 đồng.", {"900.000.000": "actual"}),
        # how long a support is paid is the rule's duration, unless the time is past
        ("Việc hỗ trợ tiền thuê nhà cho chuyên gia kéo dài trong thời gian 02 năm.", {"02": "norm"}),
        ("Trung tâm hỗ trợ việc làm trong thời gian 02 tháng qua cho 300 người.", {"300": "actual"}),
        # a count of objectives is the size of a plan, unless the text says they were reached
        ("(2) Phát triển xã hội số (07 mục tiêu).", {"07": "target"}),
        ("Năm 2025, huyện đạt 9 mục tiêu trên tổng số 11 mục tiêu.", {"9": "actual"}),
        # a percentage opening its statement after a source and an as-of or period part counts a part of a set
        ("Theo báo cáo của các sở, đến nay, 95% xã đã có nhà văn hóa.", {"95": "share"}),
        ("Theo số liệu thống kê, năm 2025, 90% hộ dân dùng nước sạch.", {"90": "share"}),
        # ... not after a comma part that states a result
        ("Trong năm, tỷ lệ giải ngân đạt 60%, 100% công trình được nghiệm thu.", {"60": "actual"}),
    ],
)
def test_roles_in_a_sentence(text, roles):
    figs = figures_of(text)
    got = {f.raw.split()[0].rstrip("%"): f.role for f in figs}
    assert {k: got.get(k) for k in roles} == roles, got


def test_method_part_states_norms_and_its_example_is_other():
    figs = figures_in(
        ("heading", "2. Cách tính điểm và xếp loại", 3),
        ("paragraph", "- Từ 85 đến dưới 100 điểm: xếp loại Tốt.", None),
        ("paragraph", "Ví dụ: xã C đạt 60% của tiêu chí thì được 6 điểm.", None),
        ("heading", "3. Kết quả chấm điểm", 3),
        ("paragraph", "- Xã C đạt 87 điểm, xếp loại Tốt.", None),
    )
    assert [(f.raw, f.role) for f in figs] == [
        ("85", "norm"),
        ("100 điểm", "norm"),
        ("60%", "other"),
        ("6 điểm", "other"),
        ("87 điểm", "actual"),
    ]


def test_paragraph_announcing_rules_opens_a_list_of_norms():
    figs = figures_in(
        ("heading", "3. Chính sách thu hút", 3),
        ("paragraph", "Nghị quyết của HĐND tỉnh quy định mức hỗ trợ như sau:", None),
        ("paragraph", "- Bác sĩ về công tác tại xã: 80 triệu đồng/người.", None),
        ("paragraph", "Giai đoạn 2021-2025, tỉnh đã thu hút 42 bác sĩ.", None),
        ("heading", "4. Kết quả", 3),
        ("paragraph", "- Năm 2025 thu hút 9 bác sĩ.", None),
    )
    assert [f.role for f in figs] == ["norm", "actual", "actual"]


def test_paragraph_announcing_the_rules_of_an_allocation_opens_a_list_of_norms():
    # session 20, helper s20-B (cues.yaml rule_intro): the rules a plan's capital is allocated by are norms, a plan
    # of public investment here; the plan's amount stated before them stays its target
    figs = figures_in(
        ("heading", "II. KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2027", 2),
        ("paragraph", "Tổng kế hoạch vốn đầu tư công năm 2027 là 6.420 tỷ đồng.", None),
        ("paragraph", "Nguyên tắc bố trí vốn:", None),
        ("paragraph", "- Bố trí tối thiểu 30% vốn cho các dự án chuyển tiếp.", None),
    )
    assert [(f.raw, f.role) for f in figs] == [("6.420 tỷ đồng", "target"), ("30%", "norm")]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # session 20, helper s20-B (cues.yaml total_share_after): "bằng x% tổng <noun>" is a part of that total, a
        # health budget here; a level against a base or a whole it exceeds stays a level (other)
        ("Chi y tế dự phòng là 215 tỷ đồng, bằng 30% tổng chi sự nghiệp y tế.", {"215": "actual", "30": "share"}),
        ("Số ca mắc sốt xuất huyết bằng 86% so với cùng kỳ.", {"86": "other"}),
        ("Số giường bệnh thực kê bằng 112% tổng số giường kế hoạch.", {"112": "other"}),
        # s21-B: a percentage of a design capacity is a share of it, after "bằng" or "đạt" (a water plant, a landfill)
        ("Lượng nước sạch sản xuất bằng 64,5% công suất thiết kế.", {"64,5": "share"}),
        ("Nhà máy xử lý rác thải đạt 78% công suất thiết kế.", {"78": "share"}),
    ],
)
def test_a_percentage_of_a_total_after_bang_is_a_share(text, roles):
    got = {f.raw.split()[0].rstrip("%"): f.role for f in figures_of(text)}
    assert {k: got.get(k) for k in roles} == roles, got


def test_a_level_alone_in_brackets_after_a_limit_is_the_limit():
    # session 20, helper s20-B (cues.yaml limit_bracket_before): water supply here; the measured level stays actual
    figs = figures_of("Hàm lượng clo dư trung bình 0,4 mg/l, thấp hơn giới hạn tối đa cho phép (1 mg/l).")
    assert [(f.raw, f.role, f.period_start) for f in figs] == [("0,4 mg/l", "actual", date(2025, 1, 1)),
                                                              ("1 mg/l", "norm", None)]


def test_results_by_criteria_are_no_method_part():
    figs = figures_in(
        ("heading", "2. Kết quả theo tiêu chí đánh giá", 3),
        ("paragraph", "- Huyện D đạt 91 điểm.", None),
    )
    assert [f.role for f in figs] == ["actual"]


def test_heading_of_work_ahead_makes_a_plan_part():
    figs = figures_in(
        ("heading", "III. Nhiệm vụ cần thực hiện trong thời gian tới", 2),
        ("paragraph", "- Nâng tỷ lệ thanh toán trực tuyến trên 70%.", None),
    )
    assert [f.role for f in figs] == ["target"]
    # the water an irrigation body plans for a coming season (s21-B): a district's spring flooding of the fields
    figs = figures_in(
        ("heading", "II. KẾ HOẠCH LẤY NƯỚC ĐỔ ẢI VỤ XUÂN NĂM 2027", 2),
        ("paragraph", "Diện tích cần lấy nước đổ ải là 12.300 ha, trong đó lúa 10.850 ha.", None),
    )
    assert [f.role for f in figs] == ["target", "target"]


# --- issue 14 round 2 (PDF genres): invented sentences ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Số lượng học viên chưa đạt theo kế hoạch (chỉ 65%).", "share_of_target"),
        ("Tỷ lệ giải ngân chưa đạt kế hoạch năm (mới đạt 48%).", "share_of_target"),
        ("Tăng trưởng chưa đạt mục tiêu Nghị quyết đề ra (7%).", "target"),  # the plan itself in brackets
        ("Có 40 học viên tốt nghiệp, đạt 100% so với số học viên nhập học.", "share"),
        ("Tính đến ngày 15/11/2025, 100% trường học đã kết nối mạng.", "share"),
        ("Năm 2025, 95% xã có trạm y tế đạt chuẩn.", "share"),
    ],
)
def test_shares_of_a_plan_and_of_a_whole(text, role):
    assert figures_of(text)[-1].role == role


def test_a_rate_after_a_time_lead_stays_a_rate_when_it_is_named():
    (f,) = figures_of("Năm 2025, tỷ lệ hồ sơ trực tuyến đạt 81,2%.")
    assert f.role == "actual"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Đoàn đã khảo sát 30 hộ gia đình ở xã Tân Lập.", "hộ gia đình"),
        ("Đã kiểm tra 20 cơ quan đơn vị, địa phương trong quý.", "cơ quan đơn vị, địa phương"),
        ("Huyện triển khai 12 mô hình, sáng kiến cải cách hành chính.", "mô hình, sáng kiến"),
        # stations counted whole (s21-B): an industrial park's transformers, a district's irrigation
        ("Khu công nghiệp lắp đặt 18 trạm biến áp phân phối.", "trạm biến áp"),
        ("Huyện đã kiên cố hóa 12 trạm bơm điện.", "trạm bơm"),
    ],
)
def test_compound_and_coordinated_counted_nouns(text, unit):
    (f,) = figures_of(text)
    assert f.unit == unit


def test_years_of_a_time_adverbial_are_no_figure():
    (f,) = figures_of("Trong hơn 15 năm qua, huyện đã đào tạo 300 bác sĩ.")
    assert (f.value, f.unit) == (300, "bác sĩ")


@pytest.mark.parametrize(
    ("text", "stock"),
    [
        ("Công an xã đang quản lý 412 hồ sơ sau cai nghiện.", True),  # progressive: a state at the report's date
        ("- Số đang điều trị tại cộng đồng: 57.", True),
        ("Tỉnh đang triển khai kế hoạch, đã tổ chức 32 buổi tuyên truyền.", False),  # "đã": a flow
        ("Đơn vị đang rà soát hồ sơ. Trong năm đã tiếp nhận 64 hồ sơ.", False),  # another sentence
    ],
)
def test_a_progressive_verb_in_the_clause_makes_a_stock(text, stock):
    f = figures_of(text)[-1]
    assert f.point_in_time is stock
    if stock:
        assert (f.period_start, f.period_end) == (date(2025, 1, 1), date(2025, 12, 31))


def test_a_sentence_opened_by_a_start_day_is_a_flow_to_the_end_of_the_period():
    fs = figures_of("Từ ngày 01/4/2025: tiếp nhận 210 người; chuyển đi 35 người.")
    assert [(f.period_start, f.period_end, f.point_in_time) for f in fs] == [
        (date(2025, 4, 1), date(2025, 12, 31), False)] * 2
    # a start day inside the sentence is not its opener
    (f,) = figures_of("Trong năm, tiếp nhận 210 người (từ ngày 01/4/2025, do sáp nhập).")
    assert (f.period_start, f.period_end) == (date(2025, 1, 1), date(2025, 12, 31))


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Cấp căn cước cho trẻ em dưới 6 tuổi.", "norm"),  # an age bound says whom a rule covers
        ("Lao động từ đủ 15 tuổi trở lên có việc làm.", "norm"),
        ("Tuổi bình quân của cán bộ khoảng 41 tuổi.", "actual"),  # an approximate age is measured
    ],
)
def test_an_age_bound_is_a_norm(text, role):
    f = next(f for f in figures_of(text) if f.unit == "tuổi")
    assert f.role == role
    if role == "norm":
        assert (f.period_start, f.period_end) == (None, None)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Năm qua, đã vận động 85% các hộ gia đình ký cam kết.", "share"),  # a part of the set "các" names
        ("Kế hoạch sẽ đưa 100% các trường học vào hệ thống.", "target"),  # a plan's stays a target
        ("Tỷ lệ hộ dùng nước sạch đạt 85%, các xã vùng cao còn thấp.", "actual"),  # "các" of the next clause
    ],
)
def test_a_percentage_of_a_plural_set_is_a_share(text, role):
    f = next(f for f in figures_of(text) if f.unit == "%")
    assert f.role == role


# --- issue 14 round 3 (fresh regions): invented sentences ---------------------------------------------------


def test_blocks_of_bare_numbers_are_no_figures():
    # a chart's axis ticks and data labels that a PDF reader gives as lines of their own
    figs = figures_in(
        ("paragraph", "0", None),
        ("paragraph", "5", None),
        ("paragraph", "7,25", None),
        ("paragraph", "Huyện có 14 trạm y tế.", None),
    )
    assert [(f.value, f.unit) for f in figs] == [(14, "trạm y tế")]


@pytest.mark.parametrize(
    "text",
    [
        "Học viên được chuyển về Trại giam số 3 và số 5.",
        "Các chỉ số PAPI, PCI, SIPAS, 766 của huyện đều giảm.",
        "Công trình tại đường số 7, phường Hòa Bình.",
    ],
)
def test_numbered_and_listed_names_are_not_figures(text):
    assert figures_of(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Tổng số hồ sơ tồn đọng là 17.", 17, "hồ sơ"),
        ("Trong tổng số 45 phòng học, có 40 phòng kiên cố.", 45, "phòng học"),
        ("Mô hình gồm 03 cấp: tỉnh - xã - thôn.", 3, "cấp"),
        ("Đã cấp 1.250 Sổ bảo hiểm xã hội cho người lao động.", 1250, "sổ"),
    ],
)
def test_counts_near_those_names_stay_figures(text, value, unit):
    f = figures_of(text)[0]
    assert (f.value, f.unit) == (value, unit)


def test_a_present_state_in_a_plan_part_is_a_fact_counted_now():
    figs = figures_in(
        ("heading", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ TỚI", 2),
        ("paragraph", "a) Đôn đốc cập nhật dữ liệu hộ tịch đối với 31/90 phường, xã chưa hoàn thành.", None),
        ("paragraph", "b) Lắp đặt camera, hiện còn 14 trường học chưa có.", None),
        ("paragraph", "c) Phấn đấu 100% trường học chưa kết nối được kết nối; tổ chức 06 hội nghị.", None),
    )
    got = [(f.value, f.role, f.point_in_time) for f in figs]
    assert got == [(31, "actual", True), (90, "other", True), (14, "actual", True),
                   (100, "target", False), (6, "target", False)]
    assert figs[0].period_end == date(2025, 12, 31)


@pytest.mark.parametrize(
    "text",
    [
        "Theo đó, 100% trường học trên địa bàn tỉnh được kết nối internet.",
        "- Có 100% hồ sơ, tài liệu được số hóa.",
    ],
)
def test_a_percentage_opening_its_statement_after_a_connective_or_an_existential_is_a_share(text):
    assert [f.role for f in figures_of(text)] == ["share"]


def _month_figures(*blocks: tuple[str, str, int | None]):
    """Figures of a monthly report (August 2026) of (kind, text, heading level) blocks."""
    doc = Document(path="t", format="docx", sha256="",
                   blocks=tuple(Block(kind, text, f"p{i}", level=level) for i, (kind, text, level) in enumerate(blocks)))
    meta = Metadata(period=Period(date(2026, 8, 1), date(2026, 8, 31), "tháng 8 năm 2026"))
    return extract_figures(doc, meta)[0]


# invented sentences for the rules of the score and monthly texts of written set T (session 15, helper s15-K)
def test_a_numbered_kpi_line_states_the_kpi_then_its_result():
    figs = figures_of("Chỉ tiêu 2: Tỷ lệ hộ dân dùng nước sạch ≥ 92%; kết quả: 93,5%.")
    assert [f.role for f in figs] == ["target", "actual"]
    assert "nước sạch" in figs[1].subject  # "kết quả" names nothing: the result is of the KPI the line named


def test_the_plan_in_brackets_after_the_body_that_assigned_it_is_a_target():
    # "đạt 101,2% kế hoạch Tổng công ty giao (3.445 triệu kWh)" (s21-B): a province's tourists against its plan
    figs = figures_of("Năm 2025, tổng lượt khách đạt 4,2 triệu lượt, bằng 105% kế hoạch Ủy ban nhân dân tỉnh giao "
                      "(4 triệu lượt).")
    assert [f.role for f in figs] == ["actual", "share_of_target", "target"]


def test_a_kpi_cited_in_brackets_is_the_years_target_and_a_comparative_a_change():
    figs = _month_figures(("paragraph", "Đến cuối tháng 8, tỷ lệ bao phủ đạt 88%, thấp hơn 2 điểm phần trăm so với "
                                        "chỉ tiêu Nghị quyết của HĐND tỉnh (90%).", None))
    assert [(f.value, f.role) for f in figs] == [(88, "actual"), (-2, "change"), (90, "target")]
    assert figs[0].point_in_time and figs[0].period_end == date(2026, 8, 31)  # "Đến cuối tháng 8": a stock
    assert (figs[2].period_start, figs[2].period_end, figs[2].point_in_time) == (date(2026, 1, 1),
                                                                                  date(2026, 12, 31), False)


def test_a_running_total_from_the_years_start_is_a_flow_to_the_periods_end():
    (f,) = _month_figures(("paragraph", "Lũy kế từ đầu năm, cấp mới 12.500 thẻ bảo hiểm y tế.", None))
    assert (f.period_start, f.period_end, f.point_in_time) == (date(2026, 1, 1), date(2026, 8, 31), False)


def test_arrears_and_averages_are_no_payment_rules():
    figs = _month_figures(
        ("paragraph", "Mức hưởng bình quân đạt 3,2 triệu đồng/người/tháng; số nợ từ 06 tháng trở lên 45 tỷ đồng.", None),
        ("heading", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 9", 1),
        ("paragraph", "- Giảm tỷ lệ nợ đóng xuống dưới 2% số phải thu.", None),
    )
    assert [(f.value, f.role) for f in figs] == [(3.2, "actual"), (6, "norm"), (45, "actual"), (2, "target")]


def test_a_count_of_the_groups_units_are_sorted_into_is_a_structure():
    (f,) = figures_of("Căn cứ kết quả, các trường được xếp thành 03 nhóm.")
    assert (f.role, f.period_start) == ("other", None)
    # a schedule carried out in rounds (s21-B: "Nước được cấp theo 03 đợt: Đợt 1 từ ngày ..."): a vaccination campaign
    (f,) = figures_of("Chiến dịch tiêm vắc xin sởi được tổ chức theo 02 đợt.")
    assert (f.role, f.period_start) == ("other", None)


@pytest.mark.parametrize("sign,value", [("tăng", 3), ("tụt", -3)])
def test_a_change_of_a_rank_is_of_the_ranked_unit(sign, value):
    figs = figures_of(f"Huyện Krông Pa xếp thứ 12/17, {sign} 3 bậc so với năm trước.")
    assert (figs[-1].value, figs[-1].role) == (value, "change")
    assert "Krông Pa" in figs[-1].subject  # not "tăng bậc": a predicate and the unit name nothing


# invented sentences for the rules of the inspection and year-end texts of written set T (session 17, helper s17-R)
def test_a_breach_of_a_norm_and_a_fault_let_happen_are_facts():
    figs = figures_of(
        "Kiểm tra phát hiện chi vượt định mức 52,7 triệu đồng; chi sai chế độ, định mức 18 triệu đồng. "
        "Phường để xảy ra 14 vụ lấn chiếm đất công với diện tích 0,42 ha."
    )
    assert [(f.value, f.role) for f in figs] == [(52.7, "actual"), (18, "actual"), (14, "actual"), (0.42, "actual")]


def test_an_excess_over_the_plan_is_a_change_not_a_bound():
    figs = figures_of(
        "Doanh thu dịch vụ đạt 412 tỷ đồng, vượt 12 tỷ đồng so với chỉ tiêu Nghị quyết; số lao động có việc làm mới "
        "vượt 4,5% kế hoạch."
    )
    assert [(f.value, f.qualifier, f.role) for f in figs] == [(412, None, "actual"), (12, None, "change"),
                                                              (4.5, None, "change")]
    (f,) = figures_of("Năm 2025, tổng vốn huy động vượt 1.000 tỷ đồng.")
    assert (f.qualifier, f.role) == (">", "actual")  # no plan: "vượt" is a bound


def test_a_share_of_the_resolution_and_the_growth_of_a_production_value():
    figs = figures_of("Giá trị sản xuất công nghiệp ước đạt 640 tỷ đồng, đạt 101,5% Nghị quyết, tăng 8,2% so với năm 2024.")
    assert [f.role for f in figs] == ["actual", "share_of_target", "change"]  # a value's growth, not the IIP


def test_the_recommendations_of_an_inspection_are_to_be_done():
    figs = _month_figures(
        ("paragraph", "Trong tháng, phường đã xử lý 6 trường hợp vi phạm.", None),
        ("heading", "III. KIẾN NGHỊ", 2),
        ("paragraph", "Ủy ban nhân dân phường kiểm điểm trách nhiệm đối với 03 cán bộ địa chính.", None),
    )
    assert [(f.value, f.role) for f in figs] == [(6, "actual"), (3, "target")]


def test_a_year_end_reports_part_of_directions_names_the_next_year():
    figs = _month_figures(
        ("heading", "Phần thứ hai. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", 1),
        ("heading", "I. CÁC CHỈ TIÊU CHỦ YẾU", 2),
        ("paragraph", "Thu nhập bình quân đầu người đạt 90 triệu đồng/người/năm; tỷ lệ hộ nghèo giảm còn dưới 1,5%.", None),
    )
    assert [(f.role, f.period_start) for f in figs] == [("target", date(2027, 1, 1))] * 2


def test_a_level_in_brackets_after_a_comparisons_base_is_of_the_base():
    figs = figures_of("Năm 2026 cấp 420 giấy phép, giảm 35 giấy phép so với năm 2024 (455 giấy phép).", year=2026)
    assert [(f.value, f.period_start) for f in figs] == [(420, date(2026, 1, 1)), (-35, date(2026, 1, 1)),
                                                         (455, date(2024, 1, 1))]


def test_a_bounded_percentage_of_damage_names_a_damage_class():
    """ "bị thiệt hại trên 70%" classes crops and houses (a norm without period); the area counted is a fact
    (session 18)."""
    area, bound = figures_of("Có 2.150 ha lúa bị mất trắng (thiệt hại trên 70%) do lũ.")
    assert area.role == "actual"
    assert (bound.role, bound.qualifier, bound.period_start) == ("norm", ">", None)


def test_a_bound_in_brackets_after_a_class_a_size_names_is_a_norm():
    """ "hộ có thu nhập thấp (dưới 1,5 triệu đồng/người/tháng)", "quy mô lớn (trên 1.000 tỷ đồng)": where the class
    begins (session 20, s20-Q); a level of a change or an approximation in brackets is no class's bound."""
    (bound, count) = figures_of("Ngân hàng ưu tiên cho vay hộ có thu nhập thấp (dưới 1,5 triệu đồng/người/tháng), "
                                "với 320 hộ được vay.")
    assert (bound.role, bound.qualifier, bound.period_start) == ("norm", "<", None)
    assert count.role == "actual"
    (projects, size) = figures_of("Tỉnh thu hút 03 dự án quy mô lớn (trên 1.000 tỷ đồng).", doc_type="kế hoạch")
    assert (size.role, size.qualifier, size.period_start) == ("norm", ">", None)
    (rise,) = figures_of("Giá vật liệu tăng cao (trên 15%) so với năm trước.")
    assert rise.role != "norm"
    (about,) = figures_of("Khu công nghiệp quy mô lớn (khoảng 500 tỷ đồng) đã hoàn thành.")
    assert about.role == "actual"


def test_the_limit_of_a_technical_norm_is_a_norm_even_after_an_excess():
    count, whole, limit = figures_of("Có 08/30 điểm vượt giới hạn cho phép 40 µg/m3 đối với bụi mịn.")
    assert (count.role, limit.role, limit.period_start) == ("actual", "norm", None)


def test_a_multiple_over_a_norm_is_a_level_against_it():
    low, high = figures_of("Nước thải sau xử lý tại cửa xả vượt QCVN 40:2011/BTNMT từ 1,3 đến 1,9 lần.")
    assert (low.role, high.role, low.unit) == ("other", "other", "lần")


@pytest.mark.parametrize(
    "text",
    [
        "Phạt tiền đối với hành vi xả thải vượt quy chuẩn từ 03 lần đến dưới 05 lần.",  # upper end "dưới": a class
        "Chỉ số chất lượng không khí ở mức kém (từ 101 đến 150) trong năm.",  # the band of a grade
    ],
)
def test_a_band_of_a_class_is_a_norm(text):
    low, high = figures_of(text)
    assert (low.role, high.role, low.period_start) == ("norm", "norm", None)


def test_a_minimum_on_a_measure_after_co_bounds_a_class():
    count, bound = figures_of("Kiểm tra 25 cơ sở có công suất từ 500 tấn/năm trở lên.")
    assert (count.role, bound.role, bound.qualifier, bound.period_start) == ("actual", "norm", ">=", None)


@pytest.mark.parametrize(
    "text",
    [
        "Gói thầu cải tạo kênh chính đã thi công đạt 58% khối lượng.",  # of the work
        "Đã thanh toán cho nhà thầu 40 tỷ đồng, đạt 76,2% giá trị hợp đồng.",  # of an amount
    ],
)
def test_a_percentage_reached_of_the_work_or_an_amount_is_a_share(text):
    assert figures_of(text)[-1].role == "share"


def test_a_past_marker_governs_the_verbs_of_its_series():
    # "đã" opens "bốc thăm, giao": the count after the comma was handed over, not assigned
    whole, given = figures_of("Khu tái định cư có 300 lô đất; đã bốc thăm, giao 210 lô cho các hộ đủ điều kiện.")
    assert given.role == "actual"


def test_names_of_budget_transfers_and_spending_units_are_no_plan_words():
    # "bổ sung có mục tiêu" is a targeted transfer and "đơn vị dự toán" a spending unit: results, not plans
    (given,) = figures_of("Năm 2025 ngân sách huyện nhận bổ sung có mục tiêu 64,8 tỷ đồng để sửa chữa trường học.")
    assert given.role == "actual"
    part, whole = figures_of("Có 38/45 đơn vị dự toán thuộc huyện công khai quyết toán đúng hạn.")
    assert (part.role, whole.role) == ("actual", "other")


def test_the_approval_of_a_settlement_states_results_even_in_a_proposal():
    # "phê chuẩn quyết toán ... với tổng chi 812,4 tỷ đồng": the settled spending of the year, not a plan
    (f,) = figures_in(("heading", "IV. ĐỀ XUẤT, KIẾN NGHỊ", 1),
                      ("paragraph", "Đề nghị Hội đồng nhân dân huyện phê chuẩn quyết toán chi ngân sách huyện năm 2025 "
                       "với tổng chi 812,4 tỷ đồng.", None))
    assert f.role == "actual"


def test_an_amount_in_brackets_after_the_estimate_assigned_is_that_estimate():
    excess, estimate = figures_of("Thu phí bảo vệ môi trường vượt 2,7 tỷ đồng so với dự toán Ủy ban nhân dân huyện "
                                  "giao (9,5 tỷ đồng).")
    assert (excess.role, estimate.role) == ("change", "target")


def test_a_level_in_brackets_after_the_body_that_assigned_it_is_the_target():
    # "so với chỉ tiêu <body> giao (N%)": the level the body assigned, however long its name (session 19, s19-A)
    excess, assigned = figures_of("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 97,4%, vượt 2,4% so với chỉ tiêu Văn phòng "
                                  "Chính phủ giao (95%).")[1:]
    assert (excess.role, assigned.role) == ("change", "target")


def test_a_quota_named_as_the_whole_of_a_share_gives_no_quota_to_the_next_number():
    # "bằng 96,2% biên chế được giao": the quota is the share's whole; the count after it is one more in post
    figs = {f.raw.split()[0]: f for f in figures_of(
        "Tính đến ngày 31/12/2025, có mặt 1.540 công chức, bằng 96,2% biên chế được giao, và 8.912 viên chức.")}
    assert figs["8.912"].role == "actual" and figs["8.912"].point_in_time
    (given,) = figures_of("Năm 2025, tỉnh có biên chế được giao là 1.601 biên chế công chức.")
    assert given.role == "norm"


def test_a_quota_given_by_a_verb_is_named_the_quota_given():
    # quotas.yaml given_label (session 20, s20-Q): who gave it and where it is used name no kind of quota
    (given,) = figures_of("Năm 2025, Ủy ban nhân dân huyện giao 412 biên chế viên chức cho các trường mầm non, tiểu học.")
    assert (given.role, given.subject) == ("norm", "biên chế viên chức được giao")
    (given,) = figures_of("Về tổ chức bộ máy, Bệnh viện được giao 86 biên chế; trong năm không tuyển dụng mới.")
    assert given.subject.startswith("biên chế được giao")
    (used,) = figures_of("Năm 2025, Bệnh viện sử dụng 80 biên chế.")
    assert "giao" not in used.subject


def test_a_bounded_count_after_co_right_after_a_count_bounds_its_class():
    # "05 hội chợ có trên 2.000 lượt khách": the bound says which fairs are counted (norm), not a count of guests
    figs = {f.raw.split()[0]: f for f in figures_of("Trong năm, tổ chức 05 hội chợ thương mại có trên 2.000 lượt khách "
                                                     "tham quan; toàn tỉnh có trên 800 doanh nghiệp tham gia.")}
    assert (figs["2.000"].role, figs["2.000"].period_start) == ("norm", None)
    assert figs["800"].role == "actual"


def test_the_statutory_time_in_brackets_after_a_comparison_with_it_is_a_limit():
    figs = {f.raw.split()[0]: f for f in figures_of(
        "Thời gian cấp giấy phép bình quân là 9 ngày làm việc, sớm hơn thời hạn quy định (12 ngày làm việc).")}
    assert figs["9"].role == "actual" and (figs["12"].role, figs["12"].period_start) == ("norm", None)


def test_a_percentage_of_a_ceiling_given_or_set_by_law_is_a_share_of_it():
    # "bằng 97,1% biên chế được giao", "bằng 12,4% mức dư nợ vay tối đa": the share of a ceiling used, not a level
    # against a base ("bằng 110% so với cùng kỳ" stays one)
    figs = {f.raw: f for f in figures_of("Có mặt 612 viên chức, bằng 97,1% biên chế được giao; dư nợ bằng 12,4% mức dư nợ "
                                         "vay tối đa theo quy định; thu bằng 110% so với cùng kỳ.")}
    assert [figs[k].role for k in ("97,1%", "12,4%", "110%")] == ["share", "share", "other"]


def test_a_size_after_with_bounds_the_class_counted():
    """ "03 cụm công nghiệp với diện tích trên 50 ha": a size each of them has names which are counted (norm); a
    measure that may be their total ("với kinh phí trên 2 tỷ đồng") stays a fact (session 19)."""
    count, size = figures_of("Toàn huyện có 03 cụm công nghiệp với diện tích trên 50 ha.")
    assert (count.role, size.role, size.period_start) == ("actual", "norm", None)
    _count, money = figures_of("Năm 2025 hỗ trợ 500 hộ với kinh phí trên 2 tỷ đồng.")
    assert money.role == "actual"


def test_a_bounded_rate_named_after_a_count_bounds_its_class():
    """ "có 07 trường tỷ lệ học sinh bỏ học còn trên 2%": the schools whose rate is such (session 19)."""
    count, bound = figures_of("Năm 2025, có 07 trường tỷ lệ học sinh bỏ học còn trên 2%.")
    assert (count.role, bound.role, bound.period_start) == ("actual", "norm", None)


def test_a_duration_ceiling_among_orders_is_a_time_limit():
    """ "bảo đảm thời gian cấp mỗi phiếu không quá 10 ngày làm việc" under a report's tasks: a time limit set on a
    procedure (norm), unless a plan's aim governs it ("phấn đấu rút ngắn ... còn không quá 10 ngày") (session 19)."""
    figs = _plan_part_figures("Trước ngày 31/12/2026, hoàn thành cấp 250 phiếu lý lịch tư pháp còn tồn; từ tháng "
                              "01/2027, bảo đảm thời gian cấp mỗi phiếu không quá 10 ngày làm việc.")
    assert [(f.role, f.qualifier, f.period_start) for f in figs] == [("target", None, date(2026, 1, 1)),
                                                                     ("norm", "<=", None)]
    (aim,) = _plan_part_figures("Phấn đấu rút ngắn thời gian cấp phép xây dựng còn không quá 10 ngày làm việc.")
    assert aim.role == "target"


def _plan_part_figures(text: str):
    made = (Block("heading", "2. Nhiệm vụ, giải pháp trong thời gian tới", "p1", level=2), Block("paragraph", text, "p2"))
    meta = Metadata(doc_type=None, period=Period(date(2026, 1, 1), date(2026, 12, 31), "kỳ"),
                    issued_date=date(2026, 11, 20), report_date=date(2026, 11, 20))
    return extract_figures(Document(path="t", format="docx", sha256="", blocks=made), meta)[0]


def test_a_rate_at_the_level_a_cited_text_sets_is_a_norm():
    """ "với mức 300.000 đồng/người/ngày theo Nghị quyết số ...": the level the resolution sets (session 19)."""
    (level,) = figures_of("Chi trả tiền bồi dưỡng cho lực lượng ứng cứu đê điều với mức 300.000 đồng/người/ngày "
                          "theo Nghị quyết số 12/2025/NQ-HĐND.")
    assert (level.role, level.period_start) == ("norm", None)


def test_a_bound_in_a_later_clause_of_a_plan_verb_is_the_plans():
    """ "phấn đấu giải quyết 100% hồ sơ đúng hạn, số hồ sơ trễ hạn không quá 2%": the plan's bound (target of the
    year), no standing rule (session 19)."""
    share, bound = figures_of("Năm 2026, phấn đấu giải quyết 100% hồ sơ đúng hạn, số hồ sơ trễ hạn không quá 2% tổng "
                              "số hồ sơ tiếp nhận.", year=2026)
    assert (share.role, bound.role, bound.qualifier, bound.period_start) == ("target", "target", "<=",
                                                                             date(2026, 1, 1))


def test_a_plan_year_runs_to_the_deadline_written_right_after_its_target():
    """ "trên 90% kế hoạch vốn năm 2026 trước ngày 31/01/2027": the plan's year runs to that day; the deadline before
    it ("đến ngày 31/12/2026") is the number before's (session 19)."""
    first, second = _plan_part_figures("Đôn đốc các chủ đầu tư giải ngân đạt tối thiểu 70% kế hoạch vốn đến ngày "
                                       "31/12/2026 và trên 90% kế hoạch vốn năm 2026 trước ngày 31/01/2027.")
    assert first.period_end == date(2026, 12, 31)
    assert (second.role, second.period_start, second.period_end) == ("target", date(2026, 1, 1), date(2027, 1, 31))


# invented sentences for the rules of the tax revenue report of written set T (session 21, helper s21-A)
def test_a_kpi_named_with_its_year_in_brackets_is_that_years_target():
    # cues.yaml kpi_before: a military recruitment report
    figs = figures_of("Toàn tỉnh đã giao 1.180 công dân nhập ngũ, đạt 94,4% chỉ tiêu tuyển quân năm 2025 (1.250 người).")
    assert [(f.value, f.role) for f in figs] == [(1180, "actual"), (94.4, "share_of_target"), (1250, "target")]


def test_a_minimum_of_arrears_sorts_the_debtors():
    # cues.yaml class_measure_before: a social insurance office's arrears
    figs = figures_of("Đã lập biên bản đối với 37 đơn vị nợ bảo hiểm xã hội từ 1 tỷ đồng trở lên.")
    assert [(f.value, f.qualifier, f.role, f.period_start) for f in figs] == [(37, None, "actual", date(2025, 1, 1)),
                                                                             (1, ">=", "norm", None)]


def test_a_pace_in_brackets_sorts_the_items_that_reached_it_and_their_whole_is_the_set():
    # cues.yaml pace_bracket_before, ratio_reached_after: a public investment report
    figs = figures_of("Có 14/20 dự án đạt tiến độ giải ngân kế hoạch (từ 60% trở lên).")
    assert [(f.value, f.qualifier, f.role) for f in figs] == [(14, None, "actual"), (20, None, "other"),
                                                              (60, ">=", "norm")]


def test_an_excess_over_the_plan_among_tasks_is_to_be_reached():
    # prose.py / cues.py planned_excess: a culture office's tasks for the last quarter
    figs = _month_figures(
        ("paragraph", "Thu phí tham quan 8 tháng đạt 84 tỷ đồng, vượt 5% dự toán.", None),
        ("heading", "II. NHIỆM VỤ TRỌNG TÂM THÁNG 9", 2),
        ("paragraph", "Phấn đấu cả năm thu phí tham quan đạt trên 125 tỷ đồng, vượt 4% dự toán.", None),
    )
    assert [(f.value, f.qualifier, f.role) for f in figs] == [(84, None, "actual"), (5, None, "change"),
                                                              (125, ">", "target"), (4, None, "target")]


def test_a_stock_at_a_moment_named_by_tai_thoi_diem():
    # spans.yaml POINT_IN_TIME "tại thời điểm": an agriculture office's herd count
    (f,) = figures_of("Tổng đàn trâu tại thời điểm 01/10/2025 đạt 82.400 con.")
    assert f.point_in_time and f.period_end == date(2025, 10, 1)


def test_a_rise_in_brackets_after_the_rise_it_gives_is_a_change():
    # cues.yaml rise_bracket_before: an export line
    figs = _month_figures(
        ("paragraph", "Kim ngạch xuất khẩu tăng 5,2%, thấp hơn mức tăng chung của cả nước (6,8%).", None),
    )
    assert [(f.value, f.role) for f in figs] == [(5.2, "change"), (6.8, "change")]

def test_a_paragraph_writing_the_months_of_its_parts_season_gives_the_part_those_months():
    # "II. KẾ HOẠCH CẤP NƯỚC ... VỤ ĐÔNG XUÂN 2026-2027" then "Vụ Đông Xuân 2026-2027 (từ tháng 12/2026 đến tháng 4/2027),
    # ..." (s21-B): a northern district's fertiliser plan, its season sown in January
    figs = figures_in(
        ("heading", "II. KẾ HOẠCH SẢN XUẤT VỤ ĐÔNG XUÂN 2026-2027", 2),
        ("paragraph", "Vụ Đông Xuân 2026-2027 (từ tháng 01/2027 đến tháng 6/2027), gieo cấy 12.500 ha lúa.", None),
        ("paragraph", "Nhu cầu phân bón khoảng 8.000 tấn.", None),
        year=2026,
    )
    assert [(f.period_start, f.period_end) for f in figs] == [(date(2027, 1, 1), date(2027, 6, 30))] * 2
