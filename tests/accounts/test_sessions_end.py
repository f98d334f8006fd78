"""Sessions end on the server, not only in the browser that asked: a copied cookie is worth nothing
after signing out, a password change, a new role or new units."""
from survey.accounts.operations import change_role, set_units
from tests.accounts.conftest import PASSWORD


def signed_in(browser) -> bool:
    return browser.get("/tai-khoan").status_code == 200


def copy_of(browser, new_browser):
    """Another browser holding a copy of `browser`'s session cookie (taken from the device, or sniffed)."""
    copy = new_browser()
    copy.client.set_cookie("session", browser.client.get_cookie("session").value)
    return copy


def test_a_copied_cookie_is_refused_after_signing_out(staff, new_browser, make_user):
    make_user("hoa", "surveyor")
    staff.sign_in("hoa")
    copy = copy_of(staff, new_browser)
    assert signed_in(copy)
    staff.sign_out()
    assert not signed_in(copy) and not signed_in(staff)
    assert copy.get("/tai-khoan").location.startswith("/dang-nhap")  # treated as signed out


def test_signing_out_ends_the_sessions_on_other_devices_too(staff, new_browser, make_user):
    make_user("hoa", "surveyor")
    phone = new_browser()
    phone.sign_in("hoa")
    staff.sign_in("hoa")
    staff.sign_out()
    assert not signed_in(phone)
    assert phone.sign_in("hoa").status_code == 302 and signed_in(phone)  # signing in again works


def test_signing_out_without_a_session_changes_nothing(staff, new_browser, make_user):
    make_user("hoa", "surveyor")
    phone = new_browser()
    phone.sign_in("hoa")
    assert staff.sign_out().status_code == 302
    assert signed_in(phone)


def test_a_password_change_keeps_this_session_and_ends_the_others(staff, new_browser, make_user):
    make_user("hoa", "surveyor")
    staff.sign_in("hoa")
    copy, phone = copy_of(staff, new_browser), new_browser()
    phone.sign_in("hoa")
    new = "một câu khác cũng dài"
    response = staff.post("/tai-khoan/mat-khau", {"current": PASSWORD, "new": new, "repeat": new})
    assert response.status_code == 302
    assert signed_in(staff)
    assert not signed_in(copy) and not signed_in(phone)  # the old cookie, copied before, is refused too


def test_a_new_role_ends_the_sessions(staff, make_user, session):
    user = make_user("hoa", "surveyor")
    staff.sign_in("hoa")
    change_role(session, user, "supervisor", actor=None)
    session.commit()
    assert not signed_in(staff)


def test_new_units_end_the_sessions(staff, make_user, make_unit, session):
    user = make_user("hoa", "surveyor", units=["AG-LX"])
    staff.sign_in("hoa")
    set_units(session, user, [make_unit("AG-CD")], actor=None)
    session.commit()
    assert not signed_in(staff)


def test_saving_the_same_role_and_units_ends_nothing(staff, make_user, make_unit, session):
    user = make_user("hoa", "surveyor", units=["AG-LX"])
    staff.sign_in("hoa")
    change_role(session, user, "surveyor", actor=None)
    set_units(session, user, [make_unit("AG-LX")], actor=None)
    session.commit()
    assert signed_in(staff)
