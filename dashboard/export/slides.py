"""Slides: the pages' own figures, restyled for a projected 1920×1080 (16:9) slide.

There is no second drawing code here. A slide is the output of the same function the page
calls (`dashboard.figures.heatmap_figure`, `region_subareas_figure`, `trend_lines_figure`,
`band_counts_figure`) drawn with a larger `font_scale`, plus layout only: the page's title, a
subtitle with the period and report date, the four-band legend with the slides' wording, a
source line, and margins that leave room for them.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import plotly.graph_objects as go
from sqlalchemy.orm import Session

from dashboard import figures
from dashboard.components import image_filename
from domain import queries
from domain.i18n import format_date, format_period, localized, normalise_lang, t
from domain.metrics import BANDS, Measure, View, quarter_end, quarter_label
from domain.reference import TARGET_DATE

from .renderer import SLIDE_HEIGHT, SLIDE_WIDTH

# 13 px cell text on the page × 1.5 = 20 px on a 1920 px slide: legible from the back of a
# meeting room (≥ 18 px), while 23 regions still fit on one slide.
FONT_SCALE = 1.5
MIN_TEXT = 18
TITLE_SIZE = 40
SUBTITLE_SIZE = 24
SOURCE_SIZE = 18
SIDE_MARGIN = 64
TITLE_BLOCK = 130  # px above the figure's own top margin: title + subtitle
FOOT_BLOCK = 56  # px below the figure's own bottom margin: source line
LEGEND_BLOCK = 70  # px for a legend that the page puts under an x axis (trend charts)
REGION_FONT_SCALE = 1.7  # the region figure has five rows: room for 20 px cell text


class UnknownSlide(LookupError):
    """A slide asked for with a period, region or workstream the database does not hold.
    `message(lang)` says what is allowed."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(t(key, "en", **params))

    def message(self, lang: str | None = "fi") -> str:
        return t(self.key, lang, **self.params)


@dataclass(frozen=True)
class Slide:
    """One picture of the briefing: what it shows, its file name and its figure."""

    kind: str  # readiness | progress | subareas | region | trend | bands
    name: str  # file name stem, e.g. 'valmiusaste_2021-10_fi'
    title: str
    figure: dict  # plotly figure dict (`go.Figure(slide.figure)` gives the object back)

    @property
    def filename(self) -> str:
        return f"{self.name}.png"


# --- layout additions -------------------------------------------------------------------
# Done on the figure's plain dict: plotly's validated object model costs ~0.1 s per
# `update_layout` on these figures, the dict merge microseconds, and kaleido takes either.

def _band_legend_present(spec: dict, lang: str) -> bool:
    names = {trace.get("name") for trace in spec.get("data", ())}
    return all(band.legend(lang) in names for band in BANDS)


def _band_legend_traces(lang: str, marker_size: int) -> list[dict]:
    """Legend-only entries (no data drawn) with the bands' wording, for figures whose page
    shows the bands as background only (trend lines)."""
    return [dict(type="scatter", x=[None], y=[None], mode="markers", name=band.legend(lang),
                 hoverinfo="skip", showlegend=True,
                 marker=dict(symbol="square", size=marker_size, color=band.colour,
                             line=dict(color="#555555", width=0.5)))
            for band in BANDS]


def _merge(target: dict, changes: dict) -> dict:
    """Deep-merge `changes` into `target` (like `update_layout`, on plain dicts)."""
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value
    return target


def subtitle_text(snap, lang: str, extra: str | None = None) -> str:
    days = queries.working_days_left(snap, TARGET_DATE)
    text = t("export.subtitle", lang, period=format_period(snap.period, lang),
             date=format_date(snap.report_date, lang), days=days)
    if snap.report_date >= TARGET_DATE:  # after the target date: not "0 arkipäivää"
        text = t("a11y.slide.subtitle_after", lang, period=format_period(snap.period, lang),
                 date=format_date(snap.report_date, lang),
                 moved=t("a11y.header.transferred", lang, date=TARGET_DATE))
    return f"{text} · {extra}" if extra else text


def source_text(snap, lang: str, summary_only: bool = False) -> str:
    parts = [t("source_line", lang, period=format_period(snap.period, lang))]
    if summary_only:
        parts.append(t("snapshot.summary_only", lang))
    if snap.is_synthetic:
        parts.append(t("export.synthetic_note", lang))
    return " · ".join(parts)


_INLINE_SIZE = re.compile(r"font-size:\s*(\d+)px")


