"""The printable paper questionnaire (/in-phieu) for surveyors, supervisors and administrators."""
from flask import Flask


def register(app: Flask) -> None:
    from survey.printing import views

    app.register_blueprint(views.blueprint)
