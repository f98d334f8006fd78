"""The burst screen: the same flags as counting every response of a window, for the work of
counting no more than each window's limit, however large the flood."""
from datetime import timedelta

from survey import clock
from survey.responses.models import Draft
from survey.responses.operations import record_response
from survey.responses.screening import BURST_COUNTS, BurstRules, burst
from tests.clock import TODAY

RULES = BurstRules(device_limit=2, device_window=timedelta(hours=1), unit_limit=3, unit_window=timedelta(minutes=10))


def flood(session, campaign, make_submission, count, device="phone-1"):
    for _ in range(count):
        record_response(session, make_submission(campaign, device_hash=device), TODAY)
    session.flush()


def draft_of(campaign, device):
    return Draft(campaign_id=campaign.id, unit_id=campaign.units[0].unit_id, device_hash=device)


def test_a_flood_is_counted_only_up_to_each_limit(session, make_campaign, make_submission):
    campaign = make_campaign()
    flood(session, campaign, make_submission, 12)
    now = clock.now()
    counts = session.connection().execute(BURST_COUNTS, {
        "campaign_id": campaign.id, "unit_id": campaign.units[0].unit_id, "unit_since": now - RULES.unit_window,
        "device_hash": "phone-1", "device_since": now - RULES.device_window,
        "device_limit": RULES.device_limit, "unit_limit": RULES.unit_limit}).one()
    assert tuple(counts) == (2, 3)


def test_a_flood_beyond_the_limit_is_flagged_with_at_least_one_more_than_the_limit(
        session, make_campaign, make_submission):
    campaign = make_campaign()
    flood(session, campaign, make_submission, 12)
    assert burst(session, draft_of(campaign, "phone-1"), RULES, clock.now()) == (
        "burst_device", {"key": "detail_burst_device", "params": {"count": 3, "minutes": 60}})
    assert burst(session, draft_of(campaign, "phone-2"), RULES, clock.now()) == (
        "burst_unit", {"key": "detail_burst_unit", "params": {"count": 4, "minutes": 10}})


def test_a_burst_begins_one_past_the_limit(session, make_campaign, make_submission):
    campaign = make_campaign()
    flood(session, campaign, make_submission, 1)
    assert burst(session, draft_of(campaign, "phone-1"), RULES, clock.now()) == (None, {})
    flood(session, campaign, make_submission, 1)
    assert burst(session, draft_of(campaign, "phone-1"), RULES, clock.now())[0] == "burst_device"
    assert burst(session, draft_of(campaign, None), RULES, clock.now()) == (None, {})
    flood(session, campaign, make_submission, 1, device=None)
    assert burst(session, draft_of(campaign, None), RULES, clock.now())[0] == "burst_unit"
