"""Paper-entry keying speed: N SIPAS paper forms keyed in chromium with the keyboard only.

Loads the An Giang demo into a throw-away SQLite database, serves the app on 127.0.0.1, signs in
the demo surveyor and keys a seeded stack of valid SIPAS forms at /nhap-phieu with Playwright's
keyboard (no mouse, no fill): the serial, Enter, each asked question's code or words, Enter.
Reports per form the keystrokes a keyer needs (Telex for Vietnamese words) and the app's time
(typing at machine speed, the save and the next blank form included), then converts keystrokes
into a keyer's time at a stated rate of an experienced data-entry clerk.

    .venv/bin/python bench/entry/run.py [--forms 30] [--seed 1]
"""
import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import date
from pathlib import Path

from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from paper_forms import draw_form, form_keystrokes  # noqa: E402
from survey import create_app, db  # noqa: E402
from survey.demo.operations import ACCOUNTS, CAMPAIGN_SLUG, load_demo  # noqa: E402
from survey.models import Base  # noqa: E402
from survey.questionnaires.queries import version_definition  # noqa: E402
from survey.responses.operations import unit_codes  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
KEYSTROKES_PER_HOUR = (8000, 10000)
"""Rates of experienced data-entry clerks (the range commonly required in data-entry job tests)."""
TARGET_SECONDS = 90
UNIT = "AG-PLX"


def main() -> None:
    options = parse()
    app, stack, definition = prepare(options)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        rows = key_all(f"http://127.0.0.1:{server.server_port}", stack, definition)
    finally:
        server.shutdown()
    report(rows, server_cpu(app, stack), options)


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


def prepare(options):
    folder = tempfile.mkdtemp(prefix="bench-entry-")
    app = create_app({"SURVEY_ENV": "development", "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
                      "WTF_CSRF_TIME_LIMIT": None})
    with app.app_context():
        Base.metadata.create_all(db.engine())
        with db.transaction() as session:
            demo = load_demo(session, date.today(), with_accounts=True)
        definition = version_definition(demo.campaign.questionnaire_version)
        codes = unit_codes(db.session(), definition)
    rng = random.Random(options.seed)
    stack = [(f"LX-{number:05d}", draw_form(definition, rng, codes)) for number in range(1, options.forms + 1)]
    return app, stack, definition


def key_all(base: str, stack, definition) -> list[dict]:
    from playwright.sync_api import sync_playwright

    surveyor = next(account for account in ACCOUNTS if account[1] == "surveyor")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        page.goto(f"{base}/dang-nhap")
        page.fill("#username", surveyor[0])
        page.fill("#password", surveyor[3])
        page.click("main button[type=submit]")
        page.goto(f"{base}/nhap-phieu/{CAMPAIGN_SLUG}/{UNIT}")
        rows = [key_one(page, serial, typed) for serial, typed in stack]
        browser.close()
    return rows


def key_one(page, serial: str, typed: dict[str, str]) -> dict:
    """Key one form from a blank page: the whole drive, and the save (last Enter to the next blank form)."""
    presses = 0
    started = time.perf_counter()
    for text in [serial, *typed.values()]:
        page.keyboard.type(text)
        presses += len(text) + 1
        saving = time.perf_counter()
        page.keyboard.press("Enter")
    page.wait_for_selector(f"#entry-status .stored:has-text('{serial}')")
    done = time.perf_counter()
    return {"serial": serial, "questions": len(typed), "key_events": presses,
            "keystrokes": form_keystrokes(serial, typed), "drive_seconds": round(done - started, 3),
            "save_seconds": round(done - saving, 3)}


def server_cpu(app, stack) -> dict:
    """CPU seconds of the server for one save (the POST and the blank form after it), in-process with
    the test client: unlike the browser's wall time it does not grow with the machine's load."""
    client = app.test_client()
    surveyor = next(account for account in ACCOUNTS if account[1] == "surveyor")
    client.post("/dang-nhap", data={"username": surveyor[0], "password": surveyor[3],
                                    "csrf_token": csrf(client.get("/dang-nhap"))})
    url = f"/nhap-phieu/{CAMPAIGN_SLUG}/{UNIT}"
    spent = []
    for serial, typed in stack:
        page = client.get(url)
        data = {"csrf_token": csrf(page), "uuid": str(uuid.uuid4()), "serial": f"CPU-{serial}", **typed}
        started = time.process_time()
        assert client.post(url, data=data, follow_redirects=True).status_code == 200
        spent.append(time.process_time() - started)
    return {"save_cpu_ms_median": round(statistics.median(spent) * 1000, 1),
            "save_cpu_ms_max": round(max(spent) * 1000, 1)}


def csrf(response) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', response.get_data(as_text=True)).group(1)


def report(rows: list[dict], cpu: dict, options) -> None:
    keys = [row["keystrokes"] for row in rows]
    save = [row["save_seconds"] for row in rows]
    summary = {"forms": len(rows), "seed": options.seed,
               "questions_median": statistics.median(row["questions"] for row in rows),
               "keystrokes_median": statistics.median(keys), "keystrokes_max": max(keys),
               "drive_seconds_median": round(statistics.median(row["drive_seconds"] for row in rows), 2),
               "save_seconds_median": round(statistics.median(save), 3), "save_seconds_max": round(max(save), 3),
               **cpu, "load_average": round(os.getloadavg()[0], 1), "cpus": os.cpu_count()}
    for rate in KEYSTROKES_PER_HOUR:
        summary[f"keyer_seconds_median_at_{rate}"] = round(
            statistics.median(keys) * 3600 / rate + statistics.median(save), 1)
        summary[f"keyer_seconds_max_at_{rate}"] = round(max(keys) * 3600 / rate + max(save), 1)
    Path(__file__).with_name("results.json").write_text(json.dumps({"summary": summary, "forms": rows}, indent=1))
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
