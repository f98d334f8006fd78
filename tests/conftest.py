"""Shared fixtures: one schema per test run, emptied after every test; builders for domain objects.

The suite runs on SQLite by default and on PostgreSQL when TEST_DATABASE_URL points at a
throw-away database (as `.ci/run` does), and on the clock of tests/clock.py: every test starts at
the same instant, when the province is already on the next day.
"""
import os

import pytest
from sqlalchemy import delete, update

from survey import create_app, db
from survey.models import Base, Unit
from tests.clock import CLOCK, START, TODAY, ZONE

pytest_plugins = ["tests.browser.fixtures"]


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


@pytest.fixture(scope="session")
def app(database_url):
    app = create_app({"SURVEY_ENV": "testing", "DATABASE_URL": database_url, "TIMEZONE": ZONE.key, "CLOCK": CLOCK})
    with app.app_context():
        engine = db.engine()
        Base.metadata.drop_all(engine)
        Base.metadata.create_all(engine)
    yield app
    with app.app_context():
        Base.metadata.drop_all(db.engine())
        db.engine().dispose()


@pytest.fixture(autouse=True)
def _clock_at_start():
    """Every test starts at START, and so do the fixtures of the next module."""
    CLOCK.set(START)
    yield
    CLOCK.set(START)


@pytest.fixture
def clock_at():
    """Moves the suite's clock: `clock_at(instant)`, an aware datetime; it runs on from there."""
    return CLOCK.set


@pytest.fixture
def today():
    """The province's date when the test starts (not the UTC date)."""
    return TODAY


@pytest.fixture
def session(app):
    """The session of a fresh application context; every row is deleted after the test."""
    with app.app_context():
        yield db.session()
        db.session().rollback()
        with db.engine().begin() as connection:
            connection.execute(update(Unit).values(parent_id=None))  # units refer to units
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(delete(table))


@pytest.fixture
def client(app, session):
    return app.test_client()


@pytest.fixture
def cli(app, session):
    """Runs `flask` commands against the test database."""
    runner = app.test_cli_runner()
    return lambda *args, **kwargs: runner.invoke(args=list(args), **kwargs)


SMALL_FORM = """
form:
  id: small
  title: {vi: "Phiếu nhỏ", en: "Small form"}
  languages: [vi, en]
choices:
  sex:
    - {value: male, label: {vi: Nam, en: Male}}
    - {value: female, label: {vi: Nữ, en: Female}}
sections:
  - name: main
    title: {vi: "Đánh giá", en: "Rating"}
    questions:
      - {name: overall, type: satisfaction, required: true, label: {vi: "Hài lòng chung", en: "Overall"}}
      - {name: sex, type: select_one, choices: sex, label: {vi: "Giới tính", en: "Sex"}}
      - name: visits
        type: integer
        label: {vi: "Số lần đi lại", en: "Visits"}
        constraint: ". >= 1 and . <= 50"
      - name: why
        type: text
        relevant: "overall <= 2"
        label: {vi: "Vì sao?", en: "Why?"}
"""


@pytest.fixture
def small_form() -> str:
    """A four-question definition: satisfaction, select_one, constrained integer, relevant text."""
    return SMALL_FORM


@pytest.fixture
def make_unit(session):
    """Finds or builds a unit; a district or department gets a province parent made on the fly."""
    from survey.units.models import Unit

    def build(code="AG-LX", level="district", name=None, parent=None, **fields):
        found = session.query(Unit).filter_by(code=code).one_or_none()
        if found is not None:
            return found
        if parent is None and level in ("district", "department"):
            parent = build("AG", "province")
        unit = Unit(code=code, level=level, name=name or f"Unit {code}", parent=parent, **fields)
        session.add(unit)
        session.flush()
        return unit

    return build


@pytest.fixture
def make_version(session):
    """Imports and publishes a definition (YAML text, default the small test form)."""
    import forms
    from survey.questionnaires.operations import import_and_publish

    return lambda text=SMALL_FORM: import_and_publish(session, forms.load_definition(text))


@pytest.fixture
def make_campaign(session, make_unit, make_version):
    """Builds an open campaign over the given units (default one district)."""
    from datetime import timedelta

    from survey.campaigns.operations import CampaignSpec, Target, create_campaign

    def build(slug="test-campaign", units=None, channels=("web", "paper"), version=None, **fields):
        targets = [Target(u, quota=100, transactions=1000) for u in (units or [make_unit()])]
        fields.setdefault("opens_on", TODAY - timedelta(days=1))
        fields.setdefault("closes_on", TODAY + timedelta(days=30))
        spec = CampaignSpec(slug=slug, name=f"Campaign {slug}", version=version or make_version(),
                            targets=targets, channels=channels, **fields)
        return create_campaign(session, spec)

    return build


@pytest.fixture
def make_submission():
    """Builds a Submission of a campaign's first unit, answered now."""
    import uuid
    from datetime import timedelta

    from survey import clock
    from survey.responses.operations import Submission

    def build(campaign, answers=None, channel="web", unit=None, key=None, **fields):
        now = clock.now()
        return Submission(uuid=key or uuid.uuid4(), campaign=campaign, unit=unit or campaign.units[0].unit,
                          channel=channel, started_at=now - timedelta(minutes=5), submitted_at=now,
                          answers={"overall": "4"} if answers is None else answers, **fields)

    return build
