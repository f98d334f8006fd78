"""The clock the suite runs on: a fixed instant at which the province's date is not the UTC date.

At 20:30 UTC on 16 November 2026 it is 03:30 on the 17th in Asia/Ho_Chi_Minh, so code or a test
that mixes the two dates (date.today() on a UTC machine, a local midnight compared with UTC
instants) fails on every run, not only in the evening. The app fixture installs the clock (the
CLOCK setting); every test starts again from START and the clock runs on with real elapsed time,
so durations and deadlines still pass.
"""
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
START = datetime(2026, 11, 16, 20, 30, tzinfo=UTC)
TODAY = START.astimezone(ZONE).date()  # the province's date at START: 17 November


class Ticking:
    """A clock set to an instant that runs on with real elapsed time; `set` moves it."""

    def __init__(self, instant: datetime) -> None:
        self.set(instant)

    def set(self, instant: datetime) -> None:
        self.origin = (instant, time.monotonic())  # one assignment: the live server's thread reads it

    def __call__(self) -> datetime:
        instant, since = self.origin
        return instant + timedelta(seconds=time.monotonic() - since)


CLOCK = Ticking(START)
