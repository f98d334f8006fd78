"""Reorganisations of units (province-wide administrators only): the stored
reorganisations, and a CSV upload in two steps like the units import: a dry run listing what each row
records and which units it deactivates (every problem with its row and column), then a confirmation
that applies exactly what was shown."""
from collections.abc import Sequence

from flask import redirect, request, url_for

from survey import clock, db
from survey.accounts.access import current_user
from survey.admin.files import Refused, read_text, uploaded
from survey.admin.site import page
from survey.errors import InvalidInput, Problem
from survey.units.reorganise import apply_reorganisation, plan_reorganisation
from survey.units.successions import stored_moves

MAX_TEXT = 1024 * 1024
"""The CSV carried from the dry run to the confirmation (the upload's own limit)."""


def units_reorganise():
    """The stored reorganisations and the upload; the POST is the dry run."""
    if request.method != "POST":
        return form_page([], request.args.get("ghi", type=int))
    try:
        file = uploaded("moves")
        if file is None:
            raise Refused("file_missing", field="moves")
        text = read_text(file)
        plan = plan_reorganisation(db.session(), text, clock.today())
    except Refused as refused:
        return form_page(refused.problems, status=refused.status)
    except InvalidInput as error:
        return form_page(error.problems, status=400)
    return page("admin/units/reorganise_dry_run.html", plan=plan, text=text, changed=False)


def units_reorganise_confirm():
    """Applies the file only if it would still do what was shown (else shows the new dry run, 409)."""
    text = request.form.get("csv", "")[:MAX_TEXT]
    try:
        plan = plan_reorganisation(db.session(), text, clock.today())
    except InvalidInput as error:
        return form_page(error.problems, status=400)
    if plan.digest() != request.form.get("plan"):
        return page("admin/units/reorganise_dry_run.html", 409, plan=plan, text=text, changed=True)
    with db.transaction() as session:
        done = apply_reorganisation(session, text, clock.today(), current_user())
    return redirect(url_for("admin.units_reorganise", ghi=len(done.added)))


def form_page(problems: Sequence[str | Problem], recorded: int | None = None, status: int = 200):
    return page("admin/units/reorganise.html", status, problems=problems, recorded=recorded,
                moves=stored_moves(db.session()))
