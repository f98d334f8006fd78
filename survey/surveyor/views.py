"""Paper entry (/nhap-phieu): the keyer picks a campaign and a unit once, then keys form after form
on one page. The page's POST also answers JSON (`Accept: application/json`) for the offline queue:
201 stored, 200 duplicate (the uuid was stored before), 422 invalid with every problem; see
tests/surveyor/test_entry.py's test of the offline queue's JSON contract (what survey/static/offline.js reads)."""
import uuid

from flask import Blueprint, abort, jsonify, redirect, render_template, request, url_for
from flask_wtf.csrf import generate_csrf
from werkzeug.exceptions import HTTPException

from survey import clock, db
from survey.accounts.access import current_user, require_unit, role_required, signed_in, visible_unit_ids
from survey.campaigns.models import Campaign
from survey.campaigns.queries import campaign_or_404, campaign_unit, campaigns_by_slug
from survey.entries.models import PaperEntry
from survey.entries.operations import Keyed, entry_problems, key_entry
from survey.entries.queries import discrepancies, entry_by_uuid
from survey.errors import InvalidInput, Problem
from survey.questionnaires.queries import version_definition
from survey.surveyor.entry import Typed, box_numbers, field_of, instance_boxes, read_typed, rules, stored_answers
from survey.surveyor.messages import CATALOGUE, say
from survey.surveyor.shown import offered_codes, shown_labels, typed_answers
from survey.surveyor.today import keyed_today, stored_form
from survey.text import form_language, language, speaks
from survey.units.models import Unit

KEYERS = ("surveyor", "supervisor", "admin")

blueprint = Blueprint("surveyor", __name__, template_folder="templates")
speaks(blueprint, CATALOGUE)


@blueprint.context_processor
def entry_times() -> dict:
    return {"local_moment": clock.day_and_time}


def wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


@blueprint.before_request
def signed_in_for_json():
    """A queued entry sent after the session ended gets 401 JSON, not the sign-in page."""
    if wants_json() and current_user() is None:
        return jsonify(status="error", code=401, message="sign in again"), 401
    return None


@blueprint.errorhandler(HTTPException)
def http_error(error: HTTPException):
    if wants_json():
        return jsonify(status="error", code=error.code, message=error.description), error.code
    return render_template("error.html", code=error.code, name=error.name, problems=[]), error.code


@blueprint.get("/nhap-phieu")
@role_required(*KEYERS)
def choose():
    visible = visible_unit_ids(signed_in())
    stacks = [(campaign, [target.unit for target in campaign.units if visible is None or target.unit_id in visible])
              for campaign in paper_campaigns()]
    return render_template("surveyor/choose.html", stacks=[(c, sorted(u, key=lambda unit: unit.code))
                                                           for c, u in stacks if u])


def paper_campaigns() -> list[Campaign]:
    today = clock.today()
    return [campaign for campaign in campaigns_by_slug(db.session()) if campaign.accepts("paper", today)]


@blueprint.get("/nhap-phieu/csrf")
@role_required(*KEYERS)
def csrf_token():
    """A fresh CSRF token for entries queued offline and sent later."""
    return jsonify(csrf_token=generate_csrf())


@blueprint.route("/nhap-phieu/<slug>/<unit_code>", methods=["GET", "POST"])
@role_required(*KEYERS)
def entry(slug: str, unit_code: str):
    campaign, unit = stack_or_404(slug, unit_code)
    if request.method != "POST":
        return entry_page(campaign, unit, blank(), stored=stored_entry(request.args.get("luu")))
    definition = version_definition(campaign.questionnaire_version)
    typed = read_typed(request.form, definition)
    if typed.uuid is None:
        abort(400, "uuid: every entry form carries a uuid")
    answers, code_problems = stored_answers(typed, definition)
    keyed = Keyed(uuid=typed.uuid, campaign=campaign, unit=unit, serial=typed.serial, answers=answers,
                  keyer=signed_in(), seconds=typed.seconds)
    try:
        if code_problems:
            raise InvalidInput(code_problems + entry_problems(db.session(), keyed, clock.today(), language())[1])
        with db.transaction() as session:
            stored, created = key_entry(session, keyed, clock.today(), language())
    except InvalidInput as error:
        return refused(campaign, unit, typed, error.problems)
    return accepted(campaign, unit, stored, created)


