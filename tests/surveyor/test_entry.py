"""Keying paper forms at /nhap-phieu: serial first, codes, routing and checks, idempotence, scope."""
import re
import uuid
from datetime import UTC, datetime

from sqlalchemy import func, insert, select

import forms
import forms.checking
from survey import db
from survey.entries import operations as entries
from survey.entries.models import PaperEntry
from survey.responses.models import Response
from tests.clock import START
from tests.surveyor.conftest import GOOD, JSON


def responses(session):
    session.expire_all()
    return list(session.scalars(select(Response).order_by(Response.id)))


def test_a_keyed_form_is_stored_and_a_blank_one_follows(session, paper_campaign, keyer):
    campaign = paper_campaign()
    lan = keyer()
    first_uuid = lan.blank_uuid(campaign)
    text = lan.text()
    assert text.index("Số phiếu") < text.index("Hài lòng chung")  # the serial comes first
    assert "1 Rất không hài lòng" in text and "9 Không biết / không áp dụng" in text
    assert "1 Có 2 Không" in text and "1 Biển chỉ dẫn 2 Cán bộ hướng dẫn 3 Tra cứu trực tuyến" in text
    sent = lan.key(campaign, "AG-0001", key=first_uuid)
    assert sent.status_code == 303 and f"luu={first_uuid}" in sent.location
    lan.get(sent.location)
    assert "Phiếu số AG-0001 đã lưu." in lan.text() and "Hôm nay bạn đã nhập 1 phiếu" in lan.text()
    assert re.search(r'name="uuid" value="([^"]+)"', lan.html).group(1) != first_uuid
    assert 'name="serial" value=""' in lan.html  # blank again, same campaign and unit
    [response] = responses(session)
    assert (response.status, response.channel, response.paper_serial, response.entered_by.username,
            str(response.uuid)) == ("submitted", "paper", "AG-0001", "lan", first_uuid)
    assert {a.question_key: a.value for a in response.answers} == {
        "overall": "4", "visited": "yes", "trips": "3", "helps": "signs online", "sex": "female"}


def test_a_keyed_form_checks_its_answers_once(session, paper_campaign, keyer, monkeypatch):
    checks = []
    real = forms.checking.find_problems

    def counted(*args, **kwargs):
        checks.append(1)
        return real(*args, **kwargs)
    monkeypatch.setattr(forms.checking, "find_problems", counted)  # check_answers finds them through it
    monkeypatch.setattr(forms, "find_problems", counted)
    campaign = paper_campaign()
    lan = keyer()
    uuid_ = lan.blank_uuid(campaign)
    checks.clear()
    assert lan.key(campaign, "C-1", key=uuid_).status_code == 303
    assert len(checks) == 1 and len(responses(session)) == 1


def test_the_serial_is_required_and_unique_in_the_campaign(session, paper_campaign, keyer):
    campaign = paper_campaign()
    lan = keyer()
    missing = lan.key(campaign, "", {**GOOD, "overall": "5"})
    assert missing.status_code == 422 and "Nhập số phiếu in trên phiếu giấy trước." in lan.text()
    assert 'name="overall" value="5"' in lan.html  # what was typed is kept
    assert lan.key(campaign, "A-1").status_code == 303
    taken = lan.key(campaign, "A-1")
    assert taken.status_code == 422 and "Phiếu số A-1 đã được nhập trong đợt khảo sát này." in lan.text()
    assert len(responses(session)) == 1


