"""Pure figure functions: data in, `go.Figure` out.

Shared by the pages, the PNG/slide export and the tests, so what a coordinator sees on screen
and what goes into a briefing are drawn by the same code. No database access here: callers pass
`domain.queries` results.

Colours come only from `domain.metrics.BANDS`, chosen by the band of the *shown* whole percent,
so a cell's colour always agrees with its number.
"""
from __future__ import annotations

import textwrap
from typing import Callable, Sequence

import plotly.graph_objects as go

from domain.i18n import collation_key, format_percent, format_period, format_signed, localized, t
from domain.metrics import BANDS, NO_DATA_COLOUR, Measure, View, band_of_percent
from domain.queries import Cell, Column, Heatmap

from .cell_colours import heatmap_colour_band, region_colour_band

FONT_FAMILY = ('system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, '
               '"Noto Sans", "Liberation Sans", sans-serif')
TEXT_COLOUR = "#1A1A1A"
GRID_COLOUR = "#FFFFFF"
HIGHLIGHT_COLOUR = "#0050A0"  # a strong blue, distinct from every band colour
# Region lines: ≥ 3:1 against white and against every faint band background (WCAG 1.4.11);
# 3.6–4.2:1 measured; drawn opaque.
LINE_GREY = "#737C86"

# z value of a cell: 0 = no data, 1–4 = band. The discrete colour scale maps each integer to
# exactly one colour (flat segments), so the drawn colour equals the band colour exactly.
_Z_MIN, _Z_MAX = -0.5, 4.5


def _figure(data: list[dict], layout: dict, raw: bool = False):
    """Every figure function builds a plain spec and wraps it here.

    `raw=True` (the pages) returns the same spec as a plain dict, which dcc.Graph takes as is:
    building and validating Plotly objects costs tens of milliseconds per request on a large
    heatmap. Exports and tests get the validated `go.Figure`; a test checks both are equal."""
    # No Plotly template: the browser (raw spec) and the export (go.Figure) must look the same,
    # and every style the figures need is set explicitly.
    layout = {**layout, "template": {"data": {}, "layout": {}}}
    if raw:
        return {"data": data, "layout": layout}
    return go.Figure(data=data, layout=layout)


def band_colourscale() -> list[list]:
    colours = [NO_DATA_COLOUR] + [b.colour for b in BANDS]
    scale: list[list] = []
    for i, colour in enumerate(colours):
        scale.append([i / len(colours), colour])
        scale.append([(i + 1) / len(colours), colour])
    return scale


def colour_of_percent(percent: int | None) -> str:
    """The cell colour of a shown whole percent (grey for no data)."""
    number = band_of_percent(percent)
    return NO_DATA_COLOUR if number is None else BANDS[number - 1].colour


def colour_of_z(z: int) -> str:
    """Inverse of the colour scale, for tests and exports: z (0–4) -> colour."""
    return NO_DATA_COLOUR if not z else BANDS[int(z) - 1].colour


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False)) or text


def column_label(column: Column, lang: str) -> str:
    """A column's own label (without its workstream group for readiness)."""
    if column.sub_area is not None:
        return f"{column.sub_area.letter} {localized(column.sub_area, lang)}"
    if column.measure is Measure.READINESS_ACTIVE:
        return t("measure.active", lang)
    if column.measure is Measure.READINESS_DONE:
        return t("measure.done", lang)
    if column.sub_area_letter is None and column.workstream is not None and \
            column.key.count(":") == 1 and column.measure is Measure.PROGRESS:
        return localized(column.workstream, lang)
    return column.key


def heatmap_title(hm: Heatmap, lang: str) -> str:
    """The slide title of a heatmap, e.g. 'Alueellisen toimeenpanon valmiusaste …'."""
    from domain.i18n import format_date
    from domain.reference import TARGET_DATE

    period = format_period(hm.snapshot.period, lang)
    if hm.view is View.READINESS:
        return t("view.readiness.title", lang, target=format_date(TARGET_DATE, lang), period=period)
    if hm.view is View.PROGRESS:
        return t("view.progress.title", lang, period=period)
    ws = hm.columns[0].workstream if hm.columns else None
    return t("view.subareas.title", lang, period=period,
             workstream=localized(ws, lang) if ws is not None else "")


