"""Settings read from the environment, with safe defaults for a laptop.

`SURVEY_ENV` chooses the profile: `production` (the default, so a forgotten variable never
weakens a real deployment), `development` (what `make run` sets) or `testing`.
"""
import os
import secrets
from pathlib import Path

ENVIRONMENTS = ("production", "development", "testing")


class ConfigurationError(RuntimeError):
    """The service cannot start with the settings it was given."""


def load(instance_path: str, overrides: dict | None = None) -> dict:
    """Return the settings: defaults, then the environment, then `overrides` (tests)."""
    overrides = dict(overrides or {})
    env = overrides.get("SURVEY_ENV") or os.environ.get("SURVEY_ENV", "production")
    if env not in ENVIRONMENTS:
        raise ConfigurationError(f"SURVEY_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}")
    settings = {
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
        # Reverse proxies in front of the app (nginx, a load balancer) whose X-Forwarded-* headers
        # are trusted; 0 when gunicorn faces the clients itself. Rate limits read the client address.
        "TRUSTED_PROXIES": int(os.environ.get("SURVEY_TRUSTED_PROXIES", "0")),
    }
    settings.update(overrides)
    settings["SECRET_KEY"] = secret_key(settings["SECRET_KEY"], env)
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


def default_database_url(instance_path: str) -> str:
    """SQLite file in the instance folder: the embedded default on a laptop."""
    return f"sqlite:///{Path(instance_path) / 'survey.sqlite3'}"
