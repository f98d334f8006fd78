"""The questionnaire pages: list with versions, upload to the draft, previews, publication, downloads."""
import io
import re
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import FileStorage
from werkzeug.test import stream_encode_multipart

import forms
from survey.accounts.models import AuditEntry
from survey.admin.questionnaires import views as pages
from survey.questionnaires.models import Questionnaire, QuestionnaireVersion
from survey.questionnaires.operations import publish
from tests.conftest import SMALL_FORM
from tests.public.conftest import forget_csrf_token

SIPAS = Path(forms.__file__).parent / "sipas.yaml"
CHANGED_FORM = SMALL_FORM.replace('"Hài lòng chung"', '"Mức hài lòng chung"').replace(
    "      - name: why\n", "      - {name: again, type: yes_no, label: {vi: \"Quay lại?\", en: \"Again?\"}}\n"
                          "      - name: why\n")


def upload(browser, text: str | bytes, filename: str = "small.yaml"):
    """Post the file as a browser does. The body is encoded here, in memory: the test client would
    spool a large one to a temporary file that it never closes."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    fields = {"csrf_token": browser.csrf_token(), "definition": FileStorage(io.BytesIO(data), filename)}
    body, _, boundary = stream_encode_multipart(fields, use_tempfile=False)
    forget_csrf_token()
    response = browser.client.post("/quan-tri/bang-hoi/tai-len", data=body.getvalue(),
                                   content_type=f'multipart/form-data; boundary="{boundary}"')
    browser.html = response.get_data(as_text=True)
    return response


def count(session, model) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model))


def audit_actions(session) -> list[tuple[str, str]]:
    """(action, subject) of the audit entries about questionnaires (accounts made by the fixtures left out)."""
    session.expire_all()
    about = select(AuditEntry).where(AuditEntry.action.like("questionnaire%")).order_by(AuditEntry.id)
    entries = session.scalars(about)
    return [(e.action, e.subject) for e in entries]


def test_the_list_shows_each_version_with_its_hash_questions_and_campaigns(admin, make_version, make_campaign,
                                                                            session):
    version = make_version()
    make_campaign("dot-1", version=version), make_campaign("dot-2", version=version)
    session.commit()
    assert admin.get("/quan-tri/bang-hoi").status_code == 200
    row = re.search(r"<tr role=\"row\"><th scope=\"row\" role=\"rowheader\">v1</th>.*?</tr>", admin.html,
                    re.S).group(0)
    # Each cell names its column for the stacked layout of a phone (read by no screen reader).
    cells = re.findall(r"<td role=\"cell\"><span class=\"cell-label\" aria-hidden=\"true\">.*?</span>(.*?)</td>",
                       row, re.S)
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", cells[0])
    assert version.content_hash in cells[1] and cells[2:4] == ["4", "2"]
    assert 'href="/quan-tri/bang-hoi/small/phien-ban/1.yaml"' in row
    assert "Phiếu nhỏ small Bản nháp: Trùng với phiên bản 1 đã công bố." in admin.text()


def test_an_empty_list_invites_an_upload(admin):
    admin.get("/quan-tri/bang-hoi")
    assert "Chưa có bảng hỏi nào" in admin.text() and 'href="/quan-tri/bang-hoi/tai-len"' in admin.html


def test_a_valid_upload_becomes_the_draft_and_nothing_is_published(admin, session):
    assert admin.get("/quan-tri/bang-hoi/tai-len").status_code == 200
    assert 'enctype="multipart/form-data"' in admin.html and 'accept=".yaml,.yml,.xlsx,.xls"' in admin.html
    response = upload(admin, SMALL_FORM)
    assert response.status_code == 200
    assert "Đã lưu “small.yaml” thành bản nháp của small" in admin.text()
    assert "Chưa công bố: khác với mọi phiên bản đã công bố" in admin.text()
    stored = session.scalar(select(Questionnaire))
    assert forms.definition_from_dict(stored.draft) == forms.load_definition(SMALL_FORM)
    assert count(session, QuestionnaireVersion) == 0
    assert audit_actions(session) == [("questionnaire_imported", "questionnaire small")]


def test_a_definition_with_twenty_errors_lists_all_twenty_and_stores_nothing(admin, session):
    questions = "".join(f"      - {{name: q{i}, type: typ{i}, label: {{vi: \"Câu {i}\", en: \"Q{i}\"}}}}\n"
                        for i in range(20))
    text = ("form: {id: broken, title: {vi: Hỏng, en: Broken}, languages: [vi, en]}\n"
            "sections:\n  - name: main\n    title: {vi: Chính, en: Main}\n    questions:\n" + questions)
    assert upload(admin, text, "broken.yml").status_code == 400
    assert "20 lỗi trong “broken.yml”; chưa có gì được lưu" in admin.text()
    rows = re.findall(r"<tr><td>—</td><td>(\d+)</td><td><code>([^<]+)</code></td>\s*<td><code>([a-z_]+)</code></td>"
                      r"<td><code>([^<]+)</code></td>", admin.html)
    assert len(rows) == 20
    assert rows[0] == ("6", "sections[0].questions[0].type", "unknown_type", "typ0")
    assert rows[19] == ("25", "sections[0].questions[19].type", "unknown_type", "typ19")
    assert count(session, Questionnaire) == 0 and audit_actions(session) == []


@pytest.mark.parametrize(("filename", "data", "status", "message"), [
    ("small.yaml", b"", 400, "Tệp “small.yaml” rỗng"),
    ("small.yaml", b"  \n\n", 400, "Tệp “small.yaml” rỗng"),
    ("small.csv", SMALL_FORM.encode(), 400, "Tệp “small.csv” không phải .yaml, .yml, .xlsx hay .xls"),
    ("small", SMALL_FORM.encode(), 400, "Tệp “small” không phải .yaml, .yml, .xlsx hay .xls"),
    ("small.yaml", SMALL_FORM.encode("utf-16"), 400, "Tệp “small.yaml” không phải văn bản UTF-8"),
    ("small.yaml", "form: {title: Cà Mau}".encode("latin-1"), 400, "không phải văn bản UTF-8"),
    ("small.yaml", b"x" * (10 * 1024 * 1024), 413, "Tệp quá lớn: tối đa 2 MB"),
    ("small.yaml", b"#" * (2 * 1024 * 1024 + 1), 413, "Tệp quá lớn: tối đa 2 MB"),
])
def test_a_bad_file_is_refused_with_a_clear_message(admin, session, filename, data, status, message):
    assert upload(admin, data, filename).status_code == status
    assert "Không đọc được tệp" in admin.text() and message in admin.text()
    assert 'name="definition"' in admin.html  # the form again, to choose another file
    assert count(session, Questionnaire) == 0 and audit_actions(session) == []


def test_a_post_without_a_file_is_refused(admin, session):
    assert admin.post("/quan-tri/bang-hoi/tai-len", {}).status_code == 400
    assert "Chưa chọn tệp nào" in admin.text() and count(session, Questionnaire) == 0


def test_a_yaml_syntax_error_is_listed_with_its_row(admin, session):
    assert upload(admin, "form:\n  id: [oops\n").status_code == 400
    assert re.search(r"<td>\d+</td><td><code>—</code></td>\s*<td><code>yaml_syntax</code>", admin.html)
    assert count(session, Questionnaire) == 0


def test_the_draft_page_frames_each_citizen_page(admin, session):
    upload(admin, SMALL_FORM)
    admin.get("/quan-tri/bang-hoi/small/ban-nhap")
    assert '<iframe class="phone" width="360" height="640"' in admin.html
    assert 'src="/quan-tri/bang-hoi/small/ban-nhap/trang/main"' in admin.html
    response = admin.get("/quan-tri/bang-hoi/small/ban-nhap/trang/main")
    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'none'" in admin.get("/quan-tri/bang-hoi/small/ban-nhap").headers["Content-Security-Policy"]


def test_the_citizen_preview_is_the_citizen_markup_of_every_question(admin, session):
    upload(admin, SMALL_FORM)
    admin.get("/quan-tri/bang-hoi/small/ban-nhap/trang/main")
    assert "Trang 1/1" in admin.text() and "<h1>Đánh giá</h1>" in admin.html
    assert '<legend id="overall-label">Hài lòng chung <span class="req"' in admin.html
    assert admin.html.count('type="radio" id="overall-') == 6 and admin.html.count('name="sex"') == 2
    assert 'id="visits"' in admin.html and '<legend id="why-label">Vì sao?' in admin.html  # conditional shown
    assert 'method="post"' not in admin.html.split("<main>")[1]  # nothing can be stored from the preview
    assert "Tiếp theo" not in admin.text() and "Gửi phiếu" in admin.text()
    admin.get("/quan-tri/bang-hoi/small/ban-nhap/trang/main?lang=en")  # the frame's language link
    assert "<h1>Rating</h1>" in admin.html and "Page 1 of 1" in admin.text() and "Very dissatisfied" in admin.text()
    assert admin.get("/quan-tri/bang-hoi/small/ban-nhap/trang/khong-co").status_code == 404


def test_the_keyer_view_lists_every_question_with_the_codes_keyers_type(admin, session):
    upload(admin, SMALL_FORM)
    assert admin.get("/quan-tri/bang-hoi/small/ban-nhap/nhap-phieu").status_code == 200
    text = admin.text()
    for expected in ("1. overall Hài lòng chung * (Bắt buộc) Loại: satisfaction", "1 = Rất không hài lòng",
                     "9 = Không biết / không áp dụng", "2. sex Giới tính", "1 = Nam (male)", "2 = Nữ (female)",
                     "3. visits Số lần đi lại Loại: integer Điều kiện hợp lệ: . >= 1 and . <= 50",
                     "4. why Vì sao? Loại: text Chỉ hỏi khi: overall <= 2 Mã trả lời: ghi như trên phiếu"):
        assert expected in text, expected


def test_publishing_asks_first_then_makes_one_version_with_an_audit_entry(admin, session):
    upload(admin, SMALL_FORM)
    admin.get("/quan-tri/bang-hoi/small/cong-bo")
    assert "Công bố small phiên bản 1?" in admin.text() and count(session, QuestionnaireVersion) == 0
    response = admin.post("/quan-tri/bang-hoi/small/cong-bo")
    assert response.location == "/quan-tri/bang-hoi?cong-bo=small"
    admin.get(response.location)
    assert "Đã công bố small v1" in admin.text()
    version = session.scalar(select(QuestionnaireVersion))
    assert version.number == 1 and version.content_hash == forms.load_definition(SMALL_FORM).content_hash()
    assert audit_actions(session)[-1] == ("questionnaire_published", "questionnaire small v1")
    assert "Trùng với phiên bản 1 đã công bố" in admin.get("/quan-tri/bang-hoi/small/ban-nhap").get_data(as_text=True)


def test_publishing_the_same_content_again_names_the_version_and_makes_no_duplicate(admin, session):
    upload(admin, SMALL_FORM)
    admin.post("/quan-tri/bang-hoi/small/cong-bo")
    upload(admin, SMALL_FORM)
    assert admin.post("/quan-tri/bang-hoi/small/cong-bo").status_code == 200
    assert "Nội dung này đã được công bố là phiên bản 1; không tạo phiên bản trùng" in admin.text()
    assert count(session, QuestionnaireVersion) == 1
    assert [action for action, _ in audit_actions(session)].count("questionnaire_published") == 1


def test_the_yaml_download_loads_back_to_the_same_version(admin, make_version, session):
    version = make_version(SIPAS.read_text(encoding="utf-8"))
    session.commit()
    response = admin.get(f"/quan-tri/bang-hoi/{version.questionnaire.slug}/phien-ban/1.yaml")
    assert response.status_code == 200 and response.content_type == "application/yaml; charset=utf-8"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{version.questionnaire.slug}-v1.yaml"'
    assert forms.load_definition(response.get_data(as_text=True)).content_hash() == version.content_hash
    assert yaml.safe_load(response.get_data(as_text=True))["form"]["id"] == version.questionnaire.slug


def test_unknown_questionnaires_and_versions_are_404(admin, make_version, session):
    make_version()
    session.commit()
    for url in ("/quan-tri/bang-hoi/khong-co/ban-nhap", "/quan-tri/bang-hoi/khong-co/cong-bo",
                "/quan-tri/bang-hoi/small/phien-ban/2.yaml", "/quan-tri/bang-hoi/small/phien-ban/2/thay-doi",
                "/quan-tri/bang-hoi/khong-co/ban-nhap/nhap-phieu", "/quan-tri/bang-hoi/small/ban-nhap?trang=x"):
        assert admin.get(url).status_code == 404, url


@pytest.mark.parametrize("role", ["supervisor", "surveyor", "analyst"])
def test_other_roles_are_refused_and_cannot_upload_or_publish(staff, make_user, make_version, session, role):
    make_version()
    make_user("khach", role)
    staff.sign_in("khach")
    for url in ("/quan-tri/bang-hoi", "/quan-tri/bang-hoi/tai-len", "/quan-tri/bang-hoi/small/ban-nhap",
                "/quan-tri/bang-hoi/small/ban-nhap/trang/main", "/quan-tri/bang-hoi/small/phien-ban/1.yaml"):
        assert staff.get(url).status_code == 403, url
    assert upload(staff, CHANGED_FORM).status_code == 403
    assert staff.post("/quan-tri/bang-hoi/small/cong-bo").status_code == 403
    assert count(session, QuestionnaireVersion) == 1 and audit_actions(session) == []


def test_a_publication_racing_another_names_the_version_the_other_made(admin, session, monkeypatch):
    def other_admin_first(db_session, questionnaire, actor):
        publish(db_session, questionnaire)
        db_session.commit()  # the other request's transaction
        raise IntegrityError("INSERT INTO questionnaire_versions", {}, Exception("uq_questionnaire_versions_number"))

    upload(admin, SMALL_FORM)
    monkeypatch.setattr(pages, "publish_draft", other_admin_first)
    assert admin.post("/quan-tri/bang-hoi/small/cong-bo").status_code == 200
    assert "Nội dung này đã được công bố là phiên bản 1" in admin.text()
    assert count(session, QuestionnaireVersion) == 1


def test_the_draft_page_steps_through_the_citizen_pages(admin, session):
    upload(admin, SIPAS.read_text(encoding="utf-8"), "sipas.yaml")
    definition = forms.load_definition(SIPAS)
    first, second, third = (section.name for section in definition.sections[:3])
    slug = definition.id
    admin.get(f"/quan-tri/bang-hoi/{slug}/ban-nhap?trang={second}")
    assert f'src="/quan-tri/bang-hoi/{slug}/ban-nhap/trang/{second}"' in admin.html
    assert len(re.findall(r'<li><a href="[^"]*\?trang=', admin.html)) == len(definition.sections) - 1
    admin.get(f"/quan-tri/bang-hoi/{slug}/ban-nhap/trang/{second}")
    assert f"Trang 2/{len(definition.sections)}" in admin.text()
    assert f'action="/quan-tri/bang-hoi/{slug}/ban-nhap/trang/{third}" novalidate' in admin.html
    assert f'href="/quan-tri/bang-hoi/{slug}/ban-nhap/trang/{first}">Quay lại' in admin.html
