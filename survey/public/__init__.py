"""What citizens see: the landing page, the web survey, resume codes, invitations and QR posters."""
from flask import Flask


def register(app: Flask) -> None:
    """The citizen blueprints and the rate limiter that guards their open links."""
    from survey.public import body, limits, posters, questionnaire, views

    body.register(app)
    limits.init_app(app)
    for module in (views, questionnaire, posters):
        app.register_blueprint(module.blueprint)
