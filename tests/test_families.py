"""Document families: the DOCX and PDF of one text and the drafts of one document form one family whatever
the load order; versions are revisions (diff), not conflicts; a finding is filed once per family."""

from __future__ import annotations

import shutil

import docx
import pytest
from support import SAMPLES

from extract.pipeline import extract_file
from warehouse.diff import diff_rows, read_rows
from warehouse.families import (
    _OUTSIDE_AGREED,
    _WORD,
    _WORD_STDLIB,
    find_locality,
    group_families,
    similarity,
    sketch,
)
from warehouse.findings import run_checks
from warehouse.load import connect, load_extraction

SEED = SAMPLES / "001_8ae5b9da1ecb2557"
OTHER = SAMPLES / "003_ef6b9c13ae5fbfa8"


def _rewrite(src, dst, replace: dict[str, str]):
    """A new DOCX holding the paragraphs of `src` with some words replaced (a draft or a revision)."""
    d = docx.Document(src)
    out = docx.Document()
    for p in d.paragraphs:
        text = p.text
        for a, b in replace.items():
            text = text.replace(a, b)
        out.add_paragraph(text)
    out.save(dst)
    return dst


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """A draft and a final of one report (turnout revised 99,80% -> 99,82%), a DOCX/PDF pair, another report."""
    d = tmp_path_factory.mktemp("versions")
    files = [
        _rewrite(f"{SEED}.docx", d / "baocao_duthao.docx", {"99,82%": "99,80%"}),
        _rewrite(f"{SEED}.docx", d / "baocao_final.docx", {}),
        shutil.copy(f"{OTHER}.docx", d / "other.docx"),
        shutil.copy(f"{OTHER}.pdf", d / "other.pdf"),
        shutil.copy(SAMPLES / "000_ea23f6f2735d3a0f.docx", d / "third.docx"),
    ]
    return [extract_file(f) for f in files]


def _families(tmp_path, extractions):
    con = connect(tmp_path / "w.duckdb")
    for ex in extractions:
        load_extraction(con, ex)
    found = run_checks(con)
    rows = con.execute(
        "select regexp_extract(path, '[^/]+$'), family_id, version_rank, is_latest from documents"
    ).fetchall()
    con.close()
    return {r[0]: r[1:] for r in rows}, found


def test_families_do_not_depend_on_load_order(tmp_path, versions):
    forward, _ = _families(tmp_path / "a", versions)
    backward, _ = _families(tmp_path / "b", list(reversed(versions)))
    assert forward == backward
    assert forward["baocao_duthao.docx"][0] == forward["baocao_final.docx"][0]
    assert forward["baocao_duthao.docx"][1:] == (1, False) and forward["baocao_final.docx"][1:] == (2, True)
    # the Word file first, the PDF made from it last
    assert forward["other.docx"][0] == forward["other.pdf"][0]
    assert forward["other.docx"][1:] == (1, False) and forward["other.pdf"][1:] == (2, True)
    assert len({v[0] for v in forward.values()}) == 3


def test_versions_are_revisions_not_conflicts_and_findings_come_once(tmp_path, versions):
    con = connect(tmp_path / "w.duckdb")
    ids = [load_extraction(con, ex) for ex in versions]
    found = run_checks(con)
    # the draft's 99,80% against the final's 99,82% is a revision: no conflict between the two
    assert not [
        f for f in found if f.check_id == "value_conflict" and {f.doc_id, f.other_doc_id} == {ids[0], ids[1]}
    ]
    # the seed's known turnout conflict with 003 (99,82% vs 99,76%) comes once, between the latest versions
    conflicts = [f for f in found if f.check_id == "value_conflict" and f.severity == "warning"]
    assert len(conflicts) == 1 and {conflicts[0].doc_id, conflicts[0].other_doc_id} == {ids[1], ids[3]}
    # the seed's own defects (draft and final state them both) are filed once, under the final
    mismatch = [f for f in found if f.check_id == "text_table_mismatch" or f.check_id == "duplicate_text"]
    assert mismatch and all(f.doc_id not in (ids[0], ids[2]) for f in mismatch)
    keys = [(f.check_id, f.message) for f in found]
    assert len(keys) == len(set(keys))
    # ... and the revision is what diff reports
    old_f, old_t = read_rows(con, ids[0])
    new_f, new_t = read_rows(con, ids[1])
    con.close()
    changed = [c for c in diff_rows(old_f, new_f, old_t, new_t, ids[0], ids[1]).items() if c.kind == "figure"]
    assert [(c.old["raw"], c.new["raw"]) for c in changed] == [("99,80%", "99,82%")]


