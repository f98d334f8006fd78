"""Reads on invitations: a campaign's, for its invitations page and the CSV of its links."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.campaigns.models import Campaign
from survey.invitations.models import Invitation
from survey.units.models import Unit


def campaign_invitations(session: Session, campaign: Campaign, unit_code: str = "") -> list[Invitation]:
    """The campaign's invitations (of the unit `unit_code` only, when given), newest first."""
    query = (select(Invitation).join(Unit, Unit.id == Invitation.unit_id).where(Invitation.campaign_id == campaign.id)
             .order_by(Invitation.id.desc()))
    if unit_code:
        query = query.where(Unit.code == unit_code)
    return list(session.scalars(query))
