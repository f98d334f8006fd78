"""relevance.js's documented fallback (issue 17): a condition with a value function or a calculate
read comes to the page as the server's decision, the rest as a tree the script evaluates."""
import json

import pytest

import forms
from forms.browser_rules import evaluable_in_browser
from forms.expressions import parse
from survey.public.relevance import page_rules
from tests.public.test_calculate_pages import CASCADE

FALLBACKS = ["if(age >= 60, 1, 0) = 1", "coalesce(name, 'x') = 'x'", "concat(name, 'a') = 'ba'",
             "round(age, 0) > 1", "int(age) > 1", "regex(name, '^A')", "age >= 60 and older = 'yes'"]
SCRIPTED = ["age >= 60", "selected(region, 'north')", "count_selected(region) = 1", "string_length(name) > 2",
            "not(answered(name)) or age + 1 > 3"]
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


def test_a_rule_on_a_calculate_comes_as_the_server_s_decision():
    definition = forms.load_definition(CASCADE)
    second = definition.sections[1]
    for age, asked in (("70", True), ("30", False)):
        rules = json.loads(page_rules(definition, second, {"age": age, "region": "north"}))["rules"]
        assert rules["pension"] == ["lit", asked]
