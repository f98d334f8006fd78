"""One response for review: its answers with the questions' labels, paradata, quality flags,
status and audit trail; verify, reject with a reason, return to submitted, correct a keyed
answer. The writes are the operations of `survey.responses.operations`, which record every
change; a response outside the reader's units is refused (403), an unknown one is a 404."""
from collections.abc import Mapping
from typing import Any

from flask import abort, redirect, render_template, request, url_for
from markupsafe import Markup

import forms
from forms.markup import to_plain
from forms.piping import fill, fill_html
from survey import db
from survey.accounts.access import require_unit, signed_in
from survey.errors import InvalidInput, Problem
from survey.quality.progress import visible
from survey.quality.queries import flagged_responses, response_findings
from survey.quality.rules import FLAG_NAMES
from survey.questionnaires.queries import version_definition
from survey.responses.models import STATUSES, Response
from survey.responses.operations import (
    KEYED_CHANNELS,
    correct_answer,
    reject_response,
    reopen_response,
    verify_response,
)
from survey.responses.queries import response_by_id, response_changes
from survey.supervisor.answers import answer_text
from survey.supervisor.views import blueprint, read_filters, scope
from survey.text import language

REVIEWS = {"verify": verify_response, "reject": reject_response, "reopen": reopen_response}
"""The review buttons: the operation each one calls (with the actor and the reason given)."""


@blueprint.get("/phieu/<int:response_id>")
def response(response_id: int):
    return response_page(response_in_scope(response_id), [])


@blueprint.post("/phieu/<int:response_id>/duyet")
def review(response_id: int):
    found = response_in_scope(response_id)
    operation = REVIEWS.get(request.form.get("action", ""))
    if operation is None:
        abort(400)
    try:
        with db.transaction() as session:
            operation(session, found, signed_in(), request.form.get("reason", "").strip()[:2000])
    except InvalidInput as error:
        return response_page(found, error.problems), 400
    return redirect(url_for("supervisor.response", response_id=response_id, done="reviewed", **carried()))


@blueprint.post("/phieu/<int:response_id>/sua")
def correct(response_id: int):
    found = response_in_scope(response_id)
    form = request.form
    try:
        with db.transaction() as session:
            correct_answer(session, found, signed_in(), form.get("key", ""), form.get("value", "")[:2000],
                           form.get("reason", "").strip()[:2000])
    except InvalidInput as error:
        return response_page(found, error.problems), 400
    return redirect(url_for("supervisor.response", response_id=response_id, done="corrected", **carried()))


def response_in_scope(response_id: int) -> Response:
    found = response_by_id(db.session(), response_id)
    if found is None:
        abort(404)
    require_unit(signed_in(), found.unit_id)
    return found


def response_page(found: Response, problems: list[Problem]):
    definition = version_definition(found.questionnaire_version)
    stored = {answer.key: answer.value for answer in found.answers}
    rows = [(question, stored.get(question.name), answer_text(question, stored.get(question.name)))
            for question in definition.questions if question.kind.has_answer]
    correctable = found.channel in KEYED_CHANNELS and found.status == "submitted"
    return render_template("supervisor/response.html", response=found, rows=rows, problems=problems,
                           labels=response_labels(definition, stored, language()),
                           findings=response_findings(db.session(), found),
                           changes=response_changes(db.session(), found),
                           correctable=correctable, language=language(), carried=carried(),
                           next_flagged=next_flagged(found),
                           done=request.args.get("done") if request.method != "POST" else None)


def response_labels(definition: forms.Definition, stored: Mapping[str, str | None],
                    lang: str) -> dict[str, tuple[Markup, str]]:
    """Question name -> its label as the citizen's page shows it (HTML: markup rendered, each
    ``${name}`` the response's answer, escaped) and as plain text (for a drop-down's options)."""
    return {q.name: (fill_html(q.label.text(lang), definition, stored, lang),
                     to_plain(fill(q.label.text(lang), definition, stored, lang))) for q in definition.questions}


def carried() -> dict[str, Any]:
    """The filters of the quality page the reader came from, kept from one response to the next."""
    return {name: request.args[name] for name in ("don_vi", "loi", "trang_thai") if request.args.get(name)}


def next_flagged(found: Response) -> int | None:
    """The response after this one in the quality page's list (with its filters), else the
    list's first when this one is not listed; None when no other is flagged."""
    units = {target.unit.code: target.unit_id for target in visible(found.campaign, scope())}
    chosen = read_filters({"don_vi": list(units), "loi": FLAG_NAMES, "trang_thai": STATUSES})
    listed = [item.response_id for item in flagged_responses(
        db.session(), found.campaign, scope(), rule=chosen["loi"], status=chosen["trang_thai"],
        unit_id=units.get(chosen["don_vi"]))]
    later = listed[listed.index(found.id) + 1:] if found.id in listed else listed
    return later[0] if later else None
