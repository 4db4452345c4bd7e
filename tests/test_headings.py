"""Heading levels from numbering, driven by rules/headings.yaml."""

from __future__ import annotations

import pytest

from extract.language.headings import heading_level, is_page_number, rules, starts_item


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("PHẦN THỨ NHẤT: ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2026", 1),
        ("PHẦN THỨ HAI TỔNG KẾT CÁC ĐỀ ÁN VỀ ĐÀO TẠO NHÂN LỰC Ở NƯỚC NGOÀI", 1),
        ("A. KẾT QUẢ, TÌNH HÌNH THỰC HIỆN NHIỆM VỤ QUÝ I NĂM 2026", 1),
        ("B. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II/2026", 1),
        # a part's numbering of words closed by a full stop is no sentence end (session 17)
        ("Phần thứ hai. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU NĂM 2027", 1),
        ("Chương II. CÔNG TÁC THANH TRA, KIỂM TRA", 1),
        ("I. Tình hình kinh tế - xã hội, quốc phòng - an ninh", 2),
        ("II. Về công tác xây dựng Đảng", 2),
        ("IV. KIẾN NGHỊ", 2),
        ("X. Công tác khác", 2),
        ("1. Kết quả thực hiện một số chỉ tiêu tổng hợp", 3),
        ("1. Công tác chính trị, tư tưởng và đạo đức:", 3),
        ("2.1. Sản xuất nông nghiệp", 4),
        ("2.10. Công tác nội chính", 4),
        ("1.1 Tiếp tục ưu tiên thúc đẩy tăng trưởng", 4),
        ("a) Chỉ tiêu kinh tế:", 4),
        ("đ) Chỉ tiêu khác", 4),
        ("2.1.3. Trồng trọt", 5),
        # a long single-sentence heading of seed 003
        (
            "1.3. Tập trung hoàn thiện đồng bộ các thể chế pháp luật, nâng cao hiệu quả công tác tổ chức thi "
            "hành pháp luật; đẩy mạnh cắt giảm, đơn giản hóa thủ tục hành chính, cải thiện môi trường đầu tư "
            "kinh doanh; siết chặt kỷ luật, kỷ cương, đẩy mạnh hơn nữa công tác phòng, chống tham nhũng, tiêu cực",
            4,
        ),
    ],
)
def test_heading_levels(text, level):
    assert heading_level(text) == level


@pytest.mark.parametrize(
    "text",
    [
        # multi-sentence numbered paragraphs
        "1. Xây dựng Kế hoạch học tập, quán triệt Chuyên đề toàn khóa nhiệm kỳ 2025 - 2030. Tổ chức Cuộc thi",
        "1. Tốc độ tăng trưởng GRDP cả năm: Đạt từ 10% trở lên.  Khu vực I (Nông, lâm, thủy sản): Đạt 5,01%.",
        # a single sentence ending in a full stop is a list item, not a title
        "3. Tổng vốn đầu tư toàn xã hội: Phấn đấu đạt trên 135.000 tỷ đồng.",
        "1. Tập trung hoàn thành 11 nhiệm vụ đang thực hiện, chưa hoàn thành (có phụ lục kèm theo) .",
        "Phần thứ hai. Năm 2027 huyện phấn đấu đạt mục tiêu. Tập trung chỉ đạo",
        # not numbered
        "- Thu ngân sách nhà nước đạt 10.619 tỷ đồng",
        "* Đánh giá chung:",
        "Trong Quý II/2026, Đảng ủy tập trung lãnh đạo",
        "2026 là năm đầu tiên",
        "10.619 tỷ đồng",
        "1,58 triệu lượt",
        "",
        # too long for a title
        "1. " + "nội dung rất dài, " * 30,
    ],
)
def test_not_headings(text):
    assert heading_level(text) is None


def test_whitespace_and_nfc_are_folded():
    decomposed = "I.  Tình hình\u00a0kinh te\u0302\u0301"
    assert heading_level(decomposed) == 2


def test_item_starts():
    assert starts_item("- Thực trạng: Tỷ lệ giải ngân", previous_unfinished=False)
    assert starts_item("+ Khu vực Vĩnh Long", previous_unfinished=True)
    assert starts_item("2. Vận hành mô hình chính quyền 2 cấp", previous_unfinished=True)
    assert starts_item("Căn cứ Quyết định số 44/QĐ-HĐND", previous_unfinished=False)
    # "kinh tế" / "- xã hội" wrapped: a dash and a lower-case word after an unfinished line
    assert not starts_item("- xã hội của tỉnh", previous_unfinished=True)
    assert not starts_item("trưởng kinh tế", previous_unfinished=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", True), ("- 3 -", True), ("Trang 4", True), ("4/23", True), ("2026 là", False), ("12 tỷ", False)],
)
def test_page_numbers(text, expected):
    assert is_page_number(text) is expected


def test_rule_file_loads_with_levels_in_range():
    r = rules()
    assert r.headings and all(1 <= level <= 6 for _id, level, _p in r.headings)
    assert len({h[0] for h in r.headings}) == len(r.headings)
