"""The results page and a scorecard in chromium, at desktop size and on a 360 px phone: the rankings
and the totals are shown, the chart loads under the site's Content-Security-Policy, a unit's name
leads to its scorecard, nothing is wider than the screen, and axe-core finds no violation."""
import pytest
from sqlalchemy import select

from survey.par_index.assessments import ScoringRound
from tests.accounts.conftest import PASSWORD, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.browser.test_accessibility import screen, violations  # noqa: F401 (screen: a fixture)
from tests.par_index.results_setup import scored_setup, stored_round

pytestmark = pytest.mark.browser


@pytest.fixture
def scored(session, make_unit, make_campaign, make_version, make_submission, make_user):
    """The three units scored in 2026 and an analyst to read them; the round's id."""
    scored_setup(session, make_unit, make_campaign, make_version, make_submission)
    stored_round(session)
    make_user("noi-vu", "analyst")
    session.commit()
    return session.scalar(select(ScoringRound.id))


def sign_in(page, server, username):
    page.goto(f"{server}/dang-nhap")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def main_text(page):
    return " ".join(page.inner_text("main").split())


def test_the_results_page_and_a_scorecard_show_the_totals(scored, live_server, screen, artifacts):
    sign_in(screen, live_server, "noi-vu")
    screen.goto(f"{live_server}/cham-diem/")
    with screen.expect_navigation():
        screen.click("text=Kết quả, xếp hạng và phiếu điểm")
    text = main_text(screen)
    assert "Kết quả Chỉ số cải cách hành chính năm 2026" in text and "Xếp hạng: Sở, ban, ngành" in text
    assert "1 Sở Nội vụ 55,50 51,50 10,50 62,00 62,0" in text
    assert screen.evaluate("document.querySelector('figure.chart img').naturalWidth") > 0
    screen.screenshot(path=str(artifacts / f"{screen.label}-results.png"), full_page=True)
    assert screen.evaluate("document.documentElement.scrollWidth") <= screen.viewport_size["width"]
    assert violations(screen) == []
    with screen.expect_navigation():
        screen.click("text=Sở Tài chính")
    text = main_text(screen)
    assert "Tổng điểm 47,50 / 100,00 (47,5 %); hạng 2 trong 2 đơn vị Sở, ban, ngành." in text
    assert "Không có điểm khảo sát cho:" in text and "Tải về DOCX" in text
    screen.screenshot(path=str(artifacts / f"{screen.label}-scorecard.png"), full_page=True)
    assert screen.evaluate("document.documentElement.scrollWidth") <= screen.viewport_size["width"]
    assert violations(screen) == []
