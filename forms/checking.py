"""Checking a respondent's stored answers: relevance, required, answer types, constraints.

This is the one place these rules live. The web form (``forms.builder``) calls it for
its page; an API, offline-sync or paper-entry path calls ``check_answers`` on a whole
response. Expressions see only *effective* answers: a question that is not relevant
(or sits in a section that is not) counts as missing, whatever was stored for it.
"""

from __future__ import annotations

import datetime
from collections import ChainMap
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from .definition import Definition, Question
from .errors import answer_message
from .expression_functions import text
from .expressions import CURRENT
from .labels import Choice, Label
from .repeats import instance_count, instance_key, split_key

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


@dataclass
class _Resolved:
    """What the answers give, by answers' key (``forms.repeats``: ``q[n]`` inside a repeat)."""

    relevant: dict[str, bool] = field(default_factory=dict)
    """Section names and answers' keys -> shown; a repeat's questions also by name (its section's)."""
    effective: dict[str, str | None] = field(default_factory=dict)
    slots: list[tuple[Question, str]] = field(default_factory=list)
    """Every (question, answers' key) asked about, in form order."""
    views: dict[str, Mapping[str, str | None]] = field(default_factory=dict)
    """Answers' key -> the effective answers its expressions read: by plain name, the own instance's
    answers first inside a repeat."""


_kept: ContextVar[list[tuple[Definition, tuple[dict, dict], _Resolved]] | None] = ContextVar("kept", default=None)
"""The resolutions of the current ``resolving_once`` block: (definition, (answers, pages), result)."""


@contextmanager
def resolving_once() -> Iterator[None]:
    """Within the block (or the function it decorates), answers resolved again, equal to answers
    resolved before with the same definition object and repeat pages, give that first resolution
    instead of another pass over the skip logic and calculates. A web request asks about the same
    answers many times (the page's checks, what it shows, where it goes next); it must not outlive
    a change of the answers' meaning, such as the day ``today()`` reads, which a request does not."""
    token = _kept.set([])
    try:
        yield
    finally:
        _kept.reset(token)


def _resolved(definition: Definition, answers: Answers, pages: Mapping[str, int] | None = None) -> _Resolved:
    """``_resolve``, done once per inputs inside a ``resolving_once`` block (inputs copied: a
    caller may change its answers later)."""
    kept = _kept.get()
    if kept is None:
        return _resolve(definition, answers, pages)
    inputs = (dict(answers), dict(pages or {}))
    found = next((result for seen, same, result in kept if seen is definition and same == inputs), None)
    if found is None:
        found = _resolve(definition, answers, pages)
        kept.append((definition, inputs, found))
    return found


def _resolve(definition: Definition, answers: Answers, pages: Mapping[str, int] | None = None) -> _Resolved:
    """One pass in form order is enough: expressions only read earlier questions. ``pages``: repeat
    name -> the instances its page shows, blank ones included (``forms.repeats.instance_count``)."""
    found = _Resolved()
    lookup = AnswerLookup(definition, found.effective)
    for section in definition.sections:
        shown = section.relevant is None or section.relevant.is_true(lookup)
        found.relevant[section.name] = shown
        if not section.repeat:
            _resolve_questions(definition, section.questions, 0, shown, answers, found)
            continue
        found.relevant.update((question.name, shown) for question in section.questions)
        count = instance_count(section, answers, lookup, (pages or {}).get(section.name, 0)) if shown else 0
        for instance in range(1, count + 1):
            _resolve_questions(definition, section.questions, instance, shown, answers, found)
    return found


def _resolve_questions(definition: Definition, questions: tuple[Question, ...], instance: int,
                       shown: bool, answers: Answers, found: _Resolved) -> None:
    """The questions of a section, or of one instance of a repeat (read by name in its view)."""
    own: dict[str, str | None] = {}
    view = found.effective if instance == 0 else ChainMap(own, found.effective)
    lookup = AnswerLookup(definition, view)
    for question in questions:
        key = instance_key(question.name, instance)
        asked = shown and (question.relevant is None or question.relevant.is_true(lookup))
        found.relevant[key] = asked
        found.effective[key] = own[question.name] = _effective(question, asked, answers.get(key), lookup)
        found.slots.append((question, key))
        found.views[key] = view


def _effective(question: Question, asked: bool, answer: object, lookup: AnswerLookup) -> str | None:
    """The answer kept: computed for a calculate, else as given when asked and text."""
    if not asked or not question.kind.has_answer:
        return None
    if question.calculation is not None:
        return text(question.calculation.evaluate(lookup)) or None
    # Non-text answers (from a careless API client) are invalid: never read them.
    return answer if isinstance(answer, str) else None


