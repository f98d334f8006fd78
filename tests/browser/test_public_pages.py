import pytest

pytestmark = pytest.mark.browser


def test_landing_page_fits_a_small_phone_and_loads_nothing_from_outside(live_server, phone, make_campaign,
                                                                        session, tmp_path):
    make_campaign("open-web")
    session.commit()
    phone.goto(live_server + "/")
    assert phone.locator("h1").inner_text() == "Khảo sát đang mở"
    assert phone.locator(".campaigns > li").count() == 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    assert phone.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor") == "rgb(139, 26, 26)"
    assert phone.requested and all(url.startswith(live_server) for url in phone.requested)
    phone.screenshot(path=str(tmp_path / "landing.png"), full_page=True)


def test_the_live_server_runs_on_the_suite_clock(live_server, phone, make_campaign, session, today):
    """A campaign of the province's date only (the UTC date is the day before) is open in chromium too."""
    make_campaign("one-day", opens_on=today, closes_on=today)
    session.commit()
    phone.goto(live_server + "/")
    assert phone.locator(".campaigns > li").count() == 1
