from datetime import UTC

import pytest
from sqlalchemy import func, select

from survey import clock
from survey.accounts.models import User
from survey.campaigns.queries import campaign_by_slug
from survey.demo.history import EARLIER_CLOSES_ON, EARLIER_OPENS_ON, EARLIER_SLUG
from survey.demo.operations import CAMPAIGN_SLUG
from survey.demo.par_index import SLUG as PAR_SLUG
from survey.models import Base
from survey.questionnaires.models import QuestionnaireVersion
from survey.responses.models import Response
from survey.units.models import Unit


def row_counts(session):
    return {t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


def units_of(session, level, active):
    return session.scalar(select(func.count()).select_from(Unit).where(Unit.level == level, Unit.active == active))


def test_demo_loads_an_giang_once(cli, session):
    first = cli("demo", "load")
    assert first.exit_code == 0, first.output
    assert cli("demo", "responses", "--count", "40").exit_code == 0
    counts = row_counts(session)
    second = cli("demo", "load")
    assert second.exit_code == 0, second.output
    assert cli("demo", "responses", "--count", "40").exit_code == 0
    assert row_counts(session) == counts
    assert "campaign an-giang-sipas-demo: already present" in second.output
    assert "campaign an-giang-sipas-2024-demo: already present" in second.output
    assert "reorganised" in first.output and "reorganised" not in second.output
    assert (units_of(session, "district", True), units_of(session, "district", False)) == (0, 11)
    assert (units_of(session, "commune", True), units_of(session, "commune", False)) == (15, 36)
    assert units_of(session, "department", True) == 15
    assert session.scalar(select(func.count()).select_from(QuestionnaireVersion)) == 5  # with par-officials
    roles = ["admin", "agency_officer", "analyst", "supervisor", "surveyor"]  # one account per role
    assert sorted(session.scalars(select(User.role))) == roles


def test_demo_campaign_is_open_with_every_unit(cli, session, app):
    from survey import clock

    cli("demo", "load")
    campaign, earlier = campaign_by_slug(session, CAMPAIGN_SLUG), campaign_by_slug(session, EARLIER_SLUG)
    with app.app_context():
        assert campaign.state_on(clock.today()) == "open" and earlier.state_on(clock.today()) == "closed"
    assert len(campaign.units) == 30 and all(cu.transactions and cu.unit.active for cu in campaign.units)
    assert len(earlier.units) == 51 and all(cu.transactions for cu in earlier.units)
    assert "minh hoạ" in campaign.name and "minh hoạ" in earlier.name


def test_demo_prints_accounts_in_development(cli):
    output = cli("demo", "load").output
    assert "demo-admin" in output and "password:" in output


@pytest.mark.parametrize("command", ["load", "responses"])
def test_demo_refuses_production(app, cli, session, command):
    app.config["SURVEY_ENV"] = "production"
    try:
        result = cli("demo", command)
    finally:
        app.config["SURVEY_ENV"] = "testing"
    assert result.exit_code == 1 and "for development" in result.output
    assert row_counts(session)["units"] == 0


def test_demo_responses_are_added_once_through_the_usual_checks(cli, session):
    cli("demo", "load")
    first = cli("demo", "responses", "--count", "60")
    assert first.exit_code == 0 and first.output.count("60 simulated responses added") == 2, first.output
    responses = session.scalars(select(Response).where(Response.campaign_id == campaign_by_slug(
        session, CAMPAIGN_SLUG).id)).all()
    assert len(responses) == 60 and {r.channel for r in responses} == {"web", "paper"}
    assert all(r.paper_serial for r in responses if r.channel == "paper")
    assert len({r.unit_id for r in responses}) > 10
    now = clock.now()
    assert all((r.submitted_at if r.submitted_at.tzinfo else r.submitted_at.replace(tzinfo=UTC)) < now
               for r in responses)
    again = cli("demo", "responses")
    assert again.exit_code == 0 and again.output.count("none added") == 2
    officials = campaign_by_slug(session, PAR_SLUG).id  # answers of the officials' campaign: tests/demo
    assert session.scalar(select(func.count()).select_from(Response).where(Response.campaign_id != officials)) == 120


def test_the_2024_responses_fall_within_its_dates_on_the_old_communes(cli, session):
    cli("demo", "load")
    cli("demo", "responses", "--count", "60")
    earlier = campaign_by_slug(session, EARLIER_SLUG)
    responses = session.scalars(select(Response).where(Response.campaign_id == earlier.id)).all()
    assert len(responses) == 60 and all(r.unit.level in ("department", "commune") for r in responses)
    assert all(EARLIER_OPENS_ON <= r.submitted_at.date() < EARLIER_CLOSES_ON for r in responses)
    assert not any(r.unit.active for r in responses if r.unit.level == "commune")


def test_demo_responses_need_the_demo(cli):
    missing = cli("demo", "responses")
    assert missing.exit_code == 1 and "unknown campaign 'an-giang-sipas-demo'" in missing.output
