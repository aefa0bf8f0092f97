"""The demo's reporting rounds: every synthetic month goes through the monthly cycle (opened,
the regions' sheets imported into it, published), and the month after the last one is left
OPEN with a few regions already sent, so a newcomer sees the submission board, the incomplete
marker and a region's upload page working at once.

The sheets go through the same `import_status` (and the same round checks) as a user's files.
Sending times of the published synthetic months are set to plausible days before each deadline
(one laggard after it), so the board's history reads like a real one; they are synthetic, like
the sheets.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select, update

from domain import db, rounds
from domain.schema import Region, Snapshot, Submission
from domain.store import default_report_date

from . import status_sheet

# Regions that have already sent the open month in the demo (Kainuu's demo user sees its sheet
# as sent; Pohjanmaa's can try sending).
OPEN_ROUND_SENT = ("etela-karjala", "etela-savo", "kainuu", "keski-suomi", "lappi",
                   "pirkanmaa", "satakunta")
LATE_REGION = "lansi-uusimaa"  # sends a day after the deadline in the published months
DEADLINE_AFTER_REPORT = dt.timedelta(days=7)
OPEN_DEADLINE_FROM_TODAY = dt.timedelta(days=14)
BY = "demo"


def _period_of(path: Path) -> str:
    return path.name[:7]


def _region_of(path: Path) -> str:
    return path.stem[8:]


def run_rounds(url: str | None, periods: list[str], open_period: str,
               paths: list[Path]) -> list[Path]:
    """Open, fill and publish each of `periods`; open `open_period` with OPEN_ROUND_SENT sent.
    Returns the files imported."""
    imported: list[Path] = []
    for period in periods + [open_period]:
        report = default_report_date(period)
        deadline = report + DEADLINE_AFTER_REPORT
        if period == open_period:  # nobody is late yet in the open round of a fresh demo
            deadline = max(deadline, dt.date.today() + OPEN_DEADLINE_FROM_TODAY)
        with db.transaction(url) as session:
            rounds.open_round(session, period, deadline, report, by=BY)
        for path in paths:
            if _period_of(path) != period:
                continue
            if period == open_period and _region_of(path) not in OPEN_ROUND_SENT:
                continue
            status_sheet.import_status(url, path, is_synthetic=True, source_name=path.name,
                                       imported_by=BY)
            imported.append(path)
        if period != open_period:
            with db.transaction(url) as session:
                _backdate(session, period, deadline)
                rounds.publish_round(session, period, by=BY)
    return imported


def _backdate(session, period: str, deadline: dt.date) -> None:
    """Synthetic sending times: 0–4 days before the deadline at 9–13 UTC; the laggard a day
    after it."""
    snap_id = session.scalar(select(Snapshot.id).where(Snapshot.period == period))
    for region in session.scalars(select(Region).order_by(Region.position)):
        day = deadline + dt.timedelta(days=1) if region.code == LATE_REGION else \
            deadline - dt.timedelta(days=region.position % 5)
        at = dt.datetime.combine(day, dt.time(9 + region.position % 5, 7 * region.position % 60))
        session.execute(update(Submission).where(Submission.snapshot_id == snap_id,
                                                 Submission.region_id == region.id)
                        .values(imported_at=at))
