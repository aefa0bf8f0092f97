"""Summary-table loader on real xlsx files built here: layouts, value styles, Swedish sheets,
and every kind of error (named by sheet, row and column; the database left unchanged)."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook
from sqlalchemy import select

from domain import db, queries
from domain.schema import Submission
from loaders.common import ValidationFailed
from loaders.sheet_cells import PercentError, parse_percent
from loaders.summary_tables import import_summary
from tilannekuva.cli import cli

from .conftest import dump

WS = ["Hallinto, talous ja tukipalvelut", "Johtaminen ja osaaminen", "Palveluiden järjestäminen",
      "Yhdyspinnat", "ICT"]
LEGEND = ["Alle 25 % tehtävistä käynnissä / valmiita", "25–49 % tehtävistä käynnissä / valmiita",
          "50–75 % tehtävistä käynnissä / valmiita", "Yli 75 % tehtävistä käynnissä / valmiita"]


def write_sheet(path: Path, rows: list[list], *, merges: tuple[str, ...] = (),
                formats: dict[str, str] | None = None, title: str = "Taulukko") -> Path:
    """rows[0] is Excel row 1; None is an empty cell."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(r, c, value)
    for merge in merges:
        ws.merge_cells(merge)
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    wb.save(path)
    return path


def progress_rows(values: dict[str, list], counts=(69, 30, 17, 20, 55), title=None) -> list[list]:
    rows = [[title or "Alueellisen toimeenpanon tiekartan mukainen eteneminen 10/21"], [],
            ["Alue", *WS]]
    if counts is not None:
        rows.append(["Tehtävien lkm yht.", *counts])
    rows += [[name, *vals] for name, vals in values.items()]
    rows += [[], *[[line] for line in LEGEND]]
    return rows


def heat(url, view="progress", workstream=None, period="2021-10"):
    with db.session_factory(url)() as session:
        return queries.heatmap(session, period, view, workstream)


def rejected(url, path, **kwargs) -> list:
    before = dump(url)
    with pytest.raises(ValidationFailed) as caught:
        import_summary(url, path, kwargs.pop("period", "2021-10"), **kwargs)
    assert dump(url) == before, "a rejected file must leave the database unchanged"
    return caught.value.problems


# --- values ---------------------------------------------------------------------------------

@pytest.mark.parametrize("value, fmt, expected", [
    ("36 %", None, 36.0), ("36%", None, 36.0), ("36\u00a0%", None, 36.0), ("36,5 %", None, 36.5),
    ("36", None, 36.0), (36, "General", 36.0), (0.36, "0%", 36.0), (0.36, "0 %", 36.0),
    (0.29, "0.0%", 29.0), (1, "0%", 100.0), (0, None, 0.0), ("100 %", None, 100.0),
    (None, None, None), ("", None, None), ("  ", None, None), ("–", None, None),
])
def test_percent_styles(value, fmt, expected):
    assert parse_percent(value, fmt) == expected


@pytest.mark.parametrize("value, reason", [
    ("101 %", "range"), (120, "range"), ("-5 %", "range"), (1.2, "range"),
    ("paljon", "text"), ("36 % / 40 %", "text"), (True, "text"),
])
def test_bad_percents(value, reason):
    with pytest.raises(PercentError) as caught:
        parse_percent(value, "0%" if value == 1.2 else None)
    assert caught.value.reason == reason


def test_mixed_value_styles_in_one_table(tmp_path, roadmap_db):
    path = write_sheet(tmp_path / "t.xlsx", progress_rows({
        "Etelä-Karjala": ["57 %", "97\u00a0%", 88, 1, "65%"],
        "Kainuu": ["51", 53, "35,4 %", 0.75, 76],
    }), formats={"E5": "0%", "E6": "0 %"})
    result = import_summary(roadmap_db, path, "2021-10")
    assert result.view == "progress" and result.counts["cells"] == 10
    h = heat(roadmap_db)
    assert [c.percent for c in h.row("etela-karjala")] == [57, 97, 88, 100, 65]
    assert [c.percent for c in h.row("kainuu")] == [51, 53, 35, 75, 76]


