"""A year's PAR index results: every unit scored on the year's published definition, ranked per
level, with its change of rank against the year before (issue 20).

The self-assessed and appraised values come from the scoring workflow (a reader of the stored
inputs is passed in: `read_inputs(session, stored_definition, year)`); the survey points from the
year's campaigns (survey.par_index.results_survey), never typed. The scoring itself is
analysis.par_index's. Nothing is stored: results are computed when asked for.

Per unit, a row per field and a `total` row (`table`): the points had every self-assessment
stood (`self_assessed`), the points the self-assessed sub-criteria count for once appraised
(`appraised`), the survey points (`survey`), the formula points (`formula`), their sum (`total`),
the maximum, the percentage and the rank among the units of its level (by the field's points
for a field row, by the percentage for the total), ties sharing the best rank.

A reader limited to some units (`scoped`) is given the rows, scores and chart of its units only,
on the page, through the API and in every file; their ranks stay those among every unit, and the
province-wide summary stays the province's.
"""
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.par_index import Definition, ParIndexError, UnitInput, UnitScore, score
from analysis.par_index import Problem as RowProblem
from analysis.par_index_model import FormulaRule, SelfRule, SurveyRule
from analysis.par_index_scoring import RANK_DIGITS
from survey.errors import InvalidInput, Problem
from survey.par_index.assessments import Assessment, Evidence, ScoringRound
from survey.par_index.document import said
from survey.par_index.models import IndexDefinition
from survey.par_index.results_messages import CATALOGUE
from survey.par_index.results_survey import SurveyResults, survey_results
from survey.par_index.values import parsed
from survey.units.models import Unit

InputsReader = Callable[[Session, IndexDefinition, int], list[UnitInput]]
"""The stored self-assessed and appraised values of every unit scored on a definition in a year
(survey.par_index.scoring_queries.unit_inputs)."""
TOTAL = "total"
NO_DEFINITION = "par_results_no_definition"
"""The key of the problem that the year has no published definition."""


@dataclass(frozen=True)
class YearResults:
    """The year's definition (as stored and as checked), the units' ranked scores, their inputs and
    what the survey gave (by unit code), the units by code, the year compared with (None: the
    year before had no published definition), and the codes of the units a scoped reader is shown
    (None: every unit)."""

    year: int
    stored: IndexDefinition
    definition: Definition
    scores: list[UnitScore]
    survey: SurveyResults
    inputs: dict[str, UnitInput]
    units: dict[str, Unit]
    compared_with: int | None
    shown: frozenset[str] | None = None


@dataclass(frozen=True)
class Row:
    """A unit's points in one field, or in all (`field` = "total"); see the module."""

    unit: str
    level: str
    field: str
    self_assessed: float
    appraised: float
    survey: float
    formula: float
    total: float
    max_points: float
    percent: float
    rank: int | None
    rank_change: int | None = None


def published_definition(session: Session, year: int) -> IndexDefinition:
    """The year's published definition (the last published when there are several); InvalidInput
    saying so when the year has none."""
    found = session.scalars(select(IndexDefinition).where(IndexDefinition.year == year,
                                                          IndexDefinition.status == "published")
                            .order_by(IndexDefinition.published_at.desc(), IndexDefinition.id.desc())).first()
    if found is None:
        raise InvalidInput(CATALOGUE.problem(NO_DEFINITION, "year", year=year))
    return found


def year_results(session: Session, year: int, read_inputs: InputsReader, compare: bool = True) -> YearResults:
    """The year's results; with `compare`, ranks changed against the year before when it has a
    published definition. InvalidInput when the year has none or a stored value does not fit."""
    stored = published_definition(session, year)
    definition = parsed(stored)
    survey = survey_results(session, definition, year)
    inputs = [replace(given, survey=survey.values.get(given.unit, {})) for given in read_inputs(session, stored, year)]
    before = _previous(session, year, read_inputs) if compare else None
    try:
        scores = score(definition, inputs, before.scores if before else ())
    except ParIndexError as error:
        raise InvalidInput([_unfit(problem) for problem in error.problems]) from None
    units = {unit.code: unit for unit in session.scalars(select(Unit).where(Unit.code.in_([s.unit for s in scores])))}
    return YearResults(year, stored, definition, scores, survey, {given.unit: given for given in inputs}, units,
                       before.year if before else None)


def _previous(session: Session, year: int, read_inputs: InputsReader) -> YearResults | None:
    try:
        return year_results(session, year - 1, read_inputs, compare=False)
    except InvalidInput:
        return None


