"""`tilannekuva demo`: build the demo database through the loaders."""
from __future__ import annotations

from pathlib import Path

import click

from domain import db
from domain.i18n import t


@click.command("demo")
@click.option("--force", is_flag=True,
              help="Delete the SQLite database file first (only for the default SQLite file "
                   "or a sqlite:/// URL).")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the generated xlsx files are written (default data/demo/).")
@click.pass_obj
def demo(ctx, force: bool, workdir: Path | None) -> None:
    """Build the demo: the real 10/21 national tables (snapshot 2021-10) and synthetic monthly
    regional sheets 2021-11 … 2022-12 for all 23 regions, written as xlsx and imported through
    the same loaders as a user's files."""
    from loaders import demo as demo_data  # imported here: it pulls in every loader

    url = ctx.db_url or db.default_url()
    if force and url.startswith("sqlite:///"):
        path = Path(url.split("///", 1)[1])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        db._engine_for.cache_clear()
    if not demo_data.is_empty(url):
        click.echo(t("cli.demo.exists", ctx.lang), err=True)
        raise SystemExit(1)
    from dashboard.accounts import DEMO_PASSWORD, create_demo_users
    from domain.i18n import TranslatableError

    try:
        report = demo_data.build_demo(url, workdir, progress=click.echo)
    except TranslatableError as refused:  # a real database: the demo is never built into it
        click.echo(refused.render(ctx.lang), err=True)
        raise SystemExit(2) from None

    with db.transaction(url) as session:
        users = create_demo_users(session)
    click.echo(t("cli.demo.users", ctx.lang, users=", ".join(users), password=DEMO_PASSWORD))
    click.echo(t("cli.demo.done", ctx.lang, snapshots=report.snapshots,
                 submissions=report.submissions, files=len(report.files),
                 folder=workdir or "data/demo"))


COMMANDS = [demo]
