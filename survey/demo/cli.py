"""`flask demo load` and `flask demo responses`"""
import click
from flask import current_app
from flask.cli import AppGroup

from survey import clock
from survey.campaigns.queries import campaign_by_slug
from survey.commands import unit_of_work
from survey.demo.operations import CAMPAIGN_SLUG, load_demo
from survey.demo.simulated import simulate_responses

demo = AppGroup("demo", help="The An Giang demonstration data.")


@demo.command("load")
def load_command() -> None:
    """Load the An Giang demo (units, questionnaires, an open campaign, accounts); safe to repeat."""
    _refuse_production()
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


@demo.command("responses")
@click.option("--count", type=click.IntRange(1, 100_000), default=1500, show_default=True,
              help="How many simulated responses to add.")
def responses_command(count: int) -> None:
    """Add simulated (invented) responses to the demo campaign, once: nothing if it has responses."""
    _refuse_production()
    with unit_of_work() as session:
        campaign = campaign_by_slug(session, CAMPAIGN_SLUG)
        stored = simulate_responses(session, campaign, count, clock.today())
    if stored:
        click.echo(f"campaign {CAMPAIGN_SLUG}: {stored} simulated responses added (invented, for trying the pages)")
    else:
        click.echo(f"campaign {CAMPAIGN_SLUG}: already has responses (or opened today); none added")


def _refuse_production() -> None:
    if current_app.config["SURVEY_ENV"] == "production":
        raise click.ClickException("the demo is for development: set SURVEY_ENV=development to load it")
