"""Subjects for real genres: the noun phrase that names what a number measures.

A count's subject is its counted noun with the words that qualify it (after the number) and the verb phrase
of its clause (before it): "đã tổ chức kiểm tra 42/139 cơ quan, đơn vị" -> "kiểm tra cơ quan, đơn vị"; the
agent before an aspect marker ("Sở Nội vụ đã ...") or a light verb ("... phối hợp với các ngành tổ chức kiểm
tra") is dropped and a copula takes the noun phrase before it ("Tổng số hồ sơ đã giải quyết là 125.712 hồ
sơ"). Length limits cut at a phrase boundary, never inside a compound (cut_phrase, a spaCy PhraseMatcher).
A rate takes the noun phrase before its verb ("Tỷ lệ hồ sơ đúng hạn toàn tỉnh đạt 97%") or, when it opens its
clause, the one after it ("100% thủ tục hành chính được công khai"). A figure that only restates the one
before ("(tỷ lệ 95,53%)", "(chỉ tiêu đề ra là 100%)") takes its subject; items of a "trong đó" list carry the
total's subject. Labels of label lines and lists are label_lines.py's, which runs after. Time adverbials,
clause openers and other numbers are never part of it. Words as data: rules/subjects.yaml.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from extract.figures.rules import rules
from extract.figures.sentence import Sentence
from extract.figures.share_roles import share_words
from extract.language.literals import may_hold
from extract.language.nlp import cue_phrases, may_match, rule_spans
from extract.language.numbers import Mention
from extract.language.periods import breakdown, event_lead, find_periods
from extract.language.subjects import (
    WHOLE_WORD,
    AmountWords,
    amount_words,
    container_words,
    content_words,
    context_words,
    cut_phrase,
    drop_light_verbs,
    extent_words,
    extent_words_data,
    measure_phrase,
    measure_units,
    per_times,
    phrase_words,
    tidy_subject,
    until_boundary,
    without_openers,
    word_alternation,
    word_pattern,
)
from extract.language.text import fold

HARD = regex.compile(r"[;()]|:(?!\d)")
_ASIDE = regex.compile(r"\([^()]*\)\s*$")  # a parenthesis closed right before a number
_COMMA = regex.compile(r",")
_DIGIT = regex.compile(r"\d")
_LETTER = regex.compile(r"\p{L}")
_AFTER_HARD = regex.compile(r"[;()]|:(?!\d)|\.(?:\s|$)")
_ITEM = r"(?:\(?\d{1,2}[.)]|[a-zđ]\)|[-–+*•])"  # a list item's marker: "(1)", "1.", "a)", "- ", "+ "
_ITEM_MARK = regex.compile(rf"^\s*{_ITEM}\s*")
_SHORT_TAIL = regex.compile(r"\s*(?:[\p{L}]+\s*){1,3}[.;]?\s*")
_PAREN = regex.compile(r"\([^()]*\)")
_ALIAS_GAP = regex.compile(r"[;()]|:(?!\d)|\.(?:\s|$)")
_MAX_AFTER = 16  # words of qualifiers after a counted noun
_NEAR_END = 2  # words a phrase after a number may run over its length limit and still be kept whole
_MAX_BEFORE = 10  # words of the verb phrase before a number
_MAX_PREDICATE = 24  # words of that verb phrase when it runs from the clause's aspect marker ("đã ...")
_MAX_NP = 24  # words of a noun phrase before a copula or a rate's verb
_MAX_PART = 6  # words of a comma part that still belongs to a noun list ("các sở, ngành")
_MAX_CHECKED = 8  # words of a catalogued indicator's subject (warehouse/checks/value_conflict.sql)
_MAX_TOPIC = 4  # words of a topic ("Đối với cấp sở, ...") that still qualifies the sentence's figures
_MAX_AGENT = 8  # content words of an agent kept after a count's noun ("HĐND tỉnh đã thông qua 16 Nghị quyết")
_MAX_TOPIC_LABEL = 16  # words of a topic set off by a colon ("Đối với dịch vụ công thiết yếu của các sở, ban, ngành:")
_MAX_SHORT = 6  # content words of a subject short enough to take the sentence's topic
_MAX_VERB_NAME = 3  # words of the verb a parenthesised rate is named by ("tỷ lệ liên thông")


def _mention_before(sent: Sentence, pos: int) -> Mention | None:
    """The mention of `sent` ending last at or before `pos`; None when there is none."""
    return max((o for o in sent.mentions if o.end <= pos), key=lambda o: o.end, default=None)


def unmark(text: str) -> str:
    """Text without the list mark that opens it ("(1)", "a)", "-", "+")."""
    return _ITEM_MARK.sub(" ", text)


def _checkable(own: str | None, sent: Sentence, name: str) -> bool:
    """A subject the cross-checks can use for a catalogued indicator: words of the sentence as written (the
    within-document check reads from the subject to the number) and short (value_conflict.sql compares across
    documents only subjects of at most eight words), or a rate its clause names "tỷ lệ ...": its qualifiers
    narrow the rate ("... đúng hẹn toàn tỉnh" and "... đúng hẹn cấp tỉnh", "tỷ lệ tiếp nhận hồ sơ hình thức trực
    tuyến" under "dịch vụ công trực tuyến"), which the check must not compare. A longer phrase of another shape
    only describes the quantity ("Cử tri tham gia bỏ phiếu bầu ĐBQH khóa XVI ..."): the catalogue's `name`
    stays, for the check."""
    if not own or fold(own).casefold() not in fold(sent.text).casefold():
        return False
    if len(own.split()) <= _MAX_CHECKED:
        return True
    rate = fold(phrase_words().share).casefold()
    return fold(own).casefold().startswith(rate + " ")  # a rate its clause names ("tỷ lệ ... đạt 74,88%")


def masked(sent: Sentence, lo: int, hi: int, m: Mention | None, time_lead: bool = True) -> str:
    """Text of [lo, hi) with the numbers other than `m` and the period mentions blanked out (with `time_lead`,
    the preposition before a period too). A quarter of the calls repeat one (the clause before a number, read by
    several subject rules): worked out once per sentence, in its memo, `m` kept with the result (as
    Sentence.remembered), since it reads nothing but the sentence, the stretch, `m` and the rules."""
    key = ("masked", lo, hi, id(m), time_lead)
    hit = sent.memo.get(key)
    if hit is not None and hit[0] is m:
        return hit[1]
    out = _masked_once(sent, lo, hi, m, time_lead)
    sent.memo[key] = (m, out)
    return out


def _masked_once(sent: Sentence, lo: int, hi: int, m: Mention | None, time_lead: bool) -> str:
    chars = list(sent.text[lo:hi])
    for o in sent.mentions:
        a, b = max(o.start, lo), min(o.end, hi)
        if o is not m and a < b:
            chars[a - lo : b - lo] = " " * (b - a)  # a slice at once, not a character at a time
    pw = phrase_words()
    for pm in find_periods(sent.text[lo:hi]):
        lead = pw.time_lead.search(sent.text[lo : lo + pm.start]) if time_lead else None
        a = lead.start() if lead else pm.start
        if a < pm.end:
            chars[a : pm.end] = " " * (pm.end - a)  # "đến hết năm 2025": the preposition goes with its time
    return "".join(chars)


def _is_list_part(text: str) -> bool:
    """A comma part that continues a noun list ("Tổng số hồ sơ các sở" before ", ngành ...") or a list of
    verbs that share the aspect marker opening it ("đã rà soát, phân nhóm 120 thửa đất"): short, no predicate,
    no other aspect marker, not an opener or a time adverbial."""
    pw = phrase_words()
    words = text.split()
    if not words or len(words) > _MAX_PART or not any(w[0].isalpha() for w in words):
        return False
    asp = pw.aspect.search(text)
    if asp and not text[: asp.start()].strip():
        text = text[asp.end() :]
        words = text.split()
        asp = None
    if not words or pw.predicates.search(text) or asp or pw.lead_openers.match(text):
        return False
    return without_openers(text) == " ".join(words) and not find_periods(text)


def _clause_lo(sent: Sentence, pos: int, predicate: bool = False) -> int:
    """Start of the clause a number at `pos` sits in: after a semicolon, colon, parenthesis or the number
    before, and after a comma unless the part before that comma continues a noun list. With `predicate`, a
    comma part holding the clause's aspect marker opens the clause after it when the verb phrase from there
    is short: "UBND tỉnh đã ban hành quyết định quy định chức năng, nhiệm vụ, quyền hạn đối với 14 sở" ->
    from "ban hành"."""
    # asked again for the same position (the subject rules of one number and of the numbers after it): worked out
    # once per sentence, in its memo; it reads nothing but the sentence, the position and the rules
    key = ("clause_lo", pos, predicate)
    if key not in sent.memo:
        sent.memo[key] = _clause_lo_once(sent, pos, predicate)
    return sent.memo[key]


def _clause_lo_once(sent: Sentence, pos: int, predicate: bool) -> int:
    s = sent.text
    hard = max((c.end() for c in HARD.finditer(s, 0, pos)), default=0)
    aside = _ASIDE.search(s, 0, pos) if predicate else None
    if aside and not _DIGIT.search(aside.group()):
        # "Làm sạch (trên hệ thống ...) 39.953 dữ liệu": an aside in parentheses between the verb and its count
        hard = max((c.end() for c in HARD.finditer(s, 0, aside.start())), default=0)
    cited = _aside_before_copula(sent, pos)
    if cited is not None and not predicate and not phrase_words().exclusion.match(s, cited[0] + 1):
        cited = None  # an amount's noun phrase runs through an aside only when the aside leaves a part out
    if cited is not None:  # "Số người có mặt (tại Báo cáo số 347/BC-UBND ...) là 8.429": the clause runs through it
        hard = max((c.end() for c in HARD.finditer(s, 0, cited[0])), default=0)
    prev = max((o.end for o in sent.mentions if o.end <= pos and not (cited and cited[0] < o.start < cited[1])),
               default=-1)  # "Tổng vốn (không bao gồm 3.438 triệu đồng) là ...": the aside's figure is no bound
    lo = max(hard, prev)
    then = list(phrase_words().consequence.finditer(s, lo, pos))
    lo = then[-1].end() if then else lo  # "trường hợp dưới 70% thì tiêu chí này đạt 0 điểm": the main clause
    inside = _compound_commas(s)
    commas = [c.end() for c in _COMMA.finditer(s, lo, pos) if c.start() not in inside]
    start = commas[-1] if commas else lo
    for i in range(len(commas) - 1, -1, -1):
        part_lo = commas[i - 1] if i > 0 else lo
        if part_lo == prev or _numbered(sent, part_lo, commas[i]):
            if part_lo == prev and i < len(commas) - 1 and content_words(masked(sent, lo, commas[0] - 1, None)) \
                    and not _to_recipient(masked(sent, commas[-1], pos, None)):
                start = commas[-1]  # "kiểm tra 40 cơ sở sản xuất, kinh doanh thực phẩm, phát hiện 5 ...": the
                # list parts go on the noun the count before goes on with, not on this clause
            break  # the words right after a number qualify that number: "07 đơn vị xếp loại Tốt, 05 ..."
        part = masked(sent, part_lo, commas[i] - 1, None)
        if not _is_list_part(part):
            if predicate:
                start = _after_aspect(part, part_lo, len(masked(sent, commas[i], pos, None).split())) or start
            break
        start = part_lo
    return start


def _to_recipient(text: str) -> bool:
    """Whether `text` (the words before a count) ends with the preposition of a recipient (`extents.yaml`
    recipient_prepositions): "tổ chức 05 lớp tập huấn, hội nghị, tọa đàm cho 300 cán bộ" names, after the last
    comma, one more item of the list before and then who received them all."""
    words = text.split()
    return bool(words) and extent_words().recipient.fullmatch(words[-1]) is not None


@lru_cache(maxsize=1024)
def _compound_commas(text: str) -> frozenset[int]:
    """Where `text` has a comma inside a compound written with one (`extents.yaml` comma_compounds: "phòng, chống
    ma túy"): no clause break (remembered per sentence: every count of it asks)."""
    return frozenset(found.start() + found.group().index(",")
                     for found in extent_words().comma_compound.finditer(text))


def _numbered(sent: Sentence, lo: int, hi: int) -> bool:
    """Whether [lo, hi) holds a number other than a date or period: a figure or an identifier. A time
    adverbial ("Kết quả từ 13/9 đến 15/10/2012 lực lượng QLTT đã kiểm tra, xử lý 151 vụ") is no number
    the words after it qualify."""
    if any(lo <= o.start < hi for o in sent.mentions):
        return True
    if not _DIGIT.search(sent.text, lo, hi):
        return False  # blanking never adds a digit: no need to mask
    return bool(_DIGIT.search(masked(sent, lo, hi, None, time_lead=False)))


def _after_aspect(part: str, part_lo: int, words: int) -> int | None:
    """Where the verb phrase of a comma part starts after its last aspect marker ("UBND tỉnh đã ban hành quyết
    định quy định chức năng" -> "ban hành ..."), when it is a plain verb phrase (no predicate, opener or time)
    and, with the `words` after it up to the number, no longer than _MAX_PREDICATE; else None."""
    pw = phrase_words()
    asp = list(pw.aspect.finditer(part))
    if not asp:
        return None
    rest = part[asp[-1].end() :]
    n = len(rest.split())
    if not n or n + words > _MAX_PREDICATE or pw.predicates.search(rest) or pw.lead_openers.match(rest):
        return None
    if without_openers(rest) != " ".join(rest.split()) or find_periods(rest):
        return None
    return part_lo + asp[-1].start()


def _after_count(sent: Sentence, lo: int) -> bool:
    """Whether the clause starting at `lo` follows a number right before it ("50 ý kiến thống nhất và 12 ..."):
    only then, or right before the number ("các mô hình và 19 nhiệm vụ"), does a coordinator join two counts or
    noun phrases; else it joins two nouns of one verb's object ("đã đối chiếu giữa sổ A và sổ B 120 hồ sơ")."""
    return any(o.end <= lo and not sent.text[o.end : lo].strip(" ,") for o in sent.mentions)


# asked again of the same words (the clause before a number, the comma parts after it, for each number of a
# sentence): remembered per document (emptied by `forget`); the result depends on the text and the rules alone
@lru_cache(maxsize=4096)
def _strip_lead_in(text: str, average: bool = False) -> str:
    """`text` without the lead-in words and aspect markers it ends with ("đã có", "với", "gồm"); with `average`, an
    average word right after the noun phrase is kept at its end ("năng suất bình quân 58,5 tạ/ha": the figure is the
    noun's mean), but not after a predicate ("chỉ đạt bình quân 1,9 điểm", "tăng bình quân 3,5 điểm phần trăm": it
    goes with the verb)."""
    pw = phrase_words()
    first, kept, noun = True, "", None
    while m := pw.lead_in.search(text) or _end_aspect(text):
        if not first and pw.averages.fullmatch(m.group()):
            break  # "công suất ... bình quân đạt 92,6%": the average qualifies the noun before the predicate
        if first and average and pw.averages.fullmatch(m.group()):
            kept = " ".join(m.group().split())
        text, first = text[: m.start()].rstrip(" ,"), False
        noun = text if noun is None else noun
    if kept and text == noun and content_words(text) and not _ends_in_predicate(text):
        return f"{text} {kept}"
    return text


def _ends_in_predicate(text: str) -> bool:
    """`text` ends with a predicate word (subjects.yaml phrase.predicates: "tăng", "giảm", "đạt")."""
    last = list(phrase_words().predicates.finditer(text))
    return bool(last) and not text[last[-1].end() :].strip()


def _count_per_time(m: Mention) -> bool:
    """A count per a unit of time ("bình quân 2.730 người/năm"): its average is how many a year, which the
    per-time (extents.yaml per_times) says already."""
    per = (m.unit or "").partition("/")[2]
    return bool(per) and is_counted(m) and per.strip().casefold() in per_times()


def forget() -> None:
    """Empty _strip_lead_in's memory: called per document, as numbers.forget."""
    _strip_lead_in.cache_clear()


def _accompanies(text: str) -> bool:
    """`text` ends with "với" and lead-in words ("với tổng số", "với khoảng"): the number after it is an
    adjunct of the clause, not the object of its verb."""
    pw = phrase_words()
    while m := pw.lead_in.search(text):
        if pw.accompaniment.fullmatch(m.group().strip(" :")):
            return True
        text = text[: m.start()].rstrip(" ,")
    return False


def _ranked_with(text: str) -> bool:
    """`text` ends with a ranking word and "với" ("Sở Tư pháp dẫn đầu với 93,56%"): the number is the measure the
    body before leads or trails with, its own (subjects.yaml context.ranking_words), no adjunct naming itself."""
    joins = list(phrase_words().accompaniment.finditer(text))
    return bool(joins) and context_words().ranking.search(text[: joins[-1].start()]) is not None


def _end_aspect(text: str):
    found = list(phrase_words().aspect.finditer(text))
    return found[-1] if found and not text[found[-1].end() :].strip() else None


def _range_opening(sent: Sentence, m: Mention) -> int:
    """Where the number's phrase opens: the low end's opening for the high end of a range ("lượng mưa phổ biến
    150-250 mm": the words before 150 name what 250 measures too), else its own."""
    if m.kind == "range_high":
        low = next((o for o in reversed(sent.mentions) if o.end <= m.start and o.kind == "range_low"), None)
        if low is not None and phrase_words().range_gap.fullmatch(sent.text[low.end : m.opening]):
            return low.opening
    return m.opening


def _before(sent: Sentence, m: Mention, bare: bool = False) -> tuple[str, bool, str]:
    """(the words of the number's clause before it, whether they end in a copula, the agent): the verb phrase
    ("tổ chức kiểm tra") or the noun phrase of a copula, openers and lead-in words dropped; the agent before an
    aspect marker ("UBND tỉnh đã ban hành 34 Quyết định") is returned apart when it is a short noun phrase, to
    follow the count's noun as whose act it names ("Quyết định ... UBND tỉnh"), else dropped. With `bare`, a named
    body before the verb with no aspect marker is the agent too (_agent_without_aspect): only for the count's own
    phrase, not where another count borrows its verb."""
    pw = phrase_words()
    start = _range_opening(sent, m)
    lo = _clause_lo(sent, start, predicate=True)
    text = without_openers(unmark(_ASIDE.sub(" ", _drop_copula_aside(sent, lo, masked(sent, lo, start, m)))))
    cop = pw.copula.search(text)
    if cop:
        wide = _subject_lo(sent, m, lo, start)
        if wide < lo:
            text = without_openers(unmark(masked(sent, wide, start, m)))
            cop = pw.copula.search(text)
        return cut_phrase(text[: cop.start()], _MAX_NP, tail=True), True, ""
    if (topic := _count_topic(text)) is not None:
        return topic, True, ""
    if _accompanies(text) and not _ranked_with(text):
        return "", False, ""  # "..., với 18 tin bài, phóng sự": the count names itself, not the clause's verb
    if context_words().existential.search(text) and (find_periods(sent.text[lo:start]) or _DIGIT.search(text)):
        return "", False, ""  # "Qua rà soát đến ngày 14/12/2025 toàn tỉnh có 5362 người nghiện": a place and time
    given = _gives_to(text)
    text = _strip_lead_in(_without_purpose(text, sent.text[lo : m.start]), average=not _count_per_time(m))
    basis = pw.basis.search(text)
    if basis and content_words(text[: basis.start()]) and not pw.coordinator.search(basis.group()):
        text = text[: basis.start()]  # "kiểm tra theo thẩm quyền 75 văn bản": a basis adjunct, not the object
    text = _without_place_owner(text)
    both = list(pw.coordinator.finditer(text))
    if both and text[both[-1].end() :].strip() and text[: both[-1].start()].strip() and not _after_count(sent, lo):
        both = []  # "đối chiếu giữa sổ A và sổ B 120 hồ sơ": two nouns of the verb's object, not two counts
    if both and _verbs_share_aspect(text, both[-1]):
        both = []  # "..., đã xử lý và công khai đúng hạn 306 phản ánh": two verbs of one aspect marker
    if both:
        text = text[both[-1].end() :]  # "50 ý kiến thống nhất và 12 ý kiến góp ý": a coordinated count
        text = _with_shared_verb(sent, lo, text)
    asp = list(pw.aspect.finditer(text))
    agent = _shared_agent(sent, lo, text) if both and not asp else ""
    if asp and text[asp[-1].end() :].strip():
        agent = "" if both else " ".join(text[: asp[-1].start()].split()).strip(" ,")  # not half a coordination
        if ("," in agent or not 1 < len(content_words(agent)) <= _MAX_AGENT or _predicate_outside_name(agent)
                or pw.lead_openers.match(agent) or pw.aspect.search(agent)):
            agent = ""  # a clause or a list before the verb, or the writer itself ("Tỉnh đã tổ chức ...")
        agent = agent or ("" if both else _agent_after_break(sent, m) or _agent_after_place(text[: asp[-1].start()]))
        text = text[asp[-1].end() :]
        # the whole predicate from its aspect marker: a boundary of its own, so a longer verb phrase stays whole
        # ("đã ban hành quyết định quy định chức năng, nhiệm vụ, quyền hạn đối với 14 sở")
        verb_phrase = _act_phrase(text, _MAX_PREDICATE)
        if len(verb_phrase.split()) <= _MAX_PREDICATE:
            return " ".join(verb_phrase.split()), False, agent
        return _given_verb(verb_phrase, given) or cut_phrase(verb_phrase, _MAX_BEFORE, tail=True), False, agent
    if bare and not agent and not both and (found := _agent_without_aspect(sent, lo, text)):
        agent, text = found
    limit = _before_limit(text)
    verb_phrase = _act_phrase(text, limit)
    if len(verb_phrase.split()) > limit and (partner := extent_words().partner.match(verb_phrase)):
        verb_phrase = verb_phrase[partner.end() :]  # "phối hợp các cơ sở y tế tuyên truyền": with whom, not what
    if len(verb_phrase.split()) > limit and (head := _given_verb(verb_phrase, given)):
        return head, False, agent
    return _act_at_place(verb_phrase, cut_phrase(verb_phrase, limit, tail=True)), False, agent


def _act_phrase(text: str, limit: int) -> str:
    """The verb phrase before a count from its act: light verbs and manner adverbs dropped, a verb moving others to
    the act kept before it ("khuyến khích cấp căn cước ...") unless that runs over `limit` words (then the act
    first)."""
    verb_phrase = _without_manner_adverbs(drop_light_verbs(text))
    if len(verb_phrase.split()) <= limit:
        return verb_phrase
    return _without_manner_adverbs(drop_light_verbs(text, governed=False))


def _count_topic(text: str) -> str | None:
    """The noun phrase of a clause that states a count by the existential verb as by a copula: opened by a count
    word (`context.count_topics`) and ending with "có" right before the number ("Số người nghiện ma túy trên địa
    bàn tỉnh luôn có trên 10.000 người" -> "Số người nghiện ma túy trên địa bàn tỉnh luôn"); None otherwise."""
    cw = context_words()
    have = cw.existential.search(text)
    if have is None or not cw.count_topic.match(text) or not content_words(text[: have.start() + 1]):
        return None
    return cut_phrase(text[: have.start() + 1], _MAX_NP, tail=True)


def without_writer(subject: str | None, writer: str | None) -> str | None:
    """`subject` without the agent it ends with when that agent is the body that writes the document (its issuer,
    from the header: "Sở Nội vụ" of a report of SỞ NỘI VỤ): "Sở Nội vụ đã tổng hợp được 50 ý kiến" counts the
    opinions, and every act the writer reports is its own, as "Tỉnh đã ..." of a province's report; an owner after
    a preposition ("tỷ lệ hồ sơ của Sở Nội vụ") stays."""
    if not subject or not writer or not content_words(writer):
        return subject
    name = fold(writer).casefold()
    text = fold(subject)
    head = text[: len(text) - len(name)].rstrip(" ,")
    if not text.casefold().endswith(" " + name) or not content_words(head):
        return subject
    if phrase_words().linking.fullmatch(head.split()[-1]):
        return subject  # "của Sở Nội vụ", "do Sở Nội vụ", "và Sở Nội vụ": the writer owns or shares what is counted
    return head


def _without_purpose(text: str, lead: str) -> str:
    """`text` (the words before a count) without the purpose between the act's object and the place preposition
    that ends `lead` (the clause up to the number; `extents.yaml` purpose_markers, act_places): "lắp đặt camera
    giám sát nhằm bảo đảm an ninh trật tự tại 12 trường học" -> "lắp đặt camera giám sát": the places are where
    the act was done, the purpose says why. Unchanged when no place preposition comes before the number, or no act
    between the clause's aspect marker and the purpose ("Bưu điện đã phục vụ tại 12 điểm": the verb itself), or
    an aspect marker after it ("X, để bảo đảm an ninh, đã tuần tra tại 20 điểm": the purpose opens the clause)."""
    ew = extent_words()
    purpose = ew.purpose.search(text)
    if purpose is None or not ew.act_place.search(lead) or phrase_words().aspect.search(text, purpose.end()):
        return text
    head = text[: purpose.start()]
    aspect = list(phrase_words().aspect.finditer(head))
    if not content_words(head[aspect[-1].end() :] if aspect else head):
        return text
    place = ew.act_place.search(text)
    return text[: purpose.start()] + (f" {text[place.start() :]}" if place else "")


def _act_at_place(verb_phrase: str, cut: str) -> str:
    """`cut` (the last words of a verb phrase over its length limit) with the verb from the phrase's head when the
    cut keeps only the place the act was done (`extents.yaml` act_places): "tuyên truyền phòng, chống ma túy học
    đường tại Trường Đại học Đà Lạt 22 lượt" -> "tuyên truyền phòng, chống ma túy học đường tại Trường Đại học Đà
    Lạt", not "Trường Đại học Đà Lạt"; `cut` unchanged otherwise."""
    whole = " ".join(verb_phrase.split())
    if not cut or cut == whole or not whole.endswith(cut):
        return cut
    rest = whole[: len(whole) - len(cut)]
    ew = extent_words()
    place = ew.act_place.search(rest) or ew.recipient_end.search(rest)  # "tặng quà cho học sinh ... 350 em": who got it
    if place is None:
        return cut
    head, found = until_boundary(rest)
    if not found or not content_words(head):
        return cut
    return " ".join(f"{head} {place.group()} {cut}".split())


def _without_place_owner(text: str) -> str:
    """The verb phrase before a count without the owner named in the place adjunct that ends it ("phát sóng trực
    tiếp trên sóng truyền hình của Báo và Phát thanh, Truyền hình A 08 cuộc đối thoại" -> "phát sóng trực tiếp trên
    sóng truyền hình"): the body whose medium or premises the act used names nothing counted; the place itself
    ("trên Cổng dịch vụ công quốc gia") stays. Kept when the adjunct holds a verb of its own (a clause)."""
    pw = phrase_words()
    place = pw.place.search(text)
    if place is None or not content_words(text[: place.start()]) or pw.predicates.search(place.group()) \
            or pw.aspect.search(place.group()):
        return text
    owner = pw.place_owner.search(place.group())
    return text[: place.start() + owner.start()] if owner else text


def _gives_to(text: str) -> bool:
    """Whether `text` ends with the preposition of a recipient (`extents.yaml` recipient_prepositions: "cho") and
    lead-in words ("tuyên truyền ... cho hơn 500 học viên"): the count after it is who received the act."""
    pw = phrase_words()
    recipient = extent_words().recipient
    while found := pw.lead_in.search(text):
        if recipient.fullmatch(found.group().strip(" :")):
            return True
        text = text[: found.start()].rstrip(" ,")
    return False


def _given_verb(verb_phrase: str, given: bool) -> str:
    """The act a recipient count received, when the verb phrase before "cho" runs over its length limit: the verb
    with its object up to the first phrase boundary ("tổ chức tuyên truyền về công tác phòng, chống ... trong vùng
    đồng bào dân tộc thiểu số cho 510 cán bộ" -> "tuyên truyền"), not the last words, which are the act's place or
    topic; "" when the count is no recipient or the phrase has no boundary."""
    if not given:
        return ""
    head, cut = until_boundary(verb_phrase)
    return head if cut and content_words(head) else ""


def _with_shared_verb(sent: Sentence, lo: int, text: str) -> str:
    """`text` (the words after a coordinator, before a count) with the verb of the count before the coordinator
    when they open with an adjunct's preposition (`extents.yaml` adjunct_prepositions): "gửi thông báo qua thư điện
    tử cho 40 đơn vị và qua mạng xã hội cho 25 đơn vị" -> "gửi thông báo qua mạng xã hội" for the 25: a second
    adjunct of the same verb, whose object is the second count. The verb is that count's phrase up to its first
    preposition; `text` unchanged otherwise."""
    if not extent_words().adjunct.match(text):
        return text
    prev = _mention_before(sent, lo)
    if prev is None or not is_counted(prev):
        return text
    verb, copula, _agent = _before(sent, prev)
    head, _cut = until_boundary(verb) if verb and not copula else ("", False)
    return f"{head} {text}" if content_words(head) else text


def _shared_agent(sent: Sentence, lo: int, text: str) -> str:
    """The agent of a second predicate joined by a coordinator to the count before it ("Đồn Biên phòng X đã khởi
    tố 03 vụ án và chuyển 03 đối tượng cho PC04"): coordinated predicates share their subject, so the verb after
    "và" is of the agent of the first count's verb; "" when nothing but the count follows the coordinator ("50 ý
    kiến thống nhất và 12 ý kiến góp ý": a coordinated count), or the count before has no agent."""
    if not content_words(text):
        return ""
    prev = _mention_before(sent, lo)
    if prev is None or not is_counted(prev):
        return ""
    _verb, copula, agent = _before(sent, prev)
    return "" if copula else agent


def _agent_after_place(head: str) -> str:
    """The named body after the last place preposition (`extents.yaml` agent_places: "tại", "ở") that ends the
    words before an aspect marker ("trực tiếp kiểm tra tại Công an cấp xã đang quản lý 933 hồ sơ"): the marker
    opens a relative clause whose subject is that body; 2 to _MAX_AGENT content words, written with a capital, no
    predicate, opener or number; "" otherwise."""
    found = list(extent_words().agent_place.finditer(head))
    if not found:
        return ""
    agent = " ".join(head[found[-1].end() :].split()).strip(" ,")
    if not 1 < len(content_words(agent)) <= _MAX_AGENT or _DIGIT.search(agent) or not agent[:1].isupper():
        return ""
    if "," in agent or _predicate_outside_name(agent) or without_openers(agent) != agent:
        return ""
    return agent


_ABBREVIATION = regex.compile(r"\s*\((?-i:\p{Lu}{2,})\)\s*$")  # "(CATP)": a body's short name, before its verb


def _agent_without_aspect(sent: Sentence, lo: int, text: str) -> tuple[str, str] | None:
    """(agent, verb phrase) of a clause opened by a named body with no aspect marker before its verb ("Công an
    tỉnh tiếp nhận 120 hồ sơ", "các lực lượng Kiểm lâm tỉnh (KL) phát hiện 12 vụ"): the body is the agent, as
    before "đã". The body is a head noun (`extents.yaml` agent_heads) and a name that ends in a level word, an
    acronym or two capitalised words, so a name cut short ("Sở Nội" of "Sở Nội vụ") is never taken; None else."""
    rx = extent_words().body
    found = rx.match(text)
    if found and found.group("v").strip() and _named_body(found.group("a")):
        return " ".join(found.group("a").split()), found.group("v")
    short = _ABBREVIATION.search(sent.text, 0, lo)
    if found or not short or short.end() != lo or not text.strip():
        return None
    hard = max((c.end() for c in _AFTER_HARD.finditer(sent.text, 0, short.start())), default=0)
    commas = [c.end() for c in _COMMA.finditer(sent.text, hard, short.start())]
    found = rx.fullmatch(masked(sent, commas[-1] if commas else hard, short.start(), None))
    if found and not found.group("v").strip() and _named_body(found.group("a")):
        return " ".join(found.group("a").split()), text
    return None


def _without_bare_agent(sent: Sentence, o: Mention, subject: str) -> str:
    """`subject` (of the count `o`) without the agent _agent_without_aspect added to it, for a count or a list
    item that borrows it ("phát hiện 3.000 vụ, gần 5.000 đối tượng, trong đó: xử lý 2.800 vụ"): that agent names
    whose act the first count is, which the gold of the counts after it leaves out."""
    if not is_counted(o):
        return subject
    _verb, copula, agent = _before(sent, o, bare=True)
    if copula or not agent or agent == _before(sent, o)[2]:
        return subject
    tail = fold(agent)
    return subject[: -len(tail)].rstrip(" ,") if subject.endswith(tail) else subject


def _named_body(agent: str) -> bool:
    """Whether a body found by `extents.yaml` agent_heads is short enough to be a name and holds no predicate."""
    return len(content_words(agent)) <= _MAX_AGENT and not _predicate_outside_name(agent)


def _without_manner_adverbs(text: str) -> str:
    """The verb phrase before a count without the manner adverbs after its verb (`extents.yaml` manner_adverbs:
    "quán triệt sâu sắc 3 quan điểm", "bắt giữ thành công 05 đối tượng"): how the act was done, nothing that is
    counted; `text` unchanged when nothing else would be left."""
    rest = extent_words().manner_adverb.sub(" ", text)
    return " ".join(rest.split()) if content_words(rest) else text


_CAPITALISED = regex.compile(r"(?-i:\p{Lu})[\p{L}\p{N}]*\s+$")  # a word written with a capital, right before


def _predicate_outside_name(agent: str) -> bool:
    """Whether an agent holds a predicate word that is not part of a proper name: a predicate written with a
    capital right after another capitalised word ("Đồn Biên phòng Đắk Song", "xã Phước Tăng") is a syllable of
    the name, no verb of the clause."""
    for p in phrase_words().predicates.finditer(agent):
        if not (p.group()[:1].isupper() and _CAPITALISED.search(agent, 0, p.start())):
            return True
    return False


def _before_limit(text: str) -> int:
    """Words kept of the phrase before a count: a verb phrase's _MAX_BEFORE, or a noun phrase's _MAX_NP when the
    phrase names a rate ("tỷ lệ hài lòng trong xử lý phản ánh kiến nghị 6 điểm": a criterion and its score)."""
    rate = fold(phrase_words().share).casefold()
    return _MAX_NP if fold(" ".join(text.split())).casefold().startswith(rate + " ") else _MAX_BEFORE


def past_suffix(m: Mention, rest: str) -> str:
    """`rest`, the text right after `m`, with the qualifier written after the number blanked: "từ 85% trở lên" bounds
    the number and names nothing it counts or measures."""
    return " " * (m.closing - m.end) + rest[m.closing - m.end :] if m.closing > m.end else rest


def _after(sent: Sentence, m: Mention) -> str:
    """The counted noun's qualifiers after the number: up to a semicolon, parenthesis, predicate or the next
    number, through commas that continue a noun list ("cán bộ, công chức, viên chức tham gia ..."). Asked again
    for the same number (noun_phrase, the phrase of the count before it, the parts of a list): worked out once
    per sentence (Sentence.remembered; it reads nothing but the sentence, the number and the rules)."""
    return sent.remembered("after", m, _after_once)


def _after_once(sent: Sentence, m: Mention) -> str:
    s = sent.text
    pw = phrase_words()
    nxt = min((o.start for o in sent.mentions if o.start >= m.end), default=len(s))
    rest = past_suffix(m, masked(sent, m.end, nxt, m))
    if (age := bound_after(sent, m)) is not None:
        nxt, rest = past_bound(sent, m, age)
    if not rest.strip() and nxt < len(s):
        # "05 vụ 04 đối tượng có hành vi trồng ...": two counts side by side share the words after the second
        pair = next(o for o in sent.mentions if o.start == nxt)
        return _after(sent, pair) if is_counted(pair) and pair.unit != m.unit else ""
    if m.kind == "ratio_part" and " ".join(rest.split()).casefold() in cue_phrases("WHOLE_BEFORE"):
        # "31 trong tổng số 54 doanh nghiệp có hoạt động ...": the part is written as "31/54 doanh nghiệp ..."
        return _after(sent, next(o for o in sent.mentions if o.start == nxt))
    if nxt < len(s) and (shared := _pair_tail(sent, m, rest, nxt)):
        return shared
    # a closing quote before any opening one: the number is inside a quote (found by str.find: a regex scan of
    # every character cost ~1% of the stage)
    close, opening = rest.find("”"), rest.find("“")
    rest = rest[:close] if close >= 0 and not 0 <= opening < close else rest  # "“Bồi dưỡng ... cho 200 học viên tại xã A”, “...”": a title's end
    rest = _before_listed_titles(rest)
    rest = _past_gloss(rest)
    cut = _AFTER_HARD.search(rest)
    own_tail = False  # the words before the next number were cut off: its own phrase is gone from `rest`
    # "..., thu giữ: 01 bộ": a colon right before the next number ends its label, the last comma part
    label_cut = bool(cut) and cut.group() == ":" and nxt < len(s) and not rest[cut.end() :].strip()
    if cut and cut.group() == ":" and _SHORT_TAIL.fullmatch(rest[cut.end() :]):
        rest = rest[: cut.start()] + " " + rest[cut.end() :]  # "điểm xếp loại: Xuất sắc"
    elif cut:
        rest = rest[: cut.start()]
    elif nxt < len(s) and (both := list(pw.coordinator.finditer(rest))) and len(rest[both[-1].end() :].split()) <= 6 \
            and not _closes_coordination(rest[both[-1].end() :]):
        rest = rest[: both[-1].start()]  # "cho 385 cơ sở và qua ứng dụng ASM cho 119 cơ sở"
    elif nxt < len(s):
        # the words right before the next number open its phrase: "444 viên chức ... với tổng kinh phí thực
        # hiện 18,5 tỷ đồng", "32 buổi tuyên truyền cho hơn 30.000 lượt người"
        acc = list(pw.accompaniment.finditer(rest))
        if acc and 0 < len(rest[acc[-1].end() :].split()) <= 6 and "," not in rest[acc[-1].end() :]:
            rest = rest[: acc[-1].start()]
            own_tail = True  # "109 y bác sĩ, điều dưỡng, …về công tác tại tỉnh với tổng kinh phí 7 tỷ"
        else:
            rest = _strip_lead_in(rest)
    parts = rest.split(",")
    keep = [parts[0]]
    if not parts[0].strip() and (m.base_unit or "").partition("/")[0].strip().casefold() in measure_units():
        parts = parts[:1]  # "chiều dài tuyến 55,8 km, điểm đầu tại ...": a measure names no noun a comma list goes on
    for i, p in enumerate(parts[1:], 1):
        if not _strip_lead_in(p).strip() or pw.predicates.match(p.strip()) or pw.lead_openers.match(p) \
                or pw.whole_quantifier.match(p):
            break  # "05 vụ, 04 đối tượng", "hồ sơ, đạt tỷ lệ", "đơn vị, trong đó", "người, hầu hết các xã ..."
        if i == len(parts) - 1 and nxt < len(s) and (not cut or label_cut) and not own_tail:
            break  # ", bồi dưỡng quản lý nhà nước 5.542 người": the next number's own clause
        if (names := _listed_names(keep[-1], p)) is not None:
            keep.append(names)  # "3 tỉnh Lâm Đồng, Bình Thuận và Đắk Nông đã ...": the names of the counted
            if names != p:
                break
            continue
        if find_periods(p) or pw.aspect.search(p) or _opens_clause(p) or extent_words().modal.match(p):
            break  # ", UBND tỉnh đã ban hành ...", ", tiếp tục nghiên cứu ...", ", phải đào tạo lại": a clause of its own
        if pw.aspect.search(parts[0]) and _is_list_part(p):
            # "34 xã đang triển khai các mô hình, sáng kiến tại cơ quan, đơn vị": after the noun's own verb the
            # comma list is its object, which ends at the adjunct a preposition opens (as in _shared_tail)
            head, cut_here = until_boundary(p)
            keep.append(" " + head)
            if cut_here:
                break
            continue
        keep.append(p)
        if pw.predicates.search(p):
            break  # cut at the predicate below
    rest = ",".join(keep)
    other = pw.other_noun.search(rest)
    rest = rest[: other.start()] if other else rest  # "305 điện thoại di động và các đồ vật ...": not counted
    # "7 ứng viên là sinh viên": a copula after the counted noun opens its qualifier, not a predicate
    stop = next((p for p in pw.predicates.finditer(rest) if not pw.copula.match(p.group() + " ")), None)
    rest = rest[: stop.start()] if stop else rest
    rest = _before_second_verb(_before_manner(rest))
    rest = _cut_after(rest, _MAX_AFTER).strip(" ,")
    return phrase_words().trailing_coordinators.sub("", rest)


def _cut_after(text: str, limit: int) -> str:
    """The words after a number up to `limit` (cut_phrase), but a phrase at most _NEAR_END words over the limit is
    kept whole: its end was found by the clause (a stop, a predicate, the next number), and the limit only guards
    against a phrase running on, not against its last adjunct ("... Nghị quyết do HĐND tỉnh A, tỉnh B, tỉnh C ban
    hành trước khi sáp nhập"). The report's own territory (`phrase.scope`: "trên địa bàn tỉnh"), which a subject
    drops (tidy_subject), is not counted there ("... các cấp trên địa bàn tỉnh được đồng bộ đầy đủ, kịp thời trên
    Cổng dịch vụ công quốc gia"); it stays in the text (a ratio's whole ends there: _before_scope)."""
    own = len(phrase_words().scope.sub(" ", text).split())
    if own <= limit + _NEAR_END or _relation_within(text, limit) or _list_closed_near(text, limit):
        return " ".join(text.split())
    return cut_phrase(text, limit)


_RELATION_SLACK = 8  # words a phrase holding a relation's two sides, or a list's last item, may run over its limit
_MAX_LAST_ITEM = 5  # words of the item a coordinator adds at the end of a comma list


def _list_closed_near(text: str, limit: int) -> bool:
    """Whether the words after a number end with a comma list whose last item, after "và"/"hoặc" (subjects.yaml
    phrase.coordinators), closes the phrase just past `limit` ("... phê duyệt danh mục thuốc, vật tư và trang
    thiết bị thiết yếu"): a cut at the limit would keep the list without its last item, so the phrase is kept to
    the end the clause gave it (at most _RELATION_SLACK words over)."""
    if len(text.split()) > limit + _RELATION_SLACK:
        return False
    joined = list(phrase_words().coordinator.finditer(text))
    if not joined:
        return False
    last = text[joined[-1].end() :]
    return "," in text[: joined[-1].start()] and "," not in last and 0 < len(last.split()) <= _MAX_LAST_ITEM \
        and len(text[: joined[-1].start()].split()) <= limit + _NEAR_END


@lru_cache(maxsize=1)
def _relation() -> regex.Pattern:
    """A relation word and the partner word that opens its second side (`extents.yaml` relation_words,
    relation_partners: "giữa ... với ...", "giữa ... và ...")."""
    data = extent_words_data()
    words = word_alternation(data["relation_words"], "extents.yaml relation_words")
    partners = word_alternation(data["relation_partners"], "extents.yaml relation_partners")
    return regex.compile(WHOLE_WORD % words + r"\s(?P<rest>.*?)" + WHOLE_WORD % partners + r"\s+\p{L}",
                         regex.IGNORECASE | regex.DOTALL)


def _relation_within(text: str, limit: int) -> bool:
    """Whether the words after a number hold a relation between two sides opened within `limit` words ("03 buổi
    đối thoại trên sóng phát thanh giữa lãnh đạo các bệnh viện, trung tâm y tế với người bệnh, thân nhân") and
    end at most _RELATION_SLACK words past it: a cut there would keep one side of the relation and drop the other,
    so the phrase is kept to the end the clause gave it."""
    found = _relation().search(text)
    return found is not None and len(text[: found.start()].split()) < limit \
        and len(text.split()) <= limit + _RELATION_SLACK


_NAME = r"\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*"  # a proper name: capitalised words ("Đắk Nông")
_NAME_END = regex.compile(rf"\s{_NAME}\s*$")


def _listed_names(before: str, part: str) -> str | None:
    """A comma part that goes on a list of proper names after a counted noun ("tỉnh Lâm Đồng, Bình Thuận và Đắk
    Nông đã hoàn thiện ..."): its names, up to the clause's aspect marker or predicate; None when `part` is no
    such item (the part before it ends with no name, or it holds other words)."""
    if not _NAME_END.search(before):
        return None
    pw = phrase_words()
    stops = [x.start() for x in (pw.aspect.search(part), pw.predicates.search(part)) if x]
    head = part[: min(stops)] if stops else part
    coordinated = rf"\s*{_NAME}(?:\s+{pw.coordinator.pattern}\s+{_NAME})?\s*"
    return head if regex.fullmatch(coordinated, head) else None


_GLOSS = regex.compile(r"\(([^()\d;:]+)\)")  # a parenthesis with no number, colon or semicolon inside
_MAX_GLOSS = 6  # words of an aside in parentheses that glosses the noun before it ("(hiện còn hoạt động)", "(CQCM)")


_TITLES = regex.compile(r"“[^“”]*”(?:\s*[,;]\s*(?:\p{L}+\s+)?“[^“”]*”)+")  # two titles or more, one after another


def _before_listed_titles(rest: str) -> str:
    """`rest` (the words after a number) up to the list of titles it goes on with ("02 hội thảo chuyên đề về phòng
    chống dịch “Giám sát ...”; “Nâng cao ...”"): each title names one of the counted items, not what the count is
    of; a single title after the noun ("02 lớp tập huấn “Kỹ năng số ...”") names all of them and stays."""
    titles = _TITLES.search(rest)
    return rest[: titles.start()] if titles and content_words(rest[: titles.start()]) else rest


def _past_gloss(rest: str) -> str:
    """`rest` (the words after a number) with a short aside in parentheses right after the counted noun opened, when
    the noun's phrase goes on after it ("100% các doanh nghiệp, hợp tác xã (hiện còn hoạt động) thực hiện đăng ký
    tài khoản"): the aside glosses the noun, it does not end its phrase; `rest` unchanged otherwise."""
    cut = _AFTER_HARD.search(rest)
    if not cut or cut.group() != "(" or not content_words(rest[: cut.start()]):
        return rest
    gloss = _GLOSS.match(rest, cut.start())
    if not gloss or len(gloss.group(1).split()) > _MAX_GLOSS:
        return rest
    tail = rest[gloss.end() :]
    after = _AFTER_HARD.search(tail)
    if not content_words(tail[: after.start()] if after else tail) or tail.lstrip()[:1] in ",.":
        return rest
    return f"{rest[: cut.start()]} {gloss.group(1)} {tail}"


def _pair_tail(sent: Sentence, m: Mention, between: str, nxt: int) -> str:
    """The qualifiers a bare count shares with the count of another noun right after it, past a comma, the last
    of the pair: "phát hiện 766 vụ, 1.385 đối tượng phạm tội về ma túy" -> "phạm tội về ma túy" for the 766 vụ
    too; "" when `m` has words of its own, the pair counts the same noun or the pair is part of a longer list."""
    pw = phrase_words()
    if between.strip() != "," or not is_counted(m):
        return ""  # "05 phòng, ban và 21 UBND cấp xã": a coordinator joins two groups, each named by its own words
    before = _mention_before(sent, m.start)
    if before is not None and is_counted(before) and masked(sent, before.end, m.start, before).strip() == ",":
        return ""  # "14 xe, 19 điện thoại, 7 kg pháo": an item inside a list of counts
    pair = next(o for o in sent.mentions if o.start == nxt)
    if not is_counted(pair) or (pair.unit or "").casefold() == (m.unit or "").casefold():
        return ""
    third = min((o.start for o in sent.mentions if o.start >= pair.end), default=None)
    if third is not None and pw.coordination.fullmatch(masked(sent, pair.end, third, pair)):
        return ""  # "05 vụ, 04 đối tượng, 10 kg ma túy": a list of counts, each its own
    return _after(sent, pair)


def _pair_verb(sent: Sentence, m: Mention) -> tuple[str, str] | None:
    """(verb phrase, agent) of the count of another noun right before `m`, with nothing or a comma between: the
    two counts of a pair are objects of one verb ("Bộ đội biên phòng bắt giữ 03 vụ 04 đối tượng có hành vi ...");
    None when `m` is no second count of such a pair."""
    start = m.opening
    prev = _mention_before(sent, start)
    if prev is None or not is_counted(prev) or not is_counted(m) or (
            prev.unit or "").casefold() == (m.unit or "").casefold():
        return None
    if masked(sent, prev.end, start, prev).strip() not in ("", ","):
        return None
    before, copula, agent = _before(sent, prev)
    return None if copula or not before else (before, agent)


_CLASS_BOUND_REACH = 12  # characters before a minimum where "có từ" is looked for ("vụ ngộ độc có từ 30 người")


def class_threshold(text: str, m: Mention) -> bool:
    """Whether `m` is the minimum a noun before it bounds its class by, "có từ N ... trở lên" ("vụ ngộ độc có từ 30
    người mắc trở lên": which cases; rules/cues.yaml class_bound_before)."""
    return m.qualifier == ">=" and rules().class_bound_before.search(
        text, max(0, m.start - _CLASS_BOUND_REACH), m.start) is not None


_CLASS_MEASURE_REACH = 60  # characters before a minimum where "có <measure> từ" is looked for


def _measured_class(text: str, m: Mention) -> bool:
    """Whether `m` is the minimum of a measure a noun before it has that bounds its class, "có <measure> từ N ... trở
    lên" ("17 hồ chứa có dung tích từ 3 triệu m³ trở lên", "trang trại có quy mô từ 500 con trở lên"; rules/cues.yaml
    class_measure_before)."""
    return m.qualifier == ">=" and rules().class_measure_before.search(
        text, max(0, m.start - _CLASS_MEASURE_REACH), m.start) is not None


def bound_after(sent: Sentence, m: Mention) -> Mention | None:
    """The bound right after the noun of `m` that says which of them it counts ("2.500 công dân từ đủ 14 tuổi
    trở lên", "100% trẻ em dưới 6 tuổi"): a number in a bound unit (rules/cues.yaml bound_units) with only the
    noun's words before it, no break or predicate; else None. It is part of the noun phrase, no other figure. So is
    a class threshold "có từ N ... trở lên" (rules/cues.yaml class_bound_before: "giảm 30% số vụ ngộ độc thực phẩm
    có từ 30 người mắc trở lên": which cases)."""
    if not m.unit and m.base_unit != "%":
        return None
    nxt = min((o for o in sent.mentions if o.start >= m.end), key=lambda o: o.start, default=None)
    if nxt is None or not (nxt.base_unit in rules().bound_units or class_threshold(sent.text, nxt)
                           or _measured_class(sent.text, nxt)):
        return None
    start = nxt.opening
    between = sent.text[m.end : start]
    if _AFTER_HARD.search(between) or "," in between or _DIGIT.search(between) \
            or phrase_words().predicates.search(between):
        return None
    return nxt


def past_bound(sent: Sentence, m: Mention, bound: Mention) -> tuple[int, str]:
    """(where the phrase after `m` ends, its text) when it runs through the `bound` after its noun: the bound
    kept as written, the other numbers blanked."""
    s = sent.text
    nxt = min((o.start for o in sent.mentions if o.start >= bound.end), default=len(s))
    rest = masked(sent, m.end, nxt, m)
    return nxt, rest[: bound.start - m.end] + s[bound.start : bound.end] + rest[bound.end - m.end :]


def _semicolon_verb(sent: Sentence, m: Mention) -> str:
    """The verb a count opening a semicolon part shares with the count of the part before, whose own items hold
    commas: "đã thu nhận 3.801 lượt hồ sơ cấp căn cước, căn cước công dân; 2.707 tài khoản định danh" -> "thu
    nhận" for the 2.707; "" when the part has words before the count or the part before no verb of its count."""
    s = sent.text
    start = m.opening
    semi = s.rfind(";", 0, start)
    if semi < 0 or not is_counted(m) or s[semi + 1 : start].strip(" -–+"):
        return ""
    # a breakdown in parentheses of the count before ("(trong đó, 543 hồ sơ cấp mới)") is no count of the list
    prev = max((o for o in sent.mentions if o.end <= semi and not _closed_before(sent, o.start, semi)),
               key=lambda o: o.end, default=None)
    gap = _PAREN.sub(" ", s[prev.end : semi]) if prev is not None else ""
    if prev is None or not is_counted(prev) or HARD.search(gap) or _DIGIT.search(gap):
        return ""
    before, copula, _agent = _before(sent, prev)
    return "" if copula else before


def _verb_object(sent: Sentence, m: Mention, own: str | None) -> str | None:
    """A rate in parentheses named by the verb of the clause before it ("... thực hiện liên thông dữ liệu khám sức
    khỏe, giấy chứng sinh (tỷ lệ liên thông đạt 100%)"): "tỷ lệ" + that verb with its object; else None."""
    share = phrase_words().share
    if not own or not own.casefold().startswith(share.casefold() + " "):
        return None
    verb = own[len(share) :].strip()
    start = m.opening
    paren = sent.text.rfind("(", 0, start)
    if paren < 0 or ")" in sent.text[paren:start] or not 0 < len(verb.split()) <= _MAX_VERB_NAME:
        return None
    if not sent.text[paren + 1 : start].strip():
        return None  # "(dưới 1%)": the parenthesis names no rate, the figure alone restates one
    lo = max((c.end() for c in regex.finditer(r"[;:()]", sent.text[:paren])), default=0)
    before = masked(sent, lo, paren, m)
    at = list(regex.finditer(WHOLE_WORD % r"\s+".join(map(regex.escape, verb.split())), before, regex.IGNORECASE))
    if not at or not content_words(before[at[-1].end() :]):
        return None
    return f"{share} {cut_phrase(before[at[-1].start() :], _MAX_NP)}".strip(" ,")


def _reached_share(sent: Sentence, m: Mention, np_text: str, after: str, base: str) -> bool:
    """A rate its clause's verb reaches ("đạt tối thiểu 90%") followed by the noun phrase it is a share of ("90%
    TTHC của địa phương"): the phrase before names what is done, the one after what it is counted over, and the
    subject holds both. Not a plan or a restatement after it ("đạt 82% kế hoạch"), nor a whole cue ("trên tổng số")."""
    words = after.split()
    if base or not content_words(np_text) or not words or not words[0][0].isalpha():
        return False
    if not content_words(words[0]) and not share_words().count_after.match(after):
        return False  # "đạt 90% của ...": no noun phrase; "đạt trên 30% số cơ quan ...": a share of the cơ quan
    if sent.text[m.end :].lstrip().startswith(","):
        return False  # "đạt 100%, tải sử dụng dữ liệu đạt 60%": the comma ends the rate's clause
    pw = phrase_words()
    if pw.predicates.match(after) or pw.restate.fullmatch(after) or context_words().plan.match(after):
        return False
    start = m.opening
    before = _strip_lead_in(masked(sent, _clause_lo(sent, start), start, m))
    lead = " ".join(masked(sent, _clause_lo(sent, start), start, m).split()[len(before.split()) :])
    return bool(pw.predicates.search(lead))  # the verb of a rate ("đạt") right before it, past "tối thiểu"


def _predicate_of(text: str) -> str:
    """The verb phrase of a clause after its aspect marker, light verbs dropped: the agent before it is who acts,
    not what a rate counts ("Tỉnh đã thực hiện kiểm tra công tác CCHC" -> "kiểm tra công tác CCHC"); `text` when
    no verb follows an aspect marker."""
    asp = list(phrase_words().aspect.finditer(text))
    if not asp or not text[asp[-1].end() :].strip():
        return text
    return " ".join(drop_light_verbs(text[asp[-1].end() :]).split()) or text


def _opens_clause(part: str) -> bool:
    """A comma part that opens with a clause opener and goes on ("tiếp tục nghiên cứu, đề xuất ...", "đồng thời
    ..."): a clause of its own, no item of the noun list before it."""
    words = " ".join(part.split())
    rest = without_openers(part)
    return bool(rest) and rest != words and words.endswith(rest) and not _ITEM_MARK.match(part)


def _list_verb(sent: Sentence, m: Mention, depth: int = 0) -> str:
    """The verb phrase a list of counts shares, written once before its first item: "đã ban hành quyết định ...
    đối với 09 phòng, ban, 05 trạm và 31 trường học công lập" -> "ban hành quyết định ..." for the 31; "" when
    the words before `m` are no list joint (a comma or a coordinator after the item before, its qualifiers and
    nothing else: no verb, predicate, time or break)."""
    pw = phrase_words()
    start = m.opening
    prev = _mention_before(sent, start)
    if prev is None or not is_counted(prev) or not is_counted(m) or depth > _MAX_PART:
        return ""
    if (prev.unit or "").casefold() == (m.unit or "").casefold():
        return ""  # "45 ý kiến đồng thuận và 8 ý kiến đề nghị ...": parts of one noun, each named by its words
    between = masked(sent, prev.end, start, prev)
    joint = pw.trailing_coordinators.search(between) or regex.search(r",\s*$", between)
    inner = between[: joint.start()] if joint else between
    if not joint or _AFTER_HARD.search(between) or pw.predicates.search(between) or pw.aspect.search(between) \
            or len(inner.split()) > _MAX_AFTER or find_periods(between) or pw.coordinator.search(inner):
        return ""
    before, copula, _agent = _before(sent, prev)
    if copula:
        return ""
    return before or _list_verb(sent, prev, depth + 1)


def _shared_tail(sent: Sentence, m: Mention) -> str:
    """The predicate a list of counts shares, written once after the last one: "đã tích hợp 562.694 sổ sức khỏe
    điện tử, 25.198 giấy chuyển tuyến, 36.518 giấy hẹn khám lại đã hiển thị trên ứng dụng VNeID" -> "hiển thị
    trên ứng dụng VNeID" for the first two; "" when `m` is no item of such a list or the list has none."""
    pw = phrase_words()
    s = sent.text
    if _is_whole(sent, m):
        return ""  # "Trong số 34 ứng viên tham gia Đề án, có 04 ứng viên đã giữ ...": the whole, no item
    last = m
    for o in sorted((o for o in sent.mentions if o.start >= m.end), key=lambda o: o.start):
        if _whole_of_ratio(sent, last, o):
            last = o  # "1.940/1.940 TTHC cấp tỉnh và 426/426 TTHC cấp xã được ...": a ratio is one item
            continue
        between = masked(sent, last.end, o.start, last)
        # "07 sở, ngành và 34 xã đang triển khai ...": the last item may be joined by a coordinator
        joined = pw.trailing_coordinators.search(between)
        inner = between[: joined.start()] if joined else between
        if not is_counted(o) or not ("," in between or joined) or _AFTER_HARD.search(between) \
                or pw.predicates.search(between) or pw.aspect.search(between) \
                or pw.coordinator.search(inner.split(",")[0]) \
                or o.kind.startswith("ratio") and context_words().part_predicate.search(between):
            break  # "12/15 đơn vị xếp loại Tốt, 03/15 đơn vị ...": a ratio item with its own predicate
        last = o
        if joined:
            break  # the coordinator joins the last item
    if last is m or _whole_of_ratio(sent, m, last):
        return ""
    if (whole := next((o for o in sent.mentions if _whole_of_ratio(sent, last, o)), None)) is not None:
        last = whole
    def noun(o: Mention) -> str:  # the counted noun with the words that name it, up to a comma or a verb
        nxt_o = min((x.start for x in sent.mentions if x.start >= o.end), default=len(s))
        after = regex.split(r"[,;()]", s[o.end : nxt_o])[0]
        asp = pw.aspect.search(after)
        return " ".join(f"{o.unit or ''} {after[: asp.start()] if asp else after}".casefold().split())

    nouns = [noun(o) for o in sent.mentions if m.start <= o.start <= last.start and o.kind != "ratio_whole"]
    if len(set(nouns)) < len(nouns):
        return ""  # "25 trạm, 9 trạm đang lắp đặt": parts of one whole, each with its own state
    nxt = min((o.start for o in sent.mentions if o.start >= last.end), default=len(s))
    rest = masked(sent, last.end, nxt, last)
    cut = _AFTER_HARD.search(rest)
    rest = rest[: cut.start()] if cut else rest
    asp = pw.aspect.search(rest)
    # with no aspect marker the predicate opens with what the counted did or underwent, kept: "... 426/426 TTHC
    # cấp xã được tiếp nhận và trả kết quả tại Bộ phận Một cửa"
    acted = context_words().part_predicate.search(rest) if not asp and _ratio_items(sent, m, last) else None
    if (not asp and not acted) or "," in rest[: (asp or acted).start()]:
        return ""
    tail = rest[asp.end() :] if asp else rest[acted.start() :]
    stop = pw.predicates.search(tail)
    tail = tail[: stop.start()] if stop else tail
    parts = tail.split(",")
    keep = [parts[0]]
    for part in parts[1:]:
        # "đang triển khai các mô hình, sáng kiến tại cơ quan, đơn vị": the object's noun list goes on up to
        # the adjunct that opens with a preposition
        if not _is_list_part(part):
            break
        head, cut_here = until_boundary(part)
        keep.append(head)
        if cut_here:
            break
    return cut_phrase(", ".join(" ".join(k.split()) for k in keep), _MAX_AFTER).strip(" ,")


def _whole_of_ratio(sent: Sentence, part: Mention, o: Mention) -> bool:
    """Whether `o` is the whole written right after the ratio part `part` ("1.940/1.940")."""
    return part.kind == "ratio_part" and o.kind == "ratio_whole" and o.start >= part.end \
        and not sent.text[part.end : o.start].strip(" /")


def _ratio_items(sent: Sentence, m: Mention, last: Mention) -> bool:
    """Whether the items of a list of counts from `m` to `last` are ratios ("1.940/1.940 TTHC cấp tỉnh và 426/426
    TTHC cấp xã"): parts of wholes, whose shared predicate states what the parts did."""
    return all(o.kind.startswith("ratio") for o in sent.mentions if m.start <= o.start <= last.start)


def _phrase_after(sent: Sentence, m: Mention) -> str:
    """The noun phrase after a rate that opens its clause ("100% thủ tục hành chính được công khai, ..."); asked
    up to four times per figure (noun_phrase, activity_plan, subject_of, ...): worked out once (Sentence.remembered)."""
    return sent.remembered("phrase_after", m, _phrase_after_once)


def _phrase_after_once(sent: Sentence, m: Mention) -> str:
    s = sent.text
    nxt = min((o.start for o in sent.mentions if o.start >= m.end), default=len(s))
    rest = past_suffix(m, s[m.end : nxt])
    if (age := bound_after(sent, m)) is not None:
        nxt, rest = past_bound(sent, m, age)
    rest = _past_gloss(rest)
    cut = _AFTER_HARD.search(rest)
    rest = rest[: cut.start()] if cut else rest
    stop = phrase_words().predicates.search(rest)
    while stop and "," not in rest[: stop.start()] and (conform := _conformity().match(rest, stop.start())):
        stop = phrase_words().predicates.search(rest, conform.end())  # "đảm bảo theo quy định": what is counted
    rest = rest[: stop.start()] if stop else rest
    rest = _cut_after(rest, _MAX_NP).strip(" ,")
    return phrase_words().trailing_coordinators.sub("", rest)


@lru_cache(maxsize=1)
def _conformity() -> regex.Pattern:
    """A verb of conformity and the standard after it (`extents.yaml` conformity_verbs, standards: "đảm bảo theo
    quy định"), matched where a predicate was found."""
    data = extent_words_data()
    verbs = word_alternation(data["conformity_verbs"], "extents.yaml conformity_verbs")
    standards = word_alternation(data["standards"], "extents.yaml standards")
    return regex.compile(r"\s*" + WHOLE_WORD % verbs + r"\s+" + WHOLE_WORD % standards, regex.IGNORECASE)


def _object_after(sent: Sentence, m: Mention, after: str) -> bool:
    """A rate followed by the noun phrase it is a share of, the object of a verb that is not a predicate
    of rates ("hoàn thành 100% kế hoạch", not "đạt 82% kế hoạch" or "đạt 34% trên tổng số"); a plural determiner
    may open the phrase ("đã tổ chức cho 100% các xã, phường ký cam kết"), and so may a count word ("đã kiểm tra
    100% số hồ sơ ...": a share of the hồ sơ)."""
    pw = phrase_words()
    count = share_words().count_after.match(after)
    words = pw.determiner.sub("", after[count.end():] if count else after, count=1).split()
    if not words or not content_words(words[0]) or pw.predicates.match(after) or pw.restate.fullmatch(after):
        return False  # "hoàn thành 100% kế hoạch đề ra": a share of the plan, not of a noun phrase
    start = m.opening
    before = without_openers(masked(sent, _clause_lo(sent, start), start, m))
    if count and share_words().rate_named.search(before):
        return False  # "Giảm tỷ lệ chậm đóng xuống dưới 3,5% số phải thu": the rate is named; "số ..." is its base
    return not pw.predicates.search(" ".join(before.split()[-2:]))


def _aspect_cut(text: str) -> str:
    """`text` up to its first aspect marker: "xã, phường đã tổ chức" -> "xã, phường"."""
    asp = phrase_words().aspect.search(text)
    return text[: asp.start()].strip(" ,") if asp else text


def _is_count(m: Mention) -> bool:
    """A count or a bare number ("là 120.088 (tỷ lệ 95,53%)"), not a rate or an amount of money."""
    return m.base_unit != "%" and m.base_unit not in rules().money_units


def _is_measured(m: Mention) -> bool:
    """An amount in a unit of physical measure ("1.542,36 triệu kWh", "52.128 tấn", `extents.yaml` measure_units):
    a share of it ("..., chiếm 44,24%") is a share of the amount, as of money, no rate of a counted noun."""
    return (m.base_unit or "").casefold() in measure_units()


def is_counted(m: Mention) -> bool:
    """A count of a noun ("12 đơn vị"): a unit that is no rate and no money (topics.py completes these too)."""
    return bool(m.base_unit) and m.base_unit != "%" and m.base_unit not in rules().money_units \
        and not _money_rate(m.base_unit)


def _money_rate(unit: str) -> bool:
    """Money per a unit ("đồng/tháng", "đồng/người/tháng"): an amount, like money itself, no count of a noun."""
    return "/" in unit and unit.split("/")[0].strip() in rules().money_units


_CUT = regex.compile(r"[,(]")


def _outer_rate(sent: Sentence, m: Mention, done: list) -> str | None:
    """A rate that only restates ("chỉ tiêu đề ra là tối thiểu 20%") inside a parenthesis that opens right after a
    rate and breaks it down into counts ("đạt tỷ lệ 30% (4/15 sở, ngành và 38/124 UBND cấp xã, chỉ tiêu đề ra là
    tối thiểu 20%)") restates that rate, not the last count of the breakdown: the rate's subject."""
    if m.base_unit != "%":
        return None
    s = sent.text
    start = m.opening
    paren = s.rfind("(", 0, start)
    if paren < 0 or ")" in s[paren:start]:
        return None
    inside = [(d, subj) for d, subj in done if d.start > paren]
    before = [(d, subj) for d, subj in done if d.end <= paren]
    if not inside or not before or not all(is_counted(d) for d, _s in inside):
        return None
    rate, subj = before[-1]
    if rate.base_unit != "%" or not subj or s[rate.end : paren].strip():
        return None
    lo = max(inside[-1][0].end, *(c.end() for c in _COMMA.finditer(s, paren, start)))
    clause = masked(sent, lo, start, m)
    return subj if phrase_words().restate.fullmatch(clause) and "," in s[inside[-1][0].end : start] else None


_CLAUSE_MARK = regex.compile(r"[,;:()]")


def _clause_from(s: str, end: int) -> int:
    """Where the clause that runs to `end` starts: just after the last comma, semicolon, colon or parenthesis before
    `end` (0 when there is none)."""
    return max((c.end() for c in _CLAUSE_MARK.finditer(s, 0, end)), default=0)


def _value_at_base(sent: Sentence, m: Mention, done: list) -> str | None:
    """A figure alone in parentheses right after the base of a comparison ("..., không đạt chỉ tiêu Nghị quyết (dưới
    1%)", "tăng 14 lao động so với năm 2025 (172 lao động)") is the compared figure's value at that base: the subject
    of the last figure before it with its unit, a level before a change (subjects.yaml phrase.share_against names the
    bases)."""
    s = sent.text
    paren = s.rfind("(", 0, m.opening)
    if paren < 0 or s[paren + 1 : m.opening].strip() or not s[m.end :].lstrip().startswith(")"):
        return None
    lo = _clause_from(s, paren)
    if not phrase_words().compared_base.search(s[lo:paren].rstrip()):
        return None
    unit = (m.unit or "").casefold()
    same = [(d, subj) for d, subj in done if subj and d.end <= paren and d.kind != "ratio_whole"
            and (d.unit or "").casefold() == unit]
    levels = [subj for d, subj in same if not d.sign_word]  # the compared figure itself, not its change
    return (levels or [subj for _d, subj in same] or [None])[-1]


def _restated(sent: Sentence, m: Mention, done: list) -> str | None:
    """The subject of the figure just before when `m` only restates it: "(tỷ lệ 95,53%)", ", đạt tỷ lệ
    87,2%", "(chỉ tiêu đề ra là 100%)", "(tăng 2.592 cơ sở)"; a share of a count takes "tỷ lệ" before the
    count's subject (the part's, not the whole's, of "61.660/62.089 hồ sơ")."""
    base = _value_at_base(sent, m, done)
    if base:
        return base
    done = _past_whole(sent, _without_bounds(sent, done))
    if not done:
        return None
    outer = _outer_rate(sent, m, done)
    if outer:
        return outer
    prev, subj = done[-1]
    aside = _aside_before_copula(sent, m.opening)
    if aside and aside[0] < prev.start < aside[1]:
        return None  # "Tổng vốn (không bao gồm 3.438 triệu đồng) là 17.715 triệu đồng": the aside's figure is left out
    if m.kind == "ratio_whole" and prev.kind == "ratio_part" and subj and not is_counted(m):
        return _aspect_cut(subj)  # "07/13 cơ quan cấp tỉnh đã ...": the whole is the part's noun phrase
    if subj and prev.base_unit == "%" and " ".join((m.base_unit or "").casefold().split()) in rules().rate_point_units:
        return subj  # "tỷ lệ trường đạt chuẩn quốc gia đạt 68,4%, tăng 3,1 điểm phần trăm": the rate's change
    if is_counted(m) and m.sign_word:
        same = [d for d in done if (d[0].unit or "").casefold() == (m.unit or "").casefold() and d[1]]
        start = m.opening
        clause = masked(sent, _clause_lo(sent, start), start, m)
        if same and same[-1][0] is not prev and phrase_words().restate.fullmatch(clause):
            return same[-1][1]  # "766 vụ, 1.385 đối tượng, so với cùng kỳ giảm 356 vụ": the change of the 766
    if is_counted(m) and ((prev.unit or "").casefold() != (m.unit or "").casefold() or not m.sign_word):
        return None  # a count restates the one before only as its change: "(tăng 2.592 cơ sở)"
    if prev.kind == "ratio_whole" and len(done) > 1 and done[-2][0].kind == "ratio_part":
        subj = done[-2][1]
    if not subj:
        return None
    between = masked(sent, prev.end, m.start, m)
    pw = phrase_words()
    if ";" in between:
        return None
    if not pw.restate.fullmatch(between):
        # "7.785.689 lượt tra cứu thành công, đạt tỷ lệ 87,2%": past the count's own qualifiers
        cuts = list(_CUT.finditer(between))  # the last comma: "02 ứng viên giữ chức vụ Sở, ban ngành, chiếm 2,9%"
        cut = cuts[-1] if cuts else None
        if cut is None or (pw.predicates.search(between[: cut.start()]) and not _aside_of_clause(between, cut)):
            return None
        if not pw.restate.fullmatch(between[cut.start() :]):
            return None
        if m.base_unit == "%" and not content_words(between[cut.start() :]) and content_words(_phrase_after(sent, m)):
            return None  # "gần 50% số quyết định trễ hạn, 25% thủ tục ... trễ hạn": a rate naming its own noun phrase
    if m.base_unit == "%" and _is_count(prev) and not _is_measured(prev) and pw.share.casefold() not in \
            subj.casefold() and not m.sign_word and not pw.share_against.match(sent.text[m.end :]):
        return f"{pw.share} {subj}"  # "..., đạt tỷ lệ 87,2%"; not "bằng 78,2% kế hoạch năm", "tăng 5,4%"
    return subj


def _aside_of_clause(between: str, cut: regex.Match) -> bool:
    """The rate after a count opens a parenthesis right after the count's own clause, with no comma in it ("165/165
    kiến nghị đã được trả lời đảm bảo kịp thời (đạt 100%)"): an aside on that clause, which restates the count
    even when a predicate stands in the clause (a comma part with one is a clause of its own: "..., tăng 5%")."""
    return cut.group() == "(" and "," not in between[: cut.start()]


def _without_bounds(sent: Sentence, done: list) -> list:
    """`done` without the bounds that only qualify the noun of the figure before them ("công dân từ đủ 14 tuổi,
    đạt tỷ lệ 94,6%" restates the count of citizens, not the age)."""
    bounds = rules().bound_units  # only a figure in a bound unit can be one (bound_after), looked at first
    return [d for i, d in enumerate(done)
            if i == 0 or d[0].base_unit not in bounds or bound_after(sent, done[i - 1][0]) is not d[0]]


def _past_whole(sent: Sentence, done: list) -> list:
    """`done` without its last count when that count is the whole the count before it is taken of ("13.460 hồ sơ
    ... trên tổng số 14.014 hồ sơ tiếp nhận, đạt tỷ lệ 96,05%"): a rate after the pair is the part's share, and
    restates the part."""
    if len(done) < 2 or not is_counted(done[-1][0]) or not is_counted(done[-2][0]):
        return done
    part, whole = done[-2][0], done[-1][0]
    start = whole.opening
    between = " ".join(masked(sent, part.end, start, None).split()).casefold()
    cue = next((c for c in cue_phrases("WHOLE_BEFORE") if between.endswith(" " + c) or between == c), None)
    if cue is None or HARD.search(between) or phrase_words().predicates.search(between[: -len(cue)]):
        return done
    return done[:-1]


def _coordinated(sent: Sentence, m: Mention, done: list) -> str | None:
    """A count coordinated with the count before it shares that count's qualifiers with its own noun:
    "Tàng trữ trái phép chất ma túy: 422 vụ, 536 đối tượng" -> "đối tượng Tàng trữ trái phép chất ma túy"."""
    if not done or not is_counted(m):
        return None
    prev, subj = done[-1]
    if not subj or not is_counted(prev) or (prev.unit or "").casefold() == (m.unit or "").casefold():
        return None
    start = m.opening
    between = _strip_lead_in(sent.text[prev.end : start])
    comma = between.find(",")
    if comma >= 0 and not phrase_words().predicates.search(between[:comma]):
        between = between[comma:]  # "3.000 vụ ma túy, gần 5.000 đối tượng": past the first count's qualifiers
    if not phrase_words().coordination.fullmatch(between):
        return None
    if content_words(_after(sent, m)):
        return None  # "36.518 giấy hẹn khám lại đã hiển thị ...": the count names itself
    subj = _without_bare_agent(sent, prev, subj)
    rest = regex.sub(rf"(?<!\w){regex.escape(prev.unit or '')}(?!\w)", " ", subj, count=1, flags=regex.IGNORECASE)
    return fold(" ".join(p for p in (m.unit or "", " ".join(rest.split())) if p)).strip(" .,;:-–")


def echoed_count(sent: Sentence, m: Mention, done: list) -> str | None:
    """The subject of a count of the sentence that a ratio in parentheses repeats as its part ("phát hiện 766 vụ
    ..., giảm 356 vụ (766/1122)": this period's count against the last one's): both numbers of the ratio
    measure what that count does; None for other figures."""
    part = m
    if m.kind == "ratio_whole":
        part = done[-1][0] if done else None
    if part is None or part.kind != "ratio_part" or not sent.text[: part.start].rstrip().endswith("("):
        return None
    unit = (part.unit or "").casefold()
    return next((subj for o, subj in done if o.kind == "number" and subj and o.value == part.value
                 and (o.unit or "").casefold() == unit), None)


def _named_before_paren(sent: Sentence, m: Mention) -> str | None:
    """A count that opens a parenthesis restates the noun phrase before it when that phrase holds its noun:
    "sử dụng số lượng biên chế hành chính (9.548/9.976 biên chế)" -> the phrase before the parenthesis."""
    s = sent.text
    start = m.opening
    head = s[:start].rstrip()
    if not head.endswith("(") or not m.unit:
        return None
    paren = len(head) - 1
    lo = _clause_lo(sent, paren)
    text = _strip_lead_in(without_openers(unmark(masked(sent, lo, paren, m))))
    if not regex.search(rf"(?<!\w){regex.escape(m.unit)}(?!\w)", text, regex.IGNORECASE):
        return None
    asp = list(phrase_words().aspect.finditer(text))
    if asp and text[asp[-1].end() :].strip():
        text = text[asp[-1].end() :]
    return cut_phrase(text, _MAX_NP, tail=True) or None


def _share_before_paren(m: Mention, named: str, done: list) -> str:
    """The subject of the part of a ratio that opens a parenthesis right after a share of a counted set: the
    share's own subject, the verb it counts by kept ("đã kiểm tra công tác CCHC đạt 30% số cơ quan, đơn vị (42/139
    đơn vị)" -> "kiểm tra công tác CCHC số cơ quan, đơn vị"); `named` (the noun phrase before the parenthesis)
    otherwise."""
    if m.kind != "ratio_part" or not done:
        return named
    prev, subj = done[-1]
    if prev.base_unit != "%" or not subj or not fold(subj).casefold().endswith(fold(named).casefold()):
        return named
    return subj


def _subject_lo(sent: Sentence, m: Mention, lo: int, start: int) -> int:
    """Where the noun phrase of a clause starts when the clause's verb stands right before the number ("Tỷ lệ
    thủ tục hành chính được cập nhật, công khai đúng hạn đạt 76,43%", "kinh phí cho công tác phòng, chống ma
    túy là 16 tỷ đồng"): back through the comma parts of the noun phrase, up to one that holds a predicate, an
    aspect marker, a number or a time (a clause or an adverbial of its own)."""
    pw = phrase_words()
    s = sent.text
    if lo <= 0 or s[lo - 1] != ",":
        return lo
    text = masked(sent, lo, start, m)
    pred = list(pw.predicates.finditer(text))
    if not pred or text[pred[-1].end() :].strip(" :") or not text[: pred[-1].start()].strip():
        return lo  # no verb of its own right before the number: "..., 50% hồ sơ"
    hard = max((c.end() for c in HARD.finditer(s, 0, lo)), default=0)
    prev = max((o.end for o in sent.mentions if o.end <= lo), default=-1)
    hard = max(hard, prev)
    words = len(text.split())
    while lo > hard and s[lo - 1] == ",":
        part_lo = max([hard] + [c.end() for c in _COMMA.finditer(s, hard, lo - 1)])
        part = s[part_lo : lo - 1]
        words += len(part.split())
        if part_lo == prev:
            break  # the words right after a number qualify that number: "đạt 70% chỉ tiêu chung, số ... là"
        if not without_openers(unmark(part)).strip() or _DIGIT.search(part) or find_periods(part) or words > _MAX_NP:
            break
        # "Dự kiến dự toán chi sự nghiệp văn hóa, thể thao năm 2027 là ...": a plan's marker opening the clause is no
        # clause of its own; the noun phrase starts after it
        skip = _opening_aspect(part) if part_lo == hard else 0
        core = part[skip:]
        if pw.predicates.search(core) or pw.aspect.search(core) or pw.lead_openers.match(core):
            break
        lo = part_lo + skip
    return lo


def _opening_aspect(part: str) -> int:
    """Length of an aspect marker (and the space around it) opening `part` when a noun phrase follows it; 0
    otherwise."""
    stripped = part.lstrip()
    found = phrase_words().aspect.match(stripped)
    if found is None or found.start() != 0 or not content_words(stripped[found.end() :]):
        return 0
    rest = stripped[found.end() :]
    return len(part) - len(rest.lstrip())


def _before_paren(sent: Sentence, m: Mention, start: int) -> str:
    """The noun phrase of the clause a parenthesis restates, for a rate inside it with no noun of its own:
    "Tỷ lệ hồ sơ giải quyết đúng hẹn toàn tỉnh chưa đạt chỉ tiêu (chỉ tiêu tối thiểu 98%, hiện đạt 97,28%)"
    -> "Tỷ lệ hồ sơ giải quyết đúng hẹn toàn tỉnh"; "" outside a parenthesis."""
    s = sent.text
    paren = s.rfind("(", 0, start)
    if paren < 0 or ")" in s[paren:start]:
        return ""
    pw = phrase_words()
    text = _strip_lead_in(without_openers(unmark(masked(sent, _clause_lo(sent, paren), paren, m))))
    pred = pw.predicates.search(text)
    if pred and text[: pred.start()].strip():
        text = text[: pred.start()]
    words = text.split()
    while words and not content_words(words[-1]):
        words.pop()  # "... toàn tỉnh chưa (đạt)": the negation of the cut predicate
    return cut_phrase(" ".join(words), _MAX_NP).strip(" ,") if not pw.restate.fullmatch(" ".join(words)) else ""


def _rate_np(sent: Sentence, m: Mention, alias: str | None = None) -> str:
    """The noun phrase a rate or amount measures: its clause before the number (from the indicator's name
    when it is in the same clause), openers, agent and lead-in words dropped, cut before the clause's
    predicate ("Tỷ lệ hồ sơ đúng hẹn toàn tỉnh đạt 97%")."""
    pw = phrase_words()
    start = m.opening
    lo = _clause_lo(sent, start)
    if alias:
        at = [a[0] for a in sent.aliases if a[3] == alias and a[0] < lo and a[1] <= start]
        if at and not _ALIAS_GAP.search(sent.text, at[-1], start) and not any(
            at[-1] < o.end and o.start < start for o in sent.mentions if o is not m
        ):  # no other number between the name and this one, nor one whose unit the name begins with
            lo = at[-1]  # "Tỷ lệ TTHC thực hiện việc tiếp nhận, trả kết quả ... đạt 100%"
    lo = _subject_lo(sent, m, lo, start)
    text = without_openers(unmark(_drop_copula_aside(sent, lo, masked(sent, lo, start, m), exclusion=True)))
    text = _strip_lead_in(text, average=True)
    pred = _past_rate_name(text, pw.predicates.search(text))
    if (obj := _amount_object(m, text)) is not None:
        text = obj  # "ý kiến góp ý là giảm mức hỗ trợ theo hướng 50.000.000 đồng": the amount's own noun
    elif pred and text[: pred.start()].strip():
        text = text[: pred.start()]
    raised = list(extent_words().raised.finditer(text))
    text = text[raised[-1].start("h") :] if raised else text  # "nâng cao chỉ số ... đạt 90%": the index reaches it
    if pw.restate.fullmatch(text):
        if not text.strip() and content_words(_phrase_after(sent, m)):
            return ""  # "(gần 50% số quyết định công bố trễ hạn, ...)": a rate opening its clause names what follows
        return _before_paren(sent, m, start)  # "đạt tỷ lệ": no noun of its own
    both = list(pw.accompaniment.finditer(text))
    if both and text[both[-1].end() :].strip():
        text = text[both[-1].end() :]  # "... y bác sĩ, với tổng kinh phí thực hiện 7 tỷ đồng"
    return cut_phrase(without_openers(text), _MAX_NP).strip(" ,")


def _past_rate_name(text: str, pred: regex.Match | None) -> regex.Match | None:
    """The clause's predicate past one that names the rate: a predicate right after the share word with words of
    its own before the next predicate ("tỷ lệ đảm bảo chi thường xuyên 11%", "tỷ lệ tăng dân số tự nhiên 0,9%") is
    the rate's name, not its verb ("Tỷ lệ giảm 2%", "Tỷ lệ đạt 95%" keep it)."""
    share = list(word_pattern(phrase_words().share).finditer(text, 0, pred.start())) if pred else []
    if not share or text[share[-1].end() : pred.start()].strip():
        return pred
    nxt = phrase_words().predicates.search(text, pred.end())
    return nxt if content_words(text[pred.end() : nxt.start() if nxt else len(text)]) else pred


def _rate_base(sent: Sentence, m: Mention) -> str:
    """The whole a rate is taken of, named right after it ("đạt 34,3% trên tổng số chi phí" -> "trên tổng số
    chi phí"), up to a comma, a coordinator, a predicate or the next number; "" when none follows."""
    s = sent.text
    nxt = min((o.start for o in sent.mentions if o.start >= m.end), default=len(s))
    rest = " ".join(s[m.end : nxt].split())
    low = rest.casefold()
    cue = next((p for p in sorted(cue_phrases("SHARE_AFTER"), key=len, reverse=True)
                if low.startswith(p + " ")), None)
    if cue is None:
        return ""
    pw = phrase_words()
    tail = rest[len(cue):]
    cut = min((x.start() for x in (_AFTER_HARD.search(tail), _COMMA.search(tail), pw.coordinator.search(tail),
                                   pw.predicates.search(tail)) if x), default=len(tail))
    return cut_phrase(rest[: len(cue) + cut], _MAX_AFTER).strip(" ,") if content_words(tail[:cut]) else ""


def _rate_named_before(sent: Sentence, m: Mention) -> str:
    """The rate the comma part right before a rate's clause names when that clause names none ("Nâng cao tỷ lệ phủ
    sóng mạng 5G, phấn đấu đạt 50% số lượng trạm 4G"): "tỷ lệ ..." from its last "tỷ lệ" to the comma, when no
    number, predicate or aspect marker stands in it after "tỷ lệ"; "" otherwise."""
    s = sent.text
    lo = _clause_lo(sent, m.opening)
    if lo <= 0 or s[lo - 1] != ",":
        return ""
    hard = max((c.end() for c in HARD.finditer(s, 0, lo - 1)), default=0)
    part_lo = max([hard, *(c.end() for c in _COMMA.finditer(s, hard, lo - 1))])
    if any(part_lo < o.end and o.start < lo for o in sent.mentions):
        return ""
    pw = phrase_words()
    at = list(word_pattern(pw.share).finditer(s, part_lo, lo - 1))
    if not at:
        return ""
    text = s[at[-1].start() : lo - 1]
    rest = text[len(at[-1].group()) :]
    if not content_words(rest) or pw.predicates.search(rest) or pw.aspect.search(rest):
        return ""
    return cut_phrase(" ".join(text.split()), _MAX_NP)


def _whole_named_by_rate(sent: Sentence, m: Mention) -> str:
    """The whole of a ratio named by the rate that restates the ratio right after it ("27.245/36.864 hồ sơ (đạt tỷ
    lệ 73,9% trên tổng số hồ sơ tiếp nhận)" -> "tổng số hồ sơ tiếp nhận"): the rate's base without its leading
    prepositions, when it names the whole's own noun; "" otherwise."""
    unit = m.unit or ""
    if m.kind != "ratio_whole" or not unit:
        return ""
    rate = next((o for o in sent.mentions if o.start >= m.end), None)
    if rate is None or rate.base_unit != "%":
        return ""
    noun = word_pattern(unit)
    between = noun.sub(" ", sent.text[m.end : rate.opening], count=1).replace("(", " ")
    if between.strip() and not phrase_words().restate.fullmatch(between):
        return ""
    base = _rate_base(sent, rate)
    if not noun.search(base):
        return ""
    words = base.split()
    while words and not content_words(words[0]):
        words.pop(0)  # "trên tổng số ...": the cue's preposition
    return " ".join(words)


def _coordinated_rate(sent: Sentence, m: Mention, done: list) -> str | None:
    """A rate coordinated with the rate before it shares that rate's noun phrase: "Thanh toán viện phí không
    dùng tiền mặt đạt 34,3% trên tổng số chi phí và đạt 24% trên tổng lượt thanh toán" -> its own whole."""
    if not done or m.base_unit != "%":
        return None
    prev, subj = done[-1]
    if prev.base_unit != "%" or not subj:
        return None
    pw = phrase_words()
    start = m.opening
    between = " ".join(sent.text[prev.end : start].split())
    base = _rate_base(sent, prev)
    if base and between.casefold().startswith(base.casefold()):
        between = between[len(base):]
    both = pw.coordinator.search(between)
    if not both or between[: both.start()].strip(" ,") or not pw.restate.fullmatch(between[both.end():]):
        return None
    if base and subj.casefold().endswith(base.casefold()):
        subj = subj[: -len(base)]
    return subj.strip() or None


def noun_phrase(sent: Sentence, m: Mention, subject: str | None, indicator: str | None,
                total: tuple[Mention, str] | None, done: list | None = None) -> str | None:
    """The subject of `m`; `subject` is the seed rules' (a catalogued indicator's name: check_name keeps it for
    the checks when the sentence's own phrase does not suit them), `total` the
    (mention, subject) a "trong đó" list hangs from, `done` the (mention, subject) before it in the sentence.
    Labels of label lines and lists are label_lines.py's, which runs after."""
    own = _own_phrase_once(sent, m, subject, indicator, total, done or [])
    own = tidy_subject(own) or None if own else own
    own = _verb_object(sent, m, own) or own
    own = _measure_at_place(m, own, done or []) or own
    pw = phrase_words()
    text = unmark(sent.text)
    label = pw.topic_label.match(text)
    topic = label if label and len(label.group("t").split()) <= _MAX_TOPIC_LABEL else pw.topic.match(text)
    contrast = topic is not None and pw.contrast.match(text) is not None  # "Riêng đối với ...,": of that group only
    limit = _MAX_TOPIC_LABEL if topic is label or contrast else _MAX_TOPIC
    if own and topic and len(topic.group("t").split()) <= limit and not _DIGIT.search(topic.group("t")) \
            and not _only_time(topic.group("t")):  # "Riêng quý III, ...": a time singled out, no group
        t = " ".join(topic.group("t").split())
        if t.casefold() not in own.casefold() and (contrast or len(content_words(own)) <= _MAX_SHORT) \
                and not context_words().anaphor.search(own):  # "tiêu chí này": named by what it points at
            # "Đối với cấp sở, có 07 đơn vị xếp loại Xuất sắc"; "Đối với dịch vụ công thiết yếu của các sở, ban,
            # ngành: đã tiếp nhận 27.245 hồ sơ", "Đối với bồi dưỡng theo yêu cầu vị trí việc làm thì thời gian ...
            # không quá 01 tuần": a topic set off by a colon or a condition's "thì" may be longer, commas and all
            own = f"{own} {t}"
    return _owner_from_label(text, m, own) if own else own


@lru_cache(maxsize=1)
def _place_parts() -> regex.Pattern:
    """extents.yaml `place_parts`: a place's preposition opening a phrase, or standing inside one after its measure."""
    return regex.compile(WHOLE_WORD % word_alternation(extent_words_data()["place_parts"], "extents.yaml place_parts"),
                         regex.IGNORECASE)


def _measure_at_place(m: Mention, own: str | None, done: list) -> str | None:
    """A phrase that is only a place ("tại trạm Câu Lâu") after a figure of the same unit whose subject names a measure
    at a place ("mực nước tại trạm Ái Nghĩa là 2,86 m, tại trạm Câu Lâu là 1,12 m"): that measure at this place; None
    otherwise."""
    opening = _place_parts().match(own or "")
    if not opening or not done:
        return None
    prev, named = done[-1]
    if not named or (prev.base_unit or "") != (m.base_unit or ""):
        return None
    at = next((p for p in _place_parts().finditer(named) if p.group().casefold() == opening.group().casefold()), None)
    if at is None or not content_words(named[: at.start()]):
        return None
    return f"{named[: at.start()].strip()} {own}"


def _only_time(text: str) -> bool:
    """Whether `text` names nothing but a time ("quý III", "trong tháng 10")."""
    for pm in sorted(find_periods(text), key=lambda p: p.start, reverse=True):
        text = text[: pm.start] + " " + text[pm.end :]
    return not content_words(without_openers(text))


_COLON = regex.compile(r":(?!\d)")


def _owner_from_label(text: str, m: Mention, own: str) -> str:
    """`own` with the owner a colon label opening the sentence gives the noun `own` opens with ("Kết quả xử lý
    kiến nghị của cử tri: tổng số kiến nghị đã trả lời là 45" -> "... của cử tri"): the label names whose the
    things are once, and the clause after it counts them by the bare noun. Only for a figure in the clause right
    after the colon, a label of at most _MAX_TOPIC_LABEL words with no number, whose last possessive ("của")
    follows the same noun (two syllables); `own` unchanged otherwise or when it names the owner already."""
    colon = _COLON.search(text)
    if colon is None or m.start < colon.end() or HARD.search(text, colon.end(), m.start):
        return own
    label = text[: colon.start()]
    of = list(regex.finditer(WHOLE_WORD % regex.escape(phrase_words().possessive), label, regex.IGNORECASE))
    if not of or len(label.split()) > _MAX_TOPIC_LABEL or _DIGIT.search(label):
        return own
    owner = " ".join(label[of[-1].start() :].split()).strip(" ,")
    count = context_words().count_topic.match(own)  # "tổng số kiến nghị": "kiến nghị"
    noun = own[count.end() if count else 0 :].split()[:2]
    if len(noun) < 2 or len(content_words(" ".join(noun))) < 2 or set(content_words(owner)) & set(content_words(own)):
        return own
    if not regex.search(WHOLE_WORD % regex.escape(" ".join(noun)), label[: of[-1].start()], regex.IGNORECASE):
        return own
    return f"{own} {owner}"


def check_name(sent: Sentence, m: Mention, subject: str | None, indicator: str | None,
               total: tuple[Mention, str] | None, done: list | None = None) -> str | None:
    """The name value_conflict.sql compares a catalogued figure by (`figures.check_name`) when the sentence's
    own phrase is not one it can use (`_checkable`): the catalogue's name `subject`; else None (the check
    reads the subject). The subject itself stays the noun phrase a reader names."""
    _last_own.clear()
    if not indicator or not subject or is_counted(m):
        return None
    own = _own_phrase(sent, m, subject, indicator, total, done or [])
    _last_own.append(((sent, m, subject, indicator, total, list(done or [])), own))
    if _checkable(own, sent, subject):
        return None
    return fold(subject).strip(" .,;:-–") or None


# (arguments, result) of the _own_phrase check_name just worked out: noun_phrase, called next for the same figure
# (prose.py), takes it when its arguments are the same ones (`named` and `done` differ only after a catalogue name)
_last_own: list = []


def _own_phrase_once(sent: Sentence, m: Mention, subject: str | None, indicator: str | None,
                     total: tuple[Mention, str] | None, done: list) -> str | None:
    """_own_phrase, or the result check_name got for the same arguments (same objects, same strings)."""
    if _last_own:
        (s0, m0, subj0, ind0, total0, done0), own = _last_own.pop()
        if s0 is sent and m0 is m and subj0 == subject and ind0 == indicator and _same_pairs(
                [total0] if total0 else [], [total] if total else []) and _same_pairs(done0, done):
            return own
    return _own_phrase(sent, m, subject, indicator, total, done)


def _same_pairs(a: list, b: list) -> bool:
    """Whether two lists of (mention, subject) hold the same mentions (identity) with equal subjects."""
    return len(a) == len(b) and all(x[0] is y[0] and x[1] == y[1] for x, y in zip(a, b, strict=True))


def _own_phrase(sent: Sentence, m: Mention, subject: str | None, indicator: str | None,
                total: tuple[Mention, str] | None, done: list) -> str | None:
    high = next((o for o in sent.mentions if o.start >= m.end), None)
    if high is not None and (
        (m.kind == "range_low" and high.kind == "range_high")
        or (not m.unit and high.unit and phrase_words().range_gap.fullmatch(
            sent.text[m.end : high.opening]))
    ):
        m = high  # "Từ 90 đến dưới 100 điểm": the range's subject is its upper end's
    again = _restated(sent, m, done)
    if again:
        return again
    counted = is_counted(m)
    shared = _coordinated(sent, m, done)
    if shared:
        return shared
    if (money := _money_named_after(sent, m)) is not None:
        own = money  # "giải ngân 1.250 tỷ đồng vốn đầu tư công": the noun after the amount names the money
    elif indicator and not counted:
        opening = _after_opening_rate(sent, m)  # "..., đến năm 2030, 50% xã, phường không ma túy"
        np_text = opening or _rate_np(sent, m, subject)
        named = fold(np_text).casefold().startswith(fold(phrase_words().share).casefold() + " ")
        if opening or subject and fold(subject).casefold() in fold(np_text).casefold() \
                or named and len(content_words(np_text)) > 3 or _names_own_rate(sent, m, np_text):
            own = np_text  # the indicator's name in the clause, or a rate the clause names itself ("tỷ lệ ... đạt")
        else:
            own = subject
        if own is np_text and m.base_unit == "%" and _reached_share(
                sent, m, np_text, after := _phrase_after(sent, m), _rate_base(sent, m)):
            own = f"{np_text} {after}"  # "... đủ điều kiện đảm bảo đạt tối thiểu 90% TTHC của địa phương"
        if total is None:
            return fold(own).strip(" .,;:-–") or None if own else subject
    elif counted:
        if m.kind == "ratio_whole":
            after = _after(sent, m)
            asp = _before_scope(_aspect_cut(after))
            own = " ".join(p for p in (m.unit or "", asp) if p)  # "42/139 cơ quan": the whole is the noun
            own = _whole_named_by_rate(sent, m) or own  # "27/36 hồ sơ (đạt 73% trên tổng số hồ sơ tiếp nhận)"
        elif (whole := _container(sent, m)) is not None:
            own = whole  # "chương trình thực tế năm 2026, gồm 10 chuyên mục": parts of the programme
        elif (named := _named_before_paren(sent, m)) is not None:
            own = _share_before_paren(m, named, done)  # "số lượng biên chế hành chính (9.548/9.976 biên chế)"
        else:
            before, copula, agent = _before(sent, m, bare=True)
            if not before and not copula:
                before = _colon_label(sent, m) or _list_verb(sent, m) or _semicolon_verb(sent, m)  # "ban hành ... đối với 09 phòng, ban,
                # 05 trạm và 31 trường học"; "đã thu nhận 3.801 lượt hồ sơ cấp căn cước, ...; 2.707 tài khoản"
            elif not copula:
                before = _count_agent(sent, m, before)  # "hỗ trợ 10 doanh nghiệp của tỉnh tham gia 14 gian hàng"
            if not before and not copula and (pair := _pair_verb(sent, m)) is not None:
                before, agent = pair  # "bắt giữ 03 vụ 04 đối tượng có hành vi ...": the verb of the pair
            agent = agent or _whole_agent(sent, m)  # "X tiếp nhận 13 hồ sơ trên tổng số 14 hồ sơ": X's whole
            unit = "" if copula and m.unit and m.unit.casefold() in before.casefold() else _slashed_pair(sent, m)
            unit = _noun_after_phrase(m, unit) if content_words(before) else unit
            after = "" if _next_item_words(sent, m, before, total) else _after(sent, m)
            aim = _document_purpose(sent, m)  # "ban hành 12 văn bản để triển khai ...": what the documents are for
            own = " ".join(p for p in (before, unit, after, _shared_tail(sent, m), aim, agent) if p)
            own = _attended_event(sent, m) or own  # "với trên 6.000 người tham dự": of the event set up before
            own = _struck_by_events(sent, m) or own  # "xảy ra 193 vụ tai nạn giao thông, làm chết 88 người"
            own = _with_result_topic(sent, m, own)  # "Kết quả đánh giá Chỉ số ..., huyện A đạt 82,4 điểm"
    else:
        np_text = _coordinated_rate(sent, m, done) or _rate_np(sent, m)
        after = _phrase_after(sent, m) if m.base_unit == "%" else ""
        base = _rate_base(sent, m) if m.base_unit == "%" else ""
        if not content_words(np_text) and content_words(after):
            named = _rate_named_before(sent, m)  # "nâng cao tỷ lệ phủ sóng 5G, phấn đấu đạt 50% số trạm 4G"
            own = f"{named} {after}" if named else after
        elif _object_after(sent, m, after):
            before, _copula, _agent = _before(sent, m)  # "hoàn thành 100% kế hoạch đào tạo": the plan is measured
            own = f"{before} {after}".strip()
        elif _reached_share(sent, m, np_text, after, base):
            # "Cung cấp dịch vụ công trực tuyến ... đạt tối thiểu 90% TTHC của địa phương"
            own = f"{_predicate_of(np_text)} {after}"
        else:
            own = np_text or without_openers(subject or "") or None
            if own and base and content_words(np_text):
                own = f"{own} {base}"  # "đạt 34,3% trên tổng số chi phí": the whole the rate is taken of
            if own and (owner := _rate_owner(sent, m, np_text)):
                own = f"{own} {owner}"  # "...; Trung tâm Y tế huyện: tỷ lệ tự chủ chi thường xuyên 35%"
            if own:
                own = _with_result_topic(sent, m, own)  # "Kết quả tiêm chủng mở rộng, Trạm Y tế xã A đạt 98%"
    t_unit = (total[0].unit or "").casefold() if total else ""
    if (shared := _part_by_the_whole_act(m, own, total)) is not None:
        return shared
    if total is not None and counted and (t_unit == (m.unit or "").casefold() and _after(sent, m) or t_unit == "%"
                                          or is_counted(total[0]) and t_unit != (m.unit or "").casefold()
                                          and not _counts_again(m.unit)):
        total = None  # "30 đơn vị (gồm 28 Ban ..., 01 đơn vị thuộc Vườn Quốc gia)": the item names itself
    if total is not None and own is not None:
        _t, t_subject = total
        t_subject = _as_whole_of_part(_without_bare_agent(sent, _t, t_subject))
        unit = m.unit or ""
        item = own
        # the unit as written and as a phrase before it leaves it ("nghìn lượt khách", "lượt khách")
        written = dict.fromkeys((unit, _noun_after_phrase(m, unit))) if unit and is_counted(m) else {}
        for noun in filter(None, written):
            item = item.replace(noun, " ")
        own = f"{t_subject} {' '.join(item.split())}".strip()
    return fold(own).strip(" .,;:-–") or None if own else subject


def _as_whole_of_part(t_subject: str) -> str:
    """The total's subject as a part names it: without the total word and the total's time ("Tổng kinh phí thực
    hiện giai đoạn 2026-2030 là ..., trong đó ngân sách tỉnh 676 tỷ đồng" -> "kinh phí thực hiện ngân sách tỉnh"):
    a part is no total, and its period is said apart. The total word stays where it is part of a catalogued
    measure's name ("Tổng mức bán lẻ hàng hóa ..., trong đó kinh tế nhà nước ...")."""
    rest = t_subject.strip()
    if not rules().alias.match(rest):
        rest = phrase_words().total_open.sub("", rest, count=1)
    for pm in reversed(find_periods(rest)):
        rest = rest[: pm.start] + " " + rest[pm.end :]
    rest = without_remit(" ".join(rest.split()))
    return rest if content_words(rest) else t_subject


@lru_cache(maxsize=1)
def _remit() -> tuple[regex.Pattern, regex.Pattern]:
    """(rules/extents.yaml remit_clauses, searched in a whole's subject; the possessive naming whose remit, matched
    right after it)."""
    words = word_alternation(extent_words_data()["remit_clauses"], "extents.yaml remit_clauses")
    owner = r"\s+" + WHOLE_WORD % regex.escape(phrase_words().possessive)
    return regex.compile(r"(?:^|\s)" + WHOLE_WORD % words, regex.IGNORECASE), regex.compile(owner, regex.IGNORECASE)


def without_remit(whole: str) -> str:
    """A whole's subject as its part names it: without the clause of the remit it is counted in ("tổng số TTHC
    thuộc phạm vi quản lý đã được công bố là 2.310 TTHC (trong đó, cấp tỉnh là 1.865 TTHC)" -> "số TTHC đã được
    công bố" + "cấp tỉnh"): the remit words (`extents.yaml` remit_clauses) and the owner a "của" after them names, up
    to the predicate (`subjects.yaml` context.part_predicates: "đã", "được") or the next adjunct (context.restrictors)
    after it: the remit bounds the whole, and the part's own label names which of it the part is. `whole` unchanged
    when nothing with content would be left."""
    remit, possessive = _remit()
    at = remit.search(whole)
    if at is None:
        return whole
    end = at.end()
    owner = possessive.match(whole, end)
    if owner:  # "... của tỉnh": whose remit, up to the predicate or the next adjunct
        cw = context_words()
        stops = [x.start() for x in (cw.part_predicate.search(whole, owner.end()), cw.restrictor.search(whole, owner.end()))
                 if x]
        end = min(stops, default=len(whole))
    rest = " ".join(f"{whole[: at.start()]} {whole[end:]}".split()).strip(" ,")
    return rest if content_words(rest) else whole


def _part_by_the_whole_act(m: Mention, own: str | None, total: tuple[Mention, str] | None) -> str | None:
    """A part of a "trong đó" list counted by a noun of its own with nothing said of it ("tuyển dụng mới 46 viên
    chức, trong đó có 28 bác sĩ") is counted by its whole's act, the words of the whole's subject before its noun
    ("tuyển dụng mới bác sĩ"), not by the qualifiers after that noun, which name the whole; None otherwise."""
    if total is None or not own or not is_counted(m) or not is_counted(total[0]) or _counts_again(m.unit):
        return None
    whole, t_subject = total
    noun, t_noun = _counted_noun(m), _counted_noun(whole)
    if not t_noun or noun.casefold() == t_noun.casefold() or fold(own).casefold() != noun.casefold():
        return None
    at = list(word_pattern(t_noun).finditer(t_subject))
    if len(at) != 1 or not content_words(t_subject[: at[0].start()]):
        return None
    return fold(f"{t_subject[: at[0].start()].strip()} {noun}")


def _money_named_after(sent: Sentence, m: Mention) -> str | None:
    """The subject of an amount of money that a noun of money follows as its apposition (`amounts.yaml` money_nouns:
    "Huyện đã giải ngân 45 tỷ đồng vốn đầu tư công" -> "giải ngân vốn đầu tư công"): the clause's verb phrase and
    that noun phrase (and the agent), as for a count and its counted noun; None for other figures, or when a copula's noun phrase
    before the amount names it."""
    if m.base_unit not in rules().money_units or not amount_words().money_noun.match(sent.text, m.end):
        return None
    after = _after(sent, m)
    before, copula, agent = _before(sent, m)
    if copula or not content_words(after):
        return None
    return " ".join(p for p in (before, after, agent) if p)  # whose act, as after a counted noun


def activity_plan(sent: Sentence, m: Mention) -> str | None:
    """A share of a bare plan ("đã hoàn thành 100% kế hoạch đề ra") whose clause opens with a nominalised activity
    before its aspect marker ("Công tác kiểm tra cải cách hành chính đã ...") is a share of that activity's plan:
    "kế hoạch Công tác kiểm tra cải cách hành chính"; None otherwise (the writer as agent: "Tỉnh đã ...")."""
    if m.base_unit != "%":
        return None
    cw = context_words()
    pw = phrase_words()
    after = _phrase_after(sent, m)
    plan = cw.plan.match(after)
    if plan is None or not pw.restate.fullmatch(after[plan.end() :]):
        return None
    np_text = _rate_np(sent, m)
    asp = pw.aspect.search(np_text)
    activity = " ".join(np_text[: asp.start()].split()).strip(" ,") if asp else ""
    words = activity.split()
    if len(words) < 3 or not any(cw.nominalizer.search(" ".join(words[:k])) for k in (1, 2)):
        return None
    return f"{plan.group()} {activity}"


def _after_opening_rate(sent: Sentence, m: Mention) -> str:
    """The noun phrase after a rate that opens a clause of its own past a comma ("... tạo việc làm để ..., đến năm
    2030, 50% xã, phường không ma túy"): the rate is of that phrase, not of a name read in a clause before it; ""
    when the clause has words before the rate or none follow it."""
    if m.base_unit != "%":
        return ""
    start = m.opening
    lo = _clause_lo(sent, start)
    if lo == 0 or sent.text[lo - 1] != "," or content_words(without_openers(unmark(masked(sent, lo, start, m)))):
        return ""
    return _phrase_after(sent, m)


@lru_cache(maxsize=1)
def _attendance() -> tuple[regex.Pattern, regex.Pattern]:
    """The verbs of attending or of being struck (`extents.yaml` attendance_verbs, affected_verbs: "với 512 người
    mắc"), whole words; and the nominalised attendance that may stand between "với" and the count
    (attendance_nouns: "với sự tham gia của 25 doanh nghiệp"), a full match."""
    data = extent_words_data()
    verbs = word_alternation([*data["attendance_verbs"], *data["affected_verbs"]],
                             "extents.yaml attendance_verbs, affected_verbs")
    nouns = word_alternation(data["attendance_nouns"], "extents.yaml attendance_nouns")
    return regex.compile(WHOLE_WORD % verbs, regex.IGNORECASE), regex.compile(r"\s*" + nouns + r"\s*", regex.IGNORECASE)


def _with_result_topic(sent: Sentence, m: Mention, own: str) -> str:
    """`own` after the result topic of its sentence (_result_topic) when it does not hold its words yet."""
    topic = _result_topic(sent, m)
    return f"{topic} {own}" if topic and not set(content_words(topic)) <= set(content_words(own)) else own


def _result_topic(sent: Sentence, m: Mention) -> str:
    """The result a count reached by a named body measures, named by the comma part that opens its sentence
    (`extents.yaml` result_topics): "Kết quả đánh giá Chỉ số hài lòng năm 2025, huyện Phù Cát đạt 82,4 điểm" ->
    "Kết quả đánh giá Chỉ số hài lòng". Only when the count's clause holds nothing but who reached it (a short
    name: a capitalised word after its first) and the predicate, and the topic part holds no number and no
    predicate of its own; "" otherwise."""
    s = sent.text
    lo = _clause_lo(sent, m.opening)
    if not s[:lo].rstrip().endswith(","):
        return ""
    pw = phrase_words()
    clause = " ".join(masked(sent, lo, m.opening, m).split())
    pred = pw.predicates.search(clause)
    if pred is None or not pw.restate.fullmatch(clause[pred.start() :]):
        return ""  # "huyện A đạt", "Sở B đạt tỷ lệ": the predicate names nothing of its own
    words = clause[: pred.start()].split()
    if not 1 < len(words) <= _MAX_SHORT or not any(w[0].isupper() for w in words[1:]) \
            or pw.aspect.search(clause[: pred.start()]):
        return ""
    comma = s.rindex(",", 0, lo)
    start = max((c.end() for c in HARD.finditer(s, 0, comma)), default=0)
    if may_match(s[start:comma], "POINT_IN_TIME"):  # "Kết quả chung ... đến thời điểm báo cáo ngày 05/11/2025": when
        comma = min([start + c0 for c0, _c1, label, _ in rule_spans(s[start:comma]) if label == "POINT_IN_TIME"]
                    + [comma])
    if _numbered(sent, start, comma):
        return ""
    topic = without_openers(unmark(masked(sent, start, comma, None)))
    if not extent_words().result_topic.match(topic) or pw.predicates.search(topic) or "," in topic:
        return ""
    return cut_phrase(topic, _MAX_TOPIC_LABEL)


def _event_before(sent: Sentence, lo: int, hi: int) -> str:
    """The event the clause [lo, hi) sets up: its verb phrase without its agent, aspect marker, light verb and manner
    adverb ("Phối hợp với UBND huyện tổ chức thành công 2 phiên chợ ..." -> "phiên chợ ..."), a count's number
    blanked but its noun kept, its time dropped."""
    chars = list(sent.text[lo:hi])
    for o in sent.mentions:
        a, b = max(o.num_start, lo), min(o.num_end, hi)
        if a < b:
            chars[a - lo : b - lo] = " " * (b - a)
    text = "".join(chars)
    for pm in find_periods(text):
        text = text[: pm.start] + " " * (pm.end - pm.start) + text[pm.end :]
    text = without_openers(unmark(text))
    asp = list(phrase_words().aspect.finditer(text))
    text = _without_manner_adverbs(drop_light_verbs(text[asp[-1].end() :] if asp else text))
    return cut_phrase(" ".join(text.split()), _MAX_AFTER).strip(" ,")


def _attended_event(sent: Sentence, m: Mention) -> str | None:
    """The subject of a count of attendants: "tổ chức hội nghị, cuộc họp với trên 500 cơ quan, 6.000 người tham dự"
    -> "người tham dự hội nghị, cuộc họp" (and "cơ quan tham dự ..." for the list's first count), "tổ chức 2 phiên
    chợ với sự tham gia của 25 doanh nghiệp trong tỉnh" -> "doanh nghiệp trong tỉnh tham gia phiên chợ": the count
    opens (or goes on) a list after "với" at the end of its clause and a verb of attending follows the list or
    stands, nominalised, between "với" and the count; the event is the clause's verb phrase before "với"
    (_event_before). None otherwise."""
    if not is_counted(m) or not m.unit:
        return None
    s = sent.text
    pw = phrase_words()
    attend, attended_by = _attendance()
    lo = max((c.end() for c in HARD.finditer(s, 0, m.opening)), default=0)
    acc = list(pw.accompaniment.finditer(s, lo, m.opening))
    if not acc:
        return None
    between = masked(sent, acc[-1].end(), m.opening, None)
    by = attended_by.fullmatch(_strip_lead_in(between))
    if by is not None and (named := attend.search(by.group())) is not None:
        verb, own = named.group(), _after(sent, m)  # "với sự tham gia của 25 doanh nghiệp trong và ngoài tỉnh"
    else:
        if pw.predicates.search(between) or pw.aspect.search(between) or len(between.split()) > _MAX_PART:
            return None  # "với" opens another phrase than the list holding the count
        stop = _AFTER_HARD.search(s, m.end)
        tail = masked(sent, m.end, stop.start() if stop else len(s), m)
        found = attend.search(tail)
        if found is None or pw.predicates.search(tail[: found.start()]) or pw.aspect.search(tail[: found.start()]) \
                or len(tail[: found.start()].split()) > _MAX_PART:
            return None
        verb = found.group()
        own = tail[: found.start()] if "," not in tail[: found.start()] else ""  # "người dân tham dự": its own words
    event = _event_before(sent, lo, acc[-1].start())
    if not content_words(event):
        return None
    return " ".join(f"{_counted_noun(m)} {own} {verb} {event}".split())


@lru_cache(maxsize=1)
def _struck_words() -> regex.Pattern:
    """A count's clause of being struck: "làm chết", "bị thương", "làm" (before "02 người chết") and nothing else
    before the number (`extents.yaml` affected_verbs, causatives)."""
    data = extent_words_data()
    verbs = word_alternation(data["affected_verbs"], "extents.yaml affected_verbs")
    causes = word_alternation(data["causatives"], "extents.yaml causatives")
    return regex.compile(rf"\s*(?:{causes}\s+)?(?P<v>{verbs})?\s*", regex.IGNORECASE)


def _struck_by_events(sent: Sentence, m: Mention) -> str | None:
    """A count of people the events counted before it in its sentence struck, in a clause of its own after a comma
    ("xảy ra 193 vụ tai nạn giao thông, làm chết 88 người, bị thương 142 người"; "Xảy ra 23 vụ cháy, làm 02 người
    chết"): the people, the verb and the events ("người chết vụ tai nạn giao thông"), as attendants are named by their
    event; None when the clause holds more than the verb or no count of another noun ends a clause before it."""
    if not is_counted(m) or not m.unit:
        return None
    s = sent.text
    lo = s.rfind(",", 0, m.opening)
    if lo < 0 or HARD.search(s, lo, m.opening):
        return None
    head = _struck_words().fullmatch(s, lo + 1, m.opening)
    stop = _AFTER_HARD.search(s, m.end)
    comma = s.find(",", m.end)
    end = min(p for p in (stop.start() if stop else len(s), comma if comma >= 0 else len(s)))
    tail = _struck_words().fullmatch(s, m.end, end)
    verb = (head["v"] if head else None) or (tail["v"] if tail and head else None)
    if verb is None or head is None or (head["v"] and tail is None and s[m.end:end].strip()):
        return None
    events = next((o for o in reversed(sent.mentions) if o.end <= lo and is_counted(o) and o.unit
                   and o.base_unit != m.base_unit), None)
    if events is None or HARD.search(s, events.end, lo):
        return None
    stretch = s[events.num_end : s.find(",", events.end) if s.find(",", events.end) >= 0 else lo]
    named = " ".join(stretch.split())
    if not content_words(named):
        return None
    return f"{_counted_noun(m)} {' '.join(verb.split())} {named}"


def event_attendants(sent: Sentence, m: Mention, subject: str | None) -> str | None:
    """`subject` of a count of who attended (it ends in a verb of attending: "thí sinh dự thi") in a sentence whose
    head names a contest or exam with its time ("Kỳ thi tốt nghiệp trung học phổ thông năm 2026, toàn tỉnh có 27.846
    thí sinh dự thi"): of that event, whose name it takes ("thí sinh dự thi kỳ thi tốt nghiệp trung học phổ thông");
    `subject` unchanged otherwise (periods.yaml `event_lead`, extents.yaml `attendance_verbs`)."""
    if not subject or not is_counted(m):
        return subject
    verb = next(reversed(list(_attendance()[0].finditer(subject))), None)
    if verb is None or content_words(subject[verb.end() :]):
        return subject  # no verb of attending, or words after it: not who attended
    s = sent.text
    comma = s.find(",")
    if comma < 0 or comma > m.opening:
        return subject
    head = s[:comma]
    times = find_periods(head)
    lead = event_lead().match(head[: min(pm.start for pm in times)] if times else head)
    if lead is None:
        return subject
    name = " ".join(lead.group("e").split())
    return subject if set(content_words(name)) <= set(content_words(subject)) else f"{subject} {name}"


@lru_cache(maxsize=1)
def _document_nouns() -> regex.Pattern:
    """The nouns of issued documents (`extents.yaml` document_nouns), a full match."""
    return regex.compile(word_alternation(extent_words_data()["document_nouns"], "extents.yaml document_nouns"),
                         regex.IGNORECASE)


def _document_purpose(sent: Sentence, m: Mention) -> str:
    """The purpose clause that names a count of issued documents: "ban hành 01 kế hoạch, 12 văn bản để triển khai
    các nhiệm vụ của Đề án, tập trung: ..." -> "để triển khai các nhiệm vụ của Đề án" for both counts; "" when the
    count is of no document or no purpose word (spans.yaml PURPOSE) follows it and the counts listed after it."""
    if not is_counted(m) or not _document_nouns().fullmatch(" ".join(_counted_noun(m).split())):
        return ""
    s = sent.text
    stop = _AFTER_HARD.search(s, m.end)
    tail = masked(sent, m.end, stop.start() if stop else len(s), m)
    tail = tail[phrase_words().list_gap.match(tail).end() :]  # numbers blanked
    words = tail.split()
    if not words or words[0].casefold() not in cue_phrases("PURPOSE"):
        return ""
    aim = tail.split(",")[0]
    return cut_phrase(" ".join(aim.split()), _MAX_AFTER).strip(" ,") if len(words) > 1 else ""


def _counted_noun(m: Mention) -> str:
    """The noun a count counts: its unit without a per-time ("chuyên mục/tháng" -> "chuyên mục"), which says
    how often, not what, or a per-unit ("thí sinh/phòng thi" -> "thí sinh", "học viên/lớp" -> "học viên"), which says
    for each what, not what is counted."""
    unit = m.unit or ""
    head, _, per = unit.partition("/")
    return head.strip() if per and not _money_rate(unit) else unit


def _slashed_pair(sent: Sentence, m: Mention) -> str:
    """The noun a count counts where a slash joins two nouns of one count ("Danh mục nhiệm vụ, dự án cụ thể: 54
    nhiệm vụ/dự án": tasks or projects, 54 in all): the two nouns as the sentence writes them coordinated too
    ("nhiệm vụ, dự án", "nhiệm vụ và dự án"); else _counted_noun, the slash a per-unit ("35 học sinh/lớp": for each
    class)."""
    unit = m.unit or ""
    head, _, per = unit.partition("/")
    if not per or "/" in per or _money_rate(unit) or not head.strip():
        return _counted_noun(m)
    both = regex.compile(WHOLE_WORD % regex.escape(head.strip()) + r"\s*(?:,|\s" + phrase_words().coordinator.pattern
                         + r")\s*" + WHOLE_WORD % regex.escape(per.strip()), regex.IGNORECASE)
    written = both.search(sent.text)
    return " ".join(written.group().split()) if written else _counted_noun(m)


def _noun_after_phrase(m: Mention, unit: str) -> str:
    """The counted noun `unit` of `m` where words of its clause stand before it: without its scale word ("đón 1,58
    triệu lượt khách" -> "lượt khách"), and none for a unit of physical measure (`extents.yaml` measure_units:
    "sản lượng thủy sản khai thác ước đạt 52.128 tấn", "Tổng diện tích ... là 1.250 ha"), which says how much,
    never what: those words name it. A count that opens its own phrase keeps its unit as written (label_lines.py
    reads a listed value's noun from there: "23,2584kg ma túy tổng hợp")."""
    base = m.base_unit or ""
    if base and unit.casefold() != base.casefold() and unit.casefold().endswith(" " + base.casefold()):
        unit = base  # "1,58 triệu lượt": the scale is folded into the value
    return "" if unit.partition("/")[0].strip().casefold() in measure_units() else unit


def _container(sent: Sentence, m: Mention) -> str | None:
    """The subject of a count of parts after a containment verb: "<X> (năm 2026), gồm N <Y>" -> "Y X" (`extents.yaml`
    containers), X from the last container noun ("chương trình") of the clause before the verb, or else from
    after its last light verb; the list's announcing word after Y ("sau", "cụ thể") dropped."""
    cw = container_words()
    if not is_counted(m) or not may_hold(cw.verb, sent.text):
        return None  # masking blanks characters, so a sentence without the verb's words has none in the clause
    lo = max((c.end() for c in HARD.finditer(sent.text, 0, m.opening)), default=0)
    text = unmark(masked(sent, lo, m.opening, m))
    verb = cw.verb.search(text)
    if verb is None:
        return None
    head = text[: verb.start()]
    head = head[head.rfind(",") + 1 :] if "," in head else head
    nouns = list(cw.noun.finditer(head))
    if nouns:
        whole = head[nouns[-1].start() :]
    elif lights := list(cw.light.finditer(head)):
        whole = head[lights[-1].end() :]
    else:
        return None
    whole = cut_phrase(" ".join(whole.split()), _MAX_NP)
    if not content_words(whole):
        return None
    after = _after(sent, m)
    after = cw.listing.sub("", after).strip(" ,:")
    return " ".join(p for p in (_counted_noun(m), after, whole) if p)


def _counts_again(unit: str | None) -> bool:
    """A unit that counts any noun again ("người", "lượt"): an item of a "trong đó" list in it counts the total's
    noun ("99.027 lượt cán bộ ..., trong đó ... 8.647 người"), one in a noun of its own counts that noun."""
    return bool(unit) and phrase_words().generic.fullmatch(" ".join(unit.split())) is not None


def is_weak(subject: str | None, change_unit: str | None = None, count_unit: str | None = None) -> bool:
    """A subject that names nothing: no content word but one ("so", "Từ", "tăng", "Đối"), a lead opener alone
    ("kết quả" of "Chỉ tiêu 1: Tỷ lệ ... ≥ 80%; kết quả: 86,2%": the result of what the line named), only a time or
    clause opener ("lũy kế 10 tháng", "Trong tháng": when, not what), or, for a change (the caller passes its unit as
    `change_unit`), only a predicate and that unit ("tăng bậc" of "xếp thứ 7/135, tăng 15 bậc": the change of the
    rank); any other figure's unit does not count, since an act on a counted noun names it ("đang thực hiện 03 đề
    tài"), unless that unit (`count_unit`) counts any noun again ("lượt", "người") and one word at most stands
    before it ("đón lượt" of "cả năm đón khoảng 9,05 triệu lượt": the act, not who or what was counted; "người mắc"
    names whom)."""
    words = content_words(subject)
    if len(words) <= 1 or not content_words(without_openers(subject)):
        return True
    if _counts_again(count_unit) and len(set(words) - set(content_words(count_unit))) <= 1 \
            and words[-len(content_words(count_unit)):] == content_words(count_unit):
        return True
    pw = phrase_words()
    opener = pw.lead_openers.match(subject)
    if opener is not None and not subject[opener.end() :].strip():
        return True
    if change_unit is None:
        return False
    rest = set(content_words(pw.predicates.sub(" ", subject))) - set(content_words(change_unit))
    return not rest


_PHRASE_START = regex.compile(r"(?:^|[;:(])[\s\-–+*•]*(?=[^;:()]*\Z)")  # commas may stand inside a name


def bracket_attribute(sent: Sentence, m: Mention, subject: str | None, done: list) -> str | None:
    """The subject of a figure alone in brackets after an attribute's label that follow a noun phrase ("- Nhóm giáo dục
    (quyền số 5,94%) tăng 1,12%"): that attribute of the phrase ("quyền số Nhóm giáo dục"); of the figure right after
    those brackets, the phrase itself, not the label (`done`: the (mention, subject) pairs before it). `subject`
    otherwise."""
    s = sent.text
    r = rules()
    hit = r.bracket_attribute.search(s, max(0, m.opening - 20), m.opening)
    if hit is not None and s[m.closing :].lstrip().startswith(")"):
        phrase = _phrase_before(s, hit.start())
        return f"{' '.join(hit['label'].split())} {phrase}" if phrase else subject
    if not done or not subject:
        return subject
    prev = done[-1][0]
    close = s.find(")", prev.closing)
    hit = r.bracket_attribute.search(s, max(0, prev.opening - 20), prev.opening)
    if hit is None or close < 0 or s[close + 1 : m.opening].strip() and not phrase_words().predicates.fullmatch(
            s[close + 1 : m.opening].strip()):
        return subject
    phrase = _phrase_before(s, hit.start())
    return phrase if phrase and subject.casefold().startswith(hit["label"].casefold()) else subject


def _phrase_before(s: str, paren: int) -> str:
    """The noun phrase that ends right before `paren`: from the last clause mark (and list marks) before it."""
    start = _PHRASE_START.search(s, 0, paren)
    return " ".join(s[start.end() if start else 0 : paren].split())


_ACRONYM = regex.compile(r"(?-i:\p{Lu}{2,}[0-9]*)")


def defined_acronym(subject: str | None, texts: list[str]) -> bool:
    """A subject that is only an acronym the text defined in brackets after its full name ("Chỉ số giá tiêu dùng
    (CPI) năm gốc 2024 ...; CPI tháng 10/2026 tăng 0,35%"): it names its measure, however short (`texts`: the
    sentence up to the number and the block's sentences before it)."""
    word = (subject or "").strip()
    return bool(_ACRONYM.fullmatch(word)) and any(f"({word})" in t for t in texts)


def averaged_carried(subject: str | None, carried: str | None) -> str | None:
    """The subject of an average named by its average word alone after figures of a named measure ("Giá bán ... từ 15
    đến 18 triệu đồng/m², bình quân 16,4 triệu đồng/m²" -> "Giá bán ... bình quân"): the measure carried, averaged;
    `subject` unchanged otherwise."""
    if not subject or not carried or not phrase_words().averages.fullmatch(subject):
        return subject
    return f"{carried} {' '.join(subject.split())}"


def running_total(subject: str | None, done: list) -> str | None:
    """The subject of a figure whose own words name only when it runs to ("Phấn đấu số thu tháng 10 đạt 1.450 tỷ
    đồng; lũy kế 10 tháng đạt trên 13.800 tỷ đồng"): the running total, or the same time's next figure, of what the
    figure before it in the sentence measures (`done`: its (mention, subject) pairs); None otherwise."""
    # the cheap tests first: the first figure of a sentence has no figure before it to run on from
    if not subject or not done or not done[-1][1] or content_words(without_openers(subject)):
        return None
    return done[-1][1]


def act_on_carried(sent: Sentence, m: Mention, subject: str | None, carried: str | None) -> str | None:
    """The subject of an amount written right after a bare verb ("lũy kế từ đầu năm 3.705.300 lượt khám chữa bệnh, chi
    3.164 tỷ đồng"): what that verb spent or took in is what the subject in force (`carried`) names, so the subject
    is the verb with it ("chi lượt khám chữa bệnh"); None when the amount is no money, or its subject is more than
    one lower-case word, a predicate or an opener, or is not written right before the amount."""
    if not carried or not subject or m.base_unit not in rules().money_units:
        return None
    verb = " ".join(subject.split())
    if len(content_words(verb)) != 1 or not verb.islower() or phrase_words().predicates.search(verb) \
            or without_openers(verb) != verb or word_pattern(verb).search(carried):
        return None
    return f"{verb} {carried}" if sent.text[: m.opening].rstrip().endswith(verb) else None


def part_of_carried(sent: Sentence, m: Mention, subject: str | None, done: list) -> str | None:
    """The subject of a count named by its noun alone after "với" right after the count of what holds it ("có 1.186
    cơ sở lưu trú du lịch với 52.340 buồng"): the parts of those holders, "buồng của cơ sở lưu trú du lịch" (`done`:
    the (mention, subject) pairs before it in the sentence); None when the count's noun is one that counts any noun
    again ("lượt", "người"), is named by more words or by the holders' subject already, or no count of holders
    stands right before "với"."""
    if not done or not subject or not is_counted(m) or _counts_again(m.base_unit) \
            or content_words(subject) != content_words(m.unit):
        return None
    holder, named = done[-1]
    between = sent.text[holder.end : m.opening]
    if not named or not is_counted(holder) or word_pattern(m.unit).search(named) \
            or not _accompanies(between) or _DIGIT.search(between):
        return None
    return f"{' '.join(subject.split())} {phrase_words().possessive} {named}"


def list_total(sent: Sentence, m: Mention, done: list) -> tuple[Mention, str] | None:
    """The figure a "trong đó"/"gồm" list holding `m` hangs from: the last one before the list's opener."""
    opens = [b for b in sent.breaks if b[1] <= m.start and sent.text[b[0]] != ";"]
    if not opens:
        return None
    b0, b1 = opens[-1]
    semis = [s0 for s0, _ in sent.breaks if sent.text[s0] == ";"]
    if ":" not in sent.text[b0:b1] and extent_words().part_opener.match(sent.text, b0) and any(
            s0 < b0 for s0 in semis) and any(b1 <= s0 < m.start for s0 in semis):
        return None  # "...; tổng thu 14.250 tỷ đồng, trong đó thu nội địa 13.600 tỷ đồng; tổng vốn ...": in a list
        # of semicolon items a "trong đó" with no colon names its parts in its own item, the next is the list's next
    # a count inside a parenthesis closed before the opener is a breakdown of the head, not the head: "5.000 hồ sơ
    # (3.000 hồ sơ khai sinh và 2.000 hồ sơ khai tử), trong đó: 4.500 hồ sơ ..." hangs from the 5.000
    heads = [(o, subj) for o, subj in done if o.end <= b0 and subj and not _closed_before(sent, o.start, b0)]
    # "phát hiện 3.000 vụ, 5.000 đối tượng, trong đó: 2.800 vụ ..., 4.000 đối tượng ...": each item hangs from the
    # head that counts its noun
    same = [h for h in heads if is_counted(m) and (h[0].unit or "").casefold() == (m.unit or "").casefold()]
    if not is_counted(m) and m.base_unit and m.base_unit != "%":
        # "Thu ngân sách đạt 10.619 tỷ đồng, bằng 31% dự toán và 121% so cùng kỳ; trong đó: thu thuế 6.689 tỷ đồng":
        # an amount's parts are measured as their total is, so the rates compared after it are no total of theirs
        same = [h for h in heads if h[0].base_unit == m.base_unit]
    return same[-1] if same else heads[-1] if heads else None


def total_before(sent: Sentence, m: Mention, before: list) -> tuple[Mention, str] | None:
    """The total the parts of a sentence opened by a breakdown word hang from ("Tổng diện tích gieo trồng vụ Đông
    Xuân là 12.000 ha, tăng 5% so với cùng kỳ. Trong đó: diện tích lúa 8.000 ha; ..."): the last figure of the
    sentence before (`before`: its (mention, subject) pairs) that counts in the unit of `m` or measures an amount as
    it does (a rate names its own whole); None otherwise."""
    if m.base_unit in (None, "%") or not breakdown().match(unmark(sent.text).lstrip(" -–+*•")):
        return None
    return next(((o, s) for o, s in reversed(before) if s and o.base_unit == m.base_unit and not o.sign_word), None)


def paren_total(sent: Sentence, m: Mention, done: list) -> tuple[Mention, str] | None:
    """The total whose parts a parenthesis right after it lists ("tổng kế hoạch vốn của Chương trình là 3.022 tỷ đồng
    (vốn đầu tư phát triển 2.198 tỷ đồng, vốn sự nghiệp 824 tỷ đồng)"): the figure before the parenthesis, when `m`
    is one of two or more labelled amounts inside it in the total's unit, none a change; None otherwise."""
    g = sent.group(m.start)
    if g < 0 or m.sign_word or m.base_unit in (None, "%") or sent.text[g] != "(":
        return None
    head = next(((o, subj) for o, subj in reversed(done) if o.end <= g), None)
    if head is None or not head[1] or sent.text[head[0].end : g].strip() or head[0].base_unit != m.base_unit \
            or head[0].sign_word:
        return None
    close = sent.close_of(g)
    inside = [o for o in sent.mentions if g < o.start < close and sent.group(o.start) == g]
    if len(inside) < 2 or any(o.base_unit != m.base_unit or o.sign_word for o in inside):
        return None
    lo = g + 1
    for o in inside:  # each part labelled: words of its own between the separator before it and its number
        if not content_words(sent.text[lo : o.start]):
            return None
        lo = o.end
    return head


def _closed_before(sent: Sentence, pos: int, end: int) -> bool:
    """Whether `pos` is inside a parenthesis that closes before `end`."""
    group = sent.group(pos)
    return group >= 0 and sent.close_of(group) < end


_MAX_GROUP = 12  # words of the group an amount applies to ("đối với trình độ Thạc sĩ")


def _class_bound(m: Mention) -> bool:
    """A bounded count or duration ("dưới 03 tháng", "từ 15 km trở lên"): inside a group's noun phrase it names the
    group's class, no figure the group stops at."""
    return m.qualifier in ("<", "<=", ">", ">=") and not (m.base_unit in rules().money_units or _money_rate(
        m.base_unit or ""))


def _beneficiary(sent: Sentence, m: Mention) -> str:
    """The group an amount applies to, named right after it: "50.000.000 đồng đối với trình độ Thạc sĩ" ->
    "đối với trình độ Thạc sĩ", up to a comma, a parenthesis, a coordinator or the next number that is no bound of
    the group's class ("đối với các khóa đào tạo dưới 03 tháng": the bound names which courses);
    "" for a count (its qualifiers are _after's), a rate or when none follows."""
    if is_counted(m) or m.base_unit == "%":
        return ""
    s = sent.text
    nxt = min((o.start for o in sent.mentions if o.start >= m.end and not _class_bound(o)), default=len(s))
    found = amount_words().beneficiary.match(s[:nxt], m.end)
    if not found:
        return ""
    pw = phrase_words()
    group = found.group("g")
    # a relative clause stays with the group ("đối với vận động viên đạt huy chương vàng")
    stop = min((x.start() for x in (pw.coordinator.search(group), regex.search(r"\.(?:\s|$)", group)) if x),
               default=len(group))
    if not content_words(group[:stop]):
        return ""
    return cut_phrase(s[found.start("g") - (found.start("g") - found.start()) : found.start("g") + stop],
                      _MAX_GROUP).strip(" ,")


_HEAD_GROUP_END = regex.compile(r"[;()]|\.(?:\s|$)")
_MAX_HEAD_GROUP = 10  # words a per-unit head goes on with as the group a level is for


def per_head_group(sent: Sentence, m: Mention, subject: str | None, done: list) -> str | None:
    """`subject` of a rule's amount per head whose head noun goes on with words of its own ("với mức hỗ trợ 10 triệu
    đồng/hộ có nhà bị sập đổ hoàn toàn và 20 triệu đồng/người chết, mất tích"): the level for that group, named by
    the bare level noun and the head with its words ("mức hỗ trợ hộ có nhà bị sập đổ hoàn toàn"); an amount
    coordinated right after such a one takes its level noun ("mức hỗ trợ người chết, mất tích"). `subject` unchanged
    when it names more than a level, or the words after the amount name a group of their own ("đối với hộ nghèo":
    with_beneficiary) (spans.yaml NORM_TOPIC)."""
    if not m.unit or "/" not in m.unit or not m.base_unit or not _money_rate(m.base_unit):
        return subject
    s = sent.text
    nxt = min((o.start for o in sent.mentions if o.start >= m.end), default=len(s))
    end = _HEAD_GROUP_END.search(s, m.end, nxt)
    words = s[m.end : end.start() if end else nxt]
    pw = phrase_words()
    both = list(pw.coordinator.finditer(words))
    words = words[: both[0].start()] if both else words
    if not words[:1].isspace() or not content_words(words) or amount_words().beneficiary.match(words) \
            or len(words.split()) > _MAX_HEAD_GROUP:
        return subject
    levels = {" ".join(t.split()).casefold() for t in cue_phrases("NORM_TOPIC")}
    level = subject if subject and " ".join(subject.split()).casefold() in levels else None
    if level is None and done:
        prev, said = done[-1]
        opening = next((t for t in levels if said and " ".join(said.split()).casefold().startswith(t + " ")), None)
        joins = list(pw.coordinator.finditer(s, prev.end, m.opening))
        if opening and joins and not s[joins[-1].end() : m.opening].strip() and _money_rate(prev.base_unit or ""):
            level = " ".join(said.split())[: len(opening)]
    if level is None:
        return subject
    return " ".join(f"{level} {m.unit.rsplit('/', 1)[-1]} {words}".split()).strip(" ,")


def with_beneficiary(sent: Sentence, m: Mention, subject: str | None, done: list) -> str | None:
    """`subject` with the group the amount applies to ("mức hỗ trợ ... đối với trình độ Tiến sĩ"); an amount
    coordinated with the one before ("50.000.000 đồng đối với trình độ Thạc sĩ và 140.000.000 đối với trình độ
    Tiến sĩ") shares its subject but not its group."""
    group = _beneficiary(sent, m)
    if not group:
        return subject
    shared = _shared_amount(sent, m, done)
    subject = shared if shared is not None else subject
    if not subject:
        return subject
    if set(content_words(group)) <= set(content_words(subject)):
        return subject
    return f"{subject} {group}".strip()


def with_measure_noun(sent: Sentence, m: Mention, subject: str | None) -> str | None:
    """`subject` of an amount from the noun naming its measure when an agent and its verbs stand before that noun in
    the number's sentence, with no other number between, and the noun either ends a lead-in the amount follows after
    a colon ("Sở Nội vụ thống nhất điều chỉnh hạ xuống mức hỗ trợ đào tạo sau đại học ..., cụ thể: 50.000.000 đồng"
    -> "mức hỗ trợ đào tạo sau đại học") or names a total ("... với 27 chuyên gia được tăng cường tổng kinh phí thực
    hiện 4.314.000.000 đồng" -> "tổng kinh phí thực hiện"); else `subject` unchanged."""
    if not subject or is_counted(m) or m.base_unit in (None, "%"):
        return subject
    own = measure_phrase(subject)
    if own is None:
        return subject
    text = sent.text[: m.opening]
    phrase = measure_phrase(text)
    at = text.rfind(phrase) if phrase else -1
    if phrase is None or at < 0 or any(at <= o.start < m.opening for o in sent.mentions if o is not m):
        return subject
    if not text.rstrip().endswith(":") and not phrase_words().total_open.match(phrase):  # a total of a measure
        return subject  # "giải ngân kinh phí 5 tỷ đồng": the verb of the clause's own measure names what is measured
    return phrase


def support_level(m: Mention, role: str, subject: str | None) -> str | None:
    """`subject` of a rule's amount per head or multiple given by a payment verb (spans.yaml NORM_RATE: "Hỗ trợ tiền
    ăn 50.000 đồng/người/ngày", "Người khuyết tật học nghề được hỗ trợ gấp 1,5 lần mức quy định"): the level of that
    payment, named by the level noun of its verb (NORM_TOPIC: "mức hỗ trợ tiền ăn", "mức hỗ trợ người khuyết tật học
    nghề"); `subject` unchanged when it names a level already or the figure is no such norm."""
    if role != "norm" or not subject or not (m.kind == "multiple" or m.base_unit and _money_rate(m.base_unit)):
        return subject
    if amount_words().measure.search(subject) or any(word_pattern(t).search(subject) for t in cue_phrases("NORM_TOPIC")):
        return subject  # "mức hỗ trợ ...", "định mức ...": a level already
    verbs = [v for v in sorted(cue_phrases("NORM_RATE"), key=len, reverse=True) if word_pattern(v).search(subject)]
    level = next((t for v in verbs for t in cue_phrases("NORM_TOPIC") if t.split()[-1] == v.split()[-1]), None)
    if level is None:
        return subject
    verb = word_pattern(verbs[0]).search(subject)
    before = subject[: verb.start()].split()
    if before and not content_words(before[-1]):
        before.pop()  # "được" of "... được hỗ trợ": the verb's marker goes with it
    return " ".join([level, *before, *subject[verb.end() :].split()])


def duration_named(m: Mention, role: str, subject: str | None) -> str | None:
    """`subject` of a duration a rule sets or a bound names ("đào tạo dưới 03 tháng cho lao động nông thôn", "sau 15
    ngày người dân không bổ sung"): the time of the act its clause names, "thời gian" heading its words and the unit
    out ("thời gian đào tạo cho lao động nông thôn"); `subject` unchanged when it names a time already ("thời hạn",
    "tuổi thọ") or the figure is no bounded or ruled duration (amounts.yaml `duration_head`, `time_nouns`)."""
    unit = (m.base_unit or "").casefold()
    if not subject or unit not in rules().duration_units or (role != "norm" and m.qualifier in (None, "~")):
        return subject
    aw = amount_words()
    if aw.time_noun.search(subject):
        return subject
    rest = word_pattern(unit).sub(" ", subject, count=1)
    return " ".join(f"{aw.duration_head} {rest}".split())


_MAX_PLACE = 4  # words of a place a comma part names in parallel with the place of the figure before


def parallel_place(sent: Sentence, m: Mention, subject: str | None, done: list) -> str | None:
    """`subject` of a comma part naming only a place, in parallel with the place that ends the subject of the figure
    before ("Tỷ lệ hộ dùng nước sạch tại khu vực thành thị đạt 98%, khu vực nông thôn đạt 72%"): that figure's
    measure at this place ("Tỷ lệ hộ dùng nước sạch tại khu vực nông thôn"); `subject` otherwise (subjects.yaml
    phrase.place_prepositions)."""
    if not subject or not done or len(subject.split()) > _MAX_PLACE:
        return subject
    prev, prev_subject = done[-1]
    if not prev_subject or prev.base_unit != m.base_unit or prev.end > m.start:
        return subject
    pw = phrase_words()
    place = pw.place.search(prev_subject)
    if place is None or pw.place.search(f" {subject}") or not content_words(prev_subject[: place.start()]):
        return subject
    prep, *where = place.group().split()
    if not 0 < len(where) <= _MAX_PLACE:
        return subject
    between = " ".join(sent.text[prev.end : m.start].split())
    if not between.startswith(",") or not between.lstrip(", ").startswith(" ".join(subject.split())):
        return subject  # the place must open the comma part right after the figure before
    return f"{prev_subject[: place.start()].strip()} {prep} {subject}"


_TITLE_CAPITAL = 6  # words of the capital a title names after its act of disbursing, at most
_TITLE_CAPITAL_END = regex.compile(r"[,;:()\[\]“”\"]|\s[-–]\s")


def disbursed_capital(m: Mention, subject: str | None, title: str | None, done: list | None = None) -> str | None:
    """`subject` of an amount or a rate named by an act of disbursing alone ("toàn tỉnh giải ngân 2.187,6 tỷ đồng",
    "đã giải ngân 528,4 tỷ đồng, đạt 73,4% kế hoạch vốn năm"): the capital disbursed, named by the capital noun and
    what the document's title names after the act ("Tình hình giải ngân kế hoạch vốn đầu tư công năm 2026" -> "vốn
    đầu tư công giải ngân"), the noun alone when the title names none ("vốn giải ngân"); the money planned that an
    earlier amount of the sentence names (`done`) comes first (_planned_money); `subject` unchanged otherwise
    (amounts.yaml `disbursement_acts`, `disbursed_noun`)."""
    aw = amount_words()
    if not subject or not (m.base_unit == "%" or m.base_unit in rules().money_units):
        return subject
    act = aw.disbursement_act.search(subject)
    if act is None or content_words(subject) != content_words(act.group()):
        return subject  # "dự án giải ngân", "Vốn mới giải ngân": the act's subject is named
    return " ".join([_planned_money(m, done or [], aw) or _title_capital(title, aw) or aw.disbursed_noun, act.group()])


def _planned_money(m: Mention, done: list, aw: AmountWords) -> str:
    """The money planned or allotted that an earlier amount of the sentence names, opening with a plan word
    (amounts.yaml planned_money_heads: "Tổng vốn Chương trình ... được giao 684,5 tỷ đồng" -> "vốn Chương trình ..."),
    without those words, the plan's time and the passive verb that gave it ("được giao"); "" when none does."""
    money = rules().money_units
    for o, s in reversed(done):
        if o.end <= m.start and o.base_unit in money and s and aw.planned_head.match(s):
            rest = _given_by().sub("", _as_whole_of_part(aw.planned_head.sub("", s, count=1)))
            return rest if content_words(rest) else ""
    return ""


@lru_cache(maxsize=1)
def _given_by() -> regex.Pattern:
    """A passive marker and its verb ending a phrase ("... được giao"; subjects.yaml context.relative_passives)."""
    return regex.compile(r"\s+(?:" + context_words().relative_passive.pattern + r")\s+\p{L}+\s*$", regex.IGNORECASE)


def money_of_act(m: Mention, subject: str | None) -> str | None:
    """`subject` of an amount of money named by an act that moves money and no noun of money ("xử phạt vi phạm hành
    chính 85 triệu đồng", "đã thi hành xong 40 tỷ đồng"): the money of that act, headed by the money noun ("tiền xử
    phạt vi phạm hành chính"); `subject` unchanged otherwise (amounts.yaml `money_acts`, `money_head`)."""
    aw = amount_words()
    if not subject or m.base_unit not in rules().money_units or not aw.money_act.search(subject):
        return subject
    if any(p.search(subject) for p in (aw.money_noun, aw.measure, aw.sum_noun, aw.level_noun, aw.disbursement_act)):
        return subject  # "số tiền phải thi hành", "kinh phí thu hồi": the money is named
    return f"{aw.money_head} {subject}"


def allocated_money(sent: Sentence, m: Mention, subject: str | None) -> str | None:
    """`subject` of an amount of money named by an act that sets money aside and nothing else but who proposes it
    ("Tham mưu bố trí 6.850 triệu đồng từ ngân sách tỉnh cho công tác phòng cháy, chữa cháy rừng"): the money, headed by
    the allocation noun and named by the words after the amount, its source and what it pays for ("kinh phí từ ngân
    sách tỉnh cho công tác phòng cháy, chữa cháy rừng"); `subject` unchanged when the act does not end it, money is
    named already or nothing follows the amount (amounts.yaml `allocation_acts`, `allocation_head`)."""
    aw = amount_words()
    if not subject or m.base_unit not in rules().money_units:
        return subject
    acts = list(aw.allocation_act.finditer(subject))
    if not acts or content_words(subject[acts[-1].end() :]):
        return subject  # "bố trí mua sắm máy thổi gió": the act's object is named
    if any(p.search(subject) for p in (aw.money_noun, aw.measure, aw.sum_noun, aw.level_noun)):
        return subject  # "bố trí vốn", "trích ngân sách tỉnh": the money is named
    after = _after(sent, m)
    if not content_words(after):
        return subject
    return f"{aw.allocation_head} {after}"


def classified_noun(m: Mention, subject: str | None, texts: list[str]) -> str | None:
    """`subject` with the full noun its count's classifier stands for ("đã hoàn thành 1.327 căn xây mới", "mức hỗ trợ 60
    triệu đồng/căn xây mới" after "xây mới 1.426 căn nhà": "căn nhà xây mới"): the classifier alone in the unit and
    the subject, the full noun named in `texts` (its sentence up to the number, then the block's sentences before;
    subjects.yaml context `classified_nouns`); `subject` unchanged otherwise."""
    if not subject or not m.unit:
        return subject
    cw = context_words()
    unit_words = {w.strip().casefold() for w in m.unit.split("/")}
    for classifier, noun in cw.classified:
        if classifier.casefold() not in unit_words or not any(word_pattern(noun).search(t) for t in texts):
            continue
        for hit in word_pattern(classifier).finditer(subject):
            rest = subject[hit.start() :]
            if any(word_pattern(n).match(rest) for _c, n in cw.classified) or cw.compound_start.match(rest):
                continue  # "căn nhà", "căn hộ" named in full; "căn cứ" no classifier
            return f"{subject[: hit.start()]}{noun}{subject[hit.end() :]}"
    return subject


def _title_capital(title: str | None, aw: AmountWords) -> str:
    """The capital `title` names right after its act of disbursing ("giải ngân [kế hoạch] vốn đầu tư công năm
    2026 (tính đến ...)" -> "vốn đầu tư công"), up to its period or a break; "" when it names none."""
    act = aw.disbursement_act.search(title or "")
    if act is None:
        return ""
    rest = title[act.end() :]
    noun = word_pattern(aw.disbursed_noun).search(rest)
    if noun is None or len(rest[: noun.start()].split()) > 2:
        return ""  # "giải ngân [kế hoạch] vốn ...": the capital follows the act or its plan word
    rest = rest[noun.start() :]
    times = find_periods(rest)
    rest = rest[: min(pm.start for pm in times)] if times else rest
    rest = _TITLE_CAPITAL_END.split(rest)[0]
    words = rest.split()
    if len(words) > _TITLE_CAPITAL:
        return ""
    return " ".join(words).lower() if title.isupper() else " ".join(words)  # a title in capitals reads as its words


def level_of_act(sent: Sentence, m: Mention, subject: str | None) -> str | None:
    """`subject` of an amount named by a bare level noun or sum noun after "với" ("xã chi hỗ trợ tiền ăn cho lực lượng
    trực với mức 150.000 đồng/người/ngày", "để xảy ra sai phạm về tài chính với tổng số tiền 895,6 triệu đồng"): the
    level or the sum of the act the clause names before "với", its agent and time dropped ("mức chi hỗ trợ tiền ăn
    cho lực lượng trực"); `subject` unchanged otherwise, or when a count stands in that clause (the sum of what it
    counted: sum_of_count) (amounts.yaml `level_nouns`, `sum_nouns`)."""
    aw = amount_words()
    if not subject or not (aw.level_noun.fullmatch(subject) or (
            (total := aw.sum_noun.match(subject)) and not content_words(subject[total.end() :]))):
        return subject
    joins = list(phrase_words().accompaniment.finditer(sent.text, 0, m.opening))
    if not joins or content_words(sent.text[joins[-1].end() : m.opening]) != content_words(subject):
        return subject
    lo = _clause_lo(sent, joins[-1].start())
    if _DIGIT.search(sent.text, lo, joins[-1].start()):
        return subject
    act = _event_before(sent, lo, joins[-1].start())
    return f"{' '.join(subject.split())} {act}" if content_words(act) else subject


def level_label(sent: Sentence, m: Mention, role: str, subject: str | None) -> str | None:
    """`subject` of a rule's amount after a level label opening its sentence ("Định mức chi: hỗ trợ lấy mẫu tối đa
    1.500.000 đồng/mẫu; bồi dưỡng thành viên đoàn kiểm tra 150.000 đồng/người/ngày"): the label heads it ("Định mức chi
    bồi dưỡng thành viên đoàn kiểm tra"); `subject` unchanged when it holds the label's words already or the figure
    is no norm's amount (amounts.yaml `level_label_words`)."""
    if role != "norm" or not subject or not m.base_unit or not _money_rate(m.base_unit):
        return subject
    label = amount_words().level_label.match(sent.text)
    if label is None or m.start < label.end() or set(content_words(label.group("l"))) <= set(content_words(subject)):
        return subject
    return f"{' '.join(label.group('l').split())} {subject}"


_SEMI_GAP = regex.compile(r"\s*;\s*")


def _shared_amount(sent: Sentence, m: Mention, done: list) -> str | None:
    """The subject of the amount before, its group dropped, when `m` is coordinated right after that group
    ("... 50.000.000 đồng đối với trình độ Thạc sĩ (bằng 50% ...) và 140.000.000 đối với ..."); else None."""
    s = sent.text
    start = m.opening
    for prev, subj in reversed(done):
        group = _beneficiary(sent, prev)
        if not group:
            continue
        at = s.casefold().find(group.casefold(), prev.end, start)
        if at < 0 or not subj:
            return None
        between = _PAREN.sub(" ", s[at + len(group) : start])
        if not phrase_words().coordination.fullmatch(between) and not _SEMI_GAP.fullmatch(between):
            return None  # "... đối với trình độ sơ cấp; tối đa 3.000.000 đồng ... đối với ...": one rule's levels
        cut = subj.casefold().rfind(group.casefold())
        return subj[:cut].rstrip(" ,") if cut >= 0 else subj
    return None


_MIN_OBJECT = 3  # content words of the noun phrase between a predicate and an amount that make it the amount's


def _amount_object(m: Mention, text: str) -> str | None:
    """The noun phrase an amount measures when the clause's predicate stands before it with an object of its own
    ("Sở Tài chính giữ ý kiến là giảm mức hỗ trợ theo hướng 50.000.000 đồng" -> "giảm mức hỗ trợ theo hướng"): the
    words after the last predicate, when they hold at least _MIN_OBJECT content words and restate nothing; None
    for a rate (its clause's noun phrase before "đạt" is what it measures) or a count."""
    if m.base_unit == "%" or is_counted(m) or not m.base_unit:
        return None
    pw = phrase_words()
    found = list(pw.predicates.finditer(text))
    if not found:
        return None
    after = text[found[-1].end() :]
    if len(content_words(after)) < _MIN_OBJECT or pw.restate.fullmatch(after):
        return None
    return after


def sum_of_count(sent: Sentence, m: Mention, subject: str | None, done: list) -> str | None:
    """An amount whose clause opens with a sum noun right after a count's clause, joined by a comma or "với" ("Hiện
    còn 15 học sinh chưa nộp học phí, với tổng số tiền khoảng 30 triệu đồng"), sums over what that count counted
    (amounts.yaml sum_nouns): a subject that names nothing but its sum (a light verb, the count's own words) is the
    sum and the count's subject; one that names an act of its own ("Đội QLTT đã kiểm tra 151 vụ, tổng số tiền thu
    nộp ngân sách là ...") takes the agent the count's clause names; `subject` otherwise."""
    if not subject or m.base_unit not in rules().money_units or not done:
        return subject
    count, counted = done[-1]
    if not counted or not is_counted(count):
        return subject
    name = _sum_after_count(sent, count, m.opening)
    own = word_pattern(" ".join(name.split())).match(subject) if name else None
    if own is None:
        return subject
    if set(content_words(drop_light_verbs(subject[own.end() :]))) <= set(content_words(counted)):
        return f"{own.group()} {counted}"  # "tổng số tiền" of "15 học sinh chưa nộp học phí"
    agent = _before(sent, count, bare=True)[2]
    if agent and fold(agent).casefold() not in fold(subject).casefold():
        return f"{subject} {agent}"  # "tổng số tiền thu nộp ngân sách" of what "Đội QLTT đã kiểm tra" collected
    return subject


_MEASURE_SUM_WORDS = 4  # words of a measure after the total word ("tổng dung tích thiết kế")


@lru_cache(maxsize=1)
def _measure_sum_opening() -> regex.Pattern:
    """The accompaniment word (subjects.yaml phrase.accompaniment), the total word (phrase.total) and up to
    _MEASURE_SUM_WORDS words of a measure at the end of a stretch: "..., với tổng dung tích thiết kế "."""
    pw = phrase_words()
    words = r"(?:\s+\p{L}+){1,%s}" % _MEASURE_SUM_WORDS  # noqa: UP031 (braces of the regex)
    return regex.compile(f"(?:{pw.accompaniment.pattern})" + r"\s+(?P<s>" + regex.escape(pw.total) + words
                         + r")\s*\Z", regex.IGNORECASE)


def measure_of_count(sent: Sentence, m: Mention, subject: str | None, done: list) -> str | None:
    """An amount in a unit of physical measure right after "với tổng <measure>" that follows a count's clause ("82 hồ
    chứa thủy lợi với tổng dung tích thiết kế 370,8 triệu m³", "724 trạm biến áp phân phối với tổng dung lượng 186.350
    kVA") is that total of the counted: the measure, the count's subject and the words the subject has after the
    measure (extents.yaml measure_units); `subject` otherwise (money has sum_of_count)."""
    if not subject or not done or not _is_measured(m):
        return subject
    count, counted = done[-1]
    if not counted or not is_counted(count) or _is_measured(count):
        return subject
    between = sent.text[count.end : m.opening]
    if _AFTER_HARD.search(between) or _DIGIT.search(between):
        return subject
    found = _measure_sum_opening().search(between)
    if found is None:
        return subject
    name = " ".join(found.group("s").split())
    at = fold(subject).casefold().find(fold(name).casefold())
    tail = subject[at + len(name) :].split() if at >= 0 else []
    while tail and tail[0].casefold() in {(m.unit or "").casefold(), (m.base_unit or "").casefold()}:
        tail = tail[1:]
    return " ".join([name, counted, *tail])


def _sum_after_count(sent: Sentence, count: Mention, end: int) -> str:
    """The sum noun phrase (amounts.yaml sum_nouns, with the total word: "tổng số tiền") that the last comma or "với"
    opens between `count` and `end`, when only words stand there (no hard break, no other number); "" otherwise."""
    between = sent.text[count.end : end]
    if _AFTER_HARD.search(between) or _DIGIT.search(between):
        return ""
    opening = list(amount_words().sum_opening.finditer(between))
    return opening[-1].group("s") if opening else ""


def raised_total(sent: Sentence, m: Mention, subject: str | None, done: list) -> str | None:
    """A total the figure before raised ("có thêm 02 thôn đạt chuẩn ..., nâng tổng số lên 11 thôn", "nâng tổng số
    doanh nghiệp đang hoạt động lên 146 doanh nghiệp") counts what that figure added, named by the words between
    "nâng tổng số" and "lên" when they say more than it (extents.yaml raised_totals,
    raised_to); `subject` otherwise."""
    s = sent.text
    lo = _clause_from(s, m.start)
    found = extent_words().raised_total.search(s[lo : m.start])
    if found is None:
        return subject
    named = " ".join(found.group("np").split())
    unit = (m.unit or "").casefold()
    before = [subj for d, subj in done if subj and (d.unit or "").casefold() == unit]
    if before and set(content_words(named)) <= set(content_words(before[-1])):
        return before[-1]  # "nâng tổng số xã đạt chuẩn lên 93 xã": the figure before names them in full
    return named or subject


def is_raised_total(sent: Sentence, m: Mention) -> bool:
    """Whether `m` is the total a figure before it raised ("..., nâng tổng số lên 03/9 ấp", "nâng tổng số doanh nghiệp
    lên 146 doanh nghiệp"; extents.yaml raised_totals): the count reached, a stock; the whole of a ratio with its part
    (both start at the part's digits)."""
    s = sent.text
    return extent_words().raised_total.search(s[_clause_from(s, m.start) : m.start]) is not None


def counted_state(sent: Sentence, m: Mention, subject: str | None) -> str | None:
    """A count of targets or tasks followed in its clause by the state they are in ("có 13/17 chỉ tiêu chủ yếu đạt và
    vượt Nghị quyết, 04 chỉ tiêu chưa đạt"; extents.yaml state_nouns, state_predicates): the subject names that state
    after the noun ("chỉ tiêu chủ yếu đạt và vượt Nghị quyết"); the whole of a ratio counts them all."""
    if not subject or m.kind not in ("number", "ratio_part") or not m.unit:
        return subject
    w = extent_words()
    if not w.state_noun.fullmatch(m.unit):
        return subject
    s = sent.text
    end = min((c.start() for c in _CLAUSE_MARK.finditer(s, m.end)), default=len(s))
    nxt = min((o.start for o in sent.mentions if o.start >= m.end), default=len(s))
    found = w.state.search(s, m.end, min(end, nxt))
    if found is None:
        return subject
    state = " ".join(s[found.start() : min(end, nxt)].split()).rstrip(" .")
    return subject if state.casefold() in subject.casefold() else f"{subject} {state}"


def structure_share(sent: Sentence, m: Mention, subject: str | None) -> str | None:
    """A share a part takes of a structure the sentence names ("Cơ cấu kinh tế: công nghiệp - xây dựng chiếm 46,8%;
    thương mại - dịch vụ chiếm 35,9%", "Nông nghiệp chiếm 18,2%, công nghiệp 46,8% trong cơ cấu kinh tế") is the
    part's share in that structure: the structure's name before the part's ("cơ cấu kinh tế công nghiệp - xây
    dựng"; extents.yaml structure_nouns, share_verbs, structure_prepositions)."""
    if m.base_unit != "%" or not subject:
        return subject
    ew = extent_words()
    s = sent.text
    labels = [x for x in ew.structure_label.finditer(s, 0, m.opening) if ew.share_verb.search(s, x.end(), m.opening)]
    after = ew.structure_after.search(s, m.end) if not labels and ew.share_verb.search(s, 0, m.opening) else None
    found = labels[-1] if labels else after
    if found is None:
        return subject
    name = " ".join(found.group("s").split())
    if fold(name).casefold() in fold(subject).casefold():
        return subject
    return f"{name[0].lower()}{name[1:]} {subject}"


_MIN_ACT_PART = 3  # content syllables of a part's label that names an act of its own ("chi tiếp khách")


def act_part(m: Mention, subject: str | None, total: tuple[Mention, str] | None) -> str | None:
    """A part of a "trong đó" breakdown of a sum named by its sum noun and the act that found or paid it ("phát hiện
    37 chứng từ chi sai chế độ với số tiền 312,4 triệu đồng. Trong đó: chi hỗ trợ không đúng đối tượng 128,6 triệu
    đồng; thanh toán công tác phí sai quy định 138,5 triệu đồng") that names an act of its own is that kind of money:
    the sum noun and the part's words ("số tiền thanh toán công tác phí sai quy định"), not the total's act, which is
    what the parts add up to (amounts.yaml sum_nouns); `subject` otherwise."""
    money = rules().money_units
    if total is None or not subject or not total[1] or m.base_unit not in money or total[0].base_unit not in money:
        return subject
    whole = _as_whole_of_part(total[1])
    noun = amount_words().sum_noun.match(whole)
    if noun is None or not subject.startswith(whole) or not content_words(whole[noun.end() :]):
        return subject
    item = subject[len(whole) :].strip(" ,")
    aw = amount_words()
    if len(content_words(item)) < _MIN_ACT_PART or aw.money_noun.match(item) or aw.sum_noun.match(item):
        return subject  # "trong đó vốn ngân sách tỉnh 300 tỷ đồng": a source of the same money, no act
    return f"{noun.group('s')} {item}"


def sum_part(sent: Sentence, m: Mention, subject: str | None, done: list) -> str | None:
    """A part of a "trong đó" list of a sum that names an act of its own and took the agent of the count before it
    (sum_of_count: "Đội QLTT đã kiểm tra 151 vụ, tổng số tiền thu nộp ngân sách là 364,6 triệu đồng, trong đó: phạt
    hành chính 254 triệu đồng, ...") is a kind of that money: the sum noun, the part's own words and that agent ("số
    tiền phạt hành chính Đội QLTT"), the total's act being what the parts add up to; `subject` otherwise."""
    money = rules().money_units
    total = list_total(sent, m, done) if subject and m.base_unit in money else None
    whole = _as_whole_of_part(total[1]) if total is not None and total[1] else ""
    if total is None or total[0].base_unit not in money or not whole or not subject.startswith(whole):
        return subject
    at = next((i for i, (o, _s) in enumerate(done) if o is total[0]), 0)
    count, counted = done[at - 1] if at else (None, None)
    if count is None or not counted or not is_counted(count):
        return subject
    name = _sum_after_count(sent, count, total[0].opening)
    agent = _before(sent, count, bare=True)[2]
    if not name or not agent or not total[1].endswith(agent):
        return subject
    noun = phrase_words().total_open.sub("", name, count=1).strip()
    item = subject[len(whole) :].strip()
    return f"{noun} {item} {agent}" if content_words(item) else subject


def means_of_act(sent: Sentence, m: Mention, subject: str | None) -> str | None:
    """`subject` of a count after "với" at the end of its clause whose noun ends with a verb the clause names before
    it ("tổ chức khảo sát mức độ hài lòng của người bệnh tại 15 bệnh viện với tổng số 3.000 phiếu khảo sát") with
    what that act was done on: the words after the verb up to a place (`extents.yaml` agent_places), a time, the
    report's territory or "với"; it counts the means of that act. `subject` otherwise."""
    if not subject or not is_counted(m) or not m.unit:
        return subject
    lo = max((h.end() for h in HARD.finditer(sent.text, 0, m.opening)), default=0)  # numbers before stay in
    text = sent.text[lo : m.opening]
    own = word_pattern(" ".join(m.unit.split())).match(subject)
    verb = " ".join(subject[own.end() :].split()) if own else ""
    if not verb or not _accompanies(text):
        return subject
    pw = phrase_words()
    joins = list(pw.accompaniment.finditer(text))  # the last one opens the count ("với tổng số")
    found = list(word_pattern(verb).finditer(text, 0, joins[-1].start())) if joins else []
    if not found:
        return subject
    rest = text[found[-1].end() :]
    times = [pm.start for pm in find_periods(rest)]
    ends = [x.start() for x in (extent_words().agent_place.search(rest), pw.scope.search(rest),
                                pw.accompaniment.search(rest), HARD.search(rest)) if x]
    rest = rest[: min(ends + times, default=len(rest))]
    rest = pw.time_lead.sub("", rest) if times and min(times) <= min(ends, default=len(rest)) else rest
    named = " ".join(rest.split()).strip(" ,")
    if not content_words(named) or _DIGIT.search(named) or set(content_words(named)) <= set(content_words(subject)):
        return subject
    return f"{subject} {named}"


def compared_again(sent: Sentence, m: Mention, done: list) -> str | None:
    """The subject of the rate before when both are shares of a plan coordinated in one clause ("Tổng chi ngân sách
    đạt 8.500 tỷ đồng, bằng 95% dự toán Trung ương giao, 90% dự toán Hội đồng nhân dân tỉnh giao"): the second one
    compares the same figure with another plan (share_roles.yaml plan_after), the plan it names is its base, not
    what it measures; None otherwise."""
    if m.base_unit != "%" or not done:
        return None
    prev, subj = done[-1]
    plan = share_words().plan_after
    if prev.base_unit != "%" or not subj or not plan.match(sent.text, prev.end) or not plan.match(sent.text, m.end):
        return None
    between = sent.text[prev.end : m.opening]
    if _AFTER_HARD.search(between) or _DIGIT.search(between):
        return None
    tail = between.rstrip()
    ends = tail.endswith(",") or (both := list(phrase_words().coordinator.finditer(tail))) and not tail[
        both[-1].end() :].strip()
    return subj if ends else None


_MAX_TOPIC_NOUN = 12  # words of a topic whose noun a figure's subject repeats by its head
_MIN_HEAD = 2  # words of the topic's head the subject must repeat ("mức hỗ trợ")


def with_topic_noun(sent: Sentence, subject: str | None) -> str | None:
    """`subject` with its head noun named in full by the sentence's topic: "Về mức hỗ trợ đào tạo sau đại học, Sở
    Tài chính ... giảm mức hỗ trợ theo hướng 50.000.000 đồng" -> "mức hỗ trợ đào tạo sau đại học theo hướng"; the
    longest head of the topic (at least _MIN_HEAD words) found in the subject is replaced by the whole topic."""
    if not subject:
        return subject
    topic = _topic_words(sent.text)
    if not topic:
        return subject
    whole = " ".join(topic)
    if whole.casefold() in subject.casefold():
        return subject
    for n in range(len(topic) - 1, _MIN_HEAD - 1, -1):
        at = _head_pattern(tuple(topic[:n])).search(subject)
        if at and _ends_noun(subject[at.end() :]):
            return f"{subject[: at.start()]}{whole}{subject[at.end() :]}"
    return subject


@lru_cache(maxsize=1024)
def _topic_words(text: str) -> list[str] | None:
    """The words of the topic that opens `text` ("Về mức hỗ trợ ..., "), None when none does or it is too long or
    holds a number (found once per sentence: with_topic_noun asks for each of its figures; the list is only
    read)."""
    found = amount_words().topic.match(unmark(text))
    if not found:
        return None
    topic = found.group("t").split()
    if len(topic) > _MAX_TOPIC_NOUN or _DIGIT.search(found.group("t")):
        return None
    return topic


@lru_cache(maxsize=1024)
def _head_pattern(words: tuple[str, ...]) -> regex.Pattern:
    """The words of a topic's head as whole words, any spacing, any case (compiled once per head: the head is
    tried for every figure of the sentence)."""
    return regex.compile(WHOLE_WORD % r"\s+".join(regex.escape(w) for w in words), regex.IGNORECASE)


def _ends_noun(rest: str) -> bool:
    """Whether the words after a head in a subject leave the head whole: none, or a phrase boundary first
    ("mức hỗ trợ | theo hướng"), not more of a longer noun ("cổng dịch vụ công | trực tuyến")."""
    rest = rest.strip(" ,")
    return not rest or until_boundary("x " + rest) == ("x", True)


def _is_whole(sent: Sentence, m: Mention) -> bool:
    """Whether a whole cue stands right before the count ("Trong số 34 ứng viên, ..."): the parts follow it."""
    return _whole_before(sent.text, m.opening)


@lru_cache(maxsize=4096)
def _whole_before(text: str, start: int) -> bool:
    """_is_whole of the count at `start` of `text` (remembered: several rules ask it of each count)."""
    before = " ".join(text[:start].split()).casefold()
    return any(before.endswith(p) and (len(before) == len(p) or not before[-len(p) - 1].isalnum())
               for p in cue_phrases("WHOLE_BEFORE"))


def _whole_agent(sent: Sentence, m: Mention) -> str:
    """The agent of the part a whole is taken of ("Công an tỉnh trực tiếp tiếp nhận 13.460 hồ sơ ... trên tổng số
    14.014 hồ sơ tiếp nhận"): the whole after a whole cue counts the same noun for the same body, so it takes the
    part's agent; "" when `m` is no such whole, the count before it counts another noun or a break parts them."""
    if not is_counted(m) or not _is_whole(sent, m):
        return ""
    prev = _mention_before(sent, m.opening)
    if prev is None or not is_counted(prev) or (prev.unit or "").casefold() != (m.unit or "").casefold():
        return ""
    if _AFTER_HARD.search(sent.text, prev.end, m.opening):
        return ""
    return _before(sent, prev, bare=True)[2]


def _closes_coordination(tail: str) -> bool:
    """Whether the words after a coordinator end at a comma and a predicate before the next number ("... chưa về
    nhận công tác hoặc đã nghỉ việc, chiếm tỷ lệ 35%"): the coordinated phrase is the count's own, not the next
    number's."""
    head, comma, rest = tail.partition(",")
    return bool(comma) and bool(content_words(head)) and phrase_words().predicates.match(rest.strip()) is not None


def _next_item_words(sent: Sentence, m: Mention, before: str, total: tuple[Mention, str] | None) -> bool:
    """Whether the words after an item of a "trong đó" list open the next item, not qualify this one: the item
    is named before its number and a comma follows its unit ("trong đó bồi dưỡng quản lý điều hành 10.878 người,
    bồi dưỡng chuyên môn nghiệp vụ 67.916 người")."""
    if total is None or not content_words(before):
        return False
    nxt = [o for o in sent.mentions if o.start >= m.end]
    return bool(nxt) and sent.text[m.end : nxt[0].start].lstrip().startswith(",")


def _count_agent(sent: Sentence, m: Mention, before: str) -> str:
    """`before` after the counted noun of the count right before it, when the clause runs on from that count with
    no break ("đã hỗ trợ 10 doanh nghiệp của tỉnh tham gia 14 gian hàng"): those counted are the agent of the verb
    before `m` -> "doanh nghiệp của tỉnh tham gia"; `before` unchanged otherwise, and when a whole cue stands
    right before `m` ("120 xã đạt chuẩn trên tổng số 140 xã")."""
    start = m.opening
    prev = _mention_before(sent, start)
    if prev is None or not is_counted(prev) or not prev.unit or _is_whole(sent, m):
        return before
    between = sent.text[prev.end : start]
    if _AFTER_HARD.search(between) or "," in between or not content_words(before):
        return before
    pw = phrase_words()
    if pw.coordinator.search(between) or pw.accompaniment.search(between) or find_periods(between):
        return before  # "12.000 tờ khai với thông tin 96.799 phương tiện": an adjunct, no agent
    if not " ".join(between.split()).casefold().startswith(" ".join(before.split()).casefold()):
        return before  # the words before `m` are not all the clause since the count
    return f"{prev.unit} {before}"


def _agent_after_break(sent: Sentence, m: Mention) -> str:
    """The named body right before the aspect marker of the number's clause when a comma or a time sets it off
    from the words before it ("Kết quả từ 13/9 đến 15/10/2012 lực lượng Quản lý thị trường tỉnh đã kiểm tra, xử lý
    151 vụ"; "..., trên cơ sở đề xuất của các sở, Giám đốc Sở Tài chính đã phê duyệt 51 dự án"): 2 to _MAX_AGENT
    content words, one written with a capital (a body's name), no predicate, opener or number; "" otherwise, and
    after a comma part that is itself a name in a list ("Sở Tư pháp, Sở Nội vụ đã ...": both are the agent)."""
    pw = phrase_words()
    s, start = sent.text, m.opening
    hard = max((c.end() for c in HARD.finditer(s, 0, start)), default=0)
    asp = list(pw.aspect.finditer(s, hard, start))
    if not asp:
        return ""
    head = s[hard : asp[-1].start()]
    commas = [c.end() for c in _COMMA.finditer(head)]
    breaks = commas + [p.end for p in find_periods(head)]
    breaks += [o.end - hard for o in sent.mentions if hard <= o.end <= asp[-1].start()]
    if not breaks:
        return ""
    lo = max(breaks)
    agent = " ".join(head[lo:].split())
    if not 1 < len(content_words(agent)) <= _MAX_AGENT or _DIGIT.search(agent) or not any(
            c.isupper() for c in agent):
        return ""
    if _predicate_outside_name(agent) or pw.lead_openers.match(agent) or without_openers(agent) != agent:
        return ""
    if lo in commas:
        before = head[: lo - 1].split(",")[-1].strip()
        if before[:1].isupper() and _is_list_part(before):
            return ""
    return agent


def _before_manner(rest: str) -> str:
    """The counted noun's qualifiers up to a manner or time adjunct (`extents.yaml` manner_adjuncts, time_adjuncts:
    "20 tổ công tác với phương châm “đi từng ngõ”" -> "tổ công tác", "04 buổi vào lúc 8 giờ" -> "buổi"): how or
    when the act was done, not what is counted."""
    man = extent_words().manner.search(rest)
    return rest[: man.start()] if man else rest


def _before_second_verb(rest: str) -> str:
    """The counted noun's qualifiers up to a coordinator that opens a second predicate of the clause
    (`extents.yaml` clause_verbs: "59 tin bài trên mạng xã hội và lồng ghép tuyên truyền trong các cuộc họp" ->
    "tin bài trên mạng xã hội"): a verb after "và" joins another act to the clause's verb, not a noun to the
    counted one."""
    found = extent_words().second_verb.search(rest)
    return rest[: found.start()] if found and content_words(rest[: found.start()]) else rest


_MIN_OWN_RATE = 4  # content words of a rate's own noun phrase that name it apart from an indicator named before


def _names_own_rate(sent: Sentence, m: Mention, np_text: str) -> bool:
    """Whether a rate's own clause names what it measures with a noun phrase of its own (at least _MIN_OWN_RATE
    content words) while the indicator's name stands only in an earlier clause, past another number: "tỷ lệ
    hồ sơ trực tuyến trên 80%, số hóa kết quả giải quyết TTHC và cấp kết quả điện tử đạt 100%" -> the 100% is
    of the digitised results, not of the online files; a short part ("trong đó, cấp tỉnh đạt 85%") is not."""
    if len(content_words(np_text)) < _MIN_OWN_RATE or not sent.aliases:
        return False
    start = m.opening
    lo = _clause_lo(sent, start)
    prev = _mention_before(sent, start)
    if prev is None or prev.end > lo:
        return False
    return all(a[1] <= prev.end for a in sent.aliases)


_MAX_SHARED_VERB = 3  # words of a verb before a coordinator that shares its aspect marker with the verb after


def _verbs_share_aspect(text: str, coordinator) -> bool:
    """Whether the coordinator joins two verbs under one aspect marker ("đã xử lý và công khai đúng hạn 306
    phản ánh"): the words before it are that marker and a short verb (up to _MAX_SHARED_VERB words, no comma),
    so the coordination is inside the predicate, not between two counts."""
    before = text[: coordinator.start()].strip(" ,")
    asp = phrase_words().aspect.match(before)
    verb = before[asp.end() :].split() if asp else []
    return bool(verb) and len(verb) <= _MAX_SHARED_VERB and "," not in before


def _before_scope(text: str) -> str:
    """The whole of a ratio up to the report's own territory when words follow it (`phrase.scope`: "18.430 cơ
    quan, tổ chức đủ điều kiện trên địa bàn tỉnh đăng ký cấp định danh" -> "cơ quan, tổ chức đủ điều kiện"):
    the place adjunct closes the noun phrase, what follows is the part's predicate."""
    scope = phrase_words().scope.search(text)
    return text[: scope.start()].strip(" ,") if scope and content_words(text[scope.end() :]) else text


_MAX_INLINE_LABEL = 6  # content words of a label set off by a colon right before a count inside a sentence
_MAX_COMMA_LABEL = 3  # words of a label set off by a comma after the counts before it (", thu giữ: 01 bộ")


def _colon_label(sent: Sentence, m: Mention, start: int | None = None, most: int = 0) -> str:
    """The label a colon sets right before a count in a part of its own ("...; tái hòa nhập cộng đồng: 2.953
    người; ..."): the words from the part's start (a semicolon, a parenthesis or the sentence's start) to the
    colon, 1 to _MAX_INLINE_LABEL content words with no number, time, opener or lead-in ("trong đó:", "cụ
    thể:", "Kết quả:"); "" otherwise, and for a label opening the sentence (label_lines.py's). `start`: where the
    labelled phrase begins when not at the number (a rate's clause, _rate_owner), `most` its content words."""
    start = m.opening if start is None else start
    head = sent.text[:start].rstrip()
    if not head.endswith(":"):
        return ""
    head = head[:-1]
    lo = max(head.rfind(";"), head.rfind("("), head.rfind(")"), head.rfind(":"))
    comma = head.rfind(",")
    if comma > lo and any(o.end <= comma for o in sent.mentions) and len(head[comma + 1 :].split()) <= _MAX_COMMA_LABEL:
        lo = comma  # "bắt giữ 03 vụ 04 đối tượng ..., thu giữ: 01 bộ": a verb after the counts before labels this one
    if lo < 0:
        return ""  # a label opening the block is label_lines.py's
    label = " ".join(head[lo + 1 :].split())
    pw = phrase_words()
    if not 0 < len(content_words(label)) <= (most or _MAX_INLINE_LABEL) or _DIGIT.search(label) or find_periods(label):
        return ""
    if pw.lead_openers.match(label) or pw.lead_in.search(label) or without_openers(label) != label or "," in label:
        return ""
    return label


def _rate_owner(sent: Sentence, m: Mention, np_text: str) -> str:
    """Whose rate a rate label is when a colon sets the owner off right before it inside the sentence ("...: Ban
    quản lý rừng phòng hộ A: tỷ lệ tự chủ chi thường xuyên 11%; ..."): the words from the part's start to that
    colon, a name of up to _MAX_AGENT content words (_colon_label's checks); "" when the rate's clause does not
    open with the share word right after a colon."""
    share = fold(phrase_words().share).casefold()
    if not fold(np_text).casefold().startswith(share + " "):
        return ""
    return _colon_label(sent, m, start=_clause_lo(sent, m.opening), most=_MAX_AGENT)


def _aside_before_copula(sent: Sentence, pos: int) -> tuple[int, int] | None:
    """(start, end) of an aside in parentheses with no figure of its own that only a copula separates from the
    number at `pos`: a source or a gloss of the noun phrase before it ("Tổng số biên chế được giao (theo Quyết định
    số 12/QĐ-UBND ngày 02/3/2025) là 9.818", "Số cơ quan chuyên môn (CQCM) là 14"), not a clause break."""
    s = sent.text
    close = s.rfind(")", 0, pos)
    if close < 0:
        return None
    rest = s[close + 1 : pos]
    cop = phrase_words().copula.search(rest)
    if cop is None or rest[: cop.start()].strip():
        return None
    open_ = s.rfind("(", 0, close)
    if open_ < 0 or ")" in s[open_ + 1 : close] or not s[:open_].strip():
        return None
    if any(open_ < o.end and o.start < close for o in sent.mentions) and not phrase_words().exclusion.match(
            s, open_ + 1):
        return None  # "(cấp tỉnh: 3.585) là ...": figures of their own; "(không bao gồm 3.438 tỷ đồng)" left out
    return open_, close + 1


def _drop_copula_aside(sent: Sentence, lo: int, text: str, exclusion: bool = False) -> str:
    """`text` (the sentence from `lo` up to a number) without the aside _aside_before_copula finds before its
    copula: the noun phrase named before the aside is the subject. With `exclusion`, only an aside that leaves a
    part out ("(không bao gồm ...)")."""
    cited = _aside_before_copula(sent, lo + len(text))
    if cited is None or cited[0] < lo or exclusion and not phrase_words().exclusion.match(sent.text, cited[0] + 1):
        return text
    a, b = cited[0] - lo, cited[1] - lo
    return text[:a] + " " + text[b:]



_MAX_PART_LABEL = 6  # content words of a part's label in the parenthesis after a total ("cấp tỉnh", "nữ")


def part_in_parens(sent: Sentence, m: Mention, done: list, names_role=None) -> str | None:
    """A part of the figure right before a parenthesis, named by a label and a colon inside it ("Số người có mặt
    là 8.429 (cấp tỉnh: 2.821, cấp xã: 5.608)"): the total's subject with the part's label; None otherwise.
    `done` holds the (mention, subject) of the sentence's figures before `m`. A label `names_role` accepts names
    the figure's role, not a part ("đạt 10.619 tỷ đồng (KH: 9.950 tỷ đồng)": the plan of the same measure): the
    total's subject alone."""
    s = sent.text
    start = m.opening
    head = s[:start].rstrip()
    paren = s.rfind("(", 0, start)
    if not head.endswith(":"):
        return _labelled_part(sent, m, done)
    if paren < 0 or ")" in s[paren:start]:
        return None
    total = next(((o, subj) for o, subj in reversed(done) if o.end <= paren), None)
    if total is None or not total[1] or len(s[total[0].end : paren].split()) > 1 or "," in s[total[0].end : paren]:
        return None  # the parenthesis must follow the total (and its unit) right away
    # the label starts after the parenthesis, a semicolon, or the part before ("..., cấp xã: 5.608")
    lo = max([paren + 1, head.rfind(";") + 1] + [o.end for o in sent.mentions if paren < o.end <= start])
    label = " ".join(head[lo:-1].split()).strip(" ,;")
    if not 0 < len(content_words(label)) <= _MAX_PART_LABEL or _DIGIT.search(label) or find_periods(label):
        return None
    pw = phrase_words()
    if pw.lead_openers.match(label) or pw.lead_in.search(label) or without_openers(label) != label:
        return None  # "(gồm: 04 cơ quan ...)", "(trong đó: ...)": a list's lead-in, its parts name their own noun
    if names_role is not None and names_role(label):
        return total[1]
    return f"{without_remit(total[1])} {label}"


_PART_MARK = regex.compile(r"[,;]")


def _paren_parts(sent: Sentence, paren: int) -> list[tuple[int, int]]:
    """The (start, end) in `sent` of the comma or semicolon parts of the parenthesis opened at `paren`, not inside a
    nested one (the sentence's parenthesis groups say which marks are its own)."""
    close = sent.close_of(paren)
    cuts = [c.start() for c in _PART_MARK.finditer(sent.text, paren + 1, close) if sent.group(c.start()) == paren]
    return list(zip([paren + 1, *(c + 1 for c in cuts)], [*cuts, close], strict=True))


def _labelled_part(sent: Sentence, m: Mention, done: list) -> str | None:
    """A part of the count right before a parenthesis, a bare number named by the label before it with no colon
    ("5362 người nghiện và người sử dụng trái phép chất ma túy (người nghiện 1974 (ngoài xã hội 832), người sử dụng
    3388)"): a label naming one of the total's coordinated phrases takes the total's phrase without the other parts'
    labels ("người sử dụng trái phép chất ma túy"), another label goes after the total's subject ("... ngoài xã
    hội"); None otherwise. `done` holds the (mention, subject) of the sentence's figures before `m`."""
    s, start = sent.text, m.opening
    paren = sent.group(m.start)
    if _LETTER.search(m.raw) or paren < 0 or s[paren] != "(":  # a unit written with the number is its own noun
        return None
    total = next(((o, subj) for o, subj in reversed(done) if o.end <= paren), None)
    if total is None or not total[1] or not is_counted(total[0]) or not is_counted(m) \
            or (m.unit or "").casefold() != (total[0].unit or "").casefold() or HARD.search(s, total[0].end, paren) \
            or "," in s[total[0].end : paren] or any(total[0].end <= o.start < paren for o in sent.mentions):
        return None  # the parenthesis must follow the total's phrase
    labels = []
    for lo, hi in _paren_parts(sent, paren):
        first = next((o for o in sent.mentions if lo <= o.start < hi), None)
        if first is None:
            return None
        labels.append((lo <= start < hi, " ".join(s[lo : first.start].split())))
    own = next((label for here, label in labels if here), "")
    pw = phrase_words()
    if not 0 < len(content_words(own)) <= _MAX_PART_LABEL or _DIGIT.search(own) or pw.predicates.search(own) \
            or pw.lead_openers.match(own) or pw.lead_in.search(own) or without_openers(own) != own \
            or pw.restate.fullmatch(own):
        return None  # "(tỷ lệ 96%)": a restatement of the total, no part of it
    whole = total[1]
    if not pw.coordinator.search(whole) or not _word_in(whole, own):
        return f"{whole} {own}"
    for here, label in labels:
        if not here and label and _word_in(whole, label):
            whole = regex.sub(rf"(?i)(?:{WHOLE_WORD % regex.escape(label)}\s*{pw.coordinator.pattern}"
                              rf"|{pw.coordinator.pattern}\s*{WHOLE_WORD % regex.escape(label)})", " ", whole, count=1)
    return " ".join(whole.split())


def _word_in(text: str, phrase: str) -> bool:
    return word_pattern(phrase).search(text) is not None

