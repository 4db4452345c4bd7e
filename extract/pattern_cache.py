"""Compiled patterns kept on disk between runs, so a worker process starts without recompiling ~300 regexes.

The `regex` module parses a pattern in Python (~1 ms each, ~0.2–0.4 s for the figure stage's rules) and pickles
a compiled pattern as its finished code (`regex._regex.compile(...)`), which loads in microseconds. A worker
loads the file into regex's own pattern cache before it imports the rule modules, so each `regex.compile(p, f)`
of the same pattern text and flags returns the loaded object; any other pattern is compiled as always. A pattern
is found by its own text and flags, so a stale entry is never used, only unused; the file is named after the
Python and regex versions and a hash of the rule files and the extraction code (a change starts a new file; the
newest few stay, for other checkouts sharing the folder). The file also keeps the rule files the worker parsed
(extract/catalog.py `preload`: the same hash covers their bytes), and the standard library's `re` patterns a
worker had compiled once it started (spaCy's tokenizer exceptions and URL pattern, ~90 in spaCy's import: ~0.05 s
of CPU a worker), as the arguments of `_sre.compile` that `re` itself builds them with (`_re_entry`), and what
the rule modules work out from a pattern's text alone (`memo`: the words a pattern needs, extract/language/
literals.py, ~0.01 s of CPU a worker start), under the same hash of the code that works them out.
"""

from __future__ import annotations

import _sre
import contextlib
import hashlib
import io
import os
import pickle
import re
import re._compiler as _re_compiler
import re._parser as _re_parser
import sys
import tempfile
from pathlib import Path

import regex
import regex._main as _rx  # the cache dictionaries regex.compile looks in (regex is pinned in pyproject.toml)
from regex import _regex

_ROOT = Path(__file__).resolve().parent
# A worker starts with ~450 patterns and compiles ~400 more over the samples and the text realdocs (~850 in all,
# session 10): the file keeps them all, and regex's cache (500 patterns, then a fifth evicted at random, so a
# pattern given as text is compiled again) is made large enough to hold them (`_make_room`).
_MAX_PATTERNS = 1500
_ROOM = 500  # regex's cache holds the file's patterns and this many more before it evicts
_KEEP_FILES = 8  # files of other versions (rules or code changed, another checkout) kept in the folder
_FORMAT = 4  # 2: the parsed rule files too (extract/catalog.py `preload`); 3: the start-up `re` patterns too; 4: memos
_MAX_RE = 256  # `re` patterns kept (its own cache holds 512, then drops the oldest)
_loaded: set[tuple[str, int]] = set()  # (pattern, flags) read from the file by this process
_rules_loaded: set[str] = set()  # rule files read from the file by this process
_re_loaded: set[tuple[str, int]] = set()  # `re` (pattern, flags) read from the file by this process
_memos: dict[str, dict[str, object]] = {}  # kind -> pattern text -> what `memo`'s user worked out from it
_memos_loaded: dict[str, set[str]] = {}  # kind -> the pattern texts of that memo read from the file
# the patterns a worker holds once it has started (`mark_started`): saved first, so a file that is full keeps
# what every start needs rather than what the documents of one long run compiled last
_started: list[tuple[str, int, object]] = []
_re_started: list[tuple[str, int, object]] = []  # the same for the standard library's `re`


def _source_hash(rules_dir: Path) -> str:
    """Hash of the rule files and the extraction code: the patterns a worker compiles come from both."""
    h = hashlib.sha256()
    files = sorted(rules_dir.glob("*.yaml")) + sorted(_ROOT.rglob("*.py"))
    for f in files:
        with contextlib.suppress(OSError):
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def cache_file(folder: str | Path, rules_dir: Path) -> Path:
    """The cache file of this Python, regex version and machine, for these rule files and this code."""
    tag = f"{sys.implementation.cache_tag}-{os.uname().machine}-regex{regex.__version__}"
    return Path(folder) / f"patterns-{tag}-{_source_hash(rules_dir)}.pickle"


def _header() -> dict:
    """What the compiled code depends on besides the pattern: checked when a file is loaded."""
    return {
        "format": _FORMAT,
        "magic": _regex.MAGIC,
        "code_size": _regex.CODE_SIZE,
        "version": int(_rx.DEFAULT_VERSION),
        "sre": (_sre.MAGIC, _sre.CODESIZE),
    }


