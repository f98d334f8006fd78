"""Tokens that outside systems (the one-stop-shop software, a reporting portal) present to the API.

Only a SHA-256 hash of each token is stored: the token itself is shown once, when issued, and a
copy of the database lets nobody call the API. Tokens are long random strings, so a plain hash
(no salt, no slow function) is safe and lets a request find its token with one indexed lookup.
"""
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.accounts.models import User
from survey.db import Base, Document, utcnow
from survey.units.models import Unit

SCOPES = ("campaigns:read", "responses:read", "responses:write", "invitations:write", "results:read")
"""campaigns:read also covers questionnaire versions and units."""


class ApiToken(Base):
    """A named, scoped token; revoking sets `revoked_at` (the row stays, for the audit log)."""

    __tablename__ = "api_tokens"
    __table_args__ = (
        UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
        CheckConstraint("name <> ''", name="name_not_empty"),
        CheckConstraint("length(token_hash) = 64", name="token_hash_sha256"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64))
    prefix: Mapped[str] = mapped_column(String(12))
    """The first characters of the token: enough for an administrator to tell tokens apart."""
    scopes: Mapped[list] = mapped_column(Document)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"))
    """When set, the token sees this unit and the units below it only."""
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    """None: issued from the command line."""
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    unit: Mapped[Unit | None] = relationship()
    created_by: Mapped[User | None] = relationship()

    @property
    def active(self) -> bool:
        return self.revoked_at is None
