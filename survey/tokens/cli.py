"""`flask api-tokens ...`: tokens for outside systems (the token is printed once, never stored)."""
from datetime import datetime

import click
from flask.cli import AppGroup

from survey import clock, db
from survey.cli import unit_of_work
from survey.db import utcnow
from survey.errors import InvalidInput
from survey.tokens.messages import CATALOGUE
from survey.tokens.models import SCOPES
from survey.tokens.operations import active_token_named, all_tokens, issue_token, revoke_token
from survey.units.queries import units_by_codes

api_tokens = AppGroup("api-tokens", help="API tokens for outside systems: create, list, revoke.")


@api_tokens.command("create")
@click.argument("name")
@click.option("--scope", "scopes", multiple=True, required=True, metavar="|".join(SCOPES),
              help="What the token may do (repeatable).")
@click.option("--unit", "unit_code", metavar="CODE", help="Limit the token to this unit and the units below it.")
def create(name: str, scopes: tuple[str, ...], unit_code: str | None) -> None:
    """Issue a token called NAME and print it: it is shown this once only."""
    with unit_of_work() as session:
        unit = units_by_codes(session, [unit_code])[0] if unit_code else None
        _, token = issue_token(session, name, scopes, unit, None, utcnow())
    click.echo(token)


@api_tokens.command("list")
def list_tokens() -> None:
    """name, scopes, unit, created, last used, revoked (tab-separated)."""
    for token in all_tokens(db.session()):
        cells = [token.name, ",".join(token.scopes), token.unit.code if token.unit else "-", stamp(token.created_at),
                 stamp(token.last_used_at), stamp(token.revoked_at) if token.revoked_at else "active"]
        click.echo("\t".join(cells))


@api_tokens.command("revoke")
@click.argument("name")
def revoke(name: str) -> None:
    """Revoke the active token called NAME: it stops working at once."""
    with unit_of_work() as session:
        token = active_token_named(session, name)
        if token is None:
            raise InvalidInput(CATALOGUE.problem("token_not_active", "name", name=name))
        revoke_token(session, token, None, utcnow())
    click.echo(f"revoked {name}")


def stamp(moment: datetime | None) -> str:
    """A stored instant (naive UTC from SQLite) as the province's clock reads it, like the admin pages:
    never the UTC day and hour, seven hours behind; "-" for none."""
    return clock.local(moment).strftime("%Y-%m-%d %H:%M") if moment else "-"
