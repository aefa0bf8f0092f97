"""The SQLite default and PostgreSQL run through the same code: migrations, loaders, figures,
the heatmap query and `show`."""
from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import select

from domain import db, queries, store
from domain.schema import Region, Task
from domain.vocabulary import Status
from tilannekuva.cli import cli


def test_schema_store_and_heatmap_on_postgres(pg_url, tmp_path):
    from loaders import roadmap_workbook

    path = roadmap_workbook.write_roadmap_workbook(tmp_path / "tiekartta.xlsx")
    roadmap_workbook.import_roadmap(pg_url, path)
    with db.transaction(pg_url) as s:
        region = s.scalar(select(Region).where(Region.code == "pirkanmaa"))
        snap = store.ensure_snapshot(s, "2022-03")
        statuses = {t.id: (Status.DONE if t.position % 2 else Status.IN_PROGRESS, "huom")
                    for t in s.scalars(select(Task))}
        store.record_task_submission(s, region=region, snapshot=snap, statuses=statuses)
    with db.session_factory(pg_url)() as s:
        hm = queries.heatmap(s, "2022-03", "readiness")
        done = hm.cell("pirkanmaa", "htt:readiness_done")
        assert done.denominator and 0 < done.percent < 100
        assert hm.cell("hus", "htt:readiness_done").percent is None
    result = CliRunner().invoke(cli, ["--db", pg_url, "show", "--period", "2022-03",
                                      "--measure", "progress", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["rows"][14]["region"] == "pirkanmaa"
