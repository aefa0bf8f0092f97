"""`tilannekuva round open|status|publish|list`: the programme office's monthly cycle.

Exit codes as everywhere: 0 done, 2 invalid input (every reason printed; nothing written).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import click

from domain import db, rounds
from domain.i18n import format_date, format_datetime, format_period, localized, t


def _date(value: str | None, lang: str) -> dt.date | None:
    """'17.2.2023' (also 2023-02-17) -> date; exit 2 on anything else."""
    if value is None:
        return None
    parsed = rounds.parse_date(value)
    if parsed is not None:
        return parsed
    click.echo(t("round.bad_date", lang, value=value), err=True)
    click.echo(t("round.nothing_written", lang), err=True)
    raise SystemExit(2)


def _refused(error: rounds.RoundRefused, lang: str) -> None:
    for line in error.render(lang):
        click.echo(line, err=True)
    click.echo(t("round.nothing_written", lang), err=True)
    raise SystemExit(2)


@click.group("round")
def round_group() -> None:
    """Reporting rounds (raportointikierros): open a month, follow who has sent, publish."""


@round_group.command("open")
@click.option("--period", required=True, metavar="YYYY-MM", help="The month, e.g. 2023-01.")
@click.option("--deadline", required=True, metavar="D.M.YYYY",
              help="The last day regions send their sheets (Finnish time).")
@click.option("--report-date", default=None, metavar="D.M.YYYY",
              help="The picture's report date (default: the 10th of the next month, or the "
                   "deadline if that is earlier). The deadline may not be before it.")
@click.pass_obj
def open_command(ctx, period: str, deadline: str, report_date: str | None) -> None:
    """Open a month for the regions to send into."""
    deadline_date = _date(deadline, ctx.lang)
    report = _date(report_date, ctx.lang)
    try:
        with db.transaction(ctx.db_url) as session:
            rnd = rounds.open_round(session, period.strip(), deadline_date, report,
                                    by=rounds.OPERATOR)
            shown = dict(period=format_period(rnd.snapshot.period),
                         deadline=format_date(rnd.deadline, ctx.lang),
                         report_date=format_date(rnd.snapshot.report_date, ctx.lang))
    except rounds.RoundRefused as error:
        _refused(error, ctx.lang)
    click.echo(t("round.cli.opened", ctx.lang, **shown))


@round_group.command("publish")
@click.option("--period", required=True, metavar="YYYY-MM", help="The month, e.g. 2023-01.")
@click.pass_obj
def publish_command(ctx, period: str) -> None:
    """Publish a round: it becomes the national picture and everyone's default view."""
    try:
        with db.transaction(ctx.db_url) as session:
            rounds.publish_round(session, period.strip(), by=rounds.OPERATOR)
            status = rounds.round_status(session, period.strip())
    except rounds.RoundRefused as error:
        _refused(error, ctx.lang)
    click.echo(t("round.cli.published", ctx.lang, period=format_period(status.period),
                 submitted=status.submitted, total=len(status.rows)))


def _yes(value: bool, lang: str) -> str:
    return t("round.yes" if value else "round.no", lang)


def _table(header: list[str], lines: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header] + lines) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip()
                     for row in [header] + lines) + "\n"


@round_group.command("status")
@click.option("--period", required=True, metavar="YYYY-MM", help="The month, e.g. 2023-01.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@click.pass_obj
def status_command(ctx, period: str, fmt: str) -> None:
    """Who has sent the month's sheet (missing regions first): revision, when, late."""
    lang = ctx.lang
    try:
        with db.session_factory(ctx.db_url)() as session:
            status = rounds.round_status(session, period.strip())
    except rounds.RoundRefused as error:
        _refused(error, lang)
    doc = status.to_json()
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["period", "state", "region", "name", "submitted", "revision",
                         "submitted_at", "late"])
        for r in doc["regions"]:
            writer.writerow([doc["period"], doc["state"], r["region"], r["name"],
                             str(r["submitted"]).lower(), r["revision"] or "",
                             r["submitted_at"] or "", str(r["late"]).lower()])
        click.echo(out.getvalue(), nl=False)
        return
    click.echo(t("round.board.title", lang, period=format_period(status.period)))
    click.echo(t("round.board.summary", lang, state=rounds.state_label(status.state, lang),
                 deadline=format_date(status.deadline, lang) or "–", submitted=status.submitted,
                 total=len(status.rows), missing=status.missing))
    click.echo("")
    header = [t(f"round.col.{k}", lang) for k in ("region", "sent", "revision", "when", "late")]
    click.echo(_table(header, [
        [localized(r.region, lang), _yes(r.submitted, lang), str(r.revision or ""),
         format_datetime(r.submitted_at, lang), _yes(r.late, lang) if r.submitted else ""]
        for r in status.rows]), nl=False)


@round_group.command("list")
@click.pass_obj
def list_command(ctx) -> None:
    """Every round, oldest first: state, deadline, report date, how many regions have sent."""
    lang = ctx.lang
    with db.session_factory(ctx.db_url)() as session:
        infos = rounds.list_rounds(session)
    if not infos:
        click.echo(t("round.cli.none", lang))
        return
    header = [t(f"round.col.{k}", lang)
              for k in ("period", "state", "deadline", "report_date", "submitted", "missing")]
    click.echo(_table(header, [
        [format_period(r.period), rounds.state_label(r.state, lang), format_date(r.deadline, lang),
         format_date(r.report_date, lang), f"{r.submitted}/{r.regions}", str(r.missing)]
        for r in infos]), nl=False)


COMMANDS = [round_group]
