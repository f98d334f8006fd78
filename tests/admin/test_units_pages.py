"""The unit pages: the hierarchy, import from CSV (dry run, then a confirmation applying exactly what
was shown), bad files with the row of every problem, deactivation and reactivation with the audit log."""
import html
import io
import re

import pytest
from sqlalchemy import func, select

from survey.accounts.models import AuditEntry
from survey.responses.operations import record_response
from survey.units.models import Unit
from tests.admin.test_campaigns_pages import post_multipart

HEADER = "code,name,level,name_en,parent_code,active\n"
PROVINCE = "AG,Tỉnh An Giang,province,An Giang Province,,\n"
FIRST = HEADER + PROVINCE + (
    "AG-LX,Thành phố Long Xuyên,district,,AG,\n"
    "AG-CD,Thành phố Châu Đốc,district,,AG,\n"
    "AG-LX-MB,Phường Mỹ Bình,commune,,AG-LX,\n"
    "AG-SNV,Sở Nội vụ,department,Department of Home Affairs,AG,\n")


def upload(browser, text: str | bytes, filename: str = "don-vi.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return browser.post("/quan-tri/don-vi/nhap", {"units": (io.BytesIO(data), filename)})


def confirm(browser):
    """Post the dry run page's confirmation form as it stands."""
    fields = dict(re.findall(r'<input type="hidden" name="(csv|plan)" value="([^"]*)"', browser.html))
    return browser.post("/quan-tri/don-vi/nhap/xac-nhan", {k: html.unescape(v) for k, v in fields.items()})


def units(session) -> dict[str, tuple]:
    session.expire_all()
    return {u.code: (u.name, u.parent.code if u.parent else None, u.active) for u in session.scalars(select(Unit))}


def actions(session) -> list[tuple[str, str]]:
    entries = session.scalars(select(AuditEntry).where(AuditEntry.action.like("unit%")).order_by(AuditEntry.id))
    return [(e.action, e.subject) for e in entries]


def test_importing_units_shows_a_dry_run_then_applies_it(admin, session):
    assert admin.get("/quan-tri/don-vi").status_code == 200 and "Chưa có đơn vị nào" in admin.text()
    assert upload(admin, FIRST).status_code == 200
    assert "Nếu xác nhận: 5 thay đổi; 0 đơn vị giữ nguyên" in admin.text()
    assert "2 AG Đơn vị mới — Tỉnh An Giang (province, -)" in admin.text()
    assert units(session) == {}  # the dry run writes nothing
    response = confirm(admin)
    assert response.status_code == 302 and response.location == "/quan-tri/don-vi?tao=5&sua=0"
    assert units(session)["AG-LX-MB"] == ("Phường Mỹ Bình", "AG-LX", True)
    admin.get(response.location)
    assert "Đã nhập: 5 đơn vị mới, 0 đơn vị được cập nhật" in admin.text()
    assert "Tỉnh An Giang AG Tỉnh Ngừng sử dụng Thành phố Châu Đốc AG-CD" in admin.text()
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "units_imported")).one()
    assert entry.subject == "units" and entry.details["created"] == 5


def test_the_dry_run_names_renamed_moved_and_deactivated_units(admin, session):
    upload(admin, FIRST), confirm(admin)
    second = HEADER + PROVINCE + ("AG-LX,Thành phố Long Xuyên,district,,AG,no\n"
                                  "AG-LX-MB,Phường Mỹ Bình mới,commune,,AG-CD,\n")
    upload(admin, second)
    text = admin.text()
    assert "3 AG-LX Ngừng sử dụng" in text
    assert "4 AG-LX-MB Đổi tên Phường Mỹ Bình Phường Mỹ Bình mới" in text
    assert "4 AG-LX-MB Đổi đơn vị cấp trên AG-LX AG-CD" in text
    assert confirm(admin).status_code == 302
    assert units(session)["AG-LX"][2] is False and units(session)["AG-LX-MB"][:2] == ("Phường Mỹ Bình mới", "AG-CD")
    upload(admin, HEADER + PROVINCE + "AG-LX,Thành phố Long Xuyên,district,,AG,yes\n")
    assert "3 AG-LX Sử dụng lại" in admin.text()


def test_a_confirmation_after_the_units_changed_shows_the_new_dry_run(admin, session):
    upload(admin, FIRST)
    session.add(Unit(code="AG", name="Khác", level="province"))
    session.commit()
    assert confirm(admin).status_code == 409
    assert "đã thay đổi kể từ lần kiểm tra trước" in admin.text() and "AG Đổi tên Khác Tỉnh An Giang" in admin.text()
    assert units(session) == {"AG": ("Khác", None, True)}


@pytest.mark.parametrize("filename, content, status, message", [
    ("don-vi.xlsx", b"PK\x03\x04", 400, "không phải tệp .csv hay .txt"),
    ("don-vi.csv", b"", 400, "Tệp “don-vi.csv” trống"),
    ("don-vi.csv", b"\x89PNG\r\n\x1a\n\x00\x00", 400, "không phải là văn bản"),
    ("don-vi.csv", "code,name,level\nAG-LX,Long Xuyên,district\n".encode("cp1258"), 400, "không mã hoá UTF-8"),
    ("don-vi.csv", b"ma,ten,cap\nAG,An Giang,province\n", 400, "Dòng 1: thiếu cột “code”"),
    ("don-vi.csv", (HEADER + 'AG,"' + "x" * 200_000 + '",province,,,\n').encode(), 400,
     "Dòng 2: không đọc được tệp CSV (field larger than field limit"),
    ("don-vi.csv",
     (HEADER + PROVINCE + "AG-LX,Long Xuyên,district,,AG-XX,\nAG-CD,Châu Đốc,district,,AG-LX,\n").encode(), 400,
     "Dòng 3, cột parent_code: không có đơn vị mã “AG-XX” trong tệp hay trong hệ thống"),
])
def test_a_bad_file_is_refused_with_every_problem(admin, session, filename, content, status, message):
    assert upload(admin, content, filename).status_code == status
    assert message in admin.text() and 'name="units"' in admin.html
    assert units(session) == {}


