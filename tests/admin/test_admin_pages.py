"""The administration pages: users, creation, role and units, disabling, reset, audit log."""
import re

from sqlalchemy import func, select

from survey.accounts.models import AuditEntry, User
from tests.accounts.conftest import PASSWORD


def user_named(session, username: str) -> User:
    session.expire_all()
    return session.scalar(select(User).where(User.username == username))


def temporary_password(html: str) -> str:
    return re.search(r'<output class="secret"[^>]*>([^<]+)</output>', html).group(1)


def test_the_user_list_shows_role_scope_and_status(admin, make_user, session):
    make_user("hoa", "supervisor", units=["AG-LX"], full_name="Trần Thị Hoa")
    cu = make_user("cu", "surveyor")
    cu.active = False
    session.commit()
    assert admin.get("/quan-tri/nguoi-dung").status_code == 200
    text = admin.text()
    assert "hoa Trần Thị Hoa Vai trò: Giám sát viên Đơn vị phụ trách: AG-LX Trạng thái: Đang hoạt động" in text
    assert "cu Vai trò: Điều tra viên Đơn vị phụ trách: Chưa được giao đơn vị nào Trạng thái: Đã vô hiệu hoá" in text
    assert "quantri Lê Văn Quản Vai trò: Quản trị viên Đơn vị phụ trách: Toàn tỉnh" in text


def test_creating_a_user_shows_a_temporary_password_once(admin, new_browser, make_unit, session):
    make_unit("AG-LX"), make_unit("AG-CD")
    session.commit()
    admin.get("/quan-tri/tao-nguoi-dung")
    assert '<optgroup label="Huyện, thị xã, thành phố">' in admin.html
    response = admin.post("/quan-tri/tao-nguoi-dung", {"username": "hoa", "full_name": " Trần Thị Hoa ",
                                                       "role": "supervisor", "unit": ["AG-LX", "AG-CD", "AG-LX"]})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    password = temporary_password(admin.html)
    user = user_named(session, "hoa")
    assert user.full_name == "Trần Thị Hoa" and [u.code for u in user.units] == ["AG-CD", "AG-LX"]
    assert user.must_change_password and user.check_password(password)
    assert password not in admin.get("/quan-tri/nguoi-dung/hoa").get_data(as_text=True)
    hoa = new_browser()
    assert hoa.sign_in("hoa", password).location == "/tai-khoan/mat-khau"


def test_a_refused_creation_lists_every_problem_and_writes_nothing(admin, session):
    response = admin.post("/quan-tri/tao-nguoi-dung", {"username": "Hoa Trần", "full_name": "Hoa", "role": "boss"})
    assert response.status_code == 400
    assert "Tên đăng nhập “Hoa Trần”: 2–64 ký tự" in admin.text() and "Vai trò “boss” không nằm trong" in admin.text()
    assert 'value="Hoa Trần"' in admin.html  # what was typed is kept
    assert admin.post("/quan-tri/tao-nguoi-dung", {"username": "quantri", "role": "admin"}).status_code == 400
    assert "Người dùng “quantri” đã tồn tại" in admin.text()
    assert admin.post("/quan-tri/tao-nguoi-dung", {"username": "hoa", "role": "admin", "unit": "ZZ"}).status_code == 400
    assert "Không có đơn vị mã “ZZ”" in admin.text()
    assert session.scalar(select(func.count()).select_from(User)) == 1


def test_changing_role_and_units(admin, make_user, make_unit, session):
    make_user("hoa", "surveyor", units=["AG-LX"])
    make_unit("AG-CD")
    session.commit()
    admin.get("/quan-tri/nguoi-dung/hoa")
    assert '<option value="surveyor" selected>' in admin.html and '<option value="AG-LX" selected>' in admin.html
    response = admin.post("/quan-tri/nguoi-dung/hoa", {"role": "supervisor", "unit": ["AG-CD"]})
    assert response.location == "/quan-tri/nguoi-dung/hoa?saved=1"
    assert "Đã lưu thay đổi" in admin.get(response.location).get_data(as_text=True)
    user = user_named(session, "hoa")
    assert user.role == "supervisor" and [u.code for u in user.units] == ["AG-CD"]


