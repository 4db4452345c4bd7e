"""Topics in force (extract/figures/topics.py): a subject completed from the text around the figure's clause,
on invented sentences of the shapes real reports use."""

from __future__ import annotations

import pytest
from support import names, subjects_of, words

from extract.catalog import RuleError
from extract.figures.topics import named_qualifiers, plans_named
from extract.language import subjects as subject_rules


def test_a_bare_noun_takes_the_qualifiers_it_was_named_with_in_the_paragraph_before():
    s = subjects_of(
        "Ủy ban nhân dân tỉnh chỉ đạo xây dựng 40 trạm quan trắc tự động trên các sông chính.",
        "Đến nay, đã đưa vào vận hành 25 trạm, 9 trạm đang lắp đặt thiết bị.",
    )
    assert {"quan", "trắc"} <= words(s["25"])
    assert {"quan", "trắc", "lắp", "đặt"} <= words(s["9"])
    assert not words(s["25"]) & {"sông"}  # the place adjunct after "trên" is no part of the name


def test_a_bare_noun_takes_the_qualifiers_of_the_block_label():
    s = subjects_of(
        "3. Về các dự án chuyển tiếp từ giai đoạn trước: tổng số dự án là 30, "
        "dự án đã quyết toán là 18/30 dự án."
    )
    assert {"chuyển", "tiếp"} <= words(s["18"])
    assert {"quyết", "toán"} <= words(s["18"])


def test_a_heading_names_the_noun_its_section_counts():
    s = subjects_of((3, "2.1. Các trường học vùng sâu"), "Năm học này có 14 trường đạt chuẩn quốc gia.")
    assert {"vùng", "sâu", "đạt", "chuẩn"} <= words(s["14"])


def test_a_noun_that_names_itself_takes_nothing():
    s = subjects_of(
        "Tỉnh có 120 trạm y tế xã.",
        "Trong năm, đã nâng cấp 12 trạm bơm nước sạch.",
    )
    assert not words(s["12"]) & {"xã", "tế"}


def test_the_next_count_is_never_a_qualifier():
    assert named_qualifiers("vụ", ["đã phát hiện 300 vụ buôn lậu, gần 500 đối tượng"]) == "buôn lậu"
    assert named_qualifiers("nhiệm vụ", ["triển khai 12 nhiệm vụ trọng tâm Đề án 06 theo lộ trình"]) == (
        "trọng tâm Đề án 06")
    assert named_qualifiers("đơn vị", ["cơ quan, đơn vị, địa phương"]) == ""  # a sibling of a list


def test_an_anaphor_points_at_the_figure_before_it():
    s = subjects_of(
        "Tỷ lệ hồ sơ thuế nộp trực tuyến đạt 88% (trường hợp dưới 90% thì chỉ tiêu này đạt 0 điểm)."
    )
    assert {"hồ", "sơ", "thuế", "trực", "tuyến", "điểm"} <= words(s["0"])
    assert "thì" not in (s["0"] or "").split()


def test_an_anaphor_takes_its_antecedent_without_the_adjunct_that_restricts_it():
    s = subjects_of(
        "Tỷ lệ văn bản đến được xử lý trên hệ thống quản lý văn bản điều hành của tỉnh đạt 75% "
        "(trường hợp dưới 80% thì tiêu chí này đạt 0 điểm)."
    )
    assert {"tiêu", "chí", "văn", "bản", "xử", "lý", "điểm"} <= words(s["0"])
    assert "văn bản đến" in s["0"]  # "đến" of the noun ("incoming") is no adjunct
    assert not words(s["0"]) & {"hệ", "thống", "tỉnh"}


def test_an_anaphor_takes_a_long_criterion_name_without_splitting_a_compound():
    s = subjects_of(
        "Tỷ lệ giải ngân vốn đầu tư công nguồn ngân sách nhà nước đạt 40% "
        "(trường hợp dưới 60% thì tiêu chí này đạt 0 điểm)."
    )
    assert {"giải", "ngân", "vốn", "đầu", "tư", "công", "nguồn", "nhà", "nước"} <= words(s["0"])


def test_an_anaphor_takes_no_topic_label_of_its_sentence():
    # "tiêu chí này" is named by the rate it points at, which carries its own context; the sentence's topic
    # label ("Đối với lĩnh vực ...:") would only add a second name
    s = subjects_of("Đối với lĩnh vực cải cách hành chính công: tỷ lệ hồ sơ giải quyết đúng hạn đạt 92% "
                    "(trường hợp dưới 95% thì tiêu chí này đạt 0 điểm).")
    assert names(s["0"], "điểm tiêu chí hồ sơ giải quyết đúng hạn") and not words(s["0"]) & {"lĩnh", "vực"}


