"""The demo's log-in users: created with the demo database, can log in, idempotent."""
from __future__ import annotations

from domain import db
from dashboard import accounts


def test_demo_users_log_in_and_are_created_once(structure_db):
    from domain.auth_store import DEMO, mark_kind
    from domain.schema import User

    with db.transaction(structure_db) as s:
        mark_kind(s, DEMO)
    with db.transaction(structure_db) as s:
        assert accounts.create_demo_users(s) == ["koordinaattori", "yllapito", "kainuu",
                                                 "pohjanmaa", "lukija"]
    with db.transaction(structure_db) as s:
        assert accounts.create_demo_users(s) == []
    outcome = accounts.authenticate(structure_db, "kainuu", accounts.DEMO_PASSWORD)
    assert outcome.ok
    with db.session_factory(structure_db)() as s:
        user = s.get(User, outcome.user_id)
        assert user.role == "region_uploader" and user.region.code == "kainuu"
    assert not accounts.authenticate(structure_db, "koordinaattori", "väärä salasana").ok


def test_demo_users_never_go_into_a_real_database(structure_db):
    import pytest

    with db.transaction(structure_db) as s, pytest.raises(accounts.AccountError) as refused:
        accounts.create_demo_users(s)
    assert refused.value.key == "security.demo_users_only"
    with db.session_factory(structure_db)() as s:
        assert accounts.find_user(s, "yllapito") is None
