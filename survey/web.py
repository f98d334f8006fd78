"""Web wiring: one blueprint per audience, error pages."""
from flask import Flask, render_template
from werkzeug.exceptions import HTTPException

from survey.errors import InvalidInput


def register_blueprints(app: Flask) -> None:
    from survey import (
        admin,
        analyst,
        api,
        assets,
        health,
        hygiene,
        offline,
        par_scoring,
        printing,
        public,
        security,
        supervisor,
        surveyor,
    )
    from survey.accounts import pages as accounts

    public.register(app)
    accounts.register(app)
    admin.register(app)
    analyst.register(app)
    supervisor.register(app)
    par_scoring.register(app)
    surveyor.register(app)
    api.register(app)
    printing.register(app)
    offline.register(app)
    health.register(app)
    security.register(app)
    assets.register(app)
    hygiene.register(app)  # last: its form check follows every other application hook


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(InvalidInput, _invalid_input)


def _http_error(error: HTTPException):
    from survey.api.errors import http_error, is_api_request

    if is_api_request():  # API clients get JSON, also for routing errors (404, 405) no blueprint sees
        return http_error(error)
    return render_template("error.html", code=error.code, name=error.name, problems=[]), error.code


def _invalid_input(error: InvalidInput):
    # An operation refused the input: a 4xx with every problem listed, and nothing was committed.
    return render_template("error.html", code=400, name="Bad Request", problems=error.problems), 400
