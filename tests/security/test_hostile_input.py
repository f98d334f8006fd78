"""Hostile input against every page: injection attempts in every query parameter never give a
5xx nor change data, and free text typed by citizens is escaped on every page that shows it.

Routes come from `app.url_map`, query parameters from the source (`request.args.get("...")`)
and from the fields of every page's forms, so new pages are covered without editing this file.
"""
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from flask import url_for
from sqlalchemy import func, select

import forms
from survey import clock
from survey.campaigns.models import Campaign
from survey.demo.operations import CAMPAIGN_SLUG
from survey.models import Base
from survey.questionnaires.queries import version_definition
from survey.responses.operations import record_response
from tests.accounts.test_route_matrix import ARGUMENTS

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = '<script>alert("xss")</script>'
TEXT = f'{SCRIPT}"><img src=x onerror=alert(1)>'
INJECTIONS = ["' OR '1'='1", "1; DROP TABLE responses; --", "%' UNION SELECT password_hash FROM users --",
              "\x00", "-1", "1e999", "9" * 40, "../../etc/passwd", "🙂" * 300]
SKIPPED = {"static", "accounts.sign_out"}


@pytest.fixture
def hostile(cli, session, make_user, make_submission, app):
    """The demo and two web responses for AG-PLX whose free text is an attack; the first is returned."""
    assert cli("demo", "load").exit_code == 0
    campaign = session.scalar(select(Campaign).where(Campaign.slug == CAMPAIGN_SLUG))
    unit = next(target.unit for target in campaign.units if target.unit.code == "AG-PLX")
    answers = hostile_answers(version_definition(campaign.questionnaire_version))
    with app.test_request_context():
        responses = [record_response(session, make_submission(campaign, answers=answers, unit=unit), clock.today())[0]
                     for _ in range(2)]
    session.commit()
    return responses[0]


def hostile_answers(definition: forms.Definition) -> dict[str, str]:
    """Answers to every question asked: the first choice, 4 on scales, and the attack as text."""
    answers: dict[str, str] = {}
    for _ in definition.sections:
        shown = forms.relevance(definition, answers)
        for question in definition.questions:
            if question.kind.has_answer and shown[question.name] and question.name not in answers:
                answers[question.name] = {"satisfaction": "4", "yes_no": "yes", "integer": "2", "decimal": "2",
                                          "text": TEXT, "unit": "AG-PLX"}.get(question.type) \
                    or question.choices[0].value
    return answers


def source_parameters() -> set[str]:
    pattern = re.compile(r'request\.(?:args|values)\.get(?:list)?\(\s*"([^"]+)"')
    return {name for path in (ROOT / "survey").rglob("*.py") for name in pattern.findall(path.read_text())}


def page_urls(app, response) -> list[str]:
    """A URL of every GET route, its arguments naming the demo's records where there is one."""
    values = {**ARGUMENTS, "slug": CAMPAIGN_SLUG, "key": response.uuid, "response_id": response.id,
              "username": "demo-surveyor", "code": "AG-PLX", "unit_code": "AG-PLX"}
    with app.test_request_context():
        return sorted(url_for(rule.endpoint, **{name: values.get(name, 1) for name in rule.arguments})
                      for rule in app.url_map.iter_rules()
                      if "GET" in rule.methods and rule.endpoint not in SKIPPED)


def html_of(response) -> str:
    html = response.get_data(as_text=True) if response.mimetype == "text/html" else ""
    response.close()  # static files are streamed from an open file
    return html


def form_fields(html: str) -> set[str]:
    return set(re.findall(r'<(?:input|select|textarea)[^>]*\sname="([^"]+)"', html))


def row_counts(session) -> dict[str, int]:
    session.expire_all()
    return {t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


def test_injections_in_every_query_parameter(app, hostile, staff, make_user, session):
    make_user("quantri", "admin")
    staff.sign_in("quantri")
    urls = page_urls(app, hostile)
    names = source_parameters() | {name for url in urls for name in form_fields(html_of(staff.client.get(url)))}
    before = row_counts(session)
    failures = []
    for url in urls:
        for payload in INJECTIONS:
            try:
                response = staff.client.get(f"{url}?{urlencode(dict.fromkeys(names, payload))}")
                status = response.status_code
                response.close()
            except Exception as error:  # the test app lets errors through: each is a 500 in production
                status = f"{type(error).__name__}: {error}"
            if not isinstance(status, int) or status >= 500:
                failures.append(f"{url} with {payload[:20]!r}: {status}")
    assert failures == []
    assert row_counts(session) == before


@pytest.mark.parametrize("role", ["admin", "supervisor", "analyst"])
def test_free_text_is_escaped_on_every_page(app, hostile, staff, make_user, role):
    make_user("nhanvien", role, units=("AG-PLX",) if role == "supervisor" else ())
    staff.sign_in("nhanvien")
    shown = []
    for url in page_urls(app, hostile):
        html = html_of(staff.client.get(url))
        assert SCRIPT not in html and "<img src=x" not in html, url
        if "&lt;script&gt;alert" in html:
            shown.append(url)
    assert shown or role != "supervisor", "no page showed the answers: the test would prove nothing"


def test_the_citizens_own_text_is_escaped_on_the_review_page(respondent, three_pages):
    respondent.start(f"/k/{three_pages.slug}/AG-LX")
    respondent.answer({"visited": "yes", "visits": "2"})
    respondent.answer({"overall": "1"})  # the page comes back asking why
    respondent.answer({"overall": "1", "why": TEXT})
    respondent.answer({"sex": "male", "home": "AG-LX"})
    assert respondent.url.endswith("/xem-lai")
    assert SCRIPT not in respondent.html and "&lt;script&gt;alert" in respondent.html
