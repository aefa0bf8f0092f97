"""Fixtures of the export tests: one small real SQLite database and one kept browser per module.

The database is written through `domain.store` (the same write side the loaders use): the real
structure from `domain.reference`, two tasks per sub-area, a summary-only snapshot 2021-10 (as
imported from the national tables; HUS without data) and two task-level months 2021-11 and
2021-12 (HUS reports nothing in 11/2021).
"""
from __future__ import annotations

import datetime as dt
import io
import random

import pytest

from domain import db, store
from domain.metrics import Measure
from domain.schema import Region, Task, Workstream
from domain.vocabulary import Status

PERIODS = ("2021-10", "2021-11", "2021-12")
DUES = (dt.date(2021, 12, 31), dt.date(2022, 6, 30))


def _structure(session) -> None:
    position = 0
    for stream, area in store.install_reference_structure(session):
        for j, due in enumerate(DUES):
            position += 1
            session.add(Task(code=f"{stream.code.upper()}-{area.letter}-{j + 1:03d}",
                             workstream_id=stream.id, sub_area_id=area.id,
                             title_fi=f"Tehtävä {position}", due_date=due,
                             due_label="Q4/2021" if j == 0 else "Q2/2022", position=position))
    session.flush()


def seed(url: str) -> str:
    rng = random.Random(20211209)
    with db.transaction(url) as session:
        _structure(session)
        regions = session.query(Region).order_by(Region.position).all()
        streams = session.query(Workstream).order_by(Workstream.position).all()
        # 10/2021: national summary tables only (no task rows), HUS without data.
        snap = store.ensure_snapshot(session, "2021-10", dt.date(2021, 12, 9))
        for region in regions:
            if region.code == "hus":
                continue
            values = [store.SummaryValue(Measure.PROGRESS, w.id, None, rng.randint(5, 95), 20)
                      for w in streams]
            store.record_summary_submission(session, region=region, snapshot=snap,
                                            scope=store.summary_scope("progress"), values=values)
            values = [store.SummaryValue(m, w.id, None, rng.randint(0, 60))
                      for w in streams for m in (Measure.READINESS_ACTIVE, Measure.READINESS_DONE)]
            store.record_summary_submission(session, region=region, snapshot=snap,
                                            scope=store.summary_scope("readiness"), values=values)
        # 11/2021 and 12/2021: task-level sheets; statuses move forward month by month.
        tasks = store.load_task_rows(session)
        state: dict[tuple[str, int], Status] = {}
        for period in PERIODS[1:]:
            snap = store.ensure_snapshot(session, period, is_synthetic=True)
            for region in regions:
                if region.code == "hus" and period == "2021-11":
                    continue
                statuses = {}
                for task in tasks:
                    before = state.get((region.code, task.id))
                    if before is None:
                        now = rng.choice([Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE,
                                          Status.NOT_STARTED, Status.NOT_APPLICABLE])
                    elif before is Status.NOT_STARTED and rng.random() < 0.5:
                        now = Status.IN_PROGRESS
                    elif before is Status.IN_PROGRESS and rng.random() < 0.4:
                        now = Status.DONE
                    else:
                        now = before
                    state[(region.code, task.id)] = now
                    statuses[task.id] = (now, None)
                store.record_task_submission(session, region=region, snapshot=snap,
                                             statuses=statuses, tasks=tasks, is_synthetic=True)
    return url


@pytest.fixture(scope="session")
def export_db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("export-db") / "export.sqlite"
    url = f"sqlite:///{path}"
    db.get_engine(url)
    from domain.auth_store import DEMO, mark_kind

    with db.transaction(url) as session:  # synthetic test data, open like the demo
        mark_kind(session, DEMO)
    return seed(url)


@pytest.fixture(scope="module")
def renderer():
    """One kept browser for a whole test module: starting Chromium costs seconds."""
    from dashboard.export.renderer import SlideRenderer

    r = SlideRenderer(timeout=60, start_timeout=90)
    yield r
    r.close()


def png_stats(data: bytes) -> tuple[tuple[int, int], int, float]:
    """(size, number of distinct colours, grey-level standard deviation) of a PNG."""
    from PIL import Image, ImageStat

    image = Image.open(io.BytesIO(data))
    image.load()
    rgb = image.convert("RGB")
    colours = rgb.getcolors(maxcolors=1 << 20) or []
    stddev = ImageStat.Stat(rgb.convert("L")).stddev[0]
    return image.size, len(colours), stddev


@pytest.fixture(scope="session")
def demo_db(demo_url) -> str:
    """The lead's demo through the real loaders: the real 10/21 national tables and two
    synthetic months (shared by the whole test session, read-only)."""
    return demo_url
