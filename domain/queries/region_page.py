"""The region page's reads: one region's figures, its task table with the late flag, and the
status changes since the previous month. Stored `Figure` rows, or the task rows of one
region's current revision; nothing re-aggregates task rows into percentages."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..metrics import Measure
from ..schema import Figure, Region, Snapshot, SubArea, Submission, Task, Workstream
from ._common import _remembered, previous_snapshot, snapshot, workstreams
from .heatmaps import NO_DATA, Cell


@dataclass(frozen=True)
class RegionFigures:
    """One region's active figures of one snapshot, keyed (workstream code, letter|None, measure)."""

    snapshot: Snapshot
    region: Region
    workstreams: list[Workstream]
    cells: dict[tuple[str, str | None, str], Cell]
    has_tasks: bool  # the region's current data has task rows (False: summary-only or none)

    def cell(self, workstream_code: str, letter: str | None, measure: Measure | str) -> Cell:
        return self.cells.get((workstream_code, letter, Measure(measure).value), NO_DATA)


def region(session: Session, code: str) -> Region | None:
    return _remembered(session, ("region", code), lambda: session.scalar(
        select(Region).where(Region.code == code)))


def _has_tasks(session: Session, snapshot_id: int, region_id: int) -> bool:
    return bool(session.scalar(
        select(func.count()).select_from(Submission).where(
            Submission.snapshot_id == snapshot_id, Submission.region_id == region_id,
            Submission.is_current.is_(True), Submission.is_summary.is_(False))))


def region_figures(session: Session, period: str, region_code: str) -> RegionFigures:
    snap = snapshot(session, period)
    reg = region(session, region_code)
    if snap is None or reg is None:
        raise LookupError(f"no snapshot {period} or region {region_code}")
    streams = workstreams(session)
    by_ws = {w.id: w for w in streams}
    letters = {sa.id: sa.letter for w in streams for sa in w.sub_areas}
    cells: dict[tuple[str, str | None, str], Cell] = {}
    for ws_id, sa_id, measure, share, num, den, national in session.execute(
            select(Figure.workstream_id, Figure.sub_area_id, Figure.measure, Figure.share,
                   Figure.numerator, Figure.denominator, Figure.denominator_is_national)
            .where(Figure.snapshot_id == snap.id, Figure.region_id == reg.id,
                   Figure.active.is_(True))):
        cells[(by_ws[ws_id].code, letters.get(sa_id), measure)] = Cell(share, num, den, national)
    return RegionFigures(snap, reg, streams, cells, _has_tasks(session, snap.id, reg.id))


@dataclass(frozen=True)
class TaskLine:
    """One row of a region's task table."""

    code: str
    workstream_code: str
    workstream: Workstream
    sub_area: SubArea
    title_fi: str
    title_sv: str | None
    due_date: dt.date
    due_label: str
    status: str  # domain.vocabulary.Status value
    note: str | None
    late: bool  # past due at the report date and not done (not-applicable tasks never late)


def _current_task_submission(session: Session, snapshot_id: int, region_id: int) -> int | None:
    return _remembered(session, ("task_submission", snapshot_id, region_id), lambda: session.scalar(
        select(Submission.id).where(
            Submission.snapshot_id == snapshot_id, Submission.region_id == region_id,
            Submission.is_current.is_(True), Submission.is_summary.is_(False))
        .order_by(Submission.revision.desc()).limit(1)))


def task_table(session: Session, period: str, region_code: str) -> list[TaskLine]:
    """The region's tasks with their status in the snapshot; [] when it has no task rows."""
    from ..schema import TaskStatus
    from ..vocabulary import Status

    snap = snapshot(session, period)
    reg = region(session, region_code)
    if snap is None or reg is None:
        return []
    sub_id = _current_task_submission(session, snap.id, reg.id)
    if sub_id is None:
        return []
    streams = {w.id: w for w in workstreams(session)}
    areas = {sa.id: sa for w in streams.values() for sa in w.sub_areas}
    rows = session.execute(
        select(Task.code, Task.workstream_id, Task.sub_area_id, Task.title_fi, Task.title_sv,
               Task.due_date, Task.due_label, TaskStatus.status, TaskStatus.note)
        .join(TaskStatus, TaskStatus.task_id == Task.id)
        .where(TaskStatus.submission_id == sub_id)
        .order_by(Task.position))
    lines = []
    for code, ws_id, sa_id, title_fi, title_sv, due, due_label, status, note in rows:
        st = Status(status)
        late = due < snap.report_date and st.is_applicable and not st.is_done
        ws = streams[ws_id]
        lines.append(TaskLine(code, ws.code, ws, areas[sa_id], title_fi, title_sv, due, due_label,
                              status, note, late))
    return lines


@dataclass(frozen=True)
class StatusChange:
    code: str
    workstream: Workstream
    sub_area: SubArea
    title_fi: str
    title_sv: str | None
    before: str | None  # Status value in the previous snapshot (None: not reported then)
    after: str


def status_changes(session: Session, period: str, region_code: str) -> list[StatusChange]:
    """Tasks whose status differs from the region's previous snapshot (task-level data only)."""
    from sqlalchemy.orm import aliased

    from ..schema import TaskStatus

    snap = snapshot(session, period)
    prev = previous_snapshot(session, period)
    reg = region(session, region_code)
    if snap is None or prev is None or reg is None:
        return []
    now_id = _current_task_submission(session, snap.id, reg.id)
    before_id = _current_task_submission(session, prev.id, reg.id)
    if now_id is None or before_id is None:
        return []
    now, before = aliased(TaskStatus), aliased(TaskStatus)
    streams = {w.id: w for w in workstreams(session)}
    areas = {sa.id: sa for w in streams.values() for sa in w.sub_areas}
    rows = session.execute(
        select(Task.code, Task.workstream_id, Task.sub_area_id, Task.title_fi, Task.title_sv,
               before.status, now.status)
        .join(now, (now.task_id == Task.id) & (now.submission_id == now_id))
        .outerjoin(before, (before.task_id == Task.id) & (before.submission_id == before_id))
        .where((before.status.is_(None)) | (before.status != now.status))
        .order_by(Task.position))
    return [StatusChange(code, streams[ws], areas[sa], tf, ts, b, a)
            for code, ws, sa, tf, ts, b, a in rows]
