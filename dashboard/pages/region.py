"""Region page: one region's workstreams and sub-areas, its task table with late tasks, what
changed since the previous snapshot, and its trend next to the national median and spread."""
from __future__ import annotations

from dataclasses import dataclass

import dash_ag_grid as dag
from dash import Input, Output, State as In, dcc, html, no_update

from domain import queries, rounds
from domain.i18n import format_date, format_percent, format_period, format_signed, localized, t
from domain.metrics import Measure
from domain.vocabulary import status_label

from .. import figures
from .. import chart_summaries, downloads
from ..heatmap_table import legend as heatmap_legend
from ..heatmap_table import H, region_table
from ..components import chart, export_slot, graph, image_filename, labelled, notice, period_options
from ..data import read_session, request_open_periods, visible_snapshots
from ..routes import PageRequest
from ..state import REGION_PREFIX, State, overview_href, parse, region_href

PATH = REGION_PREFIX
PREFIX = True
NAV = None  # reached from the overview (a region's row or cell)
STATE_KEYS = "region"

GRID_LOCALE_KEYS = (
    "contains", "notContains", "equals", "notEqual", "startsWith", "endsWith", "blank",
    "notBlank", "filterOoo", "andCondition", "orCondition", "noRowsToShow", "page", "of", "to",
    "more", "before", "after", "lessThan", "greaterThan", "inRange", "applyFilter",
    "resetFilter", "clearFilter", "cancelFilter", "selectAll", "searchOoo", "loadingOoo",
    "firstPage", "lastPage", "nextPage", "previousPage", "pageSizeSelectorLabel",
    "inRangeStart", "inRangeEnd", "lessThanOrEqual", "greaterThanOrEqual", "dateFormatOoo",
)


@dataclass
class RegionData:
    snaps: list
    figures: queries.RegionFigures
    previous: queries.RegionFigures | None
    tasks: list[queries.TaskLine]
    changes: list[queries.StatusChange]
    trend: queries.TrendSeries
    streams: list
    corrections: list = ()  # (when, reason) of stated corrections of this month


def region_data(db_url: str, code: str, state: State) -> RegionData | None:
    """Everything the region page shows, read in one session (figures and one region's rows)."""
    with read_session(db_url) as session:
        if queries.region(session, code) is None or state.period is None:
            return None
        snaps = visible_snapshots(session)
        streams = queries.workstreams(session)
        rf = queries.region_figures(session, state.period, code)
        before = queries.previous_snapshot(session, state.period)
        prev = queries.region_figures(session, before.period, code) if before else None
        tasks = queries.task_table(session, state.period, code) if rf.has_tasks else []
        changes = queries.status_changes(session, state.period, code) if rf.has_tasks else []
        trend = queries.trend_series(session, state.measure, trend_workstream(state, streams))
        fixes = rounds.corrections(session, state.period, rf.region.id)
    return RegionData(snaps, rf, prev, tasks, changes, trend, streams, fixes)


def correction_notes(corrections, lang: str) -> list:
    """'korjattu 3.2.2023: …' for every stated correction of the month, newest first."""
    return [html.P(t("round.corrected_note", lang, date=format_date(rounds.local_date(when), lang),
                     reason=reason), className="notice notice-info correction-note")
            for when, reason in reversed(list(corrections))]


def trend_workstream(state: State, streams) -> str:
    codes = [w.code for w in streams]
    return state.workstream if state.workstream in codes else codes[0]


def task_title(line, lang: str) -> str:
    return (line.title_sv or line.title_fi) if lang == "sv" else line.title_fi


def task_rows(tasks: list[queries.TaskLine], lang: str, only_late: bool = False) -> list[dict]:
    """Rows of the task grid (already localised); `only_late` keeps the late tasks."""
    late_text = t("dash.tasks.late_flag", lang)
    return [{
        "id": line.code,
        "workstream": localized(line.workstream, lang),
        "sub_area": f"{line.sub_area.letter} {localized(line.sub_area, lang)}",
        "title": task_title(line, lang),
        "due": line.due_date.isoformat(),
        "due_label": line.due_label,
        "status": status_label(line.status, lang),
        "note": line.note or "",
        "late": late_text if line.late else "",
    } for line in tasks if line.late or not only_late]