def test_an_anaphoric_criterion_measured_by_a_rate_is_named_by_what_is_rated():
    # "điểm tiêu chí X", not "tiêu chí tỷ lệ X": the rate's head is no part of the criterion's name
    cases = [
        ("Tỷ lệ hồ sơ khám bệnh được thanh toán bảo hiểm y tế trực tuyến đạt 70% "
         "(trường hợp dưới 80% thì tiêu chí này đạt 0 điểm).", "hồ sơ khám bệnh được thanh toán bảo hiểm y tế"),
        ("Tỷ lệ trường mầm non đạt chuẩn quốc gia mới đạt 45% (chỉ tiêu đề ra là 60%, trường hợp dưới 50% "
         "thì tiêu chí này đạt 0 điểm).", "trường mầm non đạt chuẩn quốc gia"),
        ("Tỷ lệ giải ngân vốn sự nghiệp nông nghiệp đạt 52% so với dự toán (trường hợp dưới 60% thi chỉ tiêu "
         "này đạt 0 điểm).", "giải ngân vốn sự nghiệp nông nghiệp", "chỉ tiêu"),
        ("Nếu tỷ lệ thu ngân sách xã so với dự toán dưới 90% thì tiêu chí này được 0 điểm.", "thu ngân sách xã"),
    ]
    for text, rated, *noun in cases:
        got = subjects_of(text)["0"]
        assert names(got, f"điểm {(noun or ['tiêu chí'])[0]} {rated}") and not words(got) & {"tỷ", "lệ"}, got
    # an anaphor that is the rate itself keeps its head
    got = subjects_of("Tỷ lệ hồ sơ thuế nộp trực tuyến đạt 88% (trường hợp dưới 90% thì tỷ lệ này bị trừ 2 điểm).")
    assert {"tỷ", "lệ"} <= words(got["2"])


def test_an_anaphor_in_parentheses_points_at_what_the_parenthesis_comments_on():
    # the share inside the parenthesis is evidence; the criterion is the clause before it
    s = subjects_of("a) Việc cấp giấy phép xây dựng thuộc thẩm quyền của huyện còn chậm so với quy định (gần 40% số giấy "
                    "phép cấp trễ hạn; theo quy định, chỉ cần có một giấy phép trễ hạn thì điểm đánh giá tiêu chí này "
                    "là 0 điểm).")
    assert names(s["0"], "điểm đánh giá tiêu chí cấp giấy phép xây dựng") and not words(s["0"]) & {"trễ", "hạn"}


def test_a_bare_verb_after_the_counted_noun_takes_the_object_its_activity_was_named_with():
    s = subjects_of("Huyện chưa hoàn thành công tác kiểm tra an toàn thực phẩm trong năm 2025; đến nay, Phòng Y tế đã "
                    "kiểm tra 30/45 cơ sở (còn 15/45 cơ sở chưa kiểm tra).")
    assert names(s["15"], "cơ sở chưa kiểm tra an toàn thực phẩm", extra=0)


def test_an_anaphor_in_a_new_sentence_takes_what_its_noun_was_named_with():
    s = subjects_of(
        "b) Kết quả đối với tiêu chí tiếp cận đất đai (đánh giá theo quý)",
        "Đối với tiêu chí này, có 9 huyện đạt điểm tối đa.",
    )
    assert {"tiếp", "cận", "đất", "đai"} <= words(s["9"])


def test_counts_after_an_existential_share_its_group():
    s = subjects_of("Cấp huyện có 04/10 đơn vị xếp loại Tốt, 03/10 đơn vị xếp loại Khá; cấp xã có 50 xã xếp loại Tốt.")
    assert "huyện" in words(s["03"])
    assert "huyện" not in words(s["50"])  # a clause of its own after the semicolon


def test_coordinated_verb_objects_keep_apart():
    s = subjects_of("Đoàn đã kiểm tra 30 cửa hàng xăng dầu và 12 cửa hàng khí hóa lỏng.")
    assert not words(s["12"]) & {"xăng", "dầu"}


def test_context_words_are_validated(monkeypatch):
    real = subject_rules.load

    def broken(name):
        data = dict(real(name))
        if name == "subjects":
            data["context"] = {**data["context"], "demonstratives": []}
        return data

    monkeypatch.setattr(subject_rules, "load", broken)
    subject_rules.context_words.cache_clear()
    subject_rules.function_words.cache_clear()
    try:
        with pytest.raises(RuleError, match="demonstratives"):
            subject_rules.context_words()
    finally:
        subject_rules.context_words.cache_clear()
        subject_rules.function_words.cache_clear()


def test_the_whole_of_a_ratio_is_its_noun_without_the_part_s_verb_or_predicate():
    s = subjects_of("Sở đã tổ chức thanh tra 12/30 doanh nghiệp chế biến gỗ đã được cấp phép.")
    whole = words(s["30"])
    assert {"doanh", "nghiệp", "chế", "biến", "gỗ"} <= whole
    assert not whole & {"thanh", "tra", "cấp", "phép"}
    assert {"thanh", "tra"} <= words(s["12"])  # the part keeps what was done to it


def test_the_whole_keeps_the_group_of_an_existential():
    s = subjects_of("Cấp huyện có 04/10 phòng chuyên môn xếp loại Tốt, 03/10 phòng chuyên môn xếp loại Khá.")
    assert "huyện" in words(s["10"])
    assert not words(s["10"]) & {"tốt", "khá", "xếp", "loại"}


def test_each_whole_of_a_ratio_list_drops_the_counting_verb():
    s = subjects_of("Cơ quan điều tra đã thụ lý 8/20 vụ án ma túy, 5/20 vụ án kinh tế.")
    assert {"án", "ma", "túy"} <= words(s["8"])
    assert not words(s["20"]) & {"thụ", "lý"}


def test_a_part_named_by_a_shortened_phrase_takes_the_qualifiers_the_full_phrase_had():
    s = subjects_of(
        "Đến nay, tổng số lượt đặt lịch bằng ứng dụng di động khi đến bệnh viện là 5.400 lượt; trong đó, "
        "4.900 lượt đặt lịch thành công."
    )
    assert {"đặt", "lịch", "ứng", "dụng", "di", "động", "thành", "công"} <= words(s["4.900"])
    assert not words(s["4.900"]) & {"bệnh", "viện"}  # the subordinate clause after "khi" names no part


