"""Small boundary rules of a figure's subject (issue 14, session 9 fix D): a count of sessions ("02 kỳ họp"), a
length cut that keeps a compound whole, and an ellipsis before a capital letter ending a sentence."""

from __future__ import annotations

from support import names, subjects_of, words

from extract.language.numbers import find_numbers
from extract.language.subjects import cut_phrase


def test_a_count_of_sessions_counts_the_noun_kỳ():
    (m,) = find_numbers("Hội đồng đã tổ chức 03 kỳ họp chuyên đề.")
    assert (m.unit, m.base_unit) == ("kỳ", "kỳ")
    s = subjects_of("Năm nay, xã tổ chức 04 kỳ đối thoại trực tiếp giữa lãnh đạo xã với nông dân.")
    assert names(s["04"], "kỳ đối thoại trực tiếp giữa lãnh đạo xã với nông dân")


def test_kỳ_as_a_period_stays_out_of_a_count():
    s = subjects_of("Trong kỳ báo cáo, phường tiếp nhận 45 hồ sơ đất đai.")
    assert names(s["45"], "hồ sơ đất đai") and "kỳ" not in words(s["45"])
    (m,) = find_numbers("Doanh thu tăng 12% so với cùng kỳ.")
    assert m.unit == "%"


def test_a_length_cut_runs_to_the_next_boundary_rather_than_split_a_compound():
    phrase = "một hai ba bốn năm sáu bảy tám chín mười mười một hai ba đúng tiến độ theo quy định"
    assert cut_phrase(phrase, 16) == "một hai ba bốn năm sáu bảy tám chín mười mười một hai ba đúng tiến độ"
    assert cut_phrase(phrase, 16, tail=False).split()[-1] == "độ"
    # a boundary too far past the limit: the words are cut at the limit as before
    far = "một hai ba bốn năm sáu bảy tám chín mười mười một hai ba bốn năm sáu bảy tám theo quy định"
    assert len(cut_phrase(far, 10).split()) == 10


def test_a_verb_phrase_a_few_words_over_its_limit_is_not_cut_inside_its_first_word():
    # no boundary inside the limit: the phrase's own start is the nearest place to cut ("Xây | dựng", "Phối | hợp")
    phrase = "Xây dựng hồ sơ đề nghị Giám đốc Sở Y tế công nhận"
    assert cut_phrase(phrase, 10, tail=True) == phrase
    s = subjects_of("Xây dựng hồ sơ đề nghị Giám đốc Sở Y tế công nhận 12 trạm y tế đạt chuẩn quốc gia.")
    assert s["12"].split()[:2] == ["Xây", "dựng"]
    s = subjects_of("Phối hợp các trạm y tế khám sàng lọc bệnh tim bẩm sinh 2.500 học sinh.")
    assert s["2.500"].split()[0] != "hợp"
    # far over the limit: cut at the limit as before
    long = "Chỉ đạo các phòng chuyên môn phối hợp Trung tâm Y tế huyện rà soát hồ sơ kiểm tra"
    assert len(cut_phrase(long, 10, tail=True).split()) == 10


def test_a_name_going_on_after_a_preposition_is_not_cut_there():
    # the national databases are named "Cơ sở dữ liệu quốc gia về ...": its "về" is no boundary
    phrase = "thông tin cập nhật lên hệ thống Cơ sở dữ liệu quốc gia về dân cư của các trạm y tế"
    assert cut_phrase(phrase, 14).endswith("về dân cư")
    phrase = "hồ sơ học sinh đồng bộ lên CSDL quốc gia về giáo dục của các trường tiểu học"
    assert cut_phrase(phrase, 9).endswith("về giáo dục")
    # a phrase a few words over its limit with no boundary inside is kept to its own end
    phrase = "hộ nông dân cấp mã số vùng trồng sầu riêng xuất khẩu chính ngạch"
    assert cut_phrase(phrase, 10) == phrase


def test_a_count_keeps_a_long_relative_clause_whole_up_to_its_adjunct():
    s = subjects_of(
        "Có 86 hồ sơ được tiếp nhận, thẩm định, phê duyệt trên hệ thống một cửa điện tử giải quyết đúng thời hạn "
        "theo quy định, đạt tỷ lệ 100%."
    )
    assert "hạn" in words(s["100%"]) and "thời" in words(s["100%"])


def test_an_ellipsis_before_a_capital_letter_ends_the_sentence():
    s = subjects_of("Trang tin đã đăng 25 bài viết về du lịch của huyện… Số lượt xem các bài viết là 7.400 lượt.")
    assert names(s["7.400"], "lượt xem các bài viết")
    assert not {"du", "lịch"} & words(s["7.400"])
    assert "xem" not in words(s["25"])


