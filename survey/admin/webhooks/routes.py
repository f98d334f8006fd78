"""The URLs of the webhooks part of the administration pages, put on the admin blueprint by `register`."""
from flask import Blueprint

from survey.admin.site import GET, POST, add_routes
from survey.admin.webhooks import views

ROUTES = (
    ("/webhook", views.webhooks, GET),
    ("/webhook", views.add_webhook, POST),
    ("/webhook/<int:subscription_id>", views.webhook, GET),
    ("/webhook/<int:subscription_id>/xoa", views.remove_webhook, POST),
)


def register(blueprint: Blueprint) -> None:
    add_routes(blueprint, ROUTES)
