"""Subjects of counts in monthly progress reports (extract/figures/subjects.py, label_lines.py): bounds after the
counted noun, clauses that end a noun list, topic labels and the wholes of ratios under an act; invented
sentences of the shapes those reports use."""

from __future__ import annotations

from support import names, subjects_of, words


def test_an_age_bound_after_the_counted_noun_is_part_of_its_phrase():
    s = subjects_of("Trạm y tế đã tiêm vắc xin cho 1.450 trẻ em dưới 5 tuổi tại các thôn vùng cao.")
    assert names(s["1.450"], "tiêm vắc xin trẻ em dưới 5 tuổi tại các thôn vùng cao Trạm y tế", extra=0)
    s = subjects_of("Đã cấp thẻ bảo hiểm y tế miễn phí cho 100% người từ đủ 80 tuổi trở lên.")
    # a share of the verb's oblique ("cho 100% ...") takes the verb phrase too, as the real gold names it (40, 43:
    # "công dân từ đủ 14 tuổi trở lên được thu nhận hồ sơ cấp thẻ căn cước ...")
    assert names(s["100%"], "người từ đủ 80 tuổi trở lên được cấp thẻ bảo hiểm y tế miễn phí", extra=0)


def test_a_share_after_an_age_bound_restates_the_count_not_the_age():
    s = subjects_of("Toàn huyện đã tiêm mũi nhắc lại: 3.200/3.500 người từ đủ 60 tuổi, đạt tỷ lệ 91,4%.")
    assert "60 tuổi" in s["91,4%"] and "người" in words(s["91,4%"])
    assert words(s["91,4%"]) >= {"tỷ", "lệ", "người", "60", "tuổi"}


def test_a_comma_part_opening_with_a_clause_opener_ends_the_noun_list():
    s = subjects_of("Đã hoàn thành 8 đề tài, đang thực hiện 03 đề tài, tiếp tục khảo sát, đánh giá là 02 đề tài.")
    assert not words(s["03"]) & {"tiếp", "tục", "khảo", "sát"}
    assert names(s["03"], "đề tài", extra=0)


def test_the_whole_of_a_ratio_under_an_act_label_counts_all_there_are():
    s = subjects_of("Đến nay, toàn huyện đã đăng ký hộ kinh doanh điện tử: 1.120/1.600 hộ kinh doanh cá thể, "
                    "đạt tỷ lệ 70%.")
    assert names(s["1.120"], "hộ kinh doanh cá thể đăng ký hộ kinh doanh điện tử")
    whole = next(v for k, v in s.items() if k.endswith("1.600"))
    assert words(whole) == words("hộ kinh doanh cá thể")
    assert names(s["70%"], "tỷ lệ hộ kinh doanh cá thể đăng ký hộ kinh doanh điện tử")


def test_the_reports_territory_in_a_label_names_nothing():
    s = subjects_of("Tính đến nay, trên địa bàn toàn tỉnh Hòa Bình đã cấp giấy phép: 45 cơ sở lưu trú.")
    assert not words(s["45"]) & {"địa", "bàn", "hòa", "bình"}
    assert names(s["45"], "cơ sở lưu trú cấp giấy phép")


def test_a_topic_label_qualifies_a_subject_that_shares_only_its_head():
    s = subjects_of("- Đối với 15 thủ tục thiết yếu của ngành tư pháp: đã tiếp nhận hồ sơ trên cổng thủ tục trực "
                    "tuyến 8.400/9.100 hồ sơ.")
    assert names(s["8.400"], "hồ sơ thủ tục thiết yếu của ngành tư pháp tiếp nhận trên cổng thủ tục trực tuyến")
    s = subjects_of("- Đối với dịch vụ liên thông khai sinh: đã tiếp nhận 600 hồ sơ đăng ký khai sinh.")
    assert "liên thông" not in s["600"]  # a subject that names part of the topic chose its own words


def test_a_colon_label_gives_its_owner_to_the_noun_the_clause_after_it_counts():
    # "<label naming N của X>: tổng số N ... là V": the label says whose the N are once, the clause counts them
    s = subjects_of("Kết quả tiếp nhận ý kiến của cử tri: tổng số ý kiến đã được trả lời là 45.")
    assert names(s["45"], "ý kiến đã được trả lời của cử tri")
    s = subjects_of("Tình hình tiếp nhận phản ánh của người bệnh: số phản ánh đã giải quyết là 37.")
    assert names(s["37"], "phản ánh của người bệnh đã giải quyết", extra=0)
    s = subjects_of("Công tác xử lý kiến nghị, đề xuất của hộ kinh doanh: tổng số kiến nghị về thuế, phí là 28.")
    assert names(s["28"], "kiến nghị về thuế, phí của hộ kinh doanh")
    # the clause counts another noun than the label's: no owner carried over
    s = subjects_of("Tình hình giải quyết đơn thư của công dân: số cuộc tiếp dân là 12.")
    assert "công dân" not in s["12"]


