"""PAR index scoring pages (/cham-diem): the agencies' self-assessments with evidence, Home
Affairs' appraisal, the agency's answer and the finalisation (issue 20)."""
from flask import Flask


def register(app: Flask) -> None:
    from survey.par_scoring import assessment_views, views  # noqa: F401 (assessment_views adds routes to the blueprint)

    app.register_blueprint(views.blueprint)
