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
