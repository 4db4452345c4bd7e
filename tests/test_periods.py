"""Period expressions into dates; dates and plan horizons are not reporting periods."""

from __future__ import annotations

from datetime import date

import pytest

from extract.language.periods import date_at, find_periods


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Tốc độ tăng trưởng GRDP Quý I năm 2026 tăng", (date(2026, 1, 1), date(2026, 3, 31))),
        ("PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II/2026", (date(2026, 4, 1), date(2026, 6, 30))),
        ("HỘI NGHỊ SƠ KẾT 6 THÁNG ĐẦU NĂM 2026", (date(2026, 1, 1), date(2026, 6, 30))),
        ("trong 6 tháng cuối năm", (date(2026, 7, 1), date(2026, 12, 31))),
        ("9 tháng năm 2025", (date(2025, 1, 1), date(2025, 9, 30))),
        ("thời gian thực hiện: năm 2027-2028", (date(2027, 1, 1), date(2028, 12, 31))),
        ("kế hoạch cả năm >95%", (date(2026, 1, 1), date(2026, 12, 31))),
        ("trong tháng 4/2026", (date(2026, 4, 1), date(2026, 4, 30))),
        ("Trong giai đoạn 2021-2025, đã cử", (date(2021, 1, 1), date(2025, 12, 31))),
        ("quý 2 năm 2026", (date(2026, 4, 1), date(2026, 6, 30))),
        ("CHƯƠNG TRÌNH CÔNG TÁC THÁNG10NĂM 2026", (date(2026, 10, 1), date(2026, 10, 31))),  # pieces run together
        ("Đề án được thực hiện từ năm 2019, đã", (date(2019, 1, 1), date(2026, 12, 31))),  # since, not the one year
    ],
)
def test_period_dates(text, expected):
    found = [pm.period for pm in find_periods(text, 2026) if pm.period]
    assert (found[0].start, found[0].end) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vĩnh Long, ngày 10 tháng 02 năm 2026",  # a date, not a month or a year of reporting
        "Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050",  # a plan horizon
        "bầu cử đại biểu HĐND các cấp nhiệm kỳ 2026 - 2031",  # a term of office
        "so với cùng kỳ năm trước",  # a comparison base
    ],
)
def test_not_reporting_periods(text):
    assert [pm.period for pm in find_periods(text, 2026) if pm.period] == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # a range written out in words runs to the end year, whatever word closes it
        ("Giai đoạn từ 2018 đến hết năm 2024, tổng kinh phí", (date(2018, 1, 1), date(2024, 12, 31))),
        ("được thực hiện từ năm 2010 đến cuối năm 2016", (date(2010, 1, 1), date(2016, 12, 31))),
        # "N tháng năm Y" without "đầu" counts N months from January, for any N
        ("ƯTH 11 tháng năm 2013 so TH", (date(2013, 1, 1), date(2013, 11, 30))),
    ],
)
def test_written_out_periods(text, expected):
    found = [pm.period for pm in find_periods(text, 2026) if pm.period]
    assert (found[0].start, found[0].end) == expected


@pytest.mark.parametrize(
    "text,kinds",
    [
        ("giảm 14 vụ so với năm 2023", []),  # a comparison base
        ("tăng 3,1% so với cùng kỳ năm 2023", []),
        ("bằng 96% so cùng kỳ năm 2019", []),
        ("Hà Tĩnh, ngày 12 tháng năm 2026", ["year"]),  # a date with its month left blank counts no months
    ],
)
def test_bases_and_blank_dates_are_not_counted_periods(text, kinds):
    assert [pm.kind for pm in find_periods(text, 2026) if pm.period] == kinds


def test_comparison_base_leaves_the_figures_own_period():
    found = [pm.period for pm in find_periods("Quý II năm 2026 tăng 4% so với cùng kỳ năm 2025", 2026) if pm.period]
    assert [(p.start, p.end) for p in found] == [(date(2026, 4, 1), date(2026, 6, 30))]


