"""Rate limits on what a respondent can repeat on open links: starting a survey, sending it,
trying resume codes. Per network address and per device cookie; every refusal is logged.

Limits are settings (strings like "10 per hour", in survey/config.py) counted by the app's limiter
(`survey.extensions`). Mobile carriers put many phones behind one address, so the per-address
limits are generous and the per-device ones tight.
"""
from collections.abc import Callable
from functools import partial

from flask import request
from flask_limiter import RequestLimit
from flask_limiter.util import get_remote_address
from limits import RateLimitItem

from survey import db
from survey.db import utcnow
from survey.extensions import limiter, setting
from survey.public.access import target_ids
from survey.public.device import device_id
from survey.responses.screening import log_exclusion, said


def device_key() -> str:
    """The device cookie; a browser that refuses cookies is counted by its address."""
    identifier = device_id(request)
    return f"device:{identifier}" if identifier else f"address:{get_remote_address()}"


def log_breach(prefix: str, limit: RequestLimit) -> None:
    """Write the refusal to the exclusion log (its own commit: the request goes no further), with
    the action refused (`prefix`, the kind of POST) and the limit it went over, in words."""
    campaign_id, unit_id = target_ids(request.view_args or {})
    detail = said("detail_rate_limited", action=said(f"action_{prefix.lower()}"), limit=limit_words(limit.limit))
    with db.transaction() as session:
        log_exclusion(session, "rate_limited", detail, utcnow(), campaign_id=campaign_id, unit_id=unit_id)


def limit_words(item: RateLimitItem) -> dict:
    """The limit as the exclusion log says it: "10 per hour", "20 per 15 minutes"."""
    period = said(f"period_{item.GRANULARITY.name}")
    if item.multiples == 1:
        return said("limit_per_period", amount=item.amount, period=period)
    return said("limit_per_periods", amount=item.amount, count=item.multiples, period=period)


def limited(prefix: str, with_device: bool = True, exempt_when: Callable[[], bool] | None = None) -> Callable:
    """The limits of one kind of POST: per address, and per device when `with_device`; a POST for
    which `exempt_when()` is true is neither counted nor refused (a page that only sometimes sends)."""
    breach = partial(log_breach, prefix)

    def decorate(view: Callable) -> Callable:
        view = limiter.limit(setting(f"LIMIT_{prefix}_PER_ADDRESS"), methods=["POST"], on_breach=breach,
                             exempt_when=exempt_when)(view)
        if with_device:
            view = limiter.limit(setting(f"LIMIT_{prefix}_PER_DEVICE"), key_func=device_key, methods=["POST"],
                                 on_breach=breach, exempt_when=exempt_when)(view)
        return view
    return decorate
