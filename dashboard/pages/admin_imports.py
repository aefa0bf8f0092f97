"""Admin imports (/yllapito/tuonti): the roadmap definition workbook and national summary
tables, through the same loaders and file checks as the CLI, admins only (checked in the plain
functions the callbacks call). Each file is logged with its original in the upload log."""
from __future__ import annotations

from dash import Input, Output, State, dcc, html, no_update

from domain.i18n import localized, t
from domain.metrics import View

from .. import uploads
from ..auth import current_actor
from ..data import current_db_url, read_session
from ..routes import PageRequest
from .upload import _lang_of, decode_contents, login_needed, render_rejection

PATH = "/yllapito/tuonti"
TITLE = "upload.admin.title"  # the page's own <title> (dashboard.app.page_title)
NAV = None  # linked from the upload page for admins


def layout(request: PageRequest):
    lang = request.state.lang
    actor = current_actor()
    if actor is None:
        return login_needed(lang, PATH)
    if not actor.is_admin:
        return html.Div(t("upload.forbidden", lang), className="notice notice-warning",
                        id="admin-forbidden")
    from domain import queries

    with read_session(request.db_url) as session:
        streams = queries.workstreams(session)
    views = [{"label": t("upload.admin.measure_auto", lang), "value": ""}] + [
        {"label": t(f"view.{v.value}", lang), "value": v.value} for v in View]
    return html.Div([
        html.H1(t("upload.admin.title", lang), id="admin-title"),
        html.Div([
            html.H2(t("upload.admin.roadmap", lang)),
            dcc.Upload(id="admin-roadmap-file", multiple=False, className="upload-drop",
                       children=html.Div(t("upload.drop_here", lang))),
            dcc.Loading(html.Div(id="admin-roadmap-result"), type="dot"),
        ], className="panel"),
        html.Div([
            html.H2(t("upload.admin.summary", lang)),
            html.Div([
                html.Div([html.Label(t("period", lang), htmlFor="admin-period"),
                          dcc.Input(id="admin-period", type="text", placeholder="2021-10",
                                    debounce=True, style={"width": "120px"})],
                         className="control"),
                html.Div([html.Label(t("upload.admin.view", lang), htmlFor="admin-measure"),
                          dcc.Dropdown(id="admin-measure", value="", clearable=False,
                                       searchable=False, options=views)],
                         className="control control-wide"),
                html.Div([html.Label(t("workstream", lang), htmlFor="admin-workstream"),
                          dcc.Dropdown(id="admin-workstream", value=None,
                                       options=[{"label": localized(w, lang), "value": w.code}
                                                for w in streams])],
                         className="control control-wide"),
            ], className="controls"),
            dcc.Upload(id="admin-summary-file", multiple=False, className="upload-drop",
                       children=html.Div(t("upload.drop_here", lang))),
            dcc.Loading(html.Div(id="admin-summary-result"), type="dot"),
        ], className="panel"),
    ])


def render_result(result, lang: str, id_: str):
    if isinstance(result, uploads.Rejection):
        return render_rejection(result, lang)
    from domain.i18n import catalogue

    counts = ", ".join(
        f"{v} {t(f'upload.count.{k}', lang) if f'upload.count.{k}' in catalogue() else k}"
        for k, v in result.counts.items())
    return html.Div(t("upload.admin.done", lang, counts=counts), className="notice", id=id_)


def handle_admin_import(actor, kind: str, contents, filename, db_url: str, lang: str, **options):
    if actor is None:
        return html.Div(t("auth.required", lang), className="notice notice-warning",
                        id="admin-refused")
    try:
        result = uploads.admin_import(db_url, actor, kind, filename,
                                      decode_contents(contents) or b"", **options)
    except uploads.UploadRefused as refused:
        return html.Div(refused.render(lang), className="notice notice-warning",
                        id="admin-refused")
    return render_result(result, lang, f"admin-{kind}-done")


def register_callbacks(app) -> None:
    @app.callback(Output("admin-roadmap-result", "children"),
                  Output("admin-roadmap-file", "contents"),
                  Input("admin-roadmap-file", "contents"), State("admin-roadmap-file", "filename"),
                  State("url", "search"), prevent_initial_call=True)
    def _roadmap(contents, filename, search):
        if contents is None:
            return no_update, no_update
        return handle_admin_import(current_actor(), "roadmap", contents, filename,
                                   current_db_url(), _lang_of(search)), None

    @app.callback(Output("admin-summary-result", "children"),
                  Output("admin-summary-file", "contents"),
                  Input("admin-summary-file", "contents"), State("admin-summary-file", "filename"),
                  State("admin-period", "value"), State("admin-measure", "value"),
                  State("admin-workstream", "value"), State("url", "search"),
                  prevent_initial_call=True)
    def _summary(contents, filename, period, measure, workstream, search):
        if contents is None:
            return no_update, no_update
        return handle_admin_import(current_actor(), "summary", contents, filename,
                                   current_db_url(), _lang_of(search), period=period,
                                   measure=measure or None, workstream=workstream), None
