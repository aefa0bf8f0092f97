"""The monthly cycle in a real headless Chromium (Debian's, through Playwright) on a copy of the
demo: the coordinator opens a round on the submission board, a region sends its sheet (upload +
confirm), the board shows it, the coordinator publishes, and the default view of every reader
moves to the new month. Screenshots: tests/screenshots/rounds_*.png."""
from __future__ import annotations

from pathlib import Path

import pytest

from domain import db, queries
from upload_helpers import PASSWORD, filled_sheet

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
NEW = "2022-02"  # the demo fixture's months: 10/21 real, 11–12/2021 published, 1/2022 open


@pytest.fixture(scope="module")
def served(tmp_path_factory, demo_template):
    from tests.conftest import serve_demo_copy

    yield from serve_demo_copy(demo_template, tmp_path_factory.mktemp("rounds-browser"), [
        ("pohjanmaa", PASSWORD, "region_uploader", "Pohjanmaa", "Pohjanmaa"),
        ("koordinaattori", PASSWORD, "coordinator", None, "VM")])


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"rounds_{name}.png"), full_page=True)


def context_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return context, page


def login(page, base_url: str, username: str, next_path: str) -> None:
    page.goto(f"{base_url}{next_path}?lang=fi")
    page.click("#login-link")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("#login-submit")
    page.wait_for_url(f"**{next_path}**")


def test_open_send_board_publish_and_the_default_moves(browser, served):
    url, base_url, tmp = served
    office_ctx, office = context_page(browser)
    region_ctx, region = context_page(browser)
    reader_ctx, reader = context_page(browser)
    try:
        # the demo: an open round 1/2022 with a few regions sent, shown as incomplete
        login(office, base_url, "koordinaattori", "/raportointitilanne")
        office.wait_for_selector("#board-table")
        assert "1/2022" in office.inner_text("#board-title")
        assert "avoin" in office.inner_text("#board-summary")
        assert office.locator(".main-nav >> text=Raportointitilanne").count() == 1
        shot(office, "board_demo")

        # 1. the coordinator opens February
        office.click("#board-open-form summary")
        office.fill("#board-open-period", NEW)
        office.fill("#board-open-deadline", "20.3.2030")
        office.fill("#board-open-report", "10.3.2022")
        office.click("#board-open")
        office.wait_for_selector("#board-title:has-text('2/2022')")
        assert "raportoinut 0/23, puuttuu 23" in office.inner_text("#board-summary")
        assert "Pohjanmaa" in office.inner_text("#board-missing-text").split(", ")

        # 2. a region sends its sheet for the open round: upload, preview, confirm
        login(region, base_url, "pohjanmaa", "/lataus")
        region.wait_for_selector("#upload-round")
        assert "Avoin raportointikierros: 2/2022, määräpäivä 20.3.2030" in \
            region.inner_text("#upload-round")
        sheet = tmp / "pohjanmaa-2022-02.xlsx"
        sheet.write_bytes(filled_sheet(url, "pohjanmaa", NEW, "Valmis", lang="sv"))
        region.set_input_files("#upload-file input[type=file]", str(sheet))
        region.wait_for_selector("#upload-preview")
        assert "pohjanmaa-2022-02.xlsx menee raportointikierrokseen 2/2022 (avoin" in \
            region.inner_text("#upload-preview-target")
        region.click("#upload-confirm")
        region.wait_for_selector("#upload-saved")
        assert "versio 1" in region.inner_text("#upload-saved")
        # the round's status line and the history follow at once, without a reload
        region.wait_for_selector("#upload-round:has-text('lähettänyt kuukauden 2/2022: versio 1')",
                                 timeout=10_000)
        assert "ei ole vielä lähettänyt kuukautta 2/2022" not in region.inner_text("#upload-round")
        assert "2/2022" in region.inner_text("#upload-history-revisions")
        shot(region, "region_sent")

        # 3. the board shows it: sent, revision 1, by whom; no longer missing
        office.reload()
        office.wait_for_selector("#board-row-pohjanmaa")
        sent, revision, _when, by, late, rejected = \
            office.locator("#board-row-pohjanmaa td").all_inner_texts()
        assert (sent, revision, by, late, rejected) == ("kyllä", "1", "pohjanmaa", "ei", "")
        assert "raportoinut 1/23, puuttuu 22" in office.inner_text("#board-summary")
        assert "Pohjanmaa" not in office.inner_text("#board-missing-text").split(", ")
        shot(office, "board_sent")

        # before publication a reader still sees the latest published month
        reader.goto(f"{base_url}/?lang=fi")
        reader.wait_for_selector("#header-period")
        assert "12/2021" in reader.inner_text("#header-period")

        # 4. the coordinator publishes; 5. the default view moves for everyone
        office.click("#board-publish")
        office.wait_for_selector("#board-summary:has-text('julkaistu')")
        shot(office, "board_published")
        reader.goto(f"{base_url}/?lang=fi")  # the plain address: no month chosen
        reader.wait_for_selector("#header-period:has-text('2/2022')")
        assert reader.locator("#header-incomplete").count() == 0
        shot(reader, "overview_after_publish")
        with db.session_factory(url)() as s:
            assert queries.latest_published(s).period == NEW
    finally:
        for ctx in (office_ctx, region_ctx, reader_ctx):
            ctx.close()


def read_clipboard(page, timeout_s: float = 10.0) -> str:
    import time

    end = time.monotonic() + timeout_s
    text = ""
    while time.monotonic() < end:
        text = page.evaluate("navigator.clipboard.readText()")
        if text:
            break
        time.sleep(0.2)
    return text


def test_copy_missing_regions_in_one_click(browser, served):
    """The board's "copy missing regions" puts exactly the missing regions on the clipboard:
    one click on the visible button (its label or its icon)."""
    from domain import rounds

    url, base_url, _ = served
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI",
                                  bypass_csp=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        login(page, base_url, "koordinaattori", "/raportointitilanne")
        page.goto(f"{base_url}/raportointitilanne?period=2022-01&lang=fi")
        page.wait_for_selector("#board-title:has-text('1/2022')")
        with db.session_factory(url)() as s:
            status = rounds.round_status(s, "2022-01")
        missing = [r.region.name_fi for r in status.rows if not r.submitted]
        assert 0 < len(missing) < 23
        assert page.inner_text("#board-missing-text") == ", ".join(missing)

        page.evaluate("navigator.clipboard.writeText('')")
        page.get_by_role("button", name="Kopioi puuttuvat alueet").click()  # the visible button
        assert read_clipboard(page).split(", ") == missing
        page.wait_for_selector("#board-copy-missing-done:has-text('Kopioitu')")

        page.evaluate("navigator.clipboard.writeText('')")  # and from the keyboard
        page.wait_for_selector("#board-copy-missing-button")
        page.focus("#board-copy-missing-button")
        page.keyboard.press("Enter")
        assert read_clipboard(page).split(", ") == missing
        shot(page, "board_copied")
    finally:
        context.close()
