"""Subjects of figures in a table's sentence cells that take words from outside their phrase (cell_topics.py):
the row's criterion label, a rate label before a colon, the name a parenthesised count follows. Invented tables."""

from __future__ import annotations

from datetime import date

from support import names

from extract.figures import extract_figures
from extract.figures.cell_topics import label_topic
from extract.model import Block, Cell, Document, Metadata, Period, Table

HEAD = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng"]


def _table(rows: list[list[str]]) -> Block:
    cells = tuple(tuple(Cell(r + 1, c + 1, t) for c, t in enumerate(row)) for r, row in enumerate(rows))
    return Block("table", " / ".join(" | ".join(row) for row in rows), "t1", table=Table(cells))


def _subjects(label: str, cell: str, head: list[str] = HEAD) -> dict[str, str]:
    row = ["1", label, *[""] * (len(head) - 3), cell] if len(head) > 3 else ["1", label, cell]
    meta = Metadata(period=Period(date(2024, 1, 1), date(2024, 12, 31), "năm 2024"))
    figs = extract_figures(Document("x.docx", "docx", "0", (_table([head, row]),)), meta)[0]
    # keyed by the number as written, a ratio's whole with its slash before: "06", "/06"
    return {("/" if f.kind == "ratio_whole" else "") + f.raw.split()[0]: f.subject or "" for f in figs}


def test_the_label_opener_is_left_out_of_the_topic():
    assert label_topic("1.2. Thực hiện chế độ báo cáo thống kê y tế") == "chế độ báo cáo thống kê y tế"
    assert label_topic("Mức độ thực hiện các chỉ tiêu, nhiệm vụ phát triển du lịch") == (
        "chỉ tiêu, nhiệm vụ phát triển du lịch")


def test_a_bare_counted_noun_takes_the_words_the_label_gives_it():
    got = _subjects("Thực hiện chế độ báo cáo thống kê y tế",
                    "Văn bản số 12/SYT ngày 05/01/2024 của Sở Y tế.\n(Đã gửi đủ 06/06 báo cáo)")
    assert names(got["06"], "báo cáo thống kê y tế")
    assert names(got["/06"], "báo cáo thống kê y tế")  # the whole counts the same reports


def test_a_bare_subject_takes_the_topic_of_a_label_without_its_noun():
    got = _subjects("Công tác tuyên truyền phòng chống dịch bệnh",
                    "Trong năm đã sản xuất và phát sóng 08 phóng sự.")
    assert names(got["08"], "phóng sự tuyên truyền phòng chống dịch bệnh")


def test_a_noun_the_sentence_qualifies_itself_keeps_its_own_words():
    got = _subjects("Thực hiện chế độ báo cáo thống kê y tế",
                    "Trong năm có 05 báo cáo quý gửi trễ hạn do lỗi phần mềm của đơn vị.")
    assert "thống kê" not in got["05"]


def test_a_comment_tables_row_names_who_comments_not_what():
    got = _subjects("UBND xã Hòa Bình", "Đề nghị giữ thời gian hỗ trợ tối đa 05 năm như dự thảo đã nêu.",
                    ["STT", "Cơ quan góp ý", "Nội dung góp ý"])
    assert "Hòa Bình" not in got["05"]


def test_a_rate_label_before_a_colon_names_the_ratio_after_it():
    got = _subjects("Kết nối mạng trường học",
                    "- Tỷ lệ các trường học đã kết nối internet cáp quang theo quy định: 40/42 (đạt 95,24%).")
    assert names(got["40"], "trường học đã kết nối internet cáp quang")
    assert names(got["/42"], "trường học")
    assert "kết nối" not in got["/42"]  # the whole is every school, connected or not
    assert names(got["95,24%"], "tỷ lệ trường học đã kết nối internet cáp quang")


