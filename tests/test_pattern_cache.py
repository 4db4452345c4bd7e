"""Compiled patterns kept on disk: a fresh process takes them from the file, matches as with its own compiles,
refuses a file that holds anything but compiled patterns, and the rule patterns are the same text every run."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

from support import ROOT, SAMPLES

from extract.catalog import RULES_DIR
from extract.pattern_cache import cache_file, load_patterns, mark_started, save_patterns
from extract.settings import Settings
from warehouse.batch import ingest_files

# invented patterns no module compiles, with the flags the rule modules use
PATTERNS = [
    (r"(?<![\p{L}\p{N}])(?:tăng[^\S\n]+trưởng|giảm)[^\S\n]+(?P<n>[0-9]+(?:,[0-9]+)?)\s*%", ""),
    (r"\bthử\s+nghiệm\s+bộ\s+đệm\b", "I"),
    (r"(?P<u>ha|tấn|người)(?![\p{L}])", "V0|I|REVERSE"),
]
TEXTS = ["Doanh thu tăng trưởng 12,5 % so với", "THỬ NGHIỆM bộ  đệm lần 2", "đạt 300 ha, 12 tấn và 40 người"]

# a child process: loads the file (or not), then compiles the patterns with the parser of their library (regex,
# or the standard library's re) made to fail, so a pattern not taken from the file raises; prints how many regex
# patterns the file held, whether each pattern came from the file and its matches
_CHILD = r"""
import json, re, sys
from pathlib import Path
import re._parser as rp
import regex, regex._main as rm
from extract.pattern_cache import load_patterns
library, patterns, texts, path = json.loads(sys.argv[1])
n = load_patterns(Path(path)) if path else 0
module, parser, name = (regex, rm, "_parse_pattern") if library == "regex" else (re, rp, "parse")
parse = getattr(parser, name)
def refuse(*a, **k):
    raise AssertionError("parsed")
setattr(parser, name, refuse)
out = []
for p, f in patterns:
    flags = 0
    for flag in filter(None, f.split("|")):
        flags |= getattr(module, flag)
    try:
        c, cached = module.compile(p, flags), True
    except AssertionError:
        setattr(parser, name, parse)
        c, cached = module.compile(p, flags), False
        setattr(parser, name, refuse)
    out.append([cached, [[m.span(), m.groupdict()] for t in texts for m in c.finditer(t)]])