def test_a_refused_change_keeps_the_form_and_changes_nothing(admin, make_user, session):
    make_user("hoa", "surveyor", units=["AG-LX"])
    response = admin.post("/quan-tri/nguoi-dung/hoa", {"role": "supervisor", "unit": ["AG-LX", "ZZ"]})
    assert response.status_code == 400 and "Không có đơn vị mã “ZZ”" in admin.text()
    assert '<option value="supervisor" selected>' in admin.html
    assert admin.post("/quan-tri/nguoi-dung/quantri", {"role": "analyst"}).status_code == 400
    assert "Không thể vô hiệu hoá hay hạ quyền tài khoản của chính mình" in admin.text()
    assert user_named(session, "hoa").role == "surveyor" and user_named(session, "quantri").role == "admin"


def test_disabling_asks_first_then_ends_the_sessions(admin, new_browser, make_user, session):
    make_user("hoa", "surveyor")
    hoa = new_browser()
    hoa.sign_in("hoa")
    admin.get("/quan-tri/nguoi-dung/hoa")
    assert 'href="/quan-tri/nguoi-dung/hoa/vo-hieu-hoa"' in admin.html
    admin.get("/quan-tri/nguoi-dung/hoa/vo-hieu-hoa")
    assert "Vô hiệu hoá tài khoản hoa?" in admin.text() and user_named(session, "hoa").active
    assert admin.post("/quan-tri/nguoi-dung/hoa/vo-hieu-hoa").location == "/quan-tri/nguoi-dung/hoa"
    assert not user_named(session, "hoa").active
    assert hoa.get("/tai-khoan").status_code == 302
    admin.get("/quan-tri/nguoi-dung/hoa")
    assert "Đã vô hiệu hoá" in admin.text() and "Kích hoạt lại" in admin.text()
    admin.post("/quan-tri/nguoi-dung/hoa/kich-hoat")
    assert user_named(session, "hoa").active and hoa.sign_in("hoa").status_code == 302


def test_an_admin_cannot_disable_themselves(admin, session):
    assert admin.post("/quan-tri/nguoi-dung/quantri/vo-hieu-hoa").status_code == 400
    assert "tài khoản của chính mình" in admin.text() and user_named(session, "quantri").active


def test_a_reset_asks_first_then_shows_a_new_temporary_password(admin, make_user, session):
    user = make_user("hoa", "surveyor")
    user.locked_until = func.now()
    session.commit()
    admin.get("/quan-tri/nguoi-dung/hoa/dat-lai-mat-khau")
    assert "Đặt lại mật khẩu của hoa?" in admin.text() and user_named(session, "hoa").check_password(PASSWORD)
    admin.post("/quan-tri/nguoi-dung/hoa/dat-lai-mat-khau")
    password = temporary_password(admin.html)
    user = user_named(session, "hoa")
    assert user.check_password(password) and user.must_change_password and user.locked_until is None


def test_the_audit_log_page(admin, make_user, session):
    make_user("hoa", "surveyor")
    admin.post("/quan-tri/nguoi-dung/hoa", {"role": "supervisor"})
    admin.post("/quan-tri/nguoi-dung/hoa/dat-lai-mat-khau")
    admin.get("/quan-tri/nhat-ky")
    text = admin.text()
    assert text.index("Đặt lại mật khẩu hoa") < text.index("Đổi vai trò hoa") < text.index("Tạo tài khoản hoa")
    assert "Người thực hiện: quantri Điều tra viên → Giám sát viên" in text
    assert "Người thực hiện: dòng lệnh Điều tra viên; —" in text
    assert "mật khẩu tạm thời" in text


def test_the_audit_log_pages_back(admin, make_user, session):
    user = make_user("hoa", "surveyor")
    for _ in range(105):
        session.add(AuditEntry(action="user_enabled", target=user, details={}))
    session.commit()
    admin.get("/quan-tri/nhat-ky")
    assert admin.html.count("<li><strong>") == 100
    older = re.search(r'href="(/quan-tri/nhat-ky\?truoc=\d+)"', admin.html).group(1)
    admin.get(older)
    assert admin.html.count("<li><strong>") == 7 and "truoc=" not in admin.html


def test_unknown_users_and_english(admin):
    assert admin.get("/quan-tri/nguoi-dung/ai-do").status_code == 404
    assert admin.get("/quan-tri/nguoi-dung/ai-do/vo-hieu-hoa").status_code == 404
    admin.get("/quan-tri/nguoi-dung?lang=en")
    assert "<h1>Users</h1>" in admin.html and "Administrator" in admin.html and "Whole province" in admin.html


def test_the_audit_log_names_what_an_action_was_on(admin, session):
    from survey.accounts.operations import audit

    audit(session, None, "campaign_opened", subject="đợt khảo sát sipas-2026")
    session.commit()
    admin.get("/quan-tri/nhat-ky")
    assert "Mở đợt khảo sát đợt khảo sát sipas-2026" in admin.text()
