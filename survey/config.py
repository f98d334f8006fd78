"""Settings read from the environment, with safe defaults for a laptop.

`SURVEY_ENV` chooses the profile: `production` (the default, so a forgotten variable never
weakens a real deployment), `development` (what `make run` sets) or `testing`.
"""
import os
import secrets
from pathlib import Path
from typing import Any, Literal, overload
from urllib.parse import urlsplit

ENVIRONMENTS = ("production", "development", "testing")
DEFAULTS: dict[str, Any] = {
    "SIGNIN_HOURS": 12,  # a working day; then the password is asked again
    # Rate limits (Flask-Limiter's "N per period"). Mobile carriers put many phones behind one address,
    # so the citizens' per-address limits are generous and the per-device ones tight; signing in counts
    # every try at one account from one address, and only the failures of an address.
    "LIMIT_START_PER_ADDRESS": "60 per hour",
    "LIMIT_START_PER_DEVICE": "10 per hour",
    "LIMIT_SUBMIT_PER_ADDRESS": "60 per hour",
    "LIMIT_SUBMIT_PER_DEVICE": "10 per hour",
    "LIMIT_RESUME_PER_ADDRESS": "20 per hour",
    "LIMIT_SIGNIN_PER_ACCOUNT": "10 per 15 minutes",
    "LIMIT_SIGNIN_PER_ADDRESS": "50 per 15 minutes",
    "LIMIT_API_PER_TOKEN": "600 per minute",
    # Redis client timeouts (seconds): an unreachable host must cost a request a second, not the
    # operating system's two-minute connect timeout (gunicorn would kill the worker at 30 s).
    "RATELIMIT_STORAGE_OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    # Webhook posts: the n-th failure waits BACKOFF × 2^(n-1) seconds, at most MAX_BACKOFF; after
    # MAX_ATTEMPTS posts a delivery is given up. TIMEOUT bounds one post.
    "WEBHOOK_MAX_ATTEMPTS": 8,
    "WEBHOOK_BACKOFF_SECONDS": 30.0,
    "WEBHOOK_MAX_BACKOFF_SECONDS": 6 * 3600.0,
    "WEBHOOK_TIMEOUT_SECONDS": 10.0,
    "EXPORT_KEEP_DAYS": 7,  # finished exports are deleted after this many days (`flask exports purge`)
    # PAR index evidence files (survey.par_index.evidence): the largest taken, and the types taken as
    # their first bytes tell them (PDF, JPEG, PNG, DOCX, XLSX), whatever the name or the browser says.
    "PAR_EVIDENCE_MAX_MB": 10,
    "PAR_EVIDENCE_TYPES": (
        "application/pdf", "image/jpeg", "image/png",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}
"""Settings whatever the environment (the environment variables and overrides of `load` aside)."""


class ConfigurationError(RuntimeError):
    """The service cannot start with the settings it was given."""


def load(instance_path: str, overrides: dict | None = None) -> dict:
    """Return the settings: defaults, then the environment, then `overrides` (tests)."""
    overrides = dict(overrides or {})
    env = overrides.get("SURVEY_ENV") or os.environ.get("SURVEY_ENV", "production")
    if env not in ENVIRONMENTS:
        raise ConfigurationError(f"SURVEY_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}")
    settings = {
        **DEFAULTS,
        "SURVEY_ENV": env,
        "TESTING": env == "testing",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or default_database_url(instance_path),
        "SECRET_KEY": os.environ.get("SECRET_KEY"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env == "production",
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
        "DEFAULT_LANGUAGE": "vi",
        "TIMEZONE": os.environ.get("SURVEY_TIMEZONE", "Asia/Ho_Chi_Minh"),
        # Rate limits of the public links: shared by every worker in production, per process otherwise.
        "RATELIMIT_STORAGE_URI": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
        if env == "production" else "memory://",
        # A respondent may spend more than an hour on a page (or leave it open): the token stays
        # tied to the session but does not expire.
        "WTF_CSRF_TIME_LIMIT": None,
        # Where respondents reach the service: every absolute link (QR codes, posters, invitations)
        # is made on it, never on the request's Host header (survey.links).
        "PUBLIC_BASE_URL": os.environ.get("PUBLIC_BASE_URL"),
        # Reverse proxies in front of the app (nginx, a load balancer) whose X-Forwarded-* headers
        # are trusted; 0 when gunicorn faces the clients itself. Rate limits read the client address.
        "TRUSTED_PROXIES": int(os.environ.get("SURVEY_TRUSTED_PROXIES", "0")),
        # Hosts webhooks may be posted to although they resolve to loopback, private or reserved
        # addresses (comma-separated names or addresses); every other host must resolve to public ones.
        "WEBHOOK_ALLOWED_HOSTS": os.environ.get("WEBHOOK_ALLOWED_HOSTS", ""),
        # /readyz answers 503 below this much free disk where exports (and a SQLite database) are written.
        "MIN_FREE_DISK_MB": int(os.environ.get("SURVEY_MIN_FREE_DISK_MB", "200")),
        # Finished exports; the results cache, shared by the workers of a host (None, in tests: a
        # folder of the test process, so that tests never share the instance's entries).
        "EXPORT_FOLDER": str(Path(instance_path, "exports")),
        "RESULTS_CACHE_FOLDER": None if env == "testing" else str(Path(instance_path, "results-cache")),
        # Export jobs run in a thread of the web process; tests run them with `flask exports work`.
        "EXPORT_THREADS": env != "testing",
        # Tests replace the clock (a function returning an aware datetime) and the public links'
        # limits on bursts (survey.responses.screening.BurstRules); None: the real ones.
        "CLOCK": None,
        "BURST_RULES": None,
    }
    settings.update(overrides)
    settings["SECRET_KEY"] = secret_key(settings["SECRET_KEY"], env)
    settings["PUBLIC_BASE_URL"] = public_base_url(settings["PUBLIC_BASE_URL"], required=env == "production")
    return settings


def secret_key(value: str | None, env: str) -> str:
    """The configured key; a throw-away one in development and tests; an error in production."""
    if value:
        return value
    if env == "production":
        raise ConfigurationError(
            "SECRET_KEY is not set. In production the session-signing key must come from the "
            "environment, e.g. SECRET_KEY=$(python -c 'import secrets; print(secrets.token_hex(32))'). "
            "For a local trial set SURVEY_ENV=development instead."
        )
    return secrets.token_hex(32)


@overload
def public_base_url(value: str | None, required: Literal[True]) -> str: ...
@overload
def public_base_url(value: str | None, required: bool) -> str | None: ...


def public_base_url(value: str | None, required: bool) -> str | None:
    """The address without a trailing slash; None when not given and not `required` (outside
    production the request's address stands in); an error when missing or not an http(s) address."""
    if not value:
        if required:
            raise ConfigurationError(
                "PUBLIC_BASE_URL is not set. QR codes, posters and invitation links are made on the address "
                "respondents reach the service at, e.g. PUBLIC_BASE_URL=https://khaosat.example.vn")
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ConfigurationError(f"PUBLIC_BASE_URL must be an http(s) address such as https://khaosat.example.vn "
                                 f"(a path is allowed, no query), not {value!r}")
    return value.rstrip("/")


def default_database_url(instance_path: str) -> str:
    """SQLite file in the instance folder: the embedded default on a laptop."""
    return f"sqlite:///{Path(instance_path) / 'survey.sqlite3'}"
