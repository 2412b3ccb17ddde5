"""Shared helpers of the packaging tests: tools they need, and the build made once per run."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def need(*tools: str) -> None:
    """Skip on a developer machine without the tool; under `packaging/dev.py test` (which installs
    them) a missing tool is a failure, not a silent skip."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        if os.environ.get("SOMPOS_REQUIRE_ANVIL") == "1":
            pytest.fail("missing tools: " + ", ".join(missing))
        pytest.skip("missing tools: " + ", ".join(missing))
