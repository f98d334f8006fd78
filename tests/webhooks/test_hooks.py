"""The events are written where things happen: verifying and rejecting responses, closing a campaign
early; and a campaign closed early is not announced again when its dates pass."""
from datetime import timedelta

from sqlalchemy import select

from survey.campaigns.operations import close_now
from survey.responses.operations import record_response, reject_response, reopen_response, verify_response
from survey.webhooks.events import close_passed_campaigns
from survey.webhooks.models import WebhookEvent
from tests.clock import TODAY


def names(session) -> list[str]:
    return list(session.scalars(select(WebhookEvent.event).order_by(WebhookEvent.id)))


def test_verify_and_reject_write_their_events(session, make_campaign, make_submission):
    campaign = make_campaign()
    response, _ = record_response(session, make_submission(campaign), TODAY)
    verify_response(session, response, None)
    reopen_response(session, response, None, "xem lại")
    reject_response(session, response, None, "trùng lặp")
    session.commit()
    assert names(session) == ["response.created", "response.verified", "response.rejected"]
    rejected = session.scalar(select(WebhookEvent).where(WebhookEvent.event == "response.rejected"))
    assert rejected.payload["response"]["rejection_reason"] == "trùng lặp"


def test_closing_early_announces_the_campaign_once(session, make_campaign):
    campaign = make_campaign()
    close_now(session, campaign, TODAY, None)
    assert close_passed_campaigns(session, TODAY + timedelta(days=60)) == []
    session.commit()
    assert names(session) == ["campaign.closed"]
