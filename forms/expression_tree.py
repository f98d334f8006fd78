"""The tree of a parsed expression, and what its operations mean (see FORMAT.md).

Each node evaluates itself against a ``Lookup``, the only way an expression can read
answers. The rules for missing values live here: arithmetic with a missing value is
missing, every comparison with one is false, and missing is false as a condition.
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from .expression_functions import VALUE_FUNCTIONS, argument_problem, number

Value = Decimal | str | bool | None
"""What an expression computes; None is *missing*."""

CURRENT = "."
QUESTION_FUNCTIONS: dict[str, str] = {
    "selected": "a question and a literal choice value, e.g. selected(q, 'a'), or in a choice_filter"
                " a column of the choice, e.g. selected(q, choice('region'))",
    "count_selected": "one question, e.g. count_selected(q)",
    "answered": "one question, e.g. answered(q)",
}
"""Functions that read a question's stored answer: their first argument names the question."""
FUNCTIONS: dict[str, str] = {**QUESTION_FUNCTIONS,
                             **{name: f.usage for name, f in VALUE_FUNCTIONS.items()}}
"""Known functions -> the arguments they take, as told to the author when misused."""

# Any: compare() hands over only operands of one kind, which the operators can order.
COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq, "==": operator.eq, "!=": operator.ne,
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}


class ExpressionError(ValueError):
    """A syntax error; ``position`` is the 0-based character offset in the source.

    Also raised when evaluating a bad function call, which validation never lets through.
    """

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} at position {position}")
        self.detail = message
        self.position = position


class Lookup(Protocol):
    """Where an expression reads answers (``name`` may be ``'.'``, the current question)."""

    def value(self, name: str) -> object:
        """The typed value of the answer (str, int, Decimal, bool), None when missing."""

    def stored(self, name: str) -> str | None:
        """The answer as stored (for selected() / count_selected() / answered())."""

    def today(self) -> datetime.date | None:
        """The day today() gives (None: no clock, today() is missing)."""

    def column(self, name: str) -> str | None:
        """The column ``name`` of the choice a choice_filter is deciding on (None elsewhere)."""


@dataclass(frozen=True)
class DictLookup:
    """A Lookup over plain mappings; stored strings default to the values as text."""

    values: Mapping[str, object]
    stored_values: Mapping[str, str | None] | None = None
    day: datetime.date | None = None
    columns: Mapping[str, str] = field(default_factory=dict)

    def today(self) -> datetime.date | None:
        return self.day

    def column(self, name: str) -> str | None:
        return self.columns.get(name)

    def value(self, name: str) -> object:
        return self.values.get(name)

    def stored(self, name: str) -> str | None:
        if self.stored_values is not None:
            return self.stored_values.get(name)
        value = self.values.get(name)
        return None if value is None else str(value)


# --- the tree ----------------------------------------------------------------------


class Node:
    """A node of the parsed expression."""

    def evaluate(self, lookup: Lookup) -> Value:
        raise NotImplementedError

    def children(self) -> tuple[Node, ...]:
        return ()


@dataclass(frozen=True)
class Literal(Node):
    value: Value

    def evaluate(self, lookup: Lookup) -> Value:
        return self.value


@dataclass(frozen=True)
class Name(Node):
    """A question's answer; ``name`` is ``'.'`` for the question being checked."""

    name: str
    position: int

    def evaluate(self, lookup: Lookup) -> Value:
        return _normalize(lookup.value(self.name))


@dataclass(frozen=True)
class Not(Node):
    operand: Node

    def evaluate(self, lookup: Lookup) -> Value:
        return not truthy(self.operand.evaluate(lookup))

    def children(self) -> tuple[Node, ...]:
        return (self.operand,)


@dataclass(frozen=True)
class Negate(Node):
    operand: Node

    def evaluate(self, lookup: Lookup) -> Value:
        number = _as_number(self.operand.evaluate(lookup))
        return None if number is None else -number

    def children(self) -> tuple[Node, ...]:
        return (self.operand,)


@dataclass(frozen=True)
class Binary(Node):
    """Arithmetic, comparison, and/or."""

    op: str
    left: Node
    right: Node

    def evaluate(self, lookup: Lookup) -> Value:
        if self.op in ("and", "or"):
            # Short-circuit so that the right side is not even read when decided.
            decided = truthy(self.left.evaluate(lookup))
            if decided == (self.op == "or"):
                return decided
            return truthy(self.right.evaluate(lookup))
        left, right = self.left.evaluate(lookup), self.right.evaluate(lookup)
        if self.op in COMPARISONS:
            return compare(self.op, left, right)
        return arithmetic(self.op, left, right)

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)


