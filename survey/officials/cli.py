"""`flask officials ...`: the PAR INDEX leaders' survey register of a campaign. `import` checks a
CSV file (every problem by row and column, nothing stored on any; --dry-run stores nothing
anyway), `invite` creates one single-use link per official not yet invited and prints them,
once, for sending; `list` shows the register."""
import csv
import io
from datetime import datetime

import click
from flask.cli import AppGroup

from survey import db
from survey.campaigns.queries import campaign_by_slug
from survey.cli import unit_of_work
from survey.db import utcnow
from survey.exports.formulas import neutralised
from survey.invitations.cli import link_base
from survey.links import public_url
from survey.officials.models import Official
from survey.officials.operations import import_officials, invite_officials
from survey.officials.queries import officials_of

officials = AppGroup("officials", help="Leaders and officials invited to the PAR INDEX survey.")
CAMPAIGN = click.option("--campaign", "campaign_slug", required=True, metavar="SLUG", help="The campaign.")


@officials.command("import")
@CAMPAIGN
@click.argument("file", type=click.File("rb"))
@click.option("--dry-run", is_flag=True, help="Check the file and say what it holds, storing nothing.")
def import_command(campaign_slug: str, file, dry_run: bool) -> None:
    """Register the officials of a CSV file: name, position, unit, group[, email, phone]."""
    with unit_of_work() as session:
        stored = import_officials(session, campaign_by_slug(session, campaign_slug), file.read())
        if dry_run:
            session.rollback()
    click.echo(f"checked, nothing stored: {len(stored)} officials" if dry_run
               else f"registered {len(stored)} officials")


@officials.command("invite")
@CAMPAIGN
@click.option("--expires", type=click.DateTime(formats=["%Y-%m-%d"]), help="Last day the links work, YYYY-MM-DD.")
@click.option("--base-url", metavar="URL", help="Where respondents reach the service, instead of PUBLIC_BASE_URL.")
def invite_command(campaign_slug: str, expires: datetime | None, base_url: str | None) -> None:
    """Create one invitation per official not yet invited; print each official's link as CSV.
    The links are not kept with the register: save this output to send them."""
    base = link_base(base_url)
    with unit_of_work() as session:
        pairs = invite_officials(session, campaign_by_slug(session, campaign_slug),
                                 expires.date() if expires else None, utcnow())
        rows = [[*contact_row(person), public_url("questionnaire.invitation", base, token=invitation.token)]
                for person, invitation in pairs]
    click.echo(as_csv(["name", "position", "unit", "group", "email", "phone", "link"], rows), nl=False)


@officials.command("list")
@CAMPAIGN
def list_command(campaign_slug: str) -> None:
    """The campaign's register as CSV, with whether each official was invited."""
    session = db.session()
    rows = [[*contact_row(person), "yes" if person.invited_at else "no"]
            for person in officials_of(session, campaign_by_slug(session, campaign_slug))]
    click.echo(as_csv(["name", "position", "unit", "group", "email", "phone", "invited"], rows), nl=False)


def contact_row(person: Official) -> list[str]:
    return [person.name, person.position, person.unit.code, person.respondent_group, person.email or "",
            person.phone or ""]


def as_csv(header: list[str], rows: list[list[str]]) -> str:
    """CSV text, every cell neutralised so a spreadsheet never runs it as a formula."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([neutralised(cell) for cell in row] for row in rows)
    return out.getvalue()
