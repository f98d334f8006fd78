"""Events written to the outbox in the caller's transaction (flush only; the caller commits).

Whoever makes something happen calls the function here in the same unit of work: the event is
stored if and only if what it reports is, and the deliverer posts it later, however long the
subscribers are down.
"""
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from survey.campaigns.models import Campaign
from survey.db import utcnow
from survey.responses.models import Response, aware
from survey.webhooks.models import WebhookEvent

CLOSED_KEY = "campaign.closed:{id}"


def emit(session: Session, event: str, payload: dict, key: str | None = None) -> WebhookEvent:
    """Add one event to the outbox of the current transaction."""
    row = WebhookEvent(event=event, key=key, payload=payload, created_at=utcnow())
    session.add(row)
    return row


def response_created(session: Session, response: Response) -> WebhookEvent:
    return emit(session, "response.created", {"response": response_summary(response)})


def response_status_changed(session: Session, response: Response) -> WebhookEvent:
    """response.verified or response.rejected, from the response's status now."""
    if response.status not in ("verified", "rejected"):
        raise ValueError(f"no webhook event for a response {response.status}")
    return emit(session, f"response.{response.status}", {"response": response_summary(response)})


def response_summary(response: Response) -> dict:
    """What subscribers learn of a response: enough to fetch it from the API, no answers."""
    return {"uuid": str(response.uuid), "campaign": response.campaign.slug, "unit": response.unit.code,
            "channel": response.channel, "status": response.status, "rejection_reason": response.rejection_reason,
            "submitted_at": aware(response.submitted_at).isoformat()}


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
    return [campaign.slug for campaign in passed if campaign_closed(session, campaign, campaign.closes_on)]


def envelope(event: WebhookEvent) -> dict:
    """The JSON document posted to subscribers."""
    return {"id": event.id, "event": event.event, "created_at": _iso(event.created_at), "data": event.payload}


def _iso(moment: datetime) -> str:
    return aware(moment).isoformat()
