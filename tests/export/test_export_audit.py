"""An export writes one structured audit line (user, region, time, what left the server):
the real app on a closed copy of the export database, a real log-in, the real renderer."""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sqlite3

import pytest

from dashboard.export import web

pytestmark = pytest.mark.browser


class _Lines(logging.Handler):
    """Collects the audit logger's lines as its own stderr handler formats them."""

    def __init__(self):
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))


def test_a_slide_export_is_in_the_audit_log_with_user_region_and_time(export_db, renderer,
                                                                      tmp_path):
    from dashboard.accounts import create_user
    from dashboard.app import create_app
    from dashboard.security import _JsonLines, _audit_logger
    from domain import db

    url = f"sqlite:///{tmp_path / 'closed.sqlite'}"
    with sqlite3.connect(export_db.split("///", 1)[1]) as source, \
            sqlite3.connect(tmp_path / "closed.sqlite") as target:
        source.backup(target)  # a consistent copy (the write-ahead log included)
    with db.transaction(url) as session:
        create_user(session, "ministerio", "oikein-hyvä-salasana", "coordinator")
    app = create_app(url)
    app.server.config[web.RENDERER_KEY] = renderer
    app.server.config["TILANNEKUVA_REQUIRE_LOGIN"] = True
    client = app.server.test_client()
    page = client.get("/kirjaudu").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post("/kirjaudu", data={"username": "ministerio", "csrf_token": token,
                                          "password": "oikein-hyvä-salasana"}).status_code == 302
    lines = _Lines()
    lines.setFormatter(_JsonLines())
    _audit_logger().addHandler(lines)
    try:
        before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        response = client.get("/vienti/kuva.png?view=region&region=lappi&period=2021-12")
    finally:
        _audit_logger().removeHandler(lines)
    assert response.status_code == 200 and response.mimetype == "image/png", response.get_data(as_text=True)[-300:]
    records = [json.loads(line) for line in lines.lines]
    exports = [r for r in records if r["event"] == "export.image"]
    assert len(exports) == 1, records
    line = exports[0]
    assert line["user"] == "ministerio"
    assert "region" in line and line["region"] is None  # a coordinator has no own region
    assert line["for_region"] == "lappi" and line["slide"] == "alue_lappi_2021-12_fi.png"
    when = dt.datetime.fromisoformat(line["time"])
    assert before <= when <= dt.datetime.now(dt.timezone.utc)
