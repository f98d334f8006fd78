"""Bad input to every form and API endpoint (issue 19: every problem shown in Vietnamese on a vi page).

Every route taking a POST, read from `app.url_map`, gets a request an administrator (the API: a token
with every scope) might send by mistake: fields left empty or malformed, or a record that does not
exist. The answer must be a 4xx, never a 500 nor a success; a page, read in Vietnamese, must show no
English text of any catalogue; the API must name each problem's field and code. A route missing from
BAD fails the first test, so whoever adds one says here what bad input it gets."""
import re
import uuid

import pytest
from flask import url_for
from werkzeug.http import HTTP_STATUS_CODES

from survey.db import utcnow
from survey.invitations.operations import create_invitations
from survey.text import REGISTRY
from survey.tokens.operations import issue_token
from tests.accounts.conftest import Staff, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.api.conftest import ALL_SCOPES
from tests.clock import TODAY
from tests.public.conftest import Respondent

MISSING = 999_999
"""The number of a record that does not exist."""
REAL: dict[str, object] = {"slug": "sipas-2026", "unit_code": "AG-LX", "username": "muc-tieu", "section": "main",
        "chart": "chi-so", "serial": "0001", "token": "khong-co-token", "key": uuid.UUID(int=1)}
"""A value for each URL argument: the records the fixtures make (the draft's key and the response's id
are added by the test), else one that does not exist."""
NOT_THERE: dict[str, dict[str, object]] = {
    "admin.campaign_close": {"slug": "khong-co"}, "admin.campaign_newest_version": {"slug": "khong-co"},
    "admin.disable": {"username": "khong-co"}, "admin.enable": {"username": "khong-co"},
    "admin.questionnaire_publish": {"slug": "khong-co"}, "admin.questionnaire_texts": {"section": "khong-co"},
    "admin.remove_webhook": {"subscription_id": MISSING}, "admin.reset": {"username": "khong-co"},
    "admin.revoke_api_token": {"token_id": MISSING}, "admin.unit_deactivate": {"unit_code": "AG-XX"},
    "admin.unit_reactivate": {"unit_code": "AG-XX"}, "questionnaire.start_open": {"unit_code": "AG-XX"},
    "questionnaire.submit": {"key": uuid.UUID(int=2)}, "supervisor.correct": {"response_id": MISSING},
    "surveyor.serial_page": {"serial": "khong-co"},
}
"""The routes whose only input is the record they act on (a confirmation button), or whose record is what
the test makes wrong: they are sent to a record that does not exist."""
FILE = "dossier_code,unit_code,date\nA-1,AG-XX,2026-02-30\n"

BAD: dict[str, dict] = {
    "accounts.change_password": {"current": "sai", "new": "ngắn", "confirm": "khác"},
    "accounts.sign_in": {"username": "", "password": ""},
    "admin.add_webhook": {"url": "khong-phai-dia-chi", "event": "khong-co"},
    "admin.campaign_clone": {"slug": "", "opens_on": "mai"},
    "admin.campaign_close": {},
    "admin.campaign_create": {"version": "khong-co:1", "opens_on": "31/02/2026", "min_seconds": "-1"},
    "admin.campaign_edit": {"name": "", "closes_on": "hôm qua", "unit": "AG-XX"},
    "admin.campaign_newest_version": {},
    "admin.campaign_open": {"closes_on": "mai"},
    "admin.campaign_sample_plan": {"margin": "năm", "confidence": "2"},
    "admin.create": {"username": "", "role": "khong-co", "password": "ngắn"},
    "admin.create_api_token": {"name": "", "scope": "khong-co"},
    "admin.disable": {},
    "admin.enable": {},
    "admin.invitations": {"unit": "AG-XX", "codes": "", "expires_on": "mai"},
    "admin.invitations_draw": {"size": "mười", "seed": "-1", "dossiers": FILE},
    "admin.invitations_draw_confirm": {"dossiers": FILE, "size": "mười", "digest": "khac"},
    "admin.questionnaire_publish": {},
    "admin.questionnaire_texts": {},
    "admin.questionnaire_upload": {},
    "admin.remove_webhook": {},
    "admin.reset": {},
    "admin.revoke_api_token": {},
    "admin.unit_deactivate": {},
    "admin.unit_reactivate": {},
    "admin.units_import": {},
    "admin.units_import_confirm": {"csv": "code,name\nAG-XX\n", "plan": "khac"},
    "admin.units_reorganise": {},
    "admin.units_reorganise_confirm": {"csv": "kind,old,new,effective_on\nmerge,AG-XX,AG-YY,mai\n", "plan": "khac"},
    "admin.user": {"role": "khong-co", "unit": "AG-XX"},
    "analyst.chart": {"weighting": "khong-co", "by": "khong-co"},
    "analyst.request_export": {"campaign": "khong-co", "file_format": "pdf", "from": "2026-02-30"},
    "analyst.results": {"recipe": "khong-co", "weighting": "khong-co"},
    "analyst.workbook": {"weighting": "rake", "margins": "variable,level\n"},
    "api.create_response": {"campaign": "khong-co", "unit": "", "answers": "không phải từ điển"},
    "api.invite": {"campaign": "", "unit": "AG-XX", "dossier_codes": []},
    "par_scoring.answer_page": {},
    "par_scoring.appraise_page": {},
    "par_scoring.finalise_page": {},
    "par_scoring.new_round": {"year": "năm nay"},
    "par_scoring.remove_evidence_page": {},
    "par_scoring.save": {},
    "par_scoring.submit_page": {},
    "public.resume": {"code": "khong-co"},
    "questionnaire.page": {"overall": "9", "visits": "nhiều"},
    "questionnaire.start_invited": {},
    "questionnaire.start_open": {},
    "questionnaire.submit": {},
    "supervisor.correct": {},
    "supervisor.review": {"action": "khong-co"},
    "surveyor.entry": {"uuid": str(uuid.UUID(int=3)), "serial": "", "overall": "9"},
    "surveyor.serial_page": {},
}
"""Per POST endpoint, the fields (form, or JSON for the API) of its bad input."""
EXEMPT = {"accounts.sign_out": "takes no input: it ends the session whatever is sent"}