def region_order(hm: Heatmap, sort: str = "slide", lang: str = "fi") -> list:
    """Regions in alphabetical order of the names shown in `lang` (in Finnish that is the
    slides' order), or by value: mean of the row's shown percents, highest first, regions
    without data last (ties keep the alphabetical order)."""
    regions = sorted(hm.regions, key=lambda r: collation_key(localized(r, lang), lang)) \
        if lang != "fi" else list(hm.regions)
    if sort != "value":
        return regions

    def key(item):
        pos, region = item
        values = [c.percent for c in hm.row(region.code) if c.percent is not None]
        return (0, -sum(values) / len(values), pos) if values else (1, 0, pos)

    return [r for _, r in sorted(enumerate(regions), key=key)]


def cell_detail_lines(cell, colour_band: int | None, lang: str, started: int | None) -> list[str]:
    """The lines of a cell's details: value, counts, share started, band wording (what its colour
    means). The page's cell details and the figure's hover both say exactly this."""
    if cell.percent is None:
        return [t("no_data", lang)]
    lines = [format_percent(cell.percent, lang)]
    if cell.numerator is not None and cell.denominator is not None:
        lines.append(t("tasks_count", lang, n=cell.numerator, total=cell.denominator))
    elif cell.denominator is not None:
        lines.append(t("dash.hover.summary_value", lang, total=cell.denominator))
    else:
        lines.append(t("dash.hover.summary_value_nocount", lang))
    if started is not None:
        lines.append(t("a11y.cell.started", lang, pct=format_percent(started, lang)))
    if colour_band:
        lines.append(t("a11y.cell.band", lang, band=colour_band,
                       legend=BANDS[colour_band - 1].legend(lang)))
    return lines


def _hover(region_name: str, column_title: str, cell: Cell, lang: str,
           delta_line: str | None, colour: int | None = None, started: int | None = None) -> str:
    lines = [f"<b>{region_name}</b>", column_title,
             *cell_detail_lines(cell, colour or cell.band, lang, started)]
    if delta_line:
        lines.append(delta_line)
    return "<br>".join(lines)


