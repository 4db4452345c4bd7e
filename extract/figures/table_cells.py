"""Figures from table cells, for any table: one figure per number in a value cell, with its header paths.

The header rows are the rows above the first row holding a bare number; each value cell gets the path of the
header cells above it (column header) and the label of its row (row header). Subject comes from the row
header, role and period from the column header (or a year row header), unit from the cell, the column's
header ("(%)", "Đơn vị: tỷ đồng") or the row's ĐVT cell. Totals rows and columns (Tổng, Tổng cộng, Cộng) are
returned as relations 'total'. Layout tables (letterheads, signatures) and task tables give no figures; text
cells (a sentence in an evidence or note column) give none either.
"""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache

import regex

from extract import catalog
from extract.figures.cues import as_of_at, is_plan_document, sentence_cues
from extract.figures.mentions import mention_figure
from extract.figures.rules import rules as fig_rules
from extract.figures.sentence import first_alias
from extract.language.literals import key_words, may_hold
from extract.language.nlp import may_match
from extract.language.numbers import figure_reach, find_numbers
from extract.language.periods import find_periods, month_end, whole_year
from extract.language.subjects import content_words, phrase_words
from extract.language.text import caseless, fold, strip_accents
from extract.model import Block, Cell, Figure, Period

_FLAGS = regex.IGNORECASE | regex.V1
PATH_SEP = " › "
_HEADER_ROWS_MAX = 5
# a cell holding only a number (and a unit or % sign): "1.348,0", "22,45 %", "8.00", "(3)" is not one
_BARE = regex.compile(r"^\s*[-+]?\s*(?:\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]\d+)?\s*%?\s*$")
# a dot decimal that cannot be a thousands group ("8.00", "0.5"): the score tables' way of writing decimals
_DOT_DECIMAL = regex.compile(r"^\s*\d{1,3}\.\d{1,2}\s*$")
# "A | B | C | 1 | 2 | 7=3/2": the column-number row under a header
_COLUMN_CODE = regex.compile(r"^\s*\(?(?:[A-Za-zĐđ]|\d{1,2}(?:\s*=\s*[\d/+\-*x() ]+)?)\)?\s*$")
# compiled once: the module-level regex functions look their pattern up in regex's cache on every call
_PARENS = regex.compile(r"\([^()]*\)")
_STT_PART = regex.compile(r"[0-9]{1,2}|[IVX]{1,4}")  # the STT cell OCR merged into a row label ("2 |Giá trị")
_TWO_LOWER = regex.compile(r"\p{Ll}{2}")
_SMALL_NUMBER = regex.compile(r"\(?\d{1,2}\)?")
_DECIMAL_MARK = regex.compile(r"\d[.,]\d")
_WORD = regex.compile(r"\p{L}+")
_WORD_OR_DIGIT = regex.compile(r"\p{L}{2}|\d")
_LONG_WORD = regex.compile(r"\p{L}{2,}")
_SENTENCE_GAP = regex.compile(r"(?<=[.!?;])\s+")
_STT = regex.compile(r"\d{1,2}(?:\.\d{1,2})*")
_PERIOD_LABEL_MAX = 20  # a row label this short that names a period is the row's period
_WORDS_MAX = 3  # a value cell has at most this many words besides its numbers ("22,45 %", "15 văn bản")


@cache
def _rules():
    t = catalog.load("tables")
    comp = {k: regex.compile("|".join(v), _FLAGS) for k, v in t["columns"].items()}
    roles = [(r["role"], regex.compile(r["regex"], _FLAGS)) for r in t["header_roles"]]
    layout = regex.compile("|".join(t["layout"]), _FLAGS)
    total = regex.compile(t["total_label"], _FLAGS)
    unit_note = regex.compile(t["unit_note"], _FLAGS)
    ditto = regex.compile(t["ditto"], _FLAGS)
    aliases = tuple((regex.compile(a["regex"], _FLAGS), a["unit"]) for a in t["unit_aliases"])
    periods = tuple((h["kind"], regex.compile(h["regex"], regex.V1)) for h in t["header_periods"])
    if {k for k, _ in periods} - {"month", "first_months"}:
        raise catalog.RuleError("tables.yaml: header_periods kinds are month and first_months")
    percent = regex.compile(t["percent_header"], _FLAGS)
    header_unit = regex.compile(t["header_unit"], _FLAGS)
    _subject_rules()  # validated with the rest of the file
    return comp, roles, layout, total, unit_note, ditto, aliases, periods, percent, header_unit


@cache
def _ratio_rules():
    """(rank header, score header, score scales, rank unit) for the two numbers of a ratio cell."""
    t = catalog.load("tables")["cell_ratios"]
    if set(t) != {"rank_header", "score_header", "score_scales"}:
        raise catalog.RuleError("tables.yaml: cell_ratios keys are rank_header, score_header and score_scales")
    scales = frozenset(float(x) for x in t["score_scales"])
    rank_unit = catalog.load("numbers")["rank_unit"].strip()
    return regex.compile(t["rank_header"], _FLAGS), regex.compile(t["score_header"], _FLAGS), scales, rank_unit


def ratio_cell(kind: str, value: float, header: str, role: str) -> tuple[str, str | None] | None:
    """(role, unit or None to keep the cell's) of one number of a ratio cell "a/b" by its column's own header:
    a rank "12/63" (rank, then the ranked units: other), a score "9,49/9,5" (score, then the criterion's
    maximum: norm; a maximum that is a scale, "83,1/100", is no figure: None), else the whole of a result is
    other. `role`: the column's role."""
    rank, score, scales, rank_unit = _ratio_rules()
    if kind == "ratio_part":
        return role, rank_unit if rank.search(header) else None
    if kind != "ratio_whole":
        return role, None
    if rank.search(header):
        return "other", None
    if score.search(header):
        return None if value in scales else ("norm", None)
    return ("other" if role == "actual" else role), None