def test_a_count_opening_a_semicolon_part_shares_the_verb_of_the_count_before():
    s = subjects_of("Toàn huyện đã cấp 12.400 giấy phép lái xe, giấy đăng ký xe (trong đó, 3.100 giấy phép đổi mới); "
                    "8.650 biển số xe máy.")
    assert names(s["8.650"], "cấp biển số xe máy", extra=0)
    s = subjects_of("Kết quả: 12.400 giấy phép lái xe; 8.650 biển số xe máy đã được đăng ký lại.")
    assert "cấp" not in words(s["8.650"])  # no verb before the count of the part before: nothing to share


def test_a_semicolon_part_with_a_place_label_of_its_own_names_its_figures():
    s = subjects_of("Hà Tây (cũ): hoàn thành đo đạc bản đồ địa chính tại 18/30 xã, thị trấn; Hà Nội (cũ): hoàn thành "
                    "đo đạc bản đồ địa chính tại 25/25 phường.")
    assert names(s["18"], "xã, thị trấn hoàn thành đo đạc bản đồ địa chính Hà Tây (cũ)", extra=0)
    twenty_five = [v for k, v in s.items() if k.lstrip("/") == "25"]
    assert twenty_five and all("Hà Nội" in v and "Hà Tây" not in v for v in twenty_five)


def test_a_rate_in_parentheses_named_by_the_verb_before_takes_the_verbs_object():
    s = subjects_of("Các trường đã kết nối dữ liệu học bạ, sổ điểm điện tử (tỷ lệ kết nối đạt 96%).")
    assert names(s["96%"], "tỷ lệ kết nối dữ liệu học bạ, sổ điểm điện tử", extra=0)
    s = subjects_of("Tỷ lệ hồ sơ đúng hạn đạt 97% (tỷ lệ trễ hạn 3%).")
    assert "đúng" not in words(s["3%"])  # no verb of that name before: the rate keeps its own words


def test_a_rate_after_a_part_and_its_whole_restates_the_part():
    s = subjects_of("Phòng Tư pháp đã giải quyết 1.180 hồ sơ chứng thực điện tử trên tổng số 1.250 hồ sơ tiếp nhận, "
                    "đạt tỷ lệ 94,4%.")
    assert names(s["94,4%"], "tỷ lệ hồ sơ chứng thực điện tử giải quyết")
    assert "1.250" not in s["94,4%"] and "tiếp" not in words(s["94,4%"])
    s = subjects_of("Toàn huyện có 1.250 hồ sơ tiếp nhận, đã giải quyết 1.180 hồ sơ, đạt tỷ lệ 94,4%.")
    assert "giải" in words(s["94,4%"])  # no whole cue between: the rate restates the count right before it


def test_a_rate_opening_the_clause_after_a_label_takes_the_noun_phrase_after_it():
    # the label names a catalogued indicator, whose name the rate's own phrase must not replace
    s = subjects_of("c) Việc thanh toán không dùng tiền mặt: 100% khoản phí trước bạ được nộp qua ngân hàng; học "
                    "phí không dùng tiền mặt đạt 60%.")
    assert names(s["100%"], "khoản phí trước bạ nộp qua ngân hàng thanh toán không dùng tiền mặt")
    s = subjects_of("- Tỷ lệ giải ngân vốn đầu tư công: 45%, tăng 6% so với cùng kỳ.")
    assert "tăng" not in words(s["45%"])  # a predicate after the rate names nothing: the label alone


def test_a_rate_reached_over_a_noun_phrase_names_both_the_act_and_that_noun():
    s = subjects_of("Kết nối camera giám sát giao thông vào trung tâm điều hành đảm bảo đạt tối thiểu 80% nút giao "
                    "trọng điểm của huyện.")
    assert names(s["80%"], "kết nối camera giám sát giao thông vào trung tâm điều hành nút giao trọng điểm huyện")
    s = subjects_of("Tỷ lệ giải ngân vốn đầu tư công đạt 82% kế hoạch năm.")
    assert "hoạch" not in words(s["82%"])  # a plan after the rate is what it is measured against, not its noun


def test_the_whole_after_a_whole_cue_takes_the_agent_of_its_part():
    # "X tiếp nhận a hồ sơ ... trên tổng số b hồ sơ": the b are X's too (40, 43: "Công an tỉnh trực tiếp tiếp nhận")
    s = subjects_of("Bộ phận một cửa huyện đã tiếp nhận 4.210 hồ sơ đất đai trên tổng số 4.500 hồ sơ đăng ký qua "
                    "bưu điện.")
    assert names(s["4.500"], "hồ sơ đăng ký qua bưu điện Bộ phận một cửa huyện")
    s = subjects_of("Đã tiếp nhận 4.210 hồ sơ đất đai trên tổng số 4.500 hồ sơ đăng ký qua bưu điện.")
    assert "huyện" not in words(s["4.500"])  # no agent, none to take


