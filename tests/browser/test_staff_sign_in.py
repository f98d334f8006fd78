"""An administrator on a 360 px phone signs in, reaches the user list and a user's page, signs out."""
from pathlib import Path

import pytest

from survey.accounts.operations import create_user

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False])
def test_an_admin_signs_in_on_a_phone_and_reaches_the_user_list(live_server, android, session, make_unit,
                                                                artifacts: Path, javascript):
    create_user(session, "quantri", "admin", "gió chướng mùa khô", full_name="Lê Văn Quản")
    create_user(session, "hoa.tran", "supervisor", "một câu dài dễ nhớ", [make_unit("AG-LX")],
                full_name="Trần Thị Hoa")
    session.commit()
    phone = android.new_phone(javascript=javascript) if not javascript else android
    blocked: list[str] = []
    phone.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)

    phone.goto(f"{live_server}/quan-tri/nguoi-dung")
    assert phone.url.endswith("/dang-nhap?next=/quan-tri/nguoi-dung")
    phone.get_by_label("Tên đăng nhập").fill("quantri")
    phone.get_by_label("Mật khẩu").fill("gió chướng mùa khô")
    phone.screenshot(path=str(artifacts / f"sign-in-{javascript}.png"), full_page=True)
    phone.get_by_role("button", name="Đăng nhập").click()

    assert phone.url == f"{live_server}/quan-tri/nguoi-dung"
    assert phone.locator("h1").inner_text() == "Người dùng"
    assert phone.locator(".records > li").count() == 2
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=str(artifacts / f"users-{javascript}.png"), full_page=True)

    phone.get_by_role("link", name="hoa.tran").click()
    assert phone.get_by_label("Vai trò").input_value() == "supervisor"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.get_by_role("button", name="Đăng xuất").click()
    assert "Bạn đã đăng xuất" in phone.locator("main").inner_text()
    assert blocked == []