def heatmap_figure(hm: Heatmap, lang: str = "fi", *, sort: str = "slide",
                   previous: Heatmap | None = None, show_deltas: bool = False,
                   region_href: Callable[[str], str] | None = None,
                   font_scale: float = 1.0, raw: bool = False) -> go.Figure:
    """Regions × columns, coloured by band, whole percent in every cell.

    readiness: two columns per workstream (Käynnissä, Valmis) under a grouped header;
    progress: one column per workstream with the 'Tehtävien lkm yht.' counts in the header;
    subareas: Kokonaiskuva and the workstream's sub-areas.
    `previous` + `show_deltas`: each cell also shows its change in percentage points.
    `region_href(code)`: row labels become links (the page passes it; exports do not).
    """
    fs = font_scale
    regions = region_order(hm, sort, lang)
    cols = hm.columns
    n_rows, n_cols = len(regions), len(cols)
    prev_period = format_period(previous.snapshot.period, lang) if previous is not None else ""

    def full_title(col: Column) -> str:
        ws = localized(col.workstream, lang) if col.workstream is not None else ""
        if hm.view is View.READINESS:
            return f"{ws} – {column_label(col, lang)}"
        if col.sub_area is not None:
            return f"{ws} – {column_label(col, lang)}"
        if hm.view is View.SUBAREAS:
            return f"{ws} – {t('column.overall', lang)}"
        return ws

    z, text, hover, custom = [], [], [], []
    for region in regions:
        name = localized(region, lang)
        z_row, text_row, hover_row, custom_row = [], [], [], []
        for col in cols:
            cell = hm.cell(region.code, col.key)
            pct = cell.percent
            colour, started = heatmap_colour_band(hm, region.code, col)
            z_row.append(colour or 0)
            label = format_percent(pct, lang) if pct is not None else t("no_data", lang)
            delta_line = None
            if show_deltas and previous is not None:
                before = previous.cell(region.code, col.key).percent
                if pct is not None and before is not None:
                    delta = pct - before
                    arrow = "▲" if delta > 0 else ("▼" if delta < 0 else "")
                    label += f"<br><span style='font-size:{round(10 * fs)}px'>" \
                             f"{arrow}{format_signed(delta, lang)}</span>"
                    delta_line = t("dash.hover.delta", lang, period=prev_period,
                                   delta=format_signed(delta, lang))
                else:
                    delta_line = t("dash.hover.no_previous", lang)
            text_row.append(label)
            hover_row.append(_hover(name, full_title(col), cell, lang, delta_line,
                                    colour, started))
            custom_row.append(region.code)
        z.append(z_row)
        text.append(text_row)
        hover.append(hover_row)
        custom.append(custom_row)

    heat = dict(type="heatmap", 
        z=z, x=list(range(n_cols)), y=list(range(n_rows)), text=text,
        texttemplate="%{text}", textfont=dict(size=round(13 * fs), color=BANDS[0].text_colour,
                                              family=FONT_FAMILY),
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", customdata=custom,
        colorscale=band_colourscale(), zmin=_Z_MIN, zmax=_Z_MAX, showscale=False,
        xgap=2, ygap=2, name="",
    )
    data = [heat]

    # Row labels (regions): links to the region page when the caller gives hrefs.
    def row_label(region) -> str:
        name = localized(region, lang)
        if region_href is None:
            return name
        return f'<a href="{region_href(region.code)}" target="_self">{name}</a>'

    # Column header: readiness groups two columns under a workstream name; progress and
    # sub-areas print the task counts ("Tehtävien lkm yht.") under the header.
    annotations: list[dict] = []
    header_font = dict(size=round(12 * fs), color=TEXT_COLOUR, family=FONT_FAMILY)
    if hm.view is View.READINESS:
        tick_text = [column_label(c, lang) for c in cols]
        groups: list[tuple[str, list[int]]] = []
        for i, c in enumerate(cols):
            name = localized(c.workstream, lang)
            if groups and groups[-1][0] == name:
                groups[-1][1].append(i)
            else:
                groups.append((name, [i]))
        for name, idx in groups:
            annotations.append(dict(
                x=sum(idx) / len(idx), y=1, xref="x", yref="paper", yshift=round(34 * fs),
                text=f"<b>{_wrap(name, 24)}</b>", showarrow=False, yanchor="bottom",
                font=dict(header_font, size=round(13 * fs))))
        line_y = round(32 * fs)
        shapes = [dict(type="line", xref="x", yref="paper", x0=idx[0] - 0.45, x1=idx[-1] + 0.45,
                       ysizemode="pixel", yanchor=1, y0=line_y, y1=line_y,
                       line=dict(color=LINE_GREY, width=1))
                  for _, idx in groups]
        # a wider white gap between workstreams, so each Käynnissä/Valmis pair reads as one
        shapes += [dict(type="line", xref="x", yref="paper", x0=idx[-1] + 0.5, x1=idx[-1] + 0.5,
                        y0=0, y1=1, line=dict(color="white", width=round(6 * fs)), layer="above")
                   for _, idx in groups[:-1]]
    else:
        width = 22 if hm.view is View.PROGRESS else 18
        tick_text = []
        for c in cols:
            label = t("column.overall", lang) if (hm.view is View.SUBAREAS and c.sub_area is None) \
                else (column_label(c, lang) if c.sub_area is not None
                      else localized(c.workstream, lang))
            tick_text.append(f"<b>{_wrap(label, width)}</b>")
        shapes = []
        counts = [c.national_count for c in cols]
        if any(n is not None for n in counts):
            for i, n in enumerate(counts):
                annotations.append(dict(
                    x=i, y=1, xref="x", yref="paper", yshift=round(4 * fs), yanchor="bottom",
                    text="" if n is None else str(n), showarrow=False, font=header_font))
            annotations.append(dict(
                x=0, y=1, xref="paper", yref="paper", xanchor="right", xshift=-8,
                yshift=round(4 * fs), yanchor="bottom", text=f"<i>{t('row.task_count', lang)}</i>",
                showarrow=False, font=header_font))
    # Room for the count row between the column titles and the cells.
    standoff = round(22 * fs) if hm.view is not View.READINESS and any(
        c.national_count is not None for c in cols) else 0

    # The four-band legend with the slides' wording, plus grey "ei tietoa", under the heatmap.
    data += _band_legend(lang, fs * 16 / 14)

    row_height = 26 * fs + (10 * fs if show_deltas and previous is not None else 0)
    # Header height from the actual number of label lines (wrapped names, group header).
    tick_lines = max((label.count("<br>") + 1 for label in tick_text), default=1)
    group_lines = max((a["text"].count("<br>") + 1 for a in annotations
                       if hm.view is View.READINESS), default=0)
    top = (tick_lines * 16 + (group_lines * 17 + 24 if group_lines else 0) + 22) * fs + standoff
    layout = dict(
        font=dict(family=FONT_FAMILY, size=round(12 * fs), color=TEXT_COLOUR),
        paper_bgcolor="white", plot_bgcolor="white",
        height=round(n_rows * row_height + top + 90 * fs),
        margin=dict(l=10, r=10, t=round(top), b=round(70 * fs)),
        showlegend=True,
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.02, yanchor="top",
                    itemclick=False, itemdoubleclick=False,
                    font=dict(size=round(12 * fs)), traceorder="normal"),
        annotations=annotations,
        xaxis=dict(side="top", tickmode="array", tickvals=list(range(n_cols)),
                   ticktext=tick_text, showgrid=False, zeroline=False, fixedrange=True,
                   range=[-0.5, n_cols - 0.5], tickfont=dict(size=round(12 * fs)), ticks="",
                   ticklabelstandoff=standoff),
        yaxis=dict(tickmode="array", tickvals=list(range(n_rows)),
                   ticktext=[row_label(r) for r in regions], autorange="reversed",
                   showgrid=False, zeroline=False, fixedrange=True, automargin=True,
                   tickfont=dict(size=round(13 * fs)), ticksuffix="  ", ticks=""),
        hoverlabel=dict(bgcolor="white", font=dict(family=FONT_FAMILY, size=round(13 * fs))),
        meta=dict(view=hm.view.value, period=hm.snapshot.period,
                  regions=[r.code for r in regions], columns=[c.key for c in cols]),
    )
    if shapes:
        layout["shapes"] = shapes
    return _figure(data, layout, raw)


