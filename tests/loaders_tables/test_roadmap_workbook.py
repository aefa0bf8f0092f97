"""The roadmap definition workbook: the shipped synthetic task list, validation, re-import."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from sqlalchemy import func, select

from domain import db
from domain.reference import WORKSTREAMS, YHDYSPINNAT_DUE_BY_Q4_2021
from domain.schema import Region, Roadmap, SubArea, Task, Workstream
from domain.store import ensure_snapshot, record_task_submission
from domain.vocabulary import Status
from loaders.common import ValidationFailed
from loaders.roadmap_workbook import import_roadmap, read_roadmap, write_roadmap_workbook
from tilannekuva.cli import cli

from .conftest import dump

Q4_2021 = dt.date(2021, 12, 31)
TASK_HEADER_ROW = 3  # the synthetic note is above the table


def test_synthetic_counts_due_by_q4_2021_match_the_public_figures(roadmap_xlsx):
    definition = read_roadmap(roadmap_xlsx)
    due = Counter(t.workstream for t in definition.tasks if t.due_date <= Q4_2021)
    assert [due[w.code] for w in WORKSTREAMS] == [69, 30, 17, 20, 55]
    yp = Counter(t.letter for t in definition.tasks if t.workstream == "yp" and t.due_date <= Q4_2021)
    assert dict(yp) == YHDYSPINNAT_DUE_BY_Q4_2021 == {"A": 5, "B": 1, "C": 7, "D": 2, "E": 5}
    assert 300 <= len(definition.tasks) <= 400
    assert max(t.due_date for t in definition.tasks) == dt.date(2022, 12, 31)
    # every quarter of 2022 has tasks, stored as the quarter's last day with its label
    labels = {t.due_label for t in definition.tasks}
    assert {"Q3/2021", "Q4/2021", "Q1/2022", "Q2/2022", "Q3/2022", "Q4/2022"} <= labels
    q1 = next(t for t in definition.tasks if t.due_label == "Q1/2022")
    assert q1.due_date == dt.date(2022, 3, 31)
    assert definition.is_synthetic and definition.target_date == dt.date(2023, 1, 1)


def test_ids_unique_and_stable_between_writes(tmp_path, roadmap_xlsx):
    again = write_roadmap_workbook(tmp_path / "again.xlsx")
    assert again.read_bytes() == roadmap_xlsx.read_bytes()
    codes = [t.code for t in read_roadmap(again).tasks]
    assert len(codes) == len(set(codes))
    assert codes == [t.code for t in read_roadmap(roadmap_xlsx).tasks]
    assert all(c.split("-")[0] in {w.code.upper() for w in WORKSTREAMS} for c in codes)


def test_workbook_says_it_is_synthetic(roadmap_xlsx):
    wb = load_workbook(roadmap_xlsx)
    assert "SYNTEETTINEN" in wb["Tehtävät"]["A1"].value
    assert "SYNTEETTINEN" in wb["Tiekartta"]["A2"].value
    assert wb["Tehtävät"]["A3"].value == "Tunnus"


def test_import_fills_the_database(roadmap_db):
    with db.session_factory(roadmap_db)() as session:
        roadmap = session.scalar(select(Roadmap))
        assert roadmap.is_synthetic and roadmap.target_date == dt.date(2023, 1, 1)
        assert session.scalar(select(func.count()).select_from(Workstream)) == 5
        assert session.scalar(select(func.count()).select_from(SubArea)) == 30
        regions = session.scalars(select(Region).order_by(Region.position)).all()
        assert len(regions) == 23 and regions[4].name_fi == "HUS"
        assert {r.name_fi for r in regions if r.reports_in_swedish} >= {"Pohjanmaa", "Länsi-Uusimaa"}
        task = session.scalar(select(Task).where(Task.code == "YP-C-001"))
        assert task.sub_area.letter == "C" and task.workstream.code == "yp"
        due = dict(session.execute(
            select(Workstream.code, func.count()).join(Task, Task.workstream_id == Workstream.id)
            .where(Task.due_date <= Q4_2021).group_by(Workstream.code)).all())
        assert due == {"htt": 69, "jo": 30, "pj": 17, "yp": 20, "ict": 55}


def _edit(src, dst, edits):
    wb = load_workbook(src)
    for sheet, cell, value in edits:
        wb[sheet][cell] = value
    wb.save(dst)
    return dst


def test_duplicate_ids_and_unknown_letters_rejected_with_rows(tmp_path, roadmap_xlsx, roadmap_db):
    first_data = TASK_HEADER_ROW + 1
    bad = _edit(roadmap_xlsx, tmp_path / "bad.xlsx", [
        ("Tehtävät", f"A{first_data + 1}", "HTT-A-001"),  # duplicate of the row above
        ("Tehtävät", f"C{first_data + 2}", "Q"),  # not a letter A–H
        ("Tehtävät", f"C{first_data + 3}", "H"),  # yp has no H; row of an htt task → fine
        ("Tehtävät", f"B{first_data + 4}", "xyz"),  # unknown workstream
        ("Tehtävät", f"F{first_data + 5}", "Q5/2021"),  # bad due
        ("Tehtävät", f"D{first_data + 6}", None),  # missing title
        ("Osa-alueet", "C3", None),  # missing Finnish name of a sub-area
    ])
    wb = load_workbook(bad)
    ws = wb["Tehtävät"]
    ws[f"B{first_data + 7}"] = "yp"
    ws[f"C{first_data + 7}"] = "H"  # Yhdyspinnat has A–E only
    wb.save(bad)
    before = dump(roadmap_db)
    with pytest.raises(ValidationFailed) as caught:
        import_roadmap(roadmap_db, bad)
    found = {(p.sheet, p.row, p.column, p.message) for p in caught.value.problems}
    assert ("Tehtävät", first_data + 1, "Tunnus", "roadmap.duplicate") in found
    assert ("Tehtävät", first_data + 2, "Osa-alue", "roadmap.bad_letter") in found
    assert ("Tehtävät", first_data + 4, "Valmisteluryhmä", "roadmap.unknown_workstream") in found
    assert ("Tehtävät", first_data + 5, "Määräaika", "roadmap.bad_due") in found
    assert ("Tehtävät", first_data + 6, "Tehtävä", "roadmap.missing_value") in found
    assert ("Osa-alueet", 3, "Nimi", "roadmap.missing_value") in found
    assert ("Tehtävät", first_data + 7, "Osa-alue", "roadmap.unknown_sub_area") in found
    assert not any(p.row == first_data + 3 for p in caught.value.problems)
    dup = next(p for p in caught.value.problems if p.message == "roadmap.duplicate")
    assert dup.render("fi") == (f"taulukko 'Tehtävät', rivi {first_data + 1}, sarake 'Tunnus': "
                                f"tunnus 'HTT-A-001' on jo rivillä {first_data}; tunnuksen pitää olla yksilöllinen")
    unknown = next(p for p in caught.value.problems if p.message == "roadmap.unknown_sub_area")
    assert "A, B, C, D, E" in unknown.render("en")
    assert dump(roadmap_db) == before


def test_missing_sheet_and_column(tmp_path, roadmap_xlsx):
    wb = load_workbook(roadmap_xlsx)
    del wb["Alueet"]
    wb["Tehtävät"]["F3"] = "Something else"
    wb.save(tmp_path / "broken.xlsx")
    with pytest.raises(ValidationFailed) as caught:
        read_roadmap(tmp_path / "broken.xlsx")
    found = {(p.sheet, p.row, p.column, p.message) for p in caught.value.problems}
    assert ("Alueet", None, None, "roadmap.missing_sheet") in found
    assert ("Tehtävät", 3, "Määräaika", "roadmap.missing_column") in found


def test_not_an_xlsx(tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("hello")
    with pytest.raises(ValidationFailed) as caught:
        read_roadmap(path)
    assert caught.value.problems[0].message == "roadmap.not_xlsx"


def test_reimport_upserts_by_id_and_keeps_statuses(tmp_path, roadmap_xlsx, roadmap_db):
    with db.transaction(roadmap_db) as session:
        region = session.scalar(select(Region).where(Region.code == "kainuu"))
        snap = ensure_snapshot(session, "2021-11")
        task = session.scalar(select(Task).where(Task.code == "HTT-A-001"))
        task_id = task.id
        record_task_submission(session, region=region, snapshot=snap,
                               statuses={task_id: (Status.DONE, None)})
    # a new title and due for an existing id, and a removed task that has a status
    wb = load_workbook(roadmap_xlsx)
    ws = wb["Tehtävät"]
    ws["D4"] = "Hallintosääntö: uusi otsikko"
    ws["F4"] = "15.10.2021"
    wb.save(tmp_path / "v2.xlsx")
    result = import_roadmap(roadmap_db, tmp_path / "v2.xlsx")
    assert result.counts["updated"] == 1 and result.counts["new"] == 0
    with db.session_factory(roadmap_db)() as session:
        task = session.scalar(select(Task).where(Task.code == "HTT-A-001"))
        assert task.id == task_id and task.title_fi.endswith("uusi otsikko")
        assert task.due_date == dt.date(2021, 10, 15) and task.due_label == "15.10.2021"

    ws.delete_rows(4)  # HTT-A-001 has a reported status: cannot go
    ws.delete_rows(5)  # HTT-A-003 (after the shift) has none: may go
    wb.save(tmp_path / "v3.xlsx")
    before = dump(roadmap_db)
    with pytest.raises(ValidationFailed) as caught:
        import_roadmap(roadmap_db, tmp_path / "v3.xlsx")
    assert [(p.message, p.value) for p in caught.value.problems] == [
        ("roadmap.still_used.task", "HTT-A-001")]
    assert dump(roadmap_db) == before

    wb = load_workbook(roadmap_xlsx)
    wb["Tehtävät"].delete_rows(6)  # HTT-A-003
    wb.save(tmp_path / "v4.xlsx")
    result = import_roadmap(roadmap_db, tmp_path / "v4.xlsx")
    assert result.counts["removed"] == 1 and result.counts["tasks"] == 346


def test_swedish_and_english_headers_accepted(tmp_path, roadmap_xlsx):
    wb = load_workbook(roadmap_xlsx)
    wb["Tehtävät"].title = "Uppgifter"
    ws = wb["Uppgifter"]
    for cell, text in zip("ABCDEF", ("Kod", "Beredningsgrupp", "Delområde", "Uppgift på finska",
                                     "Uppgift på svenska", "Tidsfrist")):
        ws[f"{cell}3"] = text
    ws["E4"] = "Förvaltningsstadga: nuläget kartlagt"
    ws["B5"] = "Hallinto, talous ja tukipalvelut"  # a name instead of the code
    wb.save(tmp_path / "sv.xlsx")
    definition = read_roadmap(tmp_path / "sv.xlsx")
    assert definition.tasks[0].title_sv == "Förvaltningsstadga: nuläget kartlagt"
    assert definition.tasks[1].workstream == "htt"


def test_cli_import_roadmap_exit_codes(tmp_path, roadmap_xlsx, db_url):
    runner = CliRunner()
    ok = runner.invoke(cli, ["--db", db_url, "import-roadmap", str(roadmap_xlsx)])
    assert ok.exit_code == 0, ok.output
    assert "347 tehtävää" in ok.output and "synteettinen" in ok.output
    bad = _edit(roadmap_xlsx, tmp_path / "bad.xlsx", [("Tehtävät", "A5", "HTT-A-001"),
                                                     ("Tehtävät", "F6", "joskus")])
    result = runner.invoke(cli, ["--db", db_url, "--lang", "en", "import-roadmap", str(bad)])
    assert result.exit_code == 2
    assert "row 5, column 'Tunnus': id 'HTT-A-001' is already on row 4" in result.output
    assert "row 6, column 'Määräaika': due 'joskus' is not valid" in result.output
    missing = runner.invoke(cli, ["--db", db_url, "import-roadmap", str(tmp_path / "nope.xlsx")])
    assert missing.exit_code == 2


def test_every_task_has_a_swedish_title(roadmap_xlsx):
    from loaders.synthetic_roadmap import SUBJECTS, SUBJECTS_SV

    assert SUBJECTS.keys() == SUBJECTS_SV.keys()
    assert all(len(SUBJECTS[k]) == len(SUBJECTS_SV[k]) for k in SUBJECTS)
    tasks = read_roadmap(roadmap_xlsx).tasks
    assert all(t.title_sv for t in tasks)
    assert len({t.title_sv for t in tasks}) == len(tasks)
    c6 = next(t for t in tasks if t.code == "HTT-C-006")
    assert c6.title_fi == "Henkilöstösiirtojen yt-menettelyt: suunnitelma laadittu"
    assert c6.title_sv == "Samarbetsförfaranden vid personalöverföringar: plan utarbetad"
