"""Heatmaps as semantic HTML tables (WCAG 2.1 AA): what the pages show instead of a picture.

As on the official slides a heatmap is a table with coloured cells: region row headers (links
to the region page), grouped column headers, the "Tehtävien lkm yht." row, and in every cell its
number and, for screen readers, its band in words. Each cell's details (counts, band wording,
change) open from a native `<details>` element, so a keyboard reaches them as well as a mouse.
The colours come from the one rule in `domain.metrics` (`colour_band`), as on the PNG slides.
The table scrolls inside its panel (a focusable, named region), so at 200 % zoom nothing
overlaps.
"""
from __future__ import annotations

import html as _esc
from functools import lru_cache
from typing import Callable

from dash import dcc, html

from domain.i18n import format_percent, format_period, format_signed, localized, t
from domain.metrics import BANDS, NO_DATA_COLOUR, Measure, View
from domain.queries import NO_DATA

from . import figures
from .cell_colours import active_colour_band, done_key, region_colour_band

VISUALLY_HIDDEN = "visually-hidden"


class _H:
    """A tiny HTML-string builder. The tables are sent to the browser as one HTML string
    (rendered by dcc.Markdown with raw HTML): ~2 000 Dash components for a 23 × 10 heatmap
    took the Dash renderer seconds, one string takes milliseconds. Every text is escaped."""

    def __getattr__(self, tag: str):
        tag = tag.lower()

        def make(children=None, **attrs) -> str:
            parts = []
            for key, value in attrs.items():
                if value is None or value is False:
                    continue
                name = {"className": "class", "colSpan": "colspan", "rowSpan": "rowspan",
                        "tabIndex": "tabindex", "id": "id"}.get(key, key.replace("_", "-"))
                if key == "style":
                    value = ";".join(f"{_css(k)}:{v}" for k, v in value.items())
                parts.append(f' {name}="{_esc.escape(str(value), quote=True)}"')
            if children is None:
                inner = ""
            elif isinstance(children, (list, tuple)):
                inner = "".join(_text(c) for c in children if c is not None)
            else:
                inner = _text(children)
            return _Raw(f"<{tag}{''.join(parts)}>{inner}</{tag}>")

        return make


class _Raw(str):
    """Already-escaped HTML."""


def _css(name: str) -> str:
    return "".join("-" + c.lower() if c.isupper() else c for c in name)


H = _H()


def _text(value) -> str:
    return value if isinstance(value, _Raw) else _esc.escape(str(value))


_CHILDREN = "\x00children\x00"


def wrap(make, parts: list, **attrs) -> list:
    """`make(parts, **attrs)` as a list: the start tag, the parts, the end tag. A table of
    18 000 cells is megabytes of text: joined once at the end instead of once per element
    around it (each join copied it all into freshly allocated memory)."""
    start, _, end = make(_Raw(_CHILDREN), **attrs).rpartition(_CHILDREN)
    return [start, *parts, end]


def band_colour(number: int | None) -> str:
    return NO_DATA_COLOUR if not number else BANDS[number - 1].colour


# --- one cell as HTML: the overview draws up to 368 × 30 of them per request, so the texts
# that repeat (percentages, counts, band wordings, translations) are escaped once per process
# and the cell is one f-string; the markup is exactly what the `H` builder writes
# (tests/dashboard/test_heatmap_html_fast.py compares the two).

_esc_q = _esc.escape


@lru_cache(maxsize=None)
def _shown_html(percent: int | None, lang: str) -> str:
    shown = format_percent(percent, lang) if percent is not None else t("no_data", lang)
    return f'<span class="hm-value">{_esc_q(shown)}</span>'


@lru_cache(maxsize=None)
def _band_html(colour_band: int | None, lang: str) -> tuple[str, str, str]:
    """(summary words, details line, td attributes) of a band."""
    if not colour_band:
        return "", "", f' class="hm-cell hm-band-0" style="{_esc_q("background-color:" + NO_DATA_COLOUR)}"'
    short = _esc_q(", " + t("a11y.cell.band_short", lang, band=colour_band))
    line = _esc_q(t("a11y.cell.band", lang, band=colour_band,
                    legend=BANDS[colour_band - 1].legend(lang)))
    colour = _esc_q("background-color:" + band_colour(colour_band))
    return (f'<span class="{VISUALLY_HIDDEN}">{short}</span>', f"<span>{line}</span>",
            f' class="hm-cell hm-band-{colour_band}" style="{colour}"')


@lru_cache(maxsize=None)
def _delta_html(delta: int, lang: str) -> str:
    arrow = "▲" if delta > 0 else ("▼" if delta < 0 else "")
    signed = format_signed(delta, lang)
    words = _esc_q(t("a11y.cell.delta", lang, delta=signed))
    return (f'<span class="hm-delta" aria-hidden="true">{_esc_q(arrow + signed)}</span>'
            f'<span class="{VISUALLY_HIDDEN}">{words}</span>')