def test_a_rate_whose_clause_names_no_rate_takes_the_rate_named_in_the_comma_part_before():
    # "nâng cao tỷ lệ X, phấn đấu đạt N% Y" (40, 43: "nâng cao tỷ lệ phủ sóng mạng 5G, phấn đấu đạt 50% ...")
    s = subjects_of("Huyện sẽ tiếp tục nâng cao tỷ lệ che phủ rừng, phấn đấu đạt 45% diện tích tự nhiên của huyện, "
                    "góp phần cải thiện môi trường.")
    assert names(s["45%"], "tỷ lệ che phủ rừng diện tích tự nhiên của huyện", extra=0)
    s = subjects_of("Huyện sẽ tiếp tục trồng mới rừng đầu nguồn, phấn đấu đạt 45% diện tích tự nhiên của huyện.")
    assert "lệ" not in words(s["45%"])  # no rate named before: the noun phrase after it alone


def test_the_whole_of_a_ratio_is_the_total_its_rate_is_taken_of():
    # "a/b hồ sơ (đạt tỷ lệ x% trên tổng số hồ sơ tiếp nhận)": b is that total (40, 43 gold: "tổng số hồ sơ tiếp nhận")
    s = subjects_of("Phòng Tư pháp đã giải quyết đúng hạn 312/340 hồ sơ (đạt tỷ lệ 91,8% trên tổng số hồ sơ tiếp "
                    "nhận).")
    assert names(s["340"], "tổng số hồ sơ tiếp nhận")
    s = subjects_of("Phòng Tư pháp đã giải quyết đúng hạn 312/340 hồ sơ, đạt tỷ lệ 91,8%.")
    assert "tổng" not in words(s["340"])


def test_a_comparison_after_a_copula_s_number_is_no_part_of_its_subject():
    s = subjects_of("Tổng số giáo viên đang giảng dạy là 1.250 cao hơn số định mức được Bộ giao là 1.100.")
    assert names(s["1.250"], "giáo viên đang giảng dạy")
    assert not words(s["1.250"]) & {"định", "mức", "bộ", "giao"}


def test_a_part_written_out_of_its_whole_shares_the_words_after_the_whole():
    s = subjects_of("Kết quả rà soát cho thấy có 12 trong tổng số 40 hợp tác xã có sản phẩm xuất khẩu, đạt 30%.")
    assert names(s["12"], "hợp tác xã có sản phẩm xuất khẩu", extra=0)  # "Kết quả rà soát cho thấy" reports it
    assert names(s["30%"], "tỷ lệ hợp tác xã có sản phẩm xuất khẩu", extra=0)


def test_a_share_of_a_counted_set_names_the_set_and_the_verb_without_its_agent():
    s = subjects_of("Thanh tra huyện đã thực hiện thanh tra công tác tài chính đạt 45% số trường học "
                    "(18/40 trường).")
    assert names(s["45%"], "thanh tra công tác tài chính trường học", extra=0)
    assert names(s["18"], "thanh tra công tác tài chính trường học", extra=0)


def test_coordinated_ratios_share_the_predicate_written_after_the_last():
    got = {(f.value, f.kind): f.subject for f in _figures(
        "Có 35/35 trạm y tế xã và 4/4 bệnh viện huyện được kết nối liên thông dữ liệu khám chữa bệnh.")}
    assert names(got[(35, "ratio_part")], "trạm y tế xã được kết nối liên thông dữ liệu khám chữa bệnh", extra=0)
    assert names(got[(4, "ratio_part")], "bệnh viện huyện được kết nối liên thông dữ liệu khám chữa bệnh",
                 extra=0)
    assert names(got[(35, "ratio_whole")], "trạm y tế xã", extra=0)


def test_the_names_listed_after_a_counted_noun_are_part_of_its_subject():
    s = subjects_of("Năm 2025, 04 huyện Đức Trọng, Lâm Hà, Đơn Dương và Di Linh đã hoàn thành chỉ tiêu giảm nghèo.")
    assert names(s["04"], "huyện Đức Trọng, Lâm Hà, Đơn Dương và Di Linh")


def _figures(text: str):
    from datetime import date

    from extract.figures import extract_figures
    from extract.model import Block, Document, Metadata, Period

    meta = Metadata(period=Period(date(2025, 1, 1), date(2025, 12, 31), "năm 2025"))
    return extract_figures(Document("t", "docx", "", (Block("paragraph", text, "p1"),)), meta)[0]


def test_a_count_word_before_the_existential_verb_names_the_count_as_a_copula_does():
    s = subjects_of("Số người lao động trên địa bàn tỉnh chưa có việc làm ổn định hiện nay có 4.500 người.")
    # the whole noun phrase before "có", not its last ten words ("địa bàn tỉnh chưa có việc làm ...")
    assert names(s["4.500"], "người lao động chưa có việc làm ổn định", extra=1)  # "hiện nay"


def test_a_comma_part_opened_by_a_quantifier_of_a_whole_is_no_item_of_the_noun_list():
    s = subjects_of("Huyện đã cấp giấy phép cho 120 hộ kinh doanh, hầu hết các hộ ở thị trấn, chợ đều đã nộp thuế.")
    assert names(s["120"], "cấp giấy phép hộ kinh doanh", extra=0)  # not "... hầu hết các hộ còn lại"


