"""XLSForm's extra types on the citizen's pages, without JavaScript (issue 17): acknowledge,
geopoint typed as 'lat lon', a range as buttons, a rank as a drop-down per place, a minimal
select as a drop-down, or_other's text; the metadata the form declares recorded on send."""
import re

import pytest

from survey import clock
from survey.responses.models import Response

EXTRAS = """
form:
  id: extras
  title: {vi: "Thử", en: Try}
  languages: [vi, en]
  metadata: {started: start, sent: end, day: today, device: deviceid, keyer: username}
choices:
  fruit:
    - {value: a, label: {vi: "Táo", en: Apple}}
    - {value: b, label: {vi: "Chuối", en: Banana}}
    - {value: c, label: {vi: "Cam", en: Orange}}
sections:
  - name: first
    title: {vi: "Một", en: One}
    questions:
      - {name: ok, type: acknowledge, required: true, label: {vi: "Tôi đồng ý tham gia", en: "I agree"}}
      - {name: place, type: geopoint, label: {vi: "Vị trí", en: Place}}
      - {name: score, type: range, appearance: likert, parameters: {start: 0, end: 10, step: 2},
         label: {vi: "Điểm", en: Score}}
      - {name: order, type: rank, choices: fruit, label: {vi: "Xếp hạng", en: Rank}}
      - {name: pick, type: select_one, choices: fruit, appearance: minimal, label: {vi: "Chọn", en: Pick}}
      - {name: many, type: select_multiple, choices: fruit, appearance: horizontal, label: {vi: "Nhiều", en: Many}}
"""
GOOD = {"ok": "OK", "place": "10,38 105,43", "score": "4", "order": ["c", "a", "b"], "pick": "b", "many": ["a", "c"]}


@pytest.fixture
def extras(make_version, make_campaign, make_unit, session):
    campaign = make_campaign("them", units=[make_unit("AG-LX")], version=make_version(EXTRAS))
    session.commit()
    return campaign


def test_the_page_draws_each_type_with_plain_html(respondent, extras):
    respondent.start("/k/them/AG-LX")
    html = respondent.html
    assert re.search(r'<input type="checkbox" id="ok-0" name="ok" value="OK"', html)
    assert re.search(r'<input[^>]*name="place"[^>]*placeholder="10.38 105.43"', html) or \
        re.search(r'<input[^>]*placeholder="10.38 105.43"[^>]*name="place"', html)
    assert 'class="options range across likert"' in html
    assert re.findall(r'name="score" value="(\d+)"', html) == ["0", "2", "4", "6", "8", "10"]
    assert len(re.findall(r'<select id="order-\d" name="order"', html)) == 3
    assert '<select class="field" id="pick-0" name="pick"' in html
    assert 'class="options select_multiple across"' in html


def test_bad_answers_are_refused_by_question_and_nothing_kept(respondent, extras, session):
    respondent.start("/k/them/AG-LX")
    respondent.answer({**GOOD, "ok": "", "place": "91 200", "score": "5", "order": ["c", "c", ""]})
    assert respondent.status == 422
    for message in ("Vui lòng trả lời câu hỏi này.", "vĩ độ (từ -90 đến 90)", "Vui lòng chọn một giá trị trong thang",
                    "Vui lòng xếp hạng mỗi lựa chọn đúng một lần."):
        assert message in respondent.html
    assert 'href="#order-0"' in respondent.html and 'href="#ok-0"' in respondent.html
    assert session.query(Response).count() == 0


def test_good_answers_are_stored_with_the_metadata(respondent, extras, session):
    respondent.start("/k/them/AG-LX")
    respondent.answer(GOOD)
    assert respondent.status == 200
    respondent.send()
    response = session.query(Response).one()
    stored = {a.question_key: a.value for a in response.answers}
    assert {k: stored[k] for k in GOOD} == {
        "ok": "OK", "place": "10.38 105.43", "score": "4", "order": "c a b", "pick": "b", "many": "a c"}
    assert stored["started"].startswith(response.started_at.strftime("%Y-%m-%dT%H:%M:%S"))
    assert stored["sent"].startswith(response.submitted_at.strftime("%Y-%m-%dT%H:%M:%S"))
    assert stored["day"] == response.submitted_at.astimezone(clock.zone()).date().isoformat()
    assert stored["device"] == response.device_hash and "keyer" not in stored


def test_metadata_cannot_be_sent_by_a_client(make_submission, extras, session):
    from survey.errors import InvalidInput
    from survey.responses.operations import record_response

    with pytest.raises(InvalidInput) as refused:
        record_response(session, make_submission(extras, {"ok": "OK", "device": "forged"}), clock.today())
    assert "answers.device" in str(refused.value.problems) or "device" in str(refused.value)
