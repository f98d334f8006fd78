"""Where a sign-in leads (never off the site), temporary passwords, changing one's own password."""
import pytest

from survey.accounts.pages.views import safe_next


def test_signing_in_returns_to_the_page_asked_for(staff, make_user):
    make_user("quantri", "admin")
    response = staff.get("/quan-tri/nguoi-dung?trang=2")
    assert response.status_code == 302 and response.location == "/dang-nhap?next=/quan-tri/nguoi-dung?trang%3D2"
    staff.get(response.location)
    assert 'name="next" value="/quan-tri/nguoi-dung?trang=2"' in staff.html
    assert staff.sign_in("quantri", next="/quan-tri/nguoi-dung?trang=2").location == "/quan-tri/nguoi-dung?trang=2"


@pytest.mark.parametrize("target", [
    "//evil.example", "https://evil.example", "/\\evil.example", "\\\\evil.example", "/\t/evil.example",
    "javascript:alert(1)", "http:/evil.example", "evil.example", "/%0a/evil.example\n", "",
])
def test_next_never_leads_to_another_site(staff, make_user, target):
    make_user("quantri", "admin")
    staff.get("/dang-nhap", query_string={"next": target})
    assert 'name="next"' not in staff.html
    assert staff.sign_in("quantri", next=target).location == "/tai-khoan"
    assert safe_next(target) is None


def test_local_paths_are_kept_as_they_are():
    assert safe_next("/quan-tri/nhat-ky?truoc=5") == "/quan-tri/nhat-ky?truoc=5"
    assert safe_next("/%2F%2Fevil.example") == "/%2F%2Fevil.example"  # a path on this site, not a host


def test_a_temporary_password_must_be_replaced_before_anything_else(staff, make_user, session):
    make_user("quantri", "admin", temporary=True)
    response = staff.sign_in("quantri", next="/quan-tri/nhat-ky")
    assert response.location == "/tai-khoan/mat-khau?next=/quan-tri/nhat-ky"
    assert staff.get("/quan-tri/nguoi-dung").location == "/tai-khoan/mat-khau?next=/quan-tri/nguoi-dung"
    staff.get("/tai-khoan/mat-khau")
    assert "mật khẩu tạm thời" in staff.text()
    response = staff.post("/tai-khoan/mat-khau?next=/quan-tri/nhat-ky", {
        "current": "một câu dài dễ nhớ", "new": "sông Hậu chảy qua Long Xuyên",
        "repeat": "sông Hậu chảy qua Long Xuyên"})
    assert response.location == "/quan-tri/nhat-ky"
    assert staff.get("/quan-tri/nhat-ky").status_code == 200


def test_changing_the_password_keeps_this_session_and_ends_the_others(staff, new_browser, make_user, session):
    user = make_user("hoa", "surveyor")
    other = new_browser()
    other.sign_in("hoa")
    staff.sign_in("hoa")
    new = "sông Hậu chảy qua Long Xuyên"
    response = staff.post("/tai-khoan/mat-khau", {"current": "một câu dài dễ nhớ", "new": new, "repeat": new})
    assert response.location == "/tai-khoan?changed=1"
    assert "Các phiên đăng nhập khác của bạn đã kết thúc" in staff.get(response.location).get_data(as_text=True)
    assert other.get("/tai-khoan").status_code == 302
    session.refresh(user)
    assert user.check_password(new)


@pytest.mark.parametrize("current, new, repeat, problems", [
    ("sai mật khẩu rồi", "sông Hậu chảy qua Long Xuyên", "sông Hậu chảy qua Long Xuyên",
     ["Mật khẩu hiện tại không đúng"]),
    ("một câu dài dễ nhớ", "ngắn quá", "ngắn quá!", ["Hai lần nhập mật khẩu mới không giống nhau",
                                                                    "Mật khẩu: ít nhất 10 ký tự"]),
    ("một câu dài dễ nhớ", "một câu dài dễ nhớ", "một câu dài dễ nhớ",
     ["Mật khẩu mới phải khác mật khẩu hiện tại"]),
    ("một câu dài dễ nhớ", "Password123", "Password123", ["Mật khẩu: quá phổ biến, dễ bị đoán"]),
    ("một câu dài dễ nhớ", "hoa-la-toi-2026", "hoa-la-toi-2026", ["Mật khẩu: không được chứa tên đăng nhập"]),
])
def test_a_refused_change_says_why_and_changes_nothing(staff, make_user, session, current, new, repeat, problems):
    user = make_user("hoa", "surveyor")
    staff.sign_in("hoa")
    token = user.session_token
    response = staff.post("/tai-khoan/mat-khau", {"current": current, "new": new, "repeat": repeat})
    assert response.status_code == 400
    listed = staff.html.split('role="alert"')[1].split("</ul>")[0]
    assert [problem in listed for problem in problems] == [True] * len(problems)
    session.refresh(user)
    assert user.check_password("một câu dài dễ nhớ") and user.session_token == token


def test_the_password_page_needs_a_sign_in(staff):
    assert staff.get("/tai-khoan/mat-khau").location == "/dang-nhap?next=/tai-khoan/mat-khau"


def test_english_pages(staff, make_user):
    make_user("hoa", "surveyor")
    staff.get("/dang-nhap?lang=en")
    assert "<h1>Sign in</h1>" in staff.html and '<html lang="en">' in staff.html
    staff.sign_in("hoa", "wrong password here")
    assert "Wrong username or password" in staff.text()


def test_guessing_the_current_password_is_rate_limited(staff, make_user, settings):
    settings["LIMIT_SIGNIN_PER_ACCOUNT"] = "2 per hour"
    make_user("hoa", "surveyor")
    staff.sign_in("hoa")
    guesses = [staff.post("/tai-khoan/mat-khau", {"current": f"đoán thử lần {n}", "new": "x", "repeat": "x"})
               for n in range(3)]
    assert [r.status_code for r in guesses] == [400, 400, 429]
