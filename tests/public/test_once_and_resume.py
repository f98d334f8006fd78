"""Exactly-once sending, paradata on the response, and coming back with the resume code or cookie."""
from datetime import timedelta

from sqlalchemy import func, select

from survey.responses.models import Draft, Response
from tests.clock import TODAY
from tests.public.conftest import Respondent

ANDROID = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile Safari/537.36"
IPAD = "Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Safari/604.1"


def answer_all(respondent: Respondent, url: str = "/k/ba-trang/AG-LX") -> None:
    respondent.start(url)
    respondent.answer({"visited": "yes", "visits": "3"})
    respondent.answer({"overall": "4"})
    respondent.answer({"sex": "male"})


def responses(session) -> int:
    return session.scalar(select(func.count()).select_from(Response))


def test_a_resent_review_page_stores_one_response_and_shows_the_same_thanks(respondent, three_pages, session):
    answer_all(respondent)
    review_fields, review_html = respondent.form_fields(), respondent.html
    respondent.send()
    thanks = respondent.url
    respondent.html = review_html  # the browser's back button, then Send again
    respondent.post(f"/phieu/{review_fields['_uuid']}/gui", review_fields)
    assert respondent.url == thanks and "Cảm ơn" in respondent.html
    assert responses(session) == 1


def test_a_page_of_a_sent_response_leads_to_its_thanks(respondent, three_pages, session):
    answer_all(respondent)
    respondent.send()
    respondent.get(f"/phieu/{respondent.uuid}/trang/about")
    assert respondent.url.endswith("/cam-on")
    respondent.get("/k/ba-trang/AG-LX")
    assert "Bắt đầu" in respondent.html  # the cookie no longer points at a draft: a new survey may start


def test_a_start_form_sent_again_after_sending_leads_to_the_thanks(respondent, three_pages, session):
    respondent.get("/k/ba-trang/AG-LX")
    start_fields = respondent.form_fields()
    respondent.post("/k/ba-trang/AG-LX", start_fields)
    respondent.answer({"visited": "no"})
    respondent.answer({})
    respondent.send()
    respondent.post("/k/ba-trang/AG-LX", start_fields)
    assert respondent.url.endswith("/cam-on")
    assert responses(session) == 1 and session.scalar(select(func.count()).select_from(Draft)) == 0


def test_paradata_times_device_channel_and_language_no_address(client, three_pages, session):
    respondent = Respondent(client)
    client.environ_base["HTTP_USER_AGENT"] = ANDROID
    answer_all(respondent, "/k/ba-trang/AG-LX?lang=en")
    respondent.send()
    response = session.scalar(select(Response))
    assert response.device_class == "phone" and response.language == "en" and response.channel == "web"
    assert set(response.page_seconds) == {"screen", "rating", "about"}
    assert all(isinstance(seconds, int) and seconds >= 0 for seconds in response.page_seconds.values())
    assert response.submitted_at >= response.started_at
    assert len(response.device_hash) == 32
    columns = {c.name for c in Response.__table__.columns}
    assert not {"ip", "ip_address", "remote_addr"} & columns


def test_device_classes_from_the_user_agent():
    from survey.public.device import device_class

    assert device_class(ANDROID) == "phone"
    assert device_class(IPAD) == "tablet"
    engine = "AppleWebKit/537.36 Chrome/120 Safari/537.36"
    assert device_class(f"Mozilla/5.0 (Linux; Android 13; SM-X200) {engine}") == "tablet"
    assert device_class(f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) {engine}") == "desktop"
    assert device_class("") == "desktop"


def test_the_resume_code_on_every_page_brings_a_new_browser_back(app, respondent, three_pages, session):
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "yes", "visits": "2"})
    code = respondent.resume_code
    assert len(code) == 9 and code[4] == "-"
    other = Respondent(app.test_client())
    other.get("/tiep-tuc")
    other.post("/tiep-tuc", {**other.form_fields(), "code": code.lower().replace("-", " ")})
    assert other.url.endswith("/trang/rating") and "Trang 2/3" in other.html
    other.answer({"overall": "3"}, action="back")
    assert 'value="2"' in other.html  # the first page's answers came back too


def test_the_cookie_brings_the_respondent_back_to_the_page_left(respondent, three_pages):
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "yes"})
    respondent.get("/")
    assert "Tiếp tục phiếu đang làm dở" in respondent.html
    respondent.get("/k/ba-trang/AG-LX")
    assert respondent.url.endswith("/trang/rating")


def test_an_unknown_or_closed_resume_code_is_refused_clearly(respondent, three_pages, session):
    respondent.get("/tiep-tuc")
    response = respondent.post("/tiep-tuc", {**respondent.form_fields(), "code": "ZZZZ-ZZZZ"})
    assert response.status_code == 404 and "Không tìm thấy phiếu với mã này" in respondent.html
    assert 'aria-describedby="code-error"' in respondent.html
    respondent.start("/k/ba-trang/AG-LX")
    code, page = respondent.resume_code, respondent.url
    three_pages.opens_on, three_pages.closes_on = TODAY - timedelta(days=9), TODAY - timedelta(days=1)
    session.commit()
    respondent.get("/tiep-tuc")
    assert respondent.post("/tiep-tuc", {**respondent.form_fields(), "code": code}).status_code == 404
    assert respondent.get(page).status_code == 410 and "Đợt khảo sát đã kết thúc" in respondent.html


def test_resume_codes_use_an_unambiguous_alphabet(three_pages, session):
    from survey.responses.drafts import CODE_ALPHABET, new_resume_code

    assert not set("01OIL") & set(CODE_ALPHABET)
    codes = {new_resume_code(session) for _ in range(50)}
    assert all(len(code) == 8 and set(code) <= set(CODE_ALPHABET) for code in codes)
