"""CSV on PostgreSQL: the server computes every cell and writes the rows itself (COPY ... TO STDOUT).

The Arrow path (csv_arrow.py) reads the answers into Python, about two microseconds per answer;
here the server pivots the answers into columns (one FILTER aggregate per question) and formats
them, and Python only copies the bytes into the file. The file is the one csv_arrow.py writes from
the same rows: text, choices and times quoted, numbers plain and shortest (4, 0.5), times ISO 8601
UTC to the second, formula starts neutralised with a single quote, missing values empty, lines
ending in LF. Only numbers below 0.0001 or from 10^10 up are spelt differently (1e-05 for 0.00001,
10000000000 for 1e+10), never valued differently. The responses go out in id order, `BATCH_SIZE`
per COPY, so a background job can show its progress.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Float,
    FromClause,
    Integer,
    Select,
    String,
    case,
    cast,
    extract,
    func,
    literal,
    select,
)
from sqlalchemy.orm import Session, aliased

from survey.exports.csv_arrow import header_bytes
from survey.exports.formulas import neutralised_sql
from survey.exports.variables import IN_SCOPE, NOT_RATED, STATUS_LEFT_OUT, Variable, union_questions
from survey.questionnaires.models import QuestionnaireVersion
from survey.responses.models import Answer, Response
from survey.results.scope import UnitWeights
from survey.units.models import Unit

if TYPE_CHECKING:
    from survey.exports.operations import Plan

BATCH_SIZE = 50_000
ISO_SECONDS = 'YYYY-MM-DD"T"HH24:MI:SS"Z"'
QUOTED_KINDS = ("text", "choice", "datetime")
"""Kinds written as quoted text (Arrow quotes every string)."""
SETTINGS = ("extra_float_digits = 1", "jit = off", "work_mem = '64MB'", "random_page_cost = 1.1",
            "max_parallel_workers_per_gather = 0")
"""For this transaction: floats shortest and exact whatever the server's default; no JIT, which
costs more to compile for each batch than it saves; each batch's sorts in memory; index pages as
cheap as they are once cached, so that the scope's EXISTS of design weights probes the answers'
key per response (0.2 s a batch) rather than hashing every rated answer of the campaign (3.8 s);
no parallel workers, which that cost made the planner start for each batch: the export's halves
already keep both cores busy (server CPU for a million responses 16 s with them, 12 s without)."""
UNIT, PARENT = aliased(Unit, name="unit"), aliased(Unit, name="parent")


@dataclass(frozen=True)
class Weight:
    """A response's weight in the query: `cell`, NULL out of scope, and the table it comes from if any."""

    cell: ColumnElement
    table: FromClause | None = None


def write_copy(plan: Plan, session: Session, path: Path, header: bool = True, after: int = 0,
               upto: int | None = None, progress: Callable[[int], None] | None = None) -> int:
    """The rows of the plan's responses with `after` < id <= `upto` (no bound: None) into `path`,
    as csv_arrow.CsvWriter writes them; `progress` is told the rows written after every COPY."""
    connection = session.connection()
    for setting in SETTINGS:
        connection.exec_driver_sql(f"SET LOCAL {setting}")
    written = 0
    with open(path, "wb") as handle:
        if header:
            handle.write(header_bytes(plan.variables, plan.request.bom))
        for low, high in ranges(session, plan, after, upto):
            written += _copy(connection, plan, handle, low, high)
            if progress is not None:
                progress(written)
    return written


def ranges(session: Session, plan: Plan, after: int, upto: int | None) -> Iterator[tuple[int, int | None]]:
    """(low, high] id ranges of at most BATCH_SIZE selected responses each (high None: no bound)."""
    low = after
    while True:
        high = session.scalar(select(Response.id).where(*plan.selection.within(low, upto))
                              .order_by(Response.id).offset(BATCH_SIZE - 1).limit(1))
        yield low, upto if high is None else high
        if high is None:
            return
        low = high


def _copy(connection: Connection, plan: Plan, handle: IO[bytes], low: int, high: int | None) -> int:
    """One COPY of the responses with low < id <= high into `handle`; the rows it wrote."""
    query = (wide_query if plan.request.layout == "wide" else long_query)(plan, low, high)
    compiled = query.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    quoted = ", ".join(f"c{i}" for i, v in enumerate(plan.variables) if v.kind in QUOTED_KINDS)
    driver = connection.connection.driver_connection
    assert driver is not None, "a connection that just ran the export's queries holds its driver's"
    with driver.cursor() as cursor:
        with cursor.copy(f"COPY ({compiled}) TO STDOUT (FORMAT csv, FORCE_QUOTE ({quoted}))",
                         compiled.params) as copy:
            for block in copy:
                handle.write(block)
        return cursor.rowcount


def wide_query(plan: Plan, low: int, high: int | None) -> Select:
    """One row per response: its own columns, then the questions' pivoted from its answers."""
    keys = list(dict.fromkeys(v.question.name for v in plan.variables if v.question is not None))
    pivot = _pivot(plan, keys, low, high)
    found = {key: (pivot.c[f"v{i}"], pivot.c[f"n{i}"]) for i, key in enumerate(keys)}
    weights = _weights(plan, low, high)
    columns = [answer_cell(v, *found[v.question.name]) if v.question is not None else _fixed(v.name, plan, weights)
               for v in plan.variables]
    query = _from_responses(select(*[c.label(f"c{i}") for i, c in enumerate(columns)]), plan, weights)
    return (query.outerjoin(pivot, pivot.c.response_id == Response.id)
            .where(*plan.selection.within(low, high)).order_by(Response.id))


