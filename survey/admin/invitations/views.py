"""Single-use invitations of a campaign: how many each unit has (used, unused,
expired), bulk creation from a pasted or uploaded list of dossier codes (mã hồ sơ), all or nothing
with every duplicate and already-invited code named, and the download of the links as CSV."""
import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from flask import make_response, redirect, request, url_for

from survey import clock, db
from survey.accounts.access import current_user
from survey.admin.campaigns.form import typed_day
from survey.admin.files import Refused, csv_bytes, read_text, uploaded
from survey.admin.messages import CATALOGUE
from survey.admin.site import local_time, page
from survey.campaigns.models import Campaign
from survey.campaigns.queries import TARGETS_LOADED, campaign_or_404
from survey.db import utcnow
from survey.draws.queries import campaign_draws
from survey.errors import InvalidInput, Problem
from survey.invitations.operations import dossier_codes, invite, link_expiry
from survey.invitations.queries import campaign_invitations, invitation_tally
from survey.links import public_url

MAX_CODES = 20_000
"""Dossier codes in one request: a large district's month, with room to spare."""
SHOWN = 200
"""Invitations listed on the page (newest first); the CSV has them all."""


def invitations(slug: str):
    campaign = campaign_or_404(slug, *TARGETS_LOADED)
    if request.method != "POST":
        return invitations_page(campaign, {})
    form = {name: request.form.get(name, "").strip()[:40] for name in ("unit", "expires_on")}
    try:
        unit, codes, expires_at = creation_request(campaign, form)
        with db.transaction() as session:
            created = invite(session, campaign, unit, codes, expires_at, utcnow(), current_user())
    except Refused as refused:
        return invitations_page(campaign, form, refused.status, creating=refused.problems)
    except InvalidInput as error:
        return invitations_page(campaign, form, 400, creating=error.problems)
    return redirect(url_for("admin.invitations", slug=slug, tao=len(created), **{"don-vi": unit.code}))


def creation_request(campaign: Campaign, form: dict[str, str]):
    """The unit, the codes (pasted and uploaded) and the expiry asked for; InvalidInput naming each problem."""
    problems: list[Problem] = []
    unit = next((cu.unit for cu in campaign.units if cu.unit.code == form["unit"]), None)
    if unit is None:
        problems.append(CATALOGUE.problem("inv_choose_unit", "unit"))
    file = uploaded("codes_file")
    codes = dossier_codes(request.form.get("codes", "")) + (dossier_codes(read_text(file)) if file else [])
    if not codes:
        problems.append(CATALOGUE.problem("inv_no_codes", "codes"))
    if len(codes) > MAX_CODES:
        problems.append(CATALOGUE.problem("inv_too_many", "codes", count=len(codes), largest=MAX_CODES))
    expires_at, typed = expiry(form["expires_on"])
    if problems + typed:
        raise InvalidInput(problems + typed)
    return unit, codes, expires_at


def expiry(typed: str) -> tuple[datetime | None, list[Problem]]:
    """When the links expire, by the day typed in the field 'expires_on', or the problems with it."""
    day, problems = typed_day(typed, "expires_on")
    expires_at, past = link_expiry(day, "expires_on")
    return expires_at, problems + past


def invitations_page(campaign: Campaign, form: dict[str, str], status: int = 200, *,
                     creating: Sequence[Problem] = (), drawing: Sequence[Problem] = ()):
    """The page, the problems of its creation form (`creating`) or draw form (`drawing`) beside their fields."""
    chosen, now = chosen_unit(campaign), utcnow()
    return page("admin/invitations/list.html", status, campaign=campaign, form=form, chosen=chosen,
                problems=[*creating, *drawing], creating=creating, drawing=drawing,
                units=sorted((cu.unit for cu in campaign.units), key=lambda u: u.code),
                **listing(campaign, chosen, now), status_of=lambda i: i.status(now), local_time=local_time,
                last_day=clock.last_day, created=request.args.get("tao", type=int),
                draws=campaign_draws(db.session(), campaign), drawn_now=request.args.get("luot", type=int),
                drawn_count=request.args.get("chon", 0, type=int))


def chosen_unit(campaign: Campaign) -> str:
    """The unit code the page is narrowed to: one of the campaign's, or none."""
    code = request.args.get("don-vi", "")
    return code if code in {cu.unit.code for cu in campaign.units} else ""


def listing(campaign: Campaign, chosen: str, now: datetime) -> dict:
    """Each unit's invitations counted by status, and the newest SHOWN of the unit `chosen` (or of all)
    with how many there are: never every invitation read."""
    tally = invitation_tally(db.session(), campaign, now)
    counted = [tally.get(chosen, Counter())] if chosen else tally.values()
    return {"tally": tally, "total": sum(sum(counts.values()) for counts in counted),
            "invitations": campaign_invitations(db.session(), campaign, chosen, SHOWN)}


def invitations_csv(slug: str):
    """Every invitation of the campaign (or of one unit) with its full link, for a mail merge in Excel."""
    campaign = campaign_or_404(slug, *TARGETS_LOADED)
    chosen = chosen_unit(campaign)
    now = utcnow()
    rows = [[i.dossier_code or "", i.unit.code, i.unit.name, public_url("questionnaire.invitation", token=i.token),
             i.status(now), local_time(i.expires_at) if i.expires_at else "", local_time(i.created_at)]
            for i in reversed(campaign_invitations(db.session(), campaign, chosen))]
    response = make_response(csv_bytes(["dossier_code", "unit_code", "unit_name", "link", "status", "expires",
                                        "created"], rows))
    response.mimetype = "text/csv"
    filename = re.sub(r"[^A-Za-z0-9._-]", "_", f"thu-moi-{campaign.slug}{'-' + chosen if chosen else ''}.csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
