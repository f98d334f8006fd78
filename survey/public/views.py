"""Pages for citizens: no sign-in, light, work without JavaScript."""
from flask import Blueprint, render_template
from sqlalchemy import text

from survey import clock, db
from survey.campaigns.queries import open_campaigns

blueprint = Blueprint("public", __name__, template_folder="templates")


@blueprint.get("/")
def index():
    campaigns = [c for c in open_campaigns(db.session(), clock.today()) if "web" in c.channel_names]
    return render_template("public/index.html", campaigns=campaigns)


@blueprint.get("/healthz")
def health():
    """Liveness and readiness: answers 200 only when the database does."""
    db.session().execute(text("SELECT 1"))
    return {"status": "ok"}
