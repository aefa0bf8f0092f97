"""`tilannekuva import-roadmap FILE`: the roadmap definition workbook into the database."""
from __future__ import annotations

from pathlib import Path

import click

from domain.i18n import t
from loaders.common import ValidationFailed
from loaders.roadmap_workbook import import_roadmap


def report_rejection(failed: ValidationFailed, source: str, lang: str) -> None:
    """Print every problem of a rejected file to stderr and exit 2 (nothing was written)."""
    click.echo(t("tables.rejected", lang, source=Path(source).name, count=len(failed.problems)),
               err=True)
    for line in failed.render(lang):
        click.echo(f"  - {line}", err=True)
    raise SystemExit(2)


@click.command("import-roadmap")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def import_roadmap_command(obj, file: Path) -> None:
    """Import the roadmap definition workbook FILE (xlsx): workstreams, sub-areas, regions and
    tasks. Re-importing updates everything by its id, keeping reported statuses attached.
    Exit 2 and a list of every problem if the workbook is invalid (nothing is written)."""
    try:
        result = import_roadmap(obj.db_url, file, lang=obj.lang)
    except ValidationFailed as failed:
        report_rejection(failed, str(file), obj.lang)
        return
    c = result.counts
    click.echo(t("roadmap.imported", obj.lang, workstreams=c["workstreams"],
                 sub_areas=c["sub_areas"], regions=c["regions"], tasks=c["tasks"], new=c["new"],
                 updated=c["updated"], removed=c["removed"]))
    if c.get("synthetic"):
        click.echo(t("roadmap.imported_synthetic", obj.lang))


COMMANDS = [import_roadmap_command]
