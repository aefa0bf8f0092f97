"""The reporting-round rules of `domain.rounds` on a real SQLite file: opening, publishing,
every refusal (nothing written), who may send what where, the board's status and "late", and
what readers see (published rounds only; trends never include an open one)."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from domain import db, queries, rounds
from domain.schema import Round, Snapshot
from loaders.status_sheet import import_status
from status_helpers import task_rows, write_sheet

DEADLINE = dt.date(2022, 4, 20)


def dump(url):
    with db.get_engine(url).connect() as conn:
        return {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
                for t in ("snapshot", "reporting_round", "submission", "figure")}


def refusal_keys(error) -> list[str]:
    return [r.key for r in error.value.refusals]


def open_march(url, deadline=DEADLINE, report=None):
    with db.transaction(url) as s:
        return rounds.open_round(s, "2022-03", deadline, report, by="test")


def test_open_makes_an_open_round_with_its_snapshot(rounds_db):
    open_march(rounds_db, report=dt.date(2022, 4, 10))
    with db.session_factory(rounds_db)() as s:
        info = rounds.list_rounds(s)
        assert [(r.period, r.state, r.deadline, r.report_date, r.submitted, r.regions)
                for r in info] == [("2022-03", "open", DEADLINE, dt.date(2022, 4, 10), 0, 23)]
        assert queries.snapshots(s) == []  # not the national picture yet
        assert [x.period for x in queries.snapshots(s, include_unpublished=True)] == ["2022-03"]
        assert rounds.incomplete_label(s, "2022-03") == "kesken – 0/23 raportoinut"
        assert rounds.incomplete_label(s, "2022-03", "sv") == \
            "ofullständig – 0/23 har rapporterat"


def test_report_date_defaults_to_the_10th_or_the_deadline_if_earlier(rounds_db):
    with db.transaction(rounds_db) as s:
        a = rounds.open_round(s, "2022-03", dt.date(2022, 4, 20))
        b = rounds.open_round(s, "2022-04", dt.date(2022, 5, 5))
        assert a.snapshot.report_date == dt.date(2022, 4, 11)  # 10.4.2022 is a Sunday
        assert b.snapshot.report_date == dt.date(2022, 5, 5)


@pytest.mark.parametrize("period, deadline, report, keys", [
    ("2100-12", dt.date(2101, 1, 20), None, ["round.period_out_of_range"]),
    ("2000-01", dt.date(2000, 2, 20), None, ["round.period_out_of_range"]),
    ("13/2022", dt.date(2022, 2, 20), None, ["round.bad_period"]),
    ("2022-03", dt.date(2022, 4, 1), dt.date(2022, 4, 10), ["round.deadline_before_report"]),
    ("2100-12", dt.date(2022, 4, 1), dt.date(2022, 4, 10),
     ["round.period_out_of_range", "round.deadline_before_report"]),  # every reason at once
])
def test_bad_rounds_are_refused_and_nothing_is_written(rounds_db, period, deadline, report, keys):
    before = dump(rounds_db)
    with pytest.raises(rounds.RoundRefused) as error:
        with db.transaction(rounds_db) as s:
            rounds.open_round(s, period, deadline, report)
    assert refusal_keys(error) == keys
    assert dump(rounds_db) == before


def test_a_round_is_opened_once_and_published_once(rounds_db):
    open_march(rounds_db)
    with pytest.raises(rounds.RoundRefused) as twice:
        open_march(rounds_db)
    assert refusal_keys(twice) == ["round.exists.open"]
    with pytest.raises(rounds.RoundRefused) as unknown:
        with db.transaction(rounds_db) as s:
            rounds.publish_round(s, "2022-07")
    assert refusal_keys(unknown) == ["round.unknown"]
    assert "2022-07" in unknown.value.render("en")[0]
    with db.transaction(rounds_db) as s:
        rounds.publish_round(s, "2022-03", by="koordinaattori")
    before = dump(rounds_db)
    for action in (lambda s: rounds.publish_round(s, "2022-03"),
                   lambda s: rounds.open_round(s, "2022-03", DEADLINE)):
        with pytest.raises(rounds.RoundRefused):
            with db.transaction(rounds_db) as s:
                action(s)
    assert dump(rounds_db) == before
    with db.session_factory(rounds_db)() as s:
        assert [x.period for x in queries.snapshots(s)] == ["2022-03"]
        assert rounds.incomplete_label(s, "2022-03") is None


def test_who_may_send_what_where(rounds_db):
    with db.session_factory(rounds_db)() as s:
        kainuu = queries.region(s, "kainuu").id
        lappi = queries.region(s, "lappi").id

    def keys(period, region, role, own=None, correction=None):
        with db.session_factory(rounds_db)() as s:
            return [r.key for r in rounds.submission_problems(
                s, period, region, role=role, own_region_id=own, correction=correction)]

    assert keys("2022-03", kainuu, "region_uploader", kainuu) == ["round.not_open"]
    assert keys("2022-03", kainuu, "operator") == ["round.not_open"]
    open_march(rounds_db)
    assert keys("2022-03", kainuu, "region_uploader", kainuu) == []
    assert keys("2022-03", lappi, "region_uploader", kainuu) == ["round.wrong_region"]
    assert keys("2022-03", lappi, "coordinator") == []
    with db.transaction(rounds_db) as s:
        rounds.publish_round(s, "2022-03")
    assert keys("2022-03", kainuu, "region_uploader", kainuu) == ["round.published_read_only"]
    assert keys("2022-03", kainuu, "region_uploader", kainuu, "syy") == \
        ["round.published_read_only"]  # a reason does not open it for uploaders
    assert keys("2022-03", kainuu, "coordinator") == ["round.correction_needed"]
    assert keys("2022-03", kainuu, "coordinator", correction="   ") == ["round.correction_needed"]
    assert keys("2022-03", kainuu, "coordinator", correction="Kainuun HTT-tilat") == []


def test_import_into_no_round_writes_nothing_and_a_correction_keeps_its_reason(rounds_db, tmp_path):
    path = write_sheet(tmp_path / "ps.xlsx", task_rows())
    before = dump(rounds_db)
    with pytest.raises(rounds.RoundRefused):
        import_status(rounds_db, path)
    assert dump(rounds_db) == before
    open_march(rounds_db)
    assert import_status(rounds_db, path).revision == 1
    with db.transaction(rounds_db) as s:
        rounds.publish_round(s, "2022-03")
    with pytest.raises(rounds.RoundRefused):
        import_status(rounds_db, write_sheet(tmp_path / "v.xlsx", task_rows("Valmis")))
    fixed = import_status(rounds_db, write_sheet(tmp_path / "v.xlsx", task_rows("Valmis")),
                          correction="Pohjois-Savo lähetti väärän tiedoston")
    assert fixed.revision == 2
    with db.session_factory(rounds_db)() as s:
        region = queries.region(s, "pohjois-savo")
        (when, reason), = rounds.corrections(s, "2022-03", region.id)
        assert reason == "Pohjois-Savo lähetti väärän tiedoston"
        assert abs((rounds.local_date(when) - dt.date.today()).days) <= 1
        revisions = rounds.region_revisions(s, region.id)
        assert [(r.revision, r.is_current, r.correction_reason) for r in revisions] == [
            (2, True, "Pohjois-Savo lähetti väärän tiedoston"), (1, False, None)]


def test_status_lists_missing_first_with_late_and_rejected(rounds_db, tmp_path):
    open_march(rounds_db, deadline=dt.date(2022, 4, 20), report=dt.date(2022, 4, 10))
    import_status(rounds_db, write_sheet(tmp_path / "ps.xlsx", task_rows()))
    with db.session_factory(rounds_db)() as s:
        status = rounds.round_status(s, "2022-03")
    assert (status.submitted, status.missing) == (1, 22)
    assert status.rows[-1].region.code == "pohjois-savo"  # the one that sent comes last
    assert [r.region.code for r in status.rows[:2]] == ["etela-karjala", "etela-pohjanmaa"]
    sent = status.rows[-1]
    assert sent.revision == 1 and sent.submitted_by is None and sent.late  # sent today: late
    doc = status.to_json()
    assert set(doc) == {"period", "state", "deadline", "report_date", "submitted", "missing",
                        "regions"}
    assert doc["deadline"] == "2022-04-20" and doc["state"] == "open"
    assert doc["regions"][-1]["submitted_at"].endswith("+00:00")
    assert doc["regions"][0] == {"region": "etela-karjala", "name": "Etelä-Karjala",
                                 "submitted": False, "revision": None, "submitted_at": None,
                                 "late": False}


def test_late_is_after_the_deadline_day_in_finnish_time():
    deadline = dt.date(2023, 2, 17)
    # 17.2. 23.59 Helsinki = 21.59 UTC: in time; 22.00 UTC is 18.2. 00.00 in Helsinki: late
    assert not rounds.deadline_passed(deadline, dt.datetime(2023, 2, 17, 21, 59))
    assert rounds.deadline_passed(deadline, dt.datetime(2023, 2, 17, 22, 0))
    summer = dt.date(2022, 6, 17)  # summer time: UTC+3
    assert not rounds.deadline_passed(summer, dt.datetime(2022, 6, 17, 20, 59))
    assert rounds.deadline_passed(summer, dt.datetime(2022, 6, 17, 21, 0))
    assert not rounds.deadline_passed(None, dt.datetime(2030, 1, 1))


def test_trends_and_defaults_never_include_an_open_round(rounds_db, tmp_path):
    with db.transaction(rounds_db) as s:
        rounds.open_round(s, "2022-02", dt.date(2022, 3, 20))
    import_status(rounds_db, write_sheet(tmp_path / "feb.xlsx", task_rows(), period="2/2022"))
    with db.transaction(rounds_db) as s:
        rounds.publish_round(s, "2022-02")
    open_march(rounds_db)
    import_status(rounds_db, write_sheet(tmp_path / "mar.xlsx", task_rows("Valmis")))
    with db.session_factory(rounds_db)() as s:
        assert queries.latest_published(s).period == "2022-02"
        assert queries.open_periods(s) == {"2022-03"}
        series = queries.trend_series(s, "progress", "htt")
        assert series.periods == ["2022-02"]
        assert queries.previous_snapshot(s, "2022-04").period == "2022-02"


def test_the_migration_turns_every_snapshot_into_a_published_round(tmp_path):
    from alembic import command
    from alembic.config import Config

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = db.make_engine(url)
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
        connection.exec_driver_sql(
            "INSERT INTO snapshot (period, report_date, is_synthetic) VALUES "
            "('2021-10', '2021-12-09', 0), ('2021-11', '2021-12-10', 1)")
    engine.dispose()
    with db.session_factory(url)() as s:  # upgraded on first use
        states = s.execute(select(Snapshot.period, Round.state, Round.deadline)
                           .join(Round, Round.snapshot_id == Snapshot.id)
                           .order_by(Snapshot.period)).all()
        assert states == [("2021-10", "published", None), ("2021-11", "published", None)]
        assert s.scalar(select(func.count()).select_from(Round)) == 2
        assert [x.period for x in queries.snapshots(s)] == ["2021-10", "2021-11"]


def test_a_national_table_for_a_month_far_outside_the_programme_is_refused(rounds_db):
    from loaders.common import ValidationFailed
    from loaders.summary_tables import import_summary

    shipped = db.PROJECT_ROOT / "data" / "reference" / "valmiusaste-2021-10.xlsx"
    before = dump(rounds_db)
    with pytest.raises(ValidationFailed) as error:
        import_summary(rounds_db, shipped, "2100-12", measure="readiness")
    assert [p.message for p in error.value.problems] == ["round.period_out_of_range"]
    assert "outside the programme's months" in error.value.render("en")[0]
    assert dump(rounds_db) == before
    import_summary(rounds_db, shipped, "2021-10", measure="readiness")  # a real month: published
    with db.session_factory(rounds_db)() as s:
        assert queries.latest_published(s).period == "2021-10"
