"""Accessibility in a real browser (WCAG 2.1 AA): axe-core on every page in fi/sv/en, a
keyboard-only walk through the main flows, and the heatmap at 200 % zoom.

axe-core comes bundled in `axe-playwright-python` (PyPI); it runs inside Debian's Chromium,
driven by Playwright, against the app served on the demo database."""
from __future__ import annotations

import re

import pytest

from domain import db

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DEMO_PASSWORD = "demo-tilannekuva"


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def _ready(page, selector: str = "#page-meta"):
    page.wait_for_selector(selector, state="attached")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(250)  # the a11y asset's repairs run on the next animation frame


def _violations(axe, page) -> list[str]:
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:4]}"
            for v in result.response["violations"]]


def _login(page, base: str, username: str):
    page.goto(f"{base}/kirjaudu")
    page.fill("#username", username)
    page.fill("#password", DEMO_PASSWORD)
    page.click("#login-submit")
    page.wait_for_load_state("networkidle")


PUBLIC_PAGES = [
    "/?period=2021-10&view=readiness",
    "/?period=2021-10&view=progress",
    "/?period=2021-10&view=subareas&workstream=yp",
    "/?view=readiness&deltas=1&sort=value",
    "/alue/pirkanmaa?period=2021-12",
    "/alue/pirkanmaa?period=2021-10",
    "/trendit?measure=progress&workstream=htt&highlight=pirkanmaa",
]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_axe_public_pages(page, demo_server, axe, lang):
    found = {}
    titles = set()
    for path in PUBLIC_PAGES:
        page.goto(f"{demo_server.url}{path}&lang={lang}")
        _ready(page)
        assert page.evaluate("document.documentElement.lang") == lang
        titles.add(page.title())
        problems = _violations(axe, page)
        if problems:
            found[path] = problems
    assert found == {}
    assert len(titles) == len(PUBLIC_PAGES)  # every page and view has its own title
    page.goto(f"{demo_server.url}/kirjaudu?lang={lang}")
    page.wait_for_selector("#login-form")
    assert _violations(axe, page) == []
    assert page.evaluate("document.documentElement.lang") == lang


@pytest.fixture(scope="module")
def signed_server(tmp_path_factory, demo_template):
    """A private copy of the demo with log-in users (an admin and Kainuu's uploader)."""
    import os

    from dashboard import accounts
    from tests.conftest import copy_demo
    from tests.dashboard.conftest import LiveServer

    base = tmp_path_factory.mktemp("a11y-signed")
    os.environ.setdefault("TILANNEKUVA_SECRET_KEY_FILE", str(base / "secret_key"))
    url = copy_demo(demo_template, base)
    with db.transaction(url) as s:
        accounts.create_user(s, "yllapito", DEMO_PASSWORD, "admin", None, "Ylläpitäjä")
        accounts.create_user(s, "kainuu", DEMO_PASSWORD, "region_uploader", "Kainuu",
                             "Kainuun raportoija")
    server = LiveServer(url)
    yield server
    server.stop()


