"""Subjects from outside the figure's sentence (extract/figures/antecedents.py, label_lines.py): a count of members
takes the population counted before it, marked items take the activity of an unmarked lead-in, and a block label
holds for the later sentences of its block. Invented sentences only."""

from __future__ import annotations

from support import names, subjects_of

from extract.figures.lead_ins import lead_in_activity, lead_in_measure


def test_ratio_of_cases_takes_the_population_its_whole_repeats():
    got = subjects_of("Năm 2024 có 40 học viên tham gia khóa đào tạo. Sau khóa học có 12/40 trường hợp chuyển công tác.")
    assert names(got["12"], "trường hợp học viên chuyển công tác")
    assert names(got["40"], "học viên tham gia khóa đào tạo")  # the whole: the 40 counted before


def test_ratio_whose_whole_repeats_nothing_keeps_its_subject():
    got = subjects_of("Năm 2024 có 50 học viên tham gia. Sau khóa học có 12/40 trường hợp chuyển công tác.")
    assert "học viên" not in got["12"]


def test_persons_after_a_partition_take_its_population():
    got = subjects_of("Trong số 25 giáo viên được khen thưởng, có 10 giáo viên dạy giỏi, 08 người là nữ.")
    assert names(got["08"], "người giáo viên nữ")
    got = subjects_of("Hội thi có 90 thí sinh dự thi. Trong số đó, 30 người dự thi trực tuyến.")
    assert names(got["30"], "thí sinh dự thi trực tuyến")


def test_a_count_of_a_named_noun_takes_no_population():
    got = subjects_of("Trong số 25 giáo viên được khen thưởng, có 10 giáo viên dạy giỏi.")
    assert got["10"].count("giáo viên") == 1
    # "lượt" counts events, not members of the population
    got = subjects_of("Hội thi có 90 thí sinh dự thi. Trong số đó, 300 lượt truy cập trang thi.")
    assert "thí sinh" not in got["300"]


def test_unmarked_lead_in_names_the_activity_of_its_items():
    got = subjects_of("Kết quả kiểm tra vệ sinh môi trường tại các chợ như sau:", "- Kiểm tra 45 hộ kinh doanh;",
                      "- Nhắc nhở 12 hộ kinh doanh.", "Ngoài ra, tỉnh đã cấp 30 giấy phép.")
    assert names(got["45"], "hộ kinh doanh kiểm tra vệ sinh môi trường tại các chợ")
    assert names(got["12"], "hộ kinh doanh nhắc nhở kiểm tra vệ sinh môi trường")
    assert "môi trường" not in got["30"]  # a paragraph with no marker ends the items


def test_unmarked_lead_in_of_a_work_area():
    got = subjects_of("Công tác phòng cháy chữa cháy đạt kết quả như sau:", "- Tổ chức 14 buổi diễn tập;",
                      "- Kiểm tra 60 cơ sở.")
    assert names(got["14"], "buổi diễn tập phòng cháy chữa cháy")
    assert names(got["60"], "cơ sở kiểm tra phòng cháy chữa cháy")


def test_lead_in_activity_words():
    assert lead_in_activity("Kết quả kiểm tra vệ sinh môi trường như sau:") == "kiểm tra vệ sinh môi trường"
    assert lead_in_activity("Trong năm, Sở đã làm nhiều việc. Về công tác tiếp dân, cụ thể như sau:") == "tiếp dân"
    assert lead_in_activity("Kết quả cụ thể như sau:") == ""  # names nothing
    assert lead_in_activity("Công tác kiểm tra năm 2024:") == ""  # a number: no plain activity
    assert lead_in_activity("Kết quả kiểm tra vệ sinh môi trường.") == ""  # no colon: no lead-in


def test_block_label_holds_for_later_sentences():
    got = subjects_of("(2) Chính sách hỗ trợ tiền điện: các hộ nghèo được hỗ trợ hằng tháng. "
                      "Năm 2024, tổng kinh phí thực hiện là 800 triệu đồng.")
    assert names(got["800"], "kinh phí thực hiện chính sách hỗ trợ tiền điện")


def test_block_label_leaves_a_subject_that_names_it():
    got = subjects_of("(2) Chính sách hỗ trợ tiền điện: các hộ nghèo được hỗ trợ hằng tháng. "
                      "Kinh phí hỗ trợ tiền điện năm 2024 là 800 triệu đồng.")
    assert "Chính sách" not in got["800"]


def test_cost_of_the_programme_its_part_names():
    got = subjects_of((1, "B. ĐỀ ÁN HỖ TRỢ NÔNG DÂN"),
                      "Đề án hỗ trợ nông dân khởi nghiệp (gọi tắt là Đề án Phú Yên 500) được thực hiện từ năm 2016.",
                      "Qua 02 giai đoạn có 310 hộ tham gia. Tổng kinh phí chi cho 02 giai đoạn là 12.500 triệu đồng.",
                      "Kinh phí thực hiện chính sách vay vốn là 300 triệu đồng.")
    assert names(got["12.500"], "tổng kinh phí chi Đề án Phú Yên 500")
    assert "Phú Yên" not in got["300"]  # a cost that names its own policy
    assert "Phú Yên" not in got["310"]  # no cost


