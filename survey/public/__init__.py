"""What citizens see: the landing page, the web survey, resume codes, invitations and QR posters."""
from flask import Flask


def register(app: Flask) -> None:
    """The citizen blueprints and the limits that guard their open links."""
    from survey.public import body, limits, posters, questionnaire, views

    body.register(app)
    limits.set_defaults(app)
    for module in (views, questionnaire, posters):
        app.register_blueprint(module.blueprint)
