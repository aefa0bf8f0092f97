"""The log-in, log-out and health-check routes (wired by `dashboard.auth.init_auth`).

Log-in: CSRF, shared rate limits per client address and per account, the atomic lock-out and
bounded hashing of `dashboard.accounts.authenticate`, then a server-side session
(`domain.auth_store`) whose token the signed cookie carries. Log-out deletes that session, so a
copied cookie is refused afterwards. Every outcome goes to the audit log.
"""
from __future__ import annotations

import logging

from flask import jsonify, redirect, request, session
from flask_login import login_user, logout_user

from domain import db
from domain.i18n import t

from .auth import (LOGIN_PATH, UPLOADER, SessionUser, csrf_ok, csrf_token, current_actor,
                   db_url_of, request_lang, safe_next, session_lifetime)

log = logging.getLogger(__name__)


def health_view():
    from sqlalchemy import text

    try:
        with db.get_engine(db_url_of()).connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 — any database failure is "unhealthy"
        log.warning("health check: database unreachable")
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")


def client_address() -> str:
    return (request.remote_addr or "-")[:64]


def _login_refused(lang: str, target: str, username: str, key: str, code: int, **params):
    from dashboard.pages.login import render_login_page

    return render_login_page(lang=lang, csrf=csrf_token(), next_url=target, username=username,
                             error=t(key, lang, **params)), code


def login_view():
    from dashboard.accounts import LOCKOUT_MINUTES, TooBusy, authenticate
    from dashboard.pages.login import render_login_page

    from .security import audit, login_rate_limited

    lang = request_lang()
    target = safe_next(request.values.get("next"), "")
    if request.method == "GET":
        return render_login_page(lang=lang, csrf=csrf_token(), next_url=target)
    if not csrf_ok(request.form.get("csrf_token")):
        return render_login_page(lang=lang, csrf=csrf_token(), next_url=target,
                                 error=t("upload.csrf", lang)), 400
    username = (request.form.get("username") or "").strip()[:60]
    url = db_url_of()
    if login_rate_limited(url, username, client_address()):
        audit("login", outcome="rate_limited", user=username)
        return _login_refused(lang, target, username, "security.rate_limited", 429)
    try:
        outcome = authenticate(url, username, request.form.get("password") or "")
    except TooBusy:
        audit("login", outcome="busy", user=username)
        return _login_refused(lang, target, username, "security.busy", 429)
    if not outcome.ok:
        audit("login", outcome=outcome.reason, user=username)
        key = "auth.locked" if outcome.reason == "locked" else "auth.failed"
        return _login_refused(lang, target, username, key, 401, minutes=LOCKOUT_MINUTES)
    from domain.auth_store import create_session
    from domain.schema import User

    with db.transaction(url) as s:
        token = create_session(s, outcome.user_id, session_lifetime(), client_address())
        user = SessionUser.of(s.get(User, outcome.user_id), token)
    session.clear()  # a fresh session (and CSRF token) after log-in: no session fixation
    session.permanent = True
    login_user(user)
    audit("login", outcome="ok", user=user.username, region=user.region_code, role=user.role)
    default = "/lataus" if user.role == UPLOADER else "/"
    return redirect(safe_next(target, default))


def logout_view():
    from domain.auth_store import end_session

    from .security import audit

    if csrf_ok(request.form.get("csrf_token")):
        actor = current_actor()
        if actor is not None:
            with db.transaction(db_url_of()) as s:
                end_session(s, actor.token)  # a copy of the cookie is refused from now on
            audit("logout", user=actor.username, region=actor.region_code)
        logout_user()
        session.clear()
    return redirect(f"{LOGIN_PATH}?lang={request_lang()}")
