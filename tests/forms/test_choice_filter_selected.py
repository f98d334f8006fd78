"""A choice_filter that keeps the choices an earlier select_multiple ticked (issue 17):
XLSForm's ``selected(${grains}, name)``, ours ``selected(grains, choice('value'))``, or over
another column of the list (``selected(grains, choice('grain'))``)."""
import pytest

import forms
from forms.xlsform_expressions import from_xlsform, to_xlsform

GRAINS = """
form: {id: grains, title: {vi: "Ngũ cốc", en: Grains}, languages: [vi, en]}
choices:
  grain:
    - {value: rice, label: {vi: "Gạo", en: Rice}}
    - {value: maize, label: {vi: "Ngô", en: Maize}}
    - {value: wheat, label: {vi: "Lúa mì", en: Wheat}}
  brand:
    - {value: st25, label: {vi: "Gạo ST25", en: ST25 rice}, columns: {grain: rice}}
    - {value: lvn10, label: {vi: "Ngô LVN10", en: LVN10 maize}, columns: {grain: maize}}
    - {value: meizan, label: {vi: "Bột mì Meizan", en: Meizan flour}, columns: {grain: wheat}}
sections:
  - name: first
    title: {vi: "Một", en: One}
    questions:
      - {name: grains, type: select_multiple, choices: grain, required: true,
         label: {vi: "Ông/bà mua loại nào?", en: "Which do you buy?"}}
  - name: second
    title: {vi: "Hai", en: Two}
    questions:
      - {name: favourite, type: select_one, choices: grain, choice_filter: "selected(grains, choice('value'))",
         label: {vi: "Loại nào mua nhiều nhất?", en: "Which most?"}}
      - {name: brand, type: select_multiple, choices: brand, choice_filter: "selected(grains, choice('grain'))",
         label: {vi: "Nhãn hiệu", en: Brands}}
"""


@pytest.fixture
def grains() -> forms.Definition:
    return forms.load_definition(GRAINS)


def offered(definition: forms.Definition, name: str, answers: dict) -> list[str]:
    return [c.value for c in forms.offered_choices(definition, definition.question(name), answers)]


def test_the_filter_keeps_the_ticked_choices_by_value_or_by_a_column(grains):
    assert offered(grains, "favourite", {"grains": "rice wheat"}) == ["rice", "wheat"]
    assert offered(grains, "brand", {"grains": "rice wheat"}) == ["st25", "meizan"]
    assert offered(grains, "favourite", {}) == []


def test_an_answer_the_filter_does_not_keep_is_refused(grains):
    refused = forms.check_answers(grains, {"grains": "rice", "favourite": "maize", "brand": "st25 lvn10"},
                                  language="en")
    assert refused == {"favourite": "This choice does not fit your earlier answers.",
                       "brand": "This choice does not fit your earlier answers."}
    assert forms.check_answers(grains, {"grains": "rice maize", "favourite": "maize", "brand": "lvn10"}) == {}


@pytest.mark.parametrize(("old", "new", "code"), [
    ('choice_filter: "selected(grains, choice(\'grain\'))",',
     'relevant: "selected(grains, choice(\'grain\'))",', "choice_outside_filter"),
    ("selected(grains, choice('grain'))", "selected(grains, grain)", "bad_arguments"),
    ("selected(grains, choice('grain'))", "selected(grains, choice(grain))", "bad_arguments"),
])
def test_a_column_is_looked_for_only_in_a_choice_filter(load_problems, old, new, code):
    assert old in GRAINS
    assert code in {problem.code for problem in load_problems(GRAINS.replace(old, new))}


def test_the_xlsform_spelling_reads_as_a_column_and_is_written_back():
    ours, names = from_xlsform("selected(${grains}, name)", columns=True)
    assert (ours, names) == ("selected(grains, choice('name'))", {"grains"})
    assert to_xlsform("selected(grains, choice('grain'))") == "selected(${grains}, grain)"
