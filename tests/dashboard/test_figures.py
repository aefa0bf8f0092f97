"""Figure functions: cell colour is the band colour of the shown percent, text, no-data grey."""
from __future__ import annotations

import re

import pytest

from dashboard import figures
from domain import db, queries
from domain.i18n import NBSP, format_percent, localized
from domain.metrics import BANDS, NO_DATA_COLOUR, band_of_percent, colour_band


def _scale_colour(fig, z):
    """The colour Plotly draws for z: look the value up in the trace's own colour scale."""
    trace = fig.data[0]
    pos = (z - trace.zmin) / (trace.zmax - trace.zmin)
    scale = [tuple(x) for x in trace.colorscale]
    for (p0, c0), (p1, c1) in zip(scale, scale[1:]):
        if p0 <= pos <= p1:
            assert c0 == c1, "a cell's z must fall inside a flat (single-colour) segment"
            return c0
    raise AssertionError(pos)


def _cells(fig):
    trace = fig.data[0]
    meta = fig.layout.meta
    for i, region in enumerate(meta["regions"]):
        for j, column in enumerate(meta["columns"]):
            yield region, column, trace.z[i][j], trace.text[i][j], trace.hovertext[i][j]


@pytest.fixture(scope="module")
def session(small_db):
    with db.session_factory(small_db)() as s:
        yield s


@pytest.mark.parametrize("period,view,ws", [
    ("2021-12", "readiness", None), ("2021-12", "progress", None),
    ("2021-12", "subareas", "htt"), ("2021-10", "progress", None),
    ("2021-10", "readiness", None)])
def test_every_cell_colour_and_text_follow_the_shown_percent(session, period, view, ws):
    hm = queries.heatmap(session, period, view, ws)
    fig = figures.heatmap_figure(hm, "fi")
    seen_data = seen_missing = 0
    for region, column, z, text, hover in _cells(fig):
        cell = hm.cell(region, column)
        colour = _scale_colour(fig, z)
        if cell.percent is None:
            seen_missing += 1
            assert colour == NO_DATA_COLOUR and text == "ei tietoa"
            assert "ei tietoa" in hover
        else:
            seen_data += 1
            if column.endswith(":readiness_active"):
                # Käynnissä is coloured by the share started (käynnissä + valmis): the one
                # colour rule, domain.metrics.colour_band
                done = hm.cell(region, column.replace("readiness_active", "readiness_done"))
                band = BANDS[colour_band("readiness_active", cell.share, done.share) - 1]
                assert colour == band.colour
            else:
                band = BANDS[band_of_percent(cell.percent) - 1]
                assert colour == band.colour == figures.colour_of_percent(cell.percent)
            assert text == f"{cell.percent}{NBSP}%" == format_percent(cell.percent, "fi")
            assert band.legend("fi") in hover
            if cell.numerator is not None:
                assert f"{cell.numerator} / {cell.denominator} tehtävää" in hover
    assert seen_data and seen_missing  # HUS reports nothing in the test data


def test_band_edges_get_the_legend_colours():
    # 24 -> band 1, 25 -> 2, 49 -> 2, 50 -> 3, 75 -> 3, 76 -> 4: the slides' legend.
    expected = {0: 1, 24: 1, 25: 2, 49: 2, 50: 3, 75: 3, 76: 4, 100: 4}
    for pct, band in expected.items():
        assert figures.colour_of_percent(pct) == BANDS[band - 1].colour
    assert figures.colour_of_percent(None) == NO_DATA_COLOUR


def test_readiness_has_two_columns_per_workstream_under_a_group_header(session):
    hm = queries.heatmap(session, "2021-12", "readiness")
    fig = figures.heatmap_figure(hm, "fi")
    assert list(fig.layout.xaxis.ticktext) == ["Käynnissä", "Valmis"] * 5
    headers = [a.text.replace("<br>", " ") for a in fig.layout.annotations]
    for w in queries.workstreams(session):
        assert any(w.name_fi in h for h in headers)
    # the legend with the slides' wording, under the heatmap
    names = [tr.name for tr in fig.data[1:]]
    assert names == [b.legend_fi for b in BANDS] + ["ei tietoa"]


def test_progress_header_shows_task_counts(session):
    hm = queries.heatmap(session, "2021-10", "progress")
    fig = figures.heatmap_figure(hm, "fi")
    texts = [a.text for a in fig.layout.annotations]
    assert any("Tehtävien lkm yht." in x for x in texts)
    for col in hm.columns:
        assert str(col.national_count) in texts


def test_sort_by_value_and_deltas(session):
    hm = queries.heatmap(session, "2021-12", "progress")
    prev = queries.heatmap(session, "2021-11", "progress")
    fig = figures.heatmap_figure(hm, "fi", sort="value", previous=prev, show_deltas=True)
    order = fig.layout.meta["regions"]
    means = []
    for code in order:
        values = [c.percent for c in hm.row(code) if c.percent is not None]
        means.append(sum(values) / len(values) if values else -1)
    assert means == sorted(means, reverse=True)
    assert order[-1] == "hus"  # no data last
    some = next((r, c, text) for r, c, _z, text, _h in _cells(fig) if r != "hus")
    region, column, text = some
    delta = hm.cell(region, column).percent - prev.cell(region, column).percent
    assert re.search(r"[+−±]\d+", text)
    assert (f"+{delta}" if delta > 0 else ("±0" if delta == 0 else f"\u2212{-delta}")) in text


