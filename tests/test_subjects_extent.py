"""The extent of a count's phrase inside its own clause (extract/figures/subjects.py: `_agent_after_break`,
`_verbs_share_aspect`, `_before_manner`, `_before_scope`, `_names_own_rate`, `_colon_label`; the nominal light
verb of extract/language/subjects.py; measures.py `_oblique_share`; words in rules/extents.yaml), on invented
sentences."""

from __future__ import annotations

import pytest
from support import names, subjects_of, words

from extract.catalog import RuleError
from extract.language import subjects as subject_rules


def test_an_agent_set_off_by_a_time_follows_the_counted_noun():
    s = subjects_of("Kết quả từ 02/3 đến 30/4/2024 lực lượng Kiểm lâm huyện đã phát hiện, xử lý 47 vụ.")
    assert names(s["47"], "vụ lực lượng Kiểm lâm huyện phát hiện, xử lý", extra=0)
    assert "Kết quả" not in s["47"]


def test_an_agent_after_an_adverbial_comma_part_follows_the_counted_noun():
    s = subjects_of("Trong tháng 5, theo đề nghị của các phòng, ban, Giám đốc Sở Xây dựng đã phê duyệt 12 đồ án quy hoạch.")
    assert names(s["12"], "đồ án quy hoạch Giám đốc Sở Xây dựng phê duyệt", extra=0)
    assert not words(s["12"]) & {"đề", "nghị", "phòng", "ban"}


def test_no_agent_from_a_list_of_bodies_or_a_lower_case_noun():
    # the last of two named bodies is half the agent, not all of it
    s = subjects_of("Sở Tư pháp, Sở Nội vụ đã thẩm định 30 văn bản.")
    assert names(s["30"], "văn bản thẩm định", extra=0)
    # a noun list written in lower case names no body
    s = subjects_of("Trong năm, các phòng, đơn vị trực thuộc đã tiếp nhận 450 hồ sơ.")
    assert names(s["450"], "hồ sơ tiếp nhận", extra=0)


def test_a_manner_adjunct_ends_the_counted_noun_phrase():
    s = subjects_of("Các phường thành lập 18 đội thanh niên tình nguyện với phương châm “nhà nhà sạch, ngõ ngõ xanh”.")
    assert names(s["18"], "đội thanh niên tình nguyện thành lập")
    assert not words(s["18"]) & {"phương", "châm", "ngõ"}
    s = subjects_of("Huyện đã ra quân 25 đợt tổng vệ sinh theo tinh thần “ngày chủ nhật xanh”.")
    assert "tinh thần" not in s["25"]


def test_a_rate_named_by_its_own_clause_is_not_the_indicator_named_in_the_clause_before():
    s = subjects_of("Năm 2024, tỷ lệ hồ sơ trực tuyến đạt 85%, cập nhật kết quả giải quyết TTHC lên Cổng dịch vụ công "
                    "đạt 92%, sử dụng lại dữ liệu đã số hóa đạt 40%.")
    assert names(s["92%"], "cập nhật kết quả giải quyết TTHC lên Cổng dịch vụ công", extra=0)
    assert names(s["40%"], "sử dụng lại dữ liệu đã số hóa", extra=0)  # the comma ends the 92%'s clause
    assert "hồ sơ trực tuyến" in s["85%"]


def test_a_short_part_after_the_indicator_keeps_its_name():
    s = subjects_of("Tỷ lệ hồ sơ trực tuyến toàn tỉnh đạt 80%, trong đó cấp xã đạt 76%.")
    assert names(s["76%"], "tỷ lệ hồ sơ trực tuyến cấp xã")


def test_two_verbs_under_one_aspect_marker_stay_together_before_a_count():
    s = subjects_of("Trong tháng, đã tiếp nhận 120 đơn thư, đã xác minh và trả lời đúng hạn 118 đơn thư.")
    assert names(s["118"], "đơn thư xác minh và trả lời đúng hạn", extra=0)
    # a coordinator between two counts still joins the counts, not two verbs
    s = subjects_of("Đã tiếp nhận 50 ý kiến thống nhất và 12 ý kiến góp ý.")
    assert names(s["12"], "ý kiến góp ý", extra=0)