def test_whole_table_of_unformatted_fractions(tmp_path, roadmap_db):
    path = write_sheet(tmp_path / "t.xlsx", progress_rows({
        "Etelä-Karjala": [0.57, 0.97, 0.88, 1, 0.65], "Kainuu": [0.51, 0.53, 0.35, 0.75, 0.76]}))
    import_summary(roadmap_db, path, "2021-10")
    assert [c.percent for c in heat(roadmap_db).row("kainuu")] == [51, 53, 35, 75, 76]


# --- regions, empty rows, title and legend lines ----------------------------------------------

def test_region_names_tolerant_and_empty_rows_are_no_data(tmp_path, roadmap_db):
    path = write_sheet(tmp_path / "t.xlsx", progress_rows({
        "  etelä karjala ": [57, 97, 88, 100, 65],
        "KANTA–HÄME": [42, 30, 53, 10, 25],  # en dash and capitals
        "Vanda och Kervo": [54, 63, 53, 40, 25],  # Swedish name
        "HUS": [None, None, None, None, None],
        "Helsingfors stad": [43, 53, 43, 100, 71],  # an alias
    }))
    result = import_summary(roadmap_db, path, "2021-10")
    assert result.regions == ["etela-karjala", "kanta-hame", "vantaa-kerava", "helsinki"]
    assert result.no_data_regions == ["HUS"]
    with db.session_factory(roadmap_db)() as session:
        codes = {s.region.code for s in session.scalars(select(Submission))}
    assert "hus" not in codes  # nothing stored for an empty row
    h = heat(roadmap_db)
    assert h.cell("hus", "htt:progress").share is None
    assert h.cell("lappi", "htt:progress").share is None  # absent altogether: no data either
    assert h.cell("kanta-hame", "yp:progress").percent == 10


def test_legend_right_after_the_table_and_notes_are_ignored(tmp_path, roadmap_db):
    rows = progress_rows({"Kainuu": [51, 53, 35, 75, 76]})
    rows = [r for r in rows if r != []]  # no blank row between table and legend
    rows.insert(1, ["Tarkasteltavana tehtävät Q4/2021 asti"])
    rows.append(["Lähde: alueiden tilannekuvaraportit 10/2021"])
    rows.append(["Huom. luvut pyöristetty"])
    path = write_sheet(tmp_path / "t.xlsx", rows)
    result = import_summary(roadmap_db, path, "2021-10")
    assert result.regions == ["kainuu"]


def test_unknown_region_suggests_the_closest(tmp_path, roadmap_db):
    path = write_sheet(tmp_path / "t.xlsx", progress_rows({
        "Kainuu": [51, 53, 35, 75, 76], "Etelä-Karjla": [57, 97, 88, 100, 65],
        "Qwxz 123": [1, 2, 3, 4, 5]}))
    problems = rejected(roadmap_db, path)
    assert [(p.sheet, p.row, p.column, p.message) for p in problems] == [
        ("Taulukko", 6, "Alue", "problem.unknown_region_suggest"),
        ("Taulukko", 7, "Alue", "problem.unknown_region")]
    assert problems[0].render("fi") == (
        "taulukko 'Taulukko', rivi 6, sarake 'Alue': tuntematon alue 'Etelä-Karjla'; "
        "tarkoititko 'Etelä-Karjala'?")
    assert "did you mean 'Etelä-Karjala'?" in problems[0].render("en")


