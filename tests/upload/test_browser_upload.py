"""The whole upload flow in a real headless Chromium (Debian's, driven by Playwright) against
the demo database built by the real loaders: log in as a region, download the template, fill it,
upload it with the file input, see the preview, confirm, see the overview change; then a
rejected file with its errors, and the coordinator's upload log. Screenshots:
tests/screenshots/upload_*.png."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from upload_helpers import PASSWORD
from domain import db, queries

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


@pytest.fixture(scope="module")
def served(tmp_path_factory, demo_template):
    from tests.conftest import serve_demo_copy

    yield from serve_demo_copy(demo_template, tmp_path_factory.mktemp("upload-browser"), [
        ("kainuu", PASSWORD, "region_uploader", "Kainuu", "Kainuun raportoija"),
        ("koordinaattori", PASSWORD, "coordinator", None, "VM koordinaattori"),
        ("yllapito", PASSWORD, "admin", None, "Ylläpitäjä")])


@pytest.fixture
def page(browser):
    # bypass_csp: Playwright's wait_for_function evaluates strings in the page, which the app's
    # CSP forbids; the CSP itself is tested in tests/security/test_csp_browser.py
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI",
                                  accept_downloads=True, bypass_csp=True)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"upload_{name}.png"), full_page=True)


def login(page, base_url: str, username: str, next_path: str = "/lataus") -> None:
    page.goto(f"{base_url}{next_path}?lang=fi")
    page.click("#login-link")
    page.wait_for_selector("#login-form")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    shot(page, f"login_{username}")
    page.click("#login-submit")
    page.wait_for_url(f"**{next_path}**")


def fill(path: Path, status_for) -> Path:
    """What the region's person does in Excel: choose a status on every task row."""
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    header = next(r[0].row for r in ws.iter_rows(max_row=15) if any(c.value == "Tila" for c in r))
    col = next(c.column for c in ws[header] if c.value == "Tila")
    for i, row in enumerate(range(header + 1, ws.max_row + 1)):
        code = ws.cell(row, 1).value
        if code:
            ws.cell(row, col).value = status_for(i, code)
    out = path.with_name(path.stem + "-taytetty.xlsx")
    wb.save(out)
    return out


def overview_cell(url: str, period: str, region: str, column: str):
    with db.session_factory(url)() as s:
        return queries.heatmap(s, period, "readiness").cell(region, column).percent


def test_region_uploads_a_month_and_the_overview_changes(page, served):
    url, base_url, tmp = served
    before = overview_cell(url, "2022-01", "kainuu", "htt:readiness_done")
    login(page, base_url, "kainuu")
    page.wait_for_selector("#upload-title")
    assert "Kainuu" in page.inner_text("#logged-in-as")
    shot(page, "page_kainuu")

    # the demo's open round 1/2022, already sent by Kainuu: a new version before publication
    # (11/2021 is published: read-only for regions, see tests/rounds/)
    assert "Avoin raportointikierros: 1/2022" in page.inner_text("#upload-round")
    assert "Alue Kainuu on lähettänyt kuukauden 1/2022: versio 1" in \
        page.inner_text(".upload-round-sent")
    page.wait_for_function(
        "document.querySelector('#template-fi').getAttribute('href').includes('period=2022-01')")
    with page.expect_download() as info:
        page.click("#template-fi")
    template = tmp / "kainuu-pohja.xlsx"
    info.value.save_as(template)
    sheet = openpyxl.load_workbook(template).active
    assert any(c.value == "Kainuu" for row in sheet.iter_rows(max_row=6) for c in row)

    filled = fill(template, lambda i, code: "Valmis" if code.startswith("HTT") else "Käynnissä")
    page.set_input_files("#upload-file input[type=file]", str(filled))
    page.wait_for_selector("#upload-preview")
    preview = page.inner_text("#upload-preview")
    assert "Esikatselu: Kainuu, 1/2022" in preview
    assert "menee raportointikierrokseen 1/2022 (avoin" in preview
    assert "versio 1" in page.inner_text("#upload-replaces")  # it will be revision 2
    assert "100" in page.inner_text("#preview-row-htt")
    shot(page, "preview")
    # nothing written yet
    assert overview_cell(url, "2022-01", "kainuu", "htt:readiness_done") == before

    page.click("#upload-confirm")
    page.wait_for_selector("#upload-saved")
    assert "versio 2" in page.inner_text("#upload-saved")
    shot(page, "saved")
    assert overview_cell(url, "2022-01", "kainuu", "htt:readiness_done") == 100 != before
    # the open round is not the national picture yet: the region is told when it will be
    assert "kun ohjelmatoimisto julkaisee kierroksen 1/2022" in page.inner_text("#upload-saved-open")
    # the round's status line and the region's history show the new revision at once,
    # without reloading the page
    page.wait_for_selector(".upload-round-sent:has-text('versio 2')", timeout=10_000)
    revisions = [tr.locator("td").all_inner_texts()[:2]
                 for tr in page.locator("#upload-history-revisions tbody tr").all()]
    assert ["1/2022", "2"] in revisions and ["1/2022", "1"] in revisions
    assert filled.name in page.inner_text("#upload-history-attempts")

    # the programme office publishes the round; the overview then shows the new figure
    with db.transaction(url) as s:
        from domain import rounds
        rounds.publish_round(s, "2022-01", by="koordinaattori")
    page.goto(f"{base_url}/?lang=fi")
    page.wait_for_selector("#overview-heatmap .hm-cell")
    page.wait_for_load_state("networkidle")
    assert "1/2022" in page.inner_text("#header-period")
    # the heatmap table: Kainuu's row, HTT Valmis (the second data column)
    drawn = page.locator("#overview-heatmap tr[data-region='kainuu'] td").nth(1) \
        .locator(".hm-value").inner_text()
    assert drawn.replace("\xa0", " ") == "100 %"
    shot(page, "overview_after")


