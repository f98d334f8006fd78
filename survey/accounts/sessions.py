"""The signed-in account, kept in Flask's signed session cookie: nothing in process memory, so
any gunicorn worker on any host can answer the next request.

The cookie holds the account id, a copy of its `session_token` and the sign-in time. A request
counts as signed in only while the account is active, the token still matches and the sign-in is
younger than SIGNIN_HOURS. Replacing the token (`User.end_sessions`) ends every session of the
account, on every device: signing out, a password changed or reset, the account disabled, its role
or units changed. A copied cookie is therefore worth nothing once its owner signs out.
The cookie lasts as long as the sign-in, not only until the browser closes: a surveyor whose phone
restarts during the day finds the forms keyed offline sent without signing in again.
"""
import hmac
from datetime import timedelta

from flask import Flask, current_app, session

from survey import clock, db
from survey.accounts.models import User

KEY = "account"


def init_app(app: Flask) -> None:
    app.permanent_session_lifetime = timedelta(hours=app.config["SIGNIN_HOURS"])


def start_session(user: User) -> None:
    """A fresh session for `user`: whatever the session held before is dropped (session
    fixation), except the language chosen."""
    _clear()
    session.permanent = True
    session[KEY] = {"id": user.id, "token": user.session_token, "since": int(clock.now().timestamp())}


def end_session() -> None:
    _clear()


def signed_in_user() -> User | None:
    """The account this request is signed in as, or None."""
    held = session.get(KEY)
    if not isinstance(held, dict) or not isinstance(held.get("id"), int):
        return None
    if clock.now().timestamp() - held.get("since", 0) > current_app.config["SIGNIN_HOURS"] * 3600:
        return None
    user = db.session().get(User, held["id"])  # the identity map answers repeated calls
    if user is None or not user.active or not hmac.compare_digest(user.session_token, str(held.get("token"))):
        return None
    return user


def _clear() -> None:
    language = session.get("lang")
    session.clear()  # the cookie lasts until the browser closes again
    if language:
        session["lang"] = language
