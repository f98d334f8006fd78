"""Converters for values read from query strings and forms."""

LARGEST = 2**63 - 1
"""The largest integer every supported database stores (a BIGINT)."""


def bounded_int(text: str) -> int:
    """`int(text)`, refusing what no database column holds: a ValueError, which Werkzeug's
    `request.args.get(name, type=bounded_int)` turns into the default, as for any non-number."""
    number = int(text)
    if not -LARGEST <= number <= LARGEST:
        raise ValueError(f"{text!r} is out of range")
    return number