def test_routing_and_constraints_apply_while_keying(session, paper_campaign, keyer):
    campaign = paper_campaign()
    lan = keyer()
    skipped = lan.key(campaign, "B-1", {**GOOD, "visited": "2", "trips": "3"})
    assert skipped.status_code == 422
    assert "Câu này được bỏ qua theo các câu trả lời trước: để trống." in lan.text()
    assert 'href="#q-trips"' in lan.html and 'id="err-trips"' in lan.html
    lan.key(campaign, "B-1", {**GOOD, "trips": "99", "overall": "7", "sex": "1 2"})
    text = lan.text()
    assert "Từ 1 đến 50 lần" in text
    assert "“7” không phải mã của câu này (mã: 1, 2, 3, 4, 5, 9)." in text
    assert "“2” không phải mã của câu này" in text  # one option only for a select_one
    assert "Phiếu chưa lưu: sửa 3 chỗ dưới đây." in text
    lan.key(campaign, "B-1", {**GOOD, "overall": "", "visited": ""})
    assert lan.html.count("Vui lòng trả lời câu hỏi này.") == 4  # two fields, each in the summary too
    assert responses(session) == []
    assert lan.key(campaign, "B-1", {**GOOD, "overall": "2", "why": "chờ lâu", "visited": "2",
                                     "trips": ""}).status_code == 303
    assert {a.question_key: a.value for a in responses(session)[0].answers}["why"] == "chờ lâu"


def test_a_repeated_post_stores_nothing_twice(session, paper_campaign, keyer):
    campaign = paper_campaign()
    lan = keyer()
    key = lan.blank_uuid(campaign)
    first, again = lan.key(campaign, "C-1", key=key), lan.key(campaign, "C-1", key=key)
    assert first.status_code == again.status_code == 303 and first.location == again.location
    assert len(responses(session)) == 1
    assert session.scalar(select(func.count(PaperEntry.id))) == 1


def test_a_retry_racing_its_first_attempt_is_told_stored_not_serial_taken(session, paper_campaign, keyer,
                                                                        monkeypatch):
    """The retry of a form whose reply was lost looks its uuid up before the first attempt commits
    and the serial after: it is a duplicate (the offline queue would mark a stored form refused)."""
    campaign = paper_campaign()
    lan = keyer()
    key = str(uuid.uuid4())
    real_next_pass = entries.next_pass

    def first_attempt_commits_meanwhile(db_session, keyed):
        with db.engine().begin() as other:  # the first attempt, committed by another worker
            other.execute(insert(PaperEntry).values(
                uuid=keyed.uuid, campaign_id=keyed.campaign.id, unit_id=keyed.unit.id, serial=keyed.serial,
                pass_number=1, keyed_by_id=keyed.keyer.id, keyed_at=START, answers=GOOD))
        return real_next_pass(db_session, keyed)

    monkeypatch.setattr(entries, "next_pass", first_attempt_commits_meanwhile)
    retry = lan.key(campaign, "R-1", key=key, headers=JSON)
    assert retry.status_code == 200 and retry.json["status"] == "duplicate" and retry.json["uuid"] == key
    assert session.scalar(select(func.count(PaperEntry.id))) == 1


def test_the_json_contract_of_the_offline_queue(session, paper_campaign, keyer, app):
    campaign = paper_campaign()
    lan = keyer()
    key = str(uuid.uuid4())
    stored = lan.key(campaign, "D-1", key=key, headers=JSON)
    assert stored.status_code == 201 and stored.json == {
        "status": "stored", "uuid": key, "serial": "D-1", "pass": 1, "message": "Phiếu số D-1 đã lưu.",
        "unit": "Unit AG-LX", "time": "03:30", "state": "Đã lưu"}  # the row the page adds to the day's list
    again = lan.key(campaign, "D-1", key=key, headers=JSON)
    assert again.status_code == 200 and again.json["status"] == "duplicate" and again.json["uuid"] == key
    taken = lan.key(campaign, "D-1", key=str(uuid.uuid4()), headers=JSON)
    assert taken.status_code == 422 and taken.json["status"] == "invalid"
    assert {"field": "serial", "message": "Phiếu số D-1 đã được nhập trong đợt khảo sát này."} in taken.json["problems"]
    hidden = lan.key(campaign, "D-2", {**GOOD, "visited": "2"}, key=str(uuid.uuid4()), headers=JSON)
    assert [p["field"] for p in hidden.json["problems"]] == ["trips"]
    assert len(responses(session)) == 1