@dataclass(frozen=True)
class Call(Node):
    name: str
    args: tuple[Node, ...]
    position: int

    def evaluate(self, lookup: Lookup) -> Value:
        if signature_error(self) is not None:
            raise ExpressionError(f"bad call of {self.name}()", self.position)
        function = VALUE_FUNCTIONS.get(self.name)
        if function is not None:
            return function.compute(lookup, tuple(arg.evaluate(lookup) for arg in self.args))
        stored = lookup.stored(self.question or CURRENT)
        chosen = stored.split() if stored is not None else []
        if self.name == "selected":
            return self.tested_value(lookup) in chosen
        if self.name == "count_selected":
            return Decimal(len(chosen))
        return stored is not None  # answered()

    def children(self) -> tuple[Node, ...]:
        return self.args

    @property
    def question(self) -> str | None:
        """The question (or '.') named by the first argument, if it names one."""
        first = self.args[0] if self.args else None
        return first.name if isinstance(first, Name) else None

    @property
    def choice_value(self) -> str | None:
        """The literal second argument as text (the value tested by selected())."""
        return _literal_text(self.args[1]) if len(self.args) > 1 else None

    def tested_value(self, lookup: Lookup) -> str | None:
        """The value selected() looks for: its literal, or the column of the choice being filtered."""
        if self.choice_value is not None:
            return self.choice_value
        column = self.args[1].evaluate(lookup)
        return column if isinstance(column, str) else None


def column_read(node: Node) -> bool:
    """Whether ``node`` is ``choice('col')``: in a choice_filter, selected() may look for it."""
    return (isinstance(node, Call) and node.name == "choice" and len(node.args) == 1
            and isinstance(node.args[0], Literal) and isinstance(node.args[0].value, str))


def signature_error(call: Call) -> str | None:
    """Why ``call`` is not a valid call of a known function, or None if it is."""
    if call.name not in FUNCTIONS:
        return f"unknown function {call.name}()"
    if call.name in VALUE_FUNCTIONS:
        literals = tuple(_literal_text(arg) for arg in call.args)
        return FUNCTIONS[call.name] if argument_problem(call.name, literals) else None
    arity = 2 if call.name == "selected" else 1
    if len(call.args) != arity or call.question is None:
        return FUNCTIONS[call.name]
    if arity == 2 and call.choice_value is None and not column_read(call.args[1]):
        return FUNCTIONS[call.name]
    return None


def _literal_text(node: Node) -> str | None:
    """The text of a string or number literal (the choice value in selected())."""
    if isinstance(node, Literal) and isinstance(node.value, (str, Decimal)):
        return str(node.value)
    return None


# --- values ------------------------------------------------------------------------


def truthy(value: Value) -> bool:
    """A value used as a condition: missing, false, 0 and '' are false."""
    if isinstance(value, Decimal):
        return value != 0
    return bool(value)


def _normalize(value: object) -> Value:
    """Bring a looked-up value into the evaluator's domain (all numbers are Decimal)."""
    if value is None or isinstance(value, (bool, str, Decimal)):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    return str(value)


def _as_number(value: Value) -> Decimal | None:
    """The number ``value`` is or reads as, None otherwise (booleans are not numbers)."""
    return number(value)


def compare(op: str, left: Value, right: Value) -> bool:
    """Compare two values; any comparison with a missing value is false."""
    if left is None or right is None:
        return False
    pair = _comparable(left, right)
    if pair is None:
        return op == "!="
    return COMPARISONS[op](*pair)


def _comparable(left: Value, right: Value) -> tuple[object, object] | None:
    if isinstance(left, bool) or isinstance(right, bool):
        return (left, right) if type(left) is type(right) else None
    if isinstance(left, str) and isinstance(right, str):
        return left, right
    a, b = _as_number(left), _as_number(right)
    return None if a is None or b is None else (a, b)


def arithmetic(op: str, left: Value, right: Value) -> Decimal | None:
    """``left op right``; missing when either side is not a number or on division by 0."""
    a, b = _as_number(left), _as_number(right)
    if a is None or b is None or (op in ("/", "mod") and b == 0):
        return None
    try:
        return _ARITHMETIC[op](a, b)
    except ArithmeticError:  # overflow and the like: no sensible number
        return None


# Decimal's % keeps the dividend's sign, like XPath's mod.
_ARITHMETIC = {"+": operator.add, "-": operator.sub, "*": operator.mul,
               "/": operator.truediv, "mod": operator.mod}


def walk(node: Node) -> Iterator[Node]:
    """Every node of the tree, iteratively (the tree may be deep on bad input)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children()))


def tree_depth(node: Node) -> int:
    deepest, stack = 0, [(node, 1)]
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in current.children())
    return deepest
