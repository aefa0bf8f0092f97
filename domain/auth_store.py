"""Data access for log-in security, shared by every worker process through the database:
the database's kind (demo or not), server-side sessions, and fixed-window rate-limit counters.

Nothing here lives in one process's memory, so several gunicorn workers (or several servers on
one PostgreSQL database) agree on who is logged in and how many attempts were made.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import case, delete, select
from sqlalchemy.orm import Session

from domain.schema import AppSetting, AuthSession, RateLimit

KIND_KEY = "kind"
DEMO = "demo"
PRODUCTION = "production"


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


# --- the database's kind ------------------------------------------------------------------

def db_kind(session: Session) -> str | None:
    return session.scalar(select(AppSetting.value).where(AppSetting.key == KIND_KEY))


def mark_kind(session: Session, kind: str) -> None:
    row = session.get(AppSetting, KIND_KEY)
    if row is None:
        session.add(AppSetting(key=KIND_KEY, value=kind))
    else:
        row.value = kind
    session.flush()


# --- server-side sessions -----------------------------------------------------------------

def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(session: Session, user_id: int, lifetime: dt.timedelta,
                   client: str | None = None, at: dt.datetime | None = None) -> str:
    """A new session; returns the random token for the cookie (only its hash is stored)."""
    at = at or now()
    token = secrets.token_urlsafe(32)
    session.execute(delete(AuthSession).where(AuthSession.expires_at < at))
    session.add(AuthSession(id=_digest(token), user_id=user_id, created_at=at,
                            expires_at=at + lifetime, client=(client or "")[:64] or None))
    session.flush()
    return token


def session_user_id(session: Session, token: str | None,
                    at: dt.datetime | None = None) -> int | None:
    """The user of a live session, or None (unknown, logged out or past its lifetime)."""
    if not token:
        return None
    row = session.get(AuthSession, _digest(token))
    if row is None or row.expires_at <= (at or now()):
        return None
    return row.user_id


def end_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(AuthSession).where(AuthSession.id == _digest(token)))


def end_user_sessions(session: Session, user_id: int) -> None:
    session.execute(delete(AuthSession).where(AuthSession.user_id == user_id))


# --- rate limits ----------------------------------------------------------------------------

def hit(session: Session, key: str, window: dt.timedelta, at: dt.datetime | None = None) -> int:
    """Count one attempt under `key`; returns the attempts in the current window, this one
    included. One atomic upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING), so parallel
    attempts in any number of processes are all counted."""
    at = at or now()
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    expired = RateLimit.window_start <= at - window
    stmt = insert(RateLimit).values(key=key[:200], window_start=at, count=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=[RateLimit.key],
        set_={"count": case((expired, 1), else_=RateLimit.count + 1),
              "window_start": case((expired, at), else_=RateLimit.window_start)},
    ).returning(RateLimit.count)
    return int(session.execute(stmt).scalar_one())


def purge_rate_limits(session: Session, older_than: dt.datetime) -> None:
    session.execute(delete(RateLimit).where(RateLimit.window_start < older_than))