# a cell holding one ratio written over two lines ("9,49/" and "9,5", "83,1/\n100")
_SPLIT_RATIO = regex.compile(r"^\s*\d[\d.,]*\s*/\s+\d[\d.,]*\s*%?\s*$")
_SLASH_SPACE = regex.compile(r"\s*/\s*")
_ACRONYM = regex.compile(r"[\p{Lu}\s.]*\p{Lu}{2}[\p{Lu}\s.]*")  # an upper-case header: "SIPAS", "BS RHM"
_ROMAN = regex.compile(r"[IVXL]{1,5}")
@cache
def _index_rules():
    """(index total row label, a heading's short name in parentheses) of tables.yaml."""
    t = catalog.load("tables")
    return regex.compile(t["index_total"], _FLAGS), regex.compile(t["index_short_name"], regex.V1)


def index_name(sec) -> str:
    """The short name in parentheses of the innermost open heading that gives one ("(PAR INDEX)", "(CHỈ SỐ
    766)"): what an index table's total row ("CHỈ SỐ CHUNG") totals."""
    rx = _index_rules()[1]
    for section in reversed(getattr(sec, "stack", [])):
        found = rx.findall(section.text)
        if found:
            return " ".join(found[-1].split())
    return ""


_LAST_SENTENCE = regex.compile(r"(?<=[.!?])\s+(?=\p{Lu})")


def lead_in_stock(prev_text: str | None, sec) -> Period | None:
    """The day a table's lead-in sentence counts its results to ("Kết quả chung ... đến thời điểm báo cáo ngày
    05/11/2025, ...:"): the period of the cells whose header names none, as a stock at that day."""
    if not prev_text:
        return None
    last = _LAST_SENTENCE.split(fold(prev_text))[-1]
    if not may_match(last, "POINT_IN_TIME"):
        return None
    hit = as_of_at(last, len(last), sentence_cues(last), sec.period, sec)
    return hit[0] if hit is not None and hit[1] else None


_SUBJECT_KEYS = ("sub_item", "breakdown", "column_words", "sub_item_opener", "count_words", "rate", "predicate",
                 "lead_in_end", "lead_in_light", "lead_in_copula", "time_tail", "who_header", "caption_light",
                 "group_about")
_LEAD_IN_WORDS_MAX = 16  # a table's lead-in longer than this (after trimming) is a sentence, not a name


@cache
def _subject_rules():
    """sub_item, breakdown, column_words, (sub_item_opener: see _marker), count_words, rate, predicate,
    lead_in_end, lead_in_light, lead_in_copula, time_tail, who_header, caption_light, group_about: compiled, in
    that order."""
    s = catalog.load("tables").get("subjects")
    if not isinstance(s, dict) or set(s) != set(_SUBJECT_KEYS):
        raise catalog.RuleError(f"tables.yaml subjects: expected the keys {', '.join(_SUBJECT_KEYS)}")
    try:
        return tuple(regex.compile(s[k], _FLAGS) for k in _SUBJECT_KEYS)
    except regex.error as exc:
        raise catalog.RuleError(f"tables.yaml subjects: {exc}") from exc


@cache
def _marker():
    """A row label's list marker ("- ", "+ ", "a)", "1.2", "II.") or the rule file's sub-item opener ("Trong đó:")."""
    _subject_rules()  # validates the section
    opener = catalog.load("tables")["subjects"]["sub_item_opener"]
    try:
        return regex.compile(
            r"^\s*(?:[IVXLC]+\.|(?-i:[IVX](?=\p{Lu}\p{Ll}))|\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[-–+•*]|" + f"(?:{opener}))" + r"\s*",
            _FLAGS,
        )
    except regex.error as exc:
        raise catalog.RuleError(f"tables.yaml subjects: {exc}") from exc


def _unmarked(label: str) -> str:
    """A row label without its list marker ("- ", "+ ", "a)", "1.2", "Trong đó:"), parentheses kept."""
    while (bare := _marker().sub("", label, count=1)) != label:
        label = bare  # "+ Trong đó: lớp trực tuyến": a marker, then a sub-item opener
    return label


def _unbracketed(text: str) -> str:
    while (out := _PARENS.sub(" ", text)) != text:
        text = out  # nested "(... (...) ...)" from the inside out
    return " ".join(text.split()).strip(" ,;:.")


def _bare_label(label: str) -> str:
    """A row label without its list marker ("- ", "+ ", "a)", "1.2", "Trong đó:") and parentheses."""
    return _unbracketed(_unmarked(label))


def row_core(label: str) -> str:
    """A statistics row's label as a subject: bare, and without the count words that open it ("Tổng số hồ sơ
    TTHC đã giải quyết xong" -> "hồ sơ TTHC đã giải quyết xong"; "Số hóa hồ sơ" keeps its noun), and without
    a closing time adverbial ("... có mặt tại thời điểm báo cáo")."""
    bare = _subject_rules()[10].sub("", _bare_label(label))
    return _subject_rules()[4].sub("", bare, count=1).strip() or bare


