"""The functions of the expression language that compute from values (see FORMAT.md).

These are the XLSForm functions skip logic and calculations use, under our names: ``if``,
``coalesce``, ``concat``, ``round``, ``int``, ``string_length``, ``regex``, ``today``,
``date``, ``choice`` (a choice's column, only in a ``choice_filter``) and the ODK XForms
spec's arithmetic (``abs``, ``pow``, ``sqrt``, ``exp``, ``exp10``, ``log``, ``log10``, ``pi``
and the trigonometry ``sin`` … ``atan2``, in radians). The functions that
read a question's stored answer (``selected``, ``count_selected``, ``answered``) stay in
``forms.expression_tree``. Dates are ISO texts (``'2026-12-05'``), which compare in date
order; a missing argument gives a missing result unless the function says otherwise.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .expression_tree import Lookup, Value

_NUMBER = re.compile(r"\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*")
_MAX_PLACES = 10


@dataclass(frozen=True)
class Function:
    """A value function: how many arguments it takes, which must be text literals, its use."""

    least: int
    most: int
    usage: str
    compute: Callable[[Lookup, tuple[Value, ...]], Value]
    literal_first: bool = False
    literal_second: bool = False


def number(value: Value) -> Decimal | None:
    """The number ``value`` is or reads as (booleans are not numbers), None otherwise."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        return Decimal(value.strip())
    return None


def text(value: Value) -> str:
    """A value as XPath's string(): missing is '', numbers without exponent or trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return plain_number(value)
    return value


def plain_number(value: Decimal) -> str:
    """``Decimal('3.50')`` -> ``'3.5'``, ``Decimal('1E+1')`` -> ``'10'``; never '-0'."""
    if value == 0:
        return "0"
    return format(value.normalize(), "f") if value != value.to_integral_value() else str(
        int(value))


def _if(lookup: Lookup, args: tuple[Value, ...]) -> Value:
    from .expression_tree import truthy
    return args[1] if truthy(args[0]) else args[2]


def _coalesce(lookup: Lookup, args: tuple[Value, ...]) -> Value:
    """The first argument that has a value ('' has none, as in XLSForm)."""
    return next((arg for arg in args if arg is not None and arg != ""), None)


def _concat(lookup: Lookup, args: tuple[Value, ...]) -> Value:
    return "".join(text(arg) for arg in args)


def _round(lookup: Lookup, args: tuple[Value, ...]) -> Value:
    value = number(args[0])
    places = number(args[1]) if len(args) > 1 else Decimal(0)
    if value is None or places is None or not 0 <= places <= _MAX_PLACES:
        return None
    try:
        return value.quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the context holds
        return None


def _int(lookup: Lookup, args: tuple[Value, ...]) -> Value:
    value = number(args[0])
    return None if value is None else value.to_integral_value(rounding=ROUND_DOWN)


def _string_length(lookup: Lookup, args: tuple[Value, ...]) -> Value:
    return Decimal(len(text(args[0])))


def _regex(lookup: Lookup, args: tuple[Value, ...]) -> Value:
    return re.search(str(args[1]), text(args[0])) is not None


def _today(lookup: Lookup, args: tuple[Value, ...]) -> Value:
    day = lookup.today()
    return day.isoformat() if day else None


def _date(lookup: Lookup, args: tuple[Value, ...]) -> Value:
    """An ISO date text for a valid date, else missing."""
    written = text(args[0]).strip()[:10]
    try:
        return datetime.date.fromisoformat(written).isoformat()
    except ValueError:
        return None


def _choice(lookup: Lookup, args: tuple[Value, ...]) -> Value:
    return lookup.column(str(args[0]))


def _arithmetic(function: Callable[..., float]) -> Callable[[Lookup, tuple[Value, ...]], Value]:
    """A function of floats as a value function: missing when an argument is not a number or the
    result is not a finite number (``sqrt(-1)``, ``log(0)``, an overflow)."""
    def compute(lookup: Lookup, args: tuple[Value, ...]) -> Value:
        numbers = [number(arg) for arg in args]
        if any(n is None for n in numbers):
            return None
        try:
            result = function(*(float(n) for n in numbers))  # type: ignore[arg-type]
        except (ValueError, OverflowError, ZeroDivisionError):
            return None
        return Decimal(repr(result)) if math.isfinite(result) else None
    return compute


_ONE_NUMBER: dict[str, Callable[[float], float]] = {
    "abs": abs, "sqrt": math.sqrt, "exp": math.exp, "exp10": lambda x: math.pow(10, x), "log": math.log,
    "log10": math.log10, "sin": math.sin, "cos": math.cos, "tan": math.tan, "asin": math.asin,
    "acos": math.acos, "atan": math.atan}
"""XPath's functions of one number (ODK XForms spec), as Python computes them."""
ARITHMETIC: dict[str, Function] = {
    **{name: Function(1, 1, f"one number, e.g. {name}(x)", _arithmetic(f)) for name, f in _ONE_NUMBER.items()},
    "pow": Function(2, 2, "a number and its power, e.g. pow(x, 2)", _arithmetic(math.pow)),
    "atan2": Function(2, 2, "two numbers, e.g. atan2(y, x)", _arithmetic(math.atan2)),
    "pi": Function(0, 0, "no arguments: pi()", _arithmetic(lambda: math.pi)),
}

VALUE_FUNCTIONS: dict[str, Function] = {
    "if": Function(3, 3, "a condition and two values, e.g. if(age >= 18, 'adult', 'minor')", _if),
    "coalesce": Function(2, 2, "two values, e.g. coalesce(phone, 'none')", _coalesce),
    "concat": Function(1, 20, "one to 20 values, e.g. concat(first, ' ', last)", _concat),
    "round": Function(1, 2, "a number and 0 to 10 places, e.g. round(income / 12, 1)", _round),
    "int": Function(1, 1, "one number, e.g. int(months / 12)", _int),
    "string_length": Function(1, 1, "one value, e.g. string_length(.)", _string_length),
    "regex": Function(2, 2, "a value and a regular expression in quotes, e.g. regex(., '^0[0-9]{9}$')",
                      _regex, literal_second=True),
    "today": Function(0, 0, "no arguments: today()", _today),
    "date": Function(1, 1, "one date text, e.g. date('2026-01-01')", _date),
    "choice": Function(1, 1, "a column of the choice list in quotes, e.g. choice('province')",
                       _choice, literal_first=True),
    **ARITHMETIC,
}
"""Function name -> its definition; the usage is told to the author when a call is wrong."""


def argument_problem(name: str, args: tuple[str | None, ...]) -> bool:
    """Whether a call of value function ``name`` has a wrong argument count or literal.

    ``args`` holds each argument's literal text (None when it is not a literal).
    """
    function = VALUE_FUNCTIONS[name]
    if not function.least <= len(args) <= function.most:
        return True
    if function.literal_first and args[0] is None:
        return True
    return function.literal_second and (args[1] is None or not _compiles(args[1]))


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True
