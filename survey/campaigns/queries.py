"""Reads on campaigns."""
from datetime import date

from flask import abort
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.base import ExecutableOption

from survey import db
from survey.campaigns.messages import CATALOGUE
from survey.campaigns.models import Campaign, CampaignUnit
from survey.errors import InvalidInput
from survey.units.models import Unit

TARGETS_LOADED = (selectinload(Campaign.channels),
                  selectinload(Campaign.units).options(selectinload(CampaignUnit.unit),
                                                       selectinload(CampaignUnit.quotas)))
"""A campaign's channels, units and strata loaded at once (a province has 100+ units)."""


def campaign_or_404(slug: str, *loading: ExecutableOption) -> Campaign:
    """The campaign a page's address names, with `loading` (e.g. TARGETS_LOADED); 404 when there is none.
    Every page looks a campaign up here; commands and forms use `campaign_by_slug`."""
    return campaign_called(db.session(), slug, *loading) or abort(404)


def campaign_by_slug(session: Session, slug: str) -> Campaign:
    """The campaign called `slug`; InvalidInput naming it when there is none (a command's or a form's error)."""
    campaign = campaign_called(session, slug)
    if campaign is None:
        raise InvalidInput(CATALOGUE.problem("campaign_unknown", "campaign", slug=slug))
    return campaign


def campaign_called(session: Session, slug: str, *loading: ExecutableOption) -> Campaign | None:
    """The campaign called `slug` with `loading`, or None: the one lookup behind the two above."""
    return session.scalar(select(Campaign).where(Campaign.slug == slug).options(*loading))


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


def campaigns_by_slug(session: Session) -> list[Campaign]:
    """Every campaign in the order of their slugs."""
    return list(session.scalars(select(Campaign).order_by(Campaign.slug)))


def campaign_unit(session: Session, campaign: Campaign, code: str) -> Unit | None:
    """The unit called `code` if the campaign surveys it."""
    return session.scalar(select(Unit).join(CampaignUnit, CampaignUnit.unit_id == Unit.id).where(
        CampaignUnit.campaign_id == campaign.id, Unit.code == code))


def campaign_unit_ids(session: Session, slug: str) -> list[int] | None:
    """The ids of the units the campaign called `slug` surveys; None when there is no such campaign."""
    campaign_id = session.scalar(select(Campaign.id).where(Campaign.slug == slug))
    if campaign_id is None:
        return None
    return list(session.scalars(select(CampaignUnit.unit_id).where(CampaignUnit.campaign_id == campaign_id)))


def campaigns_of_unit(session: Session, unit: Unit) -> list[Campaign]:
    """The campaigns that survey `unit`."""
    return list(session.scalars(select(Campaign).join(CampaignUnit).where(CampaignUnit.unit_id == unit.id)))


def last_closing_day(session: Session, today: date) -> date | None:
    """The last closing day of a campaign up to `today`, else the last closing day of any (None: no campaign
    has dates)."""
    closed = session.scalar(select(func.max(Campaign.closes_on)).where(Campaign.closes_on <= today))
    return closed or session.scalar(select(func.max(Campaign.closes_on)))