def _cell_figures(text: str):
    from datetime import date

    from extract.figures import extract_figures
    from extract.model import Block, Cell, Document, Metadata, Period, Table

    rows = [["TT", "Tiêu chí", "Điểm", "Minh chứng"], ["1", "Thu hồi nợ đọng thuế", "1.00", text]]
    cells = tuple(tuple(Cell(r + 1, c + 1, t) for c, t in enumerate(row)) for r, row in enumerate(rows))
    block = Block("table", " / ".join(" | ".join(row) for row in rows), "t1", table=Table(cells))
    meta = Metadata(period=Period(date(2025, 1, 1), date(2025, 12, 31), "năm 2025"))
    doc = Document("x.docx", "docx", "0", (block,))
    return [f for f in extract_figures(doc, meta)[0] if f.location == "t1r2c4"]


def test_label_lines_run_together_in_a_cell_each_name_their_own_value():
    figs = _cell_figures("Kết quả thu hồi nợ thuế: Số nợ phải thu hồi: 520 triệu đồng Số nợ đã thu hồi: 416 triệu "
                         "đồng Tỷ lệ thu hồi: 80%")
    got = {f.value: f.subject for f in figs}
    assert names(got[520.0], "nợ phải thu hồi nợ thuế")
    assert names(got[416.0], "nợ đã thu hồi nợ thuế") and "phải" not in words(got[416.0])
    assert names(got[80.0], "tỷ lệ thu hồi nợ thuế")


def test_label_lines_with_separators_keep_their_subjects():
    sep = _cell_figures("Số nợ phải thu hồi: 520 triệu đồng; số nợ đã thu hồi: 416 triệu đồng.")
    glued = _cell_figures("Số nợ phải thu hồi: 520 triệu đồng Số nợ đã thu hồi: 416 triệu đồng")
    assert names({f.value: f.subject for f in glued}[416.0], "nợ đã thu hồi")
    assert names({f.value: f.subject for f in sep}[520.0], "nợ phải thu hồi")


def test_a_relation_between_two_sides_is_not_cut_after_its_first_side():
    # "giữa A với B" opened within the length limit: a cut at the limit would keep A and drop B (extents.yaml
    # relation_words, relation_partners)
    s = subjects_of("Trong quý, Sở Y tế tổ chức 03 buổi đối thoại trên sóng phát thanh giữa lãnh đạo các bệnh viện, "
                    "trung tâm y tế với người bệnh, thân nhân.")
    assert names(s["03"], "buổi đối thoại giữa lãnh đạo các bệnh viện, trung tâm y tế với người bệnh, thân nhân")
    s = subjects_of("Ngành giáo dục đã tổ chức 12 buổi trao đổi kinh nghiệm dạy học trực tuyến giữa giáo viên các "
                    "trường trung học cơ sở với phụ huynh học sinh.")
    assert {"phụ", "huynh", "học", "sinh"} <= words(s["12"])


def test_a_comma_list_just_past_the_limit_keeps_its_last_item():
    # "A, B và C" closing the phrase a few words past the length limit: a cut would keep the list without C
    s = subjects_of("Có 25/30 trạm y tế xã được cấp có thẩm quyền phê duyệt danh mục thuốc, vật tư và trang thiết bị "
                    "thiết yếu; 12 bệnh viện hoàn thiện quy trình.")
    assert {"trang", "thiết", "yếu"} <= words(s["25"])
    s = subjects_of("Trong năm, Kho bạc Nhà nước đã kiểm soát 1.200 hồ sơ thanh toán vốn đầu tư công của các chủ đầu "
                    "tư cấp huyện, cấp xã và ban quản lý dự án.")
    assert {"ban", "quản", "lý", "dự", "án"} <= words(s["1.200"])


def test_tro_giup_is_a_word_while_giup_alone_opens_a_result_clause():
    # "vụ việc trợ giúp pháp lý" lost "giúp pháp lý" to the result verb "giúp" (s21-C, from a justice report); social
    # assistance here
    s = subjects_of("Huyện đã giải quyết 312 hồ sơ trợ giúp xã hội đột xuất.")
    assert names(s["312"], "hồ sơ trợ giúp xã hội đột xuất")
    s = subjects_of("Phòng Lao động đã giải quyết 312 hồ sơ, giúp 300 hộ ổn định cuộc sống.")
    assert "giúp" not in words(s["312"])


def test_a_comparative_of_time_opens_a_clause_of_its_own():
    # "bình quân là 06 ngày làm việc, ngắn hơn thời hạn quy định tại Điều 48 ..." (s21-C, from a justice report): the
    # statutory time compared with is no part of the average's subject (driving licences here)
    s = subjects_of("Thời gian cấp giấy phép lái xe bình quân là 4 ngày làm việc, sớm hơn thời hạn quy định tại Điều 37 "
                    "Thông tư số 35/2024/TT-BGTVT (10 ngày làm việc).")
    assert names(s["4"], "thời gian cấp giấy phép lái xe bình quân") and "hạn" not in words(s["4"])
