"""A repeat (a household roster, issue 17) on the citizen's pages without JavaScript: 'add another'
and 'remove' post the page, each instance is checked on its own, the send stores every instance."""
import re
from pathlib import Path

import pytest

from survey.responses.models import Draft, Response

ROSTER = (Path(__file__).parents[1] / "forms" / "household_roster.yaml").read_text(encoding="utf-8")


@pytest.fixture
def roster(make_version, make_campaign, make_unit, session):
    campaign = make_campaign("ho", units=[make_unit("AG-LX")], version=make_version(ROSTER))
    session.commit()
    return campaign


def count(html: str) -> str:
    return re.search(r'name="_count" value="(\d+)"', html).group(1)


def to_roster(respondent):
    respondent.start("/k/ho/AG-LX")
    respondent.answer({"visit_rating": "4", "members_told": "3"})
    assert respondent.url.endswith("/trang/member") and count(respondent.html) == "1"


def test_instances_are_added_removed_checked_and_sent(respondent, roster, session):
    to_roster(respondent)
    respondent.answer({"member_name-1": "Lan", "member_age-1": "41"}, action="add", _count="1")
    assert count(respondent.html) == "2" and "Lan</textarea>" in respondent.html
    respondent.answer({"member_name-1": "Lan", "member_age-1": "41", "member_name-2": "Bỏ"}, action="add", _count="2")
    respondent.answer({"member_name-1": "Lan", "member_age-1": "41", "member_name-2": "Bỏ", "member_name-3": "Minh",
                       "member_age-3": "12"}, action="remove-2", _count="3")
    assert count(respondent.html) == "2" and "Bỏ" not in respondent.html and "Minh</textarea>" in respondent.html
    assert "Tuổi của Minh" in respondent.html  # ${member_name} reads its own instance
    respondent.answer({"member_name-1": "Lan", "member_age-1": "41", "member_name-2": "Minh", "member_age-2": "130"},
                      _count="2")
    assert respondent.status == 422 and "Câu trả lời không hợp lệ." in respondent.html
    fixed = {"member_name-1": "Lan", "member_age-1": "41", "member_name-2": "Minh", "member_age-2": "12"}
    respondent.answer(fixed, _count="2")  # the age under 18 reveals at_school: the page again, with it
    assert respondent.url.endswith("/trang/member") and 'name="at_school-2"' in respondent.html
    assert ' hidden disabled' not in respondent.html.split('data-q="at_school-2"')[1][:40]
    respondent.answer({**fixed, "at_school-2": "yes"}, _count="2")
    assert respondent.url.endswith("/trang/closing")
    respondent.answer({"comment": "Tốt"}, action="send")
    stored = session.query(Response).one().answers
    assert sorted((a.question_key, a.instance, a.value) for a in stored if a.instance) == [
        ("adult", 1, "yes"), ("adult", 2, "no"), ("at_school", 2, "yes"), ("member_age", 1, "41"),
        ("member_age", 2, "12"), ("member_name", 1, "Lan"), ("member_name", 2, "Minh")]


def test_a_required_question_is_asked_in_each_instance_and_a_blank_one_left_out(respondent, roster):
    to_roster(respondent)
    respondent.answer({"member_name-1": "Lan"}, action="add", _count="1")
    respondent.answer({"member_name-1": "Lan", "member_age-2": "30"}, _count="2")
    assert respondent.status == 422 and 'id="member_name-2-error"' in respondent.html
    respondent.answer({"member_name-1": "Lan"}, _count="2")
    assert respondent.url.endswith("/trang/closing")


@pytest.mark.parametrize("posted", [{"_count": "9"}, {"_count": "x"}, {"_count": "1", "member_name-2": "Lạ"},
                                    {"_count": "²"}, {"_count": "9" * 25}, {"_count": ""},
                                    {"_count": "1", "action": "remove-²"}, {"_count": "1", "action": "remove-0"},
                                    {"_count": "1", "action": "remove-" + "9" * 25}])
def test_a_page_that_was_not_shown_is_refused(respondent, roster, posted):
    to_roster(respondent)
    respondent.answer({"member_name-1": "Lan"}, **posted)
    assert respondent.status == 400


