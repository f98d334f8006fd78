"""`flask users ...`"""
import click
from flask.cli import AppGroup

from survey import db
from survey.accounts.models import ROLES
from survey.accounts.operations import create_user
from survey.accounts.queries import all_users
from survey.commands import unit_of_work
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
