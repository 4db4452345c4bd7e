"""The figure stage on real documents of other genres (tests/gold/real): each field stays at what it reached.

Thresholds are the values measured when they were set (issue 14) minus a small margin; a field that drops
below fails here. `baocao eval` prints the same numbers per document, genre and format.
"""

from __future__ import annotations

import json

import pytest
from support import REALDOCS, ROOT

from baocao.evaluate import RealScore, real_rows, real_totals, run_real_eval, subject_named

GOLD = ROOT / "tests" / "gold" / "real"

# reached on 17 gold documents (2026-11-29), minus 0.03; nonquantities_kept is a ceiling. Recall, value_unit,
# qualifier and the ceiling raised by issue 14's units work (branch units): 0.987, 0.999, 0.988, 0.009.
# Round 2 (branch gold-pdf): the gold enlarged to 880 figures (134 new on pages of the PDFs 01, 39 and the scan
# 50) and the PDF-genre rules; floors set a little below what the enlarged gold reaches (in comments).
# Round 2, DOCX (branch gold-docx): 130 more figures on regions no gold covered of 40, 43, 47 and the running
# text of 30, 32, 33, 48 (1010 figures in all); floors reset on the merged gold: reached (main's 880 before it)
# Round 3 (branch s5-gold): 78 figures more on regions no gold covered of 21, 37/38, 40, 43, 47 (and non-quantity
# regions of 39, 46, 48), 1091 in all; reached after its rules [before them, on 1092 as first committed]
# Round 6 (branch s6-fresh-gold): fresh regions of 9 documents hold 2 figures and 126 non-quantities (1,093 in
# all; the fresh quantities are table cells, tests/test_tables_tasks.py); every field as on 1,091, non-quantities
# kept 0.011 before its rules (a scheme's title read as a count) and 0.006 after: the floors hold as they are.
FLOORS = {
    "recall": 0.97,  # reached 0.996 [0.994] (0.995 on 1010)
    "value_unit": 0.99,  # 0.997 at the end of session 13 (s13-U); 0.996 [0.995] (0.996; the new DOCX regions 0.844 before their rules, 0.992 after)
    "qualifier": 0.97,  # 0.998 at the end of session 15 (s15-W: "sau 15 ngày" bounds a duration); 0.993 [0.992] (0.991)
    "role": 0.97,  # 0.985 at the end of session 13 (s13-W); 0.980 at the end of session 12 (s12-E: 0.970 -> 0.980); 0.981 [0.981] (0.985; 0.851 before the real-genre role rules)
    "period": 0.93,  # 0.960 at the end of session 12 (s12-E); 0.939 [0.932] (0.933; 0.749 before issue 14's periods)
    "point_in_time": 0.94,  # 0.971 [0.967] (0.967)
    "subject": 0.85,  # issue 14's goal: 0.853 (1,091 / 1,279) at the end of session 17 (s17-A, B, C); 0.850 (1,087 / 1,279) at the end of session 16 (s16-A, B, C, E, F); 0.833 at the end of session 15 (s15-A ... D merged: 47 0.850 -> 0.921, 33 0.705 -> 0.727, 37/38 0.832 -> 0.841,
    # 39 0.860 -> 0.872, 40 0.895 -> 0.903, 43 0.785 -> 0.800; holdout 0.516 -> 0.523); 0.819 at the end of session 14; 0.808 at the end of session 12 (s12-A ... E merged: 33 0.670 -> 0.703, 40 0.831 -> 0.879,
    # 43 0.770 -> 0.785, 01 0.737 -> 0.754, 39 0.826 -> 0.837, 50 0.855 -> 0.882, 06 0.000 -> 0.500; holdout 0.497 -> 0.510);
    # 0.792 at the end of session 11 (s11-A ... E merged: 33 0.599 -> 0.670, 37/38 0.776 -> 0.822,
    # 39 0.791 -> 0.826, 40 0.798 -> 0.831, 43 0.741 -> 0.770, 47 0.772 -> 0.835, 07 0.727 -> 0.909; holdout 0.477 -> 0.497);
    # 0.754 at the end of session 10 with s10-H (an agency opening a clause without "đã" is the agent);
    # 0.753 with s10-G (time and frequency adverbials out of subjects; parts after "gồm" name
    # their whole and its heading's group: 30 and 31 0/5 -> 3/5 each, every other document unchanged);
    # 0.748 on 1,281 figures: s10-B's 5 fresh figures of 30 (a plan's "gồm 11 chuyên mục", 0/5 at
    # first sight) joined the 1,276 on which s10-A reached 0.751;
    # 0.751 with s10-A (in-sentence: shared and relative-clause agents, recipients, glosses);
    # 0.746 at the end of session 9 (s9-subj-A in-sentence extents, s9-fix-D "kỳ", ellipsis, cut);
    # 0.738 with s9-cells-C (sentence cells' words from the row, rate label, group: 33 0.434 -> 0.571);
    # 0.718 on 1,276 figures at the end of session 8 (s8-gold-S added 183 fresh ones, 33's
    # evidence column, at 0.357, 0.429 with s8-cell-Y; s8-subj-U and -V took the 1,093 before from 0.746 to 0.766); 0.746 in session 7 (DOCX 0.744, PDF 0.749; holdout 0.464) with s7-subj-K, -L, -M, -N and -Q
    # merged (alone from 0.673: N 0.687, L 0.699, K 0.684, M 0.691, Q +0.004 on the merge);
    # 0.673 at the end of session 6 (DOCX 0.663, PDF 0.689; holdout 0.425), with s6-subj-catalog,
    # s6-subj-score and s6-subj-trim merged too; 0.657 with s6-subj-phrase, s6-subj-context and s6-subj-rates merged (DOCX 0.637, PDF
    # 0.689; holdout 0.386); 0.635 with s6-subj-phrase and s6-subj-context merged (DOCX 0.609, PDF 0.675);
    # 0.619 with s6-subj-phrase alone (phrase extent inside the sentence: shared predicates and
    # verbs of count lists, verb phrases from their aspect marker, list-aware cuts, asides; DOCX 0.599, PDF 0.650);
    # 0.615 with s6-subj-context alone (plan names and a document-level plan memory, parenthesised
    # breakdowns sharing the total's activity, list lead-ins' activities; DOCX 0.588, PDF 0.657; 0.599 before);
    # 0.621 with s6-subj-rates alone (relative figures, measures.py; DOCX 0.605, PDF 0.645);
    # 0.598 with s5b-subj-monthly (exhortations, coordinated nouns of an object; DOCX 0.576,
    # PDF 0.631); 0.595 on the merged 1091 (DOCX 0.573, PDF 0.629); alone, on 1010: 0.571 with
    # s5-subj-phrase's rules inside the sentence, 0.572 with s5-subj-context's context rules (topic labels,
    # parenthesised breakdowns, shortened phrases, activity objects, label lists); 0.526 with phrase boundaries
    # (subj-phrase) and topics in force (subj-context); 0.441 before them, with running-text subjects
    # (subjects.py), label lines and table subjects (0.181)
}
NONQUANTITY_CEILING = 0.02  # 0.006 [0.023: a chart's axis labels read as lines of the PDF 38] (0.008)
# per format: DOCX keeps no non-quantity (0.000); the PDF share (0.016) is mostly the OCR of the scan 50,
# whose tesseract text garbles digits of its gold anchors ("588,0" for 588,9, "§1,7%", "82,32%" for 82,3%)
FORMAT_CEILINGS = {"docx": 0.02, "pdf": 0.025}
FORMAT_VALUE_UNIT = 0.97  # docx 0.997, pdf 0.995


