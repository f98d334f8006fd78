"""build_form: FlaskForm classes per section, their validation and the answers they give."""

from __future__ import annotations

import pytest
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, SelectMultipleField, StringField, TextAreaField

import forms
from forms import build_form
from forms.builder import FORM_ATTRIBUTES
from forms.definition import DERIVED_PER_DEFINITION

SURVEY = """\
form:
  id: web
  title: {vi: "Phiếu", en: "Form"}
  languages: [vi, en]
choices:
  fruit:
    - {value: apple, label: {vi: "Táo", en: Apple}}
    - {value: pear, label: {vi: "Lê", en: Pear}}
    - {value: fig, label: {vi: "Sung", en: Fig}}
sections:
  - name: screen
    title: {vi: "Sàng lọc", en: "Screening"}
    questions:
      - {name: visited, type: yes_no, required: true, label: {vi: "Đã đến?", en: "Visited?"}}
      - name: age
        type: integer
        required: true
        relevant: "visited = 'yes'"
        constraint: ". >= 18"
        constraint_message: {vi: "Phải từ 18 tuổi", en: "Must be 18 or older"}
        label: {vi: "Tuổi", en: "Age"}
        hint: {vi: "Số năm", en: "In years"}
      - {name: intro, type: note, label: {vi: "Cảm ơn", en: "Thank you"}}
  - name: rating
    title: {vi: "Đánh giá", en: "Rating"}
    relevant: "visited = 'yes'"
    questions:
      - {name: overall, type: satisfaction, required: true, label: {vi: "Hài lòng", en: "Satisfied"}}
      - {name: why, type: text, required: true, relevant: "overall <= 2", label: {vi: "Vì sao?", en: "Why?"}}
      - {name: fruits, type: select_multiple, choices: fruit, label: {vi: "Trái cây", en: "Fruit"}}
      - {name: best, type: select_one, choices: fruit, label: {vi: "Ngon nhất", en: "Best"}}
      - {name: spent, type: decimal, label: {vi: "Chi phí", en: "Spent"}}
      - {name: day, type: date, label: {vi: "Ngày", en: "Day"}}
      - {name: office, type: unit, levels: [district], label: {vi: "Nơi", en: "Office"}}
"""
UNITS = [("AG-LX", "Long Xuyên"), ("AG-CD", "Châu Đốc")]


@pytest.fixture
def survey():
    return forms.load_definition(SURVEY)


@pytest.fixture
def submit(form_app, survey):
    """Posts ``data`` to a form of ``section``; returns (valid, form)."""

    def post(section, data, prior=None, language="vi"):
        form_class = build_form(survey, section, language=language, unit_choices=UNITS)
        with form_app.test_request_context(method="POST", data=data):
            form = form_class(prior_answers=prior)
            return form.validate(), form

    return post


def test_one_field_per_question_with_an_answer(survey, form_app):
    form_class = build_form(survey, language="en", unit_choices=UNITS)
    with form_app.test_request_context():
        form = form_class()
    kinds = {field.name: type(field) for field in form}
    assert kinds == {"visited": RadioField, "age": StringField, "overall": RadioField,
                     "why": TextAreaField, "fruits": SelectMultipleField, "best": RadioField,
                     "spent": StringField, "day": StringField, "office": SelectField}
    assert issubclass(form_class, FlaskForm)
    assert [q.name for q in form_class.questions][:3] == ["visited", "age", "intro"]


def test_labels_hints_and_choices_are_in_the_chosen_language(survey, form_app):
    with form_app.test_request_context():
        english = build_form(survey, "screen", language="en")()
        vietnamese = build_form(survey, "screen")()
    assert english.age.label.text == "Age" and english.age.description == "In years"
    assert vietnamese.age.label.text == "Tuổi"
    assert [(c.value, c.label) for c in vietnamese.visited.iter_choices()] == [
        ("yes", "Có"), ("no", "Không")]


def test_a_section_form_has_only_that_section(survey, form_app):
    with form_app.test_request_context():
        form = build_form(survey, "screen")()
    assert [field.name for field in form] == ["visited", "age"]


def test_unknown_language_or_section_is_refused(survey):
    with pytest.raises(ValueError, match="fr"):
        build_form(survey, language="fr")
    with pytest.raises(KeyError):
        build_form(survey, "nowhere")


def test_satisfaction_offers_1_to_5_then_9(survey, form_app):
    with form_app.test_request_context():
        form = build_form(survey, "rating", language="en", unit_choices=UNITS)()
    choices = [(c.value, c.label) for c in form.overall.iter_choices()]
    assert choices == [("1", "Very dissatisfied"), ("2", "Dissatisfied"), ("3", "Neutral"),
                       ("4", "Satisfied"), ("5", "Very satisfied"),
                       ("9", "Don't know / not applicable")]
    assert 'type="radio"' in form.overall()


