"""Load benchmark: the survey against a bare Flask-WTF app, both under gunicorn.conf.py on a
throw-away PostgreSQL database, measured with wrk on 127.0.0.1 (see bench/README.md, "Load").

    .venv/bin/python bench/load/run.py [--seconds 60] [--connections 16] [--worker-class gthread]
"""
import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.load.cpu import GROUPS, CpuMeter  # noqa: E402  (the path above first)
PG = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]
HERE = Path(__file__).resolve().parent


def environment(database: str) -> dict[str, str]:
    return {**os.environ, "SURVEY_ENV": "production", "SECRET_KEY": secrets.token_hex(32),
            "DATABASE_URL": f"postgresql+psycopg://postgres@127.0.0.1:5432/{database}",
            "REDIS_URL": "redis://127.0.0.1:6379/14", "PUBLIC_BASE_URL": "http://127.0.0.1:8000",
            "SURVEY_ACCESS_LOG": "/dev/null"}


@contextmanager
def throwaway_database(env: dict[str, str]):
    """A new database, upgraded and with the demo loaded; dropped at the end."""
    database = env["DATABASE_URL"].rsplit("/", 1)[1]
    subprocess.run(["createdb", *PG, database], check=True)
    try:
        flask = [str(ROOT / ".venv/bin/flask"), "--app", "wsgi"]
        subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
        subprocess.run([*flask, "demo", "load"], cwd=ROOT, env={**env, "SURVEY_ENV": "development"}, check=True,
                       capture_output=True)
        yield
    finally:
        subprocess.run(["dropdb", *PG, "--force", "--if-exists", database], check=True)


@dataclass(frozen=True)
class Server:
    url: str
    pid: int
    """The gunicorn master's."""


@contextmanager
def gunicorn(app: str, port: int, env: dict[str, str], worker_class: str = "gthread"):
    """gunicorn with the production settings on 127.0.0.1:`port`, until the block ends."""
    command = [str(ROOT / ".venv/bin/gunicorn"), "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
               "--worker-class", worker_class, app]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz" if "survey" in app else f"http://127.0.0.1:{port}/bare")
        yield Server(f"http://127.0.0.1:{port}", process.pid)
    finally:
        process.terminate()
        process.wait(timeout=60)


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def wrk(url: str, script: str, seconds: int, connections: int, extra_env: dict[str, str] | None = None) -> dict:
    """One load run (wrk with one thread: the loader leaves the cores to the server; without wrk on
    the machine, `loader.py`, the same run in Python); its RESULT line."""
    if shutil.which("wrk"):
        command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(HERE / script),
                   url]
    else:
        kind, target = ("get", url) if script == "get.lua" else ("submit", url)
        command = [sys.executable, str(HERE / "loader.py"), kind, target, "--seconds", str(seconds),
                   "--connections", str(connections)]
    out = subprocess.run(command, env={**os.environ, "LOAD_THREADS": "1", **(extra_env or {})},
                         capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    result["rps"] = result["requests"] / result["seconds"]
    return result


def key_file(folder: Path, name: str, cookie: str, token: str, path: str, keys: list) -> str:
    target = folder / name
    target.write_text("\n".join([cookie, token, path, *map(str, keys)]) + "\n")
    return str(target)


def survey_run(env: dict[str, str], folder: Path, args: argparse.Namespace) -> dict:
    from bench.load import prepare
    from survey import create_app

    app = create_app({"RATELIMIT_STORAGE_URI": "memory://"})
    keys = prepare.drafts(app, args.seconds * args.drafts_per_second)
    visitor = prepare.browser(app)
    file = key_file(folder, "survey.keys", visitor.cookie, visitor.csrf_token, "/phieu/%s/gui", keys)
    result = measure("survey_app:app", visitor.start_path, file, "SELECT count(*) FROM responses", env, args)
    result["submit"]["prepared"] = len(keys)
    result["submit"]["drafts_left"] = scalar(env, "SELECT count(*) FROM drafts")
    return result


def scalar(env: dict[str, str], sql: str) -> int:
    engine = create_engine(env["DATABASE_URL"])
    with engine.connect() as connection:
        value = connection.scalar(text(sql))
    engine.dispose()
    return value


def bare_run(env: dict[str, str], folder: Path, args: argparse.Namespace) -> dict:
    from bench.load import bare_app  # reads the environment when imported, like the survey's create_app

    bare_app.metadata.create_all(engine := create_engine(env["DATABASE_URL"]))
    engine.dispose()
    client = bare_app.app.test_client()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get("/bare").get_data(as_text=True))
    cookie = f"session={client.get_cookie('session').value}"
    keys = [uuid.uuid4() for _ in range(args.seconds * 5000)]  # more than a bare app can take
    file = key_file(folder, "bare.keys", cookie, token.group(1), "/bare/%s", keys)
    return measure("bare_app:app", "/bare", file, "SELECT count(*) FROM bench_bare_rows", env, args)


