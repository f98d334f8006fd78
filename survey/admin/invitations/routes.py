"""The URLs of the invitations part of the administration pages, put on the admin blueprint by `register`."""
from flask import Blueprint

from survey.admin.files import limit_uploads
from survey.admin.invitations import draws, views
from survey.admin.site import BOTH, GET, POST, add_routes

ROUTES = (
    ("/dot-khao-sat/<slug>/thu-moi", views.invitations, BOTH),
    ("/dot-khao-sat/<slug>/thu-moi.csv", views.invitations_csv, GET),
    ("/dot-khao-sat/<slug>/thu-moi/chon-mau", draws.invitations_draw, POST),
    ("/dot-khao-sat/<slug>/thu-moi/chon-mau/xac-nhan", draws.invitations_draw_confirm, POST),
    ("/dot-khao-sat/<slug>/thu-moi/luot-<int:draw_id>.csv", draws.invitations_draw_csv, GET),
)


def register(blueprint: Blueprint) -> None:
    add_routes(blueprint, ROUTES)
    limit_uploads(blueprint, ("admin.invitations", "admin.invitations_draw", "admin.invitations_draw_confirm"))
