"""Upload page (/lataus): download the region's template, drop the filled sheet, see the preview
(or every error), confirm.

Access is decided on the server, in the callbacks' plain functions (`handle_upload`,
`handle_confirm`) and the template route, from `flask_login.current_user` — never from anything
the browser sends. The pending upload stays on the server (its bytes in the upload log, keyed by
the hash of a random token bound to the user); the browser holds only the token.
"""
from __future__ import annotations

import base64
import binascii
import re
import tempfile
from pathlib import Path

from dash import Input, Output, State, dcc, html, no_update
from flask import Response, abort, request

from domain import queries
from domain.i18n import collation_key, format_percent, format_period, localized, t
from domain.metrics import NO_DATA_COLOUR, band
from domain.vocabulary import status_label

from .. import uploads
from ..auth import (
    LOGIN_PATH, LOGOUT_PATH, csrf_token, current_actor, require_role, sees_unpublished,
)
from ..data import current_db_url, read_session
from ..round_panels import history_panel, round_panel, target_line
from ..routes import PageRequest

PATH = "/lataus"
NAV = "upload.nav"
TEMPLATE_PATH = "/lataus/pohja"
LOG_PATH = "/lataus/loki"
MEASURE_KEYS = (("readiness_active", "measure.active"), ("readiness_done", "measure.done"),
                ("progress", "view.progress"))


# --- layout -------------------------------------------------------------------------------

def login_needed(lang: str, next_path: str):
    return html.Div([
        html.Div(t("auth.required", lang), className="notice notice-warning", id="login-needed"),
        html.A(t("auth.title", lang), href=f"{LOGIN_PATH}?next={next_path}&lang={lang}",
               className="button button-active", id="login-link"),
    ], className="panel")


def user_bar(actor, lang: str, region=None):
    """Who is logged in; the own region named in the UI language (`region`: its Region row)."""
    role = t(f"account.role.{actor.role}", lang)
    place = localized(region, lang) if region is not None else actor.region_name
    who = f"{actor.display_name} ({role}{', ' + place if place else ''})"
    return html.Div([
        html.Span(t("auth.logged_in_as", lang, name=who), id="logged-in-as"),
        html.Form([
            dcc.Input(type="hidden", name="csrf_token", value=csrf_token()),
            dcc.Input(type="hidden", name="lang", value=lang),
            html.Button(t("auth.logout", lang), type="submit", className="button", id="logout"),
        ], method="POST", action=LOGOUT_PATH, className="inline-form"),
    ], className="user-bar")


def template_href(region_code: str | None, lang: str, period: str | None = None) -> str:
    return f"{TEMPLATE_PATH}?region={region_code or ''}&lang={lang}" + (
        f"&period={period}" if period else "")


def period_choices(session, region) -> tuple[str | None, list[str]]:
    """The month a template is for: by default the month after the region's latest report; an
    earlier month may be chosen to send a correction (a new revision)."""
    from loaders.template import default_period

    default = default_period(session, region) if region is not None else None
    periods = [default] if default else []
    periods += [s.period for s in reversed(queries.snapshots(session)) if s.period not in periods]
    return default, periods


