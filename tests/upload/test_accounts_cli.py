"""Accounts (argon2 hashes, lock-out) and the `tilannekuva users` commands on a real database."""
import datetime as dt
import io

import openpyxl
from click.testing import CliRunner
from sqlalchemy import select

from upload_helpers import PASSWORD, actor, filled_sheet
from dashboard import accounts, uploads
from domain import db
from domain.schema import User
from tilannekuva.cli import cli


def run(url, *args, input=None):
    return CliRunner().invoke(cli, ["--db", url, *args], input=input)


def test_users_add_list_disable_reset(structure_db):
    url = structure_db
    added = run(url, "users", "add", "kainuu", "--role", "region_uploader", "--region", "Kainuu",
                "--password", PASSWORD)
    assert added.exit_code == 0, added.output
    assert "kainuu" in added.output and "Kainuu" in added.output
    generated = run(url, "users", "add", "vm-koord", "--role", "coordinator", "--generate-password")
    assert generated.exit_code == 0 and "Uusi salasana:" in generated.output
    prompted = run(url, "users", "add", "admin1", "--role", "admin", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert prompted.exit_code == 0, prompted.output

    listing = run(url, "users", "list")
    assert listing.exit_code == 0
    assert "kainuu\talueen raportoija\tKainuu\tkäytössä" in listing.output

    with db.session_factory(url)() as s:
        user = s.scalar(select(User).where(User.username == "kainuu"))
        assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash

    assert run(url, "users", "disable", "kainuu").exit_code == 0
    assert "poistettu käytöstä" in run(url, "users", "list").output
    assert accounts.authenticate(url, "kainuu", PASSWORD).reason == "failed"
    assert run(url, "users", "enable", "kainuu").exit_code == 0
    reset = run(url, "users", "reset-password", "kainuu", "--password", "uusi-salasana-123")
    assert reset.exit_code == 0
    assert accounts.authenticate(url, "kainuu", "uusi-salasana-123").ok


def test_users_add_refuses_bad_input_with_exit_2(structure_db):
    url = structure_db
    assert run(url, "users", "add", "x", "--role", "coordinator", "--password", PASSWORD).exit_code == 2
    no_region = run(url, "users", "add", "alue", "--role", "region_uploader", "--password", PASSWORD)
    assert no_region.exit_code == 2 and "--region" in no_region.output
    typo = run(url, "users", "add", "alue", "--role", "region_uploader", "--region", "Kainu",
               "--password", PASSWORD)
    assert typo.exit_code == 2 and "Kainuu" in typo.output  # did you mean
    short = run(url, "users", "add", "alue", "--role", "coordinator", "--password", "lyhyt")
    assert short.exit_code == 2 and "10" in short.output
    assert run(url, "users", "disable", "eiole").exit_code == 2
    run(url, "users", "add", "vm-koord", "--role", "coordinator", "--password", PASSWORD)
    again = run(url, "users", "add", "vm-koord", "--role", "coordinator", "--password", PASSWORD)
    assert again.exit_code == 2 and "on jo olemassa" in again.output


def test_lockout_expires(upload_db):
    start = dt.datetime(2022, 1, 10, 9, 0)
    for _ in range(accounts.LOCKOUT_ATTEMPTS):
        outcome = accounts.authenticate(upload_db, "lappi", "väärin-väärin", at=start)
    assert outcome.reason == "locked"
    assert accounts.authenticate(upload_db, "lappi", PASSWORD, at=start).reason == "locked"
    later = start + dt.timedelta(minutes=accounts.LOCKOUT_MINUTES + 1)
    assert accounts.authenticate(upload_db, "lappi", PASSWORD, at=later).ok


def test_notes_are_stored_as_given_and_exported_as_text(upload_db, tmp_path):
    """A formula-looking note survives the upload as text and comes back in next month's
    template as a text cell, never a live formula."""
    note = '=HYPERLINK("http://example.invalid","klikkaa")'

    def with_note(ws, header, cols):
        ws.cell(header + 1, cols["Huomiot"]).value = note
    kainuu = actor(upload_db, "kainuu")
    preview = uploads.preview(upload_db, kainuu, "k.xlsx",
                              filled_sheet(upload_db, "kainuu", "2021-11", edit=with_note))
    assert isinstance(preview, uploads.Preview), preview.rows("fi")
    uploads.confirm(upload_db, kainuu, preview.token)
    with db.session_factory(upload_db)() as s:
        from domain import queries
        _snap, statuses = queries.latest_task_statuses(s, kainuu.region_id, "2021-11")
        assert note in [n for _, n in statuses.values()]
        from loaders.template import write_template
        path = write_template(s, "kainuu", tmp_path / "next.xlsx", lang="fi", period="2021-12")
    ws = openpyxl.load_workbook(path).active
    cells = [c for row in ws.iter_rows() for c in row if c.value == note]
    assert cells and all(c.data_type == "s" for c in cells)


def test_cli_import_status_refuses_hostile_files_too(structure_db, tmp_path):
    import hostile_files

    from upload_helpers import dump
    before = dump(structure_db)
    for case, name, data, key in hostile_files.corpus():
        path = tmp_path / name
        path.write_bytes(data)
        result = run(structure_db, "import-status", str(path))
        from domain.i18n import t
        assert result.exit_code == 2, case
        assert t(key, "fi", size="X", limit="X", suffix="X", part="X", rows="X", cells="X").split("X")[0][:25] in result.output
    assert dump(structure_db) == before
