"""The spaCy layer: tokens fit the number grammar, rule files become spans, the public component works."""

from __future__ import annotations

import spacy
from spacy import displacy

from extract.language.nlp import identifier_spans, may_match, pipeline, rule_spans
from extract.language.subjects import subject_key


def test_tokenizer_keeps_numbers_and_codes_whole():
    doc = pipeline().make_doc("Thu 6.018,3 tỷ đồng, theo Luật số 72/2025/QH15 (trang 2); hồ sơ trực tuyến/62.089 hồ sơ.")
    words = [t.text for t in doc]
    assert "6.018,3" in words and "72/2025/QH15" in words and "62.089" in words
    assert words[words.index("trang") - 1] == "(" and words[-1] == "."


def test_identifier_spans_from_rules():
    text = "nhiệm vụ Đề án 06 chậm muộn, (trang 2), ý kiến (lần 1), nhóm 10 trường, thang điểm 100, đạt 45 hồ sơ"
    marked = {text[s:e] for s, e, _ in identifier_spans(text)}
    assert marked == {"06", "2", "1", "10", "100"}


def test_cue_and_indicator_spans():
    spans = rule_spans("Mức hỗ trợ tối đa 50 triệu đồng; tính đến nay tổng thu ngân sách dự kiến đạt 100 tỷ đồng")
    labels = {(label, ident) for _, _, label, ident in spans}
    assert ("ROLE_NORM", "") in labels and ("POINT_IN_TIME", "") in labels and ("ROLE_TARGET", "") in labels
    assert ("INDICATOR", "budget_revenue") in labels


def test_rule_spans_are_the_pipelines_spans():
    from extract.language.nlp import SPANS_KEY

    texts = [
        "Theo Quyết định số 1187 và Đề án 06, tính đến nay đạt 45 hồ sơ (trang 2), lần 1",
        "Mức chi tối đa không quá 3 triệu đồng; kế hoạch năm giao 12 nhiệm vụ, hiện còn 2",
        "",
    ]
    for text in texts:
        doc = pipeline()(text)
        assert rule_spans(text) == sorted((s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans[SPANS_KEY])
    assert any(label == "IDENTIFIER" for _, _, label, _ in rule_spans(texts[0]))


def test_identifier_prefilter_read_backwards_finds_the_same_texts():
    from extract.language.nlp import _identifier_near, _identifier_prefilter

    texts = [
        "theo Đề án 06 của tỉnh", "ĐỀ ÁN SỐ 6", "(trang 12)", "tr.5", "Điều\t5 khoản 2", "lần: 1", "mức độ 3,5",
        "đạt 45 hồ sơ", "Kế hoạch 12", "kế hoạch số 12", "văn bản số ABC 7", "06 đề án", "Đề án", "",
        "nhóm 10 trường, top 3", "2025 thông báo 1.234",
    ]
    for text in texts:
        assert _identifier_near(text) == bool(_identifier_prefilter().search(text)), text
    assert _identifier_near(texts[0]) and not _identifier_near(texts[7])


def test_may_match_is_false_only_without_the_label():
    texts = [
        "TÍNH ĐẾN NGÀY 30/6, toàn huyện có 12 hợp tác xã",
        "Hiện nay, (đến thời điểm báo cáo) đơn vị còn thiếu 3 biên chế",
        "lũy kế đến hết quý, đã cấp mới 40 giấy phép",
        "Trong năm, đơn vị đã hoàn thành các nhiệm vụ được giao",
        "Đến  nay chưa có kết quả",  # two spaces: no phrase match, whatever the prefilter says
    ]
    for text in texts:
        found = any(label == "POINT_IN_TIME" for _, _, label, _ in rule_spans(text))
        assert may_match(text, "POINT_IN_TIME") or not found
    assert may_match(texts[0], "POINT_IN_TIME") and may_match(texts[2], "POINT_IN_TIME")
    assert not may_match(texts[3], "POINT_IN_TIME")
    # the words of "đến nay" / "hiện nay" apart are no phrase
    assert not may_match("Thực hiện kế hoạch đến tháng 12 năm nay", "POINT_IN_TIME")  # ("đến cuối" is a cue itself)


def test_subject_key_folds_case_space_and_function_words_but_keeps_accents():
    assert subject_key("Tỷ lệ  hồ sơ được giải quyết đúng hạn") == subject_key("tỷ lệ hồ sơ giải quyết đúng hạn")
    assert subject_key("cua") != subject_key("của hồ sơ")
    assert subject_key("của các") is None


def test_public_component_from_a_fresh_pipeline():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("baocao_figures", config={"year": 2025})
    doc = nlp("Tổng thu ngân sách năm 2025 đạt 26.353,6 tỷ đồng, bằng 98,44% dự toán Trung ương; theo Đề án 06.")
    figs = list(doc.spans["figures"])
    assert [s.text.rstrip(",") for s in figs] == ["26.353,6 tỷ đồng", "98,44%"]
    money, share = figs
    assert (money.label_, money._.value, money._.unit, money._.base_value) == ("actual", 26353.6, "tỷ đồng", 2.63536e13)
    assert money._.indicator == "budget_revenue" and str(money._.period_end) == "2025-12-31"
    assert share.label_ == "share_of_target" and share._.subject_key == "tổng thu ngân sách"


def test_component_with_the_baocao_tokenizer_and_displacy():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "baocao.vi_tokenizer.v1"}}})
    nlp.add_pipe("baocao_figures")
    doc = nlp("Tỷ lệ hồ sơ giải quyết đúng hẹn đạt 97,4% (chỉ tiêu đề ra là tối thiểu 98%).")
    assert [(s.text, s.label_) for s in doc.spans["figures"]] == [("97,4%", "actual"), ("98%", "target")]
    html = displacy.render(doc, style="span", options={"spans_key": "figures"})
    assert "97,4" in html and "target" in html and "actual" in html


