"""Bad and hostile input, all generated here: one plain reason per bad file and nothing of it in the warehouse;
zip bombs, DTD tricks, legacy fonts, kill -9 mid-batch, queries during an ingest; number-grammar properties."""

from __future__ import annotations

import hashlib
import io
import random
import shutil
import signal
import struct
import subprocess
import sys
import time
import zipfile
from decimal import Decimal as D
from pathlib import Path

import docx
import duckdb
import pypdfium2 as pdfium
import pytest
from docx.oxml import OxmlElement
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ROOT, SAMPLES, font_run, pdf_from_objects

from extract.language.numbers import find_numbers, format_number, parse_number
from extract.model import Block, Document
from extract.pipeline import extract_document
from extract.readers.docx_reader import ReadError, _check_package, read_docx
from extract.settings import Settings

MARKER = "XXE-MARKER-7f3a9c"
TABLES = ("documents", "figures", "tasks", "blocks", "relations", "failures")


def baocao(*args, timeout=600):
    return subprocess.run(
        [sys.executable, "-m", "baocao.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
    )


def docx_bytes(build=None) -> bytes:
    d = docx.Document()
    if build:
        build(d)
    else:
        d.add_paragraph("Tổng thu ngân sách đạt 1.234 tỷ đồng, tăng 5,2%.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def replace_part(data: bytes, name: str, edit) -> bytes:
    """The package with part `name` replaced by edit(old bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info)
            zout.writestr(info.filename, edit(body) if info.filename == name else body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def with_dtd(data: bytes, dtd: str, body: str) -> bytes:
    def edit(xml: bytes) -> bytes:
        xml = xml.replace(b"<w:document", f"<!DOCTYPE w:document [{dtd}]>\n<w:document".encode(), 1)
        return xml.replace("Tổng thu ngân sách".encode(), body.encode(), 1)

    return replace_part(data, "word/document.xml", edit)


# ---------------------------------------------------------------- an encrypted PDF, made by hand

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user: bytes = b"secret", owner: bytes = b"owner") -> bytes:
    """A one-page PDF under the standard security handler (RC4 40-bit, PDF 1.4 §3.5 algorithms 3.2-3.4)."""
    pad = lambda pw: (pw + _PAD)[:32]  # noqa: E731
    file_id = hashlib.md5(b"baocao").digest()
    o_entry = _rc4(hashlib.md5(pad(owner)).digest()[:5], pad(user))
    perms = struct.pack("<i", -44)
    key = hashlib.md5(pad(user) + o_entry + perms + file_id).digest()[:5]
    u_entry = _rc4(key, _PAD)
    content = b"BT /F1 12 Tf 72 720 Td (Mat khau bao ve 42 trang) Tj ET"
    obj_key = hashlib.md5(key + (4).to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:10]
    content = _rc4(obj_key, content)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>"
        % (o_entry.hex().encode(), u_entry.hex().encode()),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    fid = file_id.hex().encode()
    return pdf_from_objects(objs, b" /Encrypt 5 0 R /ID [<%s> <%s>]" % (fid, fid))


def test_empty_pdf(tmp_path):
    from extract.readers.pdf_reader import read_pdf

    (tmp_path / "e.pdf").write_bytes(b"")
    with pytest.raises(ValueError, match="^empty file$"):
        read_pdf(tmp_path / "e.pdf")


def test_encrypted_pdf_is_real():
    """The hand-made file really is encrypted: it opens with its password and only with it."""
    data = encrypted_pdf()
    pdf = pdfium.PdfDocument(data, password="secret")
    assert "Mat khau bao ve 42 trang" in pdf[0].get_textpage().get_text_range()
    pdf.close()
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(data)


# ---------------------------------------------------------------- a batch of bad files


def bad_files(folder: Path, secret: Path) -> dict[str, str]:
    """Write every kind of bad file into `folder`; returns file name -> expected reason. Contents differ
    from each other: a batch skips a second file with the same sha256."""
    good = docx_bytes()
    pdf = (SAMPLES / "002_44a35151dedbb7b7.pdf").read_bytes()
    rnd = random.Random(8)
    files = {
        "empty.docx": (b"", "empty file"),
        "notes.docx": ("Đây chỉ là văn bản thường.\n".encode() * 20, "not a Word file (plain text)"),
        "notes.pdf": ("Đây là ghi chú, không phải PDF.\n".encode() * 20, "not a PDF (plain text)"),
        "word.pdf": (good, "not a PDF (a Word or zip file)"),
        "random.docx": (rnd.randbytes(5000), "not a Word file"),
        "random.pdf": (rnd.randbytes(5000), "not a PDF"),
        "cut.docx": (good[: len(good) // 2], "truncated or damaged file"),
        "cut.pdf": (pdf[: len(pdf) // 2], "truncated or damaged file (no end-of-file marker)"),
        "locked.pdf": (encrypted_pdf(), "encrypted PDF, no password"),
        "bomb.docx": (
            replace_part(good, "word/document.xml", lambda x: x + b" " * (51 * 2**20)),
            "word/document.xml over the 50 MB limit",
        ),
        "xxe.docx": (
            with_dtd(good, f'<!ENTITY xxe SYSTEM "file://{secret}">', "&xxe;"),
            "word/document.xml declares a DTD (<!DOCTYPE>), which Word never writes",
        ),
        "laughs.docx": (
            with_dtd(
                good,
                '<!ENTITY a "hahahahaha">'
                + "".join(
                    f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
                    for p, c in zip("abcdefgh", "bcdefghi", strict=True)
                ),
                "&i;",
            ),
            "word/document.xml declares a DTD (<!DOCTYPE>), which Word never writes",
        ),
        "encrypted-word.docx": (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(5000),
            "legacy .doc or encrypted Word file, not .docx",
        ),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    return {name: reason for name, (_, reason) in files.items()}


def warehouse_text(db: Path) -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return "\n".join(str(con.execute(f"select * from {t}").fetchall()) for t in TABLES)
    finally:
        con.close()


def test_bad_files_fail_alone_with_plain_reasons(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(MARKER, encoding="utf-8")
    expected = bad_files(folder, secret)
    shutil.copy(SAMPLES / "002_44a35151dedbb7b7.docx", folder / "good.docx")
    db = tmp_path / "w.duckdb"

    res = baocao("ingest", str(folder), "--db", str(db), "-q", "--workers", "2")
    assert res.returncode == 1
    got = {}
    for line in res.stderr.splitlines():
        path, sep, reason = line.partition(": ")
        if sep and path.startswith(str(folder)):
            name = Path(path).name
            assert name not in got, f"two lines for {name}"
            got[name] = reason
    assert got == expected

    con = duckdb.connect(str(db), read_only=True)
    assert [Path(p).name for (p,) in con.execute("select path from documents").fetchall()] == ["good.docx"]
    failures = con.execute("select path, sha256, reason, failed_at from failures").fetchall()
    assert {Path(p).name: r for p, _, r, _ in failures} == expected
    for path, digest, _, when in failures:
        assert digest == hashlib.sha256(Path(path).read_bytes()).hexdigest() and when is not None
    good_id = con.execute("select doc_id from documents").fetchone()[0]
    for table in ("figures", "tasks", "blocks", "relations"):
        assert con.execute(f"select count(*) from {table} where doc_id <> ?", [good_id]).fetchone()[0] == 0
    con.close()
    assert MARKER not in warehouse_text(db)


def test_python_docx_alone_would_drop_text_after_an_entity():
    """Why a DTD is refused rather than parsed: python-docx keeps entity references unresolved and the
    paragraph silently loses everything after one."""
    data = with_dtd(docx_bytes(), '<!ENTITY x "X">', "A&x;B")
    wdoc = docx.Document(io.BytesIO(data))
    assert wdoc.paragraphs[0].text == "A"


# ---------------------------------------------------------------- zip bombs


def _lie_about_size(data: bytes, name: str, fake: int) -> bytes:
    """Patch the uncompressed size a zip declares for `name`, in the local header and the central directory."""
    out = bytearray(data)
    raw = name.encode()
    i = 0
    while (i := out.find(b"PK\x03\x04", i)) >= 0:
        if out[i + 30 : i + 30 + len(raw)] == raw:
            struct.pack_into("<I", out, i + 22, fake)
        i += 4
    j = 0
    while (j := out.find(b"PK\x01\x02", j)) >= 0:
        if out[j + 46 : j + 46 + len(raw)] == raw:
            struct.pack_into("<I", out, j + 24, fake)
        j += 4
    return bytes(out)


def test_zip_that_lies_about_its_size_is_refused():
    small = Settings().resolve(max_part_bytes=2**20, max_package_bytes=4 * 2**20)
    data = replace_part(docx_bytes(), "word/document.xml", lambda x: x + b" " * (3 * 2**20))
    with pytest.raises(ReadError, match="word/document.xml over the 1 MB limit"):
        _check_package(data, small)
    lying = _lie_about_size(data, "word/document.xml", 1000)
    assert zipfile.ZipFile(io.BytesIO(lying)).getinfo("word/document.xml").file_size == 1000
    with pytest.raises(ReadError, match="truncated or damaged file|over the 1 MB limit"):
        _check_package(lying, small)


def test_package_total_counts_inflated_bytes():
    small = Settings().resolve(max_part_bytes=2**20, max_package_bytes=2 * 2**20)
    blob = b"0" * (900 * 2**10)

    def build(d):
        d.add_paragraph("x")

    data = docx_bytes(build)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        for k in range(3):
            zout.writestr(f"word/media/pad{k}.bin", blob)
    with pytest.raises(ReadError, match="package over the 2 MB limit when unpacked"):
        _check_package(out.getvalue(), small)


def test_deep_xml_and_huge_spans_do_not_crash(tmp_path):
    deep = replace_part(
        docx_bytes(),
        "word/document.xml",
        lambda x: x.replace(
            b"<w:body>", b"<w:body>" + b"<w:sdt><w:sdtContent>" * 3000 + b"</w:sdtContent></w:sdt>" * 3000
        ),
    )
    p = tmp_path / "deep.docx"
    p.write_bytes(deep)
    with pytest.raises(ReadError, match="truncated or damaged file"):
        read_docx(p)

    def build(d):
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text = "Chỉ tiêu"
        t.cell(1, 1).text = "12,5%"
        t.cell(0, 0)._tc.get_or_add_tcPr().append(_grid_span(10**9))

    p = tmp_path / "span.docx"
    p.write_bytes(docx_bytes(build))
    doc = read_docx(p)
    table = next(b.table for b in doc.blocks if b.kind == "table")
    assert table.n_cols <= 64 and table.rows[0][0].text == "Chỉ tiêu"


def _grid_span(n: int):
    el = OxmlElement("w:gridSpan")
    el.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", str(n))
    return el


# ---------------------------------------------------------------- legacy Vietnamese fonts


def test_legacy_font_runs_become_unicode(tmp_path):
    def build(d):
        font_run(d.add_paragraph(), "§¶ng bé tØnh t¨ng 7,5%", ".VnTime")
        font_run(d.add_paragraph(), "NghÞ quyÕt", ".VnTime")
        font_run(d.add_paragraph(), "Uû ban nh©n d©n", ".VnTime")
        font_run(d.add_paragraph(), "Uû BAN NH¢N D¢N TØNH", ".VnTimeH")
        font_run(d.add_paragraph(), "UÛy ban nhaân daân", "VNI-Times")
        p = d.add_paragraph()  # a VNI toned vowel split across two runs
        font_run(p, "Nghò quye", "VNI-Times")
        font_run(p, "át ñònh", "VNI-Times")
        p = d.add_paragraph()  # Word's soft-hyphen element for TCVN3 0xAD, the letter ư
        font_run(p, "tr", ".VnTime")
        p.runs[-1]._r.append(OxmlElement("w:softHyphen"))
        font_run(p, "êng", ".VnTime")
        style = d.styles.add_style("Legacy", 1)  # font set on the style, not on the run
        style.font.name = ".VnArial"
        d.add_paragraph("Tæng thu ng©n s¸ch", style="Legacy")
        font_run(d.add_paragraph(), "Đảng bộ tỉnh", ".VnTime")  # typed in Unicode despite its font
        p = d.add_paragraph()
        font_run(p, "Mục § 5 – ", "Times New Roman")
        font_run(p, "Đảng ", None)
        font_run(p, "ñoaøn", "VNI-Times")

    path = tmp_path / "legacy.docx"
    path.write_bytes(docx_bytes(build))
    texts = [b.text for b in read_docx(path).blocks]
    assert texts == [
        "Đảng bộ tỉnh tăng 7,5%",
        "Nghị quyết",
        "Uỷ ban nhân dân",
        "UỶ BAN NHÂN DÂN TỈNH",
        "Ủy ban nhân dân",
        "Nghị quyết định",
        "trường",
        "Tổng thu ngân sách",
        "Đảng bộ tỉnh",
        "Mục § 5 – Đảng đoàn",
    ]
    ex = extract_document(read_docx(path))
    assert any(f.raw == "7,5%" and "tăng" in f.quote for f in ex.figures)


# ---------------------------------------------------------------- kill -9 and concurrent queries

_HOOKED_INGEST = """
import sys
import warehouse.load as wl
from warehouse.batch import run_ingest
from extract.settings import Settings

_flush = wl.Loader.flush

def flush_and_tell(self):
    done = _flush(self)
    for item in done:
        if item.doc_id is not None:
            print("COMMITTED", item.extraction.document.sha256, file=sys.stderr, flush=True)
    return done

wl.Loader.flush = flush_and_tell
# groups of two documents per transaction, so the batch is still running after its first commit
settings = Settings().resolve(db=sys.argv[2], workers=1, load_group_docs=2, load_group_s=0.05)
sys.exit(run_ingest([sys.argv[1]], settings, progress=False))
"""


def copies(folder: Path, n: int = 12) -> list[Path]:
    """n sample PDFs with distinct bytes (a trailing comment each) and the same content per source."""
    folder.mkdir()
    sources = sorted(SAMPLES.glob("*.pdf"))
    out = []
    for k in range(n):
        src = sources[k % len(sources)]
        dst = folder / f"{k:02d}_{src.name}"
        dst.write_bytes(src.read_bytes() + b"\n% copy " + str(k).encode() + b"\n")
        out.append(dst)
    return out


def _kill_after_first_commit(folder: Path, db: Path) -> int:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOOKED_INGEST, str(folder), str(db)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    committed = 0
    try:
        for line in proc.stderr:
            if line.startswith("COMMITTED"):
                committed += 1
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.kill()
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    return committed


def test_kill_9_mid_batch_then_rerun_completes_without_duplicates(tmp_path):
    files = copies(tmp_path / "in")
    db = tmp_path / "w.duckdb"
    assert _kill_after_first_commit(tmp_path / "in", db) == 1
    assert _kill_after_first_commit(tmp_path / "in", db) == 1  # killed again, on a replayed warehouse
    con = duckdb.connect(str(db), read_only=True)
    # at least the two documents seen committed (a loaded machine may let one more commit before the kill)
    survived = con.execute("select count(*) from documents").fetchone()[0]
    con.close()
    assert survived >= 2
    res = baocao("ingest", str(tmp_path / "in"), "--db", str(db), "-q", "--workers", "2")
    assert res.returncode == 0, res.stderr
    assert f"skipped unchanged {survived}" in res.stderr

    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        "select d.path, d.sha256, (select count(*) from figures f where f.doc_id = d.doc_id), "
        "(select count(*) from blocks b where b.doc_id = d.doc_id) from documents d"
    ).fetchall()
    con.close()
    digests = sorted(r[1] for r in rows)
    assert digests == sorted(hashlib.sha256(f.read_bytes()).hexdigest() for f in files)
    # copies of one source have the same figures and blocks, whichever run loaded them
    per_source: dict[str, set] = {}
    for path, _, n_fig, n_blocks in rows:
        per_source.setdefault(Path(path).name[3:], set()).add((n_fig, n_blocks))
    assert len(per_source) == 4
    for counts in per_source.values():
        assert len(counts) == 1
        ((n_fig, n_blocks),) = counts
        assert n_fig > 0 and n_blocks > 0


def test_query_during_ingest_answers_or_says_busy(tmp_path):
    # enough documents that one worker is still busy when a query process has started (~3 s)
    n = 40
    copies(tmp_path / "in", n=n)
    db = tmp_path / "w.duckdb"
    assert baocao("ingest", str(SAMPLES / "002_44a35151dedbb7b7.docx"), "--db", str(db), "-q").returncode == 0
    ingest = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "baocao.cli",
            "ingest",
            str(tmp_path / "in"),
            "--db",
            str(db),
            "-q",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    outcomes = []
    try:
        while ingest.poll() is None:
            res = baocao("query", "select count(*) as n from documents", "--db", str(db), "--format", "csv")
            if ingest.poll() is None:
                outcomes.append(res)
            time.sleep(0.2)
    finally:
        ingest.wait(timeout=600)
    assert ingest.returncode == 0, ingest.stderr.read()
    assert outcomes, "no query ran while the ingest was running"
    for res in outcomes:
        if res.returncode == 0:
            assert res.stdout.splitlines()[0] == "n" and 1 <= int(res.stdout.splitlines()[1]) <= n + 1
        else:
            assert res.returncode == 1 and "busy" in res.stderr, res.stderr
    final = baocao(
        "query",
        "select count(*) as n, count(distinct sha256) as d from documents",
        "--db",
        str(db),
        "--format",
        "csv",
    )
    assert final.returncode == 0 and final.stdout.splitlines()[1] == f"{n + 1},{n + 1}"


# ---------------------------------------------------------------- number grammar properties


@settings(max_examples=400, deadline=None)
@given(
    st.decimals(min_value=D("-1e15"), max_value=D("1e15"), allow_nan=False, allow_infinity=False, places=4)
)
def test_vietnamese_formatting_parses_back(d):
    k = max(0, -d.as_tuple().exponent)
    written = format_number(d, k)
    assert "." not in written.split(",")[-1] or k == 0  # dots group thousands, the comma marks decimals
    value, decimals = parse_number(written)
    assert value == d and decimals == k


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=10**12),
    st.integers(min_value=0, max_value=3),
    st.sampled_from(["tăng", "giảm", "đạt"]),
)
def test_formatted_number_found_with_its_unit(units, k, verb):
    d = D(units).scaleb(-k)
    written = format_number(d, k)
    found = find_numbers(f"Tổng thu ngân sách {verb} {written} triệu đồng.")
    signed = -d if verb == "giảm" else d  # a decrease is a negative change (contract: role change)
    assert [(m.raw.split(" ")[0], m.value, m.base_value) for m in found] == [
        (written, signed, signed * D("1e6"))
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(text):
    for m in find_numbers(text):
        assert text[m.start : m.end] == m.raw
    try:
        parse_number(text)
    except ValueError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=1, max_size=120), min_size=1, max_size=6))
def test_arbitrary_blocks_through_every_rule(texts):
    """Any block text goes through metadata, figures, tasks and relations without an exception."""
    blocks = tuple(Block("paragraph", t, f"p{i + 1}") for i, t in enumerate(texts))
    ex = extract_document(Document(path="x.docx", format="docx", sha256="0" * 64, blocks=blocks))
    for f in ex.figures:
        assert f.quote[f.char_start : f.char_end] == f.raw
