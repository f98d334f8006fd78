"""Editing a draft's texts in the browser: labels, hints and choice labels in both languages, page by
page; the draft page's changes and preview show the edit, publishing makes a new version, the question
keys and the published versions never change; refusals name their field and store nothing."""
import re

import pytest
from sqlalchemy import select

from survey.accounts.models import AuditEntry
from survey.questionnaires.models import Questionnaire, QuestionnaireVersion
from tests.admin.test_questionnaires import count
from tests.admin.test_scoped_admin import province, scoped  # noqa: F401 (fixtures)

PAGE = "/quan-tri/bang-hoi/small/ban-nhap/sua/main"


@pytest.fixture
def published(make_version, session):
    """The small form published as v1 (its draft holds the same content)."""
    version = make_version()
    session.commit()
    return version


def form_values(html: str) -> dict[str, str]:
    """The fields of the texts form as the page fills them in."""
    values = dict(re.findall(r'<input class="field" id="[^"]+" name="([^"]+)" value="([^"]*)"', html))
    values.update(re.findall(r'<textarea class="field" rows="2" id="[^"]+" name="([^"]+)"[^>]*>([^<]*)</textarea>',
                             html))
    values["stamp"] = re.search(r'name="stamp" value="(\w+)"', html).group(1)
    return values


def draft(session) -> dict:
    session.expire_all()
    return session.scalar(select(Questionnaire)).draft


def edits(session) -> list[AuditEntry]:
    session.expire_all()
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == "questionnaire_texts_edited")))


def test_the_page_offers_every_text_of_the_page_in_both_languages(admin, published):
    assert admin.get(PAGE).status_code == 200
    values = form_values(admin.html)
    assert values["title.vi"] == "Đánh giá" and values["title.en"] == "Rating"
    assert values["label.overall.vi"] == "Hài lòng chung" and values["label.sex.en"] == "Sex"
    assert values["hint.overall.vi"] == "" and values["choice.sex.1.vi"] == "Nữ"
    text = admin.text()
    assert "Câu hỏi (tiếng Việt)" in text and "Lựa chọn 2 (tiếng Anh)" in text and "Gợi ý, không bắt buộc" in text


def test_an_edit_goes_to_the_draft_and_publishing_makes_a_new_version(admin, published, session):
    admin.get(PAGE)
    values = form_values(admin.html) | {"label.overall.vi": "Mức độ hài lòng chung", "label.overall.en": "Overall",
                                        "hint.overall.vi": "Chọn một mức", "hint.overall.en": "Pick one level",
                                        "choice.sex.1.en": "Woman"}
    response = admin.post(PAGE, values)
    assert response.status_code == 302
    assert response.location == "/quan-tri/bang-hoi/small/ban-nhap?trang=main&sua=4#citizen"
    question = draft(session)["sections"][0]["questions"][0]
    assert question["name"] == "overall" and question["label"] == {"vi": "Mức độ hài lòng chung", "en": "Overall"}
    assert question["hint"] == {"vi": "Chọn một mức", "en": "Pick one level"}
    assert draft(session)["choices"]["sex"][1] == {"value": "female", "label": {"vi": "Nữ", "en": "Woman"}}
    [entry] = edits(session)
    assert entry.subject == "questionnaire small" and entry.details["section"] == "main"
    assert entry.details["fields"] == ["label.overall.vi", "hint.overall.vi", "hint.overall.en", "choice.sex.1.en"]
    admin.get("/quan-tri/nhat-ky")
    assert "Sửa nội dung chữ của bản nháp bảng hỏi questionnaire small" in admin.text()
    assert "4 nội dung chữ đã sửa" in admin.text()
    admin.get(response.location)
    text = admin.text()
    assert "Đã lưu 4 nội dung chữ vào bản nháp" in text
    assert "Hài lòng chung" in text and "Mức độ hài lòng chung" in text  # the changes table: before and after
    assert "Mức độ hài lòng chung" in admin.get("/quan-tri/bang-hoi/small/ban-nhap/trang/main").get_data(as_text=True)
    assert admin.post("/quan-tri/bang-hoi/small/cong-bo").status_code == 302
    session.expire_all()
    first, second = session.scalars(select(QuestionnaireVersion).order_by(QuestionnaireVersion.number))
    assert first.definition["sections"][0]["questions"][0]["label"]["vi"] == "Hài lòng chung"
    assert second.definition["sections"][0]["questions"][0]["label"]["vi"] == "Mức độ hài lòng chung"
    assert [q.key for q in second.questions] == [q.key for q in first.questions]


