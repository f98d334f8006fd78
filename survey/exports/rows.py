"""Batches of responses turned into columns of plain values, one list per variable.

Values are `str`, `float`, an aware UTC `datetime` or None (missing); choice answers stay
their stored value here, the SPSS/Stata writer turns them into codes.
"""
from collections.abc import Callable
from dataclasses import dataclass

from survey.exports.reading import AnswerMap
from survey.exports.variables import Variable
from survey.responses.models import aware

Getter = Callable[[tuple, AnswerMap], object]
UnitDetails = dict[int, tuple[str, str, str, str | None]]


@dataclass(frozen=True)
class Context:
    """What rows need besides the database rows: units, version numbers, weights per unit."""

    units: UnitDetails
    version_numbers: dict[int, int]
    weights: dict[int, float] | None


def response_getters(context: Context) -> dict[str, Callable[[tuple], object]]:
    """Getters of the fixed columns from a response row (see reading.RESPONSE_COLUMNS)."""
    units, numbers, weights = context.units, context.version_numbers, context.weights or {}
    return {
        "response_id": lambda r: str(r[1]),
        "unit_code": lambda r: units[r[2]][0],
        "unit_name": lambda r: units[r[2]][1],
        "unit_level": lambda r: units[r[2]][2],
        "district": lambda r: units[r[2]][3],
        "channel": lambda r: r[3],
        "status": lambda r: r[4],
        "paper_serial": lambda r: r[5],
        "started_at": lambda r: aware(r[6]),
        "submitted_at": lambda r: aware(r[7]),
        "duration_seconds": lambda r: (aware(r[7]) - aware(r[6])).total_seconds(),
        "device_class": lambda r: r[8],
        "flag": lambda r: r[9],
        "questionnaire_version": lambda r: float(numbers[r[10]]),
        "weight": lambda r: weights.get(r[2]),
    }


def answer_getter(variable: Variable) -> Getter:
    """The value of a question's column from a response's answers."""
    key = variable.question.name
    if variable.choice is not None:
        choice = variable.choice
        return lambda _, a: (float(choice in a[key][0].split(" ")) if key in a else None)
    if variable.question.type == "satisfaction":
        return lambda _, a: float(a[key][0]) if key in a else None
    if variable.kind == "number":
        return lambda _, a: a[key][1] if key in a else None
    return lambda _, a: a[key][0] if key in a else None


def wide_getters(variables: list[Variable], context: Context) -> dict[str, Getter]:
    fixed = response_getters(context)
    return {v.name: (answer_getter(v) if v.question is not None else _on_row(fixed[v.name])) for v in variables}


def _on_row(getter: Callable[[tuple], object]) -> Getter:
    return lambda row, _: getter(row)


def wide_columns(batch: list[tuple[tuple, AnswerMap]], getters: dict[str, Getter]) -> dict[str, list]:
    """One row per response."""
    return {name: [get(row, answers) for row, answers in batch] for name, get in getters.items()}


def long_columns(batch: list[tuple[tuple, AnswerMap]], variables: list[Variable], context: Context,
                 order: dict[str, int]) -> dict[str, list]:
    """One row per answer, answers in questionnaire order within each response."""
    expanded = [(row, key, value, number) for row, answers in batch
                for key, (value, number) in sorted(answers.items(), key=lambda item: order.get(item[0], 0))]
    fixed = response_getters(context)
    own = {"question": lambda e: e[1], "value": lambda e: e[2], "number": lambda e: e[3]}
    getters = {v.name: own.get(v.name) or _on_expanded(fixed[v.name]) for v in variables}
    return {name: [get(e) for e in expanded] for name, get in getters.items()}


def _on_expanded(getter: Callable[[tuple], object]) -> Callable[[tuple], object]:
    return lambda expanded: getter(expanded[0])
