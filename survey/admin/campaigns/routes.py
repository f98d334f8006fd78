"""The URLs of the campaigns part of the administration pages, put on the admin blueprint by `register`."""
from flask import Blueprint

from survey.admin.campaigns import sample_plan, versions, views
from survey.admin.files import limit_uploads
from survey.admin.site import BOTH, GET, POST, add_routes

ROUTES = (
    ("/dot-khao-sat", views.campaigns, GET),
    ("/dot-khao-sat/<slug>", views.campaign, GET),
    ("/dot-khao-sat/tao", views.campaign_create, BOTH),
    ("/dot-khao-sat/<slug>/sua", views.campaign_edit, BOTH),
    ("/dot-khao-sat/<slug>/mo", views.campaign_open, BOTH),
    ("/dot-khao-sat/<slug>/dong", views.campaign_close, BOTH),
    ("/dot-khao-sat/<slug>/sao-chep", views.campaign_clone, BOTH),
    ("/dot-khao-sat/<slug>/ke-hoach-mau", sample_plan.campaign_sample_plan, BOTH),
    ("/dot-khao-sat/<slug>/phien-ban-moi-nhat", versions.campaign_newest_version, POST),
)


def register(blueprint: Blueprint) -> None:
    add_routes(blueprint, ROUTES)
    limit_uploads(blueprint, ("admin.campaign_create", "admin.campaign_edit", "admin.campaign_sample_plan"))
