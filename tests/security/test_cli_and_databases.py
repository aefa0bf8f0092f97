"""The command line and the start-up on real databases: parallel `import-status` runs get
distinct revisions, an empty non-demo database is never written to, the demo is built only
into a database marked as a demo, a read-only database reads and refuses writes clearly."""
from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import select

from domain import db
from domain.schema import Submission
from upload_helpers import filled_sheet

ROOT = Path(__file__).resolve().parents[2]


def cli(url: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "tilannekuva", "--db", url, *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=timeout)


def parallel_revisions(url: str, sheet: Path, runs: int = 6) -> list[int]:
    with ThreadPoolExecutor(runs) as pool:
        results = list(pool.map(lambda _: cli(url, "import-status", str(sheet)), range(runs)))
    assert all(r.returncode == 0 for r in results), [r.stderr[-500:] for r in results]
    with db.session_factory(url)() as s:
        return sorted(s.scalars(select(Submission.revision)))


def test_parallel_cli_imports_get_distinct_revisions(upload_db, tmp_path):
    sheet = tmp_path / "kainuu.xlsx"
    sheet.write_bytes(filled_sheet(upload_db, "kainuu", "2021-11"))
    assert parallel_revisions(upload_db, sheet) == [1, 2, 3, 4, 5, 6]
    with db.session_factory(upload_db)() as s:
        assert s.scalar(select(Submission).where(Submission.is_current)).revision == 6


def test_an_empty_non_demo_database_gets_instructions_and_nothing_is_written(tmp_path):
    target = tmp_path / "tuotanto.sqlite"
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    started = subprocess.run([sys.executable, "app.py", "--db", f"sqlite:///{target}",
                              "--port", "1"], cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=60)
    assert started.returncode == 2
    assert "import-roadmap" in started.stderr and "users add" in started.stderr
    assert not target.exists()  # not even an empty file


def test_a_database_with_a_roadmap_but_no_snapshot_gets_no_demo(structure_db):
    from dashboard import accounts

    with db.transaction(structure_db) as s:
        accounts.create_user(s, "paakayttaja", "oikein-pitkä-salasana", "admin")
    refused = cli(structure_db, "demo")
    assert refused.returncode == 2 and "esimerkkitietokannaksi" in refused.stderr
    with db.session_factory(structure_db)() as s:
        assert accounts.find_user(s, "yllapito") is None  # no demo admin with a known password
        assert not s.scalars(select(Submission)).first()


def test_a_read_only_database_reads_and_refuses_writes_clearly(upload_db, tmp_path):
    sheet = tmp_path / "kainuu.xlsx"
    sheet.write_bytes(filled_sheet(upload_db, "kainuu", "2021-11"))
    assert cli(upload_db, "import-status", str(sheet)).returncode == 0
    path = upload_db.split("///", 1)[1]
    with db.get_engine(upload_db).connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    shown = cli(read_only, "show", "--period", "2021-11", "--measure", "readiness")
    assert shown.returncode == 0, shown.stderr[-800:]
    assert "Kainuu" in shown.stdout and "Traceback" not in shown.stderr
    refused = cli(read_only, "import-status", str(sheet))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "vain luku" in refused.stderr


def test_the_web_app_on_a_read_only_database_reads_and_refuses_writes(upload_db):
    from domain.auth_store import DEMO, mark_kind
    from upload_helpers import Browserless, make_app

    with db.transaction(upload_db) as s:
        mark_kind(s, DEMO)  # open for reading without a log-in
    with db.get_engine(upload_db).connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = upload_db.split("///", 1)[1]
    web = Browserless(make_app(f"sqlite:///file:{path}?mode=ro&uri=true"))
    assert web.client.get("/").status_code == 200
    assert web.client.get("/healthz").status_code == 200
    refused = web.login("koordinaattori")  # a log-in writes its session: refused, clearly
    assert refused.status_code == 503
    assert "vain luku" in refused.get_data(as_text=True)
