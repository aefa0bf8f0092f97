"""User management: create, disable, reset passwords, authenticate with lock-out.

Passwords are stored only as argon2id hashes (argon2-cffi, the algorithm OWASP recommends first;
its defaults are RFC 9106's low-memory profile). After `LOCKOUT_ATTEMPTS` failed log-ins in a
row the account is locked for `LOCKOUT_MINUTES`; the counter and lock clear on success or reset.
Unknown usernames cost the same hash verification as known ones, so timing does not tell which
usernames exist.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import threading
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import and_, case, select, update
from sqlalchemy.orm import Session

from domain import db
from domain.auth_store import end_user_sessions
from domain.i18n import TranslatableError
from domain.schema import Region, User

ROLES = ("region_uploader", "reader", "coordinator", "admin")
MIN_PASSWORD_LENGTH = 10
USERNAME_RE = re.compile(r"^[a-z0-9._-]{3,60}$")


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


LOCKOUT_ATTEMPTS = _env_int("TILANNEKUVA_LOCKOUT_ATTEMPTS", 5)
LOCKOUT_MINUTES = _env_int("TILANNEKUVA_LOCKOUT_MINUTES", 15)
# At most this many argon2 verifications (64 MiB each) run at once in one worker process; a
# log-in that cannot get a slot within HASH_WAIT_SECONDS is answered 429 "try again".
MAX_CONCURRENT_HASHES = max(1, _env_int("TILANNEKUVA_MAX_CONCURRENT_HASHES", 2))
HASH_WAIT_SECONDS = 3.0
_hash_slots = threading.BoundedSemaphore(MAX_CONCURRENT_HASHES)

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("timing-equaliser-" + secrets.token_hex(8))


class AccountError(TranslatableError):
    """A user-management request was refused; `key` names the reason."""


class TooBusy(Exception):
    """No password-hash slot free within HASH_WAIT_SECONDS (the caller answers 429)."""


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("account.weak_password", n=MIN_PASSWORD_LENGTH)
    return _hasher.hash(password)


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username.strip().lower()))


def _resolve_region(session: Session, region: str | None) -> Region | None:
    if region is None:
        return None
    from loaders.common import RegionResolver

    resolver = RegionResolver(session)
    found = resolver.resolve(region)
    if found is None:
        problem = resolver.unknown_problem(region)
        raise AccountError(problem.message, value=repr(region), **problem.params)
    return found


def create_user(session: Session, username: str, password: str, role: str,
                region: str | None = None, display_name: str | None = None) -> User:
    username = username.strip().lower()
    if not USERNAME_RE.match(username):
        raise AccountError("account.bad_username")
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if role == "region_uploader" and not region:
        raise AccountError("account.region_needed")
    if role != "region_uploader" and region:
        raise AccountError("account.region_not_allowed")
    if find_user(session, username) is not None:
        raise AccountError("account.exists", username=username)
    user = User(username=username, display_name=display_name or username, role=role,
                region=_resolve_region(session, region), password_hash=hash_password(password),
                active=True, failed_logins=0, session_version=1)
    session.add(user)
    session.flush()
    return user


def _existing(session: Session, username: str) -> User:
    user = find_user(session, username)
    if user is None:
        raise AccountError("account.unknown", username=username)
    return user


def set_active(session: Session, username: str, active: bool) -> User:
    user = _existing(session, username)
    user.active = active
    user.session_version += 1  # a disabled user's open sessions end at once
    end_user_sessions(session, user.id)
    return user


def reset_password(session: Session, username: str, password: str) -> User:
    user = _existing(session, username)
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    user.session_version += 1
    end_user_sessions(session, user.id)
    return user


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.role, User.username)))


@dataclass(frozen=True)
class LoginOutcome:
    user_id: int | None
    reason: str | None = None  # None: success; "failed" | "locked"

    @property
    def ok(self) -> bool:
        return self.user_id is not None and self.reason is None


def authenticate(db_url: str | None, username: str, password: str,
                 at: dt.datetime | None = None) -> LoginOutcome:
    """Check a log-in with an atomic lock-out, in three short transactions:

    1. count the attempt first (one UPDATE … RETURNING: parallel attempts in any number of
       processes each get their own number; an expired lock starts a new count);
    2. verify the password outside any transaction, with a bounded number of hashes at once;
    3. success clears the count; the LOCKOUT_ATTEMPTS-th failure locks the account.
    Attempts numbered above LOCKOUT_ATTEMPTS are refused without hashing, so parallel wrong
    passwords can never win more tries than the limit. Raises TooBusy (nothing counted)."""
    at = at or now()
    with db.transaction(db_url) as session:
        user = find_user(session, username or "")
        row = None
        if user is not None and user.active:
            expired = and_(User.locked_until.is_not(None), User.locked_until <= at)
            row = session.execute(
                update(User).where(User.id == user.id)
                .values(failed_logins=case((expired, 1), else_=User.failed_logins + 1),
                        locked_until=case((expired, None), else_=User.locked_until))
                .returning(User.id, User.failed_logins, User.locked_until, User.password_hash)
            ).one()
            if row.locked_until is None and row.failed_logins > LOCKOUT_ATTEMPTS:
                _lock(session, row.id, at)
    if row is None:
        _verify(_DUMMY_HASH, password or "")
        return LoginOutcome(None, "failed")
    if row.locked_until is not None or row.failed_logins > LOCKOUT_ATTEMPTS:
        _verify(_DUMMY_HASH, password or "")
        return LoginOutcome(None, "locked")
    ok = _verify(row.password_hash, password or "")
    with db.transaction(db_url) as session:
        if not ok:
            if row.failed_logins >= LOCKOUT_ATTEMPTS:
                _lock(session, row.id, at)
                return LoginOutcome(None, "locked")
            return LoginOutcome(None, "failed")
        values = dict(failed_logins=0, locked_until=None, last_login_at=at)
        if _hasher.check_needs_rehash(row.password_hash):
            values["password_hash"] = _hasher.hash(password)
        session.execute(update(User).where(User.id == row.id).values(**values))
    return LoginOutcome(row.id)


def _lock(session: Session, user_id: int, at: dt.datetime) -> None:
    session.execute(update(User).where(User.id == user_id, User.locked_until.is_(None))
                    .values(locked_until=at + dt.timedelta(minutes=LOCKOUT_MINUTES)))


def _verify(password_hash: str, password: str) -> bool:
    if not _hash_slots.acquire(timeout=HASH_WAIT_SECONDS):
        raise TooBusy()
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    finally:
        _hash_slots.release()


# Demo accounts: created only together with the demo database (first `make run`, or
# `tilannekuva demo`), so that the upload flow can be tried at once. Never in a real database.
DEMO_PASSWORD = "demo-tilannekuva"
DEMO_USERS = (
    ("koordinaattori", "coordinator", None, "VM:n koordinaattori (demo)"),
    ("yllapito", "admin", None, "Ylläpitäjä (demo)"),
    ("kainuu", "region_uploader", "Kainuu", "Kainuun raportoija (demo)"),
    ("pohjanmaa", "region_uploader", "Pohjanmaa", "Österbottens rapportör (demo)"),
    ("lukija", "reader", None, "Ministeriön lukija (demo)"),
)


def create_demo_users(session: Session) -> list[str]:
    """The demo's log-in users (password `DEMO_PASSWORD`); existing usernames are left alone.
    Refused unless the database is marked as a demo: the published password must never open
    a real database."""
    from domain.auth_store import DEMO, db_kind

    if db_kind(session) != DEMO:
        raise AccountError("security.demo_users_only")
    created = []
    for username, role, region, name in DEMO_USERS:
        if find_user(session, username) is None:
            create_user(session, username, DEMO_PASSWORD, role, region, name)
            created.append(username)
    return created
