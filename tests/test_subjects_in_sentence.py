"""The extent of a count's phrase inside its own sentence, second round (extract/figures/subjects.py
`_before_second_verb`, `_with_shared_verb`, `_container`, `_counted_noun`, `_agent_without_aspect`;
extract/language/subjects.py `drop_time_adverbials`; words in rules/extents.yaml clause_verbs, adjunct_prepositions,
time_adjuncts, distributives, per_times, containers, container_nouns, listing_words, agent_heads, agent_levels), on
invented sentences."""

from __future__ import annotations

from support import names, subjects_of, words


def test_a_coordinated_verb_after_the_counted_noun_opens_a_second_predicate():
    s = subjects_of("Các phòng đã đăng 45 tin bài trên cổng thông tin của huyện và lồng ghép nội dung tuyên truyền tại "
                    "các buổi sinh hoạt.")
    assert names(s["45"], "tin bài trên cổng thông tin của huyện đăng", extra=0)
    s = subjects_of("Huyện đã rà soát 320 hộ nghèo thuộc diện chính sách và chỉ đạo các xã lập danh sách hỗ trợ.")
    assert names(s["320"], "hộ nghèo thuộc diện chính sách rà soát", extra=0)


def test_a_coordinated_noun_after_the_counted_noun_stays():
    s = subjects_of("Đã tiếp nhận 120 hồ sơ của tổ chức và cá nhân.")
    assert names(s["120"], "hồ sơ của tổ chức và cá nhân tiếp nhận", extra=0)


def test_a_second_adjunct_after_a_coordinator_takes_the_verb_of_the_first_count():
    s = subjects_of("Sở đã gửi thông báo tuyển dụng qua thư điện tử cho 40 đơn vị và qua mạng xã hội cho 25 đơn vị.")
    assert names(s["25"], "đơn vị được gửi thông báo tuyển dụng qua mạng xã hội", extra=0)
    assert names(s["40"], "đơn vị được gửi thông báo tuyển dụng qua thư điện tử", extra=0)
    # a coordinated count with its own noun keeps naming itself
    s = subjects_of("Đã tiếp nhận 50 ý kiến thống nhất và 12 ý kiến góp ý.")
    assert names(s["12"], "ý kiến góp ý", extra=0)


def test_a_manner_adverb_after_the_verb_is_no_part_of_the_counted_phrase():
    s = subjects_of("Các đơn vị đã quán triệt sâu sắc 4 nội dung trọng tâm của Nghị quyết.")
    assert "sâu sắc" not in s["4"] and names(s["4"], "nội dung trọng tâm của Nghị quyết quán triệt", extra=2)
    s = subjects_of("Công an huyện đã bắt giữ thành công 05 đối tượng trộm cắp tài sản.")
    assert "thành công" not in s["05"] and names(s["05"], "đối tượng trộm cắp tài sản bắt giữ")
    # "kịp thời" also qualifies nouns and pairs with "đầy đủ": it stays
    s = subjects_of("Đã cập nhật đầy đủ, kịp thời 45 văn bản lên hệ thống.")
    assert "đầy đủ, kịp thời" in s["45"]


def test_a_predicate_syllable_inside_a_proper_name_keeps_the_agent():
    # "Song", "Tăng" are predicates as words, syllables of a place name here
    s = subjects_of("Đồn Biên phòng Đắk Song đã ra quyết định khởi tố 03 vụ án hình sự.")
    assert names(s["03"], "vụ án hình sự Đồn Biên phòng Đắk Song khởi tố")
    s = subjects_of("UBND xã Phước Tăng đã cấp 45 giấy chứng nhận.")
    assert names(s["45"], "giấy chứng nhận UBND xã Phước Tăng cấp", extra=0)
    # a predicate in lower case is still a clause before the verb: no agent
    s = subjects_of("Số hộ nghèo giảm mạnh, xã đã hỗ trợ 45 hộ.")
    assert "giảm" not in s["45"]


def test_a_second_predicate_after_a_coordinator_shares_the_agent_of_the_first():
    s = subjects_of("Công an huyện Bảo Lâm đã khởi tố 04 vụ án trộm cắp và chuyển 06 bị can cho Viện kiểm sát.")
    assert names(s["06"], "bị can chuyển cho Viện kiểm sát Công an huyện Bảo Lâm", extra=0)
    s = subjects_of("Sở Tư pháp đã tổ chức 5 lớp tập huấn và cấp 200 giấy chứng nhận cho học viên.")
    assert names(s["200"], "giấy chứng nhận cấp cho học viên Sở Tư pháp", extra=0)
    # a coordinated count names itself: no verb after the coordinator, no agent carried
    s = subjects_of("Sở Tư pháp đã tiếp nhận 50 ý kiến thống nhất và 12 ý kiến góp ý.")
    assert "Sở Tư pháp" not in s["12"] and names(s["12"], "ý kiến góp ý", extra=0)


