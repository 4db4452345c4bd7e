"""A duration bounded by "trong vòng" (within) is a quantity with the bound "<=", and the support duration a
policy sets is a rule (norm); "vòng 2" without "trong" still names a round. Invented sentences."""

from __future__ import annotations

from datetime import date

from extract.figures import extract_figures
from extract.language.nlp import identifier_spans
from extract.model import Block, Document, Metadata, Period


def _figures(text: str):
    doc = Document(path="t", format="docx", sha256="", blocks=(Block("paragraph", text, "p1"),))
    meta = Metadata(period=Period(date(2025, 1, 1), date(2025, 12, 31), "năm 2025"))
    return extract_figures(doc, meta)[0]


def test_within_a_duration_is_a_bounded_quantity_not_a_round():
    text = "Hồ sơ đủ điều kiện được giải quyết trong vòng 05 ngày làm việc kể từ ngày tiếp nhận."
    assert identifier_spans(text) == []
    (f,) = _figures(text)
    assert (f.value, f.unit, f.qualifier) == (5, "ngày làm việc", "<=")


def test_a_round_keeps_its_number_out():
    text = "Các đội thi vào vòng 2 của hội thi được cộng 10 điểm."
    assert [rid for _s, _e, rid in identifier_spans(text)] == ["version_counter"]
    assert [f.raw for f in _figures(text)] == ["10 điểm"]


def test_the_support_duration_a_policy_sets_is_a_norm_without_period():
    (f,) = _figures("Người được thu hút về công tác tại tỉnh có thời gian hỗ trợ trong vòng 04 năm.")
    assert (f.value, f.unit, f.qualifier, f.role) == (4, "năm", "<=", "norm")
    assert f.period_start is None and f.period_end is None
