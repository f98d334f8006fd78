"""axe-core finds no violation, of any impact, on one page of every page type, on a 360 px phone and a
1366 px desktop: the citizen's pages (walked through the SIPAS form), then every staff page signed
in as an administrator, with the records of tests/security/test_safe_methods in their URLs.

axe-core is installed by scripts/install-axe (`make test` runs it) into .cache/axe, never a CDN."""
from pathlib import Path

import pytest
from playwright.sync_api import Page

from survey import clock
from survey.responses.operations import record_response
from tests.accounts.conftest import PASSWORD, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.browser.test_web_survey import SIPAS, fill_page, next_or_send, sipas  # noqa: F401 (a fixture)
from tests.public.conftest import first_choices
from tests.results.conftest import empty_sipas_campaign, sipas_campaign  # noqa: F401 (fixtures)
from tests.security.test_safe_methods import records  # noqa: F401 (a fixture)
from tests.surveyor.conftest import GOOD, keyer, paper_campaign  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[2] / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SCREENS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1366, "height": 768}}
RUN_AXE = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map(
    v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)"""


@pytest.fixture(params=list(SCREENS))
def screen(request, browser):
    """A page of one screen size; the site's Content-Security-Policy is bypassed for axe's inline script only."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `bash scripts/install-axe` (make test does)")
    context = browser.new_context(viewport=SCREENS[request.param], locale="vi-VN", bypass_csp=True,
                                  is_mobile=request.param == "phone", has_touch=request.param == "phone")
    page = context.new_page()
    page.label = request.param
    yield page
    context.close()