def test_a_negated_second_predicate_after_nhung_names_the_group_counted():
    s = subjects_of("Có 05 học viên đã hoàn thành chương trình nhưng chưa nhận chứng chỉ.")
    assert names(s["05"], "học viên đã hoàn thành chương trình nhưng chưa nhận chứng chỉ", extra=0)


def test_the_writer_of_the_document_as_agent_is_no_part_of_a_subject():
    from datetime import date

    from extract.figures import extract_figures
    from extract.figures.subjects import without_writer
    from extract.model import Block, Document, Metadata, Period

    text = "Sở Tài chính đã thẩm định 42 hồ sơ dự án đầu tư công."
    doc = Document(path="t", format="docx", sha256="", blocks=(Block("paragraph", text, "p1"),))
    subjects = {}
    for issuer in ("SỞ TÀI CHÍNH", "SỞ XÂY DỰNG"):
        meta = Metadata(issuer=issuer, period=Period(date(2025, 1, 1), date(2025, 12, 31), "năm 2025"))
        subjects[issuer] = extract_figures(doc, meta)[0][0].subject
    assert "Tài chính" not in subjects["SỞ TÀI CHÍNH"] and names(subjects["SỞ TÀI CHÍNH"], "thẩm định hồ sơ dự án")
    assert "Tài chính" in subjects["SỞ XÂY DỰNG"]  # another body's act: its agent stays
    for linked in ("tỷ lệ hồ sơ của Sở Tài chính", "hồ sơ do Sở Tài chính", "hồ sơ của Sở Xây dựng và Sở Tài chính"):
        assert without_writer(linked, "Sở Tài chính") == linked  # an owner, a source, a co-agent: not the agent


def test_a_count_after_with_naming_the_act_of_its_clause_counts_its_means():
    s = subjects_of("Sở Y tế tổ chức khảo sát mức độ hài lòng của người bệnh tại 15 bệnh viện với tổng số 3.000 phiếu "
                    "khảo sát.")
    assert names(s["3.000"], "phiếu khảo sát mức độ hài lòng của người bệnh", extra=0)
    s = subjects_of("Năm 2025, Sở Giáo dục và Đào tạo tổ chức kiểm tra chuyên đề về an toàn trường học với 12 đoàn kiểm "
                    "tra.")
    assert names(s["12"], "đoàn kiểm tra chuyên đề về an toàn trường học", extra=0)
    # the time and the place of the act are not what it was done on
    s = subjects_of("Trung tâm Y tế huyện tổ chức khám sàng lọc bệnh đái tháo đường trong quý III tại 20 xã với 4.500 "
                    "lượt khám sàng lọc.")
    assert "quý" not in s["4.500"] and "đái tháo đường" in s["4.500"]


def test_a_conclusion_connective_or_a_basis_opening_the_sentence_is_no_part_of_a_subject():
    # "Như vậy, ...", "Vì vậy, ...": a connective; "Căn cứ X, ...", "Trên cơ sở X, ...": what the act went by
    s = subjects_of("Căn cứ kết quả chấm điểm, các trạm y tế được xếp thành 03 nhóm.")
    assert names(s["03"], "trạm y tế được xếp thành nhóm", extra=0)
    s = subjects_of("Trên cơ sở kết quả rà soát, các trường đã bổ sung 45 giáo viên.")
    assert not words(s["45"]) & {"rà", "soát", "kết", "quả"}
    s = subjects_of("Như vậy, năm 2026 các huyện hoàn thành 02/03 chỉ tiêu giảm nghèo.")
    assert "như" not in words(s["02"]) and "vậy" not in words(s["02"])


def test_a_bound_written_after_the_number_names_nothing_it_measures():
    # "từ 95% trở lên": the bound's words belong to the number, before and after it; the rate's phrase is the
    # clause's, as without the bound
    s = subjects_of("Tỷ lệ trẻ em được tiêm chủng đầy đủ các loại vắc xin đạt từ 95% trở lên.")
    assert names(s["95%"], "tỷ lệ trẻ em được tiêm chủng đầy đủ các loại vắc xin", extra=0)
    s = subjects_of("Phấn đấu tỷ lệ giáo viên đạt chuẩn trình độ đào tạo từ 98% trở lên.")
    assert names(s["98%"], "tỷ lệ giáo viên đạt chuẩn trình độ đào tạo", extra=0)
    s = subjects_of("Tỷ lệ xã đạt chuẩn quốc gia về y tế đạt 90% trở lên.")
    assert names(s["90%"], "tỷ lệ xã đạt chuẩn quốc gia về y tế", extra=0)
    s = subjects_of("Diện tích lúa chất lượng cao đạt từ 12.000 ha trở lên.")
    assert names(s["12.000"], "diện tích lúa chất lượng cao", extra=0)
    s = subjects_of("Xây dựng 20 trạm bơm điện, công suất mỗi trạm từ 500 m3/giờ trở lên.")
    assert names(s["500"], "công suất mỗi trạm", extra=0)


