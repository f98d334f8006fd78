"""Reads on responses for staff pages: one response, its audit trail, the exclusion log.

`unit_ids` is what `survey.accounts.access.visible_unit_ids` gives: None for the whole province.
"""
import uuid
from collections.abc import Collection, Sequence

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from survey.campaigns.models import Campaign, CampaignUnit
from survey.responses.models import Exclusion, Response, ResponseChange


def response_by_id(session: Session, response_id: int) -> Response | None:
    return session.get(Response, response_id, options=[selectinload(Response.answers)])


def response_changes(session: Session, response: Response) -> list[ResponseChange]:
    """The audit trail of `response`, oldest first."""
    query = (select(ResponseChange).where(ResponseChange.response_id == response.id)
             .options(selectinload(ResponseChange.actor)).order_by(ResponseChange.at, ResponseChange.id))
    return list(session.scalars(query))


def campaigns_in_scope(session: Session, unit_ids: Collection[int] | None, *options: ORMOption) -> list[Campaign]:
    """Campaigns with a target unit among `unit_ids` (None: all), newest opening first, drafts last;
    `options` are loader options (what to load with them)."""
    query = (select(Campaign).options(*options)
             .order_by(Campaign.opens_on.is_(None), Campaign.opens_on.desc(), Campaign.slug))
    if unit_ids is not None:
        query = query.where(Campaign.id.in_(select(CampaignUnit.campaign_id).where(CampaignUnit.unit_id.in_(unit_ids))))
    return list(session.scalars(query))


def exclusion_entries(session: Session, unit_ids: Collection[int] | None, *, campaign_id: int | None = None,
                      unit_id: int | None = None, reason: str | None = None, before: int | None = None,
                      limit: int = 100) -> list[Exclusion]:
    """The exclusion log, newest first, `limit` entries with an id below `before`.

    A reader scoped to units sees the entries of those units; entries naming no unit (a refused
    request before any unit was known) are for readers of the whole province.
    """
    query = select(Exclusion).order_by(Exclusion.id.desc()).limit(limit)
    if unit_ids is not None:
        query = query.where(Exclusion.unit_id.in_(unit_ids))
    for column, value in ((Exclusion.campaign_id, campaign_id), (Exclusion.unit_id, unit_id),
                          (Exclusion.reason, reason)):
        if value is not None:
            query = query.where(column == value)
    if before is not None:
        query = query.where(Exclusion.id < before)
    return list(session.scalars(query))


def responses_per_campaign(session: Session) -> dict[int, int]:
    """How many responses each campaign has, by campaign id (a campaign without any is left out)."""
    counted = session.execute(select(Response.campaign_id, func.count()).group_by(Response.campaign_id))
    return dict(counted.all())


def responses_per_unit(session: Session, campaign: Campaign) -> dict[int, int]:
    """How many responses each unit has in `campaign`, by unit id."""
    counted = session.execute(select(Response.unit_id, func.count()).where(Response.campaign_id == campaign.id)
                              .group_by(Response.unit_id))
    return dict(counted.all())


def responses_of_unit(session: Session, unit_id: int) -> int:
    """How many responses evaluate the unit, in every campaign."""
    return session.scalar(select(func.count()).select_from(Response).where(Response.unit_id == unit_id)) or 0


def latest_campaign_id(session: Session) -> int | None:
    """The campaign of the newest response, if any."""
    return session.scalar(select(Response.campaign_id).order_by(Response.id.desc()).limit(1))


def response_with_answers(session: Session, key: uuid.UUID) -> Response | None:
    """The response `key` with its answers loaded (one query more up front rather than one per answer read)."""
    return session.scalar(select(Response).where(Response.uuid == key).options(selectinload(Response.answers)))


def responses_in_order(session: Session, conditions: Sequence[ColumnElement[bool]], limit: int) -> list[Response]:
    """The first `limit` responses meeting every condition in the order they were stored, with their
    answers, campaign, unit and version loaded (a page of the API's list)."""
    statement = (select(Response).options(selectinload(Response.answers), selectinload(Response.campaign),
                                          selectinload(Response.unit), selectinload(Response.questionnaire_version))
                 .where(*conditions).order_by(Response.id).limit(limit))
    return list(session.scalars(statement))
