"""Where a request's database is: the URL given to `create_app`, kept in the Flask config."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlalchemy.orm import Session

from domain import db

CONFIG_KEY = "TILANNEKUVA_DB_URL"


def current_db_url() -> str:
    from flask import current_app

    return current_app.config.get(CONFIG_KEY) or db.default_url()


def visible_snapshots(session: Session) -> list:
    """The snapshots the current user may see: published rounds, plus open ones for
    coordinators and admins (`dashboard.auth.sees_unpublished`)."""
    from domain import queries

    from .auth import sees_unpublished

    return queries.snapshots(session, include_unpublished=sees_unpublished())


def open_periods(db_url: str) -> set[str]:
    from domain import queries

    with read_session(db_url) as session:
        return queries.open_periods(session)


def request_open_periods(request) -> set[str] | frozenset[str]:
    """The open rounds' months of a `routes.PageRequest` (read by the router already)."""
    if request.open_periods is not None:
        return request.open_periods
    return open_periods(request.db_url)


@contextmanager
def read_session(db_url: str) -> Iterator[Session]:
    """A session for reading: look-ups that several functions of a page repeat are read once
    in it (`domain.queries.remember_reads`)."""
    from domain.queries import remember_reads

    with db.session_factory(db_url)() as session:
        yield remember_reads(session)
