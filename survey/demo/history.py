"""The demo's past: An Giang's 2017 districts with some of their communes, a closed 2024 campaign that
surveyed them, and the reorganisation of 1 July 2025 (two-level local government) that merged those
communes into today's communes and wards and ended the districts.

Loaded once, in the order it happened: the old units (active, as they were), the 2024 campaign on them,
then the reorganisation records through `survey.units.reorganise`, which deactivate the old units. A
later load finds the 2024 campaign and leaves the past alone (importing the old units again would
reactivate them).
"""
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.campaigns.models import Campaign
from survey.campaigns.operations import CampaignSpec, create_campaign, targets_from_csv
from survey.questionnaires.models import QuestionnaireVersion
from survey.units.operations import import_units_csv
from survey.units.reorganise import apply_reorganisation

HERE = Path(__file__).resolve().parent
EARLIER_SLUG = "an-giang-sipas-2024-demo"
EARLIER_OPENS_ON, EARLIER_CLOSES_ON = date(2024, 9, 3), date(2024, 11, 29)
"""The 2024 round: closed before the reorganisation, reported in the year 2024 (and its fourth quarter)."""


def load_history(session: Session, version: QuestionnaireVersion, today: date) -> tuple[Campaign, bool]:
    """The 2024 campaign, and whether this call made it (with the old units and the reorganisation)."""
    earlier = session.scalar(select(Campaign).where(Campaign.slug == EARLIER_SLUG))
    if earlier is not None:
        return earlier, False
    import_units_csv(session, read("an_giang_units_2017.csv"))
    earlier = create_campaign(session, earlier_campaign_spec(session, version))
    apply_reorganisation(session, read("reorganisation_2025.csv"), today, None)
    return earlier, True


def earlier_campaign_spec(session: Session, version: QuestionnaireVersion) -> CampaignSpec:
    """The 2024 round on the old structure: the departments and the communes of the 2017 districts, on
    the same form as today's round, so that the two can be compared."""
    return CampaignSpec(
        slug=EARLIER_SLUG,
        name="Khảo sát SIPAS An Giang 2024 (dữ liệu minh hoạ)",
        version=version,
        targets=targets_from_csv(session, read("targets_2024_illustrative.csv")),
        channels=("web", "paper", "interviewer"),
        opens_on=EARLIER_OPENS_ON,
        closes_on=EARLIER_CLOSES_ON,
    )


def read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")
