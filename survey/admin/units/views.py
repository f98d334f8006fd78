"""Units in the browser: the hierarchy (province > districts > communes, and
the departments), import from CSV in two steps (a dry run listing every change, then a confirmation
that applies exactly what was shown), and deactivation or reactivation after a confirmation. Units
are never deleted: responses keep pointing at them."""
from flask import abort, redirect, request, url_for

from survey import clock, db
from survey.accounts.access import current_user
from survey.admin.files import Refused, read_text, uploaded
from survey.admin.scope import shown
from survey.admin.site import page
from survey.campaigns.queries import campaigns_of_unit
from survey.errors import InvalidInput, Problem
from survey.responses.queries import responses_of_unit
from survey.units.models import Unit
from survey.units.operations import apply_units_import, plan_units_import, set_unit_active
from survey.units.queries import unit_by_code, units_province_first

MAX_TEXT = 1024 * 1024
"""The CSV carried from the dry run to the confirmation (the upload's own limit)."""


def units():
    """Every unit (of the scope) under its parent; the summary of an import just applied, if any."""
    found = shown(units_province_first(db.session()))
    ids = {unit.id for unit in found}
    children: dict[int | None, list[Unit]] = {}
    for unit in found:  # the top units of a scope are roots of the tree shown
        children.setdefault(unit.parent_id if unit.parent_id in ids else None, []).append(unit)
    return page("admin/units/list.html", roots=children.get(None, []), children=children, count=len(found),
                imported={name: request.args.get(name, type=int) for name in ("tao", "sua")})


def units_import():
    """The POST is the dry run: every problem with its row, or every change the file would make."""
    if request.method != "POST":
        return page("admin/units/import.html", problems=[])
    file = uploaded("units")
    try:
        if file is None:
            raise Refused("file_missing", field="units")
        text = read_text(file)
        plan = plan_units_import(db.session(), text)
    except Refused as refused:
        return page("admin/units/import.html", refused.status, problems=refused.problems)
    except InvalidInput as error:
        return page("admin/units/import.html", 400, problems=error.problems)
    return page("admin/units/dry_run.html", plan=plan, text=text, changed=False)


def units_import_confirm():
    """Applies the file only if it would still make the changes shown (else shows the new dry run)."""
    text = request.form.get("csv", "")[:MAX_TEXT]
    try:
        plan = plan_units_import(db.session(), text)
    except InvalidInput as error:
        return page("admin/units/import.html", 400, problems=error.problems)
    if plan.digest() != request.form.get("plan"):
        return page("admin/units/dry_run.html", 409, plan=plan, text=text, changed=True)
    with db.transaction() as session:
        summary = apply_units_import(session, text, current_user())
    return redirect(url_for("admin.units", tao=len(summary.created), sua=len(summary.updated)))


def unit_deactivate(unit_code: str):
    return activation(unit_code, False)


def unit_reactivate(unit_code: str):
    return activation(unit_code, True)


def activation(unit_code: str, active: bool):
    """A confirmation page (what the unit holds) first; the POST changes the unit."""
    unit = unit_by_code(db.session(), unit_code) or abort(404)
    if request.method != "POST":
        return activation_page(unit, active, [])
    try:
        with db.transaction() as session:
            set_unit_active(session, unit, active, current_user())
    except InvalidInput as error:
        return activation_page(unit, active, error.problems, 400)
    return redirect(url_for("admin.units", _anchor=f"u-{unit.code}"))


def activation_page(unit: Unit, active: bool, problems: list[Problem], status: int = 200):
    session, today = db.session(), clock.today()
    campaigns = [c for c in campaigns_of_unit(session, unit) if c.state_on(today) in ("open", "scheduled", "draft")]
    return page("admin/units/activation.html", status, unit=unit, active=active, problems=problems,
                responses=responses_of_unit(session, unit.id), campaigns=campaigns,
                children=[child for child in unit.children if child.active])
