"""The demo's log-in users: created with the demo database, can log in, idempotent."""
from __future__ import annotations

from domain import db
from dashboard import accounts


def test_demo_users_log_in_and_are_created_once(structure_db):
    with db.transaction(structure_db) as s:
        assert accounts.create_demo_users(s) == ["koordinaattori", "yllapito", "kainuu", "pohjanmaa"]
    with db.transaction(structure_db) as s:
        assert accounts.create_demo_users(s) == []
        outcome = accounts.authenticate(s, "kainuu", accounts.DEMO_PASSWORD)
        assert outcome.ok and outcome.user.role == "region_uploader"
        assert outcome.user.region.code == "kainuu"
        assert not accounts.authenticate(s, "koordinaattori", "väärä salasana").ok