# --- region page -----------------------------------------------------------------------------

def region_subareas_figure(rf, lang: str = "fi", *, font_scale: float = 1.0, raw: bool = False) -> go.Figure:
    """One region's workstreams (rows) with readiness, progress and each sub-area's progress,
    coloured with the same bands as the overview. `rf` is `domain.queries.RegionFigures`."""
    fs = font_scale
    streams = rf.workstreams
    letters = sorted({sa.letter for w in streams for sa in w.sub_areas})
    head = [("readiness_active", None, t("measure.active", lang)),
            ("readiness_done", None, t("measure.done", lang)),
            ("progress", None, t("column.overall", lang))]
    head += [("progress", letter, letter) for letter in letters]
    z, text, hover = [], [], []
    for w in streams:
        areas = {sa.letter: sa for sa in w.sub_areas}
        z_row, text_row, hover_row = [], [], []
        for measure, letter, label in head:
            if letter is not None and letter not in areas:
                z_row.append(None)  # the workstream has no such sub-area: leave the cell empty
                text_row.append("")
                hover_row.append("")
                continue
            cell = rf.cell(w.code, letter, measure)
            pct = cell.percent
            colour, started = region_colour_band(rf, w.code, letter, measure)
            z_row.append(colour or 0)
            text_row.append(format_percent(pct, lang) if pct is not None else t("no_data", lang))
            if letter is not None:
                title = f"{letter} {localized(areas[letter], lang)}"
            elif measure == "progress":
                title = f"{t('view.progress', lang)} – {t('column.overall', lang)}"
            else:
                title = f"{t('view.readiness', lang)} – {label}"
            hover_row.append(_hover(localized(w, lang), title, cell, lang, None, colour, started))
        z.append(z_row)
        text.append(text_row)
        hover.append(hover_row)
    data = [dict(type="heatmap", 
        z=z, x=list(range(len(head))), y=list(range(len(streams))), text=text,
        texttemplate="%{text}", textfont=dict(size=round(12 * fs), color=BANDS[0].text_colour),
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        colorscale=band_colourscale(), zmin=_Z_MIN, zmax=_Z_MAX, showscale=False,
        xgap=2, ygap=2, hoverongaps=False, name="")]
    group_font = dict(size=round(12 * fs), color=TEXT_COLOUR, family=FONT_FAMILY)
    annotations = [
        dict(x=0.5, y=1, xref="x", yref="paper", yshift=round(26 * fs), yanchor="bottom",
             showarrow=False, text=f"<b>{t('view.readiness', lang)}</b>", font=group_font),
        dict(x=(2 + len(head) - 1) / 2, y=1, xref="x", yref="paper", yshift=round(26 * fs),
             yanchor="bottom", showarrow=False,
             text=f"<b>{t('view.progress', lang)} – {t('sub_area', lang).lower()}</b>",
             font=group_font),
    ]
    layout = dict(
        font=dict(family=FONT_FAMILY, size=round(12 * fs), color=TEXT_COLOUR),
        paper_bgcolor="white", plot_bgcolor="white",
        height=round((len(streams) * 40 + 150) * fs),
        margin=dict(l=10, r=10, t=round(70 * fs), b=round(50 * fs)), showlegend=True,
        annotations=annotations,
        xaxis=dict(side="top", tickmode="array", tickvals=list(range(len(head))),
                   ticktext=[h[2] for h in head], showgrid=False, zeroline=False,
                   fixedrange=True, ticks=""),
        yaxis=dict(tickmode="array", tickvals=list(range(len(streams))),
                   ticktext=[_wrap(localized(w, lang), 30) for w in streams],
                   autorange="reversed", showgrid=False, zeroline=False, fixedrange=True,
                   automargin=True, ticksuffix="  ", ticks=""),
        legend=dict(orientation="h", x=0, y=-0.02, yanchor="top", itemclick=False,
                    itemdoubleclick=False),
        hoverlabel=dict(bgcolor="white"),
    )
    return _figure(data + _band_legend(lang, fs), layout, raw)


