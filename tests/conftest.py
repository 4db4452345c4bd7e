"""Shared fixtures."""

from __future__ import annotations

import pytest
from support import SEEDS, SHARED


@pytest.fixture(scope="session")
def shared_available():
    if not SEEDS.exists():
        pytest.skip(f"shared material not found at {SHARED}")
    return SHARED
