"""Dates as the province sees them: campaign dates are local (Asia/Ho_Chi_Minh by default)."""
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app


def today() -> date:
    return datetime.now(ZoneInfo(current_app.config["TIMEZONE"])).date()


def end_of_day(day: date) -> datetime:
    """Midnight after `day` in the province's time zone: what is valid through `day` ends then."""
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=zone)
