import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

import forms
from survey import clock, db
from survey.campaigns.models import Campaign
from survey.errors import InvalidInput
from survey.responses.models import Answer, Response
from survey.responses.operations import record_response
from survey.webhooks.models import WebhookEvent
from tests.clock import TODAY


def stored(session):
    return session.scalar(select(func.count()).select_from(Response)), session.scalar(
        select(func.count()).select_from(Answer))


def test_a_submission_is_stored_with_its_answers_in_long_form(session, make_campaign, make_submission):
    campaign = make_campaign()
    response, created = record_response(
        session, make_submission(campaign, {"overall": "2", "sex": "female", "visits": "3", "why": "Chờ lâu"}), TODAY)
    assert created and response.status == "submitted"
    assert response.questionnaire_version_id == campaign.questionnaire_version_id
    assert [(a.question_key, a.value, a.number) for a in response.answers] == [
        ("overall", "2", 2.0), ("sex", "female", None), ("visits", "3", 3.0), ("why", "Chờ lâu", None)]


def test_dont_know_is_stored_but_has_no_number(session, make_campaign, make_submission):
    response, _ = record_response(session, make_submission(make_campaign(), {"overall": "9"}), TODAY)
    assert [(a.value, a.number) for a in response.answers] == [("9", None)]


def test_the_same_uuid_twice_stores_one_response(session, make_campaign, make_submission):
    campaign = make_campaign()
    submission = make_submission(campaign)
    first, created = record_response(session, submission, TODAY)
    again, created_again = record_response(session, submission, TODAY)
    assert (created, created_again) == (True, False) and again.id == first.id
    assert stored(session) == (1, 1)


def test_a_uuid_reused_for_another_campaign_is_refused(session, make_campaign, make_submission):
    key = uuid.uuid4()
    record_response(session, make_submission(make_campaign("one"), key=key), TODAY)
    with pytest.raises(InvalidInput, match="already submitted to another campaign"):
        record_response(session, make_submission(make_campaign("two"), key=key), TODAY)


def test_concurrent_duplicates_store_one_response(app, session, make_campaign, make_submission):
    campaign = make_campaign()
    session.commit()
    key, results = uuid.uuid4(), []

    def submit():
        with app.app_context(), db.transaction() as own:
            ours = own.get(Campaign, campaign.id)
            results.append(record_response(own, make_submission(ours, key=key), TODAY)[0].id)

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1 and len(results) == 4
    assert stored(session) == (1, 1)


def test_invalid_answers_are_all_reported_and_nothing_is_written(session, make_campaign, make_submission):
    submission = make_submission(make_campaign(), {"overall": None, "sex": "alien", "visits": "99", "age": "30"})
    with pytest.raises(InvalidInput) as caught:
        record_response(session, submission, TODAY)
    text = str(caught.value)
    for key in ("age: not a question", "overall:", "sex:", "visits:"):
        assert key in text
    assert stored(session) == (0, 0)


def test_the_answers_are_checked_once_and_said_in_either_language(session, make_campaign, make_submission,
                                                                  monkeypatch):
    found = []
    real = forms.find_problems
    monkeypatch.setattr(forms, "find_problems", lambda *args, **kwargs: found.append(1) or real(*args, **kwargs))
    with pytest.raises(InvalidInput) as caught:
        record_response(session, make_submission(make_campaign(), {"overall": None}), TODAY)
    assert len(found) == 1
    [problem] = caught.value.problems
    assert problem.field == "answers.overall"
    assert [problem.text(code) for code in ("vi", "en")] == [
        "overall: Vui lòng trả lời câu hỏi này.", "overall: Please answer this question."]


def test_answers_to_questions_that_are_not_relevant_are_refused(session, make_campaign, make_submission):
    with pytest.raises(InvalidInput, match="why"):
        record_response(session, make_submission(make_campaign(), {"overall": "5", "why": "ok"}), TODAY)


