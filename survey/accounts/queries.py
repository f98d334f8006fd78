"""Reads on accounts."""
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from survey.accounts.messages import CATALOGUE
from survey.accounts.models import AuditEntry, User
from survey.errors import InvalidInput
from survey.units.models import Unit

UNSCOPED_ROLES = ("admin", "analyst")
"""Roles for which no unit means the whole province."""


def all_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).options(selectinload(User.units)).order_by(User.username)))


def user_by_username(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def find_user(session: Session, username: str) -> User:
    """The user named `username`; an error naming it if there is none."""
    user = user_by_username(session, username)
    if user is None:
        raise InvalidInput([CATALOGUE.problem("user_unknown", username=username)])
    return user


def with_descendants(session: Session, unit_ids: Iterable[int]) -> set[int]:
    """The units `unit_ids` and every unit below them (a district's communes, and so on)."""
    tree = select(Unit.id).where(Unit.id.in_(list(unit_ids))).cte("tree", recursive=True)
    tree = tree.union_all(select(Unit.id).where(Unit.parent_id == tree.c.id))
    return set(session.scalars(select(tree.c.id)))


def visible_unit_ids(session: Session, user: User) -> frozenset[int] | None:
    """The units `user` may see: None for the whole province (an admin or analyst with no unit), else
    the user's units and every unit below them; none for another role with no unit."""
    if not user.units:
        return None if user.role in UNSCOPED_ROLES else frozenset()
    return frozenset(with_descendants(session, [unit.id for unit in user.units]))


def audit_entries(session: Session, before_id: int | None = None, limit: int = 100) -> list[AuditEntry]:
    """The latest entries, newest first; `before_id` pages back through older ones."""
    query = select(AuditEntry).options(selectinload(AuditEntry.actor), selectinload(AuditEntry.target))
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    return list(session.scalars(query.order_by(AuditEntry.id.desc()).limit(limit)))
