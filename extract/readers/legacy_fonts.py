"""Legacy Vietnamese fonts: TCVN3 (.VnTime ...) and VNI (VNI-Times ...) runs converted to Unicode.

Before Unicode, Vietnamese Word files stored Latin-1 code points that only the legacy font drew as
Vietnamese ("§¶ng" in .VnTime is "Đảng"). Which fonts are legacy is data (rules/legacy_fonts.yaml); the
character tables are viparse's (`viparse.fix`), validated on real government documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.catalog import RuleError, load

_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
_EDGES = re.compile(r"^(\s*)(.*?)(\s*)$", re.S)
_KEYS = {"encoding", "prefixes", "capitals_suffix"}


@dataclass(frozen=True)
class LegacyFont:
    encoding: str  # 'tcvn3' | 'vni' (viparse's names)
    capitals: bool  # an all-capitals family (.VnTimeH): the same codes are drawn as capital letters


@cache
def _families() -> tuple[tuple[str, str, str | None], ...]:
    out = []
    for entry in load("legacy_fonts")["encodings"]:
        if set(entry) - _KEYS:
            raise RuleError(f"legacy_fonts.yaml: unknown keys {sorted(set(entry) - _KEYS)}")
        for prefix in entry["prefixes"]:
            out.append((prefix.lower(), entry["encoding"], entry.get("capitals_suffix")))
    return tuple(out)


@cache
def legacy_font(name: str | None) -> LegacyFont | None:
    """The legacy encoding a font family implies, or None for a Unicode font."""
    if not name:
        return None
    family = _SUBSET_TAG.sub("", name.strip()).lower()
    for prefix, encoding, capitals_suffix in _families():
        if family.startswith(prefix):
            first_word = re.split(r"[\s,-]", family, maxsplit=1)[0]
            return LegacyFont(encoding, bool(capitals_suffix) and first_word.endswith(capitals_suffix))
    return None


# Letters only Unicode text has (ơ ư ă đ and the precomposed toned vowels): a run that holds one was typed
# in Unicode even though its font is a legacy one, and converting it would garble it.
_UNICODE_ONLY = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


def to_unicode(text: str, font: LegacyFont) -> str:
    """`text` as written in `font`, in Unicode (NFC); leading and trailing spaces kept."""
    if not text.strip() or _UNICODE_ONLY.search(text):
        return text
    import viparse  # only documents with legacy fonts pay for it

    lead, body, trail = _EDGES.match(text).groups()
    converted = viparse.fix(body, encoding=font.encoding)
    return f"{lead}{converted.upper() if font.capitals else converted}{trail}"
