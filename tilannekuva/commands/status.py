"""`tilannekuva import-status` and `tilannekuva template`: the regional monthly sheet."""
from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy import select

from domain import db
from domain.i18n import format_period, localized, t
from domain.schema import Region
from domain.vocabulary import Status, status_label


def _fail(problems, lang: str, source: str | None) -> None:
    """Print every problem and exit 2: invalid input, nothing written."""
    for line in problems.render(lang):
        click.echo(line, err=True)
    if source:
        click.echo(t("status_sheet.rejected", lang, source=source,
                     count=getattr(problems, "count", len(problems.problems))), err=True)
    raise SystemExit(2)


@click.command("import-status")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--region", metavar="R", default=None,
              help="The region (name in Finnish/Swedish, or code); must agree with the sheet's "
                   "'Alue' cell if it has one.")
@click.option("--period", metavar="YYYY-MM", default=None,
              help="The month (2022-03, 3/2022); must agree with the sheet's 'Ajankohta' cell "
                   "if it has one.")
@click.option("--correction", metavar="REASON", default=None,
              help="Why a PUBLISHED month is changed (needed for it; kept in the log and shown "
                   "on the region page).")
@click.pass_obj
def import_status_command(ctx, file: Path, region: str | None, period: str | None,
                          correction: str | None) -> None:
    """Import a region's monthly status sheet (xlsx) as a new revision for its region and month.

    The month must have an open reporting round (`round open`); a published month only with
    --correction. Every problem in the file is listed (sheet, row, column, value, what is
    allowed) and nothing is written if there is any. Exit 0 on success, 2 on a rejected file."""
    from domain.rounds import RoundRefused
    from loaders.common import ValidationFailed
    from loaders.status_sheet import import_status

    from loaders.file_safety import UnsafeFile, check_upload_file

    try:  # the web upload's checks (size, kind, macros, zip bombs, DTDs) before openpyxl
        check_upload_file(file)
    except UnsafeFile as refused:
        click.echo(refused.render(ctx.lang), err=True)
        raise SystemExit(2)
    url = ctx.db_url or db.default_url()
    try:
        result = import_status(url, file, region=region, period=period, lang=ctx.lang,
                               source_name=file.name, correction=correction)
    except ValidationFailed as error:
        _fail(error, ctx.lang, file.name)
        return
    except RoundRefused as refused:
        for line in refused.render(ctx.lang):
            click.echo(line, err=True)
        click.echo(t("round.nothing_written", ctx.lang), err=True)
        raise SystemExit(2)
    with db.session_factory(url)() as session:
        found = session.scalar(select(Region).where(Region.code == result.regions[0]))
        name = localized(found, ctx.lang)
    click.echo(t("status_sheet.imported", ctx.lang, source=file.name, region=name,
                 period=format_period(result.period), tasks=result.counts["tasks"],
                 revision=result.revision))
    for status in Status:
        click.echo(f"  {status_label(status, ctx.lang)}: {result.counts.get(status.value, 0)}")
    for warning in result.warnings:
        click.echo(f"{t('sheet_checks.warning_prefix', ctx.lang)}: {warning.render(ctx.lang)}",
                   err=True)


@click.command("template")
@click.option("--region", metavar="R", required=True,
              help="The region (name in Finnish/Swedish, or code).")
@click.option("--lang", "sheet_lang", type=click.Choice(["fi", "sv"]), default=None,
              help="Language of the sheet (default: the region's own, Swedish for "
                   "Swedish-speaking regions).")
@click.option("--period", metavar="YYYY-MM", default=None,
              help="The month the sheet reports (default: the month after the region's "
                   "latest report).")
@click.option("-o", "--output", "output", required=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The xlsx file to write.")
@click.pass_obj
def template_command(ctx, region: str, sheet_lang: str | None, period: str | None,
                     output: Path) -> None:
    """Write a region's monthly sheet: the task list, a dropdown on 'Tila', task columns
    protected (no password), and the region's latest statuses prefilled."""
    from domain import queries
    from loaders.common import ValidationFailed
    from loaders.template import default_period, resolve_region, roadmap_tasks, write_template

    url = ctx.db_url or db.default_url()
    with db.session_factory(url)() as session:
        try:
            found = resolve_region(session, region)
            period = period or default_period(session, found)
            path = write_template(session, found, output, lang=sheet_lang, period=period)
        except ValidationFailed as error:
            _fail(error, ctx.lang, None)
            return
        from loaders.common import parse_period

        period = parse_period(period)
        snap, _ = queries.latest_task_statuses(session, found.id, period)
        tasks = len(roadmap_tasks(session))
    click.echo(t("template.written", ctx.lang, path=path, region=localized(found, ctx.lang),
                 period=format_period(period), tasks=tasks))
    if snap is not None:
        click.echo(t("template.prefilled", ctx.lang, period=format_period(snap.period)))


COMMANDS = [import_status_command, template_command]
