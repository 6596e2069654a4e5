"""Every input that once crashed the tool or broke the formatter, replayed through the whole pipeline.

Add a file to regressions/ (raw bytes, any name) for each crash found by fuzz/ or by hypothesis.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import time_limit
from .pipeline import run_one

REGRESSIONS = Path(__file__).parent / "regressions"


@pytest.mark.parametrize("name", sorted(p.name for p in REGRESSIONS.iterdir()))
def test_regression(tmp_path: Path, name: str) -> None:
    with time_limit(60):
        run_one((REGRESSIONS / name).read_bytes(), tmp_path)