def test_a_shortened_part_under_a_topic_takes_the_core_the_full_phrase_named_it_with():
    # the topic label makes the subject long; the prepositional phrase after the core ("thuộc thẩm quyền ...")
    # only restricts the full phrase further and is not carried
    s = subjects_of(
        "Đối với lĩnh vực quy hoạch kiến trúc: Sở đã cấp 120 giấy phép xây dựng nhà ở riêng lẻ thuộc thẩm quyền "
        "cấp tỉnh, trong đó có 90 giấy phép xây dựng đúng hạn, đạt tỷ lệ 75%."
    )
    for raw in ("90", "75%"):
        assert {"nhà", "riêng", "lẻ", "đúng", "hạn"} <= words(s[raw])
        assert not words(s[raw]) & {"thẩm", "quyền"}


def test_a_count_that_shares_no_words_with_the_full_phrase_takes_nothing_from_it():
    s = subjects_of("Sở đã tiếp nhận 80 hồ sơ cấp phép khai thác khoáng sản, đã trả 60 hồ sơ thẩm định môi trường.")
    assert not words(s["60"]) & {"khai", "thác", "khoáng", "sản"}


def test_a_bare_noun_skips_the_parts_in_a_parenthesised_breakdown():
    s = subjects_of(
        "Trong quý, huyện nhận 900 đơn thư khiếu nại đất đai (500 đơn thư cá nhân và 400 đơn thư tập thể), "
        "trong đó: 850 đơn thư đã giải quyết xong."
    )
    assert {"khiếu", "nại", "đất", "đai", "giải", "quyết"} <= words(s["850"])
    assert not words(s["850"]) & {"tập", "thể", "cá", "nhân"}


def test_each_item_of_a_list_hangs_from_the_head_that_counts_its_noun():
    s = subjects_of(
        "Năm qua, lực lượng kiểm lâm phát hiện 210 vụ chặt phá rừng, 260 đối tượng vi phạm, trong đó: "
        "khởi tố 35 vụ, 41 đối tượng."
    )
    assert {"chặt", "phá", "rừng"} <= words(s["35"])
    assert not words(s["35"]) & {"đối", "tượng"}


def test_a_bare_noun_followed_by_a_long_clause_still_takes_its_qualifiers():
    s = subjects_of(
        "Năm nay huyện đầu tư 20 trạm bơm điện phục vụ tưới tiêu.",
        "Đến nay, 12 trạm đã vận hành, 3 trạm đang chờ nguồn điện ba pha và thiết bị đóng cắt cần thiết khác.",
    )
    assert {"bơm", "điện", "chờ", "nguồn"} <= words(s["3"])


def test_a_bare_verb_takes_the_object_the_activity_was_named_with():
    s = subjects_of(
        "Công tác tập huấn nghiệp vụ văn thư lưu trữ được Sở quan tâm thực hiện. Đã tập huấn 320 công chức."
    )
    assert {"tập", "huấn", "văn", "thư", "lưu", "trữ", "công", "chức"} <= words(s["320"])


def test_a_verb_whose_object_is_named_takes_nothing_more():
    s = subjects_of("Công tác kiểm tra an toàn thực phẩm được tăng cường. Đã kiểm tra 14 cơ sở về an toàn thực phẩm.")
    assert words(s["14"]).isdisjoint({"tăng", "cường"})
    s = subjects_of("Huyện đã kiểm tra an toàn thực phẩm tại chợ. Tháng 5 đã kiểm tra 14 cơ sở xăng dầu.")
    assert not words(s["14"]) & {"thực", "phẩm"}  # an activity done once is not named as a topic


def test_the_whole_of_a_rank_is_the_ranked_not_the_rank():
    s = subjects_of("Huyện Đức Trọng đạt 91,2 điểm và xếp thứ 3/12 huyện, thị xã trong toàn tỉnh.")
    whole = words(s["12"])
    assert {"huyện", "thị", "xã", "xếp", "hạng"} <= whole
    assert not whole & {"thứ", "đức", "trọng"}


def test_a_unit_that_ends_a_compound_noun_takes_no_qualifiers_from_it():
    assert named_qualifiers("điểm", ["Số liệu tính đến thời điểm khóa sổ ngày 30/9/2025."]) == ""
    assert named_qualifiers("điểm", ["Xã có 3 điểm du lịch cộng đồng. Thời điểm đăng ký là tháng 9."]) == "du lịch cộng đồng"


def test_a_task_set_out_takes_the_qualifiers_its_noun_was_named_with():
    # "đề ra" opens a clause about the noun ("the tasks set out"): the noun is bare and takes what named it before
    s = subjects_of(
        "Để triển khai các nhiệm vụ chuyển đổi số trong năm 2025, Sở đã ban hành kế hoạch chi tiết. "
        "Đến nay, đã hoàn thành 18/25 nhiệm vụ đề ra."
    )
    assert {"chuyển", "đổi", "nhiệm", "vụ"} <= words(s["18"])
    assert {"chuyển", "đổi"} <= words(s["25"])


def test_a_bare_plan_takes_the_name_of_the_plan_cited_before_with_its_year():
    s = subjects_of(
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch số 45/KH-UBND ngày 10/01/2026 về phát triển du lịch năm 2026 "
        "tỉnh Gia Lai. Sau một quý, đã hoàn thành 7/30 chỉ tiêu kế hoạch đề ra (đạt 23,3% kế hoạch)."
    )
    assert {"phát", "triển", "du", "lịch", "năm", "2026"} <= words(s["7"])
    assert {"phát", "triển", "du", "lịch"} <= words(s["23,3%"])
    assert not {"45/kh-ubnd", "gia", "lai"} & words(s["7"])  # the citation and the place are no part of the name


