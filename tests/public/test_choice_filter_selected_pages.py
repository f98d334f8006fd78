"""A choice_filter over what an earlier select_multiple ticked, on the citizen's pages (issue 17):
the page offers only the ticked grains and their brands, and a send that names another is refused
with the keyed message, nothing stored."""
import pytest

from survey.responses.models import Response
from tests.forms.test_choice_filter_selected import GRAINS

NOT_FITTING = "Lựa chọn này không phù hợp với các câu trả lời trước."


@pytest.fixture
def grains(make_version, make_campaign, make_unit, session):
    campaign = make_campaign("ngu-coc", units=[make_unit("AG-LX")], channels=("web", "paper"),
                             version=make_version(GRAINS))
    session.commit()
    return campaign


def test_the_citizen_page_offers_only_the_ticked_grains_and_refuses_another(respondent, grains, session):
    respondent.start("/k/ngu-coc/AG-LX")
    respondent.answer({"grains": ["rice", "wheat"]})
    html = respondent.html
    assert 'value="rice"' in html and 'value="wheat"' in html and 'value="maize"' not in html
    assert 'value="st25"' in html and 'value="meizan"' in html and 'value="lvn10"' not in html
    respondent.answer({"favourite": "maize", "brand": "st25"}, action="send")
    assert respondent.status == 422 and NOT_FITTING in respondent.html
    assert session.query(Response).count() == 0
    respondent.answer({"favourite": "wheat", "brand": "meizan"}, action="send")
    stored = {a.question_key: a.value for a in session.query(Response).one().answers}
    assert stored == {"grains": "rice wheat", "favourite": "wheat", "brand": "meizan"}

