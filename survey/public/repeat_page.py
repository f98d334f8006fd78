"""The page of a repeat (a household's members): its questions once per instance, with a button that
adds an instance and one that removes each, both posting the page (no JavaScript needed).

The draft keeps the instances as answers keyed ``q[n]`` (``forms.repeats``); an instance added
and still empty lives only in the page posted back (its `_count`), as a page's unsaved answers do.
Removing an instance moves the later ones down. A repeat counted by an earlier answer
(``repeat_count``) has that many instances and neither button.
"""
from collections.abc import Collection
from dataclasses import dataclass

from flask import redirect, render_template, request, url_for
from markupsafe import Markup

import forms
from forms import Definition, Section
from forms.piping import fill_html
from forms.repeat_form import RepeatForm, build_repeat_form, field_name, instance_questions
from forms.repeats import instance_key, max_instances, remove_instance
from survey import db
from survey.db import utcnow
from survey.forms_common import whole
from survey.public.access import check_posted_uuid, refuse
from survey.public.messages import t
from survey.public.navigation import preceding, progress
from survey.public.pages import SYSTEM_FIELDS, came_from, shown_before
from survey.questionnaires.web_form import unit_choices
from survey.responses.drafts import save_page
from survey.responses.models import Draft
from survey.text import form_language


@dataclass(frozen=True)
class Proceed:
    """The page's answers passed their checks: the caller moves on as from any page."""

    answers: dict[str, str | None]


@dataclass(frozen=True)
class Back:
    """Back was pressed: the caller keeps these answers (those that passed their checks) and shows
    the page before, as from any page."""

    answers: dict[str, str | None]


def instances(definition: Definition, section: Section, answers: dict[str, str | None]) -> int:
    """The instances the page shows: as the answers resolve them, at least one of a free repeat."""
    asked = forms.relevance(definition, answers)
    first = section.questions[0].name
    count = sum(instance_key(first, n) in asked for n in range(1, max_instances(section) + 1))
    return count if section.repeat_count is not None else max(count, 1)


def form_class(definition: Definition, section: Section, count: int) -> type[RepeatForm]:
    language = form_language(definition)
    return build_repeat_form(definition, section, count, language, unit_choices(section, language))


def show(draft: Draft, definition: Definition, section: Section):
    count = instances(definition, section, draft.answers)
    return render(draft, definition, section, form_class(definition, section, count)(prior_answers=draft.answers))


def post(draft: Draft, definition: Definition, section: Section):
    """Add or remove an instance, the page again with its errors or what an answer revealed, else
    the outcome the caller acts on as on any page (`Back`, `Proceed`)."""
    check_posted_uuid(draft.uuid)
    form = form_class(definition, section, posted_count(section))(prior_answers=draft.answers)
    stray = sorted(set(request.form.keys()) - {f for _, _, f in form.slots()} - SYSTEM_FIELDS - {"_count"})
    if stray:
        refuse(t("bad_field", name=stray[0]))
    action = request.form.get("_action", "")
    if action == "add" and section.repeat_count is None and form.count < max_instances(section):
        return render(draft, definition, section, form_class(definition, section, form.count + 1)(
            prior_answers={**draft.answers, **form.entered()}))
    if action.startswith("remove-") and section.repeat_count is None:
        return remove(draft, section, form, action.removeprefix("remove-"))
    valid = form.validate()
    if action == "back":
        return Back(checked(form))
    new = newly_shown(definition, section, form)
    if new or not valid:
        return render(draft, definition, section, form, revealed=new)
    return Proceed(form.answers())


def shown_fields(definition: Definition, section: Section, answers: dict[str, str | None], count: int) -> set[str]:
    """The fields of the `count` instances' questions that their answers ask (blank instances too)."""
    asked = forms.relevance(definition, answers, {section.name: count})
    return {field_name(q.name, n) for n in range(1, count + 1) for q in section.questions
            if asked.get(instance_key(q.name, n))}


def newly_shown(definition: Definition, section: Section, form: RepeatForm) -> set[str]:
    """The fields the answers posted ask that the page did not show (`at_school` once an age is
    under 18): the page is shown again with them, saying no error on them yet, as any page does."""
    answers = {**form.prior_answers, **form.entered()}
    return shown_fields(definition, section, answers, form.count) - shown_before()