def test_cost_of_the_policy_a_heading_names():
    got = subjects_of((1, "A. CHÍNH SÁCH HỖ TRỢ HỌC NGHỀ GIAI ĐOẠN 2021-2025"), (2, "3. Kinh phí"),
                      "Tổng kinh phí thực hiện từ năm 2021-2025 là 4.100 triệu đồng.")
    assert names(got["4.100"], "tổng kinh phí chính sách hỗ trợ học nghề")
    got = subjects_of((1, "A. KẾT QUẢ THỰC HIỆN"), "Tổng kinh phí thực hiện từ năm 2021-2025 là 4.100 triệu đồng.")
    assert names(got["4.100"], "tổng kinh phí thực hiện")


def test_rule_file_is_validated(monkeypatch):
    import pytest

    from extract import catalog
    from extract.figures import antecedents

    assert antecedents._words()[0].fullmatch("trường hợp")
    real = catalog.load("antecedents")
    antecedents._words.cache_clear()
    antecedents.antecedent_rules.cache_clear()
    monkeypatch.setattr(catalog, "load", lambda name: {k: v for k, v in real.items() if k != "member_nouns"})
    with pytest.raises(catalog.RuleError, match="antecedents.yaml"):
        antecedents._words()
    monkeypatch.undo()
    antecedents._words.cache_clear()
    antecedents.antecedent_rules.cache_clear()


def test_an_attribute_in_a_comma_part_is_of_the_sentence_s_topic():
    s = subjects_of("Huyện Mường Tè là huyện biên giới, diện tích tự nhiên 3.679 km2, dân số hơn 48.000 người.")
    assert names(s["3.679"], "diện tích tự nhiên Huyện Mường Tè")
    assert names(s["48.000"], "dân số Huyện Mường Tè")
    s = subjects_of("Xã Tân Phú có 12 thôn, dân số 8.500 người.")
    assert names(s["8.500"], "dân số Xã Tân Phú")
    s = subjects_of("Bệnh viện đa khoa tỉnh có 600 giường bệnh, công suất sử dụng giường bệnh đạt 105%.")
    assert names(s["105%"], "công suất sử dụng giường bệnh Bệnh viện đa khoa tỉnh")
    # a topic that holds a number is no owner
    s = subjects_of("Khu dân cư số 3 là khu mới, dân số 2.100 người.")
    assert "Khu" not in s["2.100"]
    # a topic that is itself a count measures something else: the attribute is no attribute of it
    s = subjects_of("Số ca sinh tại bệnh viện huyện là 1.450 ca, công suất sử dụng giường bệnh đạt 87%.")
    assert "sinh" not in s["87%"].split()


def test_a_lead_in_opening_with_a_measure_names_the_values_of_its_label_lines():
    # "Diện tích gieo trồng một số cây chủ lực đến 30/6/2026:" then "- Lúa: 45.200 ha": the area of rice (s20-A)
    assert lead_in_measure("Diện tích gieo trồng một số cây chủ lực đến 30/6/2026:") == "Diện tích gieo trồng"
    assert lead_in_measure("Trong đó, các xã:") == ""  # a comma: no measure opens it
    assert lead_in_measure("Kết quả kiểm tra các cơ sở như sau:") == ""  # an activity's lead-in (lead_in_activity)
    got = subjects_of("Sản lượng khai thác các loài thủy sản chính:", "- Khai thác cá ngừ: 1.250 tấn;",
                      "- Khai thác mực: 860 tấn.")
    assert names(got["1.250"], "sản lượng khai thác cá ngừ") and names(got["860"], "sản lượng khai thác mực")


def test_a_lead_in_giving_a_measure_s_make_up_by_parts_names_the_values_of_its_label_lines():
    # "Cơ cấu điện thương phẩm theo thành phần phụ tải như sau:" then "- Công nghiệp - Xây dựng: 1.542,36 triệu kWh,
    # chiếm 44,24%" (s21-B): the structure word names no measure; a unit of physical measure names no counted noun,
    # so neither it nor "tỷ lệ" goes into the item's subject
    assert lead_in_measure("Cơ cấu diện tích gieo trồng theo nhóm cây như sau:") == "diện tích gieo trồng"
    assert lead_in_measure("Sản lượng thủy sản theo phương thức nuôi:") == "Sản lượng thủy sản"
    got = subjects_of("Cơ cấu diện tích gieo trồng theo nhóm cây như sau:", "- Cây lương thực: 12.450 ha, chiếm 41,2%;",
                      "- Cây công nghiệp lâu năm: 8.130 ha, chiếm 26,9%.")
    assert names(got["12.450"], "diện tích gieo trồng cây lương thực")
    assert names(got["41,2%"], "diện tích gieo trồng cây lương thực")
    assert "ha" not in got["12.450"].split() and "tỷ lệ" not in got["41,2%"]
    assert names(got["8.130"], "diện tích gieo trồng cây công nghiệp lâu năm")
