"""What the page's script needs to show and hide questions as they are answered.

The script (static/relevance.js) evaluates each question's `relevant` expression in the
browser, the way forms.checking does on the server, from the tree serialised here as JSON
arrays. The server stays the judge: a page saved is checked again in full.
"""
import json
from decimal import Decimal

import forms
import forms.expressions
from forms import Definition, Section
from forms.browser_rules import evaluable_in_browser
from forms.expression_tree import Binary, Call, Literal, Name, Negate, Node, Not


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


def page_rules(definition: Definition, section: Section, answers: dict[str, str | None]) -> str:
    """JSON for the page: each question's expression, the types and the other pages' answers it reads."""
    rules = {q.name: rule(definition, q, answers) for q in section.questions if q.relevant is not None}
    read = {name for q in section.questions if q.relevant is not None for name in q.relevant.references}
    here = {q.name for q in section.questions}
    effective = {name: value for name, value in forms.effective_answers(definition, answers).items()
                 if name in read - here}
    types = {name: definition.question(name).type for name in read | here}
    order = [q.name for q in section.questions]
    return json.dumps({"rules": rules, "types": types, "answers": effective, "order": order},
                      ensure_ascii=False, separators=(",", ":"))
