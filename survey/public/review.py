"""The review page: every answer of every page shown, with a link to change each page."""
from dataclasses import dataclass, replace
from typing import TypedDict

from flask import render_template, url_for
from markupsafe import Markup

import forms
from forms import Definition, Question, Section
from forms.piping import fill_html
from forms.repeats import split_key
from survey import db
from survey.public.navigation import REVIEW, visible_sections
from survey.public.repeat_page import instance_labels, instance_slots
from survey.responses.models import Draft
from survey.text import unit_name
from survey.units.queries import units_by_codes

FromPage = TypedDict("FromPage", {"from": str})
"""The page a questionnaire page was opened from: ``from`` is a keyword, hence a dict to unpack."""


@dataclass(frozen=True)
class ReviewedPage:
    number: int
    section: Section
    answers: list[tuple[Question, str | None]]
    """(question, the answer as the respondent saw it, or None when unanswered)."""


def render_review(draft: Draft, definition: Definition, language: str, status: int = 200):
    labels = shown_labels(definition, draft.answers, language)
    context = {"draft": draft, "definition": definition, "lang": language, "labels": labels,
               "problems": problem_links(draft, definition, language, labels),
               "reviewed": reviewed_pages(definition, draft.answers, language)}
    return render_template("public/review.html", **context), status


def shown_labels(definition: Definition, answers: dict[str, str | None], language: str) -> dict[str, Markup]:
    """Question name -> its label as the pages show it: the answers it names, its bold and italic."""
    effective = forms.effective_answers(definition, answers)
    return {q.name: fill_html(q.label.text(language), definition, effective, language)
            for q in definition.questions} | instance_labels(definition, effective, language)


def problem_links(draft: Draft, definition: Definition, language: str,
                  labels: dict[str, Markup]) -> list[tuple[str, str, str]]:
    """(question label, message, URL of its page) for each answer still missing or wrong."""
    section_of = {q.name: s.name for s in definition.sections for q in s.questions}
    problems = forms.check_answers(definition, draft.answers, language=language)
    return [(labels[key], message, url_for("questionnaire.page", key=draft.uuid, section=section_of[split_key(key)[0]],
                                           **FromPage({"from": REVIEW})))
            for key, message in problems.items()]


def reviewed_pages(definition: Definition, answers: dict[str, str | None], language: str) -> list[ReviewedPage]:
    effective = forms.effective_answers(definition, answers)
    shown = forms.relevance(definition, answers)
    return [ReviewedPage(number, section, [(q, shown_answer(q, effective[q.name], language))
                                           for q in section.questions if q.kind.has_input and shown[q.name]]
                         if not section.repeat else [(replace(q, name=key), shown_answer(q, effective[key], language))
                                                     for q, key in instance_slots(section, shown)])
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
