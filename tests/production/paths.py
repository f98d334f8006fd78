"""The ways a response reaches the service, each sent as its real client sends it:

- `citizen`: "Send" on the review page of an open link (the same POST again after a failure);
- `invitation`: the same, for drafts started from single-use invitations (used exactly once);
- `paper`: a keyer saving a paper form without JavaScript (the browser resends the same form);
- `offline`: the offline queue of paper entry (a fresh CSRF token, then the kept forms in order,
  as JSON; after a failure it waits and syncs again);
- `api`: an outside system posting JSON with a bearer token (same uuid again after a failure;
  after a 429 it waits).

Respondents each have their own device cookie and network address (`X-Forwarded-For`, the service
trusting one proxy as behind nginx), so the real per-device and per-address limits apply to each
respondent's own retries. Keyers and the API token are prepared in the database beforehand.
"""
import http.client
import json
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from flask import Flask
from sqlalchemy import insert, select

import forms
from bench.load import prepare
from survey import db
from survey.accounts.operations import create_user
from survey.campaigns.models import Campaign
from survey.demo.operations import CAMPAIGN_SLUG
from survey.entries.codes import to_typed
from survey.invitations.operations import create_invitations
from survey.questionnaires.queries import version_definition
from survey.responses.models import Draft
from survey.tokens.operations import issue_token
from survey.units.queries import active_units, units_by_codes
from tests.production.retrying import Verdict

KEYER_UNIT = "AG-PLX"
FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Prepared:
    """What the clients need, made once per database."""

    visitor: prepare.Browser
    answers: dict[str, str]
    typed: dict[str, str]
    keyers: dict[str, str]
    """Session cookie of the online and of the offline keyer."""
    token: str


def prepared(app: Flask) -> Prepared:
    with app.app_context():
        definition = demo_definition()
        answers = prepare.complete_answers(definition, district())
        typed = {q.name: to_typed(q, answers.get(q.name)) for q in definition.questions if q.kind.has_answer}
        token = api_token()
    return Prepared(prepare.browser(app), answers, typed,
                    {name: signed_in(app, keyer(app, name)) for name in ("paper", "offline")}, token)


def demo_definition() -> forms.Definition:
    return version_definition(demo_campaign(db.session()).questionnaire_version)


def demo_campaign(session) -> Campaign:
    return session.scalar(select(Campaign).where(Campaign.slug == CAMPAIGN_SLUG))


def district() -> str:
    """The unit the prepared answers name where a question asks for one (as bench.load.prepare)."""
    return active_units(db.session(), {"district", "commune"})[0].code  # no district since July 2025


def api_token() -> str:
    with db.transaction() as session:
        _, secret = issue_token(session, f"faults-{secrets.token_hex(4)}", ["responses:write"], None, None,
                                db.utcnow())
    return secret


def keyer(app: Flask, name: str) -> tuple[str, str]:
    """A surveyor of the keyers' unit: (username, password)."""
    username, password = f"faults-{name}-{secrets.token_hex(4)}", secrets.token_urlsafe(16)
    with app.app_context(), db.transaction() as session:
        create_user(session, username, "surveyor", password, units_by_codes(session, [KEYER_UNIT]))
    return username, password


def signed_in(app: Flask, account: tuple[str, str]) -> str:
    """The session cookie of `account` signed in through the sign-in page."""
    client = app.test_client()
    page = client.get("/dang-nhap", base_url="https://localhost").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]* value="([^"]+)"', page).group(1)
    reply = client.post("/dang-nhap", base_url="https://localhost", headers={"Referer": "https://localhost/"},
                        data={"csrf_token": token, "username": account[0], "password": account[1]})
    assert reply.status_code == 302, f"the keyer could not sign in: {reply.status_code}"
    client.get("/nhap-phieu/csrf", base_url="https://localhost")  # the session keeps its CSRF secret from now on
    return f"session={client.get_cookie('session', domain='localhost').value}"


def invited_drafts(app: Flask, count: int) -> list[uuid.UUID]:
    """`count` invitations of the keyers' unit, each with a draft on the review page."""
    with app.app_context(), db.transaction() as session:
        campaign = demo_campaign(session)
        unit = units_by_codes(session, [KEYER_UNIT])[0]
        invitations = create_invitations(session, campaign, unit, [None] * count, None, db.utcnow())
        answers = prepare.complete_answers(version_definition(campaign.questionnaire_version), district())
        rows = prepare.draft_rows(campaign, answers, count)
        for row, invitation in zip(rows, invitations, strict=True):  # both `count` long
            row.update(unit_id=unit.id, invitation_id=invitation.id)
        session.execute(insert(Draft), rows)
    return [row["uuid"] for row in rows]


def respondent(key: uuid.UUID) -> dict[str, str]:
    """The device cookie and address of the respondent holding `key` (derived from it: stable on retry)."""
    return {"device": f"faults{key.hex}", "address": f"10.{key.bytes[0]}.{key.bytes[1]}.{key.bytes[2] or 1}"}


