"""Scoring units on a checked definition, and ranking them per level.

A sub-criterion's points: `self`, from the appraised value when Home Affairs gave one, else from
the self-assessed value (no value: 0); `survey`, from the unit's result at the node (no result:
0); `formula`, its expression over the other sub-criteria's points. Each is kept within
[0, max]. A criterion's points are its sub-criteria's sum, a field's its criteria's, the total
its fields'; the percentage is 100 × total / the definition's maximum. Units are ranked per
level by percentage, highest first; ties share the best rank (1, 2, 2, 4).
"""
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from analysis.par_index_model import Definition, FormulaRule, Item, ParIndexError, Problem, SelfRule, SurveyRule
from analysis.par_index_rules import self_points, survey_points

RANK_DIGITS = 9
"""Decimals of the percentage compared when ranking."""


@dataclass(frozen=True)
class UnitInput:
    """What a unit brings: self-assessed and appraised values by sub-criterion id (True/False,
    a level's key or a percentage, by rule), and survey results by (recipe id, node id)."""

    unit: str
    level: str
    claimed: Mapping[str, Any] = field(default_factory=dict)
    appraised: Mapping[str, Any] = field(default_factory=dict)
    survey: Mapping[tuple[str, str], float] = field(default_factory=dict)


@dataclass(frozen=True)
class SubScore:
    """A sub-criterion's points: from the self-assessed value, the appraised one, the survey
    (None where there is none), and the points it counts for."""

    points: float
    claimed: float | None = None
    appraised: float | None = None
    survey: float | None = None


@dataclass(frozen=True)
class UnitScore:
    """A unit's result. `points` holds every item's points (sub-criteria, criteria, fields);
    `claimed` the self-source points had every self-assessed value stood, `appraised` those it
    counts for; `rank_change` is the previous rank minus this one (up is positive)."""

    unit: str
    level: str
    points: Mapping[str, float]
    sub: Mapping[str, SubScore]
    claimed: float
    appraised: float
    survey: float
    formula: float
    total: float
    percent: float
    rank: int | None = None
    rank_change: int | None = None


def score(definition: Definition, inputs: Iterable[UnitInput],
          previous: Sequence[UnitScore] = ()) -> list[UnitScore]:
    """Every unit scored and ranked per level, with its change of rank against `previous` (another
    year's scores; a unit ranked there at another level or not at all has none). ParIndexError
    lists every value that does not fit its rule, naming unit/sub-criterion/kind."""
    inputs = list(inputs)
    problems = [problem for given in inputs for problem in input_problems(definition, given)]
    if problems:
        raise ParIndexError(problems)
    return rank([score_unit(definition, given) for given in inputs], previous)


def input_problems(definition: Definition, given: UnitInput) -> list[Problem]:
    """Values naming no self-source sub-criterion, or not fitting its rule."""
    problems = []
    for kind, values in (("claimed", given.claimed), ("appraised", given.appraised)):
        for name, value in values.items():
            item = definition.items.get(name)
            path = f"{given.unit}/{name}/{kind}"
            if item is None or not isinstance(item.source, SelfRule):
                problems.append(Problem("unknown_input", column=path, params={"value": name}))
                continue
            try:
                self_points(item.source, value, item.max_points)
            except ValueError as error:
                problems.append(Problem("bad_value", item.row, path, {"value": value, "detail": str(error)}))
    return problems


def score_unit(definition: Definition, given: UnitInput) -> UnitScore:
    """One unit's points (its inputs already checked by input_problems)."""
    sub: dict[str, SubScore] = {}
    for item in definition.sub_criteria:
        _sub_score(definition, item, given, sub)
    points = {name: value.points for name, value in sub.items()}
    for name in definition.items:
        _item_points(definition, name, points)
    return _unit_score(definition, given, points, sub)


def _item_points(definition: Definition, name: str, points: dict[str, float]) -> float:
    """A criterion's or field's points, its children's first (the sheet may list them after it)."""
    if name not in points:
        points[name] = sum(_item_points(definition, child, points) for child in definition.items[name].children)
    return points[name]


def _sub_score(definition: Definition, item: Item, given: UnitInput, sub: dict[str, SubScore]) -> SubScore:
    """The sub-criterion's score, computing first the sub-criteria its formula refers to."""
    if item.id not in sub:
        sub[item.id] = _own_score(definition, item, given, sub)
    return sub[item.id]


def _own_score(definition: Definition, item: Item, given: UnitInput, sub: dict[str, SubScore]) -> SubScore:
    source, top = item.source, item.max_points
    if isinstance(source, SelfRule):
        claimed = _points_of(source, given.claimed, item)
        appraised = _points_of(source, given.appraised, item)
        return SubScore(appraised if appraised is not None else claimed or 0.0, claimed, appraised)
    if isinstance(source, SurveyRule):
        result = given.survey.get((source.recipe, source.node))
        points = None if result is None else survey_points(source, result, top)
        return SubScore(points or 0.0, survey=points)
    assert isinstance(source, FormulaRule)
    names = source.expr.names()
    values = {name: _sub_score(definition, definition.items[name], given, sub).points for name in names}
    return SubScore(min(max(source.expr.evaluate(values), 0.0), top))


def _points_of(rule: SelfRule, values: Mapping[str, Any], item: Item) -> float | None:
    return self_points(rule, values[item.id], item.max_points) if item.id in values else None


def _unit_score(definition: Definition, given: UnitInput, points: dict[str, float],
                sub: dict[str, SubScore]) -> UnitScore:
    def total(kind: type) -> float:
        return sum(points[item.id] for item in definition.sub_criteria if isinstance(item.source, kind))

    claimed = sum(value.claimed or 0.0 for value in sub.values())
    grand = sum(points[name] for name in definition.fields)
    return UnitScore(given.unit, given.level, points, sub, claimed, total(SelfRule), total(SurveyRule),
                     total(FormulaRule), grand, 100 * grand / definition.max_points)


def rank(scores: Sequence[UnitScore], previous: Sequence[UnitScore] = ()) -> list[UnitScore]:
    """The scores with their rank among the units of their level by percentage to RANK_DIGITS
    decimals (ties share the best rank, as pandas' rank(method="min", ascending=False)) and their
    change against `previous`."""
    before = {(old.unit, old.level): old.rank for old in previous}
    ranked = []
    for unit in scores:
        # Rounded: totals equal but for the order floats were added in (0.1 + 0.2 and 0.3) tie.
        peers = [round(other.percent, RANK_DIGITS) for other in scores if other.level == unit.level]
        place = 1 + sum(1 for other in peers if other > round(unit.percent, RANK_DIGITS))
        old = before.get((unit.unit, unit.level))
        ranked.append(replace(unit, rank=place, rank_change=None if old is None else old - place))
    return ranked
