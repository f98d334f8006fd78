"""A questionnaire with a repeat (a household roster, issue 17) on the keyer's page: the repeat's
questions once per instance printed on paper (a block each, the paper's numbers), keyed and stored
with their instance; an instance's problem is shown at its own box."""
import pytest

from survey.responses.models import Response
from tests.public.test_repeat_pages import ROSTER


@pytest.fixture
def roster(session, make_campaign, make_unit, make_version):
    campaign = make_campaign("giay-ho", units=[make_unit("AG-LX")], channels=("paper",),
                             version=make_version(ROSTER.replace("repeat_max: 8", "repeat_max: 3")))
    session.commit()
    return campaign


def test_each_printed_instance_is_keyed_and_stored_with_its_number(keyer, roster, session):
    lan = keyer()
    lan.get(lan.page_url(roster))
    assert [f'name="member_name-{n}"' in lan.html for n in (1, 2, 3, 4)] == [True, True, True, False]
    assert "Thành viên – thứ 2" in lan.text()
    typed = {"visit_rating": "4", "members_told": "2", "member_name-1": "Lan", "relation-1": "1",
             "member_age-1": "41", "member_name-2": "Minh", "member_age-2": "12", "at_school-2": "1"}
    assert lan.key(roster, "H-1", typed).status_code == 303
    stored = {(a.question_key, a.instance): a.value for a in session.query(Response).one().answers}
    assert stored[("member_name", 2)] == "Minh" and stored[("relation", 1)] == "head"
    assert stored[("at_school", 2)] == "yes" and stored[("adult", 1)] == "yes" and ("member_name", 3) not in stored


def test_an_instance_s_problem_is_shown_at_its_box(keyer, roster, session):
    lan = keyer()
    refused = lan.key(roster, "H-2", {"visit_rating": "4", "member_name-1": "Lan", "member_age-2": "130"})
    assert refused.status_code == 422 and session.query(Response).count() == 0
    assert "Vui lòng trả lời câu hỏi này." in lan.html.split('id="row-member_name-2"')[1].split("</div>")[0]
    assert "Câu trả lời không hợp lệ." in lan.html.split('id="row-member_age-2"')[1].split("</div>")[0]


@pytest.fixture
def keyed_twice(keyer, session, make_campaign, make_unit, make_version):
    """``keyed_twice(slug, serial, typed, changed)``: a double-entry campaign of the roster whose form
    ``serial`` lan keys as ``typed`` and minh with ``changed``; hoa, a supervisor, reconciles it."""
    def key(slug: str, serial: str, typed: dict, changed: dict):
        campaign = make_campaign(slug, units=[make_unit("AG-LX")], channels=("paper",), double_entry=True,
                                 version=make_version(ROSTER.replace("repeat_max: 8", "repeat_max: 3")))
        session.commit()
        keyer("lan").key(campaign, serial, typed)
        keyer("minh").key(campaign, serial, {**typed, **changed})
        return keyer("hoa", role="supervisor")
    return key


def test_two_keyings_differing_in_an_instance_are_reconciled_by_its_key(keyed_twice, session):
    typed = {"visit_rating": "4", "member_name-1": "Lan", "member_age-1": "41", "member_name-2": "Minh",
             "member_age-2": "21"}
    hoa = keyed_twice("giay-ho-2", "H-3", typed, {"member_age-2": "12", "at_school-2": "1"})
    assert hoa.get("/doi-chieu/giay-ho-2/H-3").status_code == 200
    assert "Giá trị 1 (lan): 21" in hoa.text() and "Giá trị 2 (minh): 12" in hoa.text()
    done = hoa.post("/doi-chieu/giay-ho-2/H-3", {"choice-member_age[2]": "second", "choice-at_school[2]": "second"})
    assert done.status_code == 200, hoa.text()
    stored = {(a.question_key, a.instance): a.value for a in session.query(Response).one().answers}
    assert (stored[("member_age", 2)], stored[("at_school", 2)], stored[("adult", 2)]) == ("12", "yes", "no")


def test_a_corrected_value_that_is_no_code_is_refused_at_each_instance_s_box(keyed_twice):
    typed = {"visit_rating": "4", "member_name-1": "Lan", "relation-1": "1", "member_name-2": "Minh",
             "relation-2": "2"}
    hoa = keyed_twice("giay-ho-3", "H-4", typed, {"relation-1": "2", "relation-2": "3"})
    refused = hoa.post("/doi-chieu/giay-ho-3/H-4", {"choice-relation[1]": "corrected", "value-relation[1]": "7",
                                                     "choice-relation[2]": "corrected", "value-relation[2]": "8"})
    assert refused.status_code == 422
    for n, code in ((1, "7"), (2, "8")):
        box = hoa.html.split(f'id="d-relation[{n}]"')[1].split("</fieldset>")[0]
        assert code in box.split('class="error"')[1].split("</p>")[0]
