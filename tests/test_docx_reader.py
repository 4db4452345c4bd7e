"""The DOCX reader on the committed samples: order, tables, merged cells, footnotes, headings."""

from __future__ import annotations

import io
import json
import zipfile

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from support import ROOT, SAMPLES, SEED_STEMS, font_run, missing_in_order, model_text, seed_lines

from extract.language.text import fold
from extract.readers.docx_reader import ReadError, read_docx


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_every_seed_line_in_order(stem, shared_available):
    doc = read_docx(SAMPLES / f"{stem}.docx")
    lines, notes = seed_lines(stem)
    assert missing_in_order(lines, model_text(doc)) == []
    footnotes = [b.text for b in doc.blocks if b.kind == "footnote"]
    assert footnotes == notes


def test_annex_tables_of_001():
    doc = read_docx(SAMPLES / "001_8ae5b9da1ecb2557.docx")
    tables = [b.table for b in doc.tables() if b.table.cell_texts()[0][0] == "STT"]
    assert [(t.n_rows - 1, t.n_cols) for t in tables] == [(11, 5), (21, 4)]
    a1 = tables[0].cell_texts()
    assert a1[1] == ["1", "Chương trình xúc tiến đầu tư; danh mục dự án thu hút đầu tư năm 2026", "Sở Tài chính",
                     "4/2026", "Đang thực hiện (trễ hạn)"]
    assert a1[5][4].startswith("Đang thực hiện (trễ hạn).\nSở Nông nghiệp môi trường đã có hướng dẫn")
    assert a1[11][2] == "Sở Dân tộc và Tôn giáo, Sở Tài chính"
    assert tables[1].cell_texts()[21] == ["21", "Đề án phát triển công nghiệp văn hóa trên địa bàn tỉnh",
                                          "Sở Văn hóa, Thể thao và Du lịch", "10/2026"]


def test_headings_of_003_with_levels():
    doc = read_docx(SAMPLES / "003_ef6b9c13ae5fbfa8.docx")
    expected = json.loads((ROOT / "tests/samples_expected/003_headings.json").read_text(encoding="utf-8"))
    got = [[b.level, b.text] for b in doc.blocks if b.kind == "heading"]
    assert got == [[lvl, fold(t)] for lvl, t in expected]


def test_footnotes_follow_their_paragraph():
    doc = read_docx(SAMPLES / "003_ef6b9c13ae5fbfa8.docx")
    kinds = [(b.kind, b.location) for b in doc.blocks]
    i = kinds.index(("footnote", "f1"))
    assert doc.blocks[i - 1].kind == "paragraph" and "kiểm tra, giám sát năm 2026" in doc.blocks[i - 1].text
    assert kinds[i + 1] == ("footnote", "f2")


def _docx_bytes(build) -> bytes:
    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_merged_cells_are_read_once(tmp_path):
    def build(d):
        t = d.add_table(rows=3, cols=3)
        a = t.cell(0, 0).merge(t.cell(0, 2))
        a.text = "Tiêu đề gộp"
        b = t.cell(1, 0).merge(t.cell(2, 0))
        b.text = "Gộp dọc"
        t.cell(1, 1).text = "x"
        t.cell(2, 2).text = "y"

    p = tmp_path / "merged.docx"
    p.write_bytes(_docx_bytes(build))
    table = next(read_docx(p).tables()).table
    first = table.rows[0]
    assert [(c.text, c.colspan) for c in first] == [("Tiêu đề gộp", 3)]
    assert table.rows[1][0].text == "Gộp dọc" and table.rows[1][0].rowspan == 2
    assert [c.col for c in table.rows[2]] == [2, 3]  # the vertically merged cell is not repeated
    assert all("Gộp dọc" not in c.text for c in table.rows[2])


