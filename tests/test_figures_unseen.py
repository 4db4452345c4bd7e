"""Figures from report wording that is not in the seeds (GSO-style monthly and 9-month reports): the rules
must follow the grammar of these reports, not the seed sentences."""

from __future__ import annotations

from datetime import date

import docx
import pytest

from extract.pipeline import extract_file

PARAGRAPHS = [
    "BÁO CÁO",
    "Tình hình kinh tế - xã hội 9 tháng năm 2025",
    "Chỉ số sản xuất toàn ngành công nghiệp (IIP) 9 tháng năm 2025 ước tăng 8,5% so với cùng kỳ năm trước.",
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 9/2025 ước đạt 12.345 tỷ đồng, tăng 10,2% "
    "so với cùng kỳ.",
    "Kim ngạch xuất khẩu 9 tháng ước đạt 1,2 tỷ USD, tăng 15,3%; kim ngạch nhập khẩu đạt 850 triệu USD, giảm 3,1%.",
    "Thu ngân sách nhà nước 9 tháng đạt 25.000 tỷ đồng, bằng 75,5% dự toán.",
    "Giải quyết việc làm cho 25.000 lao động, đạt 83% kế hoạch năm.",
    "Số doanh nghiệp thành lập mới là 1.250 doanh nghiệp với tổng vốn đăng ký 15.200 tỷ đồng.",
    "Đón khoảng 8,5 triệu lượt khách du lịch, trong đó khách quốc tế khoảng 650 nghìn lượt; doanh thu du lịch "
    "ước đạt 22.000 tỷ đồng.",
    "Tốc độ tăng trưởng kinh tế (GRDP) 9 tháng ước đạt 7,8%, trong đó khu vực nông, lâm nghiệp và thủy sản tăng "
    "3,2%, khu vực công nghiệp - xây dựng tăng 10,1%, khu vực dịch vụ tăng 8,4%.",
    "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 92,5%.",
    "Xảy ra 150 vụ tai nạn giao thông, làm chết 80 người, giảm 12 vụ so với cùng kỳ.",
    "PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2025",
    "Phấn đấu kim ngạch xuất khẩu quý IV đạt 450 triệu USD; thu ngân sách nhà nước cả năm đạt 34.000 tỷ đồng.",
]
NINE = (date(2025, 1, 1), date(2025, 9, 30))
EXPECTED = {
    "8,5%": ("iip_growth", "actual", NINE, 8.5),
    "12.345 tỷ đồng": ("retail_sales", "actual", (date(2025, 9, 1), date(2025, 9, 30)), 1.2345e13),
    "10,2%": ("retail_sales", "change", (date(2025, 9, 1), date(2025, 9, 30)), 10.2),
    "1,2 tỷ USD": ("export_turnover", "actual", NINE, 1.2e9),
    "15,3%": ("export_turnover", "change", NINE, 15.3),
    "850 triệu USD": ("import_turnover", "actual", NINE, 8.5e8),
    "3,1%": ("import_turnover", "change", NINE, -3.1),
    "25.000 tỷ đồng": ("budget_revenue", "actual", NINE, 2.5e13),
    "75,5%": ("budget_revenue", "share_of_target", NINE, 75.5),
    "25.000 lao động": ("jobs_created", "actual", NINE, 25000),
    "83%": ("jobs_created", "share_of_target", NINE, 83),
    "1.250 doanh nghiệp": ("new_enterprises", "actual", NINE, 1250),
    "15.200 tỷ đồng": (None, "actual", NINE, 1.52e13),
    "8,5 triệu lượt khách": ("tourist_arrivals", "actual", NINE, 8.5e6),
    "650 nghìn lượt": ("international_tourist_arrivals", "actual", NINE, 6.5e5),
    "22.000 tỷ đồng": ("tourism_revenue", "actual", NINE, 2.2e13),
    "7,8%": ("grdp_growth", "actual", NINE, 7.8),
    "3,2%": ("grdp_growth_sector1", "actual", NINE, 3.2),
    "10,1%": ("grdp_growth_sector2", "actual", NINE, 10.1),
    "8,4%": ("grdp_growth_sector3", "actual", NINE, 8.4),
    "92,5%": ("health_insurance_coverage", "actual", NINE, 92.5),
    "150 vụ": ("traffic_accidents", "actual", NINE, 150),
    "80 người": (None, "actual", NINE, 80),
    "12 vụ": ("traffic_accidents", "change", NINE, -12),
    "450 triệu USD": ("export_turnover", "target", (date(2025, 10, 1), date(2025, 12, 31)), 4.5e8),
    "34.000 tỷ đồng": ("budget_revenue", "target", (date(2025, 1, 1), date(2025, 12, 31)), 3.4e13),
}


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    path = tmp_path_factory.mktemp("unseen") / "bao_cao_9_thang.docx"
    d = docx.Document()
    for p in PARAGRAPHS:
        d.add_paragraph(p)
    d.save(path)
    return {f.raw: f for f in extract_file(path).figures}


def test_every_figure_found_once(figures):
    assert sorted(figures) == sorted(EXPECTED)


@pytest.mark.parametrize("raw", sorted(EXPECTED))
def test_attribution(figures, raw):
    f = figures[raw]
    indicator, role, (start, end), base_value = EXPECTED[raw]
    assert (f.indicator, f.role, f.period_start, f.period_end) == (indicator, role, start, end)
    assert f.base_value == pytest.approx(base_value)
