"""Write side (revisions, stored figures) and read side (the heatmap matrix, `show`)."""
from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import func, select

from domain import db, queries, store
from domain.metrics import Measure
from domain.schema import Figure, Region, Submission, Task, TaskStatus, Workstream
from domain.vocabulary import Status
from tilannekuva.cli import cli


def _statuses(session, pick):
    return {task.id: (pick(task), None) for task in session.scalars(select(Task))}


def _submit_all(url, region_code, period, status):
    """A region's new revision for a month with every task in one status, committed."""
    with db.transaction(url) as s:
        region = s.scalar(select(Region).where(Region.code == region_code))
        store.record_task_submission(s, region=region, snapshot=store.ensure_snapshot(s, period),
                                     statuses=_statuses(s, lambda t: status))


def test_revisions_keep_the_earlier_import_for_audit(structure_db):
    with db.transaction(structure_db) as s:
        region = s.scalar(select(Region).where(Region.code == "lappi"))
        snap = store.ensure_snapshot(s, "2021-11")
        store.record_task_submission(s, region=region, snapshot=snap,
                                     statuses=_statuses(s, lambda t: Status.NOT_STARTED))
        store.record_task_submission(s, region=region, snapshot=snap,
                                     statuses=_statuses(s, lambda t: Status.DONE))
    with db.session_factory(structure_db)() as s:
        subs = s.scalars(select(Submission).order_by(Submission.revision)).all()
        assert [(x.revision, x.is_current) for x in subs] == [(1, False), (2, True)]
        assert s.scalar(select(func.count()).select_from(TaskStatus)) == 2 * 90  # 30 sub-areas × 3 tasks
        hm = queries.heatmap(s, "2021-11", "readiness")
        assert hm.cell("lappi", "htt:readiness_done").percent == 100
        assert hm.cell("lappi", "htt:readiness_done").denominator == 24
        assert hm.cell("kainuu", "htt:readiness_done").percent is None


def test_not_applicable_and_progress_horizon(structure_db):
    with db.transaction(structure_db) as s:
        region = s.scalar(select(Region).where(Region.code == "kainuu"))
        snap = store.ensure_snapshot(s, "2021-10")

        def pick(task):  # first task of a sub-area n/a, second done, the later one in progress
            return {1: Status.NOT_APPLICABLE, 2: Status.DONE, 3: Status.IN_PROGRESS}[
                int(task.code[-1])]
        store.record_task_submission(s, region=region, snapshot=snap, statuses=_statuses(s, pick))
    with db.session_factory(structure_db)() as s:
        progress = queries.heatmap(s, "2021-10", "progress").cell("kainuu", "yp:progress")
        # due by Q4/2021: 2 per sub-area, one of them n/a -> 5 applicable, all done
        assert (progress.numerator, progress.denominator, progress.percent) == (5, 5, 100)
        active = queries.heatmap(s, "2021-10", "readiness").cell("kainuu", "yp:readiness_active")
        assert (active.numerator, active.denominator, active.percent) == (5, 10, 50)


def test_task_level_figures_win_over_an_imported_summary(structure_db):
    with db.transaction(structure_db) as s:
        region = s.scalar(select(Region).where(Region.code == "lappi"))
        ws = s.scalar(select(Workstream).where(Workstream.code == "ict"))
        snap = store.ensure_snapshot(s, "2021-10")
        store.record_summary_submission(
            s, region=region, snapshot=snap, scope=store.summary_scope("progress"),
            values=[store.SummaryValue(Measure.PROGRESS, ws.id, None, 73.0, 55)])
    with db.session_factory(structure_db)() as s:
        hm = queries.heatmap(s, "2021-10", "progress")
        cell = hm.cell("lappi", "ict:progress")
        assert (cell.percent, cell.band, cell.denominator_is_national) == (73, 3, True)
        assert hm.summary_only
        assert [c.national_count for c in hm.columns][-1] == 55
    _submit_all(structure_db, "lappi", "2021-10", Status.NOT_STARTED)
    with db.session_factory(structure_db)() as s:
        hm = queries.heatmap(s, "2021-10", "progress")
        assert hm.cell("lappi", "ict:progress").percent == 0
        assert not hm.summary_only
        assert s.scalar(select(func.count()).select_from(Figure)
                        .where(Figure.active.is_(True), Figure.denominator_is_national)) == 0


