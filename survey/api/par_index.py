"""The province's internal PAR index through the API (scope results:read): a year's published
definition, the year's results per unit and field (survey.par_index.results), and one unit's score
of every sub-criterion with the evidence files' names.

A token limited to a unit gets the results of its units only, and 403 for another unit's scores.
A year without a published definition answers 404. Nothing is written.
"""
from pydantic import BaseModel, Field

from analysis.par_index import UnitScore
from analysis.par_index_model import Item, SurveyRule
from survey import db
from survey.api.auth import require_unit, visible_unit_ids
from survey.api.errors import ApiError
from survey.api.routing import endpoint
from survey.errors import InvalidInput
from survey.par_index.results import (
    NO_DEFINITION,
    TOTAL,
    Row,
    YearResults,
    evidence_of,
    published_definition,
    scoped,
    table,
    unit_score,
    year_results,
)
from survey.par_index.results_notes import Evidence
from survey.par_index.scoring_queries import unit_inputs
from survey.par_index.values import parsed
from survey.units.queries import unit_by_code

READ = "results:read"
YEAR = "<int(min=2000, max=2100):year>"


class ItemOut(BaseModel):
    id: str
    parent: str | None
    level: str = Field(description="field, criterion or sub_criterion")
    label_vi: str
    label_en: str
    max_points: float
    source: str | None = Field(description="self, survey or formula (a sub-criterion's only)")
    rule: str | None = None
    recipe: str | None = Field(None, description="A survey sub-criterion's recipe and node.")
    node: str | None = None


class DefinitionOut(BaseModel):
    id: int
    year: int
    name: str
    content_hash: str
    max_points: float
    items: list[ItemOut]


class PointsOut(BaseModel):
    field: str = Field(description="A field's id, or 'total'.")
    self_assessed: float = Field(description="Points had every self-assessment stood.")
    appraised: float = Field(description="Points of the self-assessed sub-criteria once appraised.")
    survey: float
    formula: float
    total: float
    max_points: float
    percent: float
    rank: int | None = Field(description="Among the units of the same level (by the field's points for a field).")
    rank_change: int | None = Field(description="The total's rank the year before minus this year's (up: positive).")


class UnitResultOut(BaseModel):
    unit: str
    level: str
    rows: list[PointsOut]


class ResultsOut(BaseModel):
    year: int
    definition: int
    compared_with: int | None = Field(description="The year the rank changes are against, if any.")
    campaigns: dict[str, str] = Field(description="Campaigns the survey points come from, with their weighting.")
    units: list[UnitResultOut]


class ScoreOut(BaseModel):
    sub_criterion: str
    source: str
    claimed_value: str | None
    claimed_points: float | None
    appraised_value: str | None
    appraised_points: float | None
    survey_result: float | None = Field(description="The unit's result (0-100) at the recipe node.")
    withheld: bool = Field(description="No survey result: too few answers for the minimum cell, or none.")
    points: float
    max_points: float
    evidence: list[str]


class UnitScoresOut(BaseModel):
    year: int
    unit: str
    level: str
    total: float
    percent: float
    rank: int | None
    rank_change: int | None
    scores: list[ScoreOut]


@endpoint("GET", f"/par-index/definitions/{YEAR}", summary="The year's PAR index definition", tag="par-index",
          scope=READ, ok=DefinitionOut, extra={404: ("No published definition for the year", None)})
def par_definition(year: int):
    """The published definition of the year: every field, criterion and sub-criterion with its
    maximum points and, for a sub-criterion, where its points come from."""
    stored = _published(year)
    definition, sources = parsed(stored), _sources(stored.document)
    items = [ItemOut(id=item.id, parent=item.parent, level=item.level, label_vi=item.label["vi"],
                     label_en=item.label["en"], max_points=item.max_points, **sources[item.id])
             for item in definition.items.values()]
    return DefinitionOut(id=stored.id, year=stored.year, name=stored.name, content_hash=stored.content_hash,
                         max_points=definition.max_points, items=items)


def _published(year: int):
    try:
        return published_definition(db.session(), year)
    except InvalidInput as refused:
        raise _no_definition(refused) from None


