"""The spaCy layer: a Vietnamese pipeline whose tokens fit the number grammar, and the rule files as spans.

`vi_tokenizer` keeps syllables, Vietnamese numbers (6.018,3) and document codes (72/2025/QH15) whole and
splits punctuation off; one SpanRuler compiled from rules/spans.yaml and rules/indicators.yaml marks
identifier phrases, role and period cue words and indicator names in `doc.spans["baocao_rules"]`, and
`baocao_identifiers` turns "Đề án 06", "(trang 2)", "lần 1" into IDENTIFIER spans (numbers that are no figure).
No model is loaded: spacy.blank("vi") with rules only (pyvi word segmentation is not used, see README).
spaCy is imported on first use, so a process that never reads text (the warehouse writer) does not pay for it.
"""

from __future__ import annotations

import re
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


# spaCy's package __init__ imports `spacy.cli.info` for its `spacy.info` function, and so the whole command line:
# downloads (requests, httpx), weasel's project commands, jinja2, rich: ~0.16 s of CPU and ~330 modules in every
# worker, which reads text and never runs a spaCy command. `import_spacy` imports spaCy with a stand-in for that
# one module, whose `info` imports and calls the real one (so `spacy.info()` still works), and takes the
# stand-in out of sys.modules at once, so `import spacy.cli` later loads the real command line. It is used only
# for the spaCy releases it was checked on, and only if spaCy is not imported yet; any failure falls back to a
# plain `import spacy` (tests/test_nlp.py).
# In the same way its __init__ imports `spacy.pipeline`, whose __init__ imports every trained component (parser,
# tagger, entity linker, lemmatizers, text classifiers: ~65 modules, ~0.03 s of a worker's start, the fixed cost of
# issue 18) for the names it exports. The figure stage uses none of them (it builds no Language, see `vocab`), so
# during the import `spacy.pipeline` is a stand-in package over the same folder: its submodules import as usual
# (`spacy.pipeline.span_ruler`, and all of them when a Language registers its factories), and the first name asked
# of it (`from spacy.pipeline import SpanRuler`, `spacy.pipeline.Tagger`) imports the real package in its place.
_SPACY_LIGHT = ("3.7.", "3.8.")


def _spacy_info(*args, **kwargs):
    """`spacy.info` (spacy.cli.info.info), imported when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy():
    """`import spacy` without its command line's imports (see above); returns the spacy module."""
    import sys

    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    try:
        from importlib.metadata import version

        light = version("spacy").startswith(_SPACY_LIGHT)
    except Exception:  # no metadata (a vendored copy): the plain import
        light = False
    if light and "spacy.cli.info" not in sys.modules and "spacy.pipeline" not in sys.modules:
        import types

        stand_in = types.ModuleType("spacy.cli.info")
        stand_in.info = _spacy_info
        sys.modules["spacy.cli.info"] = stand_in
        sys.modules["spacy.pipeline"] = _pipeline_stand_in()
        try:
            import spacy

            return spacy
        except Exception:
            for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
                del sys.modules[name]
        finally:
            if sys.modules.get("spacy.cli.info") is stand_in:
                del sys.modules["spacy.cli.info"]
    import spacy

    return spacy


