"""Submission board (Raportointitilanne, /raportointitilanne), for coordinators and admins.

For any round: every region, sent or not, revision, when, by whom, late (after the deadline),
refused attempts with their problem count; missing regions first. Downloads as xlsx and CSV
(`domain.table_export`), the missing regions copied in one click, and the round's actions:
open a new month, publish an open one. Who may: `dashboard.auth.sees_unpublished` — checked in
the layout, in every callback's plain function and in the download route.
"""
from __future__ import annotations

import datetime as dt

from dash import Input, Output, State as In, dcc, html, no_update
from flask import Response, abort, request as flask_request

from domain import db, rounds
from domain.i18n import format_date, format_datetime, format_period, localized, normalise_lang, t
from domain.table_export import DataTable, csv_bytes, xlsx_bytes

from ..auth import current_actor, sees_unpublished
from ..data import current_db_url, read_session
from ..routes import PageRequest
from ..state import parse
from .upload import login_needed

PATH = "/raportointitilanne"
NAV = "round.board.nav"
DOWNLOAD_PATH = "/raportointitilanne/lataa.<kind>"
LATE_FILL, MISSING_FILL = "#F4B183", "#D9D9D9"


def NAV_VISIBLE() -> bool:  # noqa: N802 - read by the header bar: only for those who may see
    return sees_unpublished()


def board_href(period: str | None, lang: str) -> str:
    return f"{PATH}?lang={lang}" + (f"&period={period}" if period else "")


def download_href(kind: str, period: str, lang: str) -> str:
    return f"{PATH}/lataa.{kind}?period={period}&lang={lang}"


def chosen_period(infos: list[rounds.RoundInfo], asked: str | None) -> str | None:
    """The asked round, else the newest open one, else the newest."""
    periods = [r.period for r in infos]
    if asked in periods:
        return asked
    opened = [r.period for r in infos if r.state == rounds.OPEN]
    return opened[-1] if opened else (periods[-1] if periods else None)


def _yes(value: bool, lang: str) -> str:
    return t("round.yes" if value else "round.no", lang)


HEADER_KEYS = ("region", "sent", "revision", "when", "by", "late", "rejected")


def board_rows(status: rounds.RoundStatus, lang: str) -> list[list]:
    return [[localized(r.region, lang), _yes(r.submitted, lang), r.revision, format_datetime(r.submitted_at, lang) or None,
             r.submitted_by, _yes(r.late, lang) if r.submitted else None,
             f"{r.rejected} ({r.problems})" if r.rejected else None] for r in status.rows]


def board_table(status: rounds.RoundStatus, lang: str) -> DataTable:
    """The board as a `DataTable` for the xlsx and CSV downloads."""
    now = format_datetime(dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), lang)
    fills = [[MISSING_FILL if not r.submitted else (LATE_FILL if r.late and i == 5 else None)
              for i in range(len(HEADER_KEYS))] for r in status.rows]
    return DataTable(
        title=t("round.board.title", lang, period=format_period(status.period)) + " – "
        + t("round.board.summary", lang, state=rounds.state_label(status.state, lang),
            deadline=format_date(status.deadline, lang) or "–", submitted=status.submitted,
            total=len(status.rows), missing=status.missing),
        source=t("round.board.source", lang, period=format_period(status.period),
                 state=rounds.state_label(status.state, lang), now=now),
        header_rows=[[t(f"round.col.{k}", lang) for k in HEADER_KEYS]],
        rows=board_rows(status, lang), fills=fills,
        sheet_name=t("round.board.nav", lang))


