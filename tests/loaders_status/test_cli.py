"""`tilannekuva import-status` and `tilannekuva template` through click: exit codes 0 and 2,
every problem printed, the conflict between --region and the sheet."""
from __future__ import annotations

import openpyxl
from click.testing import CliRunner

from loaders.template import FIRST_TASK_ROW
from status_helpers import TASKS, dump, task_rows, write_sheet
from tilannekuva.cli import cli


def run(db_url, *args):
    return CliRunner().invoke(cli, ["--db", db_url, *args])


def test_import_ok(db_url, tmp_path):
    path = write_sheet(tmp_path / "ok.xlsx", task_rows())
    result = run(db_url, "import-status", str(path))
    assert result.exit_code == 0, result.output
    assert "Tuotu ok.xlsx: Pohjois-Savo, 3/2022, 10 tehtävää, versio 1." in result.output
    assert "Käynnissä: 10" in result.output
    again = run(db_url, "--lang", "en", "import-status", str(path), "--region", "pohjois-savo",
                "--period", "2022-03")
    assert again.exit_code == 0 and "revision 2" in again.output


def test_import_rejected_lists_every_problem(db_url, tmp_path):
    rows = task_rows()
    rows[0][5], rows[4][5] = "Melkein", None
    path = write_sheet(tmp_path / "bad.xlsx", rows)
    before = dump(db_url)
    result = run(db_url, "import-status", str(path))
    assert result.exit_code == 2
    assert "rivi 6, sarake 'Tila': tuntematon tila 'Melkein'" in result.output
    assert "rivi 10, sarake 'Tila': tila puuttuu" in result.output
    assert "virheitä: 2" in result.output and "Mitään ei tallennettu" in result.output
    assert dump(db_url) == before


def test_region_option_conflicts_with_sheet(db_url, tmp_path):
    path = write_sheet(tmp_path / "c.xlsx", task_rows())
    result = run(db_url, "--lang", "en", "import-status", str(path), "--region", "Lappi")
    assert result.exit_code == 2
    assert "the sheet's region 'Pohjois-Savo' differs from the given region 'Lapland'" in result.output
    result = run(db_url, "import-status", str(path), "--period", "2022-04")
    assert result.exit_code == 2 and "3/2022" in result.output


def test_template_command(db_url, tmp_path):
    out = tmp_path / "pohjanmaa.xlsx"
    result = run(db_url, "template", "--region", "Österbotten", "--period", "2022-05", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Pohjanmaa, 5/2022, 10 tehtävää" in result.output
    ws = openpyxl.load_workbook(out).active
    assert ws["A2"].value == "Område"  # the region's own language by default
    result = run(db_url, "template", "--region", "Pohjanmaa", "--lang", "fi", "-o", str(out))
    assert result.exit_code == 0 and openpyxl.load_workbook(out).active["A2"].value == "Alue"
    ws = openpyxl.load_workbook(out).active
    assert [ws[f"A{FIRST_TASK_ROW + i}"].value for i in range(len(TASKS))] == [t[0] for t in TASKS]


def test_template_command_rejects(db_url, tmp_path):
    result = run(db_url, "template", "--region", "Lapi", "-o", str(tmp_path / "x.xlsx"))
    assert result.exit_code == 2 and "tarkoititko 'Lappi'" in result.output
    result = run(db_url, "template", "--region", "Lappi", "--period", "13/2022",
                 "-o", str(tmp_path / "x.xlsx"))
    assert result.exit_code == 2 and "ei ole kuukausi" in result.output
    assert not (tmp_path / "x.xlsx").exists()


def test_help_texts(db_url):
    assert "--region" in run(db_url, "import-status", "--help").output
    assert "-o, --output" in run(db_url, "template", "--help").output


def test_every_command_module_is_in_the_lazy_map():
    """`COMMAND_MODULES` lets one command import only its own module; a module left out would
    still work (found by a full scan) but lose the fast start."""
    import importlib
    import pkgutil

    from tilannekuva import commands
    from tilannekuva.cli import COMMAND_MODULES

    for info in pkgutil.iter_modules(commands.__path__):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        for command in getattr(module, "COMMANDS", ()):
            assert COMMAND_MODULES.get(command.name) == info.name, command.name


def test_import_status_process_loads_no_spreadsheet_writer_nor_alembic(db_url, tmp_path):
    """The fast start of `import-status`: neither openpyxl, pandas, Dash nor Alembic is imported
    when the database is already at the newest schema."""
    import subprocess
    import sys

    path = write_sheet(tmp_path / "ok.xlsx", task_rows())
    code = ("import sys, runpy; sys.argv = ['tilannekuva', '--db', %r, 'import-status', %r]\n"
            "from tilannekuva.cli import cli\n"
            "try:\n    cli(prog_name='tilannekuva')\nexcept SystemExit as e:\n    rc = e.code\n"
            "print(sorted(m for m in ('openpyxl', 'pandas', 'dash', 'alembic') "
            "if m in sys.modules))") % (db_url, str(path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr
