"""Survey campaigns (đợt khảo sát): who is surveyed, with which questionnaire version, when."""
from datetime import date
from typing import Literal, get_args

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, ForeignKeyConstraint, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.db import Base
from survey.questionnaires.models import QuestionnaireVersion
from survey.units.models import Unit

Channel = Literal["web", "paper", "interviewer"]
"""A channel a response comes by (the API's documents are typed with it)."""
CHANNELS: tuple[Channel, ...] = get_args(Channel)
State = Literal["draft", "scheduled", "open", "closed"]
STATES: tuple[State, ...] = get_args(State)


class Campaign(Base):
    """A campaign; its state is derived from its dates (see `state_on`), never stored."""

    __tablename__ = "campaigns"
    __table_args__ = (
        CheckConstraint("slug <> ''", name="slug_not_empty"),
        CheckConstraint("(opens_on IS NULL) = (closes_on IS NULL)", name="dates_both_or_neither"),
        CheckConstraint("closes_on >= opens_on", name="closes_after_opening"),
        CheckConstraint("min_cell_size >= 1", name="min_cell_size_positive"),
        CheckConstraint("min_seconds >= 0", name="min_seconds_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    questionnaire_version_id: Mapped[int] = mapped_column(
        ForeignKey("questionnaire_versions.id", ondelete="RESTRICT"), index=True
    )
    opens_on: Mapped[date | None] = mapped_column(Date)
    closes_on: Mapped[date | None] = mapped_column(Date)
    double_entry: Mapped[bool] = mapped_column(Boolean, default=False)
    min_cell_size: Mapped[int] = mapped_column(default=30)
    min_seconds: Mapped[int] = mapped_column(default=60, server_default="60")
    """Quality: a timed interview shorter than this is flagged too short (a one-minute form needs less)."""

    questionnaire_version: Mapped[QuestionnaireVersion] = relationship()
    channels: Mapped[list["CampaignChannel"]] = relationship(
        cascade="all, delete-orphan", order_by="CampaignChannel.channel"
    )
    units: Mapped[list["CampaignUnit"]] = relationship(cascade="all, delete-orphan")

    def state_on(self, today: date) -> State:
        """draft without dates; scheduled before `opens_on`; open through `closes_on`; then closed."""
        if self.opens_on is None or self.closes_on is None:
            return "draft"
        if today < self.opens_on:
            return "scheduled"
        return "open" if today <= self.closes_on else "closed"

    def accepts(self, channel: str, today: date) -> bool:
        """Web answers only while open; paper and interviews may still be keyed after closing."""
        if channel not in self.channel_names:
            return False
        state = self.state_on(today)
        return state == "open" or (state == "closed" and channel != "web")

    @property
    def channel_names(self) -> list[str]:
        return sorted(c.channel for c in self.channels)


class CampaignChannel(Base):
    """A way answers may reach this campaign: web self-completion, paper entry, interviewer."""

    __tablename__ = "campaign_channels"
    __table_args__ = (CheckConstraint(f"channel IN {CHANNELS}", name="channel_known"),)

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)


class CampaignUnit(Base):
    """A target unit, with its quota and its transaction count N_h for design weights."""

    __tablename__ = "campaign_units"
    __table_args__ = (
        CheckConstraint("quota IS NULL OR quota >= 0", name="quota_not_negative"),
        CheckConstraint("transactions IS NULL OR transactions >= 0", name="transactions_not_negative"),
    )

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), primary_key=True)
    quota: Mapped[int | None]
    transactions: Mapped[int | None]

    unit: Mapped[Unit] = relationship()
    quotas: Mapped[list["Quota"]] = relationship(cascade="all, delete-orphan")


class Quota(Base):
    """A target count for a stratum within a unit: respondents whose answer to a question is a value."""

    __tablename__ = "quotas"
    __table_args__ = (
        UniqueConstraint("campaign_id", "unit_id", "question_key", "value", name="uq_quotas_stratum"),
        CheckConstraint("target >= 0", name="target_not_negative"),
        CheckConstraint("question_key <> '' AND value <> ''", name="stratum_not_empty"),
        ForeignKeyConstraint(
            ["campaign_id", "unit_id"],
            ["campaign_units.campaign_id", "campaign_units.unit_id"],
            name="fk_quotas_campaign_unit",
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int]
    unit_id: Mapped[int]
    question_key: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(String(64))
    target: Mapped[int]
