"""GET and HEAD never change anything: every route of the URL map is sent both, with real records in
its URL and a form body that would make its POST act, by an administrator and by a stranger.

Flask answers HEAD on every GET route, and Flask-WTF checks the CSRF token only on unsafe methods:
a view that treated "not GET" as POST ran its POST code for HEAD, without a token and without the
rate limits (found by an outside probe: HEAD disabled users, signed in, locked accounts).
"""
import pytest
from flask import current_app, url_for
from sqlalchemy import select

from survey import clock, db
from survey.db import utcnow
from survey.invitations.operations import create_invitations
from survey.models import Base
from survey.par_index.evidence import EvidenceRules, checked_file
from survey.par_index.scoring import add_evidence, open_round
from survey.responses.drafts import DraftStart, start_draft
from survey.responses.operations import record_response
from survey.tokens.operations import issue_token
from survey.webhooks.operations import add_subscription
from tests.accounts.conftest import PASSWORD, Staff
from tests.par_index.scoring_setup import published_sample

SAFE = ("GET", "HEAD")


def table_rows() -> dict[str, list[tuple]]:
    """Every committed row of every table, as a fresh connection sees it."""
    with db.engine().connect() as connection:
        return {table.name: sorted(map(repr, connection.execute(select(table)).all()))
                for table in Base.metadata.sorted_tables}


@pytest.fixture
def records(session, make_user, make_campaign, make_submission):
    """One of everything a URL can name, and the values of a form that would act on them."""
    target = make_user("muc-tieu", "surveyor")
    make_user("quantri", "admin")
    campaign = make_campaign(slug="dot-mot")
    unit = campaign.units[0].unit
    submission = make_submission(campaign, paper_serial="0001", channel="paper")
    response, _ = record_response(session, submission, clock.today())
    now = utcnow()
    invitation = create_invitations(session, campaign, unit, ["HS-1"], None, now)[0]
    draft = start_draft(session, DraftStart(uuid=make_submission(campaign).uuid, campaign=campaign, unit=unit,
                                            first_section="main", language="vi", device_class="phone"), now)
    token, _ = issue_token(session, "he-thong", ["responses:read"], None, None, now)
    hook = add_subscription(session, "https://example.org/hook", ["response.created"], None)
    scoring = open_round(session, None, published_sample(session), 2026, clock.today())
    evidence = add_evidence(session, None, scoring.assessments[0], "f1_1_1",
                            checked_file("plan.pdf", b"%PDF-1.4", EvidenceRules.of(current_app.config), "file"))
    session.commit()
    arguments = {"slug": campaign.slug, "unit_code": unit.code, "code": unit.code, "token": invitation.token,
                 "key": draft.uuid, "section": "main", "username": target.username, "chart": "chi-so",
                 "number": 1, "serial": "0001", "response_id": response.id, "job_id": 1,
                 "token_id": token.id, "subscription_id": hook.id, "filename": "site.css", "draw_id": 1,
                 "file_format": "pdf", "kind": "csv", "round_id": scoring.id,
                 "assessment_id": evidence.assessment_id, "evidence_id": evidence.id, "year": 2026}
    body = {"username": "quantri", "password": PASSWORD, "full_name": "Ai đó", "role": "admin",
            "unit": unit.code, "code": draft.resume_code, "codes": "HS-2\nHS-3", "closes_on": "2099-01-01",
            "confirm": "1", "overall": "5", "uuid": str(draft.uuid), "serial": "0002", "current": PASSWORD,
            "new": "một mật khẩu mới thật dài", "repeat": "một mật khẩu mới thật dài", "action": "submit"}
    return campaign, arguments, body


def safe_requests(app, campaign, arguments) -> list[tuple[str, str]]:
    """(method, url) of GET and HEAD on every route that answers GET; questionnaires by their slug."""
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods:
                continue
            values = {name: arguments[name] for name in rule.arguments}
            if "/bang-hoi/" in rule.rule:
                values["slug"] = campaign.questionnaire_version.questionnaire.slug
            found += [(method, url_for(rule.endpoint, **values)) for method in SAFE]
    return found


@pytest.mark.parametrize("signed_in", [True, False], ids=["admin", "stranger"])
def test_get_and_head_with_a_form_body_change_no_row(app, records, signed_in):
    campaign, arguments, body = records
    visitor = Staff(app.test_client())
    if signed_in:
        visitor.sign_in("quantri")
    before, changed, failed = table_rows(), [], []
    for method, url in safe_requests(app, campaign, arguments):
        response = visitor.client.open(url, method=method, data=body)
        response.close()
        after = table_rows()
        if after != before:
            changed.append(f"{method} {url}: " + ", ".join(t for t in after if after[t] != before[t]))
            before = after
        if response.status_code >= 500:
            failed.append(f"{method} {url}: {response.status_code}")
    assert changed == [] and failed == []


def test_a_head_with_credentials_signs_no_one_in(app, records):
    visitor = Staff(app.test_client())
    response = visitor.client.head("/dang-nhap", data={"username": "quantri", "password": PASSWORD})
    assert response.status_code == 200
    assert visitor.client.get("/tai-khoan").status_code == 302  # still sent to the sign-in page


def test_every_unsafe_method_is_csrf_checked(app):
    """Flask-WTF's list of methods it checks covers every unsafe method a route accepts."""
    checked = set(app.config.get("WTF_CSRF_METHODS") or {"POST", "PUT", "PATCH", "DELETE"})
    accepted = {method for rule in app.url_map.iter_rules() for method in rule.methods}
    assert accepted - {"GET", "HEAD", "OPTIONS"} <= checked
