"""Checking a sign-in, with failures counted in the database so that the lock holds on every
worker and host: MAX_FAILURES wrong passwords in a row lock the account for LOCK_DURATION.

The caller learns only "user" or "no user": an unknown name, a wrong password, a locked or a
disabled account all look the same (and take about as long), so names cannot be probed.
"""
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from survey.accounts.models import User
from survey.accounts.operations import MAX_PASSWORD_LENGTH
from survey.clock import aware

MAX_FAILURES = 5
LOCK_DURATION = timedelta(minutes=15)


def authenticate(session: Session, username: str, password: str, now: datetime) -> User | None:
    """The user whose password this is, if they may sign in now; a failure is counted."""
    # FOR UPDATE (PostgreSQL): concurrent guesses at one account wait in turn, so none slips
    # past the lock.
    user = session.scalar(select(User).where(User.username == username.strip().lower()).with_for_update())
    if user is None or is_locked(user, now) or len(password) > MAX_PASSWORD_LENGTH:
        check_password_hash(_decoy_hash(), password[:MAX_PASSWORD_LENGTH])  # the same time as a real check
        return None
    if not user.check_password(password):
        count_failure(session, user, now)
        return None
    if not user.active:
        return None
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    session.flush()
    return user


def is_locked(user: User, now: datetime) -> bool:
    return user.locked_until is not None and aware(user.locked_until) > now


def count_failure(session: Session, user: User, now: datetime) -> None:
    """One more failure; the MAX_FAILURES-th locks the account and starts the count again.

    A single UPDATE computed by the database: two workers counting at once lose no failure.
    """
    locks = User.failed_logins + 1 >= MAX_FAILURES
    session.execute(
        update(User).where(User.id == user.id).values(
            locked_until=case((locks, now + LOCK_DURATION), else_=User.locked_until),
            failed_logins=case((locks, 0), else_=User.failed_logins + 1)),
        execution_options={"synchronize_session": False})
    session.expire(user, ["failed_logins", "locked_until"])


@cache
def _decoy_hash() -> str:
    return generate_password_hash("decoy: no account has this password")