def layout(request: PageRequest):
    lang = request.state.lang
    actor = current_actor()
    if actor is None:
        return login_needed(lang, PATH)
    with read_session(request.db_url) as session:
        regions = queries.regions(session)
        own = next((r for r in regions if r.id == actor.region_id), None)
        choosable = regions if actor.sees_everything else [r for r in [own] if r]
        first = choosable[0] if choosable else None
        default_period, periods = period_choices(session, first)
        rounds_now = round_panel(session, first, lang)
        history = history_panel(session, first, lang)
    region_dropdown = dcc.Dropdown(
        id="upload-region", value=first.code if first else None, clearable=False,
        disabled=not actor.sees_everything,
        options=sorted(({"label": localized(r, lang), "value": r.code} for r in choosable),
                       key=lambda o: collation_key(o["label"], lang)))
    period_dropdown = dcc.Dropdown(
        id="upload-period", value=default_period, clearable=False, searchable=False,
        options=[{"label": format_period(p), "value": p} for p in periods])
    code = first.code if first else None
    log_link = [html.A(t("upload.log_title", lang), href=f"{LOG_PATH}?lang={lang}",
                       className="button", id="upload-log-link")] if actor.sees_everything else []
    if actor.is_admin:
        log_link.append(html.A(t("upload.admin.link", lang), href=f"/yllapito/tuonti?lang={lang}",
                               className="button", id="admin-imports-link"))
    return html.Div([
        html.Div([html.H1(t("upload.page_title", lang), id="upload-title"),
                  user_bar(actor, lang, own)], className="page-head"),
        html.Div(rounds_now, id="upload-round-area"),
        html.Div([
            html.P(t("upload.step_template", lang)),
            html.Div([
                html.Div([html.Label(t("upload.region_label", lang), htmlFor="upload-region"),
                          region_dropdown], className="control control-wide"),
                html.Div([html.Label(t("upload.period_label", lang), htmlFor="upload-period"),
                          period_dropdown], className="control"),
            ], className="controls"),
            html.Div([
                html.A(t("upload.template_fi", lang), href=template_href(code, "fi", default_period),
                       id="template-fi", className="button"),
                html.A(t("upload.template_sv", lang), href=template_href(code, "sv", default_period),
                       id="template-sv", className="button"),
                *log_link,
            ], className="button-row"),
        ], className="panel"),
        html.Div([
            html.P(t("upload.step_upload", lang)),
            dcc.Upload(id="upload-file", multiple=False, className="upload-drop",
                       accept=".xlsx,.ods,application/vnd.openxmlformats-officedocument."
                              "spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet",
                       children=html.Div(t("upload.drop_here", lang))),
            # a coordinator's reason for changing a published month (uploaders never may)
            html.Div([html.Label(t("round.upload.correction_label", lang),
                                 htmlFor="upload-correction", className="control-label"),
                      dcc.Input(id="upload-correction", type="text", maxLength=500,
                                className="text-input")],
                     className="control control-wide",
                     style=None if actor.sees_everything else {"display": "none"}),
            dcc.Loading(html.Div(id="upload-result"), type="dot"),
            dcc.Store(id="upload-token"),
        ], className="panel"),
        html.Div(history, id="upload-history-area"),
    ])


# --- rendering of results ------------------------------------------------------------------

def _chip(cell, lang: str):
    number = cell.band
    colour = band(number).colour if number else NO_DATA_COLOUR
    text = format_percent(cell.percent, lang, no_data=t("no_data", lang))
    return html.Span(text, className="band-chip", style={"background": colour, "color": "#000"})


def _before_after(before, after, lang: str):
    return html.Td([_chip(before, lang), html.Span(" → ", className="arrow"), _chip(after, lang)],
                   className="nowrap")


def _counts(counts: dict, lang: str) -> str:
    return ", ".join(f"{status_label(s, lang)} {n}" for s, n in counts.items() if n) or "–"


def render_preview(preview: uploads.Preview, lang: str, target=None):
    region = localized(preview.region, lang)
    title = t("upload.preview_title", lang, region=region, period=format_period(preview.period))
    lines = [html.H2(title, id="upload-preview-title", tabIndex=-1, **{"data-autofocus": "1"}),
             html.P(title, role="status", className="visually-hidden"),
             target]
    if preview.baseline_period:
        lines.append(html.P(t("upload.preview_against", lang,
                              period=format_period(preview.baseline_period))))
    else:
        lines.append(html.P(t("upload.preview_first", lang)))
    if preview.warnings:
        lines.append(html.Div(
            [html.Strong(t("sheet_checks.warnings_title", lang)),
             html.Ul([html.Li(w.render(lang)) for w in preview.warnings])],
            className="notice notice-warning", id="upload-warnings", role="status"))
    if preview.current_revision:
        lines.append(html.Div(t("upload.preview_replaces", lang,
                                period=format_period(preview.period),
                                revision=preview.current_revision),
                              className="notice notice-warning", id="upload-replaces"))
    head = html.Tr([html.Th(t("workstream", lang))]
                   + [html.Th(f"{t(key, lang)} ({t('upload.col.before', lang).lower()} → "
                              f"{t('upload.col.after', lang).lower()})") for _, key in MEASURE_KEYS]
                   + [html.Th(t("upload.col.status_counts", lang))])
    rows = []
    for ws in preview.workstreams:
        rows.append(html.Tr(
            [html.Td(localized(ws.workstream, lang))]
            + [_before_after(ws.before[m], ws.after[m], lang) for m, _ in MEASURE_KEYS]
            + [html.Td([html.Div(_counts(ws.counts_before, lang), className="muted"),
                        html.Div("→ " + _counts(ws.counts_after, lang))])],
            id=f"preview-row-{ws.workstream.code}"))
    lines += [html.H3(t("upload.heatmap_row", lang)),
              html.Div(html.Table([html.Thead(head), html.Tbody(rows)], className="data-table",
                                  id="upload-preview-table"), className="table-scroll")]
    lines.append(html.H3(t("upload.status_changes", lang)))
    if preview.changes:
        lines.append(html.P(t("upload.changes_count", lang, n=len(preview.changes)),
                            id="upload-change-count"))
        lines.append(html.Details([html.Summary(t("upload.status_changes", lang)), html.Div(html.Table([
            html.Thead(html.Tr([html.Th(t("upload.col.task", lang)), html.Th(""),
                                html.Th(t("upload.col.before", lang)),
                                html.Th(t("upload.col.after", lang))])),
            html.Tbody([html.Tr([html.Td(c.code), html.Td(c.title),
                                 html.Td(status_label(c.before, lang) if c.before else "–"),
                                 html.Td(status_label(c.after, lang))])
                        for c in preview.changes[:500]]),
        ], className="data-table"), className="table-scroll")], open=len(preview.changes) <= 30,
            id="upload-change-list"))
    else:
        lines.append(html.P(t("upload.changes_none", lang)))
    lines.append(html.Div([
        html.Button(t("upload.confirm", lang), id="upload-confirm", n_clicks=0,
                    className="button button-active"),
        html.Button(t("upload.cancel", lang), id="upload-cancel", n_clicks=0, className="button"),
    ], className="button-row"))
    return html.Div(lines, id="upload-preview", className="upload-preview")


