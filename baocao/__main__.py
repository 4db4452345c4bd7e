"""The `baocao` command and `python -m baocao`: the first worker of an ingest starts (baocao/launch.py), then the
command line is imported and run (baocao/cli.py)."""

from __future__ import annotations

import sys

from baocao.launch import start_early


def main() -> None:
    start_early(sys.argv[1:])
    from baocao.cli import app

    app()


if __name__ == "__main__":
    main()