print(json.dumps([n, out]))
"""


def _run(code: str, payload: list):
    """Run `code` in a fresh process with `payload` as its JSON argument; what it prints, as JSON."""
    res = subprocess.run(
        [sys.executable, "-c", code, json.dumps(payload)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def _child(path: Path | None, patterns=PATTERNS, library: str = "regex") -> tuple[int, list]:
    return _run(_CHILD, [library, patterns, TEXTS, str(path) if path else ""])


def _flags(spec: str) -> int:
    import regex

    out = 0
    for name in filter(None, spec.split("|")):
        out |= getattr(regex, name)
    return out


def _with_and_without(code: str, path: Path, args: list[str]) -> tuple[str, subprocess.CompletedProcess]:
    """`code` run in a fresh process given the cache file `path` and `args`, then given a missing file instead:
    what the first printed (it must succeed) and the second run."""
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(file), *args], capture_output=True, text=True, cwd=ROOT, timeout=120
        )
        for file in (path, path.with_name("missing.pickle"))
    ]
    assert runs[0].returncode == 0, runs[0].stderr
    return runs[0].stdout, runs[1]


def test_a_fresh_process_takes_the_saved_patterns_and_matches_the_same(tmp_path):
    import regex

    path = tmp_path / "patterns.pickle"
    regex.purge()  # this process's earlier compiles: the file holds only what the test puts in
    for p, f in PATTERNS:
        regex.compile(p, _flags(f))
    assert save_patterns(path) >= len(PATTERNS)
    n, loaded = _child(path)
    assert n >= len(PATTERNS)
    assert [cached for cached, _ in loaded] == [True] * len(PATTERNS)
    _, compiled = _child(None)
    assert [cached for cached, _ in compiled] == [False] * len(PATTERNS)
    assert [m for _, m in loaded] == [m for _, m in compiled]
    assert any(m for _, m in compiled)  # the texts do match: the comparison compares something
    # a pattern the file lacks (other text, or other flags) is compiled as without a file
    n, other = _child(path, [(PATTERNS[1][0] + "x", "I"), (PATTERNS[1][0], "")])
    assert [cached for cached, _ in other] == [False, False]


def test_nothing_is_written_without_new_patterns(tmp_path):
    import regex

    path = tmp_path / "patterns.pickle"
    regex.purge()
    regex.compile(r"\bmột\s+mẫu\s+riêng\s+của\s+phép\s+thử\b")
    assert save_patterns(path) > 0
    stamp = path.stat().st_mtime_ns
    assert save_patterns(path) == 0
    assert path.stat().st_mtime_ns == stamp


def test_the_start_up_patterns_are_saved_first_even_after_a_long_run(tmp_path):
    """A long run's own patterns fill regex's cache (which evicts at random) past the file's limit: the file
    still holds every pattern the worker had once started, and a full file with the same start-up patterns
    is not written again."""
    import regex
    import regex._main as rm

    from extract import pattern_cache

    path = tmp_path / "patterns.pickle"
    regex.purge()
    for p, f in PATTERNS:
        regex.compile(p, _flags(f))
    try:
        assert mark_started() == len(PATTERNS)
        # the documents' patterns: more than the file keeps, and one start-up pattern pushed out of the cache
        for i in range(pattern_cache._MAX_PATTERNS + 20):
            regex.compile(rf"\bmẫu\s+thứ\s+{i}\b")
        del rm._cache[next(k for k in rm._cache if k[0] == PATTERNS[0][0])]
        assert save_patterns(path) == pattern_cache._MAX_PATTERNS
        regex.purge()
        pattern_cache._loaded.clear()
        assert load_patterns(path) == pattern_cache._MAX_PATTERNS
        held = {(k[0], int(k[2])) for k in rm._cache}
        assert {(p, int(_flags(f))) for p, f in PATTERNS} <= held
        stamp = path.stat().st_mtime_ns
        regex.compile(r"\bmột\s+mẫu\s+sau\s+cùng\b")  # a new document pattern with no room left
        assert save_patterns(path) == 0
        assert path.stat().st_mtime_ns == stamp
    finally:
        pattern_cache._started.clear()
        regex.purge()


def test_more_patterns_than_regex_keeps_by_itself_are_saved_and_all_taken_from_the_file(tmp_path):
    """regex's own cache evicts a fifth of its patterns at random once it holds 500; a worker compiles ~850
    over the samples and realdocs. The file keeps them all and a fresh process takes every one from it."""
    import regex
    import regex._main as rm

    from extract import pattern_cache

    path = tmp_path / "patterns.pickle"
    many = [(rf"\bmẫu\s+thử\s+số\s+{i}\b", "I") for i in range(700)]
    regex.purge()
    try:
        pattern_cache._make_room()
        assert rm._MAXCACHE >= len(many)
        for p, f in many:
            regex.compile(p, _flags(f))
        assert len(rm._cache) == len(many)  # nothing evicted
        assert save_patterns(path) == len(many)
    finally:
        regex.purge()
    n, loaded = _child(path, many)
    assert n == len(many)
    assert [cached for cached, _ in loaded] == [True] * len(many)


def test_the_file_keeps_the_parsed_rule_files_and_a_fresh_process_takes_them_unparsed(tmp_path):
    """The rule files a worker parsed are saved beside its patterns (the file's name holds their hash): a fresh
    process that loads the file gets the same content from `catalog.load` with the YAML parser made to fail."""
    import regex

    from extract import catalog

    names = ["indicators", "units", "periods"]
    expected = {name: catalog.load(name) for name in names}
    path = tmp_path / "patterns.pickle"
    regex.purge()
    regex.compile(r"\bmột\s+mẫu\s+cho\s+tệp\s+quy\s+tắc\b")  # a pattern the file lacks: it is written
    assert save_patterns(path) > 0
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "import yaml\n"
        "from extract import catalog\n"
        "from extract.pattern_cache import load_patterns\n"
        "load_patterns(Path(sys.argv[1]))\n"
        "def refuse(*a, **k):\n"
        "    raise AssertionError('parsed')\n"
        "yaml.load = refuse\n"
        "print(json.dumps({n: catalog.load(n) for n in sys.argv[2:]}, default=str, sort_keys=True))\n"
    )
    served, unserved = _with_and_without(code, path, names)
    assert json.loads(served) == json.loads(json.dumps(expected, default=str, sort_keys=True))
    assert all(expected.values())  # the files hold something: the comparison compares content
    # without the file, the child parses them (and fails here, the parser refusing): the file was what served
    assert unserved.returncode != 0 and "parsed" in unserved.stderr


def test_the_key_words_of_patterns_are_kept_in_the_file(tmp_path):
    """The words a pattern needs (extract/language/literals.py `key_words`) go into the file with the patterns: a
    fresh process that loads it gets the same words with the pattern reader made to fail, and a process that
    worked out a new pattern's words writes the file again."""
    import regex

    from extract.language.literals import key_words

    patterns = [r"(?:tỷ\s+lệ|chiếm)\s+[0-9]+(?:,[0-9]+)?\s*%", r"\bgiao\s+(?:chỉ\s+tiêu|kế\s+hoạch)\b"]
    expected = [list(key_words(p)) for p in patterns]
    assert all(expected)  # the patterns need words: the comparison compares something
    path = tmp_path / "patterns.pickle"
    regex.purge()
    regex.compile(r"\bmẫu\s+cho\s+các\s+từ\s+cần\s+có\b")
    assert save_patterns(path) > 0
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from extract.pattern_cache import load_patterns\n"
        "load_patterns(Path(sys.argv[1]))\n"
        "from extract.language import literals\n"
        "def refuse(*a, **k):\n"
        "    raise AssertionError('read')\n"
        "literals.required = refuse\n"
        "print(json.dumps([list(literals.key_words(p)) for p in sys.argv[2:]]))\n"
    )
    served, unserved = _with_and_without(code, path, patterns)
    assert json.loads(served) == expected
    assert unserved.returncode != 0 and "read" in unserved.stderr
    assert save_patterns(path) == 0  # nothing new since
    key_words(patterns[0] + "x")  # a pattern whose words the file lacks: it is written again
    assert save_patterns(path) > 0