@lru_cache(maxsize=65536)
def _counts_html(numerator: int | None, denominator: int | None, lang: str) -> str:
    if numerator is not None and denominator is not None:
        line = t("tasks_count", lang, n=numerator, total=denominator)
    elif denominator is not None:
        line = t("dash.hover.summary_value", lang, total=denominator)
    else:
        line = t("dash.hover.summary_value_nocount", lang)
    return f"<span>{_esc_q(line)}</span>"


@lru_cache(maxsize=None)
def _no_data_html(lang: str) -> str:
    return f"<span>{_esc_q(t('no_data', lang))}</span>"


@lru_cache(maxsize=None)
def _percent_line_html(percent: int, lang: str) -> str:
    return f"<span>{_esc_q(format_percent(percent, lang))}</span>"


@lru_cache(maxsize=None)
def _started_html(started: int, lang: str) -> str:
    return f"<span>{_esc_q(t('a11y.cell.started', lang, pct=format_percent(started, lang)))}</span>"


def _cell_words_html(percent: int | None, numerator: int | None, denominator: int | None,
                     colour_band: int | None, lang: str, started: int | None) -> str:
    """`figures.cell_detail_lines` as the details' `<span>` lines."""
    if percent is None:
        return _no_data_html(lang)
    parts = _percent_line_html(percent, lang) + _counts_html(numerator, denominator, lang)
    if started is not None:
        parts += _started_html(started, lang)
    if colour_band:
        parts += _band_html(colour_band, lang)[1]
    return parts


@lru_cache(maxsize=65536)
def _cell_parts(percent: int | None, numerator: int | None, denominator: int | None,
                colour_band: int | None, started: int | None, delta: int | None,
                delta_text_html: str | None, lang: str) -> tuple[str, str, str]:
    """(td attributes, markup before the title, markup after it) of a cell: everything but
    the title depends on a few small numbers only, so at 368 organisations most cells reuse
    the parts of an earlier one (a pure function of its arguments: nothing here goes stale)."""
    band_words, _, td_attrs = _band_html(colour_band, lang)
    summary = _shown_html(percent, lang)
    if delta is not None:
        summary += _delta_html(delta, lang)
    tail = _cell_words_html(percent, numerator, denominator, colour_band, lang, started)
    if delta_text_html:
        tail += f"<span>{delta_text_html}</span>"
    return (td_attrs,
            f'<details class="hm-cell-details"><summary class="hm-summary">{summary}'
            f'{band_words}</summary><div class="hm-details"><strong>',
            f"</strong>{tail}</div></details></td>")


def heat_cell_html(cell, colour_band: int | None, title_html: str, lang: str, *,
                   started: int | None = None, delta: int | None = None,
                   delta_text_html: str | None = None, cell_id: str | None = None) -> str:
    """One coloured cell: the number (and change) on the band colour; the details open on
    Enter/Space or a click. The band is said in words inside the summary for screen readers.
    `title_html` and `delta_text_html` are already escaped."""
    td_attrs, head, tail = _cell_parts(cell.percent, cell.numerator, cell.denominator,
                                       colour_band, started, delta, delta_text_html, lang)
    if cell_id:
        td_attrs += f' id="{_esc_q(str(cell_id))}"'
    return _Raw(f"<td{td_attrs}>{head}{title_html}{tail}")


def heat_cell(cell, colour_band: int | None, title: str, lang: str, *,
              started: int | None = None, delta: int | None = None, delta_text: str | None = None,
              cell_id: str | None = None) -> str:
    """`heat_cell_html` with plain (unescaped) title and change texts."""
    return heat_cell_html(cell, colour_band, _esc_q(title), lang, started=started, delta=delta,
                          delta_text_html=_esc_q(delta_text) if delta_text else None,
                          cell_id=cell_id)


def _column_title(hm, col, lang: str) -> str:
    ws = localized(col.workstream, lang) if col.workstream is not None else ""
    if hm.view is View.PROGRESS:
        return ws
    if hm.view is View.SUBAREAS and col.sub_area is None:
        return f"{ws} – {t('column.overall', lang)}"
    return f"{ws} – {figures.column_label(col, lang)}"


