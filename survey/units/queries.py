"""Reads on units."""
from collections.abc import Collection, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from survey.errors import InvalidInput
from survey.units.messages import CATALOGUE
from survey.units.models import Unit


def units_by_codes(session: Session, codes: Iterable[str]) -> list[Unit]:
    """The units with these codes, in the order given; unknown codes are an error naming them."""
    codes = list(codes)
    found = {u.code: u for u in session.scalars(select(Unit).where(Unit.code.in_(codes)))}
    unknown = [c for c in codes if c not in found]
    if unknown:
        raise InvalidInput([CATALOGUE.problem("unit_unknown", unit=c) for c in unknown])
    return [found[c] for c in codes]


def active_units(session: Session, levels: Iterable[str] | None = None) -> list[Unit]:
    query = select(Unit).where(Unit.active).order_by(Unit.level, Unit.code)
    if levels is not None:
        query = query.where(Unit.level.in_(list(levels)))
    return list(session.scalars(query))


def unit_by_code(session: Session, code: str) -> Unit | None:
    return session.scalar(select(Unit).where(Unit.code == code))


def units_province_first(session: Session) -> list[Unit]:
    """Every unit, active or not: the province first, then by code (the order of the units tree)."""
    return list(session.scalars(select(Unit).order_by(Unit.level != "province", Unit.code)))


def unit_names(session: Session, ids: Collection[int]) -> dict[int, str]:
    """The (Vietnamese) name of each unit of `ids`, by id."""
    if not ids:
        return {}
    return dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(ids))).all())


def units_with_parents(session: Session, ids: Collection[int] | None = None) -> list[Unit]:
    """The units of `ids` (None: every unit) by level and code, each with its parent loaded."""
    query = select(Unit).options(selectinload(Unit.parent)).order_by(Unit.level, Unit.code)
    return list(session.scalars(query if ids is None else query.where(Unit.id.in_(ids))))


def unit_codes(session: Session, ids: Collection[int]) -> set[str]:
    """The codes of the units of `ids`."""
    return set(session.scalars(select(Unit.code).where(Unit.id.in_(ids))))
