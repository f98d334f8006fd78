"""What keyers type: option codes as printed, their stored values, and the routing sent to entry.js."""
from datetime import timedelta

import forms
from forms.browser_rules import tree
from survey.entries.codes import keyed_slots, option_codes, to_stored, to_typed
from survey.surveyor.entry import rules
from tests.clock import START
from tests.surveyor.conftest import PAPER_FORM


def definition():
    return forms.load_definition(PAPER_FORM)


def test_codes_are_the_scale_itself_or_positions_in_the_list():
    paper = definition()
    assert option_codes(paper.question("overall")) == [(v, v) for v in ("1", "2", "3", "4", "5", "9")]
    assert option_codes(paper.question("visited")) == [("1", "yes"), ("2", "no")]
    assert option_codes(paper.question("helps")) == [("1", "signs"), ("2", "staff"), ("3", "online")]
    assert option_codes(paper.question("trips")) == []


def test_typed_codes_become_stored_answers_and_back():
    paper = definition()
    helps, sex, trips = paper.question("helps"), paper.question("sex"), paper.question("trips")
    assert to_stored(helps, " 3, 1 3 ") == ("signs online", [])  # choice-list order, once each
    assert to_stored(helps, "1 4 7") == (None, ["4", "7"])
    assert to_stored(sex, "1 2") == (None, ["2"])  # one option only
    assert to_stored(sex, "") == (None, [])
    assert to_stored(trips, "007") == ("7", [])
    assert to_typed(helps, "signs online") == "1 3" and to_typed(trips, "7") == "7" and to_typed(sex, None) == ""


def test_the_routing_travels_as_expression_trees(app):
    paper = definition()
    with app.app_context():
        sent = {q["key"]: q for q in rules(paper, "vi")["questions"]}
    assert sent["trips"]["when"] == [["bin", "=", ["name", "visited"], ["lit", "yes"]]]
    assert sent["overall"]["codes"]["9"] == ["9", "Không biết / không áp dụng"]
    assert sent["helps"]["codes"]["2"] == ["staff", "Cán bộ hướng dẫn"]
    expression = forms.definition_from_dict({
        "form": {"id": "x", "title": "x", "languages": ["vi"]},
        "choices": {"c": [{"value": "x", "label": "x"}]},
        "sections": [{"name": "s", "title": "s", "questions": [
            {"name": "a", "type": "integer", "label": "a"},
            {"name": "b", "type": "select_multiple", "choices": "c", "label": "b"},
            {"name": "t", "type": "text", "label": "t",
             "relevant": "not (-a + 1 > 2.5) or selected(b, 'x') and count_selected(b) mod 2 = 1"}]}],
    }).question("t").relevant
    assert tree(expression.tree) == [
        "bin", "or",
        ["not", ["bin", ">", ["bin", "+", ["neg", ["name", "a"]], ["num", "1"]], ["num", "2.5"]]],
        ["bin", "and", ["call", "selected", "b", "x"],
         ["bin", "=", ["bin", "mod", ["call", "count_selected", "b", None], ["num", "2"]], ["num", "1"]]]]


def test_the_routing_is_built_once_per_definition_and_language_and_sent_with_the_day_it_is(app, clock_at):
    paper = definition()
    with app.app_context():
        first, english = rules(paper, "vi"), rules(paper, "en")
        clock_at(START + timedelta(days=1))
        again = rules(paper, "vi")
    assert again["questions"] is first["questions"] and english["questions"] is not first["questions"]
    assert again["calculates"] is first["calculates"] and again["order"] is first["order"]
    assert (first["today"], again["today"]) == ("2026-11-17", "2026-11-18")


def test_the_keyed_boxes_are_listed_once_per_definition():
    paper = definition()
    assert keyed_slots(paper) is keyed_slots(paper) and keyed_slots(definition()) is not keyed_slots(paper)
