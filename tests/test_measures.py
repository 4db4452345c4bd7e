"""Subjects of relative figures (extract/figures/measures.py): a multiple, a change, a rank, a rate item of a
breakdown and a ratio counted in a group measure the quantity they relate to, on invented sentences."""

from __future__ import annotations

import pytest
from support import names, subjects_of, words

from extract.catalog import RuleError
from extract.figures import measures
from extract.figures.sentence import analyse


def test_a_multiple_after_a_figure_and_a_comparison_measures_that_figure():
    s = subjects_of("Có 9/30 học viên bỏ học giữa chừng, chiếm tỷ lệ 30%, gấp 3 lần so với tỷ lệ 10% của khóa trước.")
    assert s["3"] == s["30%"]
    assert names(s["3"], "học viên bỏ học giữa chừng")


def test_a_multiple_measures_the_noun_phrase_before_its_verb():
    s = subjects_of("Trong quý, doanh thu dịch vụ lưu trú gấp 1,6 lần cùng kỳ.")
    assert names(s["1,6"], "doanh thu dịch vụ lưu trú", extra=1)
    s = subjects_of("Mặt hàng tăng mạnh nhất là sản phẩm gốm sứ (loại cao cấp) tăng 3,1 lần.")
    assert names(s["3,1"], "sản phẩm gốm sứ loại cao cấp", extra=0)


def test_a_multiple_alone_in_parentheses_measures_what_its_clause_says_of():
    s = subjects_of("Hàng mây tre đan có sản lượng nhỏ nhưng là mặt hàng tăng nhanh nhất (tăng 2,7 lần).")
    assert {"mây", "tre", "đan", "sản", "lượng"} <= words(s["2,7"])
    assert "lần" not in words(s["2,7"])


def test_a_change_in_parentheses_counted_in_a_noun_the_figure_before_names():
    s = subjects_of("Cấp 1.250 mã định danh cho hộ kinh doanh cá thể (tăng 310 hộ so với quý trước).")
    assert s["310"] == s["1.250"]
    assert names(s["310"], "mã định danh hộ kinh doanh cá thể", extra=1)


def test_a_rank_ranks_the_quantity_of_the_figure_before_it():
    s = subjects_of("Huyện Đông Sơn đạt 91,5 điểm chỉ số chuyển đổi số, xếp thứ 4/27 huyện, thị xã.")
    assert names(s["4"], "thứ hạng chỉ số chuyển đổi số huyện Đông Sơn", extra=1)
    assert "điểm" not in words(s["4"])


def test_a_rank_without_a_figure_before_takes_its_clause_agent():
    s = subjects_of("Năm 2025, thành phố Cẩm Phả xếp hạng 6/13 địa phương.")
    assert names(s["6"], "thứ hạng thành phố Cẩm Phả", extra=0)


def test_rate_items_of_a_breakdown_take_the_total_rate_head_and_qualifiers():
    s = subjects_of("Tỷ lệ hồ sơ nộp qua dịch vụ bưu chính đạt 64%, cụ thể: đăng ký hộ tịch đạt 71%; cấp "
                    "phiếu lý lịch tư pháp đạt 58%.")
    assert names(s["71%"], "tỷ lệ đăng ký hộ tịch qua dịch vụ bưu chính", extra=0)
    assert names(s["58%"], "tỷ lệ cấp phiếu lý lịch tư pháp qua dịch vụ bưu chính", extra=0)
    assert names(s["64%"], "tỷ lệ hồ sơ nộp qua dịch vụ bưu chính", extra=0)


def test_both_numbers_of_a_ratio_counted_in_a_group_take_the_group():
    s = subjects_of("Kết quả: các trường trung học phổ thông, trung tâm giáo dục thường xuyên có 18/22 đơn vị "
                    "đạt chuẩn, 04/22 đơn vị chưa đạt chuẩn.")
    group = "trường trung học phổ thông, trung tâm giáo dục thường xuyên"
    assert names(s["18"], f"{group} đạt chuẩn")
    assert names(s["04"], f"{group} chưa đạt chuẩn")
    for subject in (f.subject for f in _wholes(s)):
        assert names(subject, group)


def _wholes(s):
    class F:
        def __init__(self, subject):
            self.subject = subject
    return [F(v) for k, v in s.items() if k == "22"]


