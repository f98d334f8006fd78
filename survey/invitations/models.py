"""Invitations: a token in a link, for one campaign and unit, used by at most one response."""
from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ColumnElement,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    String,
    UniqueConstraint,
    case,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.campaigns.models import Campaign
from survey.clock import aware
from survey.db import Base
from survey.units.models import Unit


class Invitation(Base):
    """`used_at` and `response_id` are set together, in the transaction that stores the response.

    The unique `response_id` means one response can never consume two invitations, and the
    conditional update in `use_invitation` means one invitation never gets two responses.
    """

    __tablename__ = "invitations"
    __table_args__ = (
        UniqueConstraint("token", name="uq_invitations_token"),
        UniqueConstraint("response_id", name="uq_invitations_response_id"),
        UniqueConstraint("campaign_id", "dossier_code", name="uq_invitations_dossier"),
        CheckConstraint("(used_at IS NULL) = (response_id IS NULL)", name="used_with_response"),
        CheckConstraint("dossier_code <> ''", name="dossier_code_not_empty"),
        ForeignKeyConstraint(
            ["campaign_id", "unit_id"],
            ["campaign_units.campaign_id", "campaign_units.unit_id"],
            name="fk_invitations_campaign_unit",
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    dossier_code: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    response_id: Mapped[int | None] = mapped_column(ForeignKey("responses.id", ondelete="RESTRICT"))
    draw_id: Mapped[int | None] = mapped_column(ForeignKey("dossier_draws.id", ondelete="SET NULL"), index=True)
    """The random draw (survey.draws) that chose the dossier; None for codes typed or uploaded as they are."""

    campaign: Mapped[Campaign] = relationship()
    unit: Mapped[Unit] = relationship()

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and now >= aware(self.expires_at)

    def status(self, now: datetime) -> str:
        """used, expired or unused at `now`; status_at is the same rule in SQL, for counting."""
        if self.response_id is not None:
            return "used"
        return "expired" if self.expired(now) else "unused"

    @classmethod
    def status_at(cls, now: datetime) -> ColumnElement[str]:
        return case((cls.response_id.is_not(None), "used"), (cls.expires_at <= now, "expired"), else_="unused")
