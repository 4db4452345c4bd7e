"""Suppressions: findings an analyst has judged and set aside, with a reason, in a YAML file beside the
warehouse (`<db>.suppressions.yaml`), so they stay set aside however often `baocao check` runs again.

Each entry names a check_id and narrows it with any of: `document` (a path, a file name or a family_id: every
version of that document), `match` (text the finding's message contains, e.g. the figure's quote) or `key`
(the finding's key, printed by `baocao check`). `reason` is required.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath

import yaml

from extract.language.text import fold

_KEYS = {"check_id", "document", "match", "key", "reason"}


class SuppressionError(ValueError):
    """The suppressions file cannot be used; str() names the file and the reason."""


@dataclass(frozen=True)
class Suppression:
    check_id: str
    reason: str
    document: str | None = None
    match: str | None = None
    key: str | None = None


def suppressions_path(db: str | Path) -> Path:
    """warehouse/baocao.duckdb -> warehouse/baocao.suppressions.yaml"""
    return Path(db).with_suffix(".suppressions.yaml")


def read_suppressions(path: str | Path) -> list[Suppression]:
    """The entries of a suppressions file; none when it does not exist."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise SuppressionError(f"{path}: not readable YAML ({exc})") from exc
    if not isinstance(data, list):
        raise SuppressionError(f"{path}: expected a list of entries")
    out = []
    for i, e in enumerate(data, start=1):
        if not isinstance(e, dict):
            raise SuppressionError(f"{path}: entry {i} is not a mapping")
        unknown = set(e) - _KEYS
        if unknown:
            raise SuppressionError(f"{path}: entry {i} has unknown keys {sorted(unknown)}")
        if not e.get("check_id") or not e.get("reason"):
            raise SuppressionError(f"{path}: entry {i} needs a check_id and a reason")
        out.append(
            Suppression(
                check_id=str(e["check_id"]),
                reason=str(e["reason"]),
                document=None if e.get("document") is None else str(e["document"]),
                match=None if e.get("match") is None else str(e["match"]),
                key=None if e.get("key") is None else str(e["key"]),
            )
        )
    return out


def _same_document(ref: str, path: str | None, family_id: str | None) -> bool:
    if ref == family_id:
        return True
    if path is None:
        return False
    return ref == path or PurePath(ref).name == PurePath(path).name and (
        PurePath(ref).name == ref or str(Path(ref).resolve()) == str(Path(path).resolve())
    )


def suppression_for(
    entries: list[Suppression], check_id: str, message: str, key: str, docs: list[tuple[str, str | None]]
) -> Suppression | None:
    """The first entry that covers this finding; `docs` are (path, family_id) of every file of its family."""
    text = fold(message).lower()
    for e in entries:
        if e.check_id != check_id:
            continue
        if e.key is not None and e.key != key:
            continue
        if e.match is not None and fold(e.match).lower() not in text:
            continue
        if e.document is not None and not any(_same_document(e.document, p, fam) for p, fam in docs):
            continue
        return e
    return None
