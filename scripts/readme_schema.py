"""Rewrites the README's "Columns and values" section from warehouse/dictionary.yaml (and the indicator
catalog); tests/test_dictionary.py fails until this has been run after the dictionary changes."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warehouse.dictionary import write_readme  # noqa: E402

readme = ROOT / "README.md"
readme.write_text(write_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
print(f"rewrote the Columns and values section of {readme}")
