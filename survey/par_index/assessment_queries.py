"""Reads of the scoring workflow for its pages: a round, an assessment or an evidence file by number,
the rounds, an agency's assessments, the published definitions a round may be opened on, and who may read
an assessment. (The results read scoring_queries.)"""
from collections.abc import Collection, Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, contains_eager, selectinload

from survey.accounts.models import User
from survey.accounts.queries import visible_unit_ids
from survey.par_index.assessments import Assessment, Evidence, ScoringRound
from survey.par_index.models import IndexDefinition
from survey.units.models import Unit

OFFICER = "agency_officer"
"""The role that fills in its own units' assessments (Home Affairs' roles read and appraise them)."""


def round_by_id(session: Session, round_id: int) -> ScoringRound | None:
    return session.get(ScoringRound, round_id)


def assessment_by_id(session: Session, assessment_id: int) -> Assessment | None:
    return session.get(Assessment, assessment_id)


def may_read(session: Session, user: User, found: Assessment) -> bool:
    """Whether `user` may read the assessment: see may_read_unit."""
    return may_read_unit(session, user, found.unit_id)


def may_read_unit(session: Session, user: User, unit_id: int) -> bool:
    """Whether `user` may read a unit's assessments and scorecards: an agency officer only its own
    units' (not the units below them), Home Affairs any within its scope."""
    if user.role == OFFICER:
        return unit_id in {unit.id for unit in user.units}
    visible = visible_unit_ids(session, user)
    return visible is None or unit_id in visible


def evidence_by_id(session: Session, evidence_id: int) -> Evidence | None:
    """One evidence file of any assessment (the page checks the reader may see its assessment)."""
    return session.get(Evidence, evidence_id)


def all_rounds(session: Session) -> list[tuple[ScoringRound, int]]:
    """Every round with its definition loaded and the number of units it assesses (counted, not read),
    the newest year first."""
    query = (select(ScoringRound, func.count(Assessment.id)).outerjoin(ScoringRound.assessments)
             .group_by(ScoringRound.id).order_by(ScoringRound.year.desc(), ScoringRound.id.desc())
             .options(selectinload(ScoringRound.definition)))
    return [(scoring, count) for scoring, count in session.execute(query)]


def assessments_of_units(session: Session, unit_ids: Iterable[int]) -> list[Assessment]:
    """The assessments of the given units in every round, the newest round first, each with its round
    and unit read in the same statement (the page shows both)."""
    query = (select(Assessment).join(ScoringRound).join(Unit).where(Assessment.unit_id.in_(list(unit_ids)))
             .order_by(ScoringRound.year.desc(), ScoringRound.id.desc(), Unit.code)
             .options(contains_eager(Assessment.round), contains_eager(Assessment.unit)))
    return list(session.scalars(query))


def round_units(session: Session, scoring: ScoringRound, unit_ids: Collection[int] | None = None) -> list[Assessment]:
    """The round's assessments (of the units of `unit_ids` only, unless None) in unit level then code
    order, their units loaded."""
    query = (select(Assessment).join(Unit).where(Assessment.round_id == scoring.id)
             .order_by(Unit.level, Unit.code).options(selectinload(Assessment.unit)))
    if unit_ids is not None:
        query = query.where(Assessment.unit_id.in_(list(unit_ids)))
    return list(session.scalars(query))


def published_definitions(session: Session) -> list[IndexDefinition]:
    """The published definitions, the newest year first, then by name."""
    query = (select(IndexDefinition).where(IndexDefinition.status == "published")
             .order_by(IndexDefinition.year.desc(), IndexDefinition.name))
    return list(session.scalars(query))
