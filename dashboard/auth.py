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
import html
import logging
import os
import secrets
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from flask import Flask, Response, abort, jsonify, redirect, request, session
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from werkzeug.exceptions import HTTPException

from domain import db
from domain.i18n import normalise_lang, t

log = logging.getLogger(__name__)

LOGIN_PATH = "/kirjaudu"
LOGOUT_PATH = "/uloskirjautuminen"
UPLOADER, COORDINATOR, ADMIN = "region_uploader", "coordinator", "admin"
SEES_EVERYTHING = (COORDINATOR, ADMIN)
# paths that never need a log-in, even when the dashboards do
PUBLIC_PREFIXES = (LOGIN_PATH, "/assets/", "/_dash-component-suites/", "/_favicon.ico",
                   "/favicon.ico", "/_reload-hash")


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on", "kyllä")


def secret_key() -> str:
    """From the environment, else a random key kept in data/secret_key (made on first start)."""
    key = os.environ.get("TILANNEKUVA_SECRET_KEY")
    if key:
        return key
    path = Path(os.environ.get("TILANNEKUVA_SECRET_KEY_FILE")
                or db.PROJECT_ROOT / "data" / "secret_key")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_hex(32))
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

    def get_id(self) -> str:
        # the version makes a password reset or disable end the sessions made before it
        return f"{self.id}.{self.session_version}"

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
    def of(cls, user) -> "SessionUser":
        return cls(id=user.id, username=user.username, display_name=user.display_name,
                   role=user.role, region_id=user.region_id,
                   region_code=user.region.code if user.region else None,
                   region_name=user.region.name_fi if user.region else None,
                   session_version=user.session_version)


def db_url_of(server: Flask | None = None) -> str | None:
    from flask import current_app

    return (server or current_app).config.get("TILANNEKUVA_DB_URL")


def load_session_user(db_url: str | None, user_id: str) -> SessionUser | None:
    from domain.schema import User

    try:
        raw_id, _, version = user_id.partition(".")
        uid, version = int(raw_id), int(version or 0)
    except ValueError:
        return None
    with db.session_factory(db_url)() as s:
        user = s.get(User, uid)
        if user is None or not user.active or user.session_version != version:
            return None
        return SessionUser.of(user)


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
    return normalise_lang(request.args.get("lang") or request.form.get("lang")
                          or request.cookies.get("lang"))


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
        PERMANENT_SESSION_LIFETIME=dt.timedelta(hours=8),
        # An upload arrives base64-encoded inside a Dash callback (4/3 of the file). Room for
        # files well over the limit, so that they get the friendly "too large" message from
        # file_safety rather than a bare 413.
        MAX_CONTENT_LENGTH=Limits().max_bytes * 3 + 1024 * 1024,
        PROPAGATE_EXCEPTIONS=False,
    )
    manager = LoginManager()
    manager.init_app(server)
    manager.session_protection = "basic"

    @manager.user_loader
    def _load(user_id: str):
        return load_session_user(db_url_of(server), user_id)

    @manager.unauthorized_handler
    def _unauthorized():
        if _wants_json():
            abort(401)
        return _login_redirect()

    @server.before_request
    def _gate():
        if not server.config.get("TILANNEKUVA_REQUIRE_LOGIN"):
            return None
        if request.path.startswith(PUBLIC_PREFIXES) or current_actor() is not None:
            return None
        if _wants_json():
            abort(401)
        return _login_redirect()

    @server.after_request
    def _headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    server.add_url_rule(LOGIN_PATH, "login", _login_view, methods=["GET", "POST"])
    server.add_url_rule(LOGOUT_PATH, "logout", _logout_view, methods=["POST"])
    _register_error_pages(server)
    return manager


def _login_view():
    from dashboard.accounts import LOCKOUT_MINUTES, authenticate
    from dashboard.pages.login import render_login_page

    lang = request_lang()
    target = safe_next(request.values.get("next"), "")
    if request.method == "GET":
        return render_login_page(lang=lang, csrf=csrf_token(), next_url=target)
    if not csrf_ok(request.form.get("csrf_token")):
        return render_login_page(lang=lang, csrf=csrf_token(), next_url=target,
                                 error=t("upload.csrf", lang)), 400
    username = (request.form.get("username") or "").strip()
    with db.transaction(db_url_of()) as s:
        outcome = authenticate(s, username, request.form.get("password") or "")
        user = SessionUser.of(outcome.user) if outcome.ok else None
    if user is None:
        key = "auth.locked" if outcome.reason == "locked" else "auth.failed"
        log.info("failed log-in for %r (%s)", username[:60], outcome.reason)
        return render_login_page(lang=lang, csrf=csrf_token(), next_url=target,
                                 username=username, error=t(key, lang, minutes=LOCKOUT_MINUTES)), 401
    session.clear()  # a fresh session (and CSRF token) after log-in: no session fixation
    session.permanent = True
    login_user(user)
    default = "/lataus" if user.role == UPLOADER else "/"
    return redirect(safe_next(target, default))


def _logout_view():
    if csrf_ok(request.form.get("csrf_token")):
        logout_user()
        session.clear()
    return redirect(f"{LOGIN_PATH}?lang={request_lang()}")


def _register_error_pages(server: Flask) -> None:
    def page(code: int, key: str):
        lang = request_lang()
        if _wants_json():
            return jsonify(error=t(key, lang)), code
        body = (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>"
                f"<title>{code}</title></head><body style='font-family:sans-serif;margin:3em'>"
                f"<h1>{code}</h1><p>{html.escape(t(key, lang))}</p>"
                f"<p><a href='/?lang={lang}'>{html.escape(t('app.title', lang))}</a></p>"
                f"</body></html>")
        return body, code, {"Content-Type": "text/html; charset=utf-8"}

    keys = {401: "auth.required", 403: "upload.forbidden", 404: "auth.not_found",
            413: "auth.too_large"}

    @server.errorhandler(HTTPException)
    def _http(error: HTTPException):
        code = error.code or 500
        return page(code, keys.get(code, "auth.error_page"))

    @server.errorhandler(Exception)
    def _crash(error: Exception):
        log.exception("unhandled error on %s", request.path)
        return page(500, "auth.error_page")
