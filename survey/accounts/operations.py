"""Writes on accounts (flush only; the caller commits). Every administrative change is written to
the audit log in the same flush; `actor` None means the command line."""
import re
import secrets
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey.accounts.messages import CATALOGUE
from survey.accounts.models import ROLES, AuditEntry, User
from survey.accounts.queries import with_descendants
from survey.errors import InvalidInput, Problem
from survey.units.models import Unit

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256  # hashing is deliberately slow: no megabyte passwords
# The most used passwords that are long enough to pass the length rule, in lower case; what
# attackers try first. Short on purpose: length and the username rule do most of the work.
COMMON_PASSWORDS = frozenset({
    "0123456789", "1234567890", "12345678910", "123456789a", "a123456789", "123456789@", "0987654321",
    "1111111111", "0000000000", "9876543210", "1q2w3e4r5t", "1qaz2wsx3edc", "qwertyuiop", "qwerty1234",
    "qwerty12345", "password12", "password123", "password1!", "p@ssw0rd123", "passw0rd123",
    "iloveyou12", "iloveyou123", "abc1234567", "abcd123456", "abc123456789", "admin12345", "admin123456",
    "administrator", "matkhau123", "matkhau@123", "matkhau1234", "anhyeuem123", "emyeuanh123",
    "vietnam123", "vietnam1234", "hanoi12345", "saigon1234",
})
# Temporary passwords are read out or copied by hand: no 0/o, 1/l/i.
TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def create_user(session: Session, username: str, role: str, password: str, units: Sequence[Unit] = (),
                full_name: str = "", actor: User | None = None, temporary: bool = False) -> User:
    """Create an account; every problem with the input is reported together. A `temporary`
    password must be replaced at the first sign-in."""
    problems = user_problems(username, role, password) + scope_problems(session, actor, units)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        problems.append(CATALOGUE.problem("user_exists", username=username))
    if problems:
        raise InvalidInput(problems)
    user = User(username=username, role=role, full_name=full_name.strip(), units=list(units),
                must_change_password=temporary)
    user.set_password(password)
    session.add(user)
    audit(session, actor, "user_created", user, role=role, units=[u.code for u in user.units])
    return user


def user_problems(username: str, role: str, password: str) -> list[Problem]:
    problems: list[Problem] = []
    if not USERNAME.match(username):
        problems.append(CATALOGUE.problem("username_invalid", username=username))
    return problems + role_problems(role) + password_problems(password, username)


def role_problems(role: str) -> list[Problem]:
    return [] if role in ROLES else [CATALOGUE.problem("role_unknown", role=role, roles=", ".join(ROLES))]


