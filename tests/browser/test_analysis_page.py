"""The analysis pages in chromium under the site's Content-Security-Policy, on a 360 px phone and a
1366 px desktop: the charts show as files, nothing is refused (a blocked style or image is a
console error), the tables' scrolling regions take the keyboard focus, and axe finds no violation
on the results and the frequencies pages. Screenshots are kept (`pytest --basetemp=DIR`)."""
import pytest

from tests.accounts.conftest import PASSWORD, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.browser.test_accessibility import AXE, RUN_AXE
from tests.results.conftest import empty_sipas_campaign, sipas_campaign  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser
SCREENS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1366, "height": 768}}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_results_page_and_its_charts_in_a_browser(make_user, sipas_campaign, live_server, browser, artifacts,
                                                      screen):
    make_user("phan-tich", "analyst")
    context = browser.new_context(viewport=SCREENS[screen], locale="vi-VN", is_mobile=screen == "phone")
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{live_server}/dang-nhap")
    page.fill("#username", "phan-tich")
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(f"{live_server}/phan-tich/sipas-test?recipe=sipas-local&weighting=design&by=district")
    page.screenshot(path=artifacts / f"analysis-{screen}.png", full_page=True)
    widths = page.evaluate("Array.from(document.querySelectorAll('figure.chart img')).map(i => i.naturalWidth)")
    assert len(widths) == 2 and min(widths) > 300
    assert page.locator("figure.chart img[src^='data:']").count() == 0
    assert page.locator("table.matrix tbody tr").count() == 3  # AG-LX (with its commune), AG-CD, AG-SNV
    page.locator("div.scroll").first.focus()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
    assert axe(page) == [] and console == []
    page.goto(f"{live_server}/phan-tich/sipas-test/tan-so?question=hl_chung&by=unit")
    page.screenshot(path=artifacts / f"frequencies-{screen}.png", full_page=True)
    assert axe(page) == [] and console == []
    context.close()


def axe(page) -> list[str]:
    """axe's violations, its script added past the page's policy through the DevTools protocol."""
    page.context.new_cdp_session(page).send("Page.setBypassCSP", {"enabled": True})
    page.reload()
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(RUN_AXE)
