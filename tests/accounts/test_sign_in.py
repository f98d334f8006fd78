"""Signing in and out: success, one message for every failure, the lock, sessions that end."""
import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from sqlalchemy import select

from survey import create_app
from survey.accounts.models import User
from survey.accounts.operations import disable_user, reset_password
from survey.accounts.signin import LOCK_DURATION, MAX_FAILURES
from survey.db import utcnow
from tests.accounts.conftest import PASSWORD, Staff
from tests.clock import START

FAILED = "Tên đăng nhập hoặc mật khẩu không đúng"


def signed_in(staff: Staff) -> bool:
    return staff.get("/tai-khoan").status_code == 200


def test_signing_in_leads_to_the_account_page_and_records_the_time(staff, make_user, session):
    make_user("hoa", "supervisor", units=["AG-LX"], full_name="Trần Thị Hoa")
    staff.get("/dang-nhap")
    assert 'autocomplete="current-password"' in staff.html and '<label for="username">Tên đăng nhập' in staff.html
    response = staff.sign_in("hoa")
    assert response.status_code == 302 and response.location == "/tai-khoan"
    assert staff.get("/tai-khoan").status_code == 200
    assert "Trần Thị Hoa" in staff.text() and "Giám sát viên" in staff.text() and "Unit AG-LX" in staff.text()
    assert response.headers["Cache-Control"] == "no-store"
    assert session.scalar(select(User).where(User.username == "hoa")).last_login_at is not None


def test_the_username_is_read_without_case_or_surrounding_spaces(staff, make_user):
    make_user("hoa", "surveyor")
    assert staff.sign_in("  HOA ").status_code == 302


@pytest.mark.parametrize("username, password", [
    ("hoa", "mật khẩu sai hoàn toàn"),   # wrong password
    ("khong-co", PASSWORD),               # no such user
    ("cu", PASSWORD),                     # disabled
    ("hoa", "x" * 300),                   # longer than any password can be
])
def test_every_failure_gets_the_same_message(staff, make_user, session, username, password):
    make_user("hoa", "surveyor")
    make_user("admin1", "admin")
    disable_user(session, make_user("cu", "surveyor"), actor=None)
    session.commit()
    response = staff.sign_in(username, password)
    assert response.status_code == 401 and FAILED in staff.text()
    assert f'value="{username.strip()}"' in staff.html  # the name is kept, the password is not
    assert not signed_in(staff)


def test_five_failures_lock_the_account_even_with_the_right_password(staff, make_user, session):
    make_user("hoa", "surveyor")
    for _ in range(MAX_FAILURES):
        assert staff.sign_in("hoa", "mật khẩu sai hoàn toàn").status_code == 401
    user = session.scalar(select(User).where(User.username == "hoa"))
    session.refresh(user)
    assert user.failed_logins == 0 and user.locked_until is not None
    response = staff.sign_in("hoa")
    assert response.status_code == 401 and FAILED in staff.text()  # no hint that the account exists


def test_the_lock_ends_after_its_time(staff, make_user, session):
    user = make_user("hoa", "surveyor")
    user.locked_until = utcnow() + LOCK_DURATION
    session.commit()
    assert staff.sign_in("hoa").status_code == 401
    user.locked_until = utcnow() - timedelta(seconds=1)
    session.commit()
    assert staff.sign_in("hoa").status_code == 302
    session.refresh(user)
    assert user.failed_logins == 0 and user.locked_until is None


def test_a_success_starts_the_count_again(staff, make_user, session):
    user = make_user("hoa", "surveyor")
    for _ in range(MAX_FAILURES - 1):
        staff.sign_in("hoa", "mật khẩu sai hoàn toàn")
    staff.sign_in("hoa")
    session.refresh(user)
    assert user.failed_logins == 0 and user.locked_until is None


@pytest.fixture
def second_worker(app):
    """Another process of the service: same database and key, nothing else shared."""
    other = create_app({"SURVEY_ENV": "testing", "DATABASE_URL": app.config["DATABASE_URL"],
                        "SECRET_KEY": app.config["SECRET_KEY"], "CLOCK": app.config["CLOCK"]})
    yield other
    with other.app_context():
        from survey import db
        db.engine().dispose()


def test_failures_on_two_workers_add_up(staff, make_user, session, second_worker):
    user = make_user("hoa", "surveyor")
    other = Staff(second_worker.test_client())
    for worker in [staff, other] * 2 + [staff]:
        assert worker.sign_in("hoa", "mật khẩu sai hoàn toàn").status_code == 401
    session.expire_all()
    assert session.get(User, user.id).locked_until is not None
    assert other.sign_in("hoa").status_code == 401


def test_a_session_opened_on_one_worker_is_known_to_another(staff, make_user, second_worker):
    make_user("hoa", "surveyor")
    staff.sign_in("hoa")
    other = second_worker.test_client()
    other.set_cookie("session", staff.client.get_cookie("session").value)
    assert other.get("/tai-khoan").status_code == 200


def test_signing_in_starts_a_new_session_keeping_only_the_language(staff, make_user):
    make_user("hoa", "surveyor")
    staff.get("/dang-nhap?lang=en")
    with staff.client.session_transaction() as cookie:
        cookie["planted"] = "by someone else"
    staff.sign_in("hoa")
    with staff.client.session_transaction() as cookie:
        assert "planted" not in cookie and cookie["lang"] == "en"


