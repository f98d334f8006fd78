"""The URLs of the tokens part of the administration pages, put on the admin blueprint by `register`."""
from flask import Blueprint

from survey.admin.site import GET, POST, add_routes
from survey.admin.tokens import views

ROUTES = (
    ("/khoa-api", views.api_tokens, GET),
    ("/khoa-api", views.create_api_token, POST),
    ("/khoa-api/<int:token_id>/thu-hoi", views.revoke_api_token, POST),
)


def register(blueprint: Blueprint) -> None:
    add_routes(blueprint, ROUTES)
