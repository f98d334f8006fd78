"""XLSForm's value functions in the pages' scripts (issue 17), on a 360 px Android phone: an age
makes a calculate (if, concat, int) open the pension question, a phone number matching a regex
opens the SMS question, both without a request to the server; without JavaScript the server
reveals them on save. On the keyer's page the same conditions close and open the boxes. The
script's functions give what forms/expression_functions.py gives."""
import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from forms.expression_functions import VALUE_FUNCTIONS, text
from forms.expression_tree import DictLookup
from survey.responses.models import Response
from tests.accounts.conftest import fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.browser.test_offline_entry import sign_in
from tests.browser.test_web_survey import check_phone_layout, next_or_send

pytestmark = pytest.mark.browser

FUNCTIONS = """
form: {id: ham, title: {vi: "Hàm", en: Functions}, languages: [vi, en]}
sections:
  - name: first
    title: {vi: "Một", en: One}
    questions:
      - {name: age, type: integer, required: true, label: {vi: "Tuổi", en: Age}}
      - {name: band, type: calculate, label: {vi: "Nhóm", en: Band},
         calculation: "if(age >= 60, 'older', concat('under ', int(age / 10) * 10 + 10))"}
      - {name: pension, type: yes_no, relevant: "band = 'older'", label: {vi: "Có lương hưu?", en: "Pension?"}}
      - {name: phone, type: text, label: {vi: "Số điện thoại", en: Phone}}
      - {name: sms, type: yes_no, label: {vi: "Nhận tin nhắn?", en: "Text messages?"},
         relevant: "regex(phone, '^0[0-9]{9}$') and string_length(coalesce(phone, '')) = 10
                    and today() >= date('2026-11-17')"}
  - name: second
    title: {vi: "Hai", en: Two}
    questions:
      - {name: comment, type: text, label: {vi: "Ý kiến", en: Comment}}
"""
CASES = [("if", [True, "a", "b"]), ("if", [0, "a", "b"]), ("coalesce", ["", "x"]), ("coalesce", [None, None]),
         ("concat", ["a", None, 2.5, True]), ("round", [2.675, 2]), ("round", [-2.5]), ("round", [1234.5678, 1]),
         ("round", [1, 11]), ("int", [-7.9]), ("int", ["12.7"]), ("int", ["x"]), ("string_length", ["Tuổi"]),
         ("string_length", [None]), ("regex", ["0912345678", "^0[0-9]{9}$"]), ("regex", ["abc", "^b"]),
         ("today", []), ("date", ["2026-02-28T10:00"]), ("date", ["2026-02-30"]), ("date", [7]),
         ("sqrt", [2]), ("sqrt", [-1]), ("pow", [2, 10]), ("pow", [0, -1]), ("log", [0]), ("log10", [1000]),
         ("exp", [1]), ("exp10", [-2]), ("abs", ["-3.5"]), ("atan2", [1, 1]), ("cos", [0]), ("pi", []),
         ("atan", ["x"])]


@pytest.fixture
def functions(make_version, make_campaign, make_unit, session):
    campaign = make_campaign("ham", units=[make_unit("AG-LX")], channels=("web", "paper"),
                             version=make_version(FUNCTIONS))
    session.commit()
    return campaign


def _python(name: str, args: list) -> str:
    values = tuple(Decimal(str(a)) if isinstance(a, (int, float)) and not isinstance(a, bool) else a for a in args)
    return text(VALUE_FUNCTIONS[name].compute(DictLookup({}, day=datetime.date(2026, 11, 17)), values))


def start(page, live_server: str) -> None:
    """The first page of the form, its scripts run (a deferred script runs after the click returns)."""
    page.goto(f"{live_server}/k/ham/AG-LX")
    page.get_by_role("button", name="Bắt đầu").click()
    page.wait_for_load_state()


def test_the_script_s_functions_give_what_the_server_s_give(live_server, android, functions):
    start(android, live_server)
    script = "cases => cases.map(([n, a]) => SurveyExpressions.text(SurveyExpressions.call(n, a, '2026-11-17')))"
    assert android.evaluate(script, CASES) == [_python(name, args) for name, args in CASES]


def test_an_answer_changes_what_is_asked_without_a_round_trip(live_server, android, functions, session, artifacts):
    start(android, live_server)
    pension, sms = android.locator('[data-q="pension"]'), android.locator('[data-q="sms"]')
    assert not pension.is_visible() and not sms.is_visible()
    requests = len(android.requested)
    android.fill("#age", "72")
    android.fill("#phone", "0912345678")
    assert pension.is_visible() and sms.is_visible()
    android.fill("#age", "45")
    android.fill("#phone", "091234")
    assert not pension.is_visible() and not sms.is_visible()
    assert len(android.requested) == requests
    android.fill("#age", "72")
    android.fill("#phone", "0912345678")
    check_phone_layout(android)
    android.screenshot(path=str(artifacts / "value-functions-js.png"), full_page=True)
    android.locator('label[for="pension-0"]').click()
    android.locator('label[for="sms-1"]').click()
    next_or_send(android).click()
    next_or_send(android).click()
    if android.get_by_role("button", name="Gửi phiếu").count():
        android.get_by_role("button", name="Gửi phiếu").click()
    assert android.locator("h1").inner_text() == "Cảm ơn ông/bà!"
    stored = {a.question_key: a.value for a in session.scalars(select(Response)).one().answers}
    assert stored == {"age": "72", "band": "older", "pension": "yes", "phone": "0912345678", "sms": "no"}


def test_without_javascript_the_server_reveals_what_an_answer_opened(live_server, android, functions):
    page = android.new_phone(javascript=False)
    start(page, live_server)
    assert not page.locator('[data-q="pension"]').is_visible()
    page.fill("#age", "72")
    page.fill("#phone", "0912345678")
    next_or_send(page).click()
    assert page.locator('[data-q="pension"]').is_visible() and page.locator('[data-q="sms"]').is_visible()
    check_phone_layout(page)


def test_the_keyer_s_boxes_follow_the_calculate_and_the_regex(live_server, browser, make_user, functions):
    make_user("lan", "surveyor", units=("AG-LX",))
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN", service_workers="block",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in(page, live_server, "/nhap-phieu/ham/AG-LX")
    page.fill("#q-age", "45")
    page.fill("#q-phone", "091234")
    assert not page.locator("#q-pension").is_enabled() and not page.locator("#q-sms").is_enabled()
    page.fill("#q-age", "61")
    page.fill("#q-phone", "0912345678")
    assert page.locator("#q-pension").is_enabled() and page.locator("#q-sms").is_enabled()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
