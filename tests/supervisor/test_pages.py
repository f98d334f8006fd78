"""The supervisor pages through the test client: progress, flags, one response and its review,
corrections, the exclusion log; who may open them and which units they see."""
import re

import pytest
from limits import parse
from sqlalchemy import select

from survey import clock
from survey.errors import InvalidInput
from survey.public.limits import limit_words
from survey.responses.models import Answer, Exclusion, Response, ResponseChange
from survey.responses.screening import log_exclusion, said
from survey.supervisor.views import read_filters
from tests.results.conftest import SIPAS, empty_sipas_campaign, sipas_campaign  # noqa: F401 (fixtures)
from tests.supervisor.conftest import VARIED, signed_in


@pytest.fixture
def lx_supervisor(app, make_user):
    return signed_in(app, make_user, "giam-sat-lx", "supervisor", units=["AG-LX"])


@pytest.fixture
def admin(app, make_user):
    return signed_in(app, make_user, "quan-tri", "admin")


def cells(html: str, caption_row: str) -> list[str]:
    """The cells of the table row whose header is `caption_row`."""
    row = re.search(rf"<tr><th scope=\"row\">{re.escape(caption_row)}</th>(.*?)</tr>", html, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


def test_progress_page_tables_and_charts(campaign, respond, admin):
    respond("AG-LX", VARIED | {"sex": "female"}, status="verified")
    respond("AG-LX", VARIED | {"sex": "female"}, channel="paper")
    respond("AG-CD", status="rejected")
    page = admin.get("/giam-sat/giam-sat")
    assert page.status_code == 200
    assert cells(admin.html, "Long Xuyên") == ["10", "2", "1", "0", "0", "20 %", "8"]
    assert cells(admin.html, "Châu Đốc") == ["5", "0", "0", "1", "0", "0 %", "5"]
    assert cells(admin.html, "Tổng") == ["15", "2", "1", "1", "0", "13 %", "13"]
    assert "Giới tính: Nữ" in admin.html and "Giới tính: Nam" in admin.html  # labels, never "sex = male"
    assert "sex = " not in admin.html
    assert admin.html.count("<svg") == 2 and admin.html.count("<rect class=\"target\"") == 2
    assert "Phiếu giấy" in admin.text() and "Chờ duyệt" not in admin.text()


def test_the_progress_charts_mark_today_s_expectation_and_label_their_axis(campaign, respond, admin):
    """The campaign opened 20 days ago and closes in 30: 21 of its 51 days are gone by today."""
    respond("AG-LX"), respond("AG-LX", days_ago=2), respond("AG-CD", channel="paper")
    admin.get("/giam-sat/giam-sat")
    assert admin.html.count('<line class="expected"') == 2
    text = admin.text()
    assert "2/10 · dự kiến 4" in text and "1/5 · dự kiến 2" in text and "Dự kiến đến hôm nay" in text
    ticks = re.findall(r'<text class="tick"[^>]*>(\d+)</text>', admin.html)
    assert ticks == ["0", "1", "2"] and "Trục dọc: số phiếu trong ngày" in text


def test_screened_out_responses_apart_and_the_achieved_margin_flagged_in_words(campaign, respond, admin, session):
    campaign.units[1].quota = 2  # Châu Đốc: 2 of N_h 1000, reached
    session.commit()
    respond("AG-LX")
    respond("AG-LX", {"sex": "male"})  # screened out: rated nothing
    respond("AG-CD")
    respond("AG-CD")
    admin.get("/giam-sat/giam-sat")
    assert cells(admin.html, "Long Xuyên") == ["10", "1", "0", "0", "1", "10 %", "9"]
    achieved = admin.html[admin.html.index('id="achieved"'):]
    # planned 1.96 * sqrt(0.25 / 10 * 990 / 999) = 1.96 * 0.1574 = 30,8 %; 1 of 1000: 1.96 * sqrt(0.25) = 98,0 %;
    # Châu Đốc 1.96 * sqrt(0.25 / 2 * 998 / 999) = 1.96 * 0.35338 = 69,3 %
    assert cells(achieved, "Châu Đốc") == ["1000", "2", "2", "69,3 %", "69,3 %", "Đạt kế hoạch"]
    lx = re.search(r'<tr class="misses"><th scope="row">Long Xuyên</th>(.*?)</tr>', achieved, re.S).group(1)
    assert "30,8 %" in lx and "98,0 %" in lx and "Chưa đạt kế hoạch" in lx
    admin.get("/giam-sat/giam-sat?lang=en")
    assert "Misses the plan" in admin.text() and "30.8 %" in admin.html


def test_a_supervisor_sees_their_units_only(campaign, respond, lx_supervisor):
    other = respond("AG-CD")
    lx_supervisor.get("/giam-sat/giam-sat")
    assert "Long Xuyên" in lx_supervisor.html and "Châu Đốc" not in lx_supervisor.html
    assert lx_supervisor.get(f"/giam-sat/phieu/{other.id}").status_code == 403
    assert lx_supervisor.post(f"/giam-sat/phieu/{other.id}/duyet", {"action": "verify"}).status_code == 403
    assert lx_supervisor.post(f"/giam-sat/phieu/{other.id}/sua",
                              {"key": "hl_2", "value": "5", "reason": "x"}).status_code == 403
    assert other.status == "submitted"
    assert lx_supervisor.get("/giam-sat/giam-sat/chat-luong?don_vi=AG-CD").status_code == 400


def test_a_campaign_outside_the_units_is_refused(app, make_user, campaign, make_unit):
    make_unit("AG-TS", name="Tịnh Biên")
    browser = signed_in(app, make_user, "giam-sat-ts", "supervisor", units=["AG-TS"])
    assert browser.get("/giam-sat/").status_code == 200 and 'href="/giam-sat/giam-sat"' not in browser.html
    assert browser.get("/giam-sat/giam-sat").status_code == 403
    assert browser.get("/giam-sat/giam-sat/chat-luong").status_code == 403
    assert browser.get("/giam-sat/khong-co").status_code == 404


@pytest.mark.parametrize("role", ["analyst", "surveyor"])
def test_analysts_and_surveyors_may_not_review(app, make_user, campaign, respond, role):
    response = respond()
    browser = signed_in(app, make_user, "khach", role)
    assert browser.post(f"/giam-sat/phieu/{response.id}/duyet", {"action": "verify"}).status_code == 403
    assert browser.get(f"/giam-sat/phieu/{response.id}").status_code == 403
    assert response.status == "submitted"


def test_flag_list_filters_and_links(campaign, respond, admin):
    short = respond("AG-LX", seconds=30)
    burst = respond("AG-CD", flag="burst_unit", status="verified")
    respond("AG-LX")
    admin.get("/giam-sat/giam-sat/chat-luong")
    assert "2 phiếu có cảnh báo" in admin.text()
    assert f'href="/giam-sat/phieu/{short.id}"' in admin.html and f'href="/giam-sat/phieu/{burst.id}"' in admin.html
    assert "30 giây, dưới ngưỡng 60 giây" in admin.text()
    admin.get("/giam-sat/giam-sat/chat-luong?loi=burst_unit&trang_thai=verified&don_vi=AG-CD")
    assert "1 phiếu có cảnh báo" in admin.text() and f"/giam-sat/phieu/{burst.id}" in admin.html
    admin.get("/giam-sat/giam-sat/chat-luong?loi=too_short&don_vi=AG-CD")
    assert "0 phiếu có cảnh báo" in admin.text()
    assert admin.get("/giam-sat/giam-sat/chat-luong?loi=khong-co").status_code == 400


def test_next_flagged_walks_the_quality_list_in_its_order_with_its_filters(campaign, respond, admin):
    oldest, _, newest = respond("AG-LX", seconds=30, days_ago=2), respond("AG-LX"), respond("AG-LX", seconds=20)
    burst = respond("AG-CD", flag="burst_unit", days_ago=1)
    admin.get("/giam-sat/giam-sat/chat-luong")
    assert re.findall(r'href="/giam-sat/phieu/(\d+)"', admin.html) == [str(r.id) for r in (newest, burst, oldest)]
    admin.get(f"/giam-sat/phieu/{newest.id}")
    assert re.search(r'href="/giam-sat/phieu/(\d+)" rel="next"', admin.html).group(1) == str(burst.id)
    admin.get(f"/giam-sat/phieu/{oldest.id}")
    assert 'rel="next"' not in admin.html and "Đây là phiếu có cảnh báo cuối cùng trong danh sách." in admin.text()
    admin.get("/giam-sat/giam-sat/chat-luong?loi=too_short")
    assert f'href="/giam-sat/phieu/{newest.id}?loi=too_short"' in admin.html
    admin.get(f"/giam-sat/phieu/{newest.id}?loi=too_short")  # the burst is not on this list
    assert f'href="/giam-sat/phieu/{oldest.id}?loi=too_short" rel="next"' in admin.html
    reviewed = admin.post(f"/giam-sat/phieu/{newest.id}/duyet?loi=too_short", {"action": "verify"})
    assert reviewed.headers["Location"] == f"/giam-sat/phieu/{newest.id}?done=reviewed&loi=too_short"


def test_the_response_page_shows_answers_paradata_flags(campaign, respond, admin):
    response = respond(channel="paper", serial="A-0012", seconds=100)
    respond(channel="paper", serial="a-0 12")
    admin.get(f"/giam-sat/phieu/{response.id}")
    text = admin.text()
    assert "Mức hài lòng hl_2" in text and "Không hài lòng" in text and "Nam" in text
    assert "A-0012" in text and "Phiếu giấy" in text and "Chờ duyệt" in text
    assert "Trùng số phiếu giấy" in text and "Chưa có thay đổi nào." in text


def test_reject_needs_a_reason_then_the_history_shows_old_and_new(session, campaign, respond, lx_supervisor):
    response = respond()
    url = f"/giam-sat/phieu/{response.id}"
    assert lx_supervisor.post(url + "/duyet", {"action": "reject", "reason": " "}).status_code == 400
    assert "Lý do: bắt buộc phải nhập" in lx_supervisor.text()
    assert session.query(ResponseChange).count() == 0
    sent = lx_supervisor.post(url + "/duyet", {"action": "reject", "reason": "Trả lời hộ người khác"})
    assert sent.status_code == 302 and sent.location.endswith(url + "?done=reviewed")
    lx_supervisor.get(url)
    assert "Bị loại" in lx_supervisor.text() and "Trả lời hộ người khác" in lx_supervisor.text()
    assert "giam-sat-lx Trạng thái Chờ duyệt → Bị loại Trả lời hộ người khác" in lx_supervisor.text()
    assert lx_supervisor.post(url + "/duyet", {"action": "verify"}).status_code == 400  # rejected: reopen first
    assert lx_supervisor.post(url + "/duyet", {"action": "reopen"}).status_code == 302
    assert lx_supervisor.post(url + "/duyet", {"action": "verify"}).status_code == 302
    session.expire_all()
    assert [(c.old_value, c.new_value) for c in session.query(ResponseChange).order_by(ResponseChange.id)] == [
        ("submitted", "rejected"), ("rejected", "submitted"), ("submitted", "verified")]
    assert lx_supervisor.post(url + "/duyet", {"action": "khong-co"}).status_code == 400


def test_correcting_a_keyed_answer_from_the_page(session, campaign, respond, lx_supervisor):
    response = respond(channel="paper")
    url = f"/giam-sat/phieu/{response.id}"
    assert lx_supervisor.post(url + "/sua", {"key": "visits", "value": "99", "reason": "sửa"}).status_code == 400
    assert "visits" in lx_supervisor.text()
    assert lx_supervisor.post(url + "/sua", {"key": "visits", "value": "3", "reason": ""}).status_code == 400
    assert lx_supervisor.post(url + "/sua", {"key": "visits", "value": "3", "reason": "đọc nhầm"}).status_code == 302
    lx_supervisor.get(url)
    assert "visits 2 → 3 đọc nhầm" in lx_supervisor.text()
    web = respond()
    lx_supervisor.get(f"/giam-sat/phieu/{web.id}")
    assert "Phiếu này không sửa được" in lx_supervisor.text()
    assert lx_supervisor.post(f"/giam-sat/phieu/{web.id}/sua",
                              {"key": "visits", "value": "3", "reason": "x"}).status_code == 400


def test_the_exclusion_log_is_scoped_filtered_and_paged(session, campaign, respond, lx_supervisor, admin, monkeypatch):
    lx, cd = (next(t.unit_id for t in campaign.units if t.unit.code == code) for code in ("AG-LX", "AG-CD"))
    flagged = respond("AG-LX", flag="burst_device")
    now = clock.now()
    log_exclusion(session, "burst_device", said("detail_burst_device", count=4, minutes=60), now,
                  campaign_id=campaign.id, unit_id=lx, response_id=flagged.id)
    log_exclusion(session, "rate_limited", said("detail_rate_limited", action=said("action_submit"),
                                                limit=limit_words(parse("5 per hour"))),
                  now, campaign_id=campaign.id, unit_id=lx)
    logged_as_text(session, "limit on Châu Đốc", campaign_id=campaign.id, unit_id=cd)
    logged_as_text(session, "no unit known")
    session.commit()
    lx_supervisor.get("/giam-sat/nhat-ky-loai-tru")
    text = lx_supervisor.text()
    assert "Ít nhất 4 phiếu từ một thiết bị trong 60 phút" in text and "Gửi phiếu: vượt giới hạn 5 lần mỗi giờ" in text
    assert "Châu Đốc" not in text.split("Lý do")[-1] and "no unit known" not in text
    assert f"/giam-sat/phieu/{flagged.id}" in lx_supervisor.html
    lx_supervisor.get("/giam-sat/nhat-ky-loai-tru?ly_do=burst_device&dot=giam-sat")
    assert "5 lần mỗi giờ" not in lx_supervisor.text() and "Ít nhất 4 phiếu" in lx_supervisor.text()
    assert lx_supervisor.get("/giam-sat/nhat-ky-loai-tru?don_vi=AG-CD").status_code == 400
    admin.get("/giam-sat/nhat-ky-loai-tru")
    assert "no unit known" in admin.text() and "limit on Châu Đốc" in admin.text()
    monkeypatch.setattr("survey.supervisor.views.EXCLUSIONS_PAGE", 3)
    admin.get("/giam-sat/nhat-ky-loai-tru")
    older = re.search(r'href="(/giam-sat/nhat-ky-loai-tru\?truoc=\d+)"', admin.html).group(1)
    assert "Ít nhất 4 phiếu" not in admin.text()
    admin.get(older)
    assert "Ít nhất 4 phiếu" in admin.text() and "no unit known" not in admin.text()
    assert admin.get("/giam-sat/nhat-ky-loai-tru?truoc=" + "9" * 40).status_code == 200  # no column holds it


def logged_as_text(session, text, **ids):
    """An entry logged before details were stored as data: English text, kept as history."""
    session.add(Exclusion(at=clock.now(), reason="rate_limited", detail=text, **ids))


def test_the_exclusion_log_says_its_details_in_the_readers_language(session, campaign, admin):
    for limit in ("10 per hour", "20 per 15 minutes"):
        log_exclusion(session, "rate_limited", said("detail_rate_limited", action=said("action_resume"),
                                                    limit=limit_words(parse(limit))), clock.now())
    log_exclusion(session, "burst_unit", said("detail_burst_unit", count=31, minutes=10), clock.now())
    session.commit()
    admin.get("/giam-sat/nhat-ky-loai-tru")
    text = admin.text()
    assert "Tiếp tục phiếu bằng mã: vượt giới hạn 10 lần mỗi giờ" in text and "20 lần mỗi 15 phút" in text
    assert "Ít nhất 31 phiếu qua web cho đơn vị này trong 10 phút" in text
    assert not re.search(r"\b(per|at least|responses|within|minutes|over the limit|resum\w*)\b", text, re.I)
    admin.get("/giam-sat/nhat-ky-loai-tru?lang=en")
    text = admin.text()
    assert "Resuming a survey with its code: over the limit of 10 per hour" in text and "20 per 15 minutes" in text
    assert "At least 31 web responses for this unit within 10 minutes" in text


def test_home_lists_the_campaigns_the_log_and_the_reconciliation_queue(campaign, lx_supervisor):
    lx_supervisor.get("/giam-sat/")
    assert 'href="/giam-sat/giam-sat"' in lx_supervisor.html and "/giam-sat/nhat-ky-loai-tru" in lx_supervisor.html
    assert 'href="/doi-chieu"' in lx_supervisor.html


def test_the_sipas_campaign_progress_and_a_response_in_labels(session, sipas_campaign, admin):
    admin.get("/giam-sat/sipas-test")
    assert cells(admin.html, "Tổng") == ["215", "199", "0", "0", "16", "93 %", "16"]  # 16 screened out
    response = session.scalar(select(Response).join(Answer).where(Answer.question_key == "kv_cai_thien"))
    chosen = response.answers[[a.question_key for a in response.answers].index("kv_cai_thien")].value.split()
    labels = {choice.value: choice.label.text("vi") for choice in SIPAS.question("kv_cai_thien").choices}
    admin.get(f"/giam-sat/phieu/{response.id}")
    assert ", ".join(labels[value] for value in chosen) in admin.text()


def test_a_filter_not_offered_is_a_keyed_problem_of_its_field(app):
    with app.test_request_context("/?loi=khong-co&don_vi=AG-LX"), pytest.raises(InvalidInput) as refused:
        read_filters({"loi": ("duplicate", "too_fast"), "don_vi": ["AG-LX"]})
    [problem] = refused.value.problems
    assert (problem.key, problem.field, problem.text("vi")) == (
        "bad_filter", "loi", "Bộ lọc “loi”: giá trị “khong-co” không hợp lệ")


def test_the_exclusion_log_names_its_campaigns_by_name_not_by_slug(session, campaign, admin):
    campaign.name = "Khảo sát giám sát"
    log_exclusion(session, "burst_device", said("detail_burst_device", count=4, minutes=60), clock.now(),
                  campaign_id=campaign.id)
    session.commit()
    admin.get("/giam-sat/nhat-ky-loai-tru")
    text = admin.text()
    assert "Khảo sát giám sát" in text.split("Lý do")[-1]  # the entry's column and the filter's option
    assert '<option value="giam-sat">Khảo sát giám sát</option>' in admin.html
    assert "giam-sat" not in text.replace("/giam-sat", "")
    assert admin.html.count('<th scope="col" class="text">') == 5  # headings over words start at the left