def test_a_clause_before_có_is_no_group():
    s = subjects_of("Qua rà soát, kiểm tra có 12/20 hợp tác xã hoạt động hiệu quả.")
    assert names(s["20"], "hợp tác xã", extra=4) and "soát" not in words(s["20"])


def test_measure_words_are_validated(monkeypatch):
    measures.measure_words.cache_clear()
    monkeypatch.setattr(measures, "load", lambda name: {"rank_head": "thứ hạng"})
    with pytest.raises(RuleError, match="measures.yaml"):
        measures.measure_words()
    measures.measure_words.cache_clear()


def test_a_rate_before_a_noun_after_a_verb_is_a_share_of_that_noun():
    s = subjects_of("Huyện giao chỉ tiêu công nhận 40% làng và 25% bản đạt chuẩn văn hóa vào kế hoạch năm 2026.")
    assert names(s["40%"], "công nhận làng đạt chuẩn văn hóa", extra=0)
    assert names(s["25%"], "bản đạt chuẩn văn hóa", extra=0)


def test_a_rate_after_a_rate_predicate_is_no_share_of_the_noun_after_it():
    s = subjects_of("Thu ngân sách trên địa bàn đạt 82% dự toán năm.")
    assert {"thu", "ngân", "sách"} <= words(s["82%"])


def test_the_whole_of_a_ratio_alone_in_parentheses_is_the_quota_of_the_noun_before_it():
    text = ("Bảo đảm không vượt quá số lượng giáo viên mầm non (1.210/1.260 giáo viên) và số lượng nhân viên y tế "
            "học đường (85/90 nhân viên) được phân bổ.")
    sent = analyse(text)
    part, whole = sent.mentions[:2]
    got = measures.measured_subject(sent, whole, "giáo viên", [(part, "không vượt quá số lượng giáo viên mầm non")])
    assert names(got, "giáo viên mầm non được phân bổ", extra=0) and "vượt" not in words(got)
    s = subjects_of("Sử dụng không vượt quá số lượng biên chế công chức (410/432 biên chế) và số lượng hợp đồng "
                    "lao động (35/40 hợp đồng) được giao.")
    assert names(s["432"], "biên chế công chức được giao", extra=0)


def _weights(*texts: str | tuple[str, str]) -> dict[str, str]:
    from extract.figures import extract_figures
    from extract.model import Block, Document, Metadata

    blocks = tuple(Block(*t, f"b{i}") if isinstance(t, tuple) else Block("paragraph", t, f"p{i}")
                   for i, t in enumerate(texts))
    figs = extract_figures(Document(path="t", format="docx", sha256="", blocks=blocks), Metadata())[0]
    return {f.raw: f.subject for f in figs}


def test_the_items_of_a_scale_breakdown_adding_up_to_the_scale_are_each_items_maximum():
    s = _weights("Thang điểm đánh giá gồm 03 tiêu chí:", "- Chất lượng đào tạo: 45/100 điểm.",
                 "- Cơ sở vật chất: 35/100 điểm.", "- Hoạt động ngoại khóa: 20/100 điểm.")
    assert names(s["45/100 điểm"], "điểm tối đa tiêu chí Chất lượng đào tạo", extra=0)
    assert names(s["20/100 điểm"], "điểm tối đa tiêu chí Hoạt động ngoại khóa", extra=0)


def test_scores_on_a_scale_that_do_not_add_up_to_it_are_results_not_weights():
    s = _weights("Kết quả chấm của các trường:", "- Trường Hòa Bình: 82/100 điểm.", "- Trường Tân Phú: 76/100 điểm.")
    assert "tối đa" not in s["82/100 điểm"] and "tối đa" not in s["76/100 điểm"]


def test_measures_rules_need_a_weight_head(monkeypatch):
    data = measures.load("measures")
    monkeypatch.setattr(measures, "load", lambda name: {**data, "weight_head": ""})
    measures.measure_words.cache_clear()
    try:
        with pytest.raises(RuleError, match="weight_head"):
            measures.measure_words()
    finally:
        measures.measure_words.cache_clear()


def test_a_footnote_whose_counts_spell_a_numbered_name_lists_the_parts_of_that_name():
    s = _weights("Các xã tiếp tục áp dụng mô hình “3-2-1” của Hội Nông dân tỉnh trong sản xuất.",
                 ("footnote", "03 nhóm hộ: hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo; 02 cấp: tỉnh - xã; "
                              "01 đầu mối phụ trách."))
    assert names(s["03 nhóm"], "nhóm hộ của mô hình 3-2-1", extra=0)
    assert all(s[raw].endswith("của mô hình 3-2-1") for raw in ("02 cấp", "01 đầu mối"))


