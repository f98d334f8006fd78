"""Responses through the API: checked as the web survey checks them, stored once per uuid, read back,
listed a page at a time with every row exactly once."""
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import event, func, select

from survey import clock, db
from survey.responses.models import Response
from survey.webhooks.models import WebhookEvent


def body(**fields) -> dict:
    now = clock.now()
    return {"uuid": str(uuid.uuid4()), "campaign": "test-campaign", "unit": "AG-LX", "channel": "web",
            "started_at": (now - timedelta(minutes=4)).isoformat(), "submitted_at": now.isoformat(),
            "answers": {"overall": "4", "sex": "female", "visits": "2"}} | fields


def count(session, model=Response) -> int:
    return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def campaign(session, make_campaign):
    found = make_campaign()
    session.commit()
    return found


def test_the_same_uuid_twice_is_one_row_and_the_same_answer(api, session, campaign):
    sent = body()
    first, again = api.post("/responses", sent), api.post("/responses", sent)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.get_json() == again.get_json()
    assert first.get_json()["answers"] == {"overall": "4", "sex": "female", "visits": "2"}
    assert count(session) == 1 and count(session, WebhookEvent) == 1


def test_a_new_uuid_is_looked_up_once(api, app, campaign):
    looked_up: list[str] = []

    def keep(_connection, _cursor, sql, *_args) -> None:
        if sql.startswith("SELECT") and "FROM responses" in sql and "responses.uuid =" in sql:
            looked_up.append(sql)
    with app.app_context():
        engine = db.engine()
    event.listen(engine, "before_cursor_execute", keep)
    try:
        assert api.post("/responses", body()).status_code == 201
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    assert len(looked_up) == 1


def test_answers_are_checked_as_the_web_survey_checks_them(api, session, campaign):
    refused = api.post("/responses", body(answers={"visits": "0", "why": "không được hỏi", "nothing": "1"}))
    assert refused.status_code == 400
    fields = {p["field"] for p in refused.get_json()["error"]["problems"]}
    assert fields == {"answers.overall", "answers.visits", "answers.why", "answers.nothing"}
    assert count(session) == 0


def test_a_problem_names_its_field_its_code_and_says_itself_in_english(api, campaign):
    refused = api.post("/responses", body(answers={"nothing": "1"}))
    problem = refused.get_json()["error"]["problems"][0]
    assert problem == {"field": "answers.nothing", "code": "answer_not_a_question",
                       "message": "nothing: not a question of this questionnaire"}


def test_channel_unit_campaign_and_dates_are_checked(api, session, make_unit, campaign):
    make_unit("AG-CD")
    session.commit()
    cases = {"campaign": body(campaign="khong-co"), "unit": body(unit="AG-CD"), "channel": body(channel="interviewer"),
             "submitted_at": body(submitted_at="2020-01-01T00:00:00+07:00"),
             "paper_serial": body(channel="paper")}
    for field, sent in cases.items():
        response = api.post("/responses", sent)
        assert response.status_code == 400, field
        assert field in [p["field"] for p in response.get_json()["error"]["problems"]], (field, response.get_json())
    assert count(session) == 0


def test_malformed_documents_name_the_field(api, campaign):
    for sent, field in ((body(uuid="not-a-uuid"), "uuid"), (body(started_at="yesterday"), "started_at"),
                        (body(answers={"overall": 4}), "answers.overall"), (body(extra=1), "extra"),
                        ({k: v for k, v in body().items() if k != "channel"}, "channel"),
                        (body(started_at="2026-01-01T00:00:00"), "started_at")):
        response = api.post("/responses", sent)
        assert response.status_code == 400 and response.get_json()["error"]["field"] == field, sent


def test_read_one(api, campaign):
    sent = body()
    api.post("/responses", sent)
    found = api.get(f"/responses/{sent['uuid']}")
    assert found.status_code == 200 and found.get_json()["status"] == "submitted"
    assert api.get(f"/responses/{uuid.uuid4()}").status_code == 404


def test_a_unit_token_cannot_store_or_read_for_another_unit(api, api_with, session, make_unit, make_campaign):
    mine, other = make_unit("AG-LX"), make_unit("AG-CD")
    make_campaign(units=[mine, other])
    session.commit()
    sent = body(unit="AG-CD")
    assert api.post("/responses", sent).status_code == 201
    scoped = api_with("responses:read", "responses:write", unit=mine)
    assert scoped.post("/responses", body(unit="AG-CD")).status_code == 403
    assert scoped.post("/responses", sent).status_code == 403  # not even a replay of another unit's response
    assert scoped.get(f"/responses/{sent['uuid']}").status_code == 403
    assert scoped.get("/responses").get_json()["responses"] == []


def walk(api, **filters) -> list[str]:
    """Every uuid of the listing, following the cursors."""
    seen, cursor = [], None
    while True:
        page = api.get("/responses", limit=3, **filters, **({"cursor": cursor} if cursor else {})).get_json()
        seen += [r["uuid"] for r in page["responses"]]
        cursor = page["next_cursor"]
        if cursor is None:
            return seen


def test_pagination_walks_every_row_exactly_once_under_inserts(api, campaign):
    sent = [body() for _ in range(8)]
    for one in sent:
        api.post("/responses", one)
    seen, cursor, added = [], None, []
    while True:
        page = api.get("/responses", limit=3, **({"cursor": cursor} if cursor else {})).get_json()
        seen += [r["uuid"] for r in page["responses"]]
        if len(added) < 2:  # responses arriving while the client pages through
            added.append(body())
            api.post("/responses", added[-1])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [one["uuid"] for one in sent + added]


def test_filters(api, session, campaign):
    early = body(submitted_at="2026-11-01T00:00:00+00:00", started_at="2026-10-31T23:00:00+00:00")
    late = body()
    api.post("/responses", early)
    api.post("/responses", late)
    since = (clock.now() - timedelta(days=1)).isoformat()
    assert walk(api, since=since) == [late["uuid"]]
    assert walk(api, campaign="test-campaign", unit="AG-LX", status="submitted") == [early["uuid"], late["uuid"]]
    assert walk(api, status="verified") == []
    for bad in ({"limit": 501}, {"limit": 0}, {"status": "deleted"}, {"since": "hôm qua"}, {"cursor": "xyz"},
                {"campaign": "khong-co"}):
        assert api.get("/responses", **bad).status_code == 400, bad
