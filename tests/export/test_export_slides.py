"""Slides are the pages' own figures plus slide furniture: same cells, titles in the chosen
language, legible sizes. (No rendering here: the figure dicts are checked directly.)"""
from __future__ import annotations

import pytest

from dashboard import figures
from dashboard.export import slides
from dashboard.export.slides import UnknownSlide
from domain import db, queries
from domain.metrics import BANDS, View


@pytest.fixture
def session(export_db):
    with db.session_factory(export_db)() as s:
        yield s


def texts_of(spec: dict) -> list[str]:
    layout = spec["layout"]
    out = [layout["title"]["text"], layout["title"]["subtitle"]["text"]]
    out += [a.get("text", "") for a in layout.get("annotations", [])]
    out += [trace.get("name") or "" for trace in spec["data"]]
    return out


def heat_trace(spec: dict) -> dict:
    return next(trace for trace in spec["data"] if trace.get("type") == "heatmap")


@pytest.mark.parametrize("view,workstream", [("readiness", None), ("progress", None),
                                             ("subareas", "yp"), ("subareas", "htt")])
def test_overview_slide_shows_exactly_the_page_cells(session, view, workstream):
    slide = slides.overview_slide(session, "2021-12", view, "fi", workstream)
    hm = queries.heatmap(session, "2021-12", view, workstream)
    page = figures.heatmap_figure(hm, "fi").to_dict()
    ours, theirs = heat_trace(slide.figure), heat_trace(page)
    for key in ("z", "text", "hovertext"):
        assert [list(row) for row in ours[key]] == [list(row) for row in theirs[key]]
    for key in ("x", "y"):
        assert list(ours[key]) == list(theirs[key])
    assert slide.figure["layout"]["yaxis"]["ticktext"] == page["layout"]["yaxis"]["ticktext"]
    assert slide.figure["layout"]["xaxis"]["ticktext"] == page["layout"]["xaxis"]["ticktext"]
    assert slide.title == figures.heatmap_title(hm, "fi")


def test_slide_furniture_in_finnish(session):
    slide = slides.overview_slide(session, "2021-12", View.PROGRESS, "fi")
    layout = slide.figure["layout"]
    assert (layout["width"], layout["height"]) == (1920, 1080)
    text = " | ".join(texts_of(slide.figure))
    assert "Alueellisen toimeenpanon tiekartan mukainen eteneminen 12/2021" in text
    assert "Tilannekuva 12/2021 · raportoitu 10.1.2022" in text  # period and report date
    assert "Lähde: alueiden tilannekuvaraportit, 12/2021" in text
    assert "Synteettinen esimerkkiaineisto" in text  # demo months say so
    for band in BANDS:  # the four-band legend with its wording
        assert band.legend("fi") in text
    assert slide.filename == "eteneminen_2021-12_fi.png"


def test_swedish_slides_have_swedish_titles(session):
    over = slides.overview_slide(session, "2021-10", View.READINESS, "sv")
    region = slides.region_slide(session, "2021-12", "pohjanmaa", "sv")
    trend = slides.trend_slide(session, "2021-12", "yp", "sv", kind="bands")
    assert over.title.startswith("Beredskapsgraden för det regionala genomförandet")
    assert region.title == "Österbotten: lägesbild 12/2021"
    assert trend.title.startswith("Gränsytor:")
    text = " | ".join(texts_of(over.figure))
    assert "Källa: områdenas lägesrapporter, 10/2021" in text
    assert "Lägesbild 10/2021 · rapporterad 9.12.2021" in text
    assert "inga uppgifter per uppgift" in text  # 10/2021 came from the summary tables
    assert all(band.legend("sv") in text for band in BANDS)
    assert "Alle 25 %" not in text
    assert over.filename == "valmiusaste_2021-10_sv.png"
    assert region.filename == "alue_pohjanmaa_2021-12_sv.png"
    assert trend.filename == "alueluokat_progress_yp_2021-12_sv.png"


def test_projected_text_sizes(session):
    for slide in (slides.overview_slide(session, "2021-12", View.READINESS, "fi"),
                  slides.region_slide(session, "2021-12", "lappi", "fi"),
                  slides.trend_slide(session, "2021-12", "htt", "fi")):
        layout = slide.figure["layout"]
        assert layout["title"]["font"]["size"] >= 32
        assert layout["title"]["subtitle"]["font"]["size"] >= 22
        assert layout["legend"]["font"]["size"] >= 18
        for axis in ("xaxis", "yaxis"):  # own size, else the figure's font size
            assert (layout[axis].get("tickfont", {}).get("size") or layout["font"]["size"]) >= 18
        for trace in slide.figure["data"]:
            if trace.get("type") == "heatmap":
                assert trace["textfont"]["size"] >= 18
    title = slides.overview_slide(session, "2021-12", View.PROGRESS, "fi").figure["layout"]["title"]
    assert title["font"]["size"] >= 36


def test_trend_slide_stops_at_the_briefing_period(session):
    slide = slides.trend_slide(session, "2021-11", "htt", "fi")
    xs = {tuple(trace.get("x") or ()) for trace in slide.figure["data"] if trace.get("x")}
    assert ("10/2021", "11/2021") in xs
    assert not any("12/2021" in x for x in xs)


def test_unknown_things_are_named_with_what_is_allowed(session):
    with pytest.raises(UnknownSlide) as caught:
        slides.overview_slide(session, "2030-01", View.READINESS, "fi")
    assert "2021-10, 2021-11, 2021-12" in caught.value.message("fi")
    with pytest.raises(UnknownSlide) as caught:
        slides.region_slide(session, "2021-12", "atlantis", "fi")
    assert "pirkanmaa" in caught.value.message("fi")
    with pytest.raises(UnknownSlide) as caught:
        slides.overview_slide(session, "2021-12", View.SUBAREAS, "fi", "xyz")
    assert "htt, jo, pj, yp, ict" in caught.value.message("fi")
    with pytest.raises(UnknownSlide):
        slides.overview_slide(session, "2021-12", "pie", "fi")


def test_deltas_fit_one_line_per_cell_and_say_what_they_compare_with(session):
    slide = slides.overview_slide(session, "2021-12", View.READINESS, "fi", deltas=True)
    cells = [cell for row in heat_trace(slide.figure)["text"] for cell in row]
    assert all("<br>" not in cell for cell in cells)
    assert any("▲" in cell or "▼" in cell or "±0" in cell for cell in cells)
    assert all("font-size:18px" in cell for cell in cells if "<span" in cell)
    assert "▲▼ muutos tilannekuvasta 11/2021" in slide.figure["layout"]["title"]["subtitle"]["text"]
