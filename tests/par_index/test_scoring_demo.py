"""The demo's agency officer (survey.demo.par_scoring): made once by `demo load`, scoped to a unit
Home Affairs appraised, which it may answer for."""
from sqlalchemy import func, select

from survey.accounts.models import User
from survey.demo.par_scoring import PASSWORD, USERNAME
from survey.par_index.assessments import Assessment
from tests.accounts.conftest import Staff, fresh_limits  # noqa: F401 (a fixture)


def test_the_demo_officer_answers_for_an_appraised_unit_and_is_made_once(cli, session, client):
    output = cli("demo", "load").output
    assert f"agency_officer {USERNAME:<16} password: {PASSWORD}" in output
    officer = session.scalars(select(User).where(User.username == USERNAME)).one()
    own = session.scalars(select(Assessment).where(Assessment.unit_id == officer.units[0].id)).one()
    assert own.status == "appraised" and any(value.appraised != value.claimed for value in own.values)
    browser = Staff(client)
    browser.sign_in(USERNAME, PASSWORD)
    assert browser.get(f"/cham-diem/danh-gia/{own.id}").status_code == 200 and 'name="answer"' in browser.html
    assert USERNAME in cli("demo", "load").output
    assert session.scalar(select(func.count()).select_from(User).where(User.role == "agency_officer")) == 1
