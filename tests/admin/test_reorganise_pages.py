"""The reorganisation page: a dry run listing each row's record and the units it deactivates, then a
confirmation applying exactly that; bad files refused with every problem by row, nothing written."""
import html
import io
import re

from sqlalchemy import func, select

from survey.accounts.models import AuditEntry
from survey.units.models import Reorganisation, Unit

HEADER = "kind,old,new,effective_on\n"
MERGE = HEADER + "merge,MB ML,LX,2025-07-01\n"


def upload(browser, text: str):
    return browser.post("/quan-tri/don-vi/sap-xep", {"moves": (io.BytesIO(text.encode("utf-8")), "sap-xep.csv")})


def confirm(browser):
    fields = dict(re.findall(r'<input type="hidden" name="(csv|plan)" value="([^"]*)"', browser.html))
    return browser.post("/quan-tri/don-vi/sap-xep/xac-nhan", {k: html.unescape(v) for k, v in fields.items()})


def communes(session, make_unit):
    province = make_unit("AG", "province")
    for code in ("MB", "ML", "LX"):
        make_unit(code, "commune", parent=province)
    session.commit()


def records(session):
    return session.scalar(select(func.count()).select_from(Reorganisation))


def test_a_merge_is_checked_then_recorded(admin, session, make_unit):
    communes(session, make_unit)
    assert admin.get("/quan-tri/don-vi/sap-xep").status_code == 200 and "Chưa có lần sắp xếp lại nào" in admin.text()
    assert upload(admin, MERGE).status_code == 200
    assert "Nếu xác nhận: ghi 1 lần sắp xếp; 0 lần đã có từ trước" in admin.text()
    assert "2 Sáp nhập MB, ML LX 01/07/2025 MB, ML" in admin.text()
    assert records(session) == 0
    response = confirm(admin)
    assert response.status_code == 302 and response.location == "/quan-tri/don-vi/sap-xep?ghi=1"
    admin.get(response.location)
    assert "Đã ghi 1 lần sắp xếp lại." in admin.text() and "01/07/2025 Sáp nhập MB, ML LX" in admin.text()
    session.expire_all()
    assert records(session) == 1 and not session.scalar(select(Unit).where(Unit.code == "MB")).active
    assert session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()[-1] == "units_reorganised"


def test_a_bad_file_lists_every_problem_and_writes_nothing(admin, session, make_unit):
    communes(session, make_unit)
    response = upload(admin, HEADER + "merge,MB ZZ,LX,2025-07-01\n")
    assert response.status_code == 400
    assert "Dòng 2, cột old: không có đơn vị mã “ZZ” (hãy nhập danh sách đơn vị trước)" in admin.text()
    response = upload(admin, HEADER + "replace,MB,LX,2025-07-01\nreplace,LX,MB,2025-07-01\n")
    assert response.status_code == 400 and "Dòng 2: vòng lặp" in admin.text()
    assert records(session) == 0


def test_in_english(admin, session, make_unit):
    communes(session, make_unit)
    upload(admin, HEADER + "fuse,MB,LX,2025-07-01\n")
    admin.get("/quan-tri/don-vi/sap-xep?lang=en")
    upload(admin, HEADER + "fuse,MB,LX,2025-07-01\n")
    assert "row 2, kind: unknown kind 'fuse' (one of merge, split, replace)" in admin.text()


def test_a_changed_plan_is_shown_again(admin, session, make_unit):
    communes(session, make_unit)
    upload(admin, MERGE)
    fields = dict(re.findall(r'<input type="hidden" name="(csv|plan)" value="([^"]*)"', admin.html))
    session.scalar(select(Unit).where(Unit.code == "MB")).active = False
    session.commit()
    response = admin.post("/quan-tri/don-vi/sap-xep/xac-nhan", {k: html.unescape(v) for k, v in fields.items()})
    assert response.status_code == 409 and records(session) == 0
