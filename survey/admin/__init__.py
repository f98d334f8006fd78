"""Administration pages: accounts, roles and unit scopes, the audit log (administrators only)."""
from flask import Flask


def register(app: Flask) -> None:
    from survey.admin import views

    app.register_blueprint(views.blueprint)
