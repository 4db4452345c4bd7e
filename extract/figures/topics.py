"""Topics in force: the words a figure's subject takes from the text around its own clause.

A report names a thing in full once ("triển khai 34 mô hình điểm", "5. Về ... các nhiệm vụ Chính phủ, Thủ tướng
Chính phủ giao:", the heading "2.2. Các đơn vị cấp sở") and then counts it by its bare noun ("đã hoàn thành 17 mô
hình", "đúng hạn là 15/21 nhiệm vụ", "08 đơn vị xếp loại tốt") or points back at it ("thì tiêu chí này đạt 0
điểm"). The texts in force are, nearest first: the sentence before the figure, the block's earlier sentences, the
last paragraphs of its section and the open headings. Two rules read them:
- a bare counted noun (followed by nothing or by a word that opens a clause about it) takes the qualifiers the same
  noun had where it was last named with some;
- an anaphoric phrase ("tiêu chí này", "nội dung đó") takes the subject of the figure before it in the sentence,
  else what its noun was last named with, else the block's last subject;
- a shortened phrase ("lượt tra cứu thành công" after "lượt tra cứu bằng CCCD khi ...") takes what it leaves out;
- a bare verb before a count ("đã tổ chức kiểm tra 42 cơ quan") takes the object the activity was named with
  after a nominalizer ("Công tác kiểm tra cải cách hành chính ..."), and so does a bare verb right after a counted
  noun ("Việc công bố danh mục ... (50% số quyết định công bố trễ hạn)": a reduced relative clause).
Mentions inside a parenthesised breakdown are never in force after it.
Words as data: rules/subjects.yaml `context`.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from extract.figures.antecedents import partitioned
from extract.figures.measures import measure_words
from extract.figures.rules import rules
from extract.figures.subjects import is_counted, unmark
from extract.language.literals import may_hold
from extract.language.numbers import Mention, find_numbers
from extract.language.periods import find_periods
from extract.language.subjects import (
    container_words,
    content_words,
    context_words,
    cut_phrase,
    extent_words_data,
    phrase_words,
    word_alternation,
    word_pattern,
)
from extract.language.text import fold

_STOP = regex.compile(r"[.;:()\[\]“”\"!?…]|\s[-–]\s")
_TOKEN = regex.compile(r"[\p{L}\p{N}_][\p{L}\p{N}_./-]*|,")
_MAX_QUALIFIER = 8  # words of qualifiers a bare noun takes from where it was named
_MAX_ANTECEDENT = 16  # words of the subject an anaphoric phrase takes (a criterion named by a rate: "tỷ lệ giải
# ngân kế hoạch đầu tư vốn ngân sách nhà nước" is 13)
_MAX_OPENING = 4  # words before a count's noun that a count coordinated with it shares ("cấp tỉnh có 07/13 ...")
_OWN_CLAUSE = regex.compile(r"[;:()]")
_PAIR_GAP = regex.compile(r"\s*,?\s*(?=\d)")  # between two counts of a pair ("05 vụ, 04 đối tượng")
_DIGIT = regex.compile(r"\d")
_PAIR_STOP = regex.compile(r"[.;:,()\[\]“”\"!?…]|\s[-–]\s")
_MAX_PAIR = 12  # words of the clause after a pair of counts that qualifies both
_MAX_SHORT = 14  # content words of a subject short enough to take the qualifiers of its bare noun (a topic label
# "Đối với lĩnh vực ...:" appended by subjects.py counts in)
_MAX_VERB = 3  # words of the verb before a counted noun that takes the object it was named with
_MAX_BARE = 16  # content words of a subject whose bare noun (followed by a clause about it) still takes them
_MAX_PLAN = 10  # words of a plan's name taken from where it was named
_COUNT_END = regex.compile(r"\d\s*$")  # a number right before a noun: the noun is counted there
_MAX_ACTIVITY = 8  # words of a total's activity that the parts of its parenthesised breakdown share


def _word_at(text: str, word: str) -> list[regex.Match]:
    return list(_words_at(text, word))


# the texts in force (the block's earlier sentences, the open headings) are searched for the same word by each
# figure of a block: remembered per document (emptied by `forget`); the matches depend on the two texts alone
@lru_cache(maxsize=8192)
def _words_at(text: str, word: str) -> tuple[regex.Match, ...]:
    return tuple(word_pattern(word).finditer(text))


def forget() -> None:
    """Empty _word_at's memory: called per document, as numbers.forget."""
    _words_at.cache_clear()


def _qualifiers(text: str) -> str:
    """The words right after a noun that name it ("điểm" of "mô hình điểm thực hiện ...", "Chính phủ, Thủ tướng
    Chính phủ giao" of "nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao:"): up to a stop mark, a word that opens a
    clause about the noun, or a number that is no part of a name."""
    cw = context_words()
    stop = _STOP.search(text)
    text = text[: stop.start()] if stop else text
    words: list[str] = []
    for t in _TOKEN.finditer(text):
        tok = t.group()
        if not words and tok == ",":
            return ""  # "cơ quan, đơn vị": a list goes on with a sibling, not a qualifier
        if cw.clause_opener.match(text[t.start() :]) or len(words) >= _MAX_QUALIFIER \
                or cw.spelled_count.match(text[t.start() :]):
            break  # "mỗi xã một sản phẩm": "một sản phẩm" counts another noun
        if tok[0].isdigit() and not any(w[:1].isupper() for w in words[-2:]):
            times = [pm for pm in find_periods(text[: t.end()]) if pm.end == t.end()]
            if times:  # "công tác cải cách hành chính năm 2026": the time dates the activity, it names nothing
                words = [w.group() for w in _TOKEN.finditer(text[: times[0].start])][: len(words)]
            if "," in words:  # "vụ ma túy, gần 5.000 đối tượng": the last comma part belongs to the next count
                words = words[: len(words) - words[::-1].index(",") - 1]
            break  # "34 mô hình điểm, 17 ...": another count; "Đề án 06" is a name
        words.append(tok)
    while words and words[-1] == ",":
        words.pop()
    qual = " ".join(words).replace(" ,", ",")
    times = find_periods(qual)
    # "SINH VIÊN DÂN TỘC THIỂU SỐ GIAI ĐOẠN 2021-2025": the time of a heading dates its part, it names nothing
    return qual[: min(pm.start for pm in times)].strip(" ,") if times else qual


