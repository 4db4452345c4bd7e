"""The subject code's memories (masked per sentence, tidy_subject per document): the same answers as without them."""

from __future__ import annotations

from extract.figures.sentence import Sentence, analyse
from extract.figures.subjects import masked
from extract.language import subjects as subject_rules

TEXT = "Năm 2025, Sở Y tế đã kiểm tra 42 cơ sở và xử phạt 7 cơ sở vi phạm, thu 120 triệu đồng."


def test_masked_answers_as_the_unremembered_function_for_every_span_and_number():
    sent = analyse(TEXT)
    plain = masked.__wrapped__
    spans = [(0, len(TEXT)), (0, 30), (10, 60), (0, len(TEXT))]  # the last repeats the first: from the memory
    for m in [None, *sent.mentions]:
        for lo, hi in spans:
            for lead in (True, False):
                assert masked(sent, lo, hi, m, lead) == plain(sent, lo, hi, m, lead)


def test_masked_keeps_apart_two_sentences_of_one_text_with_other_numbers():
    sent = analyse(TEXT)
    whole = masked(sent, 0, len(TEXT), None)
    assert "42" not in whole and "7 cơ sở" not in whole  # every number blanked
    bare = Sentence(TEXT, [], [], [], [])  # the same text, no number found: nothing blanked but the period
    assert masked(bare, 0, len(TEXT), None) == masked.__wrapped__(
        bare, 0, len(TEXT), None)
    assert "42 cơ sở" in masked(bare, 0, len(TEXT), None)
    assert masked(sent, 0, len(TEXT), None) == whole  # back to the first sentence: its own answer


def test_masked_keeps_the_number_asked_for_apart_from_the_others():
    sent = analyse(TEXT)
    first, second = sent.mentions[0], sent.mentions[1]
    assert "42" in masked(sent, 0, len(TEXT), first)
    assert "42" not in masked(sent, 0, len(TEXT), second)


def test_tidy_subject_is_remembered_per_document_with_the_same_answers():
    subject_rules.forget()
    assert subject_rules.tidy_subject.cache_info().currsize == 0
    phrases = ["kiểm tra kiểm tra cơ sở kinh doanh", "hộ nghèo trên địa bàn tỉnh", "hộ nghèo trên địa bàn tỉnh"]
    got = [subject_rules.tidy_subject(p) for p in phrases]
    assert got == [subject_rules.tidy_subject.__wrapped__(p) for p in phrases]
    assert got[0] == "kiểm tra cơ sở kinh doanh"
    assert subject_rules.tidy_subject.cache_info().hits >= 1  # the repeated phrase
    subject_rules.forget()
    assert subject_rules.tidy_subject.cache_info().currsize == 0


def _open_by_characters(text: str) -> int:
    opened: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            opened.pop()
    return opened[-1] if opened else -1


def test_the_open_parenthesis_is_found_as_by_walking_every_character():
    from extract.figures.topics import _open_parenthesis

    texts = ["đã kiểm tra 12 cơ sở", "đạt 30% (4/15 sở", "đạt 30% (4/15 sở) và (2 xã (1 phường",
             "a) mục (b) xong", ") đóng trước (mở", "((", "()"]
    for text in texts:
        assert _open_parenthesis(text) == _open_by_characters(text), text
    assert _open_parenthesis("đạt 30% (4/15 sở) và (2 xã (1 phường") == 27