def long_query(plan: Plan, low: int, high: int | None) -> Select:
    """One row per answer, in questionnaire order within each response (keys of no version first,
    as rows.long_columns)."""
    order = {q.name: i for i, (q, _) in enumerate(union_questions(plan.definitions))}
    position = case(order, value=Answer.question_key, else_=0) if order else literal(0)
    own = {"question": neutralised_sql(Answer.question_key), "value": neutralised_sql(Answer.value),
           "number": Answer.number, "instance": Answer.instance}
    weights = _weights(plan, low, high)
    columns = [own[v.name] if v.name in own else _fixed(v.name, plan, weights) for v in plan.variables]
    query = _from_responses(select(*[c.label(f"c{i}") for i, c in enumerate(columns)]), plan, weights)
    return (query.join(Answer, Answer.response_id == Response.id)
            .where(*plan.selection.within(low, high), *_answers_in_range(low, high))
            .order_by(Response.id, position, Answer.instance))


def _answers_in_range(low: int, high: int | None) -> list[ColumnElement[bool]]:
    """The range again on the answers' own key, so that only its part of their index is read (else
    the planner scans every answer of every batch)."""
    return [Answer.response_id > low] + ([] if high is None else [Answer.response_id <= high])


def _pivot(plan: Plan, keys: list[str], low: int, high: int | None):
    """Per response id, the stored value (v0, v1, ...) and number (n0, n1, ...) of each question key."""
    cells = [(func.max(Answer.value).filter(Answer.question_key == key).label(f"v{i}"),
              func.max(Answer.number).filter(Answer.question_key == key).label(f"n{i}"))
             for i, key in enumerate(keys)]
    query = (select(Answer.response_id, *[c for pair in cells for c in pair])
             .join(Response, Response.id == Answer.response_id)
             .where(*plan.selection.within(low, high), *_answers_in_range(low, high)))
    return query.group_by(Answer.response_id).subquery("pivot")


def _from_responses(query: Select, plan: Plan, weights: Weight | None) -> Select:
    """The query over the responses, joined to their unit, its parent, their version and their weight."""
    query = (query.select_from(Response).join(UNIT, UNIT.id == Response.unit_id)
             .outerjoin(PARENT, PARENT.id == UNIT.parent_id)
             .join(QuestionnaireVersion, QuestionnaireVersion.id == Response.questionnaire_version_id))
    if weights is None or weights.table is None:
        return query
    return query.outerjoin(weights.table, weights.table.c.owner == Response.id)


def _weights(plan: Plan, low: int, high: int | None) -> Weight | None:
    """The weights of the responses in the range (None without weights): design weights as a CASE on
    the unit where the response is in scope, others from a table of (owner, weight) for the ids in
    the range that have one."""
    given = plan.context.weights
    if given is None:
        return None
    if isinstance(given, UnitWeights):
        scoped = _scoped(given, low, high)
        return Weight(case((scoped.c.owner.is_not(None), cast(case(given.by_unit, value=Response.unit_id), Float))),
                      scoped)
    owners, weights = given.within(low, high)
    table = func.unnest(cast(owners, ARRAY(Integer)), cast(weights, ARRAY(Float))).table_valued("owner", "weight")
    table = table.render_derived(name="weights")
    return Weight(table.c.weight, table)


def _scoped(weights: UnitWeights, low: int, high: int | None) -> FromClause:
    """The ids in the range of the responses in scope (the condition n_h was counted with), as a
    table to join: in the select list the condition's EXISTS made PostgreSQL hash every eligible
    answer of the campaign for each batch (10 s a batch); in a WHERE it probes the answers' key."""
    bounds = [Response.id > low] + ([] if high is None else [Response.id <= high])
    return select(Response.id.label("owner")).where(weights.scope, *bounds).subquery("scoped")


def _weight_note(plan: Plan, weights: Weight) -> ColumnElement:
    """Why the response has a weight or none (rows.Context.weight_notes)."""
    analysed = Response.status.in_(plan.context.weighted_statuses)
    return case((weights.cell.is_not(None), IN_SCOPE), (analysed, NOT_RATED), else_=STATUS_LEFT_OUT)


def _fixed(name: str, plan: Plan, weights: Weight | None) -> ColumnElement:
    """A fixed column's cell (see rows.response_columns)."""
    if weights is not None and name == "weight":  # the weight columns are asked for with weights only
        return weights.cell
    if weights is not None and name == "weight_note":
        return _weight_note(plan, weights)
    if name in ("started_at", "submitted_at"):
        return func.to_char(func.timezone("UTC", getattr(Response, name)), ISO_SECONDS)
    if name == "duration_seconds":
        return cast(extract("epoch", Response.submitted_at - Response.started_at), Float)
    if name == "questionnaire_version":
        return cast(QuestionnaireVersion.number, Float)
    texts = {"response_id": cast(Response.uuid, String), "unit_code": UNIT.code, "unit_name": UNIT.name,
             "unit_level": UNIT.level, "district": Unit.district_code(UNIT, PARENT), "channel": Response.channel,
             "status": Response.status, "paper_serial": Response.paper_serial,
             "device_class": Response.device_class, "flag": Response.flag}
    return neutralised_sql(texts[name])


def answer_cell(variable: Variable, value: ColumnElement, number: ColumnElement) -> ColumnElement:
    """A question's cell from its stored value and number (rows.answer_column)."""
    if variable.choice is not None:
        chosen = func.strpos(" " + value + " ", f" {variable.choice} ") > 0
        return case((value.is_(None), None), (chosen, 1.0), else_=0.0).cast(Float)
    if variable.position is not None:  # rows.placed: '' past the last place is no answer
        return neutralised_sql(func.nullif(func.split_part(value, " ", variable.position), ""))
    if variable.satisfaction:
        return cast(value, Float)  # 9 (don't know) has no stored number
    return number if variable.kind == "number" else neutralised_sql(value)
