"""`flask invitations ...`: single-use links for the dossiers of a campaign and unit."""
import csv
import io
from datetime import datetime

import click
from flask import current_app
from flask.cli import AppGroup

from survey.campaigns.queries import campaign_by_slug
from survey.cli import unit_of_work
from survey.config import ConfigurationError, public_base_url
from survey.db import utcnow
from survey.errors import InvalidInput
from survey.exports.formulas import neutralised
from survey.invitations.messages import CATALOGUE
from survey.invitations.operations import create_invitations, link_expiry
from survey.links import public_url
from survey.units.queries import units_by_codes

DEVELOPMENT_URL = "http://127.0.0.1:5000"
"""Where `make run` serves: a command has no request to take an address from."""

invitations = AppGroup("invitations", help="Single-use invitation links (one response each).")


@invitations.command("create")
@click.argument("campaign_slug", metavar="CAMPAIGN")
@click.option("--unit", "unit_code", required=True, metavar="CODE", help="The unit the dossiers were handled by.")
@click.option("--codes", type=click.File(encoding="utf-8"), required=True,
              help="Dossier codes (mã hồ sơ), one a line; '-' reads standard input.")
@click.option("--expires", type=click.DateTime(formats=["%Y-%m-%d"]), help="Last day the links work, YYYY-MM-DD.")
@click.option("--base-url", metavar="URL", help="Where respondents reach the service, instead of PUBLIC_BASE_URL.")
def create_command(campaign_slug: str, unit_code: str, codes, expires: datetime | None, base_url: str | None) -> None:
    """Create one invitation per dossier code; print dossier_code,token,link as CSV."""
    dossier_codes = [line.strip() for line in codes if line.strip()]
    if not dossier_codes:
        raise click.ClickException("the codes file lists no dossier code")
    base = link_base(base_url)
    with unit_of_work() as session:
        campaign = campaign_by_slug(session, campaign_slug)
        unit = units_by_codes(session, [unit_code])[0]
        created = create_invitations(session, campaign, unit, dossier_codes, expiry(expires), utcnow())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["dossier_code", "token", "link"])
    for invitation in created:
        link = public_url("questionnaire.invitation", base, token=invitation.token)
        writer.writerow([neutralised(invitation.dossier_code), invitation.token, link])
    click.echo(out.getvalue(), nl=False)


def expiry(expires: datetime | None) -> datetime | None:
    """The end of the province's day `expires` (None: the links never expire); InvalidInput when
    that is already past, in the words of the option."""
    day = expires.date() if expires else None
    expires_at, past = link_expiry(day, "expires")
    if past:
        raise InvalidInput(CATALOGUE.problem("invitation_expires_past", "expires", day=day))
    return expires_at


def link_base(base_url: str | None) -> str:
    """--base-url, else PUBLIC_BASE_URL (always set in production), else the development server's."""
    try:
        return public_base_url(base_url or current_app.config["PUBLIC_BASE_URL"] or DEVELOPMENT_URL, required=True)
    except ConfigurationError as error:
        raise click.UsageError(str(error)) from None