def test_a_named_body_after_a_place_preposition_is_the_agent_of_the_relative_clause():
    s = subjects_of("Đoàn đã làm việc trực tiếp tại Trung tâm Y tế huyện đang quản lý 240 hồ sơ bệnh án điện tử.")
    assert names(s["240"], "hồ sơ bệnh án điện tử Trung tâm Y tế huyện quản lý", extra=0)
    # a place in lower case is no named body: no agent
    s = subjects_of("Đoàn đã làm việc trực tiếp tại các xã vùng sâu đang quản lý 90 hồ sơ.")
    assert "xã" not in s["90"]


def test_a_recipient_count_keeps_the_verb_of_a_long_phrase_from_its_head():
    s = subjects_of("Hội Nông dân tổ chức tập huấn về kỹ thuật chăm sóc cây ăn quả và phòng trừ sâu bệnh trong vùng "
                    "đồng bào dân tộc thiểu số và miền núi cho 320 hộ nông dân.")
    assert names(s["320"], "hộ nông dân được tập huấn", extra=0)
    # a short phrase stays whole, its adjunct too
    s = subjects_of("Đã cấp giấy chứng nhận qua cổng dịch vụ công cho 45 hộ gia đình.")
    assert names(s["45"], "hộ gia đình được cấp giấy chứng nhận qua cổng dịch vụ công", extra=0)


def test_the_comma_of_phong_chong_is_no_clause_break():
    s = subjects_of("Huyện đoàn tổ chức tuyên truyền phòng, chống tác hại của thuốc lá cho 800 học sinh.")
    assert names(s["800"], "học sinh được tuyên truyền phòng, chống tác hại của thuốc lá", extra=0)
    # another comma still ends a clause before the count
    s = subjects_of("Công tác phòng, chống dịch được chú trọng, trạm y tế đã tiêm 800 liều vắc xin.")
    assert "dịch" not in s["800"] and names(s["800"], "liều vắc xin tiêm", extra=3)


def test_the_comma_of_a_fixed_pair_of_verbs_is_no_clause_break():
    # extents.yaml comma_compounds (session 20, s20-Q): both verbs of "nâng cấp, mở rộng" act on the count after them
    s = subjects_of("Năm 2026, ngành giao thông sẽ nâng cấp, mở rộng 24 tuyến đường huyện.")
    assert {"nâng", "cấp", "mở", "rộng"} <= words(s["24"])
    s = subjects_of("Đội quản lý thị trường đã thanh tra, kiểm tra 58 cửa hàng xăng dầu.")
    assert {"thanh", "kiểm"} <= words(s["58"])


def test_a_short_aside_after_the_counted_noun_does_not_end_its_phrase():
    s = subjects_of("b) Phối hợp với Sở Tài chính rà soát, yêu cầu 100% các hợp tác xã (đang hoạt động) thực hiện kê "
                    "khai thuế điện tử.")
    assert names(s["100%"], "hợp tác xã đang hoạt động thực hiện kê khai thuế điện tử")
    s = subjects_of("Đã kiểm tra 45 cơ quan chuyên môn (CQCM) thuộc UBND tỉnh.")
    assert names(s["45"], "cơ quan chuyên môn CQCM thuộc UBND tỉnh kiểm tra", extra=0)
    # an aside with a number of its own, or one the phrase does not go on after, still ends it
    s = subjects_of("Đã kiểm tra 45 cơ quan chuyên môn (tăng 5 cơ quan) thuộc UBND tỉnh.")
    assert "thuộc" not in s["45"]
    s = subjects_of("Đã kiểm tra 45 cơ quan chuyên môn (CQCM), 12 xã.")
    assert names(s["45"], "cơ quan chuyên môn kiểm tra", extra=1)


def test_the_equivalent_of_a_title_qualifies_the_noun_before():
    s = subjects_of("Có 06 người đang giữ các chức vụ tương đương Trưởng phòng, Phó Trưởng phòng.")
    assert names(s["06"], "người đang giữ các chức vụ tương đương Trưởng phòng, Phó Trưởng phòng", extra=0)
    # before a number it is still the predicate of an equivalence
    s = subjects_of("Toàn huyện có 12 xã, tương đương 30%.")
    assert "tương đương" not in s["12"]