def _header_rows(hm, lang: str) -> list:
    corner = H.Th(t("region", lang), scope="col", className="hm-corner")
    cols = hm.columns
    if hm.view is View.READINESS:
        groups: list[tuple[object, int]] = []
        for c in cols:
            if groups and groups[-1][0] is c.workstream:
                groups[-1] = (c.workstream, groups[-1][1] + 1)
            else:
                groups.append((c.workstream, 1))
        corner = H.Th(t("region", lang), scope="col", rowSpan=2, className="hm-corner")
        top = H.Tr([corner] + [H.Th(localized(w, lang), scope="colgroup", colSpan=n,
                                          className="hm-group") for w, n in groups])
        sub = H.Tr([H.Th(figures.column_label(c, lang), scope="col", className="hm-col")
                       for c in cols])
        return [top, sub]
    labels = [t("column.overall", lang) if (hm.view is View.SUBAREAS and c.sub_area is None)
              else (figures.column_label(c, lang) if c.sub_area is not None
                    else localized(c.workstream, lang)) for c in cols]
    rows = [H.Tr([corner] + [H.Th(label, scope="col", className="hm-col")
                                for label in labels])]
    if any(c.national_count is not None for c in cols):
        rows.append(H.Tr([H.Th(t("row.task_count", lang), scope="row",
                                     className="hm-count-head")] +
                            [H.Td("" if c.national_count is None else str(c.national_count),
                                     className="hm-count") for c in cols],
                            className="hm-count-row"))
    return rows


def heatmap_table(hm, lang: str, *, sort: str = "slide", previous=None, show_deltas=False,
                  region_href: Callable[[str], str] | None = None, table_id: str = "overview-heatmap",
                  caption: str | None = None):
    """The overview's heatmap (any of the three views) as a table inside a scrolling region."""
    prev_period = format_period(previous.snapshot.period, lang) if previous is not None else ""
    deltas = show_deltas and previous is not None
    no_previous = _esc_q(t("dash.hover.no_previous", lang)) if deltas else None
    delta_texts: dict[int, str] = {}
    columns = [(col.key, done_key(col.key) if col.measure is Measure.READINESS_ACTIVE else None,
                " – " + _esc_q(_column_title(hm, col, lang))) for col in hm.columns]
    cells_of, prev_cells = hm.cells, previous.cells if deltas else {}
    body = []
    for region in figures.region_order(hm, sort, lang):
        name = localized(region, lang)
        name_html, code = _esc_q(name), region.code
        # H.Th(H.a(name, href=…, className=…, data_dash_link="1"), scope=…, className=…)
        head = (f'<a href="{_esc_q(str(region_href(code)))}" class="hm-region-link" '
                f'data-dash-link="1">{name_html}</a>' if region_href else name_html)
        cells = [f'<th scope="row" class="hm-region">{head}</th>']
        for key, done, col_title in columns:
            cell = cells_of.get((code, key), NO_DATA)
            if done is None:  # `cell_colours.heatmap_colour_band`, without looking up twice
                band, started = cell.band, None
            else:
                band, started = active_colour_band(cell.share,
                                                   cells_of.get((code, done), NO_DATA).share)
            delta = delta_text = None
            if deltas:
                before = prev_cells.get((code, key), NO_DATA).percent
                if cell.percent is not None and before is not None:
                    delta = cell.percent - before
                    delta_text = delta_texts.get(delta)
                    if delta_text is None:
                        delta_text = delta_texts[delta] = _esc_q(t(
                            "dash.hover.delta", lang, period=prev_period,
                            delta=format_signed(delta, lang)))
                else:
                    delta_text = no_previous
            # `heat_cell_html` inlined (18 000 cells): the same parts, the same markup
            td_attrs, cell_head, tail = _cell_parts(cell.percent, cell.numerator,
                                                    cell.denominator, band, started, delta,
                                                    delta_text, lang)
            cells.append(f"<td{td_attrs}>{cell_head}{name_html}{col_title}{tail}")
        body.append(f'<tr data-region="{_esc_q(code)}">')
        body += cells
        body.append("</tr>")
    table = wrap(H.Table, [
        H.Caption(caption or figures.heatmap_title(hm, lang), className=VISUALLY_HIDDEN),
        H.Thead(_header_rows(hm, lang)),
        *wrap(H.Tbody, body),
    ], className=f"heatmap-table heatmap-{hm.view.value}", id=table_id)
    return scroll_region(table, caption or figures.heatmap_title(hm, lang))


def scroll_region(table, label: str, class_name: str = "heatmap-scroll"):
    """A keyboard-focusable, named scrolling region (axe: scrollable-region-focusable).
    `table` is its markup, or the list of its parts (`wrap`)."""
    parts = wrap(H.div, table if isinstance(table, list) else [table], className=class_name,
                 role="region", tabIndex=0, **{"aria-label": label})
    return dcc.Markdown("".join(parts), dangerously_allow_html=True, className="heatmap-html")