def _in_closed_parenthesis(text: str, pos: int) -> bool:
    """Whether `pos` is inside a parenthesis that closes before the end of `text`: a breakdown of the phrase
    before it ("5.000 hồ sơ dịch vụ công (3.000 hồ sơ khai sinh và 2.000 hồ sơ khai tử)"), not what is in force
    after it. A parenthesis still open at the end (the figure's own) is no breakdown."""
    depth = text.count("(", 0, pos) - text.count(")", 0, pos)
    return depth > 0 and text.count(")", pos) >= depth


def named_qualifiers(noun: str, texts: list[str]) -> str:
    """The qualifiers `noun` had the last time the texts in force (nearest first) named it with some, outside a
    parenthesised breakdown."""
    compound = context_words().compound_end
    for text in texts:
        for hit in reversed(_word_at(text, noun)):
            if _in_closed_parenthesis(text, hit.start()):
                continue
            if _opens_title(text, hit):
                continue  # "Danh hiệu Tập thể lao động xuất sắc": a title's name, no kind of the noun counted later
            whole = compound.search(text[: hit.end()])
            if whole and whole.start() < hit.start():
                continue  # "thời điểm báo cáo": the unit ends another noun here
            start = context_words().compound_start.match(text, hit.start())
            if start and start.end() > hit.end():
                continue  # "bảo hiểm xã hội": the unit opens another noun here ("đơn vị" counts itself)
            qual = _qualifiers(text[hit.end() :]) or _pair_qualifiers(noun, text[hit.end() :])
            if content_words(qual) and not _is_citation(qual):
                return qual
    return ""


def _opens_title(text: str, hit: regex.Match) -> bool:
    """Whether the noun at `hit` is capitalised inside a sentence (title case after a word: "Danh hiệu Tập thể lao động
    xuất sắc", "Giải thưởng Doanh nghiệp tiêu biểu"): it opens the name of a title or award, not a kind of the noun."""
    word = hit.group()
    if not word[:1].isupper() or word.isupper():
        return False
    before = text[: hit.start()].rstrip()
    return bool(before) and before[-1].isalpha()


def _is_citation(qual: str) -> bool:
    """Whether `qual` only cites one document by its number and date ("Báo cáo số 12/BC-UBND ngày 05/01/2026"): it
    names that document, no kind of the noun another count of it is of."""
    lead = context_words().plan_lead.match(qual)
    return lead is not None and lead.end() > 0 and not content_words(qual[lead.end() :])


def _pair_qualifiers(noun: str, text: str) -> str:
    """The qualifiers a bare `noun` shares with the count of another noun right after it, the last of the pair
    ("05 vụ, 04 đối tượng có hành vi trồng cây cần sa" -> "có hành vi trồng cây cần sa" for "vụ" too): `text`
    is what follows `noun`; "" when no such pair follows or a third count goes on the list."""
    gap = _PAIR_GAP.match(text)
    pair = next((m for m in find_numbers(text[gap.end() :]) if m.start == 0), None) if gap else None
    if pair is None or not is_counted(pair) or (pair.unit or "").casefold() == noun.casefold():
        return ""
    rest = text[gap.end() + pair.end :]
    if _PAIR_GAP.match(rest) and _DIGIT.match(rest[_PAIR_GAP.match(rest).end() :]):
        return ""  # "05 vụ, 04 đối tượng, 10 kg ma túy": a list of counts, each its own
    # the words after the pair qualify both nouns as a clause ("có hành vi ..."), which a bare noun's own
    # qualifiers stop at (_qualifiers): read up to a stop mark or a comma, and up to a predicate ("05 vụ, 04 đối
    # tượng so với cùng kỳ giảm 02 vụ": the comparison is said of the counts, it names neither)
    stop = _PAIR_STOP.search(rest)
    clause = rest[: stop.start()] if stop else rest
    pred = phrase_words().predicates.search(clause)
    words = (clause[: pred.start()] if pred else clause).split()
    return " ".join(words) if len(words) <= _MAX_PAIR and not find_numbers(" ".join(words)) else ""


def _is_bare(subject: str, noun: str) -> regex.Match | None:
    """The last `noun` of `subject` when nothing after it names it ("mô hình đang triển khai", "nhiệm vụ")."""
    hits = _word_at(subject, noun)
    if not hits:
        return None
    last = hits[-1]
    rest = subject[last.end() :]
    if context_words().classifier.match(rest):
        return None  # "ứng viên là sinh viên": the copula's noun phrase names the counted
    return last if context_words().clause_opener.match(rest) else None


def _commented(sentence_before: str, done: list) -> str | None:
    """What a parenthesis holding an anaphor comments on ("Tỷ lệ ... đạt 75% (số tiền ... đạt 654/871 triệu đồng,
    trường hợp đạt 100% thì tiêu chí này ...)", "Việc công bố ... còn chậm (gần 50% ...; ... thì tiêu chí này ...)"):
    the subject of the last figure before the parenthesis, else the noun phrase its clause opens with; None outside
    a parenthesis. The figures inside it only give evidence of what is scored."""
    paren = sentence_before.rfind("(")
    if paren < 0 or ")" in sentence_before[paren:]:
        return None
    before = [subj for o, subj in done if o.end <= paren and subj]
    if before:
        return before[-1]
    clause = unmark(regex.split(r"[.;:](?:\s|$)", sentence_before[:paren])[-1])
    pw = phrase_words()
    stops = [x.start() for x in (pw.predicates.search(clause), pw.aspect.search(clause)) if x]
    head = clause[: min(stops)] if stops else clause
    return " ".join(head.split()) if content_words(head) and not _DIGIT.search(head) else None