def test_a_score_in_parentheses_after_a_criterion_s_number_is_that_criterion_s():
    # "Tiêu chí 2.3 (tối đa 5 điểm) về X ...": the maximum of criterion X, named by its topic up to the predicate
    s = subjects_of("Riêng Tiêu chí 3.2 (tối đa 4 điểm) về hồ sơ sức khỏe điện tử của người dân chỉ đạt 1,5 điểm.")
    assert names(s["4"], "điểm tiêu chí hồ sơ sức khỏe điện tử của người dân", extra=0)
    s = subjects_of("Chỉ tiêu 4 (tối đa 10 điểm) về học sinh được học hai buổi/ngày, trường A đạt 6 điểm.")
    assert names(s["10"], "điểm chỉ tiêu học sinh được học hai buổi/ngày", extra=0)
    s = subjects_of("Tiêu chí 1.1 (10 điểm) về thu ngân sách xã đạt 100% dự toán được giao.")
    assert names(s["10"], "điểm tiêu chí thu ngân sách xã", extra=0)
    # a parenthesis that says more than the score is an aside of its own
    s = subjects_of("Tiêu chí 5 (tăng 2 điểm so với năm trước) về đào tạo nghề đạt 8 điểm.")
    assert not names(s["2"], "điểm tiêu chí đào tạo nghề", extra=0)


def test_a_bound_in_parentheses_after_a_grade_is_that_grade_s_band():
    # "nhóm Tốt (đạt từ 85 điểm trở lên)": the band of the measure the grades are made by, for that grade
    s = subjects_of("Căn cứ tổng điểm, các trường mầm non được xếp thành 03 nhóm: nhóm Tốt (đạt từ 90 điểm trở lên), "
                    "nhóm Đạt (từ 70 điểm đến dưới 89 điểm) và nhóm Chưa đạt (dưới 69 điểm).")
    assert names(s["90"], "tổng điểm nhóm Tốt", extra=0)
    assert names(s["70"], "tổng điểm nhóm Đạt", extra=0) and names(s["89"], "tổng điểm nhóm Đạt", extra=0)
    assert names(s["69"], "tổng điểm nhóm Chưa đạt", extra=0)
    s = subjects_of("Các trạm y tế xã được xếp loại theo kết quả chấm điểm: loại A (từ 85 điểm trở lên), loại B "
                    "(từ 65 điểm đến dưới 84 điểm).")
    assert names(s["85"], "điểm loại A", extra=1) and names(s["84"], "điểm loại B", extra=1)
    # a money band names no score of a grade
    s = subjects_of("Các hộ được chia thành 2 nhóm: nhóm thu nhập thấp (dưới 3 triệu đồng), nhóm khác.")
    assert "nhóm thu nhập thấp" not in (s["3"] or "")


def test_a_band_before_its_grade_and_a_colon_is_that_grade_s_band():
    # session 17, helper s17-K: "Xếp loại: từ 90 điểm trở lên: Xuất sắc; ...": the band written before the grade's name
    s = subjects_of("Xếp loại: từ 85 điểm trở lên: Hoàn thành tốt; từ 60 điểm đến dưới 84 điểm: Hoàn thành; "
                    "dưới 59 điểm: Chưa hoàn thành.")
    assert names(s["85"], "điểm xếp loại Hoàn thành tốt", extra=0)
    assert names(s["60"], "điểm xếp loại Hoàn thành", extra=0) and names(s["84"], "điểm xếp loại Hoàn thành", extra=0)
    assert names(s["59"], "điểm xếp loại Chưa hoàn thành", extra=0)


def test_a_running_total_names_when_not_what():
    # "lũy kế 10 tháng", "lũy kế từ đầu năm": the running total of what the clause before measures
    s = subjects_of("Phấn đấu số thu phí tháng 11 đạt 35 tỷ đồng; lũy kế 11 tháng đạt trên 320 tỷ đồng.")
    assert names(s["320"], "số thu phí", extra=0)
    s = subjects_of("Trong tháng, tiếp nhận 1.230 hồ sơ đăng ký khai sinh; lũy kế từ đầu năm 11.540 hồ sơ.")
    assert names(s["11.540"], "hồ sơ đăng ký khai sinh", extra=0)
    s = subjects_of("Số ca mắc sốt xuất huyết trong tháng là 86 ca, cộng dồn 9 tháng 742 ca.")
    assert "cộng" not in words(s["742"]) and names(s["742"], "ca mắc sốt xuất huyết", extra=0)


def test_a_rule_s_amount_per_head_after_a_payment_verb_is_the_level_of_that_payment():
    # "Hỗ trợ tiền ăn trưa 30.000 đồng/học sinh/ngày": the support level ("mức hỗ trợ tiền ăn trưa"), a norm
    s = subjects_of("Hỗ trợ tiền ăn trưa 30.000 đồng/học sinh/ngày học đối với học sinh bán trú.")
    assert names(s["30.000"], "mức hỗ trợ tiền ăn trưa")
    s = subjects_of("Hỗ trợ tiền thuê nhà 500.000 đồng/người/tháng.")
    assert names(s["500.000"], "mức hỗ trợ tiền thuê nhà", extra=0)
    # a level already named keeps its words
    s = subjects_of("Mức hỗ trợ mua đồ dùng học tập 200.000 đồng/học sinh/năm học.")
    assert names(s["200.000"], "mức hỗ trợ mua đồ dùng học tập", extra=0)


