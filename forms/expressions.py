"""The expression language of ``relevant`` and ``constraint`` (see FORMAT.md).

``parse(source)`` tokenizes and parses by recursive descent into a tree of small node
classes; ``Expression.evaluate(lookup)`` walks that tree. Nothing here uses Python's
``eval``: an expression can only read answers through the ``Lookup`` it is given.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import NamedTuple, Protocol

Value = Decimal | str | bool | None
"""What an expression computes; None is *missing*."""

CURRENT = "."
KEYWORDS = frozenset({"and", "or", "not", "mod", "true", "false"})
FUNCTIONS: dict[str, str] = {
    "selected": "a question and a literal choice value, e.g. selected(q, 'a')",
    "count_selected": "one question, e.g. count_selected(q)",
    "answered": "one question, e.g. answered(q)",
}
"""Known functions -> the arguments they take, as told to the author when misused."""

# Deeper nesting than this is surely a mistake, and bounding it keeps parsing and
# evaluation far from Python's recursion limit whatever the input.
MAX_DEPTH = 50

_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<number>\d+(?:\.\d+)?)
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<op>==|!=|<=|>=|[=<>+\-*/(),.])""",
    re.VERBOSE,
)
_NUMBER = re.compile(r"\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*")
_COMPARISONS: dict[str, Callable[[object, object], bool]] = {
    "=": operator.eq, "==": operator.eq, "!=": operator.ne,
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}


class ExpressionError(ValueError):
    """A syntax error; ``position`` is the 0-based character offset in the source."""

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


@dataclass(frozen=True)
class DictLookup:
    """A Lookup over plain mappings; stored strings default to the values as text."""

    values: Mapping[str, object]
    stored_values: Mapping[str, str | None] | None = None

    def value(self, name: str) -> object:
        return self.values.get(name)

    def stored(self, name: str) -> str | None:
        if self.stored_values is not None:
            return self.stored_values.get(name)
        value = self.values.get(name)
        return None if value is None else str(value)


class Token(NamedTuple):
    kind: str  # number, string, name, keyword, op, end
    text: str
    position: int


def tokenize(source: str) -> list[Token]:
    """Split ``source`` into tokens, ending with an 'end' token."""
    tokens, position = [], 0
    while position < len(source):
        match = _TOKEN.match(source, position)
        if match is None:
            char = source[position]
            problem = "unterminated string" if char in "'\"" else f"unexpected character {char!r}"
            raise ExpressionError(problem, position)
        kind, text = match.lastgroup or "", match.group()
        if kind == "name" and text in KEYWORDS:
            kind = "keyword"
        if kind != "space":
            tokens.append(Token(kind, text, position))
        position = match.end()
    return [*tokens, Token("end", "", len(source))]


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
            left = truthy(self.left.evaluate(lookup))
            if left == (self.op == "or"):
                return left
            return truthy(self.right.evaluate(lookup))
        left, right = self.left.evaluate(lookup), self.right.evaluate(lookup)
        if self.op in _COMPARISONS:
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
        stored = lookup.stored(self.question or CURRENT)
        chosen = stored.split() if stored is not None else []
        if self.name == "selected":
            return self.choice_value in chosen
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


def signature_error(call: Call) -> str | None:
    """Why ``call`` is not a valid call of a known function, or None if it is."""
    if call.name not in FUNCTIONS:
        return f"unknown function {call.name}()"
    arity = 2 if call.name == "selected" else 1
    if len(call.args) != arity or call.question is None:
        return FUNCTIONS[call.name]
    if arity == 2 and call.choice_value is None:
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
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        return Decimal(value.strip())
    return None


def compare(op: str, left: Value, right: Value) -> bool:
    """Compare two values; any comparison with a missing value is false."""
    if left is None or right is None:
        return False
    pair = _comparable(left, right)
    if pair is None:
        return op == "!="
    return _COMPARISONS[op](*pair)


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


# --- the parser --------------------------------------------------------------------


