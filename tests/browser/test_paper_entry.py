"""A SIPAS paper form keyed in chromium with the keyboard only: the serial, then each question's
code and Enter; the questions the routing skips are passed over by entry.js; nothing is refused
by the Content-Security-Policy; the response stored is what was on paper."""
from pathlib import Path

import pytest
from sqlalchemy import select

import forms
from survey.entries.codes import to_stored
from survey.questionnaires.queries import version_definition
from survey.responses.models import Response
from tests.accounts.conftest import PASSWORD, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.results.conftest import add_wards

pytestmark = pytest.mark.browser
SIPAS = Path(__file__).resolve().parents[2] / "forms" / "sipas.yaml"

PAPER = {  # what is circled or written on the paper form, as codes (questions the routing skips are absent)
    "doi_tuong": "1", "linh_vuc": "1", "ten_thu_tuc": "Cấp sổ đỏ", "hinh_thuc_nop": "1", "da_nhan_ket_qua": "1",
    "tc_1": "1", "tc_2": "1", "tc_3": "2", "tc_4": "1", "hl_tc": "4",
    "tt_1": "1", "tt_2": "1", "tt_3": "1", "tt_4": "2", "tt_5": "1", "tt_di_lai": "1", "tt_so_lan_di_lai": "2",
    "hl_tt": "9", "cc_1": "1", "cc_2": "1", "cc_3": "2", "cc_4": "1", "cc_5": "1", "hl_cc": "5",
    "kq_1": "1", "kq_2": "1", "kq_3": "1", "kq_4": "2", "hl_kq": "4", "gy_1": "1", "gy_co_gop_y": "2",
    "hl_chung": "4", "kv_cai_thien": "4 1", "kv_y_kien": "", "gioi_tinh": "2", "nhom_tuoi": "3", "hoc_van": "4",
    "dan_toc": "1", "nghe_nghiep": "5", "xa_cu_tru": "AG-PLX", "cap_co_quan": "2",
}


@pytest.fixture
def sipas_campaign(session, make_campaign, make_unit, make_version):
    version = make_version(SIPAS.read_text(encoding="utf-8"))
    campaign = make_campaign("sipas-giay", units=add_wards(session, make_unit("AG", "province"))[:1], version=version)
    session.commit()
    return campaign


def keyed_answers(definition: forms.Definition) -> dict[str, str]:
    stored = {q.name: to_stored(q, PAPER.get(q.name))[0] for q in definition.questions if q.kind.has_answer}
    return {key: value for key, value in forms.effective_answers(definition, stored).items() if value is not None}


def test_a_sipas_paper_form_is_keyed_with_the_keyboard_only(session, make_user, sipas_campaign, live_server,
                                                            browser, artifacts):
    make_user("lan", "surveyor", units=("AG-PLX",))
    context = browser.new_context(viewport={"width": 1024, "height": 800}, locale="vi-VN")
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{live_server}/dang-nhap")
    page.fill("#username", "lan")
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(f"{live_server}/nhap-phieu/sipas-giay/AG-PLX")

    assert page.evaluate("document.activeElement.id") == "serial"
    page.keyboard.type("AG-0042")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "q-doi_tuong"
    for key in PAPER:  # in form order
        assert page.evaluate("document.activeElement.id") == f"q-{key}", key
        page.keyboard.type(PAPER[key])
        if key == "hinh_thuc_nop":
            assert page.locator("#q-den_mot_cua").is_disabled()  # handed in at the desk: not asked
            assert page.locator("#chosen-hinh_thuc_nop").inner_text() != ""
        if key == "hl_tt":
            assert page.locator("#chosen-hl_tt").inner_text() == "Không biết / không áp dụng"
        if key == "kv_cai_thien":
            page.screenshot(path=artifacts / "keying.png")
        page.keyboard.press("Enter")  # after the last question, Enter sends the form

    assert page.evaluate("document.activeElement.id") == "serial"  # ready for the next form at once
    page.wait_for_function("() => document.getElementById('offline-note').textContent === 'Phiếu số AG-0042 đã lưu.'")
    assert page.inner_text("#keyed-count") == "Hôm nay bạn đã nhập 1 phiếu của đợt này."
    page.screenshot(path=artifacts / "stored.png", full_page=True)
    session.expire_all()
    [response] = session.scalars(select(Response)).all()
    definition = version_definition(sipas_campaign.questionnaire_version)
    assert {a.question_key: a.value for a in response.answers} == keyed_answers(definition)
    assert response.paper_serial == "AG-0042" and response.started_at < response.submitted_at
    assert console == []
    context.close()


def test_without_javascript_tab_moves_and_the_server_checks(session, make_user, sipas_campaign, live_server,
                                                            browser):
    make_user("lan", "surveyor", units=("AG-PLX",))
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server}/dang-nhap")
    page.fill("#username", "lan")
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(f"{live_server}/nhap-phieu/sipas-giay/AG-PLX")
    page.wait_for_function("document.activeElement.id === 'serial'")  # autofocus, no script needed
    page.keyboard.type("AG-0043")
    for code in ("1", "1"):  # doi_tuong, linh_vuc
        page.keyboard.press("Tab")
        page.keyboard.type(code)
    assert page.evaluate("document.activeElement.id") == "q-linh_vuc"
    with page.expect_navigation():
        page.keyboard.press("Enter")  # without the script, Enter sends the form as it is
    assert "Phiếu chưa lưu" in page.locator("#problems").inner_text()
    assert page.input_value("#serial") == "AG-0043" and page.input_value("#q-linh_vuc") == "1"
    assert page.locator("#err-hinh_thuc_nop").inner_text() == "Vui lòng trả lời câu hỏi này."
    session.expire_all()
    assert session.scalars(select(Response)).all() == []
    context.close()
