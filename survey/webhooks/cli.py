"""`flask webhooks ...`: subscriptions, and the deliverer that posts the outbox to them."""
import click
from flask.cli import AppGroup

from survey import db
from survey.cli import unit_of_work
from survey.webhooks.delivery import Policy
from survey.webhooks.models import EVENTS
from survey.webhooks.operations import add_subscription, all_subscriptions, remove_subscription, subscription_by_id
from survey.webhooks.worker import Round, run

webhooks = AppGroup("webhooks", help="Webhook subscriptions and their delivery.")


@webhooks.command("add")
@click.argument("url")
@click.option("--event", "events", multiple=True, metavar="|".join(EVENTS),
              help="An event to send (repeatable; default every event).")
@click.option("--secret", help="The signing secret (default: generated and printed).")
def add(url: str, events: tuple[str, ...], secret: str | None) -> None:
    """Subscribe URL; prints the id and the signing secret to give the receiver."""
    with unit_of_work() as session:
        subscription = add_subscription(session, url, events or EVENTS, None, secret)
    click.echo(f"{subscription.id}\t{subscription.secret}")


@webhooks.command("list")
def list_subscriptions() -> None:
    """id, url, events, active (tab-separated)."""
    for subscription in all_subscriptions(db.session()):
        state = "active" if subscription.active else "inactive"
        click.echo(f"{subscription.id}\t{subscription.url}\t{','.join(subscription.events)}\t{state}")


@webhooks.command("remove")
@click.argument("subscription_id", type=int, metavar="ID")
def remove(subscription_id: int) -> None:
    """Remove subscription ID and its delivery log."""
    with unit_of_work() as session:
        remove_subscription(session, subscription_by_id(session, subscription_id), None)
    click.echo(f"removed {subscription_id}")


@webhooks.command("deliver")
@click.option("--once", is_flag=True, help="One round, then exit (for cron or tests).")
@click.option("--poll", default=5.0, show_default=True, help="Seconds between rounds.")
def deliver(once: bool, poll: float) -> None:
    """Post due events to the subscribers, retrying failures with exponential backoff."""
    run(Policy.from_config(), poll, once, report)


def report(done: Round | str) -> None:
    """A round that did something, or why a round failed."""
    if isinstance(done, str):
        click.echo(done)
    else:
        click.echo(f"closed {done.closed} campaign(s), {done.dispatched} new delivery(ies), "
                   f"{done.posted} posted, {done.delivered} delivered")
