"""The period and point in time of figures in running text: stocks as of a day, sentence leads carried through a
paragraph and into the items under a lead-in, breakdowns, headings that name a day, footnotes, chart captions."""

from __future__ import annotations

from datetime import date

from extract.figures import extract_figures
from extract.model import Block, Document, Metadata, Period

YEAR_2024 = Period(date(2024, 1, 1), date(2024, 12, 31), "năm 2024")


def figures_of(*blocks: Block | str, meta: Metadata | None = None):
    bs = tuple(b if isinstance(b, Block) else Block("paragraph", b, f"p{i}") for i, b in enumerate(blocks))
    doc = Document(path="t", format="docx", sha256="", blocks=bs)
    return extract_figures(doc, meta or Metadata(period=YEAR_2024))[0]


def span(f):
    return f.period_start, f.period_end, f.point_in_time


def test_a_stock_counts_to_the_end_of_the_year_its_cue_names():
    meta = Metadata(period=Period(date(2016, 1, 1), date(2020, 12, 31), "giai đoạn 2016-2020"))
    (f,) = figures_of("Tính đến hết năm 2019, có 41 học viên đã tốt nghiệp.", meta=meta)
    assert span(f) == (date(2016, 1, 1), date(2019, 12, 31), True)  # from the start of its part


def test_an_as_of_opening_carries_to_the_next_sentences_and_past_semicolons():
    a, b, c = figures_of(
        "Tính đến ngày 20/10/2024, có 15 xã đạt chuẩn; 04 xã chưa đạt chuẩn. Tổng kinh phí đã cấp là 12 tỷ đồng."
    )
    assert span(a) == span(b) == span(c) == (date(2024, 1, 1), date(2024, 10, 20), True)


def test_an_as_of_cue_of_a_completed_work_does_not_carry_to_the_totals_after_it():
    # session 20, helper s20-B (cues.yaml completed_state): "Đến nay, ... đã hoàn tất ..." dates the completion; the
    # totals after it are the year's (a social allowance here); an as-of sentence stating no completion still carries
    meta = Metadata(period=YEAR_2024, report_date=date(2024, 12, 20), issued_date=date(2024, 12, 20))
    (f,) = figures_of("Đến nay, các xã đã hoàn tất việc chi trả trợ cấp Tết. Tổng kinh phí chi trả 12,5 tỷ đồng.",
                      meta=meta)
    assert span(f) == (date(2024, 1, 1), date(2024, 12, 31), False)
    (g,) = figures_of("Đến nay, các xã tiếp tục chi trả trợ cấp Tết. Số hộ được nhận là 4.210 hộ.", meta=meta)
    assert span(g) == (date(2024, 1, 1), date(2024, 12, 20), True)


def test_the_days_a_schedule_is_set_for_time_no_sentence_after_it():
    # session 20, helper s20-B (periods.yaml schedule_head): "Lịch thi ... từ ngày ... đến ..." names when the exams
    # are held (a school report here); the count after it is the year's, not of those days
    a, b = figures_of("Lịch thi học kỳ I từ ngày 15/12 đến 25/12/2024, gồm 9 môn thi. Toàn tỉnh có 1.250 học sinh dự "
                      "thi.")
    assert span(b) == (date(2024, 1, 1), date(2024, 12, 31), False)


def test_a_period_opening_a_sentence_carries_to_the_next_one():
    a, b = figures_of("Trong 6 tháng cuối năm (sau hợp nhất), đã ban hành 12 văn bản. Ngoài ra, có 09 đề án khác.")
    assert span(a) == span(b) == (date(2024, 7, 1), date(2024, 12, 31), False)


def test_a_plan_named_mid_sentence_does_not_carry():
    a, b = figures_of("Đã xây dựng Kế hoạch kiểm tra năm 2025; trong quý, đã kiểm tra 30 đơn vị. Đã xử lý 05 vụ.")
    assert span(a)[:2] == span(b)[:2] == (date(2024, 1, 1), date(2024, 12, 31))


def test_items_under_a_lead_in_share_its_as_of_day():
    q1 = Metadata(period=Period(date(2024, 1, 1), date(2024, 3, 31), "Quý I năm 2024"))
    lead, item = figures_of("Số trường học hiện có là 310 trường; cụ thể:", "+ Trường tiểu học: 140 trường.", meta=q1)
    assert span(lead) == span(item) == (date(2024, 1, 1), date(2024, 3, 31), True)


def test_a_breakdown_takes_the_period_of_the_total():
    text = ("Tháng 9 năm 2024, doanh thu đạt 40 tỷ đồng. Lũy kế 9 tháng đạt 350 tỷ đồng. "
            "Trong đó khu vực tư nhân tăng 12%.")
    *_, part = figures_of(text)
    assert (part.period_start, part.period_end) == (date(2024, 1, 1), date(2024, 9, 30))


def test_a_comparison_base_is_not_the_period():
    (f,) = figures_of("Số vụ phát hiện giảm 41 vụ so với cùng kỳ năm 2023.")
    assert (f.period_start, f.period_end) == (date(2024, 1, 1), date(2024, 12, 31))


def test_now_is_the_file_date_when_the_signing_day_is_blank():
    meta = Metadata(period=YEAR_2024, report_date=date(2024, 10, 15))
    (f,) = figures_of("Đến nay, toàn tỉnh có 52 thủ tục được số hóa.", meta=meta)
    assert span(f) == (date(2024, 1, 1), date(2024, 10, 15), True)


def test_a_quarter_report_counts_now_to_the_quarter_end():
    q3 = Period(date(2024, 7, 1), date(2024, 9, 30), "Quý III năm 2024")
    (f,) = figures_of("Đến nay, toàn tỉnh có 52 thủ tục được số hóa.", meta=Metadata(period=q3,
                                                                                  report_date=date(2024, 9, 16)))
    assert span(f) == (date(2024, 7, 1), date(2024, 9, 30), True)


