"""Fixtures of the reporting-round tests: a real SQLite file with the real regions and a small
task list (the status-sheet tests' helpers), NO round opened yet, and users of every role (the
upload tests' helpers)."""
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
for folder in ("loaders_status", "upload"):
    sys.path.insert(0, str(HERE.parent / folder))

from upload_helpers import PASSWORD, USERS, _secret_key  # noqa: E402,F401  (fixture)


@pytest.fixture
def rounds_db(tmp_path) -> str:
    from status_helpers import build_small_roadmap

    from dashboard import accounts
    from domain import db

    url = f"sqlite:///{tmp_path / 'rounds.sqlite'}"
    db.get_engine(url)
    build_small_roadmap(url)
    with db.transaction(url) as session:
        for username, (role, region) in USERS.items():
            accounts.create_user(session, username, PASSWORD, role, region,
                                 display_name=username.capitalize())
    return url
