"""A choice_filter over what an earlier select_multiple ticked, on the keyer's page (issue 17):
a code the ticks do not keep is refused with the keyed message, and the refused page lists only
the codes that fit."""
import pytest

from survey.responses.models import Response
from tests.forms.test_choice_filter_selected import GRAINS
from tests.public.test_choice_filter_selected_pages import NOT_FITTING


@pytest.fixture
def grains(make_version, make_campaign, make_unit, session):
    campaign = make_campaign("giay-ngu-coc", units=[make_unit("AG-LX")], channels=("paper",),
                             version=make_version(GRAINS))
    session.commit()
    return campaign


def test_the_keyer_page_refuses_a_code_the_ticks_do_not_keep_and_lists_theirs(keyer, grains, session):
    lan = keyer()
    refused = lan.key(grains, "G-1", {"grains": "1 3", "favourite": "2", "brand": "1"})
    assert refused.status_code == 422 and session.query(Response).count() == 0
    row = lan.html.split('id="row-favourite"')[1].split("</div>")[0]
    assert NOT_FITTING in row and "Gạo" in row and "Lúa mì" in row and "Ngô" not in row
    assert lan.key(grains, "G-2", {"grains": "1 3", "favourite": "3", "brand": "1 3"}).status_code == 303
    stored = {a.question_key: a.value for a in session.query(Response).one().answers}
    assert stored == {"grains": "rice wheat", "favourite": "wheat", "brand": "st25 meizan"}
