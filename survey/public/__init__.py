"""What citizens see: the landing page, the web survey, resume codes, invitations and QR posters."""
from flask import Flask


def register(app: Flask) -> None:
    """The citizen blueprints (their open links' limits are `survey.public.limits`)."""
    from survey.public import body, posters, questionnaire, views

    body.register(app)
    for module in (views, questionnaire, posters):
        app.register_blueprint(module.blueprint)