def _antecedent(texts: list[str], noun: str, done: list, carried: str | None) -> str | None:
    """What an anaphoric `noun` + demonstrative points at: what the parenthesis it stands in comments on, else the
    subject of the figure before it in the sentence, else the noun's last qualifiers in force, else the block's
    last subject."""
    cw = context_words()
    prev = (_commented(texts[0], done) if texts else None) or (done[-1][1] if done else None)
    if prev and not cw.anaphor.search(prev):
        return prev
    qual = named_qualifiers(noun, texts)
    if qual:
        return qual
    return carried if carried and not cw.anaphor.search(carried) else None


def _antecedent_name(ante: str) -> str:
    """The name an anaphor takes from its antecedent: the words before the first adjunct that restricts it
    ("công bố danh mục thủ tục hành chính thuộc thẩm quyền quản lý" -> "công bố danh mục thủ tục hành chính"), at
    most _MAX_ANTECEDENT words cut where no compound is split ("ngân sách nhà
    nước" stays whole)."""
    head = _restricted_name(ante)
    return cut_phrase(head if content_words(head) else ante, _MAX_ANTECEDENT)


def _resolve_anaphor(subject: str, texts: list[str], done: list, carried: str | None) -> str:
    """`subject` with "tiêu chí này" replaced by what it points at; the clause starts after "thì"."""
    cw = context_words()
    hit = cw.anaphor.search(subject)
    if hit is None:
        return subject
    ante = _antecedent(texts, hit.group("n"), done, carried)
    if not ante:
        return subject
    links = [k for k in cw.clause_link.finditer(subject) if k.end() <= hit.start()]
    head = subject[links[-1].end() : hit.start()] if links else subject[: hit.start()]
    ante = _antecedent_name(ante)
    if cw.criterion.fullmatch(hit.group("n")):  # a criterion measured by a rate is named by what is rated
        ante = cw.rate_head.sub("", ante, count=1)
    if fold(hit.group("n")).casefold() not in fold(ante).casefold():
        ante = f"{hit.group('n')} {ante}"
    return " ".join(f"{head} {ante} {subject[hit.end():]}".split())


def _complete_shortened(subject: str, noun: str, texts: list[str]) -> str:
    """`subject` when its noun is named by a shorter form of a phrase named in full before: the words right after
    the noun begin the same as the full phrase's, which goes on with qualifiers the subject lacks ("tổng số lượt
    tra cứu bằng thẻ căn cước là 900 lượt; trong đó, 800 lượt tra cứu thành công" -> "lượt tra cứu bằng thẻ căn
    cước thành công"): the missing qualifiers are inserted after the shared words."""
    hits = _word_at(subject, noun)
    if not hits:
        return subject
    last = hits[-1]
    own = [t.group() for t in _TOKEN.finditer(subject[last.end() :])]
    if not own or own[0] == ",":
        return subject
    qual = named_qualifiers(noun, texts)
    if texts and phrase_words().trailing_coordinators.search(texts[0]) and named_qualifiers(noun, texts[:1]) == qual:
        return subject  # "1.940 TTHC cấp tỉnh và 426 TTHC cấp xã": the count coordinated right after names a sibling
    named = [t.group() for t in _TOKEN.finditer(qual)]
    shared = 0
    while shared < min(len(own), len(named)) and own[shared].casefold() == named[shared].casefold():
        shared += 1
    if shared == 0 or shared == len(named) or not content_words(" ".join(own[:shared])):
        return subject  # nothing in common, or nothing more named
    more = named[shared:]
    if "," in more:
        more = more[: more.index(",")]
    more = _core(more)
    if not content_words(" ".join(more)) or set(content_words(" ".join(more))) <= set(content_words(subject)):
        return subject
    head = subject[: last.end()] + " " + " ".join(own[:shared])
    return " ".join(f"{head} {' '.join(more)} {' '.join(own[shared:])}".replace(" ,", ",").split())


def _restricted_name(text: str) -> str:
    """`text` up to the first adjunct that restricts it (rules/subjects.yaml context.restrictors)."""
    cut = context_words().restrictor.search(text)
    return text[: cut.start()].strip(" ,") if cut else text


def _core(words: list[str]) -> list[str]:
    """The words of a noun's qualifiers before the first adjunct that restricts them: "danh mục thủ tục hành chính
    thuộc thẩm quyền quản lý" -> "danh mục thủ tục hành chính". What a shortened form leaves out is the core that
    names the noun; the adjunct after it only restricts it further."""
    head = _restricted_name(" ".join(words))
    return head.split() if content_words(head) else words


def _listed_sibling(noun: str, before: str) -> bool:
    """Whether a count opens an item of a list split by semicolons (`before`: its sentence up to it, nothing but
    lead-in words after the last semicolon: "; có 03 ...") in which an earlier item counts the same noun ("...; 02
    học viên nghỉ học giữa chừng; 05 học viên đã tốt nghiệp"): the items name groups side by side, none is of
    another's kind, so a bare one takes no sibling's qualifiers."""
    item = before.rfind(";")
    lead = phrase_words().lead_in.search(before, item + 1) if item >= 0 else None
    if item < 0 or before[item + 1 :].strip() and (lead is None or before[item + 1 : lead.start()].strip()):
        return False  # "; xử phạt 03 cơ sở" after "; phát hiện 05 cơ sở vi phạm": the act's object, no sibling
    return any(_COUNT_END.search(before, 0, hit.start()) and ";" in before[hit.end() :] for hit in _word_at(before, noun))


def _name_bare_noun(subject: str, m: Mention, texts: list[str]) -> str:
    """`subject` with the qualifiers its bare counted noun had where it was last named, or those its shortened
    form leaves out (_complete_shortened); not those of a sibling item of its list (_listed_sibling), nor those
    named before the population its sentence partitions (antecedents.partitioned)."""
    noun = m.unit or ""
    if texts and (_listed_sibling(noun, texts[0]) or partitioned(noun, texts[0])):
        return subject  # "...; 05 học viên đã ...", "Trong số 34 ứng viên ..., có 04 ứng viên đã ..."
    bare = _is_bare(subject, noun)
    if bare is None and len(content_words(subject)) <= _MAX_SHORT:
        return _complete_shortened(subject, noun, texts)
    if bare is None or len(content_words(subject)) > _MAX_BARE:
        return subject  # a long subject names its noun with its own clause
    qual = named_qualifiers(noun, texts)
    if not qual or set(content_words(qual)) <= set(content_words(subject)):
        return subject
    return " ".join(f"{subject[: bare.end()]} {qual} {subject[bare.end():]}".split())


