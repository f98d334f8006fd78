"""Which expressions a page's script can evaluate in the browser as the server does.

The citizen's relevance.js and the keyer's entry.js know the comparisons, arithmetic, the
question functions (selected, count-selected, answered) and XLSForm's value functions
(static/expression-functions.js: if, coalesce, concat, round, int, string-length, regex, today,
date), and compute the calculates they read from their trees. Not ``choice()`` (a choice_filter's
only, filtered on the server) nor a ``regex`` whose pattern uses Python's own syntax (named groups
``(?P<…>``, comments, inline flags, ``\\A`` / ``\\Z``), which JavaScript reads otherwise. A page
sends such a condition as the server's decision instead; the server checks every save in full.
``tree`` is the one JSON form of an expression both scripts read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

from .definition import Definition
from .expression_functions import VALUE_FUNCTIONS
from .expression_tree import QUESTION_FUNCTIONS, Binary, Call, Literal, Name, Negate, Node, Not
from .expressions import Expression

SCRIPTED_FUNCTIONS = frozenset({*QUESTION_FUNCTIONS, *VALUE_FUNCTIONS} - {"choice"})
_PYTHON_ONLY = re.compile(r"\(\?[P#aiLmsux]|\\[AZ]")
"""Regular-expression syntax Python reads and JavaScript refuses or reads otherwise."""


def evaluable_in_browser(definition: Definition, expression: Expression) -> bool:
    """Whether the pages' scripts evaluate ``expression`` as forms.checking does (with the
    calculates it reads, each evaluable too)."""
    return (expression.functions <= SCRIPTED_FUNCTIONS
            and all(_scripted_call(call) for call in expression.calls)
            and all(_evaluable_read(definition, name) for name in expression.references))


def _scripted_call(call: Call) -> bool:
    """A question function reading a question (and a written value), or a value function; a
    regex only with a pattern JavaScript reads alike."""
    if call.name in QUESTION_FUNCTIONS:
        return call.question is not None and (call.name != "selected" or call.choice_value is not None)
    if call.name != "regex":
        return True
    pattern = call.args[1]
    return isinstance(pattern, Literal) and not _PYTHON_ONLY.search(str(pattern.value))


def _evaluable_read(definition: Definition, name: str) -> bool:
    calculation = definition.question(name).calculation
    return calculation is None or evaluable_in_browser(definition, calculation)


def tree(node: Node, names: Mapping[str, str] = MappingProxyType({})) -> list:
    """An expression tree as JSON lists, [kind, ...operands], for relevance.js and entry.js: a
    number as its text (``num``, exact), a question read by its name in ``names`` (the keyer's
    page: a repeat instance's field, ``member_age-2``), else by its own."""
    if isinstance(node, Literal):
        return ["num", str(node.value)] if isinstance(node.value, Decimal) else ["lit", node.value]
    if isinstance(node, Name):
        return ["name", names.get(node.name, node.name)]
    if isinstance(node, Not):
        return ["not", tree(node.operand, names)]
    if isinstance(node, Negate):
        return ["neg", tree(node.operand, names)]
    if isinstance(node, Binary):
        return ["bin", node.op, tree(node.left, names), tree(node.right, names)]
    if isinstance(node, Call) and node.name in VALUE_FUNCTIONS:
        return ["fn", node.name, [tree(arg, names) for arg in node.args]]
    if isinstance(node, Call):
        return ["call", node.name, names.get(node.question or "", node.question), node.choice_value]
    raise TypeError(f"no JSON form for {type(node).__name__}")
