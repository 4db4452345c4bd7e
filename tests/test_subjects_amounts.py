"""Subjects of amounts and of figures under a topic (extract/figures/subjects.py, rules/amounts.yaml), on
invented sentences of the shapes policy documents and minutes use."""

from __future__ import annotations

import pytest
from support import names, subjects_of, words

from extract.catalog import RuleError
from extract.language import subjects as subject_rules


def test_the_group_an_amount_applies_to_follows_it():
    s = subjects_of("Mức hỗ trợ là 20.000.000 đồng đối với người có bằng thạc sĩ và 40.000.000 đồng đối với người "
                    "có bằng tiến sĩ.")
    assert names(s["20.000.000"], "mức hỗ trợ đối với người có bằng thạc sĩ", extra=0)
    # the coordinated amount shares the noun, not the group of the one before
    assert names(s["40.000.000"], "mức hỗ trợ đối với người có bằng tiến sĩ", extra=0)
    assert "thạc" not in s["40.000.000"].casefold()


def test_a_group_with_a_relative_clause_and_an_aside_between_two_amounts():
    s = subjects_of("Sở Tài chính đề xuất mức thưởng theo hướng 8.000.000 đồng đối với vận động viên đạt huy chương "
                    "vàng (bằng 80% mức thưởng tại dự thảo) và 5.000.000 đồng đối với vận động viên đạt huy chương bạc "
                    "(bằng 60% mức thưởng tại dự thảo).")
    assert s["8.000.000"].endswith("mức thưởng theo hướng đối với vận động viên đạt huy chương vàng")
    assert s["5.000.000"].endswith("mức thưởng theo hướng đối với vận động viên đạt huy chương bạc")
    assert "vàng" not in s["5.000.000"]


def test_a_count_keeps_its_own_qualifiers():
    s = subjects_of("Sở Y tế đã kiểm tra 15 cơ sở đối với lĩnh vực dược.")
    assert "đối với đối với" not in s["15"]


def test_an_amount_after_a_verb_with_an_object_measures_that_object():
    s = subjects_of("Hội đồng vẫn giữ nguyên quan điểm là nâng mức phụ cấp kiêm nhiệm lên 1.500.000 đồng.")
    assert names(s["1.500.000"], "mức phụ cấp kiêm nhiệm", extra=2)
    assert "quan điểm" not in s["1.500.000"]
    # a predicate right before the amount keeps the noun phrase before it
    s = subjects_of("Doanh thu bán lẻ hàng hóa tăng 20 tỷ đồng.")
    assert names(s["20"], "doanh thu bán lẻ hàng hóa", extra=0)


def test_an_amount_after_an_agent_and_its_verbs_measures_the_measure_noun():
    # the clause before "cụ thể:" says who set the level and how; the amounts measure the level it names
    s = subjects_of("2. Ủy ban nhân dân huyện thống nhất nâng mức phụ cấp kiêm nhiệm cán bộ không chuyên trách như "
                    "đề xuất của Phòng Nội vụ, cụ thể: 1.200.000 đồng đối với trưởng thôn và 900.000 đồng đối với "
                    "phó trưởng thôn.")
    assert names(s["1.200.000"], "mức phụ cấp kiêm nhiệm cán bộ không chuyên trách đối với trưởng thôn", extra=0)
    assert names(s["900.000"], "mức phụ cấp kiêm nhiệm cán bộ không chuyên trách đối với phó trưởng thôn", extra=0)
    # a total of the measure opening the clause is its own noun phrase
    s = subjects_of("Tổng kinh phí thực hiện đề án là 3.500.000.000 đồng.")
    assert names(s["3.500.000.000"], "tổng kinh phí thực hiện đề án", extra=0)
    # a total named after a count with no comma between: the amount is the total's, not the count's clause
    s = subjects_of("Năm 2024, huyện đã hỗ trợ 45 hộ nghèo sửa chữa nhà ở tổng kinh phí thực hiện 900.000.000 đồng.")
    assert names(s["900.000.000"], "tổng kinh phí thực hiện", extra=0)
    # the verb of a measure that is no total stays: what was done with it is what the amount measures
    s = subjects_of("Ban quản lý đã giải ngân kinh phí xây dựng 5.000.000.000 đồng.")
    assert "giải ngân" in s["5.000.000.000"]