def test_show_prints_the_matrix_in_slide_order(structure_db):
    with db.transaction(structure_db) as s:
        snap = store.ensure_snapshot(s, "2022-01")
        for region in s.scalars(select(Region).where(Region.code.in_(["lappi", "kainuu"]))):
            store.record_task_submission(s, region=region, snapshot=snap,
                                         statuses=_statuses(s, lambda t: Status.ON_SCHEDULE))
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", structure_db, "show", "--period", "2022-01",
                                 "--measure", "progress", "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert [r["region"] for r in doc["rows"]][:5] == [
        "etela-karjala", "etela-pohjanmaa", "etela-savo", "helsinki", "hus"]
    kainuu = next(r for r in doc["rows"] if r["region"] == "kainuu")
    assert kainuu["cells"][0] == {"column": "htt:progress", "percent": 100, "band": 4,
                                  "numerator": 16, "denominator": 16}
    hus = next(r for r in doc["rows"] if r["region"] == "hus")
    assert all(c["percent"] is None and c["band"] is None for c in hus["cells"])
    assert doc["columns"][0]["task_count"] == 16  # 8 sub-areas × 2 tasks due by Q1/2022
    table = runner.invoke(cli, ["--db", structure_db, "--lang", "sv", "show", "--period",
                                "2022-01", "--measure", "progress"])
    assert "Kajanaland" in table.output and "100 % [4]" in table.output
    missing = runner.invoke(cli, ["--db", structure_db, "show", "--period", "2030-01",
                                  "--measure", "progress"])
    assert missing.exit_code == 2 and "2022-01" in missing.output


def test_heatmap_reads_by_snapshot_whatever_the_statistics(structure_db):
    """Issue 11: without planner statistics SQLite searched the sub-area heatmap by
    ix_figure_trend (every snapshot's rows of the workstream), so the page grew with history.
    The query must search by snapshot; and a task revision's figures replace the earlier ones
    through the (snapshot, region) index."""
    from sqlalchemy import event, text

    with db.transaction(structure_db) as s:
        region = s.scalar(select(Region).where(Region.code == "kainuu"))
        for period in ("2021-10", "2021-11"):
            snap = store.ensure_snapshot(s, period)
            for _ in range(2):
                store.record_task_submission(s, region=region, snapshot=snap,
                                             statuses=_statuses(s, lambda t: Status.DONE))
    engine = db.get_engine(structure_db)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS sqlite_stat1"))
    seen: list[tuple[str, tuple]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many):
        if "FROM figure JOIN region" in statement:
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        with db.session_factory(structure_db)() as s:
            for view, ws in (("subareas", "yp"), ("readiness", None), ("progress", None)):
                assert queries.heatmap(s, "2021-11", view, ws).cell("kainuu", (
                    "yp:progress" if view != "readiness" else "yp:readiness_done")).percent == 100
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert len(seen) == 3
    with engine.connect() as conn:
        for statement, parameters in seen:
            plan = " ".join(str(row) for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters))
            assert "ix_figure_view" in plan and "ix_figure_trend" not in plan, plan
        active = conn.execute(text("SELECT count(DISTINCT submission_id) FROM figure "
                                   "WHERE active = 1")).scalar()
    assert active == 2  # one current revision per month


def test_kept_trend_values_follow_a_new_revision(structure_db):
    """The national spread is kept per process (`queries._trend_values`) until a figure is
    added: a new revision must show at once."""
    _submit_all(structure_db, "kainuu", "2021-10", Status.NOT_STARTED)
    with db.session_factory(structure_db)() as s:
        first = queries.trend_series(s, "readiness_done", "yp")
        assert first.values["kainuu"] == [0.0] and first.national[0].median == 0.0
        assert queries.trend_series(s, "readiness_done", "yp").values == first.values
    _submit_all(structure_db, "kainuu", "2021-10", Status.DONE)
    with db.session_factory(structure_db)() as s:
        assert queries.trend_series(s, "readiness_done", "yp").values["kainuu"] == [100.0]


def test_kept_heatmap_cells_follow_a_new_revision(structure_db):
    """The overview's cells are kept per process (`queries.heatmap`) until a figure is added:
    a new revision shows at once, and the kept matrix equals a freshly read one."""
    _submit_all(structure_db, "kainuu", "2021-10", Status.NOT_STARTED)
    with db.session_factory(structure_db)() as s:
        first = queries.heatmap(s, "2021-10", "readiness")
        kept = queries.heatmap(s, "2021-10", "readiness")
        queries._HEATMAP_CACHE.clear()
        fresh = queries.heatmap(s, "2021-10", "readiness")
        assert kept.cells == first.cells == fresh.cells
        assert first.cell("kainuu", "yp:readiness_done").percent == 0
    _submit_all(structure_db, "kainuu", "2021-10", Status.DONE)
    with db.session_factory(structure_db)() as s:
        assert queries.heatmap(s, "2021-10", "readiness").cell(
            "kainuu", "yp:readiness_done").percent == 100