def test_nested_table_gets_its_own_block(tmp_path):
    def build(d):
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).text = "ngoài"
        inner = t.cell(0, 1).add_table(rows=1, cols=1)
        inner.cell(0, 0).text = "bên trong 12 dự án"

    p = tmp_path / "nested.docx"
    p.write_bytes(_docx_bytes(build))
    tables = list(read_docx(p).tables())
    assert len(tables) == 2
    assert tables[1].table.parent == "t1r1c2" and tables[1].table.rows[0][0].text == "bên trong 12 dự án"


def test_headers_and_footers_stay_out_of_the_body(tmp_path):
    def build(d):
        d.sections[0].header.paragraphs[0].text = "ĐẦU TRANG 99"
        d.sections[0].footer.paragraphs[0].text = "Trang 1"
        d.add_paragraph("Nội dung chính đạt 5%.")

    p = tmp_path / "hf.docx"
    p.write_bytes(_docx_bytes(build))
    text = " ".join(b.text for b in read_docx(p).blocks)
    assert text == "Nội dung chính đạt 5%."


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"", "empty file"),
        (b"Chi la van ban thuong, khong phai Word.\n", "not a Word file (plain text)"),
        (b"%PDF-1.4 ...", "not a Word file (a PDF)"),
    ],
)
def test_bad_input_has_a_plain_reason(tmp_path, content, reason):
    p = tmp_path / "bad.docx"
    p.write_bytes(content)
    with pytest.raises(ReadError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        read_docx(p)


def test_truncated_docx(tmp_path):
    data = (SAMPLES / "000_ea23f6f2735d3a0f.docx").read_bytes()
    p = tmp_path / "cut.docx"
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError, match="truncated or damaged"):
        read_docx(p)


def test_zip_without_document_part(tmp_path):
    p = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("hello.txt", "x")
    with pytest.raises(ReadError, match="no word/document.xml"):
        read_docx(p)


# ---------------------------------------------------------------- the reader's own walk of python-docx's tree


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_paragraph_styles_read_as_python_docx_lists_them(stem):
    """_StyleFacts reads the styles part itself; python-docx's style list and default() give the same."""
    from extract.readers.docx_reader import _StyleFacts

    wdoc = docx.Document(str(SAMPLES / f"{stem}.docx"))
    facts = _StyleFacts(wdoc)
    styles, default = _python_docx_styles(wdoc)
    assert facts.styles == styles and len(styles) > 10
    assert facts.default is default is not None


def _python_docx_styles(wdoc):
    """Paragraph styles and default as the reader read them through python-docx's proxies before."""
    from docx.enum.style import WD_STYLE_TYPE

    styles, default = {}, None
    try:
        for st in wdoc.styles:
            if st.type == WD_STYLE_TYPE.PARAGRAPH:
                styles[st.style_id] = st.element
        found = wdoc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        default = found.element if found is not None else None
    except (KeyError, AttributeError, ValueError):
        pass
    return styles, default


@pytest.mark.parametrize("odd", ["bogus", None])
def test_a_style_python_docx_refuses_is_read_as_python_docx_reads_it(tmp_path, odd):
    """A style of an unknown type (or none) stops python-docx's style list where it stands, and with it the
    default style: the reader's own reading of the styles part gives way to python-docx's there."""
    from extract.readers.docx_reader import _StyleFacts

    def build(d):
        d.add_paragraph("Kết quả thực hiện", style="Heading 2")
        odd_style = d.styles.add_style("Odd", 1).element
        late = d.styles.add_style("Late", 1)  # a default paragraph style after the odd one, never reached
        d.add_paragraph("Nội dung", style="Late")
        late.element.set(qn("w:default"), "1")
        d.styles["Normal"].element.set(qn("w:default"), "0")
        odd_style.attrib.pop(qn("w:type"))
        if odd:
            odd_style.set(qn("w:type"), odd)

    p = tmp_path / "odd.docx"
    p.write_bytes(_docx_bytes(build))
    wdoc = docx.Document(str(p))
    styles, default = _python_docx_styles(wdoc)
    facts = _StyleFacts(wdoc)
    assert (facts.styles, facts.default) == (styles, default)
    assert "Heading2" in styles and "Late" not in styles and default is None
    blocks = read_docx(p).blocks
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("heading", 2, "Kết quả thực hiện"),
        ("paragraph", None, "Nội dung"),
    ]


