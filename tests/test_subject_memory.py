"""The subject code's shortcuts (tidy_subject remembered per document, parentheses found by a pattern): the same
answers as without them."""

from __future__ import annotations

from extract.language import subjects as subject_rules


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