@pytest.mark.parametrize(
    "text,expected",
    [
        (" ngày 15/3/2024, có", date(2024, 3, 15)),
        (" 31 tháng 12 năm 2022", date(2022, 12, 31)),
        (" cuối năm 2021, đã", date(2021, 12, 31)),
        (" hết tháng 2/2024", date(2024, 2, 29)),
        (" hết quý III năm 2025", date(2025, 9, 30)),
        (" nay, đã", None),
    ],
)
def test_day_a_stock_is_counted_to(text, expected):
    assert date_at(text, 0) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("nửa đầu năm 2024 doanh thu", (date(2024, 1, 1), date(2024, 6, 30))),  # a half-year word
        ("trong nửa cuối năm, tỉnh", (date(2026, 7, 1), date(2026, 12, 31))),
        ("quý I và quý II năm 2024,", (date(2024, 1, 1), date(2024, 6, 30))),  # the quarters first to last
        ("trong quý II, III/2023", (date(2023, 4, 1), date(2023, 9, 30))),
        ("quý III - IV năm 2025", (date(2025, 7, 1), date(2025, 12, 31))),
        ("Trong 3 năm 2022-2024, huyện", (date(2022, 1, 1), date(2024, 12, 31))),  # a span's length, then its years
        ("sau 5 năm (2016 - 2020),", (date(2016, 1, 1), date(2020, 12, 31))),
    ],
)
def test_half_years_quarter_spans_and_counted_year_spans(text, expected):
    found = [pm.period for pm in find_periods(text, 2026) if pm.period]
    assert (found[0].start, found[0].end) == expected


def test_a_quarter_span_in_the_wrong_order_is_no_period():
    assert [pm.period for pm in find_periods("quý III và quý I năm 2024", 2026) if pm.period] == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Từ tháng 3 đến tháng 5/2024, huyện", (date(2024, 3, 1), date(2024, 5, 31))),
        ("trong tháng 11 và tháng 12 năm 2023", (date(2023, 11, 1), date(2023, 12, 31))),
        ("từ tháng 10/2023 đến hết tháng 01/2024", (date(2023, 10, 1), date(2024, 1, 31))),
    ],
)
def test_a_run_of_months_is_one_period(text, expected):
    found = [pm.period for pm in find_periods(text, 2026) if pm.period]
    assert (found[0].start, found[0].end) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Trong năm học 2024-2025, ngành tuyển sinh", (date(2024, 9, 1), date(2025, 5, 31))),
        ("PHƯƠNG HƯỚNG NHIỆM VỤ NĂM HỌC 2027 - 2028", (date(2027, 9, 1), date(2028, 5, 31))),
        # "năm công tác N" of civil judgment enforcement and the courts: 1 October of N-1 to 30 September of N (s19-A)
        ("Trong năm công tác 2025, Tòa án nhân dân tỉnh thụ lý", (date(2024, 10, 1), date(2025, 9, 30))),
        ("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM CÔNG TÁC 2028", (date(2027, 10, 1), date(2028, 9, 30))),
        # the dry season of the forest-fire directives, November to May (session 19, helper s19-B)
        ("Trong mùa khô 2027-2028, các hồ chứa phải tích đủ nước", (date(2027, 11, 1), date(2028, 5, 31))),
        ("Mùa khô năm 2024-2025, toàn tỉnh thiếu nước sinh hoạt", (date(2024, 11, 1), date(2025, 5, 31))),
    ],
)
def test_a_school_year_or_a_dry_season_runs_across_two_years(text, expected):
    # and a working year of the justice sector from October to September
    found = [pm.period for pm in find_periods(text, 2026) if pm.period]
    assert (found[0].start, found[0].end) == expected


