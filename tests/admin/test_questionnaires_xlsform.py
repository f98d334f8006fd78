"""XLSForm on the questionnaire pages: upload, skipped items, sheet problems, download; what changed
between versions."""
import io
import re

import openpyxl
from sqlalchemy import select

import forms
from survey.questionnaires.models import Questionnaire
from tests.admin.test_questionnaires import CHANGED_FORM, audit_actions, count, upload
from tests.conftest import SMALL_FORM

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(text: str = SMALL_FORM, edit=None) -> bytes:
    """The XLSForm of a YAML definition, as our export writes it, changed by `edit(book)`."""
    data = forms.write_xlsform(forms.load_definition(text))
    if edit is None:
        return data
    book = openpyxl.load_workbook(io.BytesIO(data))
    edit(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def add_survey_row(book, **cells) -> int:
    """Append a row to the survey sheet (cells by column header); its row number."""
    sheet = book["survey"]
    headers = [cell.value for cell in sheet[1]]
    sheet.append([cells.get(header) for header in headers])
    return sheet.max_row


def test_an_xlsform_upload_becomes_the_same_draft_as_its_yaml(admin, session):
    assert upload(admin, workbook(), "small.xlsx").status_code == 200
    assert "Đã lưu “small.xlsx” thành bản nháp của small" in admin.text()
    stored = session.scalar(select(Questionnaire))
    assert forms.definition_from_dict(stored.draft).content_hash() == forms.load_definition(SMALL_FORM).content_hash()
    assert audit_actions(session) == [("questionnaire_imported", "questionnaire small")]


def test_skipped_xlsform_items_are_listed_with_sheet_row_and_code(admin, session):
    rows = []

    def unsupported(book):
        rows.append(add_survey_row(book, type="geotrace", name="where", **{"label::Vietnamese (vi)": "Ở đâu?",
                                                                             "label::English (en)": "Where?"}))
    assert upload(admin, workbook(edit=unsupported), "kobo.xlsx").status_code == 200
    assert "1 mục không dùng được nên đã bỏ qua" in admin.text()
    assert re.search(rf"<td>survey</td><td>{rows[0]}</td><td><code>type</code></td>\s*<td><code>unsupported_type"
                     r"</code></td><td><code>geotrace</code></td>", admin.html)
    stored = forms.definition_from_dict(session.scalar(select(Questionnaire)).draft)
    assert [q.name for q in stored.questions] == ["overall", "sex", "visits", "why"]


def test_xlsform_problems_are_listed_by_sheet_row_and_column_and_nothing_is_stored(admin, session):
    def broken(book):
        for name in ("a1", "a2", "a3"):
            add_survey_row(book, type="select_one nowhere", name=name, **{"label::Vietnamese (vi)": name,
                                                                         "label::English (en)": name})
    assert upload(admin, workbook(edit=broken), "broken.xlsx").status_code == 400
    assert "3 lỗi trong “broken.xlsx”; chưa có gì được lưu" in admin.text()
    found = re.findall(r"<td>survey</td><td>(\d+)</td><td><code>([^<]+)</code></td>\s*<td><code>unknown_choice_list",
                       admin.html)
    assert [column for _, column in found] == ["type"] * 3 and len({row for row, _ in found}) == 3
    assert count(session, Questionnaire) == 0 and audit_actions(session) == []


def test_a_file_named_xlsx_that_is_no_workbook_is_refused(admin, session):
    for data in (SMALL_FORM.encode(), b"PK\x03\x04 not really a zip"):
        assert upload(admin, data, "small.xlsx").status_code == 400
        assert "Tệp “small.xlsx” không phải bảng tính Excel (.xlsx hay .xls) đọc được" in admin.text()
    assert count(session, Questionnaire) == 0


def test_the_xlsform_download_reads_back_to_the_same_version(admin, make_version, session):
    version = make_version()
    session.commit()
    response = admin.client.get("/quan-tri/bang-hoi/small/phien-ban/1.xlsx")
    assert response.status_code == 200 and response.mimetype == XLSX
    assert response.headers["Content-Disposition"] == 'attachment; filename="small-v1.xlsx"'
    imported = forms.read_xlsform(response.get_data())
    assert imported.problems == [] and imported.definition.content_hash() == version.content_hash


def test_the_draft_and_the_new_version_show_what_changed(admin, session):
    upload(admin, SMALL_FORM)
    admin.post("/quan-tri/bang-hoi/small/cong-bo")
    changed = CHANGED_FORM.replace("{vi: Nữ, en: Female}", "{vi: Phụ nữ, en: Female}").replace(
        "      - name: visits\n        type: integer\n        label: {vi: \"Số lần đi lại\", en: \"Visits\"}\n"
        "        constraint: \". >= 1 and . <= 50\"\n", "")
    upload(admin, changed)
    assert "Thay đổi so với phiên bản 1" in admin.text()
    expected = ["Sửa lời câu hỏi overall (vi) Hài lòng chung Mức hài lòng chung",
                "Sửa lời phương án sex [female] (vi) Nữ Phụ nữ", "Thêm câu hỏi again — main",
                "Bỏ câu hỏi visits main —"]
    assert all(change in admin.text() for change in expected)
    admin.post("/quan-tri/bang-hoi/small/cong-bo")
    assert admin.get("/quan-tri/bang-hoi/small/phien-ban/2/thay-doi").status_code == 200
    assert "<h1>Thay đổi của small v2</h1>" in admin.html and "So với phiên bản 1" in admin.text()
    assert all(change in admin.text() for change in expected)
    admin.get("/quan-tri/bang-hoi/small/phien-ban/1/thay-doi")
    assert "Đây là phiên bản đầu tiên" in admin.text()