def english_only() -> set[str]:
    """Every stretch of a catalogue's English (between its parameters) of at least 12 characters that no
    Vietnamese text of any catalogue contains: seen on a Vietnamese page, it is an untranslated text."""
    vietnamese = "\n".join(c.messages[key][0] for key, found in REGISTRY.items() for c in found)
    stretches = {part.strip(" .,:;()'“”") for key, found in REGISTRY.items() for c in found
                 for part in re.split(r"\{[^}]*\}", c.messages[key][1])}
    return {part for part in stretches if len(part) >= 12 and part not in vietnamese}


def post_endpoints(app) -> set[str]:
    return {rule.endpoint for rule in app.url_map.iter_rules() if "POST" in (rule.methods or ())}


def test_every_post_route_gets_a_bad_input_or_says_why_not(app):
    assert sorted(post_endpoints(app) - set(BAD) - set(EXEMPT)) == [], "give these routes a bad input in BAD"
    assert sorted((set(BAD) | set(EXEMPT)) - post_endpoints(app)) == [], "these routes are gone: remove them"


@pytest.fixture
def records(app, session, make_unit, make_campaign, make_user, make_submission):
    """An open campaign on AG-LX with one response (its id) and one invitation, an account to act on."""
    from survey.responses.operations import record_response

    campaign = make_campaign("sipas-2026", units=[make_unit("AG-LX")])
    response, _ = record_response(session, make_submission(campaign), TODAY)
    create_invitations(session, campaign, campaign.units[0].unit, ["HS-1"], None, utcnow())
    session.commit()
    make_user("muc-tieu", "surveyor")
    return {"response_id": response.id}


def requests(app, records: dict) -> list[tuple[str, str, dict]]:
    """(endpoint, url, fields) of every POST route with its bad input."""
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if rule.endpoint in BAD:
                chosen = {**REAL, **records, **NOT_THERE.get(rule.endpoint, {})}
                arguments = {name: chosen.get(name, MISSING) for name in rule.arguments}
                found.append((rule.endpoint, url_for(rule.endpoint, **arguments), BAD[rule.endpoint]))
    return sorted(found)


def test_bad_input_to_every_page_is_a_4xx_said_in_vietnamese(app, records, make_user):
    make_user("quan-tri", "admin")
    browser = Staff(app.test_client())
    browser.sign_in("quan-tri")
    citizen = Respondent(browser.client)  # a draft of the questionnaire, its page's hidden fields filled in
    citizen.start("/k/sipas-2026/AG-LX")
    records["key"], hidden = citizen.uuid_value, {"questionnaire.page": citizen.form_fields()}
    untranslated = english_only() | {name for code, name in HTTP_STATUS_CODES.items() if code >= 400}
    wrong = []
    for endpoint, url, fields in requests(app, records):
        if endpoint.startswith("api."):
            continue
        response = browser.post(url, {**hidden.get(endpoint, {}), **fields})
        shown = [part for part in untranslated if part in browser.text()]
        if not 400 <= response.status_code < 500 or shown:
            wrong.append((endpoint, response.status_code, shown, browser.text()[:300]))
    assert wrong == []


def test_bad_input_to_every_api_endpoint_names_each_problems_field_and_code(app, records, session, client):
    _, secret = issue_token(session, "kiem-tra", list(ALL_SCOPES), None, None, utcnow())
    session.commit()
    wrong = []
    for endpoint, url, fields in requests(app, records):
        if not endpoint.startswith("api."):
            continue
        response = client.post(url, json=fields, headers={"Authorization": f"Bearer {secret}"})
        problems = response.get_json()["error"]["problems"]
        if response.status_code != 400 or not all(p.get("field") and p.get("code") for p in problems):
            wrong.append((endpoint, response.status_code, problems))
    assert wrong == []


def test_the_english_looked_for_is_found_on_an_english_page(app, records, make_user):
    make_user("quan-tri", "admin")
    browser = Staff(app.test_client())
    browser.sign_in("quan-tri")
    browser.get("/quan-tri/?lang=en")
    assert browser.post("/quan-tri/dot-khao-sat/sipas-2026/thu-moi", BAD["admin.invitations"]).status_code == 400
    assert {"Choose a unit of the campaign", "Paste or upload at least one dossier code"} <= {
        part for part in english_only() if part in browser.text()}
