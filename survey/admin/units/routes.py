"""The URLs of the units part of the administration pages, put on the admin blueprint by `register`."""
from flask import Blueprint

from survey.admin.files import limit_uploads
from survey.admin.site import BOTH, GET, POST, add_routes
from survey.admin.units import reorganise, views

ROUTES = (
    ("/don-vi", views.units, GET),
    ("/don-vi/nhap", views.units_import, BOTH),
    ("/don-vi/nhap/xac-nhan", views.units_import_confirm, POST),
    ("/don-vi/<unit_code>/ngung-su-dung", views.unit_deactivate, BOTH),
    ("/don-vi/<unit_code>/su-dung-lai", views.unit_reactivate, BOTH),
    ("/don-vi/sap-xep", reorganise.units_reorganise, BOTH),
    ("/don-vi/sap-xep/xac-nhan", reorganise.units_reorganise_confirm, POST),
)


def register(blueprint: Blueprint) -> None:
    add_routes(blueprint, ROUTES)
    limit_uploads(blueprint, ("admin.units_import", "admin.units_import_confirm"))
