"""Every route of the app, for every kind of visitor: who may open it, who is sent to sign in,
who gets 403. Built from `app.url_map`: a route missing from ACCESS fails the first test, so
whoever adds a route classifies it here. Every POST also needs the CSRF token."""
import uuid
from urllib.parse import quote

import pytest
from flask import url_for

from survey.accounts.models import ROLES
from tests.accounts.conftest import Staff

PUBLIC = "public"
SIGNED_IN = "signed in"
ADMIN = ("admin",)
ANALYSIS = ("analyst", "admin")
SUPERVISION = ("supervisor", "admin")
KEYERS = ("surveyor", "supervisor", "admin")
RECONCILERS = ("supervisor", "admin")
HOME_AFFAIRS = ("admin", "analyst")
SCORING = ("admin", "analyst", "agency_officer")
OFFICER = ("agency_officer",)
API = "api"
"""The REST API: bearer tokens only; without one every visitor, signed in or not, gets 401 JSON."""

ACCESS: dict[str, str | tuple[str, ...]] = {
    "static": PUBLIC,
    "health.live": PUBLIC,
    "health.ready": PUBLIC,
    "public.index": PUBLIC,
    "public.resume": PUBLIC,
    "questionnaire.open_link": PUBLIC,
    "questionnaire.start_open": PUBLIC,
    "questionnaire.invitation": PUBLIC,
    "questionnaire.start_invited": PUBLIC,
    "questionnaire.page": PUBLIC,
    "questionnaire.review": PUBLIC,
    "questionnaire.submit": PUBLIC,
    "questionnaire.thanks": PUBLIC,
    "posters.qr_svg": PUBLIC,
    "posters.qr_png": PUBLIC,
    "posters.poster": PUBLIC,
    "accounts.sign_in": PUBLIC,
    "accounts.sign_out": PUBLIC,
    "accounts.home": SIGNED_IN,
    "accounts.change_password": SIGNED_IN,
    "admin.users": ADMIN,
    "admin.create": ADMIN,
    "admin.user": ADMIN,
    "admin.disable": ADMIN,
    "admin.enable": ADMIN,
    "admin.reset": ADMIN,
    "admin.audit": ADMIN,
    "admin.questionnaires": ADMIN,
    "admin.questionnaire_upload": ADMIN,
    "admin.questionnaire_draft": ADMIN,
    "admin.questionnaire_citizen_preview": ADMIN,
    "admin.questionnaire_keyer_preview": ADMIN,
    "admin.questionnaire_publish": ADMIN,
    "admin.questionnaire_changes": ADMIN,
    "admin.questionnaire_yaml": ADMIN,
    "admin.questionnaire_xlsform": ADMIN,
    "admin.campaigns": ADMIN,
    "admin.campaign": ADMIN,
    "admin.campaign_create": ADMIN,
    "admin.campaign_edit": ADMIN,
    "admin.campaign_open": ADMIN,
    "admin.campaign_close": ADMIN,
    "admin.campaign_clone": ADMIN,
    "admin.invitations": ADMIN,
    "admin.invitations_csv": ADMIN,
    "admin.invitations_draw": ADMIN,
    "admin.invitations_draw_confirm": ADMIN,
    "admin.invitations_draw_csv": ADMIN,
    "admin.campaign_sample_plan": ADMIN,
    "admin.units": ADMIN,
    "admin.units_import": ADMIN,
    "admin.units_import_confirm": ADMIN,
    "admin.units_reorganise": ADMIN,
    "admin.units_reorganise_confirm": ADMIN,
    "admin.unit_deactivate": ADMIN,
    "admin.unit_reactivate": ADMIN,
    "analyst.index": ANALYSIS,
    "analyst.results": ANALYSIS,
    "analyst.workbook": ANALYSIS,
    "analyst.chart": ANALYSIS,
    "analyst.reports": ANALYSIS,
    "analyst.report": ANALYSIS,
    "analyst.report_xlsx": ANALYSIS,
    "analyst.report_file": ANALYSIS,
    "analyst.frequencies": ANALYSIS,
    "analyst.frequencies_file": ANALYSIS,
    "admin.questionnaire_texts": ADMIN,
    "admin.campaign_newest_version": ADMIN,
    "analyst.report_comments": ANALYSIS,
    "analyst.exports": ANALYSIS,
    "analyst.request_export": ANALYSIS,
    "analyst.export_status": ANALYSIS,
    "analyst.export_download": ANALYSIS,
    "supervisor.home": SUPERVISION,
    "supervisor.progress": SUPERVISION,
    "supervisor.flags": SUPERVISION,
    "supervisor.exclusions": SUPERVISION,
    "supervisor.response": SUPERVISION,
    "supervisor.review": SUPERVISION,
    "supervisor.correct": SUPERVISION,
    "surveyor.choose": KEYERS,
    "surveyor.csrf_token": KEYERS,
    "surveyor.entry": KEYERS,
    "surveyor.queue": RECONCILERS,
    "surveyor.serial_page": RECONCILERS,
    "admin.api_tokens": ADMIN,
    "admin.create_api_token": ADMIN,
    "admin.revoke_api_token": ADMIN,
    "admin.webhooks": ADMIN,
    "admin.add_webhook": ADMIN,
    "admin.webhook": ADMIN,
    "admin.remove_webhook": ADMIN,
    "api.openapi_document": PUBLIC,
    "api.campaigns": API,
    "api.campaign": API,
    "api.questionnaire_version": API,
    "api.units": API,
    "api.unit": API,
    "api.create_response": API,
    "api.response": API,
    "api.responses": API,
    "api.invite": API,
    "api.results": API,
    "api.par_definition": API,
    "api.par_results": API,
    "api.par_unit_scores": API,
    "printing.campaign": ("surveyor", "supervisor", "admin"),
    "printing.unit": ("surveyor", "supervisor", "admin"),
    "offline.service_worker": PUBLIC,
    "par_scoring.home": SCORING,
    "par_scoring.new_round": HOME_AFFAIRS,
    "par_scoring.round_units_page": HOME_AFFAIRS,
    "par_scoring.assessment": SCORING,
    "par_scoring.save": OFFICER,
    "par_scoring.submit_page": OFFICER,
    "par_scoring.answer_page": OFFICER,
    "par_scoring.appraise_page": HOME_AFFAIRS,
    "par_scoring.finalise_page": HOME_AFFAIRS,
    "par_scoring.evidence_file": SCORING,
    "par_scoring.remove_evidence_page": OFFICER,
    "par_scoring.results": HOME_AFFAIRS,
    "par_scoring.results_chart": HOME_AFFAIRS,
    "par_scoring.results_file": HOME_AFFAIRS,
    "par_scoring.scorecard_page": SCORING,
    "par_scoring.scorecard_file": SCORING,
}

