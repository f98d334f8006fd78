"""The URLs of the questionnaires part of the administration pages, put on the admin blueprint by `register`."""
from flask import Blueprint
from werkzeug.exceptions import RequestEntityTooLarge

from survey.admin.files import limit_uploads
from survey.admin.questionnaires import texts, upload, views
from survey.admin.site import BOTH, GET, add_routes

ROUTES = (
    ("/bang-hoi", views.questionnaires, GET),
    ("/bang-hoi/tai-len", views.questionnaire_upload, BOTH),
    ("/bang-hoi/<slug>/ban-nhap", views.questionnaire_draft, GET),
    ("/bang-hoi/<slug>/ban-nhap/trang/<section>", views.questionnaire_citizen_preview, GET),
    ("/bang-hoi/<slug>/ban-nhap/nhap-phieu", views.questionnaire_keyer_preview, GET),
    ("/bang-hoi/<slug>/ban-nhap/sua/<section>", texts.questionnaire_texts, BOTH),
    ("/bang-hoi/<slug>/cong-bo", views.questionnaire_publish, BOTH),
    ("/bang-hoi/<slug>/phien-ban/<int:number>/thay-doi", views.questionnaire_changes, GET),
    ("/bang-hoi/<slug>/phien-ban/<int:number>.yaml", views.questionnaire_yaml, GET),
    ("/bang-hoi/<slug>/phien-ban/<int:number>.xlsx", views.questionnaire_xlsform, GET),
)


def register(blueprint: Blueprint) -> None:
    add_routes(blueprint, ROUTES)
    limit_uploads(blueprint, [upload.UPLOAD_ENDPOINT], upload.MAX_BYTES + upload.MULTIPART_ALLOWANCE)
    blueprint.register_error_handler(RequestEntityTooLarge, views.too_large)