def _activity_object(verb: str, texts: list[str]) -> str:
    """The object `verb` had the last time the texts in force named it as an activity, after a nominalizer
    ("công tác kiểm tra cải cách hành chính", "về kiểm tra công tác cải cách hành chính"); "" when none did."""
    nominalizer = context_words().nominalizer
    for text in texts:
        for hit in reversed(_word_at(text, verb)):
            if _in_closed_parenthesis(text, hit.start()) or not nominalizer.search(text[: hit.start()]):
                continue
            qual = _qualifiers(text[hit.end() :])
            if content_words(qual):
                return qual
    return ""


def _named_already(qual: str, subject: str) -> bool:
    """Whether half or more of the content words of `qual` are in `subject`: a syllable shared by chance ("pháp" of
    "Sở Tư pháp" and "pháp luật") does not name the object."""
    want = set(content_words(qual))
    return 2 * len(want & set(content_words(subject))) >= len(want)


def _name_bare_verb(subject: str, m: Mention, texts: list[str]) -> str:
    """`subject` with the object its verb had where the activity was named in full before: "Công tác kiểm tra
    cải cách hành chính đã hoàn thành ..., theo đó, đã tổ chức kiểm tra 42 cơ quan" -> "kiểm tra cải cách hành
    chính cơ quan". The verb is the subject's words right before its counted noun (one to _MAX_VERB words); its
    object is what named it last as an activity (_activity_object)."""
    noun = m.unit or ""
    hits = _word_at(subject, noun)
    if not hits:
        return subject
    verb = " ".join(subject[: hits[-1].start()].split())
    if not verb or len(verb.split()) > _MAX_VERB or len(content_words(verb)) != len(verb.split()):
        return subject
    qual = _activity_object(verb, texts)
    if not qual or _named_already(qual, subject):
        return subject  # the object it had is not this one's, or it is named already
    return " ".join(f"{verb} {qual} {subject[hits[-1].start():]}".split())


def _name_verb_after(subject: str, m: Mention, texts: list[str]) -> str:
    """`subject` naming its counted noun and then a bare verb about it after an aspect marker or a negation ("đơn vị
    chưa kiểm tra", "cơ sở đã thanh tra") with the object that verb had where the activity was named in full before
    (_activity_object): "Tỉnh chưa hoàn thành công tác tổ chức kiểm tra văn bản quy phạm pháp luật ...; ... (còn 06/12
    đơn vị chưa kiểm tra)" -> "đơn vị chưa kiểm tra văn bản quy phạm pháp luật", as a verb before the noun does."""
    hits = _word_at(subject, m.unit or "")
    if not hits or subject[: hits[0].start()].strip():
        return subject
    rest = subject[hits[0].end() :].split()
    markers = 0
    while markers < len(rest) and context_words().part_predicate.fullmatch(rest[markers]):
        markers += 1
    verb = " ".join(rest[markers:])
    if not markers or not verb or len(verb.split()) > _MAX_VERB or len(content_words(verb)) != len(verb.split()):
        return subject
    qual = _activity_object(verb, texts)
    if not qual or _named_already(qual, subject):
        return subject
    return f"{subject} {qual}"


def _name_relative_verb(subject: str, m: Mention, texts: list[str]) -> str:
    """`subject` naming its counted noun and then a bare verb right after it (a reduced relative clause: "quyết định
    công bố trễ hạn", "trẻ tiêm chủng trễ hẹn") with the object that verb had where the activity was named in full
    before (_activity_object): "Việc công bố danh mục thủ tục hành chính còn chậm (50% số quyết định công bố trễ
    hạn)" -> "quyết định công bố danh mục thủ tục hành chính trễ hạn". The noun is a count's own, or for a share
    ("50% số ...", "các ...") the one or two words after its count word or determiner; the verb is the one or two words
    after it (the longest the texts in force named as an activity); what follows it stays after the object."""
    words = subject.split()
    lead = 0
    while lead < len(words) and not content_words(words[lead]):
        lead += 1  # "số", "các": the count word and determiner before the noun
    if is_counted(m):
        hits = _word_at(subject, m.unit or "")
        if not hits or content_words(subject[: hits[0].start()]):
            return subject
        starts = [len(subject[: hits[0].end()].split())]
    elif lead:
        starts = [lead + 1, lead + 2]
    else:
        return subject  # a rate named by its own words ("tỷ lệ chi trả ..."), no share of a counted noun
    for at in starts:
        for n in (2, 1):
            verb = " ".join(words[at : at + n])
            if at + n > len(words) or len(content_words(verb)) != n:
                continue
            qual = _activity_object(verb, texts)
            if qual and not _named_already(qual, subject):
                return " ".join([*words[: at + n], qual, *words[at + n :]])
    return subject


def plans_named(text: str) -> list[str]:
    """The plans `text` names in full, as written from the plan noun to the end of the name ("Kế hoạch số
    12/KH-UBND ngày 05/01/2026 về chuyển đổi số năm 2026", "Đề án Tây Nguyên 200"), in text order: what a
    document-level memory keeps of the programmes a part is about (Sections.remember)."""
    out: list[str] = []
    plan = context_words().plan
    if not may_hold(plan, text):
        return out  # asked of every block: most name no plan
    for hit in plan.finditer(text):
        name = _plan_name(text[hit.end() :])
        if name:
            at = text.find(name, hit.end())
            out.append(" ".join(text[hit.start() : at + len(name)].split()))
    return out