def _band_legend(lang: str, fs: float = 1.0, no_data: bool = True) -> list[dict]:
    """Legend-only traces: the four bands with the slides' wording (and grey no data)."""
    data = []
    for band in BANDS:
        data.append(dict(type="scatter", 
            x=[None], y=[None], mode="markers", name=band.legend(lang), hoverinfo="skip",
            marker=dict(symbol="square", size=round(14 * fs), color=band.colour,
                        line=dict(color="#555555", width=0.5))))
    if no_data:
        data.append(dict(type="scatter", 
            x=[None], y=[None], mode="markers", name=t("no_data", lang), hoverinfo="skip",
            marker=dict(symbol="square", size=round(14 * fs), color=NO_DATA_COLOUR,
                        line=dict(color="#555555", width=0.5))))
    return data


def _band_background() -> list[dict]:
    """Faint band colours behind a 0–100 % axis, so a line's band is readable at a glance."""
    shapes = []
    for band in BANDS:
        low = band.low - 0.5 if band.low else 0
        high = band.high + 0.5 if band.high < 100 else 100
        shapes.append(dict(type="rect", xref="paper", x0=0, x1=1, yref="y", y0=low, y1=high,
                           fillcolor=band.colour, opacity=0.13, line=dict(width=0),
                           layer="below"))
    return shapes


