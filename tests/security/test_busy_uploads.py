"""When every upload-check slot of a worker is taken, a further upload gets the translated
"the server is checking other files" answer at once after the wait, and nothing is stored
(the real Flask app and the real slots; the slots are held as concurrent checks hold them)."""
from __future__ import annotations

import json
from contextlib import ExitStack

from sqlalchemy import func, select
from upload_helpers import Browserless, filled_sheet, make_app

from dashboard.security import MAX_CONCURRENT_CHECKS, upload_slot
from domain import db
from domain.schema import Upload


def _text(response) -> str:
    return json.dumps(response.get_json(), ensure_ascii=False)


def test_an_upload_when_every_check_slot_is_taken_is_told_to_retry(upload_db, monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_UPLOAD_WAIT_SECONDS", "0.2")
    web = Browserless(make_app(upload_db))
    web.login("kainuu")
    data = filled_sheet(upload_db, "kainuu", "2021-11")
    with ExitStack() as held:
        for _ in range(MAX_CONCURRENT_CHECKS):
            held.enter_context(upload_slot())
        busy = web.upload("kainuu.xlsx", data, lang="sv")
    assert busy.status_code == 200  # a Dash callback: the answer is the notice it shows
    assert "upload-refused" in _text(busy)
    assert "Servern kontrollerar andra filer just nu" in _text(busy)
    assert busy.get_json()["response"]["upload-token"]["data"] is None
    with db.session_factory(upload_db)() as session:
        assert session.scalar(select(func.count()).select_from(Upload)) == 0
    again = web.upload("kainuu.xlsx", data)  # the slots are free again: a normal preview
    assert "Esikatselu" in _text(again)
    token = again.get_json()["response"]["upload-token"]["data"]
    assert "Tallennettu" in _text(web.confirm(token))  # (also empties the worker's parse cache)
