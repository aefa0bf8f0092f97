"""The dashboard in a real headless Chromium (Debian's), driven by Playwright, against the demo
database built by the real loaders. Screenshots go to tests/screenshots/ (git-ignored)."""
from __future__ import annotations

import io
import re

import pytest

from domain import db, queries
from domain.i18n import format_percent
from domain.metrics import BANDS, band_of_percent

pytestmark = pytest.mark.browser

HEATMAP = "#overview-heatmap"


def _open(page, url: str, selector: str = HEATMAP):
    page.goto(url)
    page.wait_for_selector(selector)
    page.wait_for_load_state("networkidle")


def _wait_url(page, pattern: str):
    page.wait_for_url(re.compile(pattern))
    page.wait_for_load_state("networkidle")


def _choose(page, dropdown_id: str, option_text: str):
    """Dash 4 dropdown: open it, click the option by its visible text."""
    page.click(f"#{dropdown_id}")
    page.get_by_role("option", name=option_text).first.click()


def _cell(page, region_code: str, column_index: int):
    """The heatmap table's cell of a region (row) and a column (0 = first data column)."""
    return page.locator(f"{HEATMAP} tr[data-region='{region_code}'] td").nth(column_index)


def _pixel(page, locator) -> tuple[int, int, int]:
    """The colour on screen inside a cell, away from its text (a corner)."""
    from PIL import Image

    box = locator.bounding_box()
    png = page.screenshot(clip={"x": box["x"], "y": box["y"], "width": box["width"],
                                "height": box["height"]})
    img = Image.open(io.BytesIO(png)).convert("RGB")
    return img.getpixel((2, 2))


def _hex(rgb) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def _db_cell(url, period, view, region, ws=None):
    with db.session_factory(url)() as s:
        hm = queries.heatmap(s, period, view, ws)
        return hm, hm.cell(region, hm.columns[0].key)


def test_overview_snapshot_measure_cell_and_region_click(page, demo_server, screenshots):
    _open(page, demo_server.url + "/")
    # the latest snapshot is shown first, with its header
    assert "Tilannekuva 12/2021" in page.inner_text("#header-period")
    assert "arkipäivää" in page.inner_text("#header-days")
    assert page.inner_text("#header-data-kind") == "synteettinen esimerkkiaineisto"
    page.screenshot(path=str(screenshots / "overview_latest_fi.png"), full_page=True)

    # a cell's details: the counts behind the cell and the band's wording (click or Enter)
    hm, cell = _db_cell(demo_server.db_url, "2021-12", "readiness", "pirkanmaa")
    target = _cell(page, "pirkanmaa", 1)  # Valmis: coloured by its own number
    hm_done = hm.cell("pirkanmaa", hm.columns[1].key)
    target.locator("summary").click()
    text = target.locator(".hm-details").inner_text().replace("\xa0", " ")
    assert f"{hm_done.numerator} / {hm_done.denominator} tehtävää" in text
    assert BANDS[band_of_percent(hm_done.percent) - 1].legend_fi in text
    page.screenshot(path=str(screenshots / "overview_details_fi.png"), full_page=True)
    target.locator("summary").click()

    # change the snapshot to the real 10/21 one, then the measure to progress
    _choose(page, "overview-period", "10/2021 · todellinen")
    _wait_url(page, r"period=2021-10")
    page.wait_for_function("document.querySelector('#overview-title').innerText.includes('10/2021')")
    assert "269 arkipäivää" in page.inner_text("#header-days")
    assert page.inner_text("#header-data-kind") == "todellinen"
    page.click("#overview-view label:has-text('Tiekartan mukainen eteneminen')")
    _wait_url(page, r"view=progress")
    page.wait_for_selector("#overview-title:has-text('eteneminen')")
    page.wait_for_timeout(300)
    page.screenshot(path=str(screenshots / "overview_progress_2021-10_fi.png"), full_page=True)

    # one cell's number and on-screen colour against the database
    hm, cell = _db_cell(demo_server.db_url, "2021-10", "progress", "etela-karjala")
    first = _cell(page, "etela-karjala", 0)
    assert first.locator(".hm-value").inner_text().replace("\xa0", " ") == \
        format_percent(cell.percent, "fi").replace("\xa0", " ")
    assert cell.percent == 57  # the slide: Etelä-Karjala, Hallinto, talous ja tukipalvelut
    band = BANDS[band_of_percent(cell.percent) - 1]
    assert _hex(_pixel(page, first)) == band.colour.upper()
    hus = _cell(page, "hus", 0)
    assert hus.locator(".hm-value").inner_text() == "ei tietoa"
    assert _hex(_pixel(page, hus)) == "#D9D9D9"
    # the task-count row of the slide
    counts = page.locator(f"{HEATMAP} .hm-count").all_inner_texts()
    assert counts == ["69", "30", "17", "20", "55"]

    # the region's name opens its page, carrying the snapshot
    page.click(f"{HEATMAP} tr[data-region='etela-karjala'] th a")
    _wait_url(page, r"/alue/etela-karjala\?period=2021-10")
    page.wait_for_selector("#region-title")
    assert page.inner_text("#region-title") == "Etelä-Karjala"
    # 10/21 is summary-only: the page says so instead of an empty table
    assert "tehtäväkohtaisia tietoja ei ole" in page.inner_text("#region-summary-only")
    page.screenshot(path=str(screenshots / "region_summary_only_fi.png"), full_page=True)


