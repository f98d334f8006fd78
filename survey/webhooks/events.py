"""Events written to the outbox in the caller's transaction (flush only; the caller commits).

Whoever makes something happen writes its event in the same unit of work: the event is stored if
and only if what it reports is, and the deliverer posts it later, however long the subscribers
are down. The responses domain writes its own (`survey.responses.outbox`); campaigns' are here.
"""
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from survey.campaigns.models import Campaign
from survey.db import utcnow
from survey.webhooks.models import WebhookEvent

CLOSED_KEY = "campaign.closed:{id}"


def emit(session: Session, event: str, payload: dict, key: str | None = None) -> WebhookEvent:
    """Add one event to the outbox of the current transaction."""
    row = WebhookEvent(event=event, key=key, payload=payload, created_at=utcnow())
    session.add(row)
    return row


def campaign_closed(session: Session, campaign: Campaign, closed_on: date) -> bool:
    """campaign.closed, at most once per campaign (the outbox key is unique); True if emitted now."""
    key = CLOSED_KEY.format(id=campaign.id)
    if session.scalar(select(WebhookEvent.id).where(WebhookEvent.key == key)) is not None:
        return False
    payload = {"campaign": {"slug": campaign.slug, "name": campaign.name, "closed_on": closed_on.isoformat()}}
    try:
        with session.begin_nested():
            emit(session, "campaign.closed", payload, key)
    except IntegrityError:  # another deliverer emitted it meanwhile
        return False
    return True


def close_passed_campaigns(session: Session, today: date) -> list[str]:
    """campaign.closed for every campaign whose last day has passed and that has not had it yet."""
    passed = session.scalars(select(Campaign).where(Campaign.closes_on < today).order_by(Campaign.id))
    return [campaign.slug for campaign in passed  # closes_on is set: the query compared it
            if campaign.closes_on is not None and campaign_closed(session, campaign, campaign.closes_on)]


def envelope(event: WebhookEvent) -> dict:
    """The JSON document posted to subscribers."""
    return {"id": event.id, "event": event.event, "created_at": _iso(event.created_at), "data": event.payload}


def _iso(moment: datetime) -> str:
    """SQLite reads the stored UTC instant back without its zone."""
    return (moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)).isoformat()
