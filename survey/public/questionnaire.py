"""The web survey: start from an open link or an invitation, one page per section, review, send.

Every page is a plain HTML form (no JavaScript needed) carrying the response uuid; answers are
saved in the draft at every page, and sending stores the response exactly once.
"""
import uuid
from collections.abc import Collection
from typing import Any

from flask import Blueprint, current_app, make_response, redirect, render_template, request, session, url_for

import forms
from survey import clock, db
from survey.campaigns.models import Campaign
from survey.db import utcnow
from survey.errors import InvalidInput
from survey.invitations.models import Invitation
from survey.invitations.operations import InvitationUnavailable, check_usable
from survey.public import estimate, pages, repeat_page
from survey.public.access import (
    DRAFT_KEY,
    check_posted_uuid,
    cookie_draft,
    invitation_by_token,
    load_draft,
    open_target,
    posted_uuid,
    refuse,
    require_open,
    stop,
    unknown_link,
    where_draft_is,
)
from survey.public.device import device_class, device_hash, device_id, new_device_id, remember_device
from survey.public.limits import limited
from survey.public.messages import t
from survey.public.navigation import REVIEW, following, preceding, progress, visible_sections
from survey.public.relevance import page_rules
from survey.public.review import render_review
from survey.questionnaires.queries import version_definition
from survey.questionnaires.web_form import page_form
from survey.responses.drafts import DraftStart, draft_problems, save_page, start_draft, submit_draft
from survey.responses.models import Draft
from survey.responses.operations import response_by_uuid
from survey.responses.screening import BurstRules
from survey.text import form_language
from survey.units.models import Unit

blueprint = Blueprint("questionnaire", __name__, template_folder="templates")


@blueprint.after_request
def never_cached(response):
    """Back re-fetches a page, never shows a copy: after sending it is the thanks page, not a
    form to send again (and answers do not stay in a shared phone's cache)."""
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.get("/k/<slug>/<unit_code>")
def open_link(slug: str, unit_code: str):
    campaign, unit = open_target(slug, unit_code)
    require_open(campaign)
    draft = cookie_draft()
    if draft is not None and (draft.campaign_id, draft.unit_id, draft.invitation_id) == (campaign.id, unit.id, None):
        return redirect(where_draft_is(draft))
    return start_page(campaign, unit, url_for(".start_open", slug=slug, unit_code=unit_code))


@blueprint.post("/k/<slug>/<unit_code>")
@limited("START")
def start_open(slug: str, unit_code: str):
    campaign, unit = open_target(slug, unit_code)
    return begin(campaign, unit, None)


@blueprint.get("/i/<token>")
def invitation(token: str):
    found = usable_invitation(token)
    draft = cookie_draft()
    if draft is not None and draft.invitation_id == found.id:
        return redirect(where_draft_is(draft))
    return start_page(found.campaign, found.unit, url_for(".start_invited", token=token), invitation=found)


@blueprint.post("/i/<token>")
@limited("START", with_device=False)
def start_invited(token: str):
    found = usable_invitation(token)
    return begin(found.campaign, found.unit, found)


def usable_invitation(token: str) -> Invitation:
    """The invitation of `token`, or the page saying it is unknown, used or expired."""
    found = invitation_by_token(token)
    try:
        check_usable(found, utcnow())
    except InvitationUnavailable as error:
        stop("public/notice.html", 410, title=t(f"{error.reason}_title"), body=t(f"{error.reason}_body"))
    require_open(found.campaign)
    return found


def start_page(campaign: Campaign, unit: Unit, action: str, invitation: Invitation | None = None):
    """The start page, which also gives the browser its device cookie (limits count per device)."""
    definition = version_definition(campaign.questionnaire_version)
    pages_count = progress(definition, {}, visible_sections(definition, {})[0].name)[1]
    response = make_response(render_template(
        "public/start.html", campaign=campaign, unit=unit, action=action, invitation=invitation,
        definition=definition, lang=form_language(definition), pages=pages_count,
        minutes=estimate.minutes(definition), key=uuid.uuid4()))
    if device_id(request) is None:
        remember_device(response, new_device_id())
    return response


