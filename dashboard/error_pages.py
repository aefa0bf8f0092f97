"""Error pages: every HTTP error and any exception answered with a plain translated page (JSON
for Dash's requests), never a stack trace or a server path. An oversized body is drained first
so the sender gets the "too large" page; a read-only database gets its own clear page."""
from __future__ import annotations

import html
import logging
import os

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

from domain.i18n import t

from .auth import _wants_json, request_lang

log = logging.getLogger(__name__)


def _drain_body() -> None:
    """Read and discard an oversized body (up to TILANNEKUVA_DRAIN_MAX_BYTES, default 512 MB)
    so that the sender receives the translated "too large" page instead of a broken
    connection. Memory stays at one 1 MB chunk; anything larger is cut off."""
    remaining = request.content_length or 0
    try:
        limit = int(os.environ.get("TILANNEKUVA_DRAIN_MAX_BYTES", 512 * 1024 * 1024))
    except ValueError:
        limit = 512 * 1024 * 1024
    stream = request.environ.get("wsgi.input")
    if stream is None or remaining > limit:
        return
    while remaining > 0:
        chunk = stream.read(min(1024 * 1024, remaining))
        if not chunk:
            break
        remaining -= len(chunk)


def register_error_pages(server: Flask) -> None:
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
        if code == 413:
            _drain_body()
        return page(code, keys.get(code, "auth.error_page"))

    @server.errorhandler(Exception)
    def _crash(error: Exception):
        from .security import is_read_only_error

        if is_read_only_error(error):
            return page(503, "security.read_only")
        log.exception("unhandled error on %s", request.path)
        return page(500, "auth.error_page")