def _series_title(series, lang: str) -> str:
    ws = localized(series.workstream, lang)
    if series.sub_area is not None:
        ws += f" – {series.sub_area.letter} {localized(series.sub_area, lang)}"
    return f"{ws}: {measure_label(series.measure, lang)}"


def measure_label(measure: Measure | str, lang: str) -> str:
    measure = Measure(measure)
    if measure is Measure.READINESS_ACTIVE:
        return f"{t('view.readiness', lang)} – {t('measure.active', lang)}"
    if measure is Measure.READINESS_DONE:
        return f"{t('view.readiness', lang)} – {t('measure.done', lang)}"
    return t("view.progress", lang)


def _trend_layout(series, lang: str, fs: float, height: int) -> dict:
    return dict(
        shapes=_band_background(),
        font=dict(family=FONT_FAMILY, size=round(12 * fs), color=TEXT_COLOUR),
        paper_bgcolor="white", plot_bgcolor="white", height=round(height * fs),
        margin=dict(l=60, r=20, t=round(30 * fs), b=round(40 * fs)),
        hovermode="closest", hoverlabel=dict(bgcolor="white"),
        legend=dict(orientation="h", x=0, y=-0.12, yanchor="top"),
        xaxis=dict(type="category", showgrid=False,
                   tickfont=dict(size=round(11 * fs))),
        yaxis=dict(range=[0, 100.5], title=dict(text=t("dash.percent_axis", lang)), ticksuffix="",
                   gridcolor="#E3E6EA", zeroline=False, dtick=25),
    )


def _spread_traces(series, lang: str, x: list[str]) -> list[dict]:
    q1 = [p.q1 for p in series.national]
    q3 = [p.q3 for p in series.national]
    median = [p.median for p in series.national]
    median_text = [format_percent(shown_percent_or_none(m), lang, no_data=t("no_data", lang))
                   for m in median]
    return [
        dict(type="scatter", x=x, y=q1, mode="lines", line=dict(width=0), hoverinfo="skip",
                   showlegend=False, name="q1"),
        dict(type="scatter", x=x, y=q3, mode="lines", line=dict(width=0), fill="tonexty",
                   fillcolor="rgba(60, 70, 90, 0.18)", hoverinfo="skip",
                   name=t("dash.national_spread", lang)),
        dict(type="scatter", x=x, y=median, mode="lines", name=t("dash.national_median", lang),
                   line=dict(color="#222222", width=2, dash="dash"), text=median_text,
                   hovertemplate=f"{t('dash.national_median', lang)}: %{{text}}<extra></extra>"),
    ]


def shown_percent_or_none(value: float | None) -> int | None:
    from domain.metrics import shown_percent

    return shown_percent(value)


def region_trend_figure(series, region_code: str, lang: str = "fi", *,
                        font_scale: float = 1.0, raw: bool = False) -> go.Figure:
    """The region's line over the snapshots next to the national median and the regions'
    spread (interquartile band). `series` is `domain.queries.TrendSeries`."""
    fs = font_scale
    x = [format_period(p, lang) for p in series.periods]
    reg = next((r for r in series.regions if r.code == region_code), None)
    name = localized(reg, lang) if reg is not None else region_code
    data = _spread_traces(series, lang, x)
    pcts = series.percents(region_code)
    text = [format_percent(p, lang, no_data=t("no_data", lang)) for p in pcts]
    data.append(dict(type="scatter", 
        x=x, y=[p for p in pcts], mode="lines+markers", name=name, text=text,
        line=dict(color=HIGHLIGHT_COLOUR, width=3), marker=dict(size=round(7 * fs)),
        hovertemplate=f"<b>{name}</b> %{{x}}: %{{text}}<extra></extra>", connectgaps=False))
    return _figure(data, _trend_layout(series, lang, fs, 360), raw)