def begin(campaign: Campaign, unit: Unit, invitation: Invitation | None):
    """Create the draft named by the start form's uuid (a repeated tap finds the same one)."""
    require_open(campaign)
    key = posted_uuid()
    if response_by_uuid(db.session(), key) is not None:
        return redirect(url_for(".thanks", key=key))
    definition = version_definition(campaign.questionnaire_version)
    identifier = device_id(request) or new_device_id()
    start = DraftStart(uuid=key, campaign=campaign, unit=unit, first_section=visible_sections(definition, {})[0].name,
                       language=form_language(definition), device_class=device_class(request.user_agent.string),
                       device_hash=device_hash(identifier), invitation=invitation)
    with db.transaction() as db_session:
        draft = start_draft(db_session, start, utcnow())
    session[DRAFT_KEY] = str(draft.uuid)
    response = redirect(where_draft_is(draft))
    remember_device(response, identifier)
    return response


def sending() -> bool:
    return request.form.get("_action") == "send"


@blueprint.route("/phieu/<uuid:key>/trang/<section>", methods=["GET", "POST"])
@limited("SUBMIT", exempt_when=lambda: not sending())
@forms.resolving_once()  # skip logic passed once over each set of answers, not by every step that asks
def page(key: uuid.UUID, section: str):
    draft = load_draft(key)
    definition = version_definition(draft.campaign.questionnaire_version)
    if section not in {s.name for s in visible_sections(definition, draft.answers)}:
        return redirect(where_draft_is(draft))
    current = definition.section(section)
    if current.repeat:
        return repeat(draft, definition, current)
    form_class = page_form(definition, current, form_language(definition))
    if request.method != "POST":
        revealed = pages.revealed_names(request.args.get("hien", ""))
        return render_page(draft, definition, current, form_class(prior_answers=draft.answers), draft.answers,
                           revealed=revealed)
    return post_page(draft, definition, current, form_class)


def repeat(draft: Draft, definition: forms.Definition, section: forms.Section):
    """A repeat's page (`repeat_page`): its own buttons, then on as from any page."""
    if request.method != "POST":
        return repeat_page.show(draft, definition, section)
    outcome = repeat_page.post(draft, definition, section)
    if isinstance(outcome, repeat_page.Back):
        return go_back(draft, definition, section, outcome.answers)
    if not isinstance(outcome, repeat_page.Proceed):
        return outcome
    if sending() and following(definition, {**draft.answers, **outcome.answers}, section.name) == REVIEW:
        return send(draft, definition, section, outcome.answers)
    return go_on(draft, definition, section, outcome.answers)


def post_page(draft: Draft, definition: forms.Definition, section: forms.Section, form_class):
    check_posted_uuid(draft.uuid)
    stray = pages.stray_fields(section, request.form.keys())
    if stray:
        refuse(t("bad_field", name=stray[0]))
    form = form_class(prior_answers=draft.answers)
    own = pages.entered(form, section)
    answers = {**draft.answers, **own}
    hidden = pages.hidden_answers(definition, section, answers, own)
    if hidden:
        refuse(t("bad_hidden", name=hidden[0]))
    valid = form.validate()
    if request.form.get("_action") == "back":
        return go_back(draft, definition, section, pages.valid_answers(form))
    revealed = pages.newly_shown(definition, section, answers)
    if revealed:
        return show_revealed(draft, definition, section, form, revealed)
    if not valid:
        return render_page(draft, definition, section, form, answers, status=422)
    if sending() and following(definition, answers, section.name) == REVIEW:
        return send(draft, definition, section, form.answers())
    return go_on(draft, definition, section, form.answers())


def show_revealed(draft: Draft, definition: forms.Definition, section: forms.Section, form, revealed: list[str]):
    """The page again at the questions an answer revealed, which say no error yet (no JavaScript).

    Errors in questions seen before are shown at once on the page as posted; otherwise the
    answers that passed their checks are saved and the page is fetched again (POST/redirect/GET:
    Back never sends the form again), anchored at the first question revealed.
    """
    answers = {**draft.answers, **pages.entered(form, section)}
    if any(form[name].errors for name in pages.answer_fields(section) if name not in revealed):
        return render_page(draft, definition, section, form, answers, status=422, revealed=revealed)
    with db.transaction() as db_session:
        save_page(db_session, draft, section.name, pages.valid_answers(form), section.name, utcnow())
    back_to_review: dict[str, Any] = {"from": REVIEW} if request.form.get("_from") == REVIEW else {}
    return redirect(url_for(".page", key=draft.uuid, section=section.name, hien=" ".join(revealed),
                            _anchor=f"{revealed[0]}-label", **back_to_review))


