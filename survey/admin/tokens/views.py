"""API tokens on the administration pages: list, issue (the token shown once), revoke; each audited
(api_token_created / api_token_revoked, subject "token NAME")."""
from flask import abort, redirect, render_template, request, url_for

from survey import db
from survey.accounts.access import current_user
from survey.db import utcnow
from survey.errors import InvalidInput
from survey.tokens.models import SCOPES
from survey.tokens.operations import all_tokens, issue_token, revoke_token, token_by_id
from survey.units.queries import active_units, units_by_codes


def api_tokens():
    return tokens_page({}, [])


def create_api_token():
    form = {"name": request.form.get("name", "").strip()[:200], "unit": request.form.get("unit", "")}
    scopes = request.form.getlist("scope")
    try:
        with db.transaction() as session:
            unit = units_by_codes(session, [form["unit"]])[0] if form["unit"] else None
            token, secret = issue_token(session, form["name"], scopes, unit, current_user(), utcnow())
    except InvalidInput as error:
        return tokens_page(form | {"scopes": scopes}, error.problems), 400
    return render_template("admin/tokens/token_created.html", token=token, secret=secret)


def revoke_api_token(token_id: int):
    with db.transaction() as session:
        token = token_by_id(session, token_id) or abort(404)
        revoke_token(session, token, current_user(), utcnow())
    return redirect(url_for("admin.api_tokens"))


def tokens_page(form: dict, problems: list):
    return render_template("admin/tokens/tokens.html", tokens=all_tokens(db.session()), form=form, problems=problems,
                           scopes=SCOPES, units=active_units(db.session()))