def inherit_qualifier(child: str, parent: str) -> str:
    """A numbered sub-row's subject (`child`, a row_core) with what its rate or group row (`parent`, its label
    with parentheses) says of the noun they share: "hồ sơ TTHC đã giải quyết xong" under "Tỷ lệ hồ sơ TTHC do
    các sở, ngành tiếp nhận được giải quyết đúng hạn" -> "hồ sơ TTHC do các sở, ngành tiếp nhận đã giải quyết
    xong"; a rate that names no noun ("Tỷ lệ % đã tinh giản") takes the parent's ("tỷ lệ người làm việc ... đã
    tinh giản"). The qualifier ends where the parent's predicate starts (được, đã, ...)."""
    rules = _subject_rules()
    rate, predicate = rules[5], rules[6]
    parent_core = row_core(parent)
    m = rate.match(child)
    lead, rest = (child[: m.end()], child[m.end():]) if m else ("", child)
    if m and (not rest.strip() or predicate.match(rest)):
        noun = rate.sub("", parent_core, count=1).strip()
        while (bare := rules[8].sub("", noun, count=1)) != noun:
            noun = bare  # a group row "Số liệu về giáo viên": its noun is "giáo viên"
        noun = rules[13].sub("", noun)  # "Số liệu về giáo viên": "giáo viên"
        return " ".join(f"{lead.strip(' %')} {noun} {rest}".split()) if noun else child
    words = rest.split()
    within = caseless(_unmarked(parent))
    for n in range(len(words), 0, -1):
        head = " ".join(words[:n])
        if not content_words(head):
            continue
        if caseless(head) not in within:
            continue  # the pattern below cannot match (each head would be compiled anew: ~1 ms each)
        hit = regex.search(rf"(?<!\w)\(?{regex.escape(head)}\)?(?!\w)", _unmarked(parent), regex.IGNORECASE)
        if hit:
            break
    else:
        return child
    tail = []
    for w in _unbracketed(_unmarked(parent)[hit.end():]).split():
        if predicate.match(w):
            break
        tail.append(w)
    qualifier = " ".join(tail).strip(" ,;:.")
    if not content_words(qualifier) or _words(qualifier) <= _words(child):
        return child
    return " ".join(f"{lead}{head} {qualifier} {' '.join(words[n:])}".split())


def lead_in_subject(text: str | None) -> str:
    """What a table's lead-in paragraph says its cells count ("Công tác cử học sinh đào tạo là con em của tỉnh
    (...), cụ thể như sau:" -> "cử học sinh đào tạo"); empty when the paragraph is no lead-in (it does not end
    with "như sau:" or ":") or names nothing ("Kết quả cụ thể như sau:")."""
    if not text:
        return ""
    rules = _subject_rules()
    end, light, copula = rules[7], rules[8], rules[9]
    t = " ".join(fold(text).split())
    if not end.search(t):
        return ""
    t = end.sub("", _unbracketed(t))
    t = _SENTENCE_GAP.split(t)[-1]
    cut = copula.search(f" {t} ")
    if cut:
        t = f" {t} "[: cut.start()]
    while (u := light.sub("", t, count=1)) != t:
        t = u  # "Kết quả công tác ...": every light noun in front
    t = " ".join(t.split()).strip(" ,;:.-–")
    n = len(_WORD.findall(t))
    return t if 0 < n <= _LEAD_IN_WORDS_MAX else ""


def _measure(path: list[str]) -> str:
    """What a column header says is measured ("Điểm tự đánh giá", "BS Đa khoa"); empty when it names only a
    role, a comparison or a period ("Kế hoạch năm 2012", "So sánh › ƯTH T10 so với T9/2012")."""
    return _measure_of(tuple(path))


# a column's header path is read again for every value cell of the column (cell_subject, who_subject): remembered
# per document (emptied by `forget`); the result depends on the header words and the rules alone
@lru_cache(maxsize=1024)
def _measure_of(path: tuple[str, ...]) -> str:
    if not path:
        return ""
    leaf = path[-1]
    rest = _subject_rules()[2].sub(" ", leaf)
    for pm in find_periods(rest):
        rest = rest[: pm.start] + " " * (pm.end - pm.start) + rest[pm.end :]
    if not _TWO_LOWER.search(_PARENS.sub(" ", rest)):
        return ""
    return " ".join(_PARENS.sub(" ", leaf).split())


def _words(text: str) -> set[str]:
    return set(content_words(text))


def caption_topic(text: str | None) -> tuple[str, str]:
    """What a table's caption says its cells measure, and the measure its parenthesis restates: "b) Kết quả
    đánh giá đối với tiêu chí công khai minh bạch (Tỷ lệ hồ sơ đồng bộ ..." -> ("tiêu chí công khai minh bạch",
    "Tỷ lệ hồ sơ đồng bộ ..."); ("", "") for a caption longer than a name."""
    if not text or _is_unit_note(text):
        return "", ""  # "Đơn vị tính: triệu đồng" above the table says the unit, no measure
    rules = _subject_rules()
    t = rules[7].sub("", _unmarked(" ".join(fold(text).split())))
    head, _, paren = t.partition("(")
    while (u := rules[12].sub("", head, count=1)) != head:
        head = u
    head, paren = head.strip(" ,;:.-–"), paren.split(")")[0].strip(" ,;:.-–")
    if len(_WORD.findall(head)) > _LEAD_IN_WORDS_MAX:
        return "", ""
    return head, paren if len(_WORD.findall(paren)) <= _LEAD_IN_WORDS_MAX else ""


def _is_unit_note(text: str) -> bool:
    """A line that only states the table's unit ("Đơn vị tính: triệu đồng", "ĐVT: tỷ đồng")."""
    m = _rules()[4].search(fold(text))
    return bool(m) and not fold(text)[: m.start()].strip(" (")


def who_subject(who: str, col_path: list[str], caption: tuple[str, str]) -> str:
    """A cell of a table whose rows name who is measured (agencies): what the column and the caption measure,
    "của" the row ("Điểm đạt tiêu chí công khai minh bạch của Sở Tư pháp"); a caption's parenthesis that opens
    with the column's word restates the column ("Tỷ lệ thực hiện %" under "(Tỷ lệ hồ sơ đồng bộ ...)"). An outer
    header that names a measure qualifies a column that names a category ("Chi thường xuyên › Giáo dục, đào tạo"), or
    names it when the column's own header is a total word only ("Chi thường xuyên › Tổng số")."""
    topic, restated = caption
    leaf = col_path[-1] if col_path else ""
    measure = _measure(col_path) or (leaf if _ACRONYM.fullmatch(leaf) else "")
    if not measure or not _who_measure()[0].fullmatch((content_words(measure) or [""])[0]):
        # "Chi thường xuyên › Giáo dục, đào tạo": the leaf names a category, the outer header its measure (not a
        # leaf that opens with a measure word of its own, "Chỉ số thành phần › Tỷ lệ thủ tục ... số hóa hồ sơ")
        outer = " ".join(m for m in (_measure([h]) for h in col_path[:-1]) if m and not _words(m) <= _words(measure))
        measure = " ".join(p for p in (outer, measure) if p)
    first = [content_words(x)[:1] for x in (measure, restated)]
    if measure and restated and first[0] == first[1]:
        measure, topic = restated, ""
    elif names_own_object(measure):
        topic = ""  # "Tỷ lệ thủ tục hành chính thực hiện số hóa hồ sơ": a criterion of its own, not the caption's
    what = " ".join(p for p in (measure, topic) if p)
    return f"{what} {phrase_words().possessive} {who}" if what and who else what or who


