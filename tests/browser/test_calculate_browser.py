"""A calculate, a cascading select and a piped label on a 360 px Android phone, with and without
JavaScript (issue 17): the calculate (age 60 or more) decides whether the pension is asked, the
province offers only the region's provinces, and its label names the region chosen."""
import pytest
from sqlalchemy import select

from survey.responses.models import Response
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
