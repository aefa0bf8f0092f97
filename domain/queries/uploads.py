"""The monthly upload's reads: the baseline of a preview, the upload log and a kept original."""
from __future__ import annotations


from sqlalchemy import select
from sqlalchemy.orm import Session

from ..schema import Figure, Snapshot, Submission



def region_baseline_period(session: Session, region_id: int, period: str) -> str | None:
    """The snapshot an upload for `period` is compared with: the region's own current data for
    that period if any (a re-upload), else its latest earlier snapshot with figures."""
    return session.scalar(
        select(Snapshot.period).join(Figure, Figure.snapshot_id == Snapshot.id)
        .where(Figure.region_id == region_id, Figure.active.is_(True), Snapshot.period <= period)
        .order_by(Snapshot.period.desc()).limit(1))


def current_task_revision(session: Session, region_id: int, period: str) -> int | None:
    """The revision number of the region's current task-level data for a period, or None."""
    return session.scalar(
        select(Submission.revision).join(Snapshot, Snapshot.id == Submission.snapshot_id)
        .where(Submission.region_id == region_id, Snapshot.period == period,
               Submission.scope == "tasks", Submission.is_current.is_(True)))


def upload_log(session: Session, region_id: int | None = None, limit: int = 500) -> list:
    """The newest uploads first (without the files' bytes)."""
    from ..schema import Upload

    stmt = select(Upload).order_by(Upload.created_at.desc(), Upload.id.desc()).limit(limit)
    if region_id is not None:
        stmt = stmt.where(Upload.region_id == region_id)
    return list(session.scalars(stmt))


def upload_original(session: Session, upload_id: int):
    """(Upload row, bytes) of one upload, or (None, None)."""
    from ..schema import Upload, UploadFile

    upload = session.get(Upload, upload_id)
    if upload is None:
        return None, None
    stored = session.get(UploadFile, upload_id)
    return upload, stored.content if stored else None
