"""The generated samples (samples/*.docx, *.pdf) carry every line of their seed, in order.

Checked with python-docx, the raw OOXML and pypdfium2 only, never with the project's readers.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SEEDS = REPO.parent / "shared" / "seeds"
EXPECTED = Path(__file__).resolve().parent / "samples_expected"

STEMS = [
    "000_ea23f6f2735d3a0f",
    "001_8ae5b9da1ecb2557",
    "002_44a35151dedbb7b7",
    "003_ef6b9c13ae5fbfa8",
]
# A few phrases each PDF must show (folded text), to prove LibreOffice rendered the content.
PDF_PHRASES = {
    "000_ea23f6f2735d3a0f": [
        "NỘI DUNG GỢI Ý THẢO LUẬN CHUNG",
        "13,95% kế hoạch Thủ tướng giao",
        "140/365 dự án",
    ],
    "001_8ae5b9da1ecb2557": ["18.600 tỷ đồng", "Số -NQ/ĐU", "PHỤ LỤC NHIỆM VỤ", "Thời hạn hoàn thành"],
    "002_44a35151dedbb7b7": ["đạt 6,42%", "trên 1.500 tỷ đồng", "Bình dân học vụ số"],
    "003_ef6b9c13ae5fbfa8": [
        "10.619 tỷ đồng",
        "6.018,3 ngàn lượt khách",
        "Đến nay đã có 53/62 tổ chức cơ sở đảng",
    ],
}

BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
FOOTNOTE_BODY = re.compile(r"\[\d+:[^\]]*\]")
FOOTNOTE_REF = re.compile(r"\[footnoteRef:\d+\]")
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def seed_lines(stem: str) -> list[str]:
    out = []
    for line in (SEEDS / f"{stem}.txt").read_text(encoding="utf-8").splitlines():
        line = FOOTNOTE_REF.sub("", FOOTNOTE_BODY.sub("", BOOKMARK.sub("", line)))
        line = fold(line)
        if line:
            out.append(line)
    return out


def docx_text(path: Path) -> str:
    """Body paragraphs and table cells in document order, one space between paragraphs."""
    body = Document(str(path)).element.body
    paras = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))
    return fold(" ".join(paras))


def pdf_text(path: Path) -> tuple[int, str]:
    pdfium = pytest.importorskip("pypdfium2")
    pdf = pdfium.PdfDocument(str(path))
    try:
        texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        return len(pdf), fold(" ".join(texts))
    finally:
        pdf.close()


need_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seeds not found at {SEEDS}")


@need_seeds
@pytest.mark.parametrize("stem", STEMS)
def test_docx_holds_every_seed_line_in_order(stem):
    text = docx_text(SAMPLES / f"{stem}.docx")
    pos = 0
    for line in seed_lines(stem):
        at = text.find(line, pos)
        assert at >= 0, f"{stem}: line missing or out of order after offset {pos}: {line[:120]!r}"
        pos = at + len(line)


def test_001_task_tables_shape():
    doc = Document(str(SAMPLES / "001_8ae5b9da1ecb2557.docx"))
    grids = [t for t in doc.tables if t.style is not None and t.style.name == "Table Grid"]
    assert [(len(t.rows), len(t.columns)) for t in grids] == [(12, 5), (22, 4)]
    for t in grids:
        tr_pr = t.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
        assert all(r.bold for p in t.rows[0].cells[0].paragraphs for r in p.runs)
    row5_status = grids[0].rows[5].cells[4]
    assert row5_status.paragraphs[0].text == "Đang thực hiện (trễ hạn)."
    assert row5_status.paragraphs[1].text.startswith("Sở Nông nghiệp môi trường đã có hướng dẫn")
    header = doc.tables[0]
    left = [p.text for p in header.rows[0].cells[0].paragraphs]
    assert "Số        -NQ/ĐU" in left and "DỰ THẢO" in left
    assert header.rows[0].cells[1].paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert any(p.text == "Lâm Đồng, ngày      tháng 6 năm 2026" for p in doc.paragraphs)


def test_003_real_footnotes():
    with zipfile.ZipFile(SAMPLES / "003_ef6b9c13ae5fbfa8.docx") as z:
        names = z.namelist()
        assert "word/footnotes.xml" in names
        footnotes = z.read("word/footnotes.xml").decode("utf-8")
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
        types = z.read("[Content_Types].xml").decode("utf-8")
        document = z.read("word/document.xml").decode("utf-8")
    from lxml import etree

    notes = etree.fromstring(footnotes.encode()).findall(f"{W_NS}footnote")
    real = [n for n in notes if n.get(f"{W_NS}type") is None]
    assert len(real) == 3
    assert {n.get(f"{W_NS}type") for n in notes if n not in real} == {"separator", "continuationSeparator"}
    assert "relationships/footnotes" in rels and 'Target="footnotes.xml"' in rels
    assert "wordprocessingml.footnotes+xml" in types
    assert re.findall(r'<w:footnoteReference w:id="(\d+)"/>', document) == ["1", "2", "3"]
    assert "Đến nay đã có 53/62 tổ chức cơ sở đảng" in footnotes


def test_003_headings_match_expected():
    expected = json.loads((EXPECTED / "003_headings.json").read_text(encoding="utf-8"))
    doc = Document(str(SAMPLES / "003_ef6b9c13ae5fbfa8.docx"))
    got = []
    for p in doc.paragraphs:
        m = re.fullmatch(r"Heading (\d)", p.style.name)
        if m:
            got.append([int(m.group(1)), fold(p.text)])
    assert got == expected


def test_core_properties_fixed():
    for stem in STEMS:
        cp = Document(str(SAMPLES / f"{stem}.docx")).core_properties
        assert cp.author == "baocao samples"
        assert cp.created is not None and cp.created.year == 2026
        assert cp.modified == cp.created


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_renders_content(stem):
    pages, text = pdf_text(SAMPLES / f"{stem}.pdf")
    assert pages >= 1
    for phrase in PDF_PHRASES[stem]:
        assert phrase in text, f"{stem}.pdf lacks {phrase!r}"


def test_003_pdf_shows_footnotes_at_page_foot():
    pdfium = pytest.importorskip("pypdfium2")
    pdf = pdfium.PdfDocument(str(SAMPLES / "003_ef6b9c13ae5fbfa8.pdf"))
    try:
        pages = [fold(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    finally:
        pdf.close()
    # Body text continues after the footnote reference, so a footnote printed at the page foot comes
    # after the paragraph that follows the reference.
    page = next(p for p in pages if "Đến nay đã có 53/62" in p)
    assert page.index("Đến nay đã có 53/62") > page.index("Ủy ban Kiểm tra hai cấp đã tiến hành kiểm tra")