def test_a_numbered_paragraph_naming_a_day_makes_its_figures_stocks():
    f = figures_of("3. Kết quả: đến thời điểm báo cáo ngày 12/10/2024", Block("heading", "3.1. Cấp tỉnh", "h", level=4),
                   "Tỉnh đạt 91,2 điểm.")[-1]
    assert span(f) == (date(2024, 1, 1), date(2024, 10, 12), True)


def test_a_footnote_takes_the_as_of_day_of_its_paragraph():
    *_, note = figures_of("Đến ngày 30/9/2024, đã thành lập 15 chi cục.",
                          Block("footnote", "06 chi cục thuộc Sở Y tế; 09 chi cục khác.", "f1"))
    assert span(note) == (date(2024, 1, 1), date(2024, 9, 30), True)


def test_a_heading_period_after_the_report_day_is_not_the_period_of_facts():
    meta = Metadata(period=YEAR_2024, issued_date=date(2024, 11, 20))
    f = figures_of(Block("heading", "II. TỒN TẠI VÀ GIẢI PHÁP KHẮC PHỤC TRONG THÁNG 12/2024", "h", level=2),
                   "Tỷ lệ hồ sơ đúng hạn đạt 91%.", meta=meta)[-1]
    assert (f.period_start, f.period_end) == (date(2024, 1, 1), date(2024, 12, 31))


def test_a_kpi_threshold_in_a_part_year_section_is_the_years():
    meta = Metadata(period=YEAR_2024, issued_date=date(2024, 11, 20))
    heading = Block("heading", "II. TỒN TẠI VÀ GIẢI PHÁP KHẮC PHỤC TRONG THÁNG 12/2024", "h", level=2)
    kpi, task = figures_of(heading, "Tỷ lệ hồ sơ trực tuyến chưa đạt chỉ tiêu đề ra (chỉ tiêu tối thiểu 60%).",
                           "Giao Sở Nội vụ tổ chức 02 cuộc kiểm tra.", meta=meta)
    assert (kpi.role, kpi.period_start, kpi.period_end) == ("target", date(2024, 1, 1), date(2024, 12, 31))
    assert (task.role, task.period_start, task.period_end) == ("target", date(2024, 12, 1), date(2024, 12, 31))


def test_a_kpi_of_the_years_plan_in_parentheses_is_the_years():
    meta = Metadata(period=Period(date(2024, 1, 1), date(2024, 6, 30), "6 tháng đầu năm 2024"))
    rate, kpi = figures_of("Tỷ lệ xã có trạm y tế đạt chuẩn đạt 88,5%, chưa đạt chỉ tiêu kế hoạch năm (90%).", meta=meta)
    assert (rate.period_start, rate.period_end) == (date(2024, 1, 1), date(2024, 6, 30))
    assert (kpi.role, kpi.period_start, kpi.period_end) == ("target", date(2024, 1, 1), date(2024, 12, 31))


def test_a_chart_title_inside_a_subsection_opens_no_part():
    f = figures_of(Block("heading", "2. Tình hình thực hiện năm 2024", "h1", level=3),
                   "KẾT QUẢ CHỈ SỐ HÀI LÒNG NĂM 2023", "Tỷ lệ hài lòng đạt 88%.")[-1]
    assert (f.period_start, f.period_end) == (date(2024, 1, 1), date(2024, 12, 31))


def test_thuc_hien_is_no_as_of_cue():
    (f,) = figures_of("Ước thực hiện đạt 1.200 tỷ đồng.")
    assert not f.point_in_time


def _head(line: str, file_date: date | None) -> Document:
    blocks = (Block("paragraph", "UBND TỈNH A", "p0"), Block("paragraph", line, "p1"),
              Block("paragraph", "BÁO CÁO", "p2"), Block("paragraph", "Kết quả công tác năm 2025", "p3"))
    return Document(path="t", format="docx", sha256="", blocks=blocks, file_date=file_date)


def test_blank_signing_day_is_the_file_date_of_the_same_month():
    from extract.metadata import read_metadata

    line = "Số: /BC-UBND   Quảng Trị, ngày   tháng 11 năm 2025"
    assert read_metadata(_head(line, date(2025, 11, 7))).report_date == date(2025, 11, 7)
    assert read_metadata(_head(line, date(2025, 12, 2))).report_date is None  # saved in another month
    assert read_metadata(_head(line.replace("tháng 11", "tháng"), date(2025, 11, 7))).report_date is None
    signed = read_metadata(_head("Số: 12/BC-UBND   Quảng Trị, ngày09 tháng 11 năm 2025", date(2025, 11, 7)))
    assert signed.issued_date == signed.report_date == date(2025, 11, 9)  # OCR dropped the space


def test_readers_record_the_files_own_date(tmp_path):
    from datetime import datetime

    import docx

    from extract.readers.docx_reader import read_docx
    from extract.readers.pdf_reader import _file_date

    d = docx.Document()
    d.add_paragraph("Báo cáo")
    d.core_properties.modified = datetime(2025, 3, 4, 8, 30)
    d.save(tmp_path / "a.docx")
    assert read_docx(tmp_path / "a.docx").file_date == date(2025, 3, 4)

    class FakePdf:
        def __init__(self, meta):
            self.meta = meta

        def get_metadata_dict(self):
            return self.meta

    assert _file_date(FakePdf({"ModDate": "D:20251106143139+07'00'"})) == date(2025, 11, 6)
    assert _file_date(FakePdf({"CreationDate": "D:20121018164354+07'00'"})) == date(2012, 10, 18)
    assert _file_date(FakePdf({"ModDate": "yesterday"})) is None


def test_now_in_a_part_on_an_earlier_period_is_the_documents_now():
    meta = Metadata(period=Period(date(2021, 1, 1), date(2025, 12, 31), "giai đoạn 2021-2025"))
    f = figures_of(Block("heading", "A. ĐỀ ÁN GIAI ĐOẠN 2008 - 2014", "h", level=1),
                   "Hiện tại, còn 03 học viên chưa bồi hoàn kinh phí.", meta=meta)[-1]
    assert span(f) == (date(2021, 1, 1), date(2025, 12, 31), True)


# --- issue 14 round 2 (PDF genres): invented sentences for the rules the new PDF gold asked for -------------

NOV_2025 = Metadata(period=Period(date(2025, 1, 1), date(2025, 12, 31), "năm 2025"), issued_date=date(2025, 11, 20))


def test_a_programme_span_stated_in_its_part_is_the_period_of_that_part():
    a, b, now = figures_of(
        Block("heading", "B. ĐỀ ÁN ĐÀO TẠO CÁN BỘ Y TẾ Ở NƯỚC NGOÀI", "h1", level=1),
        Block("heading", "I. TÌNH HÌNH THỰC HIỆN", "h2", level=2),
        "Đề án được triển khai từ năm 2008 và kết thúc vào năm 2016, nhằm đào tạo cán bộ y tế.",
        Block("heading", "II. KẾT QUẢ THỰC HIỆN", "h3", level=2),
        "Có 45 học viên tham gia, trong đó 30 học viên đã về nước. Đến nay, có 05 học viên giữ chức vụ lãnh đạo.",
        meta=NOV_2025,
    )
    assert span(a) == span(b) == (date(2008, 1, 1), date(2016, 12, 31), False)
    assert span(now) == (date(2025, 1, 1), date(2025, 11, 20), True)  # "đến nay" is the report's now


def test_a_programme_span_leaves_a_part_with_its_own_period():
    (f,) = figures_of(
        Block("heading", "A. CHƯƠNG TRÌNH ĐÀO TẠO GIAI ĐOẠN 2011 - 2015", "h1", level=1),
        "Chương trình thực hiện từ năm 2010 đến hết năm 2016. Có 12 lớp được mở.",
        meta=NOV_2025,
    )
    assert span(f)[:2] == (date(2011, 1, 1), date(2015, 12, 31))


def test_a_range_of_days_is_the_period_of_its_sentence():
    a, b = figures_of("Kết quả từ 05/8 đến 20/9/2025, lực lượng chức năng đã xử lý 42 vụ, thu 120 triệu đồng.",
                      meta=NOV_2025)
    assert span(a) == span(b) == (date(2025, 8, 5), date(2025, 9, 20), False)
    (c,) = figures_of("Đoàn tham gia hội chợ từ ngày 03 đến 07/10/2025 với 06 gian hàng.", meta=NOV_2025)
    assert span(c) == (date(2025, 10, 3), date(2025, 10, 7), False)


def test_a_day_opening_a_sentence_starts_a_flow_to_the_report_day():
    a, b = figures_of("Từ ngày 01/9/2025, Sở đã tiếp nhận hơn 2.000 phiếu góp ý; đã giải quyết 15 kiến nghị.",
                      meta=NOV_2025)
    assert span(a) == span(b) == (date(2025, 9, 1), date(2025, 11, 20), False)


def test_the_parts_in_brackets_take_the_period_of_their_whole_not_a_year_of_its_noun():
    whole, part = figures_of("Năm 2023 có 04 học viên được cử đi năm 2018 tốt nghiệp (trong đó có 03 học viên "
                             "được bố trí công tác).", meta=NOV_2025)
    assert span(whole) == span(part) == (date(2023, 1, 1), date(2023, 12, 31), False)


def test_what_happened_under_a_policy_span_past_the_report_ends_with_the_report():
    meta = Metadata(period=Period(date(2021, 1, 1), date(2025, 12, 31), "giai đoạn 2021-2025"))
    fact, plan = figures_of(
        Block("heading", "I. CHÍNH SÁCH THU HÚT NHÂN LỰC Y TẾ GIAI ĐOẠN 2022-2026", "h1", level=2),
        "Chính sách đã thu hút 85 bác sĩ về công tác tại tỉnh; dự kiến thu hút thêm 20 bác sĩ.",
        meta=meta,
    )
    assert span(fact) == (date(2022, 1, 1), date(2025, 12, 31), False)
    assert (plan.role, span(plan)[:2]) == ("target", (date(2022, 1, 1), date(2026, 12, 31)))


def test_a_quota_given_is_the_periods_own_while_its_use_is_counted_to_a_day():
    used, quota = figures_of("Đến nay, tỉnh sử dụng không vượt quá số lượng biên chế hành chính được giao "
                             "(4.120/4.300 biên chế).", meta=NOV_2025)
    assert span(used) == (date(2025, 1, 1), date(2025, 11, 20), True)
    assert (quota.role, span(quota)) == ("norm", (date(2025, 1, 1), date(2025, 12, 31), False))


def test_a_level_against_a_rule_has_no_period():
    amount, level = figures_of("Đề xuất mức hỗ trợ 40.000.000 đồng đối với Thạc sĩ (bằng 60% mức hỗ trợ tại dự thảo).",
                               meta=NOV_2025)
    assert level.role == "other" and span(level) == (None, None, False)


