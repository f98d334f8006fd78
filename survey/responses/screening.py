"""Ballot-stuffing screens for self-completed web responses: flag, never drop, and log.

A burst is many responses from one browser (its device cookie) or for one unit in a short
window. The response is kept with a flag and an entry in the exclusion log, where a supervisor
decides later whether to exclude it.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import ColumnElement, ScalarSelect, Table, bindparam, func, literal_column, select
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


def _counted(window: ColumnElement[bool], cap: str) -> ScalarSelect[int]:
    """The web responses of the campaign in `window`, counted up to `cap` rows: the decision only
    asks whether the count reaches its limit, so a flood costs no more reads than the limit."""
    rows = (select(literal_column("1"))
            .where(RESPONSES.c.campaign_id == bindparam("campaign_id"), RESPONSES.c.channel == "web", window)
            .limit(bindparam(cap)).subquery())
    return select(func.count()).select_from(rows).scalar_subquery()


BURST_COUNTS = select(_counted(_FROM_DEVICE, "device_limit"), _counted(_FOR_UNIT, "unit_limit"))
"""Both counts in one statement, built once, each over at most its limit's rows of its window (the
two indexes on campaign, device or unit, and time): it runs on every web send."""


def burst(session: Session, draft: Draft, rules: BurstRules, now: datetime) -> tuple[str | None, dict]:
    """The flag of the web response `draft` is about to become when it completes a burst, and the
    exclusion log's detail (`said`): counted before it is stored, then counted in, the same counts
    as after its insert, and the flag goes out with the response's row instead of an UPDATE. A
    count stops at its limit, so a flagged response is "at least" one more than the limit."""
    own = 1 if draft.device_hash is not None else 0  # without a device hash its count filter is false
    by_device, by_unit = session.connection().execute(BURST_COUNTS, {
        "campaign_id": draft.campaign_id, "unit_id": draft.unit_id, "unit_since": now - rules.unit_window,
        "device_hash": draft.device_hash, "device_since": now - rules.device_window,
        "device_limit": rules.device_limit, "unit_limit": rules.unit_limit}).one()
    if by_device + own > rules.device_limit:
        return "burst_device", said("detail_burst_device", count=rules.device_limit + 1,
                                    minutes=minutes(rules.device_window))
    if by_unit + 1 > rules.unit_limit:
        return "burst_unit", said("detail_burst_unit", count=rules.unit_limit + 1, minutes=minutes(rules.unit_window))
    return None, {}


def said(key: str, **params: object) -> dict:
    """A detail of the exclusion log as data the page says in its reader's language: a key of the
    supervisors' catalogue and its parameters, each a value or another `said`."""
    return {"key": key, "params": params}


def minutes(window: timedelta) -> int:
    return int(window.total_seconds() // 60)


def log_exclusion(session: Session, reason: str, detail: dict, now: datetime, *, campaign_id: int | None = None,
                  unit_id: int | None = None, response_id: int | None = None) -> Exclusion:
    """Log an entry whose `detail` is a `said`."""
    entry = Exclusion(at=now, reason=reason, detail_key=detail["key"], detail_params=detail["params"],
                      campaign_id=campaign_id, unit_id=unit_id, response_id=response_id)
    session.add(entry)
    session.flush()
    return entry
