"""Responses: create (idempotent by the client's uuid), read one, list with a cursor.

A response sent through the API is checked exactly as the web survey checks one
(`record_response`: the campaign accepts the channel today, the unit is a target, every answer
fits the questionnaire's types, skip logic and constraints), and stored once per uuid: sending
the same uuid again answers 200 with the stored response and writes nothing.
"""
from sqlalchemy import ColumnElement

from survey import clock, db
from survey.api import pagination, present, schemas
from survey.api.auth import require_unit, visible_unit_ids
from survey.api.catalogue import unit_by_code, visible_campaign
from survey.api.errors import ApiError
from survey.api.routing import endpoint
from survey.responses.models import Response
from survey.responses.operations import Submission, record_response, response_by_uuid
from survey.responses.queries import response_with_answers, responses_in_order
from survey.units.models import Unit

REPLAYED = {200: ("The uuid was already stored: the stored response, nothing written", schemas.ResponseOut)}


@endpoint("POST", "/responses", summary="Store a response (idempotent by uuid)", tag="responses",
          scope="responses:write", ok=schemas.ResponseOut, body=schemas.ResponseIn, extra=REPLAYED)
def create_response(body: schemas.ResponseIn):
    """Store a complete response once. 201 when stored now; 200 with the stored response when the
    uuid was stored before (retries are safe); 400 listing every problem, nothing stored."""
    with db.transaction() as session:
        stored = response_by_uuid(session, body.uuid)
        if stored is not None:
            require_unit(stored.unit_id)
        submission = Submission(
            uuid=body.uuid, campaign=visible_campaign(body.campaign, 400, "campaign"), unit=target_unit(body.unit),
            channel=body.channel, started_at=body.started_at, submitted_at=body.submitted_at, answers=body.answers,
            paper_serial=body.paper_serial, language=body.language, new_uuid=stored is None)
        response, created = record_response(session, submission, clock.today())
    return present.response(response), 201 if created else 200


def target_unit(code: str) -> Unit:
    found = unit_by_code(code)
    if found is None:
        raise ApiError(400, "invalid", f"unknown unit '{code}'", "unit")
    require_unit(found)
    return found


@endpoint("GET", "/responses/<uuid:key>", summary="One response", tag="responses", scope="responses:read",
          ok=schemas.ResponseOut)
def response(key):
    """A response with its status and answers (stored text by question key)."""
    found = response_with_answers(db.session(), key)
    if found is None:
        raise ApiError(404, "not_found", f"no response {key}")
    require_unit(found.unit_id)
    return present.response(found)


@endpoint("GET", "/responses", summary="Responses, a page at a time", tag="responses", scope="responses:read",
          ok=schemas.ResponsePage, query=schemas.ResponseQuery)
def responses(query: schemas.ResponseQuery):
    """Responses in the order they were stored, `limit` at a time; follow `next_cursor` until null.
    Filters: campaign, unit (responses evaluating that unit), status, since (submitted at or after)."""
    found = responses_in_order(db.session(), filters(query), query.limit + 1)
    page, more = found[:query.limit], len(found) > query.limit
    return schemas.ResponsePage(responses=[present.response(r) for r in page],
                                next_cursor=pagination.encode(page[-1].id) if more else None)


def filters(query: schemas.ResponseQuery) -> list[ColumnElement[bool]]:
    conditions = [Response.id > pagination.decode(query.cursor)] if query.cursor else []
    if query.campaign is not None:
        conditions.append(Response.campaign_id == visible_campaign(query.campaign, 400, "campaign").id)
    if query.unit is not None:
        conditions.append(Response.unit_id == target_unit(query.unit).id)
    visible = visible_unit_ids()
    if visible is not None:
        conditions.append(Response.unit_id.in_(visible))
    if query.status is not None:
        conditions.append(Response.status == query.status)
    if query.since is not None:
        conditions.append(Response.submitted_at >= query.since)
    return conditions