@cache
def _who_measure():
    """(measure-word syllable pattern, how many other content syllables name an object) of tables.yaml
    who_measure."""
    w = catalog.load("tables").get("who_measure")
    if not isinstance(w, dict) or set(w) != {"words", "own_min"} or not isinstance(w["own_min"], int):
        raise catalog.RuleError("tables.yaml who_measure: expected the keys words (a pattern), own_min (a number)")
    try:
        return regex.compile(w["words"], _FLAGS), w["own_min"]
    except regex.error as exc:
        raise catalog.RuleError(f"tables.yaml who_measure: {exc}") from exc


def names_own_object(measure: str) -> bool:
    """Whether a column header names what it measures beyond measure words ("Tỷ lệ khai thác, sử dụng lại
    thông tin" does, "Tỷ lệ thực hiện", "Điểm đánh giá" do not)."""
    words, own_min = _who_measure()
    return sum(1 for w in content_words(measure) if not words.fullmatch(w)) >= own_min


@cache
def _rank_wholes() -> tuple[frozenset[float], str]:
    """(counts of ranked provinces, the name of such a whole) of tables.yaml rank_wholes."""
    r = catalog.load("tables").get("rank_wholes")
    if not isinstance(r, dict) or set(r) != {"counts", "name"} or not str(r["name"]).strip():
        raise catalog.RuleError("tables.yaml rank_wholes: expected the keys counts (numbers), name (text)")
    return frozenset(float(x) for x in r["counts"]), " ".join(str(r["name"]).split())


def rank_whole_subject(value: float, header: str) -> str | None:
    """The subject of the whole of a rank cell ("/63" of "12/63" under "Thứ hạng"): the provinces ranked when
    the whole is the country's count of them, else None (the cell's subject stays)."""
    counts, name = _rank_wholes()
    return name if value in counts and _ratio_rules()[0].search(header) else None


_INDEX_ABBREVIATION = regex.compile(r"\b\p{Lu}{3,}\b")  # "PAPI", "PAR Index", "SIPAS": an index named by its letters


def total_scale(kind: str, header: str, core: str, outer: str = "") -> bool:
    """Whether a number is the scale of a whole index's score: the whole of a score ratio in the index's total row
    ("80" of "CHỈ SỐ CHUNG | 41,02/80" under "Điểm số") or under a column group that names the index by its letters
    ("PAPI › Điểm số | 41,02/80", one row per province) is its scale, whatever its maximum, and no figure (as
    score_scales); a criterion's maximum stays its weight."""
    if kind != "ratio_whole" or not _ratio_rules()[1].search(header) or _ratio_rules()[0].search(header):
        return False
    return bool(core and _index_rules()[0].match(core)) or bool(_INDEX_ABBREVIATION.search(outer))


def cell_subject(own: str, parent: str, col_path: list[str], period_row: bool, lead: str = "") -> str | None:
    """What a reader names a value cell by: its row label, under its parent row when the label is a part
    that does not name the whole ("Kinh tế nhà nước" of "Giá trị SXCN"), qualified by what the column measures
    when the row does not say it ("Điểm tự đánh giá" of a criterion); a period row takes the column's name
    after what the table's lead-in (`lead`, see lead_in_subject) says its cells count."""
    if period_row:
        leaf = col_path[-1] if col_path else ""
        # an upper-case column ("BS RHM", "CNXN") is a category named by its abbreviation
        measure = _measure(col_path) or (leaf if _ACRONYM.fullmatch(leaf) else "")
        named = " ".join(p for p in (lead, measure) if p)
        return named or " ".join(col_path) or None
    own = _bare_label(own)
    if parent and _subject_rules()[1].match(own):
        own = parent  # "Phân theo loại hình kinh tế" only groups: the row holds its parent's figures
    elif parent and own and not (_words(own) & _words(parent)):
        own = f"{parent} {own}"
    measure = _measure(col_path)
    if measure and not _words(measure) <= _words(own):
        own = f"{measure} {own}".strip()
    for outer in col_path[:-1]:
        # an outer header that names what or whom its columns measure ("Lâm Đồng › Điểm số", "PAR Index ›
        # Thứ hạng") qualifies the cell; one naming a role, a comparison or a period says nothing
        named = _measure([outer]) or (outer if _ACRONYM.fullmatch(outer) else "")
        if named and not _words(named) <= _words(own):
            own = f"{own} – {named}" if own else named
    if not own and col_path:
        own = " ".join(col_path)
    return own or None


@cache
def _year_header():
    return regex.compile(catalog.load("tables")["year_header"], _FLAGS)


# asked of each column header by every table pass and of a row's cells (text_cells): remembered per document
# (emptied by `forget`); the result depends on the header text and the rules alone
@lru_cache(maxsize=1024)
def _column_kind(header: str) -> str | None:
    comp = _rules()[0]
    key = strip_accents(fold(header))
    for kind, rx in comp.items():
        if rx.search(key):
            return kind
    return None


def _header_role(header: str) -> str | None:
    for role, rx in _rules()[1]:
        if rx.search(header):
            return role
    return None


