"""forms.resolving_once: within a block, answers already resolved are not resolved again."""
import pytest

import forms
from forms import checking

SURVEY = """\
form:
  id: once
  title: {vi: "Phiếu", en: "Form"}
  languages: [vi, en]
sections:
  - name: main
    title: {vi: "Chính", en: Main}
    questions:
      - {name: visited, type: yes_no, label: {vi: "Đã đến?", en: "Visited?"}}
      - {name: trips, type: integer, relevant: "visited = 'yes'", label: {vi: "Số lần", en: "Trips"}}
      - {name: twice, type: calculate, calculation: "trips * 2", label: {vi: "Gấp đôi", en: "Twice"}}
"""


@pytest.fixture
def passes(monkeypatch) -> list[dict]:
    """The answers of every pass over the skip logic and calculates."""
    seen: list[dict] = []
    real = checking._resolve
    monkeypatch.setattr(checking, "_resolve", lambda definition, answers, pages=None:
                        seen.append(dict(answers)) or real(definition, answers, pages))
    return seen


def ask_everything(definition: forms.Definition, answers: dict) -> None:
    forms.relevance(definition, answers)
    forms.effective_answers(definition, answers)
    forms.check_answers(definition, answers)
    forms.with_calculations(definition, answers)


def test_equal_answers_are_resolved_once_in_a_block(passes):
    definition = forms.load_definition(SURVEY)
    answers = {"visited": "yes", "trips": "3"}
    with forms.resolving_once():
        ask_everything(definition, answers)
        ask_everything(definition, dict(answers))
        assert forms.effective_answers(definition, answers)["twice"] == "6"
    assert passes == [answers]


def test_changed_answers_another_definition_or_no_block_are_resolved_again(passes):
    definition = forms.load_definition(SURVEY)
    answers = {"visited": "yes", "trips": "3"}
    with forms.resolving_once():
        forms.relevance(definition, answers)
        answers["visited"] = "no"  # the block kept a copy, not the caller's dict
        assert forms.effective_answers(definition, answers)["trips"] is None
        forms.relevance(forms.load_definition(SURVEY), answers)
    forms.relevance(definition, answers)
    assert len(passes) == 4


def test_what_a_block_returns_is_the_callers_to_change(passes):
    definition = forms.load_definition(SURVEY)
    with forms.resolving_once():
        forms.relevance(definition, {})["trips"] = True
        assert forms.relevance(definition, {})["trips"] is False
    assert len(passes) == 1
