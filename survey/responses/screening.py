"""Ballot-stuffing screens for self-completed web responses: flag, never drop, and log.

A burst is many responses from one browser (its device cookie) or for one unit in a short
window. The response is kept with a flag and an entry in the exclusion log, where a supervisor
decides later whether to exclude it.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import false, func, or_, select
from sqlalchemy.orm import Session

from survey.responses.models import Exclusion, Response


@dataclass(frozen=True)
class BurstRules:
    """More than `device_limit` responses from one device within `device_window`, or more than
    `unit_limit` web responses for one unit within `unit_window`, is a burst."""

    device_limit: int = 3
    device_window: timedelta = timedelta(hours=1)
    unit_limit: int = 30
    unit_window: timedelta = timedelta(minutes=10)


def screen_response(session: Session, response: Response, rules: BurstRules, now: datetime) -> str | None:
    """Flag `response` (already flushed) when it completes a burst; return the flag."""
    flag, detail = burst(session, response, rules, now)
    if flag is not None:
        response.flag = flag
        log_exclusion(session, flag, detail, now, campaign_id=response.campaign_id,
                      unit_id=response.unit_id, response_id=response.id)
    return flag


def burst(session: Session, response: Response, rules: BurstRules, now: datetime) -> tuple[str | None, str]:
    """Both counts in one statement, over the rows of either window only (the two indexes on
    campaign, device or unit, and time): this runs on every web send."""
    for_unit = (Response.unit_id == response.unit_id) & (Response.submitted_at >= now - rules.unit_window)
    from_device = false() if response.device_hash is None else (
        (Response.device_hash == response.device_hash) & (Response.submitted_at >= now - rules.device_window))
    by_device, by_unit = session.execute(
        select(func.count(Response.id).filter(from_device), func.count(Response.id).filter(for_unit))
        .where(Response.campaign_id == response.campaign_id, Response.channel == "web", or_(from_device, for_unit))
    ).one()
    if by_device > rules.device_limit:  # 0 without a device hash: its count filter is false
        return "burst_device", f"{by_device} responses from one device within {rules.device_window}"
    if by_unit > rules.unit_limit:
        return "burst_unit", f"{by_unit} web responses for this unit within {rules.unit_window}"
    return None, ""


def log_exclusion(session: Session, reason: str, detail: str, now: datetime, *, campaign_id: int | None = None,
                  unit_id: int | None = None, response_id: int | None = None) -> Exclusion:
    entry = Exclusion(at=now, reason=reason, detail=detail, campaign_id=campaign_id, unit_id=unit_id,
                      response_id=response_id)
    session.add(entry)
    session.flush()
    return entry
