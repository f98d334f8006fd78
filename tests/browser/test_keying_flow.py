"""Keying SIPAS paper forms in chromium on a phone (360 px) and an office screen (1366 px) over a slow
network (300 ms each way): forms typed back to back lose no keystroke while they are saved in the
background, a serial already keyed is refused on its own form and corrected by typing over it, and
a code that is no option of its question stops Enter."""
import pytest
from sqlalchemy import select

from survey.entries.models import PaperEntry
from survey.questionnaires.queries import version_definition
from survey.responses.models import Response
from tests.accounts.conftest import fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.browser.test_offline_entry import saved, sign_in
from tests.browser.test_paper_entry import PAPER, keyed_answers, sipas_campaign  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser
ENTRY = "/nhap-phieu/sipas-giay/AG-PLX"
SCREENS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1366, "height": 768}}
SELECTED = """() => { const input = document.activeElement;
  return [input.id, input.value.slice(input.selectionStart, input.selectionEnd), input.value]; }"""


@pytest.fixture(params=SCREENS)
def keyer_page(request, browser, make_user, sipas_campaign, live_server):
    """lan signed in at the SIPAS entry page, every request and reply 300 ms late."""
    make_user("lan", "surveyor", units=("AG-PLX",))
    context = browser.new_context(viewport=SCREENS[request.param], locale="vi-VN", service_workers="block",
                                  is_mobile=request.param == "phone", has_touch=request.param == "phone")
    page = context.new_page()
    page.screen = request.param
    network = context.new_cdp_session(page)
    network.send("Network.enable")
    network.send("Network.emulateNetworkConditions", {"offline": False, "latency": 300,
                                                      "downloadThroughput": -1, "uploadThroughput": -1})
    sign_in(page, live_server, ENTRY)
    yield page
    context.close()


def typed_form(serial: str, procedure: str) -> str:
    """The keystrokes of one paper form: the serial, then every code, each followed by Enter."""
    answers = {**PAPER, "ten_thu_tuc": procedure}
    return "".join(f"{value}\n" for value in [serial, *answers.values()])


def answers_of(session, serial: str) -> dict[str, str]:
    response = session.scalar(select(Response).where(Response.paper_serial == serial))
    return {answer.question_key: answer.value for answer in response.answers}


def test_three_forms_typed_back_to_back_are_stored_to_the_last_character(keyer_page, session, sipas_campaign,
                                                                         artifacts):
    page = keyer_page
    forms = {f"AG-01{n}": f"Cấp sổ đỏ, hồ sơ số {n}" for n in (1, 2, 3)}
    for serial, procedure in forms.items():  # no wait between forms: the page never reloads
        page.keyboard.type(typed_form(serial, procedure))
    assert page.evaluate("document.activeElement.id") == "serial"
    for serial in forms:
        saved(page, serial)
    page.screenshot(path=artifacts / f"three-forms-{page.screen}.png", full_page=True)
    assert page.inner_text("#keyed-count") == "Hôm nay bạn đã nhập 3 phiếu của đợt này."
    session.expire_all()
    definition = version_definition(sipas_campaign.questionnaire_version)
    for serial, procedure in forms.items():
        expected = {**keyed_answers(definition), "ten_thu_tuc": procedure}
        assert answers_of(session, serial) == expected, serial


def test_a_serial_keyed_before_is_refused_on_its_form_and_typed_over(keyer_page, session, artifacts):
    page = keyer_page
    page.keyboard.type(typed_form("D-001", "Cấp sổ đỏ"))
    saved(page, "D-001")
    page.keyboard.type(typed_form("D-001", "Đăng ký khai sinh"))  # the next paper, its serial mistyped
    page.wait_for_selector("#offline-refused li")
    row = page.locator("#entry-today tr", has_text="Bị từ chối")
    assert row.locator("td").first.inner_text() == "D-001"
    assert "Phiếu D-001 đã được nhập" not in page.inner_text("#entry-status")  # said on the form, not the page
    page.screenshot(path=artifacts / f"refused-{page.screen}.png", full_page=True)

    row.get_by_role("button", name="Sửa phiếu này").click()
    assert page.evaluate(SELECTED) == ["serial", "D-001", "D-001"]  # typing replaces it
    page.keyboard.type("D-002")
    page.click("#save")
    saved(page, "D-002")
    session.expire_all()
    assert sorted(session.scalars(select(PaperEntry.serial))) == ["D-001", "D-002"]
    assert answers_of(session, "D-002")["ten_thu_tuc"] == "Đăng ký khai sinh"
    page.locator("#offline-refused").wait_for(state="hidden")  # nothing left to correct


def test_a_code_that_is_no_option_stops_enter(keyer_page, session, artifacts):
    page = keyer_page
    page.keyboard.type("E-001\n7\n")  # doi_tuong has the codes 1 and 2
    assert page.evaluate(SELECTED) == ["q-doi_tuong", "7", "7"]
    assert page.inner_text("#chosen-doi_tuong") == "Mã không hợp lệ: sửa trước khi sang câu tiếp theo."
    page.screenshot(path=artifacts / f"bad-code-{page.screen}.png")
    page.keyboard.type("1\n")
    assert page.evaluate("document.activeElement.id") == "q-linh_vuc"
    page.keyboard.type("99")
    page.click("#save")  # the send stops there too, the bad code selected
    assert page.evaluate(SELECTED) == ["q-linh_vuc", "99", "99"]
    assert page.locator("#entry-today").is_hidden()
    session.expire_all()
    assert session.scalars(select(PaperEntry)).all() == []


def test_the_server_page_of_a_refused_serial_selects_it(keyer_page, session):
    """Where the background save is unavailable (no offline.js), the server's page of problems comes
    back: the serial's value is selected there too, so the next one never lands after it."""
    page = keyer_page
    page.keyboard.type(typed_form("F-001", "Cấp sổ đỏ"))
    saved(page, "F-001")
    page.route("**/offline.js*", lambda route: route.abort())
    page.reload()
    with page.expect_navigation():
        page.keyboard.type(typed_form("F-001", "Cấp sổ đỏ"))
    assert "Phiếu số F-001 đã được nhập trong đợt khảo sát này." in page.inner_text("#problems")
    assert page.evaluate(SELECTED) == ["serial", "F-001", "F-001"]
    page.keyboard.type("F-002")
    assert page.input_value("#serial") == "F-002"
