"""`flask campaign ...`"""
import click
from flask.cli import AppGroup

from survey import clock, db
from survey.campaigns.models import CHANNELS
from survey.campaigns.operations import CampaignSpec, Target, create_campaign, targets_from_csv
from survey.campaigns.queries import all_campaigns
from survey.cli import unit_of_work
from survey.questionnaires.queries import latest_version, version_by_number
from survey.units.queries import units_by_codes

campaign = AppGroup("campaign", help="Survey campaigns (đợt khảo sát).")
DATE = click.DateTime(formats=["%Y-%m-%d"])


@campaign.command("create")
@click.argument("slug")
@click.option("--name", required=True)
@click.option("--questionnaire", "questionnaire_slug", required=True, help="Questionnaire slug.")
@click.option("--version", "version_number", type=int, help="Published version (default: the newest).")
@click.option("--opens", type=DATE, help="First day, YYYY-MM-DD (leave out for a draft).")
@click.option("--closes", type=DATE, help="Last day, YYYY-MM-DD.")
@click.option("--channel", "channels", multiple=True, type=click.Choice(CHANNELS), default=("web",),
              show_default=True)
@click.option("--unit", "unit_codes", multiple=True, metavar="CODE", help="Target unit (repeatable).")
@click.option("--quota", type=int, help="Quota for each unit given with --unit.")
@click.option("--targets", type=click.Path(exists=True, dir_okay=False),
              help="CSV of targets: unit_code, quota, transactions.")
@click.option("--double-entry", is_flag=True, help="Paper forms are keyed twice and reconciled.")
@click.option("--min-seconds", type=int, default=60, show_default=True,
              help="Web and interviewer responses quicker than this are flagged too short.")
def create_command(slug, name, questionnaire_slug, version_number, opens, closes, channels, unit_codes,
                   quota, targets, double_entry, min_seconds) -> None:
    """Create campaign SLUG."""
    with unit_of_work() as session:
        version = (version_by_number(session, questionnaire_slug, version_number) if version_number
                   else latest_version(session, questionnaire_slug))
        spec = CampaignSpec(
            slug=slug, name=name, version=version, channels=channels, double_entry=double_entry,
            min_seconds=min_seconds,
            opens_on=opens.date() if opens else None, closes_on=closes.date() if closes else None,
            targets=[Target(u, quota) for u in units_by_codes(session, unit_codes)] + read_targets(session, targets),
        )
        created = create_campaign(session, spec)
    click.echo(f"{created.slug}\t{created.state_on(clock.today())}\t{len(created.units)} units")


def read_targets(session, path: str | None) -> list[Target]:
    if path is None:
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        return targets_from_csv(session, handle.read())


@campaign.command("list")
def list_command() -> None:
    """One campaign per line: slug, state, dates, questionnaire version, name."""
    today = clock.today()
    for item in all_campaigns(db.session()):
        dates = f"{item.opens_on}..{item.closes_on}" if item.opens_on else "-"
        click.echo(f"{item.slug}\t{item.state_on(today)}\t{dates}\t{item.questionnaire_version.label}\t{item.name}")
