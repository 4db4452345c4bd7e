"""The first extraction worker of `baocao ingest`, started before the command line is parsed.

The `baocao` command (baocao/__main__.py) calls `start_early` before it imports typer: a worker never uses typer
(nor spaCy's own command line, see extract/language/nlp.py `import_spacy`), so forking it first takes typer's
import (~45 ms of CPU) off the path from the command to the first extracted document. When such a command ends,
`leave` ends the process without the interpreter's teardown.
"""

from __future__ import annotations

import sys


def starts_workers(argv: list[str]) -> bool:
    """`baocao ingest` with the local engine (not asking for help): the command that forks worker processes."""
    if argv[:1] != ["ingest"] or {"-h", "--help", "--stage"} & set(argv):
        return False
    pairs = set(zip(argv, [*argv[1:], ""], strict=True))
    return ("--engine", "ray") not in pairs and "--engine=ray" not in argv


def start_early(argv: list[str]) -> None:
    """For a command that forks workers, the first worker now (before typer imports and parses the arguments,
    ~0.1 s); the batch adopts it when its options allow (warehouse/batch.py start_early_worker)."""
    if starts_workers(argv):
        from warehouse.batch import start_early_worker

        start_early_worker()


def leave(code: object) -> None:
    """End the process as `sys.exit(code)` would, after an ingest that ran to its end (its warehouse closed, its
    workers waited for): the exit functions run and the output is flushed, then `os._exit` skips the
    interpreter's teardown of the writer's ~400 modules and DuckDB (~0.07 s of CPU and ~0.2 s of wall at load 12,
    the last step of a small ingest; bench/speed.py's fixed cost). With a thread other than the main one still
    running (it must be waited for) or output that cannot be flushed (Python's own message and status then),
    the usual exit."""
    import atexit
    import os
    import threading

    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        raise SystemExit(code)
    if code is None or isinstance(code, int):
        status = code or 0
    else:  # as Python does with a SystemExit carrying a message
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()  # what the interpreter runs at exit (multiprocessing's, logging's, tempfile's ...)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        raise SystemExit(status) from None
    os._exit(status & 0xFF)