class _Parser:
    """Recursive descent, one method per precedence level, loosest first."""

    def __init__(self, source: str) -> None:
        self.tokens = tokenize(source)
        self.index = 0
        self.depth = 0

    def parse(self) -> Node:
        node = self.or_()
        token = self.peek()
        if token.kind != "end":
            raise ExpressionError(f"unexpected {_describe(token)}", token.position)
        return node

    def peek(self) -> Token:
        return self.tokens[self.index]

    def accept(self, *texts: str) -> Token | None:
        token = self.peek()
        if token.kind in ("op", "keyword") and token.text in texts:
            self.index += 1
            return token
        return None

    def expect(self, text: str) -> Token:
        token = self.accept(text)
        if token is None:
            found = self.peek()
            raise ExpressionError(f"expected '{text}', found {_describe(found)}", found.position)
        return token

    def nest(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError("expression nested too deeply", self.peek().position)

    def binary_level(self, operand: Callable[[], Node], *ops: str) -> Node:
        node = operand()
        while (token := self.accept(*ops)) is not None:
            node = Binary(token.text, node, operand())
        return node

    def or_(self) -> Node:
        return self.binary_level(self.and_, "or")

    def and_(self) -> Node:
        return self.binary_level(self.not_, "and")

    def not_(self) -> Node:
        if self.accept("not") is None:
            return self.comparison()
        self.nest()
        node = Not(self.not_())
        self.depth -= 1
        return node

    def comparison(self) -> Node:
        node = self.additive()
        token = self.accept(*_COMPARISONS)
        if token is None:
            return node
        node = Binary(token.text, node, self.additive())
        chained = self.accept(*_COMPARISONS)
        if chained is not None:
            raise ExpressionError("comparisons cannot be chained; join them with 'and'",
                                  chained.position)
        return node

    def additive(self) -> Node:
        return self.binary_level(self.multiplicative, "+", "-")

    def multiplicative(self) -> Node:
        return self.binary_level(self.unary, "*", "/", "mod")

    def unary(self) -> Node:
        if self.accept("-") is None:
            return self.primary()
        self.nest()
        node = Negate(self.unary())
        self.depth -= 1
        return node

    def primary(self) -> Node:
        token = self.peek()
        self.index += 1
        if token.kind == "number":
            return Literal(Decimal(token.text))
        if token.kind == "string":
            return Literal(token.text[1:-1])
        if token.kind == "keyword" and token.text in ("true", "false"):
            return Literal(token.text == "true")
        if token.kind == "op" and token.text == CURRENT:
            return Name(CURRENT, token.position)
        if token.kind == "name":
            return self.call(token) if self.accept("(") else Name(token.text, token.position)
        if token.kind == "op" and token.text == "(":
            return self.parenthesised()
        raise ExpressionError(f"expected a value, found {_describe(token)}", token.position)

    def parenthesised(self) -> Node:
        self.nest()
        node = self.or_()
        self.expect(")")
        self.depth -= 1
        return node

    def call(self, name: Token) -> Call:
        self.nest()
        args: list[Node] = []
        if self.accept(")") is None:
            args.append(self.or_())
            while self.accept(","):
                args.append(self.or_())
            self.expect(")")
        self.depth -= 1
        return Call(name.text, tuple(args), name.position)


def _describe(token: Token) -> str:
    return "the end" if token.kind == "end" else repr(token.text)


def _walk(node: Node) -> Iterator[Node]:
    """Every node of the tree, iteratively (the tree may be deep on bad input)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children()))


def _depth(node: Node) -> int:
    deepest, stack = 0, [(node, 1)]
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in current.children())
    return deepest


# --- the public face ---------------------------------------------------------------


@dataclass(frozen=True)
class Expression:
    """A parsed expression; two expressions are equal when their sources are."""

    source: str
    tree: Node = field(compare=False, repr=False)

    @cached_property
    def references(self) -> frozenset[str]:
        """Names of the questions read (``'.'`` excluded)."""
        return frozenset(n.name for n in _walk(self.tree)
                         if isinstance(n, Name) and n.name != CURRENT)

    @cached_property
    def uses_current(self) -> bool:
        return any(isinstance(n, Name) and n.name == CURRENT for n in _walk(self.tree))

    @cached_property
    def calls(self) -> tuple[Call, ...]:
        return tuple(n for n in _walk(self.tree) if isinstance(n, Call))

    @cached_property
    def functions(self) -> frozenset[str]:
        return frozenset(call.name for call in self.calls)

    @cached_property
    def selected_values(self) -> frozenset[tuple[str, str]]:
        """(question name or '.', value) for each well-formed selected() call."""
        return frozenset((call.question, call.choice_value)  # type: ignore[misc]
                         for call in self.calls
                         if call.name == "selected" and signature_error(call) is None)

    def evaluate(self, lookup: Lookup) -> Value:
        return self.tree.evaluate(lookup)

    def is_true(self, lookup: Lookup) -> bool:
        """Evaluate as a condition (missing is false)."""
        return truthy(self.evaluate(lookup))


def parse(source: str) -> Expression:
    """Parse ``source``; raises ExpressionError with the position of the first error."""
    tree = _Parser(source).parse()
    if _depth(tree) > MAX_DEPTH:
        raise ExpressionError("expression nested too deeply", 0)
    return Expression(source, tree)
