"""Small building blocks shared by the pages: graphs with the slide-sized PNG button, controls."""
from __future__ import annotations

from dash import dcc, html

from domain.i18n import format_period, t

# File name stems of downloaded PNGs: say the view, region/workstream, period and language.
VIEW_FILE_STEMS = {"readiness": "valmiusaste", "progress": "eteneminen", "subareas": "osa-alueet"}


def image_filename(kind: str, lang: str, *parts: str | None) -> str:
    """'valmiusaste_2021-10_fi', 'alue_pirkanmaa_2022-03_fi', 'trendit_progress_htt_fi'."""
    stem = VIEW_FILE_STEMS.get(kind, kind)
    return "_".join([stem, *[p for p in parts if p], lang])


def graph_config(filename: str) -> dict:
    """Every chart's own camera button gives a 1920×1080 (16:9) PNG named after the view."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "scale": 1,
                                 "filename": filename},
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "zoom2d", "pan2d",
                                   "zoomIn2d", "zoomOut2d", "resetScale2d"],
    }


def graph(id_: str, figure, filename: str, class_name: str = "graph") -> dcc.Graph:
    # Full container width; the figure decides its own height (rows × row height).
    layout = figure["layout"] if isinstance(figure, dict) else figure.layout
    height = (layout.get("height") if isinstance(layout, dict) else layout.height) or 450
    return dcc.Graph(id=id_, figure=figure, config=graph_config(filename), className=class_name,
                     responsive=True, style={"height": f"{height}px", "width": "100%"})


def export_slot(page: str) -> html.Div:
    """An empty place in the page header where the export links ("Vie kuvana", "Briefing pack")
    go; the export engineer fills `<page>-export-slot`."""
    return html.Div(id=f"{page}-export-slot", className="export-slot")


def period_options(snaps, lang: str, open_periods=()) -> list[dict]:
    """Newest first; a month whose round is still open (coordinators only see it) says so."""
    kind = {True: t("dash.period.synthetic_short", lang), False: t("dash.period.real_short", lang)}
    return [{"label": f"{format_period(s.period, lang)} · "
                      + (t("round.state.open", lang) if s.period in open_periods
                         else kind[bool(s.is_synthetic)]),
             "value": s.period} for s in reversed(snaps)]


def labelled(label: str, control, html_for: str | None = None, class_name: str = "control"):
    return html.Div([html.Label(label, htmlFor=html_for, className="control-label"), control],
                    className=class_name)


def notice(text: str, kind: str = "info", id_: str | None = None):
    props = {"id": id_} if id_ else {}
    return html.Div(text, className=f"notice notice-{kind}", role="status", **props)
