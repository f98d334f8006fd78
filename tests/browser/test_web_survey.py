"""The web survey in Chromium on a 360 px Android phone, with and without JavaScript."""
from pathlib import Path

import pytest
from sqlalchemy import func, select

import forms
from survey.invitations.operations import create_invitations
from survey.responses.models import Response
from tests.public.conftest import first_choices
from tests.results.conftest import add_wards

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SIPAS = forms.load_definition((ROOT / "forms" / "sipas.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def sipas(make_version, make_campaign, make_unit, session):
    units = add_wards(session, make_unit("AG", "province"))
    version = make_version((ROOT / "forms" / "sipas.yaml").read_text(encoding="utf-8"))
    campaign = make_campaign("sipas-web", units=units, version=version)
    session.commit()
    return campaign


def fill_page(page, answers: dict) -> None:
    """Tap each answer's row (or type it) where the page shows the question."""
    for name, value in answers.items():
        question = SIPAS.question(name)
        if question.choices:
            for one in value if isinstance(value, list) else [value]:
                index = [choice.value for choice in question.choices].index(one)
                row = page.locator(f'label[for="{name}-{index}"]')
                if row.is_visible():
                    row.click()
        elif question.type == "unit" and page.locator(f"#{name}").is_visible():
            page.select_option(f"#{name}", value)
        elif page.locator(f"#{name}").is_visible():
            page.fill(f"#{name}", value)


def check_phone_layout(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"], page.url
    heights = page.evaluate("[...document.querySelectorAll('label.opt, button')].filter(e => e.getClientRects().length)"
                            ".map(e => e.getBoundingClientRect().height)")
    assert all(height >= 44 for height in heights), (page.url, min(heights))


def complete_sipas(page, live_server: str, artifacts: Path, prefix: str) -> list[str]:
    """Answer every page and send from the last one; the URLs of the pages loaded, in order."""
    loaded: list[str] = []
    page.on("load", lambda: loaded.append(page.url))
    page.goto(f"{live_server}/k/sipas-web/AG-PLX")
    page.screenshot(path=str(artifacts / f"{prefix}-00-start.png"), full_page=True)
    page.get_by_role("button", name="Bắt đầu").click()
    answered: dict = {}
    shots = 1
    while "/trang/" in page.url:
        section = SIPAS.section(page.url.split("/trang/")[1].split("?")[0].split("#")[0])
        answers = first_choices(SIPAS, section, answered)
        fill_page(page, answers)
        check_phone_layout(page)
        page.screenshot(path=str(artifacts / f"{prefix}-{shots:02d}-{section.name}.png"), full_page=True)
        shots += 1
        next_or_send(page).click()
        if "hien=" in page.url:  # no JavaScript: the page again, at the questions an answer revealed
            page.wait_for_load_state()  # the click returns once the URL has changed, maybe before a frame is drawn
            page.screenshot(path=str(artifacts / f"{prefix}-{shots:02d}-{section.name}-revealed.png"))
            shots += 1
            fill_page(page, first_choices(SIPAS, section, answered))
            next_or_send(page).click()
        answered |= answers
    assert page.locator("h1").inner_text() == "Cảm ơn ông/bà!"
    page.screenshot(path=str(artifacts / f"{prefix}-{shots:02d}-thanks.png"), full_page=True)
    return loaded


def next_or_send(page):
    return page.get_by_role("button", name="Tiếp theo").or_(page.get_by_role("button", name="Gửi phiếu"))


def test_the_sipas_questionnaire_end_to_end_on_a_phone(live_server, android, sipas, session, artifacts):
    complete_sipas(android, live_server, artifacts, "js")
    assert all(url.startswith(live_server) for url in android.requested)
    assert session.scalar(select(func.count()).select_from(Response)) == 1


def test_the_same_without_javascript(live_server, android, sipas, session, artifacts):
    page = android.new_phone(javascript=False)
    complete_sipas(page, live_server, artifacts, "nojs")
    response = session.scalar(select(Response))
    assert response.device_class == "phone" and len(response.page_seconds) == 9


def test_errors_are_summarised_and_linked_to_their_questions(live_server, android, sipas, artifacts):
    android.goto(f"{live_server}/k/sipas-web/AG-PLX")
    android.get_by_role("button", name="Bắt đầu").click()
    android.get_by_role("button", name="Tiếp theo").click()
    summary = android.get_by_role("alert")
    assert "Vui lòng sửa 4 lỗi" in summary.inner_text()
    android.screenshot(path=str(artifacts / "errors.png"), full_page=True)
    summary.get_by_role("link").first.click()
    assert android.url.endswith("#doi_tuong-0")
    assert android.locator("#doi_tuong-0").get_attribute("aria-describedby") == "doi_tuong-error"


def test_leave_and_come_back_on_another_phone_with_the_code(live_server, android, sipas, artifacts):
    android.goto(f"{live_server}/k/sipas-web/AG-PCD")
    android.get_by_role("button", name="Bắt đầu").click()
    first = first_choices(SIPAS, SIPAS.sections[0], {})
    fill_page(android, first)
    android.get_by_role("button", name="Tiếp theo").click()
    assert "Trang 2/9" in android.inner_text("main")
    code = android.locator(".resume .code").inner_text()
    other = android.new_phone()
    other.goto(f"{live_server}/tiep-tuc")
    other.get_by_label("Mã tiếp tục").fill(code.lower())
    other.get_by_role("button", name="Tiếp tục").click()
    assert other.url.endswith("/trang/tiep_can") and "Trang 2/9" in other.inner_text("main")
    other.screenshot(path=str(artifacts / "resumed.png"), full_page=True)
    other.get_by_role("button", name="Quay lại").click()
    assert other.locator("#da_nhan_ket_qua-0").is_checked()


def test_a_used_invitation_shows_a_polite_page(live_server, android, sipas, session, artifacts):
    from survey import clock

    token = create_invitations(session, sipas, sipas.units[0].unit, ["HS-2026-0001"], None, clock.now())[0].token
    session.commit()
    android.goto(f"{live_server}/i/{token}")
    assert "HS-2026-0001" in android.inner_text("main")
    android.get_by_role("button", name="Bắt đầu").click()
    fill_page(android, {"doi_tuong": "ca_nhan", "linh_vuc": "dat_dai", "hinh_thuc_nop": "truc_tiep",
                        "da_nhan_ket_qua": "no"})
    android.get_by_role("button", name="Tiếp theo").click()
    assert android.url.endswith("/xem-lai")  # the answer ended the survey: its note was shown in place
    android.get_by_role("button", name="Gửi phiếu").click()
    assert android.locator("h1").inner_text() == "Cảm ơn ông/bà!"
    again = android.new_phone()
    again.goto(f"{live_server}/i/{token}")
    assert again.locator("h1").inner_text() == "Đường dẫn này đã được sử dụng"
    again.screenshot(path=str(artifacts / "used-token.png"), full_page=True)
    assert session.scalar(select(func.count()).select_from(Response)) == 1
