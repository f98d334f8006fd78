"""Questionnaires: an editable definition document and its immutable published versions."""
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String, UniqueConstraint, event, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from survey.db import Base, Document, utcnow


class Questionnaire(Base):
    """A questionnaire as people edit it; `slug` is the definition's `form.id`."""

    __tablename__ = "questionnaires"
    __table_args__ = (CheckConstraint("slug <> ''", name="slug_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    draft: Mapped[dict] = mapped_column(Document)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    versions: Mapped[list["QuestionnaireVersion"]] = relationship(
        back_populates="questionnaire", order_by="QuestionnaireVersion.number"
    )


class QuestionnaireVersion(Base):
    """A published, immutable snapshot of a definition; responses point at the one they answered."""

    __tablename__ = "questionnaire_versions"
    __table_args__ = (
        UniqueConstraint("questionnaire_id", "number", name="uq_questionnaire_versions_number"),
        UniqueConstraint("questionnaire_id", "content_hash", name="uq_questionnaire_versions_content"),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint("length(content_hash) = 64", name="content_hash_sha256"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    questionnaire_id: Mapped[int] = mapped_column(ForeignKey("questionnaires.id", ondelete="RESTRICT"))
    number: Mapped[int]
    content_hash: Mapped[str] = mapped_column(String(64))
    definition: Mapped[dict] = mapped_column(Document, deferred=True)
    """Loaded only when asked for: pages use the parsed definition cached by content hash."""
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    questionnaire: Mapped[Questionnaire] = relationship(back_populates="versions")
    questions: Mapped[list["VersionQuestion"]] = relationship(
        back_populates="version", order_by="VersionQuestion.position"
    )

    @property
    def label(self) -> str:
        return f"{self.questionnaire.slug} v{self.number}"


class VersionQuestion(Base):
    """One question of a published version: the stable key answers are stored under."""

    __tablename__ = "version_questions"
    __table_args__ = (
        UniqueConstraint("version_id", "position", name="uq_version_questions_position"),
        CheckConstraint("key <> ''", name="key_not_empty"),
    )

    version_id: Mapped[int] = mapped_column(
        ForeignKey("questionnaire_versions.id", ondelete="RESTRICT"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int]
    section: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(32))

    version: Mapped[QuestionnaireVersion] = relationship(back_populates="questions")


class ImmutableVersionError(RuntimeError):
    """Raised when code tries to change or delete a published questionnaire version."""


@event.listens_for(Session, "before_flush")
def _refuse_version_changes(session: Session, _context, _instances) -> None:
    # Published versions are evidence of what respondents saw: never rewrite them.
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, (QuestionnaireVersion, VersionQuestion)) and (obj in session.deleted or _changed(obj)):
            raise ImmutableVersionError(f"published questionnaire versions cannot be changed: {obj!r}")


def _changed(obj: Base) -> bool:
    """Whether a column got a different value (a merge that sets equal values is no change)."""
    state = inspect(obj)
    histories = (state.attrs[column.key].history for column in state.mapper.column_attrs)
    return any(h.added and list(h.added) != list(h.deleted) for h in histories)
