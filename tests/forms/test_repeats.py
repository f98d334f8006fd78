"""Repeats (issue 17): a household roster's questions asked once per instance, each instance
checked against its own answers (``forms.repeats``, ``forms.checking``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import forms
from forms.repeats import MAX_INSTANCES, answer_key_known, instance_key, max_instances, remove_instance, split_key

ROSTER = Path(__file__).with_name("household_roster.yaml")


@pytest.fixture(scope="module")
def roster() -> forms.Definition:
    return forms.load_definition(ROSTER)


def counted(repeat_count: str) -> forms.Definition:
    """The roster with the member repeat counted by ``repeat_count``, not by what is answered."""
    text = ROSTER.read_text(encoding="utf-8").replace("repeat_max: 8", f"repeat_count: {repeat_count!r}")
    return forms.load_definition(text)


def test_an_answers_key_names_the_question_and_its_instance():
    assert instance_key("member_age", 2) == "member_age[2]"
    assert split_key("member_age[2]") == ("member_age", 2)
    assert split_key("comment") == ("comment", 0)
    assert split_key("member_age[0]") == ("member_age[0]", 0)


def test_only_repeat_questions_take_an_instance(roster):
    assert answer_key_known(roster, "member_age[3]")
    assert answer_key_known(roster, "comment")
    assert not answer_key_known(roster, "member_age")
    assert not answer_key_known(roster, "comment[1]")



class Walked(tuple):
    """A definition's questions that count the walks over them."""

    walks = 0

    def __iter__(self):
        self.walks += 1
        return super().__iter__()


def test_a_key_is_looked_up_in_the_definition_s_index_not_by_walking_its_questions():
    definition = forms.load_definition(ROSTER)
    definition.question("comment")  # the index, built once
    definition.__dict__["questions"] = Walked(definition.questions)
    keys = ["member_age[3]", "comment", "member_age", "comment[1]", "nothing"]
    assert [answer_key_known(definition, key) for key in keys] == [True, True, False, False, False]
    assert definition.questions.walks == 0

def test_the_definition_keeps_the_repeat_through_its_document(roster):
    section = roster.section("member")
    assert (section.repeat, section.repeat_max, section.repeat_count) == (True, 8, None)
    assert forms.definition_from_dict(roster.to_dict()) == roster
    assert roster.repeat_of("member_age") is section
    assert roster.repeat_of("comment") is None


def test_each_instance_is_checked_against_its_own_answers(roster):
    answers = {"visit_rating": "4", "member_name[1]": "Lan", "member_age[1]": "40", "at_school[1]": "no",
               "member_name[2]": "Minh", "member_age[2]": "12", "at_school[2]": "yes",
               "member_age[3]": "130"}
    errors = forms.check_answers(roster, answers, language="en")
    assert errors == {"member_name[3]": "Please answer this question.",
                      "member_age[3]": "This answer is not valid."}
    asked = forms.relevance(roster, answers)
    assert (asked["at_school[1]"], asked["at_school[2]"]) == (False, True)


def test_a_calculate_inside_a_repeat_is_computed_per_instance(roster):
    answers = {"member_name[1]": "Lan", "member_age[1]": "40", "member_name[2]": "Minh", "member_age[2]": "9",
               "adult[2]": "yes"}
    computed = forms.with_calculations(roster, answers)
    assert (computed["adult[1]"], computed["adult[2]"]) == ("yes", "no")


def test_instances_past_the_most_a_repeat_takes_are_not_asked(roster):
    answers = {instance_key("member_name", n): f"P{n}" for n in range(1, 10)}
    asked = forms.relevance(roster, answers)
    assert asked["member_name[8]"] and "member_name[9]" not in asked


def test_a_repeat_takes_its_repeat_max_else_the_most_any_takes(roster):
    assert max_instances(roster.section("member")) == 8
    assert max_instances(counted("members_told").section("member")) == MAX_INSTANCES


def test_removing_an_instance_moves_the_later_ones_down(roster):
    names = ["Lan", "Bỏ", "Minh"]
    answers = {instance_key(q, n): None for n in (1, 2, 3) for q in ("member_name", "relation", "member_age",
                                                                     "at_school")}
    answers |= {instance_key("member_name", n): name for n, name in enumerate(names, 1)} | {"member_age[3]": "12"}
    left = remove_instance(answers, roster.section("member"), 2)
    assert left == {**answers, "member_name[2]": "Minh", "member_age[2]": "12", "member_name[3]": None,
                    "member_age[3]": None}


def test_a_counted_repeat_asks_as_many_instances_as_its_count_says():
    definition = counted("members_told")
    answers = {"visit_rating": "9", "members_told": "2", "member_name[1]": "Lan"}
    assert forms.check_answers(definition, answers, language="en") == {
        "member_name[2]": "Please answer this question."}
    assert "member_name[1]" not in forms.relevance(definition, {"members_told": "0", "member_name[1]": "Lan"})


@pytest.mark.parametrize(("change", "code", "column"), [
    (("repeat_max: 8", "repeat_max: 101"), "invalid_repeat", "sections[1].repeat_max"),
    (("repeat_max: 8", "repeat_count: comment"), "forward_reference", "sections[1].repeat_count"),
    (("repeat_max: 8", "repeat_count: member_age"), "forward_reference", "sections[1].repeat_count"),
    (("repeat: true", "repeat: false"), "field_not_allowed", "sections[1].repeat_max"),
    (("{name: comment, type: text,", "{name: comment, type: text, relevant: 'member_age > 3',"),
     "repeat_reference", "sections[2].questions[0].relevant"),
])
def test_a_broken_repeat_is_refused_with_its_cell(change, code, column):
    text = ROSTER.read_text(encoding="utf-8").replace(*change)
    with pytest.raises(forms.DefinitionError) as raised:
        forms.load_definition(text)
    assert (code, column) in {(problem.code, problem.column) for problem in raised.value.problems}


def test_a_blank_instance_a_page_shows_is_resolved_with_its_relevance(roster):
    answers = {"member_name[1]": "Lan"}
    assert "member_name[2]" not in forms.relevance(roster, answers)
    shown = forms.relevance(roster, answers, {"member": 2})
    assert (shown["member_name[2]"], shown["at_school[2]"]) == (True, False)


def test_a_repeat_made_counted_is_a_change_between_versions(roster):
    changed = counted("members_told")
    assert [(c.kind, c.key, c.before, c.after) for c in forms.compare(roster, changed)] == [
        ("section_repeat_changed", "member", "≤ 8", "members_told")]