def legend(lang: str, readiness: bool = False):
    """The four bands with the slides' wording and grey no data; in the readiness view also
    exactly what the Käynnissä column's colour means."""
    items = [html.Li([html.Span(className="legend-swatch",
                                style={"backgroundColor": b.colour}),
                      html.Span(b.legend(lang))]) for b in BANDS]
    items.append(html.Li([html.Span(className="legend-swatch",
                                    style={"backgroundColor": NO_DATA_COLOUR}),
                          html.Span(t("no_data", lang))]))
    parts = [html.Ul(items, className="band-legend", **{"aria-label": t("a11y.legend", lang)})]
    if readiness:
        parts.append(html.P(t("a11y.legend.active_colour", lang), className="legend-note",
                            id="legend-active-colour"))
    return html.Div(parts, className="legend-block")


def region_table(rf, lang: str):
    """The region page's small heatmap: workstreams × readiness, progress and sub-areas."""
    streams = rf.workstreams
    letters = sorted({sa.letter for w in streams for sa in w.sub_areas})
    head = [(Measure.READINESS_ACTIVE, None, t("measure.active", lang)),
            (Measure.READINESS_DONE, None, t("measure.done", lang)),
            (Measure.PROGRESS, None, t("column.overall", lang))]
    head += [(Measure.PROGRESS, letter, letter) for letter in letters]
    top = H.Tr([H.Th(t("workstream", lang), scope="col", rowSpan=2, className="hm-corner"),
                   H.Th(t("view.readiness", lang), scope="colgroup", colSpan=2,
                           className="hm-group"),
                   H.Th(f"{t('view.progress', lang)} – {t('sub_area', lang).lower()}",
                           scope="colgroup", colSpan=1 + len(letters), className="hm-group")])
    sub = H.Tr([H.Th(label, scope="col", className="hm-col") for _, _, label in head])
    body = []
    for w in streams:
        areas = {sa.letter: sa for sa in w.sub_areas}
        ws_name = localized(w, lang)
        cells = [H.Th(ws_name, scope="row", className="hm-region")]
        for measure, letter, label in head:
            if letter is not None and letter not in areas:
                cells.append(H.Td(H.Span(t("a11y.cell.none", lang),
                                               className=VISUALLY_HIDDEN), className="hm-empty"))
                continue
            cell = rf.cell(w.code, letter, measure)
            band, started = region_colour_band(rf, w.code, letter, measure)
            title = (f"{ws_name} – {letter} {localized(areas[letter], lang)}" if letter
                     else f"{ws_name} – {label}")
            cells.append(heat_cell(cell, band, title, lang, started=started))
        body.append(H.Tr(cells))
    table = H.Table([H.Caption(t("dash.region.workstreams", lang), className=VISUALLY_HIDDEN),
                        H.Thead([top, sub]), H.Tbody(body)],
                       className="heatmap-table heatmap-region", id="region-subareas")
    return scroll_region(table, t("dash.region.workstreams", lang))


def data_table_html(table, table_id: str, lang: str = "fi"):
    """A `domain.table_export.DataTable` as an HTML table (the "show as table" of a chart):
    the same header rows and numbers as its download, no data written as such."""
    head = []
    for i, row in enumerate(table.header_rows):
        last = i == len(table.header_rows) - 1
        cells, j = [], 0
        while j < len(row):
            span = 1
            while not last and j + span < len(row) and row[j + span] == row[j] and row[j]:
                span += 1
            cells.append(H.th(row[j], scope="col" if last or span == 1 else "colgroup",
                              colSpan=span if span > 1 else None))
            j += span
        head.append(H.tr(cells))
    # the body as plain f-strings (the trends page's tables have ~13 000 cells at 368
    # organisations); the same markup as H.tr([H.th(…, scope="row"), H.td(…, className="num")])
    formats = table.number_formats
    percent_set = {col for col, fmt in enumerate(formats) if fmt and "%" in fmt}
    flags: dict[int, list[bool]] = {}  # row length -> whether each value column is a percent
    no_data = H.td(table.no_data, className="num")
    texts: dict[tuple[bool, object], str] = {}
    body = []
    for row in table.rows:
        body.append(f'<tr><th scope="row">{_esc_q(str(row[0]))}</th>')
        percent_cols = flags.get(len(row))
        if percent_cols is None:
            percent_cols = flags[len(row)] = [c in percent_set for c in range(1, len(row))]
        for percent_col, value in zip(percent_cols, row[1:]):
            if value is None:
                body.append(no_data)
                continue
            percent = percent_col and isinstance(value, int)
            key = (percent, value if percent else str(value))
            cell = texts.get(key)
            if cell is None:
                text = format_percent(value, lang) if percent else str(value)
                cell = texts[key] = f'<td class="num">{_esc_q(text)}</td>'
            body.append(cell)
        body.append("</tr>")
    markup = wrap(H.div, wrap(H.table, [H.caption(table.title), H.thead(head),
                                        *wrap(H.tbody, body)],
                              className="data-table", id=table_id),
                  className="table-scroll", role="region", tabIndex=0,
                  **{"aria-label": table.title})
    return dcc.Markdown("".join(markup), dangerously_allow_html=True,
                        className="chart-table-html")
