"""Issue 11 (page speed at 368 organisations): the read-side short cuts give the same answers.

- a page's read session answers a repeated look-up once (`queries.remember_reads`), a writer's
  session never;
- `queries.heatmap_with_previous` equals two `queries.heatmap` calls;
- the national task counts ("Tehtävien lkm yht.") taken from the month's cells equal the
  counts read straight from the figures, as before."""
from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event, func, select

from dashboard.data import read_session
from domain import db, queries
from domain.metrics import Measure, View, quarter_end
from domain.schema import Figure, Snapshot, Task


@contextmanager
def _statements(url: str):
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_):
        seen.append(statement)

    engine = db.get_engine(url)
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _lookups(session):
    return (queries.workstreams(session), queries.regions(session),
            queries.snapshot(session, "2021-10"), queries.region(session, "lappi"),
            queries.snapshots(session), queries.previous_snapshot(session, "2021-12"))


def test_a_page_read_session_reads_each_lookup_once(demo_url):
    with read_session(demo_url) as session, _statements(demo_url) as seen:
        first = _lookups(session)
        asked = len(seen)
        again = _lookups(session)
        assert len(seen) == asked > 0
        assert [len(x) for x in first[:2]] == [len(x) for x in again[:2]]
        assert first[2] is again[2] and first[3].code == "lappi"
        again[1].clear()  # a caller changing its list does not change the next answer
        assert len(queries.regions(session)) == len(first[1]) > 0


def test_a_writer_session_is_never_answered_from_memory(demo_url):
    with db.session_factory(demo_url)() as session, _statements(demo_url) as seen:
        _lookups(session)
        asked = len(seen)
        _lookups(session)
        assert len(seen) == 2 * asked


def _national_counts_as_before(session, period: str) -> dict:
    """The counts as `columns_for` read them before: tasks due by the quarter's end, overridden
    by the largest national denominator among the month's active progress figures."""
    counts: dict = {}
    for ws_id, sa_id, n in session.execute(
            select(Task.workstream_id, Task.sub_area_id, func.count())
            .where(Task.due_date <= quarter_end(period))
            .group_by(Task.workstream_id, Task.sub_area_id)):
        counts[(ws_id, sa_id)] = n
        counts[(ws_id, None)] = counts.get((ws_id, None), 0) + n
    snapshot_id = session.scalar(select(Snapshot.id).where(Snapshot.period == period))
    for ws_id, sa_id, n in session.execute(
            select(Figure.workstream_id, Figure.sub_area_id, func.max(Figure.denominator))
            .where(Figure.snapshot_id == snapshot_id, Figure.measure == Measure.PROGRESS.value,
                   Figure.active.is_(True), Figure.denominator_is_national.is_(True))
            .group_by(Figure.workstream_id, Figure.sub_area_id)):
        if n is not None:
            counts[(ws_id, sa_id)] = n
    return counts


def test_heatmap_with_previous_and_national_counts_are_unchanged(demo_url):
    with db.session_factory(demo_url)() as s:
        periods = [snap.period for snap in queries.snapshots(s)]
        streams = [w.code for w in queries.workstreams(s)]
        assert len(periods) >= 2
        cases = [(View.READINESS, None), (View.PROGRESS, None)] + [
            (View.SUBAREAS, code) for code in streams]
        for period in periods:
            expected = _national_counts_as_before(s, period)
            before = queries.previous_snapshot(s, period)
            for view, ws in cases:
                hm, prev = queries.heatmap_with_previous(s, period, view, ws)
                alone = queries.heatmap(s, period, view, ws)
                assert (hm.cells, hm.columns) == (alone.cells, alone.columns)
                for col in hm.columns:
                    want = None if view is View.READINESS else expected.get(
                        (col.workstream.id, col.sub_area.id if col.sub_area else None))
                    assert col.national_count == want, (period, view, ws, col.key)
                if before is None:
                    assert prev is None
                else:
                    assert prev.snapshot.period == before.period
                    assert prev.cells == queries.heatmap(s, before.period, view, ws).cells
