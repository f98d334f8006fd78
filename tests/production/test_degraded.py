"""Redis unreachable: the rate-limited routes (citizen start, send, resume; sign-in; the API)
answer as usual, counting their limits in the worker's memory, and /readyz says "degraded"."""
import logging

import pytest
from sqlalchemy import func, select

from survey import create_app, db
from survey.db import utcnow
from survey.extensions import limiter
from survey.responses.models import Response
from survey.tokens.operations import issue_token
from tests.accounts.conftest import Staff, make_user  # noqa: F401 (fixture)
from tests.api.conftest import Api
from tests.production.test_health import closed_port
from tests.public.conftest import Respondent, fresh_limits, three_pages  # noqa: F401 (fixtures)

SHARED = ("SURVEY_ENV", "DATABASE_URL", "TIMEZONE", "CLOCK")
"""What the app without Redis takes from the run's app: the same database and the same clock."""


@pytest.fixture
def without_redis(app, session, caplog):
    """An app on the test database whose rate limits are kept in a Redis nobody listens to."""
    caplog.set_level(logging.WARNING, logger="flask-limiter")
    shared = {key: app.config[key] for key in SHARED if key in app.config}
    broken = create_app({**shared, "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{closed_port()}/0",
                         "MIN_FREE_DISK_MB": 0})
    yield broken
    with broken.app_context():
        db.engine().dispose()
    # Flask-Limiter is one extension per process: give it back the run's memory counters, and
    # forget that a storage died (else it keeps counting in its fallback until a ping succeeds).
    limiter.init_app(app)
    limiter._storage_dead = False


def fell_back(caplog) -> bool:
    return "falling back to in-memory storage" in caplog.text


def test_readiness_says_degraded_while_redis_is_down(without_redis, caplog):
    ready = without_redis.test_client().get("/readyz")
    assert ready.status_code == 200 and ready.json["status"] == "degraded"
    assert ready.json["degraded"] == ["rate_limits"] and "storage unreachable" in caplog.text


def test_a_citizen_starts_sends_and_resumes_while_redis_is_down(without_redis, three_pages, session, caplog):
    respondent = Respondent(without_redis.test_client())
    respondent.start("/k/ba-trang/AG-LX")
    code = respondent.resume_code
    other = Respondent(without_redis.test_client())
    other.get("/tiep-tuc")
    other.post("/tiep-tuc", {**other.form_fields(), "code": code})
    other.answer({"visited": "no"})
    other.answer({"sex": "male"})
    other.send()
    assert other.status == 200 and other.url.endswith("/cam-on")
    assert session.scalar(select(func.count()).select_from(Response)) == 1 and fell_back(caplog)


def test_sign_in_works_and_stays_limited_per_worker_while_redis_is_down(without_redis, make_user, caplog):
    make_user("lan", "admin")
    without_redis.config["LIMIT_SIGNIN_PER_ACCOUNT"] = "3 per hour"
    browser = Staff(without_redis.test_client())
    assert browser.sign_in("lan").status_code == 302 and fell_back(caplog)
    statuses = [browser.sign_in("lan", "not the password").status_code for _ in range(3)]
    assert statuses == [401, 401, 429], statuses


def test_the_api_answers_while_redis_is_down(without_redis, session, caplog):
    _, secret = issue_token(session, "mot-cua", ["campaigns:read"], None, None, utcnow())
    session.commit()
    api = Api(without_redis.test_client(), secret)
    assert api.get("/units").status_code == 200 and fell_back(caplog)
    assert api.get("/campaigns").status_code == 200
