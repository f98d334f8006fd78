"""A new response, its answers and its webhook event, written together (flush only; the caller commits).

Every column of the new rows is known beforehand, so they go out as Core statements built once,
not through the unit of work (about a millisecond of the app's CPU per send for one row). The
response's INSERT does nothing on a conflict with any unique key (its uuid, a paper serial)
instead of failing: the caller then finds the stored response, and no savepoint is needed to
keep the transaction usable. On PostgreSQL the three inserts are one statement (data-modifying
common table expressions: the answers and the event are inserted only if the response was), one
round trip instead of five with the savepoint; SQLite has no such statements and takes three.
"""
from types import ModuleType
from typing import TYPE_CHECKING, cast

from sqlalchemy import Connection, Table, bindparam, select, true
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from survey.db import utcnow
from survey.responses.answers_insert import ANSWER_COLUMNS, ANSWERS, answer_arrays, unnested_answers, write_answers
from survey.responses.models import Response
from survey.responses.outbox import EVENTS, INSERT_EVENT, response_summary

if TYPE_CHECKING:  # the Submission's module imports this one
    from survey.responses.operations import Submission

RESPONSES = cast(Table, Response.__table__)  # a declarative model's table, which its hints call a FromClause
COLUMNS = [column.name for column in RESPONSES.columns if column.name != "id"]


def _insert_unless_stored(dialect: ModuleType) -> "postgresql.Insert | sqlite.Insert":
    values = {name: bindparam(name, type_=RESPONSES.c[name].type) for name in COLUMNS}
    return dialect.insert(RESPONSES).values(values).on_conflict_do_nothing().returning(RESPONSES.c.id)


def _store_all():
    """PostgreSQL: the response, then its answers and its event from the id it returned (none if it did not)."""
    new = _insert_unless_stored(postgresql).cte("new_response")
    given = unnested_answers()
    version = bindparam("questionnaire_version_id", type_=RESPONSES.c.questionnaire_version_id.type)
    answers = ANSWERS.insert().from_select(
        ANSWER_COLUMNS, select(new.c.id, version, *given.c).select_from(new.join(given, true())))
    event = EVENTS.insert().from_select(("event", "payload", "created_at"), select(
        bindparam("event", type_=EVENTS.c.event.type), bindparam("payload", type_=EVENTS.c.payload.type),
        bindparam("created_at", type_=EVENTS.c.created_at.type)).select_from(new))
    return select(new.c.id).add_cte(answers.cte("new_answers"), event.cte("new_event"))


STORE_ALL = _store_all()
INSERT_UNLESS_STORED = _insert_unless_stored(sqlite)


def response_row(submission: "Submission") -> dict:
    """Every column of the new response but its id: a new response is submitted, its paradata the web's."""
    campaign = submission.campaign
    return {"uuid": submission.uuid, "campaign_id": campaign.id,
            "questionnaire_version_id": campaign.questionnaire_version_id, "unit_id": submission.unit.id,
            "channel": submission.channel, "status": "submitted", "rejection_reason": None,
            "paper_serial": submission.paper_serial,
            "entered_by_id": submission.entered_by.id if submission.entered_by is not None else None,
            "language": submission.language, "started_at": submission.started_at,
            "submitted_at": submission.submitted_at, "device_class": submission.device_class,
            "device_hash": submission.device_hash, "page_seconds": submission.page_seconds, "flag": submission.flag}


def store_response(session: Session, submission: "Submission", answers: list[dict]) -> Response | None:
    """Store `submission` with its `answers` (rows of `operations.answer_row`) and its
    response.created event; the `Response`, persistent in `session`, or None if a stored response
    holds its uuid or paper serial (nothing is written then)."""
    row = response_row(submission)
    response = Response(**row)
    for name in ("campaign", "unit", "entered_by"):  # as loaded: no backref appends a pending response
        set_committed_value(response, name, getattr(submission, name))
    event = {"event": "response.created", "payload": {"response": response_summary(response)},
             "created_at": utcnow()}
    stored = _insert(session.connection(), row, answers, event)
    if stored is None:
        return None
    response.id = stored
    make_transient_to_detached(response)  # as loaded: nothing pending for the next flush
    session.add(response)
    session.expire(response, ["answers"])  # read back from the table when someone asks
    return response


def _insert(connection: Connection, row: dict, answers: list[dict], event: dict) -> int | None:
    if connection.dialect.name == "postgresql":
        return connection.scalar(STORE_ALL, {**row, **answer_arrays(answers), **event})
    stored = connection.scalar(INSERT_UNLESS_STORED, row)
    if stored is not None:
        write_answers(connection, stored, row["questionnaire_version_id"], answers)
        connection.execute(INSERT_EVENT, event)
    return stored

