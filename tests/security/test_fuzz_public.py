"""Property-based fuzzing of the citizens' form handlers: whatever a browser (or an attacker)
posts to the pages of a survey, the answer is never a 5xx, and nothing invalid is ever stored.

Each example walks a fresh respondent through the three-page form, posting generated values
(any text, huge numbers, control characters, unknown choices, fields that are not on the page,
tampered hidden fields) on every page, then presses Send.
"""
import string

import pytest
from hypothesis import HealthCheck, event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import select

import forms
from survey.questionnaires.queries import version_definition
from survey.responses.models import Draft, Response

FIELDS = ("visited", "visits", "overall", "why", "sex", "home", "_uuid", "_shown", "_from", "_action",
          "csrf_token", "hello", "khong_co")
PLAUSIBLE = {"visited": ["yes", "no"], "visits": ["1", "50", "0", "51", "-3", "1e9", "9" * 40, "2.5"],
             "overall": ["4", "1", "2", "5", "9", "6", "0"], "sex": ["male", "female", "other"],
             "home": ["AG-LX", "AG-CD", "AG", "'; DROP TABLE units; --"], "_action": ["next", "back", "save"]}
"""The first value of each is an honest answer: examples mix them with generated values."""

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
value = st.one_of(text, st.sampled_from(sorted({v for vs in PLAUSIBLE.values() for v in vs})),
                  st.text(alphabet=string.printable, max_size=20), st.integers().map(str))
page_posts = st.lists(st.dictionaries(st.sampled_from(FIELDS), value, max_size=3), min_size=3, max_size=5)


@pytest.fixture
def unlimited(settings):
    """Every example starts a survey from the same address: the rate limits are not under test here."""
    for kind in ("START", "SUBMIT", "RESUME"):
        for who in ("ADDRESS", "DEVICE"):
            settings[f"LIMIT_{kind}_PER_{who}"] = "100000 per hour"


@hypothesis_settings(max_examples=60, deadline=None, derandomize=True, database=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(posts=page_posts)
def test_no_post_to_the_survey_pages_is_a_server_error(respondent, three_pages, session, unlimited, posts):
    respondent.client.delete_cookie("session")
    respondent.start(f"/k/{three_pages.slug}/AG-LX")
    assert respondent.status == 200
    for post in posts:
        honest = {name: values[0] for name, values in PLAUSIBLE.items()
                  if name == "_action" or f'name="{name}"' in respondent.html}
        response = respondent.client.post(respondent.url, data={**respondent.form_fields(), **honest, **post})
        assert response.status_code < 500, response.get_data(as_text=True)[:500]
        if response.status_code == 302:
            respondent.get(response.location)
        if "/gui" in respondent.html:
            send = respondent.client.post(f"/phieu/{respondent.uuid}/gui", data={**respondent.form_fields(), **post})
            assert send.status_code < 500
    session.expire_all()
    event(f"responses stored: {len(session.scalars(select(Response)).all())}")
    assert_every_stored_response_is_valid(session, three_pages)


def assert_every_stored_response_is_valid(session, campaign) -> None:
    definition = version_definition(campaign.questionnaire_version)
    for response in session.scalars(select(Response)):
        answers = {answer.question_key: answer.value for answer in response.answers}
        assert forms.check_answers(definition, answers, unit_codes=["AG-LX", "AG-CD"]) == {}
        asked = forms.relevance(definition, answers)
        assert all(asked[key] for key in answers)
    for draft in session.scalars(select(Draft)):
        assert set(draft.answers) <= {q.name for q in definition.questions}
