"""`tilannekuva round open|status|publish|list`, `import-status` with rounds and `--correction`,
and `show` without `--period`, through click on a real SQLite file: exit codes 0 and 2,
refusals in Finnish, Swedish and English, nothing written on a refusal."""
from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import text

from domain import db
from status_helpers import task_rows, write_sheet
from tilannekuva.cli import cli


def run(url, *args):
    return CliRunner().invoke(cli, ["--db", url, *args])


def dump(url):
    with db.get_engine(url).connect() as conn:
        return {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
                for t in ("snapshot", "reporting_round", "submission")}


def test_the_monthly_cycle_from_the_command_line(rounds_db, tmp_path):
    sheet = write_sheet(tmp_path / "ps.xlsx", task_rows())
    refused = run(rounds_db, "import-status", str(sheet))
    assert refused.exit_code == 2
    assert "Kuukaudelle 3/2022 ei ole avointa raportointikierrosta" in refused.output
    assert "Mitään ei tallennettu" in refused.output

    opened = run(rounds_db, "round", "open", "--period", "2022-03", "--deadline", "20.4.2022",
                 "--report-date", "10.4.2022")
    assert opened.exit_code == 0, opened.output
    assert "Raportointikierros 3/2022 avattu: määräpäivä 20.4.2022, raportointipäivä " \
           "10.4.2022." in opened.output
    assert run(rounds_db, "import-status", str(sheet)).exit_code == 0

    status = run(rounds_db, "round", "status", "--period", "2022-03", "--format", "json")
    doc = json.loads(status.output)
    assert (doc["period"], doc["state"], doc["deadline"], doc["report_date"]) == \
        ("2022-03", "open", "2022-04-20", "2022-04-10")
    assert (doc["submitted"], doc["missing"], len(doc["regions"])) == (1, 22, 23)
    sent = doc["regions"][-1]
    assert sent["region"] == "pohjois-savo" and sent["submitted"] and sent["revision"] == 1
    assert sent["late"] is True  # sent "today", long after 20.4.2022
    table = run(rounds_db, "round", "status", "--period", "2022-03").output
    assert "avoin · määräpäivä 20.4.2022 · raportoinut 1/23, puuttuu 22" in table
    assert table.index("Etelä-Karjala") < table.index("Pohjois-Savo")  # missing first
    csv_text = run(rounds_db, "round", "status", "--period", "2022-03", "--format", "csv").output
    assert csv_text.splitlines()[0] == \
        "period,state,region,name,submitted,revision,submitted_at,late"
    assert csv_text.splitlines()[-1].startswith("2022-03,open,pohjois-savo,Pohjois-Savo,true,1,")

    assert "3/2022    avoin" in run(rounds_db, "round", "list").output
    nothing_published = run(rounds_db, "show", "--measure", "progress")
    assert nothing_published.exit_code == 2  # the open round is nobody's default

    published = run(rounds_db, "round", "publish", "--period", "2022-03")
    assert published.exit_code == 0 and "julkaistu (1/23" in published.output
    shown = run(rounds_db, "show", "--measure", "progress", "--format", "json")
    assert shown.exit_code == 0 and json.loads(shown.output)["period"] == "2022-03"
    assert "3/2022    julkaistu" in run(rounds_db, "round", "list").output


def test_a_published_month_changes_only_with_a_reason(rounds_db, tmp_path):
    run(rounds_db, "round", "open", "--period", "2022-03", "--deadline", "20.4.2022")
    run(rounds_db, "import-status", str(write_sheet(tmp_path / "a.xlsx", task_rows())))
    run(rounds_db, "round", "publish", "--period", "2022-03")
    fix = write_sheet(tmp_path / "b.xlsx", task_rows("Valmis"))
    before = dump(rounds_db)
    refused = run(rounds_db, "--lang", "en", "import-status", str(fix))
    assert refused.exit_code == 2
    assert "The month 3/2022 is published; changing it is a correction and needs a reason" \
        in refused.output
    assert dump(rounds_db) == before
    fixed = run(rounds_db, "import-status", str(fix), "--correction", "Väärä tiedosto 1. versiossa")
    assert fixed.exit_code == 0 and "versio 2" in fixed.output