def test_a_lead_in_naming_a_month_dates_the_part_it_opens():
    """"III. NHIỆM VỤ THỜI GIAN TỚI" then "Trong tháng 12/2024, tập trung ... sau đây:": the month is the period of
    every item of the part, under its sub-headings too; a part whose heading names a period keeps its own."""
    a, b = figures_of(
        Block("heading", "III. NHIỆM VỤ TRONG THỜI GIAN TỚI", "h1", level=2),
        "Ban chỉ đạo yêu cầu các đơn vị tiếp tục triển khai. Trong tháng 12/2024, tập trung các nhiệm vụ sau đây:",
        Block("heading", "1. Sở Tư pháp", "h2", level=3),
        "a) Phấn đấu đạt tối thiểu 90% hồ sơ trực tuyến.",
        Block("heading", "2. Sở Y tế", "h3", level=3),
        "a) Hoàn thành 100% cơ sở khám chữa bệnh kết nối dữ liệu.",
    )
    assert span(a)[:2] == span(b)[:2] == (date(2024, 12, 1), date(2024, 12, 31))
    (c,) = figures_of(
        Block("heading", "III. NHIỆM VỤ NĂM 2025", "h1", level=2),
        "Trong tháng 12/2024, tập trung các nhiệm vụ sau đây:",
        "a) Phấn đấu đạt tối thiểu 90% hồ sơ trực tuyến.",
    )
    assert span(c)[:2] != (date(2024, 12, 1), date(2024, 12, 31))


def test_only_the_last_sentence_of_a_lead_in_dates_the_part():
    """A dated sentence without figures before the lead-in's last sentence opens nothing: the part keeps the
    document's period (the figure stage reads the opening period of the last sentence alone)."""
    (a,) = figures_of(
        Block("heading", "III. NHIỆM VỤ TRONG THỜI GIAN TỚI", "h1", level=2),
        "Trong tháng 12/2024, đã rà soát các nhiệm vụ. Các đơn vị tập trung thực hiện các nhiệm vụ sau đây:",
        "a) Phấn đấu đạt tối thiểu 95% hồ sơ trực tuyến.",
    )
    (b,) = figures_of(
        Block("heading", "III. NHIỆM VỤ TRONG THỜI GIAN TỚI", "h1", level=2),
        "Các đơn vị đã rà soát các nhiệm vụ. Trong tháng 12/2024, tập trung thực hiện các nhiệm vụ sau đây:",
        "a) Phấn đấu đạt tối thiểu 95% hồ sơ trực tuyến.",
    )
    assert span(b)[:2] == (date(2024, 12, 1), date(2024, 12, 31))
    assert span(a)[:2] != span(b)[:2]


def test_a_count_to_the_end_of_a_month_is_a_stock_to_that_day():
    (f,) = figures_of("Đến hết tháng 8/2024, toàn tỉnh cấp 1.320 giấy phép.")
    assert span(f) == (date(2024, 1, 1), date(2024, 8, 31), True)
    (f,) = figures_of("Từ năm 2020 đến hết năm 2024, đã đào tạo 75 bác sĩ.")  # a span from a start is a flow
    assert span(f) == (date(2020, 1, 1), date(2024, 12, 31), False)


def test_since_the_start_of_the_year_is_a_flow_to_the_day_named_or_now():
    (f,) = figures_of("Từ đầu năm đến ngày 20/9/2024, đã cấp 615 thẻ bảo hiểm.")
    assert span(f) == (date(2024, 1, 1), date(2024, 9, 20), False)
    (f,) = figures_of("Lũy kế từ đầu năm 2024 đến nay, thu 38 tỷ đồng.")
    assert span(f)[0] == date(2024, 1, 1) and span(f)[2] is False  # a flow, not a stock


def test_a_lead_in_naming_now_mid_sentence_dates_its_items_as_stocks():
    meta = Metadata(period=YEAR_2024, report_date=date(2024, 11, 20))
    for lead_in in ("Qua theo dõi kết quả thực hiện của các xã đến nay, còn một số chỉ tiêu chưa đạt, cụ thể như sau:",
                    "Đối chiếu Quyết định số 215/QĐ-UBND với kết quả của các xã đến nay, còn tồn tại như sau:"):
        a, b = figures_of(
            lead_in,
            "a) Việc cấp giấy chứng nhận còn chậm (khoảng 30% hồ sơ trễ hạn).",
            "b) Tỷ lệ hộ dùng nước sạch chỉ đạt 85,5%.",
            meta=meta,
        )
        assert span(a) == span(b) == (date(2024, 1, 1), date(2024, 11, 20), True), lead_in


def test_a_plan_takes_the_execution_time_a_later_clause_names():
    text = ("Theo kế hoạch, Sở Y tế sẽ khảo sát 40 trạm y tế (gồm 12 trạm vùng cao); "
            "thời gian triển khai từ tháng 5 đến tháng 8 năm 2024. Đã khảo sát 05 trạm.")
    a, b, c = figures_of(text)
    assert a.role == b.role == "target"
    assert span(a) == span(b) == (date(2024, 5, 1), date(2024, 8, 31), False)
    assert span(c)[:2] == (date(2024, 1, 1), date(2024, 12, 31))


def test_coordinated_plans_share_the_period_named_after_the_last():
    a, b = figures_of("Huyện đưa chỉ tiêu giảm 10% số vụ và 5% số đối tượng vào kế hoạch công tác năm 2025.")
    assert a.role == b.role == "target"
    assert span(a) == span(b) == (date(2025, 1, 1), date(2025, 12, 31), False)


def test_coordinated_plans_with_a_verb_each_share_the_period_named_after_the_last():
    a, b = figures_of("Các giải pháp để đạt mục tiêu tăng trưởng 8% và giải ngân 95% vốn đầu tư công trong năm 2025.")
    assert a.role == b.role == "target"
    assert span(a) == span(b) == (date(2025, 1, 1), date(2025, 12, 31), False)


def test_a_period_labelling_the_next_plan_is_not_the_plan_before_it():
    q1 = Metadata(period=Period(date(2024, 1, 1), date(2024, 3, 31), "Quý I năm 2024"))
    _, year, quarter = figures_of("Tỷ lệ hộ dùng điện đạt 97,5% (Kế hoạch cả năm >99%, KH Quý I: 98%).", meta=q1)
    assert span(year)[:2] == (date(2024, 1, 1), date(2024, 12, 31))
    assert span(quarter)[:2] == (date(2024, 1, 1), date(2024, 3, 31))