def test_tokens_are_remembered_per_document():
    from extract.language import nlp

    nlp.forget()
    doc = nlp.tokens("Xã có 12 thôn, 3 tổ dân phố.")
    assert nlp.tokens("Xã có 12 thôn, 3 tổ dân phố.") is doc
    assert [t.text for t in doc] == ["Xã", "có", "12", "thôn", ",", "3", "tổ", "dân", "phố", "."]
    nlp.forget()
    assert nlp.tokens("Xã có 12 thôn, 3 tổ dân phố.") is not doc


def test_tokens_without_the_pipeline_match_a_fresh_spacy_pipeline():
    from extract.language.nlp import make_doc, vocab

    fresh = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "baocao.vi_tokenizer.v1"}}})
    texts = [
        "Huyện giải ngân 1.234,5 triệu đồng (đạt 87,3%), theo Kế hoạch số 45/KH-UBND ngày 02/3/2026.",
        "TP. Hà Nội có 3 quận;  tr.4 nêu  “12 xã” và 7h30 họp, email a.b@x.vn, đồng/người/tháng",
        "",
    ]
    for text in texts:
        ours, theirs = make_doc(text), fresh.make_doc(text)
        assert ours.vocab is vocab() and ours.vocab is pipeline().vocab
        attrs = ("text", "whitespace_", "lower_", "norm_", "shape_", "like_num", "is_punct", "is_stop", "lang_")
        assert [[getattr(t, a) for a in attrs] for t in ours] == [[getattr(t, a) for a in attrs] for t in theirs]


def _fresh_process(code: str) -> list[str]:
    """The lines `code` prints in a new Python process (spaCy not imported yet there)."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")


def test_spacy_is_imported_without_its_command_line_and_spacy_info_still_works():
    code = (
        "import sys\n"
        "from extract.language import nlp\n"
        "spacy = nlp.import_spacy()\n"
        "print(sorted(m for m in ('spacy.cli', 'spacy.cli.info', 'requests', 'weasel') if m in sys.modules))\n"
        "print(nlp.tokens('Xã có 12 thôn').text, 'spacy_version' in spacy.info(silent=True))\n"
        "import spacy.cli\n"
        "print(spacy.cli.info.__module__)\n"
    )
    assert _fresh_process(code)[:3] == ["[]", "Xã có 12 thôn True", "spacy.cli.info"]


def test_spacy_pipeline_components_are_imported_when_first_asked_for():
    code = (
        "import sys\n"
        "from extract.language import nlp\n"
        "spacy = nlp.import_spacy()\n"
        "trained = ('spacy.pipeline.dep_parser', 'spacy.pipeline.tagger', 'spacy.pipeline.ner')\n"
        "print(nlp.tokens('Xã có 12 thôn').text, [m for m in trained if m in sys.modules])\n"
        "from spacy.pipeline import SpanRuler\n"  # a name asked: the real package, in place of the stand-in
        "print(SpanRuler.__name__, spacy.pipeline is sys.modules['spacy.pipeline'], spacy.pipeline.Tagger.__name__)\n"
        "en = spacy.blank('en')\n"
        "en.add_pipe('sentencizer')\n"
        "print([s.text for s in en('Một câu. Hai câu.').sents])\n"
    )
    assert _fresh_process(code)[:3] == ["Xã có 12 thôn []", "SpanRuler True Tagger", "['Một câu.', 'Hai câu.']"]


def test_spacy_of_an_unchecked_release_is_imported_plainly():
    code = (
        "import sys\n"
        "from extract.language import nlp\n"
        "nlp._SPACY_LIGHT = ('0.',)\n"
        "nlp.import_spacy()\n"
        "print('spacy.cli' in sys.modules, nlp.tokens('Xã có 12 thôn').text)\n"
    )
    assert _fresh_process(code)[0] == "True Xã có 12 thôn"


def test_cue_spans_are_the_rule_spans_of_the_cue_labels():
    from extract.language.nlp import CUE_LABELS, cue_spans

    # invented sentences: cues beside identifier phrases and indicator names, overlapping phrases, upper case
    texts = [
        "Tính đến nay, theo Kế hoạch số 12, tổng thu ngân sách dự kiến đạt 100 tỷ đồng, mức hỗ trợ tối đa 5 triệu",
        "KẾ HOẠCH NĂM 2026 GIAO CHỈ TIÊU 95% HỒ SƠ; HIỆN CÒN 2 HỒ SƠ (TRANG 3), CHIẾM 10% TỔNG SỐ",
        "mỗi tháng 02 chuyên mục, hằng năm 1 lần; phấn đấu đạt trên 90% so với cùng kỳ",
        "",
    ]
    found = 0
    for text in texts:
        want = [(s, e, label) for s, e, label, _ in rule_spans(text) if label in CUE_LABELS]
        assert cue_spans(text) == want, text
        found += len(want)
    assert found >= 6
