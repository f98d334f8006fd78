"""Password policy, temporary passwords, administrative changes and their audit entries."""
import re

import pytest
from sqlalchemy import select

from survey.accounts.models import AuditEntry
from survey.accounts.operations import (
    change_role,
    disable_user,
    enable_user,
    password_problems,
    reset_password,
    set_units,
    temporary_password,
)
from survey.errors import InvalidInput


@pytest.mark.parametrize("password, problem", [
    ("ngắn quá", "password: at least 10 characters"),
    ("x" * 257, "password: at most 256 characters"),
    ("toi-la-HOA-day", "password: must not contain the username"),
    ("QWERTYUIOP", "password: too common, easily guessed"),
    ("matkhau123", "password: too common, easily guessed"),
])
def test_the_password_policy(password, problem):
    assert [str(found) for found in password_problems(password, "hoa")] == [problem]


def test_good_passwords_pass():
    assert password_problems("x" * 256, "hoa") == password_problems("mưa rào tháng sáu", "hoa") == []


def test_temporary_passwords_are_random_readable_and_pass_the_policy():
    passwords = {temporary_password("hoa") for _ in range(50)}
    assert len(passwords) == 50
    assert all(re.fullmatch(r"([a-hj-km-np-z2-9]{4}-){3}[a-hj-km-np-z2-9]{4}", p) for p in passwords)


def trail(session) -> list[tuple]:
    return [(e.actor.username if e.actor else None, e.action, e.target.username, e.details)
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_each_change_is_audited_with_its_actor(session, make_user, make_unit):
    admin, user = make_user("quantri", "admin"), make_user("hoa", "surveyor", units=["AG-LX"])
    change_role(session, user, "supervisor", admin)
    set_units(session, user, [make_unit("AG-CD"), make_unit("AG-LX")], admin)
    disable_user(session, user, admin)
    enable_user(session, user, admin)
    reset_password(session, user, admin)
    assert trail(session) == [
        (None, "user_created", "quantri", {"role": "admin", "units": []}),
        (None, "user_created", "hoa", {"role": "surveyor", "units": ["AG-LX"]}),
        ("quantri", "role_changed", "hoa", {"before": "surveyor", "after": "supervisor"}),
        ("quantri", "units_changed", "hoa", {"before": ["AG-LX"], "after": ["AG-CD", "AG-LX"]}),
        ("quantri", "user_disabled", "hoa", {}),
        ("quantri", "user_enabled", "hoa", {}),
        ("quantri", "password_reset", "hoa", {"temporary": True}),
    ]


def test_changes_that_change_nothing_are_not_audited(session, make_user):
    admin, user = make_user("quantri", "admin"), make_user("hoa", "surveyor", units=["AG-LX"])
    change_role(session, user, "surveyor", admin)
    set_units(session, user, list(user.units), admin)
    enable_user(session, user, admin)
    disable_user(session, user, admin)
    disable_user(session, user, admin)
    assert [action for _, action, _, _ in trail(session)] == ["user_created", "user_created", "user_disabled"]


def test_no_one_disables_or_demotes_themselves_or_the_last_admin(session, make_user):
    admin = make_user("quantri", "admin")
    for change in (lambda: disable_user(session, admin, admin), lambda: change_role(session, admin, "analyst", admin)):
        with pytest.raises(InvalidInput, match="your own account"):
            change()
    for change in (lambda: disable_user(session, admin, None), lambda: change_role(session, admin, "analyst", None)):
        with pytest.raises(InvalidInput, match="at least one active administrator"):
            change()
    second = make_user("quantri2", "admin")
    disable_user(session, admin, second)
    assert not admin.active


def test_an_unknown_role_is_refused(session, make_user):
    user = make_user("hoa", "surveyor")
    with pytest.raises(InvalidInput, match="role 'boss' is not one of"):
        change_role(session, user, "boss", None)
