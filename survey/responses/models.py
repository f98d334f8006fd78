"""Responses and their answers, stored long: one row per (response, question key, repeat instance).

The database itself guards the invariants: a response's unit is a target of its campaign, its
channel is allowed by the campaign, each answer's key is a question of the version answered.
"""
from datetime import datetime
from typing import Literal, get_args
from uuid import UUID

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forms.repeats import instance_key
from survey.accounts.models import User
from survey.campaigns.models import CHANNELS, Campaign
from survey.db import Base, Document
from survey.questionnaires.models import QuestionnaireVersion
from survey.units.models import Unit

Status = Literal["submitted", "verified", "rejected"]
"""A response's status (the API's documents are typed with it)."""
STATUSES: tuple[Status, ...] = get_args(Status)
DEVICE_CLASSES = ("phone", "tablet", "desktop")
FLAGS = ("burst_device", "burst_unit")
EXCLUSION_REASONS = ("rate_limited", *FLAGS)


class Response(Base):
    """One questionnaire answered; `uuid` is made by the client and makes submission idempotent."""

    __tablename__ = "responses"
    __table_args__ = (
        UniqueConstraint("uuid", name="uq_responses_uuid"),
        UniqueConstraint("campaign_id", "paper_serial", name="uq_responses_paper_serial"),
        UniqueConstraint("id", "questionnaire_version_id", name="uq_responses_id_version"),
        CheckConstraint(f"status IN {STATUSES}", name="status_known"),
        CheckConstraint(f"channel IN {CHANNELS}", name="channel_known"),
        CheckConstraint("channel <> 'paper' OR paper_serial IS NOT NULL", name="paper_has_serial"),
        CheckConstraint("paper_serial <> ''", name="paper_serial_not_empty"),
        CheckConstraint("submitted_at >= started_at", name="submitted_after_start"),
        CheckConstraint("(status = 'rejected') = (rejection_reason IS NOT NULL)", name="rejection_has_reason"),
        CheckConstraint(f"device_class IN {DEVICE_CLASSES}", name="device_class_known"),
        CheckConstraint(f"flag IN {FLAGS}", name="flag_known"),
        ForeignKeyConstraint(
            ["campaign_id", "unit_id"],
            ["campaign_units.campaign_id", "campaign_units.unit_id"],
            name="fk_responses_campaign_unit",
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["campaign_id", "channel"],
            ["campaign_channels.campaign_id", "campaign_channels.channel"],
            name="fk_responses_campaign_channel",
            ondelete="RESTRICT",
        ),
        # Every web send counts recent responses by device and by unit (see screening.burst).
        Index("ix_responses_campaign_device_time", "campaign_id", "device_hash", "submitted_at"),
        Index("ix_responses_campaign_unit_time", "campaign_id", "unit_id", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[UUID] = mapped_column(Uuid)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="RESTRICT"), index=True)
    # No index of its own: the unique (id, questionnaire_version_id) serves the answers' key, and a
    # second index on the version let PostgreSQL check that key by walking the version's responses.
    questionnaire_version_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_versions.id", ondelete="RESTRICT"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="submitted")
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    paper_serial: Mapped[str | None] = mapped_column(String(64))
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    language: Mapped[str] = mapped_column(String(8), default="vi")
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Paradata of self-completed web responses (None for other channels); never an IP address.
    device_class: Mapped[str | None] = mapped_column(String(16))
    device_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    """A keyed hash of the browser's device cookie: tells repeat submissions apart, names nobody."""
    page_seconds: Mapped[dict | None] = mapped_column(Document)
    """Section name -> seconds spent on that page (summed over visits)."""
    flag: Mapped[str | None] = mapped_column(String(32))
    """Why a supervisor should look at this response (a suspicious burst); it is kept, not dropped."""

    campaign: Mapped[Campaign] = relationship()
    questionnaire_version: Mapped[QuestionnaireVersion] = relationship()
    unit: Mapped[Unit] = relationship()
    entered_by: Mapped[User | None] = relationship()
    answers: Mapped[list["Answer"]] = relationship(
        cascade="all, delete-orphan", order_by=lambda: (Answer.question_key, Answer.instance)
    )


