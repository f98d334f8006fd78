"""Opaque cursors for keyset pagination: the id of the last row served, encoded.

Rows are served in id order and each page starts after the last id of the previous one, so a
walk sees every row that existed when it started exactly once, and rows inserted meanwhile at
most once (at its end), however the pages are spaced in time. Clients must not build cursors.
"""
import base64
import json

from survey.api.errors import ApiError


def encode(last_id: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"v": 1, "after": last_id}).encode()).decode().rstrip("=")


def decode(cursor: str) -> int:
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        after = data["after"]
    except (ValueError, TypeError, KeyError):
        raise ApiError(400, "invalid", "the cursor is not one this API gave", "cursor") from None
    if not isinstance(after, int) or isinstance(after, bool) or not 0 <= after < 2 ** 63:
        raise ApiError(400, "invalid", "the cursor is not one this API gave", "cursor")
    return after
