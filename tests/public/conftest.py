"""A respondent driving the web survey through the Flask test client, and a three-page form."""
import re
from pathlib import Path
from uuid import UUID

import pytest
from flask import g
from flask.testing import FlaskClient

import forms
from survey.extensions import limiter
from tests.results.conftest import add_wards

ROOT = Path(__file__).resolve().parents[2]

THREE_PAGES = """
form:
  id: three
  title: {vi: "Phiếu ba trang", en: "Three-page form"}
  languages: [vi, en]
choices:
  sex:
    - {value: male, label: {vi: Nam, en: Male}}
    - {value: female, label: {vi: Nữ, en: Female}}
sections:
  - name: screen
    title: {vi: "Sàng lọc", en: "Screening"}
    questions:
      - {name: hello, type: note, label: {vi: "Xin chào", en: "Hello"}}
      - {name: visited, type: yes_no, required: true, label: {vi: "Đã đến bộ phận một cửa?", en: "Visited the desk?"}}
      - name: visits
        type: integer
        label: {vi: "Số lần đi lại", en: "Trips"}
        constraint: ". >= 1 and . <= 50"
        constraint_message: {vi: "Từ 1 đến 50 lần", en: "From 1 to 50 trips"}
  - name: rating
    title: {vi: "Đánh giá", en: "Rating"}
    relevant: "visited = 'yes'"
    questions:
      - {name: overall, type: satisfaction, required: true, label: {vi: "Hài lòng chung", en: "Overall"}}
      - {name: why, type: text, required: true, relevant: "overall <= 2", label: {vi: "Vì sao?", en: "Why?"}}
  - name: about
    title: {vi: "Thông tin", en: "About you"}
    questions:
      - {name: sex, type: select_one, choices: sex, label: {vi: "Giới tính", en: "Sex"}}
      - {name: home, type: unit, levels: [district], label: {vi: "Nơi ở", en: "Home district"}}
"""


@pytest.fixture(autouse=True)
def fresh_limits(app):
    """Rate-limit counters start at zero in every test (the app lives for the whole run)."""
    with app.app_context():
        limiter.reset()
    yield
    with app.app_context():
        limiter.reset()


@pytest.fixture
def three_pages(make_version, make_campaign, make_unit, session):
    """An open web campaign on the three-page form over two districts."""
    units = [make_unit("AG-LX", name="Long Xuyên"), make_unit("AG-CD", name="Châu Đốc")]
    campaign = make_campaign("ba-trang", units=units, version=make_version(THREE_PAGES))
    session.commit()
    return campaign


@pytest.fixture
def sipas_campaign(make_version, make_campaign, make_unit, session):
    """An open web campaign on the shipped SIPAS questionnaire over two of today's wards."""
    units = add_wards(session, make_unit("AG", "province"))
    version = make_version((ROOT / "forms" / "sipas.yaml").read_text(encoding="utf-8"))
    campaign = make_campaign("sipas-web", units=units, version=version)
    session.commit()
    return campaign


def hidden(html: str, name: str) -> str | None:
    found = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', html)
    return found.group(1) if found else None


def forget_csrf_token() -> None:
    """Requests made inside the test's app context share its `g`, where Flask-WTF caches the
    token of the first browser: drop it, so that a second browser gets a token of its own."""
    g.pop("csrf_token", None)


class Respondent:
    """Reads each page's hidden fields (CSRF token, uuid, shown questions) and posts like a browser."""

    def __init__(self, client: FlaskClient):
        self.client = client
        self.html = ""
        self.url = ""
        self.status = 0

    def get(self, url: str, **kwargs):
        forget_csrf_token()
        response = self.client.get(url, follow_redirects=True, **kwargs)
        return self._keep(response)

    def post(self, url: str, data: dict, **kwargs):
        forget_csrf_token()
        response = self.client.post(url, data=data, follow_redirects=True, **kwargs)
        return self._keep(response)

    def _keep(self, response):
        self.html, self.status = response.get_data(as_text=True), response.status_code
        self.url = response.request.path
        return response

    def form_fields(self) -> dict[str, str]:
        return {name: value for name in ("csrf_token", "_uuid", "_shown", "_from")
                if (value := hidden(self.html, name)) is not None}

    def start(self, url: str):
        self.get(url)
        return self.post(url, self.form_fields())

    def answer(self, answers: dict, action: str = "next", **overrides):
        """Post the current page with `answers`; `overrides` replace the hidden fields."""
        data = {**self.form_fields(), **answers, "_action": action, **overrides}
        return self.post(self.url, data)

    def send(self):
        """Post the review page's form (the 'Send' button)."""
        action = re.search(r'<form method="post" action="([^"]+/gui)"', self.html).group(1)
        return self.post(action, self.form_fields())

    @property
    def uuid(self) -> str:
        return self.url.split("/")[2]

    @property
    def uuid_value(self) -> UUID:
        return UUID(self.uuid)

    @property
    def resume_code(self) -> str:
        return re.search(r'class="code">([A-Z0-9-]+)<', self.html).group(1)


@pytest.fixture
def respondent(client) -> Respondent:
    return Respondent(client)


def first_choices(definition: forms.Definition, section: forms.Section, earlier: dict) -> dict:
    """Answers to every question the page asks: 'yes', 'Hài lòng' (4), the first choice, a short text."""
    answers: dict = {}
    for question in section.questions:
        if not question.kind.has_answer or not forms.relevance(definition, {**earlier, **answers})[question.name]:
            continue
        answers[question.name] = {"satisfaction": "4", "yes_no": "yes", "integer": "2", "text": "Không có",
                                  "unit": "AG-PLX"}.get(question.type) or question.choices[0].value
    return answers
