"""The expression language of ``relevant`` and ``constraint`` (see FORMAT.md).

``parse(source)`` tokenizes and parses by recursive descent into the node tree of
``forms.expression_tree``; ``Expression.evaluate(lookup)`` walks that tree. Nothing here
uses Python's ``eval``: an expression can only read answers through its ``Lookup``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import NamedTuple

from .expression_tree import (
    COMPARISONS,
    CURRENT,
    FUNCTIONS,
    Binary,
    Call,
    DictLookup,
    ExpressionError,
    Literal,
    Lookup,
    Name,
    Negate,
    Node,
    Not,
    Value,
    signature_error,
    tree_depth,
    truthy,
    walk,
)

__all__ = ["CURRENT", "FUNCTIONS", "KEYWORDS", "Call", "DictLookup", "Expression",
           "ExpressionError", "Lookup", "Value", "parse", "signature_error", "tokenize"]

KEYWORDS = frozenset({"and", "or", "not", "mod", "true", "false"})

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
        token = self.accept(*COMPARISONS)
        if token is None:
            return node
        node = Binary(token.text, node, self.additive())
        chained = self.accept(*COMPARISONS)
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
        literal = _literal(token)
        if literal is not None:
            return literal
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


def _literal(token: Token) -> Literal | None:
    if token.kind == "number":
        return Literal(Decimal(token.text))
    if token.kind == "string":
        return Literal(token.text[1:-1])
    if token.kind == "keyword" and token.text in ("true", "false"):
        return Literal(token.text == "true")
    return None


def _describe(token: Token) -> str:
    return "the end" if token.kind == "end" else repr(token.text)


# --- the public face ---------------------------------------------------------------


@dataclass(frozen=True)
class Expression:
    """A parsed expression; two expressions are equal when their sources are."""

    source: str
    tree: Node = field(compare=False, repr=False)

    @cached_property
    def references(self) -> frozenset[str]:
        """Names of the questions read (``'.'`` excluded)."""
        return frozenset(n.name for n in walk(self.tree)
                         if isinstance(n, Name) and n.name != CURRENT)

    @cached_property
    def uses_current(self) -> bool:
        return any(isinstance(n, Name) and n.name == CURRENT for n in walk(self.tree))

    @cached_property
    def calls(self) -> tuple[Call, ...]:
        return tuple(n for n in walk(self.tree) if isinstance(n, Call))

    @cached_property
    def functions(self) -> frozenset[str]:
        return frozenset(call.name for call in self.calls)

    @cached_property
    def selected_values(self) -> frozenset[tuple[str, str]]:
        """(question name or '.', value) for each well-formed selected() of a written value."""
        return frozenset((call.question, call.choice_value)  # type: ignore[misc]
                         for call in self.calls if call.name == "selected"
                         and call.choice_value is not None and signature_error(call) is None)

    def evaluate(self, lookup: Lookup) -> Value:
        return self.tree.evaluate(lookup)

    def is_true(self, lookup: Lookup) -> bool:
        """Evaluate as a condition (missing is false)."""
        return truthy(self.evaluate(lookup))


def parse(source: str) -> Expression:
    """Parse ``source``; raises ExpressionError with the position of the first error."""
    tree = _Parser(source).parse()
    if tree_depth(tree) > MAX_DEPTH:
        raise ExpressionError("expression nested too deeply", 0)
    return Expression(source, tree)
