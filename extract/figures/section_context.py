"""Section context: what a figure's section heading and the clause before its number say about what it counts, past
its own words. Three rules of provincial reports:
- a balance (carried over, received, now held: "Kỳ trước chuyển qua 06 đối tượng", "Hiện có: 350 học viên") is of a
  holder: the institution its section's heading names ("6.3. Vận hành Cơ sở cai nghiện ma túy") when its subject is
  short and names none (label_lines.py gives a list lead-in's activity to its balances the same way);
- an assignment that names no recipient ("02 nhiệm vụ trọng tâm đã được giao") was made to the bodies its section's
  heading is only the name of ("10. Sở Y tế và Sở Tài chính");
- the cases and persons an administrative sanction counts ("Xử lý hành chính 10 vụ, 22 đối tượng") are violations.
Runs after label_lines.py, on the subjects it leaves. Words as data: rules/label_lines.yaml (`balance_labels`,
`holder_nouns`, `assigned`, `body_headings`, `sanction_labels`, `sanctioned`, `sanctioned_nouns`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import regex

from extract import catalog
from extract.language.subjects import content_words
from extract.model import Block, Figure

_FLAGS = regex.IGNORECASE | regex.V1
_SHORT_SUBJECT = 6  # content words of a balance's subject short enough to take its heading's holder
_HOLDER_WORDS_MAX = 8  # a holder a heading names is this short at most
_BODY_HEADING_WORDS = 12  # a heading this short that opens with a body's head word is that body's name
_CLAUSE_CUT = regex.compile(r"[;,.!?]")
_HEADING_NUMBER = regex.compile(r"^\s*(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s*")


@dataclass(frozen=True)
class ContextWords:
    balance: regex.Pattern  # a balance label: "Kỳ trước chuyển qua", "tiếp nhận", "Hiện có"
    holder: regex.Pattern  # the head noun of an institution a heading names: "Cơ sở cai nghiện", "Trung tâm"
    holder_end: regex.Pattern  # where the holder's name ends: a conjunction, comma or parenthesis
    assigned: regex.Pattern  # an assignment naming no recipient: "được giao" not followed by "cho"
    body: regex.Pattern  # the opening of a heading that is a body's name: "Sở", "Chi cục", "Thuế"
    sanction: regex.Pattern  # an administrative sanction: "xử lý hành chính"
    violation: str  # the word for what a sanction is imposed on: "vi phạm"
    sanctioned: regex.Pattern  # the nouns that count it: "vụ", "đối tượng"


@cache
def context_words() -> ContextWords:
    """The words of rules/label_lines.yaml these rules read (the file's keys are checked by label_lines.py)."""
    data = catalog.load("label_lines")

    def alt(key: str) -> str:
        return "|".join(data[key])

    try:
        return ContextWords(
            balance=regex.compile(alt("balance_labels"), _FLAGS),
            holder=regex.compile(rf"\b(?:{alt('holder_nouns')})", _FLAGS),
            holder_end=regex.compile(rf"[,;:(]|\s(?:{alt('conjunctions')})\s", _FLAGS),
            assigned=regex.compile(alt("assigned"), _FLAGS),
            body=regex.compile(rf"^(?:{alt('body_headings')})\b", _FLAGS),
            sanction=regex.compile(alt("sanction_labels"), _FLAGS),
            violation=str(data["sanctioned"]),
            sanctioned=regex.compile(rf"(?:{alt('sanctioned_nouns')})", _FLAGS),
        )
    except (KeyError, TypeError, regex.error) as exc:
        raise catalog.RuleError(f"label_lines.yaml: {exc}") from exc


def _clause_before(f: Figure) -> str:
    """The words of `f`'s clause before its number (after the last comma, semicolon or full stop)."""
    return _CLAUSE_CUT.split(f.quote[: f.char_start])[-1]


def is_balance(f: Figure) -> bool:
    """Whether the clause of `f` before its number labels it as a balance ("Kỳ trước chuyển qua 06 đối tượng")."""
    return context_words().balance.search(_clause_before(f)) is not None


def heading_holder(heading: str) -> str:
    """The institution a section heading names ("6.3. Việc tiếp nhận và vận hành Cơ sở cai nghiện ma túy" -> "Cơ sở
    cai nghiện ma túy"): its words from a capitalised holder noun on, up to a conjunction, comma or parenthesis; ""
    when it names none."""
    words = context_words()
    found = next((m for m in words.holder.finditer(heading) if m.group()[0].isupper()), None)
    if found is None:
        return ""  # an institution is named by its proper name: "các trường học" is not one
    name = words.holder_end.split(heading[found.start() :], maxsplit=1)[0].strip(" .")
    return name if len(name.split()) <= _HOLDER_WORDS_MAX else ""


def heading_body(heading: str) -> str:
    """The bodies a section heading is only the name of ("10. Chi cục Thuế khu vực XIII và Sở Xây dựng" -> "Chi cục
    Thuế khu vực XIII và Sở Xây dựng"): a short heading with no number in it that opens with a capitalised body
    head word; "" for other headings."""
    name = _HEADING_NUMBER.sub("", heading).strip(" .:")
    if not name or not name[0].isupper() or regex.search(r"\d", name) or len(name.split()) > _BODY_HEADING_WORDS:
        return ""
    return name if context_words().body.match(name) else ""


def with_holder(f: Figure, holder: str) -> Figure:
    """A short count its clause labels as a balance ("Hiện có: 350 học viên", "tiếp nhận 120 người") with the holder
    its section's heading names ("học viên Hiện có Cơ sở cai nghiện ma túy"); a subject that names a holder of its
    own is kept."""
    subj = f.subject
    if not holder or not subj or f.unit in (None, "%") or len(content_words(subj)) > _SHORT_SUBJECT:
        return f
    if not is_balance(f) or context_words().holder.search(subj) is not None:
        return f
    return replace(f, subject=f"{subj} {holder}")


def with_recipient(f: Figure, body: str) -> Figure:
    """A count its subject says was assigned, naming no recipient ("nhiệm vụ trọng tâm đã được giao"), with the
    bodies its section's heading names: they were assigned it ("... đã được giao cho Sở Xây dựng")."""
    subj = (f.subject or "").rstrip(" .,;")
    found = context_words().assigned.search(subj) if body else None
    if found is None or found.end() != len(subj):
        return f
    return replace(f, subject=f"{subj} cho {body}")


def with_violation(f: Figure) -> Figure:
    """A count of cases or persons an administrative sanction names ("Xử lý hành chính 10 vụ, 22 đối tượng") with
    the word that says they are violations ("vụ vi phạm"); a subject that says so already is kept, and a dossier
    ("lập 784 hồ sơ xử lý hành chính") or a fine counts the procedure."""
    subj, noun, words = f.subject, f.unit or "", context_words()
    if not subj or not words.sanctioned.fullmatch(noun) or words.violation.casefold() in subj.casefold():
        return f
    if words.sanction.search(subj) is None and words.sanction.search(_clause_before(f)) is None:
        return f
    at = regex.search(rf"\b{regex.escape(noun)}\b", subj, _FLAGS)
    if at is None:
        return replace(f, subject=f"{subj} {words.violation}")
    return replace(f, subject=f"{subj[: at.end()]} {words.violation}{subj[at.end() :]}")


def section_subjects(blocks: list[Block], figures: list[Figure]) -> list[Figure]:
    """`figures` with what their section heading and clause add to their subjects (order kept); the heading in force
    is the nearest one above a figure's block (a table's cells are named by their table)."""
    context: dict[str, tuple[str, str]] = {}  # location -> (holder, bodies) of its section's heading
    holder = body = ""
    for block in blocks:
        if block.kind == "heading":
            holder, body = heading_holder(block.text), heading_body(block.text)
        elif block.kind != "table":
            context[block.location] = (holder, body)
    out = list(figures)
    for i, f in enumerate(out):
        if f.location in context:
            holder, body = context[f.location]
            out[i] = with_violation(with_recipient(with_holder(f, holder), body))
    return out


def heading_counts(blocks: list[Block], figures: list[Figure]) -> list[Figure]:
    """`figures` with a count a heading names briefly ("5. Kết quả triển khai ... 19 nhiệm vụ trọng tâm") named as the
    part under it first restates it in full, the same value and unit ("Đẩy mạnh chỉ đạo triển khai 19 nhiệm vụ trọng
    tâm Đề án 06 theo ..."): that figure's subject when it holds all of the heading's words and more (order kept)."""
    part: dict[str, int] = {}  # location -> the number of the heading part it is in
    headings: set[str] = set()
    for block in blocks:
        if block.kind == "heading":
            headings.add(block.location)
        part[block.location] = len(headings)
    out = list(figures)
    for i, f in enumerate(out):
        own = set(content_words(f.subject)) if f.subject and f.location in headings else set()
        if not own or len(own) > _SHORT_SUBJECT or not f.unit:
            continue
        for g in out[i + 1 :]:
            if g.location == f.location:
                continue
            if part.get(g.location) != part[f.location]:
                break  # the part under the heading is over
            if g.value == f.value and g.unit == f.unit and g.subject:
                if own < set(content_words(g.subject)):
                    out[i] = replace(f, subject=g.subject)
                break  # the first restatement names it, or nothing does
    return out
