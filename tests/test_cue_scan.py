"""Rule patterns that ask their text for their cue words first (extract/language/cue_scan.py): same answers."""

from __future__ import annotations

import regex

from extract.language.cue_scan import CuePattern, cue_pattern
from extract.language.subjects import phrase_words

_RX = regex.compile(r"(?<![\p{L}\p{N}_])(?:so\s+với|cao\s+hơn)(?![\p{L}\p{N}_])\s*(?P<n>\w+)?", regex.IGNORECASE)
_TEXTS = [
    "Doanh thu đạt 120 tỷ đồng, tăng 5% so với cùng kỳ",
    "Doanh thu đạt 120 tỷ đồng, CAO HƠN năm trước",
    "Toàn tỉnh có 12 xã đạt chuẩn nông thôn mới",
    "",
]


def _span(m):
    return m.span() if m else None


class _Counting:
    """A pattern that counts the scans it is asked for."""

    def __init__(self, rx) -> None:
        self.rx, self.calls = rx, 0

    def __getattr__(self, name):
        self.calls += 1
        return getattr(self.rx, name)


def test_a_text_with_a_cue_word_is_scanned_and_one_without_is_not():
    counting = _Counting(_RX)
    gated = CuePattern(counting, cue_pattern(_RX).words)
    assert gated.search(_TEXTS[0]).group("n") == "cùng"  # "so với" is there: the pattern's own match
    assert counting.calls == 1
    assert gated.search(_TEXTS[2]) is None  # neither "so với" nor "cao hơn": skipped without a scan
    assert gated.sub("", _TEXTS[2]) == _TEXTS[2]
    assert list(gated.finditer(_TEXTS[2])) == [] and gated.findall(_TEXTS[2]) == []
    assert counting.calls == 1


def test_every_call_answers_as_the_pattern_does():
    gated = cue_pattern(_RX)
    assert isinstance(gated, CuePattern)
    for text in _TEXTS:
        assert _span(gated.search(text)) == _span(_RX.search(text))
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in _RX.finditer(text)]
        assert gated.findall(text) == _RX.findall(text)
        assert gated.sub("#", text) == _RX.sub("#", text)
        assert _span(gated.match(text, 35)) == _span(_RX.match(text, 35))
        assert _span(gated.fullmatch(text)) == _span(_RX.fullmatch(text))
    assert gated.pattern == _RX.pattern and gated.groupindex == _RX.groupindex


def test_a_pattern_without_a_required_word_is_left_as_it_is():
    rx = regex.compile(r"[0-9]+(?:[.,][0-9]+)*")
    assert cue_pattern(rx) is rx


def test_the_phrase_rules_ask_for_their_words():
    words = phrase_words()
    assert isinstance(words.predicates, CuePattern)
    assert words.lead_in.search("Tổng số đơn vị tham gia là ") is not None
    assert words.lead_in.search("Tổng số đơn vị tham dự ") is None
