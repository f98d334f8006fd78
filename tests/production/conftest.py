"""A throw-away PostgreSQL database with the demo, and gunicorn serving it, for the fault tests."""
import os
import socket
import subprocess
from pathlib import Path

import pytest

from bench.load import prepare
from bench.load.run import environment, gunicorn, throwaway_database
from survey import create_app, db

PG_VERSION = next(iter(os.listdir("/etc/postgresql")), None) if os.path.isdir("/etc/postgresql") else None


def restart_postgresql() -> None:
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, "main", "restart"], check=True,
                   timeout=60)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def fault_env():
    """Settings of a production deployment on a new database (upgraded, demo loaded), two workers."""
    if PG_VERSION is None:
        pytest.skip("needs the local PostgreSQL cluster (pg_ctlcluster)")
    env = {**environment(f"survey_faults_{os.getpid()}"), "SURVEY_WORKERS": "2"}
    with throwaway_database(env):
        yield env


@pytest.fixture(scope="module")
def fault_app(fault_env):
    """The app in-process on the same database: to prepare drafts and count what was stored."""
    app = create_app({"SURVEY_ENV": "production", "SECRET_KEY": fault_env["SECRET_KEY"],
                      "DATABASE_URL": fault_env["DATABASE_URL"], "RATELIMIT_STORAGE_URI": "memory://"})
    yield app
    with app.app_context():
        db.engine().dispose()


@pytest.fixture
def server(fault_env):
    """gunicorn with gunicorn.conf.py (two workers) on a free port, for one test."""
    with gunicorn("bench.load.survey_app:app", free_port(), fault_env) as running:
        yield running


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


@pytest.fixture
def visitor(fault_app) -> prepare.Browser:
    return prepare.browser(fault_app)
