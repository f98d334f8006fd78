"""`flask users ...`: every change is written to the audit log as made from the command line."""
import click
from flask.cli import AppGroup

from survey import db
from survey.accounts.models import ROLES
from survey.accounts.operations import change_role, create_user, disable_user, enable_user, set_password, set_units
from survey.accounts.queries import all_users, find_user
from survey.cli import unit_of_work
from survey.units.queries import units_by_codes

users = AppGroup("users", help="Accounts and roles.")


@users.command("create")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Prompted for (hidden) when left out.")
@click.option("--unit", "unit_codes", multiple=True, metavar="CODE", help="Scope to this unit (repeatable).")
@click.option("--full-name", default="")
def create_command(username: str, role: str, password: str, unit_codes: tuple[str, ...], full_name: str) -> None:
    """Create an account USERNAME with a role, scoped to units."""
    with unit_of_work() as session:
        user = create_user(session, username, role, password, units_by_codes(session, unit_codes), full_name)
    scope = ", ".join(u.code for u in user.units) or "whole province"
    click.echo(f"created {user.username} ({user.role}; {scope})")


@users.command("list")
def list_command() -> None:
    """List accounts: username, role, units, active."""
    for user in all_users(db.session()):
        scope = ",".join(u.code for u in user.units) or "*"
        click.echo(f"{user.username}\t{user.role}\t{scope}\t{'active' if user.active else 'disabled'}")


@users.command("disable")
@click.argument("username")
def disable_command(username: str) -> None:
    """Disable USERNAME: no more sign-ins, and their open sessions end now."""
    with unit_of_work() as session:
        disable_user(session, find_user(session, username), actor=None)
    click.echo(f"disabled {username}")


@users.command("enable")
@click.argument("username")
def enable_command(username: str) -> None:
    """Enable USERNAME again (a sign-in lock is lifted too)."""
    with unit_of_work() as session:
        enable_user(session, find_user(session, username), actor=None)
    click.echo(f"enabled {username}")


@users.command("set-password")
@click.argument("username")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Prompted for (hidden) when left out.")
def set_password_command(username: str, password: str) -> None:
    """Set the password of USERNAME; their open sessions end and a sign-in lock is lifted."""
    with unit_of_work() as session:
        set_password(session, find_user(session, username), password, actor=None)
    click.echo(f"password of {username} set")


@users.command("set-role")
@click.argument("username")
@click.argument("role", type=click.Choice(ROLES))
def set_role_command(username: str, role: str) -> None:
    """Give USERNAME the role ROLE."""
    with unit_of_work() as session:
        change_role(session, find_user(session, username), role, actor=None)
    click.echo(f"{username} is now {role}")


@users.command("scope")
@click.argument("username")
@click.option("--unit", "unit_codes", multiple=True, metavar="CODE", help="A unit (repeatable).")
@click.option("--clear", is_flag=True, help="No unit: the whole province for admins and analysts.")
def scope_command(username: str, unit_codes: tuple[str, ...], clear: bool) -> None:
    """Scope USERNAME to exactly the units given (replacing the previous ones), or --clear."""
    if bool(unit_codes) == clear:
        raise click.UsageError("give either --unit CODE (one or more) or --clear")
    with unit_of_work() as session:
        user = find_user(session, username)
        set_units(session, user, units_by_codes(session, unit_codes), actor=None)
    click.echo(f"{username}: {', '.join(u.code for u in user.units) or 'no unit'}")