def test_similarity_separates_versions_from_other_texts():
    text = " ".join(f"câu số {i} nói về kết quả thực hiện nhiệm vụ của đơn vị {i * 7}" for i in range(200))
    revised = text.replace("đơn vị 7 ", "đơn vị bảy ")
    other = " ".join(f"đoạn {i} bàn về kế hoạch năm sau của sở {i * 3} và các xã" for i in range(200))
    assert similarity(sketch(text), sketch(revised)) > 0.9
    assert similarity(sketch(text), sketch(other)) < 0.1


def test_two_periods_of_one_report_are_two_families(tmp_path, versions):
    from dataclasses import replace as dc_replace

    from warehouse.families import _Doc

    base = dict(
        sha256="",
        format="docx",
        title="BÁO CÁO",
        doc_number=None,
        issued_date=None,
        is_draft=None,
        draft_no=None,
        head="",
        sketch=sketch("một hai ba bốn năm sáu bảy tám chín mười " * 30),
    )
    aug = _Doc(doc_id=1, path="t08.docx", period=("2025-08-01", "2025-08-31"), **base)
    sep = dc_replace(aug, doc_id=2, path="t09.docx", period=("2025-09-01", "2025-09-30"))
    sep2 = dc_replace(sep, doc_id=3, path="t09_tinhden20.docx")
    groups = sorted(sorted(d.doc_id for d in g) for g in group_families([aug, sep, sep2]))
    assert groups == [[1], [2, 3]]


@pytest.mark.parametrize(
    ("issuer", "head", "expected"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "", "Lâm Đồng"),
        (None, "UBND TỈNH ĐẮK NÔNG / SỞ TÀI CHÍNH", "Đắk Nông"),  # a province merged into Lâm Đồng in 2025
        (None, "UBND TỈNH LÂM ĐỒNG / ĐẢNG ỦY XÃ ĐẠ HUOAI", "Lâm Đồng › xã Đạ Huoai"),
        (None, "UBND TỈNH LÂM ĐỒNG / ĐẢNG ỦY XÃ HOA SEN", "Lâm Đồng"),  # no such commune in the list
        ("SỞ NỘI VỤ", "Báo cáo kết quả năm 2025", None),
    ],
)
def test_locality_from_the_list_of_administrative_units(issuer, head, expected):
    assert find_locality(issuer, head, None) == expected


LONG = [
    f"Trong kỳ, các cơ quan, đơn vị đã triển khai nhiệm vụ số {i} theo kế hoạch, bảo đảm tiến độ và chất lượng, "
    f"kịp thời báo cáo kết quả thực hiện về cơ quan thường trực để tổng hợp theo quy định."
    for i in range(40)
]


def _report(path, head, paragraphs, table=None):
    d = docx.Document()
    for p in head + paragraphs + LONG:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    d.save(path)
    return path


def _load(tmp_path, files):
    con = connect(tmp_path / "w.duckdb")
    ids = [load_extraction(con, extract_file(f)) for f in files]
    return con, ids