def test_a_footnote_whose_counts_spell_no_name_of_its_paragraph_keeps_its_subjects():
    s = _weights("Các xã tiếp tục áp dụng mô hình “3-2-1” của Hội Nông dân tỉnh trong sản xuất.",
                 ("footnote", "04 nhóm hộ được hỗ trợ giống; 02 xã làm điểm."))
    assert "mô hình" not in s["04 nhóm"] and "mô hình" not in s["02 xã"]


def test_two_footnote_counts_matching_a_range_of_the_paragraph_name_nothing():
    s = _weights("Hồ sơ được trả kết quả trong vòng 2-3 ngày làm việc.",
                 ("footnote", "02 bộ phận tiếp nhận; 03 bộ phận thẩm định."))
    assert "vòng" not in s["02 bộ"] and "2-3" not in s["03 bộ"]


def test_a_later_subject_naming_a_weighted_item_by_its_label_names_it_as_its_kind():
    s = _weights("Thang điểm đánh giá gồm 02 tiêu chí:", "- Chất lượng đào tạo: 60/100 điểm.",
                 "- Cơ sở vật chất: 40/100 điểm.", "a) Chất lượng đào tạo",
                 "Trường Hòa Bình đạt 52 điểm chất lượng đào tạo.")
    assert names(s["52 điểm"], "điểm tiêu chí chất lượng đào tạo")


def test_a_share_of_an_oblique_takes_its_verb_phrase_through_the_commas_of_the_object():
    # "V O1, O2 cho 100% X": the share is of X, what was done to X is the whole verb phrase (40, 43 gold: "công dân
    # ... được thu nhận hồ sơ cấp thẻ căn cước, tài khoản định danh điện tử")
    s = subjects_of("(2) Tiếp tục cấp sổ bảo hiểm xã hội, thẻ bảo hiểm y tế điện tử cho 100% người lao động tại các "
                    "khu công nghiệp.")
    assert names(s["100%"], "người lao động được cấp sổ bảo hiểm xã hội, thẻ bảo hiểm y tế điện tử", extra=0)


def test_a_change_naming_only_an_item_measures_what_its_sentence_opens_with():
    s = subjects_of("Kim ngạch xuất khẩu hàng dệt may, giày dép vẫn chiếm tỷ trọng lớn nhất của tỉnh; mặt hàng tăng "
                    "nhanh là đồ gỗ nội thất tăng 1,8 lần; cà phê nhân tăng 42,5%.")
    assert names(s["1,8"], "kim ngạch xuất khẩu đồ gỗ nội thất", extra=0)
    assert names(s["42,5%"], "kim ngạch xuất khẩu cà phê nhân", extra=1)
    s = subjects_of("Kim ngạch xuất khẩu đạt 30 triệu USD; nhập khẩu tăng 12,5%.")
    assert "kim" not in words(s["12,5%"])


def test_a_later_measure_of_a_sentence_measures_the_object_its_opening_measure_names():
    s = subjects_of("Diện tích gieo trồng ngô vụ Thu Đông đạt 8.200 ha, năng suất ước đạt 5,4 tấn/ha; sản lượng 44.300 tấn.")
    assert names(s["5,4"], "năng suất ngô vụ Thu Đông", extra=0)
    assert names(s["44.300"], "sản lượng ngô vụ Thu Đông", extra=0)
    # a measure naming its own object keeps it
    s = subjects_of("Diện tích lúa đạt 9.000 ha, sản lượng cá 1.200 tấn.")
    assert "lúa" not in s["1.200"]


def test_an_area_naming_no_measure_is_the_area_of_what_it_names():
    s = subjects_of("Trồng mới 2.300 ha rừng sản xuất; diện tích lúa bị ngập 450 ha.")
    assert names(s["2.300"], "diện tích trồng mới rừng sản xuất", extra=0)
    assert s["450"].count("diện tích") == 1  # a subject naming the measure keeps it once


