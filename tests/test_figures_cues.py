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