def _plan_name(text: str) -> str:
    """The name a plan noun is given right after it: "Kế hoạch số 12/KH-UBND ngày 05/01/2026 về chuyển đổi số năm
    2026 tỉnh X" -> "chuyển đổi số năm 2026". The citation (number, date, "về") is skipped; the name runs to a stop
    mark or a word that opens a clause, and ends with its time: a plan's year is part of its name. A number that
    is no time and follows no proper name leaves the name incomplete: none. A plan neither cited ("số", "về")
    nor named by a proper name ("Đề án Vĩnh Long 100") or a number alone ("Đề án 06") has no name here."""
    cw = context_words()
    lead = cw.plan_lead.match(text)
    text = text[lead.end() :]
    first = text.split()[0].rstrip(",.;:)") if text.split() else ""
    if _SHORT_NAME.fullmatch(first):
        return first  # "Đề án 06", "Chương trình 135": a programme known by its number
    if not lead.group().strip() and not (first[:1].isupper() and not first.isupper()):
        return ""  # "kế hoạch đề ra", "ĐỀ ÁN ĐÀO TẠO ...": neither cited nor named by a proper name
    stop = _STOP.search(text)
    text = text[: stop.start()] if stop else text
    end = 0
    for t in _TOKEN.finditer(text):
        if t.group() == "," or cw.clause_opener.match(text[t.start() :]) or len(text[: t.start()].split()) >= _MAX_PLAN:
            break
        if t.group()[0].isdigit():
            if any(pm.end == t.end() for pm in find_periods(text[: t.end()])):
                return text[: t.end()].strip() if end else ""
            if not text[:end].split() or not text[:end].split()[-1][:1].isupper():
                return ""  # "ĐỀ ÁN ĐÀO TẠO 50 CÁN BỘ": a name cut at a count is no name
        end = t.end()  # "Đề án Vĩnh Long 100": a number after a proper name is part of it
    return text[:end].strip()


_MAX_SCOPE = 8  # words of the group a whole is for ("đối với các sở, ban, ngành")
_MAX_SCOPE_GAP = 10  # words of the whole's name between its noun and that group


def _scope_of_whole(subject: str, texts: list[str]) -> str:
    """`subject` of the parts of a whole (extract/figures/subjects.py `_container`: "chuyên mục chương trình thực
    tế", its sentence up to the count ending in "gồm") with the group that whole's noun was said to be for in the texts in force, nearest first ("b) Tổ chức
    chương trình ... đối với các xã, phường:" -> "... đối với các xã, phường")."""
    kw = container_words()
    hits = list(kw.noun.finditer(subject))
    if not hits or hits[0].start() == 0:
        return subject  # no whole, or the plan is what is counted ("kế hoạch ..." itself)
    noun = hits[-1].group().casefold()
    for text in texts:
        for hit in reversed([h for h in kw.noun.finditer(text) if h.group().casefold() == noun]):
            scope = kw.scope.search(text, hit.end())
            if scope is None or _in_closed_parenthesis(text, hit.start()) \
                    or len(text[hit.end() : scope.start()].split()) > _MAX_SCOPE_GAP:
                continue  # "Nội dung chương trình yêu cầu ... đối với sự phục vụ ...": another clause's adjunct
            group = " ".join(scope.group("g").split()).strip(" ,")
            if len(group.split()) > _MAX_SCOPE or not content_words(group):
                return subject
            if set(content_words(group)) <= set(content_words(subject)):
                return subject
            return f"{subject} {scope.group().rstrip(' :;.').strip()}"
    return subject


def _name_plan(subject: str, texts: list[str]) -> str:
    """`subject` with the name of its bare plan noun ("nhiệm vụ kế hoạch đề ra", "chỉ tiêu của đề án"): the name
    the texts in force (nearest first) gave that noun last, outside a parenthesised breakdown."""
    cw = context_words()
    hits = list(cw.plan.finditer(subject))
    if not hits or not cw.clause_opener.match(subject[hits[-1].end() :]):
        return subject
    noun = hits[-1]
    for text in texts:
        for hit in reversed([h for h in cw.plan.finditer(text) if h.group().casefold() == noun.group().casefold()]):
            if _in_closed_parenthesis(text, hit.start()):
                continue
            name = _plan_name(text[hit.end() :])
            if not content_words(name):
                continue
            if set(content_words(name)) <= set(content_words(subject)):
                return subject
            return " ".join(f"{subject[: noun.end()]} {name} {subject[noun.end():]}".split())
    return subject


def _existential_in_force(text: str, pos: int) -> bool:
    """Whether a count at `pos` is in the scope of an existential "X có" of its clause: right after it, or in a
    list of counts after it with no semicolon, colon or parenthesis between ("cấp tỉnh có 07/13 ..., 05/13 ...")."""
    if context_words().existential.search(text[:pos]):
        return True
    hits = list(context_words().existential_at.finditer(text, 0, pos))
    return bool(hits) and not _OWN_CLAUSE.search(text, hits[-1].end(), pos)


def _share_opening(subject: str, m: Mention, sent_text: str, done: list) -> str:
    """A count coordinated with the count before it, of the same noun, shares the group that count is said to be
    of ("X có N ..."): "cấp tỉnh có 07/13 cơ quan, đơn vị xếp loại Xuất sắc, 05/13 cơ quan, đơn vị xếp loại Tốt"
    -> the 05/13 are "cấp tỉnh" too."""
    if not done or not done[-1][1]:
        return subject
    prev, prev_subject = done[-1]
    noun = (prev.unit or "").casefold()
    own = _word_at(subject, noun) if noun else []
    if not own or own[0].start() > 0 or (m.unit and m.unit.casefold() != noun):
        return subject
    if _OWN_CLAUSE.search(sent_text, prev.end, m.start):
        return subject  # "; cấp xã có 123/124 địa phương": a clause of its own
    named = _word_at(prev_subject, noun)
    opening = prev_subject[: named[0].start()].strip(" ,") if named else ""
    if not content_words(opening) or len(opening.split()) > _MAX_OPENING:
        return subject
    if not _existential_in_force(sent_text, prev.start):
        return subject  # "đã tiếp nhận 45 ý kiến đồng thuận và 8 ý kiến đề nghị ...": each count names itself
    return f"{opening} {subject}"


