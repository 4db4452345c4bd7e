"""Subjects of parts, labelled items and rates named after them (extract/figures/subjects.py `_labelled_part`,
`_after_opening_rate`, `_object_after`, `_colon_label`, `_act_at_place`, `_without_purpose`, `noun_phrase`'s
contrast topic; extract/figures/topics.py `_own_label`; words in rules/subjects.yaml phrase.contrast,
rules/extents.yaml act_places, recipient_prepositions, purpose_markers), on invented sentences."""

from __future__ import annotations

from support import names, subjects_of


def test_a_labelled_part_of_a_coordinated_total_takes_the_total_without_the_other_parts():
    s = subjects_of("Toàn huyện có 820 hộ nghèo và hộ cận nghèo thuộc diện bảo trợ xã hội (hộ nghèo 300 (vùng cao 120), "
                    "hộ cận nghèo 520).")
    assert names(s["300"], "hộ nghèo thuộc diện bảo trợ xã hội", extra=0)
    assert names(s["520"], "hộ cận nghèo thuộc diện bảo trợ xã hội", extra=0)
    # a label that names no coordinated phrase of the total follows the part's subject
    assert names(s["120"], "hộ nghèo thuộc diện bảo trợ xã hội vùng cao", extra=0)


def test_a_rate_opening_its_own_clause_is_of_the_phrase_after_it_not_of_a_name_before():
    s = subjects_of("Các xã tập trung hỗ trợ giải quyết việc làm cho người lao động, phấn đấu đến năm 2030, 80% thôn, "
                    "bản đạt chuẩn nông thôn mới.")
    assert names(s["80%"], "thôn, bản đạt chuẩn nông thôn mới", extra=0)


def test_a_plural_determiner_opens_the_object_phrase_after_a_rate():
    s = subjects_of("Huyện đã hướng dẫn cho 100% các hộ kinh doanh đăng ký thuế điện tử.")
    assert names(s["100%"], "hộ kinh doanh đăng ký thuế điện tử", extra=2)


def test_a_short_verb_set_off_by_a_comma_and_a_colon_after_counts_labels_the_next_count():
    s = subjects_of("Trong tháng, lực lượng quản lý thị trường phát hiện, xử lý 05 vụ 07 đối tượng có hành vi vận "
                    "chuyển, kinh doanh trái phép thuốc lá điếu nhập lậu, tạm giữ: 02 bộ cân điện tử.")
    assert names(s["02"], "bộ cân điện tử tạm giữ", extra=0)


def test_a_verb_phrase_cut_to_its_place_keeps_the_act():
    s = subjects_of("Trung tâm tổ chức hướng dẫn kỹ năng sử dụng dịch vụ công trực tuyến tại Bưu điện Văn hóa xã Tân "
                    "Hà 15 lượt.")
    assert names(s["15"], "lượt hướng dẫn kỹ năng sử dụng dịch vụ công trực tuyến tại Bưu điện Văn hóa xã Tân Hà")


def test_a_verb_phrase_cut_to_its_recipients_keeps_the_act():
    # "cho <recipients> N người": the count is of who received the act, so the act stays with them
    s = subjects_of("Huyện đoàn tổ chức tặng quà cho học sinh và giáo viên vùng khó khăn 350 người.")
    assert names(s["350"], "học sinh và giáo viên vùng khó khăn được tặng quà")
    s = subjects_of("Trung tâm Khuyến nông phối hợp với Hội Nông dân xã tổ chức tập huấn cho hộ nông dân trồng lúa "
                    "420 người.")
    assert names(s["420"], "hộ nông dân trồng lúa được tập huấn")


