"""Administration of accounts: list, create, role and units, disable and enable, password reset,
and the audit log. Every change is made by an operation of `survey.accounts.operations`, which
writes the audit entry in the same transaction."""
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for

from survey import db
from survey.accounts.access import current_user, protect
from survey.accounts.models import ROLES, User
from survey.accounts.operations import (change_role, create_user, disable_user, enable_user, reset_password,
                                        set_units, temporary_password)
from survey.accounts.queries import all_users, audit_entries, user_by_username
from survey.accounts.signin import is_locked
from survey.admin.messages import known, say
from survey.admin.navigation import navigation
from survey.admin.scope import reachable, shown, within_scope
from survey.db import utcnow
from survey.errors import InvalidInput
from survey.params import bounded_int
from survey.responses.models import aware
from survey.units.models import LEVELS, Unit
from survey.units.queries import active_units, units_by_codes

AUDIT_PAGE = 100
"""Audit entries per page."""

blueprint = Blueprint("admin", __name__, url_prefix="/quan-tri", template_folder="templates")
protect(blueprint, "admin")
blueprint.before_request(within_scope)  # after the role: an administrator limited to units acts only there


@blueprint.context_processor
def admin_catalogue() -> dict:
    return {"say": say, "t": say, "known": known, "local_time": local_time, "lock_ends": lock_ends, "roles": ROLES,
            "levels": LEVELS, "reachable": reachable, "navigation": navigation}


def lock_ends(user: User) -> str | None:
    """When the sign-in lock of `user` ends, if it is locked now."""
    return local_time(user.locked_until) if is_locked(user, utcnow()) else None


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return say("never")
    return aware(moment).astimezone(ZoneInfo(current_app.config["TIMEZONE"])).strftime("%d/%m/%Y %H:%M")


@blueprint.get("/nguoi-dung")
def users():
    return render_template("admin/users.html", users=shown(all_users(db.session())))


@blueprint.route("/tao-nguoi-dung", methods=["GET", "POST"])
def create():
    """The new account gets a temporary password, shown once on the page that answers the POST."""
    form = {name: request.form.get(name, "").strip()[:200] for name in ("username", "full_name", "role")}
    if request.method != "POST":
        return creation_form(form, [])
    password = temporary_password(form["username"])
    try:
        with db.transaction() as session:
            user = create_user(session, form["username"], form["role"], password, chosen_units(session),
                               form["full_name"], actor=current_user(), temporary=True)
    except InvalidInput as error:
        return creation_form(form, error.problems), 400
    return render_template("admin/password.html", user=user, password=password, created=True)


@blueprint.route("/nguoi-dung/<username>", methods=["GET", "POST"])
def user(username: str):
    """The account's details, and the form changing its role and units."""
    found = user_or_404(username)
    if request.method != "POST":
        return user_page(found, [])
    try:
        with db.transaction() as session:
            units = chosen_units(session)
            change_role(session, found, request.form.get("role", ""), current_user())
            set_units(session, found, units, current_user())
    except InvalidInput as error:
        return user_page(found, error.problems), 400
    return redirect(url_for("admin.user", username=username, saved=1))


@blueprint.route("/nguoi-dung/<username>/vo-hieu-hoa", methods=["GET", "POST"])
def disable(username: str):
    """A confirmation page first; the POST disables the account and ends its sessions."""
    found = user_or_404(username)
    if request.method != "POST":
        return confirmation(found, "disable")
    try:
        with db.transaction() as session:
            disable_user(session, found, current_user())
    except InvalidInput as error:
        return user_page(found, error.problems), 400
    return redirect(url_for("admin.user", username=username))


@blueprint.post("/nguoi-dung/<username>/kich-hoat")
def enable(username: str):
    found = user_or_404(username)
    with db.transaction() as session:
        enable_user(session, found, current_user())
    return redirect(url_for("admin.user", username=username))


@blueprint.route("/nguoi-dung/<username>/dat-lai-mat-khau", methods=["GET", "POST"])
def reset(username: str):
    """A confirmation page first; the POST answers with the temporary password, shown once."""
    found = user_or_404(username)
    if request.method != "POST":
        return confirmation(found, "reset")
    with db.transaction() as session:
        password = reset_password(session, found, current_user())
    return render_template("admin/password.html", user=found, password=password, created=False)


@blueprint.get("/nhat-ky")
def audit():
    before = request.args.get("truoc", type=bounded_int)
    entries = audit_entries(db.session(), before, AUDIT_PAGE)
    older = entries[-1].id if len(entries) == AUDIT_PAGE else None
    return render_template("admin/audit.html", entries=entries, older=older)


def user_or_404(username: str) -> User:
    found = user_by_username(db.session(), username)
    if found is None:
        abort(404)
    return found


def chosen_units(session) -> list[Unit]:
    """The units ticked in the form (by code); an unknown code is an error naming it."""
    return units_by_codes(session, dict.fromkeys(request.form.getlist("unit")))


def unit_choices() -> list[Unit]:
    return shown(active_units(db.session()))


def creation_form(form: dict[str, str], problems: list[str]):
    chosen = set(request.form.getlist("unit"))
    return render_template("admin/create.html", form=form, problems=problems, units=unit_choices(), chosen=chosen)


def user_page(found: User, problems: list[str]):
    """The account's page; after a refused change, the form shows what was sent."""
    sent = request.method == "POST" and "role" in request.form
    chosen = set(request.form.getlist("unit")) if sent else {unit.code for unit in found.units}
    role = request.form.get("role") if sent else found.role
    # A deactivated unit the account is still scoped to stays offered, so saving the form keeps it.
    units = unit_choices() + [unit for unit in found.units if not unit.active]
    return render_template("admin/user.html", user=found, problems=problems, units=units, chosen=chosen, role=role)


def confirmation(found: User, action: str):
    return render_template("admin/confirm.html", user=found, action=action)