def test_a_file_with_anything_but_compiled_patterns_is_ignored(tmp_path):
    bad = tmp_path / "bad.pickle"
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    bad.write_bytes(pickle.dumps({"header": {}, "patterns": [("x", 0, Evil())]}))
    assert load_patterns(bad) == 0
    assert not marker.exists()
    truncated = tmp_path / "truncated.pickle"
    good = tmp_path / "good.pickle"
    import regex

    regex.purge()
    regex.compile(r"\bmẫu\s+cắt\s+cụt\b")
    save_patterns(good)
    truncated.write_bytes(good.read_bytes()[:200])
    assert load_patterns(truncated) == 0
    assert load_patterns(tmp_path / "missing.pickle") == 0


def test_rule_patterns_are_the_same_text_in_every_process():
    """Alternations built from sets would follow the string hash seed: a cache keyed by text would miss.
    (regex's own cache is made large enough that its random eviction at 500 patterns keeps every one.)"""
    code = (
        "import regex._main as rm\n"
        "rm._MAXCACHE = 100_000\n"
        "import warehouse.batch\n"
        "from extract.pipeline import extract_file\n"
        "warehouse.batch._warm()\n"
        f"extract_file({str(SAMPLES / '000_ea23f6f2735d3a0f.docx')!r})\n"
        "print(len(rm._cache)); print(sorted(repr((k[0], int(k[2]))) for k in rm._cache))"
    )
    outs = []
    for seed in ("1", "2"):
        res = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=300,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert res.returncode == 0, res.stderr
        outs.append(res.stdout)
    assert int(outs[0].splitlines()[0]) > 100  # the rule modules did compile their patterns
    assert outs[0] == outs[1]