def _no_definition(refused: InvalidInput) -> ApiError:
    return ApiError(404, "not_found", str(refused.problems[0]), "year")


def _sources(document: dict) -> dict[str, dict[str, str | None]]:
    """Each item's source cells as written, by id (None for a field's or criterion's), the tree read once."""
    return {row.get("id"): {column: (str(row[column]) if row.get(column) is not None else None)
                            for column in ("source", "rule", "recipe", "node")}
            for row in document["tree"]}


@endpoint("GET", f"/par-index/results/{YEAR}", summary="The year's PAR index results", tag="par-index",
          scope=READ, ok=ResultsOut, extra={404: ("No published definition for the year", None)})
def par_results(year: int):
    """Every unit scored in the year (those of the token's unit only, for a limited token): its
    points per field and in total, self-assessed, appraised and from the survey, and its rank."""
    found = _results(year)
    by_unit: dict[str, list[Row]] = {}
    for row in table(scoped(found, visible_unit_ids())):
        by_unit.setdefault(row.unit, []).append(row)
    units = [UnitResultOut(unit=code, level=rows[0].level, rows=[_points(row) for row in rows])
             for code, rows in by_unit.items()]
    return ResultsOut(year=year, definition=found.stored.id, compared_with=found.compared_with,
                      campaigns=found.survey.used, units=units)


def _results(year: int) -> YearResults:
    """The year's results; 404 when the year has no published definition (read once, by year_results)."""
    try:
        return year_results(db.session(), year, unit_inputs)
    except InvalidInput as refused:
        if refused.problems[0].key != NO_DEFINITION:
            raise
        raise _no_definition(refused) from None


def _points(row: Row) -> PointsOut:
    return PointsOut(field=row.field, self_assessed=row.self_assessed, appraised=row.appraised, survey=row.survey,
                     formula=row.formula, total=row.total, max_points=row.max_points, percent=row.percent,
                     rank=row.rank, rank_change=row.rank_change if row.field == TOTAL else None)


@endpoint("GET", f"/par-index/results/{YEAR}/units/<code>", summary="A unit's PAR index scores", tag="par-index",
          scope=READ, ok=UnitScoresOut, extra={404: ("No published definition, or the unit was not scored", None)})
def par_unit_scores(year: int, code: str):
    """The unit's score of every sub-criterion: the values self-assessed and appraised, their
    points, the survey result, the points counted and the evidence files' names."""
    unit = unit_by_code(db.session(), code)
    if unit is None:
        raise ApiError(404, "not_found", f"no unit '{code}'", "code")
    require_unit(unit)
    found = _results(year)
    try:
        score = unit_score(found, code)
    except InvalidInput:
        raise ApiError(404, "not_found", f"the unit '{code}' was not scored in {year}", "code") from None
    evidence, sources = evidence_of(db.session(), found), _sources(found.stored.document)
    scores = [_score(found, score, item, evidence, sources[item.id]["source"] or "")
              for item in found.definition.sub_criteria]
    return UnitScoresOut(year=year, unit=code, level=score.level, total=score.total, percent=score.percent,
                         rank=score.rank, rank_change=score.rank_change, scores=scores)


def _score(found: YearResults, score: UnitScore, item: Item, evidence: Evidence, source: str) -> ScoreOut:
    """A sub-criterion's score for the unit (`source` as written); `withheld` only for a survey
    sub-criterion without a result."""
    code, sub, given = score.unit, score.sub[item.id], found.inputs[score.unit]
    result = None
    if isinstance(item.source, SurveyRule):
        result = found.survey.values.get(code, {}).get((item.source.recipe, item.source.node))
    return ScoreOut(sub_criterion=item.id, source=source,
                    claimed_value=_value(given.claimed.get(item.id)), claimed_points=sub.claimed,
                    appraised_value=_value(given.appraised.get(item.id)), appraised_points=sub.appraised,
                    survey_result=result, withheld=isinstance(item.source, SurveyRule) and result is None,
                    points=sub.points, max_points=item.max_points, evidence=list(evidence(code, item.id)))


def _value(value: object) -> str | None:
    """A stored value as the workflow keeps it: yes/no, a level's key, a percentage."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:g}" if isinstance(value, float) else str(value)