def test_campaign_rules_apply(session, make_campaign, make_submission, make_unit):
    campaign = make_campaign(channels=("paper",), opens_on=TODAY + timedelta(days=3),
                             closes_on=TODAY + timedelta(days=9))
    submission = make_submission(campaign, channel="web", unit=make_unit("AG-CD"))
    with pytest.raises(InvalidInput) as caught:
        record_response(session, submission, TODAY)
    assert [str(p) for p in caught.value.problems] == [
        "campaign 'test-campaign' does not accept web responses now (scheduled)",
        "unit 'AG-CD' is not surveyed by campaign 'test-campaign'",
    ]


def test_paper_serials_are_required_and_unique_per_campaign(session, make_campaign, make_submission):
    campaign = make_campaign()
    with pytest.raises(InvalidInput, match="needs its serial number"):
        record_response(session, make_submission(campaign, channel="paper"), TODAY)
    record_response(session, make_submission(campaign, channel="paper", paper_serial="AG-0001"), TODAY)
    with pytest.raises(InvalidInput, match="paper serial 'AG-0001' is already entered"):
        record_response(session, make_submission(campaign, channel="paper", paper_serial="AG-0001"), TODAY)
    assert stored(session) == (1, 1)


def raw_response(campaign, **fields):
    now = clock.now()
    values = {"uuid": uuid.uuid4(), "campaign_id": campaign.id, "unit_id": campaign.units[0].unit_id,
              "questionnaire_version_id": campaign.questionnaire_version_id, "channel": "web",
              "status": "submitted", "started_at": now, "submitted_at": now}
    return Response(**{**values, **fields})


@pytest.mark.parametrize(("fields", "constraint"), [
    ({"status": "lost"}, "status_known"),
    ({"status": "rejected"}, "rejection_has_reason"),
    ({"channel": "paper"}, "paper_has_serial"),
    ({"submitted_at": datetime(2000, 1, 1, tzinfo=UTC)}, "submitted_after_start"),
])
def test_the_database_guards_response_invariants(session, make_campaign, fields, constraint):
    session.add(raw_response(make_campaign(), **fields))
    with pytest.raises(IntegrityError) as caught:
        session.flush()
    assert constraint in str(caught.value)


def test_the_database_refuses_a_channel_the_campaign_does_not_allow(session, make_campaign):
    session.add(raw_response(make_campaign(channels=("web",)), channel="interviewer"))
    with pytest.raises(IntegrityError):
        session.flush()


def test_the_database_refuses_a_unit_outside_the_campaign(session, make_campaign, make_unit):
    session.add(raw_response(make_campaign(), unit_id=make_unit("AG-CD").id))
    with pytest.raises(IntegrityError):
        session.flush()


def test_the_database_refuses_an_answer_to_a_question_the_version_lacks(session, make_campaign):
    response = raw_response(make_campaign())
    session.add(response)
    session.flush()
    session.add(Answer(response_id=response.id, version_id=response.questionnaire_version_id,
                       question_key="nope", value="1"))
    with pytest.raises(IntegrityError):
        session.flush()


def test_the_database_refuses_a_second_response_with_the_same_uuid(session, make_campaign):
    campaign = make_campaign()
    key = uuid.uuid4()
    session.add_all([raw_response(campaign, uuid=key), raw_response(campaign, uuid=key)])
    with pytest.raises(IntegrityError):
        session.flush()


def test_a_paper_serial_stored_meanwhile_is_refused_and_nothing_is_written(session, make_campaign, make_submission):
    """The response's insert meets the serial's unique key and does nothing (no savepoint): no row,
    answer or event is written, the session holds no response that is not stored, and the
    transaction stays usable for telling the keyer why."""
    campaign = make_campaign()
    first, _ = record_response(session, make_submission(campaign, channel="paper", paper_serial="A-1"), TODAY)
    with pytest.raises(InvalidInput) as caught:
        record_response(session, make_submission(campaign, channel="paper", paper_serial="A-1"), TODAY)
    assert [problem.key for problem in caught.value.problems] == ["paper_serial_taken"]
    assert stored(session) == (1, 1) and session.scalar(select(func.count()).select_from(WebhookEvent)) == 1
    assert [held for held in session if isinstance(held, Response)] == [first]
