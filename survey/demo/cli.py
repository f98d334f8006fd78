"""`flask demo load` and `flask demo responses`"""
import click
from flask import current_app
from flask.cli import AppGroup

from survey import clock
from survey.campaigns.queries import campaign_by_slug
from survey.cli import unit_of_work
from survey.demo.history import EARLIER_SLUG
from survey.demo.operations import CAMPAIGN_SLUG, load_demo
from survey.demo.par_index import SLUG as PAR_SLUG
from survey.demo.par_index import simulate_officials
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
    for campaign, created in ((summary.earlier, summary.earlier_created), (summary.campaign, summary.campaign_created)):
        verb = "created" if created else "already present"
        click.echo(f"campaign {campaign.slug}: {verb}, {campaign.opens_on} to {campaign.closes_on}")
    if summary.earlier_created:
        click.echo("the 2017 districts and communes recorded as reorganised on 2025-07-01 (now inactive)")
    if summary.par is not None:
        par = summary.par
        click.echo(f"PAR index: campaign {par.campaign.slug} ({par.officials} invented officials registered now), "
                   f"definition {par.definition.id} of {par.definition.year} published, {par.assessed} units "
                   f"self-assessed and {par.appraised} appraised now (invented)")
    click.echo("demo accounts (development only):")
    for username, role, password in summary.accounts:
        click.echo(f"  {role:<10} {username:<16} password: {password}")


@demo.command("responses")
@click.option("--count", type=click.IntRange(1, 100_000), default=1500, show_default=True,
              help="How many simulated responses to add to each demo campaign.")
def responses_command(count: int) -> None:
    """Add simulated (invented) responses to the two demo campaigns (2024 and current), once: nothing to
    a campaign that has responses; and one answer from most invented officials of the officials' campaign."""
    _refuse_production()
    with unit_of_work() as session:
        campaigns = [campaign_by_slug(session, slug) for slug in (CAMPAIGN_SLUG, EARLIER_SLUG)]
        stored = {c.slug: simulate_responses(session, c, count, clock.today()) for c in campaigns}
        officials = simulate_officials(session, clock.today())
    for slug, added in stored.items():
        if added:
            click.echo(f"campaign {slug}: {added} simulated responses added (invented, for trying the pages)")
        else:
            click.echo(f"campaign {slug}: already has responses (or opened today); none added")
    click.echo(f"officials' campaign {PAR_SLUG}: {officials} answers of invented officials added" if officials
               else f"officials' campaign {PAR_SLUG}: answers already present (or missing, or opened today)")


def _refuse_production() -> None:
    if current_app.config["SURVEY_ENV"] == "production":
        raise click.ClickException("the demo is for development: set SURVEY_ENV=development to load it")
