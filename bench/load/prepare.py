"""Prepared state for a load run against an upgraded database holding the An Giang demo.

`drafts(app, count)` inserts `count` complete SIPAS drafts, already on the review page, spread
over the demo campaign's units, each with its own device hash: what `count` respondents who
answered every page and have not pressed "Send" yet leave in the database. `browser(app)` is one
visitor's session cookie and CSRF token, read from a real start page (the token is tied to the
session, not to the draft, so one visitor can send every prepared draft).
"""
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from flask import Flask
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

import forms
from survey import db
from survey.campaigns.models import Campaign
from survey.demo.operations import CAMPAIGN_SLUG
from survey.questionnaires.queries import version_definition
from survey.responses.drafts import CODE_ALPHABET, CODE_LENGTH
from survey.responses.models import Draft
from survey.units.queries import active_units

REVIEW = "review"


@dataclass(frozen=True)
class Browser:
    cookie: str
    csrf_token: str
    start_path: str


def complete_answers(definition: forms.Definition, unit_code: str) -> dict[str, str]:
    """Answers to every question asked: the first choice, 4 on satisfaction scales, short texts."""
    answers: dict[str, str] = {}
    for _ in definition.sections:  # each round can reveal questions that depend on the last
        shown = forms.relevance(definition, answers)
        for question in definition.questions:
            if question.kind.has_answer and shown[question.name] and question.name not in answers:
                answers[question.name] = typical(question, unit_code)
    problems = forms.check_answers(definition, answers, unit_codes=[unit_code])
    if problems:
        raise RuntimeError(f"the typical answers do not pass the form's checks: {problems}")
    return answers


def typical(question: forms.Question, unit_code: str) -> str:
    fixed = {"satisfaction": "4", "yes_no": "yes", "integer": "2", "decimal": "2", "text": "Không có",
             "unit": unit_code}
    return fixed.get(question.type) or question.choices[0].value


def draft_rows(campaign: Campaign, answers: dict[str, str], count: int) -> list[dict]:
    now = db.utcnow()
    units = [target.unit_id for target in campaign.units]
    return [dict(uuid=uuid.uuid4(), campaign_id=campaign.id, unit_id=units[i % len(units)], invitation_id=None,
                 resume_code="".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)),
                 answers=answers, section=REVIEW, language="vi", device_class="phone",
                 device_hash=secrets.token_hex(16), page_seconds={"sang_loc": 40},
                 started_at=now - timedelta(minutes=6), updated_at=now)
            for i in range(count)]


def campaign_definition(session: Session) -> tuple[forms.Definition, str]:
    """The demo campaign's questionnaire, and the unit code its unit questions are answered with: a
    commune or ward of today (the demo's districts are history since the 2025 reorganisation)."""
    campaign = session.scalar(select(Campaign).where(Campaign.slug == CAMPAIGN_SLUG))
    return version_definition(campaign.questionnaire_version), active_units(session, {"commune"})[0].code


def drafts(app: Flask, count: int) -> list[uuid.UUID]:
    """Insert `count` drafts ready to send; their uuids."""
    with app.app_context(), db.transaction() as session:
        campaign = session.scalar(select(Campaign).where(Campaign.slug == CAMPAIGN_SLUG))
        rows = draft_rows(campaign, complete_answers(*campaign_definition(session)), count)
        for start in range(0, count, 5000):
            session.execute(insert(Draft), rows[start:start + 5000])
    return [row["uuid"] for row in rows]


def browser(app: Flask) -> Browser:
    """A visitor who opened the first unit's link: its cookies and its form's CSRF token."""
    with app.app_context():
        campaign = db.session().scalar(select(Campaign).where(Campaign.slug == CAMPAIGN_SLUG))
        path = f"/k/{CAMPAIGN_SLUG}/{campaign.units[0].unit.code}"
    client = app.test_client()
    html = client.get(path, base_url="https://localhost").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    cookies = "; ".join(f"{name}={client.get_cookie(name, domain='localhost').value}"
                        for name in ("session", "thiet_bi"))
    return Browser(cookies, token, path)