def _unit_of(dvt: str):
    """Unit, base unit and scale of an ĐVT cell, read by the number grammar itself ("1 tỷ đồng")."""
    dvt = next((unit for rx, unit in _rules()[6] if rx.match(dvt)), dvt)
    found = find_numbers(f"1 {dvt}")
    if found and found[0].unit:
        m = found[0]
        return m.unit, m.base_unit or m.unit, float(m.base_value)
    return dvt.lower() or None, dvt.lower() or None, 1.0


def _before_plan(period: Period | None, plan: Period | None) -> bool:
    """Whether a cell's period ended before the plan's own starts (a result cited in a plan's table)."""
    return bool(period and plan and plan.start and period.end and period.end < plan.start)


@lru_cache(maxsize=256)
def _header_unit(header: str):
    """Unit, base unit and scale named in brackets at the end of a column header ("Vốn đầu tư dự kiến (tỷ đồng)"),
    or None when the bracket holds no unit as a whole ("(PAR INDEX)", "(1)")."""
    m = _rules()[9].search(header)
    if not m:
        return None
    text = fold(m.group("unit")).strip()
    found = find_numbers(f"1 {text}")
    if not found or not found[0].unit or fold(found[0].raw).strip() != f"1 {text}":
        return None
    return found[0].unit, found[0].base_unit or found[0].unit, float(found[0].base_value)


def forget() -> None:
    """Empty the column headers' memory (_measure_of, _column_kind): called per document, as numbers.forget."""
    _measure_of.cache_clear()
    _column_kind.cache_clear()


def is_layout_table(block: Block) -> bool:
    """Letterheads, signature blocks and recipient lists: tables used to place text, not to hold data."""
    return _is_layout_text(block.text)


@lru_cache(maxsize=1)
def _is_layout_text(text: str) -> bool:
    """is_layout_table of a table's text, remembered for the next call: the table's figures and then its text
    cells ask of the same table in turn; a text without any word the layout patterns need is not searched."""
    words = _layout_words()
    if words and not any(map(caseless(text).__contains__, words)):
        return False
    return bool(_rules()[2].search(text))


@cache
def _layout_words() -> tuple[str, ...]:
    """Words one of which every layout pattern's match holds (extract/language/literals.py; () for none)."""
    return key_words(_rules()[2].pattern)


def _grid(table) -> list[dict[int, tuple[Cell, bool]]]:
    """Per row, grid column -> (cell covering it, whether the cell starts in this row)."""
    out: list[dict[int, tuple[Cell, bool]]] = [{} for _ in range(table.n_rows)]
    index = {row[0].row: i for i, row in enumerate(table.rows) if row}
    for row in table.rows:
        for c in row:
            start = index.get(c.row)
            if start is None:
                continue
            for dr in range(c.rowspan):
                ri = start + dr
                if ri < len(out):
                    for dc in range(c.colspan):
                        out[ri].setdefault(c.col + dc, (c, dr == 0))
    return out


def _is_bare(text: str) -> bool:
    return bool(_BARE.match(text) or _DOT_DECIMAL.match(text))


def _is_code_row(cells: list[str]) -> bool:
    """The column-number row ("A | B | C | 1 | 2 | 3 | 7=3/2" or "(1) | (2) | (3)"), also as OCR misreads
    it: at least three small column numbers rising one by one (a gap for a misread one) and no real number."""
    filled = [t.strip() for t in cells if t.strip()]
    if len(filled) >= 3 and all(_COLUMN_CODE.match(t) for t in filled):
        return True
    nums = [int(t.strip("()")) for t in filled if _SMALL_NUMBER.fullmatch(t)]
    rising = len(nums) >= 3 and all(0 < b - a <= 2 for a, b in zip(nums, nums[1:], strict=False))
    return rising and not any(_DECIMAL_MARK.search(t) for t in filled)


def _header_count(grid, n_cols: int) -> int:
    """Rows above the first data row: one with a bare number outside the first column."""
    for ri, g in enumerate(grid[:_HEADER_ROWS_MAX + 1]):
        texts = [g[c][0].text for c in sorted(g)]
        if _is_code_row(texts):
            continue
        if any(_is_bare(g[c][0].text) and g[c][1] for c in sorted(g) if c > 1):
            return ri
    return 1 if len(grid) > 1 else 0  # no bare number anywhere: the first row is still the header


def _mentions(text: str):
    """Numbers of a value cell; a dot decimal ("8.00") is read as the decimal it is."""
    if _DOT_DECIMAL.match(text):
        return find_numbers(text.replace(".", ","))
    return find_numbers(text)


def _too_wordy(text: str) -> bool:
    """Whether `text` is no value cell whatever the number grammar finds in it, found without its exclusion
    passes: the words that touch no stretch a figure-number could span (`figure_reach`) stay whole in
    `_is_value_cell`'s rest, and there are more of them than it allows."""
    if len(_WORD.findall(text)) <= _WORDS_MAX:
        return False
    stretches = figure_reach(text)  # in text order: read only as far as the words counted so far
    reach: list[tuple[int, int]] = []  # the stretches that start before the current word ends
    ahead = next(stretches, None)
    outside = 0
    for w in _WORD.finditer(text):
        while ahead and ahead[0] < w.end():
            reach.append(ahead)
            ahead = next(stretches, None)
        if not any(w.start() < b for _, b in reach):
            outside += 1
            if outside > _WORDS_MAX:  # a long sentence is known by its first words
                return True
    return False


def _is_value_cell(text: str, mentions) -> bool:
    if not mentions:
        return False
    rest = text
    for m in sorted(mentions, key=lambda m: -m.start):
        rest = rest[: m.start] + " " + rest[m.end :]
    return len(_WORD.findall(rest)) <= _WORDS_MAX


def _period_of(text: str, year: int | None) -> Period | None:
    ym = _year_header().fullmatch(fold(text).rstrip("*").strip())
    if ym:
        return whole_year(int(ym.group(1)))
    periods = [pm.period for pm in find_periods(text, year) if pm.period]
    return periods[-1] if periods else None


