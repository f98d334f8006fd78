"""The keyer's own forms of the day on the entry page: the province's day, local times, states in
words; and the reconciliation's decisions at the province's time."""
import re
from datetime import UTC, datetime

from tests.clock import START
from tests.surveyor.conftest import GOOD


def today_rows(keyer) -> list[list[str]]:
    """The rows of the day's table as the page shows them: serial, unit, time, state."""
    table = re.search(r'<table class="queue" id="entry-today".*?<tbody>(.*?)</tbody>', keyer.html, re.S).group(1)
    return [[re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)]


def test_the_keyer_sees_own_forms_of_the_province_day_with_local_times(session, paper_campaign, keyer, clock_at):
    """At 03:30 in the province (20:30 UTC) its day began at 17:00 UTC, 00:00 local time."""
    campaign = paper_campaign()
    lan, minh = keyer(), keyer("minh")
    for serial, hour, minute, unit in (("AG-0001", 16, 59, "AG-LX"), ("AG-0002", 17, 1, "AG-LX"),
                                       ("AG-0003", 20, 29, "AG-LX")):
        clock_at(datetime(2026, 11, 16, hour, minute, tzinfo=UTC))
        assert lan.key(campaign, serial, unit=unit).status_code == 303
    assert minh.key(campaign, "AG-0004").status_code == 303  # someone else's form is not in lan's list
    clock_at(START)
    lan.get(lan.page_url(campaign))
    assert today_rows(lan) == [["AG-0003", "Unit AG-LX", "03:29", "Đã lưu"],
                               ["AG-0002", "Unit AG-LX", "00:01", "Đã lưu"]]
    assert "Hôm nay bạn đã nhập 2 phiếu của đợt này." in lan.text()


def test_an_empty_day_hides_the_table(session, paper_campaign, keyer):
    campaign = paper_campaign()
    lan = keyer()
    lan.get(lan.page_url(campaign))
    assert today_rows(lan) == [] and 'id="entry-today" hidden' in lan.html
    assert "Hôm nay bạn đã nhập 0 phiếu của đợt này." in lan.text()


def test_double_entry_states_are_said_in_words(session, paper_campaign, keyer):
    campaign = paper_campaign(double_entry=True)
    lan, minh = keyer(), keyer("minh")
    for serial in ("S-1", "S-2", "S-3"):
        lan.key(campaign, serial)
    minh.key(campaign, "S-2")
    minh.key(campaign, "S-3", {**GOOD, "sex": "1"})
    lan.get(lan.page_url(campaign))
    assert today_rows(lan) == [["S-3", "Unit AG-LX", "03:30", "Khác lần nhập 1, chờ giám sát viên đối chiếu"],
                               ["S-2", "Unit AG-LX", "03:30", "Đã xác nhận"],
                               ["S-1", "Unit AG-LX", "03:30", "Chờ người thứ hai nhập lại"]]
    minh.get(minh.page_url(campaign) + "?lang=en")
    assert [row[3] for row in today_rows(minh)] == ["Differs from the first entry, waiting for a supervisor",
                                                    "Verified"]


def test_a_reconciled_decision_shows_the_province_time(session, paper_campaign, keyer):
    campaign = paper_campaign(double_entry=True)
    lan, minh, hoa = keyer(), keyer("minh"), keyer("hoa", role="supervisor")
    lan.key(campaign, "S-9")
    minh.key(campaign, "S-9", {**GOOD, "sex": "1"})
    assert hoa.post("/doi-chieu/giay-2027/S-9", {"choice-sex": "first"}).status_code == 200
    assert "Đã quyết định: hoa, 17/11/2026 03:30" in hoa.text()  # 20:30 UTC on the 16th
