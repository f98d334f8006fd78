"""Campaigns in the browser: the list with each campaign's state (computed
from its dates), creation and editing (version, dates, units with quota and N_h, typed in a table or
uploaded as CSV, strata, channels, double entry, minimum cell size), opening and closing early
after a confirmation, and cloning last year's campaign. Writes are `survey.campaigns.operations`,
which check everything first and write the audit entry in the same transaction."""
from collections.abc import Sequence

from flask import redirect, request, url_for

from survey import clock, db
from survey.accounts.access import current_user
from survey.admin.campaigns.form import (
    CampaignForm,
    blank_form,
    campaign_form,
    chosen_version,
    day,
    place_problems,
    read_form,
    spec_of,
    typed_day,
)
from survey.admin.scope import shown, targets_in_scope
from survey.admin.site import page
from survey.campaigns.models import CHANNELS, Campaign
from survey.campaigns.operations import CloneSpec, add_campaign, clone_campaign, close_now, open_now, update_campaign
from survey.campaigns.queries import TARGETS_LOADED, all_campaigns, campaign_or_404
from survey.errors import InvalidInput, Problem
from survey.questionnaires.models import QuestionnaireVersion
from survey.questionnaires.queries import all_questionnaires
from survey.responses.queries import responses_per_campaign, responses_per_unit
from survey.units.models import LEVELS
from survey.units.queries import active_units


def campaigns():
    session = db.session()
    return page("admin/campaigns/list.html", campaigns=shown(all_campaigns(session)), today=clock.today(),
                responses=responses_per_campaign(session))


def campaign(slug: str):
    found = campaign_or_404(slug, *TARGETS_LOADED)
    return page("admin/campaigns/campaign.html", campaign=found, today=clock.today(),
                responses=responses_per_unit(db.session(), found),
                units=sorted(found.units, key=lambda cu: cu.unit.code))


def campaign_create():
    if request.method != "POST":
        return form_page(blank_form(), None)
    form = read_form(request.form)
    try:
        with db.transaction() as session:
            created = add_campaign(session, targets_in_scope(spec_of(session, form)), current_user())
    except InvalidInput as error:
        return form_page(form, None, error.problems, form.status)
    return redirect(url_for("admin.campaign", slug=created.slug, saved=1))


def campaign_edit(slug: str):
    found = campaign_or_404(slug, *TARGETS_LOADED)
    if request.method != "POST":
        return form_page(campaign_form(found), found)
    form = read_form(request.form)
    try:
        with db.transaction() as session:
            update_campaign(session, found, targets_in_scope(spec_of(session, form)), current_user())
    except InvalidInput as error:
        return form_page(form, campaign_or_404(slug, *TARGETS_LOADED), error.problems, form.status)
    return redirect(url_for("admin.campaign", slug=found.slug, saved=1))


def form_page(form: CampaignForm, editing: Campaign | None, problems: Sequence[Problem] = (), status: int = 200):
    """The form; after a refusal, what was sent with every problem (those of a field next to it too)."""
    place_problems(form, list(problems))
    offered = shown(active_units(db.session())) + [cu.unit for cu in editing.units if not cu.unit.active] \
        if editing else shown(active_units(db.session()))
    units = sorted(offered, key=lambda unit: (LEVELS.index(unit.level), unit.code))  # province first, communes last
    return page("admin/campaigns/form.html", status, form=form, editing=editing, problems=list(problems),
                versions=published_versions(), channels=CHANNELS, units=units)


def published_versions() -> list[QuestionnaireVersion]:
    """Every published version, newest first within each questionnaire."""
    return [v for q in all_questionnaires(db.session()) for v in reversed(q.versions)]


def campaign_open(slug: str):
    """A confirmation page with the closing date; the POST opens the campaign today."""
    found = campaign_or_404(slug, *TARGETS_LOADED)
    today = clock.today()
    closes = request.form.get("closes_on", "").strip()[:20] if request.method == "POST" else \
        (str(found.closes_on) if found.closes_on and found.closes_on >= today else "")
    if request.method != "POST":
        return page("admin/campaigns/open.html", campaign=found, today=today, closes_on=closes, problems=[])
    closes_on, typed = typed_day(closes, "closes_on")
    try:
        with db.transaction() as session:
            open_now(session, found, today, closes_on, current_user())
    except InvalidInput as error:
        return page("admin/campaigns/open.html", 400, campaign=found, today=today, closes_on=closes,
                    problems=typed + error.problems)
    return redirect(url_for("admin.campaign", slug=slug, opened=1))


def campaign_close(slug: str):
    found = campaign_or_404(slug, *TARGETS_LOADED)
    today = clock.today()
    if request.method != "POST":
        return page("admin/campaigns/close.html", campaign=found, today=today, problems=[])
    try:
        with db.transaction() as session:
            close_now(session, found, today, current_user())
    except InvalidInput as error:
        return page("admin/campaigns/close.html", 400, campaign=found, today=today, problems=error.problems)
    return redirect(url_for("admin.campaign", slug=slug, closed=1))


def campaign_clone(slug: str):
    """A new slug, name and dates; the same units, channels, quotas and N_h; optionally the newest version."""
    source = campaign_or_404(slug, *TARGETS_LOADED)
    if request.method != "POST":
        return clone_page(source, CampaignForm({}, [], False, [], {}, []), [])
    form = read_form(request.form)
    try:
        with db.transaction() as session:
            clone, left = clone_campaign(session, source, clone_spec(session, source, form), current_user())
    except InvalidInput as error:
        return clone_page(source, form, error.problems, 400)
    return page("admin/campaigns/cloned.html", campaign=clone, source=source, left=left)


def clone_spec(session, source: Campaign, form: CampaignForm) -> CloneSpec:
    version = source.questionnaire_version
    if request.form.get("newest") == "1":
        form.values["version"] = f"{version.questionnaire.slug}:{version.questionnaire.versions[-1].number}"
        version = chosen_version(session, form) or version  # None failed the form, refused below
    spec = CloneSpec(form.values["slug"], form.values["name"], day(form, "opens_on"), day(form, "closes_on"), version)
    if form.errors:
        raise InvalidInput([problem for problems in form.errors.values() for problem in problems])
    return spec


def clone_page(source: Campaign, form: CampaignForm, problems: list[Problem], status: int = 200):
    newest = source.questionnaire_version.questionnaire.versions[-1]
    return page("admin/campaigns/clone.html", status, source=source, form=form, problems=problems, newest=newest)

