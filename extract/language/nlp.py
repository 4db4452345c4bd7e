"""The spaCy layer: a Vietnamese pipeline whose tokens fit the number grammar, and the rule files as spans.

`vi_tokenizer` keeps syllables, Vietnamese numbers (6.018,3) and document codes (72/2025/QH15) whole and
splits punctuation off; one SpanRuler compiled from rules/spans.yaml and rules/indicators.yaml marks
identifier phrases, role and period cue words and indicator names in `doc.spans["baocao_rules"]`, and
`baocao_identifiers` turns "Đề án 06", "(trang 2)", "lần 1" into IDENTIFIER spans (numbers that are no figure).
No model is loaded: spacy.blank("vi") with rules only (pyvi word segmentation is not used, see README).
spaCy is imported on first use, so a process that never reads text (the warehouse writer) does not pay for it.
"""

from __future__ import annotations

from functools import cache

import regex

from extract import catalog
from extract.catalog import RuleError

SPANS_KEY = "baocao_rules"
IDENTIFIER = "IDENTIFIER"
IDENTIFIER_CUE = "IDENTIFIER_CUE"
INDICATOR = "INDICATOR"
CUE_LABELS = ("ROLE_NORM", "NORM_TOPIC", "FREQUENCY", "NORM_RATE", "NORM_AFTER", "ROLE_EXAMPLE", "ROLE_TARGET", "PURPOSE", "TARGET_AFTER", "DIRECTIVE",
              "PLAN_ITEMS", "ROLE_SHARE", "SHARE_AFTER", "WHOLE_BEFORE", "RESTATE", "POINT_IN_TIME", "PLAN_DOCUMENT",
              "EXCESS", "STOCK_STATE", "SHARE_PLURAL")

# A whitespace chunk is one token when it is a number ("6.018,3", "-2,5", "171/280", "01/7/2025"), a
# document code ("72/2025/QH15", "617/TTr-UBND") or a clock time; otherwise punctuation splits off it.
_TOKEN_MATCH = regex.compile(
    r"[-−]?[0-9]+(?:[.,/:][0-9]+)*"
    r"|[0-9]+(?:/[0-9]+)*[-/]\p{Lu}[\p{L}\p{N}&./-]*[\p{L}\p{N}]"
    r"|[0-2]?[0-9]h(?:[0-5][0-9])?"
    r"|\w+://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_PREFIX = regex.compile(r"""^[(\[{"'“‘«„<*•–—-]""")
_SUFFIX = regex.compile(r"""(?:[)\]}"'”’»>,;:!?…%]|\.{1,3})$""")
_INFIX = regex.compile(r"(?<=\p{L})/(?=[\p{L}\p{N}])")  # "trực tuyến/62.089", "đồng/người/tháng"


def _tokenizer(vocab):
    from spacy.tokenizer import Tokenizer

    return Tokenizer(
        vocab,
        prefix_search=_PREFIX.search,
        suffix_search=_SUFFIX.search,
        infix_finditer=_INFIX.finditer,
        token_match=_TOKEN_MATCH.fullmatch,
        rules={"tr.": [{"ORTH": "tr."}], "TP.": [{"ORTH": "TP."}], "Tp.": [{"ORTH": "Tp."}]},
    )


def vi_tokenizer():
    """spaCy registry entry (entry point `spacy_tokenizers`): `@tokenizers = "baocao.vi_tokenizer.v1"`."""

    def create(nlp):
        return _tokenizer(nlp.vocab)

    return create


def _words(where: str, items) -> list[str]:
    if not isinstance(items, list) or not all(isinstance(w, str) and w.strip() for w in items):
        raise RuleError(f"spans.yaml {where}: expected a list of non-empty strings")
    return [" ".join(w.split()) for w in items]


@cache
def _identifier_rules() -> dict:
    """rule id -> compiled regex of the number that follows its phrases (rules/spans.yaml identifiers)."""
    data = catalog.load("spans")
    if set(data) != {"identifiers", "number_word", "cues"}:
        raise RuleError("spans.yaml: expected the keys identifiers, number_word, cues")
    out = {}
    for entry in data["identifiers"]:
        if set(entry) != {"id", "note", "before", "number"} or entry["id"] in out:
            raise RuleError(f"spans.yaml identifiers: bad or duplicate entry {entry.get('id')!r}")
        try:
            out[entry["id"]] = regex.compile(entry["number"])
        except regex.error as exc:
            raise RuleError(f"spans.yaml identifier {entry['id']}: {exc}") from exc
    return out


def _number_word() -> str:
    """The word that may stand between an identifier phrase and its number ("Quyết định số 1187")."""
    return catalog.load("spans")["number_word"].lower()


def rule_patterns() -> list[dict]:
    """SpanRuler phrase patterns: identifier phrases and cue words (rules/spans.yaml), indicator names.

    All are phrases matched on lower-cased tokens (spaCy's PhraseMatcher): token patterns with a REGEX
    predicate cost ~10x more per sentence, so the number after an identifier phrase is checked in
    `mark_identifiers` instead.
    """
    data = catalog.load("spans")
    _identifier_rules()
    patterns: list[dict] = []
    for entry in data["identifiers"]:
        for phrase in _words(entry["id"], entry["before"]):
            patterns.append({"label": IDENTIFIER_CUE, "id": entry["id"], "pattern": phrase})
    for label, phrases in data["cues"].items():
        if label not in CUE_LABELS:
            raise RuleError(f"spans.yaml cues: unknown label {label!r}")
        for phrase in _words(label, phrases):
            patterns.append({"label": label, "pattern": phrase})
    for ind in catalog.indicators():
        for name in ind.names:
            patterns.append({"label": INDICATOR, "id": ind.id, "pattern": name})
    return patterns


def mark_identifiers(doc):
    """An identifier phrase followed (maybe after "số") by a number of its rule's form: an IDENTIFIER span."""
    rules = _identifier_rules()
    group = doc.spans[SPANS_KEY]
    found = []
    for span in group:
        if span.label_ != IDENTIFIER_CUE:
            continue
        i = span.end
        if i < len(doc) and doc[i].lower_ == _number_word() and doc[i - 1].lower_ != _number_word():
            i += 1
        if i < len(doc) and rules[span.id_].fullmatch(doc[i].text):
            found.append(_span(doc, span.start, i + 1, span.id_))
    if found:
        group.extend(found)
    return doc


def _span(doc, start: int, end: int, span_id: str):
    from spacy.tokens import Span

    return Span(doc, start, end, label=IDENTIFIER, span_id=span_id)


def _register() -> None:
    """Register the tokenizer and the identifier component with spaCy (once; entry points do it for others)."""
    from spacy.language import Language
    from spacy.util import registry

    if "baocao.vi_tokenizer.v1" not in registry.tokenizers.get_all():
        registry.tokenizers.register("baocao.vi_tokenizer.v1", func=vi_tokenizer)
    if not Language.has_factory("baocao_identifiers"):
        Language.component("baocao_identifiers", func=mark_identifiers)


def add_rules(nlp, name: str = "baocao_rules"):
    """Add the SpanRuler of the rule files and the identifier marker to `nlp`."""
    _register()
    ruler = nlp.add_pipe(
        "span_ruler", name=name, config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER"}
    )
    ruler.add_patterns(rule_patterns())
    nlp.add_pipe("baocao_identifiers")
    return nlp


@cache
def pipeline():
    """spacy.blank("vi") with the baocao tokenizer and the rule spans (cached: built once per process)."""
    import spacy

    _register()
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "baocao.vi_tokenizer.v1"}}})
    return add_rules(nlp)


