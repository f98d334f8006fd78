"""Faults under load: gunicorn (two workers, gunicorn.conf.py, the real rate limits) on the suite's
own PostgreSQL cluster and Redis. Clients of every path (paths.py) send responses, each retrying
until acknowledged, and now and then hanging up right after sending; mid-run a worker is killed,
PostgreSQL restarted, crashed (SIGKILL) or hung (SIGSTOP, SIGCONT), or Redis stopped.

Per path: every acknowledged response is stored, once; nothing is stored that no client holds as
acknowledged; the lost-acknowledgement case (committed, reply never received, retried) happened;
and the service acknowledges again within seconds. The tables go to the terminal summary and to
faults-report.md in pytest's base temporary folder.
"""
import os
import signal
import time
import uuid
from collections.abc import Callable

import pytest

from bench.load import prepare
from tests.production import conftest, ledger, paths
from tests.production.conftest import workers_of
from tests.production.retrying import Outcome, RetryingClients

pytestmark = pytest.mark.slow
RECOVERY_SECONDS = 5.0
"""How long clients of a path may go without an acknowledgement once the fault is over."""
HANG_SECONDS = 4
"""Longer than a client waits for a reply (retrying.TIMEOUT): requests in flight commit after it gave up."""
KEYS = 1000
"""Keys prepared per path: more than a run sends (a run is bounded by time, not by count)."""
SENDERS = {"citizen": paths.Citizen, "invitation": paths.Citizen, "paper": paths.Paper, "offline": paths.Offline,
           "api": paths.Api}


def keys_of(app) -> dict[str, list[uuid.UUID]]:
    """Drafts on the review page for the web paths; fresh uuids for the others (made by their clients)."""
    made = {path: [uuid.uuid4() for _ in range(KEYS)] for path in ("paper", "offline", "api")}
    return {"citizen": prepare.drafts(app, KEYS), "invitation": paths.invited_drafts(app, KEYS), **made}


def run_with_fault(server, ready, keys: dict, fault: Callable[[], None]) -> tuple[dict, float, float]:
    """Clients send for 3 s, the fault happens (returning once it is over), they go on for 6 s and
    settle what they hold. The outcomes by path, when the fault was over, and the run's length."""
    began = time.monotonic()
    clients = {path: RetryingClients(server.url, lambda path=path: SENDERS[path](ready), keys[path])
               for path in SENDERS}
    for each in clients.values():
        each.start()
    time.sleep(3)
    fault()
    over = time.monotonic()
    time.sleep(6)
    for each in clients.values():
        each.stop()
    outcomes = {path: each.join() for path, each in clients.items()}
    assert all(each.keys.qsize() for each in clients.values()), "a path ran out of keys: the run proves less"
    return outcomes, over, time.monotonic() - began


def check_exactly_once(counting, name: str, keys: dict, outcomes: dict, seconds: float) -> list[ledger.Tally]:
    """Tally every path, add the table to the report, then assert exactly once on each."""
    with counting.connect() as connection:
        tallies = [ledger.tally(connection, path, keys[path], outcomes[path]) for path in SENDERS]
        conftest.REPORT.append(ledger.table(name, seconds, tallies))
        for t in tallies:
            assert_exactly_once(connection, t, keys[t.path], outcomes[t.path])
    return tallies


def assert_exactly_once(connection, t: ledger.Tally, keys: list[uuid.UUID], outcome: Outcome) -> None:
    assert outcome.unexpected == [] and outcome.given_up == [], t.path
    assert (t.lost, t.duplicates, t.unacknowledged) == (0, 0, 0), t
    assert t.stored == t.acknowledged > 0, t
    assert t.lost_ack_retries > 0, f"{t.path}: no lost acknowledgement was retried: the hard case went untested"
    for check, (found, expected) in ledger.side_effects(connection, t.path, keys, t.stored).items():
        assert found == expected, f"{t.path}: {check} {found}, expected {expected}"


def recovered(outcomes: dict, since: float) -> None:
    for path, outcome in outcomes.items():
        assert outcome.longest_silence_after(since) < RECOVERY_SECONDS, f"{path} stayed silent"


def noticed(tallies: list[ledger.Tally]) -> None:
    """The fault reached the clients (failed attempts beyond the hang-ups): a fault was tested."""
    assert sum(t.counts.get(kind, 0) for t in tallies for kind in ("retry", "timed out", "cut")) > 0


@pytest.fixture
def report(report_file):
    yield
    report_file.write_text("\n".join(conftest.REPORT))


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(server, ready, fault_app, counting, report):
    keys = keys_of(fault_app)
    victim = workers_of(server.pid)[0]
    outcomes, over, seconds = run_with_fault(server, ready, keys, lambda: os.kill(victim, signal.SIGKILL))
    check_exactly_once(counting, "a gunicorn worker killed (SIGKILL)", keys, outcomes, seconds)
    recovered(outcomes, over)
    assert victim not in workers_of(server.pid) and len(workers_of(server.pid)) == 2


def test_a_postgresql_restart_mid_run_loses_and_duplicates_nothing(server, ready, fault_app, counting, report,
                                                                    services):
    keys = keys_of(fault_app)
    outcomes, over, seconds = run_with_fault(server, ready, keys, services[0].restart)
    noticed(check_exactly_once(counting, "PostgreSQL restarted (pg_ctl restart -m fast)", keys, outcomes, seconds))
    recovered(outcomes, over)


def test_a_postgresql_crash_mid_run_loses_and_duplicates_nothing(server, ready, fault_app, counting, report,
                                                                  services):
    keys = keys_of(fault_app)
    outcomes, over, seconds = run_with_fault(server, ready, keys, services[0].kill)
    noticed(check_exactly_once(counting, "PostgreSQL postmaster killed (SIGKILL), started again", keys, outcomes,
                               seconds))
    recovered(outcomes, over)


def test_a_postgresql_hang_mid_run_loses_and_duplicates_nothing(server, ready, fault_app, counting, report,
                                                                 services):
    keys = keys_of(fault_app)
    outcomes, over, seconds = run_with_fault(server, ready, keys, lambda: services[0].pause(HANG_SECONDS))
    tallies = check_exactly_once(counting, f"PostgreSQL hung {HANG_SECONDS} s (SIGSTOP, then SIGCONT)", keys, outcomes,
                                 seconds)
    assert sum(t.by_fault for t in tallies) > 0, "no reply lost to the hang was retried"
    recovered(outcomes, over)


def test_redis_stopped_mid_run_loses_nothing_and_the_service_goes_on(server, ready, fault_app, counting, report,
                                                                     services):
    """Last: the limits fall back to each worker's memory while Redis is away, so acknowledgements
    never stop (silence is measured from the moment Redis stopped)."""
    redis = services[1]
    stopped = []

    def outage() -> None:
        redis.stop()
        stopped.append(time.monotonic())
        time.sleep(5)
        redis.start()

    keys = keys_of(fault_app)
    outcomes, _, seconds = run_with_fault(server, ready, keys, outage)
    check_exactly_once(counting, "Redis stopped 5 s, started again", keys, outcomes, seconds)
    recovered(outcomes, stopped[0])
