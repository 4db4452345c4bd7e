"""Document metadata of the four seeds, from the DOCX and the PDF sample alike."""

from __future__ import annotations

from datetime import date

import pytest
from support import SAMPLES

from extract.metadata import read_metadata
from extract.model import Block, Cell, Document, Table
from extract.pipeline import read_document
from extract.settings import Settings

EXPECTED = {
    "000_ea23f6f2735d3a0f": ("gợi ý thảo luận", date(2026, 1, 1), date(2026, 6, 30), False, None),
    "001_8ae5b9da1ecb2557": ("dự thảo nghị quyết", date(2026, 7, 1), date(2026, 12, 31), True, 1),
    "002_44a35151dedbb7b7": ("gợi ý thảo luận", date(2025, 1, 1), date(2025, 12, 31), False, None),
    "003_ef6b9c13ae5fbfa8": ("báo cáo", date(2026, 1, 1), date(2026, 3, 31), False, None),
}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_doc_type_period_draft(stem, fmt):
    meta = read_metadata(read_document(SAMPLES / f"{stem}.{fmt}", Settings()))
    doc_type, start, end, is_draft, draft_no = EXPECTED[stem]
    assert (meta.doc_type, meta.period.start, meta.period.end, meta.is_draft, meta.draft_no) == (
        doc_type,
        start,
        end,
        is_draft,
        draft_no,
    )


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_header_facts(fmt):
    m0 = read_metadata(read_document(SAMPLES / f"000_ea23f6f2735d3a0f.{fmt}", Settings()))
    assert m0.issued_date == date(2026, 6, 22)
    assert m0.issuer == "ĐẢNG ỦY UBND TỈNH"
    assert m0.title.startswith("NỘI DUNG GỢI Ý THẢO LUẬN CHUNG")
    m1 = read_metadata(read_document(SAMPLES / f"001_8ae5b9da1ecb2557.{fmt}", Settings()))
    assert m1.issuer == "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH"
    assert m1.doc_number is None  # "Số        -NQ/ĐU": the number is still blank in the draft
    assert m1.issued_date is None  # "ngày      tháng 6 năm 2026"


def test_real_documents(shared_available):
    from support import REALDOCS

    m01 = read_metadata(read_document(REALDOCS / "01_VL_BC-SNV_tong_ket_dao_tao_2021-2025.pdf", Settings()))
    assert (m01.doc_type, m01.issuer, m01.period.label) == ("báo cáo", "SỞ NỘI VỤ", "giai đoạn 2021-2025")
    assert m01.issued_date is None  # "Vĩnh Long, ngày tháng năm 2026": signed copy without its date
    assert "Căn cứ" not in m01.title
    m06 = read_metadata(read_document(REALDOCS / "06_VL_BC-SNV_tong_hop_y_kien_lan1.pdf", Settings()))
    assert m06.issued_date == date(2026, 2, 10)
    m10 = read_metadata(read_document(REALDOCS / "10_LD_TBKL_PCI_thu_hut_dau_tu.docx", Settings()))
    assert m10.doc_type == "thông báo kết luận" and m10.issuer == "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"