def _board_body(status: rounds.RoundStatus, lang: str):
    head = html.Tr([html.Th(t(f"round.col.{k}", lang), scope="col") for k in HEADER_KEYS])
    body = []
    for row, r in zip(board_rows(status, lang), status.rows):
        cls = "board-missing" if not r.submitted else ("board-late" if r.late else "board-sent")
        body.append(html.Tr([html.Th(row[0], scope="row")]
                            + [html.Td("" if v is None else str(v)) for v in row[1:]],
                            className=cls, id=f"board-row-{r.region.code}"))
    missing = [localized(r.region, lang) for r in status.rows if not r.submitted]
    return html.Div([
        html.Div(html.Table([html.Thead(head), html.Tbody(body)], className="data-table",
                            id="board-table"), className="table-scroll"),
        html.H2(t("round.board.missing_list", lang)),
        html.Div([
            html.P(", ".join(missing), id="board-missing-text") if missing else
            html.P(t("round.board.none_missing", lang), id="board-missing-text"),
            # the whole labelled button copies (a real <button>: mouse and keyboard alike)
            dcc.Clipboard(target_id="board-missing-text", id="board-copy-missing",
                          className="copy-missing",
                          children=html.Button(t("round.board.copy_missing", lang),
                                               type="button", className="button",
                                               id="board-copy-missing-button"),
                          copied_children=html.Button(t("round.board.copied", lang),
                                                      type="button", className="button",
                                                      id="board-copy-missing-done",
                                                      role="status"))
            if missing else None,
        ]),
    ])


def _actions(status: rounds.RoundStatus | None, lang: str):
    publish = []
    if status is not None and status.state == rounds.OPEN:
        publish = [html.Button(t("round.board.publish_button", lang,
                                 period=format_period(status.period)),
                               id="board-publish", n_clicks=0, className="button button-active")]
    def field(key: str, id_: str, placeholder: str):
        return html.Div([html.Label(t(key, lang), htmlFor=id_, className="control-label"),
                         dcc.Input(id=id_, type="text", placeholder=placeholder)],
                        className="control")

    return html.Div([
        *publish,
        html.Details([
            html.Summary(t("round.board.open_form", lang)),
            html.Div([field("round.col.period", "board-open-period", "2023-02"),
                      field("round.col.deadline", "board-open-deadline", "17.3.2023"),
                      field("round.col.report_date", "board-open-report", "10.3.2023"),
                      html.Button(t("round.board.open_button", lang), id="board-open",
                                  n_clicks=0, className="button")], className="controls"),
        ], id="board-open-form"),
        html.Div(id="board-action-result", role="status"),
    ], className="panel")


def layout(request: PageRequest):
    lang = request.state.lang
    actor = current_actor()
    if actor is None:
        return login_needed(lang, PATH)
    if not sees_unpublished(actor):
        return html.Div(t("round.board.forbidden", lang), className="notice notice-warning",
                        id="board-forbidden")
    with read_session(request.db_url) as session:
        infos = rounds.list_rounds(session)
        period = chosen_period(infos, parse(request.search).period)
        status = rounds.round_status(session, period) if period else None
    if status is None:
        return html.Div([html.H1(t("round.board.nav", lang), id="board-title"),
                         html.P(t("round.board.no_rounds", lang)), _actions(None, lang)],
                        className="panel")
    options = [{"label": f"{format_period(r.period)} · {rounds.state_label(r.state, lang)}",
                "value": r.period} for r in reversed(infos)]
    summary = t("round.board.summary", lang, state=rounds.state_label(status.state, lang),
                deadline=format_date(status.deadline, lang) or "–", submitted=status.submitted,
                total=len(status.rows), missing=status.missing)
    return html.Div([
        html.Div([
            html.H1(t("round.board.title", lang, period=format_period(period)), id="board-title"),
            html.Div([html.Label(t("round.board.round", lang), htmlFor="board-period",
                                 className="control-label"),
                      dcc.Dropdown(id="board-period", options=options, value=period,
                                   clearable=False, searchable=False)],
                     className="control control-period"),
        ], className="page-head"),
        html.P(summary, id="board-summary", className="subtitle"),
        html.Div([html.A(t("round.board.download_xlsx", lang), id="board-xlsx",
                         href=download_href("xlsx", period, lang), className="button"),
                  html.A(t("round.board.download_csv", lang), id="board-csv",
                         href=download_href("csv", period, lang), className="button")],
                 className="button-row"),
        html.Section(_board_body(status, lang), className="panel"),
        _actions(status, lang),
    ])


# --- plain functions behind the callbacks and the download route ----------------------------

