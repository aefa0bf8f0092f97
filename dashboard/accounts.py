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
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.i18n import TranslatableError
from domain.schema import Region, User

ROLES = ("region_uploader", "coordinator", "admin")
MIN_PASSWORD_LENGTH = 10
USERNAME_RE = re.compile(r"^[a-z0-9._-]{3,60}$")


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


LOCKOUT_ATTEMPTS = _env_int("TILANNEKUVA_LOCKOUT_ATTEMPTS", 5)
LOCKOUT_MINUTES = _env_int("TILANNEKUVA_LOCKOUT_MINUTES", 15)

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("timing-equaliser-" + secrets.token_hex(8))


class AccountError(TranslatableError):
    """A user-management request was refused; `key` names the reason."""


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
    return user


def reset_password(session: Session, username: str, password: str) -> User:
    user = _existing(session, username)
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    user.session_version += 1
    return user


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.role, User.username)))


@dataclass(frozen=True)
class LoginOutcome:
    user: User | None
    reason: str | None = None  # None: success; "failed" | "locked"

    @property
    def ok(self) -> bool:
        return self.user is not None and self.reason is None


def authenticate(session: Session, username: str, password: str,
                 at: dt.datetime | None = None) -> LoginOutcome:
    """Check a log-in and update the failure counter / lock (caller commits)."""
    at = at or now()
    user = find_user(session, username or "")
    if user is None or not user.active:
        _verify(_DUMMY_HASH, password or "")
        return LoginOutcome(None, "failed")
    if user.locked_until is not None and user.locked_until > at:
        _verify(_DUMMY_HASH, password or "")
        return LoginOutcome(None, "locked")
    if not _verify(user.password_hash, password or ""):
        user.failed_logins = (user.failed_logins or 0) + 1
        if user.failed_logins >= LOCKOUT_ATTEMPTS:
            user.locked_until = at + dt.timedelta(minutes=LOCKOUT_MINUTES)
            user.failed_logins = 0
            return LoginOutcome(None, "locked")
        return LoginOutcome(None, "failed")
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = at
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return LoginOutcome(user)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# Demo accounts: created only together with the demo database (first `make run`, or
# `tilannekuva demo`), so that the upload flow can be tried at once. Never in a real database.
DEMO_PASSWORD = "demo-tilannekuva"
DEMO_USERS = (
    ("koordinaattori", "coordinator", None, "VM:n koordinaattori (demo)"),
    ("yllapito", "admin", None, "Ylläpitäjä (demo)"),
    ("kainuu", "region_uploader", "Kainuu", "Kainuun raportoija (demo)"),
    ("pohjanmaa", "region_uploader", "Pohjanmaa", "Österbottens rapportör (demo)"),
)


def create_demo_users(session: Session) -> list[str]:
    """The demo's log-in users (password `DEMO_PASSWORD`); existing usernames are left alone."""
    created = []
    for username, role, region, name in DEMO_USERS:
        if find_user(session, username) is None:
            create_user(session, username, DEMO_PASSWORD, role, region, name)
            created.append(username)
    return created