class Answer(Base):
    """The stored answer (canonical text, see forms/FORMAT.md) and its numeric reading, if any.

    `instance` is 0 for a question outside a repeat, and 1..n for the n-th instance of its repeat
    (a household roster's n-th member), so one question of a repeat has one row per instance.
    """

    __tablename__ = "answers"
    __table_args__ = (
        CheckConstraint("value <> ''", name="value_not_empty"),
        CheckConstraint("instance >= 0", name="instance_not_negative"),
        ForeignKeyConstraint(
            ["response_id", "version_id"],
            ["responses.id", "responses.questionnaire_version_id"],
            name="fk_answers_response",
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["version_id", "question_key"],
            ["version_questions.version_id", "version_questions.key"],
            name="fk_answers_question",
            ondelete="RESTRICT",
        ),
    )

    response_id: Mapped[int] = mapped_column(primary_key=True)
    question_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    instance: Mapped[int] = mapped_column(primary_key=True, default=0, server_default="0")
    version_id: Mapped[int] = mapped_column(index=True)
    value: Mapped[str] = mapped_column(Text)
    number: Mapped[float | None] = mapped_column(Float)

    @property
    def key(self) -> str:
        """Its key in a mapping of answers: the question's name, ``q[n]`` in a repeat's n-th instance."""
        return instance_key(self.question_key, self.instance)


class Draft(Base):
    """A web response being filled in, saved at every page; deleted when the response is stored.

    `uuid` becomes the response's uuid. `resume_code` (8 characters) and the session cookie bring
    the respondent back to `section` while the campaign is open.
    """

    __tablename__ = "drafts"
    __table_args__ = (
        UniqueConstraint("resume_code", name="uq_drafts_resume_code"),
        CheckConstraint(f"device_class IN {DEVICE_CLASSES}", name="device_class_known"),
        ForeignKeyConstraint(
            ["campaign_id", "unit_id"],
            ["campaign_units.campaign_id", "campaign_units.unit_id"],
            name="fk_drafts_campaign_unit",
            ondelete="CASCADE",
        ),
    )

    uuid: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    invitation_id: Mapped[int | None] = mapped_column(ForeignKey("invitations.id", ondelete="CASCADE"), index=True)
    resume_code: Mapped[str] = mapped_column(String(8))
    answers: Mapped[dict] = mapped_column(Document)
    section: Mapped[str] = mapped_column(String(64))
    """Where the respondent is: a section name, or the review page."""
    language: Mapped[str] = mapped_column(String(8))
    device_class: Mapped[str] = mapped_column(String(16))
    device_hash: Mapped[str | None] = mapped_column(String(64))
    page_seconds: Mapped[dict] = mapped_column(Document)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    campaign: Mapped[Campaign] = relationship()
    unit: Mapped[Unit] = relationship()


class Exclusion(Base):
    """The exclusion log: refused or flagged web activity, for supervisors to review later.

    Its detail is data the supervisors' page says in its reader's language: `detail_key`, a key of
    their catalogue, and `detail_params` (`survey.responses.screening.said`). Entries logged before
    2026-12-12 hold English text in `detail` instead, shown as it is: they are history."""

    __tablename__ = "exclusions"
    __table_args__ = (CheckConstraint(f"reason IN {EXCLUSION_REASONS}", name="reason_known"),
                      CheckConstraint("(detail_key IS NULL) <> (detail IS NULL)", name="detail_text_or_key"))

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    reason: Mapped[str] = mapped_column(String(32))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    response_id: Mapped[int | None] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"), index=True)
    detail: Mapped[str | None] = mapped_column(Text)
    detail_key: Mapped[str | None] = mapped_column(String(64))
    detail_params: Mapped[dict | None] = mapped_column(Document)

    @property
    def said(self) -> dict | None:
        """The detail as `survey.responses.screening.said` made it; None for one logged as text."""
        return None if self.detail_key is None else {"key": self.detail_key, "params": self.detail_params or {}}


CHANGE_KINDS = ("status", "answer")


class ResponseChange(Base):
    """The audit trail of a response: one row per changed value (its status, or one answer), with
    who changed it, when, the value before and after, and why. Written by the review operations
    of `survey.responses.operations`; never updated or deleted."""

    __tablename__ = "response_changes"
    __table_args__ = (
        CheckConstraint(f"kind IN {CHANGE_KINDS}", name="kind_known"),
        CheckConstraint("(kind = 'answer') = (question_key IS NOT NULL)", name="answer_names_question"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    """Who made the change; None for the command line and other unattended callers."""
    kind: Mapped[str] = mapped_column(String(16))
    question_key: Mapped[str | None] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    """None: there was no answer (or, for a status, never: a response always has one)."""
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)

    actor: Mapped[User | None] = relationship()