def test_a_count_in_parentheses_after_a_name_counts_its_members():
    got = _subjects("Thực hiện kế hoạch phát triển nông nghiệp",
                    "Kế hoạch gồm các nhóm sau:\n(1) Phát triển vùng rau an toàn (04 dự án).\n"
                    "(2) Nâng cao giá trị cây cà phê (06 dự án).")
    assert names(got["04"], "dự án phát triển vùng rau an toàn")
    assert names(got["06"], "dự án nâng cao giá trị cây cà phê")


def test_a_numbered_rate_label_names_its_ratio_too():
    got = _subjects("Sắp xếp đội ngũ lãnh đạo",
                    "(2) Tỷ lệ các phòng chuyên môn đã kiện toàn lãnh đạo theo quy định: 21/24 (đạt 87,5%).")
    assert names(got["21"], "phòng chuyên môn đã kiện toàn lãnh đạo")
    assert names(got["/24"], "phòng chuyên môn") and "kiện toàn" not in got["/24"]


def test_a_counted_noun_before_its_predicate_is_still_bare():
    got = _subjects("Thực hiện chế độ báo cáo thống kê y tế",
                    "Văn bản số 15/SYT ngày 09/01/2024 của Sở Y tế.\n(11/12 báo cáo đáp ứng yêu cầu về thời hạn gửi)")
    assert names(got["11"], "báo cáo thống kê y tế đáp ứng yêu cầu về thời hạn gửi")
    assert names(got["/12"], "báo cáo thống kê y tế") and "thời hạn" not in got["/12"]


def test_a_generic_noun_stands_for_the_group_the_sentence_opens_with():
    got = _subjects("Kiểm định chất lượng giáo dục",
                    "+ Đối với các trường mầm non (100% đơn vị đạt chuẩn), gồm: 08/12 đơn vị đạt mức độ 2.")
    assert names(got["100%"], "trường mầm non đạt chuẩn")
    assert names(got["/12"], "trường mầm non")
    assert "đơn vị" not in got["08"]


def test_a_measure_of_a_verb_measures_the_object_the_verb_took_before():
    got = _subjects("UBND xã An Phú",
                    "Đề nghị bổ sung chính sách hỗ trợ tiền ăn trưa bằng 0,5 lần mức lương cơ sở/người/tháng. "
                    "Thời gian hỗ trợ tối đa 02 năm.", ["STT", "Cơ quan góp ý", "Nội dung góp ý"])
    assert names(got["02"], "thời gian hỗ trợ tiền ăn trưa")
    own = _subjects("UBND xã An Phú", "Đề nghị nâng mức hỗ trợ học phí; thời gian hỗ trợ đào tạo tối đa 04 năm.",
                    ["STT", "Cơ quan góp ý", "Nội dung góp ý"])
    assert "học phí" not in own["04"]  # "thời gian hỗ trợ đào tạo" names its own object


def test_the_whole_under_a_rate_label_leaves_out_what_the_part_has():
    got = _subjects("Bảo hiểm y tế",
                    "- Tỷ lệ hộ gia đình có thẻ bảo hiểm y tế: 1.820/2.000 hộ gia đình có thẻ bảo hiểm y tế (đạt 91%).")
    assert names(got["/2.000"], "hộ gia đình")
    assert "thẻ" not in got["/2.000"]  # every household, with a card or not


def test_a_count_with_a_demonstrative_counts_what_the_criterion_names():
    # "03 cơ sở trên": the establishments the row's criterion names, acted on by the verb right before the count;
    # the means ("ban hành Quyết định số ...") and the agent are no part of what is counted
    got = _subjects("Xử lý cơ sở khám chữa bệnh vi phạm quy định do thanh tra phát hiện",
                    "Sở Y tế đã ban hành Quyết định số 45/QĐ-SYT ngày 02/5/2025 đình chỉ 03 cơ sở trên, đạt 100%.")
    assert names(got["03"], "đình chỉ cơ sở khám chữa bệnh vi phạm quy định", extra=0)
    got = _subjects("Thu hồi giấy chứng nhận quyền sử dụng đất cấp sai",
                    "Trong năm, UBND huyện đã thu hồi 12 giấy chứng nhận này đúng thời hạn quy định.")
    assert names(got["12"], "thu hồi giấy chứng nhận quyền sử dụng đất cấp sai", extra=0)
    # the label's noun may be longer than the unit read after the number ("trường" of "trường học")
    got = _subjects("Sáp nhập các trường học có quy mô nhỏ theo quy hoạch",
                    "Năm học 2023-2024, tỉnh đã kịp thời sáp nhập 08 trường học nói trên để bảo đảm chất lượng.")
    assert names(got["08"], "sáp nhập trường học có quy mô nhỏ", extra=2)