def test_a_legacy_font_only_where_a_run_resolves_to_it(tmp_path):
    """A legacy font defined in a style no run uses leaves Latin-1 text as typed; the runs of that style
    (and a run naming the font itself) are converted."""

    def build(d):
        style = d.styles.add_style("Cu", 1)
        style.font.name = ".VnTime"
        d.add_paragraph("Tæng sè 5 ®¬n vÞ")  # typed so in a Unicode font: kept
        d.add_paragraph("Tæng sè 5 ®¬n vÞ", style="Cu")
        font_run(d.add_paragraph(), "Tæng sè", ".VnTime")

    p = tmp_path / "styles.docx"
    p.write_bytes(_docx_bytes(build))
    assert [b.text for b in read_docx(p).blocks] == ["Tæng sè 5 ®¬n vÞ", "Tổng số 5 đơn vị", "Tổng số"]


def test_a_legacy_font_named_by_a_run_alone(tmp_path):
    """No style names a legacy font; one run (and one footnote-free table cell) does."""

    def build(d):
        font_run(d.add_paragraph(), "Tæng sè", ".VnTime")
        font_run(d.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0], "§¬n vÞ", ".VnTime")

    p = tmp_path / "run.docx"
    p.write_bytes(_docx_bytes(build))
    blocks = read_docx(p).blocks
    assert blocks[0].text == "Tổng số" and blocks[1].table.rows[0][0].text == "Đơn vị"


def test_a_legacy_default_paragraph_style_converts_runs_without_their_own_font(tmp_path):
    def build(d):
        d.styles["Normal"].font.name = "VNI-Times"
        p = d.add_paragraph()
        font_run(p, "Toång soá ", None)
        font_run(p, "Tổng số", "Times New Roman")

    p = tmp_path / "normal.docx"
    p.write_bytes(_docx_bytes(build))
    assert [b.text for b in read_docx(p).blocks] == ["Tổng số Tổng số"]


def test_a_bold_numbered_line_is_a_heading_unless_a_shown_run_is_not_bold(tmp_path):
    """Runs showing text decide: a blank run may be plain; a non-breaking hyphen shows text."""

    def build(d):
        p = d.add_paragraph()
        p.add_run("II. KẾT QUẢ THỰC HIỆN").bold = True
        p.add_run("   ")
        p = d.add_paragraph()
        p.add_run("III. NHIỆM VỤ").bold = True
        p.add_run()._r.append(OxmlElement("w:noBreakHyphen"))

    p = tmp_path / "bold.docx"
    p.write_bytes(_docx_bytes(build))
    assert [(b.kind, b.level) for b in read_docx(p).blocks] == [("heading", 2), ("paragraph", None)]


def package_with(part: bytes) -> bytes:
    """A zip with a Word body and one more XML part holding `part` (what the package check reads)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document/>")
        zf.writestr("word/extra.xml", part)
    return out.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("offset", [-40, -5, -1, 0, 3])
def test_a_dtd_across_the_check_chunks_is_refused(encoding, offset):
    # the mark placed around the 64 KB boundary where the check reads its next chunk (and the "!" either side)
    from extract.readers.docx_reader import _CHUNK, _check_package
    from extract.settings import Settings

    mark = "<!DOCTYPE x>".encode(encoding)
    pad = " ".encode(encoding) * ((_CHUNK + offset) // len(" ".encode(encoding)))
    with pytest.raises(ReadError, match="declares a DTD"):
        _check_package(package_with(pad + mark + b"<x/>"), Settings())


def test_exclamation_marks_without_a_dtd_pass_the_check():
    from extract.readers.docx_reader import _CHUNK, _check_package
    from extract.settings import Settings

    text = ("Chú ý! " * (3 * _CHUNK // 8)).encode()
    _check_package(package_with(b"<x>" + text + b"<!-- a comment --></x>"), Settings())