_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")


def _header_period(path: list[str], year: int | None) -> Period | None:
    """The period a column header path names: its innermost level that names one, at that level's first
    mention ("ƯTH T10 so với T9/2012" is October), in the year that level or an outer one names."""
    for depth in range(len(path) - 1, -1, -1):
        text = path[depth]
        ym = next((m for lvl in [text] + path[:depth][::-1] if (m := _YEAR.search(lvl))), None)
        y = int(ym.group()) if ym else year
        found = [(pm.start, pm.period) for pm in find_periods(text, y) if pm.period]
        if y is not None:
            for kind, rx in _rules()[7]:
                for m in rx.finditer(text):
                    if kind == "month":
                        mo = int(m["m"])
                        found.append((m.start(), Period(date(y, mo, 1), month_end(y, mo), m.group())))
                    else:
                        n = int(m["months"])
                        found.append((m.start(), Period(date(y, 1, 1), month_end(y, n), m.group())))
        if found:
            return min(found, key=lambda sp: sp[0])[1]
    return None


def _years_span(labels: list[str]) -> Period | None:
    """The years of a year-labelled table ("2019" … "2025") as one period, for its totals row."""
    years = []
    for lab in labels:
        ym = _year_header().fullmatch(fold(lab).rstrip("*").strip())
        if ym:
            years.append(int(ym.group(1)))
    if len(years) < 2:
        return None
    return Period(whole_year(min(years)).start, whole_year(max(years)).end, f"{min(years)}-{max(years)}")


def _table_unit(block: Block, prev_text: str | None):
    """ "Đơn vị: tỷ đồng" / "ĐVT: triệu đồng" above the table (or in its first row)."""
    rx = _rules()[4]
    for text in (prev_text or "", block.table.rows[0][0].text if block.table.rows else ""):
        m = rx.search(text)
        if m:
            return _unit_of(fold(m.group("unit")))
    return None


def _stt_number(g, stt_col: int | None) -> str:
    """A row's dotted STT ("3.1.1", "2."): its place in the table's outline; "" for none."""
    text = fold(g[stt_col][0].text).strip().rstrip(".") if stt_col in g else ""
    return text if _STT.fullmatch(text) else ""


def _roman_stt(g, stt_col: int | None) -> str:
    """A row's roman STT ("III", "IV."): a top part of the table's outline; "" for none."""
    text = fold(g[stt_col][0].text).strip().rstrip(".") if stt_col in g else ""
    return text if _ROMAN.fullmatch(text) else ""


_INDEX_PART = regex.compile(r"[IVXL]{1,5}(?:\.\d{1,2})?")


def index_part(g, stt_col: int | None) -> bool:
    """Whether a row is a component of the index its table scores: a roman STT ("II", "III.1"), the outline's top
    parts, which name the index's components and, like its total row, belong to the index the heading names."""
    text = fold(g[stt_col][0].text).strip().rstrip(".") if stt_col in g else ""
    return bool(_INDEX_PART.fullmatch(text))


def _row_kind(label: str, has_values: bool) -> str:
    """group (no values), rate (Tỷ lệ ...), count (Số / Tổng số ...) or other: what a numbered row is to its
    sub-rows. Sub-rows of a rate are its numerator and denominator and of a group its topic: they share their
    qualifiers; sub-rows of a count are its parts and name their own."""
    if not has_values:
        return "group"
    bare, rules = _bare_label(label), _subject_rules()
    return "rate" if rules[5].match(bare) else "count" if rules[4].match(bare) else "other"