def test_a_bare_verb_before_an_amount_acts_on_the_subject_in_force():
    # "..., chi 412 tỷ đồng": the money spent on what the count before counted
    s = subjects_of("Trong tháng, có 8.420 lượt người bệnh điều trị nội trú tại các bệnh viện công lập; lũy kế 9 tháng "
                    "71.300 lượt, chi 412 tỷ đồng.")
    assert names(s["412"], "chi người bệnh điều trị nội trú")
    s = subjects_of("Đã tổ chức 12 lớp tập huấn kỹ thuật cho nông dân, chi 180 triệu đồng.")
    assert names(s["180"], "chi lớp tập huấn kỹ thuật cho nông dân", extra=0)
    # a predicate before the amount is no act on it
    s = subjects_of("Thu ngân sách tháng 10 ước đạt 620 tỷ đồng; tăng 45 tỷ đồng so với tháng trước.")
    assert "tăng" not in words(s["45"])


def test_a_multiple_a_norm_gives_by_a_payment_verb_is_the_level_of_that_payment():
    from extract.figures.subjects import support_level
    from extract.language.numbers import find_numbers

    (m,) = find_numbers("được hỗ trợ gấp 2 lần mức quy định")
    # the verb's passive marker goes with it; the words of the group stay ("thiểu số")
    assert support_level(m, "norm", "Học sinh dân tộc thiểu số được hỗ trợ") == "mức hỗ trợ Học sinh dân tộc thiểu số"
    assert support_level(m, "actual", "Học sinh dân tộc thiểu số được hỗ trợ") == "Học sinh dân tộc thiểu số được hỗ trợ"


def test_a_summing_opener_and_a_whole_year_adverbial_open_no_subject():
    # subjects.yaml openers: "Tính chung 6 tháng đầu năm," and "cả năm 2026" say over what time, not what
    s = subjects_of("Tính chung 6 tháng đầu năm, toàn huyện tiêm 42.300 liều vắc xin phòng bệnh dại cho đàn chó.")
    assert names(s["42.300"], "liều vắc xin phòng bệnh dại tiêm cho đàn chó", extra=0)
    s = subjects_of("Năm 2025 tổng thu ngân sách xã đạt 52 tỷ đồng; cả năm 2026 ước đạt 58 tỷ đồng.")
    assert names(s["58"], "tổng thu ngân sách xã", extra=0)


def test_a_count_of_visits_named_only_by_its_verb_counts_the_visitors_named_before():
    # a unit that counts any noun again ("lượt", "người") with only a verb before it names no one: the noun in force
    s = subjects_of("Năm 2025, các bảo tàng đón 320.000 lượt khách tham quan. Năm 2026 dự kiến đón 350.000 lượt.")
    assert names(s["350.000"], "lượt khách tham quan", extra=1)
    # a noun after the unit names whom ("người mắc"): no carried noun
    s = subjects_of("Năm 2025, trạm y tế khám cho 1.200 lượt khách vãng lai. Trong quý IV có 35 người mắc.")
    assert "khách" not in words(s["35"])


def test_a_bare_count_after_with_and_a_count_of_holders_counts_their_parts():
    # "N <holders> với M <noun>": the noun alone names no one; it counts the holders' parts
    s = subjects_of("Toàn huyện có 215 trang trại chăn nuôi với 8.400 chuồng; 48 hợp tác xã với 920 hộ.")
    assert names(s["8.400"], "chuồng của trang trại chăn nuôi", extra=0)
    assert names(s["920"], "hộ của hợp tác xã", extra=0)
    # an amount for a count is no holder of it
    s = subjects_of("Kinh phí dự kiến là 4.500 triệu đồng cho 12 lớp.")
    assert "của" not in (s["12"] or "").split()


def test_people_struck_by_the_events_counted_before_are_named_by_them():
    # extents.yaml affected_verbs: "N vụ X với M người mắc / chết" counts the people those events struck
    s = subjects_of("Năm 2025, toàn tỉnh xảy ra 05 vụ tai nạn lao động với 07 người chết.")
    assert names(s["07"], "người chết vụ tai nạn lao động", extra=3)


def test_a_class_threshold_after_a_counted_noun_stays_in_its_phrase():
    # "có từ N ... trở lên" after the noun says which of them are counted (rules/cues.yaml class_bound_before)
    s = subjects_of("Năm 2025 giảm 15% số hộ nghèo có từ 03 người phụ thuộc trở lên.")
    assert names(s["15%"], "hộ nghèo có từ 03 người phụ thuộc trở lên", extra=0)


