"""Section context: a balance's holder, an assignment's recipient and a sanction's violations, on invented sections
(rules of extract/figures/section_context.py)."""

from __future__ import annotations

from support import subjects_of, words

from extract.figures.section_context import heading_body, heading_holder


def test_a_balance_label_counts_what_the_institution_its_heading_names_holds():
    s = subjects_of(
        (3, "3.2. Hoạt động của Trung tâm Bảo trợ xã hội tỉnh"),
        "Trong năm: năm trước chuyển sang 126 đối tượng; tiếp nhận: 41 người; 9 người hồi gia.",
        (3, "2. Trường Phổ thông Dân tộc nội trú tỉnh và các trường huyện"),
        "Năm học 2025-2026: hiện có 612 học sinh, 35 học sinh bỏ học.",
        (3, "4. Công tác khám chữa bệnh"),
        "Các cơ sở y tế tiếp nhận 5.200 lượt người bệnh.",
    )
    for raw in ("126", "41"):
        assert {"trung", "tâm", "bảo", "trợ"} <= words(s[raw])
    assert {"trường", "phổ", "thông", "nội", "trú"} <= words(s["612"])
    assert "huyện" not in words(s["612"])  # the holder ends at the conjunction
    # a leaving or an event is read without its holder
    assert "tâm" not in words(s["9"])
    assert "trường" not in words(s["35"])
    # a heading that names no institution gives none
    assert "trung" not in words(s["5.200"])


def test_an_assignment_with_no_recipient_was_made_to_the_bodies_its_heading_names():
    s = subjects_of(
        (3, "5. Sở Giáo dục và Đào tạo"),
        "Hoàn thành 04 chỉ tiêu được giao; triển khai 03 nhiệm vụ được giao cho các trường.",
        (3, "6. Sở Nông nghiệp và Môi trường, Kho bạc Nhà nước tỉnh:"),
        "Tiếp tục thực hiện 05 nhiệm vụ đã được giao.",
        (3, "7. Kết quả thực hiện chương trình tiêm chủng"),
        "Đã hoàn thành 06 nhiệm vụ được giao.",
    )
    assert {"sở", "giáo", "dục", "đào", "tạo"} <= words(s["04"])
    assert "dục" not in words(s["03"])  # it names its own recipient
    assert {"nông", "nghiệp", "môi", "trường", "kho", "bạc"} <= words(s["05"])
    assert "tiêm" not in words(s["06"])  # a heading that names no body


def test_what_an_administrative_sanction_counts_are_violations():
    s = subjects_of(
        "- Xử lý hành chính: 12 vụ, 15 đối tượng buôn lậu thuốc lá.",
        "- Đoàn kiểm tra liên ngành an toàn thực phẩm đã xử phạt hành chính 23 cơ sở với số tiền 87 triệu đồng.",
        "- Lập 31 hồ sơ xử lý hành chính đưa vào trường giáo dưỡng.",
        "- Khởi tố 4 vụ, 6 bị can.",
        "- Xử phạt vi phạm hành chính 9 trường hợp không đội mũ bảo hiểm.",
    )
    for raw in ("12", "15", "23"):
        assert {"vi", "phạm"} <= words(s[raw])
    assert "phạm" not in words(s["87"])  # money is the fine, not the violators
    assert "phạm" not in words(s["31"])  # a dossier counts the procedure
    assert not {"vi", "phạm"} & words(s["4"])  # crimes are prosecuted
    assert s["9"].casefold().count("phạm") == 1  # it says so already


def test_the_holder_and_the_bodies_a_heading_names():
    assert heading_holder("2.1. Công tác quản lý tại Trung tâm Điều dưỡng người có công và nhà khách") == (
        "Trung tâm Điều dưỡng người có công")
    assert heading_holder("II. KẾT QUẢ THỰC HIỆN") == ""
    assert heading_holder("2. Các trường hợp tạm dừng điều trị") == ""  # a case, not a school
    assert heading_holder("3. Kết quả kiểm tra tại các trường học") == ""  # no institution's name
    assert heading_holder("4. TRUNG TÂM KIỂM SOÁT BỆNH TẬT TỈNH") == "TRUNG TÂM KIỂM SOÁT BỆNH TẬT TỈNH"
    assert heading_body("3. Sở Tài chính, Kho bạc Nhà nước tỉnh:") == "Sở Tài chính, Kho bạc Nhà nước tỉnh"
    assert heading_body("3. Sở dĩ chưa đạt 2 chỉ tiêu") == ""  # a number: not a name
    assert heading_body("4. Tình hình thu ngân sách") == ""


def _heading_subjects(*blocks: str | tuple[int, str]) -> dict[str, str | None]:
    """raw number -> subject of each figure of the headings among `blocks` (a (level, text) pair is a heading)."""
    from datetime import date

    from extract.figures import extract_figures
    from extract.model import Block, Document, Metadata, Period

    made = tuple(
        Block("heading", b[1], f"p{i}", level=b[0]) if isinstance(b, tuple) else Block("paragraph", b, f"p{i}")
        for i, b in enumerate(blocks, 1)
    )
    doc = Document(path="t", format="docx", sha256="", blocks=made)
    meta = Metadata(period=Period(date(2025, 1, 1), date(2025, 12, 31), "năm 2025"))
    heads = {b.location for b in made if b.kind == "heading"}
    return {f.raw.split()[0]: f.subject for f in extract_figures(doc, meta)[0] if f.location in heads}


def test_a_count_a_heading_names_briefly_takes_the_name_the_part_under_it_restates_it_with():
    s = _heading_subjects(
        (2, "3. Kết quả thực hiện 12 công trình trọng điểm"),
        "Tập trung đầu tư 12 công trình trọng điểm về thủy lợi phục vụ sản xuất nông nghiệp.",
        (2, "4. Kết quả thực hiện 05 mô hình điểm"),
        "Đến nay, 03 mô hình đã đi vào hoạt động.",
        "Ngành Y tế triển khai 05 mô hình điểm về chăm sóc sức khỏe người cao tuổi tại trạm y tế xã.",
    )
    assert {"thủy", "lợi", "sản", "xuất", "nông", "nghiệp"} <= words(s["12"])
    assert {"chăm", "sóc", "sức", "khỏe", "cao", "tuổi"} <= words(s["05"])


def test_a_heading_count_restated_with_another_value_or_past_its_part_keeps_its_own_name():
    s = _heading_subjects(
        (2, "2. Kết quả thực hiện 05 mô hình điểm"),
        "Ngành Y tế triển khai 06 mô hình điểm về chăm sóc sức khỏe người cao tuổi tại trạm y tế xã.",
        (2, "3. Kết quả thực hiện 12 công trình trọng điểm"),
        (2, "4. Các nhiệm vụ khác"),
        "Tập trung đầu tư 12 công trình trọng điểm về thủy lợi phục vụ sản xuất nông nghiệp.",
    )
    assert not words(s["05"]) & {"chăm", "sóc"}
    assert not words(s["12"]) & {"thủy", "lợi"}