def stack_or_404(slug: str, unit_code: str) -> tuple[Campaign, Unit]:
    """The campaign (taking paper) and one of its units, visible to the keyer."""
    campaign = campaign_or_404(slug)
    if "paper" not in campaign.channel_names:
        abort(404)
    unit = campaign_unit(db.session(), campaign, unit_code) or abort(404)
    require_unit(signed_in(), unit)
    return campaign, unit


def blank() -> Typed:
    return Typed(uuid=uuid.uuid4(), serial="", seconds=None, values={})


def stored_entry(key: str | None) -> PaperEntry | None:
    """The keyer's own entry named in the confirmation URL, if any."""
    try:
        found = entry_by_uuid(db.session(), uuid.UUID(key or ""))
    except ValueError:
        return None
    return found if found is not None and found.keyed_by_id == signed_in().id else None


def refused(campaign: Campaign, unit: Unit, typed: Typed, problems: list[Problem]):
    first = {field_of(field): message for field, message in first_problem_per_field(problems).items()}
    if wants_json():
        return jsonify(status="invalid", problems=[{"field": field, "message": text}
                                                   for field, text in first.items()]), 422
    return entry_page(campaign, unit, typed, errors=first)


def first_problem_per_field(problems: list[Problem]) -> dict[str, str]:
    """Field -> message in the keyer's language; a field gets its first problem only (one about
    the whole entry is the form's)."""
    found: dict[str, str] = {}
    for problem in problems:
        found.setdefault(problem.field or "form", problem.text())
    return found


def accepted(campaign: Campaign, unit: Unit, stored: PaperEntry, created: bool):
    if wants_json():
        row = stored_form(stored)
        body = {"status": "stored" if created else "duplicate", "uuid": str(stored.uuid), "serial": stored.serial,
                "pass": stored.pass_number, "message": outcome(stored), "unit": row.unit, "time": row.time,
                "state": row.state}
        return jsonify(body), 201 if created else 200
    return redirect(url_for("surveyor.entry", slug=campaign.slug, unit_code=unit.code, luu=str(stored.uuid)), code=303)


def entry_page(campaign: Campaign, unit: Unit, typed: Typed, stored: PaperEntry | None = None,
               errors: dict[str, str] | None = None):
    definition = version_definition(campaign.questionnaire_version)
    lang = form_language(definition)
    answers = typed_answers(definition, typed.values)
    return render_template(
        "surveyor/entry.html", campaign=campaign, unit=unit, definition=definition, lang=lang, typed=typed,
        errors=errors or {}, stored=stored, outcome=outcome(stored), keyed_today=keyed_today(campaign),
        numbers=box_numbers(definition), instances=instance_boxes(definition),
        labels=shown_labels(definition, answers, lang), codes=offered_codes(definition, answers, lang),
        rules=rules(definition, lang),
    ), 422 if errors else 200


def outcome(stored: PaperEntry | None) -> str | None:
    """The confirmation of the form just stored."""
    if stored is None:
        return None
    if not stored.campaign.double_entry:
        return say("stored", serial=stored.serial)
    if stored.pass_number == 1:
        return say("stored_waiting", serial=stored.serial)
    if stored.response_id is not None:
        return say("stored_verified", serial=stored.serial)
    return say("stored_differs", serial=stored.serial, count=differing(stored))


def differing(stored: PaperEntry) -> int:
    return len(discrepancies(db.session(), stored.campaign, stored.serial))
