"""The answers of a new response written in one statement, cheap for the app on either database.

PostgreSQL: one short statement whatever the number of answers (three arrays unnested), so
psycopg parses it once per process and the server prepares it. A multi-row VALUES list of 45
answers has 225 parameters, over psycopg's cache limit of 50: it was parsed on every send, about
a millisecond of the app's CPU. SQLite has no arrays and its driver caches statements by text:
there the rows go out as one multi-row INSERT (SQLAlchemy's "insertmanyvalues").
"""
from typing import cast

from sqlalchemy import ARRAY, Connection, Float, Integer, String, Table, Text, bindparam, func, insert, select

from survey.responses.models import Answer, Response

ANSWERS = cast(Table, Answer.__table__)  # a declarative model's table, which its hints call a FromClause
COLUMNS = ("response_id", "version_id", "question_key", "instance", "value", "number")

_unnested = (func.unnest(bindparam("keys", type_=ARRAY(String)), bindparam("instances", type_=ARRAY(Integer)),
                          bindparam("values", type_=ARRAY(Text)), bindparam("numbers", type_=ARRAY(Float)))
             .table_valued("question_key", "instance", "value", "number").render_derived("given"))
UNNEST_INSERT = insert(ANSWERS).from_select(COLUMNS, select(
    bindparam("response_id", type_=Integer), bindparam("version_id", type_=Integer),
    _unnested.c.question_key, _unnested.c.instance, _unnested.c.value, _unnested.c.number))


def write_answers(connection: Connection, response: Response, rows: list[dict]) -> None:
    """Insert `rows` (question_key, instance, value, number: `operations.answer_row`) as the answers
    of `response` (flushed)."""
    owner = {"response_id": response.id, "version_id": response.questionnaire_version_id}
    if connection.dialect.name == "postgresql":
        connection.execute(UNNEST_INSERT, {**owner, "keys": [row["question_key"] for row in rows],
                                           "instances": [row["instance"] for row in rows],
                                           "values": [row["value"] for row in rows],
                                           "numbers": [row["number"] for row in rows]})
    else:
        # RETURNING makes SQLAlchemy send the rows as one multi-row INSERT, not one per row.
        connection.execute(insert(ANSWERS).returning(ANSWERS.c.question_key), [{**owner, **row} for row in rows])