def _pipeline_stand_in():
    """`spacy.pipeline` as a package that imports its real __init__ when first asked for a name (see above)."""
    import importlib
    import importlib.util
    import sys
    import types
    from pathlib import Path

    stand_in = types.ModuleType("spacy.pipeline")
    stand_in.__path__ = [str(Path(importlib.util.find_spec("spacy").origin).parent / "pipeline")]
    stand_in.__package__ = "spacy.pipeline"

    def real():
        if sys.modules.get("spacy.pipeline") is stand_in:
            del sys.modules["spacy.pipeline"]
        module = importlib.import_module("spacy.pipeline")  # binds spacy.pipeline to it
        for name, value in vars(stand_in).items():  # the submodules imported so far, as attributes
            if isinstance(value, types.ModuleType) and not hasattr(module, name):
                setattr(module, name, value)
        return module

    def __getattr__(name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(real(), name)

    stand_in.__getattr__ = __getattr__
    return stand_in


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
        if set(entry) - {"not_after"} != {"id", "note", "before", "number"} or entry["id"] in out:
            raise RuleError(f"spans.yaml identifiers: bad or duplicate entry {entry.get('id')!r}")
        try:
            out[entry["id"]] = regex.compile(entry["number"])
        except regex.error as exc:
            raise RuleError(f"spans.yaml identifier {entry['id']}: {exc}") from exc
    return out


@cache
def _not_after() -> dict[str, frozenset[str]]:
    """rule id -> the words after which its phrase is no identifier ("trong vòng 03 năm": within, not a round)."""
    out = {}
    for entry in catalog.load("spans")["identifiers"]:
        words = entry.get("not_after", [])
        out[entry["id"]] = frozenset(w.lower() for w in _words(entry["id"], words)) if words else frozenset()
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
    group = doc.spans[SPANS_KEY]
    found = [
        _span(doc, start, end, rid)
        for start, end, rid in _identifier_ends(doc, [(s.start, s.end, s.id_) for s in group if s.label_ == IDENTIFIER_CUE])
    ]
    if found:
        group.extend(found)
    return doc


def _identifier_ends(doc, cues) -> list[tuple[int, int, str]]:
    """(start, end, rule id) token spans of the identifiers that the (start, end, rule id) cue spans open."""
    rules = _identifier_rules()
    number_word = _number_word()
    not_after = _not_after()
    found = []
    for start, end, rid in cues:
        if start > 0 and doc[start - 1].lower_ in not_after[rid]:
            continue
        i = end
        if i < len(doc) and doc[i].lower_ == number_word and doc[i - 1].lower_ != number_word:
            i += 1
        if i < len(doc) and rules[rid].fullmatch(doc[i].text):
            found.append((start, i + 1, rid))
    return found


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
    """spacy.blank("vi") with the baocao tokenizer and the rule spans (cached: built once per process), on the
    vocabulary the figure stage's tokens use (`vocab()`), so its Docs and theirs mix."""
    spacy = import_spacy()
    _register()
    nlp = spacy.blank("vi", vocab=vocab(), config={"nlp": {"tokenizer": {"@tokenizers": "baocao.vi_tokenizer.v1"}}})
    return add_rules(nlp)


# The figure stage needs spaCy's tokenizer and phrase matchers, not a Language: `spacy.blank` resolves its
# config through confection and scans every installed package's entry points (~70 ms of CPU a worker start,
# ~0.2 s without the pattern cache), while the same vocabulary, tokenizer and matcher built directly take
# ~15 ms. `pipeline()` stays the spaCy pipeline for spaCy users (tests/test_nlp.py checks both agree).
MAX_LENGTH = 10**6  # spaCy's Language.max_length: a longer text is refused as `Language.make_doc` does


@cache
def vocab():
    """The Vietnamese vocabulary `spacy.blank("vi")` makes (spaCy's `create_vocab`: its lexeme attributes)."""
    import_spacy()
    from spacy.lang.vi import Vietnamese
    from spacy.vocab import create_vocab

    return create_vocab("vi", Vietnamese.Defaults)


@cache
def _vi_tokenizer():
    return _tokenizer(vocab())


def make_doc(text: str):
    """`pipeline().make_doc(text)` without building the pipeline: the baocao tokenizer on `vocab()`."""
    if len(text) > MAX_LENGTH:
        from spacy.errors import Errors

        raise ValueError(Errors.E088.format(length=len(text), max_length=MAX_LENGTH))
    return _vi_tokenizer()(text)


@cache
def _rules_matcher():
    """The rule patterns in a PhraseMatcher on lower-cased tokens, keyed as the pipeline's SpanRuler keys them
    (repr((label, id)), one `add` a pattern, in the same order), so it finds the same matches."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(vocab(), attr="LOWER")
    for p in rule_patterns():
        matcher.add(repr((p["label"], p.get("id", ""))), [make_doc(p["pattern"])])
    return matcher


def rule_spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, label, id) character spans of the rule matches in `text`, in text order.

    The same spans as `pipeline()(text).spans[SPANS_KEY]`, found without the pipeline's per-call costs (the
    SpanRuler's empty token matcher and its warnings filter, a Span object per match): the tokenizer,
    the SpanRuler's own phrase matcher, then the identifier rule of `mark_identifiers` (tests/test_nlp.py).
    """
    doc = tokens(text)
    names = _rule_keys()
    cues = sorted({(start, end, key) for key, start, end in _rules_matcher()(doc) if start != end})
    spans = [(start, end, *names[key]) for start, end, key in cues]
    ident = [(start, end, names[key][1]) for start, end, key in cues if names[key][0] == IDENTIFIER_CUE]
    spans += [(start, end, IDENTIFIER, rid) for start, end, rid in _identifier_ends(doc, ident)]
    return sorted((doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), label, rid) for a, b, label, rid in spans)


def cue_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the cue spans of `text` (labels of CUE_LABELS), in text order: the cue spans of
    `rule_spans`, found by a phrase matcher of the cue phrases alone (a PhraseMatcher finds every phrase's
    matches whatever other phrases it holds), without the identifier and indicator phrases (tests/test_nlp.py)."""
    doc = tokens(text)
    strings = doc.vocab.strings
    found = sorted({(start, end, key) for key, start, end in _cue_matcher()(doc) if start != end})
    return sorted((doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), strings[key]) for a, b, key in found)


@cache
def _cue_matcher():
    """The cue phrases of rule_patterns on lower-cased tokens, each phrase keyed by its label."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(vocab(), attr="LOWER")
    for p in rule_patterns():
        if p["label"] in CUE_LABELS:
            matcher.add(p["label"], [make_doc(p["pattern"])])
    return matcher


@cache
def _rule_keys() -> dict[int, tuple[str, str]]:
    """Match key -> (label, id) of the rule patterns (the SpanRuler's own keys: repr((label, id)))."""
    strings = vocab().strings
    return {strings.add(repr((p["label"], p.get("id", "")))): (p["label"], p.get("id", "")) for p in rule_patterns()}


