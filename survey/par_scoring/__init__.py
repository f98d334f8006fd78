"""PAR index scoring pages (/cham-diem): the agencies' self-assessments with evidence, Home
Affairs' appraisal, the agency's answer and the finalisation, and the results with each unit's
scorecard (survey.par_scoring.results_views) (issue 20)."""
from flask import Flask


def register(app: Flask) -> None:
    from survey.par_scoring import assessment_views, results_views, views  # noqa: F401 (they add routes to the blueprint)

    app.register_blueprint(views.blueprint)