class Citizen:
    """The review page's "Send": 302 to the thank-you page, whether stored now or before."""

    def __init__(self, ready: Prepared):
        self.visitor = ready.visitor

    def send(self, connection: http.client.HTTPConnection, key: uuid.UUID) -> None:
        who = respondent(key)
        session = self.visitor.cookie.split(";")[0]
        connection.request("POST", f"/phieu/{key}/gui", urlencode({"csrf_token": self.visitor.csrf_token,
                                                                   "_uuid": str(key)}),
                           {"Cookie": f"{session}; thiet_bi={who['device']}", "Content-Type": FORM,
                            "X-Forwarded-For": who["address"]})

    def verdict(self, key: uuid.UUID, response: http.client.HTTPResponse, body: bytes) -> Verdict:
        if response.status == 302 and response.getheader("Location", "").endswith(f"/phieu/{key}/cam-on"):
            return Verdict.ACKNOWLEDGED
        return by_status(response.status)

    def forget(self) -> None:
        """Nothing to fetch again: the page's token stays valid."""


def by_status(status: int) -> Verdict:
    if status == 429:
        return Verdict.THROTTLED
    return Verdict.RETRY if status >= 500 else Verdict.UNEXPECTED


def serial(key: uuid.UUID) -> str:
    return f"F-{key.hex[:16]}"


class Paper:
    """Paper entry without JavaScript: the form POSTed, 303 to the page confirming the stored form."""

    def __init__(self, ready: Prepared, keyer: str = "paper"):
        self.cookie, self.typed = ready.keyers[keyer], ready.typed
        self.token: str | None = None
        self.path = f"/nhap-phieu/{CAMPAIGN_SLUG}/{KEYER_UNIT}"

    def csrf(self, connection: http.client.HTTPConnection) -> str:
        """The page's CSRF token (fetched once per connection, as a page load would)."""
        if self.token is None:
            connection.request("GET", "/nhap-phieu/csrf", headers={"Cookie": self.cookie,
                                                                    "Accept": "application/json"})
            reply = connection.getresponse()
            body = reply.read()
            if reply.status != 200:
                raise http.client.HTTPException(f"no CSRF token: {reply.status}")
            self.token = json.loads(body)["csrf_token"]
        return self.token

    def body(self, connection: http.client.HTTPConnection, key: uuid.UUID) -> str:
        return urlencode({"csrf_token": self.csrf(connection), "uuid": str(key), "serial": serial(key),
                          "seconds": "95", **self.typed})

    def send(self, connection: http.client.HTTPConnection, key: uuid.UUID) -> None:
        connection.request("POST", self.path, self.body(connection, key), {"Cookie": self.cookie,
                                                                          "Content-Type": FORM})

    def verdict(self, key: uuid.UUID, response: http.client.HTTPResponse, body: bytes) -> Verdict:
        if response.status == 303 and response.getheader("Location", "").endswith(f"luu={key}"):
            return Verdict.ACKNOWLEDGED
        return by_status(response.status)

    def forget(self) -> None:
        self.token = None


class Offline(Paper):
    """The offline queue: JSON, 201 stored or 200 duplicate; a 400 (stale token) means sync later."""

    def __init__(self, ready: Prepared):
        super().__init__(ready, keyer="offline")

    def send(self, connection: http.client.HTTPConnection, key: uuid.UUID) -> None:
        connection.request("POST", self.path, self.body(connection, key), {
            "Cookie": self.cookie, "Content-Type": FORM, "Accept": "application/json"})

    def verdict(self, key: uuid.UUID, response: http.client.HTTPResponse, body: bytes) -> Verdict:
        if response.status in (200, 201):
            return Verdict.ACKNOWLEDGED if response.status == 201 else Verdict.REPLAYED
        return Verdict.RETRY if response.status == 400 or response.status >= 500 else Verdict.UNEXPECTED


class Api:
    """POST /api/v1/responses with a bearer token: 201 stored, 200 stored before; 429: wait."""

    def __init__(self, ready: Prepared):
        self.token, self.answers = ready.token, ready.answers
        self.bodies: dict[uuid.UUID, str] = {}

    def send(self, connection: http.client.HTTPConnection, key: uuid.UUID) -> None:
        connection.request("POST", "/api/v1/responses", self.body(key), {
            "Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})

    def body(self, key: uuid.UUID) -> str:
        """The response as first sent: a retry sends the very same body."""
        if key not in self.bodies:
            now = datetime.now(UTC)
            self.bodies[key] = json.dumps({
                "uuid": str(key), "campaign": CAMPAIGN_SLUG, "unit": KEYER_UNIT, "channel": "interviewer",
                "started_at": (now - timedelta(minutes=7)).isoformat(), "submitted_at": now.isoformat(),
                "answers": self.answers})
        return self.bodies[key]

    def verdict(self, key: uuid.UUID, response: http.client.HTTPResponse, body: bytes) -> Verdict:
        if response.status in (200, 201):
            return Verdict.ACKNOWLEDGED if response.status == 201 else Verdict.REPLAYED
        return by_status(response.status)

    def forget(self) -> None:
        """Nothing to fetch again."""