def _whole_of(subject: str, m: Mention, sent_text: str, done: list) -> str:
    """The whole of "x/y <noun>" is the noun with what names it, without the part's predicate or the verb that
    counted the part: "đã tổ chức kiểm tra 42/139 cơ quan, đơn vị" -> "cơ quan, đơn vị"; "06/139 đề xuất, kiến
    nghị của doanh nghiệp chưa được giải quyết" -> "đề xuất, kiến nghị của doanh nghiệp". The group of an
    existential ("cấp xã có 123/124 địa phương") stays: the whole is of that group too."""
    noun = (m.unit or "").casefold()
    named = _word_at(subject, noun) if noun else []
    if not named:
        return subject
    at = named[0].start()
    part = done[-1][0] if done and done[-1][0].kind == "ratio_part" else None
    cw = context_words()
    before = sent_text[: part.start].rstrip() if part is not None else ""
    if any(r.end() == len(before) for r in cw.rank.finditer(before)):
        # "đứng thứ 15/34 tỉnh, thành phố": the whole is the ranked (the noun and its list), not what ranks them
        ranks = [r.start() for r in cw.rank.finditer(subject, at)]
        named_whole = subject[at : ranks[0]] if ranks else subject[at:]
        cut = cw.part_predicate.search(named_whole)
        named_whole = named_whole[: cut.start()] if cut else named_whole
        return f"{named_whole.strip(' ,')} {cw.ranked}"
    head = subject[:at]
    if part is None or not _existential_in_force(sent_text, part.start):
        total = cw.whole_head.search(head)  # "trên tổng số hồ sơ tiếp nhận": the whole is named a total
        head = total.group() if total else ""
    tail = subject[at + len(noun) :]
    cut = _past_relative_passive(tail, context_words().part_predicate.search(tail))
    tail = tail[: cut.start()] if cut else tail
    return " ".join(f"{head} {subject[at : at + len(noun)]} {tail}".split())


def _past_relative_passive(tail: str, cut: regex.Match | None) -> regex.Match | None:
    """The part's predicate after the noun of a ratio's whole: `cut`, the first part predicate of `tail`, unless it
    is a passive marker that a later part predicate follows, which opens a reduced relative clause naming the whole
    ("107/107 nhiệm vụ được theo dõi, giám sát trên môi trường điện tử hoàn thành đúng tiến độ" -> the later one:
    the whole is "nhiệm vụ được theo dõi, giám sát trên môi trường điện tử"); not after a verb of judging, whose
    passive takes the later predicate as its complement ("xã được công nhận đạt chuẩn")."""
    cw = context_words()
    if cut is None or not cw.relative_passive.fullmatch(cut.group()) or cw.judging.match(tail, cut.end()):
        return cut
    later = (p for p in cw.part_predicate.finditer(tail, cut.end()) if not cw.relative_passive.fullmatch(p.group()))
    return next(later, cut)


def whole_of_ratio(subject: str | None, m: Mention, sentence_before: str, done: list) -> str | None:
    """The subject of a ratio's whole on a label line, whose topic in force label_lines.py names ("+ Đối với cấp xã:
    120/124 địa phương xếp loại Xuất sắc" -> "địa phương"): the noun without the part's predicate (_whole_of), as in
    running text; other figures' subjects unchanged."""
    if not subject or m.kind != "ratio_whole" or not is_counted(m):
        return subject
    return fold(_whole_of(subject, m, sentence_before, done)).strip(" .,;:-–") or subject


# the number a programme is known by ("Đề án 06", "Chương trình 135"): two digits at least, so that a plan's span
# ("kế hoạch 5 năm") is no name
_SHORT_NAME = regex.compile(r"[0-9]{2,4}")
_CLAUSE_BREAK = regex.compile(r"[;:]")  # between a total and its breakdown's parenthesis: another clause


_PARENS = regex.compile(r"[()]")


def _open_parenthesis(text: str) -> int:
    """Where the innermost parenthesis still open at the end of `text` opens; -1 when none is."""
    if "(" not in text:
        return -1  # most sentences: no parenthesis, no walk
    opened: list[int] = []
    for p in _PARENS.finditer(text):  # only the parentheses, not every character (~1% of the figure stage)
        if p.group() == "(":
            opened.append(p.start())
        elif opened:
            opened.pop()
    return opened[-1] if opened else -1


def _breakdown_part(subject: str, m: Mention, sent_text: str, done: list) -> str:
    """A count in a parenthesis that breaks down a count before it shares what that count's subject says was done
    to it: "đã tổ chức kiểm tra 42/139 cơ quan, đơn vị, đạt tỷ lệ 30% (4/15 sở, ngành và 38/124 UBND cấp xã)" ->
    "sở, ngành kiểm tra ...": the total's words before its noun (the activity, not the noun) follow the part's."""
    at = _open_parenthesis(sent_text)
    if at < 0 or m.kind == "ratio_whole":
        return subject  # "(4/15 sở, ngành": the whole counts all of them, not those the activity reached
    totals = [(d, subj) for d, subj in done if d.end <= at and is_counted(d) and subj and d.unit]
    if not totals or _CLAUSE_BREAK.search(sent_text, totals[-1][0].end, at):
        return subject
    first = min([d.start for d, _s in done if d.start > at] + [len(sent_text)])
    if not context_words().breakdown_opener.fullmatch(sent_text[at + 1 : first]):
        return subject  # "(tăng 2.592 cơ sở ...)": a clause of its own, no breakdown
    last = totals[-1][0]
    for total, total_subject in reversed([t for t in totals if t[0].start == last.start]):
        named = _word_at(total_subject, total.unit)
        activity = total_subject[: named[0].start()].strip(" ,") if named else ""
        words = content_words(activity)
        if not words or len(activity.split()) > _MAX_ACTIVITY or set(words) <= set(content_words(subject)):
            continue
        return f"{subject} {activity}"
    return subject