def test_refusals_in_three_languages_write_nothing(rounds_db):
    run(rounds_db, "round", "open", "--period", "2022-03", "--deadline", "20.4.2022")
    before = dump(rounds_db)
    cases = [
        (["round", "open", "--period", "2022-03", "--deadline", "20.4.2022"],
         {"fi": "on jo auki", "sv": "är redan öppen", "en": "is already open"}),
        (["round", "open", "--period", "2022-05", "--deadline", "1.6.2022", "--report-date",
          "10.6.2022"],
         {"fi": "Määräpäivä 1.6.2022 on ennen raportointipäivää 10.6.2022",
          "sv": "Sista dagen 1.6.2022 är före rapportdagen 10.6.2022",
          "en": "The deadline 2022-06-01 is before the report date 2022-06-10"}),
        (["round", "open", "--period", "2100-12", "--deadline", "20.1.2101"],
         {"fi": "ohjelman kuukausien ulkopuolella", "sv": "utanför programmets månader",
          "en": "outside the programme's months"}),
        (["round", "open", "--period", "2022-05", "--deadline", "31.2.2022"],
         {"fi": "Päivämäärä '31.2.2022' ei kelpaa", "sv": "Datumet '31.2.2022' duger inte",
          "en": "The date '31.2.2022' is not valid"}),
        (["round", "publish", "--period", "2022-09"],
         {"fi": "Raportointikierrosta '2022-09' ei ole",
          "sv": "Rapporteringsomgången '2022-09' finns inte",
          "en": "There is no reporting round '2022-09'"}),
        (["round", "status", "--period", "2022-09"],
         {"fi": "Raportointikierrosta '2022-09' ei ole", "sv": "finns inte",
          "en": "There is no reporting round"}),
    ]
    for args, texts in cases:
        for lang, expected in texts.items():
            result = run(rounds_db, "--lang", lang, *args)
            assert result.exit_code == 2, (args, lang, result.output)
            assert expected in result.output, (args, lang, result.output)
    assert dump(rounds_db) == before


def test_round_list_on_an_empty_database(rounds_db):
    result = run(rounds_db, "--lang", "sv", "round", "list")
    assert result.exit_code == 0 and "Inga rapporteringsomgångar." in result.output


def test_the_operator_downloads_an_open_round_marked_incomplete(rounds_db, tmp_path):
    """The CLI is the database's operator (coordinator rights): `download --period` of an open
    round works like `show --period`, its title says the picture is incomplete."""
    from openpyxl import load_workbook

    run(rounds_db, "round", "open", "--period", "2022-03", "--deadline", "20.4.2022")
    assert run(rounds_db, "import-status",
               str(write_sheet(tmp_path / "a.xlsx", task_rows()))).exit_code == 0
    out = tmp_path / "out"
    out.mkdir()
    for kind, extra in (("yleiskuva", []), ("alue", ["--region", "pohjois-savo"]),
                        ("tehtavat", ["--region", "pohjois-savo"])):
        result = run(rounds_db, "download", kind, "--period", "2022-03", *extra, "-o", str(out))
        assert result.exit_code == 0, result.output
        sheet = load_workbook(result.output.strip()).active
        assert "3/2022" in sheet["A1"].value
        assert "kesken – 1/23 raportoinut" in sheet["A1"].value, kind
    csv_result = run(rounds_db, "download", "yleiskuva", "--period", "2022-03", "--format",
                     "csv", "-o", str(out))
    assert csv_result.exit_code == 0, csv_result.output

    run(rounds_db, "round", "publish", "--period", "2022-03")
    published = run(rounds_db, "download", "yleiskuva", "--period", "2022-03", "-o", str(out))
    assert "kesken" not in load_workbook(published.output.strip()).active["A1"].value
