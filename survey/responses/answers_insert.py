"""The answers of a new response, cheap for the app on either database.

PostgreSQL: three arrays unnested, so the statement is short whatever the number of answers:
psycopg parses it once per process and the server prepares it (a multi-row VALUES list of 45
answers has 225 parameters, over psycopg's cache limit of 50: parsed on every send, about a
millisecond of the app's CPU). `response_insert` puts it in the response's own statement.
SQLite has no arrays and its driver caches statements by text: there the rows go out as one
multi-row INSERT (SQLAlchemy's "insertmanyvalues").
"""
from typing import cast

from sqlalchemy import ARRAY, Connection, Float, Integer, String, Table, TableValuedAlias, Text, bindparam, func, insert

from survey.responses.models import Answer

ANSWERS = cast(Table, Answer.__table__)  # a declarative model's table, which its hints call a FromClause
ANSWER_COLUMNS = ("response_id", "version_id", "question_key", "instance", "value", "number")


def unnested_answers() -> TableValuedAlias:
    """The rows of `answer_arrays`, as a table: question_key, instance, value, number."""
    return (func.unnest(bindparam("keys", type_=ARRAY(String)), bindparam("instances", type_=ARRAY(Integer)),
                        bindparam("values", type_=ARRAY(Text)), bindparam("numbers", type_=ARRAY(Float)))
            .table_valued("question_key", "instance", "value", "number").render_derived("given"))


def answer_arrays(rows: list[dict]) -> dict[str, list]:
    """The parameters of `unnested_answers` for `rows` (question_key, instance, value, number:
    `operations.answer_row`)."""
    return {"keys": [row["question_key"] for row in rows], "instances": [row["instance"] for row in rows],
            "values": [row["value"] for row in rows], "numbers": [row["number"] for row in rows]}


def write_answers(connection: Connection, response_id: int, version_id: int, rows: list[dict]) -> None:
    """SQLite: insert `rows` as the answers of the stored response `response_id`."""
    if rows:
        owner = {"response_id": response_id, "version_id": version_id}
        # RETURNING makes SQLAlchemy send the rows as one multi-row INSERT, not one per row.
        connection.execute(insert(ANSWERS).returning(ANSWERS.c.question_key), [{**owner, **row} for row in rows])
