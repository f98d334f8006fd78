"""Administrative units and agencies: province > district > commune, and provincial departments; since
1 July 2025 communes and wards sit directly under the province (districts stay, deactivated, as history)."""
from datetime import date, datetime
from typing import Literal, get_args

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ColumnElement,
    Date,
    DateTime,
    Float,
    ForeignKey,
    String,
    UniqueConstraint,
    case,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.db import Base, utcnow

Level = Literal["province", "department", "district", "commune"]
"""A unit's level (the API's documents are typed with it)."""
LEVELS: tuple[Level, ...] = get_args(Level)
# Which level a parent may have, for each level. A province has no parent.
PARENT_LEVELS = {
    "province": (),
    "department": ("province",),
    "district": ("province",),
    "commune": ("district", "province"),  # under the province in the two-level government since 2025
}


class Unit(Base):
    """A unit people are served by and that responses evaluate; `code` is its stable identity."""

    __tablename__ = "units"
    __table_args__ = (
        CheckConstraint(f"level IN {LEVELS}", name="level_known"),
        CheckConstraint("code <> ''", name="code_not_empty"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(16))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    parent: Mapped["Unit | None"] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list["Unit"]] = relationship(back_populates="parent", order_by="Unit.code")

    def __repr__(self) -> str:
        return f"<Unit {self.code} {self.level}>"

    @property
    def district(self) -> "Unit | None":
        """The district the unit belongs to: itself if it is one, else its parent if that is a district.

        The meaning is historic: a commune keeps the district it was under, deactivated since the
        2025 reorganisation; the province, its departments and the communes and wards placed directly
        under the province since 1 July 2025 have none. `district_code` says the same in SQL."""
        if self.level == "district":
            return self
        return self.parent if self.parent is not None and self.parent.level == "district" else None

    @staticmethod
    def district_code(unit: "type[Unit]", parent: "type[Unit]") -> ColumnElement[str | None]:
        """The code of `district` in SQL, for a query joining `parent` (an alias of Unit, which
        sqlalchemy.orm.aliased types as the class) on `unit.parent_id` (a join, not a subquery per
        row: the exports read a million rows)."""
        return case((unit.level == "district", unit.code), (parent.level == "district", parent.code))


REORGANISATION_KINDS = ("merge", "split", "replace")


class Reorganisation(Base):
    """Units that ceased into others on a date: several merged into one, one split into several, or one
    replaced by another. Units keep their rows (old campaigns keep the units they surveyed); comparisons
    with an earlier period map the old units to the new ones through `links`."""

    __tablename__ = "reorganisations"
    __table_args__ = (CheckConstraint(f"kind IN {REORGANISATION_KINDS}", name="kind_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    effective_on: Mapped[date] = mapped_column(Date, index=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    links: Mapped[list["ReorganisationLink"]] = relationship(
        back_populates="reorganisation", cascade="all, delete-orphan", order_by="ReorganisationLink.id")


class ReorganisationLink(Base):
    """One old unit to one new unit of a reorganisation; `share` is the part of the old unit the new one
    takes (a split, when the analyst gives it)."""

    __tablename__ = "reorganisation_links"
    __table_args__ = (
        UniqueConstraint("reorganisation_id", "old_unit_id", "new_unit_id", name="uq_reorganisation_links_once"),
        CheckConstraint("share IS NULL OR (share > 0 AND share <= 1)", name="share_fraction"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reorganisation_id: Mapped[int] = mapped_column(
        ForeignKey("reorganisations.id", ondelete="CASCADE"), index=True)
    old_unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    new_unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    share: Mapped[float | None] = mapped_column(Float)

    reorganisation: Mapped[Reorganisation] = relationship(back_populates="links")
    old_unit: Mapped[Unit] = relationship(foreign_keys=[old_unit_id])
    new_unit: Mapped[Unit] = relationship(foreign_keys=[new_unit_id])
