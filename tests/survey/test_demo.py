from datetime import timezone

import pytest
from sqlalchemy import func, select

from survey import clock
from survey.accounts.models import User
from survey.campaigns.models import Campaign
from survey.models import Base
from survey.questionnaires.models import QuestionnaireVersion
from survey.responses.models import Response
from survey.units.models import Unit


def row_counts(session):
    return {t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


def test_demo_loads_an_giang_once(cli, session):
    first = cli("demo", "load")
    assert first.exit_code == 0, first.output
    counts = row_counts(session)
    second = cli("demo", "load")
    assert second.exit_code == 0, second.output
    assert row_counts(session) == counts
    assert "campaign an-giang-sipas-demo: already present" in second.output
    assert session.scalar(select(func.count()).select_from(Unit).where(Unit.level == "district")) == 11
    assert session.scalar(select(func.count()).select_from(Unit).where(Unit.level == "department")) == 15
    assert session.scalar(select(func.count()).select_from(QuestionnaireVersion)) == 4
    assert sorted(session.scalars(select(User.role))) == ["admin", "analyst", "supervisor", "surveyor"]


def test_demo_campaign_is_open_with_every_unit(cli, session, app):
    from survey import clock

    cli("demo", "load")
    campaign = session.scalar(select(Campaign))
    with app.app_context():
        assert campaign.state_on(clock.today()) == "open"
    assert len(campaign.units) == 26 and all(cu.transactions for cu in campaign.units)
    assert "minh hoạ" in campaign.name


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
    assert first.exit_code == 0 and "60 simulated responses added" in first.output, first.output
    responses = session.scalars(select(Response)).all()
    assert len(responses) == 60 and {r.channel for r in responses} == {"web", "paper"}
    assert all(r.paper_serial for r in responses if r.channel == "paper")
    assert len({r.unit_id for r in responses}) > 10
    now = clock.now()
    assert all((r.submitted_at if r.submitted_at.tzinfo else r.submitted_at.replace(tzinfo=timezone.utc)) < now
               for r in responses)
    again = cli("demo", "responses")
    assert again.exit_code == 0 and "none added" in again.output
    assert session.scalar(select(func.count()).select_from(Response)) == 60


def test_demo_responses_need_the_demo(cli):
    missing = cli("demo", "responses")
    assert missing.exit_code == 1 and "unknown campaign 'an-giang-sipas-demo'" in missing.output
