"""Finding what a public URL points at, and the polite pages when it cannot be answered."""
import uuid
from datetime import date
from typing import NoReturn

from flask import abort, make_response, redirect, render_template, request, session, url_for
from sqlalchemy import select

from survey import clock, db
from survey.campaigns.models import Campaign, CampaignUnit
from survey.invitations.models import Invitation
from survey.public.messages import t
from survey.public.navigation import REVIEW
from survey.responses.drafts import draft_with_campaign
from survey.responses.models import Draft
from survey.responses.operations import response_by_uuid
from survey.units.models import Unit

DRAFT_KEY = "draft"
"""The session entry holding the uuid of the respondent's draft (the resume cookie)."""


def stop(template: str, status: int, **context: object) -> NoReturn:
    """End the request with a rendered page and `status`."""
    abort(make_response(render_template(template, **context), status))


def refuse(message: str, status: int = 400) -> NoReturn:
    stop("error.html", status, code=status, name="", problems=[message])


def unknown_link() -> NoReturn:
    stop("public/notice.html", 404, title=t("unknown_title"), body=t("unknown_body"))


def open_target(slug: str, unit_code: str) -> tuple[Campaign, Unit]:
    """The campaign and unit of an open link; an unknown-link page unless the web channel is allowed."""
    found = db.session().execute(
        select(Campaign, Unit).join(CampaignUnit, CampaignUnit.campaign_id == Campaign.id)
        .join(Unit, Unit.id == CampaignUnit.unit_id).where(Campaign.slug == slug, Unit.code == unit_code)
    ).first()
    if found is None or "web" not in found[0].channel_names:
        unknown_link()
    return found[0], found[1]


def target_ids(view_args: dict) -> tuple[int | None, int | None]:
    """(campaign id, unit id) named by a public URL's arguments, as far as they name them."""
    if "slug" in view_args and "unit_code" in view_args:
        found = db.session().execute(
            select(Campaign.id, Unit.id).join(CampaignUnit, CampaignUnit.campaign_id == Campaign.id)
            .join(Unit, Unit.id == CampaignUnit.unit_id)
            .where(Campaign.slug == view_args["slug"], Unit.code == view_args["unit_code"])).first()
        return (found[0], found[1]) if found else (None, None)
    if "key" in view_args:
        draft = db.session().get(Draft, view_args["key"])
        return (draft.campaign_id, draft.unit_id) if draft else (None, None)
    return None, None


def day_text(day: date | None) -> str:
    """A campaign's day as the notices write it (a closed or scheduled campaign has its dates)."""
    return day.strftime("%d/%m/%Y") if day else ""


def require_open(campaign: Campaign) -> None:
    """A page saying why when the campaign takes no web answers today."""
    today = clock.today()
    if campaign.accepts("web", today):
        return
    state = campaign.state_on(today)
    if state == "closed":
        stop("public/notice.html", 410, title=t("closed_title"),
             body=t("closed_body", name=campaign.name, date=day_text(campaign.closes_on)))
    if state == "scheduled":
        stop("public/notice.html", 403, title=t("scheduled_title"),
             body=t("scheduled_body", name=campaign.name, date=day_text(campaign.opens_on)))
    stop("public/notice.html", 403, title=t("closed_title"), body=t("not_open_body", name=campaign.name))


def invitation_by_token(token: str) -> Invitation:
    invitation = db.session().scalar(select(Invitation).where(Invitation.token == token))
    if invitation is None:
        unknown_link()
    return invitation


def load_draft(key: uuid.UUID) -> Draft:
    """The draft `key`; its thank-you page once submitted; a polite page if unknown or closed."""
    draft = draft_with_campaign(db.session(), key)
    if draft is None:
        if response_by_uuid(db.session(), key) is not None:
            abort(redirect(url_for("questionnaire.thanks", key=key)))
        unknown_link()
    require_open(draft.campaign)
    return draft


def cookie_draft() -> Draft | None:
    """The draft the session cookie remembers, if it is still a draft."""
    try:
        key = uuid.UUID(session.get(DRAFT_KEY, ""))
    except ValueError:
        return None
    return db.session().get(Draft, key)


def where_draft_is(draft: Draft) -> str:
    """The URL of the page the respondent left off on."""
    if draft.section == REVIEW:
        return url_for("questionnaire.review", key=draft.uuid)
    return url_for("questionnaire.page", key=draft.uuid, section=draft.section)


def posted_uuid() -> uuid.UUID:
    """The response uuid every survey form carries; a clear 400 when it is missing or altered."""
    try:
        return uuid.UUID(request.form.get("_uuid", ""))
    except ValueError:
        refuse(t("bad_uuid"))


def check_posted_uuid(key: uuid.UUID) -> None:
    if posted_uuid() != key:
        refuse(t("bad_uuid"))
