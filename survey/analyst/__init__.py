"""Analysis pages (/phan-tich): index results of campaigns for analysts and administrators."""
from flask import Flask


def register(app: Flask) -> None:
    from survey.analyst import views

    app.register_blueprint(views.blueprint)
