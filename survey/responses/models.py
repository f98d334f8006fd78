"""Responses and their answers, stored long: one row per (response, question key).

The database itself guards the invariants: a response's unit is a target of its campaign, its
channel is allowed by the campaign, each answer's key is a question of the version answered.
"""
from uuid import UUID
from datetime import datetime

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
from survey.campaigns.models import CHANNELS, Campaign
from survey.db import Base
from survey.questionnaires.models import QuestionnaireVersion
from survey.units.models import Unit

STATUSES = ("submitted", "verified", "rejected")


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
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[UUID] = mapped_column(Uuid)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="RESTRICT"), index=True)
    questionnaire_version_id: Mapped[int] = mapped_column(
        ForeignKey("questionnaire_versions.id", ondelete="RESTRICT"), index=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="submitted")
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    paper_serial: Mapped[str | None] = mapped_column(String(64))
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    language: Mapped[str] = mapped_column(String(8), default="vi")
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    campaign: Mapped[Campaign] = relationship()
    questionnaire_version: Mapped[QuestionnaireVersion] = relationship()
    unit: Mapped[Unit] = relationship()
    entered_by: Mapped[User | None] = relationship()
    answers: Mapped[list["Answer"]] = relationship(
        cascade="all, delete-orphan", order_by="Answer.question_key"
    )


class Answer(Base):
    """The stored answer (canonical text, see forms/FORMAT.md) and its numeric reading, if any."""

    __tablename__ = "answers"
    __table_args__ = (
        CheckConstraint("value <> ''", name="value_not_empty"),
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
    version_id: Mapped[int] = mapped_column(index=True)
    value: Mapped[str] = mapped_column(Text)
    number: Mapped[float | None] = mapped_column(Float)
