"""Data downloads: every heatmap view, the region page's tables and the trend data as xlsx and
CSV, through the one writer `domain.table_export` (never a second one).

    /lataa/yleiskuva.xlsx|csv?period=&view=&workstream=&sort=&deltas=&lang=   overview heatmap
    /lataa/alue.xlsx|csv?region=&period=&lang=                                region's heatmap
    /lataa/tehtavat.xlsx|csv?region=&period=&lang=                            region's task table
    /lataa/trendi.xlsx|csv?measure=&workstream=&lang=                         trend data

The same tables come from the CLI (`tilannekuva download`). The view state is the page's URL
state, so a download holds exactly what the page shows.
"""
from __future__ import annotations

from urllib.parse import urlencode

from dash import html
from flask import Response, current_app, request

from domain import queries
from domain.i18n import format_date, format_period, localized, normalise_lang, t
from domain.metrics import BANDS, NO_DATA_COLOUR, Measure, View, period_of
from domain.table_export import DataTable, csv_bytes, xlsx_bytes
from domain.vocabulary import status_label

from . import figures
from .cell_colours import heatmap_colour_band, region_colour_band
from .state import State

DOWNLOAD_PREFIX = "/lataa"
KINDS = ("yleiskuva", "alue", "tehtavat", "trendi")
FORMATS = {"xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    xlsx_bytes),
           "csv": ("text/csv; charset=utf-8", csv_bytes)}
PERCENT_FORMAT = '0" %"'
CHANGE_FORMAT = '+0;-0;0'


class BadDownload(ValueError):
    pass


def _fill(band: int | None) -> str:
    return NO_DATA_COLOUR if not band else BANDS[band - 1].colour


def _source(snap, lang: str) -> str:
    text = t("a11y.download.source", lang, period=format_period(snap.period, lang),
             date=format_date(snap.report_date, lang))
    return text + (t("a11y.download.synthetic", lang) if snap.is_synthetic else "")


def heatmap_table(hm, lang: str, *, sort: str = "slide", previous=None,
                  show_deltas: bool = False) -> DataTable:
    """The overview heatmap as on the slide: grouped headers, the task-count row, band fills;
    with `show_deltas` every column gets its change in percentage points next to it."""
    deltas = show_deltas and previous is not None
    group, label = [], []
    for c in hm.columns:
        ws = localized(c.workstream, lang)
        if hm.view is View.READINESS:
            g, lab = ws, figures.column_label(c, lang)
        elif hm.view is View.SUBAREAS:
            g = ws
            lab = t("column.overall", lang) if c.sub_area is None else figures.column_label(c, lang)
        else:
            g, lab = ws, ws
        for sub in ((t("a11y.download.value", lang), t("a11y.download.change", lang))
                    if deltas else (None,)):
            group.append(g)
            label.append(f"{lab} {sub}" if sub else lab)
    corner = t("region", lang)
    header_rows = ([[corner] + label] if hm.view is View.PROGRESS and not deltas
                   else [[corner] + group, [""] + label])
    rows, fills = [], []
    if any(c.national_count is not None for c in hm.columns):
        counts = [t("row.task_count", lang)]
        for c in hm.columns:
            counts += [c.national_count] + ([None] if deltas else [])
        rows.append(counts)
        fills.append([None] * len(counts))
    for region in figures.region_order(hm, sort, lang):
        row, fill = [localized(region, lang)], [None]
        for c in hm.columns:
            cell = hm.cell(region.code, c.key)
            band, _ = heatmap_colour_band(hm, region.code, c)
            row.append(cell.percent)
            fill.append(_fill(band))
            if deltas:
                before = previous.cell(region.code, c.key).percent
                row.append(cell.percent - before if None not in (before, cell.percent) else None)
                fill.append(None)
        rows.append(row)
        fills.append(fill)
    formats = [None] + [CHANGE_FORMAT if deltas and i % 2 else PERCENT_FORMAT
                        for i in range(len(label))]
    return DataTable(title=figures.heatmap_title(hm, lang), source=_source(hm.snapshot, lang),
                     header_rows=header_rows, rows=rows, fills=fills, no_data=t("no_data", lang),
                     number_formats=formats)