def test_the_whole_of_a_ratio_ends_at_the_report_territory():
    s = subjects_of("Đến nay đã có 1.200/1.500 hộ kinh doanh đủ điều kiện trên địa bàn tỉnh đăng ký nộp thuế điện tử.")
    assert names(s["1.500"], "hộ kinh doanh đủ điều kiện", extra=0)
    assert names(s["1.200"], "hộ kinh doanh đủ điều kiện đăng ký nộp thuế điện tử", extra=0)


def test_a_light_verb_before_a_possessor_is_a_noun_and_the_predicate_stays():
    s = subjects_of("Đến nay, huyện đã hoàn thiện quy định chức năng, nhiệm vụ và cơ cấu tổ chức của 100% phòng chuyên "
                    "môn thuộc UBND huyện.")
    assert names(s["100%"], "phòng chuyên môn thuộc UBND huyện được hoàn thiện quy định chức năng, nhiệm vụ và cơ cấu "
                            "tổ chức", extra=0)
    # a light verb before a verb still opens the predicate
    s = subjects_of("Phòng Nội vụ phối hợp với các xã tổ chức kiểm tra 15 cơ sở.")
    assert names(s["15"], "cơ sở kiểm tra", extra=0)


def test_a_share_of_an_oblique_takes_the_verb_phrase_before_it():
    s = subjects_of("Xã đã cấp thẻ bảo hiểm y tế cho 100% trẻ em dưới 6 tuổi.")
    assert names(s["100%"], "trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế")
    assert "bảo hiểm" in s["100%"]


def test_a_label_set_off_by_a_colon_inside_a_sentence_names_its_count():
    s = subjects_of("Trong quý: tiếp nhận mới: 120 học viên; hồi gia: 95 học viên; chuyển cơ sở khác: 12 học viên.")
    assert names(s["95"], "học viên hồi gia", extra=0)
    assert names(s["12"], "học viên chuyển cơ sở khác", extra=0)
    assert "hồi gia" not in s["12"]
    # a lead-in before the colon is no label
    s = subjects_of("Phát hiện 3.000 vụ, trong đó: 2.800 vụ khởi tố hình sự.")
    assert "trong đó" not in s["2.800"]


def test_extent_words_are_validated(monkeypatch):
    good = subject_rules.load("extents")
    for bad, message in (({**good, "unknown": ["x"]}, "expected the keys"),
                         ({**good, "manner_adjuncts": "với phương châm"}, "extents.yaml manner_adjuncts")):
        monkeypatch.setattr(subject_rules, "load", lambda name, bad=bad: bad)
        subject_rules.extent_words.cache_clear()
        try:
            with pytest.raises(RuleError, match=message):
                subject_rules.extent_words()
        finally:
            monkeypatch.undo()
            subject_rules.extent_words.cache_clear()
    assert subject_rules.extent_words().noun_marker.fullmatch("của")


def test_attendants_counted_after_with_take_the_event_set_up_before():
    s = subjects_of("Trong quý, huyện đã tổ chức các lớp tập huấn, buổi đối thoại với trên 300 doanh nghiệp, gần 1.200 "
                    "người tham gia.")
    assert names(s["1.200"], "người tham gia lớp tập huấn, buổi đối thoại", extra=0)
    assert names(s["300"], "doanh nghiệp tham gia lớp tập huấn, buổi đối thoại", extra=0)
    # the attendance named before the count: "với sự tham gia của ..."
    s2 = subjects_of("Huyện đã phối hợp với Hội Nông dân tổ chức thành công 3 phiên chợ nông sản sạch năm 2024 với sự "
                     "tham gia của 40 hợp tác xã trong huyện.")
    assert names(s2["40"], "hợp tác xã trong huyện tham gia phiên chợ nông sản sạch", extra=0)
    # with no verb of attending the count after "với" names itself
    s = subjects_of("Sở đã đẩy mạnh tuyên truyền với 25 tin bài trên báo điện tử.")
    assert not words(s["25"]) & {"tham", "gia", "dự"}


