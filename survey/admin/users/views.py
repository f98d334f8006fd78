"""Accounts on the administration pages: list, create, role and units, disable and enable, password
reset. Every change is made by an operation of `survey.accounts.operations`, which writes the audit
entry in the same transaction."""
from flask import abort, redirect, render_template, request, url_for

from survey import db
from survey.accounts.access import current_user
from survey.accounts.models import User
from survey.accounts.operations import (
    change_role,
    create_user,
    disable_user,
    enable_user,
    reset_password,
    set_units,
    temporary_password,
)
from survey.accounts.queries import all_users, user_by_username
from survey.accounts.signin import is_locked
from survey.admin.scope import shown
from survey.admin.site import local_time
from survey.db import utcnow
from survey.errors import InvalidInput, Problem
from survey.units.models import Unit
from survey.units.queries import active_units, units_by_codes


def lock_texts() -> dict:
    return {"lock_ends": lock_ends}


def lock_ends(user: User) -> str | None:
    """When the sign-in lock of `user` ends, if it is locked now."""
    return local_time(user.locked_until) if is_locked(user, utcnow()) else None


def users():
    return render_template("admin/users/list.html", users=shown(all_users(db.session())))


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
    return render_template("admin/users/password.html", user=user, password=password, created=True)


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


def enable(username: str):
    found = user_or_404(username)
    with db.transaction() as session:
        enable_user(session, found, current_user())
    return redirect(url_for("admin.user", username=username))


def reset(username: str):
    """A confirmation page first; the POST answers with the temporary password, shown once."""
    found = user_or_404(username)
    if request.method != "POST":
        return confirmation(found, "reset")
    with db.transaction() as session:
        password = reset_password(session, found, current_user())
    return render_template("admin/users/password.html", user=found, password=password, created=False)


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


def creation_form(form: dict[str, str], problems: list[Problem]):
    chosen = set(request.form.getlist("unit"))
    return render_template("admin/users/create.html", form=form, problems=problems, units=unit_choices(), chosen=chosen)


def user_page(found: User, problems: list[Problem]):
    """The account's page; after a refused change, the form shows what was sent."""
    sent = request.method == "POST" and "role" in request.form
    chosen = set(request.form.getlist("unit")) if sent else {unit.code for unit in found.units}
    role = request.form.get("role") if sent else found.role
    # A deactivated unit the account is still scoped to stays offered, so saving the form keeps it.
    units = unit_choices() + [unit for unit in found.units if not unit.active]
    return render_template("admin/users/user.html", user=found, problems=problems, units=units, chosen=chosen,
                           role=role)


def confirmation(found: User, action: str):
    return render_template("admin/users/confirm.html", user=found, action=action)
