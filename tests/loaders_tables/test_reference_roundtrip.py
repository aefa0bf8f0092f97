"""THE KEY TEST: the three real 10/21 tables go out as xlsx in the slides' layout, come back in
through the summary-table loader, and read back through `domain.queries.heatmap` with the same
whole percent and the band the slides' legend gives, for every one of the 462 cells."""
from __future__ import annotations

import csv
import datetime as dt

import pytest

from domain import db, queries
from domain.metrics import Measure
from domain.reference import REGIONS, WORKSTREAMS
from loaders.reference_tables import write_reference_workbooks
from loaders.summary_tables import import_summary

from .conftest import REFERENCE_CSV_DIR

WS_BY_NAME = {w.fi: w.code for w in WORKSTREAMS}
REGION_BY_NAME = {r.fi: r.code for r in REGIONS}


def legend_band(percent: int) -> int:
    """The slides' legend, written out independently of domain.metrics."""
    if percent <= 24:
        return 1
    if percent <= 49:
        return 2
    if percent <= 75:
        return 3
    return 4


def read_csv(name: str) -> tuple[list[str], list[list[str]]]:
    with open(REFERENCE_CSV_DIR / name, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def expected_cells() -> dict[tuple[str, str, str], int | None]:
    """(view, region code, column key) -> whole percent from the CSVs (None: no data)."""
    cells: dict[tuple[str, str, str], int | None] = {}
    header, rows = read_csv("readiness.csv")
    for row in rows:
        for text, value in zip(header[1:], row[1:]):
            ws, _, sub = (p.strip() for p in text.partition("|"))
            measure = Measure.READINESS_ACTIVE if sub == "Käynnissä" else Measure.READINESS_DONE
            cells[("readiness", REGION_BY_NAME[row[0]], f"{WS_BY_NAME[ws]}:{measure.value}")] = (
                int(value) if value else None)
    header, rows = read_csv("progress.csv")
    for row in rows[1:]:
        for ws, value in zip(header[1:], row[1:]):
            cells[("progress", REGION_BY_NAME[row[0]], f"{WS_BY_NAME[ws]}:progress")] = (
                int(value) if value else None)
    header, rows = read_csv("yhdyspinnat-osa-alueet.csv")
    for row in rows[1:]:
        for text, value in zip(header[1:], row[1:]):
            key = "yp:progress" if text == "Kokonaiskuva" else f"yp:{text[0]}:progress"
            cells[("subareas", REGION_BY_NAME[row[0]], key)] = int(value) if value else None
    return cells


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    from loaders.roadmap_workbook import import_roadmap, write_roadmap_workbook

    workdir = tmp_path_factory.mktemp("roundtrip")
    url = f"sqlite:///{workdir / 'db.sqlite'}"
    import_roadmap(url, write_roadmap_workbook(workdir / "tiekartta.xlsx"))
    files = write_reference_workbooks(REFERENCE_CSV_DIR, workdir / "xlsx")
    results = {view: import_summary(url, path, "2021-10", report_date="9.12.2021")
               for view, path in files.items()}  # measure and workstream from the layout
    return url, files, results


def test_every_cell_round_trips_with_its_percent_and_band(imported):
    url, _files, results = imported
    assert {v: r.view for v, r in results.items()} == {
        "readiness": "readiness", "progress": "progress", "subareas": "subareas"}
    assert results["subareas"].workstream == "yp"
    expected = expected_cells()
    compared = with_data = 0
    with db.session_factory(url)() as session:
        maps = {"readiness": queries.heatmap(session, "2021-10", "readiness"),
                "progress": queries.heatmap(session, "2021-10", "progress"),
                "subareas": queries.heatmap(session, "2021-10", "subareas", "yp")}
        assert maps["readiness"].snapshot.report_date == dt.date(2021, 12, 9)
        for view, heatmap in maps.items():
            assert [r.code for r in heatmap.regions] == [r.code for r in REGIONS]
            for region in heatmap.regions:
                for column in heatmap.columns:
                    want = expected[(view, region.code, column.key)]
                    cell = heatmap.cell(region.code, column.key)
                    compared += 1
                    if region.code == "hus":
                        assert want is None and cell.share is None and cell.percent is None
                        assert cell.band is None
                        continue
                    with_data += 1
                    assert cell.percent == want, (view, region.code, column.key)
                    assert cell.band == legend_band(want), (view, region.code, column.key)
    assert with_data == 462 == 22 * (10 + 5 + 6)
    assert compared == 23 * 21


def test_task_count_rows_come_back(imported):
    url, _files, _results = imported
    with db.session_factory(url)() as session:
        progress = queries.heatmap(session, "2021-10", "progress")
        subareas = queries.heatmap(session, "2021-10", "subareas", "yp")
        assert [c.national_count for c in progress.columns] == [69, 30, 17, 20, 55]
        assert [c.national_count for c in subareas.columns] == [20, 5, 1, 7, 2, 5]
        cell = progress.cell("kainuu", "htt:progress")
        assert cell.denominator == 69 and cell.denominator_is_national
        assert progress.summary_only


def test_value_styles_differ_between_the_three_files(imported):
    from openpyxl import load_workbook

    _url, files, _results = imported
    readiness = load_workbook(files["readiness"]).active
    progress = load_workbook(files["progress"]).active
    subareas = load_workbook(files["subareas"]).active
    assert readiness["B5"].value == "36\u00a0%"
    assert {str(r) for r in readiness.merged_cells.ranges} >= {"B3:C3", "J3:K3"}
    assert readiness["B4"].value == "Käynnissä" and readiness["C4"].value == "Valmis"
    assert progress["A5"].value == "Tehtävien lkm yht." and progress["B6"].value == 57
    assert subareas["B8"].value == 0.55 and "%" in subareas["B8"].number_format
    assert subareas["A2"].value == "Valmisteluryhmä: Yhdyspinnat"


def test_written_again_gives_the_same_bytes(imported, tmp_path):
    _url, files, _results = imported
    again = write_reference_workbooks(REFERENCE_CSV_DIR, tmp_path)
    for view, path in files.items():
        assert again[view].read_bytes() == path.read_bytes()