def one_line_cells(spec: dict) -> dict:
    """Heatmap cells that the page prints on two lines (percent, then the change since the
    previous snapshot) as one line: 23 rows of two lines do not fit a 1080 px slide at
    projected sizes, one line does. The inline size of the change is raised to MIN_TEXT."""
    def fix(text):
        if not isinstance(text, str):
            return text
        text = text.replace("<br>", "\u00a0\u00a0")
        return _INLINE_SIZE.sub(lambda m: f"font-size:{max(int(m.group(1)), MIN_TEXT)}px", text)

    for trace in spec.get("data", ()):
        if trace.get("type") == "heatmap" and trace.get("text") is not None:
            trace["text"] = [[fix(cell) for cell in row] for row in trace["text"]]
    return spec


def _title_size(title: str) -> int:
    # 40 px bold fits about 72 characters on 1920 px; longer titles shrink, never below 32 px.
    return max(32, min(TITLE_SIZE, int(TITLE_SIZE * 72 / max(len(title), 1))))


def as_slide(fig: go.Figure | dict, *, title: str, subtitle: str, source: str, lang: str,
             font_scale: float = FONT_SCALE, axis_below: bool = False) -> dict:
    """A page figure restyled for a 1920×1080 slide (layout only), as a plotly figure dict.

    The legend is pinned just above the source line at the slide's foot; `axis_below` leaves
    room for x-axis tick labels under the plot (trend charts)."""
    spec = fig.to_dict() if isinstance(fig, go.Figure) else fig
    spec.setdefault("data", [])
    layout = spec.setdefault("layout", {})
    if not _band_legend_present(spec, lang):
        spec["data"].extend(_band_legend_traces(lang, round(16 * font_scale)))
    margin = layout.get("margin", {})
    top = (margin.get("t") if margin.get("t") is not None else 80) + TITLE_BLOCK
    bottom = ((margin.get("b") if margin.get("b") is not None else 80) + FOOT_BLOCK
              + (LEGEND_BLOCK if axis_below else 0))
    _merge(layout, dict(
        width=SLIDE_WIDTH, height=SLIDE_HEIGHT, autosize=False,
        margin=dict(l=SIDE_MARGIN, r=SIDE_MARGIN, t=top, b=bottom, autoexpand=True),
        title=dict(text=f"<b>{title}</b>", x=SIDE_MARGIN / SLIDE_WIDTH, xanchor="left",
                   xref="container", y=1 - 24 / SLIDE_HEIGHT, yref="container", yanchor="top",
                   font=dict(size=_title_size(title), family=figures.FONT_FAMILY,
                             color=figures.TEXT_COLOUR),
                   subtitle=dict(text=subtitle, font=dict(size=SUBTITLE_SIZE,
                                                          color="#3A3F45"))),
        legend=dict(font=dict(size=round(12 * FONT_SCALE)), orientation="h",
                    traceorder="normal", yref="container", y=(FOOT_BLOCK - 6) / SLIDE_HEIGHT,
                    yanchor="bottom", x=0, xanchor="left"),
        paper_bgcolor="white",
    ))
    # Projected text never below MIN_TEXT px: axis tick labels the page draws smaller.
    base = layout.get("font", {}).get("size") or 12
    for axis in ("xaxis", "yaxis"):
        tickfont = layout.setdefault(axis, {}).setdefault("tickfont", {})
        if (tickfont.get("size") or base) < MIN_TEXT:
            tickfont["size"] = MIN_TEXT
    # Source line: bottom-left, under the legend. Placed in pixels from the plot's bottom edge,
    # which stays put when plotly widens the top margin for long column titles.
    layout.setdefault("annotations", []).append(dict(
        text=source, showarrow=False, xref="paper", yref="paper", x=0, xanchor="left",
        y=0, yshift=-(bottom - 14), yanchor="bottom",
        font=dict(size=SOURCE_SIZE, color="#4A4F55", family=figures.FONT_FAMILY)))
    return spec


# --- the slides of each view --------------------------------------------------------------

def _snapshot(session: Session, period: str):
    snap = queries.snapshot(session, period)
    if snap is None:
        available = ", ".join(s.period for s in queries.snapshots(session)) or "–"
        raise UnknownSlide("export.error.no_snapshot", period=period, available=available)
    return snap


def _workstream_code(session: Session, code: str | None):
    streams = queries.workstreams(session)
    if code is None:
        return None
    if code not in {w.code for w in streams}:
        raise UnknownSlide("export.error.unknown_workstream", value=code,
                           allowed=", ".join(w.code for w in streams))
    return code