def test_people_struck_in_a_clause_after_the_events_are_named_by_them():
    # "xảy ra 14 vụ ngộ độc thực phẩm, làm 512 người mắc, 02 người tử vong": the people the events struck (s20-A)
    s = subjects_of("Trong năm xảy ra 14 vụ ngộ độc thực phẩm, làm 512 người mắc, 02 người tử vong.")
    assert names(s["512"], "người mắc vụ ngộ độc thực phẩm", extra=0)
    assert names(s["02"], "người tử vong vụ ngộ độc thực phẩm", extra=0)
    # a clause with more than the verb of being struck names its own thing
    s = subjects_of("Xảy ra 12 vụ sạt lở đất, làm hư hỏng 45 ngôi nhà.")
    assert "sạt" not in words(s["45"])


def test_issued_documents_are_named_by_the_purpose_after_them():
    s = subjects_of("Trong tháng, đã ban hành 02 kế hoạch, 09 công văn để hướng dẫn tiêm chủng mở rộng, đồng thời kiểm "
                    "tra 15 cơ sở.")
    assert names(s["02"], "kế hoạch hướng dẫn tiêm chủng mở rộng")
    assert names(s["09"], "công văn hướng dẫn tiêm chủng mở rộng")
    assert not words(s["09"]) & {"kiểm", "tra"}
    # a purpose after a count of anything else is the act's, not a name of what is counted
    s = subjects_of("Huyện đã cấp 120 tài khoản cho hộ kinh doanh để thực hiện kê khai thuế.")
    assert not words(s["120"]) & {"kê", "khai", "thuế"}


def test_participants_after_với_sự_tham_gia_của_count_for_the_event_of_their_clause_only():
    # s12-D's sentences for the same construction as the test above (its rule was folded into s12-C's)
    s = subjects_of("Sở Văn hóa đã tổ chức 3 hội thảo chuyên đề về du lịch cộng đồng với sự tham gia của 240 đại biểu "
                    "các huyện.")
    assert names(s["240"], "đại biểu các huyện tham gia hội thảo chuyên đề về du lịch cộng đồng", extra=3)
    s = subjects_of("Tổ chức 3 hội thảo; với sự tham gia của 240 đại biểu.")  # a new clause: no event before
    assert "hội" not in words(s["240"])


def test_a_basis_or_means_adjunct_ends_the_counted_noun_phrase():
    # extents.yaml basis_adjuncts: what the act was based on or carried out through is nothing counted
    s = subjects_of("Ngành nông nghiệp đã xây dựng 15 mô hình sản xuất lúa an toàn trên cơ sở quy trình của Bộ Nông "
                    "nghiệp.")
    assert "mô hình sản xuất lúa an toàn" in s["15"]
    assert not words(s["15"]) & {"quy", "trình", "bộ"}
    s = subjects_of("Sở Y tế đã tổ chức 03 đợt tiêm chủng bổ sung trên nền tảng Hệ thống thông tin tiêm chủng quốc gia.")
    assert "đợt tiêm chủng bổ sung" in s["03"]
    assert not words(s["03"]) & {"nền", "tảng", "hệ", "thống"}
    s = subjects_of("Trong năm, huyện đã hỗ trợ 42 hộ nuôi bò sinh sản, dựa theo danh sách do các xã đề nghị.")
    assert "hộ nuôi bò sinh sản" in s["42"]
    assert not words(s["42"]) & {"dựa", "danh", "sách"}
    # a place adjunct still names where the counted are
    s = subjects_of("Đã cấp 1.200 thẻ bảo hiểm y tế trên Cổng dịch vụ công của tỉnh.")
    assert "Cổng dịch vụ công" in s["1.200"]