def region_heatmap_table(rf, lang: str) -> DataTable:
    """The region page's small heatmap: workstreams × readiness, progress and sub-areas."""
    letters = sorted({sa.letter for w in rf.workstreams for sa in w.sub_areas})
    head = [(Measure.READINESS_ACTIVE, None, t("measure.active", lang)),
            (Measure.READINESS_DONE, None, t("measure.done", lang)),
            (Measure.PROGRESS, None, t("column.overall", lang))]
    head += [(Measure.PROGRESS, letter, letter) for letter in letters]
    groups = [t("view.readiness", lang)] * 2 + [t("view.progress", lang)] * (1 + len(letters))
    rows, fills = [], []
    for w in rf.workstreams:
        areas = {sa.letter for sa in w.sub_areas}
        row, fill = [localized(w, lang)], [None]
        for measure, letter, _ in head:
            if letter is not None and letter not in areas:
                row.append("–")
                fill.append(None)
                continue
            band, _ = region_colour_band(rf, w.code, letter, measure)
            row.append(rf.cell(w.code, letter, measure).percent)
            fill.append(_fill(band))
        rows.append(row)
        fills.append(fill)
    return DataTable(
        title=f"{localized(rf.region, lang)} {format_period(rf.snapshot.period, lang)}",
        source=_source(rf.snapshot, lang),
        header_rows=[[t("workstream", lang)] + groups, [""] + [h[2] for h in head]],
        rows=rows, fills=fills, no_data=t("no_data", lang),
        number_formats=[None] + [PERCENT_FORMAT] * len(head))


def task_table(tasks, region, snap, lang: str) -> DataTable:
    headers = [t("dash.tasks.id", lang), t("workstream", lang), t("sub_area", lang),
               t("dash.tasks.title", lang), t("dash.tasks.due", lang), t("dash.tasks.late", lang),
               t("dash.tasks.status", lang), t("dash.tasks.note", lang)]
    rows = [[x.code, localized(x.workstream, lang),
             f"{x.sub_area.letter} {localized(x.sub_area, lang)}",
             (x.title_sv or x.title_fi) if lang == "sv" else x.title_fi, x.due_label,
             t("dash.tasks.late_flag", lang) if x.late else "", status_label(x.status, lang),
             x.note or ""] for x in tasks]
    return DataTable(title=f"{localized(region, lang)} {format_period(snap.period, lang)} – "
                           f"{t('dash.region.tasks', lang)}",
                     source=_source(snap, lang), header_rows=[headers], rows=rows)


def trend_table(series, lang: str, region_names: set[str] | None = None) -> DataTable:
    """Every region's shown percent per snapshot (only the regions named, if given), then the
    national median and quartiles."""
    periods = [format_period(p, lang) for p in series.periods]
    regions = [(r, localized(r, lang)) for r in series.regions]
    if region_names is not None:
        regions = [(r, name) for r, name in regions if name in region_names]
    rows = [[name] + series.percents(r.code) for r, name in regions]
    fill_of: dict = {}  # ~13 000 cells at 368 organisations, a handful of distinct percents
    fills = [[None] + [fill_of[p] if p in fill_of else fill_of.setdefault(p, _fill(figures_band(p)))
                       for p in row[1:]] for row in rows]
    for key, attr in (("a11y.download.median", "median"), ("a11y.download.q1", "q1"),
                      ("a11y.download.q3", "q3")):
        rows.append([t(key, lang)] + [figures.shown_percent_or_none(getattr(p, attr))
                                      for p in series.national])
        fills.append([None] * (1 + len(periods)))
    first = periods[0] if periods else ""
    last = periods[-1] if periods else ""
    title = figures._series_title(series, lang)
    return DataTable(title=title,
                     source=t("a11y.download.source_trend", lang, first=first, last=last),
                     header_rows=[[t("region", lang)] + periods], rows=rows, fills=fills,
                     no_data=t("no_data", lang),
                     number_formats=[None] + [PERCENT_FORMAT] * len(periods))


