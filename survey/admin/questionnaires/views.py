"""Questionnaires in the browser: the list of questionnaires and their
versions, upload of a definition (checked in full before anything is stored, then kept as the
draft), the draft previewed as citizens and keyers see it, publication of a new immutable
version, the changes between versions, and downloads of any version."""
from typing import Any

from flask import abort, make_response, redirect, render_template, request, url_for
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import RequestEntityTooLarge

import forms
from survey import db
from survey.accounts.access import signed_in
from survey.admin.files import Refused
from survey.admin.questionnaires.upload import MAX_MEGABYTES, UPLOAD_ENDPOINT, Upload, read_upload
from survey.admin.scope import shown
from survey.campaigns.queries import campaign_called
from survey.campaigns.versions import Behind, campaigns_behind
from survey.entries.codes import answerable, codes_of
from survey.errors import InvalidInput, Problem
from survey.questionnaires.models import Questionnaire, QuestionnaireVersion
from survey.questionnaires.operations import import_uploaded, publish_draft
from survey.questionnaires.queries import (
    all_questionnaires,
    campaign_counts,
    draft_version,
    question_counts,
    questionnaire_by_slug,
    version_by_number,
    version_definition,
)
from survey.questionnaires.web_form import CATALOGUE as FORM_PAGE
from survey.questionnaires.web_form import page_form
from survey.security import CONTENT_SECURITY_POLICY
from survey.text import form_language

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FRAMED_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
"""The citizen preview is shown in a frame of the draft page (and of no other site)."""


def questionnaires():
    return list_page()


def list_page(refused: tuple[str, list[Problem]] | None = None):
    """Every questionnaire with its versions and the campaigns (of the scope) left on older ones;
    `refused`: a campaign that could not move, and why."""
    session = db.session()
    items = all_questionnaires(session)
    return render_template("admin/questionnaires/list.html", questionnaires=items,
                           drafts={item.id: draft_version(item) for item in items},
                           questions=question_counts(session), campaigns=campaign_counts(session),
                           published=published_version(items, request.args.get("cong-bo", "")),
                           behind={item.id: shown_behind(session, item) for item in items},
                           moved=moved_name(session, request.args.get("chuyen", "")), refused=refused)


def moved_name(session, slug: str) -> str | None:
    """The name of the campaign just moved to the newest version, for the notice."""
    moved = campaign_called(session, slug[:64]) if slug else None
    return moved.name if moved else None


def shown_behind(session, questionnaire: Questionnaire) -> list[Behind]:
    """The campaigns left on older versions that the administrator may see."""
    behind = campaigns_behind(session, questionnaire)
    visible = {campaign.id for campaign in shown(b.campaign for b in behind)}
    return [b for b in behind if b.campaign.id in visible]


def published_version(items: list[Questionnaire], slug: str) -> QuestionnaireVersion | None:
    """The newest version of `slug`, for the notice after publishing (nothing for an unknown slug)."""
    found = next((q for q in items if q.slug == slug), None)
    return found.versions[-1] if found and found.versions else None


def questionnaire_upload():
    """Every problem of the file is listed and nothing is stored; a valid file becomes the draft."""
    if request.method != "POST":
        return upload_page()
    try:
        upload = read_upload(request.files.get("definition"), request.files.getlist("attachments"))
    except Refused as refused:
        return upload_page(refusal=refused), refused.status
    if upload.definition is None:
        return upload_page(upload=upload), 400
    with db.transaction() as session:
        stored = import_uploaded(session, upload.definition, signed_in(), upload.filename)
    return draft_page(stored, upload=upload)


def too_large(error: RequestEntityTooLarge):
    """A body over the upload's limit is refused before it is read, with the limit named."""
    if request.endpoint != UPLOAD_ENDPOINT:
        return render_template("error.html", code=413, name=error.name, problems=[]), 413
    return upload_page(refusal=Refused("qn_too_large", 413, size=MAX_MEGABYTES)), 413


def upload_page(upload: Upload | None = None, refusal: Refused | None = None):
    return render_template("admin/questionnaires/upload.html", upload=upload, refusal=refusal,
                           size=MAX_MEGABYTES)


def questionnaire_draft(slug: str):
    return draft_page(questionnaire_or_404(slug))


