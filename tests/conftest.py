"""Fixtures shared by every test folder: real SQLite files in tmp_path."""
from __future__ import annotations

import pytest

from domain import db


@pytest.fixture
def db_url(tmp_path) -> str:
    """A fresh SQLite database file, upgraded to the newest schema."""
    url = f"sqlite:///{tmp_path / 'test.sqlite'}"
    db.get_engine(url)
    return url


@pytest.fixture
def structure_db(db_url) -> str:
    """A database with the real workstreams, sub-areas and regions of `domain.reference` and a
    small synthetic task list (three tasks per sub-area: two due Q4/2021, one Q2/2022)."""
    import datetime as dt

    from domain import store
    from domain.schema import Task

    dues = (dt.date(2021, 12, 31), dt.date(2021, 12, 31), dt.date(2022, 6, 30))
    with db.transaction(db_url) as session:
        position = 0
        for stream, area in store.install_reference_structure(session, roadmap=False):
            for j, due in enumerate(dues):
                position += 1
                session.add(Task(code=f"{stream.code.upper()}-{area.letter}-{j + 1:03d}",
                                 workstream_id=stream.id, sub_area_id=area.id,
                                 title_fi=f"Tehtävä {position}", due_date=due,
                                 due_label="Q4/2021" if j < 2 else "Q2/2022",
                                 position=position))
    return db_url


def open_rounds(url: str, periods) -> None:
    """The programme office has opened these months (regions may send into them), as
    `tilannekuva round open` does; deadlines far ahead, so nothing sent is late."""
    import datetime as dt

    from domain import rounds

    with db.transaction(url) as session:
        for period in periods:
            rounds.open_round(session, period, dt.date(2030, 1, 31), by="test")


# Months the loader and upload tests send sheets for (their fixtures open them).
TEST_MONTHS = ["2021-11", "2021-12"] + [f"2022-{m:02d}" for m in range(1, 13)]


# --- the demo through the real loaders, built once per test session ----------------------------

DEMO_PERIODS = ["2021-11", "2021-12"]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo built once through the real loaders (the real 10/21 national tables and two
    synthetic months). Read-only: tests that write use `copy_demo`."""
    from loaders.demo import build_demo

    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.sqlite"
    build_demo(f"sqlite:///{path}", workdir=folder / "files", periods=DEMO_PERIODS)
    with db.get_engine(f"sqlite:///{path}").connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # one self-contained file
    return path


def copy_demo(template, folder) -> str:
    """A private copy of the demo database in `folder`; returns its URL."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "demo.sqlite"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def serve_demo_copy(template, folder, users):
    """A private demo copy with `users` [(username, password, role, region, display name)],
    served by the app on a free loopback port in a thread; yields (db url, base url, folder).
    The browser suites' one server fixture (a generator: `yield from` it in a fixture)."""
    import os
    import threading

    from werkzeug.serving import make_server

    from dashboard import accounts
    from dashboard.app import create_app

    os.environ["TILANNEKUVA_SECRET_KEY_FILE"] = str(folder / "secret_key")
    url = copy_demo(template, folder)
    with db.transaction(url) as s:
        for username, password, role, region, name in users:
            accounts.create_user(s, username, password, role, region, name)
    server = make_server("127.0.0.1", 0, create_app(url).server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url, f"http://127.0.0.1:{server.server_port}", folder
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def demo_url(demo_template) -> str:
    return f"sqlite:///{demo_template}"


# --- one headless Chromium for every browser test ------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. One per session: Playwright's sync API allows a
    single running instance per thread."""
    import os

    from playwright import sync_api

    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: `make test` installs it (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
