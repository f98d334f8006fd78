"""An administrator in chromium uploads an XLSForm, previews it in the phone frame, publishes it and
creates a campaign on the version just published."""
from datetime import timedelta
from pathlib import Path

import pytest

import forms
from survey.accounts.operations import create_user
from tests.clock import TODAY
from tests.conftest import SMALL_FORM

pytestmark = pytest.mark.browser
PASSWORD = "gió chướng mùa khô"


def sign_in(page, server: str) -> None:
    page.goto(f"{server}/quan-tri/bang-hoi")
    page.get_by_label("Tên đăng nhập").fill("quantri")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def test_upload_an_xlsform_preview_publish_and_create_a_campaign(live_server, desk, session, make_unit,
                                                                 artifacts: Path):
    create_user(session, "quantri", "admin", PASSWORD)
    make_unit("AG-LX", name="Thành phố Long Xuyên")
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

    desk.get_by_role("link", name="Đợt khảo sát", exact=True).click()
    desk.get_by_role("link", name="Tạo đợt khảo sát").click()
    desk.get_by_label("Tên đợt khảo sát").fill("Khảo sát thử 2027")
    desk.get_by_label("Mã đợt (dùng trong đường dẫn)").fill("thu-2027")
    desk.get_by_label("Phiên bản bảng hỏi đã công bố").select_option("small:1")
    desk.get_by_label("Ngày mở").fill(TODAY.isoformat())
    desk.get_by_label("Ngày đóng (ngày cuối cùng)").fill((TODAY + timedelta(days=30)).isoformat())
    desk.get_by_label("Trực tuyến (người dân tự trả lời)").check()
    desk.get_by_label("Thành phố Long Xuyên AG-LX").check()
    desk.get_by_label("Chỉ tiêu số phiếu của Thành phố Long Xuyên").fill("100")
    desk.get_by_label("Số hồ sơ giao dịch của Thành phố Long Xuyên").fill("2500")
    desk.get_by_role("button", name="Tạo đợt khảo sát").click()
    assert desk.url.endswith("/quan-tri/dot-khao-sat/thu-2027?saved=1")
    assert "Đã lưu đợt khảo sát" in desk.locator("main").inner_text()
    desk.get_by_role("link", name="Bảng hỏi", exact=True).click()
    assert desk.locator("table.versions tbody td").nth(3).inner_text() == "1"  # one campaign uses v1
    assert desk.blocked == []


def test_the_questionnaire_pages_fit_a_320_px_phone(live_server, phone, session, make_version):
    create_user(session, "quantri", "admin", PASSWORD)
    make_version()
    session.commit()
    sign_in(phone, live_server)
    for path in ("/quan-tri/bang-hoi", "/quan-tri/bang-hoi/small/ban-nhap",
                 "/quan-tri/bang-hoi/small/ban-nhap/nhap-phieu", "/quan-tri/bang-hoi/tai-len"):
        phone.goto(live_server + path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 320, path
