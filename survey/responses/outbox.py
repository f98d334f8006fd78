"""The webhook events of responses, written to the outbox in the caller's transaction (flush only).

The responses domain writes them where it stores or reviews a response, so an event exists if and
only if what it reports does (a new response's event goes out with its row: `response_insert`);
`survey.webhooks` reads the outbox and delivers it, and knows nothing of responses. One INSERT per
event, built once, without loading the row back.
"""
from typing import cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from survey.clock import aware
from survey.db import utcnow
from survey.responses.models import Response
from survey.webhooks.models import WebhookEvent


def response_status_changed(session: Session, response: Response) -> None:
    """response.verified or response.rejected, from the response's status now."""
    if response.status not in ("verified", "rejected"):
        raise ValueError(f"no webhook event for a response {response.status}")
    _emit(session, f"response.{response.status}", response)


def response_summary(response: Response) -> dict:
    """What subscribers learn of a response: enough to fetch it from the API, no answers."""
    return {"uuid": str(response.uuid), "campaign": response.campaign.slug, "unit": response.unit.code,
            "channel": response.channel, "status": response.status, "rejection_reason": response.rejection_reason,
            "submitted_at": aware(response.submitted_at).isoformat()}


EVENTS = cast(Table, WebhookEvent.__table__)  # a declarative model's table, which its hints call a FromClause
INSERT_EVENT = insert(EVENTS)


def _emit(session: Session, event: str, response: Response) -> None:
    session.connection().execute(INSERT_EVENT, {"event": event, "payload": {"response": response_summary(response)},
                                                "created_at": utcnow()})
