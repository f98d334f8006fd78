"""The analyst asks, in chromium at desktop size and on a 360 px phone, for the demo's yearly report
compared with 2024: the choice is on the report form, the report names the merges, and the
downloads keep the choice. Screenshots are kept (`pytest --basetemp=DIR`)."""
import pytest

from tests.accounts.conftest import PASSWORD, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.demo.test_reorganised_demo import demo  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser
SCREENS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1366, "height": 768}}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_report_compared_with_2024_from_the_form(make_user, demo, live_server, browser, artifacts, screen):
    current, earlier = demo
    make_user("phan-tich", "analyst")
    context = browser.new_context(viewport=SCREENS[screen], locale="vi-VN", is_mobile=screen == "phone")
    page = context.new_page()
    page.goto(f"{live_server}/dang-nhap")
    page.fill("#username", "phan-tich")
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(f"{live_server}/phan-tich/bao-cao")
    choice = page.locator("#compare_with")
    assert choice.evaluate("e => e.getBoundingClientRect().right") <= SCREENS[screen]["width"]
    page.select_option("#kind", "yearly")
    page.fill("#year", str(current.closes_on.year))
    choice.select_option(str(earlier.closes_on.year))
    page.screenshot(path=artifacts / f"report-form-{screen}.png", full_page=True)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    text = " ".join(page.inner_text("main").split())
    assert "gộp từ AG-CD-CPA, AG-CD-CPB, AG-CD-VM" in text and f"Năm {earlier.closes_on.year}" in text
    assert f"compare_with={earlier.closes_on.year}" in page.get_attribute("a[href*='bao-cao.docx']", "href")
    page.screenshot(path=artifacts / f"report-compared-{screen}.png")
    context.close()
