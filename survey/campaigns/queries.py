"""Reads on campaigns."""
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from survey.campaigns.models import Campaign
from survey.errors import InvalidInput


def campaign_by_slug(session: Session, slug: str) -> Campaign:
    campaign = session.scalar(select(Campaign).where(Campaign.slug == slug))
    if campaign is None:
        raise InvalidInput(f"unknown campaign '{slug}'")
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
