"""The spaCy layer: tokens fit the number grammar, rule files become spans, the public component works."""

from __future__ import annotations

import spacy
from spacy import displacy

from extract.language.nlp import identifier_spans, pipeline, rule_spans
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


def _spacy_rule_spans(text: str) -> list[tuple[int, int, str, str]]:
    doc = pipeline()(text)
    return sorted((s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["baocao_rules"])


# made-up texts at the tokenizer's edges: special cases touching affixes, spaces, quotes, codes, clock times
_EDGE_TEXTS = [
    "tr. 5", "(tr.", "tr.,", "a/tr.", "tr .", "TP.HCM", "Tp. Hà Nội", "TP. TP.", "  đầu dòng", "hai  dấu cách",
    "dòng\n\nmới", "“Đề án 06”", "Đề án số 06,", "(trang 12).", "lần 3:", "...", "'", "(", "a.../b", "- 5%",
    "12h30 ngày 01/7/2025", "xem http://a.vn/x hoặc a@b.gov.vn", "ĐỀ ÁN 06 VÀ TỔNG THU NGÂN SÁCH", "",
    "dự kiến (tối đa 50 triệu đồng/người/tháng); tính đến nay đạt 100%",
]


def test_rule_spans_equal_the_spacy_pipeline():
    """rule_spans and identifier_spans skip spaCy (a worker never imports it): same spans as the pipeline on
    made-up edge cases and on every block of the samples."""
    from spacy.matcher import PhraseMatcher
    from support import SAMPLES

    from extract.language import nlp
    from extract.pipeline import read_document
    from extract.settings import Settings

    texts = list(_EDGE_TEXTS)
    for path in sorted(SAMPLES.glob("*.docx")) + sorted(SAMPLES.glob("*.pdf")):
        texts += [b.text for b in read_document(path, Settings()).blocks]
    matcher = PhraseMatcher(pipeline().vocab, attr="LOWER")
    for p in nlp.rule_patterns():
        if p["label"] == nlp.IDENTIFIER_CUE:
            matcher.add(p["id"], [pipeline().make_doc(p["pattern"])])
    for text in texts:
        assert rule_spans(text) == _spacy_rule_spans(text), text
        doc = pipeline().make_doc(text)
        assert nlp._rules().tokens(text) == [(t.idx, t.text) for t in doc], text
        # identifier_spans reads the same tokens and phrase matches as it read from spaCy's Doc and matcher
        view = nlp._Doc(text)
        assert [(t.idx, t.text, t.lower_) for t in view.tokens] == [(t.idx, t.text, t.lower_) for t in doc], text
        expected = sorted((doc.vocab.strings[m], s, e) for m, s, e in matcher(doc))
        assert sorted(nlp._identifier_matcher()(view)) == expected, text


def test_extraction_does_not_import_spacy():
    """A worker extracting figures never pays spaCy's import (~0.6 s, ~80 MB): only the public component does."""
    import subprocess
    import sys

    from support import ROOT

    code = (
        "import sys\n"
        "from extract.model import Block, Document\n"
        "from extract.pipeline import extract_document\n"
        "doc = Document(path='x', format='docx', sha256='', blocks=(Block('paragraph', "
        "'Tổng thu ngân sách đạt 1.234,5 tỷ đồng, bằng 98% dự toán; theo Đề án 06 (trang 2).', 'p1'),))\n"
        "ex = extract_document(doc)\n"
        "assert ex.figures, 'no figure'\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
