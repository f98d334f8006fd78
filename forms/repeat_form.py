"""The web form of a repeat's page: its questions once per instance (``forms.repeats``).

A field is named ``<question>-<instance>`` (``member_age-2``): a page's field names are HTML names
and ids, where the answers' key ``member_age[2]`` would need escaping, and no question name holds
a ``-``. Like ``QuestionnaireForm`` it holds no rules of its own: each instance's answers are
checked by ``forms.checking`` against that instance's answers and the earlier pages'.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from flask_wtf import FlaskForm

from .checking import check_answers, effective_answers
from .definition import Definition, Question, Section
from .repeats import instance_key


def field_name(question: str, instance: int) -> str:
    """The page's field of ``question`` in ``instance``."""
    return f"{question}-{instance}"


def instance_questions(section: Section, instance: int) -> tuple[Question, ...]:
    """The repeat's questions as one instance's page shows them: named by their fields."""
    return tuple(replace(question, name=field_name(question.name, instance)) for question in section.questions)


class RepeatForm(FlaskForm):
    """Base of the classes ``build_repeat_form`` makes; a field per question with an answer and instance."""

    definition: ClassVar[Definition]
    section: ClassVar[Section]
    count: ClassVar[int]
    language: ClassVar[str]
    _unit_codes: ClassVar[frozenset[str] | None]

    def __init__(self, *args: Any, prior_answers: Mapping[str, str | None] | None = None, **kwargs: Any) -> None:
        """``prior_answers`` (answers' key -> stored): the response's answers so far, which fill the
        fields when nothing is posted and decide relevance."""
        self.prior_answers = dict(prior_answers or {})
        kwargs.setdefault("data", {field: question.kind.field_data(self.prior_answers.get(key))
                                   for question, key, field in self.slots()})
        super().__init__(*args, **kwargs)

    @classmethod
    def slots(cls) -> list[tuple[Question, str, str]]:
        """(question, answers' key, field name) of every answerable question of every instance."""
        return [(q, instance_key(q.name, n), field_name(q.name, n)) for n in range(1, cls.count + 1)
                for q in cls.section.questions if q.kind.has_input]

    def entered(self) -> dict[str, str | None]:
        """The page's answers in stored form by answers' key, as entered (relevant or not)."""
        return {key: question.kind.to_stored(self[field].data, question) for question, key, field in self.slots()}

    def validate(self, extra_validators: Mapping[str, Sequence[Any]] | None = None) -> bool:
        """Field checks (CSRF among them), then each instance's answer checks."""
        valid = super().validate(extra_validators)
        own = self.entered()
        problems = check_answers(self.definition, {**self.prior_answers, **own}, language=self.language,
                                 names=own.keys(), unit_codes=self._unit_codes)
        fields = {key: field for _, key, field in self.slots()}
        for key, message in problems.items():
            self[fields[key]].errors.append(message)
        return valid and not problems

    def answers(self) -> dict[str, str | None]:
        """The page's answers to store: None for empty ones and those not asked in their instance."""
        own = self.entered()
        effective = effective_answers(self.definition, {**self.prior_answers, **own})
        return {key: effective.get(key) for key in own}


def build_repeat_form(definition: Definition, section: Section, count: int, language: str,
                      unit_choices: Sequence[tuple[str, str]] = ()) -> type[RepeatForm]:
    """A FlaskForm class for ``count`` instances of the repeat ``section``."""
    attributes: dict[str, Any] = {
        "definition": definition, "section": section, "count": count, "language": language,
        "_unit_codes": frozenset(code for code, _ in unit_choices) if unit_choices else None,
    }
    for instance in range(1, count + 1):
        for question in section.questions:
            field = question.kind.field(question, language, unit_choices)
            if field is not None:
                attributes[field_name(question.name, instance)] = field
    return type(f"{definition.id}.{section.name}.{count}.{language}", (RepeatForm,), attributes)
