"""Signing in and out, the account page and changing one's own password."""
from urllib.parse import urlsplit

from flask import Blueprint, redirect, render_template, request, url_for

from survey import db
from survey.accounts.access import current_user, may_open, no_store, role_required, sign_in_url
from survey.accounts.messages import CATALOGUE, say
from survey.accounts.models import ROLES
from survey.accounts.operations import change_own_password
from survey.accounts.pages.limits import password_checked
from survey.accounts.sessions import end_session, start_session
from survey.accounts.signin import authenticate
from survey.db import utcnow
from survey.errors import InvalidInput
from survey.text import speaks

blueprint = Blueprint("accounts", __name__, template_folder="templates")
blueprint.after_request(no_store)
speaks(blueprint, CATALOGUE)


@blueprint.app_context_processor
def staff() -> dict:
    """Who is signed in and what they may open, for the staff layout on every staff page."""
    return {"current_user": current_user, "role_name": role_name, "may_open": may_open}


def role_name(role: str) -> str:
    return say(f"role_{role}")


@blueprint.route("/dang-nhap", methods=["GET", "POST"])
@password_checked
def sign_in():
    target = safe_next(request.values.get("next"))
    if request.method != "POST":
        return render_template("accounts/sign_in.html", target=target, username="", failed=False)
    username = request.form.get("username", "")[:64]
    with db.transaction() as session:  # a failure is counted (committed) too
        user = authenticate(session, username, request.form.get("password", ""), utcnow())
    if user is None:
        return render_template("accounts/sign_in.html", target=target, username=username, failed=True), 401
    start_session(user)
    if user.must_change_password:
        return redirect(url_for("accounts.change_password", next=target))
    return redirect(target or url_for("accounts.home"))


@blueprint.post("/dang-xuat")
def sign_out():
    """Ends every session of the account, not only this browser's: a copy of the cookie (taken
    from this device, or left on another) is signed out too."""
    user = current_user()
    if user is not None:
        with db.transaction():
            user.end_sessions()
    end_session()
    return redirect(url_for("accounts.sign_in", signed_out=1))


@blueprint.get("/tai-khoan")
@role_required(*ROLES)
def home():
    return render_template("accounts/home.html", user=current_user())


@blueprint.route("/tai-khoan/mat-khau", methods=["GET", "POST"])
@password_checked
def change_password():
    """Open to every signed-in user, also to one who must replace a temporary password first."""
    user, target = current_user(), safe_next(request.values.get("next"))
    if user is None:
        return redirect(sign_in_url())
    if request.method != "POST":
        return render_template("accounts/password.html", target=target, problems=[])
    form = request.form
    try:
        with db.transaction() as session:
            change_own_password(session, user, form.get("current", ""), form.get("new", ""), form.get("repeat", ""))
    except InvalidInput as error:
        return render_template("accounts/password.html", target=target, problems=error.problems), 400
    start_session(user)  # with the new token: this browser stays signed in, the others do not
    return redirect(target or url_for("accounts.home", changed=1))


def safe_next(value: str | None) -> str | None:
    """`value` if it is a path on this site, else None: never a way out to another host.

    Refused: absolute URLs, scheme-relative ones ('//evil.example'), backslashes (browsers read
    '/\\evil.example' as '//evil.example') and control characters (browsers drop tabs and line
    breaks, so '/\\t/evil.example' would become '//evil.example').
    """
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return None
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return None
    parts = urlsplit(value)
    return value if not parts.scheme and not parts.netloc else None