def test_a_topic_names_the_head_noun_of_the_subject_in_full():
    s = subjects_of("Về mức phụ cấp trách nhiệm công vụ, Ban soạn thảo thống nhất giữ mức phụ cấp theo dự thảo "
                    "là 700.000 đồng.")
    assert "mức phụ cấp trách nhiệm công vụ" in s["700.000"]
    # a head that continues into a longer noun is not the topic's noun
    s = subjects_of("Về cổng thông tin, đã đăng tải 320 tin bài trên cổng thông tin điện tử tỉnh.")
    assert "cổng thông tin, " not in s["320"] and "cổng thông tin điện tử" in s["320"]


def test_a_time_adverbial_does_not_end_a_list_of_verbs():
    s = subjects_of("Kết quả từ 01/3 đến 31/3/2025 đoàn kiểm tra liên ngành đã kiểm tra, xử lý 42 vụ vi phạm.")
    assert names(s["42"], "kiểm tra, xử lý vụ vi phạm", extra=3)


def test_amount_words_are_validated(monkeypatch):
    real = subject_rules.load

    def broken(name):
        data = real(name)
        return {"beneficiary": data["beneficiary"]} if name == "amounts" else data

    monkeypatch.setattr(subject_rules, "load", broken)
    subject_rules.amount_words.cache_clear()
    try:
        with pytest.raises(RuleError, match="amounts.yaml"):
            subject_rules.amount_words()
    finally:
        monkeypatch.undo()
        subject_rules.amount_words.cache_clear()


def test_an_item_of_a_count_list_set_off_by_a_colon_takes_the_count_and_its_own_words():
    s = subjects_of("- Khu vực phía Bắc: từ năm 2021 đến nay không tuyển mới. Tuy nhiên, hiện còn 40 học viên đang "
                    "theo học chương trình liên kết, trong đó, Trường Đại học Cần Thơ: 15 học viên, Trường Đại học An "
                    "Giang 25 học viên.")
    assert names(s["15"], "học viên đang theo học chương trình liên kết Trường Đại học Cần Thơ", extra=4)
    assert "40" not in s["15"] and "trong đó" not in s["15"]


def test_a_whole_before_its_parts_takes_none_of_their_words():
    s = subjects_of("Trong số 40 học viên tham gia chương trình, có 05 học viên đã giữ chức vụ trưởng phòng, 08 học "
                    "viên đang công tác tại cấp xã.")
    assert names(s["40"], "học viên tham gia chương trình", extra=0)
    # a list of counts without a whole still shares the predicate written once after it
    s = subjects_of("Sở đã tích hợp 562 sổ sức khỏe, 25 giấy chuyển tuyến, 36 giấy hẹn khám lại đã hiển thị trên "
                    "ứng dụng VNeID.")
    assert "hiển thị" in s["562"]


def test_money_per_unit_is_an_amount_named_by_its_clause_without_the_unit():
    s = subjects_of("Hỗ trợ tiền ăn, tiền đi lại, tiền thuê chỗ ở hàng tháng 1.200.000 đồng/01 tháng.")
    assert names(s["1.200.000"], "hỗ trợ tiền ăn, tiền đi lại, tiền thuê chỗ ở hàng tháng", extra=0)
    assert "đồng" not in s["1.200.000"]


def test_a_coordinated_predicate_closed_by_a_comma_stays_with_its_count():
    s = subjects_of("Có 6/25 học viên chưa về nhận công tác hoặc đã chuyển công tác, chiếm tỷ lệ 24%.")
    assert "chuyển công tác" in s["6"]
    s = subjects_of("Sở đã cấp phép cho 385 cơ sở và qua ứng dụng trực tuyến cho 119 cơ sở.")
    assert "ứng dụng" not in s["385"]


def test_an_item_named_before_its_number_leaves_the_words_after_its_comma_to_the_next():
    s = subjects_of("Trong năm, có 12.400 lượt cán bộ, công chức tham gia các khóa bồi dưỡng, trong đó bồi dưỡng quản "
                    "lý điều hành 2.300 người, bồi dưỡng chuyên môn nghiệp vụ, chức danh nghề nghiệp 8.500 người.")
    assert "quản lý điều hành" in s["2.300"] and "chuyên môn" not in s["2.300"]
    assert "chuyên môn nghiệp vụ" in s["8.500"]


