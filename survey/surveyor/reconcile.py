"""Reconciliation of double entry (/doi-chieu), for supervisors and administrators: the queue of
serials whose two entries differ in the reader's units, and per serial both values side by side
with a choice per question (value 1, value 2, or a corrected value typed as a keyer types it)."""
from collections.abc import Sequence

from flask import abort, render_template, request
from markupsafe import Markup

import forms
from forms.repeats import split_key
from survey import clock, db
from survey.accounts.access import require_unit, role_required, signed_in, visible_unit_ids
from survey.campaigns.models import Campaign
from survey.campaigns.queries import campaign_or_404
from survey.entries.codes import codes_of, keyed_slots, question_numbers, to_stored, to_typed
from survey.entries.models import PaperEntry
from survey.entries.queries import discrepancies, entries_of_serial, reconciliation_queue
from survey.entries.reconciliation import Decision, reconcile
from survey.errors import InvalidInput, Problem
from survey.questionnaires.queries import version_definition
from survey.surveyor.entry import not_a_code
from survey.surveyor.shown import shown_labels
from survey.surveyor.views import blueprint, first_problem_per_field
from survey.text import form_language, language

SUPERVISORS = ("supervisor", "admin")


@blueprint.get("/doi-chieu")
@role_required(*SUPERVISORS)
def queue():
    return render_template("surveyor/queue.html",
                           queue=reconciliation_queue(db.session(), visible_unit_ids(signed_in())))


@blueprint.route("/doi-chieu/<slug>/<path:serial>", methods=["GET", "POST"])
@role_required(*SUPERVISORS)
def serial_page(slug: str, serial: str):
    campaign = campaign_or_404(slug)
    passes = entries_of_serial(db.session(), campaign, serial)
    found = discrepancies(db.session(), campaign, serial) if passes else []
    if not found:
        abort(404)
    require_unit(signed_in(), passes[0].unit_id)
    if request.method != "POST":
        return page(campaign, serial, passes, found, {})
    decisions, problems = read_decisions(campaign, found)
    try:
        if problems:
            raise InvalidInput(problems)
        with db.transaction() as session:
            reconcile(session, campaign, serial, decisions, signed_in(), clock.today(), language())
    except InvalidInput as error:
        return page(campaign, serial, passes, found, first_problem_per_field(error.problems)), 422
    return page(campaign, serial, passes, discrepancies(db.session(), campaign, serial), {}, done=True)


def read_decisions(campaign: Campaign, found) -> tuple[dict[str, Decision], list[Problem]]:
    """The choice per question (`choice-<key>`: first/second/corrected, `value-<key>`: typed code)."""
    definition = version_definition(campaign.questionnaire_version)
    decisions, problems = {}, []
    for discrepancy in found:
        key = discrepancy.question_key
        question = definition.question(split_key(key)[0])
        corrected, unknown = to_stored(question, request.form.get(f"value-{key}"))
        if unknown and request.form.get(f"choice-{key}") == "corrected":
            problems.append(not_a_code(question, unknown, key))  # at the instance's box, q[n]
        decisions[key] = Decision(request.form.get(f"choice-{key}"), corrected)
    return decisions, problems


def page(campaign: Campaign, serial: str, passes, found, errors: dict[str, str], done: bool = False):
    definition = version_definition(campaign.questionnaire_version)
    lang = form_language(definition)
    numbers = question_numbers(definition)
    slots = keyed_slots(definition)  # a repeat's questions once per instance, keyed q[n]
    order = {key: place for place, (_, key, _) in enumerate(slots)}
    found = sorted(found, key=lambda discrepancy: order.get(discrepancy.question_key, len(order)))
    shown = {key: (lambda stored, q=q: shown_value(q, stored, lang)) for q, key, _ in slots}
    labels = agreed_labels(definition, passes, lang)
    return render_template("surveyor/reconcile.html", campaign=campaign, serial=serial, passes=passes,
                           found=found, errors=errors, done=done, definition=definition, lang=lang,
                           questions={key: q for q, key, _ in slots},
                           numbers={key: numbers[q.name] for q, key, _ in slots}, shown=shown,
                           labels={key: labels[field] for _, key, field in slots},
                           codes={key: codes_of(q, lang) for q, key, _ in slots})


def agreed_labels(definition: forms.Definition, passes: Sequence[PaperEntry], lang: str) -> dict[str, Markup]:
    """The labels as the keyer's page shows them (markup rendered, escaped): a ``${name}`` shows the
    answer both passes agree on, '…' where they differ (that is what is being decided)."""
    first, second = passes[0].answers, passes[1].answers
    agreed = {key: value for key, value in first.items() if second.get(key) == value}
    return shown_labels(definition, forms.effective_answers(definition, agreed), lang)


def shown_value(question, stored: str | None, lang: str) -> str:
    """A stored answer as 'code label' (or the text itself)."""
    if stored is None:
        return ""
    labels = {choice.value: choice.label.text(lang) for choice in question.choices}
    if not labels:
        return stored
    return "; ".join(f"{to_typed(question, value)} {labels.get(value, value)}" for value in stored.split())
