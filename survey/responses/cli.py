"""`flask drafts ...`"""
import click
from flask.cli import AppGroup

from survey import clock
from survey.cli import unit_of_work
from survey.responses.drafts import purge_drafts

drafts = AppGroup("drafts", help="Web responses in progress.")


@drafts.command("purge")
def purge_command() -> None:
    """Delete unfinished web responses of closed campaigns (run it daily, e.g. from cron)."""
    with unit_of_work() as session:
        removed = purge_drafts(session, clock.today())
    click.echo(f"deleted {removed} unfinished response(s) of closed campaigns")