def overview_slide(session: Session, period: str, view: View | str, lang: str = "fi",
                   workstream: str | None = None, *, sort: str = "slide",
                   deltas: bool = False) -> Slide:
    """The overview heatmap as the page draws it for these settings."""
    lang = normalise_lang(lang)
    try:
        view = View(view)
    except ValueError:
        raise UnknownSlide("export.error.unknown_view", value=view,
                           allowed=", ".join(v.value for v in View)) from None
    snap = _snapshot(session, period)
    if view is View.SUBAREAS:
        workstream = _workstream_code(session, workstream) or "yp"
    else:
        workstream = None
    hm = queries.heatmap(session, period, view, workstream)
    previous = None
    if deltas:
        before = queries.previous_snapshot(session, period)
        if before is not None:
            previous = queries.heatmap(session, before.period, view, workstream)
    fig = figures.heatmap_figure(hm, lang, sort=sort, previous=previous,
                                 show_deltas=deltas, font_scale=FONT_SCALE, raw=True)
    notes = []
    if view is not View.READINESS:
        notes.append(t("view.progress.subtitle", lang, quarter=quarter_label(quarter_end(period))))
    else:  # what the Käynnissä cells' colour means (the one colour rule, domain.metrics)
        notes.append(t("a11y.slide.active_colour", lang))
    if previous is not None:
        notes.append(t("export.deltas_note", lang,
                       previous=format_period(previous.snapshot.period, lang)))
    extra = " · ".join(notes) or None
    title = figures.heatmap_title(hm, lang)
    spec = as_slide(fig, title=title, subtitle=subtitle_text(snap, lang, extra),
                    source=source_text(snap, lang, hm.summary_only), lang=lang)
    if deltas:
        one_line_cells(spec)
    parts = [workstream, period] if workstream else [period]
    return Slide(view.value, image_filename(view.value, lang, *parts), title, spec)


def region_slide(session: Session, period: str, region_code: str, lang: str = "fi") -> Slide:
    """A region's page figure: its workstreams × readiness, progress and sub-areas."""
    lang = normalise_lang(lang)
    snap = _snapshot(session, period)
    region = queries.region(session, region_code)
    if region is None:
        raise UnknownSlide("export.error.unknown_region", value=region_code,
                           allowed=", ".join(r.code for r in queries.regions(session)))
    rf = queries.region_figures(session, period, region_code)
    fig = figures.region_subareas_figure(rf, lang, font_scale=REGION_FONT_SCALE, raw=True)
    title = t("export.region.title", lang, region=localized(region, lang),
              period=format_period(period, lang))
    extra = t("view.progress.subtitle", lang, quarter=quarter_label(quarter_end(period)))
    spec = as_slide(fig, title=title, subtitle=subtitle_text(snap, lang, extra),
                    source=source_text(snap, lang, not rf.has_tasks), lang=lang,
                    font_scale=REGION_FONT_SCALE)
    return Slide("region", image_filename("alue", lang, region_code, period), title, spec)


def _series_up_to(series: queries.TrendSeries, period: str) -> queries.TrendSeries:
    """The trend as it stood at `period`: a briefing of 3/2022 never shows later months."""
    keep = [i for i, s in enumerate(series.snapshots) if s.period <= period]
    return dataclasses.replace(
        series, snapshots=[series.snapshots[i] for i in keep],
        values={code: [vals[i] for i in keep] for code, vals in series.values.items()},
        national=[series.national[i] for i in keep])


def trend_slide(session: Session, period: str, workstream: str, lang: str = "fi", *,
                measure: Measure | str = Measure.PROGRESS, kind: str = "trend",
                highlight: str | None = None) -> Slide:
    """The trends page's figures up to `period`: `kind` 'trend' (one line per region with the
    national median and spread) or 'bands' (regions per band per snapshot)."""
    lang = normalise_lang(lang)
    snap = _snapshot(session, period)
    workstream = _workstream_code(session, workstream)
    measure = Measure(measure)
    series = _series_up_to(queries.trend_series(session, measure, workstream), period)
    if kind == "bands":
        fig = figures.band_counts_figure(series, lang, font_scale=FONT_SCALE, raw=True)
    else:
        kind = "trend"
        fig = figures.trend_lines_figure(series, lang, highlight=highlight,
                                         font_scale=FONT_SCALE, raw=True)
    title = t("export.trend.title", lang, measure=figures.measure_label(measure, lang),
              workstream=localized(series.workstream, lang))
    lead = t(f"export.trend.{kind}", lang)
    spec = as_slide(fig, title=title, subtitle=subtitle_text(snap, lang, lead),
                    source=source_text(snap, lang), lang=lang, axis_below=True)
    stem = "trendit" if kind == "trend" else "alueluokat"
    return Slide(kind, image_filename(stem, lang, measure.value, workstream, period), title,
                 spec)


__all__ = ["FONT_SCALE", "Slide", "UnknownSlide", "as_slide", "overview_slide", "region_slide",
           "trend_slide"]
