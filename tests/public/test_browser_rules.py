"""What the page scripts evaluate (issue 17): XLSForm's value functions and the calculates a condition
reads travel as trees; only a regex in Python's own syntax comes as the server's decision."""
import json

import pytest

import forms
from forms.browser_rules import evaluable_in_browser
from forms.expressions import parse
from survey.public.relevance import page_rules
from tests.public.test_calculate_pages import CASCADE

FALLBACKS = ["regex(name, '(?P<first>A)')", "regex(name, '\\AA')", "regex(name, '(?i)a')",
             "older = 'yes' and regex(name, '(?#comment)a')"]
SCRIPTED = ["age >= 60", "selected(region, 'north')", "count_selected(region) = 1", "string_length(name) > 2",
            "not(answered(name)) or age + 1 > 3", "if(age >= 60, 1, 0) = 1", "coalesce(name, 'x') = 'x'",
            "concat(name, 'a') = 'ba'", "round(age, 0) > 1", "int(age) > 1", "regex(name, '^A')",
            "age >= 60 and older = 'yes'", "date('2026-01-01') < today()"]
RULES = """
form: {id: rules, title: {vi: "Luật", en: Rules}, languages: [vi, en]}
choices:
  region: [{value: north, label: {vi: "Bắc", en: North}}]
sections:
  - name: first
    title: {vi: "Một", en: One}
    questions:
      - {name: age, type: integer, label: {vi: "Tuổi", en: Age}}
      - {name: name, type: text, label: {vi: "Tên", en: Name}}
      - {name: region, type: select_multiple, choices: region, label: {vi: "Miền", en: Region}}
      - {name: older, type: calculate, label: {vi: "Cao tuổi", en: Older}, calculation: "if(age >= 60, 'yes', 'no')"}
"""


@pytest.mark.parametrize(("source", "scripted"), [(s, False) for s in FALLBACKS] + [(s, True) for s in SCRIPTED])
def test_what_the_page_scripts_evaluate(source, scripted):
    definition = forms.load_definition(RULES)
    assert evaluable_in_browser(definition, parse(source)) == scripted


def test_a_rule_on_a_calculate_comes_as_a_tree_and_the_calculate_as_the_server_computed_it(app):
    definition = forms.load_definition(CASCADE)
    second = definition.sections[1]
    for age, older in (("70", "yes"), ("30", "no")):
        with app.app_context():
            page = json.loads(page_rules(definition, second, {"age": age, "region": "north"}))
        assert page["rules"]["pension"] == ["bin", "=", ["name", "older"], ["lit", "yes"]]
        assert page["answers"]["older"] == older


def test_the_page_s_own_calculates_come_as_trees_with_the_province_s_day(app):
    definition = forms.load_definition(RULES)
    with app.app_context():
        page = json.loads(page_rules(definition, definition.sections[0], {}))
    assert page["calcs"] == {"older": ["fn", "if", [["bin", ">=", ["name", "age"], ["num", "60"]],
                                                     ["lit", "yes"], ["lit", "no"]]]}
    assert page["today"] == "2026-11-17"
