"""In production every cookie the citizen pages set is Secure, HttpOnly and SameSite=Lax."""
import pytest

from survey import create_app, db


@pytest.fixture
def production_client(app, database_url, make_campaign, session):
    make_campaign("open-web")
    session.commit()
    app = create_app({"SURVEY_ENV": "production", "SECRET_KEY": "k" * 32, "PUBLIC_BASE_URL": "https://survey.example",
                      "DATABASE_URL": database_url,
                      "RATELIMIT_STORAGE_URI": "memory://", "CLOCK": app.config["CLOCK"]})
    yield app.test_client()
    with app.app_context():
        db.engine().dispose()


def test_session_and_device_cookies_are_secure(production_client):
    response = production_client.get("/k/open-web/AG-LX?lang=en", base_url="https://survey.example")
    cookies = response.headers.getlist("Set-Cookie")
    assert {c.split("=")[0] for c in cookies} == {"session", "thiet_bi"}
    for cookie in cookies:
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie, cookie
