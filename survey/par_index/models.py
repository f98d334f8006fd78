"""PAR index definitions: a draft people replace by importing a file, then a published, immutable
document (like a questionnaire's published versions: results scored on it must stay explainable)."""
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Integer, String, UniqueConstraint, event, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column

from survey.db import Base, Document, utcnow

STATUSES = ("draft", "published")


class IndexDefinition(Base):
    """One year's definition under a name: `document` holds the name, year, note and the `tree`
    sheet's rows as imported (analysis.par_index reads them); `content_hash` identifies it."""

    __tablename__ = "par_index_definitions"
    __table_args__ = (
        UniqueConstraint("year", "name", name="uq_par_index_definitions_year_name"),
        CheckConstraint("status IN ('draft', 'published')", name="status_known"),
        CheckConstraint("length(content_hash) = 64", name="content_hash_sha256"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_plausible"),
        CheckConstraint("(status = 'published') = (published_at IS NOT NULL)", name="published_when"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16), default="draft")
    document: Mapped[dict] = mapped_column(Document)
    content_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ImmutableDefinitionError(RuntimeError):
    """Raised when code tries to change or delete a published PAR index definition."""


@event.listens_for(Session, "before_flush")
def _refuse_published_changes(session: Session, _context, _instances) -> None:
    # Units are scored and ranked on a published definition: it must never be rewritten.
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, IndexDefinition) and _was_published(obj) and (obj in session.deleted or _changed(obj)):
            raise ImmutableDefinitionError(f"published PAR index definitions cannot be changed: {obj.id}")


def _was_published(obj: IndexDefinition) -> bool:
    """Whether the stored row (before this session's changes) is published."""
    history = inspect(obj).attrs.status.history
    return "published" in (history.deleted or history.unchanged)


def _changed(obj: IndexDefinition) -> bool:
    """Whether a column got a different value (setting an equal value is no change)."""
    histories = (inspect(obj).attrs[column.key].history for column in inspect(obj).mapper.column_attrs)
    return any(h.added and list(h.added) != list(h.deleted) for h in histories)
