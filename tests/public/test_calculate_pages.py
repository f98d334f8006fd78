"""A calculate and a cascading select on the citizen's pages, without JavaScript (issue 17)."""
import pytest

from survey.responses.models import Response

CASCADE = """
form: {id: cascade, title: {vi: "Tầng", en: Cascade}, languages: [vi, en]}
choices:
  region:
    - {value: north, label: {vi: "Bắc", en: North}}
    - {value: south, label: {vi: "Nam", en: South}}
  province:
    - {value: hn, label: {vi: "Hà Nội", en: Hanoi}, columns: {region: north}}
    - {value: ag, label: {vi: "An Giang", en: An Giang}, columns: {region: south}}
sections:
  - name: first
    title: {vi: "Một", en: One}
    questions:
      - {name: age, type: integer, required: true, label: {vi: "Tuổi", en: Age}}
      - {name: older, type: calculate, label: {vi: "Cao tuổi", en: Older}, calculation: "if(age >= 60, 'yes', 'no')"}
      - {name: region, type: select_one, choices: region, required: true, label: {vi: "Miền", en: Region}}
  - name: second
    title: {vi: "Hai", en: Two}
    questions:
      - {name: pension, type: yes_no, relevant: "older = 'yes'", label: {vi: "Lương hưu?", en: "Pension?"}}
      - {name: province, type: select_one, choices: province, choice_filter: "choice('region') = region",
         label: {vi: "Tỉnh ở miền ${region}", en: "Province in the ${region}"}}
"""


@pytest.fixture
def cascade(make_version, make_campaign, make_unit, session):
    campaign = make_campaign("tang", units=[make_unit("AG-LX")], version=make_version(CASCADE))
    session.commit()
    return campaign


def second_page(respondent, age: str):
    respondent.start("/k/tang/AG-LX")
    respondent.answer({"age": age, "region": "north"})
    return respondent.html


def test_the_calculate_decides_what_is_asked_and_the_filter_what_is_offered(respondent, cascade):
    html = second_page(respondent, "30")
    assert 'name="older"' not in html
    assert "Tỉnh ở miền Bắc" in html and 'value="hn"' in html and 'value="ag"' not in html
    assert 'data-q="pension"' in html and 'name="pension"' in html.split('data-q="pension"')[1][:400]
    assert ' hidden disabled' in html.split('data-q="pension"')[1][:80]


def test_an_inconsistent_cascade_is_refused_on_send_and_the_calculate_is_stored(respondent, cascade, session):
    second_page(respondent, "70")
    respondent.answer({"pension": "yes", "province": "ag"}, action="send")
    assert respondent.status == 422 and "Lựa chọn này không phù hợp với các câu trả lời trước." in respondent.html
    respondent.answer({"pension": "yes", "province": "hn"}, action="send")
    stored = session.query(Response).one().answers
    assert {a.question_key: a.value for a in stored} == {
        "age": "70", "older": "yes", "region": "north", "pension": "yes", "province": "hn"}