def _rate_in_money(subject: str, m: Mention, sent_text: str, done: list) -> str:
    """An amount in a parenthesis right after a rate states that rate in money ("Tiến độ thực hiện các kiến nghị sau
    thanh tra, kiểm tra đạt 75% (số tiền đã nộp ngân sách đạt 654/871 triệu đồng)"): it is the money of what the
    rate is of, the object its subject names from a plural determiner on ("các kiến nghị sau thanh tra, kiểm tra"),
    which follows the amount's own words; a rate whose subject names no such object leaves `subject` as it is."""
    if m.base_unit not in rules().money_units:
        return subject
    at = _open_parenthesis(sent_text)
    rate = next(((d, subj) for d, subj in reversed(done) if d.end <= at), None) if at >= 0 else None
    if rate is None or rate[0].base_unit != "%" or not rate[1] or sent_text[rate[0].end : at].strip():
        return subject
    determiner = phrase_words().determiner
    starts = [w.start() for w in regex.finditer(r"\S+", rate[1]) if determiner.match(rate[1][w.start() :])]
    if not starts:
        return subject
    named = determiner.sub("", rate[1][starts[0] :], count=1)
    if set(content_words(named)) <= set(content_words(subject)):
        return subject
    return f"{subject} {named}"


@cache
def _body_name() -> regex.Pattern:
    """A body named by a capitalised head noun and its name ("Sở Tư pháp", "Văn phòng Ủy ban nhân dân tỉnh"), nothing
    else ("Ủy ban nhân dân huyện Bảo Lâm"): extents.yaml `agent_heads`, then a capitalised word or a level
    (`agent_levels`), and at most five words more."""
    data = extent_words_data()
    heads = word_alternation(data["agent_heads"], "extents.yaml agent_heads")
    levels = word_alternation(data["agent_levels"], "extents.yaml agent_levels")
    return regex.compile(r"(?=(?-i:\p{Lu}))(?:" + heads + r")\s+(?:(?-i:\p{Lu})\p{L}*|" + levels
                         + r"(?![\p{L}\p{N}_]))(?:\s+\p{L}+){0,5}", regex.IGNORECASE)


@cache
def _rank_end() -> regex.Pattern:
    """A rank word ending a text, with the spaces and commas around it ("..., xếp thứ")."""
    cw = context_words()
    return regex.compile(r"[\s,]*" + cw.rank.pattern + r"[\s,]*$", cw.rank.flags)


def _bare_body(text: str) -> str:
    """`text` without the ranking and rank words that end it ("Sở Tư pháp dẫn đầu xếp thứ" -> "Sở Tư pháp")."""
    cw, rank_end = context_words(), _rank_end()
    while (bare := rank_end.sub("", cw.ranking.sub("", text))) != text:
        text = bare
    return text


def name_index(subject: str, m: Mention, texts: list[str]) -> str:
    """A score or a rank said of a named agent only ("tỉnh Lâm Đồng đạt 90,09/100 điểm, xếp hạng 11/34 tỉnh") is
    of the index the texts in force (nearest first) named last by its proper name ("... (sau đây gọi tắt là Bộ
    chỉ số 766):"): "thứ hạng Bộ chỉ số 766 tỉnh Lâm Đồng". So is a percentage said of a named body alone ("Văn
    phòng Ủy ban nhân dân tỉnh đạt 92,80%"), the words that rank it among the others dropped ("Sở Xây dựng thấp
    nhất, đạt 74,12%"), and a change of rank steps ("tụt 8 bậc") of such a body is of its rank. A subject that
    names an index or a criterion, or no agent by a proper name, is left as it is."""
    cw = context_words()
    head = measure_words().rank_head
    body = _bare_body(subject)
    if (m.base_unit == "%" or cw.rank_step.fullmatch(m.unit or "")) and _body_name().fullmatch(body):
        subject = f"{head} {body}" if cw.rank_step.fullmatch(m.unit or "") else body
    ranked = subject.casefold().startswith(head.casefold() + " ")
    if not (ranked or cw.score_unit.fullmatch(m.unit or "") or m.base_unit == "%" and _body_name().fullmatch(subject)) \
            or cw.index_noun.search(subject):
        return subject
    agent = subject[len(head) :] if ranked else subject
    if _body_name().fullmatch(bare := _bare_body(agent.strip())):
        agent = bare  # "thứ hạng Sở Tư pháp dẫn đầu xếp thứ": the body, not how it ranks
    if not any(w[:1].isupper() for w in agent.split()[1:]):
        return subject  # "điểm cầu cấp xã": no named agent
    for text in texts:
        names = list(cw.index_name.finditer(text))
        if names:
            index = " ".join(names[-1].group().split()).rstrip(".")  # "... Chỉ số CCHC." ends a sentence
            return f"{head} {index} {agent.strip()}" if ranked else f"{subject} {index}"
    return subject


def index_mean(subject: str | None, m: Mention, sentence_before: str) -> str | None:
    """A figure of an index whose name an average word and its value noun stand right before ("Giá trị trung bình
    Chỉ số CCHC của các sở, ban, ngành đạt 84,37%") is the mean of the index over the bodies named: those words head
    its subject ("Giá trị trung bình Chỉ số CCHC ..."); `subject` unchanged when it opens with no index noun, holds the
    average already or the words before its name in the sentence are others (subjects.yaml `mean_heads`)."""
    cw = context_words()
    if not subject or not cw.index_noun.match(subject) or phrase_words().averages.search(subject):
        return subject
    at = fold(sentence_before).casefold().rfind(fold(" ".join(subject.split()[:3])).casefold())
    hit = cw.mean_before.search(sentence_before[:at]) if at > 0 else None
    return f"{' '.join(hit.group().split())} {subject}" if hit else subject


