"""Upload log (/lataus/loki), for coordinators and admins: who sent what and when, the result,
and the original file to download again (GET /lataus/loki/<id>/alkuperainen).

Everything is decided on the server: the page body is built in the router's request (the
log-in and role are checked there), and the download route checks the role itself."""
from __future__ import annotations

import re

from dash import html
from flask import Response, abort

from domain import queries
from domain.i18n import format_datetime, format_period, localized, t

from .. import uploads
from ..auth import current_actor, require_role
from ..data import current_db_url, read_session
from ..routes import PageRequest
from .upload import login_needed

PATH = "/lataus/loki"
TITLE = "upload.log_title"  # the page's own <title> (dashboard.app.page_title)
NAV = None  # linked from the upload page for those who may see it
ORIGINAL_PATH = "/lataus/loki/<int:upload_id>/alkuperainen"


def original_href(upload_id: int) -> str:
    return f"/lataus/loki/{upload_id}/alkuperainen"


def _result(upload, lang: str) -> str:
    if upload.result == "accepted":
        if upload.submission is None:  # an admin import (roadmap / summary table)
            return t("upload.log.accepted_plain", lang)
        return t("upload.log.accepted", lang, revision=upload.submission.revision)
    if upload.result == "rejected":
        return t("upload.log.rejected", lang, n=upload.error_count)
    return t("upload.log.previewed", lang)


def layout(request: PageRequest):
    lang = request.state.lang
    actor = current_actor()
    if actor is None:
        return login_needed(lang, PATH)
    if not actor.sees_everything:
        return html.Div(t("upload.forbidden", lang), className="notice notice-warning",
                        id="upload-log-forbidden")
    with read_session(request.db_url) as session:
        log = queries.upload_log(session)
        rows = [html.Tr([
            html.Td(format_datetime(u.created_at, lang)),
            html.Td(u.username),
            html.Td(localized(u.region, lang) if u.region else "–"),
            html.Td(format_period(u.period) if u.period else "–"),
            html.Td(u.file_name),
            html.Td(f"{u.size:,}".replace(",", "\u00a0")),
            html.Td(html.Code(u.sha256[:16] + "…", title=u.sha256)),
            html.Td(_result(u, lang), className=f"result-{u.result}"),
            html.Td(html.A(t("upload.log.download", lang), href=original_href(u.id),
                           id=f"original-{u.id}") if u.result != "rejected" else
                    html.Span(t("security.quarantine_cell", lang),
                              title=t("security.quarantined", lang))),
        ], id=f"upload-log-row-{u.id}") for u in log]
    head = html.Tr([html.Th(t(key, lang)) for key in (
        "upload.log.when", "upload.log.who", "upload.log.region", "upload.log.period",
        "upload.log.file", "upload.log.size", "upload.log.sha256", "upload.log.result",
        "upload.log.download")])
    body = (html.Div(html.Table([html.Thead(head), html.Tbody(rows)], className="data-table",
                                id="upload-log-table"), className="table-scroll")
            if rows else html.P(t("upload.log.empty", lang)))
    return html.Div([html.H1(t("upload.log_title", lang), id="upload-log-title"), body],
                    className="panel")


def _download_name(name: str, upload_id: int) -> str:
    # quoted-string safe, no path parts: the name came from a user
    clean = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "tiedosto"
    return f"{upload_id}-{clean}"


@require_role("coordinator", "admin")
def original_download(upload_id: int):
    try:
        name, data = uploads.original(current_db_url(), current_actor(), upload_id)
    except uploads.UploadRefused:
        abort(404)
    return Response(data, mimetype="application/octet-stream", headers={
        "Content-Disposition": f'attachment; filename="{_download_name(name, upload_id)}"',
        "Cache-Control": "no-store"})


def register_callbacks(app) -> None:
    if "upload_original" not in app.server.view_functions:
        app.server.add_url_rule(ORIGINAL_PATH, "upload_original", original_download)
