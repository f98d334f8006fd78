"""Signatures of webhook posts: HMAC-SHA256 with the subscription's secret over "<timestamp>.<body>".

A receiver recomputes the signature from the raw body and the X-Survey-Timestamp header, compares
it in constant time, and refuses timestamps too far from its clock (a replayed old post):

    expected = "sha256=" + hmac.new(secret.encode(), f"{timestamp}.".encode() + body, "sha256").hexdigest()
"""
import hashlib
import hmac

SIGNATURE_HEADER = "X-Survey-Signature"
TIMESTAMP_HEADER = "X-Survey-Timestamp"
TOLERANCE_SECONDS = 300


def sign(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(secret: str, timestamp: str, body: bytes, signature: str, now: float,
           tolerance: int = TOLERANCE_SECONDS) -> bool:
    """Whether `signature` is ours for this body and the timestamp is fresh."""
    try:
        moment = int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs(now - moment) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, moment, body), signature or "")
