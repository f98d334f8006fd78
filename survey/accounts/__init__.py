"""Accounts: users, roles and unit scopes; signing in and out; the access interface staff pages
use (`survey.accounts.access`)."""
from flask import Flask


def register(app: Flask) -> None:
    """The sign-in pages. Needs the citizens' rate limiter set up first (`survey.public.register`)."""
    from survey.accounts import limits, sessions, views

    sessions.init_app(app)
    limits.init_app(app)
    app.register_blueprint(views.blueprint)