@pytest.fixture(scope="module")
def scores():
    if not REALDOCS.exists():
        pytest.skip("real documents not available")
    return run_real_eval(REALDOCS, GOLD)


def test_real_gold_covers_many_genres(scores):
    assert len({s.doc for s in scores}) >= 10
    assert len({s.genre for s in scores}) >= 6
    assert {s.format for s in scores} == {"docx", "pdf"}


def test_real_gold_fields_stay_at_what_they_reached(scores):
    t = real_totals(scores)
    got = {"recall": t.recall, **{f: t.rate(f) for f in FLOORS if f != "recall"}}
    low = {f: round(v, 3) for f, v in got.items() if v < FLOORS[f]}
    assert not low, low
    assert t.nonquantities_kept <= NONQUANTITY_CEILING, t.nonquantities_kept


def test_real_gold_value_unit_and_nonquantities_per_format(scores):
    for fmt, ceiling in FORMAT_CEILINGS.items():
        t = real_totals(scores, fmt)
        assert t.rate("value_unit") >= FORMAT_VALUE_UNIT, (fmt, t.rate("value_unit"))
        assert t.nonquantities_kept <= ceiling, (fmt, t.nonquantities_kept)


def test_subject_judgement():
    gold = "cán bộ, công chức, viên chức được cử đi đào tạo sau đại học"
    assert subject_named("Cán bộ, công chức, viên chức cử đi đào tạo sau đại học năm 2025", gold, 4)
    assert not subject_named("đào tạo sau đại học", gold, 4)  # the counted people are missing
    assert not subject_named(gold + " theo Đề án của Ủy ban nhân dân tỉnh", gold, 4)  # too much added


def test_real_rows_total_per_format_and_per_genre():
    """The rows `baocao eval` prints for the real and the holdout gold: per document, per format and genre
    (.doc included), per format, per genre over formats, then all."""
    a = RealScore(doc="a", format="docx", genre="plan", gold=4, extracted=4, matched=3)
    b = RealScore(doc="b", format="doc", genre="plan", gold=2, extracted=3, matched=2)
    c = RealScore(doc="c", format="pdf", genre="scan", gold=1, extracted=1, matched=1)
    a.right["role"], b.right["role"], c.right["role"] = 3, 1, 0
    rows = {(r.doc, r.format, r.genre): r for r in real_rows([a, b, c])}
    plan = rows[("ALL", "all", "plan")]
    assert (plan.gold, plan.extracted, plan.matched) == (6, 7, 5)
    assert plan.rate("role") == 4 / 5
    assert rows[("ALL", "doc", "all")].gold == 2
    assert rows[("ALL", "all", "all")].gold == 7
    assert list(rows)[-1] == ("ALL", "all", "all")


def test_a_document_that_cannot_be_read_scores_as_nothing_found(tmp_path, capsys):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "broken.docx").write_bytes(b"not a zip file")
    gold = {"files": ["broken.docx"], "genre": "plan", "doc_period": ["2026-01-01", "2026-12-31"],
            "regions": [{"label": "p1", "from": "Mục tiêu", "to": "Nhiệm vụ"}],
            "figures": [{"anchor": "đạt 95% kế hoạch", "num": "95", "value": 95, "unit": "%"}],
            "not_figures": []}
    (tmp_path / "broken.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (score,) = run_real_eval(tmp_path / "docs", tmp_path)
    assert (score.gold, score.extracted, score.matched) == (1, 0, 0)
    assert score.problems  # the region cannot be found in a document that was not read
    assert "broken.docx" in capsys.readouterr().err