def rule_spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, label, id) character spans of the rule matches in `text`, in text order."""
    doc = pipeline()(text)
    return sorted((s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans[SPANS_KEY])


@cache
def _identifier_matcher():
    """The identifier phrases alone: the number grammar asks for nothing else, on every text it reads."""
    from spacy.matcher import PhraseMatcher

    nlp = pipeline()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for p in rule_patterns():
        if p["label"] == IDENTIFIER_CUE:
            matcher.add(p["id"], [nlp.make_doc(p["pattern"])])
    return matcher


def cue_phrases(label: str) -> tuple[str, ...]:
    """The phrases of one cue label of rules/spans.yaml (lower-cased)."""
    if label not in CUE_LABELS:
        raise KeyError(label)
    return tuple(w.lower() for w in _words(label, catalog.load("spans")["cues"].get(label, [])))


@cache
def _identifier_prefilter() -> regex.Pattern:
    """Any identifier phrase before a digit: texts without one skip the tokenizer (most of a report's text)."""
    phrases = sorted({p["pattern"].lower() for p in rule_patterns() if p["label"] == IDENTIFIER_CUE}, key=len)
    alt = "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in reversed(phrases))
    return regex.compile(rf"(?<!\w)(?:{alt})\W{{0,3}}(?:\w+\s+)?[0-9]", regex.IGNORECASE)


def identifier_spans(text: str) -> list[tuple[int, int, str]]:
    """Character spans of the identifier numbers of `text` ("06" of "Đề án 06"), with their rule id."""
    if not _identifier_prefilter().search(text):
        return []
    try:
        doc = pipeline().make_doc(text)
    except UnicodeEncodeError:  # a lone surrogate (broken input) has no UTF-8 form for spaCy's string store
        return []
    rules = _identifier_rules()
    out = []
    for match_id, _start, end in _identifier_matcher()(doc):
        rid = doc.vocab.strings[match_id]
        i = end
        if i < len(doc) and doc[i].lower_ == _number_word() and doc[end - 1].lower_ != _number_word():
            i += 1
        if i < len(doc) and rules[rid].fullmatch(doc[i].text):
            out.append((doc[i].idx, doc[i].idx + len(doc[i].text), rid))
    return out
