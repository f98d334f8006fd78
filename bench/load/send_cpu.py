"""CPU of the app per citizen's send and per page save, in process (issue 19; bench/README.md, "Load").

    .venv/bin/python bench/load/send_cpu.py --database sqlite|postgresql [--sends 500] [--profile N]
        [--name survey_send] [--limits memory://|redis://127.0.0.1:6379/14]

A throw-away database (SQLite file, or PostgreSQL `--name`) is upgraded and given the demo;
prepared drafts (`prepare.py`, a complete SIPAS response each) are then sent through the test
client with the production settings (rate limits raised, counted in memory by default, or in
Redis as production counts them: the memory storage starts a timer thread per count, which is
the bench's CPU, not the app's), as `run.py`'s submit run sends them over HTTP. Page save: each
of other drafts posts one page again with its answers, back to the review. Reported:
`time.process_time` per request, after a warm-up; with `--profile N`, the N heaviest functions
(cProfile, cumulative) of the sends instead.
"""
import argparse
import cProfile
import os
import pstats
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
WARM_UP = 20
PAGE = "cong_chuc"
"""The page saved: a page of satisfaction items, the commonest kind."""


@contextmanager
def database(kind: str, name: str = "survey_send") -> Iterator[str]:
    """The URL of a database upgraded and holding the demo; dropped at the end."""
    if kind == "postgresql":
        from bench.load.run import environment, throwaway_database

        env = environment(name)
        with throwaway_database(env):
            yield env["DATABASE_URL"]
        return
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/send.sqlite3"
        load_demo({**os.environ, "DATABASE_URL": url})
        yield url


def load_demo(env: dict[str, str]) -> None:
    flask = [str(ROOT / ".venv/bin/flask"), "--app", "wsgi"]
    for command in (["db", "upgrade"], ["demo", "load"]):
        subprocess.run([*flask, *command], cwd=ROOT, env={**env, "SURVEY_ENV": "development"}, check=True,
                       capture_output=True)


def production_app(url: str, limits: str = "memory://"):
    """The app as `survey_app.py` serves it, with the limiter's counters in `limits` (a storage URI)."""
    os.environ.update(SURVEY_ENV="production", SECRET_KEY=secrets.token_hex(32), DATABASE_URL=url,
                      PUBLIC_BASE_URL="http://127.0.0.1:8000")
    from bench.load.survey_app import UNLIMITED
    from survey import create_app

    return create_app({"RATELIMIT_STORAGE_URI": limits,
                       **{f"LIMIT_{kind}_PER_{who}": UNLIMITED
                          for kind in ("START", "SUBMIT", "RESUME") for who in ("ADDRESS", "DEVICE")}})


def sender(app, visitor) -> Callable:
    """Sends one prepared draft; fails loudly unless the send is acknowledged."""
    client = app.test_client(use_cookies=False)

    def send(key) -> None:
        reply = client.post(f"/phieu/{key}/gui", data={"csrf_token": visitor.csrf_token, "_uuid": str(key)},
                            headers={"Cookie": visitor.cookie})
        if reply.status_code != 302 or "/cam-on" not in reply.location:
            raise RuntimeError(f"send of {key}: {reply.status_code} {reply.get_data(as_text=True)[-1500:]}")
    return send


def page_saver(app, visitor) -> Callable:
    """Posts the page `PAGE` of a prepared draft again with its answers (back to the review)."""
    from bench.load.prepare import campaign_definition, complete_answers
    from survey import db
    from survey.public.navigation import REVIEW
    from survey.public.pages import answer_fields, shown_names

    with app.app_context():
        definition, district = campaign_definition(db.session())
    answers = complete_answers(definition, district)
    section = definition.section(PAGE)
    form = {name: answers[name] for name in answer_fields(section) if name in answers}
    form.update(csrf_token=visitor.csrf_token, _shown=" ".join(shown_names(definition, section, answers)),
                _from=REVIEW)
    client = app.test_client(use_cookies=False)

    def save(key) -> None:
        reply = client.post(f"/phieu/{key}/trang/{PAGE}", data={**form, "_uuid": str(key)},
                            headers={"Cookie": visitor.cookie})
        if reply.status_code != 302 or "/xem-lai" not in reply.location:
            raise RuntimeError(f"save of {key}: {reply.status_code} {reply.get_data(as_text=True)[-1500:]}")
    return save


def cpu_per_request(action: Callable, keys: list, profile: int) -> float:
    """Milliseconds of process CPU per call after the warm-up (or the profile printed, and 0)."""
    for key in keys[:WARM_UP]:
        action(key)
    measured = keys[WARM_UP:]
    if profile:
        profiler = cProfile.Profile(time.process_time)  # CPU, not waits on the database
        profiler.runcall(lambda: [action(key) for key in measured])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(profile)
        return 0.0
    start = time.process_time()
    for key in measured:
        action(key)
    return (time.process_time() - start) * 1000 / len(measured)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--sends", type=int, default=500, help="sends and page saves measured (each)")
    parser.add_argument("--profile", type=int, default=0, help="print the N heaviest functions instead")
    parser.add_argument("--name", default="survey_send", help="the PostgreSQL database made and dropped")
    parser.add_argument("--limits", default="memory://", help="the rate limiter's storage URI")
    args = parser.parse_args()
    from bench.load import prepare

    with database(args.database, args.name) as url:
        app = production_app(url, args.limits)
        visitor = prepare.browser(app)
        count = args.sends + WARM_UP
        sends = cpu_per_request(sender(app, visitor), prepare.drafts(app, count), args.profile)
        saves = cpu_per_request(page_saver(app, visitor), prepare.drafts(app, count), args.profile)
    print(f"{args.database} ({args.limits}): {args.sends} each, CPU per send {sends:.2f} ms, per page save "
          f"{saves:.2f} ms, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
