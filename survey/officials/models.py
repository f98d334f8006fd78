"""An official invited to the PAR INDEX leaders' survey of a campaign.

No column points at an invitation or a response: the links are printed once, when `invite`
creates them, so no query can put an official's name next to what was answered.
"""
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, ForeignKeyConstraint, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.db import Base, utcnow
from survey.units.models import Unit

GROUPS = ("council_member", "department_leader", "division_leader", "commune_leader", "district_leader")
"""The respondent groups, as the questionnaire's screening question `nhom` names them
(district leaders: before the districts were abolished on 1 July 2025)."""

MAX_NAME, MAX_POSITION, MAX_EMAIL, MAX_PHONE = 200, 200, 254, 32


class Official(Base):
    """`invited_at` is set when the official's single invitation was created, never reset."""

    __tablename__ = "officials"
    __table_args__ = (
        UniqueConstraint("campaign_id", "unit_id", "name", name="uq_officials_campaign_unit_name"),
        CheckConstraint(f"respondent_group IN {GROUPS}", name="group_known"),
        CheckConstraint("name <> ''", name="name_not_empty"),
        ForeignKeyConstraint(["campaign_id", "unit_id"], ["campaign_units.campaign_id", "campaign_units.unit_id"],
                             name="fk_officials_campaign_unit", ondelete="CASCADE"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(MAX_NAME))
    position: Mapped[str] = mapped_column(String(MAX_POSITION))
    respondent_group: Mapped[str] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(MAX_EMAIL))
    phone: Mapped[str | None] = mapped_column(String(MAX_PHONE))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    invited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    unit: Mapped[Unit] = relationship()