def test_out_of_range_and_garbage_are_all_reported(tmp_path, roadmap_db):
    path = write_sheet(tmp_path / "t.xlsx", progress_rows({
        "Kainuu": [120, 53, "-5 %", 75, 76],
        "Lappi": [67, "paljon", 47, 90, 73],
        "Kainuu ": [1, 1, 1, 1, 1],
    }, counts=(69, "kolmekymmentä", 17, 20, 55)))
    problems = rejected(roadmap_db, path)
    found = {(p.row, p.column, p.message, p.value) for p in problems}
    assert found == {
        (4, "Johtaminen ja osaaminen", "tables.bad_count", "kolmekymmentä"),
        (5, WS[0], "tables.percent_out_of_range", 120),
        (5, WS[2], "tables.percent_out_of_range", "-5 %"),
        (6, WS[1], "tables.bad_percent", "paljon"),
        (7, "Alue", "tables.duplicate_region", "Kainuu"),
    }
    text = next(p for p in problems if p.value == "paljon").render("fi")
    assert text.startswith("taulukko 'Taulukko', rivi 6, sarake 'Johtaminen ja osaaminen': arvo 'paljon'")
    assert "sallitut: 0–100" in text


def test_wrong_layout_is_rejected(tmp_path, roadmap_db):
    path = write_sheet(tmp_path / "t.xlsx", [["Jotain aivan muuta"], ["Nimi", "Summa", "Pvm"],
                                             ["Kainuu", 3, 4]], title="Muistio")
    problems = rejected(roadmap_db, path)
    assert [(p.sheet, p.message) for p in problems] == [("Muistio", "tables.no_header")]
    assert "Hallinto, talous ja tukipalvelut" in problems[0].render("fi")

    good = write_sheet(tmp_path / "p.xlsx", progress_rows({"Kainuu": [51, 53, 35, 75, 76]}))
    problems = rejected(roadmap_db, good, measure="readiness")
    assert [(p.row, p.message) for p in problems] == [(3, "tables.measure_conflict")]

    odd = write_sheet(tmp_path / "o.xlsx", [["Alue", WS[0], "Budjetti", WS[1]],
                                            ["Kainuu", 51, 3, 53]])
    problems = rejected(roadmap_db, odd)
    assert [(p.row, p.column, p.message) for p in problems] == [(1, "Budjetti", "tables.unknown_header")]

    not_xlsx = tmp_path / "x.xlsx"
    not_xlsx.write_bytes(b"PK\x03\x04 broken")
    assert [p.message for p in rejected(roadmap_db, not_xlsx)] == ["tables.not_xlsx"]


def test_empty_database_asks_for_the_roadmap_first(tmp_path, db_url):
    path = write_sheet(tmp_path / "t.xlsx", progress_rows({"Kainuu": [51, 53, 35, 75, 76]}))
    assert [p.message for p in rejected(db_url, path)] == ["tables.no_roadmap"]


def test_period_must_agree_with_the_title(tmp_path, roadmap_db):
    path = write_sheet(tmp_path / "t.xlsx", progress_rows({"Kainuu": [51, 53, 35, 75, 76]}))
    problems = rejected(roadmap_db, path, period="2021-11")
    assert [(p.row, p.message, p.value) for p in problems] == [(1, "tables.period_conflict", "10/21")]
    assert [p.message for p in rejected(roadmap_db, path, period="lokakuu")] == ["tables.bad_period"]


# --- readiness: merged and unmerged two-row headers, Swedish ---------------------------------

def readiness_rows(ws_names, sub, regions, region_label="Alue"):
    header = [region_label]
    for name in ws_names:
        header += [name, None]
    return [["Alueellisen toimeenpanon valmiusaste suhteessa 1.1.2023 (10/21)"], [],
            header, [None, *sub * len(ws_names)],
            *[[name, *vals] for name, vals in regions.items()], [], *[[line] for line in LEGEND]]


def test_readiness_with_merged_headers(tmp_path, roadmap_db):
    rows = readiness_rows(WS, ["Käynnissä", "Valmis"], {
        "Etelä-Karjala": ["36 %", "7 %", "97 %", "0 %", "72 %", "19 %", "53 %", "47 %", "56 %", "13 %"]})
    path = write_sheet(tmp_path / "r.xlsx", rows,
                       merges=("A3:A4", "B3:C3", "D3:E3", "F3:G3", "H3:I3", "J3:K3"))
    assert import_summary(roadmap_db, path, "2021-10").view == "readiness"
    h = heat(roadmap_db, "readiness")
    assert [c.percent for c in h.row("etela-karjala")] == [36, 7, 97, 0, 72, 19, 53, 47, 56, 13]
    assert [c.band for c in h.row("etela-karjala")][:2] == [2, 1]