def go_back(draft: Draft, definition: forms.Definition, section: forms.Section, kept: dict[str, str | None]):
    """Keep the page's answers that passed their checks (`kept`), then show the page before."""
    answers = {**draft.answers, **kept}
    target = preceding(definition, answers, section.name) or section.name
    with db.transaction() as db_session:
        save_page(db_session, draft, section.name, kept, target, utcnow())
    return redirect(where_draft_is(draft))


def go_on(draft: Draft, definition: forms.Definition, section: forms.Section, own: dict[str, str | None]):
    """Save the page and show the next one, or the review (asked for, or the way back to it)."""
    answers = {**draft.answers, **own}
    target = following(definition, answers, section.name)
    back_to_review = request.form.get("_from") == REVIEW or request.form.get("_action") == "review"
    if back_to_review and not forms.check_answers(definition, answers):
        target = REVIEW
    with db.transaction() as db_session:
        save_page(db_session, draft, section.name, own, target, utcnow())
    return redirect(where_draft_is(draft))


def send(draft: Draft, definition: forms.Definition, section: forms.Section, own: dict[str, str | None]):
    """Send from the last page: its answers saved and the response stored at once, else the review
    listing what is still missing."""
    if draft_problems(db.session(), definition, {**draft.answers, **own}):
        with db.transaction() as db_session:
            save_page(db_session, draft, section.name, own, REVIEW, utcnow())
        return redirect(where_draft_is(draft))
    return store(draft, definition, (section.name, own))


def render_page(draft: Draft, definition: forms.Definition, section: forms.Section, form,
                answers: dict[str, str | None], status: int = 200, revealed: Collection[str] = ()):
    page_number, pages_count = progress(definition, answers, section.name)
    pages.narrow(form, definition, section, answers, form_language(definition))
    shown = set(pages.shown_names(definition, section, answers))
    errors = [(definition.question(name), field.errors[0]) for name, field in
              ((n, form[n]) for n in pages.answer_fields(section)) if field.errors and name not in revealed]
    context = {"draft": draft, "definition": definition, "section": section, "form": form, "shown": shown,
               "errors": errors, "page": page_number, "pages": pages_count,
               "back": preceding(definition, answers, section.name), "revealed": set(revealed) & shown,
               "lang": form_language(definition), "last": page_number == pages_count,
               "rules": page_rules(definition, section, answers), "answered": pages.answered(definition, answers),
               "came_from": pages.came_from()}
    return render_template("public/page.html", **context), status


@blueprint.get("/phieu/<uuid:key>/xem-lai")
@forms.resolving_once()
def review(key: uuid.UUID):
    draft = load_draft(key)
    if draft.section != REVIEW:
        return redirect(where_draft_is(draft))
    definition = version_definition(draft.campaign.questionnaire_version)
    return render_review(draft, definition, form_language(definition))


@blueprint.post("/phieu/<uuid:key>/gui")
@limited("SUBMIT")
@forms.resolving_once()
def submit(key: uuid.UUID):
    check_posted_uuid(key)
    draft = load_draft(key)  # once sent, the draft is gone and this redirects to the thanks page
    definition = version_definition(draft.campaign.questionnaire_version)
    lang = form_language(definition)
    if draft_problems(db.session(), definition, draft.answers, lang):
        return render_review(draft, definition, lang, status=422)
    return store(draft, definition)


def store(draft: Draft, definition: forms.Definition, last_page: tuple[str, dict[str, str | None]] | None = None):
    """Store the draft, whose answers were just checked, as a response (with the last page's
    answers, in the same transaction), then the thanks page, which a reload or Back only shows again."""
    key = draft.uuid
    try:
        with db.transaction() as db_session:
            if last_page is not None:
                save_page(db_session, draft, *last_page, REVIEW, utcnow())
            submit_draft(db_session, draft, definition, burst_rules(), utcnow(), clock.today())
    except InvitationUnavailable as error:
        stop("public/notice.html", 410, title=t(f"{error.reason}_title"), body=t(f"{error.reason}_body"))
    except InvalidInput as error:
        stop("error.html", 422, code=422, name="", problems=error.problems)
    session.pop(DRAFT_KEY, None)
    return redirect(url_for(".thanks", key=key))


def burst_rules() -> BurstRules:
    return current_app.config["BURST_RULES"] or BurstRules()


@blueprint.get("/phieu/<uuid:key>/cam-on")
def thanks(key: uuid.UUID):
    response = response_by_uuid(db.session(), key)
    if response is None:
        unknown_link()
    return render_template("public/thanks.html", response=response)
