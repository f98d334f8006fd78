"""calculate, the value functions, choice filters and answers shown in labels (issue 17)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

import forms
from forms.expressions import DictLookup, parse
from forms.piping import fill
from tests.forms.test_repeats import Walked

CASCADE = """\
form: {id: cascade, title: {vi: "Tầng", en: Cascade}, languages: [vi, en]}
choices:
  region:
    - {value: north, label: {vi: "Bắc", en: North}}
    - {value: south, label: {vi: "Nam", en: South}}
  province:
    - {value: hn, label: {vi: "Hà Nội", en: Hanoi}, columns: {region: north}}
    - {value: hp, label: {vi: "Hải Phòng", en: Haiphong}, columns: {region: north}}
    - {value: ag, label: {vi: "An Giang", en: An Giang}, columns: {region: south}}
sections:
  - name: main
    title: {vi: "Chính", en: Main}
    questions:
      - {name: n, type: note, label: {vi: "Chào", en: Hello}}
      - {name: age, type: integer, label: {vi: "Tuổi", en: Age}}
      - {name: older, type: calculate, label: {vi: "Cao tuổi", en: Older},
         calculation: "if(age >= 60, 'yes', 'no')"}
      - {name: pension, type: yes_no, label: {vi: "Lương hưu?", en: "Pension?"},
         relevant: "older = 'yes'"}
      - {name: region, type: select_one, choices: region, label: {vi: "Miền", en: Region}}
      - {name: province, type: select_one, choices: province,
         label: {vi: "Tỉnh ở miền ${region}", en: "Province in the ${region}"},
         choice_filter: "choice('region') = region"}
"""


@pytest.fixture
def cascade() -> forms.Definition:
    return forms.load_definition(CASCADE)


@pytest.mark.parametrize(("source", "expected"), [
    ("if(a > 1, 'x', 'y')", "x"),
    ("coalesce(missing, 'none')", "none"),
    ("coalesce(b, 'none')", "123"),
    ("concat(a, '-', missing, b)", "5-123"),
    ("round(a / 3, 2)", Decimal("1.67")),
    ("round(2.5)", Decimal("3")),
    ("int(-7 / 2)", Decimal("-3")),
    ("string_length(b)", Decimal("3")),
    ("string_length(missing)", Decimal("0")),
    ("regex(b, '^[0-9]{3}$')", True),
    ("regex(b, '^[a-z]+$')", False),
    ("today()", "2026-12-05"),
    ("date('2026-02-30')", None),
    ("date('2026-02-28') < today()", True),
    ("round(sqrt(2), 3)", Decimal("1.414")),
    ("pow(2, 10)", Decimal("1024")),
    ("round(15 / sqrt(cos(atan(a / 100))), 2)", Decimal("15.01")),
    ("round(pi(), 2) + abs(-1)", Decimal("4.14")),
    ("sqrt(-1)", None),
    ("log(0)", None),
    ("exp(1000)", None),
])
def test_value_functions_compute_as_xlsform_does(source, expected):
    lookup = DictLookup({"a": 5, "b": "123"}, day=datetime.date(2026, 12, 5))
    assert parse(source).evaluate(lookup) == expected


def test_a_calculate_is_computed_stored_and_changes_what_is_asked(cascade):
    older = forms.effective_answers(cascade, {"age": "70", "older": "forged", "pension": "yes"})
    younger = forms.effective_answers(cascade, {"age": "30", "pension": "yes"})
    assert (older["older"], older["pension"]) == ("yes", "yes")
    assert (younger["older"], younger["pension"]) == ("no", None)
    assert forms.relevance(cascade, {"age": "30"})["pension"] is False



def test_each_send_finds_the_calculates_in_the_definition_s_own_list(cascade):
    answers = {"age": "70", "older": "forged"}
    assert forms.with_calculations(cascade, answers)["older"] == "yes"
    cascade.__dict__["questions"] = Walked(cascade.questions)
    assert forms.with_calculations(cascade, answers)["older"] == "yes"
    assert cascade.questions.walks == 0 and cascade.calculate_names == {"older"}

def test_a_calculate_has_no_field_and_no_check_of_its_own(cascade):
    assert cascade.question("older").kind.field(cascade.question("older"), "vi") is None
    assert forms.check_answers(cascade, {"age": "70", "older": "not a value"}) == {}


def test_a_choice_filter_offers_and_accepts_only_the_fitting_choices(cascade):
    province = cascade.question("province")
    offered = forms.offered_choices(cascade, province, {"region": "north"})
    assert [choice.value for choice in offered] == ["hn", "hp"]
    problems = forms.check_answers(cascade, {"region": "north", "province": "ag"}, language="vi")
    assert problems == {"province": "Lựa chọn này không phù hợp với các câu trả lời trước."}
    english = forms.check_answers(cascade, {"region": "north", "province": "ag"}, language="en")
    assert english == {"province": "This choice does not fit your earlier answers."}
    assert forms.check_answers(cascade, {"region": "south", "province": "ag"}) == {}


def test_labels_show_earlier_answers_as_the_respondent_saw_them(cascade):
    label = cascade.question("province").label
    assert fill(label.text("vi"), cascade, {"region": "south"}, "vi") == "Tỉnh ở miền Nam"
    assert fill(label.text("en"), cascade, {}, "en") == "Province in the "


def test_the_new_fields_survive_the_canonical_document(cascade):
    again = forms.definition_from_dict(cascade.to_dict())
    assert again == cascade
    assert again.choice_lists["province"][0].column("region") == "north"
    assert again.question("older").calculation.source == "if(age >= 60, 'yes', 'no')"


CALCULATION = "calculation: \"if(age >= 60, 'yes', 'no')\""


@pytest.mark.parametrize(("changed", "code"), [
    ("required: true", "missing_field"),
    (CALCULATION + ", required: true", "field_not_allowed"),
    ("calculation: \"if(age >= 60)\"", "bad_arguments"),
    ("calculation: \"regex(age, '[')\"", "bad_arguments"),
    ("calculation: \"pension = 'yes'\"", "forward_reference"),
])
def test_calculations_are_checked_when_the_form_loads(load_problems, changed, code):
    assert CALCULATION in CASCADE
    assert code in {problem.code for problem in load_problems(CASCADE.replace(CALCULATION, changed))}


@pytest.mark.parametrize(("old", "new", "code"), [
    ("Tỉnh ở miền ${region}", "Tỉnh ở miền ${regoin}", "unknown_reference"),
    ("{vi: \"Tuổi\", en: Age}", "{vi: \"Tuổi\", en: \"Age ${x}\"}", "unknown_reference"),
    ("{vi: \"Miền\", en: Region}", "{vi: \"Miền\", en: \"Region\"}, hint: \"${n}\"", "note_reference"),
    ("{name: region, type: select_one, choices: region,",
     "{name: region, type: integer, choice_filter: \"age > 1\",", "field_not_allowed"),
    ("{name: pension, type: yes_no,", "{name: pension, type: text, calculation: \"age\",",
     "field_not_allowed"),
])
def test_references_in_labels_and_misplaced_fields_are_refused(load_problems, old, new, code):
    assert old in CASCADE
    assert code in {problem.code for problem in load_problems(CASCADE.replace(old, new))}
