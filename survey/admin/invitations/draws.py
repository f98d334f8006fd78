"""The random draw of dossiers on a campaign's invitations page: a dossier list uploaded,
a preview of the draw (dossiers listed, left out and drawn per unit, the seed, the list's checksum), then
a confirmation that draws exactly what was previewed and makes the invitations; each draw's links as CSV.
"""
from datetime import datetime

from flask import abort, make_response, redirect, request, url_for

from survey import db
from survey.accounts.access import current_user
from survey.admin.files import MAX_BYTES, Refused, csv_bytes, read_text, uploaded
from survey.admin.invitations.views import expiry, invitations_page
from survey.admin.messages import CATALOGUE as ADMIN
from survey.admin.site import page
from survey.campaigns.models import Campaign
from survey.campaigns.queries import TARGETS_LOADED, campaign_or_404
from survey.db import utcnow
from survey.draws.messages import CATALOGUE
from survey.draws.operations import LARGEST_SEED, DrawPlan, apply_draw, new_seed, plan_draw, plan_sizes
from survey.draws.queries import campaign_draw, draw_invitations
from survey.errors import InvalidInput, Problem
from survey.forms_common import whole
from survey.links import public_url

FIELDS = ("size", "seed", "expires_on", "replacement")
LARGEST_SIZE = 1_000_000


def invitations_draw(slug: str):
    """The preview: every problem of the list (by row) and of the form, or what the draw will do."""
    campaign = campaign_or_404(slug, *TARGETS_LOADED)
    form = {name: request.form.get(name, "").strip()[:40] for name in FIELDS}
    try:
        texts = uploaded_texts()
        plan, _ = planned(campaign, form, *texts)
    except Refused as refused:
        return invitations_page(campaign, form, refused.status, drawing=refused.problems)
    except InvalidInput as error:
        return invitations_page(campaign, form, 400, drawing=error.problems)
    return preview(campaign, plan, form, *texts)


def invitations_draw_confirm(slug: str):
    """Draws only if the draw is still the one previewed (else shows the new preview)."""
    campaign = campaign_or_404(slug, *TARGETS_LOADED)
    form = {name: request.form.get(name, "").strip()[:40] for name in FIELDS}
    texts = (request.form.get("dossiers", "")[:MAX_BYTES], request.form.get("plan", "")[:MAX_BYTES])
    try:
        plan, expires_at = planned(campaign, form, *texts)
    except InvalidInput as error:
        return invitations_page(campaign, form, 400, drawing=error.problems)
    if plan.digest() != request.form.get("digest"):
        return preview(campaign, plan, form, *texts, status=409)
    with db.transaction() as session:
        draw, created = apply_draw(session, plan, expires_at, utcnow(), current_user())
    return redirect(url_for("admin.invitations", slug=slug, luot=draw.id, chon=len(created), _anchor="chon-mau"))


def invitations_draw_csv(slug: str, draw_id: int):
    """The invitations of one draw, dossier_code,unit_code,link, for a mail merge in Excel (no token column:
    a token may begin with '-', which the formula guard would quote; the link holds it)."""
    campaign = campaign_or_404(slug, *TARGETS_LOADED)
    draw = campaign_draw(db.session(), campaign, draw_id) or abort(404)
    rows = [[i.dossier_code, i.unit.code, public_url("questionnaire.invitation", token=i.token)]
            for i in draw_invitations(db.session(), draw)]
    response = make_response(csv_bytes(["dossier_code", "unit_code", "link"], rows))
    response.mimetype = "text/csv"
    response.headers["Content-Disposition"] = f'attachment; filename="thu-moi-{campaign.id}-luot-{draw.id}.csv"'
    return response


def uploaded_texts() -> tuple[str, str]:
    """The dossier list (required) and the plan (optional) uploaded; Refused when a file cannot be one."""
    file, plan = uploaded("dossiers_file"), uploaded("plan_file")
    if file is None:
        raise Refused("file_missing", field="dossiers_file")
    return read_text(file), read_text(plan) if plan else ""


def planned(campaign: Campaign, form: dict[str, str], text: str, plan_text: str) -> tuple[DrawPlan, datetime | None]:
    """The draw the form asks for and the links' expiry; InvalidInput naming every problem. A seed left
    blank is drawn here and written into the form, for the confirmation to draw the same."""
    size, seed, expires_at, problems = form_values(form)
    if size is not None and plan_text:
        problems.append(ADMIN.problem("draw_size_and_plan", "plan_file"))
    if problems:
        raise InvalidInput(problems)
    sizes = plan_sizes(campaign, plan_text) if plan_text else size
    plan = plan_draw(db.session(), campaign, text, seed, sizes, form["replacement"] == "1")
    form["seed"] = str(plan.seed)
    return plan, expires_at


def form_values(form: dict[str, str]) -> tuple[int | None, int, datetime | None, list[Problem]]:
    """The size (None: blank), seed (a new one when blank) and expiry typed, and the problems of those
    that are not what they should be."""
    size, size_ok = whole(form["size"], LARGEST_SIZE)
    seed, seed_ok = whole(form["seed"], LARGEST_SEED)
    problems: list[Problem] = [] if size_ok else [CATALOGUE.problem("size_invalid", "size", value=form["size"])]
    problems += [] if seed_ok else [CATALOGUE.problem("seed_invalid", "seed", value=form["seed"], largest=LARGEST_SEED)]
    expires_at, typed = expiry(form["expires_on"])
    return size, new_seed() if seed is None else seed, expires_at, problems + typed


def preview(campaign: Campaign, plan: DrawPlan, form: dict[str, str], text: str, plan_text: str, status: int = 200):
    return page("admin/invitations/draw.html", status, campaign=campaign, plan=plan, form=form, text=text,
                plan_text=plan_text, drawn=sum(len(s.drawn) for s in plan.strata), changed=status == 409)