def test_a_plan_takes_the_time_after_its_time_word_not_the_year_of_its_noun():
    (f,) = figures_of("Phấn đấu hoàn thành 100% kế hoạch vốn năm 2023 chuyển sang năm 2024 ngay trong quý III.")
    assert span(f) == (date(2024, 7, 1), date(2024, 9, 30), False)


def test_a_start_year_alone_runs_to_the_documents_year():
    (f,) = figures_of("Chương trình được triển khai từ năm 2016 và đã hỗ trợ 120 hộ nghèo.")
    assert span(f) == (date(2016, 1, 1), date(2024, 12, 31), False)


def test_trong_do_after_no_figure_breaks_nothing_down():
    (f,) = figures_of(
        "Kết quả năm 2023 - chú trọng công tác tuyên truyền, trong đó cần bám sát nhiệm vụ; áp dụng 03 nhóm giải pháp."
    )
    assert span(f)[:2] == (date(2024, 1, 1), date(2024, 12, 31))


def test_a_start_year_runs_to_the_end_its_sentence_states():
    (f,) = figures_of("Chương trình được thực hiện từ năm 2011, trải qua 02 giai đoạn và kết thúc vào năm 2020.")
    assert span(f)[:2] == (date(2011, 1, 1), date(2020, 12, 31))


def test_a_milestone_year_inside_a_plans_span_ends_its_target_there():
    meta = Metadata(doc_type="kế hoạch", period=Period(date(2026, 1, 1), date(2030, 12, 31), "giai đoạn 2026-2030"))
    figs = figures_of(Block("heading", "II. MỤC TIÊU", "h", level=2),
                      "Đến năm 2028 có ít nhất 40% số thôn có điểm sinh hoạt văn hóa; đến năm 2030 đạt 70%.", meta=meta)
    assert [span(f)[:2] for f in figs] == [(date(2026, 1, 1), date(2028, 12, 31)), (date(2026, 1, 1), date(2030, 12, 31))]


def test_the_times_of_a_counts_parts_in_brackets_are_not_its_own():
    meta = Metadata(doc_type="kế hoạch", period=Period(date(2026, 1, 1), date(2026, 12, 31), "năm 2026"))
    (f,) = figures_of(Block("heading", "II. NHIỆM VỤ", "h", level=2),
                      "Tổ chức 03 đợt tập huấn cho cán bộ xã (đợt 1 trong quý I, đợt 2 trong quý II, đợt 3 trong quý III).",
                      meta=meta)
    assert span(f) == (date(2026, 1, 1), date(2026, 12, 31), False)


def test_a_period_after_the_semicolon_of_a_stock_dates_a_flow():
    # a stock as of a day, then a part of the sentence that names its own quarter: that part is a flow of the quarter
    meta = Metadata(period=Period(date(2024, 7, 1), date(2024, 9, 30), "quý III"))
    a, b = figures_of("Lũy kế đến 30/9/2024, tỉnh đã cấp 870 giấy phép lái tàu; riêng quý III cấp mới 42 giấy phép.",
                      meta=meta)
    assert span(a) == (date(2024, 7, 1), date(2024, 9, 30), True)
    assert span(b) == (date(2024, 7, 1), date(2024, 9, 30), False)


def test_a_share_of_the_plan_takes_the_year_that_dates_the_result_it_measures():
    meta = Metadata(period=Period(date(2024, 1, 1), date(2024, 9, 30), "9 tháng"))
    _a, _b, b = figures_of("Doanh thu 9 tháng đạt 610 tỷ đồng; cả năm 2024 ước đạt 905 tỷ đồng, đạt 101,2% kế hoạch.",
                      meta=meta)
    assert (b.role, span(b)) == ("share_of_target", (date(2024, 1, 1), date(2024, 12, 31), False))
    # the year of the plan's name is no time of the share: the share is of the period so far
    (c,) = figures_of("Tỷ lệ giải ngân vốn đầu tư công năm 2024 đạt 61,3% kế hoạch.", meta=meta)
    assert (c.role, span(c)) == ("share_of_target", (date(2024, 1, 1), date(2024, 9, 30), False))


def _whole_of(figs, value):
    return next(f for f in figs if f.value == value)


def test_a_ratio_after_a_change_sets_the_count_against_the_compared_years():
    # "(this period's / the base's)": the whole, apart from the part by the change, is the count of the base named
    figs = figures_of("Toàn tỉnh ghi nhận 412 ca sốt xuất huyết, giảm 96 ca (412/508) so với cùng kỳ năm 2023.")
    assert span(_whole_of(figs, 508)) == (date(2023, 1, 1), date(2023, 12, 31), False)
    assert span(_whole_of(figs, 412))[:2] == (date(2024, 1, 1), date(2024, 12, 31))
    # "so với năm trước": the year before the figure's
    nine = Metadata(period=Period(date(2024, 1, 1), date(2024, 9, 30), "9 tháng"))
    figs = figures_of("Tuyển sinh mới 1.120 học viên, giảm 130 học viên (1.120/1.250) so với năm trước.", meta=nine)
    assert span(_whole_of(figs, 1250))[:2] == (date(2023, 1, 1), date(2023, 9, 30))
    # the base before the change
    figs = figures_of("Kiểm tra 28 cơ sở thực phẩm, so với cùng kỳ năm 2023 giảm 7 cơ sở (28/35).")
    assert span(_whole_of(figs, 35))[:2] == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_ratio_that_is_no_comparison_keeps_the_period():
    # a done/planned ratio after a change: its whole is not apart from its part by the change
    figs = figures_of("Giải ngân tăng 12 tỷ đồng (45/120 dự án) so với cùng kỳ năm 2023.")
    assert span(_whole_of(figs, 120))[:2] == (date(2024, 1, 1), date(2024, 12, 31))
    # no earlier year compared with
    figs = figures_of("Số hộ nghèo giảm 40 hộ (160/200) so với kế hoạch.")
    assert span(_whole_of(figs, 200))[:2] == (date(2024, 1, 1), date(2024, 12, 31))


