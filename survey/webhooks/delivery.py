"""Posting the outbox to subscribers: fan out, claim what is due, post it signed, log the outcome.

Each step is its own short transaction and no transaction is open during a post, so a slow
receiver holds no lock. A claimed delivery is leased (its next attempt pushed `lease` seconds
ahead) so that several deliverers (one per host) never post the same delivery at once; a
deliverer killed mid-post leaves the lease to expire and the delivery is retried. Subscribers
get each event at least once and tell repeats apart by the X-Survey-Event-Id header.
"""
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.webhooks.events import envelope
from survey.webhooks.models import WebhookDelivery, WebhookEvent, WebhookSubscription
from survey.webhooks.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign

BATCH = 100


@dataclass(frozen=True)
class Policy:
    """Retries: the n-th failure waits base × 2^(n-1) seconds (at most `max_delay`); after
    `max_attempts` posts the delivery is given up ("failed")."""

    max_attempts: int = 8
    base_delay: float = 30.0
    max_delay: float = 6 * 3600.0
    timeout: float = 10.0
    lease: float = 120.0

    @classmethod
    def from_config(cls) -> "Policy":
        config = current_app.config
        return cls(max_attempts=int(config.get("WEBHOOK_MAX_ATTEMPTS", cls.max_attempts)),
                   base_delay=float(config.get("WEBHOOK_BACKOFF_SECONDS", cls.base_delay)),
                   max_delay=float(config.get("WEBHOOK_MAX_BACKOFF_SECONDS", cls.max_delay)),
                   timeout=float(config.get("WEBHOOK_TIMEOUT_SECONDS", cls.timeout)))

    def delay(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.base_delay * 2 ** (attempts - 1), self.max_delay))


@dataclass(frozen=True)
class Post:
    """A claimed delivery: what to send where."""

    delivery_id: int
    event_id: int
    event: str
    url: str
    secret: str
    body: bytes


@dataclass(frozen=True)
class Outcome:
    status_code: int | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def dispatch(session: Session, now: datetime) -> int:
    """Make the delivery rows of new events, for the active subscriptions listening to them."""
    events = list(session.scalars(select(WebhookEvent).where(WebhookEvent.dispatched_at.is_(None))
                                  .order_by(WebhookEvent.id).limit(BATCH).with_for_update(skip_locked=True)))
    subscriptions = list(session.scalars(select(WebhookSubscription).where(WebhookSubscription.active)))
    made = 0
    for event in events:
        for subscription in subscriptions:
            if event.event in subscription.events:
                session.add(WebhookDelivery(event_id=event.id, subscription_id=subscription.id, status="pending",
                                            attempts=0, next_attempt_at=now))
                made += 1
        event.dispatched_at = now
    session.flush()
    return made


def claim(session: Session, now: datetime, policy: Policy) -> list[Post]:
    """The deliveries due now, leased to this deliverer."""
    due = list(session.scalars(
        select(WebhookDelivery).join(WebhookSubscription)
        .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= now,
               WebhookSubscription.active)
        .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id).limit(BATCH)
        .with_for_update(skip_locked=True, of=WebhookDelivery)))
    for delivery in due:
        delivery.next_attempt_at = now + timedelta(seconds=policy.lease)
    session.flush()
    return [Post(d.id, d.event_id, d.event.event, d.subscription.url, d.subscription.secret, body(d.event))
            for d in due]


def body(event: WebhookEvent) -> bytes:
    return json.dumps(envelope(event), ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not a delivery: the receiver's URL must be the final one."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def send(post: Post, timeout: float, timestamp: int | None = None) -> Outcome:
    """POST the signed body; any 2xx is a delivery, anything else (or no answer) a failure."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    request = urllib.request.Request(post.url, data=post.body, method="POST", headers={
        "Content-Type": "application/json", "User-Agent": "survey-webhooks/1",
        "X-Survey-Event": post.event, "X-Survey-Event-Id": str(post.event_id),
        "X-Survey-Delivery": str(post.delivery_id), TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: sign(post.secret, timestamp, post.body)})
    try:
        with _opener.open(request, timeout=timeout) as answer:
            return Outcome(answer.status, None)
    except urllib.error.HTTPError as error:
        error.close()
        return Outcome(error.code, f"HTTP {error.code}")
    except (urllib.error.URLError, OSError, ValueError) as error:
        return Outcome(None, str(getattr(error, "reason", error))[:500])


def record(session: Session, post: Post, outcome: Outcome, now: datetime, policy: Policy) -> WebhookDelivery | None:
    """Log one attempt: delivered, due again after the backoff, or given up."""
    delivery = session.get(WebhookDelivery, post.delivery_id, populate_existing=True)
    if delivery is None:  # its subscription was removed during the post
        return None
    delivery.attempts += 1
    delivery.last_status_code, delivery.last_error = outcome.status_code, outcome.error
    if outcome.ok:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = "delivered", now, None
    elif delivery.attempts >= policy.max_attempts:
        delivery.status, delivery.next_attempt_at = "failed", None
    else:
        delivery.next_attempt_at = now + policy.delay(delivery.attempts)
    session.flush()
    return delivery