SIGNED_IN_PAGES = {"/lataus": "#upload-file", "/lataus/loki": "#upload-log-title",
                   "/yllapito/tuonti": "#admin-roadmap-file",
                   "/raportointitilanne": "main h1"}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_axe_signed_in_pages(browser, signed_server, axe, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        _login(page, signed_server.url, "yllapito")
        found = {}
        for path, selector in SIGNED_IN_PAGES.items():
            page.goto(f"{signed_server.url}{path}?lang={lang}")
            _ready(page, selector)  # the page itself, not a log-in prompt
            assert page.evaluate("document.documentElement.lang") == lang
            problems = _violations(axe, page)
            if problems:
                found[path] = problems
        assert found == {}
    finally:
        context.close()


def test_titles_name_the_page(page, demo_server):
    page.goto(f"{demo_server.url}/alue/pirkanmaa?period=2021-12&lang=sv")
    _ready(page)
    assert page.title() == "Birkaland 12/2021 – Lägesbild"
    # client-side navigation keeps lang and title right
    page.click("text=Tillbaka till översikten")
    page.wait_for_function("document.title.includes('Beredskapsgrad')")
    assert page.evaluate("document.documentElement.lang") == "sv"


def _focused(page) -> dict:
    return page.evaluate("""() => {
        const a = document.activeElement;
        return {tag: a.tagName, id: a.id, text: (a.innerText || a.value || '').trim().slice(0, 80),
                host: (a.closest('[id]') || {}).id || ''};
    }""")


def _tab_to(page, predicate, limit: int = 120, back: bool = False) -> dict:
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        info = _focused(page)
        if predicate(info):
            return info
    raise AssertionError(f"Tab never reached the control; last focus {_focused(page)}")


def test_keyboard_only_main_flows(page, demo_server, screenshots):
    """Snapshot, view, cell details, region, late filter, language: with the keyboard only;
    after each re-render focus is back on the control that was used."""
    base = demo_server.url
    page.goto(f"{base}/?view=readiness&lang=fi")
    _ready(page)
    # the snapshot dropdown: Tab to it, open with Enter, pick 10/2021 with the arrows
    info = _tab_to(page, lambda f: f["id"] == "overview-period")
    assert info["tag"] == "BUTTON"
    page.keyboard.press("Enter")
    page.wait_for_selector("[role=option]")
    option = page.get_by_role("option", name="10/2021 · todellinen")
    for _ in range(10):
        if option.evaluate("e => e === document.activeElement || e.contains(document.activeElement)"):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"period=2021-10"))
    page.wait_for_function("document.title.includes('10/2021')")
    page.wait_for_timeout(300)
    assert _focused(page)["id"] == "overview-period"

    # the view: a native radio group, arrows change it
    _tab_to(page, lambda f: f["host"] == "overview-view")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"view=progress"))
    page.wait_for_selector("#overview-title:has-text('eteneminen')")
    page.wait_for_timeout(300)
    focus = _focused(page)
    assert focus["host"] == "overview-view"
    assert page.evaluate("document.activeElement.value") == "progress"

    # a cell's details open from the keyboard
    _tab_to(page, lambda f: f["tag"] == "SUMMARY")
    page.keyboard.press("Enter")
    details = page.locator("details[open] .hm-details")
    assert "tehtävät" in details.inner_text().lower() or "koostetaulukon" in details.inner_text().lower()
    page.keyboard.press("Enter")  # closes again

    # open a region from its row header link
    page.keyboard.press("Shift+Tab")
    info = _focused(page)
    assert info["tag"] == "A" and info["text"] == "Etelä-Karjala"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/alue/etela-karjala"))
    page.wait_for_selector("#region-title")
    page.wait_for_timeout(300)
    assert _focused(page)["id"] == "region-title"  # focus on the new page's heading

    # the late filter on a task-level snapshot
    page.goto(f"{base}/alue/pirkanmaa?period=2021-12")
    _ready(page, "#region-late-toggle")
    _tab_to(page, lambda f: f["id"] == "region-late-toggle")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"late=1"))
    page.wait_for_selector("#region-late-toggle.button-active")
    page.wait_for_timeout(300)
    assert _focused(page)["id"] == "region-late-toggle"

    # switch language
    _tab_to(page, lambda f: f["id"] == "lang-sv", back=True)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"lang=sv"))
    _ready(page)
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert _focused(page)["id"] == "lang-sv"
    page.screenshot(path=str(screenshots / "keyboard_after_language_sv.png"), full_page=True)


def test_heatmap_at_200_percent_zoom(browser, demo_server, screenshots):
    """1280 px window at 200 % zoom (a 640 CSS px viewport, device scale 2): no two header or
    cell texts of the overview's or the region page's heatmap overlap, and the table scrolls
    inside its panel instead of being cut off."""
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        for path, table in (("/?period=2021-10&view=readiness", "#overview-heatmap"),
                            ("/?period=2021-12&view=progress&deltas=1", "#overview-heatmap"),
                            ("/?period=2021-10&view=subareas&workstream=htt", "#overview-heatmap"),
                            ("/alue/pirkanmaa?period=2021-12", "#region-subareas")):
            page.goto(demo_server.url + path)
            _ready(page, table)
            overlaps = page.evaluate("""(sel) => {
                // every visible text node of the table (headers, counts, cell numbers)
                const boxes = [];
                const walker = document.createTreeWalker(document.querySelector(sel),
                                                         NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                    const node = walker.currentNode;
                    if (!node.textContent.trim()) continue;
                    const el = node.parentElement;
                    if (el.closest('.visually-hidden, .hm-details, caption')) continue;
                    const range = document.createRange();
                    range.selectNodeContents(node);
                    for (const r of range.getClientRects()) {
                        if (r.width > 0 && r.height > 0) boxes.push([r, node.textContent.trim()]);
                    }
                }
                const bad = [];
                for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                    const [a, ta] = boxes[i], [b, tb] = boxes[j];
                    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                    if (w > 1 && h > 1) bad.push([ta, tb]);
                }
                return [boxes.length, bad.slice(0, 10)];
            }""", table)
            count, overlaps = overlaps
            assert count > 40, path
            assert overlaps == [], path
            # every cell's text fits inside its cell (nothing cut off)
            clipped = page.evaluate("""(sel) => [...document.querySelectorAll(sel + ' th, ' + sel + ' td')]
                .filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.innerText).slice(0, 5)""",
                                    table)
            assert clipped == [], path
            scroller = page.locator(f"{table}").locator("xpath=..")
            assert scroller.get_attribute("role") == "region"
            assert scroller.get_attribute("tabindex") == "0"
            page.screenshot(path=str(screenshots / f"zoom200_{table[1:]}.png"))
    finally:
        context.close()


