"""Reading and importing regional monthly sheets: happy paths (fi, sv), tolerated variants, and
every kind of problem naming its row and column while leaving the database unchanged."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select

from status_helpers import TASKS, dump, task_rows, write_sheet
from domain.db import transaction
from domain.schema import Figure, Submission, TaskStatus
from domain.vocabulary import Status
from loaders.common import ValidationFailed
from loaders.status_sheet import MAX_PROBLEMS, import_status, read_status_sheet


def rejected(db_url, path, **kwargs) -> ValidationFailed:
    """Import must fail with problems and leave every table as it was."""
    before = dump(db_url)
    with pytest.raises(ValidationFailed) as info:
        import_status(db_url, path, **kwargs)
    assert dump(db_url) == before
    return info.value


def only(problems, message):
    found = [p for p in problems.problems if p.message == message]
    assert found, [p.message for p in problems.problems]
    return found


def test_finnish_sheet_imports(db_url, tmp_path):
    rows = task_rows()
    rows[0][5], rows[0][6] = "Valmis", "Hyväksytty aluehallituksessa"
    rows[1][5] = "Ei koske aluetta"
    result = import_status(db_url, write_sheet(tmp_path / "ps.xlsx", rows))
    assert result.period == "2022-03" and result.regions == ["pohjois-savo"]
    assert result.revision == 1 and result.counts["tasks"] == len(TASKS)
    assert result.counts["done"] == 1 and result.counts["not_applicable"] == 1
    with transaction(db_url) as s:
        notes = {n for n in s.scalars(select(TaskStatus.note)) if n}
        assert notes == {"Hyväksytty aluehallituksessa"}
        assert s.scalar(select(Submission.source_sha256))
        assert s.query(Figure).filter(Figure.active.is_(True)).count() > 0


def test_swedish_sheet_imports(db_url, tmp_path, session):
    rows = task_rows("Pågår", lang="sv")
    rows[2][5] = "Gäller inte området"
    rows[3][5] = "Blir klar enligt tidsplan"
    path = write_sheet(tmp_path / "ow.xlsx", rows, region="Österbotten", period="2022-04",
                       lang="sv", sheet_title="Lägesbild")
    parsed = read_status_sheet(session, path)
    assert parsed.language == "sv" and parsed.region.code == "pohjanmaa"
    assert parsed.period == "2022-04" and parsed.sheet_name == "Lägesbild"
    counts = parsed.status_counts()
    assert counts[Status.IN_PROGRESS] == len(TASKS) - 2
    assert counts[Status.NOT_APPLICABLE] == counts[Status.ON_SCHEDULE] == 1


def test_status_case_and_space_variants(db_url, tmp_path, session):
    variants = ["  valmis ", "KÄYNNISSÄ", "valmistuu   aikataulussa", "ei Koske Aluetta",
                "Ei\u00a0aloitettu", "klar", "PÅGÅR", "Ei koske", "Done", "inte påbörjad"]
    rows = task_rows()
    for row, value in zip(rows, variants):
        row[5] = value
    parsed = read_status_sheet(session, write_sheet(tmp_path / "v.xlsx", rows))
    got = [parsed.statuses[t.id][0] for t in _tasks(session)]
    assert got == [Status.DONE, Status.IN_PROGRESS, Status.ON_SCHEDULE, Status.NOT_APPLICABLE,
                   Status.NOT_STARTED, Status.DONE, Status.IN_PROGRESS, Status.NOT_APPLICABLE,
                   Status.DONE, Status.NOT_STARTED]


def _tasks(session):
    from domain.schema import Task
    return list(session.scalars(select(Task).order_by(Task.position)))


@pytest.mark.parametrize("cell", ["2022-03", "3/2022", "03/2022", dt.datetime(2022, 3, 1),
                                  dt.date(2022, 3, 15)])
def test_period_forms(db_url, tmp_path, session, cell):
    parsed = read_status_sheet(session, write_sheet(tmp_path / "p.xlsx", task_rows(), period=cell))
    assert parsed.period == "2022-03"


def test_header_found_anywhere_and_empty_rows_ignored(db_url, tmp_path, session):
    rows = task_rows()
    rows.insert(3, [None] * 7)
    rows.insert(5, [None, None, None, None, None, None, "  "])
    path = write_sheet(tmp_path / "h.xlsx", rows, blank_rows_before_header=6,
                       region="pohjois-savo")  # a code, lowercase
    parsed = read_status_sheet(session, path)
    assert parsed.row_count == len(TASKS) and len(parsed.statuses) == len(TASKS)


def test_region_and_period_from_arguments(db_url, tmp_path, session):
    path = write_sheet(tmp_path / "n.xlsx", task_rows(), region=None, period=None)
    parsed = read_status_sheet(session, path, region="Helsingfors", period="5/2022")
    assert parsed.region.code == "helsinki" and parsed.period == "2022-05"
    # agreeing arguments are fine
    path = write_sheet(tmp_path / "a.xlsx", task_rows())
    assert read_status_sheet(session, path, region="POHJOIS-SAVO", period="2022-03").period == "2022-03"


def test_conflicts_with_arguments(db_url, tmp_path):
    path = write_sheet(tmp_path / "c.xlsx", task_rows())
    error = rejected(db_url, path, region="Lappi", period="2022-04")
    region = only(error, "status_sheet.region_conflict")[0]
    assert (region.row, region.column, region.value) == (2, "Alue", "Pohjois-Savo")
    # the region asked for is named in the reader's language
    assert "Lappland" in region.render("sv") and "Lappi" in region.render("fi")
    period = only(error, "status_sheet.period_conflict")[0]
    assert (period.row, period.column) == (3, "Ajankohta")
    assert "4/2022" in period.render("fi") and "3/2022" in period.render("fi")


def test_missing_region_and_period(db_url, tmp_path):
    error = rejected(db_url, write_sheet(tmp_path / "m.xlsx", task_rows(), region=None, period=None))
    only(error, "status_sheet.missing_region")
    only(error, "status_sheet.missing_period")


def test_unknown_region_suggests(db_url, tmp_path):
    error = rejected(db_url, write_sheet(tmp_path / "u.xlsx", task_rows(), region="Pohjois Savvo"))
    problem = only(error, "problem.unknown_region_suggest")[0]
    assert (problem.row, problem.column) == (2, "Alue")
    assert "Pohjois-Savo" in problem.render("fi")
    error = rejected(db_url, write_sheet(tmp_path / "u2.xlsx", task_rows()), region="Qwxyz")
    assert only(error, "problem.unknown_region")[0].row is None


@pytest.mark.parametrize("bad", ["13/2022", "maaliskuu", "2022"])
def test_bad_period(db_url, tmp_path, bad):
    error = rejected(db_url, write_sheet(tmp_path / "b.xlsx", task_rows(), period=bad))
    problem = only(error, "status_sheet.bad_period")[0]
    assert (problem.row, problem.column, problem.value) == (3, "Ajankohta", bad)


def test_every_row_problem_named_with_row_and_column(db_url, tmp_path):
    rows = task_rows()
    rows[0][5] = "Melkein valmis"  # row 6: unknown status
    rows[1][5] = None  # row 7: empty status
    rows[2][0] = "XYZ-9"  # row 8: unknown task id
    rows[3][1] = "ICT"  # row 9: wrong workstream for JO-B-002
    rows[4][2] = "C. Järjestämisen reunaehdot"  # row 10: wrong sub-area for PJ-A-001
    rows[6][0] = rows[5][0]  # row 12: duplicate of row 11
    error = rejected(db_url, write_sheet(tmp_path / "e.xlsx", rows))
    where = {p.message: (p.row, p.column, p.value) for p in error.problems}
    assert where["status_sheet.unknown_status"] == (6, "Tila", "Melkein valmis")
    assert where["status_sheet.empty_status"] == (7, "Tila", None)
    assert where["status_sheet.unknown_task"] == (8, "Tunnus", "XYZ-9")
    assert where["status_sheet.workstream_mismatch"] == (9, "Valmisteluryhmä", "ICT")
    assert where["status_sheet.sub_area_mismatch"] == (10, "Osa-alue", "C. Järjestämisen reunaehdot")
    assert where["status_sheet.duplicate_task"][:2] == (12, "Tunnus")
    missing = only(error, "status_sheet.missing_tasks")[0]
    # the ids no longer in the sheet (replaced on rows 8 and 12) are named
    assert missing.params["count"] == 2
    assert TASKS[2][0] in missing.params["ids"] and TASKS[6][0] in missing.params["ids"]
    # all problems at once, rendered in every language with the allowed labels of that language
    fi = error.render("fi")
    assert any("sallitut: Ei aloitettu, Käynnissä" in line for line in fi)
    assert any("tillåtna: Inte påbörjad, Pågår" in line for line in error.render("sv"))
    assert any("allowed: Not started" in line for line in error.render("en"))
    assert fi[0].startswith("taulukko 'Tilannekuva', rivi 6, sarake 'Tila'")


def test_swedish_headers_named_in_problems(db_url, tmp_path):
    rows = task_rows("Pågår", lang="sv")
    rows[0][5] = "Nästan klar"
    error = rejected(db_url, write_sheet(tmp_path / "s.xlsx", rows, region="Västra Nyland",
                                         lang="sv"))
    problem = only(error, "status_sheet.unknown_status")[0]
    assert (problem.row, problem.column) == (6, "Status")
    assert "tillåtna: Inte påbörjad, Pågår, Blir klar enligt tidsplan, Klar, Gäller inte området" \
        in problem.render("sv")


def test_missing_tasks_are_an_error(db_url, tmp_path):
    error = rejected(db_url, write_sheet(tmp_path / "t.xlsx", task_rows()[:7]))
    problem = only(error, "status_sheet.missing_tasks")[0]
    assert problem.params["count"] == 3
    assert "Ei koske aluetta" in problem.render("fi")


def test_formula_in_status_rejected(db_url, tmp_path):
    rows = task_rows()
    rows[2][5] = '=IF(1=1,"Valmis","Käynnissä")'
    error = rejected(db_url, write_sheet(tmp_path / "f.xlsx", rows))
    problem = only(error, "status_sheet.formula")[0]
    assert (problem.row, problem.column, problem.params["cell"]) == (8, "Tila", "F8")
    assert "F8" in problem.render("fi")


def test_formula_like_note_stored_as_text(db_url, tmp_path):
    rows = task_rows()
    rows[0][6] = "=HYPERLINK(\"http://evil\",\"x\")"  # a real formula cell in Huomiot
    rows[1][6] = "-5 % budjetista"
    rows[2][6] = "@kaikki"
    import_status(db_url, write_sheet(tmp_path / "n.xlsx", rows))
    with transaction(db_url) as s:
        notes = set(s.scalars(select(TaskStatus.note).where(TaskStatus.note.is_not(None))))
    assert notes == {"=HYPERLINK(\"http://evil\",\"x\")", "-5 % budjetista", "@kaikki"}


def test_no_header_row(db_url, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["Jotain", "muuta"])
    wb.save(tmp_path / "x.xlsx")
    error = rejected(db_url, tmp_path / "x.xlsx")
    problem = only(error, "status_sheet.no_header")[0]
    assert "'Tunnus', 'Tila'" in problem.render("fi")


def test_header_on_second_sheet(db_url, tmp_path, session):
    path = write_sheet(tmp_path / "two.xlsx", task_rows())
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("Ohje", 0).append(["Täytä seuraava välilehti"])
    wb.save(path)
    assert read_status_sheet(session, path).sheet_name == "Tilannekuva"


def test_not_an_xlsx(db_url, tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("Tunnus;Tila\nHTT-A-001;Valmis\n")
    only(rejected(db_url, path), "status_sheet.unreadable")


def test_problem_count_capped(db_url, tmp_path):
    rows = task_rows()
    rows += [[f"X-{i}", None, None, None, None, "?", None] for i in range(150)]
    error = rejected(db_url, write_sheet(tmp_path / "many.xlsx", rows))
    assert len(error.problems) == MAX_PROBLEMS + 1
    more = only(error, "status_sheet.more_problems")[0]
    assert more.params["count"] == 300 - MAX_PROBLEMS
    assert "…ja 100 muuta virhettä" in more.render("fi")


def test_second_import_is_revision_two(db_url, tmp_path):
    first = import_status(db_url, write_sheet(tmp_path / "1.xlsx", task_rows("Käynnissä")))
    second = import_status(db_url, write_sheet(tmp_path / "2.xlsx", task_rows("Valmis")))
    assert (first.revision, second.revision) == (1, 2)
    with transaction(db_url) as s:
        subs = list(s.scalars(select(Submission).order_by(Submission.revision)))
        assert [(x.revision, x.is_current) for x in subs] == [(1, False), (2, True)]
        assert s.query(TaskStatus).filter_by(submission_id=subs[0].id).count() == len(TASKS)
        active = s.scalars(select(Figure.submission_id).where(Figure.active.is_(True))).all()
        assert set(active) == {subs[1].id}


def test_bytes_and_file_objects(db_url, tmp_path, session):
    import io
    data = write_sheet(tmp_path / "b.xlsx", task_rows()).read_bytes()
    assert read_status_sheet(session, data).period == "2022-03"
    result = import_status(db_url, io.BytesIO(data), source_name="upload.xlsx")
    assert result.source == "upload.xlsx"


def test_row_numbers_right_after_gaps(db_url, tmp_path):
    rows = task_rows()
    rows[5][5] = "?"
    rows[4:4] = [[None] * 7] * 3  # rows 10–12 left out of the file entirely
    error = rejected(db_url, write_sheet(tmp_path / "g.xlsx", rows))
    assert [(p.row, p.column) for p in error.problems] == [(14, "Tila")]


def test_name_check_answers_survive_a_concurrent_clear(session):
    """The workstream/sub-area answers are kept with the roadmap and shared by a worker's
    threads; another import may clear them (over the bound) between storing an answer and
    reading it back. The check must still answer, not raise KeyError mid-upload."""
    from loaders.status_context import RoadmapIndex

    class ClearedAtOnce(dict):  # another thread's clear() right after every store
        def __setitem__(self, key, value):
            super().__setitem__(key, value)
            self.clear()

    index = RoadmapIndex(session)
    index._memo = ClearedAtOnce()
    task = index.tasks[0]
    stream = index.workstreams[task.workstream_id]
    area = index.sub_areas[task.sub_area_id]
    assert index.workstream_matches(task, stream.name_fi) is True
    assert index.sub_area_matches(task, area.name_fi) is True
    assert index.workstream_matches(task, "Ei tällaista ryhmää") is False