def test_a_purpose_between_the_act_and_a_count_of_places_is_dropped():
    # "<act> <object> nhằm/để/phục vụ <purpose> tại N <places>": the places are where the act was done
    s = subjects_of("Lắp đặt hệ thống camera giám sát nhằm bảo đảm an ninh trật tự tại 12 trường học.")
    assert names(s["12"], "trường học lắp đặt hệ thống camera giám sát", extra=0)
    s = subjects_of("Ngành nông nghiệp đã xây dựng mô hình tưới tiết kiệm nước để thích ứng với hạn hán tại 18 hợp "
                    "tác xã.")
    assert names(s["18"], "hợp tác xã xây dựng mô hình tưới tiết kiệm nước")
    assert "hạn hán" not in s["18"]
    s = subjects_of("- Triển khai phần mềm quản lý hồ sơ sức khỏe điện tử nhằm rút ngắn thời gian khám bệnh tại 45 trạm y "
                    "tế xã.")
    assert names(s["45"], "trạm y tế xã triển khai phần mềm quản lý hồ sơ sức khỏe điện tử")
    # "phục vụ" names a body too: a count of places after one keeps it
    s = subjects_of("Đã thành lập Trung tâm Phục vụ hành chính công tại 124 xã, phường.")
    assert "Phục vụ" in s["124"]
    s = subjects_of("Kho bạc đã bố trí vốn đối ứng để hoàn thiện hạ tầng tại 7 cụm công nghiệp.")
    assert names(s["7"], "cụm công nghiệp bố trí vốn đối ứng")
    # no place preposition before the count: the purpose is what the count is for ("để" + act of the count)
    s = subjects_of("Sở Tài chính đã bố trí kinh phí để sửa chữa 15 trường học.")
    assert "sửa chữa" in s["15"]
    # the purpose word is the act itself, or the purpose opens the clause before its aspect marker: nothing to drop
    s = subjects_of("Bưu điện đã phục vụ tại 12 điểm giao dịch.")
    assert "phục vụ" in s["12"]
    s = subjects_of("Công an xã, để bảo đảm an ninh, đã tuần tra tại 20 điểm.")
    assert "tuần tra" in s["20"]


def test_a_group_singled_out_by_rieng_names_every_figure_of_its_sentence():
    s = subjects_of("Các cơ quan đăng tải tin bài về chuyển đổi số. Riêng đối với các trường trung học phổ thông "
                    "thuộc Sở Giáo dục, mỗi tháng có ít nhất 02 tin bài về chuyển đổi số đăng trên Cổng thông tin.")
    assert names(s["02"], "tin bài về chuyển đổi số đăng trên Cổng thông tin của trường trung học phổ thông thuộc Sở "
                          "Giáo dục")


def test_a_count_after_its_own_colon_label_takes_no_qualifiers_of_the_items_before():
    s = subjects_of("Từ ngày 01/3/2025: tiếp nhận 320 học viên; số học viên chuyển đến cơ sở khác: 12; hồi gia: 40.")
    assert names(s["40"], "học viên hồi gia", extra=0)


def test_a_predicate_right_after_the_share_word_names_the_rate():
    s = subjects_of("Tỷ lệ tăng thu sự nghiệp năm 2025 của bệnh viện là 12,5%.")
    assert names(s["12,5%"], "tỷ lệ tăng thu sự nghiệp của bệnh viện", extra=0)
    s = subjects_of("Tỷ lệ hộ nghèo giảm còn 1,2%.")
    assert names(s["1,2%"], "tỷ lệ hộ nghèo", extra=0)  # a predicate after the rate's noun is still its verb


def test_a_share_in_parentheses_after_its_counts_clause_restates_the_count():
    s = subjects_of("Có 48/50 đơn thư đã được chuyển cơ quan có thẩm quyền xem xét bảo đảm đúng thời hạn (đạt 96%).")
    assert names(s["96%"], "tỷ lệ đơn thư đã được chuyển cơ quan có thẩm quyền xem xét")


def test_a_rate_label_set_off_by_a_colon_after_its_owner_names_the_owner():
    s = subjects_of("Năm 2025, tỉnh giao tự chủ cho 2 đơn vị: Trung tâm Y tế huyện A: tỷ lệ tự chủ chi thường xuyên 35%; "
                    "Bệnh viện B: tỷ lệ tự chủ chi thường xuyên 60%.")
    assert names(s["35%"], "tỷ lệ tự chủ chi thường xuyên Trung tâm Y tế huyện A", extra=0)
    assert names(s["60%"], "tỷ lệ tự chủ chi thường xuyên Bệnh viện B", extra=0)


