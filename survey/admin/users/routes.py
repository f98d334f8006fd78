"""The URLs of the users part of the administration pages, put on the admin blueprint by `register`."""
from flask import Blueprint

from survey.admin.site import BOTH, GET, POST, add_routes
from survey.admin.users import audit, views

ROUTES = (
    ("/nguoi-dung", views.users, GET),
    ("/tao-nguoi-dung", views.create, BOTH),
    ("/nguoi-dung/<username>", views.user, BOTH),
    ("/nguoi-dung/<username>/vo-hieu-hoa", views.disable, BOTH),
    ("/nguoi-dung/<username>/kich-hoat", views.enable, POST),
    ("/nguoi-dung/<username>/dat-lai-mat-khau", views.reset, BOTH),
    ("/nhat-ky", audit.audit, GET),
)


def register(blueprint: Blueprint) -> None:
    add_routes(blueprint, ROUTES)
    blueprint.context_processor(views.lock_texts)  # the accounts' templates show when a sign-in lock ends
