"""Supervisor pages (/giam-sat): progress against quotas, data-quality flags, the review of
responses with their audit trail, and the exclusion log; supervisors see their units only,
administrators the whole province."""
from flask import Flask


def register(app: Flask) -> None:
    from survey.supervisor import review, views  # noqa: F401 (review's routes are on the blueprint)

    app.register_blueprint(views.blueprint)