def _usable() -> bool:
    """regex's cache has the shape this module fills (checked rather than assumed: a newer regex may differ)."""
    return isinstance(getattr(_rx, "_MAXCACHE", None), int) and all(
        isinstance(getattr(_rx, n, None), dict) for n in ("_cache", "_named_args", "_locale_sensitive")
    )


def _re_usable() -> bool:
    """`re` has the cache and compiler this module fills and reads (a newer Python may differ)."""
    return (
        isinstance(getattr(re, "_cache", None), dict)
        and isinstance(getattr(re, "_MAXCACHE", None), int)
        and callable(getattr(_re_compiler, "_code", None))
        and callable(getattr(_re_parser, "parse", None))
    )


def _re_entry(pattern: str, flags: int, compiled: re.Pattern) -> tuple | None:
    """(pattern, flags, arguments of `_sre.compile`) of a compiled `re` pattern, its code built again as
    `re._compiler.compile` builds it; None when the pattern so built is not the compiled one (`re.Pattern`
    equality compares the flags, the pattern and the whole code)."""
    try:
        parsed = _re_parser.parse(pattern, flags)
        code = [int(op) for op in _re_compiler._code(parsed, flags)]  # its opcodes are named int constants
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        args = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        return (pattern, flags, args) if _sre.compile(pattern, *args) == compiled else None
    except Exception:
        return None


def _re_cached() -> list[tuple[str, int, object]]:
    """(pattern, flags, compiled) of the text patterns in `re`'s cache."""
    return [(key[1], key[2], c) for key, c in list(re._cache.items()) if key[0] is str and type(key[2]) is int]


