"""A repeat's answers in a wide export: a table of their own, one row per response and instance.

The responses' table has one row per response and cannot hold a household's members, so each
repeat (``forms.repeats``: a section with ``repeat: true``) gets its own table keyed by the
response id and the instance: a second sheet of an XLSX workbook named after the repeat, or for
the other formats a second file beside the export, ``<name>_<repeat>.<ext>``. Its questions are
left out of the responses' table. The long layout needs none of this: its rows carry the instance.
"""
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

import forms
from survey.exports import rows
from survey.exports.reading import BATCH_SIZE, Selection
from survey.exports.variables import RESPONSE_VARIABLES, Variable, question_variables
from survey.responses.models import Answer, Response

if TYPE_CHECKING:
    from survey.exports.operations import Plan

INSTANCE = Variable("instance", "number", forms.Label({"vi": "Lần lặp (thứ tự trong nhóm lặp)",
                                                     "en": "Repeat instance (its order in the repeat)"}))


@dataclass(frozen=True)
class RepeatTable:
    """One repeat of the exported versions: its name and the variables of its table."""

    name: str
    variables: list[Variable]

    @property
    def keys(self) -> list[str]:
        return list(dict.fromkeys(v.question.name for v in self.variables if v.question is not None))


def repeat_tables(definitions: list[tuple[int, forms.Definition]]) -> list[RepeatTable]:
    """A table per repeat of the versions (by name, the first version's questions first)."""
    questions: dict[str, dict[str, tuple[forms.Question, list[int]]]] = {}
    for number, definition in definitions:
        for section in (s for s in definition.sections if s.repeat):
            table = questions.setdefault(section.name, {})
            for question in (q for q in section.questions if q.kind.has_answer):
                table.setdefault(question.name, (question, []))[1].append(number)
    return [RepeatTable(name, [RESPONSE_VARIABLES[0], INSTANCE] + [
        v for question, versions in table.values() for v in question_variables(question, tuple(versions))])
        for name, table in questions.items()]


def side_path(out: Path, table: RepeatTable) -> Path:
    """Where a format without sheets writes a repeat's table: beside the export, named after both."""
    return out.with_name(f"{out.stem}_{table.name}{out.suffix}")


def table_columns(session: Session, selection: Selection, table: RepeatTable,
                  size: int = BATCH_SIZE) -> Iterator[rows.Columns]:
    """The table's rows, a batch of responses at a time (those without an instance give none)."""
    connection = session.connection()
    last = 0
    while True:
        found = connection.execute(select(Response.id, cast(Response.uuid, String)).where(
            *selection.within(last, None)).order_by(Response.id).limit(size)).all()
        if not found:
            return
        answers = connection.execute(
            select(Answer.response_id, Answer.instance, Answer.question_key, Answer.value, Answer.number)
            .join(Response, Response.id == Answer.response_id)
            .where(*selection.within(last, found[-1][0]), Answer.instance > 0, Answer.question_key.in_(table.keys))
            .order_by(Answer.response_id, Answer.instance)).all()
        if answers:
            yield _columns(dict(found), answers, table)
        last = found[-1][0]


def _columns(uuids: dict[int, str], answers: Sequence[Sequence], table: RepeatTable) -> rows.Columns:
    """One row per (response, instance) that has an answer, in that order."""
    places = list(dict.fromkeys((response_id, instance) for response_id, instance, *_ in answers))
    at = {place: i for i, place in enumerate(places)}
    values: dict[str, list] = {key: [None] * len(places) for key in table.keys}
    numbers: dict[str, list] = {key: [None] * len(places) for key in table.keys}
    for response_id, instance, key, value, number in answers:
        values[key][at[response_id, instance]] = value
        numbers[key][at[response_id, instance]] = number
    columns: rows.Columns = {"response_id": [rows.dashed(uuids[r]) for r, _ in places],
               "instance": [float(n) for _, n in places]}
    for v in table.variables:
        if v.question is not None:
            columns[v.name] = rows.answer_column(v, values[v.question.name], numbers[v.question.name], len(places))
    return columns


def table_plan(plan: "Plan", table: RepeatTable) -> "Plan":
    """The export's plan for a repeat's table: its variables, no weights (they are the responses')."""
    return replace(plan, variables=table.variables)
