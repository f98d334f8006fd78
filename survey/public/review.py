"""The review page: every answer of every page shown, with a link to change each page."""
from dataclasses import dataclass

from flask import render_template, url_for

import forms
from forms import Definition, Question, Section
from survey import db
from survey.public.navigation import REVIEW, visible_sections
from survey.responses.models import Draft
from survey.text import unit_name
from survey.units.queries import units_by_codes


@dataclass(frozen=True)
class ReviewedPage:
    number: int
    section: Section
    answers: list[tuple[Question, str | None]]
    """(question, the answer as the respondent saw it, or None when unanswered)."""


def render_review(draft: Draft, definition: Definition, language: str, status: int = 200):
    context = {"draft": draft, "definition": definition, "lang": language,
               "problems": problem_links(draft, definition, language),
               "reviewed": reviewed_pages(definition, draft.answers, language)}
    return render_template("public/review.html", **context), status


def problem_links(draft: Draft, definition: Definition, language: str) -> list[tuple[str, str, str]]:
    """(question label, message, URL of its page) for each answer still missing or wrong."""
    section_of = {q.name: s.name for s in definition.sections for q in s.questions}
    problems = forms.check_answers(definition, draft.answers, language=language)
    return [(definition.question(name).label.text(language), message,
             url_for("questionnaire.page", key=draft.uuid, section=section_of[name], **{"from": REVIEW}))
            for name, message in problems.items()]


def reviewed_pages(definition: Definition, answers: dict[str, str | None], language: str) -> list[ReviewedPage]:
    effective = forms.effective_answers(definition, answers)
    shown = forms.relevance(definition, answers)
    return [ReviewedPage(number, section, [(q, shown_answer(q, effective[q.name], language))
                                           for q in section.questions if q.kind.has_answer and shown[q.name]])
            for number, section in enumerate(visible_sections(definition, answers), start=1)]


def shown_answer(question: Question, stored: str | None, language: str) -> str | None:
    """A stored answer in words: choice labels, a unit's name, or the text itself."""
    if stored is None:
        return None
    if question.choices:
        labels = {choice.value: choice.label.text(language) for choice in question.choices}
        return ", ".join(labels.get(value, value) for value in stored.split())
    if question.type == "unit":
        return unit_name(units_by_codes(db.session(), [stored])[0], language)
    return stored
