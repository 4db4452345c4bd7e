"""Sentences inside table cells (an evidence or note column) give figures, located at their cell (session 8)."""

from __future__ import annotations

from datetime import date

from extract.figures import extract_figures
from extract.model import Block, Cell, Document, Metadata, Period, Table


def _table(rows: list[list[str]], where: str = "t1") -> Block:
    cells = tuple(tuple(Cell(r + 1, c + 1, t) for c, t in enumerate(row)) for r, row in enumerate(rows))
    return Block("table", " / ".join(" | ".join(row) for row in rows), where, table=Table(cells))


def _figures(*blocks: Block):
    meta = Metadata(period=Period(date(2024, 1, 1), date(2024, 12, 31), "năm 2024"))
    return extract_figures(Document("x.docx", "docx", "0", blocks), meta)[0]


def test_a_sentence_in_an_evidence_cell_gives_its_figures_at_the_cell():
    block = _table([
        ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Minh chứng"],
        ["1", "Giải quyết hồ sơ đúng hạn", "2.00", "1.50",
         "Văn bản số 15/UBND ngày 03/02/2024.\n(Huyện đã giải quyết 1.205/1.310 hồ sơ đúng hạn, đạt tỷ lệ 91,98%)."],
    ])
    figs = [f for f in _figures(block) if f.location == "t1r2c5"]
    assert [f.value for f in figs] == [1205.0, 1310.0, 91.98]
    assert all(f.quote.startswith("(Huyện đã giải quyết") for f in figs)


def test_value_cells_are_not_read_twice_and_short_cells_stay_with_the_table():
    block = _table([
        ["TT", "Chỉ tiêu", "Kết quả", "Ghi chú"],
        ["1", "Số xã đạt chuẩn", "12 xã", "Tăng 2 xã"],
        ["2", "Số hộ được hỗ trợ vay vốn ưu đãi", "340 hộ", ""],
    ])
    figs = _figures(block)
    assert [f.value for f in figs if f.location == "t1r2c3"] == [12.0]
    assert [f.value for f in figs if f.location == "t1r3c3"] == [340.0]
    assert not [f for f in figs if f.location == "t1r2c4"]  # two words: a note, not a sentence


