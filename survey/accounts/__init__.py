"""Accounts: users, roles and unit scopes; signing in and out; the access interface staff pages
use (`survey.accounts.access`)."""
from flask import Flask


def register(app: Flask) -> None:
    """The sign-in pages, their sessions and the sign-in limits (counted by `survey.extensions.limiter`)."""
    from survey.accounts import limits, sessions, views

    sessions.init_app(app)
    limits.init_app(app)
    app.register_blueprint(views.blueprint)
