"""The `baocao` command and `python -m baocao`: the first worker of an ingest starts (baocao/launch.py), then the
command line is imported and run (baocao/cli.py); an ingest ends without the interpreter's teardown
(baocao/launch.py `leave`)."""

from __future__ import annotations

import sys

from baocao.launch import leave, start_early, starts_workers


def main() -> None:
    start_early(sys.argv[1:])
    from baocao.cli import app

    try:
        app()
    except SystemExit as done:
        if not starts_workers(sys.argv[1:]):
            raise
        leave(done.code)


if __name__ == "__main__":
    main()
