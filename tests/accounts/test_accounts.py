import pytest
from sqlalchemy import select

from survey.accounts.models import User
from survey.accounts.operations import create_user
from survey.errors import InvalidInput


def test_passwords_are_hashed_with_scrypt(session):
    user = create_user(session, "lan.nguyen", "analyst", "mật-khẩu-dài-2026")
    assert user.password_hash.startswith("scrypt:") and "mật-khẩu" not in user.password_hash
    assert user.check_password("mật-khẩu-dài-2026") and not user.check_password("mat-khau-dai-2026")


def test_all_problems_are_reported_together(session):
    with pytest.raises(InvalidInput) as caught:
        create_user(session, "X", "boss", "short")
    assert [str(p) for p in caught.value.problems] == [
        "username 'X': 2–64 lower-case letters, digits, '.', '_' or '-'",
        "role 'boss' is not one of admin, supervisor, surveyor, analyst, agency_officer",
        "password: at least 10 characters",
    ]


def test_the_password_must_not_contain_the_username(session):
    with pytest.raises(InvalidInput, match="must not contain the username"):
        create_user(session, "hoa", "surveyor", "hoa-12345678")


def test_cli_creates_a_scoped_user(cli, session, make_unit):
    make_unit("AG-LX"), make_unit("AG-CD")
    session.commit()
    result = cli("users", "create", "keyer1", "--role", "surveyor", "--password", "nhap-lieu-2026",
                 "--unit", "AG-LX", "--unit", "AG-CD")
    assert result.exit_code == 0, result.output
    assert result.output == "created keyer1 (surveyor; AG-LX, AG-CD)\n"
    user = session.scalar(select(User).where(User.username == "keyer1"))
    assert [u.code for u in user.units] == ["AG-CD", "AG-LX"] and user.check_password("nhap-lieu-2026")
    assert cli("users", "list").output == "keyer1\tsurveyor\tAG-CD,AG-LX\tactive\n"


def test_cli_prompts_for_the_password_when_it_is_left_out(cli, session):
    result = cli("users", "create", "admin2", "--role", "admin", input="bao-mat-2026\nbao-mat-2026\n")
    assert result.exit_code == 0, result.output
    assert "bao-mat-2026" not in result.output
    assert session.scalar(select(User).where(User.username == "admin2")).check_password("bao-mat-2026")


def test_cli_refuses_unknown_units_and_duplicates(cli, session):
    assert "unknown unit 'ZZ'" in cli("users", "create", "a1", "--role", "admin", "--password",
                                      "long-enough-pw", "--unit", "ZZ").output
    assert cli("users", "create", "a1", "--role", "admin", "--password", "long-enough-pw").exit_code == 0
    again = cli("users", "create", "a1", "--role", "admin", "--password", "long-enough-pw")
    assert again.exit_code == 1 and "user 'a1' already exists" in again.output
