"""The rest of issue 17's features on a 360 px Android phone and on the keyer's page, from an
uploaded XLSForm (tests/browser/xlsform_features.py): a field-list group, a note in **bold**, or_other
(its text asked once 'other' is ticked: live with JavaScript, on save without), a select over an
uploaded CSV, a trigger, and a note on the next page piping the name and the fruit chosen."""
import pytest
from sqlalchemy import select

from survey.questionnaires.operations import import_and_publish
from survey.responses.models import Response
from tests.accounts.conftest import fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.browser.test_offline_entry import saved, sign_in
from tests.browser.test_web_survey import check_phone_layout, next_or_send
from tests.browser.xlsform_features import definition

pytestmark = pytest.mark.browser
EXPECTED = {"name": "Lan", "fruit": "other", "fruit_other": "Xoài", "place": "cd", "done": "OK"}


@pytest.fixture
def features(session, make_campaign, make_unit):
    campaign = make_campaign("tinh-nang", units=[make_unit("AG-LX")], channels=("web", "paper"),
                             version=import_and_publish(session, definition()))
    session.commit()
    return campaign


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_the_features_are_answered_on_a_phone(live_server, android, features, session, artifacts, javascript):
    page = android if javascript else android.new_phone(javascript=False)
    page.goto(f"{live_server}/k/tinh-nang/AG-LX")
    page.get_by_role("button", name="Bắt đầu").click()
    page.wait_for_load_state()
    assert page.locator('[data-q="intro"] strong').inner_text() == "Chào"
    page.fill("#name", "Lan")
    page.locator('label[for="fruit-2"]').click()
    page.locator('label[for="place-1"]').click()
    page.locator('label[for="done-0"]').click()
    if not javascript:
        next_or_send(page).click()  # the server reveals what 'other' opened
    assert page.locator('[data-q="fruit_other"]').is_visible()
    page.fill("#fruit_other", "Xoài")
    check_phone_layout(page)
    page.screenshot(path=str(artifacts / f"features-{javascript}.png"), full_page=True)
    next_or_send(page).click()
    assert page.locator('[data-q="thanks"]').inner_text().startswith("Cảm ơn Lan đã chọn Khác")
    assert page.locator('[data-q="thanks"] strong').inner_text() == "Lan"
    check_phone_layout(page)
    next_or_send(page).click()
    if page.get_by_role("button", name="Gửi phiếu").count():
        page.get_by_role("button", name="Gửi phiếu").click()
    assert page.locator("h1").inner_text() == "Cảm ơn ông/bà!"
    assert {a.question_key: a.value for a in session.scalars(select(Response)).one().answers} == EXPECTED


def test_the_features_are_keyed_on_a_phone(live_server, browser, make_user, features, session):
    make_user("lan", "surveyor", units=("AG-LX",))
    session.commit()
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN", service_workers="block",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in(page, live_server, "/nhap-phieu/tinh-nang/AG-LX")
    page.fill("#serial", "F-1")
    page.fill("#q-name", "Lan")
    page.fill("#q-fruit", "1")
    assert not page.locator("#q-fruit_other").is_enabled()
    page.fill("#q-fruit", "3")
    assert page.locator("#q-fruit_other").is_enabled()
    for name, typed in (("fruit_other", "Xoài"), ("place", "2"), ("done", "1")):
        page.fill(f"#q-{name}", typed)
    assert page.locator("#chosen-place").inner_text() == "Châu Đốc"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.click("#save")
    saved(page, "F-1")
    context.close()
    assert {a.question_key: a.value for a in session.scalars(select(Response)).one().answers} == EXPECTED
