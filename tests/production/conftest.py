"""The fault suite's own PostgreSQL cluster and Redis server (never the machine's shared ones: they
are killed and paused here), a database with the demo, gunicorn serving it, and the report."""
import os
import secrets
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from bench.load.run import ROOT, Server, wait_until_up
from survey import create_app, db
from tests.production import cluster, paths

REPORT: list[str] = []
"""The tables of the fault runs, printed at the end of the session and written to the report file."""


@pytest.fixture(scope="module")
def services():
    """A PostgreSQL cluster and a Redis server of this module alone, on free ports."""
    if not (cluster.BIN / "initdb").exists() or shutil.which("redis-server") is None:
        pytest.skip("needs PostgreSQL 15's programs and redis-server")
    with cluster.postgresql() as postgresql, cluster.redis() as redis:
        yield postgresql, redis


@pytest.fixture(scope="module")
def fault_env(services):
    """Settings of a production deployment behind one reverse proxy, two workers, on a new
    database (upgraded, demo loaded)."""
    postgresql, redis = services
    postgresql.psql("-c", "CREATE DATABASE survey")
    env = {**base_environment(), "SURVEY_ENV": "production", "SECRET_KEY": secrets.token_hex(32),
           "DATABASE_URL": postgresql.url("survey"), "REDIS_URL": redis.url, "SURVEY_WORKERS": "2",
           "SURVEY_TRUSTED_PROXIES": "1", "PUBLIC_BASE_URL": "https://khaosat.example.vn",
           "SURVEY_ACCESS_LOG": "/dev/null"}
    flask(env, "db", "upgrade")
    flask({**env, "SURVEY_ENV": "development"}, "demo", "load")
    return env


def flask(env: dict[str, str], *arguments: str) -> None:
    done = subprocess.run([str(ROOT / ".venv/bin/flask"), "--app", "wsgi", *arguments], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"flask {' '.join(arguments)} failed:\n{done.stderr[-3000:]}")


def base_environment() -> dict[str, str]:
    """This process's environment without the test database settings (the suite has its own)."""
    return {key: value for key, value in os.environ.items() if key not in ("TEST_DATABASE_URL", "DATABASE_URL")}


@pytest.fixture(scope="module")
def fault_app(fault_env):
    """The app in-process on the same database: to prepare what clients send."""
    app = create_app({key: fault_env[key] for key in ("SURVEY_ENV", "SECRET_KEY", "DATABASE_URL", "PUBLIC_BASE_URL")}
                     | {"RATELIMIT_STORAGE_URI": "memory://"})
    yield app
    with app.app_context():
        db.engine().dispose()


@pytest.fixture(scope="module")
def ready(fault_app) -> paths.Prepared:
    return paths.prepared(fault_app)


@pytest.fixture
def counting(fault_env):
    """An engine on the fault database, for counting what was stored once a run is over."""
    engine = create_engine(fault_env["DATABASE_URL"], pool_pre_ping=True)
    yield engine
    engine.dispose()


@pytest.fixture
def server(fault_env, tmp_path):
    """gunicorn with gunicorn.conf.py (two workers) and the real limits, on a free port, for one
    test; its log in the test's tmp_path."""
    with serving(cluster.free_port(), fault_env, tmp_path / "gunicorn.log") as running:
        yield running


@contextmanager
def serving(port: int, env: dict[str, str], log: Path):
    command = [str(ROOT / ".venv/bin/gunicorn"), "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "wsgi:app"]
    with open(log, "w") as errors:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=errors, stderr=errors)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        yield Server(f"http://127.0.0.1:{port}", process.pid)
    finally:
        process.terminate()
        process.wait(timeout=60)


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


@pytest.fixture(scope="session")
def report_file(tmp_path_factory) -> Path:
    return tmp_path_factory.getbasetemp() / "faults-report.md"


def pytest_terminal_summary(terminalreporter) -> None:
    if REPORT:
        terminalreporter.section("faults: acknowledged = stored, per path")
        terminalreporter.write("\n".join(REPORT))
