"""Deployment hardening of the Flask server behind Dash: security headers (a Content-Security-
Policy Dash works under), the structured audit log on stderr, shared log-in rate limits, a cap
on concurrent upload checks, and the read-only-database error.

- CSP: scripts only from the app itself plus the sha256 hashes of Dash's own inline scripts
  (`Dash.csp_hashes()`); styles may be inline (Plotly and React set them); no plugins, no
  framing (`frame-ancestors 'none'`), forms and connections only to the app.
- Audit: one JSON object per line on stderr (logger `tilannekuva.audit`): time (UTC, ISO),
  event, outcome, user, region, client address, and event details.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
import threading
from contextlib import contextmanager

from flask import Flask, Response, current_app, request

from domain import db

CSP_KEY = "TILANNEKUVA_CSP"
AUDIT = logging.getLogger("tilannekuva.audit")


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


# --- headers ------------------------------------------------------------------------------

def csp_for(script_hashes: list[str] | tuple[str, ...] = ()) -> str:
    scripts = " ".join(["'self'", *script_hashes])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def set_csp(dash_app) -> None:
    """Call once every callback is registered: hashes Dash's inline scripts into the CSP."""
    dash_app.server.config[CSP_KEY] = csp_for(dash_app.csp_hashes())


def install_headers(server: Flask) -> None:
    @server.after_request
    def _headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy",
                           server.config.get(CSP_KEY) or csp_for())
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response


# --- audit log ----------------------------------------------------------------------------

class _JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(getattr(record, "audit", {"message": record.getMessage()}),
                          ensure_ascii=False, default=str)


def _audit_logger() -> logging.Logger:
    if not AUDIT.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_JsonLines())
        AUDIT.addHandler(handler)
        AUDIT.setLevel(logging.INFO)
        AUDIT.propagate = False
    return AUDIT


def audit(event: str, *, user: str | None = None, region: str | None = None, **details) -> None:
    """One structured line on stderr: log-ins, log-outs, uploads and exports."""
    record = {"time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "event": event, "user": user, "region": region}
    try:
        record["addr"] = request.remote_addr
    except RuntimeError:  # outside a request (CLI)
        pass
    record.update({k: v for k, v in details.items() if v is not None})
    _audit_logger().info(event, extra={"audit": record})


def audit_actor(event: str, actor, **details) -> None:
    audit(event, user=getattr(actor, "username", None),
          region=getattr(actor, "region_code", None), **details)


# --- log-in rate limits (shared by every worker through the database) -----------------------

LOGIN_WINDOW = dt.timedelta(minutes=15)


def login_rate_limited(db_url: str | None, username: str, address: str) -> bool:
    """Count this attempt per client address and per account name; True when either is over
    its limit within LOGIN_WINDOW (TILANNEKUVA_LOGIN_LIMIT_ADDRESS, default 50;
    TILANNEKUVA_LOGIN_LIMIT_ACCOUNT, default 20 — the lock-out after 5 failures comes first)."""
    from domain.auth_store import hit, now, purge_rate_limits

    with db.transaction(db_url) as s:
        purge_rate_limits(s, now() - 2 * LOGIN_WINDOW)  # old windows: the table stays small
        per_address = hit(s, f"login-addr:{address}", LOGIN_WINDOW)
        per_account = hit(s, f"login-user:{username.lower()}", LOGIN_WINDOW)
    return per_address > _env_int("TILANNEKUVA_LOGIN_LIMIT_ADDRESS", 50) or \
        per_account > _env_int("TILANNEKUVA_LOGIN_LIMIT_ACCOUNT", 20)


# --- upload checks: a bounded number at once per worker ---------------------------------------

MAX_CONCURRENT_CHECKS = max(1, _env_int("TILANNEKUVA_MAX_CONCURRENT_UPLOADS", 2))
_check_slots = threading.BoundedSemaphore(MAX_CONCURRENT_CHECKS)


def _env_float(name: str, default: float) -> float:
    try:
        return max(0.0, float(os.environ.get(name, default)))
    except ValueError:
        return default


class UploadsBusy(Exception):
    """Every upload-check slot stayed taken for the wait time."""


@contextmanager
def upload_slot(wait_seconds: float | None = None):
    """One of the worker's upload-check slots; UploadsBusy when none frees within
    `wait_seconds` (TILANNEKUVA_UPLOAD_WAIT_SECONDS, default 20)."""
    if wait_seconds is None:
        wait_seconds = _env_float("TILANNEKUVA_UPLOAD_WAIT_SECONDS", 20.0)
    if not _check_slots.acquire(timeout=wait_seconds):
        raise UploadsBusy()
    try:
        yield
    finally:
        _check_slots.release()


# --- read-only databases --------------------------------------------------------------------

def is_read_only_error(error: BaseException) -> bool:
    text = str(getattr(error, "orig", error) or error).lower()
    return any(marker in text for marker in (
        "readonly database", "read-only", "read only", "permission denied for",
        "attempt to write a readonly"))


def current_db_url() -> str | None:
    return current_app.config.get("TILANNEKUVA_DB_URL")
