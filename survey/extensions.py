"""What the application sets up once for every page: CSRF protection, the proxy hops it trusts,
and the rate limiter whose counters the citizens' links, the sign-in form and the API share.

Limits are settings (strings like "10 per hour", read with `setting`); storage is
`RATELIMIT_STORAGE_URI` (Redis in production, memory in development and tests). While Redis
cannot be reached the limits are counted in each worker's memory (see `limiter`); `/readyz`
then says "degraded" (survey.health).
"""
from collections.abc import Callable

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

csrf = CSRFProtect()

# Redis unreachable: rather than a 500 on every limited request (citizen start, send, resume,
# sign-in, the API), Flask-Limiter switches to counters in this worker's memory, logs it once
# ("Rate limit storage unreachable - falling back to in-memory storage", a warning of the
# `flask-limiter` logger), pings Redis again after 1, 2, 4 ... 32 s and goes back to it ("Rate
# limit storage recovered"). Counting per worker still slows a flood (each worker allows the
# limit), which failing open to no limit at all would not. swallow_errors covers what is left:
# any other fault of the limiter is logged with its traceback and the request goes on unlimited.
limiter = Limiter(key_func=get_remote_address, in_memory_fallback_enabled=True, swallow_errors=True)

def register_extensions(app: Flask) -> None:
    csrf.init_app(app)
    limiter.init_app(app)
    hops = app.config["TRUSTED_PROXIES"]
    if hops:
        # Flask's documented way to put middleware in front; its hints declare wsgi_app a method
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]


def storage_reachable() -> bool:
    """Whether the shared counters answer (a ping with RATELIMIT_STORAGE_OPTIONS' timeouts; memory always does)."""
    return limiter.storage.check()


def setting(name: str) -> Callable[[], str]:
    """A limit read from the app's settings when a request is counted, so tests and deployments set it."""
    return lambda: current_app.config[name]
