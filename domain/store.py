"""Write side: record one import as a new revision and store its aggregated figures.

Loaders validate first and call these only with clean data, inside one transaction
(`domain.db.transaction`), so a rejected file writes nothing.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from .metrics import Measure, counts_of, next_period, quarter_end, share_of
from . import reference
from .schema import (
    Figure, Region, RegionAlias, Roadmap, Round, Snapshot, SubArea, Submission, Task, TaskStatus, Workstream,
)
from .vocabulary import Status

TASKS_SCOPE = "tasks"


def _utcnow() -> dt.datetime:
    # set here rather than by the database, so that every backend stores UTC (the board's
    # "late" compares it with the deadline in Finnish time)
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def summary_scope(view: str, workstream_code: str | None = None) -> str:
    return f"summary:{view}" + (f":{workstream_code}" if workstream_code else "")


def default_report_date(period: str) -> dt.date:
    """Regions report a month's picture early in the next month: the 10th (or next weekday)."""
    following = next_period(period)
    day = dt.date(int(following[:4]), int(following[5:]), 10)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def ensure_snapshot(session: Session, period: str, report_date: dt.date | None = None,
                    is_synthetic: bool | None = None, note: str | None = None,
                    round_state: str = "published") -> Snapshot:
    """The month's snapshot, made with its reporting round if new. A new month written
    straight through here (national summary tables, tests, benches) is a published round;
    `domain.rounds.open_round` makes an open one."""
    lock_revisions(session)  # two processes must not both create the month's snapshot
    snapshot = session.scalar(select(Snapshot).where(Snapshot.period == period))
    if snapshot is None:
        snapshot = Snapshot(period=period, report_date=report_date or default_report_date(period),
                            is_synthetic=bool(is_synthetic), note=note)
        session.add(snapshot)
        session.flush()
        session.add(Round(snapshot_id=snapshot.id, state=round_state))
        session.flush()
        return snapshot
    if report_date is not None:
        snapshot.report_date = report_date
    if is_synthetic is not None:
        snapshot.is_synthetic = is_synthetic
    if note is not None:
        snapshot.note = note
    return snapshot


REVISION_LOCK_KEY = 740_021_2023  # PostgreSQL advisory lock of revision numbering


def lock_revisions(session: Session) -> None:
    """Serialise revision numbering (and snapshot creation) across processes for the rest of
    this transaction, so that parallel imports of one region — web confirms or CLI runs — get
    distinct, consecutive revisions.

    PostgreSQL: a transaction-level advisory lock. SQLite: the write lock is taken now
    (BEGIN IMMEDIATE, waiting up to the busy timeout) unless the transaction already writes;
    the driver would otherwise start the transaction only at the first INSERT, after the
    "max(revision)" read, and two processes would both read the same maximum."""
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({REVISION_LOCK_KEY})")
    elif dialect == "sqlite":
        raw = connection.connection.driver_connection
        if not raw.in_transaction:
            raw.execute("BEGIN IMMEDIATE")


def _new_submission(session: Session, snapshot: Snapshot, region: Region, scope: str, *,
                    is_summary: bool, is_synthetic: bool, source_name: str | None,
                    source_sha256: str | None, imported_by: str | None,
                    correction_reason: str | None = None) -> Submission:
    lock_revisions(session)
    previous = session.scalar(
        select(func.max(Submission.revision)).where(
            Submission.snapshot_id == snapshot.id, Submission.region_id == region.id,
            Submission.scope == scope))
    session.execute(
        update(Submission)
        .where(Submission.snapshot_id == snapshot.id, Submission.region_id == region.id,
               Submission.scope == scope)
        .values(is_current=False))
    submission = Submission(
        snapshot_id=snapshot.id, region_id=region.id, scope=scope, revision=(previous or 0) + 1,
        is_current=True, is_summary=is_summary, is_synthetic=is_synthetic,
        source_name=source_name, source_sha256=source_sha256, imported_by=imported_by,
        correction_reason=correction_reason, imported_at=_utcnow())
    session.add(submission)
    session.flush()
    return submission


