"""What the page's script needs to show and hide questions as they are answered.

The script (static/relevance.js, with static/expression-functions.js for XLSForm's value
functions) evaluates each question's `relevant` expression in the browser, the way
forms.checking does on the server, from the tree serialised here as JSON arrays; the calculates
of the page come as trees too, computed in form order like the server's, and `today()` is the
province's day. The server stays the judge: a page saved is checked again in full.
"""
import json
from decimal import Decimal

import forms
import forms.expressions
from forms import Definition, Section
from forms.browser_rules import evaluable_in_browser
from forms.expression_functions import VALUE_FUNCTIONS
from forms.expression_tree import Binary, Call, Literal, Name, Negate, Node, Not
from survey import clock


def tree(node: Node) -> list:
    """The expression `node` as nested lists, read by relevance.js's `evaluate`."""
    if isinstance(node, Literal):
        return ["lit", float(node.value) if isinstance(node.value, Decimal) else node.value]
    if isinstance(node, Name):
        return ["name", node.name]
    if isinstance(node, (Not, Negate)):
        return ["not" if isinstance(node, Not) else "neg", tree(node.operand)]
    if isinstance(node, Binary):
        return ["op", node.op, tree(node.left), tree(node.right)]
    if isinstance(node, Call) and node.name in VALUE_FUNCTIONS:
        return ["fn", node.name, [tree(arg) for arg in node.args]]
    if isinstance(node, Call):
        return ["call", node.name, node.question, node.choice_value]
    raise TypeError(f"no JSON form for {type(node).__name__}")


def rule(definition: Definition, question: forms.Question, answers: dict[str, str | None]) -> list:
    """The question's rule for the script; one it cannot evaluate comes as the server's answer so far
    (the page still works: saving it asks the server, which reveals what an answer opened)."""
    assert question.relevant is not None
    if evaluable_in_browser(definition, question.relevant):
        return tree(question.relevant.tree)
    return ["lit", forms.relevance(definition, answers)[question.name]]


def calculates(definition: Definition, section: Section) -> dict[str, list]:
    """The page's calculates the script computes (a condition reading one needs its value)."""
    return {q.name: tree(q.calculation.tree) for q in section.questions
            if q.calculation is not None and evaluable_in_browser(definition, q.calculation)}


def page_rules(definition: Definition, section: Section, answers: dict[str, str | None]) -> str:
    """JSON for the page: each question's expression, the page's calculates, the types, the other
    pages' answers they read and the province's day."""
    rules = {q.name: rule(definition, q, answers) for q in section.questions if q.relevant is not None}
    calcs = calculates(definition, section)
    read = {name for q in section.questions for expression in (q.relevant, q.calculation) if expression
            for name in expression.references}
    here = {q.name for q in section.questions}
    effective = {name: value for name, value in forms.effective_answers(definition, answers).items()
                 if name in read - here}
    types = {name: definition.question(name).type for name in read | here}
    order = [q.name for q in section.questions]
    return json.dumps({"rules": rules, "calcs": calcs, "types": types, "answers": effective, "order": order,
                       "today": clock.today().isoformat()}, ensure_ascii=False, separators=(",", ":"))