def test_languages_change_every_label(session):
    hm = queries.heatmap(session, "2021-12", "readiness")
    sv = figures.heatmap_figure(hm, "sv")
    en = figures.heatmap_figure(hm, "en")
    assert list(sv.layout.xaxis.ticktext)[:2] == ["Pågår", "Klar"]
    # "alphabetical" sorts by the names shown: Swedish and English orders differ from Finnish
    assert sv.layout.yaxis.ticktext[0] == "Birkaland"
    assert list(sv.layout.yaxis.ticktext[-2:]) == ["Österbotten", "Östra Nyland"]
    assert en.layout.yaxis.ticktext[0] == "Central Finland"
    sv_regions, en_regions = sv.layout.meta["regions"], en.layout.meta["regions"]
    assert sv.data[0].text[sv_regions.index("hus")][0] == "inga uppgifter"
    pct = hm.cell("etela-karjala", hm.columns[0].key).percent
    assert en.data[0].text[en_regions.index("etela-karjala")][0] == f"{pct}%"


def test_region_links_on_row_labels(session):
    hm = queries.heatmap(session, "2021-12", "readiness")
    fig = figures.heatmap_figure(hm, "fi", region_href=lambda code: f"/alue/{code}?x=1")
    assert '<a href="/alue/etela-karjala?x=1"' in fig.layout.yaxis.ticktext[0]


def test_other_figures_build(session):
    rf = queries.region_figures(session, "2021-12", "pirkanmaa")
    fig = figures.region_subareas_figure(rf, "fi")
    z = fig.data[0].z
    # a workstream with fewer sub-areas leaves the extra cells empty (None), not grey
    assert any(v is None for row in z for v in row)
    series = queries.trend_series(session, "progress", "htt")
    trend = figures.region_trend_figure(series, "pirkanmaa", "fi")
    assert [tr.name for tr in trend.data][-1] == "Pirkanmaa"
    lines = figures.trend_lines_figure(series, "fi", highlight="lappi")
    assert lines.data[-1].name == "Lappi" and lines.data[-1].line.width > 3
    bars = figures.band_counts_figure(series, "fi")
    totals = [sum(tr.y[i] for tr in bars.data) for i in range(len(series.periods))]
    assert totals == [23] * len(series.periods)
    assert [tr.marker.color for tr in bars.data] == [b.colour for b in BANDS] + [NO_DATA_COLOUR]


def test_real_october_2021_snapshot(demo_db):
    """The real 10/21 tables: the slide's numbers and bands (readiness.csv, progress.csv)."""
    with db.session_factory(demo_db)() as s:
        hm = queries.heatmap(s, "2021-10", "readiness")
        fig = figures.heatmap_figure(hm, "fi")
        regions = fig.layout.meta["regions"]
        i = regions.index("etela-karjala")
        assert fig.data[0].text[i][0] == f"36{NBSP}%"  # HTT käynnissä
        assert _scale_colour(fig, fig.data[0].z[i][0]) == BANDS[1].colour
        assert fig.data[0].text[i][2] == f"97{NBSP}%"  # JO käynnissä
        assert _scale_colour(fig, fig.data[0].z[i][2]) == BANDS[3].colour
        hus = regions.index("hus")
        assert set(fig.data[0].text[hus]) == {"ei tietoa"}
        progress = queries.heatmap(s, "2021-10", "progress")
        assert [c.national_count for c in progress.columns] == [69, 30, 17, 20, 55]
        assert hm.summary_only
        assert localized(hm.regions[0], "sv") == "Södra Karelen"


def test_raw_page_figures_equal_the_validated_ones(session):
    import plotly.graph_objects as go

    """Pages take the plain spec (raw=True) for speed; it must be the validated figure."""
    import json

    hm = queries.heatmap(session, "2021-12", "progress")
    prev = queries.heatmap(session, "2021-11", "progress")
    rf = queries.region_figures(session, "2021-12", "lappi")
    series = queries.trend_series(session, "readiness_done", "ict")
    pairs = [
        lambda v: figures.heatmap_figure(hm, "sv", previous=prev, show_deltas=True, raw=v),
        lambda v: figures.region_subareas_figure(rf, "en", raw=v),
        lambda v: figures.region_trend_figure(series, "lappi", "fi", raw=v),
        lambda v: figures.trend_lines_figure(series, "fi", highlight="hus", raw=v),
        lambda v: figures.band_counts_figure(series, "fi", raw=v),
    ]
    for build in pairs:
        a = json.loads(build(False).to_json())
        b = json.loads(go.Figure(build(True)).to_json())
        assert a == b
