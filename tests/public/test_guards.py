"""Ballot-stuffing guards on open links, and bad input: a clear 4xx, never a 500 or a partial write."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from survey.responses.models import Draft, Exclusion, Response
from survey.responses.screening import BurstRules
from survey.supervisor.messages import words
from tests.public.conftest import Respondent


@pytest.fixture
def settings(app):
    """Change settings for one test."""
    saved = dict(app.config)
    yield app.config
    app.config.clear()
    app.config.update(saved)


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def answer_all(respondent: Respondent) -> None:
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "no"})
    respondent.answer({"sex": "male"})
    respondent.send()


def test_starting_too_often_from_one_device_is_refused_and_logged(respondent, three_pages, session, settings):
    settings["LIMIT_START_PER_DEVICE"] = "2 per hour"
    for _ in range(2):
        respondent.client.delete_cookie("session")  # a new survey each time, the same device cookie
        respondent.start("/k/ba-trang/AG-LX")
        assert respondent.status == 200
    respondent.client.delete_cookie("session")
    respondent.start("/k/ba-trang/AG-LX")
    assert respondent.status == 429 and "quá nhiều" in respondent.html
    logged = session.scalars(select(Exclusion)).all()
    assert [(e.reason, e.campaign_id) for e in logged] == [("rate_limited", three_pages.id)]
    assert words(logged[0].said, "vi") == "Bắt đầu khảo sát: vượt giới hạn 2 lần mỗi giờ"
    assert words(logged[0].said, "en") == "Starting a survey: over the limit of 2 per hour"
    assert count(session, Draft) == 2


def test_starting_too_often_from_one_address_is_refused(app, three_pages, session, settings):
    settings["LIMIT_START_PER_ADDRESS"] = "1 per hour"
    Respondent(app.test_client()).start("/k/ba-trang/AG-LX")
    other = Respondent(app.test_client())  # another phone behind the same address
    other.start("/k/ba-trang/AG-LX")
    assert other.status == 429 and count(session, Draft) == 1


def test_trying_many_resume_codes_is_refused(respondent, three_pages, settings):
    settings["LIMIT_RESUME_PER_ADDRESS"] = "3 per hour"
    respondent.get("/tiep-tuc")
    statuses = [respondent.post("/tiep-tuc", {**respondent.form_fields(), "code": f"AAAA-AAA{n}"}).status_code
                for n in range(2, 6)]
    assert statuses == [404, 404, 404, 429]


def test_a_burst_from_one_device_is_kept_but_flagged_and_logged(respondent, three_pages, session, settings):
    settings["BURST_RULES"] = BurstRules(device_limit=2, device_window=timedelta(hours=1))
    for _ in range(3):
        answer_all(respondent)
    flags = session.scalars(select(Response.flag).order_by(Response.submitted_at)).all()
    assert flags == [None, None, "burst_device"]
    entry = session.scalars(select(Exclusion)).one()
    assert entry.reason == "burst_device" and entry.response_id is not None
    assert words(entry.said, "vi") == "Ít nhất 3 phiếu từ một thiết bị trong 60 phút"
    assert words(entry.said, "en") == "At least 3 responses from one device within 60 minutes"


def test_a_burst_for_one_unit_is_flagged(app, three_pages, session, settings):
    settings["BURST_RULES"] = BurstRules(unit_limit=1, unit_window=timedelta(minutes=10))
    for _ in range(2):
        answer_all(Respondent(app.test_client()))
    assert session.scalars(select(Response.flag).order_by(Response.submitted_at)).all() == [None, "burst_unit"]
    assert words(session.scalars(select(Exclusion)).one().said, "vi") == (
        "Ít nhất 2 phiếu qua web cho đơn vị này trong 10 phút")


def test_a_post_without_csrf_token_is_refused(respondent, three_pages, session):
    respondent.start("/k/ba-trang/AG-LX")
    fields = respondent.form_fields()
    del fields["csrf_token"]
    response = respondent.client.post(respondent.url, data={**fields, "visited": "yes"})
    assert response.status_code == 400 and "không hợp lệ" in response.get_data(as_text=True)
    assert session.get(Draft, respondent.uuid_value).answers == {}


def test_an_unknown_choice_is_an_error_next_to_the_question(respondent, three_pages, session):
    respondent.start("/k/ba-trang/AG-LX")
    response = respondent.answer({"visited": "maybe"})
    assert response.status_code == 422 and 'id="visited-error"' in respondent.html
    assert session.get(Draft, respondent.uuid_value).answers == {}


def test_a_field_that_is_not_on_the_page_is_refused(respondent, three_pages, session):
    respondent.start("/k/ba-trang/AG-LX")
    response = respondent.answer({"visited": "yes", "overall": "5"})
    assert response.status_code == 400 and "overall" in respondent.html
    assert session.get(Draft, respondent.uuid_value).answers == {}


def test_an_answer_to_a_question_hidden_by_skip_logic_is_refused(respondent, three_pages, session):
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "yes"})
    response = respondent.answer({"overall": "5", "why": "không hỏi"})
    assert response.status_code == 400 and "why" in respondent.html
    draft = session.get(Draft, respondent.uuid_value)
    session.refresh(draft)
    assert "overall" not in draft.answers


def test_a_tampered_uuid_is_refused(respondent, three_pages, session):
    respondent.start("/k/ba-trang/AG-LX")
    response = respondent.answer({"visited": "yes"}, _uuid="00000000-0000-0000-0000-000000000000")
    assert response.status_code == 400 and "không khớp" in respondent.html
    start = respondent.client.post("/k/ba-trang/AG-LX", data={**respondent.form_fields(), "_uuid": "x"})
    assert start.status_code == 400


def test_invalid_utf8_and_nul_are_refused(respondent, three_pages, session):
    respondent.start("/k/ba-trang/AG-LX")
    fields = "&".join(f"{k}={v}" for k, v in respondent.form_fields().items())
    for bad, said in ((b"&visits=%FF%FE", "UTF-8"), (b"&visits=1%00", "Trường “visits”: có ký tự điều khiển")):
        response = respondent.client.post(respondent.url, data=fields.encode() + b"&visited=yes" + bad,
                                          content_type="application/x-www-form-urlencoded")
        assert response.status_code == 400 and said in response.get_data(as_text=True)
    assert session.get(Draft, respondent.uuid_value).answers == {}


def test_an_oversized_body_is_refused(respondent, three_pages, session):
    respondent.start("/k/ba-trang/AG-LX")
    response = respondent.client.post(respondent.url, data={**respondent.form_fields(), "visits": "9" * 600_000})
    assert response.status_code == 413 and "quá lớn" in response.get_data(as_text=True)


def test_a_very_long_number_is_an_error_not_a_crash(respondent, three_pages):
    respondent.start("/k/ba-trang/AG-LX")
    assert respondent.answer({"visited": "yes", "visits": "9" * 5000}).status_code == 422


def test_sending_a_draft_that_skipped_a_required_page_lists_what_is_missing(respondent, three_pages, session):
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "no"})
    respondent.answer({})
    draft = session.get(Draft, respondent.uuid_value)
    draft.answers = {**draft.answers, "visited": "yes"}  # as if the path changed without page 2 being seen
    session.commit()
    respondent.send()
    assert respondent.status == 422 and "Chưa gửi được" in respondent.html
    assert f"/phieu/{respondent.uuid}/trang/rating?from=xem-lai" in respondent.html
    assert count(session, Response) == 0


def test_rate_limits_are_shared_through_redis_in_production(monkeypatch):
    from survey import config

    monkeypatch.setenv("REDIS_URL", "redis://cache.internal:6379/2")
    production = config.load("/tmp/instance", {"SURVEY_ENV": "production", "SECRET_KEY": "k" * 64,
                                                "PUBLIC_BASE_URL": "https://khaosat.example.vn"})
    assert production["RATELIMIT_STORAGE_URI"] == "redis://cache.internal:6379/2"
    assert config.load("/tmp/instance", {"SURVEY_ENV": "development"})["RATELIMIT_STORAGE_URI"] == "memory://"