BAD = HEADER + PROVINCE + "AG-LX,Long Xuyên,district,,AG-XX,\nAG-CD,,town,,AG,maybe\n"


def test_every_problem_of_a_file_is_listed_with_its_row(admin, session):
    assert upload(admin, BAD).status_code == 400
    text = admin.text()
    for problem in ("Dòng 4, cột name: chưa nhập giá trị", "Dòng 4, cột level: không có cấp “town” (phải là một "
                    "trong: province, department, district, commune)",
                    "Dòng 4, cột active: “maybe” không phải là “có” hay “không” (yes/no)"):
        assert problem in text
    assert "row 4" not in text
    upload(admin, HEADER + PROVINCE + "AG-LX,Long Xuyên,district,,AG,\nAG,Lại,province,,,\n")
    assert "Dòng 4, cột code: mã “AG” trùng với dòng 2" in admin.text()


def test_the_problems_of_a_file_are_in_english_on_english_pages(admin, session):
    admin.get("/quan-tri/don-vi?lang=en")
    assert upload(admin, BAD).status_code == 400
    text = admin.text()
    for problem in ("row 4, name: a value is required",
                    "row 4, level: unknown level 'town' (one of province, department, district, commune)",
                    "row 4, active: 'maybe' is not yes or no"):
        assert problem in text
    assert "Dòng" not in text
    upload(admin, HEADER + PROVINCE + "AG-LX,Long Xuyên,district,,AG-XX,\nAG,Lại,province,,,\n")
    assert "row 4, code: 'AG' repeats row 2" in admin.text()
    assert "row 3, parent_code: unknown unit 'AG-XX'" in admin.text()


def test_a_ten_megabyte_file_and_a_missing_file_are_refused(admin, session):
    big = (HEADER + "AG,An Giang,province,,,\n" * (10 * 1024 * 1024 // 24)).encode()
    assert post_multipart(admin, "/quan-tri/don-vi/nhap", {"units": (big, "don-vi.csv")}).status_code == 413
    assert admin.post("/quan-tri/don-vi/nhap", {}).status_code == 400 and "Chọn một tệp" in admin.text()
    assert admin.post("/quan-tri/don-vi/nhap/xac-nhan", {"csv": "", "plan": "x"}).status_code == 400
    assert units(session) == {}


def test_deactivating_a_unit_with_responses_keeps_it(admin, make_unit, make_campaign, make_submission, session, today):
    district = make_unit("AG-LX", "district", "Long Xuyên")
    campaign = make_campaign("sipas-2026", units=[district])
    record_response(session, make_submission(campaign), today)
    session.commit()
    assert admin.get("/quan-tri/don-vi/AG-LX/ngung-su-dung").status_code == 200
    assert "Ngừng sử dụng “Long Xuyên”?" in admin.text() and "Số phiếu trả lời của đơn vị: 1" in admin.text()
    assert "Campaign sipas-2026" in admin.text()
    assert admin.post("/quan-tri/don-vi/AG-LX/ngung-su-dung").status_code == 302
    assert units(session)["AG-LX"][2] is False
    assert admin.post("/quan-tri/don-vi/AG-LX/ngung-su-dung").status_code == 400
    assert "Đơn vị “AG-LX” đã ngừng sử dụng từ trước" in admin.text()
    admin.get("/quan-tri/dot-khao-sat/tao")
    assert 'value="AG-LX"' not in admin.html  # not offered for a new campaign
    assert admin.post("/quan-tri/don-vi/AG-LX/su-dung-lai").status_code == 302 and units(session)["AG-LX"][2]
    assert actions(session) == [("unit_deactivated", "unit AG-LX"), ("unit_reactivated", "unit AG-LX")]
    assert admin.get("/quan-tri/don-vi/AG-XX/ngung-su-dung").status_code == 404


def test_non_administrators_are_refused(staff, make_user, session):
    make_user("phantich", "analyst")
    staff.sign_in("phantich")
    assert staff.get("/quan-tri/don-vi").status_code == 403
    assert staff.post("/quan-tri/don-vi/nhap", {"units": (io.BytesIO(FIRST.encode()), "don-vi.csv")}).status_code == 403
    assert session.scalar(select(func.count()).select_from(Unit)) == 0


def test_a_user_scoped_to_a_deactivated_unit_keeps_it_when_the_form_is_saved(admin, make_user, session):
    hoa = make_user("hoa", "supervisor", units=["AG-LX"])
    admin.post("/quan-tri/don-vi/AG-LX/ngung-su-dung")
    admin.get("/quan-tri/nguoi-dung/hoa")
    assert '<option value="AG-LX" selected>' in admin.html
    assert admin.post("/quan-tri/nguoi-dung/hoa", {"role": "supervisor", "unit": ["AG-LX"]}).status_code == 302
    session.expire_all()
    assert [unit.code for unit in hoa.units] == ["AG-LX"]
    admin.get("/quan-tri/tao-nguoi-dung")
    assert 'value="AG-LX"' not in admin.html  # not offered to new accounts
