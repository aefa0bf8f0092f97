"""`tilannekuva import-summary FILE --period YYYY-MM`: a national summary table (slides' layout)."""
from __future__ import annotations

from pathlib import Path

import click

from domain import db, queries
from domain.i18n import format_period, localized, t
from domain.metrics import View
from loaders.common import ValidationFailed
from loaders.summary_tables import import_summary

from .roadmap import report_rejection


@click.command("import-summary")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--period", required=True, metavar="YYYY-MM", help="Snapshot period, e.g. 2021-10.")
@click.option("--measure", type=click.Choice([v.value for v in View]), default=None,
              help="Which table it is; recognised from the layout when left out.")
@click.option("--workstream", default=None, metavar="W",
              help="Workstream of a sub-area table (code or name), if the sheet does not say it.")
@click.option("--report-date", default=None, metavar="D.M.YYYY",
              help="Date of the status report (default: the 10th of the following month).")
@click.pass_obj
def import_summary_command(obj, file: Path, period: str, measure: str | None,
                           workstream: str | None, report_date: str | None) -> None:
    """Import a national summary table FILE (xlsx in the official slides' layout: title line,
    header row of workstreams or sub-areas, optional 'Tehtävien lkm yht.' row, one row per
    region). Values as '36 %', 36 or 0.36 formatted as percent; an empty row is 'no data'.
    A re-import makes a new revision. Exit 2 and every problem listed if the file is invalid
    (nothing is written)."""
    lang = obj.lang
    try:
        result = import_summary(obj.db_url, file, period, measure=measure, workstream=workstream,
                                lang=lang, report_date=report_date, source_name=file.name)
    except ValidationFailed as failed:
        report_rejection(failed, str(file), lang)
        return
    stream = ""
    if result.workstream:
        with db.session_factory(obj.db_url)() as session:
            found = next((w for w in queries.workstreams(session) if w.code == result.workstream), None)
            stream = f" – {localized(found, lang) if found else result.workstream}"
    click.echo(t("tables.imported", lang, view=t(f"tables.view.{result.view}", lang),
                 workstream=stream, period=format_period(result.period, lang),
                 regions=result.counts["regions"], cells=result.counts["cells"],
                 revision=result.revision if result.revision is not None else "–"))
    if result.no_data_regions:
        click.echo(t("tables.imported_no_data", lang, regions=", ".join(result.no_data_regions)))


COMMANDS = [import_summary_command]
