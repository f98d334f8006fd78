"""Pages for citizens: no sign-in, light, work without JavaScript."""
from flask import Blueprint, redirect, render_template, request, session

from survey import clock, db
from survey.campaigns.queries import open_campaigns
from survey.public.access import DRAFT_KEY, cookie_draft, where_draft_is
from survey.public.chooser import search_query, unit_groups
from survey.public.limits import limited
from survey.responses.drafts import draft_by_code

blueprint = Blueprint("public", __name__, template_folder="templates")


@blueprint.context_processor
def links() -> dict:
    return {"resume_url": where_draft_is}


@blueprint.get("/")
def index():
    """Open web campaigns, each with its units by level; `?q=` keeps the units whose name matches."""
    query = search_query(request.args.get("q"))
    campaigns = [(c, unit_groups(c, query)) for c in open_campaigns(db.session(), clock.today())
                 if "web" in c.channel_names]
    return render_template("public/index.html", campaigns=campaigns, query=query, draft=cookie_draft())


@blueprint.route("/tiep-tuc", methods=["GET", "POST"])
@limited("RESUME", with_device=False)
def resume():
    """Type the resume code shown on every page to come back to the page left off."""
    if request.method != "POST":
        return render_template("public/resume.html", code="", unknown=False)
    code = request.form.get("code", "")[:40]
    draft = draft_by_code(db.session(), code)
    if draft is None or not draft.campaign.accepts("web", clock.today()):
        return render_template("public/resume.html", code=code, unknown=True), 404
    session[DRAFT_KEY] = str(draft.uuid)
    return redirect(where_draft_is(draft))
