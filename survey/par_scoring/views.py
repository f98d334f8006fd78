"""PAR index scoring pages (/cham-diem): Home Affairs (administrators and analysts) open rounds,
follow the units' statuses, appraise and finalise; an agency officer sees only its own unit's
assessments, fills them in with evidence before the deadline, submits, and answers once.

Every form works without JavaScript; a refusal shows each problem beside its field, with a 400,
and stores nothing (one transaction per request). The assessment pages are in
survey.par_scoring.assessment_views.
"""
from flask import Blueprint, abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from survey import db
from survey.accounts.access import role_required, signed_in, visible_unit_ids
from survey.errors import InvalidInput
from survey.par_index.assessment_queries import (
    OFFICER,
    all_rounds,
    assessment_by_id,
    assessments_of_units,
    may_read,
    published_definitions,
    round_by_id,
    round_units,
)
from survey.par_index.assessments import Assessment
from survey.par_index.queries import definition_by_id
from survey.par_index.results_notes import decimal, level_label
from survey.par_index.scoring import open_round
from survey.par_scoring.forms import round_form
from survey.par_scoring.messages import CATALOGUE
from survey.text import language, speaks

HOME_AFFAIRS = ("admin", "analyst")
EVERYONE = (*HOME_AFFAIRS, OFFICER)

blueprint = Blueprint("par_scoring", __name__, url_prefix="/cham-diem", template_folder="templates")
speaks(blueprint, CATALOGUE)


@blueprint.context_processor
def scoring_helpers() -> dict:
    return {"label": label, "level_name": level_name, "points": points, "day": lambda value: value.strftime("%d/%m/%Y")}


def points(value: float | str) -> str:
    """Points or a stored percentage (text, as the officer's value is kept) written the reader's way:
    87,5 in Vietnamese, 87.5 in English, 10 in both."""
    return decimal(float(value), language(), None)


def label(item) -> str:
    """A definition item's label in the reader's language (a definition names each item in both)."""
    return item.label[language()]


def level_name(item, key: str) -> str:
    """A level of a levels rule by its label in the reader's language."""
    return level_label(item, key, language())


@blueprint.get("/")
@role_required(*EVERYONE)
def home():
    user, session = signed_in(), db.session()
    if user.role == OFFICER:
        mine = assessments_of_units(session, [unit.id for unit in user.units])
        return render_template("par_scoring/officer_home.html", assessments=mine)
    return render_template("par_scoring/home.html", rounds=all_rounds(session))


@blueprint.route("/dot-moi", methods=["GET", "POST"])
@role_required(*HOME_AFFAIRS)
def new_round():
    if request.method != "POST":
        return _round_form({}, [])
    try:
        with db.transaction() as session:
            typed = round_form(request.form)
            scoring = open_round(session, signed_in(), definition_by_id(session, typed.definition), typed.year,
                                 typed.deadline)
    except InvalidInput as refused:
        return _round_form(request.form, refused.problems, 400)
    return redirect(url_for(".round_units_page", round_id=scoring.id, done="round_opened"))


def _round_form(values, problems, status: int = 200):
    definitions = published_definitions(db.session())
    page = render_template("par_scoring/new_round.html", definitions=definitions, values=values, problems=problems)
    return page, status


@blueprint.get("/dot/<int:round_id>")
@role_required(*HOME_AFFAIRS)
def round_units_page(round_id: int):
    scoring = round_by_id(db.session(), round_id) or abort(404)
    units = round_units(db.session(), scoring, visible_unit_ids(signed_in()))
    return render_template("par_scoring/round.html", scoring=scoring, assessments=units)


def readable(assessment_id: int) -> Assessment:
    """The assessment if the signed-in user may read it (404 when there is none, 403 otherwise): an
    agency officer only its own unit's, Home Affairs any within its scope."""
    found = assessment_by_id(db.session(), assessment_id) or abort(404)
    return found if may_read(db.session(), signed_in(), found) else abort(403)


def done(found: Assessment, notice: str) -> Response:
    """Back to the assessment page, which says what was done."""
    return redirect(url_for(".assessment", assessment_id=found.id, done=notice))