def test_a_layout_table_gives_no_figures_from_its_text():
    block = _table([
        ["ỦY BAN NHÂN DÂN XÃ AN BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["Số: 45/BC-UBND", "An Bình, ngày 12 tháng 3 năm 2024, có 25 người tham dự buổi họp"],
    ])
    assert _figures(block) == []


# ------------------------------------------------------------------ a percentage restating the ratio before it


def _roles(text: str) -> dict[str, str]:
    block = Block("paragraph", text, "p1")
    return {f.raw: f.role for f in _figures(block)}


def test_a_percentage_restating_the_ratio_before_it_is_its_share():
    roles = _roles("Huyện đã tiếp nhận và trả lời 214/220 đơn thư của công dân (đạt 97%).")
    assert roles["97%"] == "share"
    roles = _roles("Qua điều tra, có 18 trong tổng số 40 hợp tác xã có lãi, đạt 45%.")
    assert roles["45%"] == "share"


def test_a_restated_ratio_is_a_rate_when_the_sentence_names_one_and_a_plan_share_when_a_plan_follows():
    roles = _roles("Tỷ lệ trường học đạt chuẩn quốc gia: 36/40 trường (đạt 90%).")
    assert roles["90%"] == "actual"
    roles = _roles("Năm 2024, huyện đã hoàn thành 12/12 nhiệm vụ, đạt 100% kế hoạch.")
    assert roles["100%"] == "share_of_target"


def test_a_percentage_that_is_not_the_ratio_before_it_keeps_its_role():
    roles = _roles("Huyện đã tiếp nhận 214/220 đơn thư, tăng 12% so với năm trước.")
    assert roles["12%"] == "change"


# ------------------------------------------------------------------ the eval: a gold region over a column's cells


def test_a_gold_region_naming_a_column_scores_the_figures_of_those_cells_only():
    from baocao.evaluate import score_real

    block = _table([
        ["TT", "Tiêu chí", "Điểm", "Minh chứng"],
        ["1", "Giải quyết hồ sơ", "2.00", "Huyện đã giải quyết 1.205/1.310 hồ sơ đúng hạn."],
        ["2", "Công khai thủ tục", "1.00", "Xã đã công khai đầy đủ 86 thủ tục hành chính trên cổng."],
        ["3", "Tiếp công dân", "1.00", "Lãnh đạo huyện đã tiếp 45 lượt công dân trong năm."],
    ])
    gold = {"genre": "score_kpi", "regions": [{"label": "x", "column": "Minh chứng", "from": "Huyện đã giải quyết",
                                               "to": "công khai đầy đủ 86"}],
            "figures": [{"anchor": "giải quyết 1.205/", "num": "1.205", "value": 1205, "unit": "hồ sơ"},
                        {"anchor": "/1.310 hồ sơ", "num": "1.310", "value": 1310, "unit": "hồ sơ"},
                        {"anchor": "đầy đủ 86 thủ tục", "num": "86", "value": 86, "unit": "thủ tục"}],
            "not_figures": []}
    score = score_real(_figures(block), gold, "x", "docx", [block], 4)
    assert (score.gold, score.matched, score.extracted) == (3, 3, 3)  # row 3 and the score column are outside



def test_a_reported_percentage_of_a_counted_set_is_a_share_and_a_planned_one_a_target():
    roles = _roles("Năm 2024, huyện đã thanh tra 25% số trường học và 100% số trạm y tế.")
    assert roles["25%"] == "share" and roles["100%"] == "share"
    assert _roles("Phấn đấu đến năm 2025 có 80% số xã đạt chuẩn nông thôn mới.")["80%"] == "target"
    assert _roles("Tỷ lệ hồ sơ được số hóa đạt 95% số hóa kết quả giải quyết.")["95%"] == "actual"


# ------------------------------------------------------------------------------- staffing quotas given: norms


def test_a_staffing_quota_given_is_a_norm_across_a_bracketed_source_with_its_bracketed_parts():
    roles = _roles("Tổng số biên chế được giao (theo Quyết định số 45/QĐ-UBND của UBND huyện) là 1.320 "
                   "(khối huyện: 420; khối xã: 900).")
    assert roles == {"1.320": "norm", "420": "norm", "900": "norm"}
    roles = _roles("Số biên chế được giao năm 2024 là 1.200 người, đã sử dụng 1.150 người.")
    assert roles == {"1.200 người": "norm", "1.150 người": "actual"}
    quota = _figures(Block("paragraph", "Tổng số biên chế được giao (theo Quyết định số 45/QĐ-UBND) là 1.320.", "p1"))
    assert quota[0].period_start == date(2024, 1, 1)  # a quota given holds for its year, unlike a support level
    roles = _roles("Biên chế viên chức tạm giao năm 2024 là 2.150; huyện được giao 310 biên chế công chức, "
                   "đã sử dụng 298 biên chế.")
    assert roles == {"2.150": "norm", "310 biên chế": "norm", "298 biên chế": "actual"}
    support = _figures(Block("paragraph", "Mức hỗ trợ 5 triệu đồng (trong đó ngân sách tỉnh 3 triệu đồng).", "p1"))
    assert [(f.role, f.period_start) for f in support] == [("norm", None), ("norm", None)]


# ------------------------------------------------------------------------ identifiers, units: not figures, words


def test_web_addresses_document_signs_and_numbered_teams_give_no_figures():
    from extract.language.numbers import find_numbers

    assert [m.raw for m in find_numbers("Tra cứu tại https://dichvucong.gov.vn/p/index?id=5281&cb=77 có 12 hồ sơ")] \
        == ["12 hồ sơ"]
    assert find_numbers("Theo Kế hoạch số 57/KH-ĐKT 712 ngày 03/5/2024 của Đoàn kiểm tra 712 tỉnh") == []
    assert find_numbers("Đoàn Kiểm tra liên ngành 309 đã làm việc với huyện") == []
    assert [m.raw for m in find_numbers("Đoàn kiểm tra đã kiểm tra 15 đơn vị")] == ["15 đơn vị"]


def test_a_comparative_after_a_count_is_no_unit_and_compound_nouns_stay_whole():
    from extract.language.numbers import find_numbers

    assert [m.unit for m in find_numbers("Số người có mặt là 812 thấp hơn số được giao.")] == ["người"]
    assert [m.unit for m in find_numbers("Kết quả năm nay là 812 cao hơn năm trước.")] == [None]
    assert [m.unit for m in find_numbers("có 37 phòng chuyên môn cấp xã và 6 phòng ban")] == \
        ["phòng chuyên môn", "phòng ban"]


def test_a_sample_surveyed_is_counted_and_a_form_number_is_not():
    from extract.language.numbers import find_numbers

    assert [m.raw for m in find_numbers("Qua điều tra mẫu 1.200 hộ gia đình và khảo sát mẫu 35 hợp tác xã")] == \
        ["1.200 hộ gia đình", "35 hợp tác xã"]
    assert find_numbers("Báo cáo theo Mẫu số 02 và biểu mẫu 3 kèm theo") == []


def test_a_bare_ratio_after_a_rate_label_counts_the_labels_noun():
    block = _table([
        ["TT", "Tiêu chí", "Điểm đạt", "Minh chứng"],
        ["1", "Sắp xếp tổ chức", "1.00",
         "Tỷ lệ các trường, trạm y tế thuộc huyện đã được kiểm tra định kỳ: 27/30 (đạt 90%).\n"
         "Tỷ lệ những đơn vị sự nghiệp khác đã tự chủ tài chính theo quy định: 8/12."],
    ])
    figs = [f for f in _figures(block) if f.location == "t1r2c4"]
    assert [(f.value, f.unit) for f in figs if f.kind != "number"] == [
        (27.0, "trường, trạm y tế"), (30.0, "trường, trạm y tế"), (8.0, "đơn vị sự nghiệp"),
        (12.0, "đơn vị sự nghiệp")]


def test_a_ratio_with_its_own_noun_or_without_a_rate_label_keeps_its_unit():
    block = _table([
        ["TT", "Tiêu chí", "Điểm đạt", "Minh chứng"],
        ["1", "Kiểm tra", "1.00",
         "Tỷ lệ văn bản được rà soát trong năm: 40/42 văn bản.\nKết quả kiểm tra tại các xã trong tỉnh: 12/15."],
    ])
    figs = [f for f in _figures(block) if f.location == "t1r2c4" and f.kind != "number"]
    assert [(f.value, f.unit) for f in figs] == [(40.0, "văn bản"), (42.0, "văn bản"), (12.0, None), (15.0, None)]


def test_administrative_abbreviations_and_the_feedback_pair_are_counted_nouns():
    from extract.language.numbers import find_numbers

    assert [m.unit for m in find_numbers("Đã kiểm tra 9/11 CQCM thuộc UBND huyện và 5 CQHC khác")] == \
        ["CQCM", "CQCM", "CQHC"]
    assert [m.unit for m in find_numbers("Hệ thống đã nhận 230 phản ánh, kiến nghị về đất đai")] == \
        ["phản ánh, kiến nghị"]
    assert [m.unit for m in find_numbers("nhận 12 phản ánh và 4 kiến nghị")] == ["phản ánh", "kiến nghị"]


# ------------------------------------------------------------------- structure counts: the parts of a layout


def test_the_count_of_parts_a_plan_is_divided_into_is_no_quantity_of_the_period():
    text = ("Chương trình được chia thành 4 trụ cột. Đề án bao gồm 03 nội dung chính. "
            "Các giải pháp được phân loại thành 6 nhóm. Năm 2024, huyện gồm 12 xã và đã kiểm tra 8 nhóm hộ.")
    figs = {f.raw: f for f in _figures(Block("paragraph", text, "p1"))}
    for raw in ("4 trụ cột", "03 nội dung", "6 nhóm"):
        assert figs[raw].role == "other" and figs[raw].period_start is None, raw
    assert figs["12 xã"].role != "other" and figs["12 xã"].period_start is not None
    assert figs["8 nhóm"].role != "other" and figs["8 nhóm"].period_start is not None


def test_the_counts_of_a_principle_spelt_out_part_by_part_and_of_a_doctrine_are_no_quantities():
    text = ("Các cấp ủy quán triệt 4 quan điểm chỉ đạo của Tỉnh ủy. Năm 2024, huyện đã kiểm tra 8 nhóm hộ.",
            "03 trụ: con người, thể chế, hạ tầng; 02 mục tiêu: nhanh - bền vững; 01 đầu mối chỉ huy.")
    figs = {f.raw: f for f in _figures(Block("paragraph", text[0], "p1"), Block("footnote", text[1], "f1"))}
    for raw in ("4 quan điểm", "03 trụ", "02 mục tiêu", "01 đầu mối"):
        assert figs[raw].role == "other" and figs[raw].period_start is None, raw
    assert figs["8 nhóm"].period_start is not None
