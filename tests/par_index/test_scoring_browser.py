"""The scoring workflow walked in chromium at desktop size, without JavaScript and by the keyboard
(Enter on each button): the officer self-assesses with an evidence file (a value outside its rule
refused first), submits; Home Affairs appraises with a change (refused without a reason); the
officer answers; the department finalises. Then axe-core on every page of the workflow."""
import pytest
from sqlalchemy import select

from survey.accounts.models import AuditEntry
from survey.par_index.assessments import Assessment
from survey.par_index.scoring import save_self_assessment, submit
from tests.accounts.conftest import PASSWORD, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.browser.test_accessibility import AXE, violations
from tests.par_index.scoring_setup import sample_round

pytestmark = pytest.mark.browser
DESKTOP = {"width": 1366, "height": 768}
A_PDF = b"%PDF-1.4\n% ke hoach cai cach hanh chinh 2026\n"


@pytest.fixture
def scoring(session, make_unit, make_user):
    opened = sample_round(session, make_unit)
    make_user("can-bo-snv", "agency_officer", units=["AG-SNV"], full_name="Cán bộ Sở Nội vụ")
    make_user("noi-vu", "analyst")
    session.commit()
    return opened


@pytest.fixture
def desktop(browser):
    """`desktop(javascript)`: a new 1366 x 768 page of its own browser context (its own cookies)."""
    contexts = []

    def open_page(javascript: bool = False):
        context = browser.new_context(viewport=DESKTOP, locale="vi-VN", java_script_enabled=javascript,
                                      bypass_csp=javascript)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def sign_in(page, server, username):
    page.goto(f"{server}/dang-nhap")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    press(page, "main button[type=submit]")


def press(page, selector):
    """Focus the button and press Enter, as a keyboard user does."""
    page.focus(selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def main_text(page):
    return " ".join(page.inner_text("main").split())


def test_the_scoring_workflow_by_keyboard_without_javascript(scoring, live_server, desktop, session, artifacts):
    officer, office = desktop(), desktop()
    sign_in(officer, live_server, "can-bo-snv")
    officer.goto(f"{live_server}/cham-diem/")
    own = session.scalars(select(Assessment).join(Assessment.unit).where(Assessment.round_id == scoring.id)).all()
    own = next(found for found in own if found.unit.code == "AG-SNV")
    assert "Unit AG-STC" not in main_text(officer)
    with officer.expect_navigation():
        officer.click(f"main a[href$='/danh-gia/{own.id}']")
    officer.check("input[name=value_f1_1_1][value=yes]")
    officer.fill("#value_f1_1_2", "90")
    officer.select_option("#value_f1_4_1", "tot")
    officer.fill("#value_f1_3_1", "150")
    officer.fill("#note_f1_1_1", "Kế hoạch số 12/KH-SNV ngày 3/1/2026")
    officer.set_input_files("#file_f1_1_1", files=[{"name": "ke-hoach.pdf", "mimeType": "application/pdf",
                                                     "buffer": A_PDF}])
    press(officer, "form[action$='/luu'] button[type=submit]")
    refusal = officer.locator("#err-value_f1_3_1").inner_text()
    assert refusal == "“150” không hợp lệ: cần một tỷ lệ phần trăm từ 0 đến 100."
    assert officer.input_value("#value_f1_1_2") == "90"  # what was typed is kept
    officer.screenshot(path=artifacts / "scoring-refused.png", full_page=True)
    officer.fill("#value_f1_3_1", "25")
    officer.set_input_files("#file_f1_1_1", files=[{"name": "ke-hoach.pdf", "mimeType": "application/pdf",
                                                     "buffer": A_PDF}])
    press(officer, "form[action$='/luu'] button[type=submit]")
    assert "Đã lưu." in main_text(officer) and officer.locator("a[download]", has_text="ke-hoach.pdf").count() == 1
    press(officer, "form[action$='/gui'] button[type=submit]")
    assert "Đã gửi bản tự đánh giá để thẩm định." in main_text(officer)
    assert officer.locator("input[name=value_f1_1_1]").count() == 0  # read only now

    sign_in(office, live_server, "noi-vu")
    office.goto(f"{live_server}/cham-diem/dot/{scoring.id}")
    assert "Đã gửi, chờ thẩm định" in main_text(office)
    office.goto(f"{live_server}/cham-diem/danh-gia/{own.id}/tham-dinh")
    office.fill("#value_f1_1_2", "70")
    press(office, "main form button[type=submit]")
    assert office.locator("#err-reason_f1_1_2").inner_text() == "Hãy ghi lý do khi đổi điểm tự đánh giá."
    office.fill("#reason_f1_1_2", "Hai nhiệm vụ của kế hoạch chưa hoàn thành")
    press(office, "main form button[type=submit]")
    assert "Đã lưu kết quả thẩm định." in main_text(office)
    office.screenshot(path=artifacts / "scoring-appraised.png", full_page=True)

    officer.reload()
    assert "Hai nhiệm vụ của kế hoạch chưa hoàn thành" in main_text(officer) and "70 %" in main_text(officer)
    officer.fill("#answer", "Hai nhiệm vụ đã xong trong tháng 12, có biên bản kèm theo.")
    press(officer, "form[action$='/giai-trinh'] button[type=submit]")
    assert "Đã gửi giải trình." in main_text(officer) and officer.locator("#answer").count() == 0

    office.reload()
    press(office, "form[action$='/chot'] button[type=submit]")
    assert "Đã chốt kết quả." in main_text(office)
    session.expire_all()
    assert (own.status, own.answer) == ("final", "Hai nhiệm vụ đã xong trong tháng 12, có biên bản kèm theo.")
    actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-5:] == ["par_evidence_added", "par_submitted", "par_appraised", "par_answered", "par_finalised"]


def test_the_scoring_pages_have_no_axe_violation(scoring, live_server, desktop, session, artifacts):
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `bash scripts/install-axe` (make test does)")
    own, sent = (next(a for a in scoring.assessments if a.unit.code == code) for code in ("AG-SNV", "AG-STC"))
    save_self_assessment(session, None, sent, {"f1_1_1": ("yes", "")})
    submit(session, None, sent)
    session.commit()
    found = {}
    officer, office = desktop(javascript=True), desktop(javascript=True)
    sign_in(officer, live_server, "can-bo-snv")
    for path in ("/cham-diem/", f"/cham-diem/danh-gia/{own.id}"):
        officer.goto(live_server + path)
        found[path] = violations(officer)
    officer.fill("#value_f1_1_2", "abc")
    press(officer, "form[action$='/luu'] button[type=submit]")
    found["refused"] = violations(officer)
    sign_in(office, live_server, "noi-vu")
    for path in ("/cham-diem/", "/cham-diem/dot-moi", f"/cham-diem/dot/{scoring.id}", f"/cham-diem/danh-gia/{sent.id}",
                 f"/cham-diem/danh-gia/{sent.id}/tham-dinh"):
        office.goto(live_server + path)
        found[path] = violations(office)
    office.fill("#value_f1_1_2", "50")  # a change without its reason
    press(office, "main form button[type=submit]")
    found["appraisal refused"] = violations(office)
    assert {path: problems for path, problems in found.items() if problems} == {}
