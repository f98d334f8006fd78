"""The expression language: parsing, precedence, evaluation, missing values, errors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from forms.expressions import DictLookup, ExpressionError, parse


@pytest.fixture
def evaluate():
    """Evaluates source against typed values (and, optionally, stored strings)."""

    def run(source: str, values: dict | None = None, stored: dict | None = None):
        return parse(source).evaluate(DictLookup(values or {}, stored))

    return run


@pytest.mark.parametrize(("source", "expected"), [
    ("1 + 2 * 3", Decimal(7)),
    ("(1 + 2) * 3", Decimal(9)),
    ("10 - 4 - 3", Decimal(3)),  # left-associative
    ("12 / 4 / 3", Decimal(1)),
    ("-2 * 3", Decimal(-6)),
    ("- -2", Decimal(2)),
    ("7 mod 3", Decimal(1)),
    ("-7 mod 3", Decimal(-1)),  # keeps the dividend's sign, as XPath does
    ("1 + 6 mod 4", Decimal(3)),  # mod binds like *
    ("2.5 * 2", Decimal("5.0")),
    ("'a' = \"a\"", True),
])
def test_arithmetic_and_literals(evaluate, source, expected):
    assert evaluate(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("true or false and false", True),  # and binds tighter than or
    ("(true or false) and false", False),
    ("not 1 = 2", True),  # not is looser than comparisons: not (1 = 2)
    ("not true or true", True),  # ... but tighter than or
    ("not (true or true)", False),
    ("1 + 1 = 2 and 2 * 2 >= 4", True),
])
def test_precedence(evaluate, source, expected):
    assert evaluate(source) is expected


@pytest.mark.parametrize(("source", "expected"), [
    ("3 = 3", True), ("3 == 3.0", True), ("3 != 4", True), ("2 < 10", True),
    ("2 <= 2", True), ("3 > 2", True), ("3 >= 4", False),
    ("'10' > 9", True),  # a string that reads as a number compares as a number
    ("'abc' = 1", False), ("'abc' != 1", True), ("'abc' < 1", False),
    ("'2024-01-31' < '2024-02-01'", True),  # ISO dates compare in date order
    ("true = true", True), ("true = 1", False),
])
def test_comparisons(evaluate, source, expected):
    assert evaluate(source) is expected


def test_names_read_the_lookup(evaluate):
    values = {"age": 30, "sex": "female", "score": Decimal("2.5"), ".": 7}
    assert evaluate("age >= 18 and sex = 'female'", values) is True
    assert evaluate("score * 2", values) == Decimal("5.0")
    assert evaluate(". mod 2 = 1", values) is True


@pytest.mark.parametrize("source", [
    "age + 1", "age * 0", "-age", "age / 2", "'x' + 1", "true + 1",
])
def test_arithmetic_with_a_missing_or_non_number_is_missing(evaluate, source):
    assert evaluate(source, {"age": None}) is None


@pytest.mark.parametrize("source", ["age >= 60", "age < 60", "age = 0", "age != 0",
                                    "age + 1 > 0"])
def test_every_comparison_with_a_missing_value_is_false(evaluate, source):
    assert evaluate(source, {"age": None}) is False
    assert parse(source).is_true(DictLookup({"age": None})) is False


def test_missing_is_false_as_a_condition(evaluate):
    assert evaluate("not age", {"age": None}) is True
    assert evaluate("age or true", {"age": None}) is True
    assert evaluate("age and true", {"age": None}) is False


@pytest.mark.parametrize("source", ["1 / 0", "1 mod 0", "5 / (2 - 2)"])
def test_division_by_zero_is_missing(evaluate, source):
    assert evaluate(source) is None


def test_and_or_short_circuit(evaluate):
    class Strict(DictLookup):
        def value(self, name):
            raise AssertionError(f"{name} should not be read")

    assert parse("false and boom > 1").evaluate(Strict({})) is False
    assert parse("true or boom > 1").evaluate(Strict({})) is True


def test_selected_reads_stored_answers(evaluate):
    stored = {"fruits": "apple fig", "none": None}
    assert evaluate("selected(fruits, 'fig')", {}, stored) is True
    assert evaluate("selected(fruits, 'pear')", {}, stored) is False
    assert evaluate("selected(fruits, 'app')", {}, stored) is False  # whole values only
    assert evaluate("selected(none, 'fig')", {}, stored) is False
    assert evaluate("selected(sat, 9)", {"sat": None}, {"sat": "9"}) is True


def test_count_selected_and_answered(evaluate):
    stored = {"fruits": "apple fig", "none": None, "sat": "9"}
    assert evaluate("count_selected(fruits)", {}, stored) == 2
    assert evaluate("count_selected(none)", {}, stored) == 0
    assert evaluate("answered(fruits) and not answered(none)", {}, stored) is True
    # 9 ("don't know") is an answer even though its value is missing
    assert evaluate("answered(sat)", {"sat": None}, stored) is True


def test_what_an_expression_uses():
    expression = parse("selected(a, 'x') and count_selected(b) > 1 or c + . > 2 "
                       "and answered(d) and selected(., 'y')")
    assert expression.references == {"a", "b", "c", "d"}
    assert expression.functions == {"selected", "count_selected", "answered"}
    assert expression.selected_values == {("a", "x"), (".", "y")}
    assert expression.uses_current
    assert not parse("a = 1").uses_current


def test_expressions_are_equal_by_source():
    assert parse("a = 1") == parse("a = 1")
    assert parse("a = 1") != parse("a == 1")


@pytest.mark.parametrize(("source", "position", "detail"), [
    ("", 0, "expected a value"),
    ("a +", 3, "expected a value"),
    ("a = = 1", 4, "expected a value"),
    ("(a = 1", 6, "expected ')'"),
    ("a = 1)", 5, "unexpected ')'"),
    ("a = 'open", 4, "unterminated string"),
    ("a # 1", 2, "unexpected character '#'"),
    ("1 < a < 3", 6, "comparisons cannot be chained"),
    ("a b", 2, "unexpected 'b'"),
    ("selected(a 'x')", 11, "expected ')'"),
    ("3.", 1, "unexpected '.'"),
    ("and", 0, "expected a value"),
])
def test_syntax_errors_tell_where(source, position, detail):
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert caught.value.position == position
    assert detail in caught.value.detail
    assert f"at position {position}" in str(caught.value)


@pytest.mark.parametrize("source", ["(" * 200 + "1" + ")" * 200, "not " * 200 + "true",
                                    "-" * 200 + "1", " + ".join(["1"] * 500)])
def test_deep_nesting_is_an_error_not_a_crash(source):
    with pytest.raises(ExpressionError, match="nested too deeply"):
        parse(source)


def test_unknown_functions_parse_but_do_not_evaluate():
    expression = parse("shout(a)")
    assert expression.functions == {"shout"}
    with pytest.raises(ExpressionError):
        expression.evaluate(DictLookup({}))


@pytest.mark.parametrize(("stored", "expected"), [("H12.345-2026", Decimal(12)), ("Hồ sơ", Decimal(5)),
                                                   (None, Decimal(0))])
def test_string_length_counts_characters_of_the_stored_answer(stored, expected):
    lookup = DictLookup(values={"code": stored}, stored_values={"code": stored})
    assert parse("string_length(code)").evaluate(lookup) == expected