def posted_count(section: Section) -> int:
    """The instances the posted page had (refused when it is no number the repeat allows)."""
    count, valid = whole(request.form.get("_count", ""), max_instances(section))
    if count is None or not valid:
        refuse(t("bad_count"))
    return count


def remove(draft: Draft, section: Section, form: RepeatForm, which: str):
    """The instance `which` left out, the later ones moved down; saved, and the page fetched again."""
    gone, valid = whole(which, form.count)
    if not gone or not valid:
        refuse(t("bad_count"))
    moved = remove_instance(form.entered(), section, gone)
    with db.transaction() as db_session:
        save_page(db_session, draft, section.name, moved, section.name, utcnow())
    return redirect(url_for("questionnaire.page", key=draft.uuid, section=section.name))


def checked(form: RepeatForm) -> dict[str, str | None]:
    """The page's answers that passed their checks (what Back keeps, as from any page)."""
    answers = form.answers()
    return {key: answers[key] for _, key, field in form.slots() if not form[field].errors}


def render(draft: Draft, definition: Definition, section: Section, form: RepeatForm,
           revealed: Collection[str] = ()):
    """The page; a 422 when a question it showed before has an error (not one just `revealed`)."""
    language = form_language(definition)
    answers = {**draft.answers, **form.entered()}
    page_number, pages_count = progress(definition, answers, section.name)
    shown = shown_fields(definition, section, answers, form.count)
    blocks = [(n, [(q, q.name in shown) for q in instance_questions(section, n)]) for n in range(1, form.count + 1)]
    form.piped = piped(definition, section, answers, form.count, language)
    errors = [(q, form[q.name].errors[0]) for _, block in blocks for q, _ in block
              if q.kind.has_input and form[q.name].errors and q.name not in revealed]
    return render_template(
        "public/repeat.html", draft=draft, definition=definition, section=section, form=form, blocks=blocks,
        errors=errors, shown=" ".join(sorted(shown)), page=page_number, pages=pages_count, lang=language,
        back=preceding(definition, answers, section.name), free=section.repeat_count is None,
        room=form.count < max_instances(section), last=page_number == pages_count, came_from=came_from(),
        revealed=revealed), 422 if errors else 200


def piped(definition: Definition, section: Section, answers: dict[str, str | None], count: int,
          language: str) -> dict[str, str]:
    """Each instance's labels and hints as the page shows them: `${name}` reads the same instance."""
    effective = forms.effective_answers(definition, answers)
    texts: dict[str, str] = {}
    for n in range(1, count + 1):
        own = instance_view(section, effective, n)
        for q in section.questions:
            for key, text in (("label", q.label), ("hint", q.hint)):
                if text:
                    texts[f"{field_name(q.name, n)}:{key}"] = fill_html(text.text(language), definition, own, language)
    return texts


def instance_view(section: Section, effective: dict[str, str | None], instance: int) -> dict[str, str | None]:
    """The answers as an instance's texts read them: its own questions by their plain names."""
    return effective | {q.name: effective.get(instance_key(q.name, instance)) for q in section.questions}


def instance_slots(section: Section, shown: dict[str, bool]) -> list[tuple[forms.Question, str]]:
    """(question, answers' key) of the instances asked, instance by instance (the review lists them)."""
    asked = [n for n in range(1, max_instances(section) + 1) if instance_key(section.questions[0].name, n) in shown]
    return [(q, instance_key(q.name, n)) for n in asked for q in section.questions
            if q.kind.has_input and shown.get(instance_key(q.name, n))]


def instance_labels(definition: Definition, effective: dict[str, str | None], language: str) -> dict[str, Markup]:
    """Answers' key -> the label of a repeat's question in that instance, named with its number."""
    labels: dict[str, Markup] = {}
    for section in (s for s in definition.sections if s.repeat):
        first = section.questions[0].name
        for n in (n for n in range(1, max_instances(section) + 1) if instance_key(first, n) in effective):
            own = instance_view(section, effective, n)
            labels |= {instance_key(q.name, n): Markup(t("instance_title", number=n, title=fill_html(
                q.label.text(language), definition, own, language))) for q in section.questions}
    return labels
