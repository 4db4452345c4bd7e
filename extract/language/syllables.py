"""Vietnamese syllables: is a written word a possible syllable, and how much of a text is Vietnamese.

A garbled PDF text layer (a font without a usable character map) reads "ng°Ýi sí dång" for "người sử
dụng"; the share of words that are valid syllables separates it from real text. The phonotactics
(onsets, rhymes, tone rules) are data in rules/vietnamese.yaml; no dictionary is needed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.catalog import RuleError, load

_TONES = {"\u0300": "huyen", "\u0301": "sac", "\u0303": "nga", "\u0309": "hoi", "\u0323": "nang"}
_STOP_TONES = {"sac", "nang"}
_KEYS = {"onsets", "front_only_onsets", "not_front_onsets", "front_vowels", "rhymes", "stop_codas"}


@dataclass(frozen=True)
class _Phonotactics:
    onsets: tuple[str, ...]  # longest first, so "ngh" is tried before "ng" and "n"
    front_only: frozenset[str]
    not_front: frozenset[str]
    front_vowels: frozenset[str]
    rhymes: frozenset[str]
    stop_codas: tuple[str, ...]


@cache
def _rules() -> _Phonotactics:
    data = load("vietnamese")
    unknown = set(data) - _KEYS
    if unknown or _KEYS - set(data):
        raise RuleError(
            f"vietnamese.yaml: unknown keys {sorted(unknown)}, missing {sorted(_KEYS - set(data))}"
        )
    for key in _KEYS:
        if not all(isinstance(x, str) for x in data[key]):  # a bare `on` in YAML loads as True
            raise RuleError(f"vietnamese.yaml: non-text entry in {key}")
        if len(set(data[key])) != len(data[key]):
            raise RuleError(f"vietnamese.yaml: duplicate entries in {key}")
    return _Phonotactics(
        onsets=tuple(sorted(data["onsets"], key=len, reverse=True)) + ("",),
        front_only=frozenset(data["front_only_onsets"]),
        not_front=frozenset(data["not_front_onsets"]),
        front_vowels=frozenset(data["front_vowels"]),
        rhymes=frozenset(data["rhymes"]),
        stop_codas=tuple(data["stop_codas"]),
    )


def _split_tone(word: str) -> tuple[str, str | None] | None:
    """(word without its tone mark, tone) — None when it carries two tone marks."""
    tones = [_TONES[ch] for ch in unicodedata.normalize("NFD", word) if ch in _TONES]
    if len(tones) > 1:
        return None
    bare = "".join(ch for ch in unicodedata.normalize("NFD", word) if ch not in _TONES)
    return unicodedata.normalize("NFC", bare), (tones[0] if tones else None)


def is_syllable(word: str) -> bool:
    """True when `word` (one written syllable, any case) follows Vietnamese phonotactics."""
    split = _split_tone(word.lower())
    if split is None:
        return False
    bare, tone = split
    rules = _rules()
    for onset in rules.onsets:
        if not bare.startswith(onset):
            continue
        rhyme = bare[len(onset) :]
        if rhyme not in rules.rhymes:
            continue
        front = rhyme[:1] in rules.front_vowels
        if (onset in rules.front_only and not front) or (onset in rules.not_front and front):
            continue
        if rhyme.endswith(rules.stop_codas) and tone not in _STOP_TONES:
            continue
        return True
    return False


def vietnamese_share(text: str) -> tuple[float, int]:
    """(share of judged words that are Vietnamese syllables, number of words judged).

    Words with digits are not judged, nor all-capital abbreviations that are no syllable (UBND, HĐND); a
    word with a symbol inside it ("ng°Ýi") is judged and fails.
    """
    # three `str.replace` instead of one `str.translate` with a table (a dict look-up per character, ~4x
    # slower on a page of Vietnamese), and the verdicts counted by `list.count` instead of a Python loop
    tokens = text.replace("-", " ").replace("/", " ").replace("–", " ").split()
    verdicts = list(map(_judge, tokens))
    judged = len(verdicts) - verdicts.count(None)
    valid = verdicts.count(True)
    return (valid / judged if judged else 1.0), judged


@lru_cache(maxsize=65536)  # a report repeats a few thousand words; every page is judged
def _judge(token: str) -> bool | None:
    """True/False: a word that is / is not a Vietnamese syllable; None: a token that is not judged."""
    word = _strip_punctuation(token)
    if not word or any(ch.isdigit() for ch in word):
        return None
    ok = word.isalpha() and is_syllable(word)
    if not ok and word.isupper() and word.isalpha():
        return None
    return ok


def _strip_punctuation(token: str) -> str:
    start, end = 0, len(token)
    while start < end and not token[start].isalnum():
        start += 1
    while end > start and not token[end - 1].isalnum():
        end -= 1
    return token[start:end]