def grid_columns(lang: str) -> list[dict]:
    return [
        {"field": "id", "headerName": t("dash.tasks.id", lang), "width": 115},
        {"field": "workstream", "headerName": t("workstream", lang), "width": 165,
         "tooltipField": "workstream"},
        {"field": "sub_area", "headerName": t("sub_area", lang), "width": 185,
         "tooltipField": "sub_area"},
        {"field": "title", "headerName": t("dash.tasks.title", lang), "flex": 2, "minWidth": 240,
         "wrapText": True, "autoHeight": True},
        # Sorted by the date, shown and filtered as the quarter label ("Q4/2021") in a text
        # filter: AG Grid would otherwise infer a date column and offer a mm/dd/yyyy picker.
        {"field": "due", "headerName": t("dash.tasks.due", lang), "width": 125,
         "cellDataType": "text", "filter": "agTextColumnFilter",
         "valueFormatter": {"function": "params.data.due_label"},
         "filterValueGetter": {"function": "params.data.due_label"}},
        {"field": "late", "headerName": t("dash.tasks.late", lang), "width": 110,
         "cellClassRules": {"cell-late": "params.value"}},
        {"field": "status", "headerName": t("dash.tasks.status", lang), "width": 205,
         "tooltipField": "status"},
        {"field": "note", "headerName": t("dash.tasks.note", lang), "flex": 1, "minWidth": 150,
         "wrapText": True, "autoHeight": True},
    ]


GRID_ARIA_KEYS = (
    "ariaChecked", "ariaUnchecked", "ariaIndeterminate", "ariaColumnFiltered",
    "ariaDateFilterInput", "ariaFilterColumn", "ariaFilterFromValue", "ariaFilterToValue",
    "ariaFilterInput", "ariaFilterValue", "ariaFilterMenuOpen", "ariaFilteringOperator",
    "ariaLabelColumnFilter", "ariaLabelColumnMenu", "ariaLabelTooltip", "ariaMenuColumn",
    "ariaPageSizeSelectorLabel", "ariaSortableColumn", "ariaColumnGroupExpansion",
    "ariaRowSelectAll", "ariaSkeletonCellLoading",
)


def grid_locale(lang: str) -> dict:
    """AG Grid's own words and its screen-reader labels in the UI language."""
    texts = {key: t(f"dash.grid.{key}", lang) for key in GRID_LOCALE_KEYS}
    texts.update({key: t(f"a11y.grid.{key}", lang) for key in GRID_ARIA_KEYS})
    return texts


def workstream_changes(data: RegionData, lang: str):
    """A table: per workstream, readiness and progress now, before and the change (points)."""
    if data.previous is None:
        return None
    measures = (Measure.READINESS_ACTIVE, Measure.READINESS_DONE, Measure.PROGRESS)
    head = html.Tr([html.Th(t("workstream", lang))] + [
        html.Th(figures.measure_label(m, lang), colSpan=3) for m in measures])
    sub = html.Tr([html.Th("")] + [
        html.Th(x) for _ in measures for x in (
            format_period(data.previous.snapshot.period, lang),
            format_period(data.figures.snapshot.period, lang), "±")])
    rows = []
    for w in data.streams:
        cells = [html.Th(localized(w, lang), scope="row")]
        for m in measures:
            now = data.figures.cell(w.code, None, m).percent
            before = data.previous.cell(w.code, None, m).percent
            delta = now - before if now is not None and before is not None else None
            cls = "delta-up" if (delta or 0) > 0 else ("delta-down" if (delta or 0) < 0 else "")
            cells += [html.Td(_pct_chip(before, lang)), html.Td(_pct_chip(now, lang)),
                      html.Td(format_signed(delta, lang) if delta is not None else "–",
                              className=f"num {cls}")]
        rows.append(html.Tr(cells))
    return html.Table([html.Thead([head, sub]), html.Tbody(rows)],
                      className="data-table change-table", id="region-ws-changes")


