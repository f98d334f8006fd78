"""The work of a citizen's page (issue 19): the skip logic and calculates pass once over each set
of answers a request asks about, however many of its steps ask."""
from tests.forms.test_resolving_once import passes  # noqa: F401 (fixture)
from tests.public.conftest import forget_csrf_token


def test_a_page_save_passes_once_over_the_draft_and_once_with_the_page(respondent, three_pages, passes):
    """The draft's answers say which pages there are; with the page's answers they are checked,
    tell what the page hides and reveals, what is stored and which page is next."""
    respondent.start("/k/ba-trang/AG-LX")
    passes.clear()
    forget_csrf_token()
    data = {**respondent.form_fields(), "visited": "yes", "visits": "3", "_action": "next"}
    reply = respondent.client.post(respondent.url, data=data)
    assert reply.status_code == 302 and reply.location.endswith("/trang/rating")
    assert passes == [{}, {"visited": "yes", "visits": "3"}]


def test_a_page_shown_passes_once_over_the_draft(respondent, three_pages, passes):
    """Which pages there are, the page's number, its questions, rules, piping and summary."""
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "yes", "visits": "3"})
    passes.clear()
    respondent.get(respondent.url)
    assert respondent.status == 200
    assert passes == [{"visited": "yes", "visits": "3"}]
