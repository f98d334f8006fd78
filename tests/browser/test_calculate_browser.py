"""A calculate, a cascading select and a piped label on a 360 px Android phone, with and without
JavaScript (issue 17): the calculate (age 60 or more) decides whether the pension is asked, the
province offers only the region's provinces, and its label names the region chosen."""
import pytest
from sqlalchemy import select

from survey.responses.models import Response
from tests.accounts.conftest import fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.browser.test_offline_entry import saved, sign_in
from tests.browser.test_web_survey import check_phone_layout, next_or_send
from tests.public.test_calculate_pages import CASCADE

pytestmark = pytest.mark.browser


@pytest.fixture
def cascade(make_version, make_campaign, make_unit, session):
    campaign = make_campaign("tang", units=[make_unit("AG-LX")], version=make_version(CASCADE))
    session.commit()
    return campaign


@pytest.mark.parametrize(("javascript", "age", "older"), [(True, "70", "yes"), (True, "30", "no"),
                                                         (False, "70", "yes"), (False, "30", "no")],
                         ids=["js-older", "js-younger", "nojs-older", "nojs-younger"])
def test_what_is_asked_and_offered_follows_the_earlier_answers(live_server, android, cascade, session, artifacts,
                                                                javascript, age, older):
    page = android if javascript else android.new_phone(javascript=False)
    page.goto(f"{live_server}/k/tang/AG-LX")
    page.get_by_role("button", name="Bắt đầu").click()
    page.fill("#age", age)
    page.locator('label[for="region-0"]').click()
    next_or_send(page).click()
    assert page.locator("#province-label").inner_text() == "Tỉnh ở miền Bắc"
    assert page.locator('input[name="province"]').evaluate_all("inputs => inputs.map(i => i.value)") == ["hn"]
    assert page.locator('[data-q="pension"]').is_visible() == (older == "yes")
    check_phone_layout(page)
    page.screenshot(path=str(artifacts / f"cascade-{javascript}-{age}.png"), full_page=True)
    if older == "yes":
        page.locator('label[for="pension-0"]').click()
    page.locator('label[for="province-0"]').click()
    next_or_send(page).click()
    if page.get_by_role("button", name="Gửi phiếu").count():
        page.get_by_role("button", name="Gửi phiếu").click()
    assert page.locator("h1").inner_text() == "Cảm ơn ông/bà!"
    stored = {a.question_key: a.value for a in session.scalars(select(Response)).one().answers}
    assert (stored["older"], stored["province"], "pension" in stored) == (older, "hn", older == "yes")


def test_the_keyer_s_cascade_lists_and_accepts_only_the_region_s_codes(live_server, browser, make_user, make_version,
                                                                         make_campaign, make_unit, session):
    make_campaign("giay-tang", units=[make_unit("AG-LX")], channels=("paper",), version=make_version(CASCADE))
    make_user("lan", "surveyor", units=("AG-LX",))
    session.commit()
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN", service_workers="block",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in(page, live_server, "/nhap-phieu/giay-tang/AG-LX")
    listed = "#codes-province [data-code]"
    assert page.locator(listed).evaluate_all("spans => spans.filter(s => !s.hidden).length") == 2
    page.fill("#serial", "T-1")
    for name, typed in (("age", "70"), ("region", "2"), ("province", "1")):
        page.fill(f"#q-{name}", typed)
    assert page.locator("#q-pension").is_enabled()  # a condition on a calculate: the save decides
    assert page.locator(listed).evaluate_all("spans => spans.filter(s => !s.hidden).map(s => s.dataset.code)") == ["2"]
    assert "bad" in page.locator("#q-province").get_attribute("class")
    page.fill("#q-province", "2")
    assert page.locator("#chosen-province").inner_text() == "An Giang"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.click("#save")
    saved(page, "T-1")
    context.close()
    stored = {a.question_key: a.value for a in session.scalars(select(Response)).one().answers}
    assert (stored["older"], stored["region"], stored["province"]) == ("yes", "south", "ag")