def test_keyboard_upload_and_confirm(browser, signed_server, tmp_path, screenshots):
    """Kainuu's uploader sends its sheet with the keyboard only: the file input is named and
    reached by Tab, the preview takes focus (its heading) and is announced, Tab reaches the
    confirm button, and the saved message takes focus and is announced (role=status)."""
    import openpyxl

    from domain import queries
    from loaders.template import write_template

    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        with db.session_factory(signed_server.db_url)() as s:
            region = queries.region(s, "kainuu")
            sheet = tmp_path / "kainuu.xlsx"
            write_template(s, region, sheet, lang="fi")
        wb = openpyxl.load_workbook(sheet)
        ws = wb.active
        header = next(r[0].row for r in ws.iter_rows(max_row=20)
                      if any(c.value == "Tila" for c in r))
        col = next(c.column for c in ws[header] if c.value == "Tila")
        for row in range(header + 1, ws.max_row + 1):
            if ws.cell(row, 1).value:
                ws.cell(row, col).value = "Valmis"
        wb.save(sheet)

        _login(page, signed_server.url, "kainuu")
        page.goto(f"{signed_server.url}/lataus?lang=fi")
        # the real dcc.Upload (an async chunk) is in place and its input named
        _ready(page, "#upload-file input[type=file][aria-label]")
        page.wait_for_timeout(500)
        info = _tab_to(page, lambda f: f["host"] == "upload-file")
        assert info["tag"] == "INPUT"
        name = page.evaluate("document.activeElement.getAttribute('aria-label')")
        assert name and name == page.inner_text("#upload-file .upload-drop").strip()
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        chooser = None
        for key in ("Enter", "Space", "Enter"):  # a file input opens on Enter or Space
            assert _focused(page)["host"] == "upload-file"
            try:
                with page.expect_file_chooser(timeout=8_000) as waiting:
                    page.keyboard.press(key)
                chooser = waiting.value
                break
            except PlaywrightTimeout:
                continue
        assert chooser is not None, "the file input did not open from the keyboard"
        chooser.set_files(str(sheet))
        page.wait_for_selector("#upload-preview-title")
        page.wait_for_function("document.activeElement && document.activeElement.id === "
                               "'upload-preview-title'")
        assert page.locator("#upload-preview [role=status]").inner_text()
        _tab_to(page, lambda f: f["id"] == "upload-confirm")
        page.keyboard.press("Enter")
        page.wait_for_selector("#upload-saved")
        page.wait_for_function("document.activeElement && document.activeElement.id === "
                               "'upload-saved'")
        assert page.get_attribute("#upload-saved", "role") == "status"
        page.screenshot(path=str(screenshots / "keyboard_upload_saved_fi.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("lang,png", [("fi", "Lataa kuvio PNG-muodossa"),
                                      ("sv", "Ladda ner diagram som PNG")])
def test_chart_toolbar_only_png_in_the_ui_language_and_no_share(page, demo_server, lang, png):
    """Every chart's toolbar on the rendered pages: the PNG button only, in Plotly's own
    fi / sv texts; no "Share chart" (Plotly Cloud) button, no Plotly logo anywhere."""
    for path in ("/trendit?highlight=lappi", "/alue/pirkanmaa?period=2021-12"):
        page.goto(f"{demo_server.url}{path}&lang={lang}")
        _ready(page, ".modebar")
        titles = page.evaluate("[...document.querySelectorAll('.modebar-btn')]"
                               ".map(b => b.getAttribute('data-title'))")
        assert titles and set(titles) == {png}, titles
        html = page.content().lower()
        assert "share chart" not in html and "plotly cloud" not in html
        assert page.locator(".modebar-btn--logo").count() == 0
        # each chart has its name and summary, and its numbers as a table
        figure = page.locator("figure.chart-figure").first
        assert figure.locator("figcaption").inner_text()
        figure.locator("details.chart-table summary").click()
        assert figure.locator("details.chart-table table tbody tr").count() >= 2
