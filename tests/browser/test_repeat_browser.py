"""A household roster (a repeat, issue 17) sent from a 360 px Android phone, with and without
JavaScript: three members added with 'Thêm một lần nữa', one removed and another added, a question
an instance's own age asks (at school, under 18) shown in that instance only, every member stored
with its instance."""
import pytest
from sqlalchemy import select

from survey.responses.models import Answer
from tests.accounts.conftest import fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.browser.test_offline_entry import saved, sign_in
from tests.browser.test_web_survey import check_phone_layout
from tests.public.test_repeat_pages import ROSTER

pytestmark = pytest.mark.browser
MEMBERS = (("Lan", "41"), ("Minh", "12"), ("Hoa", "70"))


@pytest.fixture
def roster(make_version, make_campaign, make_unit, session):
    campaign = make_campaign("ho", units=[make_unit("AG-LX")], version=make_version(ROSTER))
    session.commit()
    return campaign


def fill_member(page, number: int, name: str, age: str) -> None:
    page.fill(f"#member_name-{number}", name)
    page.fill(f"#member_age-{number}", age)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_three_members_are_sent_from_a_phone(live_server, android, roster, session, artifacts, javascript):
    page = android if javascript else android.new_phone(javascript=False)
    page.goto(f"{live_server}/k/ho/AG-LX")
    page.get_by_role("button", name="Bắt đầu").click()
    page.locator('label[for="visit_rating-3"]').click()
    page.fill("#members_told", "3")
    page.get_by_role("button", name="Tiếp theo").click()
    fill_member(page, 1, "Lan", "41")
    page.get_by_role("button", name="Thêm một lần nữa").click()
    fill_member(page, 2, "Nhầm", "5")
    page.get_by_role("button", name="Thêm một lần nữa").click()
    page.get_by_role("button", name="Xoá mục thứ 2").click()
    assert page.locator("section.instance").count() == 1
    page.get_by_role("button", name="Thêm một lần nữa").click()
    fill_member(page, 2, *MEMBERS[1])
    page.get_by_role("button", name="Thêm một lần nữa").click()
    fill_member(page, 3, *MEMBERS[2])
    assert page.locator("#member_age-2-label").inner_text() == "Tuổi của Minh"  # its own instance's name
    assert page.locator('[data-q="at_school-2"]').is_visible()  # Minh is 12: asked once the page came back
    assert not page.locator('[data-q="at_school-1"]').is_visible()
    page.locator('label[for="at_school-2-0"]').click()
    check_phone_layout(page)
    page.screenshot(path=str(artifacts / f"roster-{javascript}.png"), full_page=True)
    page.get_by_role("button", name="Tiếp theo").click()
    page.fill("#comment", "Tốt")
    page.get_by_role("button", name="Gửi phiếu").click()
    assert page.locator("h1").inner_text() == "Cảm ơn ông/bà!"
    stored = session.execute(select(Answer.instance, Answer.value).where(
        Answer.question_key.in_(("member_name", "member_age"))).order_by(Answer.instance, Answer.question_key)).all()
    assert [tuple(row) for row in stored] == [(n, v) for n, (name, age) in enumerate(MEMBERS, 1) for v in (age, name)]
    assert session.scalar(select(Answer.value).where(Answer.question_key == "at_school")) == "yes"


def test_the_keyer_s_page_follows_each_instance_s_routing(live_server, browser, make_user, make_version,
                                                         make_campaign, make_unit, session):
    make_campaign("giay-ho", units=[make_unit("AG-LX")], channels=("paper",), version=make_version(ROSTER))
    make_user("lan", "surveyor", units=("AG-LX",))
    session.commit()
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN", service_workers="block",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in(page, live_server, "/nhap-phieu/giay-ho/AG-LX")
    page.fill("#serial", "H-1")
    page.fill("#q-visit_rating", "4")
    for number, (name, age) in enumerate(MEMBERS[:2], start=1):
        page.fill(f"#q-member_name-{number}", name)
        page.fill(f"#q-member_age-{number}", age)
    assert page.locator("#q-at_school-2").is_enabled() and not page.locator("#q-at_school-1").is_enabled()
    page.fill("#q-at_school-2", "1")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.click("#save")
    saved(page, "H-1")
    context.close()
    stored = {(a.question_key, a.instance): a.value for a in session.scalars(select(Answer))}
    assert (stored[("member_name", 2)], stored[("at_school", 2)], stored[("adult", 1)]) == ("Minh", "yes", "yes")


@pytest.mark.parametrize("width", [360, 1366])
def test_add_another_is_on_one_line_beside_next(live_server, browser, roster, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{live_server}/k/ho/AG-LX")
    page.get_by_role("button", name="Bắt đầu").click()
    page.locator('label[for="visit_rating-3"]').click()
    page.get_by_role("button", name="Tiếp theo").click()
    buttons = (page.get_by_role("button", name=name) for name in ("Thêm một lần nữa", "Tiếp theo"))
    heights = [button.bounding_box()["height"] for button in buttons]
    context.close()
    assert heights == [48, 48]  # the buttons' least height: one line of text, squeezed to 8rem it took three
