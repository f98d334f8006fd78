"""A questionnaire with a repeat (a household roster, issue 17) on the keyer's page: the questions
outside the repeat are keyed and stored; the repeat's are not keyed on this page (it says so), so
a keyed form is not refused for the boxes the page does not have."""
import pytest

from survey.responses.models import Response
from tests.public.test_repeat_pages import ROSTER


@pytest.fixture
def roster(session, make_campaign, make_unit, make_version):
    campaign = make_campaign("giay-ho", units=[make_unit("AG-LX")], channels=("paper",), version=make_version(ROSTER))
    session.commit()
    return campaign


def test_the_questions_outside_the_repeat_are_keyed_and_stored(keyer, roster, session):
    lan = keyer()
    lan.get(lan.page_url(roster))
    assert 'name="visit_rating"' in lan.html and 'name="member_name"' not in lan.html
    assert "Thành viên" in lan.text() and "chưa nhập được trên trang này" in lan.text()
    assert lan.key(roster, "H-1", {"visit_rating": "4", "members_told": "3", "comment": "Tốt"}).status_code == 303
    stored = {(a.question_key, a.instance): a.value for a in session.query(Response).one().answers}
    assert stored == {("visit_rating", 0): "4", ("members_told", 0): "3", ("comment", 0): "Tốt"}
