"""Accessibility in a real browser (WCAG 2.1 AA): axe-core on every page in fi/sv/en, a
keyboard-only walk through the main flows, and the heatmap at 200 % zoom.

axe-core comes bundled in `axe-playwright-python` (PyPI); it runs inside Debian's Chromium,
driven by Playwright, against the app served on the demo database."""
from __future__ import annotations

import re

import pytest

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


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_axe_signed_in_pages(browser, demo_server, axe, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        _login(page, demo_server.url, "yllapito")
        found = {}
        for path in ("/lataus", "/lataus/loki", "/yllapito/tuonti"):
            page.goto(f"{demo_server.url}{path}?lang={lang}")
            _ready(page)
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
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
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
