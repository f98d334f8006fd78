"""XLSForm's metadata (``start``, ``end``, ``today``, ``deviceid``, ``username``): paradata.

A questionnaire declares which it wants (``form: metadata: {name: kind}``); the server, which
knows them, records them with each response under their names, never asking anyone. Other
XLSForm metadata (``phonenumber``, ``simserial``, ``email``...) is what a phone would know and
the server does not: the XLSForm reader skips it with a warning.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

METADATA_KINDS = ("start", "end", "today", "deviceid", "username")


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
        values = {"start": self.started.isoformat(timespec="seconds"),
                  "end": self.ended.isoformat(timespec="seconds"),
                  "today": self.today.isoformat(), "deviceid": self.device,
                  "username": self.username}
        return values[kind]


def metadata_answers(metadata: tuple[tuple[str, str], ...], known: Paradata) -> dict[str, str]:
    """The metadata a definition declares, name -> stored text, those with a value."""
    values = {name: known.value(kind) for name, kind in metadata}
    return {name: text for name, text in values.items() if text is not None}