def table_figures(
    block: Block, sec, year: int | None, prev_text: str | None = None, carry: dict | None = None
) -> tuple[list[Figure], list[tuple[Figure, list[Figure]]]]:
    """Figures of every value cell of `block`'s table, and its totals as (total figure, part figures).
    `carry`: kept between the tables of a document and emptied by the caller at any text between two tables,
    so a table continuing the one right before it (as many columns) keeps its outline (a "3.2.2" row under the
    "3.2" of the table before)."""
    table = block.table
    if table is None or table.n_rows < 2 or is_layout_table(block):
        return [], []
    grid = _grid(table)
    n_cols = table.n_cols
    nh = _header_count(grid, n_cols)
    codes = [ri for ri, g in enumerate(grid[:nh]) if _is_code_row([g[c][0].text for c in sorted(g)])]
    if codes and codes[-1] > 0:
        nh = codes[-1] + 1  # the column-number row closes the header: a label row under it is a group row
    header_rows = [g for g in grid[:nh] if not _is_code_row([g[c][0].text for c in sorted(g)])]
    # column header path: the distinct header texts above each column, outer first
    col_path: dict[int, list[str]] = {}
    for c in range(1, n_cols + 1):
        path: list[str] = []
        for g in header_rows:
            if c in g:
                t = fold(g[c][0].text)
                if _WORD_OR_DIGIT.search(t) and (not path or path[-1] != t) and not _is_code_row([t, t, t]):
                    path.append(t)
        col_path[c] = path
    col_path = continued_header(bool(codes), bool(header_rows), n_cols, col_path, carry)
    kinds = {c: _column_kind(p[-1]) if p else None for c, p in col_path.items()}
    for c, p in col_path.items():
        if kinds[c] is None and p:
            kinds[c] = next((k for k in map(_column_kind, p) if k in ("unit", "note")), None)
    first = next((c for c in sorted(kinds) if kinds[c] != "stt"), None)
    if first is not None and kinds[first] == "unit":
        kinds[first] = "label"  # a unit column never comes before the row labels: "STT | Đơn vị | Điểm" lists agencies
    if "content" in kinds.values() and ("owner" in kinds.values() or "deadline" in kinds.values()):
        return [], []  # a task table: its numbers are STT and dates
    data = [g for g in grid[nh:] if not _is_code_row([g[c][0].text for c in sorted(g)])]
    # the row header: the first column that is neither STT nor a value column
    stt_cols = {c for c, k in kinds.items() if k == "stt"}
    label_col = _label_column(data, n_cols, stt_cols | {c for c, k in kinds.items() if k == "unit"})
    unit_col = next((c for c, k in kinds.items() if k == "unit"), None)
    # columns left of the row header are STT / codes, never values
    skip = stt_cols | set(range(1, label_col + 1)) | ({unit_col} if unit_col else set())
    skip |= {c for c, k in kinds.items() if k in ("note", "content", "owner", "deadline", "status")}
    table_unit = _table_unit(block, prev_text)
    labels = [fold(g[label_col][0].text) if label_col in g else "" for g in data]
    if block.ocr:
        labels = [ocr_label(t or label_beside(g, label_col, unit_col)) for g, t in zip(data, labels, strict=True)]
    stt_col = min(stt_cols) if stt_cols else None
    carry = {} if carry is None else carry
    outline: dict[str, tuple[str, str]] = carry.get("rows", {}) if carry.get("n_cols") == n_cols else {}
    carry.update(n_cols=n_cols, rows=outline)  # STT -> (row kind, label) of the numbered rows so far
    lead = lead_in_subject(prev_text)
    stock = lead_in_stock(prev_text, sec)
    index = index_name(sec)
    label_head = col_path.get(label_col, [])
    who = bool(label_head) and bool(_subject_rules()[11].match(label_head[-1]))
    caption = caption_topic(prev_text) if who else ("", "")
    span = _years_span(labels)
    total_rx = _rules()[3]
    alias_ids = fig_rules().alias_ids
    column_reading: dict[int, tuple] = {}  # column -> (role, period) its header path gives
    out: list[Figure] = []
    cell_fig: dict[tuple[int, int], Figure] = {}  # (data row, column) -> the cell's single figure
    group: list[str] = []
    group_part = ""  # the roman STT of the group row: the next roman part ends the group
    top = ""  # the last row of the table's outer level: the parent of a sub-item row ("- Kinh tế nhà nước")
    whole = ""  # a roman row holding values ("II | Chi thường xuyên | 41.200"): the whole its arabic rows are parts of
    last_dvt = ""
    for ri, g in enumerate(data):
        label = labels[ri]
        row_values = [c for c in sorted(g) if c not in skip and g[c][1]]
        number = _stt_number(g, stt_col)
        part = _roman_stt(g, stt_col)
        if part and group_part and part != group_part:
            group, group_part = [], ""  # "IV | Số hóa hồ sơ" after the group row "III": a sibling, not a child
        up = outline.get(number.rsplit(".", 1)[0]) if "." in number else None
        has_values = any(_mentions(fold(g[c][0].text)) for c in row_values)
        if number and label:
            outline[number] = (_row_kind(label, has_values), label)
        core = row_core(label) if label else ""
        if index and core and _index_rules()[0].match(core) and not _words(index) <= _words(core):
            core = f"{core} {index}"  # "CHỈ SỐ CHUNG" under "I. CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)"
        elif index and core and index_part(g, stt_col) and not _words(index) <= _words(core):
            core = f"{core} {index}"  # "II | Tiến độ, kết quả giải quyết" of "(CHỈ SỐ 766)": a part of the index
        if up and up[0] in ("group", "rate") and core:
            core = inherit_qualifier(core, up[1])
        if label and not has_values:
            group, group_part = [label], part  # a group row ("I. Giá trị SXCN"): the parent of the rows under it
            if not _subject_rules()[1].match(_bare_label(label)):
                top = _bare_label(label)
            continue
        row_path = [p for p in group + [label] if p]
        am = first_alias(label)
        indicator = alias_ids[am.group().lower()] if am else None
        own_dvt = fold(g[unit_col][0].text) if unit_col and unit_col in g else ""
        dvt = last_dvt if _rules()[5].match(own_dvt) else own_dvt
        last_dvt = dvt
        is_total_row = bool(total_rx.match(label))
        # a row labelled by a period ("2019", "Quý I/2026") is that period; a long label's year is its topic's
        short = label and len(label) <= _PERIOD_LABEL_MAX
        row_period = span if (is_total_row and span) else _period_of(label, year) if short else None
        sub_item = bool(_subject_rules()[0].match(label))
        if part:
            whole = "" if is_total_row else _bare_label(label)
        parent = "" if up else top if sub_item else (
            _bare_label(group[0]) if group else whole if number.isdigit() else "")
        if not sub_item and not is_total_row and not _subject_rules()[1].match(_bare_label(label)):
            top = _bare_label(label)
        for c in row_values:
            cell = g[c][0]
            quote = fold(cell.text)
            if _SPLIT_RATIO.match(quote):
                quote = _SLASH_SPACE.sub("/", quote)  # "9,49/ 9,5" (a line break after the slash): one ratio
            if _too_wordy(quote):
                continue  # a sentence, whatever its numbers: not read here (text_cells reads it as prose)
            mentions = _mentions(quote)
            if not _is_value_cell(quote, mentions):
                continue
            header = PATH_SEP.join(col_path[c])
            if c not in column_reading:  # the same for every row: read once a column
                column_reading[c] = (_header_role(header), _header_period(col_path[c], year))
            header_role, header_period = column_reading[c]
            period = header_period or row_period
            # a column that names no role holds the plan's figures in a plan part, and in a document approving a
            # plan or a list of projects ("Quy mô", "Vốn đầu tư dự kiến") and in a kế hoạch's annex ("Số lớp" of an
            # enrolment plan's quotas by school) unless its period ended before the plan's
            plan_doc = sec.plan_approval or is_plan_document(sec.meta.doc_type)
            planned = sec.plan or (plan_doc and not _before_plan(period, sec.meta.period))
            role = header_role or ("target" if planned else "actual")
            at_day = period is None and stock is not None and role != "target"
            period = period or (stock if at_day else sec.period)
            for m in mentions:
                unit, base_unit, scale = m.unit, m.base_unit, 1.0
                m_role = role
                if m.kind in ("ratio_part", "ratio_whole"):
                    got = ratio_cell(m.kind, float(m.value), col_path[c][-1] if col_path[c] else "", role)
                    if got is None or total_scale(m.kind, col_path[c][-1] if col_path[c] else "", row_core(label),
                                                  " ".join(col_path[c][:-1])):
                        continue  # the scale of a score ("83,1/100", an index total's "41,02/80")
                    m_role = got[0]
                    if got[1]:
                        unit = base_unit = got[1]
                if unit is None and may_hold(_rules()[8], header) and _rules()[8].search(header):
                    unit = base_unit = "%"  # "So với KH (%)": the column, not the row's ĐVT, gives the unit
                elif unit is None and dvt and "%" in dvt:
                    unit = base_unit = "%"
                elif unit is None and dvt and "=" not in dvt:
                    unit, base_unit, scale = _unit_of(dvt)
                elif unit is None and (column_unit := _header_unit(col_path[c][-1] if col_path[c] else "")):
                    unit, base_unit, scale = column_unit
                elif unit is None and table_unit:
                    unit, base_unit, scale = table_unit
                f = mention_figure(
                    m,
                    quote,
                    cell.location(block.location),
                    block,
                    period,
                    unit=unit,
                    base_unit=base_unit,
                    scale=scale,
                    indicator=indicator,
                    subject=(m.kind == "ratio_whole" and rank_whole_subject(float(m.value), header))
                    or (who_subject(_bare_label(label), col_path[c], caption) if who
                        else cell_subject(core, parent, col_path[c], bool(short and row_period), lead)),
                    role=m_role,
                    point_in_time=at_day,
                    page=cell.page or block.page,
                    row_header=PATH_SEP.join(row_path) or None,
                    col_header=header or None,
                )
                out.append(f)
                if len(mentions) == 1:
                    cell_fig[(ri, c)] = f
    return out, _totals(data, labels, col_path, cell_fig, skip, n_cols)