def test_a_plan_neither_cited_nor_named_by_a_proper_name_gives_no_name():
    # a heading in capitals names a programme, but its words before a count ("50 CÁN BỘ") are no whole name
    s = subjects_of(
        (1, "A. ĐỀ ÁN ĐÀO TẠO 80 KỸ SƯ NÔNG NGHIỆP"),
        "Đến nay, có 36 học viên tham gia đề án đã tốt nghiệp.",
    )
    assert not {"kỹ", "sư", "nông", "80"} & words(s["36"])


def test_a_plan_named_by_a_proper_name_lends_it_number_and_all():
    s = subjects_of(
        "Đề án Tây Nguyên 200 được thực hiện từ năm 2010 với mục tiêu đào tạo cán bộ trẻ.",
        "Kết quả, có 150 học viên tham gia Đề án.",
    )
    assert {"tây", "nguyên", "200"} <= words(s["150"])


def test_a_noun_said_to_be_something_by_a_copula_is_named_and_takes_nothing():
    s = subjects_of(
        "Trong năm, có 12 học viên ngành sư phạm được cử đi học.",
        "Đến nay, có 5/12 học viên là giáo viên đã về công tác, 4 học viên đã tốt nghiệp.",
    )
    assert {"giáo"} <= words(s["5"])
    assert not {"sư", "phạm"} & words(s["5"])  # "là giáo viên" names them: nothing taken from before
    assert {"sư", "phạm"} <= words(s["4"])  # a bare noun still does


def test_a_bare_noun_after_a_breakdown_label_takes_what_the_list_label_named_it_with():
    # "+ Cấp tỉnh:" only says which part; the clause after it counts the noun the list's label named in full
    s = subjects_of(
        "- Số lượng học viên cao học tốt nghiệp:",
        "+ Cấp tỉnh: Năm 2024 có 15 học viên được cử đi năm 2021 tốt nghiệp.",
    )
    assert {"cao", "học", "cấp", "tỉnh"} <= words(s["15"])


def test_the_parts_of_a_parenthesised_breakdown_share_what_was_done_to_the_total():
    s = subjects_of(
        "Trong năm, đoàn công tác đã thanh tra 36 cơ sở, đơn vị (gồm: 10 trường học và 26 trạm y tế); "
        "riêng 12/20 nhà thuốc (tăng 4 nhà thuốc so với năm trước) chưa được kiểm tra."
    )
    assert {"trường", "thanh", "tra"} <= words(s["10"])
    assert {"trạm", "thanh", "tra"} <= words(s["26"])
    assert "thanh" not in words(s["4"])  # a parenthesis opened by a change is no breakdown
    assert "thanh" not in words(s["20"])  # another clause, after the semicolon


def test_a_programme_named_in_a_part_qualifies_its_bare_noun_under_a_later_heading_of_that_part():
    s = subjects_of(
        (1, "A. ĐỀ ÁN ĐÀO TẠO BÁC SĨ CHO VÙNG KHÓ KHĂN"),
        (2, "I. MỤC TIÊU"),
        "Đề án Tây Bắc 300 được triển khai từ năm 2012 và kết thúc vào năm 2020.",
        (2, "II. KẾT QUẢ"),
        "Đã có 250 học viên tham gia Đề án.",
        (1, "B. CHÍNH SÁCH THU HÚT"),
        "Đã có 40 bác sĩ tham gia Đề án.",
    )
    assert {"tây", "bắc", "300"} <= words(s["250"])
    assert not {"tây", "bắc"} & words(s["40"])  # a new outermost part: that programme is done


def test_the_plan_a_report_reports_on_holds_for_all_of_it_and_a_programme_number_is_its_name():
    s = subjects_of(
        "Thực hiện Đề án 06 của Chính phủ, Sở Tư pháp báo cáo kết quả như sau:",
        (1, "I. KẾT QUẢ THỰC HIỆN"),
        "Đã ban hành 5 văn bản triển khai các nhiệm vụ của Đề án.",
    )
    assert "06" in words(s["5"])


def test_a_plans_span_is_no_name_but_a_programmes_number_is():
    named = plans_named("Thực hiện kế hoạch 5 năm của ngành và Chương trình 135 của Chính phủ.")
    assert named == ["Chương trình 135"]


def test_a_score_and_a_rank_of_a_named_agent_are_of_the_index_named_in_force():
    s = subjects_of((3, "2. Kết quả Chỉ số DTI năm 2025"), "Tỉnh Bình Minh đạt 0,52 điểm, xếp hạng 20/34 tỉnh, thành phố.")
    for raw in ("0,52", "20"):
        assert {"chỉ", "dti", "bình", "minh"} <= words(s[raw])
    assert "dti" not in words(s["34"])  # the whole counts the ranked provinces, not the index


def test_a_score_of_a_criterion_or_of_no_named_agent_takes_no_index():
    s = subjects_of(
        "Về Chỉ số DTI: Sở Y tế đạt 18 điểm tiêu chí công khai.",
        "Theo kết quả Chỉ số DTI năm 2025, toàn tỉnh đã lắp đặt 248 điểm cầu truyền hình.",
    )
    assert "dti" not in words(s["18"])
    assert "dti" not in words(s["248"])


