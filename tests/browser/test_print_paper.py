"""The paper questionnaire printed to PDF by chromium: A4 pages, each copy starting on a new page,
nothing refused by the Content-Security-Policy."""
import re

import pytest

from tests.accounts.conftest import PASSWORD, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.printing.conftest import paper_campaign  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser
A4_POINTS = (595, 842)


def pages(pdf: bytes) -> list[tuple[int, int]]:
    """(width, height) in points of each page of a PDF written by chromium (its page objects are plain text)."""
    boxes = re.findall(rb"/Type /Page\b.*?/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf, flags=re.S)
    return [(int(float(width)), int(float(height))) for width, height in boxes]


def test_the_paper_questionnaire_prints_on_a_sane_number_of_a4_pages(make_user, paper_campaign, live_server,
                                                                      browser, artifacts):
    make_user("to-chuc", "supervisor", units=("AG-PLX",))
    context = browser.new_context(viewport={"width": 1024, "height": 900}, locale="vi-VN")
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{live_server}/dang-nhap")
    page.fill("#username", "to-chuc")
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")

    page.goto(f"{live_server}/in-phieu/sipas-giay/AG-PLX")
    page.screenshot(path=artifacts / "paper.png", full_page=True)
    assert page.locator("figure.qr svg").bounding_box()["width"] > 100
    page.emulate_media(media="print")
    page.screenshot(path=artifacts / "paper-print.png", clip={"x": 0, "y": 0, "width": 1024, "height": 1400})
    one = pages(page.pdf(format="A4", path=artifacts / "paper.pdf"))
    assert 2 <= len(one) <= 8 and set(one) == {A4_POINTS}

    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 320, "height": 640})  # usable on a phone, without sideways scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1024, "height": 900})
    page.emulate_media(media="print")
    page.goto(f"{live_server}/in-phieu/sipas-giay/AG-PLX?tu=101&den=103")
    three = pages(page.pdf(format="A4", path=artifacts / "batch.pdf"))
    assert len(three) == 3 * len(one)  # every copy starts on a new page and has as many pages
    assert console == []
    context.close()
