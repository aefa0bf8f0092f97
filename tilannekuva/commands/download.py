"""`tilannekuva download`: the same xlsx / CSV files as the pages' "Lataa tiedot" links."""
from __future__ import annotations

from pathlib import Path

import click

from domain import db
from domain.i18n import t


@click.command("download")
@click.argument("kind", type=click.Choice(["yleiskuva", "alue", "tehtavat", "trendi"]))
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv"]), default="xlsx",
              show_default=True)
@click.option("--period", metavar="YYYY-MM", help="Snapshot (default: the latest).")
@click.option("--view", type=click.Choice(["readiness", "progress", "subareas"]),
              help="yleiskuva: readiness (default), progress or subareas.")
@click.option("--workstream", metavar="CODE", help="subareas view and trendi: workstream code.")
@click.option("--region", metavar="CODE", help="alue, tehtavat: region code, e.g. pirkanmaa.")
@click.option("--measure", metavar="MEASURE", help="trendi: progress, readiness_active or readiness_done.")
@click.option("--sort", type=click.Choice(["slide", "value"]), default="slide", show_default=True)
@click.option("--deltas", is_flag=True, help="yleiskuva: the change since the previous snapshot too.")
@click.option("-o", "--out", "out", type=click.Path(dir_okay=True, path_type=Path),
              help="File or folder to write (default: the file name of the web download, here).")
@click.pass_obj
def download(ctx, kind, fmt, period, view, workstream, region, measure, sort, deltas, out):
    """Write a view's data as xlsx or CSV (UTF-8 with BOM, ';'): a heatmap (yleiskuva), a
    region's heatmap (alue) or task table (tehtavat), or the trend data (trendi)."""
    from dashboard.downloads import BadDownload, build, render

    args = {"period": period, "view": view, "workstream": workstream, "region": region,
            "measure": measure, "sort": sort, "deltas": "1" if deltas else None}
    with db.session_factory(ctx.db_url)() as session:
        try:
            # the CLI is the database's operator (coordinator rights): open rounds too
            table, stem = build(session, kind, {k: v for k, v in args.items() if v}, ctx.lang,
                                unpublished=True)
        except BadDownload as exc:
            click.echo(t("a11y.download.bad", ctx.lang, value=str(exc)), err=True)
            raise SystemExit(2)
    target = out or Path(f"{stem}.{fmt}")
    if target.is_dir():
        target = target / f"{stem}.{fmt}"
    target.write_bytes(render(table, fmt))
    click.echo(str(target))


COMMANDS = [download]
