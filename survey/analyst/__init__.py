"""Analysis pages (/phan-tich): index results of campaigns for analysts and administrators."""
from flask import Flask


def register(app: Flask) -> None:
    from survey.analyst import exports, reports, views  # noqa: F401 (exports and reports add routes to the blueprint)

    app.register_blueprint(views.blueprint)