def ranked_whole(subject: str | None, m: Mention, texts: list[str]) -> str | None:
    """The whole of a rank written without a noun ("Sở Tư pháp ..., xếp thứ 1/19") counts the bodies ranked: those an
    earlier count of the same number named in the texts in force (`texts`, nearest first: "Năm 2026 có 19 sở, ban,
    ngành được xác định Chỉ số CCHC"), "sở, ban, ngành được xếp hạng"; `subject` unchanged when the whole has a noun
    of its own, follows no rank word, or no such count is found."""
    if m.kind != "ratio_whole" or m.unit or not texts:
        return subject
    cw = context_words()
    if not regex.search("(?:" + cw.rank.pattern + r")\s*(?:[0-9]+\s*/\s*)?$", texts[0], cw.rank.flags):
        return subject
    for text in texts:
        for o in find_numbers(text):
            if o.value == m.value and o.unit and is_counted(o):
                return f"{o.unit} {cw.ranked}"
    return subject


def rank_change(subject: str | None, m: Mention, ranked: str | None = None) -> str | None:
    """A change counted in rank steps ("tụt 8 bậc", subjects.yaml `rank_steps`) is a change of the rank of what it
    is said of ("Sở Xây dựng ..., tụt 8 bậc" -> "thứ hạng Sở Xây dựng ..."): `ranked`, the subject of a rank its
    statement states right before it ("phường Ayun Pa xếp thứ 42/135, tụt 9 bậc"), else its own subject under the
    rank's head; `subject` unchanged otherwise or when it names the rank already."""
    head = measure_words().rank_head
    if not subject or not m.sign_word or not context_words().rank_step.fullmatch(m.unit or ""):
        return subject
    if ranked and ranked.casefold().startswith(head.casefold() + " "):
        return ranked
    if subject.casefold().startswith(head.casefold() + " "):
        return subject
    return f"{head} {subject}"


def name_criterion(subject: str, m: Mention, sentence_before: str) -> str:
    """A score whose clause names a criterion by its noun, its number and its topic ("riêng Tiêu chí 2.3 (tối đa 5
    điểm) về thanh toán không dùng tiền mặt của hộ kinh doanh chỉ đạt bình quân 1,9 điểm") is that criterion's: the
    noun heads the subject its topic names ("tiêu chí thanh toán không dùng tiền mặt ..."). A subject that names a
    criterion or an index already, or none of the topic's words, is left as it is."""
    cw = context_words()
    if not cw.score_unit.fullmatch(m.unit or "") or cw.index_noun.search(subject):
        return subject
    clause = regex.split(r"[;:.](?:\s|$)", sentence_before)[-1]
    hits = list(cw.criterion_topic.finditer(clause))
    if not hits:
        return subject
    topic = content_words(_STOP.split(clause[hits[-1].end() :])[0])
    if not topic or topic[0] not in content_words(subject):
        return subject  # the subject names something else than the topic
    return f"{hits[-1].group('n').lower()} {subject}"


def criterion_share(subject: str | None, m: Mention, text: str) -> str | None:
    """A percentage an agent attained of a criterion named in quotes after it ("Ví dụ: Trường A đạt 80% của tiêu chí
    “Cơ sở vật chất” thì ...") is the share of that criterion the agent attained: "tỷ lệ đạt tiêu chí Cơ sở vật chất
    của Trường A" (`subject`, the agent, last); `text` is the sentence. A subject naming the criterion is left."""
    cw = context_words()
    if m.base_unit != "%" or (hit := cw.criterion_share.match(text[m.end :])) is None:
        return subject
    verb = cw.attain.search(text[: m.start].rstrip(" (:"))
    name = " ".join(hit.group("name").split())
    if verb is None or not content_words(name) or subject and fold(name).casefold() in fold(subject).casefold():
        return subject
    owner = f" {phrase_words().possessive} {subject}" if subject and content_words(subject) else ""
    return f"{phrase_words().share} {verb.group('v').lower()} {hit.group('n').lower()} {name}{owner}"


def _own_label(sentence_before: str) -> list[str]:
    """The label a count's own part of its sentence sets off by a colon right before it ("...; số học viên đình chỉ do
    bệnh hiểm nghèo: 01; di lý: 26" -> "di lý"), as the only text in force for its bare noun: the parts before name
    other groups of the list; [] when no colon stands right before the count."""
    head = sentence_before.rstrip()
    if not head.endswith(":"):
        return []
    label = head[max(head.rfind(";"), head.rfind("("), head.rfind(")")) + 1 : -1].strip(" ,")
    if not content_words(label) or phrase_words().lead_openers.match(label):
        return []  # "..., trong đó: 850 đơn thư": a list's lead-in names no group of its own
    return [label]


def in_force(subject: str | None, m: Mention, sentence_before: str, texts: list[str], done: list,
             carried: str | None) -> str | None:
    """The subject of `m` completed from the topic in force: `sentence_before` is its sentence up to the number,
    `texts` the block's earlier sentences, the section's last paragraphs and its open headings, nearest first;
    `done` the (mention, subject) before it in the sentence, `carried` the block's last subject."""
    if not subject:
        return subject
    sources = [sentence_before, *texts]
    out = _resolve_anaphor(subject, sources, done, carried)
    anaphoric = out != subject
    out = _name_plan(out, sources)
    verb = container_words().verb
    if may_hold(verb, sentence_before) and verb.search(sentence_before):  # most sentences lack its words
        out = _scope_of_whole(out, sources)
    if is_counted(m) or (done and is_counted(done[-1][0]) and not m.unit and m.base_unit != "%"):
        out = _share_opening(out, m, sentence_before, done)
    if is_counted(m) and not anaphoric:  # an anaphor is named by what it points at
        out = _name_bare_noun(out, m, _own_label(sentence_before) or sources)
        out = _name_bare_verb(out, m, sources)
        out = _name_verb_after(out, m, sources)
    if not anaphoric and (is_counted(m) or m.base_unit == "%"):
        out = _name_relative_verb(out, m, sources)
    if m.kind == "ratio_whole" and is_counted(m):
        out = _whole_of(out, m, sentence_before, done)
    if is_counted(m) and not anaphoric:
        out = _breakdown_part(out, m, sentence_before, done)
    if not anaphoric:
        out = _rate_in_money(out, m, sentence_before, done)
    return fold(out).strip(" .,;:-–") or subject
