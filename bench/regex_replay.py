"""Record every `regex` call of the figure stage over the documents of bench/dump_figures.py, then replay each
pattern's calls in one process: raw, and gated by the pattern's key words (extract/language/literals.py: the call
is skipped when the text's case fold holds none of them). Prints what each pattern costs and what a word gate
would save or cost, so a change to how the rules scan is judged before it is made, away from the machine's load
(one process, the lower of repeated replays; the recorded calls are the stage's own, text for text).

    .venv/bin/python bench/regex_replay.py                 # every document, one recorded pass
    .venv/bin/python bench/regex_replay.py --only 43_ --top 20

"Gate (shared fold)" gives each text's case fold for free, as one scan of the text shared by every rule would:
the most any word gate can save. Session 16 (docs/speed.md): the gates cost more than they save.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import regex._main as _rx  # noqa: E402  (the compile function every pattern of the stage goes through)

_METHODS = ("search", "match", "fullmatch", "sub", "findall", "finditer")


class _Recorder:
    """A compiled pattern that logs each call (method, arguments) before making it."""

    __slots__ = ("rx", "log")

    def __init__(self, rx, log: list) -> None:
        self.rx, self.log = rx, log

    def __getattr__(self, name: str):
        attr = getattr(self.rx, name)
        if name not in _METHODS:
            return attr

        def call(*args, **kwargs):
            self.log.append((self.rx, name, args, kwargs))
            return attr(*args, **kwargs)

        return call


def record(only: str | None) -> list:
    """The calls (pattern, method, args, kwargs) of one pass of the figure stage, after a warm-up pass."""
    log: list = []
    compile_ = _rx._compile

    def recording(pattern, *args, **kwargs):
        if isinstance(pattern, _Recorder):
            return pattern
        return _Recorder(compile_(pattern, *args, **kwargs), log)

    _rx._compile = recording
    try:
        from bench.dump_figures import files
        from extract.figures import extract_figures
        from extract.metadata import read_metadata
        from extract.pipeline import read_document
        from extract.settings import Settings

        settings = Settings()
        docs = [read_document(p, settings) for p in files() if not only or only in p.name]
        metas = [read_metadata(d) for d in docs]
        for doc, meta in zip(docs, metas, strict=True):
            extract_figures(doc, meta)
        log.clear()
        for doc, meta in zip(docs, metas, strict=True):
            extract_figures(doc, meta)
    finally:
        _rx._compile = compile_
    return log


def _text(method: str, args: tuple) -> str:
    return args[1] if method == "sub" else args[0]


def _replay(rx, calls, folded=None, words=()) -> float:
    """CPU seconds of the calls; with `words`, each skipped when its text's fold (`folded`) holds none."""
    t0 = time.process_time()
    for method, args, kwargs in calls:
        if words and not any(map(folded(_text(method, args)).__contains__, words)):
            continue
        out = getattr(rx, method)(*args, **kwargs)
        if method == "finditer":
            list(out)
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", help="only files whose name contains this")
    ap.add_argument("--repeat", type=int, default=3, help="replays of each pattern (the lower time is kept)")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    from extract.language.literals import key_words
    from extract.language.text import caseless

    log = record(args.only)
    by_pattern: dict = defaultdict(list)
    for rx, method, a, kw in log:
        by_pattern[rx].append((method, a, kw))
    folds = {t: caseless(t) for _, m, a, _ in log if isinstance(t := _text(m, a), str)}
    rows = []
    for rx, calls in by_pattern.items():
        words = key_words(rx.pattern)
        raw = min(_replay(rx, calls) for _ in range(args.repeat))
        if not words:
            rows.append((raw, raw, raw, len(calls), rx.pattern))
            continue
        own = min(_replay(rx, calls, caseless, words) for _ in range(args.repeat))
        shared = min(_replay(rx, calls, folds.__getitem__, words) for _ in range(args.repeat))
        rows.append((raw, own, shared, len(calls), rx.pattern))
    raw, own, shared = (sum(r[i] for r in rows) for i in range(3))
    print(f"{len(log)} calls of {len(rows)} patterns; CPU s of one pass replayed: raw {raw:.3f}, "
          f"word gate (own fold) {own:.3f}, word gate (shared fold) {shared:.3f}")
    paying = [r for r in rows if r[2] < r[0]]
    print(f"patterns a gate with a shared fold pays for: {len(paying)}, saving {sum(r[0] - r[2] for r in paying):.3f} s")
    print(f"{'raw ms':>8} {'own ms':>8} {'shared ms':>9} {'calls':>6}  pattern")
    for r in sorted(rows, key=lambda r: -r[0])[: args.top]:
        print(f"{1000 * r[0]:8.2f} {1000 * r[1]:8.2f} {1000 * r[2]:9.2f} {r[3]:6d}  {r[4][:90]!r}")


if __name__ == "__main__":
    main()