def test_a_plan_labelled_in_parentheses_is_of_the_figure_before_it_not_a_part():
    s = subjects_of("- Sản lượng điện sản xuất đạt 1.250 triệu kWh (KH: 1.300 triệu kWh, chưa đạt).")
    assert s["1.300"] == s["1.250"] and "KH" not in s["1.300"]  # "KH" names the plan of the measure, no part of it
    s = subjects_of("Số người có mặt là 640 (cấp huyện: 210, cấp xã: 430).")
    assert s["210"] == "Số người có mặt cấp huyện"  # a part's label still names the part


def test_the_parts_of_an_amount_hang_from_the_amount_not_from_a_rate_after_it():
    s = subjects_of("Tổng chi ngân sách huyện đạt 820 tỷ đồng, bằng 45% dự toán tỉnh giao, 52% dự toán huyện giao; "
                    "trong đó: chi đầu tư phát triển 310 tỷ đồng; chi thường xuyên 510 tỷ đồng.")
    assert names(s["310"], "chi ngân sách chi đầu tư phát triển") and "dự toán" not in s["310"]  # not the 52%
    assert names(s["510"], "chi ngân sách chi thường xuyên") and "dự toán" not in s["510"]


def test_a_bare_part_of_a_count_is_counted_by_the_wholes_act_not_its_qualifiers():
    s = subjects_of("Năm 2025, tiếp nhận 64 giáo viên, trong đó có 19 giáo viên tiểu học và 30 nhân viên.")
    assert names(s["30"], "nhân viên tiếp nhận", extra=0)
    s = subjects_of("Đã thẩm định 25 dự án đầu tư công, trong đó có 10 công trình.")
    assert names(s["10"], "công trình thẩm định", extra=0)  # "đầu tư công" names the projects, not the works


def test_parts_in_the_sentence_after_a_total_carry_the_total():
    s = subjects_of("Tổng diện tích gieo trồng vụ Đông Xuân là 12.000 ha. Trong đó: diện tích lúa 8.000 ha; diện tích ngô "
                    "2.500 ha; rau màu các loại 1.500 ha.")
    for raw, part in (("8.000", "lúa"), ("2.500", "ngô"), ("1.500", "rau màu")):
        assert names(s[raw], f"diện tích gieo trồng vụ Đông Xuân {part}"), raw
    # the total is the amount of the sentence before, past the rates compared after it
    s = subjects_of("Tổng thu ngân sách nhà nước trên địa bàn huyện là 1.250 tỷ đồng, đạt 95% dự toán, tăng 10% so với "
                    "cùng kỳ. Trong đó, thu nội địa 1.100 tỷ đồng, thu từ hoạt động xuất nhập khẩu 150 tỷ đồng.")
    assert names(s["150"], "thu ngân sách nhà nước thu từ hoạt động xuất nhập khẩu")
    # a rate after "Trong đó" names its own whole; a sentence with no breakdown word is no part
    s = subjects_of("Tổng số hộ nghèo là 1.200 hộ. Trong đó, tỷ lệ hộ nghèo dân tộc thiểu số chiếm 35%.")
    assert "1.200" not in (s["35%"] or "") and "Tổng" not in (s["35%"] or "")
    s = subjects_of("Tổng số hộ nghèo là 1.200 hộ. Năm nay có 150 hộ thoát nghèo.")
    assert "Tổng" not in s["150"]


