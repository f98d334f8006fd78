"""What the keyer types for each question: the option's code, a number, or the text itself.

These are also the codes printed on the paper questionnaire (`survey.printing` uses
`option_codes`): option values that are whole numbers are their own code (the satisfaction scale
1–5 and 9 = không biết), other lists are coded 1, 2, 3, … in the definition's order. Several
options of a select_multiple are typed as codes separated by spaces (or commas). The questions
are numbered as printed too (`question_numbers`), so that the keyer finds each one on the screen.
"""
import re

from forms import Definition, Question
from forms.definition import per_definition
from forms.repeat_form import field_name
from forms.repeats import instance_key, paper_instances

SEPARATORS = re.compile(r"[\s,;]+")


def answerable(definition: Definition) -> list[Question]:
    """The questions someone keys (not notes, not calculates, which the server computes), in form order;
    not a repeat's, which are keyed once per instance printed (`keyed_slots`)."""
    return [question for question in definition.questions
            if question.kind.has_input and definition.repeat_of(question.name) is None]


@per_definition
def keyed_slots(definition: Definition) -> tuple[tuple[Question, str, str], ...]:
    """(question, answers' key, the page's field) of every box keyed, in form order: a repeat's
    questions once per instance printed (`forms.repeats.paper_instances`), keyed ``q[n]``, field ``q-n``.
    Once per definition: a keyer's page and save read them many times."""
    slots: list[tuple[Question, str, str]] = []
    for section in definition.sections:
        instances = range(1, paper_instances(section) + 1) if section.repeat else (0,)
        slots += [(q, instance_key(q.name, n), field_name(q.name, n) if n else q.name)
                  for n in instances for q in section.questions if q.kind.has_input]
    return tuple(slots)


def question_numbers(definition: Definition) -> dict[str, int]:
    """Each printed box's number: 1, 2, … in form order over the questions someone enters (a note
    or a calculated value has no box, `has_input`)."""
    boxed = [question for question in definition.questions if question.kind.has_input]
    return {question.name: number for number, question in enumerate(boxed, start=1)}


def codes_of(question: Question, language: str) -> list[tuple[str, str]]:
    """(code, label) of the options of ``question``, as printed next to its input."""
    labels = {choice.value: choice.label.text(language) for choice in question.choices}
    return [(code, labels[value]) for code, value in option_codes(question)]


def option_codes(question: Question) -> list[tuple[str, str]]:
    """(code, stored value) of each option of ``question``; empty when it has no fixed options."""
    values = [choice.value for choice in question.choices]
    if all(value.isdigit() for value in values):
        return [(value, value) for value in values]
    return [(str(index), value) for index, value in enumerate(values, start=1)]


def to_stored(question: Question, typed: str | None) -> tuple[str | None, list[str]]:
    """(stored answer or None, codes that are not options) for what was typed for ``question``.

    Answers without codes go through the question type's own reading (007 → 7, 2,5 → 2.5).
    """
    text = (typed or "").strip()
    if not text:
        return None, []
    codes = dict(option_codes(question))
    if not codes:
        return question.kind.to_stored(text, question), []
    typed_codes = [code for code in SEPARATORS.split(text) if code]
    unknown = [code for code in typed_codes if code not in codes]
    if not question.kind.several_values and len(typed_codes) > 1:
        unknown = unknown or typed_codes[1:]
    if unknown:
        return None, unknown
    return question.kind.to_stored(" ".join(codes[code] for code in typed_codes), question), []


def to_typed(question: Question, stored: str | None) -> str:
    """What the keyer would have typed to give ``stored`` (to show an answer again)."""
    if stored is None:
        return ""
    codes = {value: code for code, value in option_codes(question)}
    if not codes:
        return stored
    return " ".join(codes.get(value, value) for value in stored.split())
