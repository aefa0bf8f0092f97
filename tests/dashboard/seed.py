"""A small, fully synthetic database for the dashboard tests and the callback bench.

Written straight through `domain.schema` (reference rows) and `domain.store` (revisions and their
figures), so it works without the loaders. The real 10/21 snapshot comes from `build_demo` in
the tests that need it.
"""
from __future__ import annotations

import datetime as dt
import random

from domain import db, reference, store
from domain.metrics import Measure, quarter_end
from domain.schema import Region, Task, Workstream
from domain.vocabulary import Status

QUARTER_ENDS = [quarter_end(p) for p in ("2021-09", "2021-12", "2022-03", "2022-06",
                                         "2022-09", "2022-12")]


def seed_reference(session, tasks_per_subarea: int = 2, total_tasks: int | None = None) -> None:
    """Roadmap, 23 regions, 5 workstreams with sub-areas, and synthetic tasks
    (`tasks_per_subarea` each, or `total_tasks` spread evenly over the 30 sub-areas)."""
    areas = store.install_reference_structure(session)
    position = 0
    for area_index, (stream, area) in enumerate(areas):
        count = tasks_per_subarea
        if total_tasks is not None:
            count = total_tasks // len(areas) + (area_index < total_tasks % len(areas))
        for i in range(count):
            due = QUARTER_ENDS[(position + i) % len(QUARTER_ENDS)]
            position += 1
            session.add(Task(
                code=f"{stream.code.upper()}-{area.letter}-{i + 1:03d}", workstream_id=stream.id,
                sub_area_id=area.id, title_fi=f"Tehtävä {area.letter}{i + 1}: {area.name_fi}",
                title_sv=f"Uppgift {area.letter}{i + 1}: {area.name_sv}", due_date=due,
                due_label=f"Q{(due.month - 1) // 3 + 1}/{due.year}", position=position))
    session.flush()


def evolve(previous: Status | None, rng: random.Random, step: float) -> Status:
    """Statuses move forward month by month (sometimes back), like real reports do."""
    if previous is None:
        return rng.choices([Status.NOT_STARTED, Status.IN_PROGRESS, Status.NOT_APPLICABLE],
                           [70, 27, 3])[0]
    if previous is Status.NOT_STARTED and rng.random() < step:
        return Status.IN_PROGRESS
    if previous.is_active and rng.random() < step * 0.6:
        return Status.DONE
    if previous is Status.IN_PROGRESS and rng.random() < 0.1:
        return Status.ON_SCHEDULE
    if previous is Status.IN_PROGRESS and rng.random() < 0.02:
        return Status.NOT_STARTED
    return previous


def record_months(session, periods: list[str], seed: int = 7, step: float = 0.25,
                  skip_region: str | None = "hus") -> None:
    """Task-level submissions for every region and period (HUS reports nothing by default)."""
    rng = random.Random(seed)
    tasks = store.load_task_rows(session)
    regions = list(session.query(Region).order_by(Region.position))
    state: dict[tuple[str, int], Status] = {}
    for period in periods:
        snap = store.ensure_snapshot(session, period, is_synthetic=True)
        for region in regions:
            if region.code == skip_region:
                continue
            statuses = {}
            for task in tasks:
                status = evolve(state.get((region.code, task.id)), rng, step)
                state[(region.code, task.id)] = status
                note = "Viivästyy resurssipulan vuoksi" if rng.random() < 0.05 else None
                statuses[task.id] = (status, note)
            store.record_task_submission(session, region=region, snapshot=snap,
                                         statuses=statuses, is_synthetic=True, tasks=tasks)


def record_summary_month(session, period: str, seed: int = 3) -> None:
    """A summary-only snapshot (like the real 10/21 tables): readiness and progress values."""
    rng = random.Random(seed)
    snap = store.ensure_snapshot(session, period, report_date=dt.date(2021, 12, 9),
                                 is_synthetic=False)
    streams = list(session.query(Workstream).order_by(Workstream.position))
    for region in session.query(Region).order_by(Region.position):
        if region.code == "hus":
            continue
        values = []
        for ws in streams:
            values.append(store.SummaryValue(Measure.READINESS_ACTIVE, ws.id, None,
                                             float(rng.randint(5, 95))))
            values.append(store.SummaryValue(Measure.READINESS_DONE, ws.id, None,
                                             float(rng.randint(0, 30))))
            values.append(store.SummaryValue(Measure.PROGRESS, ws.id, None,
                                             float(rng.randint(10, 100)),
                                             national_count=reference.workstream_def(
                                                 ws.code).due_by_q4_2021))
            for sa in ws.sub_areas:
                values.append(store.SummaryValue(Measure.PROGRESS, ws.id, sa.id,
                                                 float(rng.randint(0, 100)), national_count=3))
        store.record_summary_submission(session, region=region, snapshot=snap,
                                        scope=store.summary_scope("all"), values=values)


def build_small(url: str) -> None:
    """10/21 summary-only + 11/21 and 12/21 with task rows. Marked as a demo database (open
    without log-in, like the demo): the dashboard tests read it anonymously."""
    from domain.auth_store import DEMO, mark_kind

    with db.transaction(url) as session:
        mark_kind(session, DEMO)
        seed_reference(session)
        record_summary_month(session, "2021-10")
        record_months(session, ["2021-11", "2021-12"])
