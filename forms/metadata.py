"""XLSForm's metadata (``start``, ``end``, ``today``, ``deviceid``, ``username``): paradata.

A questionnaire declares which it wants (``form: metadata: {name: kind}``); the server, which
knows them, records them with each response under their names, never asking anyone. Other
XLSForm metadata (``phonenumber``, ``simserial``, ``email``...) is what a phone would know and
the server does not: the XLSForm reader skips it with a warning.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .definition import Definition, Question
from .labels import Label

METADATA_KINDS = ("start", "end", "today", "deviceid", "username")
LABELS = {
    "start": ("Bắt đầu trả lời (giờ UTC)", "Started answering (UTC)"),
    "end": ("Gửi phiếu (giờ UTC)", "Sent (UTC)"),
    "today": ("Ngày gửi (giờ của tỉnh)", "Day sent (the province's time)"),
    "deviceid": ("Mã thiết bị (băm)", "Device id (hashed)"),
    "username": ("Tên đăng nhập của người nhập phiếu", "Username of the keyer"),
}
"""What each metadata column means, as exports and codebooks label it."""


def utc(moment: datetime.datetime) -> datetime.datetime:
    """``moment`` in UTC; a naive one (as SQLite gives them back) is taken as UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC)


@dataclass(frozen=True)
class Paradata:
    """What the server knows of a response when it records it."""

    started: datetime.datetime
    ended: datetime.datetime
    today: datetime.date
    """The day of ``ended`` on the province's clock (never the UTC date)."""
    device: str | None
    """The hash of the device's cookie (web channel), None when there is none."""
    username: str | None
    """The signed-in keyer or interviewer, None for a citizen."""

    def value(self, kind: str) -> str | None:
        """The stored text of one metadata kind (times in ISO form, in UTC)."""
        values = {"start": utc(self.started).isoformat(timespec="seconds"),
                  "end": utc(self.ended).isoformat(timespec="seconds"),
                  "today": self.today.isoformat(), "deviceid": self.device,
                  "username": self.username}
        return values[kind]


def metadata_answers(metadata: tuple[tuple[str, str], ...], known: Paradata) -> dict[str, str]:
    """The metadata a definition declares, name -> stored text, those with a value."""
    values = {name: known.value(kind) for name, kind in metadata}
    return {name: text for name, text in values.items() if text is not None}


def metadata_questions(definition: Definition) -> tuple[Question, ...]:
    """The definition's metadata as text questions nobody is asked, for exports to list."""
    return tuple(Question(name, "text", Label(dict(zip(("vi", "en"), LABELS[kind], strict=True))))
                 for name, kind in definition.metadata)