def render_rejection(rejection: uploads.Rejection, lang: str):
    labels = [t(f"upload.label.{key}", lang) for key in ("sheet", "row", "column", "value", "problem")]
    return html.Div([
        html.Div(t("upload.rejected_title", lang, n=rejection.error_count),
                 className="notice notice-warning", id="upload-rejected-title", role="alert",
                 tabIndex=-1, **{"data-autofocus": "1"}),
        html.Div(html.Table([
            html.Thead(html.Tr([html.Th(x) for x in labels])),
            html.Tbody([html.Tr([html.Td(r["sheet"]), html.Td(str(r["row"])), html.Td(r["column"]),
                                 html.Td(r["value"]), html.Td(r["message"])])
                        for r in rejection.rows(lang)]),
        ], className="data-table", id="upload-error-table"), className="table-scroll"),
    ], id="upload-errors")


# --- plain functions behind the callbacks ----------------------------------------------------

def decode_contents(contents: str | None) -> bytes | None:
    """dcc.Upload's 'data:<type>;base64,<data>' -> bytes (None when it is not that)."""
    if not contents or not isinstance(contents, str) or "," not in contents:
        return None
    try:
        return base64.b64decode(contents.split(",", 1)[1], validate=False)
    except (binascii.Error, ValueError):
        return None


def handle_upload(actor, contents, filename, db_url: str, lang: str,
                  correction: str | None = None):
    """(result component, token or None)."""
    if actor is None:
        return html.Div(t("auth.required", lang), className="notice notice-warning",
                        id="upload-refused", role="alert"), None
    data = decode_contents(contents)
    if data is None:
        data = b""
    try:
        result = uploads.preview(db_url, actor, filename, data, correction=correction)
    except uploads.UploadRefused as refused:
        return html.Div(refused.render(lang), className="notice notice-warning",
                        id="upload-refused", role="alert"), None
    if isinstance(result, uploads.Preview):
        with read_session(db_url) as session:
            target = target_line(session, result, lang)
        return render_preview(result, lang, target), result.token
    return render_rejection(result, lang), None


def handle_confirm(actor, token, db_url: str, lang: str, correction: str | None = None):
    """The result of confirming a previewed upload (see `confirm_and_refresh`)."""
    return confirm_and_refresh(actor, token, db_url, lang, correction)[0]


