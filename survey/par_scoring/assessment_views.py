"""One unit's assessment: the page everyone reads (values grouped by field and criterion, notes,
evidence, the appraisal and the answer), the agency's forms on it (save with evidence files,
submit, answer once), Home Affairs' appraisal page and finalisation, and the evidence files."""
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import quote

from flask import abort, current_app, render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import RequestEntityTooLarge

from survey import db
from survey.accounts.access import role_required, signed_in
from survey.accounts.sessions import signed_in_user
from survey.errors import InvalidInput, Problem
from survey.par_index.appraisal import APPRAISABLE, APPRAISED, FINALISABLE, answer, appraise, finalise
from survey.par_index.assessment_queries import assessment_by_id, evidence_by_id, may_read
from survey.par_index.assessments import Assessment, Evidence
from survey.par_index.evidence import EvidenceRules
from survey.par_index.scoring import agency_may_edit, remove_evidence, save_with_evidence, submit
from survey.par_index.values import parsed, self_groups, self_items
from survey.par_scoring.forms import entries, evidence_files
from survey.par_scoring.messages import CATALOGUE
from survey.par_scoring.views import EVERYONE, HOME_AFFAIRS, OFFICER, blueprint, done, readable


def rules() -> EvidenceRules:
    return EvidenceRules.of(current_app.config)


def page(found: Assessment, template: str, problems: Sequence[Problem] = (), typed: Mapping | None = None,
         status: int = 200):
    """An assessment page, with what was typed shown again when it was refused."""
    definition, user = parsed(found.round.definition), signed_in()
    context = {
        "found": found, "groups": self_groups(definition), "problems": problems, "typed": typed,
        "values": {value.sub_criterion: value for value in found.values}, "evidence": _evidence(found),
        "refusal": agency_may_edit(found), "officer": user.role == OFFICER, "rules": rules(),
        "home_affairs": user.role in HOME_AFFAIRS, "appraisable": found.status in APPRAISABLE,
        "appraised": found.status in APPRAISED, "finalisable": found.status in FINALISABLE,
        "notice": request.args.get("done", ""),
    }
    return render_template(template, **context), status


def _evidence(found: Assessment) -> dict[str, list[Evidence]]:
    files: dict[str, list[Evidence]] = {}
    for evidence in found.evidence:
        files.setdefault(evidence.sub_criterion, []).append(evidence)
    return files


@blueprint.get("/danh-gia/<int:assessment_id>")
@role_required(*EVERYONE)
def assessment(assessment_id: int):
    return page(readable(assessment_id), "par_scoring/assessment.html")


@blueprint.post("/danh-gia/<int:assessment_id>/luu")
@role_required(OFFICER)
def save(assessment_id: int):
    """Store the values and notes, and keep the files chosen, all or nothing."""
    found = readable(assessment_id)
    return step(found, lambda session: _save_all(session, found, request.form, request.files), "saved", request.form)


@blueprint.errorhandler(RequestEntityTooLarge)
def too_large(error: RequestEntityTooLarge):
    """A save whose body is over MAX_CONTENT_LENGTH, refused before anything read it (the CSRF check
    included), so nothing is stored: the officer's page again, the limit beside its first file field."""
    found = _officers_own()
    if request.endpoint != "par_scoring.save" or found is None:
        return render_template("error.html", code=413, name=error.name, problems=[]), 413
    first = self_items(parsed(found.round.definition))[0].id
    problem = CATALOGUE.problem("request_too_large", f"file_{first}", size=current_app.config["MAX_CONTENT_LENGTH"]
                                // (1024 * 1024), each=rules().max_megabytes)
    return page(found, "par_scoring/assessment.html", [problem], None, 413)


def _officers_own() -> Assessment | None:
    """The assessment the address names if it is the signed-in officer's own unit's, else None (an
    error handler may not abort as the guards do)."""
    user = signed_in_user()
    found = assessment_by_id(db.session(), (request.view_args or {}).get("assessment_id", 0))
    if user is None or user.role != OFFICER or found is None or not may_read(db.session(), user, found):
        return None
    return found


def _save_all(session: Session, found: Assessment, form: MultiDict, files: MultiDict) -> None:
    """The agency's form read (values, notes, files) and saved."""
    items = self_items(parsed(found.round.definition))
    checked, refused = evidence_files(files, items, rules())
    save_with_evidence(session, signed_in(), found, entries(form, items, "note"), checked, refused)


@blueprint.post("/danh-gia/<int:assessment_id>/gui")
@role_required(OFFICER)
def submit_page(assessment_id: int):
    found = readable(assessment_id)
    return step(found, lambda session: submit(session, signed_in(), found), "submitted_notice")


@blueprint.post("/danh-gia/<int:assessment_id>/giai-trinh")
@role_required(OFFICER)
def answer_page(assessment_id: int):
    found = readable(assessment_id)
    return step(found, lambda session: answer(session, signed_in(), found, request.form.get("answer", "")),
                "answered_notice", request.form)


@blueprint.route("/danh-gia/<int:assessment_id>/tham-dinh", methods=["GET", "POST"])
@role_required(*HOME_AFFAIRS)
def appraise_page(assessment_id: int):
    found = readable(assessment_id)
    if request.method != "POST":
        return page(found, "par_scoring/appraise.html")
    items = self_items(parsed(found.round.definition))
    return step(found, lambda session: appraise(session, signed_in(), found, entries(request.form, items, "reason")),
                "appraised_notice", request.form, "par_scoring/appraise.html")


@blueprint.post("/danh-gia/<int:assessment_id>/chot")
@role_required(*HOME_AFFAIRS)
def finalise_page(assessment_id: int):
    found = readable(assessment_id)
    return step(found, lambda session: finalise(session, signed_in(), found), "finalised_notice")


def step(found: Assessment, act: Callable[[Session], object], notice: str, typed: Mapping[str, str] | None = None,
         template: str = "par_scoring/assessment.html") -> ResponseReturnValue:
    """One step of the workflow in its own transaction: on refusal the page again with the problems
    beside their fields (400, nothing stored), else back to the assessment with the notice."""
    try:
        with db.transaction() as session:
            act(session)
    except InvalidInput as refused:
        return page(found, template, refused.problems, typed, 400)
    return done(found, notice)


@blueprint.post("/minh-chung/<int:evidence_id>/go")
@role_required(OFFICER)
def remove_evidence_page(evidence_id: int):
    """Take back one of the unit's evidence files while its self-assessment may still change."""
    evidence = evidence_by_id(db.session(), evidence_id) or abort(404)
    found = readable(evidence.assessment_id)
    return step(found, lambda session: remove_evidence(session, signed_in(), evidence), "evidence_removed")


@blueprint.get("/minh-chung/<int:evidence_id>")
@role_required(*EVERYONE)
def evidence_file(evidence_id: int):
    """The file as sent, as a download of its sniffed type (never shown inline)."""
    evidence = evidence_by_id(db.session(), evidence_id) or abort(404)
    readable(evidence.assessment_id)
    response = current_app.response_class(evidence.data, mimetype=evidence.content_type)
    response.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(evidence.filename, safe='')}"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