def test_the_count_right_before_a_verb_is_its_agent():
    s = subjects_of("Đã hỗ trợ 12 hợp tác xã của huyện tham gia 18 gian hàng trưng bày tại hội chợ.")
    assert names(s["18"], "gian hàng trưng bày tại hội chợ của hợp tác xã của huyện", extra=2)
    # not after a whole cue, nor across "với"
    s = subjects_of("Toàn tỉnh có 120 xã đạt chuẩn nông thôn mới trên tổng số 140 xã.")
    assert s["140"].split().count("xã") == 1
    s = subjects_of("Đã cập nhật 12.000 tờ khai với thông tin 9.600 phương tiện.")
    assert "tờ khai" not in s["9.600"]


def test_an_aside_that_leaves_a_part_out_is_no_subject_of_the_total_after_it():
    s = subjects_of("Tổng dự toán chi thường xuyên của huyện (không bao gồm kinh phí dự phòng 2.150 triệu đồng) "
                    "là 84.300 triệu đồng.")
    assert names(s["84.300"], "dự toán chi thường xuyên của huyện")
    assert "phòng" not in s["84.300"]


def test_a_percentage_against_a_plan_or_a_change_restates_the_count_without_the_share_word():
    s = subjects_of("Số lượt tiêm chủng 6 tháng đạt 45.300 lượt, bằng 52,1% kế hoạch năm, tăng 4,2% so với cùng kỳ.")
    assert s["52,1%"] == s["45.300"] and s["4,2%"] == s["45.300"]
    assert not s["52,1%"].startswith("tỷ lệ")
    s = subjects_of("Số hồ sơ tiếp nhận là 1.200 hồ sơ, đạt tỷ lệ 96,5%.")
    assert s["96,5%"].startswith("tỷ lệ")  # a share of the count: the share word stays


def test_a_unit_of_measure_is_no_counted_noun_of_its_subject():
    s = subjects_of("Sản lượng cà phê nhân ước đạt 41.200 tấn; diện tích rừng trồng mới 1.250 ha.")
    assert s["41.200"] == "Sản lượng cà phê nhân"
    assert "ha" not in s["1.250"].split()
    assert subjects_of("Đã cấp 35 giấy phép xây dựng.")["35"].endswith("giấy phép xây dựng")  # a counted noun stays


def test_a_change_in_percentage_points_measures_the_rate_before_it():
    s = subjects_of("Tỷ lệ hộ sử dụng nước sạch đạt 91,2%, tăng 1,4 điểm phần trăm so với cùng kỳ.")
    assert s["1,4"] == s["91,2%"] == "Tỷ lệ hộ sử dụng nước sạch"


def test_an_average_before_a_predicate_qualifies_the_noun():
    s = subjects_of("Thời gian nằm viện bình quân đạt 6,1 ngày; mức chi bình quân 2 triệu đồng/người.")
    assert names(s["6,1"], "thời gian nằm viện bình quân")
    # right before the number it is dropped as a lead-in and kept after the noun: the level is a mean (session 21)
    assert names(s["2"], "mức chi bình quân", extra=0)


def test_a_sum_after_a_count_is_the_money_of_what_was_counted():
    # "với tổng số tiền" after a count: the money the counted owe, not a sum of its own
    s = subjects_of("Hiện còn 15 học sinh chưa nộp học phí học kỳ I, với tổng số tiền khoảng 30 triệu đồng.")
    assert names(s["30"], "tổng số tiền học sinh chưa nộp học phí học kỳ I", extra=0)
    s = subjects_of("Toàn huyện còn 12 hộ chưa trả nợ vay vốn ngân hàng chính sách xã hội với tổng số tiền khoảng "
                    "350 triệu đồng.")
    assert names(s["350"], "tổng số tiền hộ chưa trả nợ vay vốn ngân hàng chính sách xã hội", extra=0)
    # the count's own verb adds nothing: the sum is of the act counted
    s = subjects_of("Ngân hàng Chính sách xã hội huyện đã cho vay 230 hộ nghèo, với tổng số tiền cho vay 4,6 tỷ đồng.")
    assert s["4,6"].startswith("tổng số tiền cho vay hộ nghèo")
    s = subjects_of("Năm học 2024-2025, nhà trường đã trao 45 suất học bổng, tổng giá trị 90 triệu đồng.")
    assert names(s["90"], "tổng giá trị trao suất học bổng")