def draft_page(questionnaire: Questionnaire, upload: Upload | None = None):
    """The draft: whether it is published, what changed since the newest version, the previews."""
    definition = forms.definition_from_dict(questionnaire.draft)
    latest = questionnaire.versions[-1] if questionnaire.versions else None
    section = chosen_section(definition, request.args.get("trang"))
    return render_template("admin/questionnaires/draft.html", questionnaire=questionnaire, definition=definition,
                           upload=upload, latest=latest, same=draft_version(questionnaire), section=section,
                           changes=changes(latest, definition), edited=request.args.get("sua", type=int))


def chosen_section(definition: forms.Definition, name: str | None) -> forms.Section:
    try:
        return definition.section(name) if name else definition.sections[0]
    except KeyError:
        abort(404)


def questionnaire_citizen_preview(slug: str, section: str):
    """One page of the draft exactly as the citizen pages render it, for the draft page's phone frame:
    in the citizens' words (`t`, the form page's catalogue), not the administrators'."""
    definition = forms.definition_from_dict(questionnaire_or_404(slug).draft)
    current = chosen_section(definition, section)
    language = form_language(definition)
    names = [s.name for s in definition.sections]
    here = names.index(current.name)
    form = page_form(definition, current, language)()
    response = make_response(render_template(
        "admin/questionnaires/citizen.html", slug=slug, definition=definition, section=current, form=form,
        t=FORM_PAGE.say, lang=language, page=here + 1, pages=len(names), following=names[(here + 1) % len(names)],
        preceding=names[here - 1] if here else None))
    response.headers["Content-Security-Policy"] = FRAMED_POLICY
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response


def questionnaire_keyer_preview(slug: str):
    """Every question on one page with the number and the codes the paper-entry screen gives it."""
    questionnaire = questionnaire_or_404(slug)
    definition = forms.definition_from_dict(questionnaire.draft)
    lang, questions = definition.languages[0], answerable(definition)
    return render_template("admin/questionnaires/keyer.html", questionnaire=questionnaire, definition=definition,
                           lang=lang, numbers={q.name: n for n, q in enumerate(questions, start=1)},
                           codes={q.name: codes_of(q, lang) for q in questions})


def questionnaire_publish(slug: str):
    """A confirmation page first; publishing content already published names its version instead."""
    questionnaire = questionnaire_or_404(slug)
    if request.method != "POST" or draft_version(questionnaire) is not None:
        return publish_page(questionnaire)
    try:
        with db.transaction() as session:
            publish_draft(session, questionnaire, signed_in())
    except IntegrityError:  # another administrator published the same draft a moment before
        return publish_page(questionnaire_or_404(slug))
    published: dict[str, Any] = {"cong-bo": slug}  # a hyphenated argument, typed for url_for's **values
    return redirect(url_for("admin.questionnaires", **published))


def publish_page(questionnaire: Questionnaire):
    return render_template("admin/questionnaires/publish.html", questionnaire=questionnaire,
                           same=draft_version(questionnaire), number=len(questionnaire.versions) + 1)


def questionnaire_changes(slug: str, number: int):
    version = version_or_404(slug, number)
    earlier = [v for v in version.questionnaire.versions if v.number < number]
    previous = earlier[-1] if earlier else None
    return render_template("admin/questionnaires/changes.html", version=version, previous=previous,
                           changes=changes(previous, version_definition(version)))


def changes(before: QuestionnaireVersion | None, after: forms.Definition) -> list[forms.Change] | None:
    """What changed from the version `before` to `after`; None when there is no version before."""
    return None if before is None else forms.compare(version_definition(before), after)


def questionnaire_yaml(slug: str, number: int):
    """The version in our format, as people edit it in git (it loads back to the same content)."""
    version = version_or_404(slug, number)
    text = forms.dump_yaml(version_definition(version))
    return download(text.encode("utf-8"), version, "yaml", "application/yaml; charset=utf-8")


def questionnaire_xlsform(slug: str, number: int):
    """The version as an XLSForm workbook (survey, choices and settings sheets), for KoboToolbox or ODK users."""
    version = version_or_404(slug, number)
    return download(forms.write_xlsform(version_definition(version)), version, "xlsx", XLSX)


def download(data: bytes, version: QuestionnaireVersion, suffix: str, mimetype: str):
    response = make_response(data)
    response.content_type = mimetype
    filename = f"{version.questionnaire.slug}-v{version.number}.{suffix}"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def questionnaire_or_404(slug: str) -> Questionnaire:
    try:
        return questionnaire_by_slug(db.session(), slug)
    except InvalidInput:
        abort(404)


def version_or_404(slug: str, number: int) -> QuestionnaireVersion:
    try:
        return version_by_number(db.session(), slug, number)
    except InvalidInput:
        abort(404)
