"""A citizen's walk through the SIPAS form on a slow network (300 ms each way), on a phone and on a
desktop, with and without JavaScript: revealed questions never reload the page when the script
runs, and the response is sent from the last page; Back after sending shows the thanks page."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from survey.responses.models import Response
from tests.browser.test_web_survey import complete_sipas, fill_page, sipas  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser
LATENCY_MS = 300
SCREENS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1366, "height": 768}}


@pytest.fixture(params=[("phone", True), ("phone", False), ("desktop", True), ("desktop", False)],
                ids=["phone-js", "phone-nojs", "desktop-js", "desktop-nojs"])
def slow_page(request, browser):
    """A page of the screen and script setting asked for, every request delayed by Chromium itself."""
    screen, javascript = request.param
    context = browser.new_context(viewport=SCREENS[screen], locale="vi-VN", java_script_enabled=javascript,
                                  is_mobile=screen == "phone", has_touch=screen == "phone")
    page = context.new_page()
    network = context.new_cdp_session(page)
    network.send("Network.enable")
    network.send("Network.emulateNetworkConditions", {"offline": False, "latency": LATENCY_MS,
                                                      "downloadThroughput": -1, "uploadThroughput": -1})
    page.javascript, page.label = javascript, request.node.callspec.id
    yield page
    context.close()


def test_a_citizen_answers_and_sends_from_the_last_page(live_server, slow_page, sipas, session, artifacts):
    loaded = complete_sipas(slow_page, live_server, artifacts, slow_page.label)
    reloads = [url for url in loaded if "hien=" in url]
    if slow_page.javascript:
        assert reloads == []  # every revealed question appeared in place
    else:
        assert reloads and all(url.endswith("-label") for url in reloads)
    assert [url for url in loaded if url.endswith("/xem-lai")] == []  # sent from the last page, no review
    slow_page.go_back()
    assert slow_page.locator("h1").inner_text() == "Cảm ơn ông/bà!"
    assert session.scalar(select(func.count()).select_from(Response)) == 1


def test_a_revealed_question_appears_in_place_with_javascript(live_server, slow_page, sipas, artifacts):
    if not slow_page.javascript:
        pytest.skip("the script's part; without it see test_a_revealed_question_is_anchored_without_javascript")
    slow_page.goto(f"{live_server}/k/sipas-web/AG-PLX")
    slow_page.get_by_role("button", name="Bắt đầu").click()
    slow_page.wait_for_load_state("load")  # the script, deferred, has run
    url, other = slow_page.url, slow_page.locator("#linh_vuc_khac")
    expect(other).to_be_hidden()
    slow_page.locator('label[for="linh_vuc-9"]').click()
    expect(other).to_be_visible()
    assert slow_page.url == url and slow_page.locator(".error").count() == 0
    slow_page.screenshot(path=str(artifacts / f"{slow_page.label}-in-place.png"), full_page=True)
    slow_page.locator('label[for="linh_vuc-0"]').click()
    expect(other).to_be_hidden()


def test_a_revealed_question_is_anchored_without_javascript(live_server, slow_page, sipas, artifacts):
    if slow_page.javascript:
        pytest.skip("the no-script path")
    slow_page.goto(f"{live_server}/k/sipas-web/AG-PLX")
    slow_page.get_by_role("button", name="Bắt đầu").click()
    fill_page(slow_page, {"doi_tuong": "ca_nhan", "linh_vuc": "khac", "ten_thu_tuc": "Cấp sổ đỏ",
                          "hinh_thuc_nop": "truc_tiep", "da_nhan_ket_qua": "yes"})
    slow_page.get_by_role("button", name="Tiếp theo").click()
    assert slow_page.url.endswith("#linh_vuc_khac-label")
    revealed = slow_page.locator("fieldset.revealed")
    assert revealed.is_visible() and revealed.locator(".error").count() == 0
    assert slow_page.evaluate("document.querySelector('#linh_vuc_khac-label').getBoundingClientRect().top") < 400
    slow_page.screenshot(path=str(artifacts / f"{slow_page.label}-anchored.png"))


def test_the_unit_chooser_opens_and_searches_without_javascript(live_server, android, make_unit, make_campaign,
                                                                session, artifacts):
    province = make_unit("AG", "province", name="tỉnh An Giang")
    make_campaign("chon", units=[make_unit("AG-SYT", "department", name="Sở Y tế"),
                                 make_unit("AG-HT", "commune", name="phường Hà Tiên", parent=province),
                                 make_unit("AG-AP", "commune", name="xã An Phú", parent=province),
                                 make_unit("AG-BT", "commune", name="xã Bình Thạnh", parent=province)])
    session.commit()
    page = android.new_phone(javascript=False)
    page.goto(live_server)
    chooser = page.locator("summary")
    assert page.evaluate("getComputedStyle(document.querySelector('summary'), '::before').borderLeftWidth") != "0px"
    chooser.click()
    assert page.get_by_role("link", name="xã An Phú").is_visible()
    page.screenshot(path=str(artifacts / "chooser-open.png"), full_page=True)
    page.get_by_label("Tìm nơi đã làm thủ tục").fill("ha tien")
    page.get_by_role("button", name="Tìm").click()
    assert [link.inner_text() for link in page.locator(".units a").all()] == ["phường Hà Tiên"]
    page.screenshot(path=str(artifacts / "chooser-search.png"), full_page=True)
