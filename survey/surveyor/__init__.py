"""Surveyor pages: paper entry (/nhap-phieu), keyed questionnaire after questionnaire on one
page, and the supervisors' reconciliation of double entry (/doi-chieu)."""
from flask import Flask


def register(app: Flask) -> None:
    from survey.surveyor import reconcile, views  # noqa: F401 (reconcile's routes are on the blueprint)

    app.register_blueprint(views.blueprint)
