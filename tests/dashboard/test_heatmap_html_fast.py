"""Issue 11: the overview's cells are written as one f-string each (`heat_cell_html`) for
speed at 368 organisations. They must be exactly the markup of the generic `H` builder, which
the cells were built with before: compared here on every kind of cell, in every language."""
from __future__ import annotations

import itertools

import pytest

from dashboard.figures import cell_detail_lines
from dashboard.heatmap_table import (H, VISUALLY_HIDDEN, band_colour, heat_cell)
from domain.i18n import LANGS, format_percent, format_signed, t
from domain.queries import Cell


def _reference_cell(cell, colour_band, title, lang, *, started=None, delta=None, delta_text=None,
                    cell_id=None):
    """The cell as it was built before (the `H` builder, one call per element)."""
    shown = format_percent(cell.percent, lang) if cell.percent is not None else t("no_data", lang)
    summary = [H.Span(shown, className="hm-value")]
    if delta is not None:
        arrow = "▲" if delta > 0 else ("▼" if delta < 0 else "")
        summary.append(H.Span(f"{arrow}{format_signed(delta, lang)}", className="hm-delta",
                              **{"aria-hidden": "true"}))
        summary.append(H.Span(t("a11y.cell.delta", lang, delta=format_signed(delta, lang)),
                              className=VISUALLY_HIDDEN))
    if colour_band:
        summary.append(H.Span(", " + t("a11y.cell.band_short", lang, band=colour_band),
                              className=VISUALLY_HIDDEN))
    details = [H.Strong(title)] + [H.Span(line) for line in
                                   cell_detail_lines(cell, colour_band, lang, started)]
    if delta_text:
        details.append(H.Span(delta_text))
    props = {"id": cell_id} if cell_id else {}
    return H.Td(H.Details([H.Summary(summary, className="hm-summary"),
                           H.Div(details, className="hm-details")], className="hm-cell-details"),
                className=f"hm-cell hm-band-{colour_band or 0}",
                style={"backgroundColor": band_colour(colour_band)}, **props)


CELLS = [Cell(), Cell(45.5, 5, 11), Cell(100.0, 7, 7, True), Cell(0.0, 0, 3), Cell(12.0, None, 25),
         Cell(33.0, None, None)]


@pytest.mark.parametrize("lang", LANGS)
def test_fast_cell_is_the_builders_markup(lang):
    cases = itertools.product(CELLS, (None, 1, 2, 3, 4), (None, 60), (None, -4, 0, 9),
                              (None, "Muutos <6/2021> & \"x\""), (None, "c-1"))
    for cell, band, started, delta, delta_text, cell_id in cases:
        title = "Etelä-Pohjanmaa – <HTT> & \"Käynnissä\""
        assert heat_cell(cell, band, title, lang, started=started, delta=delta,
                         delta_text=delta_text, cell_id=cell_id) == _reference_cell(
            cell, band, title, lang, started=started, delta=delta, delta_text=delta_text,
            cell_id=cell_id)


def test_wrapped_parts_are_the_builders_markup():
    """`wrap` (a table's megabytes joined once) writes what the builder writes around them."""
    from dashboard.heatmap_table import _Raw, wrap

    parts = ["<tr><td>1</td></tr>", "<tr><td>&lt;2&gt;</td></tr>"]
    attrs = {"className": "table-scroll", "role": "region", "tabIndex": 0,
             "aria-label": 'Etelä-Savo – "kaikki" <x> \x00children\x00'}
    assert "".join(wrap(H.div, parts, **attrs)) == H.div(_Raw("".join(parts)), **attrs)
    assert "".join(wrap(H.tbody, [])) == H.tbody([]) == "<tbody></tbody>"
