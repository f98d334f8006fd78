"""Reads of the officials' register. None of them touches an invitation or a response."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.campaigns.models import Campaign
from survey.officials.models import Official


def registered(session: Session, campaign: Campaign) -> set[tuple[int, str]]:
    """(unit id, name) of everybody registered for the campaign."""
    rows = session.execute(select(Official.unit_id, Official.name).where(Official.campaign_id == campaign.id))
    return {(unit_id, name) for unit_id, name in rows}


def uninvited(session: Session, campaign: Campaign) -> list[Official]:
    """The campaign's officials without an invitation yet, by unit and name."""
    return list(session.scalars(select(Official).where(
        Official.campaign_id == campaign.id, Official.invited_at.is_(None)).order_by(Official.unit_id, Official.name)))


def officials_of(session: Session, campaign: Campaign) -> list[Official]:
    """The campaign's register, by unit and name."""
    return list(session.scalars(select(Official).where(Official.campaign_id == campaign.id)
                                .order_by(Official.unit_id, Official.name)))