def test_a_sum_naming_its_own_act_after_a_count_takes_the_agent_of_the_count():
    s = subjects_of("Đoàn kiểm tra liên ngành đã kiểm tra 85 cơ sở kinh doanh thực phẩm, tổng số tiền xử phạt là "
                    "120 triệu đồng.")
    assert names(s["120"], "tổng số tiền xử phạt của Đoàn kiểm tra liên ngành", extra=0)
    assert "cơ sở" not in s["120"]
    # its parts are kinds of that money, of the same agent
    s = subjects_of("Chi cục Quản lý thị trường đã kiểm tra 64 vụ, tổng số tiền thu nộp ngân sách là 310 triệu đồng, "
                    "trong đó: phạt vi phạm hành chính 250 triệu đồng, bán hàng tịch thu 60 triệu đồng.")
    assert names(s["250"], "số tiền phạt vi phạm hành chính của Chi cục Quản lý thị trường", extra=0)
    assert names(s["60"], "số tiền bán hàng tịch thu của Chi cục Quản lý thị trường", extra=0)


def test_a_rate_compared_again_with_another_plan_is_the_same_figure():
    s = subjects_of("Tổng chi ngân sách địa phương là 8.500 tỷ đồng, bằng 95% dự toán Trung ương giao, 90% dự toán "
                    "Hội đồng nhân dân tỉnh giao.")
    assert names(s["90%"], "tổng chi ngân sách địa phương", extra=0)
    s = subjects_of("Thu ngân sách trên địa bàn huyện ước đạt 120 tỷ đồng, đạt 105% dự toán tỉnh giao và 98% dự toán "
                    "huyện giao.")
    assert names(s["98%"], "thu ngân sách trên địa bàn huyện", extra=0)


def test_a_noun_of_money_after_an_amount_names_what_the_money_is():
    # amounts.yaml money_nouns: "45 tỷ đồng vốn đầu tư công" is money of the public investment capital
    s = subjects_of("Huyện đã giải ngân 45 tỷ đồng vốn đầu tư công, đạt 62% kế hoạch.")
    assert names(s["45"], "giải ngân vốn đầu tư công", extra=0)
    s = subjects_of("Tỉnh đã bố trí 15 tỷ đồng kinh phí sửa chữa trường học.")
    assert names(s["15"], "bố trí kinh phí sửa chữa trường học", extra=0)
    s = subjects_of("Lực lượng quản lý thị trường đã thu 350 triệu đồng tiền phạt vi phạm hành chính.")
    assert names(s["350"], "thu tiền phạt vi phạm hành chính lực lượng quản lý thị trường", extra=0)
    # a copula's noun phrase still names an amount with no noun after it
    s = subjects_of("Tổng vốn đầu tư là 45 tỷ đồng.")
    assert names(s["45"], "tổng vốn đầu tư", extra=0)


def test_the_capital_after_a_count_of_works_is_the_capital_of_those_works():
    s = subjects_of("Năm 2025, huyện khởi công 14 công trình giao thông nông thôn với tổng vốn 230 tỷ đồng.")
    assert names(s["230"], "vốn công trình giao thông nông thôn", extra=4)


def test_a_bounded_or_ruled_duration_is_the_time_of_its_act():
    # amounts.yaml duration_head, time_nouns: "thời gian" heads the act the bound's clause names, the unit out
    s = subjects_of("Người lao động được hỗ trợ học nghề dưới 03 tháng tại các cơ sở giáo dục nghề nghiệp.")
    assert s["03"].startswith("thời gian") and names(s["03"], "thời gian hỗ trợ học nghề", extra=8)
    assert "tháng" not in s["03"].split()
    s = subjects_of("Cơ sở vi phạm bị đình chỉ hoạt động không quá 06 tháng kể từ ngày nhận quyết định.")
    assert names(s["06"], "thời gian đình chỉ hoạt động kể từ ngày nhận quyết định", extra=4)
    # a clause that names the time already keeps its noun; a plain count of months is no bound
    s = subjects_of("Hộ gia đình phải có thời gian cư trú từ 05 năm trở lên tại xã.")
    assert "thời gian thời gian" not in s["05"]
    s = subjects_of("Trạm y tế xã đã hoạt động 18 tháng.")
    assert not (s["18"] or "").startswith("thời gian")


