"""Web forms for a definition: one FlaskForm class per section (page), or for all of it.

The form holds no rules of its own: ``validate()`` hands the page's answers, with the
answers from earlier pages, to ``forms.checking``, the same code that checks responses
arriving by API or offline sync.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from flask_wtf import FlaskForm

from .checking import check_answers, effective_answers
from .definition import Definition, Question, per_definition

FORM_ATTRIBUTES = frozenset({
    # WTForms / Flask-WTF
    "data", "errors", "form_errors", "hidden_tag", "is_submitted", "meta", "populate_obj",
    "post_process", "process", "validate", "validate_on_submit", "csrf_token",
    # QuestionnaireForm
    "answers", "definition", "language", "questions", "prior_answers",
})
"""Names a question may not take: the form's fields are attributes next to these."""


class QuestionnaireForm(FlaskForm):
    """Base of the classes ``build_form`` makes; one field per question that has an answer."""

    definition: ClassVar[Definition]
    questions: ClassVar[tuple[Question, ...]]
    """The page's questions in order, notes included (for rendering)."""
    language: ClassVar[str]
    _unit_codes: ClassVar[frozenset[str] | None]

    def __init__(self, *args: Any, prior_answers: Mapping[str, str | None] | None = None,
                 **kwargs: Any) -> None:
        """``prior_answers`` (name -> stored) are the response's answers so far.

        They decide relevance; answers to this page's own questions among them fill the
        fields when no form data is submitted (going back to a page).
        """
        self.prior_answers = dict(prior_answers or {})
        kwargs.setdefault("data", self._field_data())
        super().__init__(*args, **kwargs)

    def _field_data(self) -> dict[str, object]:
        return {q.name: q.kind.field_data(self.prior_answers.get(q.name))
                for q in self._answerable()}

    @classmethod
    def _answerable(cls) -> list[Question]:
        return [question for question in cls.questions if question.kind.has_input]

    def _stored(self) -> dict[str, str | None]:
        """The page's answers in stored form, as entered (relevant or not)."""
        return {q.name: q.kind.to_stored(self[q.name].data, q) for q in self._answerable()}

    def validate(self, extra_validators: Mapping[str, Sequence[Any]] | None = None) -> bool:
        """Field checks (CSRF among them), then the shared answer checks of this page."""
        valid = super().validate(extra_validators)
        own = self._stored()
        problems = check_answers(self.definition, {**self.prior_answers, **own},
                                 language=self.language, names=own.keys(),
                                 unit_codes=self._unit_codes)
        for name, message in problems.items():
            self[name].errors.append(message)
        return valid and not problems

    def answers(self) -> dict[str, str | None]:
        """The page's answers to store: None for empty ones and those not relevant."""
        own = self._stored()
        effective = effective_answers(self.definition, {**self.prior_answers, **own})
        return {name: effective[name] for name in own}


def build_form(definition: Definition, section: str | None = None, language: str = "vi",
               unit_choices: Sequence[tuple[str, str]] = ()) -> type[QuestionnaireForm]:
    """A FlaskForm class for one section (page) of ``definition``, or all of it.

    ``unit_choices`` are the (code, label) pairs offered by unit questions; the caller
    reads them from the database (and filters them by the question's levels). A definition never
    changes, so its classes are built once per process (``per_definition``: the same object, page,
    language and unit choices give the same class).
    """
    if language not in definition.languages:
        raise ValueError(f"{definition.id} has no language {language!r} "
                         f"(it has {', '.join(definition.languages)})")
    return _form_class(definition, section, language, tuple(unit_choices))


@per_definition
def _form_class(definition: Definition, section: str | None, language: str,
                unit_choices: tuple[tuple[str, str], ...]) -> type[QuestionnaireForm]:
    questions = definition.section(section).questions if section else definition.questions
    attributes: dict[str, Any] = {
        "definition": definition, "questions": questions, "language": language,
        "_unit_codes": frozenset(code for code, _ in unit_choices) if unit_choices else None,
    }
    for question in questions:
        field = question.kind.field(question, language, unit_choices)
        if field is not None:
            attributes[question.name] = field
    name = f"{definition.id}.{section or '*'}.{language}"
    return type(name, (QuestionnaireForm,), attributes)