def test_a_plans_target_lead_and_a_time_clause_are_no_part_of_the_subject():
    # subjects.yaml openers: "Mục tiêu cụ thể là ..." frames the targets; "sau khi ... sẽ" is a time clause
    s = subjects_of("Mục tiêu cụ thể là sau khi kết thúc Đề án sẽ có 200 giáo viên có trình độ thạc sĩ được đào tạo ở "
                    "nước ngoài.")
    assert names(s["200"], "giáo viên có trình độ thạc sĩ được đào tạo ở nước ngoài", extra=0)
    s = subjects_of("Mục tiêu chung: đến năm 2030 có 95% trường học đạt chuẩn quốc gia.")
    assert names(s["95%"], "trường học đạt chuẩn quốc gia", extra=0)
    s = subjects_of("Mục tiêu tổng quát là 100% trạm y tế xã có bác sĩ làm việc.")
    assert names(s["100%"], "trạm y tế xã có bác sĩ làm việc", extra=0)
    s = subjects_of("Sau khi hoàn thành nâng cấp đường giao thông nông thôn sẽ có 45 thôn được kết nối với trung tâm xã.")
    assert names(s["45"], "thôn được kết nối với trung tâm xã", extra=0)


def test_the_high_end_of_a_range_is_named_by_the_words_before_its_low_end():
    """ "năng suất lúa bình quân đạt 55-62 tạ/ha": both ends measure "năng suất lúa bình quân" (session 18)."""
    s = subjects_of("Năng suất lúa bình quân đạt 55-62 tạ/ha.")
    assert names(s["55"], "năng suất lúa bình quân", extra=0) and names(s["62"], "năng suất lúa bình quân", extra=0)
    s = subjects_of("Lượng mưa đo được từ 80 đến 120 mm.")
    assert "lượng mưa" in s["120"].casefold() and "mm" not in words(s["120"])


def test_a_unit_of_measure_or_a_scale_word_is_no_part_of_the_subject():
    # extents.yaml measure_units: a physical unit says how much, never what is measured
    s = subjects_of("Sản lượng lúa cả năm ước đạt 1.250 nghìn tấn, tăng 3% so với cùng kỳ.")
    assert names(s["1.250"], "sản lượng lúa", extra=0)
    assert names(s["3%"], "sản lượng lúa", extra=0)  # a change restates its count (subjects.yaml share_against)
    s = subjects_of("Tổng diện tích rừng trồng mới là 1.250 ha.")
    assert names(s["1.250"], "tổng diện tích rừng trồng mới", extra=0)
    s = subjects_of("Lực lượng chức năng thu giữ 3,5kg ma túy tổng hợp.")
    assert "ma túy tổng hợp" in s["3,5kg"] and "kg" not in words(s["3,5kg"])
    s = subjects_of("Tổng công suất các nhà máy điện mặt trời đạt 1.200 MW.")
    assert "mw" not in words(s["1.200"])
    # rain and water depth (session 18)
    s = subjects_of("Tại trạm Sơn Hà, lượng mưa đo được là 312 mm.")
    assert "mm" not in words(s["312"]) and "lượng mưa" in s["312"]
    # a scale word goes, the counted noun stays
    s = subjects_of("Trong quý, toàn tỉnh đón 2,3 triệu lượt khách du lịch.")
    assert "lượt khách du lịch" in s["2,3"] and "triệu" not in words(s["2,3"])
    # an item of a "trong đó" list drops the unit as the total's phrase leaves it
    s = subjects_of("Tổng lượng khách du lịch đến tham quan tại tỉnh quý I đạt 6.018,3 ngàn lượt khách, tăng 22,5% so "
                    "với cùng kỳ; trong đó, khách quốc tế đạt 524,5 ngàn lượt khách.")
    assert "nghìn" not in words(s["524,5"]) and s["524,5"].count("lượt khách") == 1