def test_the_session_cookie_outlives_a_browser_restart_for_the_sign_in_only(staff, make_user):
    make_user("hoa", "surveyor")
    signed = staff.sign_in("hoa")
    assert 11.9 < hours_left(signed) <= 12  # the working day of SIGNIN_HOURS, then the password again
    staff.get("/tai-khoan?lang=en")
    assert hours_left(staff.sign_out()) is None  # signed out: a cookie that ends with the browser


def hours_left(response) -> float | None:
    """Hours until the session cookie the response sets expires (None: when the browser closes)."""
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    expires = re.search(r"Expires=([^;]+)", cookie)
    return (parsedate_to_datetime(expires.group(1)) - datetime.now(UTC)).total_seconds() / 3600 \
        if expires else None


def test_signing_out_is_a_post_with_the_csrf_token(staff, make_user):
    make_user("hoa", "surveyor")
    staff.sign_in("hoa")
    assert staff.get("/dang-xuat").status_code == 405
    assert staff.post("/dang-xuat", csrf=False).status_code == 400 and signed_in(staff)
    response = staff.sign_out()
    assert response.status_code == 302 and not signed_in(staff)
    assert "Bạn đã đăng xuất" in staff.get(response.location).get_data(as_text=True)


def test_disabling_the_account_ends_its_sessions(staff, make_user, session):
    user = make_user("hoa", "surveyor")
    make_user("admin1", "admin")
    staff.sign_in("hoa")
    assert signed_in(staff)
    disable_user(session, user, actor=None)
    session.commit()
    assert not signed_in(staff)


def test_a_password_reset_ends_the_sessions_and_the_old_password(staff, make_user, session):
    user = make_user("hoa", "surveyor")
    staff.sign_in("hoa")
    reset_password(session, user, actor=None)
    session.commit()
    assert not signed_in(staff)
    assert staff.sign_in("hoa").status_code == 401


def test_a_sign_in_older_than_the_limit_has_ended(staff, make_user, settings):
    make_user("hoa", "surveyor")
    staff.sign_in("hoa")
    with staff.client.session_transaction() as cookie:
        cookie["account"] = {**cookie["account"], "since": cookie["account"]["since"] - 13 * 3600}
    assert not signed_in(staff)


def test_a_sign_in_ends_when_the_clock_has_run_the_working_day(staff, make_user, clock_at):
    make_user("hoa", "surveyor")
    staff.sign_in("hoa")
    clock_at(START + timedelta(hours=11, minutes=59))
    assert signed_in(staff)
    clock_at(START + timedelta(hours=12, minutes=1))
    assert not signed_in(staff)


def test_a_forged_or_stale_session_is_anonymous(staff, make_user):
    user = make_user("hoa", "surveyor")
    staff.sign_in("hoa")
    with staff.client.session_transaction() as cookie:
        since = cookie["account"]["since"]
    for held in ({"id": user.id, "token": "0" * 32, "since": since}, {"id": str(user.id)}, "hoa"):
        with staff.client.session_transaction() as cookie:
            cookie["account"] = held
        assert not signed_in(staff)


def test_failing_too_often_from_one_address_is_refused_whatever_the_account(staff, make_user, settings):
    settings["LIMIT_SIGNIN_PER_ADDRESS"] = "3 per hour"
    for name in ("hoa", "lan", "minh", "tuan"):
        make_user(name, "surveyor")
    statuses = [staff.sign_in(name, "mật khẩu sai hoàn toàn").status_code for name in ("hoa", "lan", "minh", "tuan")]
    assert statuses == [401, 401, 401, 429]
    assert "quá nhiều lần đăng nhập" in staff.text()
    assert staff.get("/dang-nhap").status_code == 200  # reading the page is not limited


def test_an_office_behind_one_address_signs_in_however_many_colleagues(app, make_user, settings):
    """Successful sign-ins never use the address's allowance: only failures count there."""
    settings["LIMIT_SIGNIN_PER_ADDRESS"] = "3 per hour"
    names = [f"nv{number}" for number in range(8)]
    statuses = []
    for name in names:
        make_user(name, "surveyor")
        colleague = Staff(app.test_client())
        statuses.append(colleague.sign_in(name).status_code)
    assert statuses == [302] * len(names)


def test_guessing_one_account_is_refused_while_the_others_sign_in(staff, app, make_user, settings):
    settings["LIMIT_SIGNIN_PER_ACCOUNT"] = "3 per hour"
    make_user("hoa", "surveyor"), make_user("lan", "surveyor")
    statuses = [staff.sign_in("hoa", f"đoán thử lần thứ {n}").status_code for n in range(4)]
    assert statuses == [401, 401, 401, 429]
    assert staff.sign_in(" HOA ", "đoán thêm một lần nữa").status_code == 429  # the name as the sign-in reads it
    assert Staff(app.test_client()).sign_in("lan").status_code == 302


@pytest.mark.parametrize("role, links", [
    ("surveyor", ["/nhap-phieu"]),
    ("supervisor", ["/nhap-phieu", "/giam-sat/", "/doi-chieu"]),
    ("analyst", ["/phan-tich/", "/cham-diem/"]),
    ("admin", ["/quan-tri/nguoi-dung", "/nhap-phieu", "/giam-sat/", "/doi-chieu", "/phan-tich/", "/cham-diem/"]),
    ("agency_officer", ["/cham-diem/"]),
])
def test_the_account_page_links_to_the_pages_of_the_role(staff, make_user, role, links):
    make_user("hoa", role)
    staff.sign_in("hoa")
    staff.get("/tai-khoan")
    found = re.findall(r'<li><a href="(/[^"]*)">', staff.html)
    assert sorted(found) == sorted([*links, "/tai-khoan/mat-khau"])
