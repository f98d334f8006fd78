"""Analysis pages (/phan-tich): index results of campaigns for analysts and administrators."""
from flask import Flask


def register(app: Flask) -> None:
    from survey.analyst import exports, frequencies, report_comments, reports, views  # noqa: F401 (they add routes to the blueprint)

    app.register_blueprint(views.blueprint)
