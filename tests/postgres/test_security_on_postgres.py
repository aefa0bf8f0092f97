"""The deployment's security on PostgreSQL: the app served by gunicorn with 2 workers (closed
by default, atomic lock-out, log-out ends the session on the server), parallel CLI imports
with distinct revisions, an empty database left untouched, and a read-only database role."""
from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select

from domain import db
from domain.schema import Submission

SECURITY = Path(__file__).resolve().parent.parent / "security"
sys.path.insert(0, str(SECURITY))
sys.path.insert(0, str(SECURITY.parent / "upload"))

from live_gunicorn import Client, Gunicorn  # noqa: E402
from test_cli_and_databases import cli, parallel_revisions  # noqa: E402
from upload_helpers import PASSWORD, USERS  # noqa: E402


@pytest.fixture
def pg_users(pg_url):
    """The real structure, a small task list and users of every role, on PostgreSQL."""
    import datetime as dt

    from dashboard import accounts
    from domain import store
    from domain.schema import Task

    with db.transaction(pg_url) as session:
        position = 0
        for stream, area in store.install_reference_structure(session, roadmap=False):
            position += 1
            session.add(Task(code=f"{stream.code.upper()}-{area.letter}-001",
                             workstream_id=stream.id, sub_area_id=area.id,
                             title_fi=f"Tehtävä {position}", due_date=dt.date(2021, 12, 31),
                             due_label="Q4/2021", position=position))
        for username, (role, region) in USERS.items():
            accounts.create_user(session, username, PASSWORD, role, region)
    from tests.conftest import open_rounds

    open_rounds(pg_url, ["2021-11"])  # the month the tests send sheets for
    return pg_url


def test_gunicorn_on_postgres_is_closed_and_holds_the_log_in(pg_users, tmp_path):
    server = Gunicorn(pg_users, tmp_path)
    try:
        anonymous = Client(server.url)
        assert anonymous.get("/").status == 302
        assert anonymous.get("/_dash-layout").status == 401
        assert anonymous.get("/healthz").json()["database"] == "ok"
        clients = [Client(server.url) for _ in range(12)]
        tokens = [c.csrf() for c in clients]
        with ThreadPoolExecutor(12) as pool:
            answers = list(pool.map(lambda i: clients[i].post_form("/kirjaudu", {
                "username": "lappi", "password": "väärin-väärin", "csrf_token": tokens[i]}),
                range(12)))
        assert sum("väärin" in a.text for a in answers) <= 4
        assert Client(server.url).login("lappi", PASSWORD).status != 302
        browser = Client(server.url)
        assert browser.login("koordinaattori", PASSWORD).status == 302
        stolen = browser.cookie()
        import re
        csrf = re.search(r'name="csrf_token" value="([^"]+)"',
                         browser.get("/kirjaudu").text).group(1)
        assert browser.post_form("/uloskirjautuminen", {"csrf_token": csrf}).status == 302
        replay = Client(server.url)
        replay.opener.addheaders = [("Cookie", f"tilannekuva_session={stolen}")]
        assert replay.get("/").status == 302
    finally:
        server.stop()


def test_parallel_cli_imports_on_postgres(pg_users, tmp_path):
    sheet = tmp_path / "kainuu.xlsx"
    sheet.write_bytes(_sheet(pg_users, tmp_path))
    assert parallel_revisions(pg_users, sheet) == [1, 2, 3, 4, 5, 6]


def _sheet(url: str, folder: Path) -> bytes:
    """Kainuu's 11/2021 sheet from the real template writer, every task "Käynnissä"."""
    import io

    import openpyxl

    from loaders.template import write_template

    path = folder / "template.xlsx"
    with db.session_factory(url)() as session:
        write_template(session, "kainuu", path, lang="fi", period="2021-11")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    header = next(r[0].row for r in ws.iter_rows(min_row=1, max_row=15)
                  if "Tila" in [c.value for c in r])
    column = [c.value for c in ws[header]].index("Tila") + 1
    for r in range(header + 1, ws.max_row + 1):
        if ws.cell(r, 1).value:
            ws.cell(r, column).value = "Käynnissä"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_an_empty_postgres_database_is_left_untouched(pg_url):
    import os
    import subprocess

    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    root = Path(__file__).resolve().parents[2]
    started = subprocess.run([sys.executable, "app.py", "--db", pg_url, "--port", "1"],
                             cwd=root, env=env, capture_output=True, text=True, timeout=60)
    assert started.returncode == 2 and "import-roadmap" in started.stderr
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == []
    finally:
        engine.dispose()


def test_a_read_only_postgres_role_reads_and_refuses_writes(pg_users, tmp_path, pg_server):
    import psycopg

    sheet = tmp_path / "kainuu.xlsx"
    sheet.write_bytes(_sheet(pg_users, tmp_path))
    assert cli(pg_users, "import-status", str(sheet)).returncode == 0
    name = pg_users.split("/")[3].split("?")[0]
    conninfo = f"host={pg_server['socket']} port={pg_server['port']} user=postgres dbname={name}"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='lukija') "
                     "THEN CREATE ROLE lukija LOGIN; END IF; END$$")
        conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO lukija")
    read_only = pg_users.replace("postgres@", "lukija@")
    shown = cli(read_only, "show", "--period", "2021-11", "--measure", "readiness")
    assert shown.returncode == 0, shown.stderr[-800:]
    assert "Kainuu" in shown.stdout
    refused = cli(read_only, "import-status", str(sheet))
    assert refused.returncode == 2 and "vain luku" in refused.stderr
    assert "Traceback" not in refused.stderr
    with db.session_factory(pg_users)() as s:
        assert len(s.scalars(select(Submission)).all()) == 1


def test_backup_and_restore_as_documented(pg_users, pg_server, tmp_path):
    """docs/operators.md "Backup and restore": pg_dump -Fc, then pg_restore into a new
    database; and SQLite's online .backup. The restored databases show the same figures."""
    import subprocess

    import psycopg

    sheet = tmp_path / "kainuu.xlsx"
    sheet.write_bytes(_sheet(pg_users, tmp_path))
    assert cli(pg_users, "import-status", str(sheet)).returncode == 0
    before = cli(pg_users, "show", "--period", "2021-11", "--measure", "readiness",
                 "--format", "csv").stdout
    name = pg_users.split("/")[3].split("?")[0]
    host = ["-h", pg_server["socket"], "-p", pg_server["port"], "-U", "postgres"]
    dump = tmp_path / "tilannekuva.dump"
    subprocess.run(["pg_dump", *host, "-Fc", "-f", str(dump), name], check=True)
    conninfo = f"host={pg_server['socket']} port={pg_server['port']} user=postgres dbname=postgres"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}_restored"')
    subprocess.run(["pg_restore", *host, "--no-owner", "-d", f"{name}_restored", str(dump)],
                   check=True)
    restored = pg_users.replace(f"/{name}?", f"/{name}_restored?")
    after = cli(restored, "show", "--period", "2021-11", "--measure", "readiness",
                "--format", "csv").stdout
    assert after == before and "kainuu" in after

    sqlite_copy = tmp_path / "kopio.sqlite"
    sqlite_backup = tmp_path / "varmuuskopio.sqlite"
    from domain import store

    url = f"sqlite:///{sqlite_copy}"
    with db.transaction(url) as session:
        store.install_reference_structure(session)
    subprocess.run(["sqlite3", str(sqlite_copy), f".backup '{sqlite_backup}'"], check=True)
    with db.session_factory(f"sqlite:///{sqlite_backup}")() as session:
        from domain.schema import Region

        assert len(session.scalars(select(Region)).all()) == 23
