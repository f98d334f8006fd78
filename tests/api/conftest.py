"""API clients: tokens issued on the fly, requests with `Authorization: Bearer`."""
import pytest

from survey.db import utcnow
from survey.tokens.operations import issue_token
from tests.accounts.conftest import fresh_limits, make_user, settings, staff  # noqa: F401 (fixtures)

ALL_SCOPES = ("campaigns:read", "responses:read", "responses:write", "invitations:write", "results:read")


@pytest.fixture
def make_token(session):
    """Issues and commits a token; returns the secret to send."""
    def build(name="one-stop-shop", scopes=ALL_SCOPES, unit=None):
        _, secret = issue_token(session, name, list(scopes), unit, None, utcnow())
        session.commit()
        return secret
    return build


class Api:
    """The test client with a token: get/post JSON under /api/v1."""

    def __init__(self, client, token: str | None):
        self.client, self.token = client, token

    def headers(self) -> dict:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def get(self, path: str, **params):
        return self.client.get(f"/api/v1{path}", query_string=params, headers=self.headers())

    def post(self, path: str, body):
        return self.client.post(f"/api/v1{path}", json=body, headers=self.headers())


@pytest.fixture
def api(client, make_token):
    """A client holding a token with every scope, for the whole province."""
    return Api(client, make_token())


@pytest.fixture
def api_with(client, make_token):
    """A client with a token of the given scopes (and unit), or with no token (None)."""
    counter = iter(range(1000))

    def build(*scopes, unit=None, token=...):
        secret = make_token(f"token-{next(counter)}", scopes, unit) if token is ... else token
        return Api(client, secret)
    return build
