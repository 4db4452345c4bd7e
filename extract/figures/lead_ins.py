"""Lead-ins: a paragraph with no list marker that ends with a colon and names an activity ("Kết quả kiểm tra an toàn
thực phẩm như sau:") gives the marked items under it ("- Kiểm tra 120 cơ sở;") the activity their counts are results
of (label_lines.py keeps it in force). Words as data: rules/antecedents.yaml `lead_in_openers`, `lead_in_ends`.
"""

from __future__ import annotations

from functools import cache

import regex

from extract import catalog
from extract.figures.antecedents import antecedent_rules
from extract.language.numbers import Mention
from extract.language.subjects import content_words

_LEAD_IN_WORDS = 12  # words of the activity an unmarked lead-in names that its items still take
_SHORT_ITEM = 6  # content words of an item's subject short enough to take the lead-in's activity
_SENTENCE_END = regex.compile(r"[.!?…]\s+(?=\S)")


@cache
def _lead_in_words() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(the opener of an unmarked lead-in, the words that close it, a lead-in opening with a measure)."""
    data = antecedent_rules()
    try:
        return (regex.compile(r"^\s*(?:" + "|".join(data["lead_in_openers"]) + ")", regex.IGNORECASE),
                regex.compile("(?:" + "|".join(data["lead_in_ends"]) + ")", regex.IGNORECASE),
                regex.compile(data["lead_in_measure"], regex.IGNORECASE))
    except (KeyError, TypeError, regex.error) as exc:
        raise catalog.RuleError(f"antecedents.yaml lead_in_openers/lead_in_ends/lead_in_measure: {exc}") from exc


def lead_in_activity(text: str) -> str:
    """The activity a paragraph with no list marker names when it ends with a colon and opens its last sentence with
    a lead-in opener: "Kết quả kiểm tra an toàn thực phẩm dịp Tết như sau:" -> "kiểm tra an toàn thực phẩm dịp
    Tết"; "" for other paragraphs."""
    text = text.strip()
    if not text.endswith(":"):
        return ""
    last = _SENTENCE_END.split(text[:-1])[-1]
    opener, ends, _measure = _lead_in_words()
    head = opener.match(last)
    if head is None:
        return ""
    name = ends.sub("", last[head.end() :]).strip(" ,")
    if regex.search(r"\d", name) or not 0 < len(name.split()) <= _LEAD_IN_WORDS:
        return ""
    return name


def lead_in_measure(text: str) -> str:
    """The measure a paragraph with no list marker opens with before the things it is measured on, when it ends with
    a colon ("Dư nợ một số chương trình tín dụng đến 31/12/2026:" -> "Dư nợ", antecedents.yaml `lead_in_measure`):
    the values of the label lines under it ("- Cho vay hộ nghèo: 1.026,4 tỷ đồng") are of it; "" otherwise."""
    text = text.strip()
    if not text.endswith(":"):
        return ""
    last = _SENTENCE_END.split(text[:-1])[-1]
    opener, _ends, measure = _lead_in_words()
    named = None if opener.match(last) else measure.match(last)
    return " ".join(named.group("m").split()) if named else ""


def with_lead_in(subject: str | None, activity: str, m: Mention) -> str | None:
    """A short subject of an item under an unmarked lead-in with the words the lead-in's activity names beyond it:
    the words after the last one they share ("Kiểm tra cơ sở" + "kiểm tra an toàn thực phẩm" -> "Kiểm tra cơ sở
    an toàn thực phẩm"), all of it when they share none; a ratio's whole counts all there are and is left alone."""
    if not subject or not activity or m.kind == "ratio_whole" or len(content_words(subject)) > _SHORT_ITEM:
        return subject
    own = set(content_words(subject))
    words = list(regex.finditer(r"[\p{L}\p{N}]+", activity))
    shared = [w.end() for w in words if w.group().casefold() in own]
    more = activity[shared[-1] :] if shared else activity
    if not set(content_words(more)) - own:
        return subject
    return " ".join(f"{subject} {more.strip(' ,')}".split())