def refresh_active(session: Session, snapshot_id: int, region_id: int) -> None:
    """Mark which figures the dashboards show for one region and snapshot: those of current
    revisions, and task-level figures in preference to imported summaries."""
    current = session.execute(
        select(Submission.id, Submission.scope).where(
            Submission.snapshot_id == snapshot_id, Submission.region_id == region_id,
            Submission.is_current.is_(True))).all()
    has_tasks = any(scope == TASKS_SCOPE for _, scope in current)
    shown = [sid for sid, scope in current if scope == TASKS_SCOPE or not has_tasks]
    # ix_figure_snapshot_region: only this region's figures of this snapshot are touched, so
    # an import costs the same whatever the number of organisations
    base = (update(Figure)
            .where(Figure.snapshot_id == snapshot_id, Figure.region_id == region_id))
    plain = {"synchronize_session": False}  # no figure objects live in the session
    session.execute(base.where(Figure.active.is_(True)).values(active=False),
                    execution_options=plain)
    if shown:
        session.execute(base.where(Figure.submission_id.in_(shown)).values(active=True),
                        execution_options=plain)


@dataclass(frozen=True)
class TaskRow:
    """What the figures need of a task."""

    id: int
    workstream_id: int
    sub_area_id: int
    due_date: dt.date


def task_figures(tasks: Iterable[TaskRow], statuses: Mapping[int, Status],
                 period: str) -> list[dict]:
    """Aggregate one region's task statuses into figure rows (without ids of submission etc.).

    Readiness looks at all tasks, progress at the tasks due by the end of the snapshot's quarter;
    both per workstream and per sub-area. Not-applicable tasks leave every denominator.
    """
    horizon = quarter_end(period)
    get = statuses.get
    # one pass in C: how many tasks of each (workstream, sub-area, due, status); then ~200
    # cells, not ~400 tasks, are folded into the groups (an import runs this once)
    cells = Counter((t.workstream_id, t.sub_area_id, t.due_date <= horizon, status)
                    for t in tasks if (status := get(t.id)) is not None)
    # per group, a tally {status: tasks} of all its tasks and of those due
    groups: dict[tuple[int, int | None], tuple[dict, dict]] = {}
    for (workstream_id, sub_area_id, due, status), n in cells.items():
        for key in ((workstream_id, None), (workstream_id, sub_area_id)):
            every_tally, due_tally = groups.get(key) or groups.setdefault(key, ({}, {}))
            every_tally[status] = every_tally.get(status, 0) + n
            if due:
                due_tally[status] = due_tally.get(status, 0) + n
    rows: list[dict] = []
    for (workstream_id, sub_area_id), (every_tally, due_tally) in groups.items():
        every = counts_of(every_tally)
        due = counts_of(due_tally)
        for measure, numerator, counts in (
            (Measure.READINESS_ACTIVE, every.active, every),
            (Measure.READINESS_DONE, every.done, every),
            (Measure.PROGRESS, due.started, due),
        ):
            rows.append(dict(
                measure=measure.value, workstream_id=workstream_id, sub_area_id=sub_area_id,
                share=share_of(numerator, counts.applicable), numerator=numerator,
                denominator=counts.applicable, denominator_is_national=False))
    return rows


def load_task_rows(session: Session) -> list[TaskRow]:
    return [TaskRow(*row) for row in session.execute(
        select(Task.id, Task.workstream_id, Task.sub_area_id, Task.due_date).order_by(Task.position))]


def _status(value) -> Status:
    """`Status(value)` without the enum call when it already is one (800 a sheet)."""
    return value if type(value) is Status else Status(value)


def record_task_submission(
    session: Session, *, region: Region, snapshot: Snapshot,
    statuses: Mapping[int, tuple[Status, str | None]], source_name: str | None = None,
    source_sha256: str | None = None, imported_by: str | None = None,
    is_synthetic: bool = False, tasks: Sequence[TaskRow] | None = None,
    correction_reason: str | None = None,
) -> Submission:
    """Store a region's statuses for a snapshot as a new revision, with its figures.
    (Who may send into which round is checked before, by `domain.rounds`.)"""
    submission = _new_submission(
        session, snapshot, region, TASKS_SCOPE, is_summary=False, is_synthetic=is_synthetic,
        source_name=source_name, source_sha256=source_sha256, imported_by=imported_by,
        correction_reason=correction_reason)
    typed = {task_id: _status(status) for task_id, (status, _) in statuses.items()}
    if statuses:
        # Core inserts (the tables, not the ORM classes): plain executemany, no ORM bulk
        # bookkeeping; an import writes ~400 statuses and ~100 figures. The submission's id is
        # read once (an ORM attribute) and `_value_` is the member's plain stored value.
        sid = submission.id
        _insert_many(session, TaskStatus.__table__, ("submission_id", "task_id", "status", "note"),
                     [(sid, task_id, typed[task_id]._value_, note)
                      for task_id, (_, note) in statuses.items()])
    rows = task_figures(tasks if tasks is not None else load_task_rows(session), typed,
                        snapshot.period)
    # A task-level revision is always what the dashboards show for its region and snapshot
    # (it wins over summaries): insert its figures active and retire the others in one
    # statement (what `refresh_active` would conclude, in a third of the statements).
    _insert_figures(session, submission, rows, active=True)
    session.execute(
        update(Figure).where(Figure.snapshot_id == snapshot.id, Figure.region_id == region.id,
                             Figure.active.is_(True), Figure.submission_id != submission.id)
        .values(active=False), execution_options={"synchronize_session": False})
    return submission


