"""The `baocao` command and `python -m baocao`: the first worker of an ingest starts (baocao/launch.py), then the
command line is imported and run (baocao/cli.py); an ingest ends without the interpreter's teardown
(baocao/launch.py `leave`)."""

from __future__ import annotations

import gc
import os
import sys

from baocao.launch import leave, start_early, starts_workers


def main() -> None:
    # the start-up's imports make ~10^5 lasting objects and no garbage worth a collection: the cycle collector
    # waits until they are made, then leaves them out of its later passes (gc.freeze)
    gc.disable()
    # pydantic looks for its plugins (the entry points of every installed package: ~7 ms of CPU) when a process
    # first builds a model, which each worker does (spaCy's schemas); the command uses none. A value set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    start_early(sys.argv[1:])
    from baocao.cli import app

    gc.freeze()
    gc.enable()

    try:
        app()
    except SystemExit as done:
        if not starts_workers(sys.argv[1:]):
            raise
        leave(done.code)


if __name__ == "__main__":
    main()
