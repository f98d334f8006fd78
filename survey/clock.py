"""The service's one clock: the current instant (UTC) and the date as the province sees it.

Campaign dates are local (Asia/Ho_Chi_Minh by default) while instants are stored in UTC: from
17:00 to 24:00 UTC the province is already on the next day. Every reading of the time goes through
here so that the source can be replaced: the app's `CLOCK` setting, a callable returning an aware
datetime (tests fix the instant). The real time is the default, and the source outside an app
context (a thread or a script without one keeps working).
"""
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import Flask, current_app, has_app_context

import forms


def now() -> datetime:
    """The current instant, aware, in UTC."""
    source = current_app.config["CLOCK"] if has_app_context() else None
    return (source or real_time)().astimezone(UTC)


def real_time() -> datetime:
    return datetime.now(UTC)


def zone() -> ZoneInfo:
    """The province's time zone (the TIMEZONE setting)."""
    return ZoneInfo(current_app.config["TIMEZONE"])


def today() -> date:
    """The province's date at this instant (not the UTC date)."""
    return now().astimezone(zone()).date()


def register_clock(app: Flask) -> None:
    """today() in questionnaire expressions (calculations, constraints) is the province's date."""
    forms.use_clock(today)


def start_of_day(day: date) -> datetime:
    """The instant (UTC) the province's `day` begins: compare stored instants with this, never with
    a local midnight (SQLite keeps no offset)."""
    return datetime.combine(day, time(), tzinfo=zone()).astimezone(UTC)


def end_of_day(day: date) -> datetime:
    """The instant (UTC) of midnight after the province's `day`: what is valid through `day` ends then."""
    return start_of_day(day + timedelta(days=1))


def aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes from timezone-aware columns; they were stored in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def local(moment: datetime) -> datetime:
    """A stored instant (naive UTC from SQLite, or aware) as the province's clock reads it."""
    return aware(moment).astimezone(zone())


def day_and_time(moment: datetime) -> str:
    """A stored instant as the pages write it: the province's day and time, day first."""
    return local(moment).strftime("%d/%m/%Y %H:%M")


def last_day(end: datetime) -> date:
    """The province's day that ends at the instant `end` (naive UTC from SQLite or aware), the inverse of
    end_of_day: an invitation valid through 31/12 ends at midnight on 01/01 and shows 31/12."""
    return (local(end) - timedelta(microseconds=1)).date()