def test_a_bare_verb_takes_the_object_of_an_activity_named_with_a_light_verb_after_the_nominalizer():
    s = subjects_of(
        "Năm 2025, tỉnh triển khai công tác tổ chức thanh tra an toàn thực phẩm theo kế hoạch; đến nay, "
        "Sở Y tế đã thanh tra 40 cơ sở."
    )
    assert {"thanh", "tra", "an", "toàn", "thực", "phẩm", "cơ", "sở"} <= words(s["40"])


def test_a_syllable_the_agent_shares_with_the_object_by_chance_does_not_name_it():
    s = subjects_of(
        "Tỉnh chưa hoàn thành công tác kiểm tra văn bản quy phạm pháp luật; đến nay, Sở Tư pháp đã kiểm tra 06 đơn vị."
    )
    assert {"văn", "bản", "quy", "phạm", "luật"} <= words(s["06"])


def test_a_bare_noun_takes_the_clause_after_the_pair_it_was_counted_in():
    s = subjects_of(
        "Qua kiểm tra, đã phát hiện 06 vụ 09 đối tượng có hành vi khai thác cát trái phép.",
        "Đã xử phạt 04 vụ.",
    )
    assert {"khai", "thác", "cát", "trái", "phép", "xử", "phạt"} <= words(s["04"])
    assert named_qualifiers("vụ", ["phát hiện 06 vụ, 09 đối tượng khai thác cát"]) == "khai thác cát"
    assert named_qualifiers("vụ", ["phát hiện 06 vụ, 09 đối tượng, 3 tấn cát khai thác trái phép"]) == ""


def test_parts_of_a_whole_take_the_group_the_heading_says_that_whole_is_for():
    s = subjects_of((4, "b) Tổ chức hội nghị tập huấn đối với cán bộ cấp xã:"),
                    "Nội dung hội nghị do Sở Tư pháp đề xuất theo nhu cầu của địa phương.",
                    "Sở Tư pháp chủ trì tổ chức hội nghị tập huấn năm 2026, gồm 04 lớp, cụ thể:")
    assert "đối với cán bộ cấp xã" in s["04"] and names(s["04"], "lớp hội nghị tập huấn cán bộ cấp xã", extra=1)
    # a count with no containment verb keeps its own subject
    s = subjects_of((4, "b) Tổ chức hội nghị tập huấn đối với cán bộ cấp xã:"),
                    "Sở Tư pháp đã mở 04 lớp tập huấn kỹ năng.")
    assert "đối với" not in s["04"]


def test_a_count_coordinated_right_after_a_sibling_is_no_shortened_form_of_it():
    s = subjects_of("Đã kiểm tra 25 trường học cấp huyện và 40 trường học cấp xã trong năm.")
    assert names(s["40"], "trường học cấp xã") and "huyện" not in words(s["40"])  # not "cấp huyện xã"
    s = subjects_of("Có 30 thủ tục cấp huyện và 45 thủ tục cấp xã được công bố công khai.")
    assert names(s["45"], "thủ tục cấp xã được công bố công khai", extra=0)


def test_a_citation_of_one_document_is_no_qualifier_a_bare_noun_takes():
    s = subjects_of("Kèm theo Báo cáo số /BC-UBND ngày /01/2026. Đã tích hợp 12 báo cáo từ Hệ thống thông tin "
                    "báo cáo của Bộ.")
    assert "BC-UBND" not in s["12"] and names(s["12"], "tích hợp báo cáo từ Hệ thống thông tin báo cáo của Bộ", extra=0)


def test_a_noun_put_somewhere_by_a_directional_preposition_is_bare():
    # "lên"/"vào" say where the act put the counted: the noun is the one named before, with its qualifiers
    s = subjects_of("Đã hoàn thành rà soát hồ sơ đăng ký kết hôn từ năm 2015 đến nay, đã nhập 4.210 hồ sơ vào phần mềm "
                    "hộ tịch điện tử.")
    assert {"đăng", "ký", "kết", "hôn", "nhập", "phần", "mềm"} <= words(s["4.210"])
    # a bound after a number ("18 tuổi trở lên") is no qualifier a bare noun takes
    s = subjects_of("Vận động 100% thanh niên từ 18 tuổi trở lên tham gia hiến máu; khuyến khích thanh niên dưới 18 tuổi "
                    "tham gia tuyên truyền.")
    assert "trở" not in words(s["18"] or "")


def test_a_noun_said_to_have_something_is_named_and_takes_nothing():
    # "có" + a noun phrase after the counted noun says which of them are counted, as "là" does
    s = subjects_of(
        "Đoàn đã làm việc với 40 hợp tác xã đại diện ở các vùng trồng chè, cà phê và rau.",
        "Qua đó, có 25 trong tổng số 40 hợp tác xã có hợp đồng liên kết tiêu thụ sản phẩm.",
    )
    assert names(s["25"], "hợp tác xã có hợp đồng liên kết tiêu thụ sản phẩm", extra=0)
    assert not {"đại", "diện"} & words(s["25"])  # nothing taken from where the noun was named before


def test_the_whole_of_a_ratio_on_a_label_line_drops_the_parts_predicate():
    s = subjects_of("+ Đối với các trường tiểu học: 18/25 đơn vị xếp loại Tốt.")
    assert "xếp" not in words(s["25"])  # all the schools, not those rated Tốt
    assert names(s["25"], "đơn vị trường tiểu học", extra=0)


def test_the_whole_of_a_ratio_named_by_a_one_syllable_noun_keeps_it():
    s = subjects_of("Toàn huyện có 18/25 trường được công nhận đạt chuẩn quốc gia.")
    assert "công" not in words(s["25"])  # every school, recognised or not: not the part's subject


