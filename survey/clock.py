"""Dates as the province sees them: campaign dates are local (Asia/Ho_Chi_Minh by default)."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app


def today() -> date:
    return datetime.now(ZoneInfo(current_app.config["TIMEZONE"])).date()
