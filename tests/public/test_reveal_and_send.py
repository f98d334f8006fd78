"""Questions revealed in place (no reload with JavaScript, an anchored GET without), sending from the
last page, and Back never sending again."""
import html
import json
import re

from sqlalchemy import func, select

from survey.responses.models import Draft, Response


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_a_revealed_question_is_fetched_again_anchored_and_without_an_error(respondent, three_pages, session):
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "yes"})
    fields = {**respondent.form_fields(), "overall": "1", "_action": "next"}
    posted = respondent.client.post(respondent.url, data=fields)
    assert posted.status_code == 302
    assert posted.location.endswith(f"/phieu/{respondent.uuid}/trang/rating?hien=why#why-label")
    assert session.get(Draft, respondent.uuid_value).answers["overall"] == "1"
    page = respondent.get(posted.location.split("#")[0]).get_data(as_text=True)
    assert 'class="q revealed" data-q="why"' in page and 'id="why-error"' not in page
    assert 'name="_shown" value="overall why"' in page


def test_the_page_carries_its_skip_logic_for_the_script(respondent, three_pages):
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "yes"})
    rules = json.loads(html.unescape(re.search(r'data-rules="([^"]+)"', respondent.html).group(1)))
    assert rules["rules"] == {"why": ["bin", "<=", ["name", "overall"], ["num", "2"]]}
    assert rules["types"] == {"overall": "satisfaction", "why": "text"} and rules["order"] == ["overall", "why"]
    assert 'src="/static/relevance.js' in respondent.html


def test_the_script_may_show_a_question_and_the_server_still_checks_it(respondent, three_pages):
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "yes"})
    respondent.answer({"overall": "1"}, _shown="overall why")  # the script showed 'why' as it was tapped
    assert respondent.status == 422 and 'id="why-error"' in respondent.html


def last_page(respondent):
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "yes", "visits": "3"})
    respondent.answer({"overall": "4"})


def test_the_last_page_sends_with_a_summary_and_a_way_to_review(respondent, three_pages, session):
    last_page(respondent)
    assert "Gửi phiếu" in respondent.html and "Đây là trang cuối" in respondent.html
    assert "đã trả lời 3 câu hỏi trên 3 trang" in respondent.html
    respondent.answer({"sex": "female", "home": "AG-CD"}, action="send")
    assert respondent.url.endswith("/cam-on") and "Cảm ơn ông/bà!" in respondent.html
    stored = session.scalars(select(Response)).one()
    assert {a.question_key: a.value for a in stored.answers}["sex"] == "female"
    assert count(session, Draft) == 0


def test_back_after_sending_shows_the_sent_state_and_a_second_send_stores_nothing(respondent, three_pages, session):
    last_page(respondent)
    page_url, fields = respondent.url, respondent.form_fields()
    respondent.answer({"sex": "female"}, action="send")
    again = respondent.client.get(page_url)
    assert again.status_code == 302 and again.location.endswith("/cam-on")
    resent = respondent.client.post(page_url, data={**fields, "sex": "male", "_action": "send"})
    assert resent.status_code == 302 and resent.location.endswith("/cam-on")
    assert respondent.client.get(resent.location).status_code == 200
    assert count(session, Response) == 1


def test_review_from_the_last_page_saves_and_sends_nothing(respondent, three_pages, session):
    last_page(respondent)
    respondent.answer({"sex": "male"}, action="review")
    assert respondent.url.endswith("/xem-lai") and "Nam" in respondent.html
    assert count(session, Response) == 0


def test_a_send_with_answers_missing_elsewhere_lands_on_the_review_listing_them(respondent, three_pages, session):
    last_page(respondent)
    draft = session.get(Draft, respondent.uuid_value)
    draft.answers = {key: value for key, value in draft.answers.items() if key != "overall"}
    session.commit()
    respondent.answer({"sex": "male"}, action="send")
    assert respondent.url.endswith("/xem-lai") and "Chưa gửi được" in respondent.html
    assert count(session, Response) == 0


def test_send_from_a_page_that_is_not_the_last_only_goes_on(respondent, three_pages, session):
    respondent.start("/k/ba-trang/AG-LX")
    respondent.answer({"visited": "yes", "visits": "3"}, action="send")
    assert respondent.url.endswith("/trang/rating") and count(session, Response) == 0


def test_survey_pages_are_never_kept_in_a_cache(respondent, three_pages):
    respondent.start("/k/ba-trang/AG-LX")
    assert respondent.client.get(respondent.url).headers["Cache-Control"] == "no-store"