def label_beside(g, label_col: int, unit_col: int | None) -> str:
    """The label of a scanned row whose label cell OCR left empty and put its words one column further right ("" |
    "- Doanh nghiệp có vốn n.ngoài" | "n" | "670,0", where the rows above read "- Doanh nghiệp ..." | "Tr.USD" |
    ...): that next cell, when it holds words and no number and is not the ĐVT column; else ""."""
    c = label_col + 1
    if c == unit_col or c not in g:
        return ""
    text = fold(g[c][0].text)
    return text if _TWO_LOWER.search(text) and not _mentions(text) else ""


def ocr_label(label: str) -> str:
    """A scanned table's row label without the vertical rules OCR reads as "|" (and "_") nor the STT cell it
    merged in front: "| 2 |Giá trị xuất khẩu" -> "Giá trị xuất khẩu", "| _ |- Doanh nghiệp" -> "- Doanh nghiệp"."""
    parts = [p.strip(" _") for p in label.split("|")]
    parts = [p for p in parts if p]
    if len(parts) > 1 and _STT_PART.fullmatch(parts[0]):
        parts = parts[1:]
    return " ".join(parts)


def continued_header(coded: bool, worded: bool, n_cols: int, col_path: dict[int, list[str]],
                     carry: dict | None) -> dict[int, list[str]]:
    """A table whose header is its column-number row alone ("A | B | C | 1 | 2 | ... | 7=3/2") continues the last
    table that had that row, worded headers above it and as many columns: an annex printed over several pages
    repeats only the number row on the next page, so the cells take that table's column headers. `coded`: the
    table has a column-number row; `worded`: header rows with words. A worded, numbered header is remembered."""
    if carry is None or not coded:
        return col_path
    if worded:
        carry["coded"] = (n_cols, col_path)
        return col_path
    n, path = carry.get("coded", (None, None))
    return dict(path) if n == n_cols else col_path


def _label_column(data, n_cols: int, skip: set[int]) -> int:
    """The row header column: the leftmost whose cells are mostly words (not STT numbers, not values); a
    table whose rows are labelled by years or numbers takes its first column that is not STT."""
    counts = {}
    for c in range(1, n_cols + 1):
        if c in skip:
            continue
        own = [g[c][0].text for g in data if c in g and g[c][1] and g[c][0].text.strip()]
        wordy = [t for t in own if len(_LONG_WORD.findall(t)) >= 2]
        if own and len(wordy) >= 0.6 * len(own):
            return c
        counts[c] = len(wordy)
    best = max(counts, key=lambda c: (counts[c], -c), default=None)
    if best is not None and counts[best]:
        return best
    return next((c for c in range(1, n_cols + 1) if c not in skip), 1)


def _totals(data, labels, col_path, cell_fig, skip, n_cols):
    """Totals rows (Tổng, Tổng cộng, Cộng) over the rows above them, totals columns over the columns left."""
    total_rx = _rules()[3]
    out = []
    start = 0
    for ri, label in enumerate(labels):
        if not total_rx.match(label):
            continue
        for c in range(1, n_cols + 1):
            total = cell_fig.get((ri, c))
            parts = [cell_fig[(r, c)] for r in range(start, ri) if (r, c) in cell_fig]
            if total is not None and len(parts) >= 2:
                out.append((total, parts))
        start = ri + 1
    total_cols = [c for c, p in col_path.items() if p and total_rx.match(p[-1]) and c not in skip]
    for tc in total_cols:
        value_cols = [c for c in range(1, tc) if c not in skip and col_path.get(c) and "%" not in col_path[c][-1]]
        for ri in range(len(data)):
            total = cell_fig.get((ri, tc))
            parts = [cell_fig[(ri, c)] for c in value_cols if (ri, c) in cell_fig]
            if total is not None and parts:
                out.append((total, parts))
    return out
