"""gunicorn.conf.py: workers from the CPU count, and a fresh database pool in every forked worker."""
import multiprocessing
import runpy
from pathlib import Path
from types import SimpleNamespace

from survey import db

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def settings(monkeypatch, **env: str) -> dict:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


def test_workers_follow_the_cpu_count_unless_set(monkeypatch):
    monkeypatch.delenv("SURVEY_WORKERS", raising=False)
    assert settings(monkeypatch)["workers"] == 2 * multiprocessing.cpu_count() + 1
    assert settings(monkeypatch, SURVEY_WORKERS="2")["workers"] == 2


def test_recycling_is_jittered_and_the_app_preloaded(monkeypatch):
    conf = settings(monkeypatch)
    assert conf["max_requests"] > 0 and conf["max_requests_jitter"] > 0 and conf["preload_app"]
    assert conf["timeout"] >= conf["keepalive"] and conf["graceful_timeout"] > 0


def test_a_forked_worker_starts_with_an_empty_pool(app, monkeypatch):
    with app.app_context():
        engine = db.engine()
        with engine.connect():
            pass
        inherited = engine.pool
    server = SimpleNamespace(app=SimpleNamespace(wsgi=lambda: app))
    settings(monkeypatch)["post_fork"](server, None)
    assert engine.pool is not inherited and engine.pool.checkedin() == 0
    inherited.dispose()  # what the parent process would do with its own connections
