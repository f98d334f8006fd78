"""Who is calling: `Authorization: Bearer <token>`, never a cookie. 401 without a token or with an
unknown or revoked one; 403 for a scope the token lacks or a unit outside its own."""
from datetime import datetime, timedelta

from flask import g, request

from survey import db
from survey.accounts.queries import with_descendants
from survey.api.errors import ApiError
from survey.clock import aware
from survey.db import utcnow
from survey.tokens.models import ApiToken
from survey.tokens.operations import token_by_secret
from survey.units.models import Unit

TOUCH_EVERY = timedelta(minutes=1)
"""last_used_at is rewritten at most this often: not one write per request."""


def bearer() -> str | None:
    """The token of the Authorization header, if it is a bearer one."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def active_token() -> ApiToken | None:
    """The active (issued, not revoked) token the request names: one indexed lookup by hash."""
    secret = bearer()
    if secret is None or not secret.isascii() or len(secret) > 200:
        return None
    token = token_by_secret(db.session(), secret)
    return token if token is not None and token.revoked_at is None else None


def rate_key() -> str:
    """Rate limits count per active token; without one (no token, a made-up or a revoked one) per
    address, so that every token made up from one address shares that address's counter."""
    token = active_token()
    return f"api-token:{token.id}" if token is not None else f"api-address:{request.remote_addr}"


def authenticate(scope: str) -> ApiToken:
    """The calling token, if it is active and holds `scope`; kept in `g` for the view."""
    if bearer() is None:
        raise ApiError(401, "unauthorized", "send an API token: Authorization: Bearer <token>")
    token = active_token()
    if token is None:
        raise ApiError(401, "unauthorized", "the API token is unknown or revoked")
    if scope not in token.scopes:
        raise ApiError(403, "forbidden", f"the API token lacks the scope {scope}")
    touch(token, utcnow())
    g.api_token = token
    return token


def touch(token: ApiToken, now: datetime) -> None:
    if token.last_used_at is None or now - aware(token.last_used_at) >= TOUCH_EVERY:
        with db.transaction():
            token.last_used_at = now


def current_token() -> ApiToken:
    return g.api_token


def visible_unit_ids() -> frozenset[int] | None:
    """None: the whole province; else the token's unit and every unit below it."""
    token = current_token()
    if token.unit_id is None:
        return None
    if "api_units" not in g:
        g.api_units = frozenset(with_descendants(db.session(), [token.unit_id]))
    return g.api_units


def require_unit(unit: Unit | int) -> None:
    unit_id = unit if isinstance(unit, int) else unit.id
    visible = visible_unit_ids()
    if visible is not None and unit_id not in visible:
        raise ApiError(403, "forbidden", "the API token is limited to other units")
