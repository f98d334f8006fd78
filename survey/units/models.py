"""Administrative units and agencies: province > district > commune, and provincial departments."""
from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.db import Base

# Which level a parent may have, for each level. A province has no parent.
LEVELS = ("province", "department", "district", "commune")
PARENT_LEVELS = {
    "province": (),
    "department": ("province",),
    "district": ("province",),
    "commune": ("district",),
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
