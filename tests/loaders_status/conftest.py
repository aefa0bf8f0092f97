"""Fixtures of the status-sheet loader tests: a real SQLite file in tmp_path holding the real
regions and workstreams and a small synthetic task list (helpers in `status_helpers.py`)."""
from __future__ import annotations

import pytest

from domain.db import get_engine, transaction
from status_helpers import build_small_roadmap
from tests.conftest import TEST_MONTHS, open_rounds


@pytest.fixture
def db_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'test.sqlite'}"
    get_engine(url)
    build_small_roadmap(url)
    open_rounds(url, TEST_MONTHS)  # the programme office has opened the months tests send
    return url


@pytest.fixture
def session(db_url):
    with transaction(db_url) as s:
        yield s
