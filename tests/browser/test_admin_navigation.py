"""The administration bar in chromium at 360 px and 1366 px: short, every link a touch target, nothing
wider than the screen, the current page marked, no axe violation (the texts form, refused, too); then
a draft's label edited in the browser, published, and a campaign left on v1 moved to v2. Screenshots
are kept as artefacts."""
from pathlib import Path

import pytest
from playwright.sync_api import expect

from survey.accounts.operations import create_user
from tests.browser.test_admin_questionnaire import PASSWORD, sign_in

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[2] / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SCREENS = {"phone": ({"width": 360, "height": 740}, 180), "desktop": ({"width": 1366, "height": 768}, 64)}
"""Each screen, and the most the bar may take in height (the bulleted links took about 420 px)."""


@pytest.fixture(params=list(SCREENS))
def screen(request, browser):
    """A page of one screen size (axe's inline script allowed past the Content-Security-Policy)."""
    size, _ = SCREENS[request.param]
    context = browser.new_context(viewport=size, locale="vi-VN", bypass_csp=True, is_mobile=request.param == "phone")
    page = context.new_page()
    page.label = request.param
    yield page
    context.close()


def axe_violations(page) -> list[str]:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `bash scripts/install-axe` (make test does)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id + ': ' + v.help)")


def test_the_bar_is_short_reachable_and_marks_the_current_page(live_server, screen, session, make_version,
                                                              make_campaign, artifacts: Path):
    create_user(session, "quantri", "admin", PASSWORD)
    make_campaign("sipas-2026", version=make_version())
    session.commit()
    sign_in(screen, live_server)
    screen.screenshot(path=str(artifacts / f"{screen.label}-questionnaires.png"), full_page=True)
    bar = screen.get_by_role("navigation", name="Quản trị")
    assert bar.bounding_box()["height"] <= SCREENS[screen.label][1]
    assert bar.get_by_role("link", name="Bảng hỏi").get_attribute("aria-current") == "page"
    assert all(box["height"] >= 44 for box in (link.bounding_box() for link in bar.get_by_role("link").all()))
    assert screen.evaluate("document.documentElement.scrollWidth") <= screen.viewport_size["width"]
    assert axe_violations(screen) == []
    bar.get_by_role("link", name="Đợt khảo sát").click()
    screen.get_by_role("link", name="Campaign sipas-2026").click()
    assert screen.get_by_role("navigation", name="Quản trị").get_by_role("link", name="Đợt khảo sát") \
        .get_attribute("aria-current") == "true"
    screen.screenshot(path=str(artifacts / f"{screen.label}-campaign.png"), full_page=True)
    assert axe_violations(screen) == []
    screen.goto(f"{live_server}/quan-tri/bang-hoi/small/ban-nhap/sua/main")
    screen.get_by_label("Câu hỏi (tiếng Anh)").first.fill("")
    screen.get_by_role("button", name="Lưu vào bản nháp").click()
    assert screen.locator(".error-summary a").all_inner_texts() == ["Câu 1 · Câu hỏi (tiếng Anh)"]
    screen.screenshot(path=str(artifacts / f"{screen.label}-texts-refused.png"), full_page=True)
    assert axe_violations(screen) == []


def test_a_label_edited_in_the_browser_published_and_a_campaign_moved(live_server, desk, session, make_version,
                                                                     make_campaign, artifacts: Path):
    create_user(session, "quantri", "admin", PASSWORD)
    make_campaign("sipas-2026", version=make_version())
    session.commit()
    sign_in(desk, live_server)
    desk.get_by_role("link", name="Xem trước bản nháp").click()
    desk.get_by_role("link", name="Sửa nội dung chữ của trang này").click()
    desk.get_by_label("Câu hỏi (tiếng Việt)").first.fill("Mức độ hài lòng chung")
    desk.screenshot(path=str(artifacts / "texts.png"), full_page=True)
    desk.get_by_role("button", name="Lưu vào bản nháp").click()
    assert "Đã lưu 1 nội dung chữ vào bản nháp" in desk.locator("[role=status]").inner_text()
    assert "Mức độ hài lòng chung" in desk.locator("table.changes").inner_text()
    expect(desk.frame_locator("iframe.phone").get_by_text("Mức độ hài lòng chung")).to_have_count(1)  # once loaded
    desk.get_by_role("link", name="Công bố thành phiên bản 2").click()
    desk.get_by_role("button", name="Công bố").click()
    assert "Đợt khảo sát chưa dùng phiên bản mới nhất small v2" in desk.locator("main").inner_text()
    desk.get_by_role("button", name="Chuyển sang small v2").click()
    assert "Đã chuyển đợt khảo sát “Campaign sipas-2026” sang phiên bản mới nhất." in desk.locator("main").inner_text()
    desk.screenshot(path=str(artifacts / "moved.png"), full_page=True)
