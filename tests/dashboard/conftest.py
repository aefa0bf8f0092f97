"""Dashboard fixtures: real SQLite files, the app served on a free port, headless Chromium."""
from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from tests.dashboard.seed import build_small

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


@pytest.fixture(scope="session")
def small_db(tmp_path_factory) -> str:
    """Synthetic: 10/21 summary-only, 11/21 and 12/21 with task rows (HUS reports nothing)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('dash-small') / 'small.sqlite'}"
    build_small(url)
    return url


@pytest.fixture(scope="session")
def demo_db(demo_url) -> str:
    """The demo through the real loaders: the real 10/21 tables + two synthetic months."""
    return demo_url


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self, db_url: str):
        from werkzeug.serving import make_server

        from dashboard.app import create_app

        self.db_url = db_url
        self.app = create_app(db_url)
        self.port = _free_port()
        self.server = make_server("127.0.0.1", self.port, self.app.server, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def demo_server(demo_db):
    server = LiveServer(demo_db)
    yield server
    server.stop()


@pytest.fixture
def page(browser):
    # bypass_csp: Playwright's wait_for_function evaluates strings in the page, which the app's
    # CSP forbids; the CSP itself is tested in tests/security/test_csp_browser.py
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="fi-FI",
                                  bypass_csp=True)
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    yield pg
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
