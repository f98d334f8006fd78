"""Liveness never touches the database; readiness answers 503 with a reason when it is down."""
import socket

from survey import create_app


def test_liveness_answers_without_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def test_readiness_checks_the_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def closed_port() -> int:
    """A local port nothing listens on (bound then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_readiness_is_503_with_a_reason_when_the_database_is_down():
    url = f"postgresql+psycopg://postgres@127.0.0.1:{closed_port()}/survey"
    app = create_app({"SURVEY_ENV": "testing", "DATABASE_URL": url})
    client = app.test_client()
    ready, live = client.get("/readyz"), client.get("/healthz")
    assert ready.status_code == 503 and ready.json["status"] == "unavailable"
    assert ready.json["reason"] == "database: OperationalError"
    assert live.status_code == 200