def test_checkboxes_and_units(survey, form_app):
    with form_app.test_request_context():
        form = build_form(survey, "rating", unit_choices=UNITS)()
    assert 'type="checkbox"' in form.fruits()
    assert [c.value for c in form.office.iter_choices()] == ["", "AG-LX", "AG-CD"]


def test_required_only_when_relevant(submit):
    valid, form = submit("screen", {"visited": "yes"})
    assert not valid and form.errors == {"age": ["Vui lòng trả lời câu hỏi này."]}
    valid, form = submit("screen", {"visited": "no", "age": "7"})
    assert valid and form.errors == {}
    assert form.answers() == {"visited": "no", "age": None}  # a skipped answer is dropped


def test_a_required_question_left_empty(submit):
    valid, form = submit("screen", {})
    assert not valid and form.errors == {"visited": ["Vui lòng trả lời câu hỏi này."]}


def test_constraint_message_and_data_types(submit):
    valid, form = submit("screen", {"visited": "yes", "age": "16"}, language="en")
    assert not valid and form.errors == {"age": ["Must be 18 or older"]}
    valid, form = submit("screen", {"visited": "yes", "age": "mười"}, language="en")
    assert form.errors == {"age": ["Please enter a whole number."]}
    valid, form = submit("screen", {"visited": "maybe"}, language="en")
    assert form.errors == {"visited": ["Not a valid choice."]}


def test_answers_are_stored_in_canonical_form(submit):
    valid, form = submit("rating", {"overall": "4", "fruits": ["fig", "apple"], "spent": "2,5",
                                    "day": "1/3/2026", "office": "AG-CD"},
                         prior={"visited": "yes"})
    assert valid, form.errors
    assert form.answers() == {"overall": "4", "why": None, "fruits": "apple fig", "best": None,
                              "spent": "2.5", "day": "2026-03-01", "office": "AG-CD"}


def test_units_outside_the_choices_are_refused(submit):
    _, form = submit("rating", {"overall": "4", "office": "HN-01"}, prior={"visited": "yes"},
                         language="en")
    assert form.errors == {"office": ["Not a known unit."]}


def test_relevance_reads_answers_from_earlier_pages(submit):
    valid, form = submit("rating", {}, prior={"visited": "no"})
    assert valid and set(form.answers().values()) == {None}
    valid, form = submit("rating", {}, prior={"visited": "yes"})
    assert not valid and list(form.errors) == ["overall"]


def test_relevance_reads_answers_on_the_same_page(submit):
    _, form = submit("rating", {"overall": "2"}, prior={"visited": "yes"})
    assert form.errors == {"why": ["Vui lòng trả lời câu hỏi này."]}


def test_satisfaction_9_counts_as_missing(submit):
    valid, form = submit("rating", {"overall": "9"}, prior={"visited": "yes"})
    assert valid, form.errors  # `why` (asked when overall <= 2) is not asked
    assert form.answers()["overall"] == "9"


def test_prior_answers_fill_the_page_when_nothing_is_posted(survey, form_app):
    form_class = build_form(survey, "rating", unit_choices=UNITS)
    with form_app.test_request_context():
        form = form_class(prior_answers={"visited": "yes", "overall": "5", "fruits": "apple fig"})
    assert form.overall.data == "5"
    assert form.fruits.data == ["apple", "fig"]
    assert 'checked id="fruits-2"' in form.fruits()


def test_question_names_cannot_hide_form_attributes(survey, form_app):
    with form_app.test_request_context():
        form = build_form(survey)()
    public = {name for name in dir(form) if not name.startswith("_")}
    field_names = {field.name for field in form}
    assert public - field_names - {"Meta"} <= FORM_ATTRIBUTES


def test_a_class_is_built_once_per_definition_page_language_and_unit_choices(survey):
    built = build_form(survey, "rating", "en", UNITS)
    assert build_form(survey, "rating", "en", list(UNITS)) is built
    assert build_form(survey, "rating", "en", UNITS[:1]) is not built  # the units active today
    assert build_form(survey, "rating", "vi", UNITS) is not built
    assert build_form(forms.load_definition(SURVEY), "rating", "en", UNITS) is not built


def test_a_definition_keeps_a_bounded_number_of_classes_the_oldest_dropped_first(survey):
    first = build_form(survey, "rating", "en", UNITS)
    days = [[("AG-LX", f"Long Xuyên {day}")] for day in range(DERIVED_PER_DEFINITION)]  # as many other days' units
    built = [build_form(survey, "rating", "en", units) for units in days]
    assert build_form(survey, "rating", "en", days[-1]) is built[-1]
    assert build_form(survey, "rating", "en", UNITS) is not first
