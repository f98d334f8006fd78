"""Faults under load: gunicorn (two workers, gunicorn.conf.py) on a throw-away PostgreSQL database,
eight clients sending prepared drafts and retrying each until acknowledged. A worker is killed,
or PostgreSQL restarted, mid-run. No acknowledged response may be lost or stored twice, and the
service must acknowledge again within seconds."""
import os
import signal
import time
from collections.abc import Callable
from uuid import UUID

import pytest
from sqlalchemy import func, select

from bench.load import prepare
from survey import db
from survey.responses.models import Answer, Draft, Response
from tests.production.conftest import restart_postgresql, workers_of
from tests.production.retrying import Outcome, RetryingClients

pytestmark = pytest.mark.slow
RECOVERY_SECONDS = 5.0
"""How long clients may go without an acknowledgement once the fault has happened."""


def run_with_fault(server, visitor: prepare.Browser, keys: list[UUID], fault: Callable[[], None]) -> tuple[Outcome, float]:
    """Clients send for 3 s, the fault happens, they go on for 6 s and settle what they hold."""
    clients = RetryingClients(server.url, visitor.cookie, visitor.csrf_token, keys)
    clients.start()
    time.sleep(3)
    fault()
    after_fault = time.monotonic()
    time.sleep(6)
    return clients.finish(), after_fault


def stored(app, keys: list[UUID]) -> tuple[dict[UUID, int], int, set[int]]:
    """Among `keys`: response rows per uuid, drafts left, and the distinct answer counts per response."""
    with app.app_context():
        session = db.session()
        rows = dict(session.execute(select(Response.uuid, func.count()).where(Response.uuid.in_(keys))
                                    .group_by(Response.uuid)).all())
        drafts = session.scalar(select(func.count()).select_from(Draft).where(Draft.uuid.in_(keys)))
        answers = set(session.scalars(select(func.count(Answer.response_id)).join(Response)
                                      .where(Response.uuid.in_(keys)).group_by(Answer.response_id)))
    return rows, drafts, answers


def check_exactly_once(app, keys: list[UUID], outcome: Outcome) -> None:
    assert outcome.unexpected == [] and outcome.given_up == []
    rows, drafts, answers = stored(app, keys)
    assert set(outcome.acked) <= set(rows), "an acknowledged response was lost"
    assert set(rows.values()) == {1}, "a response was stored twice"
    assert len(rows) == len(outcome.acked), "a response was stored that no client holds as acknowledged"
    assert drafts == len(keys) - len(rows), "a draft outlived its response, or vanished without one"
    assert len(answers) == 1, "responses of identical drafts have different numbers of answers"


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(server, visitor, fault_app):
    keys = prepare.drafts(fault_app, 3000)
    victim = workers_of(server.pid)[0]
    outcome, after_fault = run_with_fault(server, visitor, keys, lambda: os.kill(victim, signal.SIGKILL))
    check_exactly_once(fault_app, keys, outcome)
    assert outcome.longest_silence_after(after_fault) < RECOVERY_SECONDS
    assert victim not in workers_of(server.pid) and len(workers_of(server.pid)) == 2


def test_a_postgresql_restart_mid_run_loses_and_duplicates_nothing(server, visitor, fault_app):
    keys = prepare.drafts(fault_app, 3000)
    outcome, after_restart = run_with_fault(server, visitor, keys, restart_postgresql)
    check_exactly_once(fault_app, keys, outcome)
    assert outcome.longest_silence_after(after_restart) < RECOVERY_SECONDS
    assert outcome.server_errors + outcome.connection_errors > 0, "the restart went unnoticed: no fault was tested"