def test_a_bare_level_after_with_is_the_level_of_the_act_before_it():
    # amounts.yaml level_nouns: "chi X với mức N" -> "mức chi X"
    s = subjects_of("Năm 2025, huyện chi bồi dưỡng cho cộng tác viên dân số với mức 300.000 đồng/người/tháng.")
    assert names(s["300.000"], "mức chi bồi dưỡng cho cộng tác viên dân số", extra=1)
    # a bare sum after "với" with no count in its clause is the sum of the act before it
    s = subjects_of("Năm 2025, Công ty để xảy ra thất thoát vật tư với tổng số tiền 412 triệu đồng.")
    assert names(s["412"], "tổng số tiền thất thoát vật tư", extra=3)


def test_a_level_label_with_a_colon_heads_every_amount_of_its_sentence():
    # amounts.yaml level_label_words: "Định mức chi: A N; B M" -> "Định mức chi A", "Định mức chi B"
    s = subjects_of("NGHỊ QUYẾT Quy định mức chi hỗ trợ công tác phòng chống thiên tai",
                    "b) Định mức chi: bồi dưỡng lực lượng xung kích 200.000 đồng/người/ngày; hỗ trợ tiền ăn cho "
                    "người sơ tán 80.000 đồng/người/ngày.")
    assert names(s["200.000"], "định mức chi bồi dưỡng lực lượng xung kích", extra=0)
    assert names(s["80.000"], "định mức chi hỗ trợ tiền ăn cho người sơ tán", extra=1)


def test_levels_of_one_rule_after_a_semicolon_share_its_name_and_keep_their_groups_bound():
    # "Mức X N đối với A; M đối với B ... từ 10 km trở lên": the second level is the same rule's, its group's bound
    # names the group
    s = subjects_of("Mức hỗ trợ tiền ăn 40.000 đồng/người/ngày đối với học viên nội trú; 25.000 đồng/người/ngày đối "
                    "với học viên ở xa từ 10 km trở lên.")
    assert names(s["25.000"], "mức hỗ trợ tiền ăn đối với học viên ở xa từ 10 km trở lên", extra=0)


def test_a_level_per_head_whose_head_goes_on_with_words_is_the_level_for_that_group():
    # session 19 (s19-Q): "/hộ có nhà bị sập đổ" names who the level is for, as "đối với hộ nghèo" does
    s = subjects_of("Huyện chi hỗ trợ khẩn cấp, với mức hỗ trợ 3 triệu đồng/hộ có người bị thương và 5 triệu đồng/hộ "
                    "có nhà bị cuốn trôi.")
    assert names(s["3"], "mức hỗ trợ hộ có người bị thương", extra=0)
    assert names(s["5"], "mức hỗ trợ hộ có nhà bị cuốn trôi", extra=0)
    s = subjects_of("Mức chi 500.000 đồng/hộ có người khuyết tật nặng.")
    assert names(s["500.000"], "mức chi hộ có người khuyết tật nặng", extra=0)


def test_an_average_word_right_after_the_noun_before_an_amount_says_the_figure_is_a_mean():
    # industry and customs, not the insurance, housing, credit, rice and emulation texts that showed it
    s = subjects_of("Thu nhập của công nhân khu công nghiệp bình quân 8,5 triệu đồng/người/tháng.")
    assert "bình" in words(s["8,5"])
    s = subjects_of("Thời gian thông quan hàng hóa bình quân 4 giờ, giảm 1 giờ so với năm 2025.")
    assert names(s["4"], "thời gian thông quan hàng hóa bình quân")
    # after a predicate the average goes with the verb; a count per year is how many a year already
    s = subjects_of("Sản lượng điện thương phẩm của Công ty chỉ đạt bình quân 120 triệu kWh.")
    assert "bình" not in words(s["120"])
    s = subjects_of("Kim ngạch xuất khẩu qua cửa khẩu tăng bình quân 12,5% mỗi năm.")
    assert "bình" not in words(s["12,5%"])
    s = subjects_of("Các cơ sở giáo dục nghề nghiệp tuyển sinh bình quân 1.500 học viên/năm.")
    assert "bình" not in words(s["1.500"])


