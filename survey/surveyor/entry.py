"""The paper-entry form: what the page shows for each question, what the keyer typed turned into
stored answers, and the rules entry.js needs to follow the routing live.

The skip logic travels to the browser as the parsed expression trees of the definition (never
source text to parse again), so the page and `forms.checking` evaluate the same expressions.
"""
import uuid
from dataclasses import dataclass

from werkzeug.datastructures import MultiDict

from forms import Definition, Question, Section
from forms.browser_rules import evaluable_in_browser, tree
from forms.definition import per_definition
from forms.expressions import Expression
from forms.repeat_form import field_name, instance_questions
from forms.repeats import paper_instances, split_key
from survey import clock
from survey.entries.codes import codes_of, keyed_slots, option_codes, question_numbers, to_stored
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
                 values={field: form.get(field, "") for _, _, field in keyed_slots(definition)})


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
    for question, key, field in keyed_slots(definition):
        answers[key], unknown = to_stored(question, typed.values[field])
        if unknown:
            problems.append(not_a_code(question, unknown, field))
    return answers, problems


def not_a_code(question: Question, unknown: list[str], field: str | None = None) -> Problem:
    """The problem of codes typed for ``question`` (in the page's ``field``) that are none of its options."""
    return CATALOGUE.problem("not_a_code", field or question.name, codes=" ".join(unknown),
                             allowed=", ".join(code for code, _ in option_codes(question)))


def box_numbers(definition: Definition) -> dict[str, int]:
    """The page's field -> the number of its box on paper (a repeat's questions: the same in every instance)."""
    numbers = question_numbers(definition)
    return numbers | {field: numbers[question.name] for question, _, field in keyed_slots(definition)}


def instance_boxes(definition: Definition) -> dict[str, list[tuple[int, tuple[Question, ...]]]]:
    """Repeat name -> (instance, its questions named by their fields) for each instance printed."""
    return {section.name: [(n, instance_questions(section, n)) for n in range(1, paper_instances(section) + 1)]
            for section in definition.sections if section.repeat}


def field_of(key: str) -> str:
    """The page's field of an answers' key (``member_age[2]`` -> ``member_age-2``)."""
    name, instance = split_key(key)
    return field_name(name, instance) if instance else key


def rules(definition: Definition, language: str) -> dict:
    """What entry.js needs: the routing (``routing``) and the province's day for today()."""
    return {**routing(definition, language), "today": clock.today().isoformat()}


@per_definition
def routing(definition: Definition, language: str) -> dict:
    """Each question's type, codes, the conditions that show it and, for a cascading select, the
    codes each answer of the question it depends on keeps; the calculates entry.js computes in form
    order (``order``). Once per definition and language: every keyer's page sends the same."""
    placed = instances(definition)
    return {"questions": [{
        "key": field, "type": question.type,
        "codes": {code: [value, label] for (code, value), (_, label)
                  in zip(option_codes(question), codes_of(question, language), strict=True)},
        "when": conditions(definition, section, question, names),
        "cascade": None if names else cascade(definition, question),
    } for section, names in placed for question, field in boxes(section, names)],
        "calculates": calculates(definition, placed),
        "order": [names.get(q.name, q.name) for section, names in placed for q in section.questions]}


def instances(definition: Definition) -> list[tuple[Section, dict[str, str]]]:
    """Each section once, a repeat once per instance printed, with the fields its names are read
    from on the page (a repeat's questions: their instance's, ``member_age-2``; none elsewhere)."""
    return [(section, {q.name: field_name(q.name, n) for q in section.questions} if n else {})
            for section in definition.sections
            for n in (range(1, paper_instances(section) + 1) if section.repeat else (0,))]


def boxes(section: Section, names: dict[str, str]) -> list[tuple[Question, str]]:
    return [(q, names.get(q.name, q.name)) for q in section.questions if q.kind.has_input]


def conditions(definition: Definition, section: Section, question: Question, names: dict[str, str]) -> list[list]:
    """The trees of the section's and the question's conditions (those that hold)."""
    return [condition(definition, expression, names) for expression in (section.relevant, question.relevant)
            if expression]


def calculates(definition: Definition, placed: list[tuple[Section, dict[str, str]]]) -> dict[str, dict]:
    """Each calculate entry.js can compute (of the sections ``placed`` by ``instances``): its
    conditions and its calculation's tree."""
    return {names.get(question.name, question.name): {"when": conditions(definition, section, question, names),
                                                      "tree": tree(question.calculation.tree, names)}
            for section, names in placed for question in section.questions
            if question.calculation is not None and evaluable_in_browser(definition, question.calculation)}


def condition(definition: Definition, expression: Expression, names: dict[str, str]) -> list:
    """The condition's tree; one entry.js cannot evaluate (a value function, a calculate read) as
    true: the box stays open for what the paper holds, and the save's check decides."""
    return tree(expression.tree, names) if evaluable_in_browser(definition, expression) else ["lit", True]

