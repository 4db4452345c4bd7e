"""The first extraction worker of `baocao ingest`, started before the command line is parsed.

The `baocao` command (baocao/__main__.py) calls `start_early` before it imports typer: a worker never uses typer
(nor spaCy's own command line, see extract/language/nlp.py `import_spacy`), so forking it first takes typer's
import (~45 ms of CPU) off the path from the command to the first extracted document.
"""

from __future__ import annotations


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
