"""The PAR index scoring workflow's records: a scoring round on a published definition, each unit's
assessment in it, a value per self-assessed sub-criterion, and the evidence files behind them.

An assessment moves self_assessing → submitted (the agency, before the round's deadline) →
appraised (Home Affairs accepted or changed each value) → answered (the agency's one answer,
optional) → final (the department closed it; nothing changes after). Values are kept as the text
the rule reads (`yes`/`no`, a level's key, a percentage): survey.par_index.scoring_queries turns
them into analysis.par_index's inputs.
"""
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.db import Base, utcnow
from survey.par_index.models import IndexDefinition
from survey.units.models import Unit

STATUSES = ("self_assessing", "submitted", "appraised", "answered", "final")
"""An assessment's statuses, in the order the workflow goes through them."""


class ScoringRound(Base):
    """One year's scoring of the units on a published definition; self-assessments are taken up to
    `deadline`, a date in the province's clock (survey.clock.today)."""

    __tablename__ = "par_scoring_rounds"
    __table_args__ = (
        UniqueConstraint("definition_id", "year", name="uq_par_scoring_rounds_definition_year"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_plausible"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    definition_id: Mapped[int] = mapped_column(ForeignKey("par_index_definitions.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    deadline: Mapped[date] = mapped_column(Date)
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    definition: Mapped[IndexDefinition] = relationship()
    assessments: Mapped[list["Assessment"]] = relationship(back_populates="round", order_by="Assessment.id")


class Assessment(Base):
    """A unit's assessment in a round: its status, the agency's one answer and when each step was taken."""

    __tablename__ = "par_assessments"
    __table_args__ = (
        UniqueConstraint("round_id", "unit_id", name="uq_par_assessments_round_unit"),
        CheckConstraint(f"status IN {STATUSES}", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("par_scoring_rounds.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="self_assessing")
    answer: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    appraised_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    round: Mapped[ScoringRound] = relationship(back_populates="assessments")
    unit: Mapped[Unit] = relationship()
    values: Mapped[list["AssessmentValue"]] = relationship(back_populates="assessment", order_by="AssessmentValue.id",
                                                           cascade="all, delete-orphan")
    evidence: Mapped[list["Evidence"]] = relationship(back_populates="assessment", order_by="Evidence.id",
                                                      cascade="all, delete-orphan")


class AssessmentValue(Base):
    """A sub-criterion of an assessment: the agency's value and note, Home Affairs' value and the
    reason it gave (required when its value differs from the agency's)."""

    __tablename__ = "par_assessment_values"
    __table_args__ = (UniqueConstraint("assessment_id", "sub_criterion", name="uq_par_assessment_values_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("par_assessments.id", ondelete="CASCADE"), index=True)
    sub_criterion: Mapped[str] = mapped_column(String(64))
    claimed: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    appraised: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")

    assessment: Mapped[Assessment] = relationship(back_populates="values")


class Evidence(Base):
    """A file the agency sent for a sub-criterion, kept in the database with its sniffed type and sha256.
    Its bytes (up to PAR_EVIDENCE_MAX_MB) are deferred: read only where they are used, the download."""

    __tablename__ = "par_evidence"
    __table_args__ = (
        CheckConstraint("size > 0", name="size_positive"),
        CheckConstraint("length(sha256) = 64", name="sha256_hex"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("par_assessments.id", ondelete="CASCADE"), index=True)
    sub_criterion: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    assessment: Mapped[Assessment] = relationship(back_populates="evidence")