def test_queued_entries_get_a_fresh_csrf_token_and_json_refusals(session, paper_campaign, keyer, app):
    campaign = paper_campaign()
    lan = keyer()
    token = lan.client.get("/nhap-phieu/csrf", headers=JSON).json["csrf_token"]
    data = {"csrf_token": token, "uuid": str(uuid.uuid4()), "serial": "E-1", **GOOD}
    assert lan.client.post(lan.page_url(campaign), data=data, headers=JSON).status_code == 201
    bad = lan.client.post(lan.page_url(campaign), data={**data, "csrf_token": "x"}, headers=JSON)
    assert bad.status_code == 400 and bad.json["status"] == "error"
    no_uuid = lan.client.post(lan.page_url(campaign), data={**data, "uuid": "x"}, headers=JSON)
    assert no_uuid.status_code == 400
    stranger = app.test_client()  # a session that ended: its token is refused, then it is told to sign in
    assert stranger.post(lan.page_url(campaign), data=data, headers=JSON).status_code == 400
    out = stranger.get("/nhap-phieu/csrf", headers=JSON)
    assert out.status_code == 401 and out.json["status"] == "error"


def test_keyers_see_and_key_only_their_units(session, paper_campaign, keyer, make_unit):
    campaign = paper_campaign()
    other = keyer("minh", units=("AG-CD",))
    assert other.get(other.page_url(campaign, "AG-LX")).status_code == 403
    assert other.key(campaign, "F-1", unit="AG-CD").status_code == 303
    refused = other.post(other.page_url(campaign, "AG-LX"), {"uuid": str(uuid.uuid4()), "serial": "F-2", **GOOD})
    assert refused.status_code == 403
    other.get("/nhap-phieu")
    assert "/nhap-phieu/giay-2027/AG-CD" in other.html and "/nhap-phieu/giay-2027/AG-LX" not in other.html
    assert 'href="/in-phieu/giay-2027/AG-CD"' in other.html and "/in-phieu/giay-2027/AG-LX" not in other.html
    assert other.get("/in-phieu/giay-2027/AG-CD").status_code == 200
    assert other.get(other.page_url(campaign, "AG-XX")).status_code == 404
    assert len(responses(session)) == 1


def test_campaigns_without_paper_have_no_entry_page(session, paper_campaign, keyer):
    web_only = paper_campaign("chi-web", channels=("web",))
    lan = keyer()
    assert lan.get(lan.page_url(web_only)).status_code == 404
    lan.get("/nhap-phieu")
    assert "chi-web" not in lan.html


def test_supervisors_and_administrators_may_key_too(session, paper_campaign, keyer):
    campaign = paper_campaign()
    boss = keyer("hoa", role="admin", units=())
    assert boss.key(campaign, "G-1", unit="AG-CD").status_code == 303
    assert responses(session)[0].entered_by.username == "hoa"


def test_a_campaign_not_yet_open_takes_no_paper(session, paper_campaign, keyer, today):
    from datetime import timedelta

    campaign = paper_campaign()
    campaign.opens_on, campaign.closes_on = today + timedelta(days=2), today + timedelta(days=9)
    session.commit()
    lan = keyer()
    lan.get("/nhap-phieu")
    assert "giay-2027" not in lan.html
    refused = lan.key(campaign, "H-1", headers=JSON)
    assert refused.status_code == 422
    assert refused.json["problems"] == [
        {"field": "campaign", "message": "Đợt khảo sát giay-2027 không nhận phiếu giấy lúc này."}]
    lan.key(campaign, "H-1")
    assert 'href="#entry-form"' in lan.html


def test_the_count_of_today_starts_at_the_province_midnight(session, paper_campaign, keyer, clock_at):
    """At 03:30 in the province (20:30 UTC) its day began at 17:00 UTC: a form keyed at 16:59 UTC is
    yesterday's, those keyed after are today's."""
    campaign = paper_campaign()
    lan = keyer()
    for serial, hour, minute in (("AG-0001", 16, 59), ("AG-0002", 17, 1), ("AG-0003", 20, 29)):
        clock_at(datetime(2026, 11, 16, hour, minute, tzinfo=UTC))
        assert lan.key(campaign, serial).status_code == 303
    clock_at(START)
    lan.get(lan.page_url(campaign))
    assert "Hôm nay bạn đã nhập 2 phiếu của đợt này." in lan.text()
