"""Timings of the supervisor's reads on a generated campaign of N responses (the export
benchmark's generator: 26 units, the quick-rating questionnaire, ~6 answers a response, 10 %
paper), on SQLite or PostgreSQL:

    .venv/bin/python bench/supervisor/run.py sqlite:////tmp/bench-supervisor.sqlite3 100000
    .venv/bin/python bench/supervisor/run.py postgresql+psycopg://postgres@127.0.0.1:5432/bench_supervisor 100000

The database must be empty. Every unit gets two stratum quotas (on `muc_dich`). Each read runs
three times; the table gives the best CPU seconds of the process (SQLite runs inside it; the
machine is shared, so CPU time is steadier than the wall clock) and the best wall-clock seconds,
for the whole province (an administrator) and for one district's supervisor.
"""
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "exports"))

import generate  # noqa: E402
from sqlalchemy import select  # noqa: E402

from survey import create_app, db  # noqa: E402
from survey.campaigns.models import Campaign  # noqa: E402
from survey.campaigns.operations import set_stratum_quota  # noqa: E402
from survey.quality.progress import daily_counts, stratum_progress, surveyor_progress, unit_progress  # noqa: E402
from survey.quality.queries import flagged_responses, response_findings  # noqa: E402
from survey.responses.models import Response  # noqa: E402
from survey.accounts.operations import create_user  # noqa: E402

ZONE = "Asia/Ho_Chi_Minh"
PASSWORD = "một câu dài dễ nhớ cho bench"


def reads(session, campaign, units, response) -> dict:
    return {
        "progress per unit": lambda: unit_progress(session, campaign, units),
        "progress per stratum": lambda: stratum_progress(session, campaign, units),
        "progress per surveyor": lambda: surveyor_progress(session, campaign, units),
        "responses per day": lambda: daily_counts(session, campaign, units, ZONE),
        "flagged responses (all rules)": lambda: flagged_responses(session, campaign, units),
        "flags of one response": lambda: response_findings(session, response),
    }


def pages(app, session, campaign) -> dict:
    """The progress and flags pages for an administrator, through the test client (sign-in included)."""
    create_user(session, "bench-admin", "admin", PASSWORD, [])
    session.commit()
    client = app.test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/dang-nhap").get_data(as_text=True)).group(1)
    client.post("/dang-nhap", data={"csrf_token": token, "username": "bench-admin", "password": PASSWORD})

    def get(url: str):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return {"progress page (GET /giam-sat/<campaign>)": lambda: get(f"/giam-sat/{campaign.slug}"),
            "flags page (GET …/chat-luong)": lambda: get(f"/giam-sat/{campaign.slug}/chat-luong")}


def timed(read) -> tuple[float, float]:
    """(best CPU seconds, best wall seconds) of three runs."""
    cpu, wall = [], []
    for _ in range(3):
        start, clock = time.process_time(), time.perf_counter()
        read()
        cpu.append(time.process_time() - start)
        wall.append(time.perf_counter() - clock)
    return min(cpu), min(wall)


def main(url: str, total: int) -> None:
    generate.main(url, total)
    app = create_app({"SURVEY_ENV": "development", "DATABASE_URL": url})
    with app.app_context():
        session = db.session()
        campaign = session.scalar(select(Campaign).where(Campaign.slug == generate.SLUG))
        for target in campaign.units:
            for value in ("nop_ho_so", "nhan_ket_qua"):
                set_stratum_quota(session, campaign, target.unit, "muc_dich", value, 60)
        session.commit()
        district = next(t for t in campaign.units if t.unit.level == "district")
        response = session.scalar(select(Response).where(Response.campaign_id == campaign.id).limit(1))
        print(f"| read | whole province ({total:,}): CPU / wall s | one district ({district.unit.code}): CPU / wall s |")
        print("| --- | ---: | ---: |")
        province = reads(session, campaign, None, response)
        one_district = reads(session, campaign, {district.unit_id}, response)
        for name in province:
            everyone, one = timed(province[name]), timed(one_district[name])
            print(f"| {name} | {everyone[0]:.3f} / {everyone[1]:.3f} | {one[0]:.3f} / {one[1]:.3f} |")
        for name, read in pages(app, session, campaign).items():
            cpu, wall = timed(read)
            print(f"| {name} | {cpu:.3f} / {wall:.3f} | |")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
