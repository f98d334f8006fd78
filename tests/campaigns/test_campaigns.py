from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from survey.campaigns.models import Campaign, CampaignChannel
from survey.campaigns.operations import CampaignSpec, Target, create_campaign, set_stratum_quota
from survey.errors import InvalidInput


@pytest.mark.parametrize(("today", "state"), [
    (date(2026, 10, 31), "scheduled"), (date(2026, 11, 1), "open"),
    (date(2026, 12, 31), "open"), (date(2027, 1, 1), "closed"),
])
def test_state_is_computed_from_the_dates(today, state):
    campaign = Campaign(opens_on=date(2026, 11, 1), closes_on=date(2026, 12, 31))
    assert campaign.state_on(today) == state


def test_a_campaign_without_dates_is_a_draft():
    assert Campaign().state_on(date(2026, 11, 26)) == "draft"


def test_web_answers_only_while_open_paper_also_after_closing():
    campaign = Campaign(opens_on=date(2026, 11, 1), closes_on=date(2026, 11, 30),
                        channels=[CampaignChannel(channel="web"), CampaignChannel(channel="paper")])
    after = date(2026, 12, 5)
    assert campaign.accepts("web", date(2026, 11, 15)) and not campaign.accepts("web", after)
    assert campaign.accepts("paper", after) and not campaign.accepts("interviewer", date(2026, 11, 15))
    assert not campaign.accepts("paper", date(2026, 10, 1))


def test_create_stores_units_quotas_transactions_and_channels(session, make_campaign, make_unit):
    units = [make_unit("AG-LX"), make_unit("AG-CD")]
    campaign = make_campaign(units=units, channels=("web", "paper", "web"), double_entry=True)
    assert campaign.channel_names == ["paper", "web"]
    assert [(cu.unit.code, cu.quota, cu.transactions) for cu in campaign.units] == [
        ("AG-LX", 100, 1000), ("AG-CD", 100, 1000)]
    assert campaign.double_entry is True


def test_every_problem_of_a_specification_is_reported(session, make_unit, make_version):
    unit = make_unit()
    spec = CampaignSpec(slug="Bad Slug", name=" ", version=make_version(), channels=("sms",),
                        targets=[Target(unit, quota=-1), Target(unit)],
                        opens_on=date(2026, 12, 1), closes_on=date(2026, 11, 1))
    with pytest.raises(InvalidInput) as caught:
        create_campaign(session, spec)
    assert [str(p) for p in caught.value.problems] == [
        "slug 'Bad Slug': use lower-case letters, digits and '-' (at most 64)",
        "name: a campaign needs a name",
        "channel 'sms' is not one of web, paper, interviewer",
        "dates: closes 2026-11-01 before it opens 2026-12-01",
        "unit 'AG-LX', quota: -1 is negative",
        "unit 'AG-LX' is listed twice",
    ]
    assert session.query(Campaign).count() == 0


def test_slugs_are_unique(session, make_campaign):
    make_campaign("round-1")
    with pytest.raises(InvalidInput, match="campaign 'round-1' already exists"):
        make_campaign("round-1")


def test_the_database_refuses_a_closing_date_before_the_opening(session, make_campaign):
    campaign = make_campaign()
    campaign.closes_on = date(2000, 1, 1)
    with pytest.raises(IntegrityError, match="closes_after_opening"):
        session.flush()


def test_stratum_quota_must_name_a_question_and_one_of_its_choices(session, make_campaign, make_unit):
    campaign = make_campaign()
    unit = campaign.units[0].unit
    quota = set_stratum_quota(session, campaign, unit, "sex", "female", 60)
    assert set_stratum_quota(session, campaign, unit, "sex", "female", 70) is quota and quota.target == 70
    with pytest.raises(InvalidInput, match="'other' is not a choice of question 'sex'"):
        set_stratum_quota(session, campaign, unit, "sex", "other", 10)
    with pytest.raises(InvalidInput, match="question 'age' is not in small v1"):
        set_stratum_quota(session, campaign, unit, "age", "x", 10)
    with pytest.raises(InvalidInput, match="unit 'AG-CD' is not a target"):
        set_stratum_quota(session, campaign, make_unit("AG-CD"), "sex", "male", 10)


def test_cli_create_and_list(cli, session, make_unit, make_version, tmp_path):
    make_unit("AG-LX"), make_unit("AG-CD"), make_version()
    session.commit()
    targets = tmp_path / "targets.csv"
    targets.write_text("unit_code,quota,transactions\nAG-CD,200,5400\n", encoding="utf-8")
    result = cli("campaign", "create", "an-giang-2026", "--name", "Khảo sát 2026", "--questionnaire", "small",
                 "--opens", "2026-01-01", "--closes", "2099-12-31", "--channel", "web", "--channel", "paper",
                 "--unit", "AG-LX", "--quota", "50", "--targets", str(targets))
    assert result.exit_code == 0, result.output
    assert cli("campaign", "create", "draft-one", "--name", "Nháp", "--questionnaire", "small",
               "--unit", "AG-LX", "--min-seconds", "20").exit_code == 0
    assert [c.min_seconds for c in session.scalars(select(Campaign).order_by(Campaign.slug))] == [60, 20]
    lines = cli("campaign", "list").output.splitlines()
    assert lines == ["an-giang-2026\topen\t2026-01-01..2099-12-31\tsmall v1\tKhảo sát 2026",
                     "draft-one\tdraft\t-\tsmall v1\tNháp"]


def test_cli_create_reports_unknown_units_and_bad_targets(cli, session, make_version, tmp_path):
    make_version()
    session.commit()
    result = cli("campaign", "create", "x", "--name", "X", "--questionnaire", "small", "--unit", "NOPE")
    assert result.exit_code == 1 and "unknown unit 'NOPE'" in result.output
    result = cli("campaign", "create", "x", "--name", "X", "--questionnaire", "small", "--version", "7")
    assert result.exit_code == 1 and "questionnaire 'small' has no version 7" in result.output
    result = cli("campaign", "create", "x", "--name", "X", "--questionnaire", "small", "--min-seconds", "-5")
    assert result.exit_code == 1 and "min_seconds: from 0 to 3600 seconds" in result.output