# A value for each URL argument; the records they name need not exist (a 404 is still "open").
ARGUMENTS = {"filename": "site.css", "slug": "khong-co", "unit_code": "AG-LX", "token": "khong-co-token",
             "key": uuid.UUID(int=1), "section": "main", "username": "muc-tieu",
             "chart": "chi-so", "number": 1, "code": "AG-LX", "serial": "0001", "response_id": 1, "job_id": 1,
             "token_id": 1, "subscription_id": 1, "draw_id": 1, "file_format": "pdf", "kind": "csv",
             "round_id": 1, "assessment_id": 1, "evidence_id": 1, "year": 2026}


def requests(app) -> list[tuple[str, str, str]]:
    """(endpoint, method, url) of every route; sign-out last, since it ends the visitor's session."""
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            assert rule.arguments <= set(ARGUMENTS), f"add a sample value to ARGUMENTS for {rule.rule}"
            url = url_for(rule.endpoint, **{name: ARGUMENTS[name] for name in rule.arguments})
            found += [(rule.endpoint, method, url) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return sorted(found, key=lambda request: request[0] == "accounts.sign_out")


def test_every_route_is_classified(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert sorted(endpoints - set(ACCESS)) == [], "classify these routes in ACCESS"
    assert sorted(set(ACCESS) - endpoints) == [], "these routes are gone: remove them from ACCESS"


def outcome(response, method: str, url: str) -> str:
    """'sign in' (sent to the sign-in page), 'unauthorized' (401 JSON), 'refused' (403) or 'open'."""
    if response.status_code == 401 and response.is_json:
        return "unauthorized"
    to_sign_in = "/dang-nhap?next=" + quote(url, safe="/") if method == "GET" else "/dang-nhap"
    if response.status_code == 302 and response.location == to_sign_in:
        return "sign in"
    return "refused" if response.status_code == 403 else "open"


def expected(access: str | tuple[str, ...], role: str | None) -> str:
    if access == API:
        return "unauthorized"
    if access == PUBLIC:
        return "open"
    if role is None:
        return "sign in"
    return "open" if access == SIGNED_IN or role in access else "refused"


@pytest.mark.parametrize("role", [None, *ROLES])
def test_who_may_open_each_route(app, make_user, role):
    make_user("muc-tieu", "surveyor")  # the account the admin routes act on
    make_user("quantri-khac", "admin")  # so that the visitor is never the last administrator
    visitor = Staff(app.test_client())
    if role:
        make_user("khach", role)
        visitor.sign_in("khach")
    wrong = []
    for endpoint, method, url in requests(app):
        data = {"csrf_token": visitor.csrf_token()} if method == "POST" else None
        response = visitor.client.open(url, method=method, data=data)
        response.close()  # static files are streamed from an open file
        got, want = outcome(response, method, url), expected(ACCESS.get(endpoint, PUBLIC), role)
        if got != want:
            wrong.append(f"{method} {url}: {got} ({response.status_code}), expected {want}")
    assert wrong == []


@pytest.mark.parametrize("role", [None, "admin"])
def test_every_post_needs_the_csrf_token(app, make_user, role):
    make_user("muc-tieu", "surveyor")
    visitor = Staff(app.test_client())
    if role:
        make_user("khach", role)
        visitor.sign_in("khach")
    posts = [(url, visitor.client.post(url, data={"username": "khach"})) for endpoint, method, url in requests(app)
             if method == "POST" and ACCESS.get(endpoint) != API]  # the API takes no cookie, hence no CSRF
    assert posts and [(url, r.status_code) for url, r in posts if r.status_code != 400] == []
    assert all("không hợp lệ" in r.get_data(as_text=True) for _, r in posts)
