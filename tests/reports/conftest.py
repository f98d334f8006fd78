"""SIPAS campaigns in two quarters of 2026 (and a quick-rating campaign that does not fit the recipe):

- AG-LX: satisfied in Q2, dissatisfied in Q3 (a significant drop);
- AG-CD: the same answers in both quarters (no change);
- AG-TC: only in Q3; AG-SNV: 4 responses in Q3 (too few: suppressed, not ranked).

Answers come from a latent satisfaction per respondent (tests/results/conftest.answers_for) with
a fixed seed, so every run builds the same data."""
from datetime import date, timedelta

import numpy as np
import pytest
from sqlalchemy import delete, update

import forms
from survey import db
from survey.campaigns.models import Campaign
from survey.campaigns.operations import CampaignSpec, Target, create_campaign
from survey.models import Base, Unit
from survey.questionnaires.operations import import_and_publish
from tests.accounts.conftest import fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.results.conftest import SIPAS, SIPAS_TEXT, WARDS, add_wards, answers_for, submit

# quarter -> (unit code, respondents, latent mean)
PLAN = {2: (("AG-LX", 30, 1.2), ("AG-CD", 30, 0.0), ("AG-SNV", 30, 0.0)),
        3: (("AG-LX", 30, -1.4), ("AG-CD", 30, 0.0), ("AG-TC", 30, 0.3), ("AG-SNV", 4, 0.0))}
UNITS = {"AG-LX": ("district", 6000), "AG-CD": ("district", 1500), "AG-TC": ("district", 2500),
         "AG-SNV": ("department", 3000)}
MIN_CELL = 10
SEEDS = {2: 2028, 3: 2036}
"""Per quarter; Q3's leaves AG-LX (where few of the dissatisfied give feedback) at least MIN_CELL valid
answers to every element, so that it is ranked."""


def quarter_dates(quarter: int) -> tuple[date, date]:
    first = date(2026, 3 * quarter - 2, 1)
    last = date(2026, 3 * quarter + 1, 1) - timedelta(days=1) if quarter < 4 else date(2026, 12, 31)
    return first, last


def build_campaign(session, version, units, quarter: int, plan, seed: int):
    first, last = quarter_dates(quarter)
    targets = [Target(units[code], quota=count, transactions=UNITS[code][1]) for code, count, _ in plan]
    campaign = create_campaign(session, CampaignSpec(
        slug=f"sipas-2026-q{quarter}", name=f"SIPAS quý {quarter}/2026", version=version, targets=targets,
        channels=("web", "paper"), opens_on=first, closes_on=last, min_cell_size=MIN_CELL))
    rng = np.random.default_rng(seed)
    for code, count, mean in plan:
        for k in range(count):
            answers = answers_for(SIPAS, rng, mean + rng.normal(0, 1), list(WARDS))
            submit(session, campaign, units[code], answers, "paper" if k % 3 == 0 else "web", last)
    return campaign


def build_quarters(session) -> dict[int, Campaign]:
    """The units, the SIPAS questionnaire and the Q2 and Q3 2026 campaigns, committed (pages read
    them in other sessions)."""
    province = Unit(code="AG", level="province", name="An Giang")
    units = {code: Unit(code=code, level=level, name=f"Đơn vị {code}", parent=province)
             for code, (level, _) in UNITS.items()}
    session.add_all([province, *units.values()])
    add_wards(session, province)
    version = import_and_publish(session, forms.load_definition(SIPAS_TEXT))
    made = {quarter: build_campaign(session, version, units, quarter, plan, SEEDS[quarter])
            for quarter, plan in PLAN.items()}
    session.commit()
    return made


@pytest.fixture
def quarters(session):
    return build_quarters(session)


@pytest.fixture(scope="module")
def built(app):
    """The same, built once for a module whose tests only read (about 15 s to build); emptied after."""
    with app.app_context():
        session = db.session()
        yield session, build_quarters(session)
        session.rollback()
        with db.engine().begin() as connection:
            connection.execute(update(Unit).values(parent_id=None))
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(delete(table))