def test_the_base_after_a_comparison_is_the_compared_quantity_at_another_time():
    s = subjects_of("Trong năm, có 18 giáo viên nghỉ việc, chiếm tỷ lệ 4,5%, cao hơn tỷ lệ 2,1% của năm học trước.")
    assert names(s["2,1%"], "tỷ lệ giáo viên nghỉ việc", extra=0)
    s = subjects_of("Tổng số ca mắc sốt xuất huyết là 320 ca, giảm 40% so với 533 ca cùng kỳ năm trước.")
    assert names(s["533"], "ca mắc sốt xuất huyết", extra=1)
    s = subjects_of("Năng suất lúa bình quân đạt 62 tạ/ha, tăng 3 tạ/ha so với năng suất 59 tạ/ha của vụ trước.")
    assert s["59"] == s["62"]


def test_a_base_named_with_a_group_of_its_own_is_that_group_s_measure():
    s = subjects_of("Có 45 học sinh bỏ học, chiếm tỷ lệ 2,3%, gấp 3 lần so với tỷ lệ 0,8% bỏ học của học sinh thành thị.")
    assert names(s["0,8%"], "tỷ lệ bỏ học của học sinh thành thị", extra=0)
    # a short comma part goes on the group's noun list
    s = subjects_of("Tỷ lệ hộ nghèo của huyện là 6,5%, cao hơn tỷ lệ 3,2% của các xã đồng bằng, ven biển.")
    assert "đồng bằng" in s["3,2%"] and "ven biển" in s["3,2%"]


def test_a_sentence_without_a_comparison_word_gives_no_base():
    # _comparison_base skips a sentence holding no word of its openers: the same answer as reading it
    sent = analyse("Năm 2025 tuyển sinh 320 học viên, đào tạo 533 học viên.")
    done = [(sent.mentions[0], "học viên tuyển sinh")]
    assert measures._comparison_base(sent, sent.mentions[1], "học viên đào tạo", done) is None
    sent = analyse("Tuyển sinh 320 học viên, tăng 40 học viên so với 280 học viên năm trước.")
    done = [(sent.mentions[0], "học viên tuyển sinh"), (sent.mentions[1], "học viên tuyển sinh")]
    assert measures._comparison_base(sent, sent.mentions[2], "học viên năm trước", done) is not None


def test_a_range_or_multiple_measured_over_counted_sites_measures_the_parameter():
    # session 19 (s19-Q): the parameter named before "tại"/"có" and the sites, not the sites
    s = subjects_of("Hàm lượng amoni tại 07 vị trí giếng khoan dao động từ 0,3 đến 1,9 mg/l.")
    assert names(s["0,3"], "hàm lượng amoni", extra=0) and s["1,9"] == s["0,3"]
    assert names(s["07"], "vị trí giếng khoan", extra=3) and "amoni" not in words(s["07"])  # the sites, measured
    s = subjects_of("Độ rung có 03 điểm vượt quy chuẩn từ 1,2 đến 1,4 lần.")
    assert names(s["1,2"], "độ rung vượt quy chuẩn", extra=0)  # an excess: the norm's name goes with it
    assert names(s["03"], "điểm vượt quy chuẩn độ rung", extra=0)  # the parameter's sites over the norm


def test_a_count_over_a_limit_and_the_limit_name_the_parameter_measured_in_its_unit():
    s = subjects_of("Độ ồn trung bình tại 09 điểm thi công dao động từ 58,2 đến 76,4 dBA; 02 điểm vượt giới hạn 70 dBA.")
    assert names(s["70"], "giới hạn độ ồn", extra=0)  # the average word is how the report measured it
    assert names(s["02"], "điểm vượt giới hạn độ ồn", extra=0)
    s = subjects_of("Hàm lượng COD dao động từ 12 đến 48 mg/l; có 4/20 vị trí vượt giới hạn cho phép 30 mg/l.")
    assert names(s["30"], "giới hạn cho phép hàm lượng COD", extra=1)
    assert names(s["4"], "vị trí vượt giới hạn cho phép hàm lượng COD", extra=1)
    assert "vượt" not in words(s["20"])  # the whole counts all the sites, over the limit or not


def test_a_difference_against_a_graded_level_measures_the_level_before_it():
    s = subjects_of("Mực nước sông Mã tại trạm Giàng đạt 6,15 m, trên báo động 2 là 0,15 m.")
    assert s["0,15"] == s["6,15"] and names(s["0,15"], "mực nước sông Mã tại trạm Giàng", extra=0)
