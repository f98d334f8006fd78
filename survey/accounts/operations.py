"""Writes on accounts (flush only; the caller commits)."""
import re
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.accounts.models import ROLES, User
from survey.errors import InvalidInput
from survey.units.models import Unit

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD_LENGTH = 10


def create_user(session: Session, username: str, role: str, password: str,
                units: Sequence[Unit] = (), full_name: str = "") -> User:
    """Create an account; every problem with the input is reported together."""
    problems = user_problems(username, role, password)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        problems.append(f"user '{username}' already exists")
    if problems:
        raise InvalidInput(problems)
    user = User(username=username, role=role, full_name=full_name, units=list(units))
    user.set_password(password)
    session.add(user)
    session.flush()
    return user


def user_problems(username: str, role: str, password: str) -> list[str]:
    problems = []
    if not USERNAME.match(username):
        problems.append(f"username '{username}': 2–64 lower-case letters, digits, '.', '_' or '-'")
    if role not in ROLES:
        problems.append(f"role '{role}' is not one of {', '.join(ROLES)}")
    return problems + password_problems(password, username)


def password_problems(password: str, username: str) -> list[str]:
    if len(password) < MIN_PASSWORD_LENGTH:
        return [f"password: at least {MIN_PASSWORD_LENGTH} characters"]
    if username and username.lower() in password.lower():
        return ["password: must not contain the username"]
    return []
