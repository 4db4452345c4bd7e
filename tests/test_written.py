"""The hand-written report excerpts of sectors the real corpus lacks (tests/written: set T tuned on, set H held
out) scored through the real path (a .docx per text, extract_file, baocao.evaluate.score_real): detection and
every field stay at least where they were when the floors were set (bench/written_eval.py prints the numbers)."""

from __future__ import annotations

import pytest
from support import written_scores

from baocao.evaluate import REAL_FIELDS, real_totals

# set -> (precision, recall, non-quantities listed that came out, per-field floors), as measured at the end of
# session 14 (helper s14-C): a drop in any of them fails
FLOORS = {
    "T": (1.0, 1.0, 0, {"value_unit": 0.983, "qualifier": 1.0, "role": 1.0, "period": 0.983, "point_in_time": 1.0,
                        "subject": 0.917}),
    "H": (0.964, 1.0, 2, {"value_unit": 0.944, "qualifier": 1.0, "role": 0.963, "period": 0.981,
                          "point_in_time": 0.981, "subject": 0.685}),
}


@pytest.fixture(scope="module")
def totals(tmp_path_factory):
    return {name: real_totals(written_scores(name, tmp_path_factory.mktemp(f"written_{name}"))) for name in FLOORS}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_detection_holds(totals, name):
    precision, recall, kept, _fields = FLOORS[name]
    t = totals[name]
    assert t.gold >= 50 and t.listed >= 40  # every text and its gold were read
    assert round(t.precision, 3) >= precision and round(t.recall, 3) >= recall
    assert t.listed_kept <= kept


@pytest.mark.parametrize("name,field", [(n, f) for n in sorted(FLOORS) for f in REAL_FIELDS])
def test_field_holds(totals, name, field):
    assert round(totals[name].rate(field), 3) >= FLOORS[name][3][field]