def test_a_plan_item_takes_the_execution_time_a_later_sentence_of_it_names():
    plan = Metadata(doc_type="kế hoạch", period=Period(date(2026, 1, 1), date(2030, 12, 31), "giai đoạn 2026-2030"))
    heading = Block("heading", "III. NHIỆM VỤ", "h", level=2)
    (f,) = figures_of(heading, "- Tập huấn cho 450 giáo viên mầm non về dinh dưỡng. Cơ quan chủ trì: Sở Giáo dục và "
                      "Đào tạo; thời gian thực hiện: năm 2027-2028.", meta=plan)
    assert span(f) == (date(2027, 1, 1), date(2028, 12, 31), False)
    (f,) = figures_of(heading, "- Cấp 2.000 con giống cho hộ nghèo. Thời gian triển khai: năm 2026.", meta=plan)
    assert span(f)[:2] == (date(2026, 1, 1), date(2026, 12, 31))
    # a later sentence with a number of its own states its own task's time, not this one's
    a, b = figures_of(heading, "- Xây mới 12 trạm y tế xã. Sửa chữa 30 trạm y tế; thời gian thực hiện: năm 2026.",
                      meta=plan)
    assert span(a)[:2] == (date(2026, 1, 1), date(2030, 12, 31))
    assert span(b)[:2] == (date(2026, 1, 1), date(2026, 12, 31))


def test_a_worked_example_is_of_no_time():
    text = ("Điểm của tiêu chí = tỷ lệ đạt * điểm tối đa/100. Ví dụ: trường B có 90% học sinh được khám sức khỏe "
            "thì điểm tiêu chí của trường B = 90*10/100 = 9 điểm.")
    figs = [f for f in figures_of(text) if f.value in (90, 9)]
    assert figs and all(span(f) == (None, None, False) for f in figs)
    (f,) = figures_of("Chẳng hạn, xã C giải ngân 80% vốn thì được 8 điểm.")[:1]
    assert span(f) == (None, None, False)


def test_a_target_due_after_its_context_ends_on_its_deadline_day_one_inside_keeps_the_context():
    """A direction due by a day past the report's period ends there ("... trước ngày 20/11/2024"); a day inside the
    period keeps the period (a deadline inside the quarter), session 18."""
    meta = Metadata(period=Period(date(2024, 11, 2), date(2024, 11, 5), "02/11/2024–05/11/2024"))
    a, b = figures_of(
        Block("heading", "III. NHIỆM VỤ TRONG THỜI GIAN TỚI", "h1", level=1),
        "Sở Giao thông vận tải chủ trì, phấn đấu khôi phục 100% các tuyến đê bao bị vỡ trước ngày 20/11/2024; "
        "các xã phấn đấu dọn vệ sinh 100% trường học trước ngày 04/11/2024.",
        meta=meta,
    )
    assert (a.role, span(a)) == ("target", (date(2024, 11, 2), date(2024, 11, 20), False))
    assert span(b) == (date(2024, 11, 2), date(2024, 11, 5), False)


def test_a_measure_at_a_clock_time_on_a_day_is_a_point_in_time_on_that_day_a_range_of_days_a_flow():
    """ "lúc 9h ngày 03/11/2024 mực nước ... đạt 6,40 m": the level at that moment; rain "từ 7h ngày 01/11 đến 19h ngày
    02/11/2024" falls over those days (session 18)."""
    meta = Metadata(period=Period(date(2024, 11, 1), date(2024, 11, 5), "01/11/2024–05/11/2024"))
    rain, level = figures_of(
        "Từ 7h ngày 01/11 đến 19h ngày 02/11/2024, lượng mưa đo được phổ biến 180 mm.",
        "Do lũ thượng nguồn, lúc 9h ngày 03/11/2024 mực nước sông Kôn tại trạm Thạnh Hòa đạt 6,40 m.",
        meta=meta,
    )
    assert span(rain) == (date(2024, 11, 1), date(2024, 11, 2), False)
    assert span(level) == (date(2024, 11, 1), date(2024, 11, 3), True)


def test_a_contest_named_with_its_year_at_the_head_of_a_sentence_dates_every_clause():
    """ "Kỳ thi ... năm 2024, ...; tỷ lệ ... đạt ...": the exam's year past the semicolons, however long its name."""
    meta = Metadata(period=Period(date(2023, 9, 1), date(2024, 5, 31), "năm học 2023-2024"))
    a, b = figures_of(
        "Kỳ thi chọn học sinh giỏi cấp tỉnh trung học cơ sở năm 2024, toàn tỉnh có 1.520 thí sinh đăng ký; "
        "tỷ lệ đạt giải là 46,4%.",
        meta=meta,
    )
    assert span(a) == span(b) == (date(2024, 1, 1), date(2024, 12, 31), False)


def test_a_title_as_of_day_makes_progress_stocks_counted_to_it():
    # a progress report "(tính đến ngày 20/10/2025)" signed two days later: what it has reached is a stock at 20/10
    meta = Metadata(period=Period(date(2025, 1, 1), date(2025, 10, 20), "đến 20/10/2025"), as_of=True,
                    issued_date=date(2025, 10, 22))
    handed, paid = figures_of("Đã bàn giao 45,2 ha mặt bằng cho nhà thầu.",
                              "Lũy kế từ khi triển khai dự án đã chi trả 12 tỷ đồng.", meta=meta)
    assert span(handed) == span(paid) == (date(2025, 1, 1), date(2025, 10, 20), True)


