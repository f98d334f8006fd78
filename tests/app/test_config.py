import re
import subprocess
import sys
from pathlib import Path

import pytest
from flask import request

from survey import config, create_app

ROOT = Path(__file__).resolve().parents[2]


def test_production_without_secret_key_refuses_to_start(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(config.ConfigurationError, match="SECRET_KEY is not set"):
        create_app({"SURVEY_ENV": "production"})


def test_production_takes_the_key_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "k" * 64)
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://khaosat.angiang.gov.vn/")
    app = create_app({"SURVEY_ENV": "production", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})
    assert app.config["SECRET_KEY"] == "k" * 64
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["PUBLIC_BASE_URL"] == "https://khaosat.angiang.gov.vn"


def test_production_without_a_public_base_url_refuses_to_start(monkeypatch):
    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    with pytest.raises(config.ConfigurationError, match="PUBLIC_BASE_URL is not set"):
        config.load("/tmp/instance", {"SURVEY_ENV": "production", "SECRET_KEY": "k" * 64})
    assert config.load("/tmp/instance", {"SURVEY_ENV": "development"})["PUBLIC_BASE_URL"] is None


@pytest.mark.parametrize("base", ["khaosat.angiang.gov.vn", "ftp://khaosat.angiang.gov.vn", "https://",
                                  "https://khaosat.angiang.gov.vn/?a=1", "https://khaosat.angiang.gov.vn/#top"])
def test_a_public_base_url_that_is_no_web_address_is_refused(base):
    with pytest.raises(config.ConfigurationError, match="must be an http"):
        config.load("/tmp/instance", {"SURVEY_ENV": "testing", "PUBLIC_BASE_URL": base})


def test_development_gets_a_throwaway_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = config.load("/tmp/instance", {"SURVEY_ENV": "development"})
    second = config.load("/tmp/instance", {"SURVEY_ENV": "development"})
    assert len(first["SECRET_KEY"]) == 64 and first["SECRET_KEY"] != second["SECRET_KEY"]


def test_unknown_environment_is_named(monkeypatch):
    monkeypatch.setenv("SURVEY_ENV", "staging")
    with pytest.raises(config.ConfigurationError, match="'staging'"):
        config.load("/tmp/instance")


def test_sqlite_is_the_default_in_the_instance_folder(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = config.load("/srv/survey/instance", {"SURVEY_ENV": "testing"})
    assert settings["DATABASE_URL"] == "sqlite:////srv/survey/instance/survey.sqlite3"


def test_database_url_switches_to_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@db/survey")
    assert config.load("/tmp/i", {"SURVEY_ENV": "testing"})["DATABASE_URL"] == "postgresql+psycopg://u@db/survey"


def test_gunicorn_entry_point_fails_clearly_without_a_key_or_a_public_base_url():
    env = {"PATH": "/usr/bin:/bin", "SURVEY_ENV": "production"}
    result = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    env["SECRET_KEY"] = "k" * 64
    result = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "PUBLIC_BASE_URL is not set" in result.stderr


def test_sqlite_connections_use_wal_and_foreign_keys(app, session):
    from survey import db

    if db.engine().dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    with db.engine().connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.parametrize(("hops", "seen"), [(0, "127.0.0.1"), (1, "203.0.113.7")])
def test_client_address_behind_trusted_proxies(tmp_path, hops, seen):
    app = create_app({"SURVEY_ENV": "testing", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
                      "TRUSTED_PROXIES": hops})
    app.add_url_rule("/whoami", "whoami", lambda: request.remote_addr)
    response = app.test_client().get("/whoami", headers={"X-Forwarded-For": "203.0.113.7"})
    assert response.get_data(as_text=True) == seen


def test_the_defaults_of_every_environment_are_declared_in_config(tmp_path):
    settings = config.load(str(tmp_path), {"SURVEY_ENV": "development"})
    assert (settings["EXPORT_FOLDER"], settings["RESULTS_CACHE_FOLDER"], settings["EXPORT_THREADS"]) == (
        str(tmp_path / "exports"), str(tmp_path / "results-cache"), True)
    assert (settings["EXPORT_KEEP_DAYS"], settings["SIGNIN_HOURS"], settings["WEBHOOK_MAX_ATTEMPTS"]) == (7, 12, 8)
    testing = config.load(str(tmp_path), {"SURVEY_ENV": "testing"})
    assert (testing["EXPORT_THREADS"], testing["RESULTS_CACHE_FOLDER"], testing["CLOCK"]) == (False, None, None)


def test_no_setting_is_read_with_a_default_of_its_own():
    """Code reads settings as config[...]; a fallback where one is read (.get with a default, setdefault,
    the environment) would be a second place to look for a setting's default."""
    reads = re.compile(r"config\.get\(|config\.setdefault\(|os\.environ|getenv\(")
    found = [f"{path.relative_to(ROOT)}:{number}" for path in sorted((ROOT / "survey").rglob("*.py"))
             if path.name != "config.py" for number, line in enumerate(path.read_text().splitlines(), 1)
             if reads.search(line)]
    assert found == []
