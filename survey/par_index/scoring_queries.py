"""What the scoring workflow hands to the results: each unit's inputs to analysis.par_index.score.

Contract (the results pages, CLI, scorecards and API build on it; names kept stable):

    from survey.par_index.scoring_queries import scoring_round, unit_inputs
    inputs = unit_inputs(session, definition)            # list[analysis.par_index.UnitInput]
    inputs = unit_inputs(session, definition, year=2027)  # the round of that year on the definition

- `definition` is a stored `survey.par_index.models.IndexDefinition`; the inputs come from its
  scoring round of `year` (None: the round of the latest year on it). No round: an empty list.
- One UnitInput per unit assessed in the round, in unit code order: `unit` the unit's code,
  `level` its level (`department`, `district`, `commune`, ...), `claimed` the agency's
  self-assessed values and `appraised` Home Affairs' values, both by sub-criterion id and typed as
  analysis.par_index takes them (True/False for yes_no, a level's key, a percentage as a float);
  a sub-criterion without a value is absent. Every status is included (a unit still
  self-assessing brings its values so far; `assessment_statuses` says where each unit is).
- `survey` is left empty: survey points come from the campaigns' results, which the caller adds
  with dataclasses.replace(unit_input, survey={(recipe, node): result, ...}).

The records behind it are in survey.par_index.assessments (ScoringRound, Assessment,
AssessmentValue, Evidence; statuses self_assessing, submitted, appraised, answered, final).
"""
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from analysis.par_index import UnitInput
from survey.par_index.assessments import Assessment, ScoringRound
from survey.par_index.models import IndexDefinition
from survey.par_index.values import parsed, typed
from survey.units.models import Unit


def scoring_round(session: Session, definition: IndexDefinition, year: int | None = None) -> ScoringRound | None:
    """The definition's round of `year`, or of its latest year when None; None when there is none."""
    query = select(ScoringRound).where(ScoringRound.definition_id == definition.id)
    if year is not None:
        query = query.where(ScoringRound.year == year)
    return session.scalars(query.order_by(ScoringRound.year.desc()).limit(1)).first()


def round_assessments(session: Session, scoring: ScoringRound) -> list[Assessment]:
    """The round's assessments with their unit and values loaded, in unit code order."""
    query = (select(Assessment).join(Unit).where(Assessment.round_id == scoring.id).order_by(Unit.code)
             .options(selectinload(Assessment.values), selectinload(Assessment.unit)))
    return list(session.scalars(query))


def unit_inputs(session: Session, definition: IndexDefinition, year: int | None = None) -> list[UnitInput]:
    """Every assessed unit's self-assessed and appraised values (see the module's contract)."""
    scoring = scoring_round(session, definition, year)
    if scoring is None:
        return []
    items = parsed(definition).items
    inputs = []
    for assessment in round_assessments(session, scoring):
        claimed = {value.sub_criterion: typed(items[value.sub_criterion], value.claimed)
                   for value in assessment.values if value.claimed is not None}
        appraised = {value.sub_criterion: typed(items[value.sub_criterion], value.appraised)
                     for value in assessment.values if value.appraised is not None}
        inputs.append(UnitInput(assessment.unit.code, assessment.unit.level, claimed, appraised))
    return inputs


def assessment_statuses(session: Session, definition: IndexDefinition, year: int | None = None) -> dict[str, str]:
    """Each assessed unit's status in the round, by unit code (the same round as unit_inputs)."""
    scoring = scoring_round(session, definition, year)
    if scoring is None:
        return {}
    return {assessment.unit.code: assessment.status for assessment in round_assessments(session, scoring)}