def test_a_part_of_a_total_names_the_totals_noun_without_the_total_word_and_its_time():
    s = subjects_of("Tổng nguồn vốn đầu tư giai đoạn 2026-2030 khoảng 900 tỷ đồng, trong đó vốn vay ưu đãi 300 tỷ đồng.")
    assert names(s["300"], "nguồn vốn đầu tư vay ưu đãi", extra=0)
    # the total word of a catalogued measure's name stays ("Tổng mức bán lẻ hàng hóa")
    s = subjects_of("Tổng mức bán lẻ hàng hóa năm 2025 đạt 5.000 tỷ đồng, trong đó kinh tế tư nhân 4.100 tỷ đồng.")
    assert names(s["4.100"], "tổng mức bán lẻ hàng hóa kinh tế tư nhân", extra=1)


def test_a_part_takes_its_total_without_the_remit_the_total_is_counted_in():
    # "thuộc phạm vi quản lý", "thuộc thẩm quyền giải quyết của ...": the remit bounds the whole; a part of a "trong
    # đó" list or a labelled part in parentheses is named by its own label inside it, the act that defines what is
    # counted stays, and the total keeps its remit
    s = subjects_of("Đến nay, tổng số hồ sơ thuộc thẩm quyền giải quyết của tỉnh đã được tiếp nhận là 5.200 hồ sơ "
                    "(trong đó, cấp tỉnh là 3.100 hồ sơ, cấp xã là 2.100 hồ sơ).")
    assert names(s["3.100"], "hồ sơ đã được tiếp nhận cấp tỉnh", extra=0)
    assert names(s["2.100"], "hồ sơ đã được tiếp nhận cấp xã", extra=0)
    assert names(s["5.200"], "hồ sơ thuộc thẩm quyền giải quyết của tỉnh đã được tiếp nhận", extra=1)
    s = subjects_of("Tổng số dịch vụ kỹ thuật y tế thuộc phạm vi quản lý đã được niêm yết giá là 420 dịch vụ, trong đó "
                    "tuyến tỉnh 300 dịch vụ, tuyến xã 120 dịch vụ.")
    assert names(s["300"], "dịch vụ kỹ thuật y tế đã được niêm yết giá tuyến tỉnh", extra=0)
    s = subjects_of("Số khoản chi thuộc trách nhiệm của ngân sách huyện đã được thanh toán là 86 khoản (cấp huyện: 50, "
                    "cấp xã: 36).")
    assert names(s["36"], "khoản chi đã được thanh toán cấp xã", extra=0)
    # an owner named by a body is no remit: it stays
    s = subjects_of("Tổng số trường học thuộc Sở Giáo dục và Đào tạo đã được kiểm định là 64 trường, trong đó trung học "
                    "phổ thông 40 trường.")
    assert "Sở Giáo dục" in (s["40"] or "")


def test_a_part_of_a_sum_that_names_its_own_act_is_that_kind_of_money():
    # an audit's sum is named by the act that found it; a part of its "Trong đó:" breakdown that names an act of its
    # own is that kind of money, not the finding plus the part ("vượt tiêu chuẩn" names the irregularity, no comparison)
    s = subjects_of("Kiểm toán phát hiện 24 hồ sơ thanh toán sai quy định với số tiền 215,8 triệu đồng. Trong đó: mua "
                    "sắm thiết bị vượt tiêu chuẩn 96,4 triệu đồng; thanh toán tiền thuê xe không có hợp đồng 119,4 triệu "
                    "đồng.")
    assert names(s["96,4"], "mua sắm thiết bị vượt tiêu chuẩn", extra=2)
    assert names(s["119,4"], "thanh toán tiền thuê xe không có hợp đồng", extra=2)
    assert "phát hiện" not in s["119,4"]
    # a part naming a source of the same money keeps the total's words
    s = subjects_of("Tổng số tiền đầu tư xây dựng trường học là 45 tỷ đồng, trong đó vốn ngân sách tỉnh 30 tỷ đồng.")
    assert "trường học" in s["30"]