def test_the_year_of_a_round_is_no_period_of_the_figure():
    # "đợt kiểm tra thứ 3 năm 2025" names the round; the item keeps its heading's quarter
    meta = Metadata(period=Period(date(2025, 7, 1), date(2025, 9, 30), "Quý III năm 2025"), issued_date=date(2025, 10, 5))
    (f,) = figures_of(Block("heading", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV/2025", "h1", level=1),
                      "Tổ chức đợt kiểm tra thứ 3 năm 2025 tại 20 cơ sở chế biến.", meta=meta)
    assert (f.role, f.period_start, f.period_end) == ("target", date(2025, 10, 1), date(2025, 12, 31))


def test_the_year_a_carry_over_comes_from_or_goes_to_is_no_period_of_the_amount():
    # a settlement of 2024: funds carried in from 2023 and out to 2025 are revenue and spending of 2024
    carried_in, balance = figures_of("Thu chuyển nguồn từ năm 2023 sang 41,2 tỷ đồng; thu kết dư ngân sách năm 2023 "
                                     "là 5,6 tỷ đồng.")
    (carried_out,) = figures_of("Chi chuyển nguồn sang năm 2025 của thị xã là 86,4 tỷ đồng.")
    assert span(carried_in)[:2] == span(balance)[:2] == span(carried_out)[:2] == (date(2024, 1, 1), date(2024, 12, 31))


def test_the_year_cases_are_carried_to_is_no_period_of_the_count():
    # "Số đơn chuyển sang năm 2025": letters carried to the next year are counted in the year that records them (s19-A)
    (f,) = figures_of("Số đơn chưa giải quyết chuyển sang năm 2025 là 37 đơn.")
    assert span(f)[:2] == (date(2024, 1, 1), date(2024, 12, 31))


def test_a_kpi_in_brackets_of_a_working_year_is_that_year_s():
    # a report of a working year (01/10/2025-30/9/2026): the chỉ tiêu set for it is of that span, not of 2026 (s19-A)
    meta = Metadata(period=Period(date(2025, 10, 1), date(2026, 9, 30), "năm công tác 2026"))
    *_, kpi = figures_of("Tòa án đã giải quyết 1.204 vụ án, đạt 91,3%, vượt 3,3% so với chỉ tiêu đề ra (88%).",
                         meta=meta)
    assert (kpi.role, span(kpi)) == ("target", (date(2025, 10, 1), date(2026, 9, 30), False))


def test_what_is_going_on_after_a_day_counted_to_is_the_state_at_that_day():
    # "Đến ngày ..., còn N ... đang ..., trong đó M ...": the part is counted to the day, not to the report's (s19-A)
    whole, part = figures_of("Đến ngày 31/10/2025, còn 14 hồ sơ đang thẩm định, trong đó 5 hồ sơ quá hạn.", meta=NOV_2025)
    assert span(whole) == span(part) == (date(2025, 1, 1), date(2025, 10, 31), True)


def test_a_period_after_doi_voi_is_the_topic_s_time_not_a_comparison_base():
    # "Đối với dự toán năm 2025" (as regards) names the time of what follows; "so với" would make it a base
    first, *_ = figures_of("Đối với dự toán năm 2025, Ủy ban nhân dân huyện giao chi sự nghiệp môi trường 18,6 tỷ "
                           "đồng.")
    assert span(first)[:2] == (date(2025, 1, 1), date(2025, 12, 31))


Q3_2026 = Metadata(period=Period(date(2026, 7, 1), date(2026, 9, 30), "quý III năm 2026"))


def test_the_end_of_a_period_compared_with_is_a_base_and_a_publication_date_no_time():
    # "So với cuối quý II/2026": the base of the change, which is the quarter's; "(Bộ Y tế công bố tháng 7/2026)":
    # when the index was published, the index being of the year its name gives
    staff, change = figures_of("Đến ngày 30/9/2026, ngành có 4.310 nhân viên. So với cuối quý II/2026, số nhân viên "
                               "giảm 27 người.", meta=Q3_2026)
    assert span(change)[:2] == (date(2026, 7, 1), date(2026, 9, 30))
    (index,) = figures_of("Chỉ số hài lòng của người bệnh năm 2025 (Bộ Y tế công bố tháng 7/2026) đạt 89,6%.",
                          meta=Q3_2026)
    assert span(index)[:2] == (date(2025, 1, 1), date(2025, 12, 31))


def test_a_period_right_before_the_next_number_is_its_own():
    # in the directions for quý IV, "cả năm" right before 600 is the year's plan, the minimum before it the quarter's
    head = Block("heading", "II. NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2026", "h1", level=1)
    q4, year = figures_of(head, "Cấp tối thiểu 140 giấy phép để hoàn thành kế hoạch cả năm 600 giấy phép.", meta=Q3_2026)
    assert span(q4)[:2] == (date(2026, 10, 1), date(2026, 12, 31)) and span(year)[:2] == (date(2026, 1, 1), date(2026, 12, 31))


def test_the_plan_of_the_year_in_brackets_is_the_year_s():
    held, share, plan = figures_of("Lũy kế 9 tháng tổ chức 21 đợt kiểm tra, đạt 84% kế hoạch năm (25 đợt).", meta=Q3_2026)
    assert span(held)[:2] == (date(2026, 1, 1), date(2026, 9, 30))
    assert (plan.role, span(plan)[:2]) == ("target", (date(2026, 1, 1), date(2026, 12, 31)))


def test_two_periods_joined_by_va_before_a_number_are_one_span():
    # "Trong năm 2025 và 9 tháng năm 2026": one span from the first's start to the second's end
    (f,) = figures_of("Trong năm 2025 và 9 tháng năm 2026, toàn tỉnh thu hút 37 dự án đầu tư mới.", meta=Q3_2026)
    assert span(f)[:2] == (date(2025, 1, 1), date(2026, 9, 30))


# session 20 (s20-Q): the year's start as a stock's day
YEAR_2026 = Period(date(2026, 1, 1), date(2026, 12, 31), "năm 2026")


def test_the_year_start_dates_a_stock_on_the_first_of_january():
    meta = Metadata(period=YEAR_2026, report_date=date(2026, 12, 10))
    a, b = figures_of("Đầu năm 2026, theo kết quả rà soát đầu kỳ, toàn ngành có 1.250 giáo viên, thiếu 85 giáo viên.",
                      meta=meta)
    assert span(a) == span(b) == (date(2026, 1, 1), date(2026, 1, 1), True)
    assert a.subject == "giáo viên"
    (c,) = figures_of("Tại thời điểm đầu năm, số trẻ suy dinh dưỡng là 412 trẻ.", meta=meta)
    assert span(c) == (date(2026, 1, 1), date(2026, 1, 1), True)


def test_the_year_start_as_a_base_a_flow_start_or_an_act_early_in_it_is_no_stock_day():
    meta = Metadata(period=YEAR_2026, report_date=date(2026, 12, 10))
    (a,) = figures_of("Cuối năm 2026, dư nợ cho vay đạt 812 tỷ đồng, tăng so với đầu năm.", meta=meta)
    assert span(a)[1] == date(2026, 12, 31)
    (b,) = figures_of("Ngay đầu năm 2026, Sở đã ban hành 5 kế hoạch.", meta=meta)
    assert span(b) == (date(2026, 1, 1), date(2026, 12, 31), False)
    (d,) = figures_of("Tuyển sinh được triển khai ngay từ những ngày đầu năm, đạt 40% chỉ tiêu.", meta=meta)
    assert span(d)[1] == date(2026, 12, 31)
    (c,) = figures_of("Kế hoạch vốn giao đầu năm 2026 là 1.200 tỷ đồng.", meta=meta)
    assert span(c) == (date(2026, 1, 1), date(2026, 12, 31), False)
    b0, b1 = figures_of("Đầu năm 2026, dư nợ đạt 500 tỷ đồng, đến nay tăng 6,8% so với đầu năm.", meta=meta)
    assert span(b0) == (date(2026, 1, 1), date(2026, 1, 1), True)
    assert span(b1) == (date(2026, 1, 1), date(2026, 12, 10), True)  # "đến nay" counts to a day of its own


def test_a_profile_part_of_a_progress_report_counts_no_stock_to_the_titles_day():
    # cues.yaml profile_sections (session 20, s20-Q): "I. THÔNG TIN CHUNG" gives the make-up of the thing reported on
    meta = Metadata(period=Period(date(2026, 1, 1), date(2026, 10, 31), "đến 31/10/2026"), as_of=True)
    length, works, handed = figures_of(
        Block("heading", "I. THÔNG TIN CHUNG", "h1", level=2),
        "Tuyến kênh tưới dài 12,4 km, với 36 công trình trên kênh.",
        Block("heading", "II. KẾT QUẢ THỰC HIỆN", "h2", level=2),
        "Đã bàn giao mặt bằng 8,2 km cho nhà thầu.", meta=meta)
    assert span(length) == span(works) == (date(2026, 1, 1), date(2026, 10, 31), False)
    assert span(handed) == (date(2026, 1, 1), date(2026, 10, 31), True)


def test_a_running_total_of_months_before_its_change_counts_from_january():
    # session 21 (s21-A, periods.yaml first_months): a Sở Du lịch's monthly report of November
    meta = Metadata(period=Period(date(2026, 11, 1), date(2026, 11, 30), "tháng 11 năm 2026"))
    a, b, c = figures_of("Tính chung 11 tháng, lượng khách lưu trú tăng 12,4% so với cùng kỳ.",
                         "Doanh thu lữ hành 11 tháng tăng 8,1%.",
                         "Một số loại hình có doanh thu 11 tháng tăng cao: khách sạn tăng 15,2%.", meta=meta)
    jan_nov = (date(2026, 1, 1), date(2026, 11, 30), False)
    assert span(a) == span(b) == span(c) == jan_nov
    (d,) = figures_of("Thời gian xử lý 10 tháng giảm còn 8 tháng.", meta=meta)[-1:]
    assert span(d) == (date(2026, 11, 1), date(2026, 11, 30), False)  # a duration names no period


def test_the_items_after_a_colon_take_the_period_of_their_lead_in():
    # session 21 (s21-A, attribution.own_period): a Sở Công Thương's products of eleven months, items past a ';'
    meta = Metadata(period=Period(date(2026, 11, 1), date(2026, 11, 30), "tháng 11 năm 2026"))
    a, b = figures_of("Một số sản phẩm chủ yếu 11 tháng tăng khá: xi măng tăng 12,1%; thép cán giảm 3,4%.", meta=meta)
    assert span(a) == span(b) == (date(2026, 1, 1), date(2026, 11, 30), False)

def test_a_body_that_now_manages_counts_a_stock_and_a_flow_opener_after_a_stock_counts_in_the_period():
    # session 21, helper s21-D (a culture and sports report): "hiện quản lý" states a stock as "hiện có" does; after a
    # ';' that follows an as-of cue, "trong năm ..." opens the period's own flow (a cooperatives report here)
    meta = Metadata(period=YEAR_2024, report_date=date(2024, 12, 18), issued_date=date(2024, 12, 18))
    (f,) = figures_of("Trung tâm hiện quản lý 1.240 đối tượng bảo trợ xã hội.", meta=meta)
    assert span(f) == (date(2024, 1, 1), date(2024, 12, 18), True)
    a, b = figures_of("Đến nay, toàn tỉnh có 1.250 hợp tác xã; trong năm thành lập mới 86 hợp tác xã.", meta=meta)
    assert span(a) == (date(2024, 1, 1), date(2024, 12, 18), True)
    assert span(b) == (date(2024, 1, 1), date(2024, 12, 31), False)
