"""Batches of responses turned into columns of plain values, one list per variable.

Values are `str`, `float`, a naive UTC `datetime` or None (missing); choice answers stay their
stored value here, the SPSS/Stata writer turns them into codes. Columns are built a whole list at
a time (comprehensions, no call per cell) since a million responses make tens of millions of cells.
"""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement

from survey.exports.reading import SCOPE_FLAG, Batch
from survey.exports.variables import IN_SCOPE, NOT_RATED, STATUS_LEFT_OUT, Variable
from survey.results.scope import UnitWeights, Weights

Columns = dict[str, list]
UnitDetails = dict[int, tuple[str, str, str, str | None]]


@dataclass(frozen=True)
class Context:
    """What rows need besides the database rows: units, version numbers, the weights."""

    units: UnitDetails
    version_numbers: dict[int, int]
    weights: Weights | UnitWeights | None = None
    """The analysis weights of the responses in scope (survey.results.scope); None: no weights."""
    weighted_statuses: tuple[str, ...] = ()
    """The statuses the weights were computed over: a response of another status is out of scope."""

    def scope_flag(self) -> ColumnElement[bool] | None:
        """What batches must read besides the rows: whether each response is in scope, for weights
        given per unit."""
        return self.weights.scope if isinstance(self.weights, UnitWeights) else None

    def weight_notes(self, batch: Batch) -> list[str]:
        """Why each response has a weight or none (variables.WEIGHT_NOTES)."""
        analysed = self.weighted_statuses
        return [IN_SCOPE if weight is not None else NOT_RATED if status in analysed else STATUS_LEFT_OUT
                for weight, status in zip(self.weights_of(batch), batch.column(4), strict=True)]

    def weights_of(self, batch: Batch) -> list[float | None]:
        if isinstance(self.weights, UnitWeights):
            return self.weights.of(batch.column(2), batch.column(SCOPE_FLAG))
        return [None] * len(batch.rows) if self.weights is None else self.weights.of(batch.column(0))


def naive_utc(moments: list[datetime | str]) -> list[datetime]:
    """SQLite's driver gives the stored UTC text, PostgreSQL's aware datetimes: make them all naive UTC."""
    return [datetime.fromisoformat(m) if isinstance(m, str) else m.astimezone(UTC).replace(tzinfo=None)
            for m in moments]


def dashed(uuid: str) -> str:
    """The usual 8-4-4-4-12 form of a uuid read as 32 hex digits (SQLite) or already dashed."""
    if len(uuid) == 36:
        return uuid
    return f"{uuid[:8]}-{uuid[8:12]}-{uuid[12:16]}-{uuid[16:20]}-{uuid[20:]}"


def response_columns(batch: Batch, context: Context, wanted: list[str]) -> Columns:
    """The fixed columns named in `wanted`, from the response rows (see reading.RESPONSE_COLUMNS)."""
    unit_ids = batch.column(2)
    started, submitted = naive_utc(batch.column(6)), naive_utc(batch.column(7))
    units, numbers = context.units, context.version_numbers
    makers: dict[str, Callable[[], list]] = {
        "response_id": lambda: [dashed(u) for u in batch.column(1)],
        "unit_code": lambda: [units[u][0] for u in unit_ids],
        "unit_name": lambda: [units[u][1] for u in unit_ids],
        "unit_level": lambda: [units[u][2] for u in unit_ids],
        "district": lambda: [units[u][3] for u in unit_ids],
        "channel": lambda: batch.column(3), "status": lambda: batch.column(4),
        "paper_serial": lambda: batch.column(5),
        "started_at": lambda: started, "submitted_at": lambda: submitted,
        "duration_seconds": lambda: [(end - start).total_seconds()
                                     for start, end in zip(started, submitted, strict=True)],
        "device_class": lambda: batch.column(8), "flag": lambda: batch.column(9),
        "questionnaire_version": lambda: [float(numbers[v]) for v in batch.column(10)],
        "weight": lambda: context.weights_of(batch),
        "weight_note": lambda: context.weight_notes(batch),
    }
    return {name: makers[name]() for name in wanted}


def answer_column(variable: Variable, values: list | None, numbers: list | None, rows: int) -> list:
    """A question's column from the batch's values and numbers of its key (both None: nobody answered it)."""
    if values is None or numbers is None:
        return [None] * rows
    if variable.choice is not None:
        choice = variable.choice
        return [None if v is None else float(choice in v.split(" ")) for v in values]
    if variable.position is not None:
        return [placed(v, variable.position) for v in values]
    if variable.satisfaction:
        return [None if v is None else float(v) for v in values]  # 9 (don't know) has no stored number
    return numbers if variable.kind == "number" else values


def placed(value: str | None, position: int) -> str | None:
    """The choice a rank's answer puts at ``position`` (from 1), None when it has none there."""
    ranked = value.split(" ") if value else []
    return ranked[position - 1] if position <= len(ranked) else None


def wide_columns(batch: Batch, variables: list[Variable], context: Context) -> Columns:
    """One row per response."""
    values, numbers = batch.by_key()
    rows = len(batch.rows)
    fixed = response_columns(batch, context, [v.name for v in variables if v.question is None])
    return {v.name: fixed[v.name] if v.question is None else
            answer_column(v, values.get(v.question.name), numbers.get(v.question.name), rows) for v in variables}


def long_columns(batch: Batch, variables: list[Variable], context: Context, order: dict[str, int]) -> Columns:
    """One row per answer, answers in questionnaire order within each response (a repeat's by instance)."""
    position = {row[0]: i for i, row in enumerate(batch.rows)}
    answers = sorted(batch.answers, key=lambda a: (position[a[0]], order.get(a[1], 0), a[4]))
    own = {"question": 1, "value": 2, "number": 3, "instance": 4}
    fixed = response_columns(batch, context, [v.name for v in variables if v.name not in own])
    at = [position[a[0]] for a in answers]
    columns = {v.name: [a[own[v.name]] for a in answers] if v.name in own else [fixed[v.name][i] for i in at]
               for v in variables}
    if "instance" in columns:
        columns["instance"] = [float(n) for n in columns["instance"]]
    return columns
