"""Period expressions into dates; dates and plan horizons are not reporting periods."""

from __future__ import annotations

from datetime import date

import pytest

from extract.language.periods import find_periods


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Tốc độ tăng trưởng GRDP Quý I năm 2026 tăng", (date(2026, 1, 1), date(2026, 3, 31))),
        ("PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II/2026", (date(2026, 4, 1), date(2026, 6, 30))),
        ("HỘI NGHỊ SƠ KẾT 6 THÁNG ĐẦU NĂM 2026", (date(2026, 1, 1), date(2026, 6, 30))),
        ("trong 6 tháng cuối năm", (date(2026, 7, 1), date(2026, 12, 31))),
        ("9 tháng năm 2025", (date(2025, 1, 1), date(2025, 9, 30))),
        ("kế hoạch cả năm >95%", (date(2026, 1, 1), date(2026, 12, 31))),
        ("trong tháng 4/2026", (date(2026, 4, 1), date(2026, 4, 30))),
        ("Trong giai đoạn 2021-2025, đã cử", (date(2021, 1, 1), date(2025, 12, 31))),
        ("quý 2 năm 2026", (date(2026, 4, 1), date(2026, 6, 30))),
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
