"""Posting the outbox to subscribers: fan out, claim what is due, post it signed, log the outcome.

Each step is its own short transaction and no transaction is open during a post, so a slow
receiver holds no lock. A claimed delivery is leased (its next attempt pushed `lease` seconds
ahead) so that several deliverers (one per host) never post the same delivery at once; a
deliverer killed mid-post leaves the lease to expire and the delivery is retried. Subscribers
get each event at least once and tell repeats apart by the X-Survey-Event-Id header. A post goes
only where `addresses` allows, and whatever goes wrong is logged for its subscriber alone.
"""
import http.client
import json
import logging
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlunsplit

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey import clock
from survey.config import DEFAULTS
from survey.webhooks.addresses import Refused, allowed_hosts, checked_address, host_of
from survey.webhooks.events import envelope
from survey.webhooks.models import WebhookDelivery, WebhookEvent, WebhookSubscription
from survey.webhooks.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign

BATCH = 100
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Policy:
    """Retries: the n-th failure waits base × 2^(n-1) seconds (at most `max_delay`); after
    `max_attempts` posts the delivery is given up ("failed")."""

    max_attempts: int = DEFAULTS["WEBHOOK_MAX_ATTEMPTS"]
    base_delay: float = DEFAULTS["WEBHOOK_BACKOFF_SECONDS"]
    max_delay: float = DEFAULTS["WEBHOOK_MAX_BACKOFF_SECONDS"]
    timeout: float = DEFAULTS["WEBHOOK_TIMEOUT_SECONDS"]
    lease: float = 120.0
    allowed_hosts: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls) -> "Policy":
        config = current_app.config
        return cls(max_attempts=int(config["WEBHOOK_MAX_ATTEMPTS"]),
                   base_delay=float(config["WEBHOOK_BACKOFF_SECONDS"]),
                   max_delay=float(config["WEBHOOK_MAX_BACKOFF_SECONDS"]),
                   timeout=float(config["WEBHOOK_TIMEOUT_SECONDS"]),
                   allowed_hosts=allowed_hosts())

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


class _PinnedConnection(http.client.HTTPConnection):
    """Connects to `address`, the one that was checked, without resolving the host again; the Host
    header (and for HTTPS the server name and the certificate check) still use the host name."""

    address: str

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedTLSConnection(http.client.HTTPSConnection, _PinnedConnection):
    """HTTPS over the socket `_PinnedConnection` opens (HTTPSConnection.connect wraps what it makes)."""


def send(post: Post, policy: Policy, timestamp: int | None = None) -> Outcome:
    """POST the signed body; any 2xx is a delivery, anything else (or no answer) a failure. Never
    raises: the outcome's error is a reason the delivery log translates, never the detail (a
    refused connection, a timeout and a garbage answer would tell an administrator which ports of
    a machine are open); the operator finds the detail in the server log."""
    try:
        status = _post(post, policy, int(clock.now().timestamp()) if timestamp is None else timestamp)
    except Refused as refused:
        return Outcome(None, refused.reason)
    except Exception:  # anything a receiver, or its absence, can cause
        logger.warning("webhook delivery %s to %r failed", post.delivery_id, post.url, exc_info=True)
        return Outcome(None, "unreachable")
    return Outcome(status, None if 200 <= status < 300 else "redirect" if 300 <= status < 400 else "status")


def _post(post: Post, policy: Policy, timestamp: int) -> int:
    """The status of the receiver's answer; a redirect is an answer, never followed."""
    parts, address = checked_address(post.url, policy.allowed_hosts)
    kind = _PinnedTLSConnection if parts.scheme == "https" else _PinnedConnection
    connection = kind(host_of(parts), parts.port, timeout=policy.timeout)
    connection.address = address
    try:
        connection.request("POST", urlunsplit(("", "", parts.path or "/", parts.query, "")), post.body,
                           headers(post, timestamp))
        return connection.getresponse().status
    finally:
        connection.close()


def headers(post: Post, timestamp: int) -> dict[str, str]:
    return {"Content-Type": "application/json", "User-Agent": "survey-webhooks/1",
            "X-Survey-Event": post.event, "X-Survey-Event-Id": str(post.event_id),
            "X-Survey-Delivery": str(post.delivery_id), TIMESTAMP_HEADER: str(timestamp),
            SIGNATURE_HEADER: sign(post.secret, timestamp, post.body)}


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
