"""Document metadata of the four seeds, from the DOCX and the PDF sample alike."""

from __future__ import annotations

from datetime import date

import pytest
from support import SAMPLES

from extract.metadata import read_metadata
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
