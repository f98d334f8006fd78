"""Editing the texts of a questionnaire's draft in the browser, page by page (labels, hints and
choice labels in every language; structure still by file), then back to the draft page, whose
changes table and previews show the edit. Province-wide administrators only, like uploading."""
from itertools import groupby

from flask import abort, redirect, render_template, request, url_for

from survey import db
from survey.accounts.access import current_user
from survey.admin.messages import known, say
from survey.admin.questionnaires.views import questionnaire_or_404
from survey.errors import InvalidInput
from survey.questionnaires.models import Questionnaire
from survey.questionnaires.texts import MAX_TEXT, TextField, cleaned, draft_stamp, edit_texts, text_fields


def questionnaire_texts(slug: str, section: str):
    """The page's texts in a form; a refused text is shown next to its field and nothing is stored."""
    questionnaire = questionnaire_or_404(slug)
    fields = fields_or_404(questionnaire, section)
    if request.method != "POST":
        return texts_page(questionnaire, section, fields, {f.name: f.value for f in fields}, [])
    texts = {field.name: cleaned(request.form.get(field.name, "")) for field in fields}
    try:
        with db.transaction() as session:
            changed = edit_texts(session, questionnaire, section, texts, request.form.get("stamp", ""), current_user())
    except InvalidInput as error:
        stale = any(problem.field == "stamp" for problem in error.problems)
        return texts_page(questionnaire, section, fields, texts, error.problems), 409 if stale else 400
    target = url_for("admin.questionnaire_draft", slug=slug, trang=section, sua=len(changed))
    return redirect(f"{target}#citizen")


def fields_or_404(questionnaire: Questionnaire, section: str) -> list[TextField]:
    try:
        return text_fields(questionnaire.draft, section)
    except KeyError:
        abort(404)


def texts_page(questionnaire: Questionnaire, section: str, fields: list[TextField], texts: dict[str, str],
               problems: list):
    """The form, its fields grouped (the page's title, each question, each choice list)."""
    errors = {name: [p for p in problems if p.field == name] for name in texts}
    groups = [(group, list(items)) for group, items in groupby(fields, key=lambda f: (f.kind == "choice", f.group))]
    return render_template("admin/questionnaires/texts.html", questionnaire=questionnaire, section=section,
                           sections=questionnaire.draft["sections"], groups=groups, texts=texts, errors=errors,
                           general=[p for p in problems if p.field == "stamp"],
                           stamp=draft_stamp(questionnaire), limit=MAX_TEXT, caption=caption)


def caption(field: TextField) -> str:
    """What a field is, in words: its kind, choice number and language."""
    language = say(f"qn_language_{field.language}") if known(f"qn_language_{field.language}") else field.language
    number = int(field.name.split(".")[2]) + 1 if field.kind == "choice" else None
    return say(f"qn_texts_{field.kind}", language=language, number=number)
