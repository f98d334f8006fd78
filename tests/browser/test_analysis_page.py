"""The analysis page in chromium under the site's Content-Security-Policy: the charts show, and
nothing is refused (a blocked style or image is a console error)."""
import pytest

from tests.accounts.conftest import PASSWORD, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.results.conftest import empty_sipas_campaign, sipas_campaign  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


def test_the_results_page_and_its_charts_in_a_browser(make_user, sipas_campaign, live_server, browser, artifacts):
    make_user("phan-tich", "analyst")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{live_server}/dang-nhap")
    page.fill("#username", "phan-tich")
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(f"{live_server}/phan-tich/sipas-test?recipe=sipas-local&weighting=design&by=district")
    page.screenshot(path=artifacts / "analysis.png", full_page=True)
    widths = page.evaluate("Array.from(document.querySelectorAll('figure.chart img')).map(i => i.naturalWidth)")
    assert len(widths) == 2 and min(widths) > 300
    assert page.locator("table.matrix tbody tr").count() == 3  # AG-LX (with its commune), AG-CD, AG-SNV
    assert console == []
    context.close()
