"""OCR of scanned pages and garbled text layers: generated image-only and broken-font PDFs, the real scan (07)
and the real broken-font report (12), the Vietnamese-syllable score, and a clear reason without Tesseract."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

import duckdb
import pypdfium2 as pdfium
import pytest
from support import REALDOCS, SAMPLES, pdf_from_objects

from extract.language.syllables import is_syllable, vietnamese_share
from extract.pipeline import extract_file
from extract.readers.ocr import unavailable_reason
from extract.readers.pdf_reader import read_pdf

needs_ocr = pytest.mark.skipif(
    unavailable_reason("tesseract", "vie") is not None, reason="tesseract with Vietnamese data not installed"
)

# How "người sử dụng trái phép chất" reads in the broken-font real document (12): the glyphs are right,
# the character codes behind them are not.
GARBLED = (
    "HiÇn nay, trên dËa bàn tÉinh Lâm \x10ông có ng°Ýi sí dång tr£i phép ch¥t ma túy và ng°Ýi nghiÇn ma túy "
    "ngoài xã hÙi. \x10Ã giúp ng°Ýi nghiÇn tëng b°Ûc rÝi xa ma túy, làm l¡i cuÙc \x11Ýi, hòa nh-p cÙng \x11Óng "
    "và xây dñng mÙt xã hÙi khÏe m¡nh, an toàn; \x11Óng thÝi, h¡n chø các nguyên nhân, \x11iÁu kiÇn phát sinh"
)


def render_seed_page(scale: float = 250 / 72):
    """Page 1 of sample 003 as a picture: it states 7,47% and 10.619 tỷ đồng."""
    pdf = pdfium.PdfDocument(str(SAMPLES / "003_ef6b9c13ae5fbfa8.pdf"))
    try:
        return pdf[0].render(scale=scale).to_pil().convert("RGB")
    finally:
        pdf.close()


def image_pdf(image, invisible_text: str | None = None) -> bytes:
    """A one-page A4 PDF showing `image`, optionally over an invisible text layer (render mode 3): how a
    broken font looks — right on screen, wrong underneath."""
    jpeg = io.BytesIO()
    image.save(jpeg, format="JPEG", quality=90)
    jpeg = jpeg.getvalue()
    w, h = 595.3, 841.9
    content = f"q {w} 0 0 {h} 0 0 cm /Im0 Do Q\n".encode()
    if invisible_text:
        lines = [invisible_text[i : i + 90] for i in range(0, len(invisible_text), 90)]
        content += b"BT 3 Tr /F1 11 Tf 14 TL 60 780 Td\n"
        for line in lines:
            esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            content += b"(" + esc.encode("latin-1") + b") Tj T*\n"
        content += b"ET\n"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.1f %.1f] /Contents 4 0 R "
        b"/Resources << /XObject << /Im0 5 0 R >> /Font << /F1 6 0 R >> >> >>" % (w, h),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 "
        b"/Filter /DCTDecode /Length %d >>\nstream\n"
        % (image.width, image.height, len(jpeg))
        + jpeg
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    return pdf_from_objects(objs)


# ---------------------------------------------------------------- the syllable score


@pytest.mark.parametrize(
    "word",
    ["người", "Nghị", "quyết", "khuya", "thuở", "nghiêng", "Đảng", "ỦY", "giữa", "gì", "hoặc", "tuần", "con"],
)
def test_vietnamese_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["ng°Ýi", "tÉinh", "nghiÇn", "ci", "gha", "tàc", "ngìe", "thựcs", "kan"])
def test_not_syllables(word):
    assert not is_syllable(word)


def test_share_separates_text_from_garbage(shared_available):
    real = (shared_available / "seeds" / "003_ef6b9c13ae5fbfa8.txt").read_text(encoding="utf-8")
    share, judged = vietnamese_share(real)
    assert judged > 5000 and share > 0.98
    share, judged = vietnamese_share(GARBLED)
    assert judged >= 20 and share < 0.7
    # abbreviations and numbers are not judged
    assert vietnamese_share("UBND HĐND 12,5% 2025") == (1.0, 0)


def test_share_splits_words_at_hyphens_slashes_and_dashes():
    # "kinh-tế" is two syllables, "xã/phường" two, "ng°Ýi–tÉinh" two that fail
    assert vietnamese_share("kinh-tế xã/phường ng°Ýi–tÉinh 2025") == (4 / 6, 6)
    assert vietnamese_share("") == (1.0, 0)


# ---------------------------------------------------------------- generated PDFs


@needs_ocr
def test_image_only_pdf_is_read_by_ocr(tmp_path):
    """A rendered seed page wrapped in an image-only PDF (PIL) yields its figures, flagged ocr with a page."""
    src = tmp_path / "in"
    src.mkdir()
    render_seed_page().save(src / "scan.pdf", "PDF", resolution=250)
    db = tmp_path / "w.duckdb"
    res = subprocess.run(
        [sys.executable, "-m", "baocao.cli", "ingest", str(src), "--db", str(db), "-q", "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert res.returncode == 0, res.stderr
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("select raw, base_value, ocr, page from figures").fetchall()
    assert con.execute("select ocr_pages from documents").fetchone()[0] == 1  # pages, not blocks
    con.close()
    by_raw = {r[0]: r for r in rows}
    assert "7,47%" in by_raw and by_raw["7,47%"][1] == pytest.approx(7.47)
    assert "10.619 tỷ đồng" in by_raw and by_raw["10.619 tỷ đồng"][1] == pytest.approx(1.0619e13)
    assert all(r[2] is True and r[3] == 1 for r in rows)


@needs_ocr
def test_garbled_text_layer_falls_back_to_ocr(tmp_path):
    """Invisible garbage over the right picture: the garbage is dropped, the picture is read."""
    path = tmp_path / "broken.pdf"
    path.write_bytes(image_pdf(render_seed_page(), invisible_text=GARBLED))
    # the text layer really is there and really is garbage
    pdf = pdfium.PdfDocument(str(path))
    assert "ng°Ýi" in pdf[0].get_textpage().get_text_range()
    pdf.close()
    ex = extract_file(path)
    text = " ".join(b.text for b in ex.document.blocks)
    assert "ng°Ýi" not in text and "tỷ đồng" in text
    assert all(b.ocr for b in ex.document.blocks)
    raws = {f.raw for f in ex.figures}
    assert {"7,47%", "10.619 tỷ đồng"} <= raws
    assert all(f.ocr and f.page == 1 for f in ex.figures)


def test_text_pdf_is_not_ocred():
    doc = read_pdf(SAMPLES / "002_44a35151dedbb7b7.pdf")
    assert doc.blocks and not any(b.ocr for b in doc.blocks)


def test_missing_tesseract_is_a_reason_not_a_crash(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    render_seed_page(scale=1.0).save(src / "scan.pdf", "PDF", resolution=72)
    shutil.copy(SAMPLES / "002_44a35151dedbb7b7.docx", src)
    db = tmp_path / "w.duckdb"
    env = {**os.environ, "PATH": str(tmp_path)}  # no tesseract on this PATH
    res = subprocess.run(
        [sys.executable, "-m", "baocao.cli", "ingest", str(src), "--db", str(db), "-q", "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert res.returncode == 1
    lines = [ln for ln in res.stderr.splitlines() if "scan.pdf" in ln]
    assert lines == [f"{src / 'scan.pdf'}: scanned PDF: OCR not available (tesseract not installed)"]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from documents").fetchone()[0] == 1
    assert con.execute("select reason from failures").fetchall() == [
        ("scanned PDF: OCR not available (tesseract not installed)",)
    ]


def test_missing_language_data_is_named():
    assert unavailable_reason("tesseract", "vie+xyz") in (
        "OCR not available (tesseract has no xyz language data)",
        "OCR not available (tesseract not installed)",
    )


# ---------------------------------------------------------------- the real documents


@needs_ocr
def test_realdoc_07_scan_yields_text(shared_available):
    path = REALDOCS / "07_VL_05-BB-SNV_bien_ban_SCANNED.pdf"
    doc = read_pdf(path)
    assert doc.pages == 3 and {b.page for b in doc.blocks} == {1, 2, 3}
    assert all(b.ocr for b in doc.blocks)
    text = " ".join(b.text for b in doc.blocks)
    for phrase in ("BIÊN BẢN", "Sở Nội vụ", "Nghị quyết", "50.000.000 đồng"):
        assert phrase in text


@needs_ocr
def test_realdoc_12_broken_font_yields_its_figures(shared_available):
    ex = extract_file(REALDOCS / "12_LD_298-TTr-CAT-PC04_BROKEN-FONT.pdf")
    found = {(f.value, f.unit) for f in ex.figures if f.ocr and f.page == 1}
    assert {(4289, "người"), (1028, "người")} <= found
    assert "ng°Ýi" not in " ".join(b.text for b in ex.document.blocks)


@needs_ocr
def test_a_long_scan_gets_time_for_each_page_it_reads_by_ocr(tmp_path):
    """A 4-page scan under a short document limit: with 20 s per OCR page it loads (pages read in parallel,
    ocr_pages counts pages); with no per-page budget the same file fails for its length. The limit with the
    budget is 3 s, not 1 s, so that a worker's warm-up on a loaded machine does not use it up."""
    from extract.settings import Settings
    from warehouse.batch import ingest_files

    page = render_seed_page(scale=150 / 72)
    path = tmp_path / "long_scan.pdf"
    page.save(path, "PDF", resolution=150, save_all=True, append_images=[page] * 3)
    budget = Settings(db=str(tmp_path / "a.duckdb"), workers=1, doc_timeout_s=3.0, ocr_page_budget_s=20.0)
    result = ingest_files([path], budget)
    assert (result.loaded, result.failures) == (1, [])
    con = duckdb.connect(budget.db, read_only=True)
    assert con.execute("select pages, ocr_pages from documents").fetchone() == (4, 4)
    assert con.execute("select count(distinct page) from figures where raw = '7,47%'").fetchone()[0] == 4
    con.close()
    none = Settings(db=str(tmp_path / "b.duckdb"), workers=1, doc_timeout_s=1.0, ocr_page_budget_s=0.0)
    result = ingest_files([path], none)
    assert result.loaded == 0 and result.failures == [(str(path), "took longer than the 1 s limit")]


def test_the_core_budget_is_shared_and_a_dead_holder_frees_its_token(tmp_path):
    """One token: a second taker waits while another process holds it, and gets it when that process is
    killed (the kernel drops its lock; a semaphore would have kept the token forever)."""
    import multiprocessing
    import threading
    import time

    from extract.readers.ocr import CoreBudget

    budget = CoreBudget(str(tmp_path), 1)
    ctx = multiprocessing.get_context("fork")
    held = ctx.Event()

    def hold():
        with budget.slot():
            held.set()
            time.sleep(60)

    holder = ctx.Process(target=hold, daemon=True)
    holder.start()
    assert held.wait(10)
    got = threading.Event()

    def take():
        with budget.slot():
            got.set()

    threading.Thread(target=take, daemon=True).start()
    assert not got.wait(0.5)
    holder.kill()
    holder.join()
    assert got.wait(5)
