"""The field of work a section heading names, given to the short counts under it (extract/figures/sections.py)."""

from __future__ import annotations

import pytest
from support import subjects_of, words

from extract.catalog import RuleError
from extract.figures import sections as section_rules
from extract.figures.sections import field_of
from extract.language.subjects import content_words


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("III. KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG BUÔN LẬU", "buôn lậu"),
        ("2.3. Đẩy mạnh đấu tranh với các hành vi vi phạm về an toàn thực phẩm năm 2024", "an toàn thực phẩm"),
        ("4. Công tác phòng chống thiên tai; tìm kiếm cứu nạn", "thiên tai"),
        ("1. Tình hình chung", ""),  # names no field
        ("2. Kết quả thực hiện", ""),
        # a phrase too long to be a field: a subject of its own
        ("5. Về các nhiệm vụ Ủy ban nhân dân tỉnh giao cho các sở ngành thực hiện", ""),
        ("3. Về các hoạt động kiểm tra nổi bật", ""),  # things ("các ..."), not a field
        ("a) Tổ chức chương trình “Hỏi đáp về an toàn giao thông” cho học sinh", ""),  # a name in quotes
        ("4. Về công tác thông tin, tuyên truyền, phổ biến pháp luật", ""),  # a list too long to be one field
        ("1. Về hoàn thiện thể chế", "hoàn thiện thể chế"),
    ],
)
def test_a_heading_names_its_field_after_a_marker(heading, field):
    assert field_of(heading) == field


def test_a_numbered_paragraph_longer_than_a_title_names_no_field():
    long = "- Năm 2025, tỉnh bố trí kinh phí cho công tác phòng, chống buôn lậu " + "và các nhiệm vụ khác " * 6
    assert field_of(long) == ""


def test_a_short_count_under_a_field_heading_takes_the_field():
    s = subjects_of(
        (2, "II. KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG BUÔN LẬU"),
        (3, "1. Kiểm tra, kiểm soát thị trường"),
        "Đã bắt giữ 85 vụ, 112 đối tượng.",
    )
    assert {"buôn", "lậu", "bắt", "giữ"} <= words(s["85"])
    assert {"buôn", "lậu"} <= words(s["112"])


def test_a_count_that_names_the_field_or_its_own_thing_takes_nothing():
    s = subjects_of(
        (2, "II. KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG BUÔN LẬU"),
        "Lực lượng quản lý thị trường phát hiện 40 vụ buôn lậu thuốc lá; thu giữ 3 tấn đường cát.",
    )
    assert "buôn" in words(s["40"]) and len(content_words(s["40"])) == len(words(s["40"]))  # named once
    assert not words(s["3"]) & {"lậu"}  # the goods seized are named by their own noun


def test_a_count_without_a_field_heading_takes_nothing():
    s = subjects_of((2, "I. TÌNH HÌNH CHUNG"), "Trong năm, toàn tỉnh xảy ra 85 vụ, 112 đối tượng.")
    assert not words(s["85"]) & {"buôn", "lậu"}
    s = subjects_of((2, "II. KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG BUÔN LẬU"), "Đã phát hiện 12 vụ.")
    assert {"buôn", "lậu"} <= words(s["12"])


def test_a_long_subject_names_its_own_field():
    s = subjects_of(
        (2, "II. KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG BUÔN LẬU"),
        "Số cán bộ, công chức các cơ quan quản lý cấp huyện được tập huấn nghiệp vụ là 230 người.",
    )
    assert not words(s["230"]) & {"buôn", "lậu"}


def test_field_markers_are_validated(monkeypatch):
    good = section_rules.catalog.load("cues")
    section_rules._field_marker.cache_clear()
    monkeypatch.setattr(section_rules.catalog, "load", lambda name: {**good, "field_markers": []})
    with pytest.raises(RuleError, match="field_markers"):
        section_rules._field_marker()
    section_rules._field_marker.cache_clear()
