"""Reads on PAR index definitions."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.errors import InvalidInput
from survey.par_index.messages import CATALOGUE
from survey.par_index.models import IndexDefinition


def definition_by_id(session: Session, definition_id: int) -> IndexDefinition:
    definition = session.get(IndexDefinition, definition_id)
    if definition is None:
        raise InvalidInput(CATALOGUE.problem("par_definition_unknown", "definition", id=definition_id))
    return definition


def definition_named(session: Session, year: int, name: str) -> IndexDefinition | None:
    """The definition of `year` under `name`, if any."""
    return session.scalar(select(IndexDefinition).where(IndexDefinition.year == year, IndexDefinition.name == name))


def all_definitions(session: Session) -> list[IndexDefinition]:
    """Every definition, the newest year first, then by name."""
    return list(session.scalars(select(IndexDefinition).order_by(IndexDefinition.year.desc(), IndexDefinition.name)))


def published_years(session: Session) -> list[int]:
    """The years with a published definition, the newest first (their documents left unread)."""
    query = (select(IndexDefinition.year).where(IndexDefinition.status == "published").distinct()
             .order_by(IndexDefinition.year.desc()))
    return list(session.scalars(query))