@dataclass(frozen=True)
class SummaryValue:
    """One cell of a national summary table, as imported."""

    measure: Measure
    workstream_id: int
    sub_area_id: int | None
    share: float
    national_count: int | None = None  # the table's "Tehtävien lkm yht." for the column


def record_summary_submission(
    session: Session, *, region: Region, snapshot: Snapshot, scope: str,
    values: Iterable[SummaryValue], source_name: str | None = None,
    source_sha256: str | None = None, imported_by: str | None = None,
    is_synthetic: bool = False,
) -> Submission:
    submission = _new_submission(
        session, snapshot, region, scope, is_summary=True, is_synthetic=is_synthetic,
        source_name=source_name, source_sha256=source_sha256, imported_by=imported_by)
    _insert_figures(session, submission, [
        dict(measure=v.measure.value, workstream_id=v.workstream_id, sub_area_id=v.sub_area_id,
             share=v.share, numerator=None, denominator=v.national_count,
             denominator_is_national=v.national_count is not None)
        for v in values])
    refresh_active(session, snapshot.id, region.id)
    return submission


def _insert_figures(session: Session, submission: Submission, rows: list[dict],
                    active: bool = False) -> None:
    if not rows:
        return
    columns = ("submission_id", "snapshot_id", "region_id", "active", "measure", "workstream_id",
               "sub_area_id", "share", "numerator", "denominator", "denominator_is_national")
    head = (submission.id, submission.snapshot_id, submission.region_id, active)
    _insert_many(session, Figure.__table__, columns, [
        (*head, row["measure"], row["workstream_id"], row["sub_area_id"], row["share"],
         row["numerator"], row["denominator"], row["denominator_is_national"]) for row in rows])


def _insert_many(session: Session, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """One driver-level executemany: an import writes ~400 statuses and ~100 figures, and
    SQLAlchemy's per-row parameter handling cost more than the database's own work. Plain
    values only (ints, strings, floats, booleans, None), which every driver takes as they are."""
    if not rows:
        return
    connection = session.connection()
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})", rows)


def install_reference_structure(session: Session, *, roadmap: bool = True
                                ) -> list[tuple[Workstream, SubArea]]:
    """The real workstreams, sub-areas and regions of `domain.reference`, written straight into
    an empty database, for tests and benches that then add their own tasks. (Users get the
    same structure from the roadmap workbook through `loaders.roadmap_workbook`.)"""
    if roadmap:
        session.add(Roadmap(name=reference.ROADMAP_NAME, target_date=reference.TARGET_DATE,
                            is_synthetic=True))
    areas: list[tuple[Workstream, SubArea]] = []
    for position, w in enumerate(reference.WORKSTREAMS):
        stream = Workstream(code=w.code, position=position, name_fi=w.fi, name_sv=w.sv,
                            name_en=w.en)
        session.add(stream)
        for sa in w.sub_areas:
            area = SubArea(letter=sa.letter, name_fi=sa.fi, name_sv=sa.sv, name_en=sa.en)
            stream.sub_areas.append(area)
            areas.append((stream, area))
    for position, r in enumerate(reference.REGIONS):
        session.add(Region(code=r.code, position=position, name_fi=r.fi, name_sv=r.sv,
                           name_en=r.en, reports_in_swedish=r.reports_in_swedish,
                           aliases=[RegionAlias(alias=alias) for alias in r.aliases]))
    session.flush()
    return areas