def trend_lines_figure(series, lang: str = "fi", *, highlight: str | None = None,
                       font_scale: float = 1.0, raw: bool = False) -> go.Figure:
    """One line per region over the snapshots (the highlighted one in strong blue), with the
    national median and spread."""
    fs = font_scale
    x = [format_period(p, lang) for p in series.periods]
    data: list[dict] = []
    texts = {p: format_percent(p, lang) for p in (None, *range(101))}  # 368 × 36 points
    for reg in series.regions:
        if reg.code == highlight:
            continue
        pcts = series.percents(reg.code)
        if all(p is None for p in pcts):
            continue
        name = localized(reg, lang)
        data.append(dict(type="scatter", 
            x=x, y=pcts, mode="lines", name=name, showlegend=False,
            line=dict(color=LINE_GREY, width=1),
            text=[texts[p] if p in texts else format_percent(p, lang) for p in pcts],
            customdata=[reg.code] * len(x),
            hovertemplate=f"{name} %{{x}}: %{{text}}<extra></extra>"))
    data += _spread_traces(series, lang, x)
    if highlight:
        reg = next((r for r in series.regions if r.code == highlight), None)
        if reg is not None:
            pcts = series.percents(reg.code)
            name = localized(reg, lang)
            data.append(dict(type="scatter", 
                x=x, y=pcts, mode="lines+markers", name=name,
                line=dict(color=HIGHLIGHT_COLOUR, width=3.5), marker=dict(size=round(7 * fs)),
                text=[format_percent(p, lang, no_data=t("no_data", lang)) for p in pcts],
                customdata=[reg.code] * len(x),
                hovertemplate=f"<b>{name}</b> %{{x}}: %{{text}}<extra></extra>"))
    return _figure(data, _trend_layout(series, lang, fs, 460), raw)


def band_counts_figure(series, lang: str = "fi", *, font_scale: float = 1.0, raw: bool = False) -> go.Figure:
    """How many regions sit in each band per snapshot (stacked bars, band colours, no data grey)."""
    fs = font_scale
    x = [format_period(p, lang) for p in series.periods]
    data: list[dict] = []
    for band in BANDS:
        counts = [p.band_counts[band.number] for p in series.national]
        data.append(dict(type="bar", 
            x=x, y=counts, name=band.legend(lang), marker=dict(color=band.colour,
                                                                line=dict(color="white", width=1)),
            text=[str(c) if c else "" for c in counts], textposition="inside",
            insidetextanchor="middle", textfont=dict(color=band.text_colour), textangle=0,
            constraintext="none",
            hovertemplate=f"%{{x}}: %{{y}} – {band.legend(lang)}<extra></extra>"))
    counts = [p.band_counts[0] for p in series.national]
    data.append(dict(type="bar", 
        x=x, y=counts, name=t("no_data", lang), marker=dict(color=NO_DATA_COLOUR),
        text=[str(c) if c else "" for c in counts], textposition="inside", textangle=0,
        constraintext="none",
        hovertemplate=f"%{{x}}: %{{y}} – {t('no_data', lang)}<extra></extra>"))
    layout = dict(
        barmode="stack", bargap=0.25,
        font=dict(family=FONT_FAMILY, size=round(12 * fs), color=TEXT_COLOUR),
        paper_bgcolor="white", plot_bgcolor="white", height=round(380 * fs),
        margin=dict(l=60, r=20, t=round(20 * fs), b=round(40 * fs)),
        legend=dict(orientation="h", x=0, y=-0.12, yanchor="top", traceorder="normal"),
        xaxis=dict(type="category", showgrid=False, tickfont=dict(size=round(11 * fs))),
        yaxis=dict(title=dict(text=t("dash.regions_count", lang)), gridcolor="#E3E6EA",
                   range=[0, len(series.regions) + 0.2], dtick=5),
        hoverlabel=dict(bgcolor="white"),
    )
    return _figure(data, layout, raw)