def test_clearing_a_hint_in_every_language_removes_it(admin, published, session):
    admin.get(PAGE)
    admin.post(PAGE, form_values(admin.html) | {"hint.sex.vi": "Tuỳ chọn", "hint.sex.en": "Optional"})
    admin.get(PAGE)
    assert admin.post(PAGE, form_values(admin.html) | {"hint.sex.vi": " ", "hint.sex.en": ""}).status_code == 302
    assert "hint" not in draft(session)["sections"][0]["questions"][1]


def test_nothing_changed_writes_nothing(admin, published, session):
    admin.get(PAGE)
    response = admin.post(PAGE, form_values(admin.html))
    assert response.location.endswith("sua=0#citizen") and edits(session) == []
    admin.get(response.location)
    assert "Không có nội dung nào thay đổi." in admin.text()


@pytest.mark.parametrize("sent, field, message", [
    ({"label.overall.en": "  "}, "label.overall.en", "Không được để trống."),
    ({"choice.sex.0.vi": ""}, "choice.sex.0.vi", "Không được để trống."),
    ({"title.vi": ""}, "title.vi", "Không được để trống."),
    ({"hint.visits.vi": "Tính cả lần này"}, "hint.visits.en", "Gợi ý cần có nội dung ở mọi ngôn ngữ của bảng hỏi"),
    ({"label.why.vi": "x" * 2001}, "label.why.vi", "Quá dài: tối đa 2000 ký tự."),
])
def test_a_refused_text_is_named_at_its_field_and_nothing_is_stored(admin, published, session, sent, field,
                                                                    message):
    before = draft(session)
    admin.get(PAGE)
    response = admin.post(PAGE, form_values(admin.html) | sent | {"label.overall.vi": "Đổi"})
    assert response.status_code == 400
    assert f'<p class="error" id="{field}-error">{message}' in admin.html
    assert f'id="{field}" name="{field}"' in admin.html and 'aria-invalid="true"' in admin.html
    assert f'<a href="#{field}">' in admin.html and "Đổi" in admin.html  # what was typed stays
    assert draft(session) == before and edits(session) == []


def test_an_edit_made_on_an_older_draft_is_refused_and_keeps_what_was_typed(admin, published, session):
    admin.get(PAGE)
    stale = form_values(admin.html) | {"label.overall.vi": "Của tôi"}
    admin.post(PAGE, form_values(admin.html) | {"label.sex.vi": "Giới tính của ông/bà"})  # another tab, first
    assert admin.post(PAGE, stale).status_code == 409
    assert "Bản nháp vừa được người khác thay đổi" in admin.text() and "Của tôi" in admin.html
    assert draft(session)["sections"][0]["questions"][0]["label"]["vi"] == "Hài lòng chung"
    assert admin.post(PAGE, form_values(admin.html)).status_code == 302  # reviewed, sent again on the new draft
    assert draft(session)["sections"][0]["questions"][0]["label"]["vi"] == "Của tôi"


def test_a_control_character_is_refused_by_the_operation_too(admin, published, session):
    from survey.errors import InvalidInput
    from survey.questionnaires.texts import draft_stamp, edit_texts, text_fields

    questionnaire = session.scalar(select(Questionnaire))
    texts = {f.name: f.value for f in text_fields(questionnaire.draft, "main")} | {"label.why.vi": "Vì sao\x07?"}
    with pytest.raises(InvalidInput) as refused:
        edit_texts(session, questionnaire, "main", texts, draft_stamp(questionnaire), None)
    assert [(p.key, p.field) for p in refused.value.problems] == [("text_control", "label.why.vi")]
    assert admin.post(PAGE, {"label.why.vi": "Vì sao\x00?"}).status_code == 400  # refused before the page reads it
    assert edits(session) == []


def test_unknown_pages_and_other_administrators_are_refused(admin, published, session):
    assert admin.get("/quan-tri/bang-hoi/small/ban-nhap/sua/khong-co").status_code == 404
    assert admin.get("/quan-tri/bang-hoi/khong-co/ban-nhap/sua/main").status_code == 404


def test_a_scoped_administrator_cannot_edit(scoped, make_version, session):
    make_version()
    session.commit()
    assert scoped.get(PAGE).status_code == 403
    assert scoped.post(PAGE, {"label.overall.vi": "x"}).status_code == 403
    scoped.get("/quan-tri/bang-hoi/small/ban-nhap")
    assert "Sửa nội dung chữ" not in scoped.text()
    assert count(session, QuestionnaireVersion) == 1


def test_the_page_speaks_english(admin, published):
    admin.get(PAGE + "?lang=en")
    assert "Edit the texts: Đánh giá" in admin.text() and "Choice 2 (English)" in admin.text()
