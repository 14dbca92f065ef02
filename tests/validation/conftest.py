"""Fixtures for the validation tests (the clean extract set lives in corpus.py)."""

import os
from pathlib import Path

import pytest

from tests.validation.corpus import Extract

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")


@pytest.fixture
def extract(tmp_path: Path) -> Extract:
    """The clean extract set in a temp folder, ready to mutate and check."""
    return Extract(tmp_path / "extract")