def band_counts_table(series, lang: str) -> DataTable:
    """How many regions sit in each band per snapshot (the trends page's stacked bars)."""
    periods = [format_period(p, lang) for p in series.periods]
    rows = [[b.legend(lang)] + [p.band_counts[b.number] for p in series.national] for b in BANDS]
    rows.append([t("no_data", lang)] + [p.band_counts[0] for p in series.national])
    fills = [[_fill(b.number)] + [None] * len(periods) for b in BANDS]
    fills.append([NO_DATA_COLOUR] + [None] * len(periods))
    return DataTable(title=f"{t('dash.trends.bands', lang)}: {figures._series_title(series, lang)}",
                     source=t("a11y.download.source_trend", lang,
                              first=periods[0] if periods else "",
                              last=periods[-1] if periods else ""),
                     header_rows=[[t("a11y.chart.period", lang)] + periods], rows=rows,
                     fills=fills)


def region_trend_table(series, region_code: str, lang: str) -> DataTable:
    """One region's line with the national median and quartiles (the region page's trend)."""
    region = next((r for r in series.regions if r.code == region_code), None)
    keep = {localized(region, lang)} if region is not None else set()
    keep |= {t(k, lang) for k in ("a11y.download.median", "a11y.download.q1",
                                  "a11y.download.q3")}
    full = trend_table(series, lang, keep)  # not the other 367 organisations' rows
    pairs = [(r, f) for r, f in zip(full.rows, full.fills) if r[0] in keep]
    return DataTable(title=full.title, source=full.source, header_rows=full.header_rows,
                     rows=[r for r, _ in pairs], fills=[f for _, f in pairs],
                     no_data=full.no_data, number_formats=full.number_formats)


def figures_band(percent):
    from domain.metrics import band_of_percent

    return band_of_percent(percent)


# --- building a table from a request's parameters (web and CLI) -------------------------------

def _latest(session, period: str | None, unpublished: bool | None = None) -> str:
    """The asked month if the user may see it (an open round: coordinators and admins only,
    `dashboard.auth.sees_unpublished`; `unpublished=True`: the CLI, the database's operator),
    else the latest published round."""
    from .auth import sees_unpublished

    if period:
        try:
            period_of(period)
        except ValueError:
            raise BadDownload(period) from None
        may_see = sees_unpublished() if unpublished is None else unpublished
        if queries.snapshot(session, period) is not None and \
                period not in {s.period for s in queries.snapshots(
                    session, include_unpublished=may_see)}:
            raise BadDownload(period)
        return period
    latest = queries.latest_published(session)
    if latest is None:
        raise BadDownload("-")
    return latest.period


def _marked(session, table: DataTable, period: str, lang: str) -> DataTable:
    """An open round's table says so in its title: 'kesken – 7/23 raportoinut'."""
    from dataclasses import replace

    from domain.rounds import incomplete_label

    marker = incomplete_label(session, period, lang)
    return replace(table, title=f"{table.title} – {marker}") if marker else table