def test_a_comma_part_opened_by_a_modal_verb_is_a_predicate_of_its_own():
    # extents.yaml modal_verbs: "phải", "cần" open what is said of the counted, no item of its noun list
    s = subjects_of("Đã có 45 giáo viên không đạt chuẩn, phải đào tạo lại.")
    assert names(s["45"], "giáo viên không đạt chuẩn", extra=0)
    s = subjects_of("Năm 2024, có 12 trạm y tế xuống cấp nghiêm trọng, cần sửa chữa.")
    assert names(s["12"], "trạm y tế xuống cấp nghiêm trọng", extra=0)
    s = subjects_of("Có 18 hộ dân bị thiệt hại do mưa lũ, phải di dời khẩn cấp.")
    assert not words(s["18"]) & {"di", "dời", "khẩn"}
    # so does the focus adverb "chủ yếu" (subjects.yaml phrase.whole_quantifiers)
    s = subjects_of("Toàn tỉnh có 1.200 học sinh bỏ học, chủ yếu ở vùng đồng bào dân tộc thiểu số.")
    assert names(s["1.200"], "học sinh bỏ học", extra=0)
    # a noun list goes on through its commas
    s = subjects_of("Năm học 2024-2025 có 150 trường mầm non, tiểu học, trung học cơ sở đạt chuẩn quốc gia.")
    assert names(s["150"], "trường mầm non, tiểu học, trung học cơ sở đạt chuẩn quốc gia", extra=0)


def test_the_noun_list_of_a_count_is_no_part_of_the_next_counts_clause():
    # _clause_lo: comma parts that go on the noun of the count before belong to it, not to the next clause
    s = subjects_of("Ngành đã kiểm tra 40 cơ sở sản xuất, kinh doanh thực phẩm, phát hiện 5 cơ sở vi phạm.")
    assert names(s["5"], "phát hiện cơ sở vi phạm", extra=0)
    assert "kinh doanh thực phẩm" in s["40"]
    s = subjects_of("Đoàn đã thanh tra 22 doanh nghiệp khai thác, chế biến khoáng sản, xử phạt 6 doanh nghiệp.")
    assert s["6"].startswith("xử phạt doanh nghiệp")  # the bare noun then takes what it was named with
    # a comma right after the count: the parts are the next clause's own ("..., sửa đổi, bổ sung 628 thủ tục")
    s = subjects_of("Trong quý, công bố mới 15 thủ tục, sửa đổi, bổ sung 42 thủ tục.")
    assert names(s["42"], "sửa đổi, bổ sung thủ tục", extra=0)


def test_a_rate_raised_by_a_plan_measures_the_index_it_raises():
    # extents.yaml raising_verbs, raised_heads: "nâng cao chỉ số ..., đạt 90%": the index reaches the figure
    s = subjects_of("- Triển khai giải pháp nâng cao chỉ số mức độ hài lòng của người dân về dịch vụ y tế, đạt tối "
                    "thiểu 90%.")
    assert names(s["90%"], "chỉ số mức độ hài lòng của người dân về dịch vụ y tế", extra=0)
    s = subjects_of("Phấn đấu cải thiện tỷ lệ hộ gia đình sử dụng nước sạch đạt 95%.")
    assert names(s["95%"], "tỷ lệ hộ gia đình sử dụng nước sạch", extra=0)


def test_a_partner_verb_opening_a_long_verb_phrase_goes_before_the_phrase_is_cut():
    # "phối hợp (với) X V ... N": with whom the act was done, not what was counted; the partner and the act stay
    s = subjects_of("Phối hợp với các trạm y tế xã khám sàng lọc bệnh tim bẩm sinh cho 2.500 học sinh.")
    assert {"khám", "sàng", "lọc", "tim", "học", "sinh"} <= words(s["2.500"])
    assert not {"phối", "hợp"} & words(s["2.500"])
    s = subjects_of("Phối hợp các hợp tác xã tập huấn kỹ thuật canh tác lúa hữu cơ 18 lớp.")
    assert {"hợp", "tác", "xã", "tập", "huấn", "lớp"} <= words(s["18"]) and "phối" not in words(s["18"])
    # a short verb phrase is not cut, and keeps the partner verb
    s = subjects_of("Phối hợp với các ngành kiểm tra 29 cơ quan.")
    assert {"phối", "hợp", "kiểm", "tra"} <= words(s["29"])


