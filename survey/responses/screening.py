"""Ballot-stuffing screens for self-completed web responses: flag, never drop, and log.

A burst is many responses from one browser (its device cookie) or for one unit in a short
window. The response is kept with a flag and an entry in the exclusion log, where a supervisor
decides later whether to exclude it.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, bindparam, func, or_, select
from sqlalchemy.orm import Session

from survey.responses.models import Draft, Exclusion, Response


@dataclass(frozen=True)
class BurstRules:
    """More than `device_limit` responses from one device within `device_window`, or more than
    `unit_limit` web responses for one unit within `unit_window`, is a burst."""

    device_limit: int = 3
    device_window: timedelta = timedelta(hours=1)
    unit_limit: int = 30
    unit_window: timedelta = timedelta(minutes=10)


RESPONSES = cast(Table, Response.__table__)  # a declarative model's table, which its hints call a FromClause
_FOR_UNIT = (RESPONSES.c.unit_id == bindparam("unit_id")) & (RESPONSES.c.submitted_at >= bindparam("unit_since"))
_FROM_DEVICE = ((RESPONSES.c.device_hash == bindparam("device_hash"))  # NULL: never true, counts 0
                & (RESPONSES.c.submitted_at >= bindparam("device_since")))
BURST_COUNTS = (select(func.count(RESPONSES.c.id).filter(_FROM_DEVICE), func.count(RESPONSES.c.id).filter(_FOR_UNIT))
                .where(RESPONSES.c.campaign_id == bindparam("campaign_id"), RESPONSES.c.channel == "web",
                       or_(_FROM_DEVICE, _FOR_UNIT)))
"""Both counts in one statement, built once, over the rows of either window only (the two indexes
on campaign, device or unit, and time): it runs on every web send."""


def burst(session: Session, draft: Draft, rules: BurstRules, now: datetime) -> tuple[str | None, str]:
    """The flag (and the exclusion log's detail) of the web response `draft` is about to become
    when it completes a burst. Counted before it is stored, then counted in: the same counts as
    after its insert, and the flag goes out with the response's row instead of an UPDATE."""
    own = 1 if draft.device_hash is not None else 0  # without a device hash its count filter is false
    by_device, by_unit = session.connection().execute(BURST_COUNTS, {
        "campaign_id": draft.campaign_id, "unit_id": draft.unit_id, "unit_since": now - rules.unit_window,
        "device_hash": draft.device_hash, "device_since": now - rules.device_window}).one()
    if by_device + own > rules.device_limit:
        return "burst_device", f"{by_device + own} responses from one device within {rules.device_window}"
    if by_unit + 1 > rules.unit_limit:
        return "burst_unit", f"{by_unit + 1} web responses for this unit within {rules.unit_window}"
    return None, ""


def log_exclusion(session: Session, reason: str, detail: str, now: datetime, *, campaign_id: int | None = None,
                  unit_id: int | None = None, response_id: int | None = None) -> Exclusion:
    entry = Exclusion(at=now, reason=reason, detail=detail, campaign_id=campaign_id, unit_id=unit_id,
                      response_id=response_id)
    session.add(entry)
    session.flush()
    return entry