def measure(app: str, page: str, keys: str, count_sql: str, env: dict[str, str], args: argparse.Namespace) -> dict:
    """GET of the form page, then the submit run; stored rows counted before and after it."""
    before = scalar(env, count_sql)
    database = env["DATABASE_URL"].rsplit("/", 1)[1]
    with gunicorn(f"bench.load.{app}", args.port, env, args.worker_class) as server:
        base = server.url
        with CpuMeter(server.pid, database) as get_cpu:
            get = wrk(base + page, "get.lua", args.get_seconds, args.connections)
        with CpuMeter(server.pid, database) as submit_cpu:
            submit = wrk(base, "submit.lua", args.seconds, args.connections, {"LOAD_FILE": keys})
    submit["stored"] = scalar(env, count_sql) - before
    for result, meter in ((get, get_cpu), (submit, submit_cpu)):
        result["cpu_ms"] = {group: meter.seconds[group] * 1000 / max(result["requests"], 1) for group in GROUPS}
    return {"get": get, "submit": submit}


def report(survey: dict, bare: dict, args: argparse.Namespace) -> str:
    lines = [f"worker class {args.worker_class}, {args.connections} connections, "
             f"GET {args.get_seconds} s, submit {args.seconds} s", "",
             "| run | req/s | p50 ms | p99 ms | ratio to bare | 5xx | 4xx | acknowledged | stored |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for kind in ("get", "submit"):
        for name, result in (("survey", survey[kind]), ("bare", bare[kind])):
            r = result
            ratio = r["rps"] / bare[kind]["rps"]
            lines.append(f"| {kind} {name} | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | {ratio:.0%} | "
                         f"{r.get('server_errors', r.get('failed', 0))} | {r.get('client_errors', '-')} | "
                         f"{r.get('acked', r.get('ok'))} | {r.get('stored', '-')} |")
    lines += ["", "CPU per request (ms), read from /proc during each run (`cpu.py`):", "",
              "| run | app | database | Redis | loader | all |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for kind in ("get", "submit"):
        for name, result in (("survey", survey[kind]), ("bare", bare[kind])):
            cpu = result["cpu_ms"]
            lines.append(f"| {kind} {name} | " + " | ".join(f"{cpu[group]:.2f}" for group in GROUPS)
                         + f" | {sum(cpu.values()):.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of each submit run")
    parser.add_argument("--get-seconds", type=int, default=30, help="length of each GET run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--drafts-per-second", type=int, default=400,
                        help="drafts prepared per second of the survey's submit run (more than it can store)")
    args = parser.parse_args()
    env = environment(f"bench_load_{os.getpid()}")
    os.environ.update(env)
    with throwaway_database(env), tempfile.TemporaryDirectory() as folder:
        survey = survey_run(env, Path(folder), args)
        bare = bare_run(env, Path(folder), args)
    print(json.dumps({"survey": survey, "bare": bare}, indent=1))
    print(report(survey, bare, args))
    sent = survey["submit"]
    print(f"survey drafts: {sent['prepared']} prepared = {sent['stored']} stored + {sent['drafts_left']} left: "
          f"{sent['prepared'] == sent['stored'] + sent['drafts_left']}")
    if survey["submit"]["exhausted"] or bare["submit"]["exhausted"]:
        print("INVALID: the prepared keys ran out; rerun with more --drafts-per-second")


if __name__ == "__main__":
    main()
