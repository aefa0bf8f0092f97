"""Read side: the one data-access module for pages, exports and the CLI.

`heatmap()` returns the matrix exactly as the heatmap shows it: regions in the slides' order,
columns as on the official slides, each cell with its exact share, whole percent, band and
counts. It reads stored figures only (never task rows), so it stays fast at any size.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .metrics import Measure, View, band_of_share, quarter_end, shown_percent
from .schema import Figure, Region, Roadmap, Snapshot, SubArea, Submission, Task, Workstream


@dataclass(frozen=True)
class Column:
    """One heatmap column: a measure of a workstream, or of one of its sub-areas."""

    key: str  # stable, e.g. "htt:readiness_active", "yp:progress", "yp:C:progress"
    workstream_code: str
    measure: Measure
    sub_area_letter: str | None = None
    # resolved names for display (the caller picks the language)
    workstream: Workstream | None = field(default=None, compare=False, repr=False)
    sub_area: SubArea | None = field(default=None, compare=False, repr=False)
    national_count: int | None = None  # "Tehtävien lkm yht." where the view shows it


@dataclass(frozen=True)
class Cell:
    share: float | None = None  # exact percent; None: no data
    numerator: int | None = None
    denominator: int | None = None
    denominator_is_national: bool = False

    @property
    def percent(self) -> int | None:
        return shown_percent(self.share)

    @property
    def band(self) -> int | None:
        return band_of_share(self.share)


NO_DATA = Cell()


@dataclass
class Heatmap:
    snapshot: Snapshot
    view: View
    workstream_code: str | None
    regions: list[Region]
    columns: list[Column]
    cells: dict[tuple[str, str], Cell]  # (region code, column key) -> cell
    summary_only: bool  # no region has task-level data in this snapshot

    def cell(self, region_code: str, column_key: str) -> Cell:
        return self.cells.get((region_code, column_key), NO_DATA)

    def row(self, region_code: str) -> list[Cell]:
        return [self.cell(region_code, c.key) for c in self.columns]


def snapshots(session: Session) -> list[Snapshot]:
    return list(session.scalars(select(Snapshot).order_by(Snapshot.period)))


def snapshot(session: Session, period: str) -> Snapshot | None:
    return session.scalar(select(Snapshot).where(Snapshot.period == period))


def previous_snapshot(session: Session, period: str) -> Snapshot | None:
    return session.scalar(select(Snapshot).where(Snapshot.period < period)
                          .order_by(Snapshot.period.desc()).limit(1))


def regions(session: Session) -> list[Region]:
    return list(session.scalars(select(Region).order_by(Region.position)))


def workstreams(session: Session) -> list[Workstream]:
    return list(session.scalars(select(Workstream).order_by(Workstream.position)))


def roadmap(session: Session) -> Roadmap | None:
    return session.scalar(select(Roadmap).order_by(Roadmap.id.desc()).limit(1))


def columns_for(session: Session, view: View, workstream_code: str | None = None,
                period: str | None = None) -> list[Column]:
    streams = workstreams(session)
    if view is View.READINESS:
        return [Column(f"{w.code}:{m.value}", w.code, m, workstream=w)
                for w in streams for m in (Measure.READINESS_ACTIVE, Measure.READINESS_DONE)]
    counts = _national_due_counts(session, period) if period else {}
    if view is View.PROGRESS:
        return [Column(f"{w.code}:{Measure.PROGRESS.value}", w.code, Measure.PROGRESS,
                       workstream=w, national_count=counts.get((w.id, None)))
                for w in streams]
    stream = next((w for w in streams if w.code == workstream_code), None)
    if stream is None:
        raise ValueError(f"unknown workstream {workstream_code!r}")
    cols = [Column(f"{stream.code}:{Measure.PROGRESS.value}", stream.code, Measure.PROGRESS,
                   workstream=stream, national_count=counts.get((stream.id, None)))]
    cols += [Column(f"{stream.code}:{sa.letter}:{Measure.PROGRESS.value}", stream.code,
                    Measure.PROGRESS, sa.letter, workstream=stream, sub_area=sa,
                    national_count=counts.get((stream.id, sa.id)))
             for sa in stream.sub_areas]
    return cols


def _national_due_counts(session: Session, period: str) -> dict[tuple[int, int | None], int]:
    """'Tehtävien lkm yht.': tasks due by the quarter's end, per workstream and sub-area.

    An imported summary table's own header counts win for its snapshot; otherwise the roadmap's
    task list gives them."""
    counts: dict[tuple[int, int | None], int] = {}
    horizon = quarter_end(period)
    for ws_id, sa_id, n in session.execute(
            select(Task.workstream_id, Task.sub_area_id, func.count())
            .where(Task.due_date <= horizon).group_by(Task.workstream_id, Task.sub_area_id)):
        counts[(ws_id, sa_id)] = n
        counts[(ws_id, None)] = counts.get((ws_id, None), 0) + n
    for ws_id, sa_id, n in session.execute(
            select(Figure.workstream_id, Figure.sub_area_id, func.max(Figure.denominator))
            .join(Snapshot, Snapshot.id == Figure.snapshot_id)
            .where(Snapshot.period == period, Figure.measure == Measure.PROGRESS.value,
                   Figure.active.is_(True), Figure.denominator_is_national.is_(True))
            .group_by(Figure.workstream_id, Figure.sub_area_id)):
        if n is not None:
            counts[(ws_id, sa_id)] = n
    return counts


def heatmap(session: Session, period: str, view: View | str,
            workstream_code: str | None = None) -> Heatmap:
    view = View(view)
    snap = snapshot(session, period)
    if snap is None:
        raise LookupError(f"no snapshot {period}")
    cols = columns_for(session, view, workstream_code, period)
    by_ids = {(c.workstream.id, c.sub_area.id if c.sub_area else None, c.measure.value): c.key
              for c in cols}
    stmt = (select(Region.code, Figure.workstream_id, Figure.sub_area_id, Figure.measure,
                   Figure.share, Figure.numerator, Figure.denominator,
                   Figure.denominator_is_national)
            .join(Region, Region.id == Figure.region_id)
            .where(Figure.snapshot_id == snap.id, Figure.active.is_(True),
                   Figure.measure.in_({c.measure.value for c in cols}),
                   Figure.workstream_id.in_({c.workstream.id for c in cols})))
    cells: dict[tuple[str, str], Cell] = {}
    for code, ws_id, sa_id, measure, share, num, den, national in session.execute(stmt):
        key = by_ids.get((ws_id, sa_id, measure))
        if key is not None:
            cells[(code, key)] = Cell(share, num, den, national)
    has_tasks = session.scalar(
        select(func.count()).select_from(Submission).where(
            Submission.snapshot_id == snap.id, Submission.is_current.is_(True),
            Submission.is_summary.is_(False))) > 0
    return Heatmap(snap, view, workstream_code, regions(session), cols, cells, not has_tasks)


def working_days_left(snap: Snapshot, target: dt.date) -> int:
    from .metrics import working_days

    return working_days(snap.report_date, target)


def latest_task_statuses(session: Session, region_id: int, up_to_period: str | None = None,
                         ) -> tuple[Snapshot | None, dict[int, tuple[str, str | None]]]:
    """A region's most recent task-level statuses (current revision) up to a period: the
    snapshot and {task id: (status value, note)}. Used to prefill the regional template and to
    compare an upload with what came before. (None, {}) when the region has no task data."""
    from .schema import TaskStatus

    stmt = (select(Submission.id, Snapshot)
            .join(Snapshot, Snapshot.id == Submission.snapshot_id)
            .where(Submission.region_id == region_id, Submission.scope == "tasks",
                   Submission.is_current.is_(True)))
    if up_to_period is not None:
        stmt = stmt.where(Snapshot.period <= up_to_period)
    found = session.execute(stmt.order_by(Snapshot.period.desc()).limit(1)).first()
    if found is None:
        return None, {}
    submission_id, snap = found
    rows = session.execute(select(TaskStatus.task_id, TaskStatus.status, TaskStatus.note)
                           .where(TaskStatus.submission_id == submission_id))
    return snap, {task_id: (status, note) for task_id, status, note in rows}