def relevance(definition: Definition, answers: Answers, pages: Mapping[str, int] | None = None) -> dict[str, bool]:
    """Section and question name (answers' key inside a repeat) -> whether it is shown, given ``answers``;
    ``pages`` (repeat name -> instances on its page) asks blank instances a page shows too."""
    return dict(_resolved(definition, answers, pages).relevant)


def effective_answers(definition: Definition, answers: Answers) -> dict[str, str | None]:
    """Answers' key -> the answer to keep: None for notes and questions not relevant."""
    return dict(_resolved(definition, answers).effective)


def with_calculations(definition: Definition, answers: Answers) -> dict[str, str | None]:
    """``answers`` with every calculate's value as the server computes it from them.

    Whatever a client sent for a calculate is replaced (ODK sends its own), so that a
    response stores the same value through every channel; a calculate not asked, or
    computing nothing, is dropped. Other keys are kept as given.
    """
    resolved = _resolved(definition, answers)
    calculates = definition.calculate_names
    kept = {key: value for key, value in answers.items() if split_key(key)[0] not in calculates}
    return kept | {key: resolved.effective[key] for question, key in resolved.slots
                   if question.name in calculates and resolved.effective[key] is not None}


@dataclass(frozen=True)
class AnswerProblem:
    """What is wrong with one answer, in no language yet: a code of ``ANSWER_MESSAGES``
    (``forms.errors``), or the questionnaire's own ``constraint_message``. The app says it in
    the reader's language when it shows it, so an answer is checked once whoever reads it."""

    code: str
    message: Label | None = None

    def text(self, language: str) -> str:
        """The problem in ``language`` (the questionnaire's message: else its first language)."""
        return self.message.text(language) if self.message else answer_message(self.code, language)


def find_problems(definition: Definition, answers: Answers, *, names: Collection[str] | None = None,
                  unit_codes: Collection[str] | None = None) -> dict[str, AnswerProblem]:
    """Answers' key -> what is wrong, for every problem in ``answers`` (stored strings); the key of
    a repeat's question is ``q[n]``, each instance checked against its own answers.

    ``names`` limits the report to those questions (a page). Keys that are not
    questions of the definition are ignored: what to do with them is the caller's call.
    ``unit_codes``, when given, are the valid answers of unit questions.
    """
    resolved = _resolved(definition, answers)
    found: dict[str, AnswerProblem] = {}
    for question, key in resolved.slots:
        if names is not None and question.name not in names and key not in names:
            continue
        if resolved.relevant[key] and question.kind.has_input:
            problem = _problem(definition, question, answers.get(key), resolved.views[key], unit_codes)
            if problem is not None:
                found[key] = problem
    return found


def check_answers(definition: Definition, answers: Answers, *, language: str | None = None,
                  names: Collection[str] | None = None,
                  unit_codes: Collection[str] | None = None) -> dict[str, str]:
    """Answers' key -> message in ``language`` (the questionnaire's first by default): the
    problems of ``find_problems`` said for a page or a console that speaks one language."""
    language = language or definition.languages[0]
    return {key: problem.text(language)
            for key, problem in find_problems(definition, answers, names=names, unit_codes=unit_codes).items()}


def _problem(definition: Definition, question: Question, answer: object, effective: Answers,
             unit_codes: Collection[str] | None) -> AnswerProblem | None:
    if answer is None:
        return AnswerProblem("required") if question.required else None
    if not isinstance(answer, str):
        return AnswerProblem(question.kind.invalid_code)
    code = question.kind.validate_stored(answer, question, unit_codes)
    if code is not None:
        return AnswerProblem(code)
    if not _offered(definition, question, answer, effective):
        return AnswerProblem("filtered_choice")
    if not _constraint_holds(definition, question, effective):
        return AnswerProblem("constraint", question.constraint_message)
    return None


def _constraint_holds(definition: Definition, question: Question, effective: Answers) -> bool:
    """A constraint is checked only against an answer that has a value (9 has none)."""
    lookup = AnswerLookup(definition, effective, current=question)
    if question.constraint is None or lookup.value(CURRENT) is None:
        return True
    return question.constraint.is_true(lookup)


def _offered(definition: Definition, question: Question, answer: str, effective: Answers) -> bool:
    """Whether every value of ``answer`` is among the choices its choice_filter offers."""
    if question.choice_filter is None:
        return True
    values = {choice.value for choice in offered_choices(definition, question, effective)}
    return all(value in values for value in answer.split())