def test_a_rejected_file_shows_every_error(page, served):
    url, base_url, tmp = served
    login(page, base_url, "kainuu")
    with page.expect_download() as info:
        page.click("#template-fi")
    template = tmp / "kainuu-pohja-2.xlsx"
    info.value.save_as(template)
    bad = fill(template, lambda i, code: {0: "Melkein valmis", 1: "=1+1", 2: None}.get(i, "Valmis"))
    page.set_input_files("#upload-file input[type=file]", str(bad))
    page.wait_for_selector("#upload-errors")
    title = page.inner_text("#upload-rejected-title")
    assert "ei hyväksytty" in title
    table = page.inner_text("#upload-error-table")
    assert "Melkein valmis" in table and "Tila" in table and "Ei aloitettu" in table
    assert "kaava" in table
    assert page.locator("#upload-confirm").count() == 0
    shot(page, "rejected")

    # a CSV renamed .xlsx: its own clear message
    fake = tmp / "taulukko.xlsx"
    fake.write_text("Tunnus;Tila\nHTT-A-001;Valmis\n", encoding="utf-8")
    page.set_input_files("#upload-file input[type=file]", str(fake))
    page.wait_for_selector("#upload-errors:has-text('tekstiä')")
    shot(page, "rejected_csv")


def test_coordinator_sees_the_log_and_downloads_an_original(page, served):
    url, base_url, tmp = served
    login(page, base_url, "koordinaattori")
    page.click("#upload-log-link")
    page.wait_for_selector("#upload-log-table")
    log = page.inner_text("#upload-log-table")
    assert "hyväksytty (versio 2)" in log and "hylätty: 3 virhettä" in log
    assert "hylätty: 1 virhettä" in log and "Kainuu" in log
    shot(page, "log")
    first = page.locator("#upload-log-table a").last
    with page.expect_download() as info:
        first.click()
    saved = tmp / "original.bin"
    info.value.save_as(saved)
    assert saved.read_bytes()[:2] == b"PK"

    # log out: back to the log-in page, and the log is closed again
    page.goto(f"{base_url}/lataus?lang=fi")
    page.click("#logout")
    page.wait_for_selector("#login-form")
    page.goto(f"{base_url}/lataus/loki?lang=fi")
    page.wait_for_selector("#login-needed")


def test_swedish_upload_page_and_admin_imports(page, served):
    url, base_url, tmp = served
    login(page, base_url, "yllapito")
    page.goto(f"{base_url}/lataus?lang=sv")
    page.wait_for_selector("#upload-title")
    assert page.inner_text("#upload-title") == "Inskickning av månadsrapport"
    assert "Ladda ner mall (svenska)" in page.inner_text("#template-sv")
    shot(page, "page_sv_admin")
    page.click("#admin-imports-link")
    page.wait_for_selector("#admin-title")
    assert "Import av färdplan" in page.inner_text("#admin-title")
    from loaders.roadmap_workbook import write_roadmap_workbook
    roadmap = write_roadmap_workbook(tmp / "tiekartta.xlsx")
    page.set_input_files("#admin-roadmap-file input[type=file]", str(roadmap))
    page.wait_for_selector("#admin-roadmap-done")
    assert "Importerat" in page.inner_text("#admin-roadmap-done")
    shot(page, "admin_imports_sv")
