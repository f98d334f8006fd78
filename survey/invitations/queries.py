"""Reads on invitations: a campaign's, for its invitations page and the CSV of its links."""
from collections import Counter
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey.campaigns.models import Campaign
from survey.invitations.models import Invitation
from survey.units.models import Unit


def campaign_invitations(session: Session, campaign: Campaign, unit_code: str = "",
                         limit: int | None = None) -> list[Invitation]:
    """The campaign's invitations (of the unit `unit_code` only, when given), newest first, the first
    `limit` only when given."""
    query = (select(Invitation).join(Unit, Unit.id == Invitation.unit_id).where(Invitation.campaign_id == campaign.id)
             .order_by(Invitation.id.desc()).limit(limit))
    if unit_code:
        query = query.where(Unit.code == unit_code)
    return list(session.scalars(query))


def invitation_tally(session: Session, campaign: Campaign, now: datetime) -> dict[str, Counter]:
    """The campaign's invitations of each unit (by code) by status at `now`, counted by the database
    (a campaign may have tens of thousands)."""
    statuses = (select(Unit.code.label("code"), Invitation.status_at(now).label("status"))
                .join(Unit, Unit.id == Invitation.unit_id).where(Invitation.campaign_id == campaign.id).subquery())
    counts: dict[str, Counter] = {}
    query = select(statuses.c.code, statuses.c.status, func.count()).group_by(statuses.c.code, statuses.c.status)
    for code, status, count in session.execute(query):
        counts.setdefault(code, Counter())[status] = count
    return counts