def test_a_disbursement_after_the_planned_money_of_its_sentence_disburses_that_money():
    # health, not the poverty, education and programme texts that showed it
    s = subjects_of("Tổng vốn Dự án nâng cấp Bệnh viện Đa khoa tỉnh được giao 320 tỷ đồng; đến ngày 30/9/2026 đã giải ngân "
                    "180 tỷ đồng, đạt 56,3% kế hoạch.")
    assert names(s["180"], "vốn Dự án nâng cấp Bệnh viện Đa khoa tỉnh giải ngân", extra=0)
    assert names(s["56,3%"], "vốn Dự án nâng cấp Bệnh viện Đa khoa tỉnh giải ngân", extra=0)
    s = subjects_of("Dự toán chi sự nghiệp y tế năm 2026 là 950 tỷ đồng, đến ngày 30/9/2026 đã giải ngân 610 tỷ đồng.")
    assert names(s["610"], "chi sự nghiệp y tế giải ngân", extra=0)
    # no planned money before it in the sentence: the capital noun alone
    s = subjects_of("Đến ngày 30/9/2026, toàn ngành đã giải ngân 180 tỷ đồng, đạt 56,3% kế hoạch.")
    assert names(s["180"], "vốn giải ngân", extra=0)

def test_a_floor_area_names_what_it_measures_not_its_unit():
    # session 21, helper s21-D: "m² sàn" measures, as "m2" does; its words are no part of the subject
    got = subjects_of("Diện tích sàn văn phòng cho thuê toàn tỉnh đạt 45.000 m² sàn, tăng 8,2%.", year=2026)
    assert got["45.000"] == "Diện tích sàn văn phòng cho thuê toàn tỉnh"


def test_an_average_named_by_its_word_alone_after_a_range_averages_the_ranges_measure():
    # session 21, helper s21-D (house prices "từ 15 đến 18 triệu đồng/m², bình quân 16,4 triệu đồng/m²"): wages here
    got = subjects_of("Thu nhập của lao động trong các doanh nghiệp từ 6,5 đến 12 triệu đồng/tháng, bình quân 8,4 "
                      "triệu đồng/tháng.", year=2026)
    assert names(got["8,4"], "thu nhập bình quân của lao động trong các doanh nghiệp")


def test_a_change_in_rank_steps_after_a_rank_is_that_ranks_change():
    # session 21, helper s21-D: after "xếp thứ 2/34" the whole of the rank counts no noun, and a change in steps after
    # the second of two ranks is the second's (departments ranked by a DDCI here)
    got = subjects_of("Sở Giáo dục và Đào tạo xếp thứ 3/19, tăng 2 bậc; Sở Y tế xếp thứ 15/19, tụt 4 bậc.", year=2026)
    assert names(got["4"], "thứ hạng Sở Y tế") and not names(got["4"], "Sở Giáo dục")


def test_a_plans_marker_opening_the_sentence_does_not_cut_a_noun_phrase_with_a_comma():
    # session 21, helper s21-D ("Dự kiến dự toán chi sự nghiệp văn hóa, thể thao năm 2027 là 1.745 tỷ đồng"): a
    # health budget here
    got = subjects_of("Dự kiến dự toán chi sự nghiệp y tế, dân số năm 2027 là 2.310 tỷ đồng.", year=2026)
    assert names(got["2.310"], "dự toán chi sự nghiệp y tế, dân số")


def test_a_sectors_pair_written_with_a_comma_is_one_noun_phrase():
    # session 21, helper s21-D ("Dự toán chi sự nghiệp văn hóa, thể thao năm 2026 được giao ..."): education here
    got = subjects_of("Dự toán chi sự nghiệp giáo dục, đào tạo năm 2026 được giao 5.120 tỷ đồng.", year=2026)
    assert names(got["5.120"], "dự toán chi sự nghiệp giáo dục, đào tạo")
