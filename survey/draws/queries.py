"""Reads on draws: a campaign's log, one of its draws, and the invitations of one draw."""
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from survey.campaigns.models import Campaign
from survey.draws.models import DossierDraw
from survey.invitations.models import Invitation


def campaign_draws(session: Session, campaign: Campaign) -> list[DossierDraw]:
    """The campaign's draws, newest first."""
    return list(session.scalars(select(DossierDraw).where(DossierDraw.campaign_id == campaign.id)
                                .options(selectinload(DossierDraw.drawn_by)).order_by(DossierDraw.id.desc())))


def draw_invitations(session: Session, draw: DossierDraw) -> list[Invitation]:
    """The invitations of a draw, in the order drawn (unit by unit)."""
    return list(session.scalars(select(Invitation).where(Invitation.draw_id == draw.id)
                                .options(selectinload(Invitation.unit)).order_by(Invitation.id)))


def campaign_draw(session: Session, campaign: Campaign, draw_id: int) -> DossierDraw | None:
    """The draw numbered `draw_id` if it is one of the campaign's."""
    draw = session.get(DossierDraw, draw_id)
    return draw if draw is not None and draw.campaign_id == campaign.id else None