def password_problems(password: str, username: str) -> list[Problem]:
    """The password policy: 10 to 256 characters, not containing the username, not a common one."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return [CATALOGUE.problem("password_short", length=MIN_PASSWORD_LENGTH)]
    if len(password) > MAX_PASSWORD_LENGTH:
        return [CATALOGUE.problem("password_long", length=MAX_PASSWORD_LENGTH)]
    if username and username.lower() in password.lower():
        return [CATALOGUE.problem("password_has_username")]
    if password.lower() in COMMON_PASSWORDS:
        return [CATALOGUE.problem("password_common")]
    return []


def temporary_password(username: str) -> str:
    """A random password like 'k7mp-2qxt-9hfa-3wne' (about 95 bits) that passes the policy."""
    while True:
        password = "-".join("".join(secrets.choice(TEMPORARY_ALPHABET) for _ in range(4)) for _ in range(4))
        if not password_problems(password, username):
            return password


def change_own_password(session: Session, user: User, current: str, new: str, repeated: str) -> None:
    """The user replaces their password; their other sessions end (the caller starts a new one)."""
    problems: list[Problem] = [] if user.check_password(current) else [CATALOGUE.problem("password_wrong")]
    if new != repeated:
        problems.append(CATALOGUE.problem("password_mismatch"))
    elif new == current:
        problems.append(CATALOGUE.problem("password_same"))
    problems += password_problems(new, user.username)
    if problems:
        raise InvalidInput(problems)
    user.set_password(new)
    user.must_change_password = False
    user.end_sessions()
    session.flush()


def set_password(session: Session, user: User, password: str, actor: User | None = None,
                 temporary: bool = False) -> None:
    """An administrator sets the password: sessions end, a sign-in lock is lifted."""
    problems = password_problems(password, user.username)
    if problems:
        raise InvalidInput(problems)
    user.set_password(password)
    user.must_change_password = temporary
    user.failed_logins, user.locked_until = 0, None
    user.end_sessions()
    audit(session, actor, "password_reset", user, temporary=temporary)


def reset_password(session: Session, user: User, actor: User | None) -> str:
    """Give the user a temporary password (returned, to be shown once) to replace at sign-in."""
    password = temporary_password(user.username)
    set_password(session, user, password, actor, temporary=True)
    return password


def change_role(session: Session, user: User, role: str, actor: User | None) -> None:
    if role == user.role:
        return
    problems = role_problems(role) or keeps_an_admin(session, user, actor)
    if problems:
        raise InvalidInput(problems)
    audit(session, actor, "role_changed", user, before=user.role, after=role)
    user.role = role
    user.end_sessions()  # pages opened under the old role hold forms and links it no longer allows
    session.flush()


def set_units(session: Session, user: User, units: Sequence[Unit], actor: User | None) -> None:
    """Scope the user to `units` (none: the whole province for admins and analysts); their
    sessions end. No one changes their own units: a limited administrator would widen its scope."""
    before, after = [u.code for u in user.units], sorted({u.code for u in units})
    if before == after:
        return
    problems = [CATALOGUE.problem("own_units")] if actor is not None and actor.id == user.id else []
    problems += scope_problems(session, actor, units)
    if problems:
        raise InvalidInput(problems)
    audit(session, actor, "units_changed", user, before=before, after=after)
    user.units = sorted(set(units), key=lambda u: u.code)
    user.end_sessions()
    session.flush()


def scope_problems(session: Session, actor: User | None, units: Sequence[Unit]) -> list[Problem]:
    """Problems with `actor` giving an account `units`. An administrator limited to some units
    gives only units within its scope, and never none (for an admin or an analyst: the whole
    province); the command line (`actor` None) and province-wide administrators give any."""
    if actor is None or not actor.units:
        return []
    scope = with_descendants(session, [unit.id for unit in actor.units])
    outside = sorted({unit.code for unit in units if unit.id not in scope})
    if outside:
        return [CATALOGUE.problem("scope_units_outside", codes=", ".join(outside))]
    return [] if units else [CATALOGUE.problem("units_required")]


def disable_user(session: Session, user: User, actor: User | None) -> None:
    """The account can no longer sign in, and its open sessions end now."""
    if not user.active:
        return
    problems = keeps_an_admin(session, user, actor)
    if problems:
        raise InvalidInput(problems)
    user.active = False
    user.end_sessions()
    audit(session, actor, "user_disabled", user)


def enable_user(session: Session, user: User, actor: User | None) -> None:
    if user.active:
        return
    user.active = True
    user.failed_logins, user.locked_until = 0, None
    audit(session, actor, "user_enabled", user)


def keeps_an_admin(session: Session, user: User, actor: User | None) -> list[Problem]:
    """Problems with taking `user` out of the active administrators (disabling or demoting)."""
    if actor is not None and actor.id == user.id:
        return [CATALOGUE.problem("own_account")]
    if user.role != "admin" or not user.active:
        return []
    active_admins = select(func.count()).select_from(User).where(User.role == "admin", User.active)
    admins = session.execute(active_admins).scalar_one()
    return [CATALOGUE.problem("last_admin")] if admins <= 1 else []


def audit(session: Session, actor: User | None, action: str, target: User | None = None,
          subject: str | None = None, **details: object) -> None:
    """Records an administrative action on an account (`target`) or on something else (`subject`)."""
    session.add(AuditEntry(actor=actor, action=action, target=target, subject=subject, details=details))
    session.flush()
