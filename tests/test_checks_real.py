"""The consistency checks on the real documents of ../shared/realdocs that have a text layer and are not
holdout: exactly the findings judged true by reading the documents (README, Consistency checks), so a change in
subjects, indicators or periods that brings a false alarm back fails here."""

from __future__ import annotations

import pytest
from support import REALDOCS, unjudged

from extract.pipeline import extract_file
from warehouse.findings import run_checks
from warehouse.load import connect, load_extraction

# scans (07, 50, 52) and the broken-font PDF (12) need OCR, which is slow; 20, 26, 41, 42, 55, 61 and 62 are
# the holdout's documents, never tuned on
FILES = [
    "01_VL_BC-SNV_tong_ket_dao_tao_2021-2025.pdf",
    "06_VL_BC-SNV_tong_hop_y_kien_lan1.pdf",
    "10_LD_TBKL_PCI_thu_hut_dau_tu.docx",
    "21_LamDong_BC_CCHC_Q1_2026_final.docx",
    "27_LamDong_KH_CCHC_2026-2030_final.docx",
    "30_LamDong_KH_tuyentruyen_CCHC_2026_DUTHAO.docx",
    "31_LamDong_KH_tuyentruyen_CCHC_2026_final.docx",
    "32_LamDong_BC_chamdiem_PARIndex2025_DUTHAO_16-01.docx",
    "33_LamDong_BC_chamdiem_PARIndex2025_final.docx",
    "37_LamDong_BC184-SNV_chiso_PAR_PAPI_PCI_06-11-2025.docx",
    "38_LamDong_BC184-SNV_chiso_06-11-2025_signed.pdf",
    "39_LamDong_BC228-SNV_chiso_28-11-2025_signed.pdf",
    "40_LamDong_BC_DeAn06_T08-2025.docx",
    "43_LamDong_BC_DeAn06_T10-2025.docx",
    "46_LamDong_VPUB_BC_Bochiso766_chamdiem.docx",
    "47_LamDong_BC_tongket_PCMT_2025.docx",
    "48_HaNoi_thamluan_PCMT_HN_CTMTQG_10-2025.docx",
    "54_HaTinh_UBND_ChuongTrinhCongTac_T10-2017.docx",
]


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    if not all((REALDOCS / name).exists() for name in FILES):
        pytest.skip(f"real documents not found at {REALDOCS}")
    con = connect(tmp_path_factory.mktemp("realdocs") / "w.duckdb")
    names = {load_extraction(con, extract_file(REALDOCS / name)): name[:2] for name in FILES}
    found = run_checks(con)
    con.close()
    return [(names[f.doc_id], f.check_id, f.severity, f.message) for f in found]


# (document, check, severity, words of the message), each judged true by reading the document
EXPECTED = [
    # 01, p. 12: shares of the 70 candidates truncated, not rounded (3/70 = 4,286% written 4,28%, twice)
    ("01", "share_mismatch", "error", "03 ứng viên / 70 (tổng 7 phần) = 4.286%, văn bản ghi 4,28%"),
    ("01", "share_mismatch", "error", "03 ứng viên / 70 (tổng 7 phần) = 4.286%, văn bản ghi 4,28%"),
    ("01", "share_mismatch", "error", "09 ứng viên / 70 (tổng 7 phần) = 12.857%, văn bản ghi 12,85%"),
    ("01", "share_mismatch", "error", "02 ứng viên / 70 (tổng 7 phần) = 2.857%, văn bản ghi 2,85%"),
    # 01, p. 9: 11/34 written 32,36% so that the list adds up to 100%
    ("01", "share_rounding", "info", "11 ứng viên / 34 (tổng 7 phần) = 32.353%, văn bản ghi 32,36%"),
    # paragraphs copied between sections
    ("01", "duplicate_text", "warning", "Các chính sách đào tạo, thu hút cần gắn với định hướng sử dụng"),
    (
        "01",
        "duplicate_text",
        "warning",
        "lặp lại 3 lần (trang 11; trang 14; trang 23): «Cần có các hoạt động tổng kết",
    ),
    ("47", "duplicate_text", "warning", "Công tác tuyên truyền, vận động, giáo dục Nhân dân không trồng cây"),
    ("47", "duplicate_text", "warning", "Đã khởi tố 01 vụ 01 bị can"),
    # blank number and date slots in the heads (the latest version of each family)
    *[
        (doc, "placeholder", "info", "(số văn bản)")
        for doc in ("01", "06", "10", "21", "27", "31", "33", "33", "38", "39", "40", "43", "46", "47")
    ],
    *[
        (doc, "placeholder", "info", "(ngày)")
        for doc in ("01", "10", "21", "27", "31", "33", "38", "39", "40", "43", "46", "47")
    ],
]


def test_real_documents_raise_only_the_findings_judged_true(findings):
    # what is left is a false alarm (value_conflict, status_mislabel, parts_exceed_total ... on these documents
    # were all judged false) or a new finding to judge by reading the document and add above
    assert unjudged(findings, EXPECTED) == {"unexpected": [], "missing": []}
