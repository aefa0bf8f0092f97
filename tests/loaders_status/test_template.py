"""The regional template: task list, dropdown, protection, prefill from the region's latest
statuses, formula-safe notes; and the round trip template -> filled by openpyxl -> import."""
from __future__ import annotations

import openpyxl
import pytest
from sqlalchemy import select

from domain.db import transaction
from domain.schema import Submission, TaskStatus
from domain.vocabulary import Status, allowed_status_labels
from loaders.common import ValidationFailed
from loaders.status_sheet import import_status, read_status_sheet
from loaders.template import FIRST_TASK_ROW, HEADER_ROW, write_template
from status_helpers import TASKS, task_rows, write_sheet

STATUS_COL, NOTE_COL = "F", "G"


def fill(path, statuses, notes=None):
    """Fill the Tila (and Huomiot) cells like a region would, with openpyxl."""
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for i, value in enumerate(statuses):
        ws[f"{STATUS_COL}{FIRST_TASK_ROW + i}"] = value
    for i, value in (notes or {}).items():
        ws[f"{NOTE_COL}{FIRST_TASK_ROW + i}"] = value
    wb.save(path)
    return path


def test_template_layout(db_url, tmp_path, session):
    path = write_template(session, "Pohjois-Savo", tmp_path / "t.xlsx", period="2022-03")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws.title == "Tilannekuva"
    assert (ws["A2"].value, ws["B2"].value) == ("Alue", "Pohjois-Savo")
    assert (ws["A3"].value, ws["B3"].value) == ("Ajankohta", "3/2022")
    assert [c.value for c in ws[HEADER_ROW]] == [
        "Tunnus", "Valmisteluryhmä", "Osa-alue", "Tehtävä", "Määräaika", "Tila", "Huomiot"]
    ids = [ws[f"A{FIRST_TASK_ROW + i}"].value for i in range(len(TASKS))]
    assert ids == [code for code, *_ in TASKS]
    assert ws[f"C{FIRST_TASK_ROW}"].value == "A. Hallinnon rakenteet, toiminnan järjestäminen ja demokratia"
    assert ws[f"E{FIRST_TASK_ROW}"].value == "Q4/2021"
    # dropdown with the five Finnish statuses over every task row
    [dv] = ws.data_validations.dataValidation
    assert dv.type == "list"
    assert dv.formula1 == '"' + ",".join(allowed_status_labels("fi")) + '"'
    assert str(dv.sqref) == f"F{FIRST_TASK_ROW}:F{FIRST_TASK_ROW + len(TASKS) - 1}"
    # protection on; only Tila and Huomiot open
    assert ws.protection.sheet is True and not ws.protection.password
    row = FIRST_TASK_ROW
    assert ws[f"A{row}"].protection.locked and ws[f"D{row}"].protection.locked
    assert not ws[f"F{row}"].protection.locked and not ws[f"G{row}"].protection.locked
    assert ws.freeze_panes == f"B{FIRST_TASK_ROW}"
    assert ws.column_dimensions["D"].width >= 40
    assert all(ws[f"F{FIRST_TASK_ROW + i}"].value is None for i in range(len(TASKS)))


def test_swedish_template_round_trip(db_url, tmp_path, session):
    path = write_template(session, "lansi-uusimaa", tmp_path / "sv.xlsx", lang=None,
                          period="2022-03")
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "Lägesbild" and ws["B2"].value == "Västra Nyland"
    assert ws[f"F{HEADER_ROW}"].value == "Status"
    assert ws.data_validations.dataValidation[0].formula1.startswith('"Inte påbörjad,Pågår')
    fill(path, ["Klar"] * len(TASKS))
    parsed = read_status_sheet(session, path)
    assert parsed.language == "sv" and parsed.region.code == "lansi-uusimaa"
    assert parsed.status_counts()[Status.DONE] == len(TASKS)


def test_round_trip_and_prefill_from_last_month(db_url, tmp_path):
    with transaction(db_url) as s:
        path = write_template(s, "Lappi", tmp_path / "feb.xlsx", period="2022-02")
    labels = ["Valmis", "Käynnissä", "Ei aloitettu", "Valmistuu aikataulussa", "Ei koske aluetta"] * 2
    notes = {0: "=1+1 on kaava", 1: "+358 40 123", 2: "-5 % budjetista", 3: "@tiimi", 4: "tavallinen"}
    fill(path, labels, notes)
    assert import_status(db_url, path).revision == 1

    with transaction(db_url) as s:
        march = write_template(s, "Lappi", tmp_path / "mar.xlsx")  # default: the next month
    wb = openpyxl.load_workbook(march)
    ws = wb.active
    assert ws["B3"].value == "3/2022"
    assert "2/2022" in ws["A4"].value  # says where the prefill came from
    assert [ws[f"F{FIRST_TASK_ROW + i}"].value for i in range(len(TASKS))] == labels
    for i, note in notes.items():
        cell = ws[f"G{FIRST_TASK_ROW + i}"]
        assert cell.value == note and cell.data_type == "s"
        if note[0] in "=+-@":
            assert cell.quotePrefix  # Excel shows it as text, never evaluates it
    # in the raw XML no note became a formula
    import zipfile
    with zipfile.ZipFile(march) as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")
    # the prefilled sheet imports as it is: the same statuses and notes for March
    result = import_status(db_url, march)
    assert result.period == "2022-03" and result.revision == 1
    with transaction(db_url) as s:
        sub = s.scalar(select(Submission).where(Submission.id == result.submission_ids[0]))
        stored = {n for n in s.scalars(select(TaskStatus.note)
                                       .where(TaskStatus.submission_id == sub.id)) if n}
    assert stored == set(notes.values())


def test_unfilled_template_is_rejected_per_row(db_url, tmp_path, session):
    path = write_template(session, "Kainuu", tmp_path / "k.xlsx", period="2022-03")
    with pytest.raises(ValidationFailed) as info:
        read_status_sheet(session, path)
    empty = [p for p in info.value.problems if p.message == "status_sheet.empty_status"]
    assert [p.row for p in empty] == list(range(FIRST_TASK_ROW, FIRST_TASK_ROW + len(TASKS)))


def test_unknown_region(db_url, tmp_path, session):
    with pytest.raises(ValidationFailed) as info:
        write_template(session, "Pohjois Karjla", tmp_path / "x.xlsx")
    assert "Pohjois-Karjala" in info.value.render("fi")[0]


def test_same_content_same_bytes(db_url, tmp_path, session):
    a = write_template(session, "Kainuu", tmp_path / "a.xlsx", period="2022-03")
    b = write_template(session, "Kainuu", tmp_path / "b.xlsx", period="2022-03")
    assert a.read_bytes() == b.read_bytes()


def test_prefill_uses_current_revision(db_url, tmp_path, session):
    import_status(db_url, write_sheet(tmp_path / "1.xlsx", task_rows("Käynnissä"), period="2022-01"))
    import_status(db_url, write_sheet(tmp_path / "2.xlsx", task_rows("Valmis"), period="2022-01"))
    path = write_template(session, "Pohjois-Savo", tmp_path / "t.xlsx", period="2022-02")
    ws = openpyxl.load_workbook(path).active
    assert {ws[f"F{FIRST_TASK_ROW + i}"].value for i in range(len(TASKS))} == {"Valmis"}
