"""Writes on PAR index definitions; they flush, the caller's unit of work commits."""
from collections.abc import Iterable, Mapping

from sqlalchemy.orm import Session

from analysis.par_index import content_hash, shipped_recipe_nodes
from survey.clock import now
from survey.errors import InvalidInput
from survey.par_index.document import Document, check
from survey.par_index.messages import CATALOGUE
from survey.par_index.models import IndexDefinition
from survey.par_index.queries import definition_named


def import_definition(session: Session, document: Document,
                      recipes: Mapping[str, Iterable[str]] | None = None) -> IndexDefinition:
    """Store a document as the draft of its year and name (replacing that draft's document).

    Checked first against `recipes` (the shipped ones by default); InvalidInput, with nothing
    stored, when it has a problem or its year and name are those of a published definition."""
    check(document, shipped_recipe_nodes() if recipes is None else recipes)
    year, name = int(document["about"]["year"]), str(document["about"]["name::vi"])
    stored = definition_named(session, year, name)
    if stored is not None and stored.status == "published":
        raise InvalidInput(CATALOGUE.problem("par_definition_published", "name", name=name, year=year))
    if stored is None:
        stored = IndexDefinition(year=year, name=name, status="draft")
        session.add(stored)
    stored.document, stored.content_hash = document, content_hash(document)
    session.flush()
    return stored


def publish(session: Session, definition: IndexDefinition) -> IndexDefinition:
    """Publish a draft, which from then on never changes; a published one is returned as it is.
    Its document is checked again against the shipped recipes (they may have changed since)."""
    if definition.status == "draft":
        check(definition.document, shipped_recipe_nodes())
        definition.status, definition.published_at = "published", now()
        session.flush()
    return definition
