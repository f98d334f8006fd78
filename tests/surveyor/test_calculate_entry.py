"""A calculate, a cascading select and a piped, marked-up label on the keyer's page (issue 17):
the calculate has no box and is stored as computed; the cascade lists and accepts only the codes
its filter keeps; the label shows the answer it names."""
import pytest

import forms
from survey.responses.models import Response
from tests.public.test_calculate_pages import CASCADE

MARKED = CASCADE.replace('label: {vi: "Tuổi", en: Age}', 'label: {vi: "**Tuổi** <b>thật</b>", en: Age}')


@pytest.fixture
def cascade(session, make_campaign, make_unit, make_version):
    campaign = make_campaign("giay-tang", units=[make_unit("AG-LX")], channels=("paper",),
                             version=make_version(MARKED))
    session.commit()
    return campaign


def test_the_blank_page_lists_every_code_and_the_label_waits_for_its_answer(keyer, cascade):
    lan = keyer()
    lan.get(lan.page_url(cascade))
    assert 'name="older"' not in lan.html
    assert "<strong>Tuổi</strong> &lt;b&gt;thật&lt;/b&gt;" in lan.html
    assert "Tỉnh ở miền …" in lan.text() and "1 Hà Nội" in lan.text() and "2 An Giang" in lan.text()


def test_a_code_outside_the_filter_is_refused_and_the_page_lists_the_region_s(keyer, cascade, session):
    lan = keyer()
    refused = lan.key(cascade, "T-1", {"age": "70", "region": "1", "pension": "1", "province": "2"})
    assert refused.status_code == 422 and session.query(Response).count() == 0
    row = lan.html.split('id="row-province"')[1].split("</div>")[0]
    assert "Lựa chọn này không phù hợp với các câu trả lời trước." in row
    assert "Tỉnh ở miền Bắc" in row and "Hà Nội" in row and "An Giang" not in row


def test_the_calculate_is_stored_as_computed(keyer, cascade, session):
    lan = keyer()
    assert lan.key(cascade, "T-2", {"age": "70", "region": "1", "pension": "1", "province": "1"}).status_code == 303
    stored = {a.question_key: a.value for a in session.query(Response).one().answers}
    assert (stored["older"], stored["province"], stored["pension"]) == ("yes", "hn", "yes")


def test_a_condition_on_a_calculate_travels_as_a_tree_with_the_calculate_s(app):
    from survey.surveyor.entry import rules

    with app.app_context():
        sent = rules(forms.load_definition(CASCADE), "vi")
    questions = {q["key"]: q for q in sent["questions"]}
    assert "older" not in questions
    assert questions["pension"]["when"] == [["bin", "=", ["name", "older"], ["lit", "yes"]]]
    assert sent["calculates"]["older"]["tree"][:2] == ["fn", "if"]
    assert sent["order"].index("age") < sent["order"].index("older") < sent["order"].index("pension")