def test_the_review_lists_each_instance_and_links_a_problem_to_the_repeat_page(respondent, roster, session):
    to_roster(respondent)
    respondent.answer({"member_name-1": "Lan", "member_age-1": "41"}, action="add", _count="1")
    respondent.answer({"member_name-1": "Lan", "member_age-1": "41", "member_name-2": "Minh", "member_age-2": "9"},
                      _count="2")
    respondent.answer({"member_name-1": "Lan", "member_age-1": "41", "member_name-2": "Minh", "member_age-2": "9",
                       "at_school-2": "yes"}, _count="2")
    respondent.answer({"comment": "Tốt"}, action="review")
    assert "Họ tên – thứ 2" in respondent.html and "Minh" in respondent.html
    draft = session.get(Draft, respondent.uuid_value)
    draft.answers = {**draft.answers, "member_name[2]": None}  # as an older page could have left it
    session.commit()
    respondent.get(respondent.url)
    link = re.search(r'<li><a href="([^"]+)">Họ tên – thứ 2 — Vui lòng trả lời câu hỏi này.</a>', respondent.html)
    assert link and "/trang/member" in link.group(1)


def test_the_repeat_page_opened_from_the_review_leads_back_to_it(respondent, roster):
    to_roster(respondent)
    respondent.answer({"member_name-1": "Lan", "member_age-1": "41"}, _count="1")
    respondent.answer({"comment": "Tốt"}, action="review")
    respondent.get(f"/phieu/{respondent.uuid}/trang/member?from=xem-lai")
    respondent.answer({"member_name-1": "Lan", "member_age-1": "40"}, _count="1")
    assert respondent.url.endswith("/xem-lai") and "40" in respondent.html


def test_a_required_question_an_answer_reveals_is_shown_before_it_is_checked(respondent, make_version,
                                                                            make_campaign, make_unit, session):
    required = ROSTER.replace("{name: at_school, type: yes_no,", "{name: at_school, type: yes_no, required: true,")
    make_campaign("ho", units=[make_unit("AG-LX")], version=make_version(required))
    session.commit()
    to_roster(respondent)
    respondent.answer({"member_name-1": "Minh", "member_age-1": "12"}, _count="1")
    assert respondent.status == 200 and 'name="at_school-1"' in respondent.html
    assert 'id="at_school-1-error"' not in respondent.html
    respondent.answer({"member_name-1": "Minh", "member_age-1": "12"}, _count="1")
    assert respondent.status == 422 and 'id="at_school-1-error"' in respondent.html


def test_back_keeps_only_the_answers_that_passed_their_checks(respondent, roster, session):
    to_roster(respondent)
    respondent.answer({"member_name-1": "Lan", "member_age-1": "130", "at_school-1": "yes"}, action="back", _count="1")
    assert respondent.url.endswith("/trang/household")
    answers = session.get(Draft, respondent.uuid_value).answers
    assert answers.get("member_name[1]") == "Lan" and answers.get("member_age[1]") is None
    assert answers.get("at_school[1]") is None  # not asked: no age under 18


def test_a_revealed_question_says_no_error_yet_beside_an_error_in_one_seen_before(respondent, make_version,
                                                                                  make_campaign, make_unit, session):
    required = ROSTER.replace("{name: at_school, type: yes_no,", "{name: at_school, type: yes_no, required: true,")
    make_campaign("ho", units=[make_unit("AG-LX")], version=make_version(required))
    session.commit()
    to_roster(respondent)
    respondent.answer({"member_age-1": "12"}, _count="1")  # the name left out; the age reveals at_school
    assert respondent.status == 422 and 'id="member_name-1-error"' in respondent.html
    assert 'name="at_school-1"' in respondent.html and 'id="at_school-1-error"' not in respondent.html
    assert 'href="#member_name-1"' in respondent.html and 'href="#at_school-1' not in respondent.html  # the box


def test_a_count_of_more_digits_than_int_reads_is_refused(respondent, roster):
    to_roster(respondent)
    respondent.answer({"member_name-1": "Lan"}, _count="9" * 5000)
    assert respondent.status == 400
