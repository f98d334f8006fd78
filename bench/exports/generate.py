"""A synthetic campaign of N responses for the export benchmark, written with bulk inserts.

    .venv/bin/python bench/exports/generate.py sqlite:///bench/exports/data/bench.sqlite3 1000000
    .venv/bin/python bench/exports/generate.py postgresql+psycopg://postgres@127.0.0.1:5432/bench_exports 1000000

The database must be empty (it gets the schema of the models); the campaign is `bench-exports`, over the An
Giang demo units and the shipped quick-rating questionnaire (desk_rating.yaml). Answers are random but
deterministic (fixed seed); texts carry commas, quotes, newlines and Vietnamese. Illustrative data only.
"""
import math
import random
import sys
import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import forms  # noqa: E402
from survey import create_app, db  # noqa: E402
from survey.campaigns.operations import CampaignSpec, Target, create_campaign, targets_from_csv  # noqa: E402
from survey.models import Base  # noqa: E402
from survey.questionnaires.operations import import_and_publish  # noqa: E402
from survey.questionnaires.queries import version_definition  # noqa: E402
from survey.units.operations import import_units_csv  # noqa: E402

SLUG = "bench-exports"
CHUNK = 50_000
DEMO = ROOT / "survey" / "demo"
TEXTS = ("Chờ lâu, \"rất\" lâu", "Cán bộ nhiệt tình.\nCảm ơn!", "=cần thêm ghế", "Phí 50.000đ; ổn")
START = datetime(2027, 3, 1, 1, 0, tzinfo=timezone.utc)


def prepare(total: int) -> tuple[int, int, list[int], list[forms.Question]]:
    """Schema, units, questionnaire and campaign for `total` responses; (campaign id, version id, unit ids,
    questions)."""
    with db.transaction() as session:
        Base.metadata.create_all(db.engine())
        import_units_csv(session, (DEMO / "an_giang_units.csv").read_text(encoding="utf-8"))
        version = import_and_publish(session, forms.load_definition(ROOT / "forms" / "desk_rating.yaml"))
        targets = scaled(targets_from_csv(session, (DEMO / "targets_illustrative.csv").read_text(encoding="utf-8")),
                         total)
        campaign = create_campaign(session, CampaignSpec(
            slug=SLUG, name="Benchmark", version=version, targets=targets, channels=("web", "paper"),
            opens_on=date(2027, 3, 1), closes_on=date(2027, 5, 31)))
        session.flush()
        questions = [q for q in version_definition(version).questions if q.kind.has_answer]
        return campaign.id, version.id, [t.unit_id for t in campaign.units], questions


def scaled(targets: list[Target], total: int) -> list[Target]:
    """The demo's N_h times one factor, so that every unit's N_h is at least twice its expected respondents:
    design weights (survey.results.weighting) refuse a unit with more respondents than transactions."""
    factor = max(1, math.ceil(2 * total / len(targets) / min(t.transactions for t in targets)))
    return [replace(t, transactions=t.transactions * factor) for t in targets]


def answer(rng: random.Random, question: forms.Question) -> tuple[str, float | None] | None:
    if question.type == "satisfaction":
        value = rng.choice("1234559" if question.required else "12345599")
        return value, None if value == "9" else float(value)
    if question.type in ("select_one", "yes_no"):
        value = rng.choice(question.choices).value
        return value, {"yes": 1.0, "no": 0.0}.get(value)
    return (rng.choice(TEXTS), None) if rng.random() < 0.15 else None


def chunk(rng: random.Random, first: int, count: int, ids: tuple[int, int, list[int], list]) -> tuple[list, list]:
    campaign_id, version_id, units, questions = ids
    responses, answers = [], []
    for number in range(first, first + count):
        started = START + timedelta(seconds=number * 7)
        paper = number % 10 == 0
        responses.append((number, uuid.UUID(int=rng.getrandbits(128), version=4), campaign_id, version_id,
                          rng.choice(units), "paper" if paper else "web", "submitted", f"P{number}" if paper else None,
                          "vi", started, started + timedelta(seconds=rng.randint(40, 400)),
                          None if paper else "phone"))
        for question in questions:
            given = answer(rng, question)
            if given is not None:
                answers.append((number, question.name, version_id, *given))
    return responses, answers


RESPONSE_COLUMNS = ("id", "uuid", "campaign_id", "questionnaire_version_id", "unit_id", "channel", "status",
                    "paper_serial", "language", "started_at", "submitted_at", "device_class")
ANSWER_COLUMNS = ("response_id", "question_key", "version_id", "value", "number")


def insert_sqlite(connection, responses: list, answers: list) -> None:
    """SQLite's own forms: uuid as 32 hex digits, times as naive UTC text (as SQLAlchemy stores them)."""
    stamp = "%Y-%m-%d %H:%M:%S.%f"
    rows = [(r[0], r[1].hex, *r[2:9], r[9].strftime(stamp), r[10].strftime(stamp), r[11]) for r in responses]
    connection.executemany(f"INSERT INTO responses ({', '.join(RESPONSE_COLUMNS)}) VALUES "
                           f"({', '.join('?' * len(RESPONSE_COLUMNS))})", rows)
    connection.executemany(f"INSERT INTO answers ({', '.join(ANSWER_COLUMNS)}) VALUES (?, ?, ?, ?, ?)", answers)


def insert_postgresql(connection, responses: list, answers: list) -> None:
    with connection.cursor() as cursor:
        for table, columns, rows in (("responses", RESPONSE_COLUMNS, responses), ("answers", ANSWER_COLUMNS, answers)):
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)


def statistics(connection) -> None:
    """ANALYZE, as autovacuum would in time: without statistics PostgreSQL plans each batch's answers
    as a scan of the whole table (133 s for the CSV export instead of 39 s)."""
    connection.execute("ANALYZE")
    connection.commit()


def main(url: str, total: int) -> None:
    app = create_app({"SURVEY_ENV": "development", "DATABASE_URL": url})
    with app.app_context():
        ids = prepare(total)
        raw = db.engine().raw_connection()
        insert = insert_sqlite if url.startswith("sqlite") else insert_postgresql
        rng = random.Random(20270301)
        for first in range(1, total + 1, CHUNK):
            insert(raw.driver_connection, *chunk(rng, first, min(CHUNK, total + 1 - first), ids))
            raw.commit()
        statistics(raw.driver_connection)
        raw.close()
    print(f"{url}: {total} responses in campaign {SLUG}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
