"""Rate limits on what a respondent can repeat on open links: starting a survey, sending it,
trying resume codes. Per network address and per device cookie; every refusal is logged.

Limits are settings (strings like "10 per hour"); storage is `RATELIMIT_STORAGE_URI` (Redis in
production, memory in development and tests). Mobile carriers put many phones behind one
address, so the per-address limits are generous and the per-device ones tight.

While Redis cannot be reached the limits are counted in each worker's memory (see `limiter`);
`/readyz` then says "degraded" (survey.health).
"""
from collections.abc import Callable

from flask import Flask, current_app, request
from flask_limiter import Limiter, RequestLimit
from flask_limiter.util import get_remote_address

from survey import db
from survey.db import utcnow
from survey.public.access import target_ids
from survey.public.device import device_id
from survey.responses.screening import log_exclusion

DEFAULTS = {
    "LIMIT_START_PER_ADDRESS": "60 per hour",
    "LIMIT_START_PER_DEVICE": "10 per hour",
    "LIMIT_SUBMIT_PER_ADDRESS": "60 per hour",
    "LIMIT_SUBMIT_PER_DEVICE": "10 per hour",
    "LIMIT_RESUME_PER_ADDRESS": "20 per hour",
}

# Redis unreachable: rather than a 500 on every limited request (citizen start, send, resume,
# sign-in, the API), Flask-Limiter switches to counters in this worker's memory, logs it once
# ("Rate limit storage unreachable - falling back to in-memory storage", a warning of the
# `flask-limiter` logger), pings Redis again after 1, 2, 4 ... 32 s and goes back to it ("Rate
# limit storage recovered"). Counting per worker still slows a flood (each worker allows the
# limit), which failing open to no limit at all would not. swallow_errors covers what is left:
# any other fault of the limiter is logged with its traceback and the request goes on unlimited.
limiter = Limiter(key_func=get_remote_address, in_memory_fallback_enabled=True, swallow_errors=True)

# Redis client timeouts (seconds): an unreachable host must cost a request a second, not the
# operating system's two-minute connect timeout (gunicorn would kill the worker at 30 s).
STORAGE_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}


def init_app(app: Flask) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", STORAGE_OPTIONS)
    limiter.init_app(app)


def storage_reachable() -> bool:
    """Whether the shared counters answer (a ping with the timeouts above; memory always does)."""
    return limiter.storage.check()


def device_key() -> str:
    """The device cookie; a browser that refuses cookies is counted by its address."""
    identifier = device_id(request)
    return f"device:{identifier}" if identifier else f"address:{get_remote_address()}"


def setting(name: str) -> Callable[[], str]:
    return lambda: current_app.config[name]


def log_breach(limit: RequestLimit) -> None:
    """Write the refusal to the exclusion log (its own commit: the request goes no further)."""
    campaign_id, unit_id = target_ids(request.view_args or {})
    with db.transaction() as session:
        log_exclusion(session, "rate_limited", f"{limit.limit} on {request.endpoint}", utcnow(),
                      campaign_id=campaign_id, unit_id=unit_id)


def limited(prefix: str, with_device: bool = True, exempt_when: Callable[[], bool] | None = None) -> Callable:
    """The limits of one kind of POST: per address, and per device when `with_device`; a POST for
    which `exempt_when()` is true is neither counted nor refused (a page that only sometimes sends)."""
    def decorate(view: Callable) -> Callable:
        view = limiter.limit(setting(f"LIMIT_{prefix}_PER_ADDRESS"), methods=["POST"], on_breach=log_breach,
                             exempt_when=exempt_when)(view)
        if with_device:
            view = limiter.limit(setting(f"LIMIT_{prefix}_PER_DEVICE"), key_func=device_key, methods=["POST"],
                                 on_breach=log_breach, exempt_when=exempt_when)(view)
        return view
    return decorate
