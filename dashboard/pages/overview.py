"""Overview: the national heatmap, regions × workstreams, for a snapshot and a measure."""
from __future__ import annotations

from dash import Input, Output, State as In, dcc, html, no_update

from domain import queries
from domain.i18n import format_date, format_period, localized, t
from domain.metrics import View, quarter_end, quarter_label

from .. import figures
from .. import downloads
from ..components import export_slot, fieldset, labelled, notice, period_options
from ..data import read_session, request_open_periods, visible_snapshots
from ..heatmap_table import heatmap_table
from ..heatmap_table import legend as heatmap_legend
from ..routes import PageRequest
from ..state import OVERVIEW_PATH, State, overview_href, parse, region_href, region_hrefs

PATH = OVERVIEW_PATH
NAV = "dash.nav.overview"
STATE_KEYS = "overview"
# The 10/21 slides show the sub-areas of Yhdyspinnat; it is the default of the sub-area view.
DEFAULT_SUBAREA_WORKSTREAM = "yp"


def heatmap_data(db_url: str, state: State):
    """(snapshots, heatmap, previous heatmap or None, workstreams) for the overview."""
    with read_session(db_url) as session:
        snaps = visible_snapshots(session)
        streams = queries.workstreams(session)
        if not snaps or state.period is None:
            return snaps, None, None, streams
        ws = _workstream(state, streams)
        if state.deltas:
            hm, prev = queries.heatmap_with_previous(session, state.period, state.view, ws)
        else:
            hm, prev = queries.heatmap(session, state.period, state.view, ws), None
    return snaps, hm, prev, streams


def _workstream(state: State, streams) -> str | None:
    if state.view != View.SUBAREAS.value:
        return None
    codes = [w.code for w in streams]
    if state.workstream in codes:
        return state.workstream
    return DEFAULT_SUBAREA_WORKSTREAM if DEFAULT_SUBAREA_WORKSTREAM in codes else codes[0]


def subtitle(hm, lang: str) -> str:
    if hm.view is View.READINESS:
        return t("dash.overview.readiness_help", lang)
    quarter = quarter_label(quarter_end(hm.snapshot.period))
    return t("view.progress.subtitle", lang, quarter=quarter)


def layout(request: PageRequest):
    state = request.state
    lang = state.lang
    snaps, hm, prev, streams = heatmap_data(request.db_url, state)
    if hm is None:
        return html.Div(notice(t("dash.no_snapshots", lang), "warning"), className="panel")
    ws_code = hm.workstream_code
    table = heatmap_table(hm, lang, sort=state.sort, previous=prev, show_deltas=state.deltas,
                          region_href=region_hrefs(state))
    controls = html.Div([
        labelled(t("dash.control.period", lang), dcc.Dropdown(
            id="overview-period", value=state.period,
            options=period_options(snaps, lang, request_open_periods(request)),
            clearable=False, searchable=False), "overview-period", "control control-period"),
        fieldset(t("dash.control.view", lang), dcc.RadioItems(
            id="overview-view", value=state.view, className="segmented",
            options=[{"label": t(f"view.{v.value}", lang), "value": v.value} for v in View]),
            "control control-view"),
        labelled(t("workstream", lang), dcc.Dropdown(
            id="overview-workstream", value=ws_code or state.workstream,
            options=[{"label": localized(w, lang), "value": w.code} for w in streams],
            clearable=False, searchable=False, disabled=hm.view is not View.SUBAREAS),
            "overview-workstream",
            "control control-workstream" + ("" if hm.view is View.SUBAREAS else " is-hidden")),
        fieldset(t("dash.control.sort", lang), dcc.RadioItems(
            id="overview-sort", value=state.sort, className="segmented",
            options=[{"label": t("dash.sort.slide", lang), "value": "slide"},
                     {"label": t("dash.sort.value", lang), "value": "value"}])),
        fieldset(t("dash.control.compare", lang), dcc.Checklist(
            id="overview-deltas", value=["on"] if state.deltas else [],
            options=[{"label": t("dash.control.deltas", lang), "value": "on"}],
            className="toggle")),
    ], className="controls")
    notes = []
    if state.deltas and prev is None:
        notes.append(notice(t("dash.overview.no_previous", lang), "info"))
    if hm.summary_only:
        notes.append(notice(t("snapshot.summary_only", lang), "info", "overview-summary-only"))
    return html.Div([
        html.Div([
            html.Div([html.H1(figures.heatmap_title(hm, lang), id="overview-title", tabIndex=-1),
                      html.P(subtitle(hm, lang), className="subtitle")], className="titles"),
            export_slot("overview"),
        ], className="page-head"),
        controls,
        *notes,
        html.Section([
            downloads.overview_links(state, ws_code),
            table,
            heatmap_legend(lang, readiness=hm.view is View.READINESS),
            html.P(t("a11y.overview.cell_hint", lang), className="hint"),
            html.P(t("source_line", lang, period=format_period(state.period, lang)) +
                   " · " + t("dash.report_date_short", lang,
                             date=format_date(hm.snapshot.report_date, lang)), className="source"),
        ], className="panel panel-graph panel-heatmap", **{"aria-labelledby": "overview-title"}),
    ], className="page page-overview")


# --- callbacks' plain functions ---------------------------------------------------------------

def controls_search(period, view, workstream, sort, deltas, search) -> str:
    """The overview's controls -> the new query string (language and other keys kept)."""
    state = parse(search).replace(period=period, view=view, workstream=workstream,
                                  sort=sort or "slide", deltas=bool(deltas))
    return overview_href(state)[len(OVERVIEW_PATH):]


def click_href(click_data, search) -> str | None:
    """A click on a heatmap cell -> that region's page, carrying the snapshot and language."""
    try:
        code = click_data["points"][0]["customdata"]
    except (TypeError, KeyError, IndexError):
        return None
    if not isinstance(code, str) or not code:
        return None
    return region_href(code, parse(search).replace(view="readiness"))


def register_callbacks(app) -> None:
    @app.callback(
        Output("url", "search", allow_duplicate=True),
        Input("overview-period", "value"), Input("overview-view", "value"),
        Input("overview-workstream", "value"), Input("overview-sort", "value"),
        Input("overview-deltas", "value"), In("url", "search"),
        prevent_initial_call=True)
    def _controls(period, view, workstream, sort, deltas, search):
        new = controls_search(period, view, workstream, sort, deltas, search)
        return no_update if new == (search or "") else new
