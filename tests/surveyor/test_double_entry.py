"""Double entry: two keyers per serial, agreement verifies, differences go to a supervisor who
reconciles them at /doi-chieu; only agreed or reconciled forms become (verified) responses."""
import re
import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from survey.db import utcnow
from survey.entries.models import EntryDiscrepancy, PaperEntry
from survey.responses.models import Response, ResponseChange
from tests.surveyor.conftest import GOOD, JSON


def responses(session):
    session.expire_all()
    return list(session.scalars(select(Response).order_by(Response.id)))


@pytest.fixture
def stack(paper_campaign, keyer):
    """A double-entry campaign, two keyers of AG-LX and a supervisor of AG-LX."""
    campaign = paper_campaign(double_entry=True)
    return campaign, keyer("lan"), keyer("minh"), keyer("hoa", role="supervisor")


def test_agreeing_entries_by_two_keyers_make_a_verified_response(session, stack):
    campaign, lan, minh, _ = stack
    first = lan.key(campaign, "S-1")
    lan.get(first.location)
    assert "Phiếu số S-1 đã lưu (lần nhập 1); chờ người thứ hai nhập lại." in lan.text()
    assert responses(session) == []  # one entry is not a response yet
    second = minh.key(campaign, "S-1")
    minh.get(second.location)
    assert "hai lần nhập khớp nhau, phiếu đã được xác nhận" in minh.text()
    [response] = responses(session)
    assert (response.status, response.paper_serial, response.entered_by.username) == ("verified", "S-1", "lan")
    entries = session.scalars(select(PaperEntry).order_by(PaperEntry.pass_number)).all()
    assert [(e.pass_number, e.keyed_by.username, e.response_id) for e in entries] == [
        (1, "lan", response.id), (2, "minh", response.id)]


def test_the_same_keyer_cannot_key_a_serial_twice(session, stack):
    campaign, lan, _, _ = stack
    lan.key(campaign, "S-2")
    again = lan.key(campaign, "S-2", headers=JSON, key=str(uuid.uuid4()))
    assert again.status_code == 422
    assert again.json["problems"][0] == {
        "field": "serial", "message": "Bạn đã nhập phiếu số S-2; lần nhập thứ hai phải do người khác thực hiện."}


def test_the_database_refuses_a_second_pass_by_the_first_keyer(session, stack):
    campaign, lan, _, _ = stack
    lan.key(campaign, "S-3")
    first = session.scalar(select(PaperEntry))
    session.add(PaperEntry(uuid=uuid.uuid4(), campaign_id=campaign.id, unit_id=first.unit_id, serial="S-3",
                           pass_number=2, keyed_by_id=first.keyed_by_id, keyed_at=utcnow(), answers={}))
    with pytest.raises(IntegrityError):
        session.flush()


def test_a_third_entry_of_a_serial_is_refused(session, stack, keyer):
    campaign, lan, minh, _ = stack
    lan.key(campaign, "S-4"), minh.key(campaign, "S-4")
    third = keyer("tuan").key(campaign, "S-4", headers=JSON)
    assert third.status_code == 422 and third.json["problems"][0]["field"] == "serial"


