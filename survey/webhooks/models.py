"""Webhook subscriptions, the outbox of events, and the delivery log."""
from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.accounts.models import User
from survey.db import Base, Document, utcnow

EVENTS = ("response.created", "response.verified", "response.rejected", "campaign.closed")
DELIVERY_STATUSES = ("pending", "delivered", "failed")


class WebhookSubscription(Base):
    """Where to post which events. `secret` signs the payloads: it is kept, since every post needs it."""

    __tablename__ = "webhook_subscriptions"
    __table_args__ = (CheckConstraint("url <> ''", name="url_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000))
    secret: Mapped[str] = mapped_column(String(100))
    events: Mapped[list] = mapped_column(Document)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    created_by: Mapped[User | None] = relationship()


class WebhookEvent(Base):
    """The outbox: one row per event, written in the transaction of what it reports.

    `key` makes an event happen at most once when set ("campaign.closed:12"); `dispatched_at` is
    set when the deliverer has made the delivery rows of the subscriptions listening to it.
    """

    __tablename__ = "webhook_events"
    __table_args__ = (
        UniqueConstraint("key", name="uq_webhook_events_key"),
        CheckConstraint(f"event IN {EVENTS}", name="event_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event: Mapped[str] = mapped_column(String(32))
    key: Mapped[str | None] = mapped_column(String(100))
    payload: Mapped[dict] = mapped_column(Document)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    dispatched_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)


class WebhookDelivery(Base):
    """One event to one subscription: the delivery log administrators read."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("event_id", "subscription_id", name="uq_webhook_deliveries_event_subscription"),
        CheckConstraint(f"status IN {DELIVERY_STATUSES}", name="status_known"),
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("webhook_events.id", ondelete="CASCADE"), index=True)
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("webhook_subscriptions.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    """When the next post is due (pending only); also the lease of a worker holding it."""
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    event: Mapped[WebhookEvent] = relationship()
    subscription: Mapped[WebhookSubscription] = relationship()
