"""Progress against quotas per unit, stratum and surveyor, responses per day, and the flagged
responses of a campaign, on a built campaign; scoped to some units or the whole province."""
from datetime import date, timedelta

from survey.campaigns.models import Campaign
from survey.quality.progress import daily_counts, elapsed_share, stratum_progress, surveyor_progress, unit_progress
from survey.quality.queries import flagged_responses
from survey.quality.rules import Thresholds
from tests.supervisor.conftest import ITEMS, VARIED

ZONE = "Asia/Ho_Chi_Minh"


def figures(rows) -> list[tuple]:
    return [(row.label, row.detail, row.target, row.collected, row.verified, row.rejected,
             None if row.percent is None else round(row.percent), row.remaining) for row in rows]


def test_units_and_strata_against_their_quotas(session, campaign, respond):
    for status in ("submitted", "verified", "verified", "rejected"):
        respond("AG-LX", VARIED | {"sex": "female"}, status=status)
    respond("AG-LX", VARIED | {"sex": "male"}, channel="paper", status="verified")
    for _ in range(6):
        respond("AG-CD")
    assert figures(unit_progress(session, campaign, None)) == [
        ("Châu Đốc", "AG-CD", 5, 6, 0, 0, 120, 0),
        ("Long Xuyên", "AG-LX", 10, 4, 3, 1, 40, 6),
    ]
    assert figures(stratum_progress(session, campaign, None)) == [
        ("Long Xuyên", "sex = female", 6, 3, 2, 1, 50, 3),
        ("Long Xuyên", "sex = male", 4, 1, 1, 0, 25, 3),
    ]


def test_a_supervisor_sees_the_rows_of_their_units_only(session, campaign, respond):
    respond("AG-LX")
    respond("AG-CD")
    cd = next(t.unit_id for t in campaign.units if t.unit.code == "AG-CD")
    assert [row.label for row in unit_progress(session, campaign, {cd})] == ["Châu Đốc"]
    assert stratum_progress(session, campaign, {cd}) == []
    assert [day.total for day in daily_counts(session, campaign, {cd}, ZONE)] == [1]


def test_surveyors_by_unit(session, campaign, respond, make_user):
    lan, minh = make_user("lan", "surveyor"), make_user("minh", "surveyor")
    respond("AG-LX", channel="paper", entered_by=lan)
    respond("AG-LX", channel="paper", entered_by=lan, status="verified")
    respond("AG-CD", channel="interviewer", entered_by=lan)
    respond("AG-LX", channel="paper", entered_by=minh, status="rejected")
    respond("AG-LX")  # self-completed: nobody keyed it
    assert figures(surveyor_progress(session, campaign, None)) == [
        ("lan", "Châu Đốc", None, 1, 0, 0, None, None),
        ("lan", "Long Xuyên", None, 2, 1, 0, None, None),
        ("minh", "Long Xuyên", None, 0, 0, 1, None, None),
    ]


def test_responses_per_local_day_and_channel_with_the_days_between(session, campaign, respond, today):
    respond(days_ago=3)
    respond(days_ago=3, channel="paper")
    respond(days_ago=1, channel="interviewer")
    respond(days_ago=0)
    days = daily_counts(session, campaign, None, ZONE)
    assert [day.day for day in days] == [today - timedelta(days=n) for n in (3, 2, 1, 0)]
    assert [(day.counts, day.total) for day in days] == [
        ({"interviewer": 0, "paper": 1, "web": 1}, 2), ({"interviewer": 0, "paper": 0, "web": 0}, 0),
        ({"interviewer": 1, "paper": 0, "web": 0}, 1), ({"interviewer": 0, "paper": 0, "web": 1}, 1)]
    assert daily_counts(session, campaign, frozenset(), ZONE) == []


def test_flagged_responses_use_campaign_wide_figures(session, campaign, respond):
    for _ in range(10):
        respond("AG-CD", seconds=900)
    short = respond("AG-LX", seconds=200)  # above the 60 s minimum, below a third of the 900 s median
    twin_lx, twin_cd = respond("AG-LX", channel="paper", serial="A 0012"), respond("AG-CD", channel="paper",
                                                                                  serial="a12")
    burst = respond("AG-LX", flag="burst_device", status="verified")
    lx = {next(t.unit_id for t in campaign.units if t.unit.code == "AG-LX")}
    found = {item.response_id: [f.rule for f in item.findings] for item in flagged_responses(session, campaign, lx)}
    assert found == {short.id: ["too_short"], twin_lx.id: ["duplicate_serial"], burst.id: ["burst_device"]}
    everywhere = flagged_responses(session, campaign, None, rule="duplicate_serial")
    assert {item.response_id for item in everywhere} == {twin_lx.id, twin_cd.id}
    assert [item.response_id for item in flagged_responses(session, campaign, lx, status="verified")] == [burst.id]
    assert flagged_responses(session, campaign, lx, Thresholds(short_fraction=0.1), rule="too_short") == []


def test_the_campaign_sets_its_shortest_plausible_interview(session, campaign, respond):
    quick = respond("AG-LX", seconds=40)
    assert [f.rule for item in flagged_responses(session, campaign, None) for f in item.findings] == ["too_short"]
    campaign.min_seconds = 20  # a one-minute quick rating form
    assert flagged_responses(session, campaign, None) == []
    campaign.min_seconds = 45
    assert [item.response_id for item in flagged_responses(session, campaign, None)] == [quick.id]


def test_nothing_flagged_in_an_empty_campaign(session, campaign):
    assert flagged_responses(session, campaign, None) == []
    assert [row.collected for row in unit_progress(session, campaign, None)] == [0, 0]


def test_screened_out_responses_are_counted_apart_and_never_fill_a_quota(session, campaign, respond):
    respond("AG-LX", VARIED | {"sex": "female"})
    respond("AG-LX", {"sex": "female"})  # screened out: no rating at all
    respond("AG-LX", {"sex": "female", **dict.fromkeys(ITEMS, "9")})  # only "don't know": rates nothing
    respond("AG-LX", {"sex": "male"}, status="rejected")  # rejected: neither collected nor screened
    lx, cd = unit_progress(session, campaign, None)[::-1]
    assert (lx.collected, lx.screened, lx.remaining, cd.screened) == (1, 2, 9, 0)
    assert [(row.detail, row.collected) for row in stratum_progress(session, campaign, None)] == [
        ("sex = female", 1), ("sex = male", 0)]


def test_the_share_of_the_campaign_gone_by_counts_the_provinces_days():
    """10 days from 1 to 10 March: by the end of the first day a tenth should be in."""
    window = Campaign(opens_on=date(2027, 3, 1), closes_on=date(2027, 3, 10))
    shares = [elapsed_share(window, date(2027, 3, day)) for day in (1, 4, 10, 28)]
    assert shares == [0.1, 0.4, 1, 1]
    assert elapsed_share(window, date(2027, 2, 27)) == 0
    assert elapsed_share(Campaign(), date(2027, 3, 1)) is None
