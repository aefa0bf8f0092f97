"""Trends: one line per region over the snapshots for a measure and workstream, the national
median with its spread, and how many regions sit in each band per snapshot."""
from __future__ import annotations

from dash import Input, Output, State as In, dcc, html, no_update

from domain import queries
from domain.i18n import collation_key, format_period, localized, t
from domain.metrics import Measure

from .. import figures
from .. import chart_summaries, downloads
from ..components import chart, export_slot, graph, image_filename, labelled, notice
from ..data import read_session
from ..routes import PageRequest
from ..state import TRENDS_PATH, State, parse, trends_href

PATH = TRENDS_PATH
NAV = "dash.nav.trends"
STATE_KEYS = "trends"


def trend_data(db_url: str, state: State):
    with read_session(db_url) as session:
        streams = queries.workstreams(session)
        regions = queries.region_rows(session)
        if not streams:
            return streams, regions, None
        codes = [w.code for w in streams]
        ws = state.workstream if state.workstream in codes else codes[0]
        return streams, regions, queries.trend_series(session, state.measure, ws)


def layout(request: PageRequest):
    state = request.state
    lang = state.lang
    streams, regions, series = trend_data(request.db_url, state)
    if series is None or not series.snapshots:
        return html.Div(notice(t("dash.no_snapshots", lang), "warning"), className="panel")
    ws_code = series.workstream.code
    highlight = state.highlight if state.highlight in {r.code for r in regions} else None
    first, last = series.periods[0], series.periods[-1]
    span = f"{format_period(first, lang)}–{format_period(last, lang)}"
    name = "_".join(p for p in (state.measure, ws_code, highlight) if p)
    return html.Div([
        html.Div([
            html.Div([html.H1(t("dash.trends.title", lang), id="trends-title", tabIndex=-1),
                      html.P(f"{figures.measure_label(series.measure, lang)} · "
                             f"{localized(series.workstream, lang)} · {span}",
                             className="subtitle", id="trends-subtitle")],
                     className="titles"),
            export_slot("trends"),
        ], className="page-head"),
        html.Div([
            labelled(t("dash.control.measure", lang), dcc.Dropdown(
                id="trends-measure", value=series.measure.value, clearable=False,
                searchable=False,
                options=[{"label": figures.measure_label(m, lang), "value": m.value}
                         for m in Measure]), "trends-measure", "control control-wide"),
            labelled(t("workstream", lang), dcc.Dropdown(
                id="trends-workstream", value=ws_code, clearable=False, searchable=False,
                options=[{"label": localized(w, lang), "value": w.code} for w in streams]),
                "trends-workstream", "control control-wide"),
            labelled(t("dash.control.highlight", lang), dcc.Dropdown(
                id="trends-highlight", value=highlight, clearable=True,
                placeholder=t("dash.control.highlight_none", lang),
                options=sorted(({"label": localized(r, lang), "value": r.code} for r in regions),
                               key=lambda o: collation_key(o["label"], lang))),
                "trends-highlight", "control control-wide"),
        ], className="controls"),
        html.Section([
            html.H2(t("dash.trends.lines", lang)),
            downloads.links("trendi", lang, "trends", measure=series.measure.value,
                            workstream=ws_code),
            chart(graph("trends-lines", figures.trend_lines_figure(series, lang,
                                                                   highlight=highlight, raw=True),
                        image_filename("trendit", lang, name), lang=lang), lang,
                  summary=chart_summaries.trend_lines(series, lang),
                  table=downloads.trend_table(series, lang), summary_id="trends-lines-summary"),
            html.P(t("dash.trends.click_hint", lang), className="hint"),
        ], className="panel panel-graph"),
        html.Section([
            html.H2(t("dash.trends.bands", lang)),
            chart(graph("trends-bands", figures.band_counts_figure(series, lang, raw=True),
                        image_filename("trendit", lang, "luokat", state.measure, ws_code),
                        lang=lang), lang,
                  summary=chart_summaries.band_counts(series, lang),
                  table=downloads.band_counts_table(series, lang),
                  summary_id="trends-bands-summary"),
        ], className="panel panel-graph"),
    ], className="page page-trends")


# --- callbacks' plain functions ---------------------------------------------------------------

def controls_search(measure, workstream, highlight, search) -> str:
    state = parse(search).replace(measure=measure, workstream=workstream, highlight=highlight)
    return trends_href(state)[len(TRENDS_PATH):]


def click_search(click_data, search) -> str | None:
    """Clicking a region's line highlights it."""
    try:
        code = click_data["points"][0]["customdata"]
    except (TypeError, KeyError, IndexError):
        return None
    if not isinstance(code, str):
        return None
    return trends_href(parse(search).replace(highlight=code))[len(TRENDS_PATH):]


def register_callbacks(app) -> None:
    @app.callback(
        Output("url", "search", allow_duplicate=True),
        Input("trends-measure", "value"), Input("trends-workstream", "value"),
        Input("trends-highlight", "value"), In("url", "search"),
        prevent_initial_call=True)
    def _controls(measure, workstream, highlight, search):
        new = controls_search(measure, workstream, highlight, search)
        return no_update if new == (search or "") else new

    @app.callback(Output("url", "search", allow_duplicate=True),
                  Input("trends-lines", "clickData"), In("url", "search"),
                  prevent_initial_call=True)
    def _click(click_data, search):
        return click_search(click_data, search) or no_update