# Title, type, issuer, number and date of real documents, written by reading each document's first page (the
# header table or lines, the title lines under the type keyword). A blank number ("Số: /BC-SNV") or date
# ("ngày tháng 11 năm 2025") of an unsigned copy is None. Titles are as written (54 writes "THÁNG10NĂM").
REAL = {
    "01_VL_BC-SNV_tong_ket_dao_tao_2021-2025.pdf": (
        "báo cáo",
        "SỞ NỘI VỤ",
        None,
        None,
        "BÁO CÁO Tổng kết công tác đào tạo, bồi dưỡng và các chính sách hỗ trợ đào tạo, cử tuyển, thu hút nguồn "
        "nhân lực chất lượng cao của tỉnh trong thời gian qua",
    ),
    "06_VL_BC-SNV_tong_hop_y_kien_lan1.pdf": (
        "báo cáo",
        "SỞ NỘI VỤ",
        None,
        date(2026, 2, 10),
        "BÁO CÁO Tổng hợp ý kiến góp ý đối với dự thảo hồ sơ Nghị quyết ban hành quy định chính sách hỗ trợ đào "
        "tạo, bồi dưỡng cán bộ, công chức, viên chức; thu hút nguồn nhân lực chất lượng cao tỉnh Vĩnh Long giai "
        "đoạn 2026-2030 (lần 1)",
    ),
    "10_LD_TBKL_PCI_thu_hut_dau_tu.docx": (
        "thông báo kết luận",
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        None,
        None,
        "THÔNG BÁO Kết luận của đồng chí Nguyễn Ngọc Phúc - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh về tiến độ thu "
        "hút các dự án đầu tư ngoài ngân sách, kết quả thực hiện kế hoạch xúc tiến đầu tư, Kế hoạch “Nâng cao "
        "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2026",
    ),
    "21_LamDong_BC_CCHC_Q1_2026_final.docx": (
        "báo cáo",
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        None,
        None,
        "BÁO CÁO Công tác cải cách hành chính quý I năm 2026 và phương hướng, nhiệm vụ quý II năm 2026 tỉnh "
        "Lâm Đồng",
    ),
    "27_LamDong_KH_CCHC_2026-2030_final.docx": (
        "kế hoạch",
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        None,
        None,
        "KẾ HOẠCH Cải cách hành chính nhà nước giai đoạn 2026 - 2030 của tỉnh Lâm Đồng",
    ),
    "31_LamDong_KH_tuyentruyen_CCHC_2026_final.docx": (
        "kế hoạch",
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        None,
        None,
        "KẾ HOẠCH Tuyên truyền Cải cách hành chính năm 2026",
    ),
    "33_LamDong_BC_chamdiem_PARIndex2025_final.docx": (
        "báo cáo",
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        None,
        None,
        "BÁO CÁO Tổng hợp kết quả tự đánh giá, chấm điểm các tiêu chí, tiêu chí thành phần chỉ số cải cách hành "
        "chính năm 2025 của Ủy ban nhân dân tỉnh Lâm Đồng",
    ),
    "37_LamDong_BC184-SNV_chiso_PAR_PAPI_PCI_06-11-2025.docx": (
        "báo cáo",
        "SỞ NỘI VỤ",
        None,
        None,
        "BÁO CÁO Tình hình thực hiện các chỉ số PAR Index, SIPAS, PAPI, PCI, 766 của tỉnh Lâm Đồng",
    ),
    "39_LamDong_BC228-SNV_chiso_28-11-2025_signed.pdf": (
        "báo cáo",
        "SỞ NỘI VỤ",
        None,
        None,
        "BÁO CÁO Tình hình thực hiện các chỉ số PAR Index, SIPAS, PAPI, PCI, Bộ chỉ số phục vụ người dân, doanh "
        "nghiệp trong thực hiện thủ tục hành chính, dịch vụ công của tỉnh Lâm Đồng trong năm 2025",
    ),
    "43_LamDong_BC_DeAn06_T10-2025.docx": (
        "báo cáo",
        "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO, CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06",
        None,
        None,
        "BÁO CÁO Kết quả triển khai Đề án 06 trên địa bàn tỉnh Lâm Đồng tháng 10/2025",
    ),
    "46_LamDong_VPUB_BC_Bochiso766_chamdiem.docx": (
        # the header names the parent (VĂN PHÒNG UBND TỈNH) above the issuing unit
        "báo cáo",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
        None,
        None,
        "BÁO CÁO Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, "
        "dịch vụ công",
    ),
    "47_LamDong_BC_tongket_PCMT_2025.docx": (
        "báo cáo",
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        None,
        None,
        "BÁO CÁO Tổng kết công tác phòng, chống ma túy năm 2025 và phương hướng công tác trọng tâm năm 2026",
    ),
    "48_HaNoi_thamluan_PCMT_HN_CTMTQG_10-2025.docx": (
        # a conference paper: no header; the presenting body is named under the title
        "tham luận",
        "UBND Thành phố Hà Nội",
        None,
        None,
        "THAM LUẬN Xây dựng mô hình thôn, tổ dân phố không ma túy tiến tới thực hiện mục tiêu xây dựng xã, "
        "phường không ma túy trong Chương trình mục tiêu Quốc gia phòng chống tội phạm ma túy đến năm 2030",
    ),
    "54_HaTinh_UBND_ChuongTrinhCongTac_T10-2017.docx": (
        "chương trình",
        "VĂN PHÒNG",
        None,
        date(2017, 9, 30),
        "CHƯƠNG TRÌNH CÔNG TÁC THÁNG10NĂM 2017 CỦA UỶ BAN NHÂN DÂN TỈNH",
    ),
    "62_QD2061_DanhMuc_sanpham_congviec_congchuc_2026.pdf": (
        # the annex of a decision: its own title, then "(Ban hành kèm theo Quyết định số: /QĐ-UBND ...)"
        "danh mục",
        None,
        None,
        None,
        "DANH MỤC SẢN PHẨM/ CÔNG VIỆC CHUNG CHO CÁC SỞ, NGÀNH, ỦY BAN NHÂN DÂN CẤP XÃ THUỘC ỦY BAN NHÂN DÂN TỈNH "
        "TRONG ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC",
    ),
    "61_BinhDuong_UBND_CT09-2009_KHCN_coso_oldword.doc": (
        "chỉ thị",
        "ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG",
        "09/2009/CT-UBND",
        date(2009, 4, 15),
        "CHỈ THỊ Về việc đẩy mạnh hoạt động khoa học và công nghệ cấp cơ sở",
    ),
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_document_header(name, shared_available):
    import shutil

    from support import REALDOCS

    if name.endswith(".doc") and shutil.which(Settings().office_command) is None:
        pytest.skip("LibreOffice not installed (sh scripts/setup.sh --with-office)")
    meta = read_metadata(read_document(REALDOCS / name, Settings()))
    doc_type, issuer, number, issued, title = REAL[name]
    assert (meta.doc_type, meta.issuer, meta.doc_number, meta.issued_date) == (
        doc_type,
        issuer,
        number,
        issued,
    )
    assert meta.title == title


def _doc(*blocks) -> Document:
    return Document(path="x.docx", format="docx", sha256="", blocks=tuple(blocks))


def _header(left: str, right: str) -> Block:
    cells = (Cell(1, 1, left), Cell(1, 2, right))
    return Block("table", f"{left} {right}", "t1", table=Table(rows=(cells,)))


MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"


def test_decree_has_its_issuer_number_and_title_not_its_first_article():
    meta = read_metadata(
        _doc(
            _header("CHÍNH PHỦ\nSố: 116/2021/NĐ-CP", f"{MOTTO}\nHà Nội, ngày 21 tháng 12 năm 2021"),
            Block("paragraph", "NGHỊ ĐỊNH", "p1"),
            Block("paragraph", "Quy định chi tiết một số điều của Luật Phòng, chống ma túy", "p2"),
            Block("paragraph", "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;", "p3"),
            Block("heading", "Chương I QUY ĐỊNH CHUNG", "p4", level=1),
            Block("heading", "Điều 1. Phạm vi điều chỉnh", "p5", level=2),
            Block("list_item", "1. Nghị định này áp dụng đối với người nghiện ma túy.", "p6"),
        )
    )
    assert (meta.doc_type, meta.issuer, meta.doc_number, meta.issued_date) == (
        "nghị định",
        "CHÍNH PHỦ",
        "116/2021/NĐ-CP",
        date(2021, 12, 21),
    )
    assert meta.title == "NGHỊ ĐỊNH Quy định chi tiết một số điều của Luật Phòng, chống ma túy"


def test_cong_van_title_is_its_subject_line_not_a_numbered_item():
    meta = read_metadata(
        _doc(
            _header(
                "UBND TỈNH LÂM ĐỒNG\nSỞ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 1239/SKHĐT-TH\nV/v triển khai kế hoạch đầu tư công năm 2026",
                f"{MOTTO}\nLâm Đồng, ngày 5 tháng 5 năm 2026",
            ),
            Block("paragraph", "Kính gửi: Các sở, ban, ngành", "p1"),
            Block("list_item", "1. Các sở rà soát danh mục dự án.", "p2"),
            Block("heading", "3. Sở Kế hoạch và Đầu tư chủ trì tổng hợp", "p3", level=3),
        )
    )
    assert (meta.doc_type, meta.issuer, meta.doc_number) == (
        "công văn",
        "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
        "1239/SKHĐT-TH",
    )
    assert meta.title == "V/v triển khai kế hoạch đầu tư công năm 2026"


def test_number_keeps_its_lower_case_letters():
    meta = read_metadata(
        _doc(
            _header(
                "UBND TỈNH VĨNH LONG\nSỞ NỘI VỤ\nSố: 1239/TTr-SNV",
                f"{MOTTO}\nVĩnh Long, ngày 3 tháng 3 năm 2026",
            ),
            Block("paragraph", "TỜ TRÌNH", "p1"),
            Block("paragraph", "Về việc ban hành Nghị quyết quy định chính sách hỗ trợ đào tạo", "p2"),
            Block("paragraph", "Kính gửi: Ủy ban nhân dân tỉnh", "p3"),
        )
    )
    assert (meta.doc_type, meta.doc_number) == ("tờ trình", "1239/TTr-SNV")
    assert meta.title == "TỜ TRÌNH Về việc ban hành Nghị quyết quy định chính sách hỗ trợ đào tạo"


def test_no_title_line_never_takes_a_numbered_item():
    meta = read_metadata(
        _doc(
            Block("heading", "1. Nghị định này áp dụng đối với người nghiện ma túy", "p1", level=2),
            Block("paragraph", "Trên đây là báo cáo của Sở.", "p2"),
        )
    )
    assert meta.title is None


def test_an_undated_paper_speaks_of_the_latest_year_it_cites_not_a_past_result():
    blocks = (
        Block("paragraph", "BÀI PHÁT BIỂU", "p1"),
        Block("paragraph", "Nâng cao chất lượng dạy nghề cho lao động nông thôn", "p2"),
        Block("paragraph", "Kết quả: trong năm 2022, huyện đã mở 40 lớp dạy nghề.", "p3"),
        Block("paragraph", "Thực hiện Quyết định số 15/QĐ-UBND ngày 12/5/2023 của UBND tỉnh, huyện đã ...", "p4"),
    )
    assert read_metadata(_doc(*blocks)).period.label == "năm 2023"
    # a past result named first stays the period when nothing later is cited
    assert read_metadata(_doc(*blocks[:3])).period.label == "năm 2022"


def test_a_title_line_opening_like_a_body_is_the_plans_subject_and_names_its_period():
    # the line under the type word opens with "Thực hiện" (a body opener) but is the title's subject line; the body's
    # first sentence ("Thực hiện Công văn ..., Sở ... như sau:") ends with ":" and is not
    meta = read_metadata(
        _doc(
            _header("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 77/KH-UBND", f"{MOTTO}\nHà Nam, ngày 02 tháng 4 năm 2026"),
            Block("paragraph", "KẾ HOẠCH", "p1"),
            Block("paragraph", "Thực hiện Đề án phát triển thể thao quần chúng giai đoạn 2026-2030", "p2"),
            Block("paragraph", "Thực hiện Quyết định số 12/QĐ-TTg, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", "p3"),
            Block("heading", "I. KẾT QUẢ GIAI ĐOẠN 2021-2025", "p4", level=2),
        )
    )
    assert meta.title == "KẾ HOẠCH Thực hiện Đề án phát triển thể thao quần chúng giai đoạn 2026-2030"
    assert (meta.period.start, meta.period.end) == (date(2026, 1, 1), date(2030, 12, 31))
    report = read_metadata(
        _doc(
            _header("SỞ VĂN HÓA\nSố: 9/BC-SVH", f"{MOTTO}\nHà Nam, ngày 02 tháng 4 năm 2026"),
            Block("paragraph", "BÁO CÁO", "p1"),
            Block("paragraph", "Thực hiện Công văn số 5/UBND ngày 01/3/2026, Sở Văn hóa báo cáo như sau:", "p2"),
        )
    )
    assert report.title == "BÁO CÁO"


def test_an_audit_is_about_the_period_it_examined_not_its_signing_year():
    meta = read_metadata(
        _doc(
            _header("KIỂM TOÁN NHÀ NƯỚC KHU VỰC IX\nSố: 88/TB-KV IX", f"{MOTTO}\nCần Thơ, ngày 09 tháng 3 năm 2027"),
            Block("paragraph", "THÔNG BÁO", "p1"),
            Block("paragraph", "Kết quả kiểm toán ngân sách tại Sở Giáo dục và Đào tạo", "p2"),
            Block("paragraph", "Đoàn kiểm toán đã làm việc tại đơn vị từ ngày 05/01/2027 đến ngày 25/01/2027.", "p3"),
            Block("paragraph", "Thời kỳ kiểm toán: từ ngày 01/7/2025 đến ngày 30/6/2026.", "p4"),
        )
    )
    assert (meta.period.start, meta.period.end) == (date(2025, 7, 1), date(2026, 6, 30))


def test_a_review_of_a_programmes_first_years_speaks_of_those_years():
    # "Tổng kết 5 năm thực hiện Chương trình ... giai đoạn 2021-2030": the review covers 2021-2025, not the whole span
    # (session 20); a review whose count covers the span keeps it
    header = _header("ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA\nSố: 301/BC-UBND", f"{MOTTO}\nKhánh Hòa, ngày 12 tháng 11 năm 2025")
    title = "Tổng kết 5 năm thực hiện Chương trình phát triển du lịch biển đảo giai đoạn 2021-2030"
    meta = read_metadata(_doc(header, Block("paragraph", "BÁO CÁO", "p1"), Block("paragraph", title, "p2")))
    assert (meta.period.start, meta.period.end) == (date(2021, 1, 1), date(2025, 12, 31))
    whole = title.replace("giai đoạn 2021-2030", "giai đoạn 2021-2025")
    meta = read_metadata(_doc(header, Block("paragraph", "BÁO CÁO", "p1"), Block("paragraph", whole, "p2")))
    assert (meta.period.start, meta.period.end) == (date(2021, 1, 1), date(2025, 12, 31))


def test_a_title_that_says_how_far_its_figures_reach_ends_the_period_there():
    # "... năm 2025 (tính đến ngày 30/9/2025)": the report speaks of 01/01 to 30/9, not of the whole year
    header = _header("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 512/BC-SNNMT", f"{MOTTO}\nVinh, ngày 03 tháng 10 năm 2025")
    title = "Kết quả thực hiện vốn sự nghiệp nông nghiệp năm 2025"
    ends = {}
    for reach in (" (tính đến ngày 30/9/2025)", ""):
        meta = read_metadata(_doc(header, Block("paragraph", "BÁO CÁO", "p1"), Block("paragraph", title + reach, "p2")))
        ends[reach] = (meta.period.start, meta.period.end)
    assert ends == {" (tính đến ngày 30/9/2025)": (date(2025, 1, 1), date(2025, 9, 30)),
                    "": (date(2025, 1, 1), date(2025, 12, 31))}


def test_a_period_the_title_names_runs_over_the_days_written_in_brackets_after_it():
    # a working year or reporting quarter cut on other days than the calendar's, in the title or the opening (s19-A)
    header = _header("TÒA ÁN NHÂN DÂN TỈNH HÀ GIANG\nSố: 77/BC-TA", f"{MOTTO}\nHà Giang, ngày 08 tháng 10 năm 2025")
    court = read_metadata(_doc(header, Block("paragraph", "BÁO CÁO", "p1"),
                               Block("paragraph", "Công tác xét xử năm 2025 (từ ngày 01/10/2024 đến ngày 30/9/2025)", "p2")))
    inspect = read_metadata(_doc(
        header, Block("paragraph", "BÁO CÁO", "p1"), Block("paragraph", "Công tác tiếp công dân quý III năm 2025", "p2"),
        Block("paragraph", "Thanh tra huyện báo cáo kết quả công tác tiếp công dân quý III năm 2025 (số liệu từ ngày "
              "15/6/2025 đến ngày 14/9/2025) như sau:", "p3")))
    plain = read_metadata(_doc(header, Block("paragraph", "BÁO CÁO", "p1"),
                               Block("paragraph", "Công tác tiếp công dân quý III năm 2025", "p2")))
    assert (court.period.start, court.period.end) == (date(2024, 10, 1), date(2025, 9, 30))
    assert (inspect.period.start, inspect.period.end) == (date(2025, 6, 15), date(2025, 9, 14))
    assert (plain.period.start, plain.period.end) == (date(2025, 7, 1), date(2025, 9, 30))


def test_days_written_with_tinh_after_the_data_word_still_cut_the_titles_period():
    # "(số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026)": the statistical half-year of a sector cut on the 14th/15th
    # (s20-A); "tính" between the data word and the days is no other period
    header = _header("CỤC HẢI QUAN TỈNH KHÁNH HÒA\nSố: 140/BC-HQKH", f"{MOTTO}\nKhánh Hòa, ngày 20 tháng 6 năm 2026")
    meta = read_metadata(_doc(
        header, Block("paragraph", "BÁO CÁO", "p1"), Block("paragraph", "Kết quả chống buôn lậu 6 tháng đầu năm 2026", "p2"),
        Block("paragraph", "Cục Hải quan báo cáo kết quả chống buôn lậu 6 tháng đầu năm 2026 (số liệu tính từ ngày "
              "15/12/2025 đến ngày 14/6/2026) như sau:", "p3")))
    assert (meta.period.start, meta.period.end) == (date(2025, 12, 15), date(2026, 6, 14))


def test_the_days_in_brackets_closing_a_title_cut_its_first_period():
    # "... năm 2026 và kế hoạch năm 2027 (Số liệu tính từ ngày 01/01/2026 đến ngày 20/11/2026)": the line in brackets
    # under a year-end title states the days of its figures, after the next year's plan (s21-C); days that fall
    # outside the title's first period do not move it
    header = _header("SỞ DÂN TỘC VÀ TÔN GIÁO\nSố: 96/BC-SDTTG", f"{MOTTO}\nBuôn Ma Thuột, ngày 05 tháng 12 năm 2026")
    title = "Kết quả công tác dân tộc năm 2026 và kế hoạch năm 2027"
    periods = {}
    for days in (" (Số liệu tính từ ngày 01/01/2026 đến ngày 20/11/2026)", " (Số liệu tính từ ngày 01/01/2025 đến ngày "
                 "20/11/2025)", ""):
        meta = read_metadata(_doc(header, Block("paragraph", "BÁO CÁO", "p1"), Block("paragraph", title + days, "p2")))
        periods[days] = (meta.period.start, meta.period.end)
    assert list(periods.values()) == [(date(2026, 1, 1), date(2026, 11, 20)), (date(2026, 1, 1), date(2026, 12, 31)),
                                      (date(2026, 1, 1), date(2026, 12, 31))]


def test_a_report_on_a_disaster_covers_the_event_from_its_first_day_to_the_day_its_title_counts_to():
    meta = read_metadata(
        _doc(
            _header("BAN CHỈ HUY PHÒNG THỦ DÂN SỰ TỈNH QUẢNG TRỊ\nSố: 21/BC-BCH", f"{MOTTO}\nQuảng Trị, ngày 28 tháng 10 năm 2027"),
            Block("paragraph", "BÁO CÁO NHANH", "p1"),
            Block("paragraph", "Tình hình mưa lũ và sạt lở đất (tính đến 16h ngày 27/10/2027)", "p2"),
            Block("paragraph", "Thực hiện Công điện số 08/CĐ-UBND ngày 22/10/2027 của Ủy ban nhân dân tỉnh, Ban Chỉ huy "
                  "báo cáo như sau:", "p3"),
            Block("paragraph", "Từ 7h ngày 24/10 đến 13h ngày 26/10/2027, khu vực miền núi có mưa rất to.", "p4"),
        )
    )
    assert (meta.period.start, meta.period.end) == (date(2027, 10, 24), date(2027, 10, 27))


def test_a_report_whose_title_names_no_event_starts_with_its_year():
    # no disaster in the title: the first day its account names (15/01) is no start; the title's day still ends it
    # (s18-E's title_as_of)
    meta = read_metadata(
        _doc(
            _header("SỞ TÀI CHÍNH TỈNH QUẢNG TRỊ\nSố: 75/BC-STC", f"{MOTTO}\nQuảng Trị, ngày 28 tháng 10 năm 2027"),
            Block("paragraph", "BÁO CÁO", "p1"),
            Block("paragraph", "Tình hình giải ngân vốn đầu tư công (tính đến ngày 27/10/2027)", "p2"),
            Block("paragraph", "Ngày 15/01/2027, Ủy ban nhân dân tỉnh giao kế hoạch vốn cho các chủ đầu tư.", "p3"),
        )
    )
    assert (meta.period.start, meta.period.end) == (date(2027, 1, 1), date(2027, 10, 27))


def _report_titled(*lines: str):
    """The metadata of a report whose title lines under BÁO CÁO are `lines`, signed 22/10/2025."""
    return read_metadata(
        _doc(
            _header("UBND TỈNH BẮC NINH\nBAN QUẢN LÝ DỰ ÁN\nSố: 88/BC-BQLDA", f"{MOTTO}\nBắc Ninh, ngày 22 tháng 10 năm 2025"),
            Block("paragraph", "BÁO CÁO", "p1"),
            *(Block("paragraph", line, f"p{i + 2}") for i, line in enumerate(lines)),
            Block("paragraph", "Căn cứ Luật Đất đai năm 2024, Ban Quản lý dự án báo cáo như sau:", "p9"),
        )
    )


@pytest.mark.parametrize("split", [False, True])
def test_a_progress_report_counts_to_the_day_its_title_names(split):
    # "(tính đến ngày ...)" in the title, or on its own line under it: the year to that day, a stock's period
    title = "Tiến độ thu hồi đất, giao đất tái định cư dự án khu công nghiệp Yên Phong II"
    meta = _report_titled(title, "(Tính đến ngày 20/10/2025)") if split else _report_titled(
        f"{title} (tính đến ngày 20/10/2025)")
    assert (meta.period.start, meta.period.end, meta.as_of) == (date(2025, 1, 1), date(2025, 10, 20), True)


def test_a_title_naming_its_period_keeps_it_beside_an_as_of_day():
    meta = _report_titled("Kết quả giải ngân vốn đầu tư công quý III năm 2025 (tính đến ngày 20/10/2025)")
    assert (meta.period.start, meta.period.end, meta.as_of) == (date(2025, 7, 1), date(2025, 9, 30), False)


def test_a_notice_of_a_meetings_conclusions_speaks_of_the_year_it_was_held():
    # session 19, helper s19-C: the span of a scheme its opening cites ("Chương trình ... giai đoạn 2021-2030") is the
    # scheme's, not the meeting's: a notice of conclusions whose title names no period is of its signing year
    meta = read_metadata(
        _doc(
            _header("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG\nVĂN PHÒNG\nSố: 233/TB-VP", f"{MOTTO}\nCao Bằng, ngày 21 tháng 5 năm 2027"),
            Block("paragraph", "THÔNG BÁO", "p1"),
            Block("paragraph", "Kết luận của Phó Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc về tiến độ cấp nước "
                               "sạch nông thôn", "p2"),
            Block("paragraph", "Ngày 18/5/2027, đồng chí Phó Chủ tịch chủ trì buổi làm việc về Chương trình cấp nước "
                               "sạch nông thôn giai đoạn 2021-2030 của tỉnh.", "p3"),
        )
    )
    assert meta.doc_type == "thông báo kết luận"
    assert (meta.period.start, meta.period.end) == (date(2027, 1, 1), date(2027, 12, 31))