def _load_re(entries: object) -> None:
    """Put the file's `re` patterns into `re`'s cache (`_sre.compile` checks each code it is given)."""
    if not _re_usable() or not isinstance(entries, list):
        return
    for entry in entries[: min(_MAX_RE, re._MAXCACHE // 2)]:
        try:
            pattern, flags, args = entry
            if not (isinstance(pattern, str) and type(flags) is int and isinstance(args, tuple)):
                continue
            key = (str, pattern, flags)
            if key not in re._cache:
                re._cache[key] = _sre.compile(pattern, *args)
            _re_loaded.add((pattern, flags))
        except Exception:  # one entry this Python cannot take: compiled as without the file
            continue


def memo(kind: str) -> dict[str, object]:
    """A dictionary kept in the cache file: pattern text -> a value worked out from that text alone by code under
    the file's hash (extract/), filled by its user as it works values out and by `load_patterns` with the
    values of earlier runs (the same dictionary whichever comes first). Values are built-in data (str, tuple,
    ...), so the file's unpickler takes them."""
    return _memos.setdefault(kind, {})


def _load_memos(data: object) -> None:
    """Put the file's memos into `memo`'s dictionaries (an entry the process has already is kept)."""
    if not isinstance(data, dict):
        return
    for kind, entries in data.items():
        if isinstance(kind, str) and isinstance(entries, dict):
            entries = {p: v for p, v in entries.items() if isinstance(p, str)}
            mine = memo(kind)
            for pattern, value in entries.items():
                mine.setdefault(pattern, value)
            _memos_loaded.setdefault(kind, set()).update(entries)


def _memos_new() -> bool:
    """Whether this process worked out a memo entry the file lacks."""
    return any(not entries.keys() <= _memos_loaded.get(kind, set()) for kind, entries in _memos.items())


def _make_room() -> None:
    """Let regex's cache hold every pattern the file can (never lowering its size): at its own limit of 500 it
    evicted, in a worker, the loaded patterns not used yet and ~90 patterns the figure stage gives as text
    (compiled again when next used: ~0.45 ms each)."""
    _rx._MAXCACHE = max(_rx._MAXCACHE, _MAX_PATTERNS + _ROOM)


class _Unpickler(pickle.Unpickler):
    """Builds compiled patterns and nothing else: any other global in the file refuses it."""

    def find_class(self, module: str, name: str):
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a compiled pattern")


def load_patterns(path: Path) -> int:
    """Put the file's compiled patterns into regex's cache; returns how many (0 without a usable file)."""
    if not _usable():
        return 0
    _make_room()
    try:
        data = _Unpickler(io.BytesIO(path.read_bytes())).load()
        if data.get("header") != _header():
            return 0
        entries = [
            (p, f, c)
            for p, f, c in data["patterns"]
            if isinstance(p, str) and type(f) is int and isinstance(c, _rx.Pattern)
        ]
        rules = data.get("rules", {})
        if not isinstance(rules, dict) or not all(isinstance(name, str) for name in rules):
            rules = {}
    except Exception:  # missing, unreadable, truncated or foreign: the patterns are compiled as without it
        return 0
    from extract import catalog

    catalog.preload(rules)
    _rules_loaded.update(rules)
    _load_re(data.get("re"))
    _load_memos(data.get("memos"))
    none = frozenset()
    with _rx._cache_lock:
        for pattern, flags, compiled in entries[: max(0, _MAX_PATTERNS - len(_rx._cache))]:
            # the three entries regex.compile itself writes for a pattern without named lists or LOCALE
            _rx._locale_sensitive[(str, pattern)] = False
            _rx._named_args[(pattern, str, flags)] = none
            _rx._cache[(pattern, str, flags, none, _rx.DEFAULT_VERSION, None)] = compiled
            _loaded.add((pattern, flags))
    return len(entries)


def _cached() -> list[tuple[str, int, object]]:
    """(pattern, flags, compiled) of regex's cache that a file can hold: text patterns, no named lists."""
    out = []
    for key, compiled in list(_rx._cache.items()):
        pattern, kind, flags, args, version, locale = key
        if kind is str and not args and locale is None and version == _rx.DEFAULT_VERSION:
            out.append((pattern, int(flags), compiled))
    return out


def mark_started() -> int:
    """Remember the patterns regex holds now, once the rule modules are imported and warmed up: `save_patterns`
    writes them first, even when a long run's documents pushed some of them out of regex's cache (it evicts at
    random) or filled it with their own. Returns how many."""
    if not _usable():
        return 0
    _make_room()
    _started[:] = _cached()
    if _re_usable():
        _re_started[:] = _re_cached()[:_MAX_RE]
    return len(_started)


def _to_save() -> list[tuple[str, int, object]]:
    """The start-up patterns (`mark_started`), then the others regex holds, in the order they were cached.

    Without this order a file once filled with one run's document patterns stayed so: each later run wrote
    the same first `_MAX_PATTERNS` back, and compiled again, at every start, the rule patterns left out
    (67 of 349 in the main checkout's file, ~0.07 s of CPU a worker)."""
    first = {(p, f) for p, f, _ in _started}
    return _started + [e for e in _cached() if (e[0], e[1]) not in first]


def save_patterns(path: Path) -> int:
    """Write regex's cached patterns to `path` when this process compiled some the file lacks; returns how many
    patterns the file holds after (0: nothing written)."""
    if not _usable():
        return 0
    from extract import catalog

    entries = _to_save()[:_MAX_PATTERNS]
    rules = catalog.parsed()
    if (
        not any((p, f) not in _loaded for p, f, _ in entries)
        and set(rules) <= _rules_loaded
        and all((p, f) in _re_loaded for p, f, _ in _re_started)
        and not _memos_new()
    ):
        return 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        re_entries = [e for e in (_re_entry(*started) for started in _re_started) if e is not None]
        blob = pickle.dumps(
            {"header": _header(), "patterns": entries, "rules": rules, "re": re_entries, "memos": _memos},
            protocol=pickle.HIGHEST_PROTOCOL,
        )
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)  # whole or not at all: workers of one batch may write at the same time
        finally:
            Path(tmp).unlink(missing_ok=True)
        # checkouts of other versions may share the folder: the newest few files stay
        files = sorted(path.parent.glob("patterns-*.pickle"), key=_mtime, reverse=True)
        for old in files[_KEEP_FILES:]:
            old.unlink(missing_ok=True)
    except Exception:  # a read-only or full disk only costs the next run its compiles; never the batch
        return 0
    _loaded.update((p, f) for p, f, _ in entries)
    _rules_loaded.update(rules)
    _re_loaded.update((p, f) for p, f, _ in _re_started)
    for kind, memo_entries in _memos.items():
        _memos_loaded.setdefault(kind, set()).update(memo_entries)
    return len(entries)
