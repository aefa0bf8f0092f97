"""The synthetic monthly sheets of the demo: deterministic, all 23 regions, Swedish sheets for
Swedish-speaking regions, the first month close to the real 10/21 figures, and a plausible
course to 12/2022. Uses the shipped roadmap workbook (synthetic task list, 347 tasks)."""
from __future__ import annotations

import statistics

import openpyxl
import pytest

from domain import queries
from domain.db import get_engine, session_factory
from domain.metrics import count_statuses
from domain.vocabulary import Status
from loaders.roadmap_workbook import import_roadmap, write_roadmap_workbook
from loaders.status_sheet import import_status
from loaders.synthetic_sheets import (
    LAGGARDS, _baseline_from_csv, month_index, synthetic_statuses, write_synthetic_sheets,
)
from tests.conftest import open_rounds

PERIODS = [f"2021-{m}" for m in (11, 12)] + [f"2022-{m:02d}" for m in range(1, 13)]


@pytest.fixture(scope="module")
def roadmap_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic")
    url = f"sqlite:///{folder / 'roadmap.sqlite'}"
    get_engine(url)
    import_roadmap(url, write_roadmap_workbook(folder / "tiekartta.xlsx"))
    return url


@pytest.fixture(scope="module")
def course(roadmap_url):
    with session_factory(roadmap_url)() as s:
        return synthetic_statuses(s, PERIODS), {t.id: t for t in _tasks(s)}, queries.regions(s)


def _tasks(session):
    from loaders.template import roadmap_tasks
    return roadmap_tasks(session)


def test_same_statuses_and_bytes_twice(roadmap_url, tmp_path, course):
    with session_factory(roadmap_url)() as s:
        again = synthetic_statuses(s, PERIODS)
        assert again == course[0]
        # a subset of months is the same course, not a new one
        assert synthetic_statuses(s, ["2022-03"])["2022-03"] == course[0]["2022-03"]
        # one process, and two worker processes (as the demo writes them): the same files
        first = write_synthetic_sheets(s, tmp_path / "a", ["2021-11"], workers=1)
        second = write_synthetic_sheets(s, tmp_path / "b", ["2021-11"], workers=2)
    assert len(first) == 23
    assert [p.name for p in first] == [p.name for p in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second))
    by_name = {p.name: p for p in first}
    assert openpyxl.load_workbook(by_name["2021-11_pohjanmaa.xlsx"]).active["A2"].value == "Område"
    ws = openpyxl.load_workbook(by_name["2021-11_hus.xlsx"]).active
    assert ws["A2"].value == "Alue" and "SYNTEETTINEN" in ws["D1"].value


def test_first_month_close_to_real_10_21(roadmap_url, tmp_path):
    with session_factory(roadmap_url)() as s:
        paths = write_synthetic_sheets(s, tmp_path, ["2021-11"])
    open_rounds(roadmap_url, ["2021-11"])
    for path in paths:
        import_status(roadmap_url, path, is_synthetic=True)
    with session_factory(roadmap_url)() as s:
        regions = queries.regions(s)
        real = _baseline_from_csv(regions)
        heat = queries.heatmap(s, "2021-11", "readiness")
        worst = 0
        for region in regions:
            for ws in ("htt", "jo", "pj", "yp", "ict"):
                active = heat.cell(region.code, f"{ws}:readiness_active").percent
                done = heat.cell(region.code, f"{ws}:readiness_done").percent
                assert active is not None and done is not None  # HUS too
                b = real.get((region.code, ws))
                if b is None or b.active is None:
                    continue
                worst = max(worst, abs(active - b.active), abs(done - b.done))
        assert worst <= 6
        # a few by name: Etelä-Karjala ICT 56/13, Varsinais-Suomi HTT 28/11 on the slide
        assert abs(heat.cell("etela-karjala", "ict:readiness_active").percent - 56) <= 6
        assert abs(heat.cell("varsinais-suomi", "htt:readiness_done").percent - 11) <= 6


def test_plausible_course(course):
    statuses, tasks, regions = course
    regressions = transitions = 0
    for region in regions:
        for before, after in zip(PERIODS, PERIODS[1:]):
            a, b = statuses[before][region.code], statuses[after][region.code]
            for task_id, (status, _) in a.items():
                if status is Status.DONE:
                    transitions += 1
                    regressions += b[task_id][0] is not Status.DONE
    assert regressions <= 0.005 * transitions  # done stays done almost always

    def done_share(period, code):
        counts = count_statuses(s for s, _ in statuses[period][code].values())
        return counts.done / counts.applicable

    final = {r.code: done_share("2022-12", r.code) for r in regions}
    others = [v for code, v in final.items() if code not in LAGGARDS]
    assert statistics.median(others) >= 0.8
    assert all(final[code] < statistics.median(others) - 0.1 for code in LAGGARDS)
    for region in regions:  # steadily forward
        shares = [done_share(p, region.code) for p in PERIODS]
        assert shares[-1] > shares[0] + 0.3
    every = [s for p in PERIODS for r in statuses[p].values() for s, _ in r.values()]
    assert {Status.NOT_STARTED, Status.IN_PROGRESS, Status.ON_SCHEDULE, Status.DONE,
            Status.NOT_APPLICABLE} <= set(every)
    notes_sv = {n for n in (n for _, n in statuses["2022-03"]["pohjanmaa"].values()) if n}
    notes_fi = {n for n in (n for _, n in statuses["2022-03"]["lappi"].values()) if n}
    assert notes_sv and notes_fi and not notes_sv & notes_fi


def test_month_index():
    assert month_index("2021-11") == 1 and month_index("2022-12") == 14