@pytest.mark.parametrize(("other_province", "fires"), [("LÂM ĐỒNG", True), ("ĐẮK NÔNG", False)])
def test_conflicts_across_families_only_for_the_same_place(tmp_path, other_province, fires):
    a = _report(
        tmp_path / "a.docx",
        ["UBND TỈNH LÂM ĐỒNG", "BÁO CÁO", "Kết quả bầu cử quý I năm 2026"],
        ["Tỷ lệ cử tri đi bầu đạt 99,76%."],
    )
    b = _report(
        tmp_path / "b.docx",
        [f"UBND TỈNH {other_province}", "BÁO CÁO", "Tình hình 6 tháng đầu năm 2026"],
        ["Kỳ họp diễn ra an toàn.", "Tỷ lệ cử tri đi bầu đạt 99,82%."] + [x[::-1] for x in LONG],
    )
    con, ids = _load(tmp_path, [a, b])
    found = [f for f in run_checks(con) if f.check_id == "value_conflict"]
    places = sorted(r[0] for r in con.execute("select locality from documents").fetchall())
    con.close()
    assert places == sorted(["Lâm Đồng", "Lâm Đồng" if fires else "Đắk Nông"])
    assert len(found) == (1 if fires else 0)


TASK_HEAD = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình hình thực hiện"]


def test_task_history_walks_versions_then_periods(tmp_path):
    def version(name, quarter, deadline):
        table = [
            TASK_HEAD,
            ["1", "Xây dựng đề án phát triển đô thị thông minh", "Sở Xây dựng", deadline, "Đang thực hiện"],
        ]
        return _report(
            tmp_path / name,
            ["UBND TỈNH LÂM ĐỒNG", "BÁO CÁO", f"Kết quả thực hiện nhiệm vụ quý {quarter} năm 2026"],
            [f"Báo cáo quý {quarter}: các nhiệm vụ được giao."],
            table,
        )

    files = [
        version("q2_final.docx", "II", "7/2026"),
        version("q1_final.docx", "I", "5/2026"),
        version("q1_duthao.docx", "I", "4/2026"),
    ]
    con, ids = _load(tmp_path, files)
    from warehouse.families import assign_families
    from warehouse.task_keys import assign_task_keys

    assign_task_keys(con)
    assign_families(con)
    hist = con.execute(
        """select regexp_extract(path, '[^/]+$'), deadline_text, previous_deadline is not null, revised, slipped
           from task_history order by task_key, seq"""
    ).fetchall()
    con.close()
    assert hist == [
        ("q1_duthao.docx", "4/2026", False, False, False),
        ("q1_final.docx", "5/2026", True, True, False),  # changed between two versions: a revision
        ("q2_final.docx", "7/2026", True, False, True),  # later than the previous report said: a slip
    ]


def test_the_standard_library_finds_the_same_words_wherever_it_is_used():
    """`sketch` splits words with `re` only on text free of `_OUTSIDE_AGREED`: on every such code point `re`
    and `regex` (newer Unicode tables) must agree whether it is a letter or digit."""
    agreed = [chr(cp) for cp in range(0x110000) if not _OUTSIDE_AGREED.match(chr(cp))]
    assert len(agreed) > 12_000
    text = "".join(agreed)
    assert _WORD_STDLIB.findall(text) == _WORD.findall(text)
    assert [bool(_WORD_STDLIB.match(c)) for c in agreed] == [bool(_WORD.match(c)) for c in agreed]
    # where they part (a letter newer than Python's tables), the text goes to `regex`
    assert _OUTSIDE_AGREED.search("chỉ tiêu \U0001e4d0 đạt")


@pytest.mark.parametrize(
    "text",
    [
        "Kế hoạch năm 2025: đạt 95,5% chỉ tiêu; thu_ngân sách ● 12 tỷ đồng — tăng Ⅲ lần",
        "Báo cáo tuần \U0001e4d0\U0001e4d1 số 3 của xã An Phú, tỉnh Lâm Đồng, gửi Sở Nội vụ",
        "một hai ba",
        "",
    ],
)
def test_sketch_words_are_regex_words(text):
    import heapq
    import zlib

    words = [w.encode() for w in _WORD.findall(text.lower())]
    shingles = {b" ".join(words[i : i + 5]) for i in range(max(len(words) - 4, 1))} if words else set()
    assert sketch(text) == heapq.nsmallest(128, {zlib.crc32(s) for s in shingles})
