"""The web survey page by page: start, skip logic, errors, Back/Next, review, send."""
import re
from datetime import timedelta

from sqlalchemy import func, select

from survey.responses.models import Draft, Response


def test_landing_links_each_unit_of_an_open_web_campaign(client, three_pages):
    page = client.get("/").get_data(as_text=True)
    assert 'href="/k/ba-trang/AG-LX"' in page and 'href="/k/ba-trang/AG-CD"' in page
    assert "Châu Đốc" in page


def test_open_link_shows_the_start_page_and_writes_nothing(client, three_pages, session):
    page = client.get("/k/ba-trang/AG-LX")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Phiếu ba trang" in html and "Long Xuyên" in html and "Bắt đầu" in html
    assert session.scalar(select(func.count()).select_from(Draft)) == 0


def test_start_creates_one_draft_even_when_tapped_twice(respondent, three_pages, session):
    respondent.get("/k/ba-trang/AG-LX")
    fields = respondent.form_fields()
    respondent.post("/k/ba-trang/AG-LX", fields)
    first = respondent.url
    respondent.client.post("/k/ba-trang/AG-LX", data=fields)
    assert first.endswith("/trang/screen")
    assert session.scalar(select(func.count()).select_from(Draft)) == 1
    assert "Trang 1/3" in respondent.html and "Xin chào" in respondent.html


def test_progress_counts_only_the_pages_shown(respondent, three_pages):
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "no"})
    assert respondent.url.endswith("/trang/about") and "Trang 2/2" in respondent.html


def test_a_page_with_errors_is_shown_again_with_them_next_to_each_question(respondent, three_pages):
    respondent.start("/k/ba-trang/AG-LX")
    response = respondent.answer({"visits": "99"})
    html = respondent.html
    assert response.status_code == 422 and respondent.url.endswith("/trang/screen")
    assert 'role="alert"' in html and 'href="#visited-0"' in html and 'href="#visits"' in html
    assert 'id="visits-error"' in html and "Từ 1 đến 50 lần" in html
    assert 'aria-describedby="visits-error"' in html and 'aria-describedby="visited-error"' in html
    assert 'value="99"' in html  # what was typed is kept


def test_an_answer_that_reveals_a_question_shows_the_page_again(respondent, three_pages, session):
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "yes"})
    assert re.search(r'<fieldset class="q" data-q="why" hidden disabled>', respondent.html)
    respondent.answer({"overall": "1"})
    assert respondent.status == 200 and respondent.url.endswith("/trang/rating")
    assert '<fieldset class="q revealed" data-q="why">' in respondent.html and "mở thêm câu hỏi" in respondent.html
    assert 'role="alert"' not in respondent.html and 'class="error"' not in respondent.html
    respondent.answer({"overall": "1", "why": "Chờ lâu"})
    assert respondent.url.endswith("/trang/about")


def test_back_keeps_the_answers_and_returns_to_the_previous_page(respondent, three_pages):
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "yes", "visits": "2"})
    respondent.answer({"overall": "4"}, action="back")
    assert respondent.url.endswith("/trang/screen") and 'value="2"' in respondent.html
    respondent.answer({"visited": "yes", "visits": "2"})
    assert 'value="4" checked' in respondent.html


def test_a_skipped_page_cannot_be_opened_by_its_url(respondent, three_pages):
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "no"})
    key = respondent.uuid
    respondent.get(f"/phieu/{key}/trang/rating")
    assert respondent.url.endswith("/trang/about")


def test_review_lists_the_answers_in_words_with_links_to_change_each_page(respondent, three_pages):
    complete(respondent)
    html = respondent.html
    assert respondent.url.endswith("/xem-lai")
    assert "Xem lại câu trả lời" in html and "Hài lòng" in html and "Nữ" in html and "Châu Đốc" in html
    assert f'href="/phieu/{respondent.uuid}/trang/rating?from=xem-lai"' in html


def test_changing_a_page_from_the_review_comes_back_to_the_review(respondent, three_pages):
    complete(respondent)
    respondent.get(f"/phieu/{respondent.uuid}/trang/rating?from=xem-lai")
    respondent.answer({"overall": "5"})
    assert respondent.url.endswith("/xem-lai") and "Rất hài lòng" in respondent.html


def test_sending_stores_one_response_and_deletes_the_draft(respondent, three_pages, session):
    complete(respondent)
    respondent.send()
    assert respondent.url.endswith("/cam-on") and "Cảm ơn ông/bà!" in respondent.html
    response = session.scalar(select(Response))
    assert {a.question_key: a.value for a in response.answers} == {
        "visited": "yes", "visits": "3", "overall": "4", "sex": "female", "home": "AG-CD"}
    assert response.channel == "web" and str(response.uuid) == respondent.uuid
    assert session.scalar(select(func.count()).select_from(Draft)) == 0


def test_answers_left_on_a_path_not_taken_are_not_stored(respondent, three_pages, session):
    complete(respondent)
    respondent.get(f"/phieu/{respondent.uuid}/trang/screen?from=xem-lai")
    respondent.answer({"visited": "no"})
    assert "Hài lòng chung" not in respondent.html
    respondent.send()
    stored = {a.question_key: a.value for a in session.scalars(select(Response)).one().answers}
    assert stored == {"visited": "no", "visits": "3", "sex": "female", "home": "AG-CD"}


def test_closed_and_scheduled_campaigns_and_unknown_links_get_clear_pages(client, make_campaign, make_unit, today):
    make_campaign("da-xong", opens_on=today - timedelta(days=30), closes_on=today - timedelta(days=1))
    make_campaign("sap-mo", opens_on=today + timedelta(days=3), closes_on=today + timedelta(days=30))
    make_campaign("giay", channels=("paper",))
    closed = client.get("/k/da-xong/AG-LX")
    assert closed.status_code == 410 and "Đợt khảo sát đã kết thúc" in closed.get_data(as_text=True)
    later = client.get("/k/sap-mo/AG-LX")
    assert later.status_code == 403 and "chưa bắt đầu" in later.get_data(as_text=True)
    for url in ("/k/giay/AG-LX", "/k/khong-co/AG-LX", "/k/da-xong/KHONG"):
        page = client.get(url)
        assert page.status_code == 404 and "Không tìm thấy đường dẫn" in page.get_data(as_text=True)


def complete(respondent):
    """Answer the three-page form up to its review page."""
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "yes", "visits": "3"})
    respondent.answer({"overall": "4"})
    respondent.answer({"sex": "female", "home": "AG-CD"})
