"""Liveness never touches the database; readiness answers 503 with a reason when the database is
down or refuses writes or the disk is nearly full, and 200 "degraded" when Redis is down."""
import socket
from types import SimpleNamespace

import pytest
from sqlalchemy import event, make_url

from survey import create_app, db

MB = 1024 * 1024


@pytest.fixture
def roomy_disk(app, monkeypatch):
    """The readiness of this machine's disk is no business of these tests."""
    monkeypatch.setitem(app.config, "MIN_FREE_DISK_MB", 0)


def test_liveness_answers_without_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def test_readiness_checks_the_database(client, roomy_disk):
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


def test_readiness_is_503_when_the_disk_is_nearly_full(client, monkeypatch, caplog):
    monkeypatch.setattr("survey.health.disk_usage", lambda folder: SimpleNamespace(free=150 * MB))
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json == {"status": "unavailable", "reason": "disk: 150 MB free, under 200 MB"}
    assert "150 MB free in" in caplog.text and client.get("/healthz").status_code == 200


def read_only_app(database_url: str):
    """An app on the test database whose connections refuse writes, as a read-only server would."""
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        url = url.update_query_dict({"options": "-c default_transaction_read_only=on"})
    app = create_app({"SURVEY_ENV": "testing", "DATABASE_URL": url.render_as_string(hide_password=False),
                      "MIN_FREE_DISK_MB": 0})
    if url.get_backend_name() == "sqlite":
        with app.app_context():
            event.listen(db.engine(), "connect", lambda connection, _: connection.execute("PRAGMA query_only = ON"))
    return app


def test_readiness_is_503_when_the_database_refuses_writes(database_url, session, caplog):
    app = read_only_app(database_url)
    ready = app.test_client().get("/readyz")
    assert ready.status_code == 503 and ready.json["reason"].startswith("database refuses writes: ")
    assert "refuses writes" in caplog.text
    with app.app_context():
        db.engine().dispose()