def test_swedish_readiness_sheet_without_merges(tmp_path, roadmap_db):
    sv = ["Förvaltning, ekonomi och stödtjänster", "Ledning och kompetens",
          "Organisering av tjänster", "Gränsytor", "IKT"]
    rows = readiness_rows(sv, ["Pågår", "Klar"], {
        "Österbotten": ["80 %", "20 %", "79 %", "10 %", "68 %", "13 %", "51 %", "10 %", "62 %", "3 %"],
        "Västra Nyland": ["30 %", "10 %", "54 %", "0 %", "31 %", "3 %", "33 %", "0 %", "15 %", "1 %"],
    }, region_label="Område")
    rows[0] = ["Beredskapsgraden för det regionala genomförandet i förhållande till 1.1.2023 (10/21)"]
    path = write_sheet(tmp_path / "sv.xlsx", rows, title="Beredskapsgrad")
    result = import_summary(roadmap_db, path, "2021-10", measure="readiness")
    assert result.regions == ["pohjanmaa", "lansi-uusimaa"]
    h = heat(roadmap_db, "readiness")
    assert h.cell("pohjanmaa", "htt:readiness_active").percent == 80
    assert h.cell("pohjanmaa", "ict:readiness_done").percent == 3


def test_readiness_bad_subheader_named(tmp_path, roadmap_db):
    rows = readiness_rows(WS[:2], ["Käynnissä", "Valmis"], {"Kainuu": ["39 %", "8 %", "54 %", "0 %"]})
    rows[3][4] = "Myöhässä"
    path = write_sheet(tmp_path / "r.xlsx", rows, merges=("B3:C3", "D3:E3"))
    problems = rejected(roadmap_db, path)
    assert [(p.row, p.column, p.message, p.value) for p in problems] == [
        (4, "Johtaminen ja osaaminen", "tables.unknown_subheader", "Myöhässä")]


# --- sub-areas -------------------------------------------------------------------------------

def subarea_rows(workstream_line="Valmisteluryhmä: Yhdyspinnat", letters="ABCDE", counts=True):
    rows = [["Lokakuun tilannekuva, Yhdyspinnat – kokonaiskuva ja osa-alueet (10/21)"]]
    rows.append([workstream_line] if workstream_line else [])
    rows += [[], ["Alue", "Kokonaiskuva", *[f"{x}. osa-alue" for x in letters]]]
    if counts:
        rows.append(["Tehtävien lkm yht.", 20, *[1] * len(letters)])
    rows.append(["Etelä-Savo", 0.55, *[0.6] * len(letters)])
    return rows


def test_subareas_workstream_from_line_title_or_option(tmp_path, roadmap_db):
    path = write_sheet(tmp_path / "s.xlsx", subarea_rows(), formats={f"{c}6": "0%" for c in "BCDEFG"})
    result = import_summary(roadmap_db, path, "2021-10")
    assert (result.view, result.workstream) == ("subareas", "yp")
    h = heat(roadmap_db, "subareas", "yp")
    assert [c.percent for c in h.row("etela-savo")] == [55, 60, 60, 60, 60, 60]
    assert [c.national_count for c in h.columns] == [20, 1, 1, 1, 1, 1]

    # no line: the title names Yhdyspinnat
    path = write_sheet(tmp_path / "t.xlsx", subarea_rows(None), formats={f"{c}6": "0%" for c in "BCDEFG"})
    assert import_summary(roadmap_db, path, "2021-10").workstream == "yp"

    # neither: the option must say it
    rows = subarea_rows(None)
    rows[0] = ["Osa-alueet 10/21"]
    path = write_sheet(tmp_path / "n.xlsx", rows)
    assert [p.message for p in rejected(roadmap_db, path)] == ["tables.workstream_needed"]
    assert import_summary(roadmap_db, path, "2021-10", workstream="Yhdyspinnat").workstream == "yp"
    problems = rejected(roadmap_db, write_sheet(tmp_path / "c.xlsx", subarea_rows()), workstream="ict")
    assert [p.message for p in problems] == ["tables.workstream_conflict"]


