"""The ministry reader role, the secret key made atomically, and the audit log of uploads."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from domain import db
from upload_helpers import PASSWORD, Browserless, make_app

ROOT = Path(__file__).resolve().parents[2]


def test_a_ministry_reader_reads_and_exports_but_never_uploads(upload_db):
    from dashboard import accounts
    from dashboard.auth import SEES_EVERYTHING

    assert "reader" not in SEES_EVERYTHING  # unpublished rounds and upload logs stay hidden
    with db.transaction(upload_db) as s:
        accounts.create_user(s, "vm-lukija", PASSWORD, "reader", display_name="VM lukija")
    web = Browserless(make_app(upload_db))
    assert web.login("vm-lukija").status_code == 302
    assert web.client.get("/").status_code == 200
    assert web.client.get("/_dash-layout").status_code == 200
    assert web.client.get("/lataus/loki/1/alkuperainen").status_code == 403
    from upload_helpers import filled_sheet

    answer = web.upload("kainuu.xlsx", filled_sheet(upload_db, "kainuu", "2021-11"))
    import json

    from domain.i18n import t

    assert answer.get_json()["response"]["upload-token"]["data"] is None
    assert t("upload.forbidden", "fi") in json.dumps(answer.get_json(), ensure_ascii=False)
    with web.app.server.test_request_context():
        from flask_login import login_user

        from dashboard.auth import SessionUser
        from dashboard.export.web import may_export
        from domain.schema import User

        with db.session_factory(upload_db)() as s:
            login_user(SessionUser.of(accounts.find_user(s, "vm-lukija")))
        assert may_export()


def test_users_add_knows_the_reader_role(structure_db):
    from click.testing import CliRunner

    from tilannekuva.cli import cli

    result = CliRunner().invoke(cli, ["--db", structure_db, "users", "add", "lukija-1",
                                      "--role", "reader", "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    assert "ministeriön lukija" in CliRunner().invoke(
        cli, ["--db", structure_db, "users", "list"]).output


def test_processes_starting_together_read_one_complete_secret_key(tmp_path):
    key_file = tmp_path / "secret_key"
    code = ("import os, sys; from dashboard.auth import secret_key; "
            "os.environ['TILANNEKUVA_SECRET_KEY_FILE']=sys.argv[1]; print(secret_key())")
    processes = [subprocess.Popen([sys.executable, "-c", code, str(key_file)], cwd=ROOT,
                                  stdout=subprocess.PIPE, text=True) for _ in range(8)]
    keys = {p.communicate(timeout=60)[0].strip() for p in processes}
    assert len(keys) == 1 and len(keys.pop()) == 64
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]  # no temporary file left
