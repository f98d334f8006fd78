"""XLSForm's extra types on a 360 px Android phone, with and without JavaScript (issue 17): a tick
box, a typed location, a range's buttons side by side, a rank's drop-downs, a minimal select's
drop-down, horizontal options; nothing wider than the screen, every row a thumb's height."""
import pytest
from sqlalchemy import select

from survey.responses.models import Response
from tests.accounts.conftest import fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.browser.test_offline_entry import saved, sign_in
from tests.browser.test_web_survey import check_phone_layout, next_or_send
from tests.public.test_xlsform_types_pages import EXTRAS
from tests.surveyor.test_xlsform_types_entry import EXTRAS as PAPER_EXTRAS

pytestmark = pytest.mark.browser


@pytest.fixture
def extras(make_version, make_campaign, make_unit, session):
    campaign = make_campaign("them", units=[make_unit("AG-LX")], version=make_version(EXTRAS))
    session.commit()
    return campaign


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_the_extra_types_are_answered_on_a_phone(live_server, android, extras, session, artifacts, javascript):
    page = android.new_phone(javascript) if not javascript else android
    page.goto(f"{live_server}/k/them/AG-LX")
    page.get_by_role("button", name="Bắt đầu").click()
    page.locator('label[for="ok-0"]').click()
    page.fill("#place", "10,38 105,43")
    page.locator('label[for="score-2"]').click()
    for place, value in enumerate(("c", "a", "b")):
        page.select_option(f"#order-{place}", value)
    page.select_option("#pick-0", "b")
    page.locator('label[for="many-0"]').click()
    check_phone_layout(page)
    buttons = page.locator(".options.across .opt").evaluate_all("rows => rows.map(r => r.getBoundingClientRect().top)")
    assert len({round(top) for top in buttons[:6]}) == 1  # the scale sits across, on one line
    page.screenshot(path=str(artifacts / f"extras-{javascript}.png"), full_page=True)
    next_or_send(page).click()
    if page.get_by_role("button", name="Gửi phiếu").count():
        page.get_by_role("button", name="Gửi phiếu").click()
    assert page.locator("h1").inner_text() == "Cảm ơn ông/bà!"
    response = session.scalars(select(Response)).one()
    stored = {a.question_key: a.value for a in response.answers}
    assert (stored["ok"], stored["place"], stored["score"], stored["order"], stored["pick"], stored["many"]) == (
        "OK", "10.38 105.43", "4", "c a b", "b", "a")
    assert stored["device"] == response.device_hash


def test_a_wrong_location_is_said_beside_it_on_a_phone(live_server, android, extras, session):
    android.goto(f"{live_server}/k/them/AG-LX")
    android.get_by_role("button", name="Bắt đầu").click()
    android.locator('label[for="ok-0"]').click()
    android.fill("#place", "200 10")
    next_or_send(android).click()
    assert "vĩ độ (từ -90 đến 90)" in android.locator('[data-q="place"] .error').inner_text()
    check_phone_layout(android)
    assert session.scalars(select(Response)).first() is None


def test_the_extra_types_are_keyed_on_a_phone(live_server, browser, make_user, make_version, make_campaign, make_unit,
                                              session):
    make_campaign("giay-them", units=[make_unit("AG-LX")], channels=("paper",), version=make_version(PAPER_EXTRAS))
    make_user("lan", "surveyor", units=("AG-LX",))
    session.commit()
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN", service_workers="block",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in(page, live_server, "/nhap-phieu/giay-them/AG-LX")
    page.fill("#serial", "T-1")
    for name, typed in (("ok", "1"), ("place", "10,38 105,43"), ("score", "6"), ("order", "3 1 2")):
        page.fill(f"#q-{name}", typed)
    assert page.locator("#chosen-order").inner_text() == "Cam; Táo; Chuối"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.click("#save")
    saved(page, "T-1")
    context.close()
    stored = {a.question_key: a.value for a in session.scalars(select(Response)).one().answers}
    assert {k: stored[k] for k in ("ok", "place", "score", "order", "keyer")} == {
        "ok": "OK", "place": "10.38 105.43", "score": "6", "order": "c a b", "keyer": "lan"}