def violations(page: Page) -> list[str]:
    """axe's violations of the page as it is now: rule id, impact and the elements concerned."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(RUN_AXE)


def check(page: Page, found: dict, artifacts: Path, name: str) -> None:
    """Note the violations of the page open now under its URL path, and keep a screenshot of it."""
    page.screenshot(path=str(artifacts / f"{page.label}-{name}.png"), full_page=True)
    if problems := violations(page):
        found[page.url.split("/", 3)[-1]] = problems


def visit(page: Page, url: str, found: dict, artifacts: Path, name: str) -> None:
    response = page.goto(url)
    assert response.status == 200, url
    check(page, found, artifacts, name)


def test_axe_runs_and_reports_what_it_finds(screen):
    screen.set_content('<html lang="vi"><title>t</title><main><h1>t</h1><img src="data:,"></main></html>')
    assert violations(screen) == ["image-alt (critical): img"]


def answer_every_page(page: Page, found: dict, artifacts: Path) -> None:
    """Check each page of the SIPAS form, first unanswered (with its errors), then answered, up to the last."""
    answered: dict = {}
    while page.get_by_role("button", name="Tiếp theo").count():
        section = SIPAS.section(page.url.split("/trang/")[1].split("?")[0].split("#")[0])
        check(page, found, artifacts, f"page-{section.name}")
        answers = first_choices(SIPAS, section, answered)
        fill_page(page, answers)
        next_or_send(page).click()
        if "hien=" in page.url or page.locator(".error").count():
            check(page, found, artifacts, f"page-{section.name}-again")
            fill_page(page, first_choices(SIPAS, section, answered))
            next_or_send(page).click()
        answered |= answers
    fill_page(page, first_choices(SIPAS, SIPAS.section(page.url.split("/trang/")[1].split("?")[0]), answered))


def test_the_citizen_pages_have_no_violation(live_server, screen, sipas, artifacts):
    found: dict = {}
    visit(screen, f"{live_server}/", found, artifacts, "index")
    screen.locator("summary").first.click()
    check(screen, found, artifacts, "index-open")
    visit(screen, f"{live_server}/tiep-tuc", found, artifacts, "resume")
    visit(screen, f"{live_server}/k/sipas-web/AG-PLX", found, artifacts, "start")
    screen.get_by_role("button", name="Bắt đầu").click()
    screen.get_by_role("button", name="Tiếp theo").click()  # nothing answered: the page with its errors
    check(screen, found, artifacts, "page-errors")
    answer_every_page(screen, found, artifacts)
    check(screen, found, artifacts, "page-last")
    screen.get_by_role("button", name="Xem lại").click()
    check(screen, found, artifacts, "review")
    screen.get_by_role("button", name="Gửi phiếu").click()
    assert screen.locator("h1").inner_text() == "Cảm ơn ông/bà!"
    check(screen, found, artifacts, "thanks")
    assert found == {}


STAFF_PAGES = {
    "surveyor-entry": "/nhap-phieu/dot-mot/AG-LX", "surveyor-choose": "/nhap-phieu",
    "reconciliation": "/doi-chieu", "reconciliation-serial": "/doi-chieu/giay-2027/S-5",
    "supervisor-home": "/giam-sat/", "supervisor-progress": "/giam-sat/sipas-test",
    "supervisor-exclusions": "/giam-sat/nhat-ky-loai-tru",
    "supervisor-flags": "/giam-sat/dot-mot/chat-luong", "supervisor-response": "/giam-sat/phieu/{response}",
    "analyst-index": "/phan-tich/", "analyst-results": "/phan-tich/sipas-test?by=district",
    "analyst-frequencies": "/phan-tich/sipas-test/tan-so?question=hl_chung&by=unit",
    "analyst-reports": "/phan-tich/bao-cao",
    "analyst-exports": "/phan-tich/xuat-du-lieu",
    "admin-users": "/quan-tri/nguoi-dung", "admin-user": "/quan-tri/nguoi-dung/muc-tieu",
    "admin-units": "/quan-tri/don-vi", "admin-campaigns": "/quan-tri/dot-khao-sat",
    "admin-campaign": "/quan-tri/dot-khao-sat/dot-mot", "admin-questionnaires": "/quan-tri/bang-hoi",
    "admin-draft": "/quan-tri/bang-hoi/{questionnaire}/ban-nhap", "admin-webhooks": "/quan-tri/webhook",
    "admin-webhook": "/quan-tri/webhook/{webhook}", "admin-api-tokens": "/quan-tri/khoa-api",
    "admin-new-user": "/quan-tri/tao-nguoi-dung", "admin-new-campaign": "/quan-tri/dot-khao-sat/tao",
    "admin-invitations": "/quan-tri/dot-khao-sat/dot-mot/thu-moi", "admin-upload": "/quan-tri/bang-hoi/tai-len",
    "admin-units-import": "/quan-tri/don-vi/nhap", "admin-audit": "/quan-tri/nhat-ky",
    "account": "/tai-khoan", "password": "/tai-khoan/mat-khau",
    "print": "/in-phieu/dot-mot/AG-LX", "poster": "/k/dot-mot/AG-LX/ap-phich",
}


@pytest.fixture
def discrepancy(paper_campaign, keyer):
    """Serial S-5 of a double-entry campaign keyed twice with two different answers."""
    campaign = paper_campaign(double_entry=True)
    keyer("lan").key(campaign, "S-5")
    keyer("minh").key(campaign, "S-5", {**GOOD, "overall": "5", "helps": "1"})


def test_the_staff_pages_have_no_violation(live_server, screen, records, discrepancy, sipas_campaign, session,
                                           make_submission, artifacts):
    campaign = records[0]
    response, _ = record_response(session, make_submission(campaign), clock.today())
    session.commit()
    found: dict = {}
    visit(screen, f"{live_server}/dang-nhap", found, artifacts, "sign-in")
    screen.fill("#username", "quantri")
    screen.fill("#password", PASSWORD)
    screen.click("main button[type=submit]")
    values = {"response": response.id, "questionnaire": campaign.questionnaire_version.questionnaire.slug,
              "webhook": records[1]["subscription_id"]}
    for name, path in STAFF_PAGES.items():
        visit(screen, live_server + path.format(**values), found, artifacts, name)
    visit(screen, f"{live_server}/phan-tich/bao-cao", found, artifacts, "analyst-reports")
    screen.locator("main form button[type=submit]").first.click()  # the default values: a report
    check(screen, found, artifacts, "analyst-report")
    assert found == {}
    # the report fits the screen: a wide table scrolls in its own region, never the page
    assert screen.evaluate("document.documentElement.scrollWidth") <= screen.viewport_size["width"]
