"""The outbox is written in the transaction of the event: never without it, never twice."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from survey import db
from survey.errors import InvalidInput
from survey.responses.models import Response
from survey.responses.operations import record_response
from survey.responses.outbox import response_status_changed
from survey.webhooks.events import close_passed_campaigns
from survey.webhooks.models import WebhookEvent
from tests.clock import TODAY


def events(session, name=None) -> list[WebhookEvent]:
    query = select(WebhookEvent).order_by(WebhookEvent.id)
    return list(session.scalars(query.where(WebhookEvent.event == name) if name else query))


def test_a_stored_response_writes_one_event_and_a_repeat_none(session, make_campaign, make_submission):
    campaign = make_campaign()
    submission = make_submission(campaign)
    record_response(session, submission, TODAY)
    record_response(session, submission, TODAY)
    session.commit()
    [event] = events(session)
    assert event.event == "response.created" and event.payload["response"]["uuid"] == str(submission.uuid)


def test_a_rolled_back_transaction_leaves_no_event(app, session, make_campaign, make_submission):
    campaign = make_campaign()
    session.commit()
    submission = make_submission(campaign)
    with pytest.raises(RuntimeError), db.transaction() as unit_of_work:
        record_response(unit_of_work, submission, TODAY)
        raise RuntimeError("the request failed after storing")
    assert session.scalar(select(func.count()).select_from(Response)) == 0
    assert events(session) == []


def test_the_loser_of_a_concurrent_duplicate_leaves_no_event(session, make_campaign, make_submission,
                                                               monkeypatch):
    from survey.responses import operations

    campaign = make_campaign()
    submission = make_submission(campaign)
    record_response(session, submission, TODAY)
    session.commit()
    calls = []
    real = operations.response_by_uuid

    def not_seen_at_first(*args):  # the first look misses the other insert, as under concurrency
        calls.append(args)
        return None if len(calls) == 1 else real(*args)
    monkeypatch.setattr(operations, "response_by_uuid", not_seen_at_first)
    _, created = record_response(session, submission, TODAY)
    session.commit()
    assert not created and len(events(session)) == 1


def test_a_refused_response_leaves_no_event(session, make_campaign, make_submission):
    campaign = make_campaign()
    with pytest.raises(InvalidInput):
        record_response(session, make_submission(campaign, answers={"visits": "0"}), TODAY)
    assert events(session) == []


def test_verified_and_rejected_events(session, make_campaign, make_submission):
    campaign = make_campaign()
    response, _ = record_response(session, make_submission(campaign), TODAY)
    response.status = "verified"
    response_status_changed(session, response)
    response.status, response.rejection_reason = "rejected", "duplicate"
    response_status_changed(session, response)
    session.commit()
    assert [e.event for e in events(session)] == ["response.created", "response.verified", "response.rejected"]
    assert events(session, "response.rejected")[0].payload["response"]["rejection_reason"] == "duplicate"


def test_a_campaign_past_its_closing_day_is_announced_once(session, make_campaign):
    make_campaign("old", opens_on=TODAY - timedelta(days=30), closes_on=TODAY - timedelta(days=1))
    make_campaign("running")
    assert close_passed_campaigns(session, TODAY) == ["old"]
    assert close_passed_campaigns(session, TODAY) == []
    session.commit()
    [event] = events(session, "campaign.closed")
    assert event.payload["campaign"]["slug"] == "old" and event.key.startswith("campaign.closed:")
