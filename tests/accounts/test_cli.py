"""`flask users disable|enable|set-password|set-role|scope`, each written to the audit log."""
from sqlalchemy import select

from survey.accounts.models import AuditEntry, User


def audit_trail(session) -> list[tuple]:
    return [(e.actor_id, e.action, e.target.username, e.details)
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_disable_and_enable(cli, make_user, session):
    make_user("quantri", "admin")
    user = make_user("hoa", "surveyor")
    token = user.session_token
    assert cli("users", "disable", "hoa").output == "disabled hoa\n"
    session.refresh(user)
    assert not user.active and user.session_token != token
    assert "hoa\tsurveyor\t*\tdisabled" in cli("users", "list").output
    assert cli("users", "enable", "hoa").output == "enabled hoa\n"
    session.refresh(user)
    assert user.active
    assert [row[:3] for row in audit_trail(session)[-2:]] == [(None, "user_disabled", "hoa"),
                                                              (None, "user_enabled", "hoa")]


def test_set_password_prompts_hidden_and_lifts_the_lock(cli, make_user, session):
    from survey.db import utcnow

    user = make_user("hoa", "surveyor", temporary=True)
    user.locked_until, user.failed_logins = utcnow(), 3
    session.commit()
    result = cli("users", "set-password", "hoa", input="cây lúa An Giang\ncây lúa An Giang\n")
    assert result.exit_code == 0, result.output
    assert "cây lúa" not in result.output and "password of hoa set" in result.output
    session.refresh(user)
    assert user.check_password("cây lúa An Giang") and user.locked_until is None and user.failed_logins == 0
    assert not user.must_change_password
    assert audit_trail(session)[-1] == (None, "password_reset", "hoa", {"temporary": False})


def test_set_password_applies_the_policy(cli, make_user, session):
    user = make_user("hoa", "surveyor")
    result = cli("users", "set-password", "hoa", "--password", "1234567890")
    assert result.exit_code == 1 and "password: too common, easily guessed" in result.output
    session.refresh(user)
    assert user.check_password("một câu dài dễ nhớ")


def test_set_role(cli, make_user, session):
    make_user("hoa", "surveyor")
    assert cli("users", "set-role", "hoa", "supervisor").output == "hoa is now supervisor\n"
    assert session.scalar(select(User.role).where(User.username == "hoa")) == "supervisor"
    assert audit_trail(session)[-1] == (None, "role_changed", "hoa", {"before": "surveyor", "after": "supervisor"})
    assert cli("users", "set-role", "hoa", "boss").exit_code == 2


def test_the_last_active_admin_stays(cli, make_user):
    make_user("quantri", "admin")
    for args in (("disable", "quantri"), ("set-role", "quantri", "analyst")):
        result = cli("users", *args)
        assert result.exit_code == 1 and "at least one active administrator must remain" in result.output


def test_scope_replaces_the_units(cli, make_user, make_unit, session):
    make_unit("AG-CD")
    make_user("hoa", "supervisor", units=["AG-LX"])
    assert cli("users", "scope", "hoa", "--unit", "AG-CD", "--unit", "AG").output == "hoa: AG, AG-CD\n"
    assert audit_trail(session)[-1] == (None, "units_changed", "hoa", {"before": ["AG-LX"], "after": ["AG", "AG-CD"]})
    assert cli("users", "scope", "hoa", "--clear").output == "hoa: no unit\n"


def test_scope_needs_units_or_clear_and_known_units(cli, make_user, session):
    make_user("hoa", "supervisor", units=["AG-LX"])
    assert cli("users", "scope", "hoa").exit_code == 2
    assert cli("users", "scope", "hoa", "--unit", "AG-LX", "--clear").exit_code == 2
    result = cli("users", "scope", "hoa", "--unit", "ZZ")
    assert result.exit_code == 1 and "unknown unit 'ZZ'" in result.output
    assert [u.code for u in session.scalar(select(User).where(User.username == "hoa")).units] == ["AG-LX"]


def test_an_unknown_user_is_named(cli, session):
    for args in (("disable", "ai-do"), ("enable", "ai-do"), ("set-role", "ai-do", "admin"),
                 ("set-password", "ai-do", "--password", "cây lúa An Giang"), ("scope", "ai-do", "--clear")):
        result = cli("users", *args)
        assert result.exit_code == 1 and "no user 'ai-do'" in result.output, args
