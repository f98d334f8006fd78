"""`flask demo load`"""
import click
from flask import current_app
from flask.cli import AppGroup

from survey import clock
from survey.commands import unit_of_work
from survey.demo.operations import load_demo

demo = AppGroup("demo", help="The An Giang demonstration data.")


@demo.command("load")
def load_command() -> None:
    """Load the An Giang demo (units, questionnaires, an open campaign, accounts); safe to repeat."""
    if current_app.config["SURVEY_ENV"] == "production":
        raise click.ClickException("the demo is for development: set SURVEY_ENV=development to load it")
    with unit_of_work() as session:
        summary = load_demo(session, clock.today(), with_accounts=True)
    units = summary.units
    click.echo(f"units: {len(units.created)} created, {len(units.updated)} updated, {len(units.unchanged)} unchanged")
    for version in summary.versions:
        click.echo(f"questionnaire {version.label} ({version.content_hash[:12]})")
    verb = "created" if summary.campaign_created else "already present"
    click.echo(f"campaign {summary.campaign.slug}: {verb}, {summary.campaign.opens_on} to {summary.campaign.closes_on}")
    click.echo("demo accounts (development only):")
    for username, role, password in summary.accounts:
        click.echo(f"  {role:<10} {username:<16} password: {password}")
