"""Question types: stored form, checks of stored answers, values for expressions, numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from forms import QUESTION_TYPES


@pytest.fixture
def questions(make_definition, question):
    """name -> Question, one of each type (named after it)."""
    definition = make_definition(
        question("select_one", "select_one", choices="fruit"),
        question("select_multiple", "select_multiple", choices="fruit"),
        *(question(name, name) for name in ("satisfaction", "yes_no", "integer", "decimal",
                                            "text", "date", "unit", "note")),
    )
    return {q.name: q for q in definition.questions}


def test_the_registry_has_every_type_of_the_format():
    assert set(QUESTION_TYPES) == {"select_one", "select_multiple", "satisfaction", "yes_no",
                                   "integer", "decimal", "text", "date", "unit", "note",
                                   "calculate", "geopoint", "range", "rank", "acknowledge",
                                   "trigger"}
    assert [t for t, kind in QUESTION_TYPES.items() if kind.takes_choice_list] == [
        "select_one", "select_multiple", "rank"]
    assert [t for t, kind in QUESTION_TYPES.items() if not kind.has_answer] == ["note"]
    assert [t for t, kind in QUESTION_TYPES.items() if not kind.has_input] == ["note", "calculate"]


@pytest.mark.parametrize(("name", "data", "stored"), [
    ("select_one", "pear", "pear"),
    ("select_one", "", None),
    ("select_multiple", ["fig", "apple", "fig"], "apple fig"),  # choice-list order, once
    ("select_multiple", "fig apple", "apple fig"),
    ("select_multiple", ["kiwi", "pear"], "pear kiwi"),  # unknown last, for the check to refuse
    ("select_multiple", [], None),
    ("select_multiple", None, None),
    ("satisfaction", "9", "9"),
    ("integer", " 007 ", "7"),
    ("integer", "+12", "12"),
    ("integer", "-0", "0"),
    ("integer", "twelve", "twelve"),
    ("decimal", "2,5", "2.5"),  # a Vietnamese decimal comma
    ("decimal", "2.50", "2.50"),
    ("decimal", ".5", "0.5"),
    ("decimal", "-0.0", "0.0"),
    ("decimal", "1.000,5", "1.000,5"),
    ("text", "  Xin chào  ", "Xin chào"),
    ("text", "   ", None),
    ("date", "2026-03-01", "2026-03-01"),
    ("date", "1/3/2026", "2026-03-01"),  # day/month/year, as written in Vietnam
    ("date", "31/2/2026", "31/2/2026"),
    ("unit", "", None),
    ("unit", " AG-LX ", "AG-LX"),
    ("note", "anything", None),
])
def test_to_stored(questions, name, data, stored):
    question = questions[name]
    assert question.kind.to_stored(data, question) == stored


@pytest.mark.parametrize(("name", "stored", "problem"), [
    ("select_one", "pear", None),
    ("select_one", "kiwi", "invalid_choice"),
    ("select_multiple", "apple fig", None),
    ("select_multiple", "fig apple", "invalid_choice"),  # not in choice-list order
    ("select_multiple", "apple apple", "invalid_choice"),
    ("select_multiple", "apple  fig", "invalid_choice"),
    ("select_multiple", "apple kiwi", "invalid_choice"),
    ("satisfaction", "5", None),
    ("satisfaction", "9", None),
    ("satisfaction", "6", "invalid_choice"),
    ("yes_no", "yes", None),
    ("yes_no", "Yes", "invalid_choice"),
    ("integer", "-12", None),
    ("integer", "012", "invalid_integer"),
    ("integer", "1.5", "invalid_integer"),
    ("integer", "9" * 31, "invalid_integer"),
    ("decimal", "2.5", None),
    ("decimal", "2,5", "invalid_decimal"),
    ("decimal", "NaN", "invalid_decimal"),
    ("decimal", "1e5", "invalid_decimal"),
    ("text", "Tốt", None),
    ("text", " Tốt", "invalid_text"),
    ("text", "", "invalid_text"),
    ("date", "2024-02-29", None),
    ("date", "2023-02-29", "invalid_date"),
    ("date", "2024-2-9", "invalid_date"),
    ("date", "29/02/2024", "invalid_date"),
    ("unit", "AG-LX", None),
    ("unit", "AG LX", "invalid_unit"),
])
def test_validate_stored(questions, name, stored, problem):
    question = questions[name]
    assert question.kind.validate_stored(stored, question) == problem


def test_unit_answers_are_checked_against_the_codes_given(questions):
    unit = questions["unit"]
    assert unit.kind.validate_stored("AG-LX", unit, unit_codes={"AG-LX"}) is None
    assert unit.kind.validate_stored("AG-CD", unit, unit_codes={"AG-LX"}) == "invalid_unit"


@pytest.mark.parametrize(("name", "stored", "value"), [
    ("satisfaction", "4", 4),
    ("satisfaction", "9", None),  # don't know: missing
    ("satisfaction", None, None),
    ("integer", "-3", -3),
    ("integer", "x", None),
    ("decimal", "2.50", Decimal("2.50")),
    ("yes_no", "no", "no"),
    ("select_one", "pear", "pear"),
    ("select_multiple", "apple fig", "apple fig"),
    ("date", "2026-03-01", "2026-03-01"),
    ("text", None, None),
])
def test_to_value(questions, name, stored, value):
    result = questions[name].kind.to_value(stored)
    assert result == value and type(result) is type(value)


@pytest.mark.parametrize(("name", "stored", "number"), [
    ("satisfaction", "1", 1.0),
    ("satisfaction", "5", 5.0),
    ("satisfaction", "9", None),
    ("yes_no", "yes", 1.0),
    ("yes_no", "no", 0.0),
    ("yes_no", None, None),
    ("integer", "42", 42.0),
    ("decimal", "2.5", 2.5),
    ("select_one", "pear", None),
    ("text", "5", None),
    ("date", "2026-03-01", None),
])
def test_numeric(questions, name, stored, number):
    assert questions[name].kind.numeric(stored) == number