_docs: dict = {}  # text -> Doc of the texts tokenized since `forget` (the Docs are only read)
_DOCS_MAX = 512  # texts remembered at most: a long document starts over rather than hold every sentence's Doc


def tokens(text: str):
    """`pipeline().make_doc(text)`, remembered per document: the number grammar, the cues and the subject
    phrases tokenize the same sentences and phrases more than once (~1.8 times each on the realdocs)."""
    doc = _docs.get(text)
    if doc is None:
        if len(_docs) >= _DOCS_MAX:
            _docs.clear()
        doc = _docs[text] = make_doc(text)
    return doc


def forget() -> None:
    """Empty the tokens' memory: called per document, as numbers.forget."""
    _docs.clear()



@cache
def _identifier_matcher():
    """The identifier phrases alone: the number grammar asks for nothing else, on every text it reads."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(vocab(), attr="LOWER")
    for p in rule_patterns():
        if p["label"] == IDENTIFIER_CUE:
            matcher.add(p["id"], [make_doc(p["pattern"])])
    return matcher


@cache
def _phrase_search(label: str) -> re.Pattern:
    """Where a phrase of one label may match: its lower-cased tokens in a row, each pair joined by one space or
    none (spaCy keeps one space in a token's whitespace; more make a space token, which no phrase holds)."""
    phrases = {tuple(t.lower_ for t in make_doc(p["pattern"])) for p in rule_patterns() if p["label"] == label}
    return re.compile("|".join(" ?".join(re.escape(t) for t in tokens) for tokens in sorted(phrases) if tokens))


def may_match(text: str, label: str) -> bool:
    """False when no phrase of `label` can be among the rule spans of `text`: the tokens of a phrase match are
    pieces of the text in a row, so their lower-case forms are in the lower-cased text, one space or none
    between. Lets a caller that reads one label skip the tokenizer on the sentences without any of its phrases."""
    return _phrase_search(label).search(text.lower()) is not None


@cache
def cue_phrases(label: str) -> tuple[str, ...]:
    """The phrases of one cue label of rules/spans.yaml (lower-cased; built once per label: rules asked per figure)."""
    if label not in CUE_LABELS:
        raise KeyError(label)
    return tuple(w.lower() for w in _words(label, catalog.load("spans")["cues"].get(label, [])))


@cache
def _identifier_prefilter() -> regex.Pattern:
    """Any identifier phrase before a digit: texts without one skip the tokenizer (most of a report's text)."""
    phrases = sorted(dict.fromkeys(p["pattern"].lower() for p in rule_patterns() if p["label"] == IDENTIFIER_CUE), key=len)
    alt = "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in reversed(phrases))
    return regex.compile(rf"(?<!\w)(?:{alt})\W{{0,3}}(?:\w+\s+)?[0-9]", regex.IGNORECASE)


@cache
def _identifier_before() -> regex.Pattern | None:
    """`_identifier_prefilter` without its digit, read backwards: it matches ending right before a digit (None
    when a phrase ends in a digit: then a match may end inside a run of digits)."""
    phrases = {p["pattern"].lower() for p in rule_patterns() if p["label"] == IDENTIFIER_CUE}
    pattern = _identifier_prefilter().pattern
    if any(p[-1:].isdigit() for p in phrases) or not pattern.endswith("[0-9]"):
        return None
    return regex.compile(pattern[: -len("[0-9]")], regex.IGNORECASE | regex.REVERSE)


_RUN_START = regex.compile(r"(?<![0-9])[0-9]")


def _identifier_near(text: str) -> bool:
    """`_identifier_prefilter().search(text)`, tried only before the digits that open a run of digits.

    The prefilter's alternation of ~90 phrases tried at every position cost ~6% of the figure stage; a match
    ends in a digit after a space, a non-word character or a phrase (none ends in a digit), so it ends at the
    first digit of a run, and matching backwards from those few positions finds the same texts.
    """
    before = _identifier_before()
    if before is None:
        return bool(_identifier_prefilter().search(text))
    return any(before.match(text, 0, d.start()) for d in _RUN_START.finditer(text))


def identifier_spans(text: str) -> list[tuple[int, int, str]]:
    """Character spans of the identifier numbers of `text` ("06" of "Đề án 06"), with their rule id."""
    if not _identifier_near(text):
        return []
    try:
        doc = tokens(text)
    except UnicodeEncodeError:  # a lone surrogate (broken input) has no UTF-8 form for spaCy's string store
        return []
    rules = _identifier_rules()
    not_after = _not_after()
    out = []
    for match_id, start, end in _identifier_matcher()(doc):
        rid = doc.vocab.strings[match_id]
        if start > 0 and doc[start - 1].lower_ in not_after[rid]:
            continue
        i = end
        if i < len(doc) and doc[i].lower_ == _number_word() and doc[end - 1].lower_ != _number_word():
            i += 1
        if i < len(doc) and rules[rid].fullmatch(doc[i].text):
            out.append((doc[i].idx, doc[i].idx + len(doc[i].text), rid))
    return out
