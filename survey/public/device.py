"""The respondent's device, as far as the service needs it: a class from the User-Agent and a
random cookie that tells repeat submissions from one browser apart (no IP address is kept)."""
import hashlib
import hmac
import re
import secrets

from flask import Request, current_app
from werkzeug.wrappers import Response as HttpResponse

COOKIE = "thiet_bi"
COOKIE_AGE = 365 * 24 * 3600
_TABLET = re.compile(r"iPad|Tablet|PlayBook|Silk|Kindle|(Android(?!.*Mobile))", re.IGNORECASE)
_PHONE = re.compile(r"Mobi|iPhone|iPod|Android|Windows Phone|Opera Mini", re.IGNORECASE)


def device_class(user_agent: str) -> str:
    """phone, tablet or desktop (tablets first: an Android tablet's agent lacks 'Mobile')."""
    if _TABLET.search(user_agent):
        return "tablet"
    return "phone" if _PHONE.search(user_agent) else "desktop"


def device_id(request: Request) -> str | None:
    """The device cookie, if the browser sent a well-formed one."""
    value = request.cookies.get(COOKIE, "")
    return value if re.fullmatch(r"[A-Za-z0-9_-]{16,64}", value) else None


def new_device_id() -> str:
    return secrets.token_urlsafe(16)


def device_hash(identifier: str | None) -> str | None:
    """A keyed hash of the cookie: equal for one browser, meaningless without the app's key."""
    if identifier is None:
        return None
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, identifier.encode(), hashlib.sha256).hexdigest()[:32]


def remember_device(response: HttpResponse, identifier: str) -> None:
    response.set_cookie(COOKIE, identifier, max_age=COOKIE_AGE, httponly=True, samesite="Lax",
                        secure=current_app.config["SESSION_COOKIE_SECURE"])
