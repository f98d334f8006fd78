"""The log of draws: what was drawn, from which list, with which seed, when and by whom."""
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.accounts.models import User
from survey.campaigns.models import Campaign
from survey.db import Base, Document


class DossierDraw(Base):
    """One draw of a campaign; its invitations point at it (`Invitation.draw_id`).

    `list_checksum` is the SHA-256 of the dossier list's text (UTF-8, lines ending in LF) and
    `list_rows` its number of dossiers: with `seed`, they let anyone redo the draw from the same list.
    `sizes` holds, per unit code, the dossiers `listed`, those `excluded` (already invited in the
    campaign) and those `drawn`.
    """

    __tablename__ = "dossier_draws"
    __table_args__ = (
        CheckConstraint("seed >= 0", name="seed_not_negative"),
        CheckConstraint("list_rows >= 0", name="list_rows_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    replacement: Mapped[bool] = mapped_column(Boolean)
    seed: Mapped[int] = mapped_column(BigInteger)
    list_checksum: Mapped[str] = mapped_column(String(64))
    list_rows: Mapped[int]
    sizes: Mapped[dict] = mapped_column(Document)
    drawn_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    drawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))

    campaign: Mapped[Campaign] = relationship()
    drawn_by: Mapped[User | None] = relationship()

    @property
    def drawn(self) -> int:
        return sum(counts["drawn"] for counts in self.sizes.values())
