"""Our expressions through XLSForm syntax and back mean the same (property test, derandomized)."""
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from forms.expressions import DictLookup, ExpressionError, parse
from forms.xlsform_expressions import from_xlsform, to_xlsform

NAMES = ("a", "b", "c")
GAP = st.sampled_from(["", " ", "  "])
ATOMS = st.one_of(
    st.sampled_from(NAMES), st.sampled_from([".", "1", "2.5", "0", "'x'", "'y'", "''", "true", "false"]),
    st.sampled_from([f"{f}({n})" for f in ("count_selected", "string_length", "answered") for n in (*NAMES, ".")]),
    st.sampled_from([f"selected({n}, '{v}')" for n in NAMES for v in ("x", "y", "1")]))


def _compound(inner):
    binary = st.tuples(inner, st.sampled_from(["+", "-", "*", "/", " mod ", "=", "==", "!=", "<", "<=", ">", ">=",
                                               " and ", " or "]), inner, GAP, GAP)
    return st.one_of(
        binary.map(lambda t: f"{t[0]}{t[3]}{t[1]}{t[4]}{t[2]}"),
        st.tuples(GAP, inner).map(lambda t: f"not{t[0] or ' '}{t[1]}"),
        st.tuples(GAP, inner, GAP).map(lambda t: f"({t[0]}{t[1]}{t[2]})"),
        inner.map(lambda e: f"-{e}"))


EXPRESSIONS = st.recursive(ATOMS, _compound, max_leaves=8)
ANSWER = st.sampled_from([None, "x", "y", "x y", "1", "2", "", "7.5", "-3"])
ANSWERS = st.fixed_dictionaries(dict.fromkeys((*NAMES, "."), ANSWER))


def _evaluate(source: str, answers: dict) -> object:
    values = {name: _typed(value) for name, value in answers.items()}
    try:
        return parse(source).evaluate(DictLookup(values, answers))
    except ArithmeticError:
        return "arithmetic error"


def _typed(stored: str | None) -> object:
    try:
        return Decimal(stored) if stored else stored
    except ArithmeticError:
        return stored


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(EXPRESSIONS, ANSWERS)
def test_an_expression_means_the_same_after_xlsform_and_back(source, answers):
    try:
        parse(source)
    except ExpressionError:
        assume(False)
    back, _ = from_xlsform(to_xlsform(source))
    assert _evaluate(back, answers) == _evaluate(source, answers), (source, to_xlsform(source), back)
    again, _ = from_xlsform(to_xlsform(back))
    assert again == back  # the normal form is stable