def test_an_item_of_a_semicolon_list_takes_no_qualifiers_of_a_sibling_counting_the_same_noun():
    s = subjects_of("Trong năm, 12 học viên nghỉ học giữa chừng; 05 học viên đã tốt nghiệp loại giỏi; có 30 học viên "
                    "đang học.")
    assert names(s["05"], "học viên đã tốt nghiệp loại giỏi", extra=0)  # not "học viên nghỉ học giữa chừng đã ..."
    assert not words(s["30"]) & {"nghỉ", "giữa", "chừng", "giỏi"}
    # a count after its verb is that act's object: it still takes the kind the count before named
    s = subjects_of("Đã kiểm tra 12 cơ sở kinh doanh thuốc; phát hiện 05 cơ sở vi phạm; xử phạt 03 cơ sở.")
    assert names(s["03"], "xử phạt cơ sở vi phạm", extra=0)


def test_a_count_in_a_partition_takes_no_qualifiers_its_noun_had_before_the_population():
    s = subjects_of("Trong năm, các học viên tích cực học tập nghiên cứu, được đánh giá cao.",
                    "Trong số 40 học viên của khóa học, có 12 học viên đã được bổ nhiệm chức vụ lãnh đạo.")
    assert names(s["12"], "học viên đã được bổ nhiệm chức vụ lãnh đạo", extra=0)  # not "... tích cực học tập ..."


def test_a_pair_of_counts_shares_no_comparison_that_follows_it():
    s = subjects_of("Xử lý hành chính 12 vụ, 30 đối tượng so với cùng kỳ năm 2024 giảm 5 vụ.")
    for raw in ("12", "5"):  # the comparison is said of the counts: no word of it names them
        assert not words(s[raw]) & {"cùng", "kỳ", "giảm"} and " so" not in s[raw]


def test_a_spelled_count_after_a_noun_is_no_qualifier_of_it():
    # "mỗi hộ một ..." distributes another noun over the households: "hộ" is named with no qualifier there
    assert named_qualifiers("hộ", ["Mô hình mỗi hộ một ao cá được nhân rộng."]) == ""
    assert named_qualifiers("hộ", ["Hỗ trợ hộ nghèo vùng cao xây nhà."]) == "nghèo vùng cao xây nhà"


def test_an_amount_stating_a_rate_in_money_is_the_money_of_what_the_rate_is_of():
    s = subjects_of("Tỷ lệ thu hồi các khoản nợ bảo hiểm xã hội quá hạn đạt 85% (số tiền đã thu hồi 12 tỷ đồng).")
    assert names(s["12"], "số tiền đã thu hồi khoản nợ bảo hiểm xã hội quá hạn", extra=0)
    s = subjects_of("Tiến độ thực hiện các kết luận thanh tra về quản lý đất đai đạt 60% (số tiền đã nộp ngân sách "
                    "đạt 3,5/5,8 tỷ đồng).")
    assert "kết luận thanh tra" in s["3,5"]
    # a rate that names no object from a plural determiner leaves the amount its own words
    s = subjects_of("Tỷ lệ giải ngân vốn đầu tư công đạt 65% (số vốn đã giải ngân 1.200 tỷ đồng).")
    assert "đầu tư" not in (s["1.200"] or "")


def test_a_unit_opening_another_word_names_no_bare_count_of_it():
    # subjects.yaml context.compound_starts: "xã hội" is no "xã", "hộ chiếu" no "hộ", "tổ chức" no "tổ"
    assert named_qualifiers("xã", ["Ngành y tế đẩy mạnh tuyên truyền chính sách bảo hiểm xã hội, y tế"]) == ""
    s = subjects_of("Ngành y tế đẩy mạnh tuyên truyền chính sách bảo hiểm xã hội, y tế. Trong tháng, có 03 xã đã hoàn "
                    "thành.")
    assert not words(s["03"]) & {"hội", "tế"}
    s = subjects_of("Công an huyện tăng cường cấp hộ chiếu phổ thông cho công dân. Trong quý có 12 hộ đã được hỗ trợ.")
    assert not words(s["12"]) & {"chiếu", "phổ", "thông"}
    s = subjects_of("Huyện đã tổ chức tập huấn kỹ thuật chăn nuôi. Trong năm thành lập 05 tổ đang hoạt động.")
    assert not words(s["05"]) & {"chức", "huấn", "chăn"}
    s = subjects_of("Sở đã tiếp nhận hồ sơ của các đơn vị sự nghiệp. Trong tháng, có 15 đơn đã được giải quyết.")
    assert not words(s["15"]) & {"vị", "nghiệp"}
    # the unit named on its own still lends its qualifiers
    assert named_qualifiers("xã", ["Tỉnh có 12 xã biên giới đã được công nhận"]) == "biên giới"
    # a unit that is itself such a word is named by it
    assert named_qualifiers("đơn vị", ["Sở đã kiểm tra các đơn vị hành chính cấp xã"]) == "hành chính cấp xã"


@pytest.mark.parametrize("text, raw, subject", [
    ("Việc tiêm chủng vắc xin sởi cho trẻ em tại các trạm y tế còn chậm (gần 30% số trẻ tiêm chủng trễ hẹn).", "30%",
     "trẻ tiêm chủng vắc xin sởi trễ hẹn"),
    ("Việc cấp giấy chứng nhận quyền sử dụng đất còn nhiều vướng mắc, 120 hồ sơ cấp quá hạn.", "120",
     "hồ sơ cấp giấy chứng nhận quyền sử dụng đất quá hạn"),
    ("Việc quyết toán vốn đầu tư công trình thủy lợi còn chậm, có 14 dự án quyết toán quá hạn.", "14",
     "dự án quyết toán vốn đầu tư công trình thủy lợi quá hạn"),
])
def test_a_bare_verb_right_after_the_counted_noun_takes_the_object_its_activity_was_named_with(text, raw, subject):
    # a reduced relative clause ("trẻ tiêm chủng", "hồ sơ cấp") names its act by the verb alone: the object is the
    # one the sentence's topic named after "Việc" / "Công tác"; a share ("30% số trẻ ...") names its noun the same way
    assert names(subjects_of(text)[raw], subject)


