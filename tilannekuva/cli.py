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


# Which module defines each command, so that running one command imports only its module
# (`import-status` need not load openpyxl, pandas or Dash). A command module missing here is
# still found: an unknown name makes the group import every module under `commands/`.
COMMAND_MODULES = {
    "demo": "demo", "export": "export", "import-roadmap": "roadmap", "show": "show",
    "import-status": "status", "template": "status", "import-summary": "summary",
    "users": "users", "round": "rounds", "download": "download",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported when first asked for."""

    def _load(self, module_name: str) -> None:
        module = importlib.import_module(f"tilannekuva.commands.{module_name}")
        for command in getattr(module, "COMMANDS", ()):
            if command.name not in self.commands:
                self.add_command(command)

    def _load_all(self) -> None:
        from . import commands

        for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
            self._load(info.name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load_all()
        return sorted(self.commands)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            self._load(COMMAND_MODULES[cmd_name])
        if cmd_name not in self.commands:
            self._load_all()
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", "db_url", envvar="DATABASE_URL", default=None, metavar="URL",
              help="SQLAlchemy database URL (default: DATABASE_URL, else data/tilannekuva.sqlite).")
@click.option("--lang", type=click.Choice(LANGS), default="fi", show_default=True,
              help="Language of messages and tables.")
@click.pass_context
def cli(ctx: click.Context, db_url: str | None, lang: str) -> None:
    """Tilannekuva: hyvinvointialueiden toimeenpanon tilannekuva (implementation status picture)."""
    ctx.obj = Context(db_url=db_url, lang=lang)


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
