"""An XLSForm upload with the CSV files of its external choices beside it (issue 17): the choices
stored with the draft, a missing file skipped and said, a file that is not .csv refused, nothing stored."""
import io

import openpyxl
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import stream_encode_multipart

import forms
from survey.questionnaires.models import Questionnaire
from tests.admin.test_questionnaires import count
from tests.public.conftest import forget_csrf_token

COMMUNES = ("name,label::Vietnamese (vi),label::English (en),district\n"
            "my_hoa,Mỹ Hòa,My Hoa,lx\nvinh_te,Vĩnh Tế,Vinh Te,cd\n")


def workbook(*rows) -> bytes:
    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    for row in [("type", "name", "label::Vietnamese (vi)", "label::English (en)"), *rows]:
        survey.append(row)
    settings = book.create_sheet("settings")
    settings.append(("form_id", "form_title", "sipas_form_title::English (en)"))
    settings.append(("xa", "Xã", "Communes"))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def send(browser, data: bytes, attachments: dict[str, str]):
    files = [FileStorage(io.BytesIO(text.encode("utf-8")), name) for name, text in attachments.items()]
    fields = {"csrf_token": browser.csrf_token(), "definition": FileStorage(io.BytesIO(data), "xa.xlsx"),
              **({"attachments": files} if files else {})}
    body, _, boundary = stream_encode_multipart(fields, use_tempfile=False)
    forget_csrf_token()
    response = browser.client.post("/quan-tri/bang-hoi/tai-len", data=body.getvalue(),
                                   content_type=f'multipart/form-data; boundary="{boundary}"')
    browser.html = response.get_data(as_text=True)
    return response


def test_the_choices_of_a_csv_are_stored_with_the_draft(admin, session):
    admin.get("/quan-tri/bang-hoi/tai-len")
    assert 'name="attachments" multiple accept=".csv"' in admin.html
    data = workbook(("select_one_from_file communes.csv", "commune", "Xã", "Commune"))
    assert send(admin, data, {"communes.csv": COMMUNES}).status_code == 200
    stored = forms.definition_from_dict(session.scalar(select(Questionnaire)).draft)
    assert [c.value for c in stored.question("commune").choices] == ["my_hoa", "vinh_te"]
    assert stored.choice_lists["communes_csv"][1].label == {"vi": "Vĩnh Tế", "en": "Vinh Te"}
    assert stored.choice_lists["communes_csv"][1].column("district") == "cd"


def test_a_missing_csv_is_said_and_its_question_left_out(admin, session):
    admin.get("/quan-tri/bang-hoi/tai-len")
    data = workbook(("text", "note_it", "Ghi", "Write"),
                    ("select_one_from_file communes.csv", "commune", "Xã", "Commune"))
    assert send(admin, data, {}).status_code == 200
    assert "missing_attachment" in admin.html and "communes.csv" in admin.html
    stored = forms.definition_from_dict(session.scalar(select(Questionnaire)).draft)
    assert [q.name for q in stored.questions] == ["note_it"]


def test_a_file_that_is_not_csv_is_refused_and_nothing_stored(admin, session):
    admin.get("/quan-tri/bang-hoi/tai-len")
    data = workbook(("select_one_from_file communes.csv", "commune", "Xã", "Commune"))
    response = send(admin, data, {"communes.xlsx": COMMUNES})
    assert response.status_code == 400
    assert "Tệp “communes.xlsx” đi kèm không phải tệp .csv." in admin.html
    assert count(session, Questionnaire) == 0


def test_a_broken_csv_is_a_problem_named_at_the_file(admin, session):
    admin.get("/quan-tri/bang-hoi/tai-len")
    data = workbook(("select_one_from_file communes.csv", "commune", "Xã", "Commune"))
    assert send(admin, data, {"communes.csv": "ten,nhan\nmy_hoa,Mỹ Hòa\n"}).status_code == 400
    assert "communes.csv" in admin.html and "bad_attachment" in admin.html
    assert count(session, Questionnaire) == 0
