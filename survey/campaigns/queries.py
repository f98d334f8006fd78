"""Reads on campaigns."""
from datetime import date

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.base import ExecutableOption

from survey import db
from survey.campaigns.messages import CATALOGUE
from survey.campaigns.models import Campaign, CampaignUnit
from survey.errors import InvalidInput

TARGETS_LOADED = (selectinload(Campaign.channels),
                  selectinload(Campaign.units).options(selectinload(CampaignUnit.unit),
                                                       selectinload(CampaignUnit.quotas)))
"""A campaign's channels, units and strata loaded at once (a province has 100+ units)."""


def campaign_or_404(slug: str, *loading: ExecutableOption) -> Campaign:
    """The campaign a page's address names, with `loading` (e.g. TARGETS_LOADED); 404 when there is none.
    Every page looks a campaign up here; commands and forms use `campaign_by_slug`."""
    found = db.session().scalar(select(Campaign).where(Campaign.slug == slug).options(*loading))
    if found is None:
        abort(404)
    return found


def campaign_by_slug(session: Session, slug: str) -> Campaign:
    """The campaign called `slug`; InvalidInput naming it when there is none (a command's or a form's error)."""
    campaign = session.scalar(select(Campaign).where(Campaign.slug == slug))
    if campaign is None:
        raise InvalidInput(CATALOGUE.problem("campaign_unknown", "campaign", slug=slug))
    return campaign


def all_campaigns(session: Session) -> list[Campaign]:
    """Every campaign, newest opening first, drafts last."""
    query = select(Campaign).options(selectinload(Campaign.channels)).order_by(
        Campaign.opens_on.is_(None), Campaign.opens_on.desc(), Campaign.slug
    )
    return list(session.scalars(query))


def open_campaigns(session: Session, today: date) -> list[Campaign]:
    """Campaigns open on `today` (the same rule as `Campaign.state_on`, expressed in SQL)."""
    query = (
        select(Campaign)
        .where(Campaign.opens_on <= today, Campaign.closes_on >= today)
        .options(selectinload(Campaign.channels), selectinload(Campaign.units))
        .order_by(Campaign.closes_on, Campaign.slug)
    )
    return list(session.scalars(query))
