"""The Content-Security-Policy in a real browser (Debian's Chromium via Playwright) against the
demo served by gunicorn with 2 workers: Dash and Plotly work under it (pages render, callbacks
run, the heatmap table and Plotly's charts draw, log-in works), the browser reports no violation,
and the demo's header says it is open without log-in."""
from __future__ import annotations

import pytest

from live_gunicorn import Gunicorn
from tests.conftest import copy_demo

pytestmark = pytest.mark.browser

HEATMAP = "#overview-heatmap"  # an HTML table since the accessibility work (issue 10)
PLOTLY = "#trends-lines .js-plotly-plot"


@pytest.fixture(scope="module")
def demo_served(demo_template, tmp_path_factory):
    from dashboard.accounts import create_demo_users
    from domain import db

    folder = tmp_path_factory.mktemp("csp")
    url = copy_demo(demo_template, folder / "db")
    with db.transaction(url) as session:
        create_demo_users(session)
    server = Gunicorn(url, folder)
    yield server
    server.stop()


def test_dash_and_plotly_work_under_the_csp(browser, demo_served):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI")
    page = context.new_page()
    page.set_default_timeout(30_000)
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text)
            if "Content Security Policy" in msg.text or "Refused to" in msg.text else None)
    try:
        response = page.goto(demo_served.url + "/")
        assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
        page.wait_for_selector(HEATMAP)
        assert "avoin ilman kirjautumista" in page.inner_text("#header-demo-notice")
        page.goto(demo_served.url + "/trendit?measure=progress&workstream=htt")  # Plotly
        page.wait_for_selector(PLOTLY)
        page.wait_for_selector("#trends-lines .scatterlayer .trace")  # Plotly drew the lines
        page.goto(demo_served.url + "/kirjaudu")
        page.fill("#username", "koordinaattori")
        page.fill("#password", "demo-tilannekuva")
        page.click("#login-submit")
        page.wait_for_selector(HEATMAP)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert violations == []
