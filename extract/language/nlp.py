"""The spaCy layer: a Vietnamese pipeline whose tokens fit the number grammar, and the rule files as spans.

`vi_tokenizer` keeps syllables, Vietnamese numbers (6.018,3) and document codes (72/2025/QH15) whole and
splits punctuation off; one SpanRuler compiled from rules/spans.yaml and rules/indicators.yaml marks
identifier phrases, role and period cue words and indicator names in `doc.spans["baocao_rules"]`, and
`baocao_identifiers` turns "Đề án 06", "(trang 2)", "lần 1" into IDENTIFIER spans (numbers that are no figure).
No model is loaded: spacy.blank("vi") with rules only (pyvi word segmentation is not used, see README).
The figure stage asks for `rule_spans` and `identifier_spans`, which give the pipeline's spans without importing
spaCy (`_Rules` below): a worker never pays spaCy's import. `pipeline()` stays the reference and the public component.
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
CUE_LABELS = ("ROLE_NORM", "ROLE_TARGET", "ROLE_SHARE", "SHARE_AFTER", "POINT_IN_TIME", "PLAN_DOCUMENT", "EXCESS")

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
_SPECIAL_CASES = ("tr.", "TP.", "Tp.")  # abbreviations kept whole: one token each


def _tokenizer(vocab):
    from spacy.tokenizer import Tokenizer

    return Tokenizer(
        vocab,
        prefix_search=_PREFIX.search,
        suffix_search=_SUFFIX.search,
        infix_finditer=_INFIX.finditer,
        token_match=_TOKEN_MATCH.fullmatch,
        rules={word: [{"ORTH": word}] for word in _SPECIAL_CASES},
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


# ---------------------------------------------------------------- the same spans without spaCy

# spaCy costs each worker ~0.6 s of import and ~70 MB before it reads a word, and the figure stage asks it for
# two things only: the tokens of a sentence and the rule phrases among them. `_Rules` does both with spaCy's
# own tokenizer algorithm (spacy/tokenizer.pyx 3.8: `_tokenize_affixes`, `_split_affixes`, `_attach_tokens`,
# `_apply_special_cases`) over the same regexes and special cases, and PhraseMatcher's matching on lower-cased
# tokens (every occurrence of every phrase, overlaps included). tests/test_nlp.py checks that it gives the spaCy
# pipeline's spans on every sentence of samples/ and on made-up edge cases.
_RUNS = re.compile(r"(\s+)")  # stdlib re: its \s is str.isspace(), the test spaCy's tokenizer uses


def _split_chunk(chunk: str, specials: frozenset[str]) -> list[str]:
    """One whitespace-delimited chunk as spaCy's tokenizer splits it (prefixes, infixes, suffixes)."""
    if chunk in specials:
        return [chunk]
    token_match, prefixes, suffixes = _TOKEN_MATCH.fullmatch, [], []
    string, last_size = chunk, 0
    while string and len(string) != last_size:
        if token_match(string) or string in specials:
            break
        last_size = len(string)
        m = _PREFIX.search(string)
        pre_len = m.end() - m.start() if m else 0
        if pre_len:
            prefix, minus_pre = string[:pre_len], string[pre_len:]
            if minus_pre and minus_pre in specials:
                string = minus_pre
                prefixes.append(prefix)
                break
        m = _SUFFIX.search(string[pre_len:])
        suf_len = m.end() - m.start() if m else 0
        if suf_len:
            suffix, minus_suf = string[-suf_len:], string[:-suf_len]
            if minus_suf and minus_suf in specials:
                string = minus_suf
                suffixes.append(suffix)
                break
        if pre_len and suf_len and pre_len + suf_len <= len(string):
            string = string[pre_len:-suf_len]
            prefixes.append(prefix)
            suffixes.append(suffix)
        elif pre_len:
            string = minus_pre
            prefixes.append(prefix)
        elif suf_len:
            string = minus_suf
            suffixes.append(suffix)
    out = prefixes
    if string:
        if string in specials or token_match(string):
            out.append(string)
        else:
            start = 0
            for m in _INFIX.finditer(string):
                if m.start() == 0:
                    continue
                if m.start() != start:
                    out.append(string[start : m.start()])
                if m.end() != m.start():
                    out.append(m.group())
                start = m.end()
            if string[start:]:
                out.append(string[start:])
    out.extend(reversed(suffixes))
    return out


