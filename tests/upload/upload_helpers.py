"""Fixtures of the upload tests: a real SQLite file with the real regions and workstreams and a
small task list (the lead's `structure_db`), users of every role, and filled regional sheets
written by the real template writer."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from domain import db
from tests.conftest import TEST_MONTHS, open_rounds

# the hostile-file builders are a plain module next to the tests
sys.path.insert(0, str(Path(__file__).parent))

PASSWORD = "oikein-hyvä-salasana"
USERS = {  # username -> (role, region)
    "kainuu": ("region_uploader", "kainuu"),
    "lappi": ("region_uploader", "lappi"),
    "koordinaattori": ("coordinator", None),
    "yllapito": ("admin", None),
}
DATA_TABLES = ("snapshot", "submission", "task_status", "figure")


@pytest.fixture(autouse=True)
def _secret_key(tmp_path, monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_SECRET_KEY_FILE", str(tmp_path / "secret_key"))
    monkeypatch.delenv("TILANNEKUVA_REQUIRE_LOGIN", raising=False)


@pytest.fixture
def upload_db(structure_db) -> str:
    from dashboard import accounts

    with db.transaction(structure_db) as session:
        for username, (role, region) in USERS.items():
            accounts.create_user(session, username, PASSWORD, role, region,
                                 display_name=username.capitalize())
    open_rounds(structure_db, TEST_MONTHS)  # the months the upload tests send are open
    return structure_db


def actor(url: str, username: str):
    from dashboard.auth import SessionUser
    from domain.schema import User
    from sqlalchemy import select

    with db.session_factory(url)() as session:
        return SessionUser.of(session.scalar(select(User).where(User.username == username)))


def dump(url: str, tables=DATA_TABLES) -> dict[str, list]:
    out = {}
    with db.get_engine(url).connect() as conn:
        for table in tables:
            out[table] = [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1"))]
    return out


def filled_sheet(url: str, region: str, period: str, status: str | dict = "Käynnissä",
                 lang: str = "fi", edit=None) -> bytes:
    """The region's template from the real writer, with `Tila` filled (one status for all, or
    {task code: status}); `edit(ws, header_row, columns)` may spoil it further."""
    from loaders.template import write_template

    with db.session_factory(url)() as session:
        path = Path(url.split("///", 1)[1]).parent / f"template-{region}-{period}-{lang}.xlsx"
        write_template(session, region, path, lang=lang, period=period)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    header_row, columns = None, {}
    for row in ws.iter_rows(min_row=1, max_row=15):
        names = [c.value for c in row]
        if "Tila" in names or "Status" in names:
            header_row = row[0].row
            columns = {name: i + 1 for i, name in enumerate(names) if name}
            break
    status_col = columns.get("Tila") or columns.get("Status")
    for r in range(header_row + 1, ws.max_row + 1):
        code = ws.cell(r, 1).value
        if not code:
            continue
        value = status.get(code, ws.cell(r, status_col).value) if isinstance(status, dict) else status
        ws.cell(r, status_col).value = value
    if edit:
        edit(ws, header_row, columns)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --- the app over HTTP ----------------------------------------------------------------------

def make_app(url: str):
    """The real Dash app for `url` with log-in and the upload pages wired (idempotent)."""
    from dashboard import routes

    routes.add_page("dashboard.pages.upload")
    routes.add_page("dashboard.pages.upload_log")
    routes.add_page("dashboard.pages.admin_imports")
    from dashboard.app import create_app
    from dashboard.auth import init_auth

    app = create_app(url)
    init_auth(app.server, url)
    return app


class Browserless:
    """A Flask test client speaking to the app as a browser (and a hand-crafting attacker) would."""

    def __init__(self, app):
        self.app = app
        self.client = app.server.test_client()
        self._deps = None

    def csrf(self, path="/kirjaudu") -> str:
        import re

        page = self.client.get(path).get_data(as_text=True)
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def login(self, username: str, password: str = PASSWORD):
        return self.client.post("/kirjaudu", data={
            "username": username, "password": password, "csrf_token": self.csrf()})

    def callback_output(self, input_id: str, input_prop: str) -> dict:
        if self._deps is None:  # the app's own list: /_dash-dependencies is closed to anonymous
            self._deps = self.app._callback_list
        for dep in self._deps:
            if any(i["id"] == input_id and i["property"] == input_prop for i in dep["inputs"]):
                return dep
        raise KeyError(f"{input_id}.{input_prop}")

    def callback(self, input_id: str, input_prop: str, value, state: dict | None = None):
        """POST /_dash-update-component by hand, as a crafted request would."""
        dep = self.callback_output(input_id, input_prop)
        outputs = [{"id": part.split(".")[0], "property": part.split(".")[1].split("@")[0]}
                   for part in dep["output"].strip(".").split("...")]
        state = state or {}
        payload = {
            "output": dep["output"],
            "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": [{"id": i["id"], "property": i["property"],
                        "value": value if (i["id"], i["property"]) == (input_id, input_prop) else None}
                       for i in dep["inputs"]],
            "changedPropIds": [f"{input_id}.{input_prop}"],
            "state": [{"id": s["id"], "property": s["property"],
                       "value": state.get(f"{s['id']}.{s['property']}")} for s in dep["state"]],
        }
        return self.client.post("/_dash-update-component", json=payload)

    def upload(self, name: str, data: bytes, lang: str = "fi"):
        import base64

        contents = "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64," \
            + base64.b64encode(data).decode()
        return self.callback("upload-file", "contents", contents,
                             {"upload-file.filename": name, "url.search": f"?lang={lang}"})

    def confirm(self, token: str, lang: str = "fi"):
        return self.callback("upload-confirm", "n_clicks", 1,
                             {"upload-token.data": token, "url.search": f"?lang={lang}"})

    def page(self, path: str, search: str = "?lang=fi"):
        return self.callback("url", "pathname", path, {"url.search": search})