def test_a_verb_of_emphasis_opening_a_subject_is_no_part_of_it():
    # "tập trung", "kịp thời", "chú trọng" direct effort onto the act after them: the act and its noun are measured
    s = subjects_of("Tập trung tiêm chủng mở rộng cho 1.250 trẻ em dưới 1 tuổi.")
    assert names(s["1.250"], "tiêm chủng mở rộng trẻ em dưới tuổi") and not words(s["1.250"]) & {"tập", "trung"}
    s = subjects_of("Kịp thời cấp phát 12 tấn giống lúa cho các hộ bị thiệt hại do mưa lũ.")
    assert words("cấp phát giống lúa hộ") <= words(s["12"]) and not words(s["12"]) & {"kịp", "thời"}
    s = subjects_of("Chú trọng kiểm tra 36 cơ sở sản xuất thực phẩm.")
    assert names(s["36"], "kiểm tra cơ sở sản xuất thực phẩm", extra=0)
    # nothing with content after it: the word is the whole subject and stays
    assert subject_rules.tidy_subject("tập trung") == "tập trung"


def test_an_adverb_of_how_together_or_how_urgently_is_no_part_of_a_subject():
    # "đồng loạt", "khẩn trương", "quyết liệt" (extents.yaml concert_adverbs) say how the counted acted, never which
    s = subjects_of("Có 44/45 trường học đã đồng loạt tổ chức lễ khai giảng năm học mới.")
    assert names(s["44"], "trường học tổ chức lễ khai giảng năm học mới", extra=0)
    s = subjects_of("Trong quý, 18 trạm y tế xã đồng loạt triển khai tiêm vắc xin sởi cho trẻ em.")
    assert names(s["18"], "trạm y tế xã triển khai tiêm vắc xin sởi cho trẻ em", extra=0)
    assert not words(s["18"]) & {"đồng", "loạt"}
    # "chủ động" singles out the ones that acted on their own initiative: it stays
    s = subjects_of("Đến nay, 12 huyện đã chủ động bố trí vốn đối ứng cho chương trình nước sạch.")
    assert {"chủ", "động"} <= words(s["12"])
    assert subject_rules.tidy_subject("đồng loạt") == "đồng loạt"  # nothing with content would be left


def test_a_count_after_mot_trong_names_the_set_not_the_member_before():
    # "A là một trong N <noun>": the count is of the set; the words before "một trong" name the one member
    s = subjects_of("Bệnh viện đa khoa tỉnh hiện là một trong 05 bệnh viện tuyến tỉnh đạt chuẩn chất lượng mức cao.")
    assert names(s["05"], "bệnh viện tuyến tỉnh đạt chuẩn chất lượng mức cao", extra=0)
    s = subjects_of("Năm 2025, huyện Lạc Dương là một trong số 03 huyện có tỷ lệ hộ nghèo cao nhất tỉnh.")
    assert not words(s["03"]) & {"lạc", "dương"}


def test_a_list_of_titles_after_a_counted_noun_names_the_items_not_the_count():
    # two titles or more one after another: each names one item; a single title names them all and stays
    s = subjects_of("Sở Y tế đã tổ chức 02 hội thảo chuyên đề về phòng chống dịch “Giám sát bệnh truyền nhiễm tại cộng "
                    "đồng, trường học”; “Nâng cao năng lực xét nghiệm tuyến huyện”.")
    assert not words(s["02"]) & {"giám", "sát", "xét", "nghiệm"}
    assert {"hội", "thảo", "phòng", "chống", "dịch"} <= words(s["02"])
    s = subjects_of("Trung tâm đã phát hành 03 ấn phẩm tuyên truyền về bảo hiểm y tế “Bảo hiểm y tế học sinh, sinh "
                    "viên”, “Bảo hiểm y tế hộ gia đình” và “Quyền lợi người tham gia”.")
    assert not words(s["03"]) & {"học", "sinh", "hộ", "gia", "đình"}
    s = subjects_of("Huyện tổ chức 02 lớp tập huấn “Kỹ năng số cho cán bộ, công chức cấp xã”.")
    assert {"kỹ", "năng"} <= words(s["02"])