def test_a_batch_writes_the_cache_and_the_next_one_loads_the_same_rows(tmp_path):
    cache = tmp_path / "cache"
    doc = SAMPLES / "000_ea23f6f2735d3a0f.docx"
    rows = []
    for name in ("first", "second"):
        settings = Settings(db=str(tmp_path / f"{name}.duckdb"), workers=1, pattern_cache_dir=str(cache))
        result = ingest_files([doc], settings)
        assert result.loaded == 1
        from warehouse.load import connect

        con = connect(settings.db, read_only=True)
        rows.append(
            con.execute(
                "select * exclude (figure_id, doc_id) from figures order by location, char_start, char_end, raw"
            ).fetchall()
        )
        con.close()
    files = list(cache.glob("patterns-*.pickle"))
    assert [f.name for f in files] == [cache_file(cache, RULES_DIR).name]
    assert load_patterns(files[0]) > 100
    assert rows[0] == rows[1] and rows[0]
    no_cache = Settings(db=str(tmp_path / "none.duckdb"), workers=1, pattern_cache_dir="")
    assert ingest_files([doc], no_cache).loaded == 1
    assert not Path(cache / "none").exists() and len(list(cache.iterdir())) == 1


def test_a_worker_start_compiles_the_alias_groups_and_the_cache_file_has_room_for_them():
    """The alias groups (extract/figures/sentence.py) are compiled by the warm-up, so `mark_started` keeps them."""
    code = (
        "import regex._main as rm\n"
        "rm._MAXCACHE = 100_000\n"
        "import warehouse.batch\n"
        "from extract.figures import sentence\n"
        "warehouse.batch._warm()\n"
        "print(sentence._aliases_by_first.cache_info().currsize, len(rm._cache))"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert res.returncode == 0, res.stderr
    built, held = map(int, res.stdout.split())
    assert built == 1
    from extract import pattern_cache

    assert held <= pattern_cache._MAX_PATTERNS


# standard-library `re` patterns a worker compiles while it starts (spaCy's, the figure stage's literal searches)
RE_PATTERNS = [(r"(?P<so>[0-9]+(?:[.,][0-9]+)*)\s*(?:tấn|ha)\b", ""), (r"\bthử\s+nghiệm\s+bộ\s+đệm\b", "I")]


def test_the_start_up_re_patterns_are_saved_and_a_fresh_process_takes_them_and_matches_the_same(tmp_path):
    import re

    from extract import pattern_cache

    path = tmp_path / "patterns.pickle"
    re.purge()
    for p, f in RE_PATTERNS:
        re.compile(p, getattr(re, f) if f else 0)
    try:
        mark_started()
        assert {p for p, _ in RE_PATTERNS} <= {p for p, _, _ in pattern_cache._re_started}
        save_patterns(path)  # (returns the count of `regex` patterns, maybe none in this process)
        assert path.exists()
    finally:
        pattern_cache._started.clear()
        pattern_cache._re_started.clear()
    _, loaded = _child(path, RE_PATTERNS, "re")
    assert [cached for cached, _ in loaded] == [True] * len(RE_PATTERNS)
    _, compiled = _child(None, RE_PATTERNS, "re")
    assert [cached for cached, _ in compiled] == [False] * len(RE_PATTERNS)
    assert [m for _, m in loaded] == [m for _, m in compiled]
    assert all(m for _, m in compiled)  # the texts do match: the comparison compares something