def test_a_share_of_a_named_structure_is_the_parts_share_in_it():
    # the structure named as a label in a sentence after another figure, or after "trong" at the end
    s = subjects_of("Giá trị tăng thêm trên địa bàn ước đạt 4.250 tỷ đồng, tăng 7,8% so với năm trước. Cơ cấu lao động: "
                    "nông, lâm nghiệp chiếm 38,5%; công nghiệp chiếm 31,2%; dịch vụ chiếm 30,3%.")
    assert names(s["31,2%"], "cơ cấu lao động công nghiệp", extra=0)
    assert names(s["30,3%"], "cơ cấu lao động dịch vụ", extra=0)
    s = subjects_of("Năm 2026, dịch vụ chiếm 52,1%, công nghiệp chiếm 30,4% trong cơ cấu giá trị tăng thêm của huyện.")
    assert names(s["52,1%"], "cơ cấu giá trị tăng thêm dịch vụ", extra=0)
    assert names(s["30,4%"], "cơ cấu giá trị tăng thêm công nghiệp", extra=0)


def test_a_figure_alone_in_parentheses_after_a_comparison_base_is_the_compared_figures_value_there():
    s = subjects_of("Năm 2026, tỷ lệ che phủ rừng tăng lên 45,2%, tăng 0,4 điểm phần trăm so với năm trước, chưa đạt chỉ "
                    "tiêu kế hoạch (46%).")
    assert names(s["46%"], "tỷ lệ che phủ rừng", extra=0)
    s = subjects_of("Đến cuối năm 2026, toàn huyện có 64 hợp tác xã nông nghiệp đang hoạt động, tăng 6 hợp tác xã so với "
                    "năm 2025 (58 hợp tác xã).")
    assert names(s["58"], "hợp tác xã nông nghiệp đang hoạt động", extra=1)


def test_a_rate_over_the_plan_after_an_amount_restates_the_amount():
    # "vượt N% kế hoạch" compares the figure before with its plan, as "tăng N% so với ..." does
    s = subjects_of("Năm 2026, sản lượng thủy sản khai thác đạt 12.400 tấn, vượt 5,2% kế hoạch; giá trị xuất khẩu thủy "
                    "sản 86 triệu USD.")
    assert names(s["5,2%"], "sản lượng thủy sản khai thác", extra=0)


def test_a_total_raised_by_the_figure_before_counts_what_it_added():
    s = subjects_of("Trong năm, công nhận thêm 04 làng nghề truyền thống, nâng tổng số lên 27 làng nghề.")
    assert names(s["27"], "làng nghề truyền thống", extra=2)
    s = subjects_of("Năm 2026 có thêm 05 trường mầm non đạt chuẩn quốc gia, nâng tổng số trường đạt chuẩn lên 41 trường.")
    assert names(s["41"], "trường mầm non đạt chuẩn quốc gia", extra=1)


def test_labelled_amounts_in_parentheses_right_after_a_total_are_its_parts():
    # health and forestry, not the programme, poverty and budget texts that showed it
    s = subjects_of("Tổng kinh phí Đề án phát triển y tế cơ sở năm 2026 là 450 tỷ đồng (ngân sách trung ương 300 tỷ "
                    "đồng, ngân sách tỉnh 150 tỷ đồng).")
    assert names(s["300"], "kinh phí Đề án phát triển y tế cơ sở ngân sách trung ương", extra=0)
    assert names(s["150"], "kinh phí Đề án phát triển y tế cơ sở ngân sách tỉnh", extra=0)
    s = subjects_of("Diện tích rừng trồng mới năm 2026 đạt 5.200 ha (rừng phòng hộ 1.200 ha, rừng sản xuất 4.000 ha).")
    assert names(s["1.200"], "diện tích rừng trồng mới rừng phòng hộ", extra=0)
    # one amount, or a change, in the parenthesis is no list of parts
    s = subjects_of("Tổng kinh phí Đề án phát triển y tế cơ sở năm 2026 là 450 tỷ đồng (năm 2025: 400 tỷ đồng).")
    assert s["400"] == s["450"]
    s = subjects_of("Tổng kinh phí Đề án phát triển y tế cơ sở năm 2026 là 450 tỷ đồng (tăng 50 tỷ đồng, tăng 12 tỷ "
                    "đồng so với kế hoạch).")
    assert s["50"] == s["450"]