def test_a_comma_part_opened_by_a_verb_of_role_ends_the_counted_noun_phrase():
    # ", đóng vai trò là ...", ", giữ vai trò ...", ", trở thành ...": what the counted are for, no item of the noun list
    s = subjects_of("Bệnh viện đa khoa tỉnh hiện là một trong 05 bệnh viện tuyến tỉnh đạt chuẩn chất lượng mức cao, "
                    "đóng vai trò là trung tâm chuyên môn của vùng.")
    assert names(s["05"], "bệnh viện tuyến tỉnh đạt chuẩn chất lượng mức cao", extra=0)
    s = subjects_of("Huyện có 12 hợp tác xã nông nghiệp, trở thành đầu mối tiêu thụ nông sản.")
    assert not words(s["12"]) & {"đầu", "mối", "tiêu", "thụ"}
    s = subjects_of("Trường có 45 giáo viên, cán bộ quản lý, nhân viên.")
    assert {"cán", "bộ", "nhân", "viên"} <= words(s["45"])  # a noun list goes on


@pytest.mark.parametrize("text, raw, phrase, absent", [
    # a place adjunct after the report's own territory: the territory spends none of the length limit
    ("100% hồ sơ bệnh án của các trạm y tế xã trên địa bàn tỉnh được số hóa đầy đủ, chính xác trên Nền tảng hồ sơ "
     "sức khỏe điện tử.", "100%", "hồ sơ bệnh án trạm y tế xã được số hóa trên Nền tảng hồ sơ sức khỏe điện tử",
     {"địa", "bàn"}),
    # a phrase a word or two over its limit is kept to its end: a relative clause's own time stays with it
    ("Sở Tư pháp đã tham mưu bãi bỏ đối với 96 Quyết định do UBND huyện Krông Nô, huyện Đắk Mil, huyện Cư Jút ban hành "
     "trước khi sắp xếp.", "96", "Quyết định do UBND huyện Krông Nô, huyện Đắk Mil, huyện Cư Jút ban hành trước khi "
     "sắp xếp", set()),
])
def test_the_words_after_a_number_are_cut_at_their_limit_only_when_well_over_it(text, raw, phrase, absent):
    s = subjects_of(text)
    assert words(phrase) <= words(s[raw]) and not absent & words(s[raw])


def test_a_far_longer_phrase_is_still_cut_at_its_limit():
    s = subjects_of("Ngành giáo dục đã cấp 2.400 bộ sách giáo khoa cho học sinh thuộc hộ nghèo, hộ cận nghèo của các "
                    "trường tiểu học vùng đồng bào dân tộc thiểu số tại các xã biên giới theo chương trình hỗ trợ.")
    assert {"chương", "trình"}.isdisjoint(words(s["2.400"])) and "sách" in words(s["2.400"])


@pytest.mark.parametrize("text, raw, phrase", [
    # extents.yaml conformity_verbs, standards: what a share counts is the part of its noun that conforms
    ("- 100% bếp ăn tập thể của các trường mầm non đảm bảo theo quy định về an toàn thực phẩm.",
     "100%", "bếp ăn tập thể trường mầm non đảm bảo theo quy định về an toàn thực phẩm"),
    ("Kết quả thẩm định: 96% hồ sơ dự toán được thẩm định bảo đảm đúng quy định.", "96%",
     "hồ sơ dự toán được thẩm định bảo đảm đúng quy định"),
    ("Năm 2025, 85% công trình thủy lợi được kiểm tra đảm bảo tiêu chuẩn an toàn đập.", "85%",
     "công trình thủy lợi được kiểm tra đảm bảo tiêu chuẩn an toàn đập"),
])
def test_a_share_counts_the_part_that_conforms_to_a_standard(text, raw, phrase):
    assert names(subjects_of(text)[raw], phrase)


def test_a_conformity_verb_after_a_comma_or_without_a_standard_ends_the_share_phrase():
    # "..., đảm bảo quyền lợi ...": a purpose or a consequence, no part of what the share counts
    s = subjects_of("100% hồ sơ hưởng trợ cấp thất nghiệp được giải quyết đúng hạn, đảm bảo quyền lợi của người lao động.")
    assert not {"quyền", "lợi"} & words(s["100%"])
    s = subjects_of("100% trạm y tế được cấp thuốc đảm bảo cho người bệnh.")
    assert not {"đảm", "bảo", "bệnh"} & words(s["100%"])