def test_a_school_year_compared_with_or_not_of_two_following_years_is_no_period():
    assert [pm.period for pm in find_periods("giảm 2 trường so với năm học 2023-2024", 2026) if pm.period] == []
    assert [pm.period for pm in find_periods("năm học 2023-2025", 2026) if pm.period] == []
    assert [pm.period for pm in find_periods("mùa khô 2025-2027 kéo dài", 2026) if pm.period] == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # session 20, helper s20-B: a crop season of the rice calendar (periods.yaml `crop_seasons`); Đông Xuân crosses
        # the year, named by both years or by the one it ends in; Hè Thu and Thu Đông lie in their year
        ("Vụ lúa Đông Xuân 2026-2027, huyện gieo cấy giống lúa lai", (date(2026, 11, 1), date(2027, 4, 30))),
        ("KẾT QUẢ VỤ ĐÔNG XUÂN NĂM 2025 - 2026", (date(2025, 11, 1), date(2026, 4, 30))),
        ("trong vụ Đông Xuân 2027 các hợp tác xã", (date(2026, 11, 1), date(2027, 4, 30))),
        ("Vụ Hè Thu năm 2027, nhu cầu phân bón", (date(2027, 5, 1), date(2027, 8, 31))),
        ("kế hoạch vụ Thu Đông 2026 của các xã", (date(2026, 8, 1), date(2026, 11, 30))),
    ],
)
def test_a_crop_season_is_its_months_of_the_rice_calendar(text, expected):
    found = [pm.period for pm in find_periods(text, 2026) if pm.period]
    assert (found[0].start, found[0].end) == expected


def test_a_crop_season_with_its_months_in_brackets_is_those_months():
    # "Vụ Đông Xuân 2026-2027 (từ tháng 12/2026 đến tháng 4/2027)" (s21-B): a northern district's fertiliser plan
    found = [pm for pm in find_periods("Vụ Đông Xuân 2026-2027 (từ tháng 01/2027 đến tháng 6/2027), nhu cầu phân bón "
                                       "khoảng 12.000 tấn", 2027) if pm.period]
    assert (found[0].period.start, found[0].period.end) == (date(2027, 1, 1), date(2027, 6, 30))
    assert found[0].period.label == "vụ Đông Xuân 2026-2027" and len(found) == 1
    # months out of order leave the calendar's
    (pm,) = [pm for pm in find_periods("vụ Hè Thu 2026 (từ tháng 8/2026 đến tháng 5/2026)", 2026) if pm.period]
    assert (pm.period.start, pm.period.end) == (date(2026, 5, 1), date(2026, 8, 31))


def test_a_crop_season_named_by_years_that_do_not_fit_it_is_no_period():
    assert [pm.period for pm in find_periods("vụ Đông Xuân 2024-2026 kéo dài", 2026) if pm.period] == []
    assert [pm.period for pm in find_periods("vụ Hè Thu 2025-2026 của tỉnh", 2026) if pm.period] == []


def test_hours_before_the_days_of_a_range_time_an_event_within_those_days():
    found = [pm.period for pm in find_periods("Từ 20h ngày 14/11 đến 6 giờ 30 ngày 16/11/2027, lượng mưa", 2027)]
    assert (found[0].start, found[0].end) == (date(2027, 11, 14), date(2027, 11, 16))
    assert date_at(" 9h ngày 03/8/2027", 0) == date(2027, 8, 3)


def test_a_budget_estimate_named_before_a_year_is_the_base_of_a_comparison():
    assert [pm.period for pm in find_periods("tăng 5,2% so với dự toán năm 2025", 2026) if pm.period] == []


def test_the_year_in_a_laws_name_is_no_period():
    assert [pm.period for pm in find_periods("viên chức đạt chuẩn theo Luật Viên chức năm 2010 là 95%", 2026)
            if pm.period] == []
    found = [pm.period for pm in find_periods("Triển khai Luật Đầu tư công, năm 2025 tỉnh giải ngân", 2026) if pm.period]
    assert (found[0].start, found[0].end) == (date(2025, 1, 1), date(2025, 12, 31))  # a year of its own after a comma