def _pct_chip(percent, lang: str):
    colour = figures.colour_of_percent(percent)
    text = format_percent(percent, lang) if percent is not None else t("no_data", lang)
    return html.Span(text, className="chip", style={"backgroundColor": colour})


def status_change_table(data: RegionData, lang: str):
    """Every task whose status moved. Sent as one HTML string (see `heatmap_table.H`): a
    month with hundreds of changes as Dash components took the renderer seconds."""
    if not data.changes:
        return notice(t("dash.changes.none", lang), "info")
    rows = [H.tr([
        H.td(c.code, className="mono"),
        H.td(localized(c.workstream, lang)),
        H.td((c.title_sv or c.title_fi) if lang == "sv" else c.title_fi),
        H.td(status_label(c.before, lang) if c.before else t("dash.changes.not_reported", lang)),
        H.td("→", className="arrow", **{"aria-hidden": "true"}),
        H.td(status_label(c.after, lang), className="strong"),
    ]) for c in data.changes]
    head = H.tr([H.th(t("dash.tasks.id", lang), scope="col"),
                 H.th(t("workstream", lang), scope="col"),
                 H.th(t("dash.tasks.title", lang), scope="col"),
                 H.th(t("dash.changes.before", lang), scope="col"),
                 H.td(""), H.th(t("dash.changes.after", lang), scope="col")])
    table = H.table([H.thead(head), H.tbody(rows)], className="data-table",
                    id="region-status-changes")
    markup = H.div(table, className="table-scroll table-tall", role="region", tabIndex=0,
                   **{"aria-label": t("dash.changes.tasks", lang, n=len(data.changes))})
    return dcc.Markdown(markup, dangerously_allow_html=True, className="changes-html")


