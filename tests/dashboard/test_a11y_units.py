"""Accessibility pieces without a browser: the one colour rule, the heatmap tables' markup,
titles, the header after the target date, collation, dates in the UI language."""
from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest

from domain import db, queries
from domain.i18n import collation_key, format_date, format_datetime
from domain.metrics import BANDS, Measure, colour_band, colour_share


def test_nearly_done_region_is_never_alarming():
    # 12/2022: 11 % käynnissä and 88 % valmis -> the Käynnissä cell is coloured by 99 % started
    assert colour_share(Measure.READINESS_ACTIVE, 11.0, 88.0) == 99.0
    assert colour_band(Measure.READINESS_ACTIVE, 11.0, 88.0) == 4
    # the number itself is unchanged, and Valmis / progress keep their own number's band
    assert colour_band(Measure.READINESS_DONE, 88.0) == 4
    assert colour_band(Measure.PROGRESS, 11.0) == 1
    assert colour_band(Measure.READINESS_ACTIVE, None, 50.0) is None  # no data stays grey
    assert colour_share(Measure.READINESS_ACTIVE, 60.0, 60.0) == 100.0  # never above 100


@pytest.fixture(scope="module")
def demo_session(demo_db):
    with db.session_factory(demo_db)() as s:
        yield s


def _cells(markup: str) -> dict[str, list[str]]:
    rows = {}
    for code, body in re.findall(r'<tr data-region="([^"]+)">(.*?)</tr>', markup):
        rows[code] = re.findall(r'<span class="hm-value">([^<]*)</span>', body)
    return rows


def test_readiness_table_keeps_the_10_2021_slide_numbers(demo_session):
    from dashboard.heatmap_table import heatmap_table

    hm = queries.heatmap(demo_session, "2021-10", "readiness")
    markup = heatmap_table(hm, "fi").children
    rows = _cells(markup)
    # Etelä-Karjala on the slide: HTT 36 / 7, JO 97 / 0 (numbers exactly as published)
    assert rows["etela-karjala"][:4] == ["36\xa0%", "7\xa0%", "97\xa0%", "0\xa0%"]
    assert rows["hus"] == ["ei tietoa"] * 10
    for region in hm.regions:
        for col, text in zip(hm.columns, rows[region.code]):
            pct = hm.cell(region.code, col.key).percent
            assert text == ("ei tietoa" if pct is None else f"{pct}\xa0%")
    # semantic structure: caption, grouped headers, one row header per region, band in words
    assert "<caption" in markup and markup.count('scope="colgroup"') == 5
    assert markup.count('<th scope="row"') == len(hm.regions)
    assert ", luokka 2</span>" in markup  # Etelä-Karjala HTT Käynnissä: started 43 % -> band 2
    assert 'role="region"' in markup and 'tabindex="0"' in markup


def test_progress_table_has_the_task_count_row_and_links(demo_session):
    from dashboard.heatmap_table import heatmap_table

    hm = queries.heatmap(demo_session, "2021-10", "progress")
    markup = heatmap_table(hm, "sv", region_href=lambda c: f"/alue/{c}?lang=sv").children
    counts = re.findall(r'<td class="hm-count">(\d*)</td>', markup)
    assert counts == ["69", "30", "17", "20", "55"]
    assert '<a href="/alue/pirkanmaa?lang=sv" class="hm-region-link" data-dash-link="1">' \
           'Birkaland</a>' in markup
    # band colours from the one rule: a cell's fill is its colour band's colour
    fills = re.findall(r'class="hm-cell hm-band-(\d)" style="background-color:([^"]+)"', markup)
    assert fills and all(
        colour == ("#D9D9D9" if band == "0" else BANDS[int(band) - 1].colour)
        for band, colour in fills)


def test_region_names_sort_by_the_shown_language():
    names = ["Österbotten", "Birkaland", "Åland", "Västra Nyland", "Egentliga Finland"]
    assert sorted(names, key=lambda n: collation_key(n, "sv")) == [
        "Birkaland", "Egentliga Finland", "Västra Nyland", "Åland", "Österbotten"]
    assert sorted(["Ostrobothnia", "Åland", "Kainuu"], key=lambda n: collation_key(n, "en")) == [
        "Åland", "Kainuu", "Ostrobothnia"]


def test_dates_follow_the_ui_language():
    day = dt.date(2021, 12, 9)
    assert format_date(day) == format_date(day, "fi") == format_date(day, "sv") == "9.12.2021"
    assert format_date(day, "en") == "2021-12-09"
    when = dt.datetime(2022, 6, 1, 9, 5, 7)  # UTC; Helsinki summer time +3
    assert format_datetime(when, "fi") == "1.6.2022 12.05.07"
    assert format_datetime(when, "en") == "2022-06-01 12:05:07"


def _text(component) -> str:
    out = []

    def walk(node):
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, (list, tuple)):
            for x in node:
                walk(x)
        elif node is not None and hasattr(node, "children"):
            walk(node.children)

    walk(component)
    return " ".join(out)


def test_header_after_the_target_date_says_responsibility_moved():
    from dashboard.app import header_bar
    from dashboard.routes import PageRequest
    from dashboard.state import State

    for lang, words in (("fi", "siirtyi hyvinvointialueille 1.1.2023"),
                        ("sv", "övergick till välfärdsområdena 1.1.2023"),
                        ("en", "moved to the wellbeing services counties on 2023-01-01")):
        request = PageRequest("/", "", State(lang=lang), "", "sqlite://")
        after = SimpleNamespace(period="2023-01", report_date=dt.date(2023, 1, 10),
                                is_synthetic=True)
        text = _text(header_bar(request, None, after))
        assert words in text and " 0 " not in text
        before = SimpleNamespace(period="2021-10", report_date=dt.date(2021, 12, 9),
                                 is_synthetic=False)
        assert "269" in _text(header_bar(request, None, before))


def test_every_page_and_language_has_its_own_title(demo_db):
    from dashboard.app import page_meta

    titles = set()
    for path, search in (("/", "?view=readiness&period=2021-10"), ("/", "?view=progress&period=2021-10"),
                         ("/", "?view=subareas&period=2021-10"), ("/alue/pirkanmaa", "?period=2021-12"),
                         ("/trendit", ""), ("/lataus", ""), ("/lataus/loki", ""),
                         ("/yllapito/tuonti", ""), ("/raportointitilanne", "")):
        for lang in ("fi", "sv", "en"):
            meta = page_meta(path, f"{search}&lang={lang}" if search else f"?lang={lang}", demo_db)
            assert meta["lang"] == lang
            titles.add(meta["title"])
    assert len(titles) == 9 * 3
    assert page_meta("/alue/pirkanmaa", "?period=2021-12", demo_db)["title"] == \
        "Pirkanmaa 12/2021 – Tilannekuva"
