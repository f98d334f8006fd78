"""The row of a new response written with one INSERT … RETURNING (flush only; the caller commits).

A send used to add a `Response` to the session and flush it: the unit of work sorting its
dependencies and the relationships it was given was about a millisecond of the app's CPU per send,
for one row whose every column is known beforehand. The row goes out as a Core statement, built
once; the object is then put in the session as the row just stored (persistent, nothing pending),
with the campaign, unit and keyer it was made with, so that callers read it as before.
"""
from typing import TYPE_CHECKING, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session, make_transient_to_detached

from survey.responses.models import Response

if TYPE_CHECKING:  # the Submission's module imports this one
    from survey.responses.operations import Submission

RESPONSES = cast(Table, Response.__table__)  # a declarative model's table, which its hints call a FromClause
INSERT_RESPONSE = insert(RESPONSES).returning(RESPONSES.c.id)


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


def insert_response(session: Session, submission: "Submission") -> Response:
    """Store the response row of `submission`; the `Response`, persistent in `session`."""
    row = response_row(submission)
    stored = session.connection().scalar(INSERT_RESPONSE, row)
    response = Response(id=stored, **row, campaign=submission.campaign, unit=submission.unit,
                        entered_by=submission.entered_by)
    make_transient_to_detached(response)  # as loaded: nothing pending for the next flush
    session.add(response)
    return response


def forget_response(session: Session, response: Response | None) -> None:
    """Take out of `session` the response of a savepoint rolled back (None: none was inserted). A
    rollback expunges only what a flush added, not this object put in as loaded: it would stay in
    the identity map, as stored, with an id SQLite gives to the next response."""
    if response is not None:
        session.expunge(response)
