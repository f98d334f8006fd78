from datetime import timedelta

from tests.clock import TODAY


def test_landing_lists_open_web_campaigns_only(client, make_campaign, session):
    make_campaign("open-web")
    make_campaign("paper-only", channels=("paper",))
    make_campaign("later", opens_on=TODAY + timedelta(days=10), closes_on=TODAY + timedelta(days=20))
    session.commit()
    page = client.get("/").get_data(as_text=True)
    assert "Campaign open-web" in page
    assert "Campaign paper-only" not in page and "Campaign later" not in page
    assert '<html lang="vi">' in page


def test_landing_says_when_nothing_is_open(client):
    assert "Hiện chưa có đợt khảo sát nào đang mở" in client.get("/").get_data(as_text=True)


def test_liveness_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def test_unknown_pages_get_a_clean_404(client):
    response = client.get("/khong-co")
    assert response.status_code == 404 and "404" in response.get_data(as_text=True)
