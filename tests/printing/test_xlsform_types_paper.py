"""XLSForm's extra types on the printed questionnaire (issue 17): a rank lists its options and a
box per place, a geopoint a line for 'latitude, longitude', a range boxes, an acknowledge code 1."""
import pytest

from tests.printing.conftest import codes, copies, questions, text
from tests.surveyor.test_xlsform_types_entry import EXTRAS


@pytest.fixture
def extras_campaign(make_version, make_campaign, make_unit, session):
    campaign = make_campaign("giay-them", units=[make_unit("AG-LX")], channels=("paper",),
                             version=make_version(EXTRAS))
    session.commit()
    return campaign


def test_the_extra_types_are_printed_to_be_answered_by_hand(extras_campaign, signed_in):
    browser = signed_in("surveyor", units=["AG-LX"])
    assert browser.get("/in-phieu/giay-them/AG-LX").status_code == 200
    [copy] = copies(browser.html)
    printed = questions(copy)
    assert list(printed) == ["ok", "place", "score", "order"]
    assert codes(printed["ok"]) == ["1"] and "1 Tôi xác nhận" in text(printed["ok"])
    assert "vĩ độ, kinh độ" in text(printed["place"])
    assert printed["score"].count('class="box"') == 6
    assert codes(printed["order"]) == ["1", "2", "3"] and printed["order"].count('class="box"') == 3
    assert "Ghi mã của mọi phương án theo thứ tự ưu tiên" in text(printed["order"])
