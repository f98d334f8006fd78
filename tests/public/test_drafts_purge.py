from datetime import timedelta

from sqlalchemy import func, select

from survey.responses.models import Draft
from tests.clock import TODAY


def drafts(session) -> int:
    return session.scalar(select(func.count()).select_from(Draft))


def test_purge_deletes_drafts_of_closed_campaigns_only(cli, respondent, three_pages, session):
    respondent.start("/k/ba-trang/AG-LX")
    assert drafts(session) == 1
    assert cli("drafts", "purge").output == "deleted 0 unfinished response(s) of closed campaigns\n"
    three_pages.opens_on, three_pages.closes_on = TODAY - timedelta(days=40), TODAY - timedelta(days=1)
    session.commit()
    assert cli("drafts", "purge").output == "deleted 1 unfinished response(s) of closed campaigns\n"
    assert drafts(session) == 0
