"""One page of the web form: what it shows and the checks on what came back (its FlaskForm is
built by `survey.questionnaires.web_form`, which the administrators' preview shares)."""
from collections.abc import Iterable

from flask import request

import forms
from forms import Definition, QuestionnaireForm, Section
from forms.piping import fill_html
from survey.public.navigation import REVIEW

SYSTEM_FIELDS = frozenset({"csrf_token", "_uuid", "_action", "_shown", "_from"})
"""Fields every page posts besides its questions; they start with '_', which no question can."""


def came_from() -> str:
    """REVIEW when the page was opened from the review (its link's ``?from``, or the page posted
    again with its ``_from``), so that moving on leads back there; else ''."""
    return REVIEW if REVIEW in (request.form.get("_from"), request.args.get("from")) else ""


def answer_fields(section: Section) -> list[str]:
    return [q.name for q in section.questions if q.kind.has_input]


def stray_fields(section: Section, posted: Iterable[str]) -> list[str]:
    """Posted names that are neither a question of this page nor a field every page has."""
    names = set(answer_fields(section)) | SYSTEM_FIELDS
    return sorted(name for name in posted if name not in names)


def entered(form: QuestionnaireForm, section: Section) -> dict[str, str | None]:
    """The page's answers in stored form, as entered (relevant or not)."""
    return {q.name: q.kind.to_stored(form[q.name].data, q) for q in section.questions if q.kind.has_input}


def shown_names(definition: Definition, section: Section, answers: dict[str, str | None]) -> list[str]:
    shown = forms.relevance(definition, answers)
    return [q.name for q in section.questions if shown[q.name]]


def shown_before() -> set[str]:
    """The questions the page showed when it was filled in (its `_shown` field)."""
    return set(request.form.get("_shown", "").split())


def hidden_answers(definition: Definition, section: Section, answers: dict[str, str | None],
                   own: dict[str, str | None]) -> list[str]:
    """Answers to questions the page did not show and skip logic still hides: tampering.

    (An answer left in a question that was shown and then hidden by a changed answer is
    legitimate without JavaScript; it is dropped, not refused.)
    """
    shown, before = set(shown_names(definition, section, answers)), shown_before()
    return [name for name, value in own.items() if value is not None and name not in shown | before]


def newly_shown(definition: Definition, section: Section, answers: dict[str, str | None]) -> list[str]:
    """Questions and notes this page's answers just revealed, which the respondent has not seen yet."""
    before = shown_before()
    return [name for name in shown_names(definition, section, answers) if name not in before]


def revealed_names(raw: str) -> list[str]:
    """The questions a redirect says were just revealed (`?hien=`), at most a page's worth of names."""
    return raw[:2000].split()


def answered(definition: Definition, answers: dict[str, str | None]) -> int:
    """How many questions asked so far have an answer (the last page's summary)."""
    return sum(value is not None for value in forms.effective_answers(definition, answers).values())


def valid_answers(form: QuestionnaireForm) -> dict[str, str | None]:
    """The answers that passed their checks (what Back keeps from a page with errors)."""
    return {name: value for name, value in form.answers().items() if not form[name].errors}


def narrow(form: QuestionnaireForm, definition: Definition, section: Section, answers: dict[str, str | None],
           language: str) -> None:
    """Fit the page to the answers so far: each select offers only what its choice_filter keeps, and
    labels and hints show the answers they name and their bold and italic (`form.piped`, HTML read by
    the template)."""
    effective = forms.effective_answers(definition, answers)
    for q in section.questions:
        if q.choice_filter is not None:
            offered = forms.offered_choices(definition, q, effective)
            form[q.name].choices = [(choice.value, choice.label.text(language)) for choice in offered]
    form.piped = {f"{q.name}:{key}": fill_html(text.text(language), definition, effective, language)
                  for q in section.questions for key, text in (("label", q.label), ("hint", q.hint)) if text}