def test_region_page_late_filter(page, demo_server, screenshots):
    with db.session_factory(demo_server.db_url)() as s:
        lines = queries.task_table(s, "2021-12", "pirkanmaa")
    late = [x for x in lines if x.late]
    assert lines and late
    _open(page, demo_server.url + "/alue/pirkanmaa?period=2021-12", "#region-tasks .ag-row")
    page.wait_for_selector("#region-subareas .hm-cell")
    page.wait_for_timeout(500)
    page.screenshot(path=str(screenshots / "region_pirkanmaa_2021-12_fi.png"), full_page=True)
    toggle = page.locator("#region-late-toggle")
    assert toggle.inner_text() == f"Näytä vain myöhässä olevat ({len(late)})"
    toggle.click()
    _wait_url(page, r"late=1")
    page.wait_for_selector("#region-late-toggle.button-active")
    page.wait_for_selector("#region-tasks .ag-row")
    page.wait_for_timeout(300)
    shown = page.locator("#region-tasks .ag-center-cols-container .ag-row")
    count = shown.count()
    assert 0 < count <= min(20, len(late))  # first page of the pagination
    late_cells = page.locator("#region-tasks .ag-center-cols-container [col-id='late']")
    assert {late_cells.nth(i).inner_text() for i in range(count)} == {"Myöhässä"}
    ids = {page.locator("#region-tasks .ag-center-cols-container [col-id='id']").nth(i).inner_text()
           for i in range(count)}
    assert ids <= {x.code for x in late}
    assert re.search(rf"\b{len(late)}\b", page.inner_text("#region-tasks .ag-paging-panel"))
    page.screenshot(path=str(screenshots / "region_pirkanmaa_late_fi.png"), full_page=True)
    # changes since the previous snapshot are listed
    assert page.locator("#region-ws-changes tbody tr").count() == 5


def test_language_switch_and_shared_url(page, demo_server, screenshots, browser):
    _open(page, demo_server.url + "/?period=2021-10&view=readiness")
    page.click("#lang-sv")
    _wait_url(page, r"lang=sv")
    page.wait_for_selector("#overview-title:has-text('Beredskapsgraden')")
    assert "Lägesbild 10/2021" in page.inner_text("#header-period")
    assert "269 arbetsdagar" in page.inner_text("#header-days")
    assert "period=2021-10" in page.url
    names = page.locator(f"{HEATMAP} th.hm-region").all_inner_texts()
    assert names[0] == "Birkaland" and "Södra Karelen" in names  # Swedish alphabetical order
    page.screenshot(path=str(screenshots / "overview_readiness_2021-10_sv.png"), full_page=True)

    # a coordinator sends a link: opening it in a fresh browser context restores the view
    shared = demo_server.url + "/?period=2021-10&view=subareas&workstream=yp&sort=value&lang=en"
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, bypass_csp=True)
    other = context.new_page()
    try:
        _open(other, shared)
        assert other.inner_text("#overview-title") == "Status 10/2021: Interfaces – sub-areas"
        assert "selected" in other.locator("#overview-view label:has-text('Sub-areas')").get_attribute("class")
        assert "selected" in other.locator("#overview-sort label:has-text('By value')").get_attribute("class")
        assert other.inner_text("#overview-workstream") == "Interfaces"
        with db.session_factory(demo_server.db_url)() as s:
            hm = queries.heatmap(s, "2021-10", "subareas", "yp")
        from dashboard.figures import region_order

        first = region_order(hm, "value", "en")[0]
        assert other.locator(f"{HEATMAP} th.hm-region").first.inner_text() == first.name_en
        other.screenshot(path=str(screenshots / "overview_shared_subareas_en.png"), full_page=True)
        # a region's name (row header) is a link to its page, keeping snapshot and language
        other.click(f"{HEATMAP} th.hm-region a:has-text('{first.name_en}')")
        _wait_url(other, rf"/alue/{first.code}\?period=2021-10.*lang=en")
        other.wait_for_selector("#region-title")
        assert other.inner_text("#region-title") == first.name_en
    finally:
        context.close()


def test_trends_page(page, demo_server, screenshots):
    _open(page, demo_server.url + "/trendit?measure=progress&workstream=htt",
          "#trends-lines .js-plotly-plot")
    _choose(page, "trends-highlight", "Pirkanmaa")
    _wait_url(page, r"highlight=pirkanmaa")
    page.wait_for_selector("#trends-lines .legendtext:has-text('Pirkanmaa')")
    assert page.locator("#trends-bands .js-plotly-plot").count() == 1
    page.wait_for_timeout(300)
    page.screenshot(path=str(screenshots / "trends_pirkanmaa_fi.png"), full_page=True)
    # navigation keeps the language
    page.click("#lang-en")
    _wait_url(page, r"lang=en")
    page.wait_for_selector("#trends-title:has-text('Regions')")
    assert page.locator(".nav-link.active").inner_text() == "Trends"