def test_an_amount_named_by_the_act_of_disbursing_alone_is_the_capital_the_title_names():
    # amounts.yaml disbursement_acts: "giải ngân" alone names the capital disbursed, "vốn" and what the title names
    # after the act ("Tình hình giải ngân vốn ODA ..."), "vốn" alone under a title naming none
    s = subjects_of("Đến hết tháng 9, toàn huyện giải ngân 125,4 tỷ đồng, đạt 61,2% kế hoạch.",
                    title="Tình hình giải ngân vốn ODA quý III năm 2025")
    assert names(s["125,4"], "vốn ODA giải ngân", extra=0)
    assert names(s["61,2%"], "vốn ODA giải ngân", extra=0)
    s = subjects_of("Trong quý II đã giải ngân 42 tỷ đồng, bằng 38% kế hoạch vốn năm.")
    assert names(s["42"], "vốn giải ngân", extra=0)
    # an agent named before the act says who disbursed: unchanged
    s = subjects_of("Trong quý II, Trung tâm Y tế huyện giải ngân 42 tỷ đồng.", title="Báo cáo giải ngân vốn ODA năm 2025")
    assert "vốn" not in words(s["42"])


def test_a_lead_in_word_ending_a_compound_noun_stays_in_the_subject():
    # subjects.yaml phrase.lead_in_compounds: "chỉ" of "chứng chỉ", "địa chỉ" before "đạt" is no lead-in "chỉ đạt"
    s = subjects_of("Năm 2025, tỷ lệ lao động nông thôn được cấp chứng chỉ đạt 41,5%; số thuê bao được xác thực "
                    "địa chỉ đạt 96%.")
    assert names(s["41,5%"], "tỷ lệ lao động nông thôn được cấp chứng chỉ", extra=0)
    assert names(s["96%"], "thuê bao được xác thực địa chỉ", extra=1)
    # the first word of such a compound before another lead-in word makes no compound ("thành công với")
    s = subjects_of("Bệnh viện đã kết nối thành công với 27 chuyên gia tuyến trên.")
    assert "với" not in (s["27"] or "").split()


def test_a_day_opening_the_words_before_a_number_says_when_not_what():
    # subjects.yaml openers: "ngày 31/12/2025" left after "Phấn đấu đến", "Lúc 7h ngày ..." open no subject
    s = subjects_of("Phấn đấu đến ngày 31/12/2025 tiêm chủng đạt 98% kế hoạch.")
    assert "ngày" not in words(s["98%"])
    s = subjects_of("Lúc 7h ngày 15/10/2025 mực nước hồ Dầu Tiếng đạt đỉnh 24,3 m.")
    assert names(s["24,3"], "mực nước hồ Dầu Tiếng", extra=2)


def test_a_comma_part_naming_only_a_place_is_the_measure_before_at_that_place():
    # "M tại P1 đạt x%, P2 đạt y%": P2's figure is M at P2 (subjects.yaml phrase.place_prepositions)
    s = subjects_of("Tỷ lệ trẻ em được tiêm chủng đầy đủ tại vùng đồng bằng đạt 97%, vùng miền núi đạt 88%.")
    assert names(s["88%"], "tỷ lệ trẻ em được tiêm chủng đầy đủ vùng miền núi", extra=1)
    assert "đồng" not in words(s["88%"])
    # a figure before that names no place: the comma part keeps its own words
    s = subjects_of("Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 97%, vùng miền núi đạt 88%.")
    assert "lệ" not in words(s["88%"])


def test_the_verb_of_a_range_is_no_part_of_what_it_measures():
    # subjects.yaml phrase.lead_in "dao động": "X dao động từ A đến B" says X ranges, X alone is measured
    s = subjects_of("Độ mặn nước sông tại cửa Định An dao động từ 2,5 đến 8,4 phần nghìn.")
    assert "dao" not in words(s["2,5"])


def test_an_amount_named_by_an_act_that_moves_money_is_that_acts_money():
    # amounts.yaml money_acts: a fine, a recovery, an enforced judgment named by its act alone is "tiền" of that act
    s = subjects_of("Trong năm 2025, lực lượng quản lý thị trường xử phạt vi phạm hành chính 2.340 triệu đồng.")
    assert (s["2.340"] or "").split()[0] == "tiền" and names(s["2.340"], "tiền xử phạt vi phạm hành chính", extra=6)
    s = subjects_of("Qua thanh tra, kiến nghị thu hồi về ngân sách 4,5 tỷ đồng; trả lại cho doanh nghiệp 210 triệu đồng.")
    assert names(s["210"], "tiền trả lại cho doanh nghiệp", extra=0)
    # the money is named already: unchanged
    s = subjects_of("Năm 2025, số tiền phải thi hành là 86 tỷ đồng.")
    assert "tiền" in words(s["86"]) and (s["86"] or "").split()[0] != "tiền"


