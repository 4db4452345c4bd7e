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


def test_column_headers_and_row_topics_are_remembered_per_document_with_the_same_answers():
    from extract.figures import cell_topics, table_cells

    table_cells.forget()
    cell_topics.forget()
    paths = [["Kế hoạch năm 2025"], ["Điểm tự đánh giá"], ["Điểm tự đánh giá"]]
    got = [table_cells._measure(p) for p in paths]
    assert got == [table_cells._measure_of.__wrapped__(tuple(p)) for p in paths]
    assert got[1] == "Điểm tự đánh giá" and table_cells._measure_of.cache_info().hits >= 1
    kinds = [table_cells._column_kind(h) for h in ("STT", "Nội dung", "STT")]
    assert kinds == [table_cells._column_kind.__wrapped__(h) for h in ("STT", "Nội dung", "STT")]
    labels = ["Thực hiện kế hoạch CCHC", None, "Thực hiện kế hoạch CCHC"]
    topics = [cell_topics.label_topic(lab) for lab in labels]
    assert topics == [cell_topics.label_topic.__wrapped__(lab) for lab in labels]
    assert cell_topics.label_topic.cache_info().hits >= 1
    table_cells.forget()  # extract_figures empties them per document, as numbers.forget
    cell_topics.forget()
    assert table_cells._measure_of.cache_info().currsize == 0
    assert table_cells._column_kind.cache_info().currsize == 0
    assert cell_topics.label_topic.cache_info().currsize == 0


def test_extract_figures_empties_the_column_memory_per_document():
    from support import subjects_of

    from extract.figures import cell_topics, table_cells

    table_cells._measure(["Điểm tự đánh giá"])
    cell_topics.label_topic("Thực hiện kế hoạch CCHC")
    subjects_of("Tỉnh đã kiểm tra 42 cơ sở.")  # one document through extract_figures
    assert table_cells._measure_of.cache_info().currsize == 0
    assert cell_topics.label_topic.cache_info().currsize == 0


def test_the_clause_start_and_the_words_after_a_number_are_remembered_per_sentence():
    from extract.figures.sentence import analyse
    from extract.figures.subjects import _after, _after_once, _clause_lo, _clause_lo_once

    text = "Tỉnh đã kiểm tra 42 cơ sở sản xuất, kinh doanh thực phẩm, phát hiện 5 cơ sở vi phạm."
    sent, fresh = analyse(text), analyse(text)
    for m in sent.mentions:
        assert _after(sent, m) == _after(sent, m) == _after_once(fresh, m)
        for predicate in (False, True):
            assert _clause_lo(sent, m.start, predicate) == _clause_lo_once(fresh, m.start, predicate)
    assert ("clause_lo", sent.mentions[1].start, True) in sent.memo  # kept on the sentence, not across sentences
    assert not analyse(text).memo


def test_lead_in_words_and_words_in_force_are_remembered_per_document():
    from support import subjects_of

    from extract.figures import topics
    from extract.figures.subjects import _strip_lead_in

    phrase = "UBND tỉnh đã ban hành kế hoạch, trong đó có"
    assert _strip_lead_in(phrase) == _strip_lead_in.__wrapped__(phrase)
    assert _strip_lead_in(phrase) == _strip_lead_in.__wrapped__(phrase)
    assert _strip_lead_in.cache_info().hits >= 1
    text = "Kiểm tra 12 cơ sở; cơ sở vi phạm đã bị xử lý"
    first = topics._word_at(text, "cơ sở")
    again = topics._word_at(text, "cơ sở")
    assert [h.span() for h in first] == [h.span() for h in again] == [(12, 17), (19, 24)]
    assert first is not again  # a list of its own for each caller
    subjects_of("Tỉnh đã kiểm tra 42 cơ sở.")  # one document through extract_figures empties both first
    misses = _strip_lead_in.cache_info().misses, topics._words_at.cache_info().misses
    _strip_lead_in(phrase)
    topics._word_at(text, "cơ sở")
    assert (_strip_lead_in.cache_info().misses, topics._words_at.cache_info().misses) == (misses[0] + 1, misses[1] + 1)


def test_a_masked_stretch_is_remembered_per_sentence_with_its_number():
    from extract.figures.sentence import analyse
    from extract.figures.subjects import _masked_once, masked

    text = "Trong năm 2025, tỉnh đã kiểm tra 42 cơ sở và 15 hộ kinh doanh."
    sent, fresh = analyse(text), analyse(text)
    for m in [None, *sent.mentions]:
        for time_lead in (True, False):
            want = _masked_once(fresh, 0, len(text), m, time_lead)
            assert masked(sent, 0, len(text), m, time_lead) == masked(sent, 0, len(text), m, time_lead) == want
    assert "42" not in masked(sent, 0, len(text), sent.mentions[1]) and "15" in masked(sent, 0, len(text), sent.mentions[1])
