"""The paper-entry form: what the page shows for each question, what the keyer typed turned into
stored answers, and the rules entry.js needs to follow the routing live.

The skip logic travels to the browser as the parsed expression trees of the definition (never
source text to parse again), so the page and `forms.checking` evaluate the same expressions.
"""
import uuid
from dataclasses import dataclass
from decimal import Decimal

from werkzeug.datastructures import MultiDict

from forms import Definition, Question, Section
from forms.browser_rules import evaluable_in_browser
from forms.expression_functions import VALUE_FUNCTIONS
from forms.expression_tree import Binary, Call, Literal, Name, Negate, Node, Not
from forms.expressions import Expression
from survey import clock
from survey.entries.codes import answerable, codes_of, option_codes, to_stored
from survey.entries.problems import CATALOGUE
from survey.errors import Problem
from survey.surveyor.shown import cascade

NUMERIC_TYPES = ("integer", "decimal")
MAX_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Typed:
    """A POSTed entry form as typed: the uuid, serial, keying time and text of every question."""

    uuid: uuid.UUID | None
    serial: str
    seconds: float | None
    values: dict[str, str]


def read_typed(form: MultiDict, definition: Definition) -> Typed:
    return Typed(uuid=parse_uuid(form.get("uuid", "")), serial=form.get("serial", "").strip(),
                 seconds=parse_seconds(form.get("seconds", "")),
                 values={q.name: form.get(q.name, "") for q in answerable(definition)})


def parse_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        return None


def parse_seconds(text: str) -> float | None:
    """The keying time entry.js measured (first keystroke to save); None when absent or absurd."""
    try:
        seconds = float(text)
    except ValueError:
        return None
    return round(seconds, 1) if 0 <= seconds <= MAX_SECONDS else None


def stored_answers(typed: Typed, definition: Definition) -> tuple[dict[str, str | None], list[Problem]]:
    """The answers to store, and a problem for each code that is not an option of its question."""
    answers: dict[str, str | None] = {}
    problems = []
    for question in answerable(definition):
        answers[question.name], unknown = to_stored(question, typed.values[question.name])
        if unknown:
            problems.append(not_a_code(question, unknown))
    return answers, problems


def not_a_code(question: Question, unknown: list[str]) -> Problem:
    """The problem of codes typed for ``question`` that are none of its options."""
    return CATALOGUE.problem("not_a_code", question.name, codes=" ".join(unknown),
                             allowed=", ".join(code for code, _ in option_codes(question)))


def rules(definition: Definition, language: str) -> dict:
    """What entry.js needs: each question's type, codes, the conditions that show it and, for a
    cascading select, the codes each answer of the question it depends on keeps; the calculates it
    computes in form order (``order``), and the province's day for today()."""
    return {"questions": [{
        "key": question.name, "type": question.type,
        "codes": {code: [value, label] for (code, value), (_, label)
                  in zip(option_codes(question), codes_of(question, language), strict=True)},
        "when": conditions(definition, section, question),
        "cascade": cascade(definition, question),
    } for section in definition.sections if not section.repeat
        for question in section.questions if question.kind.has_input],
        "calculates": calculates(definition), "order": [question.name for question in definition.questions],
        "today": clock.today().isoformat()}


def conditions(definition: Definition, section: Section, question: Question) -> list[list]:
    """The trees of the section's and the question's conditions (those that hold)."""
    return [condition(definition, expression) for expression in (section.relevant, question.relevant)
            if expression]


def calculates(definition: Definition) -> dict[str, dict]:
    """Each calculate entry.js can compute: its conditions and its calculation's tree."""
    return {question.name: {"when": conditions(definition, section, question),
                            "tree": tree(question.calculation.tree)}
            for section in definition.sections if not section.repeat for question in section.questions
            if question.calculation is not None and evaluable_in_browser(definition, question.calculation)}


def condition(definition: Definition, expression: Expression) -> list:
    """The condition's tree; one entry.js cannot evaluate (a value function, a calculate read) as
    true: the box stays open for what the paper holds, and the save's check decides."""
    return tree(expression.tree) if evaluable_in_browser(definition, expression) else ["lit", True]


def tree(node: Node) -> list:
    """An expression tree as JSON lists: [kind, ...operands]."""
    if isinstance(node, Literal):
        return ["num", str(node.value)] if isinstance(node.value, Decimal) else ["lit", node.value]
    if isinstance(node, Name):
        return ["name", node.name]
    if isinstance(node, Not):
        return ["not", tree(node.operand)]
    if isinstance(node, Negate):
        return ["neg", tree(node.operand)]
    if isinstance(node, Binary):
        return ["bin", node.op, tree(node.left), tree(node.right)]
    if isinstance(node, Call) and node.name in VALUE_FUNCTIONS:
        return ["fn", node.name, [tree(arg) for arg in node.args]]
    if isinstance(node, Call):
        return ["call", node.name, node.question, node.choice_value]
    raise TypeError(f"no JSON form for {type(node).__name__}")
