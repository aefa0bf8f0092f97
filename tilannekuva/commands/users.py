"""`tilannekuva users add|disable|enable|reset-password|list`: manage who may log in."""
from __future__ import annotations

import click

from domain import db
from domain.i18n import t


def _fail(ctx, error) -> None:
    click.echo(error.render(ctx.lang), err=True)
    raise SystemExit(2)


def _password(ctx, given: str | None, generate: bool) -> str:
    """The password given, a generated one, or one typed twice at a hidden prompt."""
    from dashboard import accounts

    if generate:
        return accounts.generate_password()
    if given is not None:
        return given
    return click.prompt(t("auth.password", ctx.lang), hide_input=True, confirmation_prompt=True)


@click.group("users")
def users() -> None:
    """Manage log-in users (region uploaders, coordinators, admins)."""


@users.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(["region_uploader", "reader", "coordinator", "admin"]),
              required=True, help="region_uploader uploads for one region; coordinator sees "
                                  "everything and the upload log; admin also manages users.")
@click.option("--region", default=None, help="The uploader's region (name or code).")
@click.option("--name", "display_name", default=None, help="Display name (default: username).")
@click.option("--password", default=None,
              help="Initial password (at least 10 characters). Prompted for when not given; "
                   "--generate-password prints a random one instead.")
@click.option("--generate-password", is_flag=True, help="Generate and print a random password.")
@click.pass_obj
def add(ctx, username: str, role: str, region: str | None, display_name: str | None,
        password: str | None, generate_password: bool) -> None:
    """Create a user."""
    from dashboard import accounts

    password = _password(ctx, password, generate_password)
    try:
        with db.transaction(ctx.db_url) as session:
            user = accounts.create_user(session, username, password, role, region, display_name)
            region_text = f", {user.region.name_fi}" if user.region else ""
            click.echo(t("account.created", ctx.lang, username=user.username,
                         role=t(f"account.role.{role}", ctx.lang), region=region_text))
    except accounts.AccountError as error:
        _fail(ctx, error)
    if generate_password:
        click.echo(t("account.generated_password", ctx.lang, password=password))


def _toggle(ctx, username: str, active: bool) -> None:
    from dashboard import accounts

    try:
        with db.transaction(ctx.db_url) as session:
            user = accounts.set_active(session, username, active)
            key = "account.enabled" if active else "account.disabled"
            click.echo(t(key, ctx.lang, username=user.username))
    except accounts.AccountError as error:
        _fail(ctx, error)


@users.command("disable")
@click.argument("username")
@click.pass_obj
def disable(ctx, username: str) -> None:
    """Disable a user (open sessions end at once; the upload log keeps their name)."""
    _toggle(ctx, username, False)


@users.command("enable")
@click.argument("username")
@click.pass_obj
def enable(ctx, username: str) -> None:
    """Enable a disabled user again."""
    _toggle(ctx, username, True)


@users.command("reset-password")
@click.argument("username")
@click.option("--password", default=None, help="New password (prompted for when not given).")
@click.option("--generate-password", is_flag=True, help="Generate and print a random password.")
@click.pass_obj
def reset_password(ctx, username: str, password: str | None, generate_password: bool) -> None:
    """Set a new password; clears a lock-out and ends the user's open sessions."""
    from dashboard import accounts

    password = _password(ctx, password, generate_password)
    try:
        with db.transaction(ctx.db_url) as session:
            user = accounts.reset_password(session, username, password)
            click.echo(t("account.password_reset", ctx.lang, username=user.username))
    except accounts.AccountError as error:
        _fail(ctx, error)
    if generate_password:
        click.echo(t("account.generated_password", ctx.lang, password=password))


@users.command("list")
@click.pass_obj
def list_(ctx) -> None:
    """List users: username, role, region, active, lock."""
    from dashboard import accounts

    with db.session_factory(ctx.db_url)() as session:
        for user in accounts.list_users(session):
            state = t("account.active" if user.active else "account.inactive", ctx.lang)
            locked = f"  locked until {user.locked_until:%Y-%m-%d %H:%M} UTC" \
                if user.locked_until and user.locked_until > accounts.now() else ""
            click.echo(f"{user.username}\t{t(f'account.role.{user.role}', ctx.lang)}\t"
                       f"{user.region.name_fi if user.region else '-'}\t{state}\t"
                       f"{user.display_name}{locked}")


COMMANDS = [users]
