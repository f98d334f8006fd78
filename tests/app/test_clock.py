"""The province's clock: the instant in UTC, the date in the province's zone, the source injectable
(CLOCK), and the suite fixed at an instant when the province is already on the next day."""
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from forms.checking import AnswerLookup
from forms.expressions import parse
from survey import clock, create_app
from tests.clock import START, TODAY, ZONE

ROOT = Path(__file__).resolve().parents[2]


def test_in_the_suite_the_province_date_is_not_the_utc_date(session):
    assert clock.today() == TODAY == date(2026, 11, 17)
    assert clock.now().date() == date(2026, 11, 16) != clock.today()


def test_today_in_questionnaire_expressions_is_the_province_date(session):
    """A calculation or constraint with today() reads the injected clock, not the machine's (UTC) date."""
    lookup = AnswerLookup(None, {})  # type: ignore[arg-type]  # today() reads no question
    assert parse("today()").evaluate(lookup) == TODAY.isoformat() == "2026-11-17"


def test_the_suite_clock_runs_on_from_its_instant(session):
    first = clock.now()
    assert START <= first <= clock.now()


@pytest.mark.parametrize("instant, today", [
    (datetime(2026, 11, 16, 16, 59, tzinfo=UTC), date(2026, 11, 16)),
    (datetime(2026, 11, 16, 17, 0, tzinfo=UTC), date(2026, 11, 17)),
    (datetime(2026, 11, 17, 16, 59, tzinfo=UTC), date(2026, 11, 17)),
    (datetime(2026, 12, 31, 17, 0, tzinfo=UTC), date(2027, 1, 1)),
])
def test_today_is_the_date_in_the_province_not_in_utc(session, clock_at, instant, today):
    clock_at(instant)
    assert clock.today() == today


def test_now_is_in_utc_whatever_zone_the_source_gives(session, clock_at):
    clock_at(datetime(2026, 11, 17, 3, 30, tzinfo=ZONE))
    assert clock.now().tzinfo is UTC and clock.now().replace(second=0, microsecond=0) == START


def test_a_province_day_runs_from_17_00_utc_the_day_before(session):
    start, end = clock.start_of_day(TODAY), clock.end_of_day(TODAY)
    assert (start, end) == (datetime(2026, 11, 16, 17, tzinfo=UTC), start + timedelta(days=1))
    assert start.tzinfo is end.tzinfo is UTC  # SQLite stores no offset: instants go in as UTC


def test_the_real_time_by_default_and_outside_an_app():
    app = create_app({"SURVEY_ENV": "testing", "DATABASE_URL": "sqlite://"})
    before = datetime.now(UTC)
    outside = clock.now()
    with app.app_context():
        inside = clock.now()
    assert before <= outside <= inside <= datetime.now(UTC)


def test_only_the_clock_reads_the_time():
    """A module reading the time itself would ignore the injected clock (and mix up the two dates)."""
    reads = re.compile(r"\b(datetime\.(now|utcnow|today)|date\.today|time\.time)\(")
    sources = [*(ROOT / "survey").rglob("*.py"), *(ROOT / "forms").rglob("*.py")]
    readers = [path.relative_to(ROOT).as_posix() for path in sources if reads.search(path.read_text(encoding="utf-8"))]
    assert readers == ["survey/clock.py"]