def handle_open(actor, db_url: str, period: str | None, deadline: str | None,
                report_date: str | None, lang: str):
    """(message component, new URL or None): open a round (coordinators and admins only)."""
    if not sees_unpublished(actor):
        return _note(t("round.board.forbidden", lang), "warning"), None
    refusals: list[rounds.Refusal] = []
    dead = rounds.parse_date(deadline)
    if dead is None:
        refusals.append(rounds.Refusal("round.bad_date", {"value": deadline or ""}))
    report = None
    if (report_date or "").strip():
        report = rounds.parse_date(report_date)
        if report is None:
            refusals.append(rounds.Refusal("round.bad_date", {"value": report_date}))
    period = (period or "").strip()
    if not refusals:
        try:
            with db.transaction(db_url) as session:
                rounds.open_round(session, period, dead, report, by=actor.username)
        except rounds.RoundRefused as refused:
            refusals = refused.refusals
    if refusals:
        return _note([html.Div(r.render(lang)) for r in refusals], "warning"), None
    return _note(t("round.board.opened", lang, period=format_period(period))), \
        board_href(period, lang)


def handle_publish(actor, db_url: str, period: str | None, lang: str):
    if not sees_unpublished(actor):
        return _note(t("round.board.forbidden", lang), "warning"), None
    try:
        with db.transaction(db_url) as session:
            rounds.publish_round(session, period or "", by=actor.username)
    except rounds.RoundRefused as refused:
        return _note([html.Div(x) for x in refused.render(lang)], "warning"), None
    return _note(t("round.board.published", lang, period=format_period(period))), \
        board_href(period, lang)


def _note(children, kind: str = "info"):
    return html.Div(children, className=f"notice notice-{kind}", id="board-action-note")


def board_download(kind: str):
    actor = current_actor()
    if actor is None:
        abort(401)
    if not sees_unpublished(actor) or kind not in ("xlsx", "csv"):
        abort(403 if kind in ("xlsx", "csv") else 404)
    lang = normalise_lang(flask_request.args.get("lang"))
    period = flask_request.args.get("period") or ""
    try:
        with read_session(current_db_url()) as session:
            table = board_table(rounds.round_status(session, period), lang)
    except rounds.RoundRefused:
        abort(404)
    if kind == "csv":
        data, mimetype = csv_bytes(table), "text/csv; charset=utf-8"
    else:
        data = xlsx_bytes(table)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(data, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="raportointitilanne_{period}_{lang}.{kind}"',
        "Cache-Control": "no-store"})


def register_callbacks(app) -> None:
    if "board_download" not in app.server.view_functions:
        app.server.add_url_rule(DOWNLOAD_PATH, "board_download", board_download)

    @app.callback(Output("url", "search", allow_duplicate=True),
                  Input("board-period", "value"), In("url", "search"),
                  prevent_initial_call=True)
    def _on_period(period, search):
        if not period or parse(search).period == period:
            return no_update
        return board_href(period, parse(search).lang)[len(PATH):]

    @app.callback(Output("board-action-result", "children"),
                  Output("url", "search", allow_duplicate=True),
                  Input("board-open", "n_clicks"), In("board-open-period", "value"),
                  In("board-open-deadline", "value"), In("board-open-report", "value"),
                  In("url", "search"), prevent_initial_call=True)
    def _on_open(n_clicks, period, deadline, report, search):
        if not n_clicks:
            return no_update, no_update
        lang = parse(search).lang
        note, href = handle_open(current_actor(), current_db_url(), period, deadline, report, lang)
        return note, href[len(PATH):] if href else no_update

    @app.callback(Output("board-action-result", "children", allow_duplicate=True),
                  Output("url", "search", allow_duplicate=True),
                  Input("board-publish", "n_clicks"), In("board-period", "value"),
                  In("url", "search"), prevent_initial_call=True)
    def _on_publish(n_clicks, period, search):
        if not n_clicks:
            return no_update, no_update
        lang = parse(search).lang
        note, href = handle_publish(current_actor(), current_db_url(), period, lang)
        return note, (href[len(PATH):] + "&done=1") if href else no_update
