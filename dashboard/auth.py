"""Log-in for the Dash app's Flask server: Flask-Login sessions, roles, CSRF, lock-out, safe
error pages.

- `init_auth(server, db_url)` wires everything onto the Flask server behind Dash.
- Roles: `region_uploader` (uploads for its own region only), `coordinator` (sees everything,
  the upload log, exports), `admin` (also users, roadmap and summary imports). Access is checked
  on the server in every route and callback (`require_role`, `current_actor`); the browser only
  hides what it may not use.
- Whether the dashboards need a log-in is the setting `TILANNEKUVA_REQUIRE_LOGIN` (default off);
  upload and upload log always do.
- The session cookie is HttpOnly, SameSite=Lax, and Secure when `TILANNEKUVA_SECURE_COOKIES=1`
  (set it behind HTTPS). SECRET_KEY comes from `TILANNEKUVA_SECRET_KEY`, else from a key file
  generated once under `data/` with mode 0600 — never from the source.
- Error pages never show a stack trace or a server path (Dash runs with debug off, and every
  error code has a plain, translated page here).
"""
from __future__ import annotations

import datetime as dt
import hmac
import logging
import os
import secrets
import tempfile
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from flask import Flask, Response, abort, redirect, request, session
from flask_login import LoginManager, UserMixin, current_user
from werkzeug.exceptions import HTTPException

from domain import db
from domain.i18n import normalise_lang

log = logging.getLogger(__name__)

LOGIN_PATH = "/kirjaudu"
LOGOUT_PATH = "/uloskirjautuminen"
UPLOADER, COORDINATOR, ADMIN = "region_uploader", "coordinator", "admin"
READER = "reader"  # ministry reader: every published figure, exports; never uploads or logs
SEES_EVERYTHING = (COORDINATOR, ADMIN)
EXPORTERS = (COORDINATOR, ADMIN, READER)
HEALTH_PATH = "/healthz"
# paths that never need a log-in, even when the dashboards do
PUBLIC_PREFIXES = (LOGIN_PATH, "/assets/", "/_dash-component-suites/", "/_favicon.ico",
                   "/favicon.ico", HEALTH_PATH)


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on", "kyllä")


def secret_key() -> str:
    """From the environment, else a random key kept in data/secret_key (made on first start).

    Created atomically: the key is written to a private temporary file which is then hard-linked
    to its name (link fails if another process won the race, and then its key is used), so
    several processes starting together never read an empty or partly written key."""
    key = os.environ.get("TILANNEKUVA_SECRET_KEY")
    if key:
        return key
    path = Path(os.environ.get("TILANNEKUVA_SECRET_KEY_FILE")
                or db.PROJECT_ROOT / "data" / "secret_key")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o600)
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass
        finally:
            os.unlink(tmp)
    return path.read_text().strip()


@dataclass(frozen=True)
class SessionUser(UserMixin):
    """The logged-in user as routes and callbacks see it (a detached copy of the DB row)."""

    id: int
    username: str
    display_name: str
    role: str
    region_id: int | None
    region_code: str | None
    region_name: str | None
    session_version: int = 1
    token: str = ""  # the server-side session's token (dashboard.auth_store)

    def get_id(self) -> str:
        return self.token

    @property
    def sees_everything(self) -> bool:
        return self.role in SEES_EVERYTHING

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN

    def may_upload_for(self, region_id: int | None) -> bool:
        if region_id is None:
            return False
        return self.sees_everything or (self.role == UPLOADER and self.region_id == region_id)

    @classmethod
    def of(cls, user, token: str = "") -> "SessionUser":
        return cls(id=user.id, username=user.username, display_name=user.display_name,
                   role=user.role, region_id=user.region_id,
                   region_code=user.region.code if user.region else None,
                   region_name=user.region.name_fi if user.region else None,
                   session_version=user.session_version, token=token)


def db_url_of(server: Flask | None = None) -> str | None:
    from flask import current_app

    return (server or current_app).config.get("TILANNEKUVA_DB_URL")


def load_session_user(db_url: str | None, token: str) -> SessionUser | None:
    """The user of a live server-side session (logged out, expired or disabled: None)."""
    from domain.auth_store import session_user_id
    from domain.schema import User

    with db.session_factory(db_url)() as s:
        uid = session_user_id(s, token)
        user = s.get(User, uid) if uid is not None else None
        if user is None or not user.active:
            return None
        return SessionUser.of(user, token)


def is_demo_db(db_url: str | None) -> bool:
    from domain.auth_store import DEMO, db_kind

    with db.session_factory(db_url)() as s:
        return db_kind(s) == DEMO


def login_required() -> bool:
    """Every database but a demo needs a log-in for everything (TILANNEKUVA_REQUIRE_LOGIN=1
    closes a demo too)."""
    from flask import current_app

    return bool(current_app.config.get("TILANNEKUVA_REQUIRE_LOGIN")) or \
        not is_demo_db(db_url_of())


