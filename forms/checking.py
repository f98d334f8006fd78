"""Checking a respondent's stored answers: relevance, required, answer types, constraints.

This is the one place these rules live. The web form (``forms.builder``) calls it for
its page; an API, offline-sync or paper-entry path calls ``check_answers`` on a whole
response. Expressions see only *effective* answers: a question that is not relevant
(or sits in a section that is not) counts as missing, whatever was stored for it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection, Mapping

from .definition import Definition, Question
from .errors import answer_message
from .expression_functions import text
from .expressions import CURRENT
from .labels import Choice

Answers = Mapping[str, str | None]

_clock: list[Callable[[], datetime.date]] = []
"""Where ``today()`` in expressions reads the date (set by ``use_clock``)."""


def use_clock(today: Callable[[], datetime.date]) -> None:
    """Read ``today()`` of expressions from ``today``: the service passes the province's clock
    (``survey.clock.today``, injected and fixed in tests), never the machine's date, which is the UTC
    date on a server for seven hours of every day. Without a clock ``today()`` is unknown (missing)."""
    _clock[:] = [today]


class AnswerLookup:
    """The expressions' view of stored answers, typed by each question's type."""

    def __init__(self, definition: Definition, stored: Answers,
                 current: Question | None = None) -> None:
        self._definition = definition
        self._stored = stored
        self._current = current

    def _question(self, name: str) -> Question:
        if name == CURRENT and self._current is not None:
            return self._current
        return self._definition.question(name)

    def stored(self, name: str) -> str | None:
        return self._stored.get(self._question(name).name)

    def value(self, name: str) -> object:
        return self._question(name).kind.to_value(self.stored(name))

    def today(self) -> datetime.date | None:
        return _clock[0]() if _clock else None

    def column(self, name: str) -> str | None:
        return None


class ChoiceLookup(AnswerLookup):
    """The answers, and the columns of the choice a ``choice_filter`` is deciding on."""

    def __init__(self, definition: Definition, stored: Answers, choice: Choice) -> None:
        super().__init__(definition, stored)
        self._choice = choice

    def column(self, name: str) -> str | None:
        return self._choice.column(name)


def offered_choices(definition: Definition, question: Question,
                    answers: Answers) -> tuple[Choice, ...]:
    """The choices ``question`` offers given the (effective) ``answers``: its choice_filter's."""
    if question.choice_filter is None:
        return question.choices
    expression = question.choice_filter
    return tuple(choice for choice in question.choices
                 if expression.is_true(ChoiceLookup(definition, answers, choice)))


def _resolve(definition: Definition,
             answers: Answers) -> tuple[dict[str, bool], dict[str, str | None]]:
    """(name -> relevant, for sections and questions; question name -> effective answer).

    One pass in form order is enough: expressions only read earlier questions.
    """
    relevant: dict[str, bool] = {}
    effective: dict[str, str | None] = {}
    lookup = AnswerLookup(definition, effective)
    for section in definition.sections:
        shown = section.relevant is None or section.relevant.is_true(lookup)
        relevant[section.name] = shown
        for question in section.questions:
            asked = shown and (question.relevant is None or question.relevant.is_true(lookup))
            relevant[question.name] = asked
            effective[question.name] = _effective(question, asked, answers, lookup)
    return relevant, effective


def _effective(question: Question, asked: bool, answers: Answers,
               lookup: AnswerLookup) -> str | None:
    """The answer kept: computed for a calculate, else as given when asked and text."""
    if not asked or not question.kind.has_answer:
        return None
    if question.calculation is not None:
        return text(question.calculation.evaluate(lookup)) or None
    answer = answers.get(question.name)
    # Non-text answers (from a careless API client) are invalid: never read them.
    return answer if isinstance(answer, str) else None


def relevance(definition: Definition, answers: Answers) -> dict[str, bool]:
    """Section and question name -> whether it is shown, given ``answers``."""
    return _resolve(definition, answers)[0]


def effective_answers(definition: Definition, answers: Answers) -> dict[str, str | None]:
    """Question name -> the answer to keep: None for notes and questions not relevant."""
    return _resolve(definition, answers)[1]


def with_calculations(definition: Definition, answers: Answers) -> dict[str, str | None]:
    """``answers`` with every calculate's value as the server computes it from them.

    Whatever a client sent for a calculate is replaced (ODK sends its own), so that a
    response stores the same value through every channel; a calculate not asked, or
    computing nothing, is dropped. Other keys are kept as given.
    """
    effective = effective_answers(definition, answers)
    calculates = {q.name for q in definition.questions if q.calculation is not None}
    kept = {key: value for key, value in answers.items() if key not in calculates}
    return kept | {name: effective[name] for name in calculates if effective[name] is not None}


def check_answers(definition: Definition, answers: Answers, *, language: str | None = None,
                  names: Collection[str] | None = None,
                  unit_codes: Collection[str] | None = None) -> dict[str, str]:
    """Question name -> message, for every problem in ``answers`` (stored strings).

    ``names`` limits the report to those questions (a page). Keys that are not
    questions of the definition are ignored: what to do with them is the caller's call.
    ``unit_codes``, when given, are the valid answers of unit questions.
    """
    language = language or definition.languages[0]
    relevant, effective = _resolve(definition, answers)
    errors: dict[str, str] = {}
    for question in definition.questions:
        if names is not None and question.name not in names:
            continue
        if relevant[question.name] and question.kind.has_input:
            problem = _problem(definition, question, answers.get(question.name), effective,
                               language, unit_codes)
            if problem is not None:
                errors[question.name] = problem
    return errors


def _problem(definition: Definition, question: Question, answer: object,
             effective: dict[str, str | None], language: str,
             unit_codes: Collection[str] | None) -> str | None:
    if answer is None:
        return answer_message("required", language) if question.required else None
    if not isinstance(answer, str):
        return answer_message(question.kind.invalid_code, language)
    code = question.kind.validate_stored(answer, question, unit_codes)
    if code is not None:
        return answer_message(code, language)
    if not _offered(definition, question, answer, effective):
        return answer_message("filtered_choice", language)
    if not _constraint_holds(definition, question, effective):
        message = question.constraint_message
        return message.text(language) if message else answer_message("constraint", language)
    return None


def _constraint_holds(definition: Definition, question: Question,
                      effective: dict[str, str | None]) -> bool:
    """A constraint is checked only against an answer that has a value (9 has none)."""
    lookup = AnswerLookup(definition, effective, current=question)
    if question.constraint is None or lookup.value(CURRENT) is None:
        return True
    return question.constraint.is_true(lookup)



def _offered(definition: Definition, question: Question, answer: str,
             effective: dict[str, str | None]) -> bool:
    """Whether every value of ``answer`` is among the choices its choice_filter offers."""
    if question.choice_filter is None:
        return True
    values = {choice.value for choice in offered_choices(definition, question, effective)}
    return all(value in values for value in answer.split())