def confirm_and_refresh(actor, token, db_url: str, lang: str, correction: str | None = None):
    """(result, round panel, history panel): after a stored upload the page's round status and
    the region's history are drawn again at once, for the region the upload went to; after a
    refusal the panels stay as they are (`no_update`)."""
    if actor is None:
        return html.Div(t("auth.required", lang), className="notice notice-warning",
                        id="upload-refused", role="alert"), no_update, no_update
    try:
        done = uploads.confirm(db_url, actor, token, correction=correction)
    except uploads.UploadRefused as refused:
        return html.Div(refused.render(lang), className="notice notice-warning",
                        id="upload-refused", role="alert"), no_update, no_update
    with read_session(db_url) as session:
        still_open = done.period in queries.open_periods(session)
        region = queries.region(session, done.region.code)
        panels = round_panel(session, region, lang), history_panel(session, region, lang)
    saved_key = "upload.saved"
    if still_open:  # a region's data joins the national picture when the round is published
        saved_key = "round.upload.saved"
    if still_open and not sees_unpublished(actor):
        after = html.P(t("round.upload.saved_open", lang, period=format_period(done.period)),
                       id="upload-saved-open")
    else:
        after = html.A(t("upload.to_overview", lang), href=f"/?period={done.period}&lang={lang}",
                       className="button button-active", id="upload-to-overview")
    return html.Div([
        html.Div(t(saved_key, lang, region=localized(done.region, lang),
                   period=format_period(done.period), revision=done.revision),
                 className="notice", id="upload-saved", role="status", tabIndex=-1,
                 **{"data-autofocus": "1"}),
        after,
    ]), *panels


def _lang_of(search: str | None) -> str:
    from ..state import parse

    return parse(search).lang


# --- template download (plain Flask route) ---------------------------------------------------

def _safe_slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "alue"


@require_role()
def template_download():
    from loaders.common import ValidationFailed
    from loaders.template import write_template

    actor = current_actor()
    lang = request.args.get("lang") if request.args.get("lang") in ("fi", "sv") else "fi"
    code = request.args.get("region") or actor.region_code
    db_url = current_db_url()
    with read_session(db_url) as session:
        region = queries.region(session, code or "")
        if region is None or not actor.may_upload_for(region.id):
            abort(403)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "pohja.xlsx"
            try:
                write_template(session, region, path, lang=lang,
                               period=request.args.get("period") or None)
            except ValidationFailed:
                abort(400)
            data = path.read_bytes()
    name = f"tilannekuva-{_safe_slug(region.code)}-{lang}.xlsx"
    return Response(data, mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f'attachment; filename="{name}"',
                             "Cache-Control": "no-store"})


# --- callbacks ------------------------------------------------------------------------------

def register_callbacks(app) -> None:
    server = app.server
    if "upload_template" not in server.view_functions:
        server.add_url_rule(TEMPLATE_PATH, "upload_template", template_download)

    @app.callback(Output("upload-result", "children"), Output("upload-token", "data"),
                  Output("upload-file", "contents"),
                  Input("upload-file", "contents"), State("upload-file", "filename"),
                  State("url", "search"), State("upload-correction", "value"),
                  prevent_initial_call=True)
    def _on_upload(contents, filename, search, correction=None):
        if contents is None:
            return no_update, no_update, no_update
        body, token = handle_upload(current_actor(), contents, filename, current_db_url(),
                                    _lang_of(search), correction)
        return body, token, None

    @app.callback(Output("upload-result", "children", allow_duplicate=True),
                  Output("upload-token", "data", allow_duplicate=True),
                  Output("upload-round-area", "children"),
                  Output("upload-history-area", "children"),
                  Input("upload-confirm", "n_clicks"), State("upload-token", "data"),
                  State("url", "search"), State("upload-correction", "value"),
                  prevent_initial_call=True)
    def _on_confirm(n_clicks, token, search, correction=None):
        if not n_clicks:
            return no_update, no_update, no_update, no_update
        result, round_now, history = confirm_and_refresh(
            current_actor(), token, current_db_url(), _lang_of(search), correction)
        return result, None, round_now, history

    @app.callback(Output("upload-result", "children", allow_duplicate=True),
                  Output("upload-token", "data", allow_duplicate=True),
                  Input("upload-cancel", "n_clicks"), prevent_initial_call=True)
    def _on_cancel(n_clicks):
        if not n_clicks:
            return no_update, no_update
        return None, None

    @app.callback(Output("template-fi", "href"), Output("template-sv", "href"),
                  Input("upload-region", "value"), Input("upload-period", "value"),
                  prevent_initial_call=True)
    def _on_choice(code, period):
        # only links change here; the template route itself checks who may have which region
        return template_href(code, "fi", period), template_href(code, "sv", period)
