"""Look-ups shared by every read: months and rounds, organisations, workstreams, the
roadmap, and the per-session memo of a page's reads (`remember_reads`)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..metrics import working_days
from ..schema import Figure, Region, Roadmap, Round, Snapshot, Submission, Workstream



READ_MEMO = "tilannekuva.read_memo"


def remember_reads(session: Session) -> Session:
    """Mark a read-only session (a page's, `dashboard.data.read_session`): the look-ups below
    that several functions of one page ask again (workstreams, organisations, a month's
    snapshot, a region…) are then read once per session. Nothing outlives the session, and a
    writer's session is never marked."""
    session.info[READ_MEMO] = {}
    return session


def _remembered(session: Session, key: tuple, load):
    memo = session.info.get(READ_MEMO)
    if memo is None:
        return load()
    if key not in memo:
        memo[key] = load()
    found = memo[key]
    return list(found) if isinstance(found, list) else found


def _published(stmt, include_unpublished: bool = False):
    """Only published rounds' snapshots, unless the caller may see open ones (coordinators,
    `dashboard.auth.sees_unpublished`). Published months are the national picture."""
    if include_unpublished:
        return stmt
    return stmt.join(Round, Round.snapshot_id == Snapshot.id).where(Round.state == "published")


def snapshots(session: Session, include_unpublished: bool = False) -> list[Snapshot]:
    """Snapshots oldest first: the published ones (the default of every view), or all."""
    return _remembered(session, ("snapshots", include_unpublished), lambda: list(
        session.scalars(_published(select(Snapshot), include_unpublished)
                        .order_by(Snapshot.period))))


def open_periods(session: Session) -> set[str]:
    """Months whose reporting round is open (not yet the national picture)."""
    return set(session.scalars(select(Snapshot.period).join(Round, Round.snapshot_id == Snapshot.id)
                               .where(Round.state == "open")))


def latest_published(session: Session) -> Snapshot | None:
    return _remembered(session, ("latest_published",), lambda: session.scalar(
        _published(select(Snapshot)).order_by(Snapshot.period.desc()).limit(1)))


def snapshot(session: Session, period: str) -> Snapshot | None:
    """The month's snapshot whatever its round's state (writers, and readers that checked)."""
    return _remembered(session, ("snapshot", period), lambda: session.scalar(
        select(Snapshot).where(Snapshot.period == period)))


def previous_snapshot(session: Session, period: str) -> Snapshot | None:
    """The latest published snapshot before `period` (changes are always against the
    published picture)."""
    return _remembered(session, ("previous_snapshot", period), lambda: session.scalar(
        _published(select(Snapshot)).where(Snapshot.period < period)
        .order_by(Snapshot.period.desc()).limit(1)))


def regions(session: Session) -> list[Region]:
    return _remembered(session, ("regions",), lambda: list(
        session.scalars(select(Region).order_by(Region.position))))


def region_rows(session: Session) -> list:
    """The organisations in the slides' order as read-only rows with `Region`'s columns as
    attributes (`code`, `name_fi`, …): what the heatmap and the trends show. A page reads all
    368 of them; rows cost a third of ORM objects. Writers use `regions`."""
    return _remembered(session, ("region_rows",), lambda: session.execute(
        select(*Region.__table__.columns).order_by(Region.position)).all())


def workstreams(session: Session) -> list[Workstream]:
    """Workstreams in order, their sub-areas loaded in one extra statement (not one lazy load
    per workstream in every function of a page)."""
    return _remembered(session, ("workstreams",), lambda: list(
        session.scalars(select(Workstream).order_by(Workstream.position)
                        .options(selectinload(Workstream.sub_areas)))))


def roadmap(session: Session) -> Roadmap | None:
    return session.scalar(select(Roadmap).order_by(Roadmap.id.desc()).limit(1))


def _figures_version(session: Session) -> int | None:
    """The largest figure id: what tells whether kept figures still hold (`_trend_values`)."""
    return _remembered(session, ("figures_version",),
                       lambda: session.scalar(select(func.max(Figure.id))))


def working_days_left(snap: Snapshot, target: dt.date) -> int:
    return working_days(snap.report_date, target)


def latest_task_statuses(session: Session, region_id: int, up_to_period: str | None = None,
                         ) -> tuple[Snapshot | None, dict[int, tuple[str, str | None]]]:
    """A region's most recent task-level statuses (current revision) up to a period: the
    snapshot and {task id: (status value, note)}. Used to prefill the regional template and to
    compare an upload with what came before. (None, {}) when the region has no task data."""
    from ..schema import TaskStatus

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
