"""Administration pages: accounts, roles and unit scopes, the audit log (administrators only)."""
from flask import Flask


def register(app: Flask) -> None:
    from survey.admin import views
    from survey.admin import questionnaires  # noqa: F401 (its routes are on the admin blueprint)
    from survey.admin import campaigns, invitations, units  # noqa: F401 (their routes are on the admin blueprint)
    from survey.admin import draws  # noqa: F401 (random draws of dossiers, on a campaign's invitations page)
    from survey.admin import tokens, webhooks  # noqa: F401 (API tokens and webhooks, on the admin blueprint)
    from survey.admin import sample_plan  # noqa: F401 (a campaign's sample plan, on the admin blueprint)
    from survey.admin import reorganise  # noqa: F401 (merged, split and replaced units, on the admin blueprint)
    from survey.admin import questionnaires_texts  # noqa: F401 (a draft's texts edited in the browser)
    from survey.admin import campaign_versions  # noqa: F401 (a campaign moved to its questionnaire's newest version)

    app.register_blueprint(views.blueprint)