def build(session, kind: str, args, lang: str,
          unpublished: bool | None = None) -> tuple[DataTable, str]:
    """(table, file stem) for a download kind and its parameters (a dict of strings).
    `unpublished`: may open rounds be read (None: the web rule for the current user)."""
    truthy = ("1", "true", "yes", "on")
    try:
        if kind == "yleiskuva":
            period = _latest(session, args.get("period"), unpublished)
            view = View(args.get("view") or View.READINESS.value)
            streams = [w.code for w in queries.workstreams(session)]
            ws = None
            if view is View.SUBAREAS:
                ws = args.get("workstream") if args.get("workstream") in streams else (
                    "yp" if "yp" in streams else streams[0])
            deltas = (args.get("deltas") or "").lower() in truthy
            hm, prev = (queries.heatmap_with_previous(session, period, view, ws) if deltas
                        else (queries.heatmap(session, period, view, ws), None))
            sort = args.get("sort") if args.get("sort") in ("slide", "value") else "slide"
            stem = "_".join(x for x in (view.value, ws, period, "muutos" if deltas else None,
                                        lang) if x)
            table = heatmap_table(hm, lang, sort=sort, previous=prev, show_deltas=deltas)
            return _marked(session, table, period, lang), stem
        if kind in ("alue", "tehtavat"):
            period = _latest(session, args.get("period"), unpublished)
            code = args.get("region") or ""
            if queries.region(session, code) is None:
                raise BadDownload(code or "-")
            rf = queries.region_figures(session, period, code)
            if kind == "alue":
                return (_marked(session, region_heatmap_table(rf, lang), period, lang),
                        f"alue_{code}_{period}_{lang}")
            tasks = queries.task_table(session, period, code)
            return (_marked(session, task_table(tasks, rf.region, rf.snapshot, lang), period, lang),
                    f"tehtavat_{code}_{period}_{lang}")
        if kind == "trendi":
            measure = Measure(args.get("measure") or Measure.PROGRESS.value)
            streams = [w.code for w in queries.workstreams(session)]
            ws = args.get("workstream") if args.get("workstream") in streams else streams[0]
            return (trend_table(queries.trend_series(session, measure, ws), lang),
                    f"trendi_{measure.value}_{ws}_{lang}")
    except (ValueError, LookupError) as exc:
        raise BadDownload(str(exc)) from None
    raise BadDownload(kind)


def render(table: DataTable, fmt: str) -> bytes:
    return FORMATS[fmt][1](table)


# --- links on the pages, Flask route ----------------------------------------------------------

def href(kind: str, fmt: str, **params) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "", False)})
    return f"{DOWNLOAD_PREFIX}/{kind}.{fmt}" + (f"?{query}" if query else "")


def links(kind: str, lang: str, id_prefix: str, **params):
    """The visible "Lataa tiedot (Excel) / (CSV)" links next to a view."""
    return html.Div([
        html.A(t("a11y.download.xlsx", lang), href=href(kind, "xlsx", lang=lang, **params),
               className="button download-link", id=f"{id_prefix}-download-xlsx", download=""),
        html.A(t("a11y.download.csv", lang), href=href(kind, "csv", lang=lang, **params),
               className="button download-link", id=f"{id_prefix}-download-csv", download=""),
    ], className="download-links", role="group", **{"aria-label": t("a11y.download.group", lang)})


def overview_links(state: State, workstream: str | None):
    return links("yleiskuva", state.lang, "overview", period=state.period, view=state.view,
                 workstream=workstream if state.view == View.SUBAREAS.value else None,
                 sort=state.sort if state.sort != "slide" else None,
                 deltas=1 if state.deltas else None)


def download_view(name: str):
    from .data import CONFIG_KEY, read_session
    from .export.web import error_page

    lang = normalise_lang(request.args.get("lang"))
    kind, _, fmt = name.partition(".")
    if kind not in KINDS or fmt not in FORMATS:
        return error_page(404, lang, t("a11y.download.bad", lang, value=name))
    try:
        with read_session(current_app.config.get(CONFIG_KEY)) as session:
            table, stem = build(session, kind, request.args, lang)
    except BadDownload as exc:
        return error_page(400, lang, t("a11y.download.bad", lang, value=str(exc)))
    return Response(render(table, fmt), mimetype=FORMATS[fmt][0], headers={
        "Content-Disposition": f'attachment; filename="{stem}.{fmt}"',
        "Cache-Control": "no-store"})


def register_routes(server) -> None:
    rule = f"{DOWNLOAD_PREFIX}/<name>"
    if rule not in {r.rule for r in server.url_map.iter_rules()}:
        server.add_url_rule(rule, "data_download", download_view)