def current_actor() -> SessionUser | None:
    """The logged-in user, or None (anonymous)."""
    user = current_user
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user._get_current_object() if hasattr(user, "_get_current_object") else user


def sees_unpublished(actor=None) -> bool:
    """THE rule of who sees a reporting round before it is published (open rounds, their
    incomplete picture, the submission board): coordinators and admins only. Viewers, region
    uploaders and anonymous readers see published rounds only. Outside a request: nobody."""
    if actor is None:
        try:
            actor = current_actor()
        except RuntimeError:  # no request context (plain function calls in tests, the CLI)
            return False
    return actor is not None and getattr(actor, "role", None) in SEES_EVERYTHING


def request_lang() -> str:
    try:
        form_lang = request.form.get("lang")
    except HTTPException:  # an oversized body: its form is never read (the 413 page needs
        form_lang = None   # the language too; reading it here once made that page a 500)
    return normalise_lang(request.args.get("lang") or form_lang or request.cookies.get("lang"))


# --- CSRF ---------------------------------------------------------------------------------

def csrf_token() -> str:
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def csrf_ok(value: str | None) -> bool:
    token = session.get("csrf")
    return bool(token and value and hmac.compare_digest(token, value))


# --- guards -------------------------------------------------------------------------------

def _wants_json() -> bool:
    return request.path.startswith("/_dash-") or request.is_json or \
        request.accept_mimetypes.best == "application/json"


def _login_redirect() -> Response:
    target = request.full_path if request.query_string else request.path
    return redirect(f"{LOGIN_PATH}?{urlencode({'next': target, 'lang': request_lang()})}")


def require_role(*roles: str):
    """Flask view decorator: anonymous -> log-in page (401 for JSON); wrong role -> 403."""
    def decorate(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            actor = current_actor()
            if actor is None:
                if _wants_json():
                    abort(401)
                return _login_redirect()
            if roles and actor.role not in roles:
                abort(403)
            return view(*args, **kwargs)
        return guarded
    return decorate


def safe_next(target: str | None, default: str = "/") -> str:
    """Only local paths: never an open redirect to another site."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") \
            or "\\" in target:
        return default
    return target


# --- wiring -------------------------------------------------------------------------------

def session_lifetime() -> dt.timedelta:
    """Absolute session lifetime (TILANNEKUVA_SESSION_HOURS, default 8): fixed at log-in."""
    try:
        hours = float(os.environ.get("TILANNEKUVA_SESSION_HOURS", "8"))
    except ValueError:
        hours = 8.0
    return dt.timedelta(hours=hours)


def init_auth(server: Flask, db_url: str | None = None, *, require_login: bool | None = None,
              secure_cookies: bool | None = None) -> LoginManager | None:
    if "login" in server.view_functions:  # already wired (create_app and a test may both call)
        return None
    server.secret_key = secret_key()
    if require_login is None:
        require_login = env_flag("TILANNEKUVA_REQUIRE_LOGIN")
    if secure_cookies is None:
        secure_cookies = env_flag("TILANNEKUVA_SECURE_COOKIES")
    from loaders.file_safety import Limits

    server.config.update(
        TILANNEKUVA_DB_URL=db_url,
        TILANNEKUVA_REQUIRE_LOGIN=require_login,
        SESSION_COOKIE_NAME="tilannekuva_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure_cookies,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=secure_cookies,
        PERMANENT_SESSION_LIFETIME=session_lifetime(),
        SESSION_REFRESH_EACH_REQUEST=False,  # no sliding renewal: the lifetime is absolute
        # An upload arrives base64-encoded inside a Dash callback (4/3 of the file). Room for
        # files well over the limit, so that they get the friendly "too large" message from
        # file_safety rather than a bare 413.
        MAX_CONTENT_LENGTH=Limits().max_bytes * 3 + 1024 * 1024,
        PROPAGATE_EXCEPTIONS=False,
    )
    manager = LoginManager()
    manager.init_app(server)
    manager.session_protection = None  # the server-side session is the protection

    @manager.user_loader
    def _load(token: str):
        return load_session_user(db_url_of(server), token)

    @manager.unauthorized_handler
    def _unauthorized():
        if _wants_json():
            abort(401)
        return _login_redirect()

    @server.before_request
    def _gate():
        limit = server.config.get("MAX_CONTENT_LENGTH")
        if limit and (request.content_length or 0) > limit:
            abort(413)  # before the log-in check: anyone gets the translated page, not a cut
        if request.path.startswith(PUBLIC_PREFIXES) or not login_required():
            return None
        if current_actor() is not None:
            return None
        if _wants_json():
            abort(401)
        return _login_redirect()

    from .security import install_headers

    install_headers(server)
    from .error_pages import register_error_pages
    from .login_views import health_view, login_view, logout_view

    server.add_url_rule(LOGIN_PATH, "login", login_view, methods=["GET", "POST"])
    server.add_url_rule(LOGOUT_PATH, "logout", logout_view, methods=["POST"])
    server.add_url_rule(HEALTH_PATH, "healthz", health_view)
    register_error_pages(server)
    return manager