def layout(request: PageRequest):
    state = request.state
    lang = state.lang
    code = request.rest
    if state.period is None:  # no snapshot in the database yet
        return html.Div(notice(t("dash.no_snapshots", lang), "warning"), className="panel")
    data = region_data(request.db_url, code, state)
    if data is None:
        return html.Div([notice(t("dash.region.unknown", lang), "warning"),
                         dcc.Link(t("dash.back_to_overview", lang), href=overview_href(state))],
                        className="panel")
    rf = data.figures
    name = localized(rf.region, lang)
    period = state.period
    late_count = sum(1 for line in data.tasks if line.late)

    # Tasks: the grid, or a clear note for summary-only snapshots.
    if rf.has_tasks:
        toggle_state = state.replace(late=not state.late)
        tasks_block = html.Div([
            html.Div([
                dcc.Link(t("dash.tasks.only_late", lang, n=late_count) if not state.late
                         else t("dash.tasks.show_all", lang, n=len(data.tasks)),
                         href=region_href(code, toggle_state), id="region-late-toggle",
                         className="button" + (" button-active" if state.late else "")),
                html.Span(t("dash.tasks.late_help", lang, date=format_date(rf.snapshot.report_date, lang)),
                          className="hint"),
                downloads.links("tehtavat", lang, "region-tasks", region=code, period=period),
            ], className="grid-toolbar"),
            dag.AgGrid(
                id="region-tasks", rowData=task_rows(data.tasks, lang, state.late),
                columnDefs=grid_columns(lang),
                defaultColDef={"sortable": True, "filter": True, "resizable": True,
                               "floatingFilter": True},
                dashGridOptions={"pagination": True, "paginationPageSize": 20,
                                 "paginationPageSizeSelector": [20, 50, 100, 500],
                                 "localeText": grid_locale(lang), "animateRows": False,
                                 "domLayout": "autoHeight"},
                className="ag-theme-quartz task-grid", style={"width": "100%"}),
        ])
    else:
        tasks_block = notice(t("dash.region.summary_only", lang), "info", "region-summary-only")

    if data.previous is None:
        changes_block = notice(t("dash.changes.no_previous", lang), "info")
    else:
        prev_period = format_period(data.previous.snapshot.period, lang)
        task_changes = (status_change_table(data, lang) if rf.has_tasks and data.previous.has_tasks
                        else notice(t("dash.changes.no_task_rows", lang), "info"))
        changes_block = html.Div([
            html.H3(t("dash.changes.per_workstream", lang, period=prev_period)),
            html.Div(workstream_changes(data, lang), className="table-scroll"),
            html.H3(t("dash.changes.tasks", lang, n=len(data.changes))),
            task_changes,
        ])

    ws_code = trend_workstream(state, data.streams)
    trend_controls = html.Div([
        labelled(t("dash.control.measure", lang), dcc.Dropdown(
            id="region-measure", value=state.measure, clearable=False, searchable=False,
            options=[{"label": figures.measure_label(m, lang), "value": m.value}
                     for m in Measure]), "region-measure", "control control-wide"),
        labelled(t("workstream", lang), dcc.Dropdown(
            id="region-workstream", value=ws_code, clearable=False, searchable=False,
            options=[{"label": localized(w, lang), "value": w.code} for w in data.streams]),
            "region-workstream", "control control-wide"),
    ], className="controls controls-inline")

    return html.Div([
        html.Div([
            html.Div([
                dcc.Link("← " + t("dash.back_to_overview", lang), href=overview_href(state),
                         className="back-link", id="region-back"),
                html.H1(name, id="region-title", tabIndex=-1),
                html.P(t("dash.region.subtitle", lang, period=format_period(period, lang)),
                       className="subtitle"),
                *correction_notes(data.corrections, lang),
            ], className="titles", id="region-titles"),
            html.Div([
                labelled(t("dash.control.period", lang), dcc.Dropdown(
                    id="region-period", value=period,
                    options=period_options(data.snaps, lang, request_open_periods(request)),
                    clearable=False, searchable=False), "region-period",
                    "control control-period"),
                export_slot("region"),
            ], className="head-side"),
        ], className="page-head"),
        html.Section([
            html.H2(t("dash.region.workstreams", lang), id="region-workstreams-title"),
            downloads.links("alue", lang, "region", region=code, period=period),
            region_table(rf, lang),
            heatmap_legend(lang, readiness=True),
        ], className="panel panel-graph panel-heatmap",
            **{"aria-labelledby": "region-workstreams-title"}),
        html.Section([
            html.H2(t("dash.region.tasks", lang)),
            tasks_block,
        ], className="panel", id="region-tasks-panel"),
        html.Section([html.H2(t("dash.region.changes", lang)), changes_block],
                     className="panel", id="region-changes-panel"),
        html.Section([
            html.H2(t("dash.region.trend", lang)),
            trend_controls,
            downloads.links("trendi", lang, "region-trend", measure=state.measure,
                            workstream=ws_code),
            chart(graph("region-trend", figures.region_trend_figure(data.trend, code, lang,
                                                                    raw=True),
                        image_filename("alue", lang, code, "trendi", state.measure, ws_code),
                        lang=lang), lang,
                  summary=chart_summaries.region_trend(data.trend, code, lang),
                  table=downloads.region_trend_table(data.trend, code, lang),
                  summary_id="region-trend-summary"),
        ], className="panel panel-graph"),
    ], className="page page-region")


# --- callbacks' plain functions ---------------------------------------------------------------

def controls_href(pathname, period, measure, workstream, search) -> str:
    code = (pathname or "").rsplit("/", 1)[-1]
    state = parse(search).replace(period=period, measure=measure, workstream=workstream)
    return region_href(code, state)


def register_callbacks(app) -> None:
    @app.callback(
        Output("url", "href", allow_duplicate=True),
        Input("region-period", "value"), Input("region-measure", "value"),
        Input("region-workstream", "value"), In("url", "pathname"), In("url", "search"),
        prevent_initial_call=True)
    def _controls(period, measure, workstream, pathname, search):
        new = controls_href(pathname, period, measure, workstream, search)
        return no_update if new == (pathname or "") + (search or "") else new
