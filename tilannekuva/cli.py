"""`tilannekuva` console script. Global options here; each subcommand lives in its own module
under `tilannekuva/commands/` and is registered below.

Exit codes: 0 success, 2 invalid input (the file or options were rejected; nothing written).
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass

import click

from domain.i18n import LANGS


@dataclass
class Context:
    db_url: str | None
    lang: str


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", "db_url", envvar="DATABASE_URL", default=None, metavar="URL",
              help="SQLAlchemy database URL (default: DATABASE_URL, else data/tilannekuva.sqlite).")
@click.option("--lang", type=click.Choice(LANGS), default="fi", show_default=True,
              help="Language of messages and tables.")
@click.pass_context
def cli(ctx: click.Context, db_url: str | None, lang: str) -> None:
    """Tilannekuva: hyvinvointialueiden toimeenpanon tilannekuva (implementation status picture)."""
    ctx.obj = Context(db_url=db_url, lang=lang)


def _register_commands() -> None:
    from . import commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        for command in getattr(module, "COMMANDS", ()):
            cli.add_command(command)


_register_commands()


def main() -> None:
    import sys

    from sqlalchemy.exc import DBAPIError

    try:
        cli(prog_name="tilannekuva", standalone_mode=True)
    except DBAPIError as error:  # a read-only database: reads work, a write says so clearly
        from dashboard.security import is_read_only_error
        from domain.i18n import t

        if not is_read_only_error(error):
            raise
        lang = "fi"
        if "--lang" in sys.argv[:-1]:
            lang = sys.argv[sys.argv.index("--lang") + 1]
        click.echo(t("security.read_only", lang if lang in LANGS else "fi"), err=True)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
