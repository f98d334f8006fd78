"""A repeat (a household roster, issue 17) on the printed questionnaire: its questions once per
blank instance, each block titled with its number (at most the repeat's own maximum)."""
import re

import pytest

from tests.printing.conftest import copies
from tests.public.test_repeat_pages import ROSTER


@pytest.fixture
def roster_campaign(make_version, make_campaign, make_unit, session):
    make_campaign("giay-ho", units=[make_unit("AG-LX")], channels=("paper",),
                  version=make_version(ROSTER.replace("repeat_max: 8", "repeat_max: 3")))
    session.commit()


def test_the_repeat_is_printed_once_per_blank_instance(roster_campaign, signed_in):
    browser = signed_in("surveyor", units=["AG-LX"])
    assert browser.get("/in-phieu/giay-ho/AG-LX?lang=vi").status_code == 200
    [copy] = copies(browser.html)
    titles = re.findall(r"<h2>([^<]+)</h2>", copy)
    assert titles == ["Thông tin hộ", "Thành viên – thứ 1", "Thành viên – thứ 2", "Thành viên – thứ 3", "Kết thúc"]
    assert copy.count("Quan hệ với chủ hộ") == 3