def test_a_frequency_adverbial_is_no_part_of_a_subject():
    s = subjects_of("Định kỳ tổ chức mỗi quý 03 buổi đối thoại với doanh nghiệp.")
    assert "định kỳ" not in s["03"].casefold() and "mỗi" not in s["03"]
    assert names(s["03"], "buổi đối thoại với doanh nghiệp", extra=2)
    s = subjects_of("Hằng năm có ít nhất 02 đoàn kiểm tra công vụ tại các xã.")
    assert not s["02"].casefold().startswith("hằng năm") and names(s["02"], "đoàn kiểm tra công vụ", extra=3)
    # after a noun it qualifies the noun: it stays
    s = subjects_of("Sở đã nhận 14 báo cáo định kỳ hằng tháng của các huyện.")
    assert "báo cáo định kỳ hằng tháng" in s["14"]


def test_a_rate_per_time_counts_its_noun_without_the_time():
    s = subjects_of("Đài huyện phát sóng mỗi tháng 05 chuyên mục về an toàn giao thông.")
    assert "/tháng" not in s["05"] and names(s["05"], "chuyên mục về an toàn giao thông phát sóng", extra=2)


def test_a_time_adjunct_after_the_counted_noun_ends_its_phrase():
    s = subjects_of("Nhà văn hóa tổ chức 04 buổi sinh hoạt câu lạc bộ vào lúc 19 giờ tối thứ Bảy.")
    assert "giờ" not in s["04"] and names(s["04"], "buổi sinh hoạt câu lạc bộ", extra=2)


def test_parts_after_a_containment_verb_name_the_whole():
    s = subjects_of("Trung tâm văn hóa xây dựng và phát sóng chương trình Nông thôn mới năm 2026, gồm 12 số phát sóng sau:")
    assert names(s["12"], "số phát sóng chương trình Nông thôn mới", extra=1)
    assert "sau" not in s["12"].split()
    s = subjects_of("Ban tổ chức tiến hành hội thi tìm hiểu pháp luật cấp huyện, bao gồm 6 vòng thi.")
    assert names(s["6"], "vòng thi hội thi tìm hiểu pháp luật cấp huyện", extra=1)


def test_a_named_body_right_before_its_verb_is_the_agent_without_an_aspect_marker():
    s = subjects_of("Trong tháng, Công an huyện tiếp nhận 85 đơn thư khiếu nại của công dân.")
    assert names(s["85"], "đơn thư khiếu nại của công dân Công an huyện tiếp nhận", extra=0)
    s = subjects_of("Bình quân mỗi quý, các lực lượng Kiểm lâm tỉnh Gia Lai (KLGL) phát hiện, xử lý 42 vụ vi phạm.")
    assert names(s["42"], "vụ vi phạm lực lượng Kiểm lâm tỉnh Gia Lai phát hiện, xử lý", extra=0)
    s = subjects_of("Năm 2024, lực lượng QLTT kiểm tra 310 cơ sở kinh doanh.")
    assert names(s["310"], "cơ sở kinh doanh lực lượng QLTT kiểm tra", extra=0)


def test_a_body_name_cut_short_or_a_plain_noun_is_no_agent():
    # "Sở Tài chính": the name runs on in lowercase, so where it ends is unknown: no agent is taken
    s = subjects_of("Sở Tài chính thẩm định 12 dự án đầu tư công.")
    assert "Sở Tài" not in s["12"] or "Sở Tài chính" in s["12"]
    # a body head noun with no name is the verb's topic, not a named agent
    s = subjects_of("Cơ quan chuyên môn rà soát 14 thủ tục hành chính.")
    assert not s["14"].endswith("Cơ quan chuyên môn")


def test_a_count_borrowing_the_first_counts_subject_leaves_its_bare_agent_out():
    s = subjects_of("Trong năm, lực lượng Kiểm lâm tỉnh phát hiện 420 vụ vi phạm, 510 đối tượng, trong đó: "
                    "xử lý hình sự 35 vụ.")
    assert names(s["420"], "vụ vi phạm lực lượng Kiểm lâm tỉnh phát hiện", extra=0)
    assert "Kiểm lâm" not in s["510"] and "đối tượng" in s["510"]
    assert "Kiểm lâm" not in s["35"] and "xử lý hình sự" in s["35"]