def test_trên_before_a_place_is_a_preposition_not_a_demonstrative():
    got = _subjects("Cập nhật văn bản quy phạm pháp luật của tỉnh",
                    "Sở Tư pháp đã cập nhật 05 văn bản trên Cơ sở dữ liệu quốc gia về pháp luật.")
    assert "quy phạm" not in got["05"]


def test_the_whole_under_a_rate_criterion_counts_what_the_rate_is_taken_over():
    # the criterion "Tỷ lệ X <predicate>": the whole of the row's ratio is X, up to the last predicate opener (the
    # condition the part meets); "được giao" before it still names which tasks
    got = _subjects("Tỷ lệ hồ sơ đăng ký khai sinh do UBND cấp xã tiếp nhận được giải quyết đúng hạn",
                    "Báo cáo số 12/BC-STP ngày 05/01/2024 của Sở Tư pháp.\n(Cấp xã có 4.565/4.603 hồ sơ giải quyết đúng"
                    " hạn, đạt tỷ lệ 99,17%).")
    assert names(got["/4.603"], "hồ sơ đăng ký khai sinh do UBND cấp xã tiếp nhận", extra=0)
    got = _subjects("Tỷ lệ nhiệm vụ được giao hoàn thành đúng hạn",
                    "Báo cáo số 20/BC-SNN ngày 05/01/2024.\n(Sở đã hoàn thành 45/48 nhiệm vụ, đạt 93,7%).")
    assert names(got["/48"], "nhiệm vụ được giao", extra=0)
    # a whole with words of its own keeps them
    got = _subjects("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ",
                    "Báo cáo số 12/BC-SYT ngày 05/01/2024.\n(Toàn tỉnh có 9.120/9.500 trẻ em tiêm đủ các loại vắc xin).")
    assert "vắc xin" in got["/9.500"]


def test_the_whole_under_a_rate_label_leaves_out_a_passive_condition_the_part_meets():
    # "Tỷ lệ X được <act>: a/b X được <act>": the whole is every X, the act done or not (up to the label's last
    # predicate opener, as for a row's rate criterion); a participle before another predicate still names which
    got = _subjects("Thanh toán viện phí",
                    "- Tỷ lệ bệnh viện được triển khai thanh toán không dùng tiền mặt: 18/20 bệnh viện được triển khai "
                    "thanh toán không dùng tiền mặt (đạt 90%).")
    assert names(got["/20"], "bệnh viện", extra=0)
    assert names(got["18"], "bệnh viện được triển khai thanh toán không dùng tiền mặt", extra=0)
    got = _subjects("Nhiệm vụ", "- Tỷ lệ nhiệm vụ được giao hoàn thành đúng hạn: 45/48 nhiệm vụ được giao hoàn thành "
                    "đúng hạn (đạt 93,7%).")
    assert names(got["/48"], "nhiệm vụ được giao", extra=0)
    # a label opening with its act ("Tỷ lệ hoàn thành X được giao"): the participle after the noun names which
    got = _subjects("Nhiệm vụ", "- Tỷ lệ hoàn thành các nhiệm vụ được giao ngoài kế hoạch: Hoàn thành 6/6 nhiệm vụ "
                    "(đạt 100%).")
    assert names(got["/6"], "nhiệm vụ được giao ngoài kế hoạch", extra=2)
