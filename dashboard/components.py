"""Small building blocks shared by the pages: graphs with the slide-sized PNG button, controls."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from dash import dcc, html

from domain.i18n import format_period, t

# File name stems of downloaded PNGs: say the view, region/workstream, period and language.
VIEW_FILE_STEMS = {"readiness": "valmiusaste", "progress": "eteneminen", "subareas": "osa-alueet"}


def image_filename(kind: str, lang: str, *parts: str | None) -> str:
    """'valmiusaste_2021-10_fi', 'alue_pirkanmaa_2022-03_fi', 'trendit_progress_htt_fi'."""
    stem = VIEW_FILE_STEMS.get(kind, kind)
    return "_".join([stem, *[p for p in parts if p], lang])


PLOTLY_LOCALES_DIR = Path(__file__).resolve().parent / "plotly_locales"


@lru_cache(maxsize=4)
def plotly_locale(lang: str) -> dict | None:
    """Plotly's own fi / sv translations (plotly.js-locales, shipped as JSON): given with each
    graph's config, so no script has to register them (and the CSP needs nothing inline)."""
    path = PLOTLY_LOCALES_DIR / f"{lang}.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"dictionary": data["dictionary"], "format": data["format"]}


def graph_config(filename: str, lang: str = "fi") -> dict:
    """Every chart's toolbar: only the camera button, which gives a 1920×1080 (16:9) PNG named
    after the view; Plotly's zoom/pan/select buttons (the figures are fixed), its logo and its
    "Share chart" (Plotly Cloud) button are left out. Texts in the UI language."""
    config = {
        "displaylogo": False,
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "modeBarButtons": [["toImage"]],
        "toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "scale": 1,
                                 "filename": filename},
    }
    locale = plotly_locale(lang)
    if locale is not None:
        config["locale"] = lang
        config["locales"] = {lang: locale}
    return config


def graph(id_: str, figure, filename: str, class_name: str = "graph",
          lang: str = "fi") -> dcc.Graph:
    # Full container width; the figure decides its own height (rows × row height).
    layout = figure["layout"] if isinstance(figure, dict) else figure.layout
    height = (layout.get("height") if isinstance(layout, dict) else layout.height) or 450
    return dcc.Graph(id=id_, figure=figure, config=graph_config(filename, lang),
                     className=class_name, responsive=True,
                     style={"height": f"{height}px", "width": "100%"})


def chart(graph_component, lang: str, *, summary: str, table, summary_id: str):
    """A chart with an accessible name and summary (its figcaption) and a "show as table"
    alternative holding the chart's numbers (the same table as its data download)."""
    from .heatmap_table import data_table_html

    return html.Figure([
        html.Figcaption(summary, id=summary_id, className="chart-summary"),
        graph_component,
        html.Details([html.Summary(t("a11y.chart.show_table", lang)),
                      data_table_html(table, f"{summary_id}-table", lang)],
                     className="chart-table", id=f"{summary_id}-details"),
    ], className="chart-figure", **{"aria-labelledby": summary_id})


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


def fieldset(legend: str, control, class_name: str = "control"):
    """A radio or checkbox group as a native fieldset with its legend (WCAG 1.3.1)."""
    return html.Fieldset([html.Legend(legend, className="control-label"), control],
                         className=f"{class_name} fieldset")