def test_an_amount_set_aside_by_an_act_alone_is_named_by_what_it_pays_for():
    # amounts.yaml allocation_acts (session 20, s20-Q): "bố trí"/"phân bổ" and nothing else before the amount names
    # no money; its source and purpose after it do, headed by "kinh phí"
    s = subjects_of("Đề nghị Sở Tài chính bố trí 4,2 tỷ đồng từ ngân sách tỉnh cho các trường học sửa chữa nhà vệ sinh.")
    assert (s["4,2"] or "").split()[:2] == ["kinh", "phí"]
    assert names(s["4,2"], "kinh phí sửa chữa nhà vệ sinh trường học từ ngân sách tỉnh", extra=2)
    s = subjects_of("Sở Y tế phân bổ 12 tỷ đồng cho các trạm y tế xã mua thiết bị.")
    assert names(s["12"], "kinh phí cho trạm y tế xã mua thiết bị", extra=0)
    # the money or the act's object is named already: unchanged
    s = subjects_of("Sở Y tế bố trí vốn 12 tỷ đồng cho các trạm y tế xã.")
    assert "kinh" not in words(s["12"])
    s = subjects_of("Năm 2025, tỉnh bố trí mua sắm thiết bị 3 tỷ đồng cho các trạm y tế xã.")
    assert "kinh" not in words(s["3"])


def test_a_classifier_alone_counts_the_full_noun_its_block_named():
    # subjects.yaml context classified_nouns (session 20, s20-Q): "căn" after "căn nhà" named before counts "căn nhà"
    s = subjects_of("Năm 2025, huyện hỗ trợ sửa chữa 240 căn nhà cho hộ nghèo, mức hỗ trợ 25 triệu đồng/căn sửa chữa. "
                    "Đến nay đã hoàn thành 198 căn sửa chữa.")
    assert "nhà" in words(s["25"]) and "nhà" in words(s["198"])
    # no full noun before: the classifier stays alone; "căn cứ" is no classifier
    s = subjects_of("Đến nay đã hoàn thành 198 căn sửa chữa, căn cứ kế hoạch của huyện.")
    assert "nhà" not in words(s["198"]) and "hộ" not in words(s["198"])


def test_a_colonless_trong_do_names_parts_only_in_its_own_semicolon_part():
    # extents.yaml part_openers: "trong đó" with no colon opens parts up to the next semicolon; the item after it is
    # the enumeration's next, no part of the figure before "trong đó"
    s = subjects_of("Các chỉ tiêu chủ yếu năm 2026: GRDP tăng 7,5%; tổng kim ngạch xuất khẩu 3.200 triệu USD, trong đó "
                    "hàng nông sản 1.150 triệu USD; tổng mức bán lẻ hàng hóa khoảng 98.000 tỷ đồng; tỷ lệ lao động qua "
                    "đào tạo đạt 72%.")
    assert names(s["98.000"], "tổng mức bán lẻ hàng hóa", extra=4) and "khẩu" not in words(s["98.000"])
    assert names(s["72%"], "tỷ lệ lao động qua đào tạo", extra=4) and "khẩu" not in words(s["72%"])
    # "trong đó:" opens a list running across semicolons, and so does "trong đó" before every semicolon of its sentence
    s = subjects_of("Doanh thu dịch vụ lưu trú đạt 640 tỷ đồng, trong đó khách sạn 410 tỷ đồng; nhà nghỉ 230 tỷ đồng.")
    assert "thu" in words(s["230"])
    s = subjects_of("Tổng thu ngân sách 5.400 tỷ đồng, trong đó: thu thuế 3.100 tỷ đồng; thu phí, lệ phí 420 tỷ đồng.")
    assert "ngân" in words(s["420"])


def test_an_orders_verb_handing_the_act_to_an_office_and_its_deadline_name_no_subject():
    # extents.yaml instruction_leads, deadline_leads: "tham mưu", "đôn đốc" open an instruction; "hoàn thành trước
    # ngày D" says when the act is due
    s = subjects_of("Đôn đốc nhà thầu thảm nhựa 18 km đường huyện, hoàn thành trước ngày 30/6/2026.")
    assert names(s["18"], "thảm nhựa đường huyện", extra=2)
    assert "đôn" not in words(s["18"]) and "30/6/2026" not in (s["18"] or "")


def test_a_count_per_unit_names_its_counted_noun_without_the_per_unit():
    # session 20 (written for the enrolment plan of set T; a sentence of another sector): "mỗi lớp ... không quá 35
    # học viên" counts học viên for each class; the per-unit says for each what, the subject keeps the counted noun
    s = subjects_of("Mỗi lớp bồi dưỡng kỹ năng số không quá 35 học viên.")
    assert "/" not in s["35"] and names(s["35"], "lớp bồi dưỡng kỹ năng số học viên")


def test_a_count_of_targets_names_the_state_it_counts_them_in():
    # "có 13/17 chỉ tiêu chủ yếu đạt và vượt Nghị quyết, 04 chỉ tiêu chưa đạt" (s21-C, from a commune's resolution; the
    # same shape in the year-end and draft-resolution texts of set T): the targets counted are those in that state, the
    # ratio's whole all of them (an education sector's year here)
    s = subjects_of("Năm học 2025-2026, toàn ngành có 9/11 chỉ tiêu đạt và vượt kế hoạch, 02 chỉ tiêu chưa đạt.")
    assert names(s["9"], "chỉ tiêu đạt và vượt kế hoạch", extra=0) and names(s["02"], "chỉ tiêu chưa đạt", extra=0)
    assert "đạt" not in words(s["11"])