def test_a_comma_part_after_a_gathering_verb_says_where_they_are_not_which():
    # session 19 (s19-Q): ", tập trung tại ..." is a comment on the whole, as ", chủ yếu ở ..." is
    s = subjects_of("Đã phát hiện 42 hộ nuôi lợn nhiễm bệnh, tập trung tại các xã Yên Lạc, Tam Đảo.")
    assert names(s["42"], "hộ nuôi lợn nhiễm bệnh", extra=2) and "yên" not in words(s["42"])


def test_a_measure_ends_its_noun_a_comma_part_after_it_is_a_clause_of_its_own():
    s = subjects_of("Tuyến đê có chiều dài 12,5 km, điểm đầu tại cống Đồng Tâm, điểm cuối giáp xã Hải Hòa.")
    assert names(s["12,5"], "chiều dài tuyến đê", extra=0)


def test_attendants_of_a_contest_named_at_the_sentence_head_are_of_that_contest():
    s = subjects_of("Hội thi tay nghề điều dưỡng giỏi năm 2026, toàn tỉnh có 124 điều dưỡng tham gia.")
    assert names(s["124"], "điều dưỡng tham gia hội thi tay nghề điều dưỡng giỏi", extra=0)
    s = subjects_of("Tại kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2025-2026, huyện có 56 học sinh dự thi.")
    assert names(s["56"], "học sinh dự thi kỳ thi chọn học sinh giỏi cấp tỉnh", extra=1)


def test_riêng_singling_out_a_time_singles_out_when_not_which():
    s = subjects_of("Riêng trong tháng 9/2026, toàn huyện tuyển mới 85 lao động.")
    assert "riêng" not in words(s["85"]) and names(s["85"], "lao động tuyển mới", extra=2)
    s = subjects_of("Riêng quý III, toàn ngành tuyển mới 120 giáo viên.")
    assert not {"quý", "iii"} & words(s["120"])


def test_the_event_a_time_limit_counts_from_is_no_part_of_the_subject():
    # health, not the inspection, enrolment and budget texts that showed it: the limit's start says when
    s = subjects_of("Các bệnh viện gửi báo cáo sự cố y khoa trong thời hạn 05 ngày kể từ ngày phát hiện sự cố.")
    assert names(s["05"], "gửi báo cáo sự cố y khoa thời hạn")
    assert not words(s["05"]) & {"phát", "hiện"}
    s = subjects_of("Người bệnh được đổi thẻ trong thời hạn 10 ngày kể từ khi cơ sở y tế tiếp nhận hồ sơ, tại bộ phận "
                    "một cửa.")
    assert not words(s["10"]) & {"tiếp", "nhận", "hồ", "sơ"}
    # a duration without "thời hạn" is the time since its event, which the event names (real document 33)
    s = subjects_of("Bảo hành công trình đường huyện tối thiểu 24 tháng kể từ ngày nghiệm thu bàn giao.")
    assert {"nghiệm", "thu", "bàn", "giao"} <= words(s["24"])
    assert subject_rules.without_count_from("thời hạn kể từ ngày ký") == "thời hạn kể từ ngày ký"  # nothing else


def test_the_legal_article_an_act_goes_by_is_no_part_of_the_subject():
    s = subjects_of("Thanh tra giao thông đã tạm giữ 36 phương tiện vi phạm theo khoản 2 Điều 5 Nghị định số "
                    "100/2019/NĐ-CP.")
    assert names(s["36"], "phương tiện vi phạm tạm giữ")
    assert not words(s["36"]) & {"khoản", "điều", "nghị", "định"}
    assert subject_rules.without_article_basis(
        "hộ kinh doanh bị đình chỉ theo quy định tại điểm b khoản 3 Điều 7 Thông tư số 12/2024/TT-BYT, trong quý") \
        == "hộ kinh doanh bị đình chỉ, trong quý"
    # a whole document cited may name the set counted: kept
    s = subjects_of("Huyện đã hoàn thành 14 công trình giao thông nông thôn theo Quyết định số 25/QĐ-UBND.")
    assert {"quyết", "định"} <= words(s["14"])
