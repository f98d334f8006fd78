"""Reads on accounts."""
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from survey.accounts.models import User


def all_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).options(selectinload(User.units)).order_by(User.username)))
