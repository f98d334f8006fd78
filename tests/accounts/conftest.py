"""Staff in a browser (the Flask test client): reads the CSRF token like a browser, signs in."""
import html
import re

import pytest
from flask.testing import FlaskClient

from survey.accounts.operations import create_user
from survey.extensions import limiter
from tests.public.conftest import forget_csrf_token, hidden

PASSWORD = "một câu dài dễ nhớ"


@pytest.fixture(autouse=True)
def fresh_limits(app):
    """Rate-limit counters start at zero in every test (the app lives for the whole run)."""
    with app.app_context():
        limiter.reset()
    yield
    with app.app_context():
        limiter.reset()


@pytest.fixture
def settings(app):
    """Change settings for one test."""
    saved = dict(app.config)
    yield app.config
    app.config.clear()
    app.config.update(saved)


@pytest.fixture
def make_user(session, make_unit):
    """Builds and commits an account; `units` are unit codes (made on the fly)."""
    def build(username="lan", role="admin", password=PASSWORD, units=(), **fields):
        user = create_user(session, username, role, password, [make_unit(code) for code in units], **fields)
        session.commit()
        return user
    return build


class Staff:
    """One browser: GETs and POSTs with the page's CSRF token, follows nothing unless asked."""

    def __init__(self, client: FlaskClient):
        self.client = client
        self.html = ""

    def get(self, url: str, **kwargs):
        forget_csrf_token()
        response = self.client.get(url, **kwargs)
        self.html = response.get_data(as_text=True)
        return response

    def post(self, url: str, data: dict | None = None, csrf: bool = True, **kwargs):
        data = {"csrf_token": self.csrf_token(), **(data or {})} if csrf else dict(data or {})
        forget_csrf_token()
        response = self.client.post(url, data=data, **kwargs)
        self.html = response.get_data(as_text=True)
        return response

    def csrf_token(self) -> str:
        """The token of this browser's session now (it changes at sign-in)."""
        forget_csrf_token()
        return hidden(self.client.get("/dang-nhap").get_data(as_text=True), "csrf_token")

    def sign_in(self, username: str, password: str = PASSWORD, **extra: str):
        return self.post("/dang-nhap", {"username": username, "password": password, **extra})

    def sign_out(self):
        return self.post("/dang-xuat")

    def text(self) -> str:
        """The page's visible text, spaces collapsed."""
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", self.html)).split())


@pytest.fixture
def staff(client) -> Staff:
    return Staff(client)


@pytest.fixture
def new_browser(app):
    """Another browser (its own cookies)."""
    return lambda: Staff(app.test_client())
