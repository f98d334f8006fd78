"""check_answers: the server-side check of a whole response, without WTForms."""

from __future__ import annotations

import pytest

from forms import AnswerProblem, check_answers, effective_answers, find_problems, relevance

SURVEY = """\
form:
  id: check
  title: {vi: "Kiểm tra", en: "Check"}
  languages: [vi, en]
choices:
  fruit:
    - {value: apple, label: {vi: "Táo", en: Apple}}
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
  - name: rating
    title: {vi: "Đánh giá", en: "Rating"}
    relevant: "visited = 'yes'"
    questions:
      - {name: overall, type: satisfaction, required: true, label: {vi: "Hài lòng", en: "Satisfied"}}
      - name: why
        type: text
        required: true
        relevant: "overall <= 2"
        label: {vi: "Vì sao?", en: "Why?"}
      - name: fruits
        type: select_multiple
        choices: fruit
        constraint: "count_selected(.) <= 1 or not selected(., 'fig')"
        label: {vi: "Trái cây", en: "Fruit"}
      - {name: visits, type: integer, constraint: ". > 0", label: {vi: "Số lần", en: "Visits"}}
"""


@pytest.fixture
def survey():
    import forms

    return forms.load_definition(SURVEY)


@pytest.fixture
def answers():
    """A complete, valid response, changed by keyword."""

    def build(**changes):
        base = {"visited": "yes", "age": "30", "overall": "4", "why": None, "fruits": "apple",
                "visits": "2"}
        return {**base, **changes}

    return build


def test_a_valid_response_has_no_problems(survey, answers):
    assert check_answers(survey, answers()) == {}


def test_required_questions_need_an_answer(survey, answers):
    assert check_answers(survey, answers(visited=None)) == {
        "visited": "Vui lòng trả lời câu hỏi này."}


def test_required_applies_only_when_relevant(survey, answers):
    # `why` is required but asked only when overall <= 2
    assert check_answers(survey, answers(overall="5")) == {}
    assert check_answers(survey, answers(overall="2")) == {"why": "Vui lòng trả lời câu hỏi này."}


def test_a_skipped_section_asks_nothing(survey):
    only_screening = {"visited": "no"}
    assert check_answers(survey, only_screening) == {}
    assert relevance(survey, only_screening) == {
        "screen": True, "visited": True, "age": False, "rating": False, "overall": False,
        "why": False, "fruits": False, "visits": False}


def test_answers_to_skipped_questions_are_ignored_and_dropped(survey, answers):
    stale = answers(visited="no", age="7", overall="1")  # age would break its constraint
    assert check_answers(survey, stale) == {}
    assert effective_answers(survey, stale) == {
        "visited": "no", "age": None, "overall": None, "why": None, "fruits": None,
        "visits": None}


def test_constraints_with_their_message_in_the_language(survey, answers):
    assert check_answers(survey, answers(age="16")) == {"age": "Phải từ 18 tuổi"}
    assert check_answers(survey, answers(age="16"), language="en") == {
        "age": "Must be 18 or older"}


def test_a_constraint_without_a_message_uses_the_catalogue(survey, answers):
    assert check_answers(survey, answers(visits="0"), language="en") == {
        "visits": "This answer is not valid."}
    assert check_answers(survey, answers(visits="0")) == {"visits": "Câu trả lời không hợp lệ."}


def test_problems_are_found_once_in_no_language_and_said_in_either(survey, answers):
    found = find_problems(survey, answers(age="16", visits="0", overall="6"))
    assert found == {"age": AnswerProblem("constraint", survey.question("age").constraint_message),
                     "visits": AnswerProblem("constraint"), "overall": AnswerProblem("invalid_choice")}
    assert [found["age"].text(code) for code in ("vi", "en")] == ["Phải từ 18 tuổi", "Must be 18 or older"]
    assert [found["visits"].text(code) for code in ("vi", "en")] == [
        "Câu trả lời không hợp lệ.", "This answer is not valid."]


def test_constraints_can_read_selected_answers(survey, answers):
    assert check_answers(survey, answers(fruits="fig")) == {}
    assert "fruits" in check_answers(survey, answers(fruits="apple fig"))


def test_satisfaction_9_answers_but_counts_as_missing(survey, answers):
    # 9 satisfies `required` ...
    assert check_answers(survey, answers(overall="9")) == {}
    # ... but is no rating: `overall <= 2` stays false, so `why` is not asked
    assert relevance(survey, answers(overall="9"))["why"] is False


def test_wrongly_typed_answers(survey, answers):
    problems = check_answers(survey, answers(age="thirty", overall="6", fruits="fig apple"),
                             language="en")
    assert problems == {"age": "Please enter a whole number.", "overall": "Not a valid choice.",
                        "fruits": "Not a valid choice."}


def test_non_text_answers_are_invalid_not_a_crash(survey, answers):
    careless = answers(age=30, fruits=["apple"])
    problems = check_answers(survey, careless, language="en")  # type: ignore[arg-type]
    assert problems == {"age": "Please enter a whole number.", "fruits": "Not a valid choice."}


def test_names_limit_the_report_to_a_page(survey, answers):
    broken = answers(age="16", visits="0")
    assert set(check_answers(survey, broken)) == {"age", "visits"}
    assert set(check_answers(survey, broken, names={"visits"})) == {"visits"}


def test_keys_that_are_not_questions_are_left_to_the_caller(survey, answers):
    assert check_answers(survey, answers(stranger="1")) == {}
