"""The An Giang demo as reorganised in 2025: the province, its departments and today's communes and
wards; the shipped questionnaires; an open campaign on today's units and, from `survey.demo.history`, a
closed 2024 campaign on the 2017 structure, both on the official 2017 form (sipas-2017, the first of
QUESTIONNAIRES) so that a report can compare them; an account per role, scoped to today's units; and
the PAR index's officials' campaign, definition and scoring round (survey.demo.par_index).

Loading is idempotent: a second run finds everything in place and adds nothing.
"""
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

import forms
from survey.accounts.models import User
from survey.accounts.operations import create_user
from survey.campaigns.models import Campaign
from survey.campaigns.operations import CampaignSpec, create_campaign, targets_from_csv
from survey.demo.history import load_history
from survey.demo.par_index import ParDemo, load_par_demo
from survey.demo.par_scoring import ensure_agency_officer
from survey.questionnaires.models import QuestionnaireVersion
from survey.questionnaires.operations import import_and_publish
from survey.units.operations import ImportSummary, import_units_csv
from survey.units.queries import units_by_codes

HERE = Path(__file__).resolve().parent
FORMS = HERE.parent.parent / "forms"
QUESTIONNAIRES = ("sipas-2017.yaml", "sipas-2023.yaml", "sipas.yaml", "desk_rating.yaml")
CAMPAIGN_SLUG = "an-giang-sipas-demo"
# Development only: `load_demo` refuses accounts in production, and these are printed to the console.
ACCOUNTS = (
    ("demo-admin", "admin", (), "angiang-quantri-2026"),
    ("demo-supervisor", "supervisor", ("AG-PLX", "AG-PCD"), "angiang-giamsat-2026"),
    ("demo-surveyor", "surveyor", ("AG-PLX",), "angiang-dieutra-2026"),
    ("demo-analyst", "analyst", (), "angiang-phantich-2026"),
)


@dataclass
class DemoSummary:
    units: ImportSummary
    versions: list[QuestionnaireVersion]
    campaign: Campaign
    campaign_created: bool
    earlier: Campaign
    """The closed 2024 campaign on the old structure."""
    earlier_created: bool
    accounts: list[tuple[str, str, str]] = field(default_factory=list)
    par: ParDemo | None = None
    """The PAR index demo beside the open campaign (survey.demo.par_index)."""


def load_demo(session: Session, today: date, with_accounts: bool) -> DemoSummary:
    """Load (or find) the whole demo; the current campaign opened two weeks before `today`."""
    units = import_units_csv(session, (HERE / "an_giang_units.csv").read_text(encoding="utf-8"))
    versions = [import_and_publish(session, forms.load_definition(FORMS / name)) for name in QUESTIONNAIRES]
    earlier, earlier_created = load_history(session, versions[0], today)
    found = session.scalar(select(Campaign).where(Campaign.slug == CAMPAIGN_SLUG))
    created = found is None
    campaign = found or create_campaign(session, demo_campaign_spec(session, versions[0], today))
    accounts = ensure_accounts(session) if with_accounts else []
    par = load_par_demo(session, campaign)
    accounts += ensure_agency_officer(session, par.definition) if with_accounts else []
    return DemoSummary(units, versions, campaign, created, earlier, earlier_created, accounts, par)


def demo_campaign_spec(session: Session, version: QuestionnaireVersion, today: date) -> CampaignSpec:
    return CampaignSpec(
        slug=CAMPAIGN_SLUG,
        name=f"Khảo sát SIPAS An Giang {today.year} (dữ liệu minh hoạ)",
        version=version,
        targets=targets_from_csv(session, (HERE / "targets_illustrative.csv").read_text(encoding="utf-8")),
        channels=("web", "paper", "interviewer"),
        opens_on=today - timedelta(days=14),
        closes_on=today + timedelta(days=75),
    )


def ensure_accounts(session: Session) -> list[tuple[str, str, str]]:
    """Create the demo accounts that are missing; return (username, role, password) for each."""
    existing = set(session.scalars(select(User.username)))
    for username, role, unit_codes, password in ACCOUNTS:
        if username not in existing:
            create_user(session, username, role, password, units_by_codes(session, unit_codes),
                        full_name=f"Demo {role}")
    return [(username, role, password) for username, role, _, password in ACCOUNTS]