@pytest.mark.parametrize("text, raw, absent", [
    # a verb the topic does not name as an activity takes nothing
    ("Việc chi trả trợ cấp cho người có công còn chậm, 15% số hộ nhận trễ hạn.", "15%", {"chi", "trả", "trợ", "cấp"}),
    # a rate named by its own words has no counted noun before its verb
    ("Công tác chi trả trợ cấp qua tài khoản cho người có công ở khu vực đô thị được đẩy mạnh. Tỷ lệ chi trợ cấp qua "
     "tài khoản đạt 75%.", "75%", {"trả", "đô", "thị"}),
])
def test_a_verb_after_a_noun_takes_no_object_the_topic_gave_another_verb(text, raw, absent):
    assert not absent & words(subjects_of(text)[raw])


@pytest.mark.parametrize("text, raw, whole", [
    # subjects.yaml context.relative_passives: a passive clause right after the noun of "x/y <noun>" that a later
    # part predicate follows names the whole (a reduced relative clause); the later predicate is the part's
    ("Trong năm, 18/20 trạm y tế được đầu tư trang thiết bị từ nguồn vốn ngân sách tỉnh hoàn thành đưa vào sử dụng.",
     "20", "trạm y tế được đầu tư trang thiết bị từ nguồn vốn ngân sách tỉnh"),
    ("Có 42/45 trường học được hỗ trợ kinh phí sửa chữa tham gia chương trình sữa học đường.", "45",
     "trường học được hỗ trợ kinh phí sửa chữa"),
    ("Toàn tỉnh có 850/900 hộ được vay vốn ưu đãi chưa trả nợ đúng hạn.", "900", "hộ được vay vốn ưu đãi"),
])
def test_a_passive_clause_before_the_parts_predicate_names_the_whole(text, raw, whole):
    s = subjects_of(text)
    assert names(s[raw], whole, extra=0)


def test_a_passive_clause_alone_or_of_a_verb_of_judging_is_the_parts_predicate():
    # "được công nhận đạt chuẩn", "được đánh giá hoàn thành tốt": the judging verb takes the later predicate, one
    # predicate of the part; a passive with no later predicate is the part's predicate too
    assert not {"đánh", "giá"} & words(subjects_of("Có 25/30 công chức được đánh giá hoàn thành tốt nhiệm vụ.")["30"])
    assert not {"công", "nhận"} & words(subjects_of("Có 12/15 xã được công nhận đạt chuẩn nông thôn mới.")["15"])
    assert not {"cấp", "giấy"} & words(subjects_of("Có 96/120 hộ được cấp giấy chứng nhận quyền sử dụng đất.")["120"])


def test_a_rate_restated_by_its_bare_noun_takes_what_it_was_named_with_first():
    # a rate per a unit of time named in full once, restated later in the document by its bare noun
    s = subjects_of(
        "Đài Truyền thanh huyện phát sóng mỗi tuần 03 chuyên mục phổ biến kiến thức nông nghiệp cho bà con nông dân.",
        (2, "III. NHIỆM VỤ NĂM 2026"),
        "Tiếp tục biên tập nội dung; định kỳ phát sóng (mỗi tuần 03 chuyên mục).",
    )
    assert {"phổ", "biến", "kiến", "thức", "nông", "nghiệp"} <= words(s["03"])
    s = subjects_of(
        "Trung tâm Y tế huyện tổ chức mỗi tháng 02 buổi khám sàng lọc bệnh không lây nhiễm cho người cao tuổi.",
        "Các trạm y tế xã phối hợp duy trì đều đặn (mỗi tháng 02 buổi).",
    )
    assert {"khám", "sàng", "lọc", "cao", "tuổi"} <= words(s["02"])


def test_a_rate_of_another_value_is_no_restatement():
    s = subjects_of(
        "Nhà trường duy trì mỗi tuần 02 tiết sinh hoạt chuyên môn theo nghiên cứu bài học.",
        "Tổ Toán thực hiện mỗi tuần 03 tiết.",
    )
    assert not words(s["03"]) & {"sinh", "hoạt", "chuyên", "môn"}


def test_a_score_of_a_clause_naming_a_criterion_by_its_number_and_topic_is_the_criterions():
    # "Tiêu chí 2.3 (tối đa 5 điểm) về X ... đạt 1,9 điểm": the score is "điểm tiêu chí X", whatever the aside on
    # the criterion's maximum between its number and its topic
    s = subjects_of("Trụ cột Y tế số: điểm trung bình đạt 15/20 điểm; riêng Tiêu chí 3.2 (tối đa 4 điểm) về hồ sơ sức "
                    "khỏe điện tử của người dân chỉ đạt bình quân 1,5 điểm.")
    assert names(s["1,5"], "điểm tiêu chí hồ sơ sức khỏe điện tử của người dân")
    s = subjects_of("Chỉ tiêu 4 (tối đa 10 điểm) về tỷ lệ học sinh được học hai buổi/ngày chỉ đạt 6,5 điểm.")
    assert names(s["6,5"], "điểm chỉ tiêu tỷ lệ học sinh được học hai buổi/ngày")
    s = subjects_of("Tiêu chí 2.1 về diện tích cây trồng được chứng nhận VietGAP của xã đạt 8/10 điểm.")
    assert names(s["8/10"], "điểm tiêu chí diện tích cây trồng được chứng nhận VietGAP")
    # a score said of an agent names no topic of the criterion: left to the index in force
    s = subjects_of("Riêng tiêu chí 4.1 về giải ngân vốn đầu tư công, huyện A chỉ đạt 3 điểm.")
    assert not words(s["3"]) & {"tiêu", "chí"}