def test_subareas_unknown_letter(tmp_path, roadmap_db):
    path = write_sheet(tmp_path / "s.xlsx", subarea_rows(letters="ABCDEF"))
    problems = rejected(roadmap_db, path)
    assert [(p.row, p.column, p.message, p.value) for p in problems] == [
        (4, "F. osa-alue", "tables.unknown_sub_area", "F")]
    assert "sallitut: A, B, C, D, E" in problems[0].render("fi")


def test_reimport_makes_revision_2_and_keeps_revision_1(tmp_path, roadmap_db):
    first = write_sheet(tmp_path / "v1.xlsx", progress_rows({"Kainuu": [51, 53, 35, 75, 76]}))
    second = write_sheet(tmp_path / "v2.xlsx", progress_rows({"Kainuu": [61, 63, 45, 85, 86]}))
    assert import_summary(roadmap_db, first, "2021-10").revision == 1
    assert import_summary(roadmap_db, second, "2021-10").revision == 2
    with db.session_factory(roadmap_db)() as session:
        subs = session.scalars(select(Submission).order_by(Submission.revision)).all()
        assert [(s.revision, s.is_current, s.source_name) for s in subs] == [
            (1, False, "v1.xlsx"), (2, True, "v2.xlsx")]
    assert heat(roadmap_db).cell("kainuu", "htt:progress").percent == 61


# --- CLI -------------------------------------------------------------------------------------

def test_cli_import_summary_exit_codes(tmp_path, roadmap_db):
    runner = CliRunner()
    good = write_sheet(tmp_path / "g.xlsx", progress_rows({"Kainuu": [51, 53, 35, 75, 76],
                                                           "HUS": [None] * 5}))
    ok = runner.invoke(cli, ["--db", roadmap_db, "import-summary", str(good), "--period", "2021-10",
                             "--report-date", "9.12.2021"])
    assert ok.exit_code == 0, ok.output
    assert "ajankohta 10/2021, 1 aluetta, 5 solua, versio 1" in ok.output
    assert "Ei tietoa (tyhjät rivit): HUS." in ok.output
    assert heat(roadmap_db).snapshot.report_date.isoformat() == "2021-12-09"

    bad = write_sheet(tmp_path / "b.xlsx", progress_rows({"Kainu": [51, 530, 35, 75, 76]}))
    before = dump(roadmap_db)
    result = runner.invoke(cli, ["--db", roadmap_db, "--lang", "en", "import-summary", str(bad),
                                 "--period", "2021-10"])
    assert result.exit_code == 2
    assert "row 5, column 'Alue': unknown region 'Kainu'; did you mean 'Kainuu'?" in result.output
    assert "row 5, column 'Johtaminen ja osaaminen': value 530 is out of range" in result.output
    assert dump(roadmap_db) == before
    bad_date = runner.invoke(cli, ["--db", roadmap_db, "import-summary", str(good), "--period",
                                   "2021-10", "--report-date", "joulukuussa"])
    assert bad_date.exit_code == 2 and "raportointipäivä 'joulukuussa'" in bad_date.output


def test_readiness_with_one_row_csv_style_headers(tmp_path, roadmap_db):
    header = ["Alue"] + [f"{w} | {s}" for w in WS for s in ("Käynnissä", "Valmis")]
    path = write_sheet(tmp_path / "r.xlsx", [header, ["Lappi", *["49 %", "10 %"] * 5]])
    result = import_summary(roadmap_db, path, "2021-10")
    assert result.view == "readiness" and result.counts["cells"] == 10
    assert heat(roadmap_db, "readiness").cell("lappi", "yp:readiness_done").percent == 10
