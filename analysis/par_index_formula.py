"""The small expression a `formula` sub-criterion computes its points with, parsed without eval.

Grammar: numbers, sub-criterion ids (a lower-case letter, then letters, digits or `_`), `+ - * /`,
unary minus, parentheses, and `min(a, b, ...)` / `max(a, b, ...)`. An id stands for that
sub-criterion's points. Dividing by zero gives 0: a ratio over an empty base earns nothing.
"""
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[a-z][a-z0-9_]*)|(?P<op>[-+*/(),]))")
FUNCTIONS: dict[str, Callable[..., float]] = {"min": min, "max": max}
BINARY: dict[str, Callable[[float, float], float]] = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b if b else 0.0,
}


class FormulaSyntaxError(ValueError):
    """The expression cannot be read; the message says where."""


@dataclass(frozen=True)
class Expr:
    """A parsed expression: `kind` is number, name, neg, call or one of + - * /."""

    kind: str
    value: float | str = 0.0
    args: tuple["Expr", ...] = ()

    def names(self) -> frozenset[str]:
        """The sub-criterion ids it refers to."""
        own = {str(self.value)} if self.kind == "name" else set()
        return frozenset(own).union(*(arg.names() for arg in self.args))

    def evaluate(self, points: Mapping[str, float]) -> float:
        """Its value with each id replaced by `points[id]`."""
        if self.kind == "number":
            return float(self.value)
        if self.kind == "name":
            return points[str(self.value)]
        values = [arg.evaluate(points) for arg in self.args]
        if self.kind == "neg":
            return -values[0]
        if self.kind == "call":
            return FUNCTIONS[str(self.value)](*values)
        return BINARY[self.kind](*values)


def parse_formula(text: str) -> Expr:
    """The expression in `text`; FormulaSyntaxError when it is not one."""
    parser = _Parser(_tokens(text))
    expr = parser.sum()
    if parser.peek() is not None:
        raise FormulaSyntaxError(f"unexpected {parser.peek()!r}")
    return expr


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    while text[position:].strip():
        match = TOKEN.match(text, position)
        if match is None:
            raise FormulaSyntaxError(f"cannot read {text[position:].strip()!r}")
        kind = match.lastgroup or "op"
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


class _Parser:
    """Recursive descent: sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*."""

    def __init__(self, tokens: list[tuple[str, str]]):
        self.tokens, self.position = tokens, 0

    def peek(self) -> str | None:
        return self.tokens[self.position][1] if self.position < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        if self.position >= len(self.tokens):
            raise FormulaSyntaxError("the expression ends too early")
        self.position += 1
        return self.tokens[self.position - 1]

    def expect(self, text: str) -> None:
        if self.take()[1] != text:
            raise FormulaSyntaxError(f"expected {text!r}")

    def sum(self) -> Expr:
        return self._chain(self.product, "+-")

    def product(self) -> Expr:
        return self._chain(self.unary, "*/")

    def _chain(self, operand: Callable[[], Expr], operators: str) -> Expr:
        expr = operand()
        while (operator := self.peek()) is not None and operator in operators:
            self.take()
            expr = Expr(operator, args=(expr, operand()))
        return expr

    def unary(self) -> Expr:
        if self.peek() == "-":
            self.take()
            return Expr("neg", args=(self.unary(),))
        return self.atom()

    def atom(self) -> Expr:
        kind, text = self.take()
        if kind == "number":
            return Expr("number", float(text))
        if text == "(":
            expr = self.sum()
            self.expect(")")
            return expr
        if kind == "name" and self.peek() == "(":
            return self.call(text)
        if kind == "name":
            return Expr("name", text)
        raise FormulaSyntaxError(f"unexpected {text!r}")

    def call(self, name: str) -> Expr:
        if name not in FUNCTIONS:
            raise FormulaSyntaxError(f"unknown function {name!r} (known: min, max)")
        self.expect("(")
        args = [self.sum()]
        while self.peek() == ",":
            self.take()
            args.append(self.sum())
        self.expect(")")
        return Expr("call", name, tuple(args))