def test_a_percentage_an_agent_attained_of_a_criterion_named_in_quotes_is_its_share_of_that_criterion():
    # "A đạt N% của tiêu chí “X”": the share of criterion X that A attained, not a share of A
    s = subjects_of("Ví dụ: Trường Tiểu học B đạt 80% của tiêu chí “Cơ sở vật chất” thì điểm của trường là 8 điểm.")
    assert names(s["80%"], "tỷ lệ đạt tiêu chí Cơ sở vật chất của Trường Tiểu học B", extra=0)
    s = subjects_of("Xã Phú Hòa đạt 60% của chỉ tiêu “Thu nhập bình quân đầu người” nên chưa được công nhận.")
    assert names(s["60%"], "tỷ lệ đạt chỉ tiêu Thu nhập bình quân đầu người của Xã Phú Hòa", extra=0)
    s = subjects_of("Kho bạc huyện thực hiện được 70% của chỉ tiêu “Giải ngân vốn đầu tư công”.")
    assert names(s["70%"], "tỷ lệ thực hiện được chỉ tiêu Giải ngân vốn đầu tư công của Kho bạc huyện", extra=0)
    # a share of a plan, or a criterion named without quotes, is left to the clause
    s = subjects_of("Trung tâm Y tế huyện đạt 95% kế hoạch năm.")
    assert not words(s["95%"]) & {"tiêu", "chí"}


def test_a_percentage_of_a_named_body_alone_is_of_the_index_in_force():
    # a percentage said of a body only, the words ranking it among the others ("thấp nhất", "dẫn đầu với") dropped,
    # is the body's value of the index named before; a change in rank steps is the change of its rank
    s = subjects_of(
        "Năm 2026 có 21 đơn vị được đánh giá Chỉ số SIPAS.",
        "Sở Y tế dẫn đầu với 91,40%; Ủy ban nhân dân huyện Bảo Lâm đạt 90,15%; Sở Giao thông vận tải thấp nhất, đạt "
        "78,30%, tụt 4 bậc so với năm 2025.",
    )
    assert names(s["91,40%"], "Chỉ số SIPAS của Sở Y tế", extra=2)
    assert names(s["90,15%"], "Chỉ số SIPAS của Ủy ban nhân dân huyện Bảo Lâm", extra=0)
    assert names(s["78,30%"], "Chỉ số SIPAS của Sở Giao thông vận tải", extra=0)
    assert names(s["4"], "thứ hạng Chỉ số SIPAS của Sở Giao thông vận tải", extra=0)
    # a percentage of a body's own activity is no score of the index
    s = subjects_of("Năm 2026 có 21 đơn vị được đánh giá Chỉ số SIPAS.",
                    "Sở Y tế giải quyết đúng hạn 98,5% hồ sơ.")
    assert "sipas" not in words(s["98,5%"])


def test_an_average_before_an_index_names_the_mean_over_the_bodies():
    # subjects.yaml mean_heads: "Giá trị trung bình Chỉ số X của các đơn vị" is the mean, not one body's index
    s = subjects_of("Năm 2026 có 21 đơn vị được đánh giá Chỉ số SIPAS.",
                    "Giá trị trung bình Chỉ số SIPAS của các đơn vị đạt 82,6%, tăng 1,4 điểm phần trăm.")
    assert names(s["82,6%"], "giá trị trung bình Chỉ số SIPAS của các đơn vị", extra=0)


def test_the_whole_of_a_rank_without_a_noun_is_the_bodies_an_earlier_count_of_it_named():
    # "xếp thứ 3/21" with no noun: the 21 are the bodies the earlier count of 21 named, as ranked
    s = subjects_of("Năm 2026 có 21 đơn vị được đánh giá Chỉ số SIPAS.", "Sở Y tế đạt 91,40%, xếp thứ 3/21.")
    assert names(s["21"], "đơn vị được xếp hạng", extra=0)  # the whole of "3/21", the later of the two 21s
    assert names(s["3"], "thứ hạng Chỉ số SIPAS của Sở Y tế", extra=0)


def test_a_noun_opening_a_titles_name_qualifies_no_later_count_of_it():
    # session 20 (written for the emulation report of set T; sentences of another sector): "Danh hiệu Doanh nghiệp
    # văn hóa tiêu biểu" names a title; the firms counted after it on the next line are no "văn hóa tiêu biểu" ones
    s = subjects_of("- Danh hiệu Doanh nghiệp văn hóa tiêu biểu cho 36 doanh nghiệp;",
                    "- Giấy khen của Sở Công Thương cho 58 doanh nghiệp và 140 cá nhân.")
    assert not {"văn", "hóa", "tiêu", "biểu"} & words(s["58"])
    assert named_qualifiers("doanh nghiệp", ["Năm nay có 40 doanh nghiệp chế biến gỗ xuất khẩu."]) \
        == "chế biến gỗ xuất khẩu"
