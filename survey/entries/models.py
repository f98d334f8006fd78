"""Keyed paper forms and the reconciliation of double entry.

`paper_entries` holds every keyed form as it was typed, pass 1 or 2. The database guards the
double-entry rules it can: one entry per (campaign, serial, pass), and one entry per (campaign,
serial, keyer), so the two passes of a serial are always keyed by different people.
`entry_discrepancies` holds one row per question on which the two passes differ, with both
originals and, once a supervisor decided, the value kept, how it was chosen, who and when.
"""
from datetime import datetime
from uuid import UUID

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.accounts.models import User
from survey.campaigns.models import Campaign
from survey.db import Base, Document
from survey.responses.models import Response
from survey.units.models import Unit

PASSES = (1, 2)
CHOICES = ("first", "second", "corrected")
"""How a supervisor settled a discrepancy: the first keyer's value, the second's, or a new one."""


class PaperEntry(Base):
    """One paper form keyed once; `uuid` is made by the page (or the offline queue) and makes
    keying idempotent. `answers` are stored strings by question key, as checked when keyed."""

    __tablename__ = "paper_entries"
    __table_args__ = (
        UniqueConstraint("uuid", name="uq_paper_entries_uuid"),
        UniqueConstraint("campaign_id", "serial", "pass_number", name="uq_paper_entries_pass"),
        UniqueConstraint("campaign_id", "serial", "keyed_by_id", name="uq_paper_entries_keyer"),
        CheckConstraint("pass_number IN (1, 2)", name="pass_known"),
        CheckConstraint("serial <> ''", name="serial_not_empty"),
        CheckConstraint("seconds IS NULL OR seconds >= 0", name="seconds_not_negative"),
        ForeignKeyConstraint(
            ["campaign_id", "unit_id"],
            ["campaign_units.campaign_id", "campaign_units.unit_id"],
            name="fk_paper_entries_campaign_unit",
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[UUID] = mapped_column(Uuid)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="RESTRICT"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    serial: Mapped[str] = mapped_column(String(64))
    pass_number: Mapped[int]
    keyed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    keyed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    seconds: Mapped[float | None] = mapped_column(Float)
    """Time spent keying the form, as measured by the page (None when unknown)."""
    answers: Mapped[dict] = mapped_column(Document)
    response_id: Mapped[int | None] = mapped_column(ForeignKey("responses.id", ondelete="SET NULL"), index=True)
    """The response this entry became (both passes of a double-keyed serial point to it)."""

    campaign: Mapped[Campaign] = relationship()
    unit: Mapped[Unit] = relationship()
    keyed_by: Mapped[User] = relationship()
    response: Mapped[Response | None] = relationship()


class EntryDiscrepancy(Base):
    """A question on which the two passes of a serial differ (None: left empty), and its settling."""

    __tablename__ = "entry_discrepancies"
    __table_args__ = (
        UniqueConstraint("campaign_id", "serial", "question_key", name="uq_entry_discrepancies_question"),
        CheckConstraint(f"choice IN {CHOICES}", name="choice_known"),
        CheckConstraint("(choice IS NULL) = (decided_at IS NULL) AND (choice IS NULL) = (decided_by_id IS NULL)",
                        name="decision_complete"),
        CheckConstraint("first_value IS NOT NULL OR second_value IS NOT NULL", name="values_differ"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="RESTRICT"), index=True)
    serial: Mapped[str] = mapped_column(String(64))
    question_key: Mapped[str] = mapped_column(String(64))
    first_value: Mapped[str | None] = mapped_column(Text)
    second_value: Mapped[str | None] = mapped_column(Text)
    choice: Mapped[str | None] = mapped_column(String(16))
    chosen_value: Mapped[str | None] = mapped_column(Text)
    """The value kept (None: no answer); meaningful only once decided."""
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    decided_by: Mapped[User | None] = relationship()
