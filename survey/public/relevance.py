"""What the page's script needs to show and hide questions as they are answered.

The script (static/relevance.js, with static/expression-functions.js for XLSForm's value
functions) evaluates each question's `relevant` expression in the browser, the way
forms.checking does on the server, from its tree as JSON arrays (forms.browser_rules.tree); the calculates
of the page come as trees too, computed in form order like the server's, and `today()` is the
province's day. The server stays the judge: a page saved is checked again in full.
"""
import json

import forms
import forms.expressions
from forms import Definition, Section
from forms.browser_rules import evaluable_in_browser, tree
from survey import clock


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
