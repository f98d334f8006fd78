"""What the keyer's page shows from what was typed so far (issue 17): labels with each ``${name}``
filled and their bold and italic, and the codes a cascading select (choice_filter) offers.

The page is drawn blank, then again with the typed values after a refused save; the save itself
is checked by `forms.check_answers`, which refuses a code outside the filter whatever the page showed.
"""
from markupsafe import Markup

import forms
from forms import Definition, Question
from forms.piping import fill_html
from forms.repeats import instance_key, split_key
from survey.entries.codes import codes_of, keyed_slots, option_codes, to_stored

NOT_TYPED = "…"
"""What a ``${name}`` shows while its question has no answer typed."""


def typed_answers(definition: Definition, values: dict[str, str]) -> dict[str, str | None]:
    """The effective answers of what was typed (a code that is no option counts as none)."""
    typed = {key: to_stored(q, values.get(field, ""))[0] for q, key, field in keyed_slots(definition)}
    return forms.effective_answers(definition, typed)


def shown_labels(definition: Definition, answers: dict[str, str | None], language: str) -> dict[str, Markup]:
    """The page's field -> its label as HTML, a reference to an unanswered question shown as '…'."""
    return {field: fill_html(q.label.text(language), definition, _filled(_view(definition, key, answers)), language)
            for q, key, field in keyed_slots(definition)}


def _filled(answers: dict[str, str | None]) -> dict[str, str | None]:
    return {name: NOT_TYPED if value is None else value for name, value in answers.items()}


def _view(definition: Definition, key: str, answers: dict[str, str | None]) -> dict[str, str | None]:
    """The answers as the box of `key` reads them: in a repeat's instance, that instance's by plain name."""
    name, instance = split_key(key)
    section = definition.repeat_of(name)
    if section is None or not instance:
        return answers
    return answers | {q.name: answers.get(instance_key(q.name, instance)) for q in section.questions}


def offered_codes(definition: Definition, answers: dict[str, str | None],
                  language: str) -> dict[str, list[tuple[str, str]]]:
    """The page's field -> the (code, label) to list; a cascade's only those its filter keeps, once
    every question the filter reads has an answer (before, the keyer still needs them all)."""
    return {field: _offered(definition, q, _view(definition, key, answers), language)
            for q, key, field in keyed_slots(definition)}


def _offered(definition: Definition, question: Question, answers: dict[str, str | None],
             language: str) -> list[tuple[str, str]]:
    listed = codes_of(question, language)
    read = question.choice_filter.references if question.choice_filter is not None else frozenset()
    if not read or any(answers.get(name) is None for name in read):
        return listed
    kept = {choice.value for choice in forms.offered_choices(definition, question, answers)}
    value_of = dict(option_codes(question))
    return [(code, label) for code, label in listed if value_of[code] in kept]


def cascade(definition: Definition, question: Question) -> dict | None:
    """For entry.js: the codes a cascading select keeps for each answer of the one single-choice
    question its filter reads; None without a filter or with one the script cannot follow (the
    save's check decides)."""
    read = question.choice_filter.references if question.choice_filter is not None else frozenset()
    parent = definition.question(next(iter(read))) if len(read) == 1 else None
    if parent is None or parent.calculation is not None or not parent.choices or parent.kind.several_values:
        return None
    return {"reads": parent.name, "codes": {choice.value: _kept_codes(definition, question, parent.name, choice.value)
                                            for choice in parent.choices}}


def _kept_codes(definition: Definition, question: Question, parent: str, value: str) -> list[str]:
    kept = {choice.value for choice in forms.offered_choices(definition, question, {parent: value})}
    return [code for code, stored in option_codes(question) if stored in kept]