def test_a_discrepancy_is_reconciled_by_a_supervisor(session, stack, keyer):
    campaign, lan, minh, hoa = stack
    lan.key(campaign, "S-5")
    differs = minh.key(campaign, "S-5", {**GOOD, "overall": "5", "helps": "1"})
    minh.get(differs.location)
    assert "2 câu khác lần nhập 1, chờ giám sát viên đối chiếu" in minh.text()
    assert responses(session) == []  # not verified, not counted, until reconciled
    far = keyer("xa", role="supervisor", units=("AG-CD",))
    far.get("/doi-chieu")
    assert "S-5" not in far.text() and far.get("/doi-chieu/giay-2027/S-5").status_code == 403
    hoa.get("/doi-chieu")
    assert "S-5" in hoa.text()
    hoa.get("/doi-chieu/giay-2027/S-5")
    text = hoa.text()
    assert "Phiếu số S-5" in text
    assert "Giá trị 1 (lan): 4 Hài lòng" in text and "Giá trị 2 (minh): 5 Rất hài lòng" in text
    assert "Giá trị 1 (lan): 1 Biển chỉ dẫn; 3 Tra cứu trực tuyến" in text
    undecided = hoa.post("/doi-chieu/giay-2027/S-5", {"choice-overall": "second"})
    assert undecided.status_code == 422 and "Chọn giá trị 1, giá trị 2 hoặc nhập giá trị đúng." in hoa.text()
    assert responses(session) == []
    done = hoa.post("/doi-chieu/giay-2027/S-5", {"choice-overall": "second", "choice-helps": "corrected",
                                                 "value-helps": "2 1"})
    assert done.status_code == 200 and "Phiếu số S-5 đã được đối chiếu và xác nhận." in hoa.text()
    [response] = responses(session)
    answers = {a.question_key: a.value for a in response.answers}
    assert response.status == "verified" and (answers["overall"], answers["helps"]) == ("5", "signs staff")
    decisions = {d.question_key: d for d in session.scalars(select(EntryDiscrepancy))}
    assert [(d.first_value, d.second_value, d.choice, d.chosen_value, d.decided_by.username)
            for d in (decisions["overall"], decisions["helps"])] == [
        ("4", "5", "second", "5", "hoa"), ("signs online", "signs", "corrected", "signs staff", "hoa")]
    verified_by = session.scalar(select(ResponseChange).where(ResponseChange.new_value == "verified"))
    assert verified_by.actor.username == "hoa"
    hoa.get("/doi-chieu")
    assert "Không có phiếu nào cần đối chiếu." in hoa.text()


def test_a_reconciliation_that_breaks_the_routing_is_refused(session, stack):
    campaign, lan, minh, hoa = stack
    lan.key(campaign, "S-6")
    minh.key(campaign, "S-6", {**GOOD, "trips": "4"})
    refused = hoa.post("/doi-chieu/giay-2027/S-6", {"choice-trips": "corrected", "value-trips": "70"})
    assert refused.status_code == 422 and "Từ 1 đến 50 lần" in hoa.text()
    assert responses(session) == []
    assert hoa.post("/doi-chieu/giay-2027/S-6", {"choice-trips": "first"}).status_code == 200
    assert {a.question_key: a.value for a in responses(session)[0].answers}["trips"] == "3"


def test_the_differences_are_listed_in_the_order_of_the_questionnaire(session, stack):
    campaign, lan, minh, hoa = stack
    lan.key(campaign, "S-8")
    minh.key(campaign, "S-8", {**GOOD, "overall": "5", "helps": "1", "sex": "1"})  # stored as helps, overall, sex
    hoa.get("/doi-chieu/giay-2027/S-8")
    assert re.findall(r'<fieldset class="discrepancy" id="d-(\w+)"', hoa.html) == ["overall", "helps", "sex"]


def test_keyers_may_not_reconcile(session, stack):
    campaign, lan, minh, _ = stack
    lan.key(campaign, "S-7"), minh.key(campaign, "S-7", {**GOOD, "sex": "1"})
    assert lan.get("/doi-chieu").status_code == 403
    assert lan.post("/doi-chieu/giay-2027/S-7", {"choice-sex": "first"}).status_code == 403


def test_serials_written_with_a_slash_are_reconciled_too(session, stack):
    campaign, lan, minh, hoa = stack
    lan.key(campaign, "12/2027")
    minh.key(campaign, "12/2027", {**GOOD, "sex": "1"})
    hoa.get("/doi-chieu")
    assert 'href="/doi-chieu/giay-2027/12/2027"' in hoa.html
    assert hoa.post("/doi-chieu/giay-2027/12/2027", {"choice-sex": "second"}).status_code == 200
    assert [(r.paper_serial, r.status) for r in responses(session)] == [("12/2027", "verified")]
