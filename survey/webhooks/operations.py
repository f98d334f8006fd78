"""Webhook subscriptions (flush only; the caller commits) and the reads of the delivery log."""
import secrets
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from survey.accounts.models import User
from survey.accounts.operations import audit
from survey.db import utcnow
from survey.errors import InvalidInput, Problem
from survey.webhooks.addresses import MAX_URL, allowed_hosts, url_acceptable
from survey.webhooks.messages import CATALOGUE
from survey.webhooks.models import EVENTS, WebhookDelivery, WebhookEvent, WebhookSubscription


def add_subscription(session: Session, url: str, events: Sequence[str], actor: User | None,
                     secret: str | None = None) -> WebhookSubscription:
    """A new active subscription; its secret is generated unless given (at least 16 characters)."""
    url, events = url.strip(), list(dict.fromkeys(events))
    problems = url_problems(url) + event_problems(events)
    if secret is not None and not 16 <= len(secret) <= 100:
        problems.append(CATALOGUE.problem("secret_length"))
    if problems:
        raise InvalidInput(problems)
    subscription = WebhookSubscription(url=url, events=events, secret=secret or secrets.token_urlsafe(32),
                                       active=True, created_by=actor, created_at=utcnow())
    session.add(subscription)
    session.flush()
    audit(session, actor, "webhook_added", subject=f"webhook {subscription.id}", url=url, events=events)
    return subscription


def url_problems(url: str) -> list[Problem]:
    """The URL's form; where it leads is checked at every post (`addresses.checked_address`)."""
    if not url_acceptable(url, allowed_hosts()):
        return [CATALOGUE.problem("url_invalid", length=MAX_URL, url=url[:80])]
    return []


def event_problems(events: Sequence[str]) -> list[Problem]:
    known = ", ".join(EVENTS)
    problems = [] if events else [CATALOGUE.problem("events_none", events=known)]
    return problems + [CATALOGUE.problem("event_unknown", event=e, events=known) for e in events if e not in EVENTS]


def remove_subscription(session: Session, subscription: WebhookSubscription, actor: User | None) -> None:
    """Delete the subscription and its delivery log; nothing more is posted to it."""
    audit(session, actor, "webhook_removed", subject=f"webhook {subscription.id}", url=subscription.url,
          events=subscription.events)
    session.delete(subscription)
    session.flush()


def all_subscriptions(session: Session) -> list[WebhookSubscription]:
    return list(session.scalars(select(WebhookSubscription).order_by(WebhookSubscription.id)))


def subscription_by_id(session: Session, subscription_id: int) -> WebhookSubscription:
    found = session.get(WebhookSubscription, subscription_id)
    if found is None:
        raise InvalidInput(CATALOGUE.problem("subscription_unknown", number=subscription_id))
    return found


def recent_deliveries(session: Session, subscription: WebhookSubscription | None = None,
                      limit: int = 100) -> list[WebhookDelivery]:
    """The delivery log, newest event first."""
    query = (select(WebhookDelivery).join(WebhookEvent).options(selectinload(WebhookDelivery.event),
                                                                 selectinload(WebhookDelivery.subscription))
             .order_by(WebhookDelivery.event_id.desc(), WebhookDelivery.id.desc()).limit(limit))
    if subscription is not None:
        query = query.where(WebhookDelivery.subscription_id == subscription.id)
    return list(session.scalars(query))
