"""The demo database: the real 10/21 national tables plus synthetic monthly regional sheets.

Everything goes through the same loaders a user's files go through: the files are written to a
folder first (as real xlsx) and then imported one by one.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlalchemy import func, select

from domain import db
from domain.metrics import next_period
from domain.schema import Snapshot, Submission

from . import demo_rounds, reference_tables, roadmap_workbook, summary_tables, synthetic_sheets

REAL_PERIOD = "2021-10"
REAL_REPORT_DATE = dt.date(2021, 12, 9)  # the VM/STM slides of 9.12.2021


def demo_periods(first: str = "2021-11", last: str = "2022-12") -> list[str]:
    periods = [first]
    while next_period(periods[-1]) <= last:
        periods.append(next_period(periods[-1]))
    return periods


@dataclass
class DemoReport:
    files: list[Path] = field(default_factory=list)
    snapshots: int = 0
    submissions: int = 0


def is_empty(url: str | None = None) -> bool:
    """True when the database holds no snapshot yet (the demo is built on first start)."""
    with db.session_factory(url)() as session:
        return not session.scalar(select(func.count()).select_from(Snapshot))


def mark_as_demo(url: str | None = None) -> None:
    """Mark the database as a demo before anything is written into it. Refused (TranslatableError
    "security.not_empty") when it already holds a roadmap, users or data and is not a demo:
    the demo and its published passwords never go into a real database."""
    from domain.auth_store import DEMO, db_kind, mark_kind
    from domain.i18n import TranslatableError
    from domain.schema import Region, User

    with db.transaction(url) as session:
        if db_kind(session) != DEMO and any(
                session.scalar(select(func.count()).select_from(table))
                for table in (Region, User, Snapshot)):
            raise TranslatableError("security.not_empty")
        mark_kind(session, DEMO)


def build_demo(url: str | None = None, workdir: str | Path | None = None,
               periods: list[str] | None = None,
               progress: Callable[[str], None] | None = None,
               csv_dir: str | Path | None = None) -> DemoReport:
    """Write the demo's files into `workdir` (default data/demo/) and import them into `url`."""
    say = progress or (lambda _msg: None)
    mark_as_demo(url)
    workdir = Path(workdir or db.PROJECT_ROOT / "data" / "demo")
    workdir.mkdir(parents=True, exist_ok=True)
    report = DemoReport()

    roadmap_path = roadmap_workbook.write_roadmap_workbook(workdir / "tiekartta.xlsx")
    roadmap_workbook.import_roadmap(url, roadmap_path)
    report.files.append(roadmap_path)
    say(f"tiekartta: {roadmap_path.name}")

    tables = reference_tables.write_reference_workbooks(Path(csv_dir or reference_tables.SHIPPED_CSV_DIR),
                                                        workdir / REAL_PERIOD)
    for view, path in tables.items():
        summary_tables.import_summary(url, path, REAL_PERIOD, measure=view,
                                      workstream="yp" if view == "subareas" else None,
                                      report_date=REAL_REPORT_DATE, source_name=path.name)
        report.files.append(path)
        say(f"{REAL_PERIOD}: {path.name}")

    periods = periods if periods is not None else demo_periods()
    open_period = next_period(periods[-1])  # left open, a few regions sent (demo_rounds)
    with db.session_factory(url)() as session:
        # One call for all months: the generator evolves each task's status month by month.
        paths = synthetic_sheets.write_synthetic_sheets(session, workdir / "synthetic",
                                                        periods + [open_period])
    report.files += demo_rounds.run_rounds(url, periods, open_period, paths)
    with db.transaction(url) as session:
        session.execute(Snapshot.__table__.update()
                        .where(Snapshot.period.in_(periods + [open_period]))
                        .values(is_synthetic=True))
    say(f"{len(periods)} kuukautta, {len(paths)} aluetaulukkoa")

    with db.session_factory(url)() as session:
        report.snapshots = session.scalar(select(func.count()).select_from(Snapshot))
        report.submissions = session.scalar(select(func.count()).select_from(Submission))
    return report