class _Rules:
    """The rule phrases of `rule_patterns()` matched on spaCy-identical tokens, and the identifier numbers."""

    _CACHE_MAX = 50_000  # chunks remembered (spaCy's tokenizer caches them too); cleared when full

    def __init__(self):
        self.specials = frozenset(_SPECIAL_CASES)
        self.cache: dict[str, list[str]] = {}
        # special cases that affixes would split ("tr." -> "tr" "."): merged back when the pieces touch
        self.merges = {}
        for word in _SPECIAL_CASES:
            pieces = tuple(_split_chunk(word, frozenset()))
            if len(pieces) > 1:
                self.merges[pieces] = word
        self.phrases: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self.identifier_phrases: dict[tuple[str, ...], set[str]] = {}
        for p in rule_patterns():
            key = tuple(t.lower() for _, t in self.tokens(p["pattern"]))
            pair = (p["label"], p.get("id", ""))
            if pair not in self.phrases.setdefault(key, []):
                self.phrases[key].append(pair)
            if p["label"] == IDENTIFIER_CUE:
                self.identifier_phrases.setdefault(key, set()).add(p["id"])
        self.lengths = self._lengths(self.phrases)
        self.identifier_lengths = self._lengths(self.identifier_phrases)

    @staticmethod
    def _lengths(phrases: dict) -> dict[str, list[int]]:
        out: dict[str, set[int]] = {}
        for key in phrases:
            if key:
                out.setdefault(key[0], set()).add(len(key))
        return {k: sorted(v) for k, v in out.items()}

    def tokens(self, text: str) -> list[tuple[int, str]]:
        """(offset, text) of spaCy's tokens of `text`, whitespace tokens included."""
        out: list[tuple[int, str]] = []
        append, cache, specials = out.append, self.cache, self.specials
        pos = 0
        after_token = False
        # runs alternate: non-space at even indexes (empty at either end), whitespace at odd ones
        for k, run in enumerate(_RUNS.split(text)):
            if not run:
                continue
            if k % 2:
                if not after_token or run[0] != " ":
                    append((pos, run))
                elif len(run) > 1:  # one space after a token is its trailing space, the rest a token
                    append((pos + 1, run[1:]))
                after_token = False
            else:
                pieces = cache.get(run)
                if pieces is None:
                    if len(cache) >= self._CACHE_MAX:
                        cache.clear()
                    pieces = cache[run] = _split_chunk(run, specials)
                if len(pieces) == 1:
                    append((pos, run))
                else:
                    at = pos
                    for piece in pieces:
                        append((at, piece))
                        at += len(piece)
                after_token = True
            pos += len(run)
        # pieces of a special case can touch only where the text holds the special case itself
        if self.merges and len(out) > 1 and any(word in text for word in self.merges.values()):
            out = self._merge_specials(out)
        return out

    def _merge_specials(self, toks: list[tuple[int, str]]) -> list[tuple[int, str]]:
        merged: list[tuple[int, str]] = []
        i = 0
        while i < len(toks):
            for pieces, word in self.merges.items():
                k = len(pieces)
                window = toks[i : i + k]
                if tuple(t for _, t in window) == pieces and window[-1][0] == window[0][0] + len(word) - len(
                    pieces[-1]
                ):
                    merged.append((toks[i][0], word))
                    i += k
                    break
            else:
                merged.append(toks[i])
                i += 1
        return merged

    @staticmethod
    def _match(lower: list[str], phrases: dict, lengths: dict[str, list[int]]):
        """(start, end, value) of every phrase occurrence in the lower-cased tokens."""
        n = len(lower)
        for i, first in enumerate(lower):
            for k in lengths.get(first, ()):
                if i + k <= n:
                    value = phrases.get(tuple(lower[i : i + k]))
                    if value is not None:
                        yield i, i + k, value

    def spans(self, text: str) -> list[tuple[int, int, str, str]]:
        text.encode("utf-8")  # a lone surrogate fails here as it failed in spaCy's string store
        toks = self.tokens(text)
        lower = [t.lower() for _, t in toks]
        found = sorted({(s, e, label, id_) for s, e, pairs in self._match(lower, self.phrases, self.lengths)
                        for label, id_ in pairs})
        out = [(toks[s][0], toks[e - 1][0] + len(toks[e - 1][1]), label, id_) for s, e, label, id_ in found]
        rules, word, n = _identifier_rules(), _number_word(), len(toks)
        for s, e, label, id_ in found:
            if label != IDENTIFIER_CUE:
                continue
            i = e
            if i < n and lower[i] == word and lower[i - 1] != word:
                i += 1
            if i < n and rules[id_].fullmatch(toks[i][1]):
                out.append((toks[s][0], toks[i][0] + len(toks[i][1]), IDENTIFIER, id_))
        return sorted(out)

    def identifier_matches(self, doc: _Doc) -> list[tuple[str, int, int]]:
        """(rule id, start, end) of the identifier phrases among the tokens, as spaCy's PhraseMatcher gives them."""
        return [
            (rid, start, end)
            for start, end, ids in self._match(doc.lower, self.identifier_phrases, self.identifier_lengths)
            for rid in sorted(ids)
        ]


class _Token:
    __slots__ = ("idx", "lower_", "text")

    def __init__(self, idx: int, text: str, lower: str):
        self.idx, self.text, self.lower_ = idx, text, lower


class _Strings:
    """Match ids are the rule ids themselves: `doc.vocab.strings[match_id]` gives the id back."""

    def __getitem__(self, key: str) -> str:
        return key


class _Doc:
    """What `identifier_spans` reads of a spaCy Doc (tokens' text, lower_ and idx; vocab.strings), without spaCy."""

    vocab = type("_Vocab", (), {"strings": _Strings()})()

    def __init__(self, text: str):
        text.encode("utf-8")  # a lone surrogate fails here as it failed in spaCy's string store
        toks = _rules().tokens(text)
        self.lower = [t.lower() for _, t in toks]
        self.tokens = [_Token(i, t, low) for (i, t), low in zip(toks, self.lower, strict=True)]

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, i: int) -> _Token:
        return self.tokens[i]


@cache
def _rules() -> _Rules:
    return _Rules()


def rule_spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, label, id) character spans of the rule matches in `text`, in text order: what
    `pipeline()(text).spans["baocao_rules"]` holds, computed without spaCy (`_Rules`)."""
    return _rules().spans(text)


def _identifier_matcher():
    """The identifier phrases alone: the number grammar asks for nothing else, on every text it reads."""
    return _rules().identifier_matches


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
        doc = _Doc(text)
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
