"""An administrator in chromium uploads an XLSForm, previews it in the phone frame, publishes it."""
from pathlib import Path

import pytest

import forms
from survey.accounts.operations import create_user
from tests.conftest import SMALL_FORM

pytestmark = pytest.mark.browser
PASSWORD = "gió chướng mùa khô"


@pytest.fixture
def desk(browser):
    """A page on an office screen, recording what the Content-Security-Policy blocked."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.blocked = []
    page.on("console", lambda m: page.blocked.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    context.close()


def sign_in(page, server: str) -> None:
    page.goto(f"{server}/quan-tri/bang-hoi")
    page.get_by_label("Tên đăng nhập").fill("quantri")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def test_upload_an_xlsform_preview_it_and_publish_it(live_server, desk, session, artifacts: Path):
    create_user(session, "quantri", "admin", PASSWORD)
    session.commit()
    sign_in(desk, live_server)
    assert desk.locator("h1").inner_text() == "Bảng hỏi"
    desk.get_by_role("link", name="Tải lên bảng hỏi").click()

    xlsx = forms.write_xlsform(forms.load_definition(SMALL_FORM))
    desk.get_by_label("Tệp bảng hỏi").set_input_files(
        {"name": "small.xlsx", "mimeType": "application/octet-stream", "buffer": xlsx})
    desk.get_by_role("button", name="Kiểm tra và lưu bản nháp").click()
    assert "Đã lưu “small.xlsx” thành bản nháp của small" in desk.locator("main").inner_text()

    frame = desk.frame_locator("iframe.phone")
    assert frame.locator("h1").inner_text() == "Đánh giá"
    assert frame.get_by_role("radio").count() == 8  # six levels of satisfaction, two of sex
    box = desk.locator("iframe.phone").evaluate("f => f.clientWidth")
    assert box == 360
    frame.get_by_label("Hài lòng", exact=True).check()  # the preview answers like the citizen page
    desk.screenshot(path=str(artifacts / "draft.png"), full_page=True)

    desk.get_by_role("link", name="Xem toàn bộ câu hỏi với mã trả lời").click()
    assert "1 = Nam (male)" in desk.locator("main").inner_text()
    desk.get_by_role("link", name="Về bản nháp").click()

    desk.get_by_role("link", name="Công bố thành phiên bản 1").click()
    assert desk.locator("h1").inner_text() == "Công bố small phiên bản 1?"
    desk.get_by_role("button", name="Công bố").click()
    assert "Đã công bố small v1" in desk.locator("[role=status]").inner_text()
    assert desk.locator("table.versions tbody tr").count() == 1
    desk.screenshot(path=str(artifacts / "published.png"), full_page=True)
    assert desk.blocked == []