def _unfit(problem: RowProblem) -> Problem:
    """A stored value that does not fit its sub-criterion's rule, said by its unit, sub-criterion
    and whether self-assessed or appraised, not by the definition's sheet and row as a definition's
    problem is (the analysis names it unit/sub-criterion/kind)."""
    if problem.code != "bad_value" or problem.column is None:
        return said(problem)
    unit, item, kind = problem.column.rsplit("/", 2)
    return CATALOGUE.problem(f"par_results_bad_{kind}", problem.column, unit=unit, item=item,
                             value=problem.params["value"])


def unit_score(results: YearResults, code: str) -> UnitScore:
    """The unit's score; InvalidInput when it was not scored that year."""
    for unit in results.scores:
        if unit.unit == code:
            return unit
    raise InvalidInput(CATALOGUE.problem("par_results_no_unit", "unit", code=code, year=results.year))


def scoped(results: YearResults, unit_ids: Collection[int] | None) -> YearResults:
    """The results as a reader limited to the units of `unit_ids` sees them (None: every unit), told
    apart by the units the results already hold (a scored code without a stored unit is not shown)."""
    if unit_ids is None:
        return results
    return replace(results, shown=frozenset(code for code, unit in results.units.items() if unit.id in unit_ids))


def shown_scores(results: YearResults) -> list[UnitScore]:
    """The scores of the units the reader is shown, in their order."""
    return [unit for unit in results.scores if results.shown is None or unit.unit in results.shown]


def table(results: YearResults) -> list[Row]:
    """A row per unit shown and field, then the unit's total row; units by level, then rank, then
    code. Ranks are among every unit scored."""
    definition = results.definition
    ordered = sorted(shown_scores(results), key=lambda s: (s.level, s.rank or 0, s.unit))
    field_ranks = {name: _ranks(results.scores, name) for name in definition.fields}
    rows = []
    for unit in ordered:
        rows += [_field_row(definition, unit, name, field_ranks[name][unit.unit]) for name in definition.fields]
        rows.append(_total_row(definition, unit))
    return rows


def _field_row(definition: Definition, unit: UnitScore, name: str, rank: int) -> Row:
    subs = [item for item in definition.sub_criteria if _field_of(definition, item.id) == name]
    by_kind = {kind: sum((unit.sub[item.id].points for item in subs if isinstance(item.source, kind)), 0.0)
               for kind in (SelfRule, SurveyRule, FormulaRule)}
    claimed = sum((unit.sub[item.id].claimed or 0.0 for item in subs), 0.0)
    top = definition.items[name].max_points
    return Row(unit.unit, unit.level, name, claimed, by_kind[SelfRule], by_kind[SurveyRule], by_kind[FormulaRule],
               unit.points[name], top, 100 * unit.points[name] / top, rank)


def _total_row(definition: Definition, unit: UnitScore) -> Row:
    return Row(unit.unit, unit.level, TOTAL, unit.claimed, unit.appraised, unit.survey, unit.formula, unit.total,
               definition.max_points, unit.percent, unit.rank, unit.rank_change)


def _field_of(definition: Definition, name: str) -> str:
    """The field a sub-criterion or criterion belongs to."""
    item = definition.items[name]
    return name if item.parent is None else _field_of(definition, item.parent)


def _ranks(scores: list[UnitScore], name: str) -> dict[str, int]:
    """Each unit's rank among its level by its points in field `name` (ties share the best rank)."""
    points = {s.unit: round(s.points[name], RANK_DIGITS) for s in scores}
    return {s.unit: 1 + sum(1 for other in scores if other.level == s.level and points[other.unit] > points[s.unit])
            for s in scores}


def evidence_of(session: Session, results: YearResults) -> Callable[[str, str], list[str]]:
    """The names of the evidence files each unit sent for each sub-criterion in the year's round, read
    in one statement that takes the names only (never the files)."""
    query = (select(Unit.code, Evidence.sub_criterion, Evidence.filename).join(Evidence.assessment)
             .join(Assessment.unit).join(Assessment.round)
             .where(ScoringRound.definition_id == results.stored.id, ScoringRound.year == results.year)
             .order_by(Evidence.id))
    files: dict[tuple[str, str], list[str]] = {}
    for code, sub_criterion, filename in session.execute(query):
        files.setdefault((code, sub_criterion), []).append(filename)
    return lambda unit, sub_criterion: files.get((unit, sub_criterion), [])
