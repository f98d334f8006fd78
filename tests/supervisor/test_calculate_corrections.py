"""A supervisor's correction of a keyed answer a calculate reads (issue 17): the calculate follows,
as a new response would store it; the calculate itself is not corrected by hand."""
import uuid

import pytest

from survey import clock
from survey.errors import InvalidInput
from survey.responses.operations import Submission, correct_answer, record_response
from tests.public.test_calculate_pages import CASCADE


@pytest.fixture
def keyed(session, make_campaign, make_unit, make_version, make_user):
    campaign = make_campaign("giay-tang", units=[make_unit("AG-LX")], channels=("paper",),
                             version=make_version(CASCADE))
    answers = {"age": "70", "region": "north", "pension": "yes", "province": "hn"}
    now = clock.now()
    response, _ = record_response(session, Submission(
        uuid=uuid.uuid4(), campaign=campaign, unit=campaign.units[0].unit, channel="paper", started_at=now,
        submitted_at=now, answers=answers, paper_serial="P-1"), clock.today())
    session.commit()
    return response, make_user("giam-sat", "supervisor")


def stored(response) -> dict[str, str]:
    return {answer.question_key: answer.value for answer in response.answers}


def test_a_corrected_age_recomputes_the_calculate(session, keyed):
    response, actor = keyed
    correct_answer(session, response, actor, "pension", "", "ô trống trên phiếu")
    correct_answer(session, response, actor, "age", "35", "đọc nhầm phiếu")
    session.commit()
    assert stored(response)["older"] == "no" and stored(response)["age"] == "35"


def test_a_calculate_is_not_corrected_by_hand(session, keyed):
    response, actor = keyed
    with pytest.raises(InvalidInput) as refused:
        correct_answer(session, response, actor, "older", "no", "sửa")
    assert [problem.field for problem in refused.value.problems] == ["key"]
    session.rollback()
    assert stored(response)["older"] == "yes"
